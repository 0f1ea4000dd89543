import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heuristicPortfolio } from './heuristic.ts';
import { checkSelection, rankingPortfolio } from './model.ts';
import { optimizePortfolio } from './optimise.ts';
import { bruteForce, satisfies, smallProblem } from './test-fixtures.ts';
import type { PortfolioCandidate, PortfolioProblem } from './types.ts';

const project = (id: string, value: number, cost: number[], extra: Partial<PortfolioCandidate> = {}) => ({
  id,
  value,
  cost,
  demand: {},
  earliestStart: 0,
  latestStart: 0,
  ...extra,
});

describe('optimizePortfolio on hand-built instances', () => {
  it('picks the best combination, not the best ratio (a knapsack the greedy gets wrong)', async () => {
    // Budget 10 in one period: A (ratio 1.2) first would leave room for nothing else; B + C is worth 18.
    const problem: PortfolioProblem = {
      periods: 1,
      budget: [10],
      capacity: {},
      projects: [project('A', 12.1, [10]), project('B', 9, [5]), project('C', 9, [5])],
    };
    const s = await optimizePortfolio(problem);
    expect(s.status).toBe('optimal');
    expect(s.objective).toBe(18);
    expect(s.selected.map((x) => x.id).sort()).toEqual(['B', 'C']);
    expect(s.bound).toBeGreaterThanOrEqual(18 - 1e-9);
    expect(bruteForce(problem)?.objective).toBe(18);
  });

  it('shifts a start to make room, honours requires and excludes', async () => {
    const problem: PortfolioProblem = {
      periods: 3,
      budget: [5, 5, 5],
      capacity: { dev: [2, 2, 2] },
      projects: [
        project('A', 10, [5, 5], { demand: { dev: [1, 1] }, latestStart: 1 }),
        project('B', 8, [5], { demand: { dev: [2] }, earliestStart: 0, latestStart: 2 }),
        project('C', 7, [0], { requires: ['D'], earliestStart: 0, latestStart: 2 }),
        project('D', 1, [0], { excludes: ['E'], earliestStart: 0, latestStart: 2 }),
        project('E', 5, [0], { earliestStart: 0, latestStart: 2 }),
      ],
    };
    const s = await optimizePortfolio(problem);
    const brute = bruteForce(problem);
    expect(s.status).toBe('optimal');
    expect(s.objective).toBe(brute?.objective);
    expect(checkSelection(problem, s.selected)).toEqual([]);
    const ids = new Set(s.selected.map((x) => x.id));
    // A and B must not overlap: B goes where A is not.
    const a = s.selected.find((x) => x.id === 'A');
    const b = s.selected.find((x) => x.id === 'B');
    expect(a && b && (b.start < a.start || b.start > a.start + 1)).toBe(true);
    expect(ids.has('C') && ids.has('D') && !ids.has('E')).toBe(true); // 7 + 1 beats 5
  });

  it('reports infeasible, with the conflict, when mandatory projects exceed the budget', async () => {
    const problem: PortfolioProblem = {
      periods: 4,
      budget: [100, 100, 100, 100],
      capacity: {},
      projects: [
        project('M1', 5, [0, 0, 0, 70], { mandatory: true }),
        project('M2', 5, [0, 0, 0, 50], { mandatory: true }),
        project('X', 50, [10]),
      ],
    };
    const s = await optimizePortfolio(problem);
    expect(bruteForce(problem)).toBeNull();
    expect(s.status).toBe('infeasible');
    expect(s.selected).toEqual([]);
    expect([s.objective, s.bound, s.gap]).toEqual([0, 0, 0]);
    expect(s.conflicts.join(' ')).toContain('need at least 120 of budget in period 3');
    expect(s.conflicts.join(' ')).toContain('the limit is 100');
  });

  it('reports infeasible when mandatory projects exclude each other or one requires a forced-out project', async () => {
    const excl: PortfolioProblem = {
      periods: 1,
      budget: [10],
      capacity: {},
      projects: [
        project('P1', 1, [1], { mandatory: true, excludes: ['P2'] }),
        project('P2', 1, [1], { mandatory: true }),
      ],
    };
    const a = await optimizePortfolio(excl);
    expect(bruteForce(excl)).toBeNull();
    expect(a.status).toBe('infeasible');
    expect(a.conflicts).toEqual(['mandatory P1 and mandatory P2 exclude each other.']);
    const req: PortfolioProblem = {
      periods: 1,
      budget: [10],
      capacity: {},
      projects: [
        project('P1', 1, [1], { mandatory: true, requires: ['P2'] }),
        project('P2', 1, [1], { requires: ['P3'] }),
        project('P3', 1, [1], { forcedOut: true }),
      ],
    };
    const b = await optimizePortfolio(req);
    expect(bruteForce(req)).toBeNull();
    expect(b.status).toBe('infeasible');
    expect(b.conflicts).toEqual(['P3 (required by mandatory P1) is forced out.']);
  });

  it('names a mandatory project that fits at no start, and one that is also forced out', async () => {
    const problem: PortfolioProblem = {
      periods: 2,
      budget: [10, 10],
      capacity: { data: [3, 3] },
      projects: [
        project('BIG', 1, [1], { mandatory: true, demand: { data: [4] }, latestStart: 1 }),
        project('ODD', 1, [1], { mandatory: true, forcedOut: true }),
      ],
    };
    const s = await optimizePortfolio(problem);
    expect(s.status).toBe('infeasible');
    expect(s.conflicts).toContain('ODD is both mandatory and forced out.');
    expect(s.conflicts.join(' ')).toMatch(/mandatory BIG does not fit even on its own.*4 of "data" capacity/);
  });

  it('finds no feasible assignment the way the exhaustive search does when only start combinations clash', async () => {
    // Each mandatory project fits alone and the sums per period allow it, but no pair of starts works.
    const problem: PortfolioProblem = {
      periods: 3,
      budget: [10, 10, 10],
      capacity: {},
      projects: [
        project('A', 1, [6, 6], { mandatory: true, latestStart: 1 }),
        project('B', 1, [6, 6], { mandatory: true, latestStart: 1 }),
      ],
    };
    const s = await optimizePortfolio(problem);
    expect(bruteForce(problem)).toBeNull();
    expect(s.status).toBe('infeasible');
    expect(s.conflicts.length).toBeGreaterThan(0);
  });

  it('reports progress: the heuristic first, then the MIP', async () => {
    const phases: string[] = [];
    await optimizePortfolio(smallProblem(7, { rules: false }), { onProgress: (p) => phases.push(p.phase) });
    expect(phases[0]).toBe('heuristic');
    expect(phases.at(-1)).toBe('mip');
  });

  it('rejects an invalid problem with a RangeError naming the field', async () => {
    const bad = { periods: 1, budget: [-1], capacity: {}, projects: [] } as PortfolioProblem;
    await expect(optimizePortfolio(bad)).rejects.toThrow(/budget\[0\]: must not be negative/);
  });
});

