// Worker thread: solves one portfolio problem (or its efficient frontier) off the server's event
// loop, posting progress as HiGHS reports it. The solver is synchronous inside, so a request thread
// running it would stall every other request for the length of the solve.
import { parentPort, workerData } from 'node:worker_threads';
import { efficientFrontier, optimizePortfolio } from '@baton/core';
import type { WorkerJob, WorkerMessage } from './optimiser-runner.ts';

const job = workerData as WorkerJob;
const post = (m: WorkerMessage) => parentPort?.postMessage(m);
try {
  if (job.kind === 'optimise') {
    const solution = await optimizePortfolio(job.problem, {
      timeLimitSeconds: job.timeLimitSeconds,
      gap: job.gap,
      ...(job.periodLabels ? { periodLabels: job.periodLabels } : {}),
      onProgress: (p) => post({ type: 'progress', progress: p }),
    });
    post({ type: 'solution', solution });
  } else {
    const points = await efficientFrontier(job.problem, {
      points: job.points,
      timeLimitSeconds: job.timeLimitSeconds,
      gap: job.gap,
      onPoint: (point, index) => post({ type: 'point', point, index }),
    });
    post({ type: 'frontier', points });
  }
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
}
