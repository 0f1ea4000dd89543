import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { efficientFrontier } from './frontier.ts';
import { checkSelection } from './model.ts';
import { bruteForce, smallProblem } from './test-fixtures.ts';
import type { PortfolioProblem } from './types.ts';

/** The problem with every budget (total and per category) scaled by `factor`. */
const scaled = (p: PortfolioProblem, factor: number): PortfolioProblem => ({
  ...p,
  budget: p.budget.map((b) => b * factor),
  ...(p.budgetByCategory
    ? {
        budgetByCategory: Object.fromEntries(
          Object.entries(p.budgetByCategory).map(([k, v]) => [k, v.map((b) => b * factor)]),
        ),
      }
    : {}),
});

describe('efficientFrontier', () => {
  it('scales the budget from minFactor to maxFactor and finds the optimum at each point', async () => {
    const problem: PortfolioProblem = {
      periods: 1,
      budget: [10],
      capacity: {},
      projects: [
        { id: 'A', value: 6, cost: [4], demand: {}, earliestStart: 0, latestStart: 0 },
        { id: 'B', value: 5, cost: [5], demand: {}, earliestStart: 0, latestStart: 0 },
        { id: 'C', value: 8, cost: [10], demand: {}, earliestStart: 0, latestStart: 0 },
      ],
    };
    const seen: number[] = [];
    const points = await efficientFrontier(problem, {
      points: 4,
      minFactor: 0.3,
      maxFactor: 1.5,
      onPoint: (_, i) => seen.push(i),
    });
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(points.map((p) => p.budgetFactor)).toEqual([0.3, 0.7, 1.1, 1.5].map((x) => expect.closeTo(x, 9)));
    expect(points.map((p) => p.budget[0])).toEqual([3, 7, 11, 15].map((x) => expect.closeTo(x, 9)));
    // Budget 3: nothing; 7: A; 11: A + B; 15: A + B (11) vs A + C (14) → 14.
    expect(points.map((p) => p.value)).toEqual([0, 6, 11, 14]);
  });

  it('gives feasible, non-decreasing values equal to the optimum at each budget (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const problem = smallProblem(seed);
        const points = await efficientFrontier(problem, {
          points: 4,
          minFactor: 0.2,
          maxFactor: 1.6,
          gap: 1e-9,
        });
        expect(points).toHaveLength(4);
        let last = Number.NEGATIVE_INFINITY;
        for (const pt of points) {
          expect(pt.value).toBeGreaterThanOrEqual(last);
          last = pt.value;
          const at = scaled(problem, pt.budgetFactor);
          const brute = bruteForce(at);
          if (!brute) {
            // Nothing is feasible at this budget (mandatory projects do not fit): an empty point.
            expect(pt.selected).toEqual([]);
            expect(pt.value).toBe(0);
          } else {
            expect(checkSelection(at, pt.selected)).toEqual([]);
            expect(pt.value).toBeCloseTo(brute.objective, 6);
          }
          expect(pt.bound).toBeGreaterThanOrEqual(pt.value - 1e-9);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a factor range that is not one', async () => {
    const p = smallProblem(1);
    await expect(efficientFrontier(p, { minFactor: 2, maxFactor: 1 })).rejects.toThrow(RangeError);
  });
});
