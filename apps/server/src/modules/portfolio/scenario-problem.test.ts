import type { Proposal } from '@baton/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScenarioProblem, durationOf, perMonth, type ScenarioInputs } from './scenario-problem.ts';
import { addMonths, monthBounds, monthsBetween, objectiveWeights, scoresOf } from './scoring.ts';

function proposal(id: string, over: Partial<Proposal> = {}): Proposal {
  return {
    id,
    version: 1,
    createdAt: '',
    updatedAt: '',
    code: `PR-${id}`,
    title: `Proposal ${id}`,
    status: 'submitted',
    statusReason: null,
    description: null,
    category: null,
    orgUnitId: null,
    portfolioId: null,
    sponsorId: null,
    earliestStart: '2030-01',
    latestStart: '2030-03',
    riskRating: 3,
    urgency: 3,
    mandatory: false,
    businessCase: [
      { capexMinor: 100_00, opexMinor: 50_00, benefitMinor: 0 },
      { capexMinor: 0, opexMinor: 50_00, benefitMinor: 400_00 },
    ],
    demand: [{ key: 'Developer', kind: 'role', hours: [10, 20] }],
    alignment: {},
    requires: [],
    excludes: [],
    answers: {},
    orgUnitName: null,
    portfolioName: null,
    sponsorName: null,
    proposerId: null,
    proposerName: null,
    financials: {
      totalCostMinor: 200_00,
      totalBenefitMinor: 400_00,
      npvMinor: 190_00,
      irr: null,
      paybackMonths: 1,
    },
    scores: { value: 50, alignment: 0, risk: 50, urgency: 50, total: 42 },
    rank: 1,
    plannedStart: null,
    projectId: null,
    commentCount: 0,
    nextStatuses: [],
    ...over,
  };
}

const inputs = (over: Partial<ScenarioInputs> = {}): ScenarioInputs => ({
  startMonth: '2030-01',
  periods: 6,
  objective: 'score',
  budget: [1000],
  budgetByCategory: null,
  capacityFrom: 'manual',
  capacity: { developer: [100] },
  capacityFactor: 1,
  statuses: ['submitted'],
  overrides: [],
  ...over,
});

