import type { CapacityGrid, DemandFilter, OverAllocationRun } from './capacity-grid.ts';

/** A project's demand within one run, for naming the projects behind an over-allocation. */
export type ProjectHours = { readonly project: number; readonly hours: number };

const SHELL_GAPS = [1750, 701, 301, 132, 57, 23, 10, 4, 1];

/**
 * Sorts `ids[0..n)` by `weight` descending, ties by id ascending. A Shell sort on the typed
 * arrays: the lists are a few dozen long and Array#sort with a comparator was half the scan.
 */
function sortByWeight(ids: Int32Array, n: number, weight: Float64Array): void {
  for (const gap of SHELL_GAPS) {
    if (gap >= n) continue;
    for (let a = gap; a < n; a++) {
      const id = ids[a] as number;
      const w = weight[id] as number;
      let b = a - gap;
      for (; b >= 0; b -= gap) {
        const other = ids[b] as number;
        const ow = weight[other] as number;
        if (ow > w || (ow === w && other < id)) break;
        ids[b + gap] = other;
      }
      ids[b + gap] = id;
    }
  }
}

/** (run, project, hours) triples of one resource, grown as needed and reused across resources. */
type Pairs = { n: number; run: Int32Array; project: Int32Array; hours: Float64Array };

function pushPair(b: Pairs, run: number, project: number, hours: number): void {
  if (b.n === b.run.length) {
    const size = b.run.length * 2;
    const run2 = new Int32Array(size);
    const project2 = new Int32Array(size);
    const hours2 = new Float64Array(size);
    run2.set(b.run);
    project2.set(b.project);
    hours2.set(b.hours);
    b.run = run2;
    b.project = project2;
    b.hours = hours2;
  }
  b.run[b.n] = run;
  b.project[b.n] = project;
  b.hours[b.n] = hours;
  b.n++;
}

/**
 * Runs of one resource, as the scan leaves them: run j covers periods first[j]..last[j], ordered;
 * `runOf[p]` is the run of period p (−1 outside), `nextRun[p]` the first run ending at or after p.
 */
type Runs = {
  count: number;
  first: Int32Array;
  last: Int32Array;
  runOf: Int32Array;
  nextRun: Int32Array;
};

/** Collects every positive demand of resource r falling in one of its runs, in both forms. */
function collectPairs(grid: CapacityGrid, r: number, runs: Runs, withTentative: boolean, out: Pairs): void {
  const lo = runs.first[0] as number;
  const hi = runs.last[runs.count - 1] as number;
  const d = grid.demands;
  const dEnd = grid.byResourceOffset[r + 1] as number;
  for (let q = grid.byResourceOffset[r] as number; q < dEnd; q++) {
    const i = grid.byResource[q] as number;
    if (!withTentative && d.tentative[i]) continue;
    const fp = d.firstPeriod[i] as number;
    const off = d.offset[i] as number;
    const end = d.offset[i + 1] as number;
    if (fp + end - off - 1 < lo || fp > hi) continue;
    const pr = d.project[i] as number;
    const kHi = Math.min(end, off + hi + 1 - fp);
    for (let k = off + Math.max(0, lo - fp); k < kHi; k++) {
      const j = runs.runOf[fp + k - off] as number;
      const v = d.hours[k] as number;
      if (j >= 0 && v > 0) pushPair(out, j, pr, v);
    }
  }
  // A segment adds one pair per run it overlaps (hours × overlapping periods), not one per period.
  const s = grid.segments;
  const { offset: sOffset, index: sIndex } = grid.segmentsByResource;
  const sEnd = sOffset[r + 1] as number;
  for (let q = sOffset[r] as number; q < sEnd; q++) {
    const i = sIndex ? (sIndex[q] as number) : q;
    if (!withTentative && s.tentative[i]) continue;
    const h = s.hoursPerPeriod[i] as number;
    if (!(h > 0)) continue;
    const a = Math.max(lo, s.firstPeriod[i] as number);
    const b = Math.min(hi, s.lastPeriod[i] as number);
    if (a > b) continue;
    for (let j = runs.nextRun[a] as number; j < runs.count && (runs.first[j] as number) <= b; j++) {
      const overlap = Math.min(b, runs.last[j] as number) - Math.max(a, runs.first[j] as number) + 1;
      pushPair(out, j, s.project[i] as number, h * overlap);
    }
  }
}

