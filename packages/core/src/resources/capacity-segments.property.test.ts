import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DemandRow } from './capacity-grid.ts';
import { buildCapacityGrid, packDemandColumns, projectsOfRun, scanOverAllocations } from './capacity-grid.ts';
import type { SegmentRow } from './capacity-segments.ts';
import { packDemandSegments, updateSegment } from './capacity-segments.ts';

const R = 4;
const P = 10;
// Quarter hours, as timesheets and bookings use: every partial sum is exact in a double, so the
// difference-array build, the naive sum and incremental updates can be compared exactly.
const quarterHours = fc.integer({ min: 0, max: 120 }).map((q) => q / 4);
const segmentArb: fc.Arbitrary<SegmentRow> = fc
  .record({
    resource: fc.integer({ min: 0, max: R - 1 }),
    project: fc.integer({ min: 0, max: 5 }),
    firstPeriod: fc.integer({ min: -3, max: P + 1 }),
    length: fc.integer({ min: 1, max: P + 2 }),
    hoursPerPeriod: quarterHours,
    tentative: fc.boolean(),
  })
  .map(({ length, ...s }) => ({ ...s, lastPeriod: s.firstPeriod + length - 1 }));
const rowArb: fc.Arbitrary<DemandRow> = fc.record({
  resource: fc.integer({ min: 0, max: R - 1 }),
  project: fc.integer({ min: 0, max: 5 }),
  firstPeriod: fc.integer({ min: -2, max: P }),
  hours: fc.array(quarterHours, { maxLength: 5 }),
  tentative: fc.boolean(),
});
const editArb = fc.record({
  segment: fc.nat(),
  firstShift: fc.integer({ min: -3, max: 3 }),
  length: fc.integer({ min: 1, max: P + 2 }),
  hoursPerPeriod: fc.option(quarterHours, { nil: undefined }),
  tentative: fc.option(fc.boolean(), { nil: undefined }),
});
const capacity = () => Float64Array.from({ length: R * P }, (_, i) => 20 + (i % 3) * 10);

function build(segments: SegmentRow[], rows: DemandRow[] = []) {
  return buildCapacityGrid({
    resourceCount: R,
    periodCount: P,
    capacity: capacity(),
    demands: packDemandColumns(rows),
    segments: packDemandSegments(segments),
  });
}

/** The definition: every segment adds its hours to each of its periods inside the grid. */
function naive(segments: SegmentRow[], tentative: boolean): number[] {
  const cells = new Array<number>(R * P).fill(0);
  for (const s of segments) {
    if (Boolean(s.tentative) !== tentative) continue;
    for (let p = s.firstPeriod; p <= s.lastPeriod; p++)
      if (p >= 0 && p < P)
        cells[s.resource * P + p] = (cells[s.resource * P + p] as number) + s.hoursPerPeriod;
  }
  return cells;
}

describe('segment aggregation properties', () => {
  it('difference arrays give the naive per-cell sum, in any order', () => {
    fc.assert(
      fc.property(fc.array(segmentArb, { maxLength: 40 }), fc.boolean(), (segments, reverse) => {
        const g = build(reverse ? [...segments].reverse() : segments);
        expect(Array.from(g.committed)).toEqual(naive(segments, false));
        expect(Array.from(g.tentative)).toEqual(naive(segments, true));
      }),
    );
  });

  it('segments mixed with per-period rows scan like the same demand all per period', () => {
    fc.assert(
      fc.property(
        fc.array(segmentArb, { maxLength: 25 }),
        fc.array(rowArb, { maxLength: 10 }),
        fc.boolean(),
        (segments, rows, includeTentative) => {
          const expanded: DemandRow[] = segments.map((s) => ({
            resource: s.resource,
            project: s.project,
            firstPeriod: s.firstPeriod,
            hours: Array(s.lastPeriod - s.firstPeriod + 1).fill(s.hoursPerPeriod),
            tentative: s.tentative ?? false,
          }));
          const mixed = build(segments, rows);
          const reference = build([], [...expanded, ...rows]);
          expect(mixed.committed).toEqual(reference.committed);
          expect(mixed.tentative).toEqual(reference.tentative);
          const runs = scanOverAllocations(mixed, { includeTentative });
          expect(runs).toEqual(scanOverAllocations(reference, { includeTentative }));
          for (const run of runs) {
            const named = projectsOfRun(mixed, run, { includeTentative });
            expect(named.map((p) => p.project)).toEqual(run.projects);
            expect(named).toEqual(projectsOfRun(reference, run, { includeTentative }));
          }
        },
      ),
    );
  });

  it('incremental segment updates equal a rebuild', () => {
    fc.assert(
      fc.property(
        fc.array(segmentArb, { minLength: 1, maxLength: 25 }),
        fc.array(rowArb, { maxLength: 5 }),
        fc.array(editArb, { maxLength: 30 }),
        (segments, rows, edits) => {
          const g = build(segments, rows);
          const current = [...segments];
          for (const e of edits) {
            const i = e.segment % segments.length;
            const s = current[i] as SegmentRow;
            const firstPeriod = s.firstPeriod + e.firstShift;
            const change = {
              firstPeriod,
              lastPeriod: firstPeriod + e.length - 1,
              ...(e.hoursPerPeriod === undefined ? {} : { hoursPerPeriod: e.hoursPerPeriod }),
              ...(e.tentative === undefined ? {} : { tentative: e.tentative }),
            };
            updateSegment(g, i, change);
            current[i] = { ...s, ...change };
          }
          const fresh = build(current, rows);
          expect(g.committed).toEqual(fresh.committed);
          expect(g.tentative).toEqual(fresh.tentative);
          for (const includeTentative of [false, true])
            expect(scanOverAllocations(g, { includeTentative })).toEqual(
              scanOverAllocations(fresh, { includeTentative }),
            );
        },
      ),
    );
  });
});
