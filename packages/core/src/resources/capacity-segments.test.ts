import { describe, expect, it } from 'vitest';
import type { DemandRow } from './capacity-grid.ts';
import {
  buildCapacityGrid,
  packDemandColumns,
  projectsOfRun,
  readDemandHours,
  scanOverAllocations,
  updateDemandHours,
} from './capacity-grid.ts';
import type { SegmentRow } from './capacity-segments.ts';
import { packDemandSegments, updateSegment } from './capacity-segments.ts';

const R = 2;
const P = 6;
const capacity = () => new Float64Array(R * P).fill(40);

function withSegments(segments: SegmentRow[], rows: DemandRow[] = []) {
  return buildCapacityGrid({
    resourceCount: R,
    periodCount: P,
    capacity: capacity(),
    demands: packDemandColumns(rows),
    segments: packDemandSegments(segments),
  });
}

/** The same segments as per-period rows (clipping left to the grid). */
function asRows(segments: SegmentRow[]): DemandRow[] {
  return segments.map((s) => ({
    resource: s.resource,
    project: s.project,
    firstPeriod: s.firstPeriod,
    hours: Array(s.lastPeriod - s.firstPeriod + 1).fill(s.hoursPerPeriod),
    tentative: s.tentative ?? false,
  }));
}

function perPeriodOnly(rows: DemandRow[]) {
  return buildCapacityGrid({
    resourceCount: R,
    periodCount: P,
    capacity: capacity(),
    demands: packDemandColumns(rows),
  });
}

// Resource 0: project 7 at 30 h in periods 1–3, project 3 at 20 h in 2–5, project 9 tentative 45 h
// in period 5 only. Resource 1: project 3 at 10 h in every period.
const SEGMENTS: SegmentRow[] = [
  { resource: 0, project: 7, firstPeriod: 1, lastPeriod: 3, hoursPerPeriod: 30 },
  { resource: 0, project: 3, firstPeriod: 2, lastPeriod: 5, hoursPerPeriod: 20 },
  { resource: 0, project: 9, firstPeriod: 5, lastPeriod: 5, hoursPerPeriod: 45, tentative: true },
  { resource: 1, project: 3, firstPeriod: 0, lastPeriod: 5, hoursPerPeriod: 10 },
];

describe('segments in the capacity grid', () => {
  it('aggregates committed and tentative segments with difference arrays', () => {
    const g = withSegments(SEGMENTS);
    expect(Array.from(g.committed.subarray(0, P))).toEqual([0, 30, 50, 50, 20, 20]);
    expect(Array.from(g.tentative.subarray(0, P))).toEqual([0, 0, 0, 0, 0, 45]);
    expect(Array.from(g.committed.subarray(P))).toEqual(Array(P).fill(10));
    expect(Array.from(g.tentative.subarray(P))).toEqual(Array(P).fill(0));
    expect(g.projectCount).toBe(10);
    expect(readDemandHours(g, 0, 5, { includeTentative: true })).toBe(65);
  });

  it('fills the grid edges and clips what falls outside, without leaking into the next row', () => {
    const g = withSegments([
      { resource: 0, project: 0, firstPeriod: 0, lastPeriod: 0, hoursPerPeriod: 1 },
      { resource: 0, project: 0, firstPeriod: P - 1, lastPeriod: P - 1, hoursPerPeriod: 2 },
      { resource: 0, project: 1, firstPeriod: -3, lastPeriod: 1, hoursPerPeriod: 4 },
      { resource: 0, project: 1, firstPeriod: 4, lastPeriod: P + 5, hoursPerPeriod: 8 },
      { resource: 0, project: 2, firstPeriod: -9, lastPeriod: -1, hoursPerPeriod: 99 },
      { resource: 0, project: 2, firstPeriod: P, lastPeriod: P + 2, hoursPerPeriod: 99 },
    ]);
    expect(Array.from(g.committed.subarray(0, P))).toEqual([5, 4, 0, 0, 8, 10]);
    expect(Array.from(g.committed.subarray(P))).toEqual(Array(P).fill(0));
  });

  it('rejects unknown resources, reversed ranges, non-finite hours and bad flags', () => {
    const bad: SegmentRow[] = [
      { resource: 2, project: 0, firstPeriod: 0, lastPeriod: 0, hoursPerPeriod: 1 },
      { resource: 0, project: 0, firstPeriod: 3, lastPeriod: 2, hoursPerPeriod: 1 },
      { resource: 0, project: 0, firstPeriod: 0, lastPeriod: 1, hoursPerPeriod: Number.NaN },
      { resource: 0, project: 0, firstPeriod: 0, lastPeriod: 1, hoursPerPeriod: Number.POSITIVE_INFINITY },
      { resource: 0, project: -1, firstPeriod: 0, lastPeriod: 1, hoursPerPeriod: 1 },
    ];
    for (const row of bad) expect(() => withSegments([row])).toThrow(RangeError);
    const flagged = packDemandSegments([SEGMENTS[0] as SegmentRow]);
    flagged.tentative[0] = 2;
    expect(() =>
      buildCapacityGrid({ resourceCount: R, periodCount: P, capacity: capacity(), segments: flagged }),
    ).toThrow(/tentative 2/);
  });

  it('gives the same aggregates and scans as the all-per-period form when mixed with per-period rows', () => {
    const rows: DemandRow[] = [
      { resource: 0, project: 3, firstPeriod: 0, hours: [5, 0, 5.25, 15] },
      { resource: 1, project: 4, firstPeriod: 3, hours: [31, 29.5, 40] },
      { resource: 0, project: 9, firstPeriod: 4, hours: [12], tentative: true },
    ];
    const mixed = withSegments(SEGMENTS, rows);
    const reference = perPeriodOnly([...asRows(SEGMENTS), ...rows]);
    expect(mixed.committed).toEqual(reference.committed);
    expect(mixed.tentative).toEqual(reference.tentative);
    for (const includeTentative of [false, true]) {
      const runs = scanOverAllocations(mixed, { includeTentative });
      expect(runs.length).toBeGreaterThan(0);
      expect(runs).toEqual(scanOverAllocations(reference, { includeTentative }));
      for (const run of runs)
        expect(projectsOfRun(mixed, run, { includeTentative })).toEqual(
          projectsOfRun(reference, run, { includeTentative }),
        );
    }
  });

  it('names the projects of a run, most hours first, in the scan and lazily', () => {
    const g = withSegments(SEGMENTS);
    const runs = scanOverAllocations(g, { includeTentative: true });
    expect(runs).toEqual([
      { resource: 0, firstPeriod: 2, lastPeriod: 3, excessHours: 20, peakExcessHours: 10, projects: [7, 3] },
      { resource: 0, firstPeriod: 5, lastPeriod: 5, excessHours: 25, peakExcessHours: 25, projects: [9, 3] },
    ]);
    expect(projectsOfRun(g, runs[1] as (typeof runs)[number], { includeTentative: true })).toEqual([
      { project: 9, hours: 45 },
      { project: 3, hours: 20 },
    ]);
    expect(
      projectsOfRun(g, { resource: 0, firstPeriod: 0, lastPeriod: P - 1 }, { includeTentative: false }),
    ).toEqual([
      { project: 7, hours: 90 },
      { project: 3, hours: 80 },
    ]);
    expect(() =>
      projectsOfRun(g, { resource: R, firstPeriod: 0, lastPeriod: 0 }, { includeTentative: true }),
    ).toThrow(RangeError);
  });

  it('indexes segments by resource whether or not they come grouped', () => {
    const shuffled = [SEGMENTS[3], SEGMENTS[0], SEGMENTS[2], SEGMENTS[1]] as SegmentRow[];
    const a = withSegments(SEGMENTS);
    const b = withSegments(shuffled);
    expect(a.segmentsByResource.index).toBeNull();
    expect(Array.from(a.segmentsByResource.offset)).toEqual([0, 3, 4]);
    expect(Array.from(b.segmentsByResource.index ?? [])).toEqual([1, 2, 3, 0]);
    expect(scanOverAllocations(b, { includeTentative: true })).toEqual(
      scanOverAllocations(a, { includeTentative: true }),
    );
  });
});

