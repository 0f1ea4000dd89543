import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DemandRow } from './capacity-grid.ts';
import {
  buildCapacityGrid,
  packDemandColumns,
  scanOverAllocations,
  setDemandTentative,
  updateDemandHours,
} from './capacity-grid.ts';

const R = 4;
const P = 8;
const rowArb: fc.Arbitrary<DemandRow> = fc.record({
  resource: fc.integer({ min: 0, max: R - 1 }),
  project: fc.integer({ min: 0, max: 5 }),
  firstPeriod: fc.integer({ min: -2, max: P }),
  // Whole hours keep the arithmetic exact, so scans can be compared exactly too.
  hours: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 0, maxLength: 5 }),
  tentative: fc.boolean(),
});
const editArb = fc.oneof(
  fc.record({ kind: fc.constant('hours' as const), demand: fc.nat(), seed: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('tentative' as const), demand: fc.nat(), tentative: fc.boolean() }),
);

function build(rows: DemandRow[]) {
  return buildCapacityGrid({
    resourceCount: R,
    periodCount: P,
    capacity: Float64Array.from({ length: R * P }, (_, i) => 20 + (i % 3) * 10),
    demands: packDemandColumns(rows),
  });
}

describe('capacity grid properties', () => {
  it('incremental updates equal a full rebuild', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 25 }),
        fc.array(editArb, { maxLength: 30 }),
        (rows, edits) => {
          const g = build(rows);
          const current = rows.map((r) => ({ ...r, hours: [...r.hours] }));
          for (const e of edits) {
            const i = e.demand % rows.length;
            const row = current[i] as DemandRow & { hours: number[] };
            if (e.kind === 'hours') {
              const next = row.hours.map((_, k) => (e.seed * (k + 3)) % 31);
              updateDemandHours(g, i, Float64Array.from(next));
              current[i] = { ...row, hours: next };
            } else {
              setDemandTentative(g, i, e.tentative);
              current[i] = { ...row, tentative: e.tentative };
            }
          }
          const fresh = build(current);
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

  it('reports exactly the cells above capacity, with the excess summed', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 25 }), fc.boolean(), (rows, includeTentative) => {
        const g = build(rows);
        const runs = scanOverAllocations(g, { includeTentative });
        const flagged = new Set<number>();
        for (const run of runs) {
          let excess = 0;
          for (let p = run.firstPeriod; p <= run.lastPeriod; p++) {
            flagged.add(run.resource * P + p);
            const c = run.resource * P + p;
            excess +=
              (g.committed[c] as number) +
              (includeTentative ? (g.tentative[c] as number) : 0) -
              (g.capacity[c] as number);
          }
          expect(run.excessHours).toBeCloseTo(excess, 9);
          expect(new Set(run.projects).size).toBe(run.projects.length);
        }
        for (let c = 0; c < R * P; c++) {
          const demand = (g.committed[c] as number) + (includeTentative ? (g.tentative[c] as number) : 0);
          expect(flagged.has(c)).toBe(demand - (g.capacity[c] as number) > 1e-6);
        }
      }),
    );
  });
});
