import { buildNetwork, runFullPasses, scheduleCompiledNetwork } from '@baton/core/schedule/index';
import { generateWorkload, report } from './workload.ts';

// W1: 10,000 projects / 1,000,000 tasks / 1,500,000 links, full forward + backward pass.
// W1_SCALE=0.1 for a quick run; W1_WARMUP=1 first runs the passes on a 300-project network (a
// warm server); `node --expose-gc --import tsx` lets it collect the build's garbage before timing.
const scale = Number(process.env.W1_SCALE ?? '1');
const projects = Math.round(10_000 * scale);
let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const gc = (globalThis as { gc?: () => void }).gc;
if (process.env.W1_WARMUP === '1') {
  const warm = buildNetwork(
    generateWorkload({ projects: 300, tasksPerProject: 100, linksPerProject: 148, crossLinks: 600, seed: 1 })
      .builder,
  );
  if (warm.ok) for (let i = 0; i < 5; i++) runFullPasses(warm.network);
}
const t0 = performance.now();
const { builder } = generateWorkload({
  projects,
  tasksPerProject: 100,
  linksPerProject: 148,
  crossLinks: projects * 2,
  seed: 42,
});
const t1 = performance.now();
sample();
const built = buildNetwork(builder);
if (!built.ok) throw new Error(`workload has ${built.cycles.length} cycles`);
const net = built.network;
const t2 = performance.now();
sample();
report('W1', 'tasks', net.taskIds.length, 'count');
report('W1', 'links', net.inFrom.length, 'count');
report('W1', 'generate', t1 - t0, 'ms');
report('W1', 'build', t2 - t1, 'ms');
report('W1', 'load+build', t2 - t0, 'ms');
gc?.();
const runs: number[] = [];
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  runFullPasses(net);
  runs.push(performance.now() - s);
  sample();
}
report('W1', 'forward+backward (first run)', runs[0] ?? 0, 'ms');
const sorted = [...runs].sort((a, b) => a - b);
report('W1', 'forward+backward (median of 5)', sorted[2] ?? 0, 'ms');
report('W1', 'forward+backward (best of 5)', sorted[0] ?? 0, 'ms');
const s = performance.now();
scheduleCompiledNetwork(net);
report('W1', 'full schedule incl. ALAP, floats', performance.now() - s, 'ms');
sample();
report('W1', 'peak rss', peak / 1024 / 1024, 'MB');
