import { buildCapacityGrid, scanOverAllocations, updateDemandHours } from '@baton/core/resources/index';
import { createRandom, report } from '../schedule/workload.ts';
import { generateGridWorkload } from './workload.ts';

// W2: 5,000 resources × 104 weeks from 2,000,000 assignments: build the grid, scan for
// over-allocations (median of 5 after a warm-up), then 10,000 single-assignment updates.
// W2_SCALE=0.1 for a quick run.
const scale = Number(process.env.W2_SCALE ?? '1');
const resources = Math.round(5000 * scale);
const assignments = Math.round(2_000_000 * scale);
const weeks = 104;
const gc = (globalThis as { gc?: () => void }).gc;

const warm = generateGridWorkload(500, weeks, 200_000, 1);
for (let i = 0; i < 5; i++) scanOverAllocations(buildCapacityGrid(warm), { includeTentative: i % 2 === 0 });

const t0 = performance.now();
const order = process.env.W2_ORDER === 'random' ? 'random' : 'by-resource';
const w = generateGridWorkload(resources, weeks, assignments, 42, order);
report('W2', `assignments ordered ${order}`, 1, 'flag');
report('W2', 'resources', resources, 'count');
report('W2', 'periods', weeks, 'count');
report('W2', 'assignments', assignments, 'count');
report('W2', 'assignment-weeks', w.demands.hours.length, 'count');
report('W2', 'generate', performance.now() - t0, 'ms');
gc?.();

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const builds: number[] = [];
const scans: number[] = [];
const scansTentative: number[] = [];
const scansRunsOnly: number[] = [];
let grid = buildCapacityGrid(w);
let runs = 0;
let runsTentative = 0;
for (let i = 0; i < 5; i++) {
  const a = performance.now();
  grid = buildCapacityGrid(w);
  const b = performance.now();
  runs = scanOverAllocations(grid, { includeTentative: false }).length;
  const c = performance.now();
  runsTentative = scanOverAllocations(grid, { includeTentative: true }).length;
  const d = performance.now();
  scanOverAllocations(grid, { includeTentative: false, listProjects: false });
  const e = performance.now();
  builds.push(b - a);
  scans.push(c - b);
  scansTentative.push(d - c);
  scansRunsOnly.push(e - d);
}
report('W2', 'build grid (median of 5)', median(builds), 'ms');
report('W2', 'scan committed (median of 5)', median(scans), 'ms');
report('W2', 'scan incl. tentative (median of 5)', median(scansTentative), 'ms');
report('W2', 'scan committed, runs only (median of 5)', median(scansRunsOnly), 'ms');
report(
  'W2',
  'build + scan runs only (median of 5)',
  median(builds.map((b, i) => b + (scansRunsOnly[i] as number))),
  'ms',
);
report(
  'W2',
  'build + scan committed (median of 5)',
  median(builds.map((b, i) => b + (scans[i] as number))),
  'ms',
);
report('W2', 'over-allocation runs (committed)', runs, 'count');
report('W2', 'over-allocation runs (incl. tentative)', runsTentative, 'count');
const explained = scanOverAllocations(grid, { includeTentative: false });
report(
  'W2',
  'projects named per run (mean)',
  explained.reduce((s, r) => s + r.projects.length, 0) / explained.length,
  'count',
);
report(
  'W2',
  'over-allocated resource-weeks share',
  (100 *
    scanOverAllocations(grid, { includeTentative: false }).reduce(
      (s, r) => s + r.lastPeriod - r.firstPeriod + 1,
      0,
    )) /
    (resources * weeks),
  '%',
);

// One changed assignment: new hours for all its weeks, as an edit from the UI would send.
const rnd = createRandom(7);
const updates = Number(process.env.W2_UPDATES ?? '10000');
const times: number[] = [];
const d = w.demands;
for (let u = 0; u < updates; u++) {
  const i = Math.floor(rnd() * d.count);
  const len = (d.offset[i + 1] as number) - (d.offset[i] as number);
  const hours = new Float64Array(len).fill(0.4 + rnd() * 2);
  const s = performance.now();
  updateDemandHours(grid, i, hours);
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const pct = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
report('W2', 'updates', updates, 'count');
report('W2', 'update one assignment p50', pct(0.5) * 1000, 'µs');
report('W2', 'update one assignment p99', pct(0.99) * 1000, 'µs');
report('W2', 'update one assignment max', (times[times.length - 1] ?? 0) * 1000, 'µs');
