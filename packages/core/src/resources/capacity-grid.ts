/**
 * Demand rows in columns: demand i belongs to `resource[i]` and `project[i]` and asks
 * `hours[offset[i] + k]` in period `firstPeriod[i] + k`, for k < offset[i+1] - offset[i].
 */
export type DemandColumns = {
  readonly count: number;
  readonly resource: Int32Array;
  readonly project: Int32Array;
  readonly firstPeriod: Int32Array;
  readonly hours: Float64Array;
  readonly offset: Int32Array;
  readonly tentative: Uint8Array;
};

/**
 * Capacity against demand per resource and period, row-major by resource (cell r * periodCount + p).
 * The grid owns `demands`: updates write into its `hours` and `tentative` columns so the
 * aggregates and the rows never disagree. Hours falling outside [0, periodCount) are ignored.
 */
export type CapacityGrid = {
  readonly resourceCount: number;
  readonly periodCount: number;
  readonly capacity: Float64Array;
  readonly committed: Float64Array;
  readonly tentative: Float64Array;
  readonly demands: DemandColumns;
  /** Demands of resource r are byResource[byResourceOffset[r] .. byResourceOffset[r+1]). */
  readonly byResourceOffset: Int32Array;
  readonly byResource: Int32Array;
  /** One more than the largest project index, for scratch arrays indexed by project. */
  readonly projectCount: number;
};

/** A run of consecutive over-allocated periods of one resource. */
export type OverAllocationRun = {
  readonly resource: number;
  readonly firstPeriod: number;
  readonly lastPeriod: number;
  /** Demand above capacity, summed over the run's periods. */
  readonly excessHours: number;
  readonly peakExcessHours: number;
  /** Projects with demand in the run, most hours first (ties by project index). */
  readonly projects: number[];
};

/** Which demand counts: committed only, or committed plus tentative (soft bookings, pipeline). */
export type DemandFilter = { readonly includeTentative: boolean };

/** One demand as plain data, before packing into columns. */
export type DemandRow = {
  readonly resource: number;
  readonly project: number;
  readonly firstPeriod: number;
  readonly hours: readonly number[] | Float64Array;
  readonly tentative?: boolean;
};

/** Packs plain demand rows into the columns the grid works on. */
export function packDemandColumns(rows: readonly DemandRow[]): DemandColumns {
  const count = rows.length;
  const offset = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) offset[i + 1] = (offset[i] as number) + (rows[i] as DemandRow).hours.length;
  const hours = new Float64Array(offset[count] as number);
  const resource = new Int32Array(count);
  const project = new Int32Array(count);
  const firstPeriod = new Int32Array(count);
  const tentative = new Uint8Array(count);
  rows.forEach((row, i) => {
    resource[i] = row.resource;
    project[i] = row.project;
    firstPeriod[i] = row.firstPeriod;
    tentative[i] = row.tentative ? 1 : 0;
    hours.set(row.hours, offset[i] as number);
  });
  return { count, resource, project, firstPeriod, hours, offset, tentative };
}

function checkColumns(d: DemandColumns, resourceCount: number): void {
  const n = d.count;
  if (
    d.resource.length < n ||
    d.project.length < n ||
    d.firstPeriod.length < n ||
    d.tentative.length < n ||
    d.offset.length < n + 1
  )
    throw new RangeError('demand columns are shorter than count');
  if ((d.offset[n] as number) > d.hours.length) throw new RangeError('demand offsets run past hours');
  for (let i = 0; i < n; i++) {
    const r = d.resource[i] as number;
    if (r < 0 || r >= resourceCount) throw new RangeError(`demand ${i} has resource ${r} outside the grid`);
    if ((d.offset[i + 1] as number) < (d.offset[i] as number))
      throw new RangeError(`demand ${i} has decreasing offsets`);
    if ((d.project[i] as number) < 0) throw new RangeError(`demand ${i} has a negative project index`);
  }
}

/** Adds (sign 1) or removes (sign -1) one demand's hours in its aggregate. */
function applyDemand(grid: CapacityGrid, i: number, sign: number): void {
  const d = grid.demands;
  const target = d.tentative[i] ? grid.tentative : grid.committed;
  const P = grid.periodCount;
  const row = (d.resource[i] as number) * P;
  const fp = d.firstPeriod[i] as number;
  const off = d.offset[i] as number;
  const end = d.offset[i + 1] as number;
  const hours = d.hours;
  for (let k = off; k < end; k++) {
    const p = fp + k - off;
    if (p < 0 || p >= P) continue;
    target[row + p] = (target[row + p] as number) + sign * (hours[k] as number);
  }
}

