import type { CapacityGrid } from './capacity-grid.ts';

/**
 * Flat demand segments in columns: segment i asks `hoursPerPeriod[i]` of `resource[i]` for
 * `project[i]` in every period `firstPeriod[i] ..= lastPeriod[i]`. A booking at constant hours per
 * week is one segment; a time-phased booking is one segment per phase.
 */
export type DemandSegments = {
  readonly count: number;
  readonly resource: Int32Array;
  readonly project: Int32Array;
  readonly firstPeriod: Int32Array;
  readonly lastPeriod: Int32Array;
  readonly hoursPerPeriod: Float64Array;
  readonly tentative: Uint8Array;
};

/** One segment as plain data, before packing into columns. */
export type SegmentRow = {
  readonly resource: number;
  readonly project: number;
  readonly firstPeriod: number;
  readonly lastPeriod: number;
  readonly hoursPerPeriod: number;
  readonly tentative?: boolean;
};

/** What an edit of one segment may change; its resource and project stay. */
export type SegmentChange = {
  readonly firstPeriod?: number;
  readonly lastPeriod?: number;
  readonly hoursPerPeriod?: number;
  readonly tentative?: boolean;
};

/** Packs plain segment rows into the columns the grid works on. */
export function packDemandSegments(rows: readonly SegmentRow[]): DemandSegments {
  const count = rows.length;
  const s = {
    count,
    resource: new Int32Array(count),
    project: new Int32Array(count),
    firstPeriod: new Int32Array(count),
    lastPeriod: new Int32Array(count),
    hoursPerPeriod: new Float64Array(count),
    tentative: new Uint8Array(count),
  };
  rows.forEach((row, i) => {
    s.resource[i] = row.resource;
    s.project[i] = row.project;
    s.firstPeriod[i] = row.firstPeriod;
    s.lastPeriod[i] = row.lastPeriod;
    s.hoursPerPeriod[i] = row.hoursPerPeriod;
    s.tentative[i] = row.tentative ? 1 : 0;
  });
  return s;
}

/** Segment columns with no rows, for grids built from per-period demands only. */
export function emptyDemandSegments(): DemandSegments {
  return packDemandSegments([]);
}

function rejectSegment(i: number, why: string): never {
  throw new RangeError(`segment ${i} ${why}`);
}

/** Segments of resource r are index[offset[r] .. offset[r+1]), or offset[r] .. offset[r+1] when index is null. */
export type SegmentIndex = { readonly offset: Int32Array; readonly index: Int32Array | null };

/**
 * Checks the segments and adds them into `demand` as difference arrays (+h at the first period,
 * −h after the last, both clipped to the row), then turns every row into its prefix sum.
 * `demand` holds the committed cells then the tentative ones (2 × resourceCount × periodCount,
 * zeros on entry), so a segment picks its half by arithmetic rather than by a branch that a
 * random 10 % of tentative rows would mispredict. Per-period demands are added afterwards.
 * Returns the largest project index (−1 if none) and the segments indexed by resource: segments
 * that come grouped by resource (a loader's ORDER BY) need no index array.
 */
