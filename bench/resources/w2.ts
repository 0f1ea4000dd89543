import {
  buildCapacityGrid,
  type CapacityGrid,
  type DemandColumns,
  projectsOfRun,
  scanOverAllocations,
  updateDemandHours,
  updateSegment,
} from '@baton/core/resources/index';
import { createRandom, report } from '../schedule/workload.ts';
import { expandToPerPeriod, type GridWorkload, generateGridWorkload } from './workload.ts';

// W2: 5,000 resources × 104 weeks from 2,000,000 assignments: build the grid, scan for
// over-allocations (median of 5 after warm-up rounds), then 10,000 single-assignment updates.
// The assignments are flat segments (the realistic shape of a booking); the same demand expanded
// to per-period rows is measured too, as the baseline. W2_SCALE=0.1 for a quick run.
const scale = Number(process.env.W2_SCALE ?? '1');
const resources = Math.round(5000 * scale);
const assignments = Math.round(2_000_000 * scale);
const weeks = 104;
const gc = (globalThis as { gc?: () => void }).gc;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The workload's grid input with the demand as per-period rows instead of segments. */
const perPeriodInput = (g: GridWorkload, demands: DemandColumns) => ({
  resourceCount: g.resourceCount,
  periodCount: g.periodCount,
  capacity: g.capacity,
  demands,
});

const warm = generateGridWorkload(500, weeks, 200_000, 1);
const warmPerPeriod = expandToPerPeriod(warm.segments);
for (let i = 0; i < 5; i++) {
  const includeTentative = i % 2 === 0;
  scanOverAllocations(buildCapacityGrid(warm), { includeTentative });
  scanOverAllocations(buildCapacityGrid(perPeriodInput(warm, warmPerPeriod)), {
    includeTentative,
    listProjects: false,
  });
}

const t0 = performance.now();
const order = process.env.W2_ORDER === 'random' ? 'random' : 'by-resource';
const w = generateGridWorkload(resources, weeks, assignments, 42, order);
report('W2', `assignments ordered ${order}`, 1, 'flag');
report('W2', 'resources', resources, 'count');
report('W2', 'periods', weeks, 'count');
report('W2', 'assignments (segments)', assignments, 'count');
report('W2', 'generate', performance.now() - t0, 'ms');
const perPeriod = expandToPerPeriod(w.segments);
report('W2', 'baseline: assignment-weeks', perPeriod.hours.length, 'count');
gc?.();

type Timings = { build: number[]; runsOnly: number[]; named: number[]; namedTentative: number[] };
/** Five rounds of build, scan runs only, scan naming projects (committed, then incl. tentative). */
function measure(build: () => CapacityGrid, label: string): CapacityGrid {
  const t: Timings = { build: [], runsOnly: [], named: [], namedTentative: [] };
  let grid = build();
  // Untimed rounds on the full input first: the first few are slower (tiering, fresh pages).
  for (let i = 0; i < 3; i++) {
    scanOverAllocations(grid, { includeTentative: false, listProjects: false });
    grid = build();
  }
  for (let i = 0; i < 5; i++) {
    const a = performance.now();
    grid = build();
    const b = performance.now();
    scanOverAllocations(grid, { includeTentative: false, listProjects: false });
    const c = performance.now();
    scanOverAllocations(grid, { includeTentative: false });
    const d = performance.now();
    scanOverAllocations(grid, { includeTentative: true });
    const e = performance.now();
    t.build.push(b - a);
    t.runsOnly.push(c - b);
    t.named.push(d - c);
    t.namedTentative.push(e - d);
  }
  const sum = (xs: number[]) => median(t.build.map((b, i) => b + (xs[i] as number)));
  report('W2', `${label}: build grid (median of 5)`, median(t.build), 'ms');
  report('W2', `${label}: scan committed, runs only (median of 5)`, median(t.runsOnly), 'ms');
  report('W2', `${label}: scan committed, naming projects (median of 5)`, median(t.named), 'ms');
  report(
    'W2',
    `${label}: scan incl. tentative, naming projects (median of 5)`,
    median(t.namedTentative),
    'ms',
  );
  report('W2', `${label}: build + scan runs only (median of 5)`, sum(t.runsOnly), 'ms');
  report('W2', `${label}: build + scan naming projects (median of 5)`, sum(t.named), 'ms');
  return grid;
}

