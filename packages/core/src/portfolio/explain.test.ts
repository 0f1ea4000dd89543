import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSelection } from './model.ts';
import { optimizePortfolio } from './optimise.ts';
import { smallProblem } from './test-fixtures.ts';
import type { PortfolioProblem } from './types.ts';

const problem = (): PortfolioProblem => ({
  periods: 3,
  budget: [10, 10, 10],
  capacity: { data: [5, 5, 5] },
  projects: [
    { id: 'A', value: 10, cost: [0, 10, 0], demand: {}, earliestStart: 0, latestStart: 0 },
    // Out only because period 1's budget is taken: 4 more there would let it in.
    { id: 'B', value: 5, cost: [0, 4, 0], demand: {}, earliestStart: 0, latestStart: 0 },
    { id: 'C', value: 3, cost: [1], demand: { data: [2] }, earliestStart: 2, latestStart: 2 },
    { id: 'D', value: 9, cost: [1], demand: { data: [4] }, earliestStart: 2, latestStart: 2 },
    { id: 'E', value: 1, cost: [0], demand: {}, earliestStart: 0, latestStart: 2, excludes: ['D'] },
    { id: 'F', value: 4, cost: [0], demand: {}, earliestStart: 0, latestStart: 2, requires: ['C'] },
    { id: 'G', value: 50, cost: [0], demand: {}, earliestStart: 0, latestStart: 2, forcedOut: true },
  ],
});

describe('explanations of excluded projects', () => {
  it('gives each excluded project its main blocker', async () => {
    const s = await optimizePortfolio(problem());
    expect(s.status).toBe('optimal');
    expect(s.selected.map((x) => x.id).sort()).toEqual(['A', 'D']);
    const by = new Map(s.excluded.map((e) => [e.id, e]));
    expect([...by.keys()].sort()).toEqual(['B', 'C', 'E', 'F', 'G']);
    expect(by.get('B')?.kind).toBe('budget');
    expect(by.get('C')?.kind).toBe('capacity');
    expect(by.get('C')?.blocking).toEqual([{ kind: 'capacity', key: 'data', period: 2, shortfall: 1 }]);
    expect(by.get('E')?.kind).toBe('excludes');
    expect(by.get('E')?.reason).toContain('together with D');
    expect(by.get('F')?.kind).toBe('requires');
    expect(by.get('F')?.reason).toContain('requires C');
    expect(by.get('G')?.kind).toBe('forced-out');
    expect(by.get('G')?.valueToEnter).toBeNull();
  });

  it('reports a budget shortfall that, added in that period, actually lets the project in', async () => {
    const p = problem();
    const s = await optimizePortfolio(p);
    const b = s.excluded.find((e) => e.id === 'B');
    expect(b?.blocking).toEqual([{ kind: 'budget', key: null, period: 1, shortfall: 4 }]);
    expect(b?.reason).toContain('4 more budget in period 1');
    // B's value would have to rise by 5 (to beat A's 10 on its own) to displace what is selected.
    expect(b?.valueToEnter).toBeCloseTo(5, 6);
    expect(b?.reason).toContain('rise by 5');
    const budget = [...p.budget];
    budget[1] = (budget[1] as number) + (b?.blocking[0]?.shortfall ?? 0);
    const again = await optimizePortfolio({ ...p, budget });
    expect(again.selected.map((x) => x.id)).toContain('B');
    expect(again.objective).toBeCloseTo(s.objective + 5, 6);
    // And a little less is not enough.
    budget[1] = (budget[1] as number) - 0.5;
    const short = await optimizePortfolio({ ...p, budget });
    expect(short.selected.map((x) => x.id)).not.toContain('B');
  });

  it('lists binding constraints with used = limit and the LP shadow price', async () => {
    const s = await optimizePortfolio(problem());
    const budget1 = s.binding.find((b) => b.kind === 'budget' && b.period === 1);
    expect(budget1).toMatchObject({ used: 10, limit: 10 });
    // LP relaxation: B whole and 60 % of A, so an extra unit of budget in period 1 is worth A's ratio, 1.
    expect(budget1?.shadowPrice).toBeCloseTo(1, 6);
    // "data" in period 2 has 1 unit to spare (D uses 4 of 5): not binding.
    expect(s.binding.some((b) => b.kind === 'capacity')).toBe(false);
    for (const b of s.binding) expect(b.used).toBeCloseTo(b.limit, 9);
  });

  it('names periods by the labels given', async () => {
    const labels = ['Jan', 'Feb', 'Mar'];
    const s = await optimizePortfolio(problem(), { periodLabels: labels });
    expect(s.excluded.find((e) => e.id === 'B')?.reason).toContain('budget in Feb');
  });

  it('every binding row is at its limit and every excluded project is really out (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const p = smallProblem(seed);
        const s = await optimizePortfolio(p);
        if (s.status === 'infeasible') return;
        expect(checkSelection(p, s.selected)).toEqual([]);
        const selected = new Set(s.selected.map((x) => x.id));
        expect(s.excluded.length + s.selected.length).toBe(p.projects.length);
        for (const e of s.excluded) {
          expect(selected.has(e.id)).toBe(false);
          expect(e.reason.length).toBeGreaterThan(0);
          for (const b of e.blocking) expect(b.shortfall).toBeGreaterThan(0);
          if (e.valueToEnter !== null) expect(e.valueToEnter).toBeGreaterThanOrEqual(0);
        }
        for (const b of s.binding)
          expect(Math.abs(b.used - b.limit)).toBeLessThanOrEqual(1e-6 * Math.max(1, b.limit));
      }),
      { numRuns: 40 },
    );
  });
});
