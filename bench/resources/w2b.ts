import { levelAll } from '@baton/core/resources/index';
import { report } from '../schedule/workload.ts';
import { generateLevellingWorkload } from './workload.ts';

// W2b: levelAll on 100,000 tasks (1,000 projects × 100) over 1,000 resources and 520 working
// days, in both modes (median of 3 after a warm-up). W2B_SCALE=0.1 for a quick run.
const scale = Number(process.env.W2B_SCALE ?? '1');
const projects = Math.round(1000 * scale);
const resources = Math.round(1000 * scale);
const gc = (globalThis as { gc?: () => void }).gc;

const warm = generateLevellingWorkload(100, 100, 100, 520, 1);
for (let i = 0; i < 3; i++) levelAll(warm, { mode: i % 2 === 0 ? 'within-float' : 'allow-beyond-float' });

const t0 = performance.now();
const input = generateLevellingWorkload(projects, 100, resources, 520, 42);
report('W2b', 'tasks', input.tasks.count, 'count');
report('W2b', 'resources', resources, 'count');
report('W2b', 'links', input.tasks.successors?.length ?? 0, 'count');
report('W2b', 'generate', performance.now() - t0, 'ms');
gc?.();

for (const mode of ['within-float', 'allow-beyond-float'] as const) {
  const times: number[] = [];
  let result = levelAll(input, { mode });
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    result = levelAll(input, { mode });
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  let delayed = 0;
  for (const d of result.delay) if (d > 0) delayed++;
  report('W2b', `levelAll ${mode} (median of 3)`, times[1] ?? 0, 'ms');
  report('W2b', `${mode}: tasks delayed`, delayed, 'count');
  report('W2b', `${mode}: unresolved over-allocation runs`, result.unresolved.length, 'count');
  report('W2b', `${mode}: projects finishing later`, result.projectFinishDelays.length, 'count');
}
