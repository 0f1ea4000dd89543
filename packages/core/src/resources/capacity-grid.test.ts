import { describe, expect, it } from 'vitest';
import type { DemandRow } from './capacity-grid.ts';
import {
  buildCapacityGrid,
  computeUtilisation,
  packDemandColumns,
  readFreeHours,
  scanOverAllocations,
  setDemandTentative,
  summariseGroups,
  summariseMultiGroups,
  updateDemandHours,
} from './capacity-grid.ts';

const P = 6;
// Resource 0 is over-allocated in periods 1–3 by projects 7 and 3; project 9's booking in
// period 4 is tentative; resource 1 is comfortable.
const ROWS: DemandRow[] = [
  { resource: 0, project: 7, firstPeriod: 1, hours: [30, 30, 30] },
  { resource: 0, project: 3, firstPeriod: 0, hours: [5, 20, 25, 15] },
  { resource: 0, project: 9, firstPeriod: 4, hours: [45], tentative: true },
  { resource: 1, project: 3, firstPeriod: 0, hours: [10, 10, 10, 10, 10, 10] },
];

function grid(rows: DemandRow[] = ROWS) {
  return buildCapacityGrid({
    resourceCount: 2,
    periodCount: P,
    capacity: new Float64Array(2 * P).fill(40),
    demands: packDemandColumns(rows),
  });
}

describe('buildCapacityGrid', () => {
  it('aggregates committed and tentative demand per resource and period', () => {
    const g = grid();
    expect(Array.from(g.committed.subarray(0, P))).toEqual([5, 50, 55, 45, 0, 0]);
    expect(Array.from(g.tentative.subarray(0, P))).toEqual([0, 0, 0, 0, 45, 0]);
    expect(Array.from(g.committed.subarray(P))).toEqual([10, 10, 10, 10, 10, 10]);
    expect(Array.from(g.byResourceOffset)).toEqual([0, 3, 4]);
    expect(Array.from(g.byResource)).toEqual([0, 1, 2, 3]);
  });

  it('ignores hours outside the grid and rejects unknown resources or bad sizes', () => {
    const g = grid([{ resource: 1, project: 0, firstPeriod: -2, hours: [99, 99, 1] }]);
    expect(g.committed[P]).toBe(1);
    expect(() => grid([{ resource: 2, project: 0, firstPeriod: 0, hours: [1] }])).toThrow(RangeError);
    expect(() =>
      buildCapacityGrid({
        resourceCount: 2,
        periodCount: P,
        capacity: new Float64Array(3),
        demands: packDemandColumns([]),
      }),
    ).toThrow(RangeError);
  });
});

describe('scanOverAllocations', () => {
  it('merges three over-allocated periods caused by two projects into one run', () => {
    expect(scanOverAllocations(grid(), { includeTentative: false })).toEqual([
      { resource: 0, firstPeriod: 1, lastPeriod: 3, excessHours: 30, peakExcessHours: 15, projects: [7, 3] },
    ]);
  });

  it('skips naming projects when asked, for heatmaps', () => {
    expect(scanOverAllocations(grid(), { includeTentative: false, listProjects: false })).toEqual([
      { resource: 0, firstPeriod: 1, lastPeriod: 3, excessHours: 30, peakExcessHours: 15, projects: [] },
    ]);
  });

  it('sorts a long project list like a short one', () => {
    const rows = Array.from({ length: 30 }, (_, k) => ({
      resource: 0,
      project: k,
      firstPeriod: 0,
      hours: [2 + (k % 4)],
    }));
    const projects = scanOverAllocations(grid(rows), { includeTentative: false })[0]?.projects ?? [];
    const expected = Array.from({ length: 30 }, (_, k) => k).sort((a, b) => (b % 4) - (a % 4) || a - b);
    expect(projects).toEqual(expected);
  });

  it('includes tentative demand only when asked', () => {
    expect(scanOverAllocations(grid(), { includeTentative: true })).toEqual([
      {
        resource: 0,
        firstPeriod: 1,
        lastPeriod: 4,
        excessHours: 35,
        peakExcessHours: 15,
        projects: [7, 3, 9],
      },
    ]);
  });

  it('splits runs at a period within capacity and honours the tolerance', () => {
    const g = grid([
      { resource: 1, project: 2, firstPeriod: 0, hours: [41, 40, 42, 40.5, 0, 50] },
      { resource: 1, project: 5, firstPeriod: 5, hours: [1] },
    ]);
    const runs = scanOverAllocations(g, { includeTentative: false });
    expect(runs.map((r) => [r.firstPeriod, r.lastPeriod, r.excessHours, r.projects])).toEqual([
      [0, 0, 1, [2]],
      [2, 3, 2.5, [2]],
      [5, 5, 11, [2, 5]],
    ]);
    const tolerant = scanOverAllocations(g, { includeTentative: false, toleranceHours: 1 });
    expect(tolerant.map((r) => [r.firstPeriod, r.lastPeriod])).toEqual([
      [2, 2],
      [5, 5],
    ]);
  });

  it('orders projects by hours in the run, ties by project index', () => {
    const g = grid([
      { resource: 0, project: 4, firstPeriod: 0, hours: [25] },
      { resource: 0, project: 1, firstPeriod: 0, hours: [25] },
      { resource: 0, project: 8, firstPeriod: 0, hours: [5, 30] },
    ]);
    expect(scanOverAllocations(g, { includeTentative: false })[0]?.projects).toEqual([1, 4, 8]);
  });
});