/** Builds the capacity grid: aggregates every demand into committed / tentative hours and indexes demands by resource. */
export function buildCapacityGrid(input: {
  resourceCount: number;
  periodCount: number;
  capacity: Float64Array;
  demands: DemandColumns;
}): CapacityGrid {
  const { resourceCount, periodCount, capacity, demands } = input;
  if (capacity.length !== resourceCount * periodCount)
    throw new RangeError('capacity must hold resourceCount * periodCount hours');
  checkColumns(demands, resourceCount);
  const n = demands.count;
  const byResourceOffset = new Int32Array(resourceCount + 1);
  let maxProject = -1;
  for (let i = 0; i < n; i++) {
    const r = demands.resource[i] as number;
    byResourceOffset[r + 1] = (byResourceOffset[r + 1] as number) + 1;
    const p = demands.project[i] as number;
    if (p > maxProject) maxProject = p;
  }
  for (let r = 0; r < resourceCount; r++)
    byResourceOffset[r + 1] = (byResourceOffset[r + 1] as number) + (byResourceOffset[r] as number);
  const byResource = new Int32Array(n);
  const fillAt = byResourceOffset.slice(0, resourceCount);
  for (let i = 0; i < n; i++) {
    const r = demands.resource[i] as number;
    const at = fillAt[r] as number;
    byResource[at] = i;
    fillAt[r] = at + 1;
  }
  const grid: CapacityGrid = {
    resourceCount,
    periodCount,
    capacity,
    committed: new Float64Array(resourceCount * periodCount),
    tentative: new Float64Array(resourceCount * periodCount),
    demands,
    byResourceOffset,
    byResource,
    projectCount: maxProject + 1,
  };
  // Inlined rather than applyDemand per row: this loop touches every demand-period (13 M in W2).
  const { firstPeriod, offset, hours } = demands;
  const isTentative = demands.tentative;
  const resource = demands.resource;
  const committed = grid.committed;
  const tentative = grid.tentative;
  for (let i = 0; i < n; i++) {
    const target = isTentative[i] ? tentative : committed;
    const fp = firstPeriod[i] as number;
    const off = offset[i] as number;
    const base = (resource[i] as number) * periodCount + fp - off;
    const hi = Math.min(offset[i + 1] as number, off + periodCount - fp);
    for (let k = off + Math.max(0, -fp); k < hi; k++)
      target[base + k] = (target[base + k] as number) + (hours[k] as number);
  }
  return grid;
}

/** Replaces one demand's per-period hours (same length as before) and updates the aggregates in place. */
export function updateDemandHours(grid: CapacityGrid, demandIndex: number, hours: Float64Array): void {
  const d = grid.demands;
  if (demandIndex < 0 || demandIndex >= d.count) throw new RangeError(`no demand ${demandIndex}`);
  const off = d.offset[demandIndex] as number;
  const len = (d.offset[demandIndex + 1] as number) - off;
  if (hours.length !== len)
    throw new RangeError(`demand ${demandIndex} covers ${len} periods, not ${hours.length}`);
  applyDemand(grid, demandIndex, -1);
  d.hours.set(hours, off);
  applyDemand(grid, demandIndex, 1);
}

/** Marks one demand tentative or committed, moving its hours between the two aggregates. */
export function setDemandTentative(grid: CapacityGrid, demandIndex: number, tentative: boolean): void {
  const d = grid.demands;
  if (demandIndex < 0 || demandIndex >= d.count) throw new RangeError(`no demand ${demandIndex}`);
  if (Boolean(d.tentative[demandIndex]) === tentative) return;
  applyDemand(grid, demandIndex, -1);
  d.tentative[demandIndex] = tentative ? 1 : 0;
  applyDemand(grid, demandIndex, 1);
}

/** Returns a resource's demand in one period (committed, plus tentative when asked). */
export function readDemandHours(
  grid: CapacityGrid,
  resource: number,
  period: number,
  filter: DemandFilter,
): number {
  const cell = resource * grid.periodCount + period;
  const c = grid.committed[cell] as number;
  return filter.includeTentative ? c + (grid.tentative[cell] as number) : c;
}

/** Returns a resource's free hours (capacity − demand, may be negative) for periods first..last. */
export function readFreeHours(
  grid: CapacityGrid,
  resource: number,
  firstPeriod: number,
  lastPeriod: number,
  filter: DemandFilter,
): Float64Array {
  const out = new Float64Array(Math.max(0, lastPeriod - firstPeriod + 1));
  for (let p = firstPeriod; p <= lastPeriod; p++) {
    if (p < 0 || p >= grid.periodCount) continue;
    const cell = resource * grid.periodCount + p;
    out[p - firstPeriod] = (grid.capacity[cell] as number) - readDemandHours(grid, resource, p, filter);
  }
  return out;
}

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