/**
 * Lists runs of consecutive periods where a resource's demand exceeds its capacity by more than
 * `toleranceHours` (default 1e-6, so float noise from incremental updates is not reported).
 * Runs come ordered by resource, then period, and are found from the aggregates alone. Naming the
 * projects reads every demand of each over-allocated resource (per-period rows cell by cell,
 * segments once per run they overlap); `listProjects: false` skips that and leaves `projects`
 * empty, for heatmaps, counts, or naming only the runs shown with {@link projectsOfRun}.
 */
export function scanOverAllocations(
  grid: CapacityGrid,
  options: DemandFilter & { readonly toleranceHours?: number; readonly listProjects?: boolean },
): OverAllocationRun[] {
  const { resourceCount, periodCount: P, capacity, committed, tentative } = grid;
  const withTentative = options.includeTentative;
  const tolerance = options.toleranceHours ?? 1e-6;
  const listProjects = options.listProjects ?? true;
  const out: OverAllocationRun[] = [];
  // Per-resource scratch, reused: the runs, their sums, and the (run, project, hours) pairs
  // bucketed by run with a counting sort.
  const runs: Runs = {
    count: 0,
    first: new Int32Array(P),
    last: new Int32Array(P),
    runOf: new Int32Array(P).fill(-1),
    nextRun: new Int32Array(P),
  };
  const runExcess = new Float64Array(P);
  const runPeak = new Float64Array(P);
  const count = new Int32Array(P + 1);
  const pairs: Pairs = {
    n: 0,
    run: new Int32Array(4096),
    project: new Int32Array(4096),
    hours: new Float64Array(4096),
  };
  let sortedProject = new Int32Array(4096);
  let sortedHours = new Float64Array(4096);
  const byProject = new Float64Array(grid.projectCount);
  const touched = new Int32Array(grid.projectCount);
  const { first: runFirst, last: runLast, runOf, nextRun } = runs;
  for (let r = 0; r < resourceCount; r++) {
    const row = r * P;
    let n = 0;
    let open = false;
    for (let p = 0; p < P; p++) {
      const cell = row + p;
      const demand = withTentative
        ? (committed[cell] as number) + (tentative[cell] as number)
        : (committed[cell] as number);
      const excess = demand - (capacity[cell] as number);
      if (excess > tolerance) {
        if (!open) {
          runFirst[n] = p;
          runExcess[n] = 0;
          runPeak[n] = 0;
          n++;
          open = true;
        }
        const j = n - 1;
        runLast[j] = p;
        runExcess[j] = (runExcess[j] as number) + excess;
        if (excess > (runPeak[j] as number)) runPeak[j] = excess;
        if (listProjects) runOf[p] = j;
      } else open = false;
    }
    if (n === 0) continue;
    if (!listProjects) {
      for (let j = 0; j < n; j++)
        out.push({
          resource: r,
          firstPeriod: runFirst[j] as number,
          lastPeriod: runLast[j] as number,
          excessHours: runExcess[j] as number,
          peakExcessHours: runPeak[j] as number,
          projects: [],
        });
      continue;
    }
    runs.count = n;
    for (let j = 0, p = 0; j < n; j++) for (; p <= (runLast[j] as number); p++) nextRun[p] = j;
    pairs.n = 0;
    collectPairs(grid, r, runs, withTentative, pairs);
    const m = pairs.n;
    if (sortedProject.length < m) {
      sortedProject = new Int32Array(pairs.run.length);
      sortedHours = new Float64Array(pairs.run.length);
    }
    count.fill(0, 0, n + 1);
    for (let k = 0; k < m; k++) {
      const j = pairs.run[k] as number;
      count[j + 1] = (count[j + 1] as number) + 1;
    }
    for (let j = 0; j < n; j++) count[j + 1] = (count[j + 1] as number) + (count[j] as number);
    for (let k = 0; k < m; k++) {
      const j = pairs.run[k] as number;
      const at = count[j] as number;
      sortedProject[at] = pairs.project[k] as number;
      sortedHours[at] = pairs.hours[k] as number;
      count[j] = at + 1;
    }
    // count[j] is now the end of run j's pairs, and run j starts where run j-1 ended.
    let from = 0;
    for (let j = 0; j < n; j++) {
      const to = count[j] as number;
      let nTouched = 0;
      for (let k = from; k < to; k++) {
        const pr = sortedProject[k] as number;
        if (byProject[pr] === 0) touched[nTouched++] = pr;
        byProject[pr] = (byProject[pr] as number) + (sortedHours[k] as number);
      }
      from = to;
      sortByWeight(touched, nTouched, byProject);
      const projects: number[] = new Array(nTouched);
      for (let k = 0; k < nTouched; k++) projects[k] = touched[k] as number;
      for (let k = 0; k < nTouched; k++) byProject[touched[k] as number] = 0;
      out.push({
        resource: r,
        firstPeriod: runFirst[j] as number,
        lastPeriod: runLast[j] as number,
        excessHours: runExcess[j] as number,
        peakExcessHours: runPeak[j] as number,
        projects,
      });
      for (let p = runFirst[j] as number; p <= (runLast[j] as number); p++) runOf[p] = -1;
    }
  }
  return out;
}