describe('incremental updates', () => {
  it('updates hours and the tentative flag like a rebuild would', () => {
    const g = grid();
    updateDemandHours(g, 0, Float64Array.from([10, 10, 10]));
    setDemandTentative(g, 2, false);
    setDemandTentative(g, 2, false);
    const rebuilt = grid([
      { resource: 0, project: 7, firstPeriod: 1, hours: [10, 10, 10] },
      ROWS[1] as DemandRow,
      { resource: 0, project: 9, firstPeriod: 4, hours: [45] },
      ROWS[3] as DemandRow,
    ]);
    expect(g.committed).toEqual(rebuilt.committed);
    expect(g.tentative).toEqual(rebuilt.tentative);
    expect(scanOverAllocations(g, { includeTentative: false })).toEqual([
      { resource: 0, firstPeriod: 4, lastPeriod: 4, excessHours: 5, peakExcessHours: 5, projects: [9] },
    ]);
  });

  it('rejects a change of length or an unknown demand', () => {
    const g = grid();
    expect(() => updateDemandHours(g, 0, new Float64Array(2))).toThrow(RangeError);
    expect(() => updateDemandHours(g, 9, new Float64Array(1))).toThrow(RangeError);
    expect(() => setDemandTentative(g, -1, true)).toThrow(RangeError);
  });
});

describe('summaries', () => {
  it('sums by single group, skipping resources in group -1', () => {
    const s = summariseGroups(grid(), Int32Array.from([1, -1]), 2, { includeTentative: true });
    expect(Array.from(s.capacity)).toEqual([...Array(P).fill(0), ...Array(P).fill(40)]);
    expect(Array.from(s.demand.subarray(P))).toEqual([5, 50, 55, 45, 45, 0]);
    expect(() => summariseGroups(grid(), Int32Array.from([2, 0]), 2, { includeTentative: true })).toThrow(
      RangeError,
    );
  });

  it('counts a resource in each of its skills', () => {
    const csr = { offset: Int32Array.from([0, 2, 3]), groups: Int32Array.from([0, 1, 1]) };
    const s = summariseMultiGroups(grid(), csr, 2, { includeTentative: false });
    expect(Array.from(s.demand.subarray(0, P))).toEqual([5, 50, 55, 45, 0, 0]);
    expect(Array.from(s.demand.subarray(P))).toEqual([15, 60, 65, 55, 10, 10]);
    expect(Array.from(s.capacity.subarray(P))).toEqual(Array(P).fill(80));
  });

  it('computes utilisation, with Infinity for work booked where there is no capacity', () => {
    const u = computeUtilisation(Float64Array.from([40, 0, 0]), Float64Array.from([50, 0, 3]));
    expect(Array.from(u)).toEqual([1.25, 0, Number.POSITIVE_INFINITY]);
    expect(() => computeUtilisation(new Float64Array(1), new Float64Array(2))).toThrow(RangeError);
  });

  it('reads free hours, negative when over-allocated', () => {
    expect(Array.from(readFreeHours(grid(), 0, 3, 6, { includeTentative: true }))).toEqual([-5, -5, 40, 0]);
  });
});
