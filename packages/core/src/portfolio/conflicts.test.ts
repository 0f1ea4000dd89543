import { describe, expect, it } from 'vitest';
import { conflictsOf, describeIis } from './conflicts.ts';
import { solveModel } from './highs-model.ts';
import { compile } from './model.ts';
import type { PortfolioProblem } from './types.ts';

const period = (t: number) => `period ${t}`;

describe('conflicts of an infeasible mandatory set', () => {
  it('sees through start windows: starts where a project cannot fit alone do not count', () => {
    // A can only start in 0 ("data" is 0 in period 1), B only in 0 (6 > 5 budget in period 1):
    // together they need 12 in period 0, where the limit is 10.
    const problem: PortfolioProblem = {
      periods: 2,
      budget: [10, 5],
      capacity: { data: [1, 0] },
      projects: [
        {
          id: 'A',
          value: 1,
          cost: [6],
          demand: { data: [1] },
          earliestStart: 0,
          latestStart: 1,
          mandatory: true,
        },
        { id: 'B', value: 1, cost: [6], demand: {}, earliestStart: 0, latestStart: 1, mandatory: true },
      ],
    };
    expect(conflictsOf(compile(problem), period, null)).toEqual([
      'The mandatory projects (A, B) need at least 12 of budget in period 0, whatever their starts; the limit is 10.',
    ]);
  });

  it("puts HiGHS's irreducible infeasible subsystem into words", async () => {
    const problem: PortfolioProblem = {
      periods: 1,
      budget: [100],
      capacity: {},
      projects: [
        { id: 'M1', value: 5, cost: [70], demand: {}, earliestStart: 0, latestStart: 0, mandatory: true },
        { id: 'M2', value: 5, cost: [50], demand: {}, earliestStart: 0, latestStart: 0, mandatory: true },
        { id: 'X', value: 50, cost: [10], demand: {}, earliestStart: 0, latestStart: 0 },
      ],
    };
    const c = compile(problem);
    const r = await solveModel(c, { integer: true, iis: true });
    expect(r.status).toBe('infeasible');
    expect(describeIis(c, r.iisRows ?? [], period)).toBe(
      'These constraints cannot all hold together: M1 is mandatory; M2 is mandatory; budget in period 0 is 100.',
    );
  });

  it('falls back to a plain statement when nothing more specific is found', () => {
    // Three mandatory projects, two periods, room for one per period: only integrality forbids it.
    const problem: PortfolioProblem = {
      periods: 2,
      budget: [10, 10],
      capacity: {},
      projects: ['A', 'B', 'C'].map((id) => ({
        id,
        value: 1,
        cost: [6],
        demand: {},
        earliestStart: 0,
        latestStart: 1,
        mandatory: true,
      })),
    };
    expect(conflictsOf(compile(problem), period, null)).toEqual([
      "The 3 mandatory projects (A, B, C) cannot be scheduled together: no combination of their start periods fits every period's budget and capacity.",
    ]);
  });
});
