import { buildNetwork, editTask, scheduleCompiledNetwork } from '@baton/core/schedule/index';
import { createRandom, generateWorkload, report } from './workload.ts';

// W1b: inside the W1 portfolio (with ten 1,000-task projects), edit one task's duration and
// re-propagate; report latency percentiles over many edits.
const scale = Number(process.env.W1_SCALE ?? '1');
const projects = Math.round(10_000 * scale);
const { builder, firstTask } = generateWorkload({
  projects,
  tasksPerProject: 100,
  linksPerProject: 148,
  bigProjects: 10,
  bigProjectTasks: 1000,
  crossLinks: projects * 2,
  seed: 7,
});
const built = buildNetwork(builder);
if (!built.ok) throw new Error('cyclic workload');
const net = built.network;
scheduleCompiledNetwork(net);
report('W1b', 'tasks', net.taskIds.length, 'count');
const rnd = createRandom(99);
const edits = Number(process.env.W1B_EDITS ?? '2000');
const times: number[] = [];
let visited = 0;
for (let i = 0; i < edits; i++) {
  const project = Math.floor(rnd() * 10);
  const task = (firstTask[project] as number) + Math.floor(rnd() * 1000);
  const duration = (1 + Math.floor(rnd() * 10)) * 480;
  const s = performance.now();
  const r = editTask(net, task, { durationMinutes: duration });
  times.push(performance.now() - s);
  visited += r.visitedNodes;
}
times.sort((a, b) => a - b);
const pct = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
report('W1b', 'edits', edits, 'count');
report('W1b', 'p50', pct(0.5), 'ms');
report('W1b', 'p99', pct(0.99), 'ms');
report('W1b', 'max', times[times.length - 1] ?? 0, 'ms');
report('W1b', 'nodes visited per edit (mean)', visited / edits, 'count');