describe('optimizePortfolio against exhaustive enumeration (property)', () => {
  it('matches the brute-force optimum, or says infeasible exactly when nothing is feasible', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const problem = smallProblem(seed);
        const brute = bruteForce(problem);
        const s = await optimizePortfolio(problem, { explain: false, gap: 1e-9 });
        if (!brute) {
          expect(s.status).toBe('infeasible');
          expect(s.conflicts.length).toBeGreaterThan(0);
          return;
        }
        expect(s.status).toBe('optimal');
        expect(s.objective).toBeCloseTo(brute.objective, 6);
        expect(satisfies(problem, s.selected)).toBe(true);
        expect(checkSelection(problem, s.selected)).toEqual([]);
        expect(s.bound).toBeGreaterThanOrEqual(s.objective - 1e-6);
        // The heuristic: feasible when it says so, never above the optimum, its bound never below.
        expect(s.heuristic.objective).toBeLessThanOrEqual(brute.objective + 1e-9);
        expect(s.heuristic.bound).toBeGreaterThanOrEqual(brute.objective - 1e-6);
        const h = heuristicPortfolio(problem);
        if (h.feasible) expect(checkSelection(problem, h.selected)).toEqual([]);
        expect(h.objective).toBeLessThanOrEqual(brute.objective + 1e-9);
        expect(h.bound).toBeGreaterThanOrEqual(brute.objective - 1e-6);
        const r = rankingPortfolio(problem);
        if (r.feasible) expect(checkSelection(problem, r.selected)).toEqual([]);
        expect(r.objective).toBeLessThanOrEqual(brute.objective + 1e-9);
      }),
      { numRuns: 120 },
    );
  });

  it('matches brute force on instances of 8–10 projects with small windows', async () => {
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const problem = smallProblem(seed * 7919, { maxProjects: 10, maxPeriods: 4, maxWindow: 1 });
      while (problem.projects.length < 8) {
        const more = smallProblem(seed + problem.projects.length, {
          maxProjects: 1,
          maxPeriods: problem.periods,
        });
        const { costByCategory: _, ...p } = more.projects[0] as PortfolioCandidate;
        if (p.latestStart + p.cost.length > problem.periods) continue;
        problem.projects.push({ ...p, id: `Q${problem.projects.length}`, demand: {} });
      }
      const brute = bruteForce(problem);
      const s = await optimizePortfolio(problem, { explain: false, gap: 1e-9 });
      if (!brute) expect(s.status).toBe('infeasible');
      else {
        expect(s.status).toBe('optimal');
        expect(s.objective).toBeCloseTo(brute.objective, 6);
      }
    }
  });
});