describe('updateSegment', () => {
  it('changes hours, range and the tentative flag like a rebuild would', () => {
    const g = withSegments(SEGMENTS, [{ resource: 1, project: 4, firstPeriod: 2, hours: [7, 7] }]);
    updateSegment(g, 0, { hoursPerPeriod: 10 });
    updateSegment(g, 1, { firstPeriod: -2, lastPeriod: 1 });
    updateSegment(g, 2, { tentative: false, lastPeriod: P + 3 });
    updateSegment(g, 3, { firstPeriod: 4 });
    updateDemandHours(g, 0, Float64Array.from([1, 2]));
    const expected: SegmentRow[] = [
      { resource: 0, project: 7, firstPeriod: 1, lastPeriod: 3, hoursPerPeriod: 10 },
      { resource: 0, project: 3, firstPeriod: -2, lastPeriod: 1, hoursPerPeriod: 20 },
      { resource: 0, project: 9, firstPeriod: 5, lastPeriod: P + 3, hoursPerPeriod: 45 },
      { resource: 1, project: 3, firstPeriod: 4, lastPeriod: 5, hoursPerPeriod: 10 },
    ];
    const rebuilt = withSegments(expected, [{ resource: 1, project: 4, firstPeriod: 2, hours: [1, 2] }]);
    expect(g.committed).toEqual(rebuilt.committed);
    expect(g.tentative).toEqual(rebuilt.tentative);
    expect(Array.from(g.segments.firstPeriod)).toEqual([1, -2, 5, 4]);
    expect(scanOverAllocations(g, { includeTentative: false })).toEqual(
      scanOverAllocations(rebuilt, { includeTentative: false }),
    );
  });

  it('rejects an unknown segment, a reversed range or non-finite hours, leaving the grid as it was', () => {
    const g = withSegments(SEGMENTS);
    const before = g.committed.slice();
    expect(() => updateSegment(g, 4, { hoursPerPeriod: 1 })).toThrow(RangeError);
    expect(() => updateSegment(g, -1, { hoursPerPeriod: 1 })).toThrow(RangeError);
    expect(() => updateSegment(g, 0, { firstPeriod: 4 })).toThrow(RangeError);
    expect(() => updateSegment(g, 0, { hoursPerPeriod: Number.NaN })).toThrow(RangeError);
    expect(g.committed).toEqual(before);
  });
});