/**
 * Lists runs of consecutive periods where a resource's demand exceeds its capacity by more than
 * `toleranceHours` (default 1e-6, so float noise from incremental updates is not reported).
 * Runs come ordered by resource, then period. Naming the projects reads every demand of an
 * over-allocated resource (through the grid's index: sequential when the columns are grouped by
 * resource); `listProjects: false` skips that and leaves `projects` empty, for heatmaps and counts.
 */
export function scanOverAllocations(
  grid: CapacityGrid,
  options: DemandFilter & { readonly toleranceHours?: number; readonly listProjects?: boolean },
): OverAllocationRun[] {
  const { resourceCount, periodCount: P, capacity, committed, tentative, demands } = grid;
  const withTentative = options.includeTentative;
  const tolerance = options.toleranceHours ?? 1e-6;
  const listProjects = options.listProjects ?? true;
  const { project, firstPeriod, offset, hours } = demands;
  const isTentative = demands.tentative;
  const { byResourceOffset, byResource } = grid;
  const out: OverAllocationRun[] = [];
  // Per-resource scratch, reused: run of each period, run bounds, and the (run, project, hours)
  // pairs bucketed by run with a counting sort.
  const runOf = new Int32Array(P).fill(-1);
  const runFirst = new Int32Array(P);
  const runLast = new Int32Array(P);
  const runExcess = new Float64Array(P);
  const runPeak = new Float64Array(P);
  const count = new Int32Array(P + 1);
  let pairRun = new Int32Array(4096);
  let pairProject = new Int32Array(4096);
  let pairHours = new Float64Array(4096);
  let sortedProject = new Int32Array(4096);
  let sortedHours = new Float64Array(4096);
  const byProject = new Float64Array(grid.projectCount);
  const touched = new Int32Array(grid.projectCount);
  for (let r = 0; r < resourceCount; r++) {
    const row = r * P;
    let runs = 0;
    let open = false;
    for (let p = 0; p < P; p++) {
      const cell = row + p;
      const demand = withTentative
        ? (committed[cell] as number) + (tentative[cell] as number)
        : (committed[cell] as number);
      const excess = demand - (capacity[cell] as number);
      if (excess > tolerance) {
        if (!open) {
          runFirst[runs] = p;
          runExcess[runs] = 0;
          runPeak[runs] = 0;
          runs++;
          open = true;
        }
        const j = runs - 1;
        runLast[j] = p;
        runExcess[j] = (runExcess[j] as number) + excess;
        if (excess > (runPeak[j] as number)) runPeak[j] = excess;
        runOf[p] = j;
      } else open = false;
    }
    if (runs === 0) continue;
    if (!listProjects) {
      for (let j = 0; j < runs; j++) {
        out.push({
          resource: r,
          firstPeriod: runFirst[j] as number,
          lastPeriod: runLast[j] as number,
          excessHours: runExcess[j] as number,
          peakExcessHours: runPeak[j] as number,
          projects: [],
        });
        for (let p = runFirst[j] as number; p <= (runLast[j] as number); p++) runOf[p] = -1;
      }
      continue;
    }
    const lo = runFirst[0] as number;
    const hiRun = runLast[runs - 1] as number;
    let pairs = 0;
    const dEnd = byResourceOffset[r + 1] as number;
    for (let q = byResourceOffset[r] as number; q < dEnd; q++) {
      const i = byResource[q] as number;
      if (!withTentative && isTentative[i]) continue;
      const fp = firstPeriod[i] as number;
      const off = offset[i] as number;
      const end = offset[i + 1] as number;
      if (fp + end - off - 1 < lo || fp > hiRun) continue;
      if (pairs + end - off > pairRun.length) {
        const size = Math.max(pairs + end - off, pairRun.length * 2);
        const a = new Int32Array(size);
        const b = new Int32Array(size);
        const c = new Float64Array(size);
        a.set(pairRun);
        b.set(pairProject);
        c.set(pairHours);
        pairRun = a;
        pairProject = b;
        pairHours = c;
      }
      const pr = project[i] as number;
      const kLo = off + Math.max(0, lo - fp);
      const kHi = Math.min(end, off + hiRun + 1 - fp);
      for (let k = kLo; k < kHi; k++) {
        const j = runOf[fp + k - off] as number;
        const v = hours[k] as number;
        if (j >= 0 && v > 0) {
          pairRun[pairs] = j;
          pairProject[pairs] = pr;
          pairHours[pairs] = v;
          pairs++;
        }
      }
    }
    if (sortedProject.length < pairs) {
      sortedProject = new Int32Array(pairRun.length);
      sortedHours = new Float64Array(pairRun.length);
    }
    count.fill(0, 0, runs + 1);
    for (let k = 0; k < pairs; k++) {
      const j = pairRun[k] as number;
      count[j + 1] = (count[j + 1] as number) + 1;
    }
    for (let j = 0; j < runs; j++) count[j + 1] = (count[j + 1] as number) + (count[j] as number);
    for (let k = 0; k < pairs; k++) {
      const j = pairRun[k] as number;
      const at = count[j] as number;
      sortedProject[at] = pairProject[k] as number;
      sortedHours[at] = pairHours[k] as number;
      count[j] = at + 1;
    }
    // count[j] is now the end of run j's pairs, and run j starts where run j-1 ended.
    let from = 0;
    for (let j = 0; j < runs; j++) {
      const to = count[j] as number;
      let nTouched = 0;
      for (let k = from; k < to; k++) {
        const pr = sortedProject[k] as number;
        if (byProject[pr] === 0) touched[nTouched++] = pr;
        byProject[pr] = (byProject[pr] as number) + (sortedHours[k] as number);
      }
      from = to;
      if (nTouched <= 16) sortByWeight(touched, nTouched, byProject);
      const projects: number[] = new Array(nTouched);
      for (let k = 0; k < nTouched; k++) projects[k] = touched[k] as number;
      if (nTouched > 16)
        projects.sort((a, b) => (byProject[b] as number) - (byProject[a] as number) || a - b);
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

/** Capacity and demand summed per group and period (group-major: cell g * periodCount + p). */
export type GroupSummary = { readonly capacity: Float64Array; readonly demand: Float64Array };

function addRowInto(grid: CapacityGrid, r: number, g: number, filter: DemandFilter, out: GroupSummary): void {
  const P = grid.periodCount;
  const src = r * P;
  const dst = g * P;
  for (let p = 0; p < P; p++) {
    out.capacity[dst + p] = (out.capacity[dst + p] as number) + (grid.capacity[src + p] as number);
    let d = grid.committed[src + p] as number;
    if (filter.includeTentative) d += grid.tentative[src + p] as number;
    out.demand[dst + p] = (out.demand[dst + p] as number) + d;
  }
}

/** Sums capacity and demand by group (role, org unit); resources in group -1 are left out. */
export function summariseGroups(
  grid: CapacityGrid,
  groupOfResource: Int32Array,
  groupCount: number,
  filter: DemandFilter,
): GroupSummary {
  const out: GroupSummary = {
    capacity: new Float64Array(groupCount * grid.periodCount),
    demand: new Float64Array(groupCount * grid.periodCount),
  };
  for (let r = 0; r < grid.resourceCount; r++) {
    const g = groupOfResource[r] ?? -1;
    if (g < 0) continue;
    if (g >= groupCount) throw new RangeError(`resource ${r} is in group ${g} ≥ groupCount`);
    addRowInto(grid, r, g, filter, out);
  }
  return out;
}

/**
 * Sums capacity and demand by group when a resource can be in several (skills): resource r is in
 * groups[offset[r] .. offset[r+1]). A resource counts fully in each of its groups, so group
 * totals may add up to more than the organisation's.
 */
export function summariseMultiGroups(
  grid: CapacityGrid,
  groupsCsr: { readonly offset: Int32Array; readonly groups: Int32Array },
  groupCount: number,
  filter: DemandFilter,
): GroupSummary {
  const out: GroupSummary = {
    capacity: new Float64Array(groupCount * grid.periodCount),
    demand: new Float64Array(groupCount * grid.periodCount),
  };
  if (groupsCsr.offset.length < grid.resourceCount + 1)
    throw new RangeError('groupsCsr.offset needs resourceCount + 1 entries');
  for (let r = 0; r < grid.resourceCount; r++) {
    const end = groupsCsr.offset[r + 1] as number;
    for (let k = groupsCsr.offset[r] as number; k < end; k++) {
      const g = groupsCsr.groups[k] as number;
      if (g < 0 || g >= groupCount)
        throw new RangeError(`resource ${r} is in group ${g} outside 0..groupCount-1`);
      addRowInto(grid, r, g, filter, out);
    }
  }
  return out;
}

/**
 * Returns demand / capacity per cell. A cell with demand but no capacity is Infinity (work booked
 * where nobody can do it must stand out); a cell with neither is 0.
 */
export function computeUtilisation(capacity: Float64Array, demand: Float64Array): Float64Array {
  if (capacity.length !== demand.length) throw new RangeError('capacity and demand differ in length');
  const out = new Float64Array(capacity.length);
  for (let i = 0; i < capacity.length; i++) {
    const c = capacity[i] as number;
    const d = demand[i] as number;
    out[i] = c > 0 ? d / c : d > 0 ? Number.POSITIVE_INFINITY : 0;
  }
  return out;
}