/**
 * Names the projects behind one run (or any range of one resource's periods): each project's
 * positive demand in it, most hours first, ties by project index (the order of the scan's
 * `projects`). Reads only that resource's demands, so a page of runs costs a page of resources.
 */
export function projectsOfRun(
  grid: CapacityGrid,
  run: Pick<OverAllocationRun, 'resource' | 'firstPeriod' | 'lastPeriod'>,
  filter: DemandFilter,
): ProjectHours[] {
  const { resource: r, firstPeriod: lo, lastPeriod: hi } = run;
  if (!Number.isInteger(r) || r < 0 || r >= grid.resourceCount) throw new RangeError(`no resource ${r}`);
  const byProject = new Map<number, number>();
  const add = (project: number, hours: number): void => {
    byProject.set(project, (byProject.get(project) ?? 0) + hours);
  };
  const d = grid.demands;
  for (let q = grid.byResourceOffset[r] as number; q < (grid.byResourceOffset[r + 1] as number); q++) {
    const i = grid.byResource[q] as number;
    if (!filter.includeTentative && d.tentative[i]) continue;
    const fp = d.firstPeriod[i] as number;
    const off = d.offset[i] as number;
    const from = Math.max(lo, fp, 0);
    const to = Math.min(hi, fp + (d.offset[i + 1] as number) - off - 1, grid.periodCount - 1);
    for (let p = from; p <= to; p++) {
      const v = d.hours[off + p - fp] as number;
      if (v > 0) add(d.project[i] as number, v);
    }
  }
  const s = grid.segments;
  const { offset: sOffset, index: sIndex } = grid.segmentsByResource;
  const sEnd = sOffset[r + 1] as number;
  for (let q = sOffset[r] as number; q < sEnd; q++) {
    const i = sIndex ? (sIndex[q] as number) : q;
    if (!filter.includeTentative && s.tentative[i]) continue;
    const h = s.hoursPerPeriod[i] as number;
    const overlap =
      Math.min(hi, s.lastPeriod[i] as number, grid.periodCount - 1) -
      Math.max(lo, s.firstPeriod[i] as number, 0) +
      1;
    if (h > 0 && overlap > 0) add(s.project[i] as number, h * overlap);
  }
  return [...byProject]
    .map(([project, hours]) => ({ project, hours }))
    .sort((a, b) => b.hours - a.hours || a.project - b.project);
}
