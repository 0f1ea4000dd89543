import {
  aggregateSegments,
  type DemandSegments,
  emptyDemandSegments,
  type SegmentIndex,
} from './capacity-segments.ts';

export type { ProjectHours } from './capacity-grid-scan.ts';
export { projectsOfRun, scanOverAllocations } from './capacity-grid-scan.ts';

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
 * Demand comes in two forms, summed into the same aggregates: per-period `demands` (CSR, for hours
 * that vary period by period) and flat `segments` (constant hours over a range of periods).
 * The grid owns both: updates write into their columns so the aggregates and the rows never
 * disagree. Hours falling outside [0, periodCount) are ignored.
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
  /** Flat segments (empty when the grid was built from per-period demands only). */
  readonly segments: DemandSegments;
  /** The segments of each resource (see {@link SegmentIndex}). */
  readonly segmentsByResource: SegmentIndex;
  /** One more than the largest project index in either form, for scratch arrays indexed by project. */
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

const EMPTY_DEMANDS: DemandColumns = packDemandColumns([]);

/**
 * Builds the capacity grid: aggregates every demand (per-period rows and flat segments, either
 * optional) into committed / tentative hours and indexes both forms by resource. Segments cost
 * O(1) each (difference arrays, then one prefix-sum pass over the cells); per-period rows cost
 * O(their periods).
 */
export function buildCapacityGrid(input: {
  resourceCount: number;
  periodCount: number;
  capacity: Float64Array;
  demands?: DemandColumns;
  segments?: DemandSegments;
}): CapacityGrid {
  const { resourceCount, periodCount, capacity } = input;
  const demands = input.demands ?? EMPTY_DEMANDS;
  const segments = input.segments ?? emptyDemandSegments();
  if (
    !Number.isInteger(resourceCount) ||
    resourceCount < 0 ||
    !Number.isInteger(periodCount) ||
    periodCount < 0
  )
    throw new RangeError('resourceCount and periodCount must be whole numbers ≥ 0');
  if (capacity.length !== resourceCount * periodCount)
    throw new RangeError('capacity must hold resourceCount * periodCount hours');
  checkColumns(demands, resourceCount);
  // Committed and tentative cells share one buffer (see aggregateSegments), as two views.
  const cells = resourceCount * periodCount;
  const demand = new Float64Array(2 * cells);
  const committed = demand.subarray(0, cells);
  const tentative = demand.subarray(cells);
  // Segments first: the prefix-sum pass needs rows that hold only their differences.
  const seg = aggregateSegments(segments, resourceCount, periodCount, demand);
  const n = demands.count;
  const byResourceOffset = new Int32Array(resourceCount + 1);
  let maxProject = seg.maxProject;
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
    committed,
    tentative,
    demands,
    byResourceOffset,
    byResource,
    segments,
    segmentsByResource: seg.byResource,
    projectCount: maxProject + 1,
  };
  // Inlined rather than applyDemand per row: this loop touches every demand-period.
  const { firstPeriod, offset, hours } = demands;
  const isTentative = demands.tentative;
  const resource = demands.resource;
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