const grid = measure(() => buildCapacityGrid(w), 'segments');
gc?.();
const baseline = measure(() => buildCapacityGrid(perPeriodInput(w, perPeriod)), 'baseline');

// Both forms hold the same demand: same aggregates (up to float rounding), same runs and projects.
let maxDiff = 0;
for (let c = 0; c < grid.committed.length; c++)
  maxDiff = Math.max(
    maxDiff,
    Math.abs((grid.committed[c] as number) - (baseline.committed[c] as number)),
    Math.abs((grid.tentative[c] as number) - (baseline.tentative[c] as number)),
  );
report('W2', 'segments vs baseline: largest cell difference', maxDiff * 1e12, '1e-12 h');
const runs = scanOverAllocations(grid, { includeTentative: false });
const baseRuns = scanOverAllocations(baseline, { includeTentative: false });
const key = (r: (typeof runs)[number]) =>
  `${r.resource}:${r.firstPeriod}-${r.lastPeriod}:${r.projects.join(',')}`;
const baseKeys = new Set(baseRuns.map(key));
report(
  'W2',
  'segments vs baseline: runs differing',
  runs.filter((r) => !baseKeys.has(key(r))).length,
  'count',
);
report('W2', 'over-allocation runs (committed)', runs.length, 'count');
report(
  'W2',
  'over-allocation runs (incl. tentative)',
  scanOverAllocations(grid, { includeTentative: true }).length,
  'count',
);
report(
  'W2',
  'projects named per run (mean)',
  runs.reduce((s, r) => s + r.projects.length, 0) / runs.length,
  'count',
);
report(
  'W2',
  'over-allocated resource-weeks share',
  (100 * runs.reduce((s, r) => s + r.lastPeriod - r.firstPeriod + 1, 0)) / (resources * weeks),
  '%',
);

// The server's way: scan runs only, then name the projects of the runs it returns (a page of 100).
const paged: number[] = [];
for (let i = 0; i < 5; i++) {
  const a = performance.now();
  const page = scanOverAllocations(grid, { includeTentative: false, listProjects: false }).slice(0, 100);
  for (const run of page) projectsOfRun(grid, run, { includeTentative: false });
  paged.push(performance.now() - a);
}
report('W2', 'segments: scan runs only + projectsOfRun for 100 runs (median of 5)', median(paged), 'ms');

const updates = Number(process.env.W2_UPDATES ?? '10000');
const pct = (times: number[], p: number): number => {
  const sorted = [...times].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) * 1000;
};
const reportUpdates = (label: string, times: number[]) => {
  report('W2', `${label} p50`, pct(times, 0.5), 'µs');
  report('W2', `${label} p99`, pct(times, 0.99), 'µs');
  report('W2', `${label} max`, pct(times, 1), 'µs');
};
report('W2', 'updates per kind', updates, 'count');

// One changed assignment, as an edit from the UI would send: new hours per week; or moved by up
// to 4 weeks either way and stretched or shrunk by up to 2.
const rnd = createRandom(7);
const s = w.segments;
const hoursTimes: number[] = [];
const moveTimes: number[] = [];
for (let u = 0; u < updates; u++) {
  const i = Math.floor(rnd() * s.count);
  const hoursPerPeriod = 0.4 + rnd() * 2;
  const a = performance.now();
  updateSegment(grid, i, { hoursPerPeriod });
  hoursTimes.push(performance.now() - a);
  const j = Math.floor(rnd() * s.count);
  const firstPeriod = (s.firstPeriod[j] as number) + Math.floor(rnd() * 9) - 4;
  const lastPeriod = Math.max(firstPeriod, (s.lastPeriod[j] as number) + Math.floor(rnd() * 13) - 6);
  const b = performance.now();
  updateSegment(grid, j, { firstPeriod, lastPeriod });
  moveTimes.push(performance.now() - b);
}
reportUpdates('segments: update one assignment hours', hoursTimes);
reportUpdates('segments: move one assignment', moveTimes);

const d = perPeriod;
const baseTimes: number[] = [];
for (let u = 0; u < updates; u++) {
  const i = Math.floor(rnd() * d.count);
  const hours = new Float64Array((d.offset[i + 1] as number) - (d.offset[i] as number)).fill(0.4 + rnd() * 2);
  const a = performance.now();
  updateDemandHours(baseline, i, hours);
  baseTimes.push(performance.now() - a);
}
reportUpdates('baseline: update one assignment hours', baseTimes);