export function aggregateSegments(
  s: DemandSegments,
  resourceCount: number,
  periodCount: number,
  demand: Float64Array,
): { maxProject: number; byResource: SegmentIndex } {
  const n = s.count;
  if (
    s.resource.length < n ||
    s.project.length < n ||
    s.firstPeriod.length < n ||
    s.lastPeriod.length < n ||
    s.hoursPerPeriod.length < n ||
    s.tentative.length < n
  )
    throw new RangeError('segment columns are shorter than count');
  const P = periodCount;
  const cells = resourceCount * P;
  if (demand.length !== 2 * cells) throw new RangeError('demand must hold 2 × resourceCount × periodCount');
  const { resource, project, firstPeriod, lastPeriod, hoursPerPeriod } = s;
  const isTentative = s.tentative;
  const offset = new Int32Array(resourceCount + 1);
  let maxProject = -1;
  let sorted = true;
  let previous = -1;
  // One pass, checking as it goes: 2M segments are read once, not once to check and once to add.
  for (let i = 0; i < n; i++) {
    const r = resource[i] as number;
    const fp = firstPeriod[i] as number;
    const lp = lastPeriod[i] as number;
    const h = hoursPerPeriod[i] as number;
    const pr = project[i] as number;
    if (r < 0 || r >= resourceCount) rejectSegment(i, `has resource ${r} outside the grid`);
    if (lp < fp) rejectSegment(i, `ends (${lp}) before it starts (${fp})`);
    // h - h is NaN for NaN and ±Infinity, which a prefix sum would smear over the rest of the row.
    if (h - h !== 0) rejectSegment(i, `has non-finite hours ${h}`);
    if (pr < 0) rejectSegment(i, 'has a negative project index');
    const half = isTentative[i] as number;
    if (half > 1) rejectSegment(i, `has tentative ${half}, not 0 or 1`);
    if (pr > maxProject) maxProject = pr;
    // While the rows stay grouped, a resource's first row is where its group starts; counting
    // rows per resource instead would chain every iteration on one memory cell.
    if (r !== previous) {
      if (r < previous) sorted = false;
      else if (sorted) for (let q = previous + 1; q <= r; q++) offset[q] = i;
      previous = r;
    }
    if (lp < 0 || fp >= P) continue;
    const row = half * cells + r * P;
    const a = row + Math.max(fp, 0);
    demand[a] = (demand[a] as number) + h;
    if (lp + 1 < P) demand[row + lp + 1] = (demand[row + lp + 1] as number) - h;
  }
  if (n > 0)
    for (let row = 0; row < 2 * cells; row += P) {
      let sum = 0;
      for (let p = row; p < row + P; p++) {
        sum += demand[p] as number;
        demand[p] = sum;
      }
    }
  if (sorted) {
    for (let q = previous + 1; q <= resourceCount; q++) offset[q] = n;
    return { maxProject, byResource: { offset, index: null } };
  }
  offset.fill(0);
  for (let i = 0; i < n; i++) {
    const r = resource[i] as number;
    offset[r + 1] = (offset[r + 1] as number) + 1;
  }
  for (let r = 0; r < resourceCount; r++) offset[r + 1] = (offset[r + 1] as number) + (offset[r] as number);
  const index = new Int32Array(n);
  const fillAt = offset.slice(0, resourceCount);
  for (let i = 0; i < n; i++) {
    const r = resource[i] as number;
    const at = fillAt[r] as number;
    index[at] = i;
    fillAt[r] = at + 1;
  }
  return { maxProject, byResource: { offset, index } };
}

/** Adds `sign × hours` of segment i to its clipped cells, one add per period (≤ periodCount). */
function applySegment(grid: CapacityGrid, i: number, sign: number): void {
  const s = grid.segments;
  const P = grid.periodCount;
  const target = s.tentative[i] ? grid.tentative : grid.committed;
  const row = (s.resource[i] as number) * P;
  const from = Math.max(0, s.firstPeriod[i] as number);
  const to = Math.min(P - 1, s.lastPeriod[i] as number);
  const h = sign * (s.hoursPerPeriod[i] as number);
  for (let p = row + from; p <= row + to; p++) target[p] = (target[p] as number) + h;
}

/**
 * Changes one segment's periods, hours or tentative flag and updates the aggregates in place:
 * its old cells lose its hours and its new cells gain them (≤ 2 × periodCount adds).
 */
export function updateSegment(grid: CapacityGrid, segmentIndex: number, change: SegmentChange): void {
  const s = grid.segments;
  const i = segmentIndex;
  if (!Number.isInteger(i) || i < 0 || i >= s.count) throw new RangeError(`no segment ${i}`);
  const fp = change.firstPeriod ?? (s.firstPeriod[i] as number);
  const lp = change.lastPeriod ?? (s.lastPeriod[i] as number);
  const h = change.hoursPerPeriod ?? (s.hoursPerPeriod[i] as number);
  if (lp < fp) rejectSegment(i, `would end (${lp}) before it starts (${fp})`);
  if (h - h !== 0) rejectSegment(i, `would have non-finite hours ${h}`);
  applySegment(grid, i, -1);
  s.firstPeriod[i] = fp;
  s.lastPeriod[i] = lp;
  s.hoursPerPeriod[i] = h;
  if (change.tentative !== undefined) s.tentative[i] = change.tentative ? 1 : 0;
  applySegment(grid, i, 1);
}
