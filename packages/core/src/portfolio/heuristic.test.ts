import { describe, expect, it } from 'vitest';
import { heuristicPortfolio } from './heuristic.ts';
import { checkSelection, rankingPortfolio } from './model.ts';
import { optimizePortfolio } from './optimise.ts';
import { mediumProblem } from './test-fixtures.ts';
import type { PortfolioProblem } from './types.ts';

describe('heuristicPortfolio', () => {
  it('is feasible, below the optimum and bounds it from above on medium instances', async () => {
    for (const seed of [1, 2, 4]) {
      const problem = mediumProblem(seed);
      const h = heuristicPortfolio(problem);
      const s = await optimizePortfolio(problem, { explain: false, gap: 1e-6, timeLimitSeconds: 10 });
      expect(s.status).toBe('optimal');
      expect(h.feasible).toBe(true);
      expect(checkSelection(problem, h.selected)).toEqual([]);
      expect(h.objective).toBeLessThanOrEqual(s.objective + 1e-9);
      expect(h.bound).toBeGreaterThanOrEqual(s.objective * (1 - 1e-6));
      expect(h.gap).toBeCloseTo((h.bound - h.objective) / h.objective, 12);
      // The Lagrangian heuristic should be close: within 5 % here, and never worse than the ranking.
      expect(h.objective).toBeGreaterThanOrEqual(0.95 * s.objective);
      expect(h.objective).toBeGreaterThanOrEqual(rankingPortfolio(problem).objective);
    }
  }, 20_000);

  it('keeps a feasible start it is given when it finds nothing better', () => {
    const problem = mediumProblem(9);
    const first = heuristicPortfolio(problem);
    const again = heuristicPortfolio(problem, { start: first.starts, iterations: 1, timeBudgetMs: 5 });
    expect(again.objective).toBeGreaterThanOrEqual(first.objective);
    expect(checkSelection(problem, again.selected)).toEqual([]);
  });

  it('places what a mandatory project requires, and says so when the mandatory set cannot fit', () => {
    const base: PortfolioProblem = {
      periods: 2,
      budget: [10, 10],
      capacity: {},
      projects: [
        {
          id: 'M',
          value: 1,
          cost: [5],
          demand: {},
          earliestStart: 0,
          latestStart: 1,
          mandatory: true,
          requires: ['R'],
        },
        { id: 'R', value: 0, cost: [5, 5], demand: {}, earliestStart: 0, latestStart: 0 },
        { id: 'X', value: 100, cost: [10], demand: {}, earliestStart: 0, latestStart: 1 },
      ],
    };
    const h = heuristicPortfolio(base);
    expect(h.feasible).toBe(true);
    expect(h.selected.map((x) => x.id).sort()).toEqual(['M', 'R']);
    const tight = { ...base, budget: [6, 6] };
    const t = heuristicPortfolio(tight);
    expect(t.feasible).toBe(false);
    expect(t.selected).toEqual([]);
  });
});
