import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AvailabilityCandidate } from './availability.ts';
import { compareRanks, rankAvailability } from './availability.ts';

const f = (...h: number[]): Float64Array => Float64Array.from(h);
function candidate(
  resource: number,
  skillLevel: number | null,
  free: number[],
  capacity = 40,
): AvailabilityCandidate {
  return { resource, skillLevel, freeHours: f(...free), capacityHours: f(...free.map(() => capacity)) };
}

describe('rankAvailability', () => {
  it('puts coverage first, then the closest level, then spare hours, then resource index', () => {
    const ranked = rankAvailability(
      [
        candidate(0, 5, [20, 20, 20]), // expert, fully free
        candidate(1, 3, [20, 20, 20]), // exact level, fully free
        candidate(2, 3, [30, 20, 20]), // exact level, more spare
        candidate(3, 3, [10, 20, 20]), // short in period 0
        candidate(4, 3, [30, 20, 20]), // same as 2, higher index
      ],
      { hoursPerPeriod: 20, minLevel: 3 },
    );
    expect(ranked.map((r) => r.resource)).toEqual([2, 4, 1, 0, 3]);
    const short = ranked[4];
    expect(short?.coverage).toBeCloseTo(50 / 60, 12);
    expect(short?.fullyFree).toBe(false);
    expect(short?.shortPeriods).toEqual([0]);
    expect(ranked[0]?.spareHours).toBe(10);
    expect(ranked[3]?.fit).toBeCloseTo(1 / 3, 12);
    expect(ranked[0]?.fit).toBe(1);
  });

  it('leaves out candidates below the level and unrated ones when a level is needed', () => {
    const pool = [candidate(0, 2, [40]), candidate(1, null, [40]), candidate(2, 4, [40])];
    expect(rankAvailability(pool, { hoursPerPeriod: 8, minLevel: 3 }).map((r) => r.resource)).toEqual([2]);
    expect(rankAvailability(pool, { hoursPerPeriod: 8, minLevel: 0 }).map((r) => r.resource)).toEqual([
      1, 0, 2,
    ]);
  });

  it('takes a need per period, counts over-allocation as no free time and reports the load after', () => {
    const r = rankAvailability([candidate(7, 1, [-5, 10, 40])], {
      hoursPerPeriod: f(0, 10, 20),
      minLevel: 1,
    })[0];
    expect(r?.coverage).toBe(1);
    expect(r?.shortPeriods).toEqual([]);
    // Booked before: 45 + 30 + 0 = 75 of 120; taking 30 more.
    expect(r?.loadAfter).toBeCloseTo(105 / 120, 12);
    const none = rankAvailability([candidate(8, 1, [0, 0])], { hoursPerPeriod: 0, minLevel: 1 })[0];
    expect(none?.coverage).toBe(1);
    expect(() => rankAvailability([candidate(7, 1, [1])], { hoursPerPeriod: f(1, 2), minLevel: 0 })).toThrow(
      RangeError,
    );
  });

  it('returns a permutation of the eligible candidates sorted by the documented key', () => {
    const arb = fc.array(
      fc.record({
        level: fc.option(fc.integer({ min: 0, max: 5 })),
        free: fc.array(fc.integer({ min: -10, max: 40 }), { minLength: 4, maxLength: 4 }),
      }),
      { maxLength: 15 },
    );
    fc.assert(
      fc.property(
        arb,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 30 }),
        (rows, minLevel, need) => {
          const pool = rows.map((row, i) => candidate(i, row.level, row.free));
          const ranked = rankAvailability(pool, { hoursPerPeriod: need, minLevel });
          const eligible = pool
            .filter((c) => (c.skillLevel === null ? minLevel <= 0 : c.skillLevel >= minLevel))
            .map((c) => c.resource);
          expect(ranked.map((r) => r.resource).sort((a, b) => a - b)).toEqual(eligible);
          for (let i = 1; i < ranked.length; i++) {
            const a = ranked[i - 1];
            const b = ranked[i];
            if (!a || !b) continue;
            expect(compareRanks(a, b)).toBeLessThan(0);
            const key = (x: typeof a) => [-x.coverage, x.levelsAboveMinimum, -x.spareHours, x.resource];
            const ka = key(a);
            const kb = key(b);
            const first = ka.findIndex((v, k) => v !== kb[k]);
            expect(ka[first] as number).toBeLessThan(kb[first] as number);
            expect(a.fit).toBeGreaterThanOrEqual(0);
            expect(a.fit).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
