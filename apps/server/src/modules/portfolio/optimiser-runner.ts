import { Worker } from 'node:worker_threads';
import {
  efficientFrontier,
  type FrontierPoint,
  optimizePortfolio,
  type PortfolioProblem,
  type PortfolioProgress,
  type PortfolioSolution,
} from '@baton/core';

export type WorkerJob =
  | {
      kind: 'optimise';
      problem: PortfolioProblem;
      timeLimitSeconds: number;
      gap: number;
      periodLabels?: string[];
    }
  | { kind: 'frontier'; problem: PortfolioProblem; timeLimitSeconds: number; gap: number; points: number };

export type WorkerMessage =
  | { type: 'progress'; progress: PortfolioProgress }
  | { type: 'solution'; solution: PortfolioSolution }
  | { type: 'point'; point: FrontierPoint; index: number }
  | { type: 'frontier'; points: FrontierPoint[] }
  | { type: 'error'; message: string };

/** What a job reports as it runs and when it ends. */
export type JobListener = {
  progress?: (p: PortfolioProgress) => void;
  point?: (p: FrontierPoint, index: number) => void;
};

/**
 * Runs an optimisation in a worker thread and resolves with its solution (or frontier). If a worker
 * cannot be started here (an environment without worker support), it solves in this thread instead.
 */
export function runInWorker(
  job: WorkerJob,
  listener: JobListener,
): Promise<PortfolioSolution | FrontierPoint[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./optimiser-worker.mjs', import.meta.url), { workerData: job });
    } catch {
      resolve(runHere(job, listener));
      return;
    }
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') listener.progress?.(m.progress);
      else if (m.type === 'point') listener.point?.(m.point, m.index);
      else if (m.type === 'solution') settle(() => resolve(m.solution));
      else if (m.type === 'frontier') settle(() => resolve(m.points));
      else settle(() => reject(new Error(m.message)));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the optimiser stopped unexpectedly (exit code ${code})`))),
    );
  });
}

function runHere(job: WorkerJob, listener: JobListener): Promise<PortfolioSolution | FrontierPoint[]> {
  if (job.kind === 'optimise')
    return optimizePortfolio(job.problem, {
      timeLimitSeconds: job.timeLimitSeconds,
      gap: job.gap,
      ...(job.periodLabels ? { periodLabels: job.periodLabels } : {}),
      ...(listener.progress ? { onProgress: listener.progress } : {}),
    });
  return efficientFrontier(job.problem, {
    points: job.points,
    timeLimitSeconds: job.timeLimitSeconds,
    gap: job.gap,
    ...(listener.point ? { onPoint: listener.point } : {}),
  });
}