describe('buildScenarioProblem', () => {
  it('turns a proposal into periods of the horizon, major units and capacity by key', () => {
    const { problem } = buildScenarioProblem(inputs({ capacityFactor: 0.5 }), [proposal('a')], null);
    expect(problem.periods).toBe(6);
    expect(problem.budget).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
    // Matched case-insensitively, scaled by the factor.
    expect(problem.capacity.Developer).toEqual([50, 50, 50, 50, 50, 50]);
    const c = problem.projects[0];
    expect(c?.cost).toEqual([150, 50]);
    expect(c?.demand.Developer).toEqual([10, 20]);
    expect(c?.earliestStart).toBe(0);
    expect(c?.latestStart).toBe(2);
    expect(c?.value).toBe(42);
  });

  it('uses NPV in major units when the objective is NPV, and an override when there is one', () => {
    const npv = buildScenarioProblem(inputs({ objective: 'npv' }), [proposal('a')], null);
    expect(npv.problem.projects[0]?.value).toBe(190);
    const over = buildScenarioProblem(
      inputs({ overrides: [{ proposalId: 'a', value: 7, forcedOut: true }] }),
      [proposal('a')],
      null,
    );
    expect(over.problem.projects[0]?.value).toBe(7);
    expect(over.problem.projects[0]?.forcedOut).toBe(true);
  });

  it('clips the start window to the horizon and keeps out what cannot fit, saying why', () => {
    const late = proposal('late', { earliestStart: '2030-06', latestStart: '2030-09' });
    const clipped = proposal('clip', { earliestStart: '2029-10', latestStart: '2030-12' });
    const built = buildScenarioProblem(inputs(), [late, clipped], null);
    expect(built.problem.projects.map((p) => p.id)).toEqual(['clip']);
    expect(built.problem.projects[0]?.earliestStart).toBe(0);
    expect(built.problem.projects[0]?.latestStart).toBe(4); // two months must fit in six
    expect(built.preExcluded[0]?.proposal.id).toBe('late');
    expect(built.preExcluded[0]?.reason).toMatch(/do not fit/);
  });

  it('keeps out a proposal requiring one that is not a candidate, transitively', () => {
    const a = proposal('a', { status: 'draft' });
    const b = proposal('b', { requires: ['a'] });
    const c = proposal('c', { requires: ['b'] });
    const built = buildScenarioProblem(inputs(), [a, b, c], null);
    expect(built.problem.projects).toEqual([]);
    expect(built.preExcluded.map((x) => x.proposal.id).sort()).toEqual(['b', 'c']);
  });

  it('treats a requirement on a committed proposal as met and drops it', () => {
    const a = proposal('a', { status: 'approved', projectId: 'p1' });
    const b = proposal('b', { requires: ['a'] });
    const built = buildScenarioProblem(inputs(), [a, b], null);
    expect(built.problem.projects.map((p) => p.id)).toEqual(['b']);
    expect(built.problem.projects[0]?.requires).toEqual([]);
  });

  it('gives zero capacity to a key neither the pool nor the scenario knows', () => {
    const p = proposal('a', { demand: [{ key: 'Astronaut', kind: 'role', hours: [5] }] });
    const built = buildScenarioProblem(inputs({ capacityFrom: 'pool' }), [p], new Map([['Developer', [1]]]));
    expect(built.problem.capacity.Astronaut).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('occupies the horizon only while a proposal costs money or needs people', () => {
    const bc = (capex: number, benefit: number) => ({
      capexMinor: capex,
      opexMinor: 0,
      benefitMinor: benefit,
    });
    // Three months of build, then benefits for a year: it runs three months.
    const p = {
      businessCase: [bc(100, 0), bc(100, 0), bc(100, 0), ...Array.from({ length: 12 }, () => bc(0, 50))],
      demand: [{ key: 'Developer', kind: 'role' as const, hours: [10, 10, 0, 0] }],
    };
    expect(durationOf(p)).toBe(3);
    expect(
      durationOf({ ...p, demand: [{ key: 'Tester', kind: 'role' as const, hours: [0, 0, 0, 0, 5] }] }),
    ).toBe(5);
    expect(durationOf({ businessCase: [bc(0, 10)], demand: [] })).toBe(1);
    expect(durationOf({ businessCase: [], demand: [] })).toBe(1);
  });

  it('refuses a per-month list of the wrong length', () => {
    expect(() => perMonth([1, 2], 3, 'budget')).toThrow(/budget has 2 months/);
  });
});

describe('months', () => {
  it('adds and subtracts months across years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -400, max: 400 }),
        (y, m, n) => {
          const start = `${y}-${String(m).padStart(2, '0')}`;
          const later = addMonths(start, n);
          expect(later).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
          expect(monthsBetween(start, later)).toBe(n);
        },
      ),
    );
  });
  it('knows the last day of February', () => {
    expect(monthBounds('2028-02').last).toBe('2028-02-29');
    expect(monthBounds('2027-02').last).toBe('2027-02-28');
  });
});

describe('scores', () => {
  const criteria = { value: 0.25, alignment: 0.25, risk: 0.25, urgency: 0.25 };
  it('scores risk and urgency on 0–100 and weights the total', () => {
    const s = scoresOf(
      { businessCase: [], alignment: {}, riskRating: 1, urgency: 5 },
      { totalCostMinor: 0, totalBenefitMinor: 0, npvMinor: 0, irr: null, paybackMonths: null },
      new Map(),
      criteria,
      0.08,
    );
    expect(s.risk).toBe(100);
    expect(s.urgency).toBe(100);
    expect(s.total).toBe(50);
  });
  it('weights objective ratings by the objective weights', () => {
    const weights = objectiveWeights(
      [
        { id: 'x', directWeight: 3, active: true },
        { id: 'y', directWeight: 1, active: true },
        { id: 'z', directWeight: 5, active: false },
      ],
      'direct',
      null,
    );
    expect(weights.get('x')).toBeCloseTo(0.75);
    expect(weights.get('z')).toBe(0);
    const s = scoresOf(
      { businessCase: [], alignment: { x: 5, y: 0, z: 5 }, riskRating: 3, urgency: 3 },
      { totalCostMinor: 0, totalBenefitMinor: 0, npvMinor: 0, irr: null, paybackMonths: null },
      weights,
      criteria,
      0.08,
    );
    expect(s.alignment).toBe(75);
  });
});
