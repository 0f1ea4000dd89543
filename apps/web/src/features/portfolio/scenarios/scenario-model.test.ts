import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  budgetPerMonth,
  budgetText,
  capacityLine,
  draftErrorsFromProblem,
  emptyDraft,
  frontierSeries,
  latestProgress,
  niceScale,
  parseBudget,
  parseDraft,
  project,
  sameDraft,
  setOverride,
  upliftOverRanking,
} from './scenario-model.ts';

describe('parseBudget', () => {
  it('reads one amount or one per month', () => {
    expect(parseBudget('250000')).toEqual({ ok: true, value: [250000] });
    expect(parseBudget('250,000.50')).toEqual({ ok: true, value: [250000.5] });
    expect(parseBudget('100; 200\n300')).toEqual({ ok: true, value: [100, 200, 300] });
  });

  it('names what is wrong', () => {
    expect(parseBudget('')).toEqual({ ok: false, error: 'Enter a budget per month.' });
    expect(parseBudget('-5')).toEqual({ ok: false, error: '“-5” is not an amount.' });
    const r = parseBudget('100; abc');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('Month 2');
  });

  it('reads back what budgetText writes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 60 }), (budget) => {
        const parsed = parseBudget(budgetText(budget));
        expect(parsed.ok).toBe(true);
        const value = parsed.ok ? parsed.value : [];
        // One amount stands for every month; otherwise every month is kept.
        expect(budgetPerMonth(value, budget.length)).toEqual(budget);
      }),
    );
  });
});

describe('budgetPerMonth', () => {
  it('repeats a single amount and the last of a short list', () => {
    expect(budgetPerMonth([5], 3)).toEqual([5, 5, 5]);
    expect(budgetPerMonth([1, 2], 4)).toEqual([1, 2, 2, 2]);
    expect(budgetPerMonth([1, 2, 3], 2)).toEqual([1, 2]);
  });
});

describe('setOverride', () => {
  it('adds, changes and drops an override that no longer changes anything', () => {
    const a = setOverride([], 'p1', { mandatory: true });
    expect(a).toEqual([{ proposalId: 'p1', mandatory: true }]);
    const b = setOverride(a, 'p1', { forcedOut: true });
    expect(b).toEqual([{ proposalId: 'p1', forcedOut: true }]);
    expect(setOverride(b, 'p1', { forcedOut: false })).toEqual([]);
    expect(setOverride(b, 'p2', { value: 10 })).toEqual([
      { proposalId: 'p1', forcedOut: true },
      { proposalId: 'p2', value: 10 },
    ]);
  });

  it('never leaves a proposal both mandatory and forced out (property)', () => {
    const patch = fc.record(
      { mandatory: fc.boolean(), forcedOut: fc.boolean(), value: fc.integer({ min: 0, max: 100 }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), patch), { maxLength: 30 }), (edits) => {
        let overrides = setOverride([], 'a', {});
        for (const [id, p] of edits) overrides = setOverride(overrides, id, p);
        const ids = overrides.map((o) => o.proposalId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const o of overrides) {
          expect(o.mandatory && o.forcedOut).toBeFalsy();
          expect(Object.keys(o).length).toBeGreaterThan(1);
        }
      }),
    );
  });
});

describe('niceScale', () => {
  it('covers the range with round ticks', () => {
    expect(niceScale(0, 100, 5)).toEqual({ min: 0, max: 100, ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceScale(3, 3).ticks.length).toBeGreaterThan(1);
  });

  it('always contains the data and its ticks are evenly spaced (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        (a, b) => {
          const s = niceScale(a, b);
          expect(s.min).toBeLessThanOrEqual(Math.min(a, b));
          expect(s.max).toBeGreaterThanOrEqual(Math.max(a, b));
          expect(s.ticks.length).toBeGreaterThanOrEqual(2);
          expect(s.ticks.length).toBeLessThanOrEqual(12);
          const step = (s.ticks[1] as number) - (s.ticks[0] as number);
          s.ticks.forEach((t, i) => {
            if (i > 0) expect(t - (s.ticks[i - 1] as number)).toBeCloseTo(step, 6);
          });
        },
      ),
    );
  });

  it('projects linearly', () => {
    expect(project(50, { min: 0, max: 100 }, 0, 200)).toBe(100);
    expect(project(0, { min: 0, max: 100 }, 300, 100)).toBe(300);
  });
});

describe('results', () => {
  it('measures the gain over the ranking', () => {
    expect(upliftOverRanking({ objective: 110, ranking: { objective: 100 } })).toBeCloseTo(0.1, 12);
    expect(upliftOverRanking({ objective: 5, ranking: { objective: 0 } })).toBeNull();
  });

  it('takes the newest incumbent and bound from a run’s progress', () => {
    const p = latestProgress({
      progress: [
        { phase: 'heuristic', objective: 10, bound: 20, gap: 0.5, elapsedMs: 5, pointsDone: null },
        { phase: 'mip', objective: 12, bound: null, gap: null, elapsedMs: 50, pointsDone: null },
        { phase: 'mip', objective: null, bound: 13, gap: 0.07, elapsedMs: 90, pointsDone: null },
      ],
    });
    expect(p).toEqual({ objective: 12, bound: 13, gap: 0.07, elapsedMs: 90, phase: 'mip' });
  });

  it('sorts the frontier and marks the scenario’s own budget', () => {
    const point = (totalBudget: number) => ({
      budgetFactor: totalBudget / 100,
      totalBudget,
      value: totalBudget / 2,
      bound: totalBudget / 2,
      gap: 0,
      selectedCount: 1,
      selectedIds: [],
    });
    const s = frontierSeries([point(200), point(100), point(50)], 100);
    expect(s.map((p) => p.totalBudget)).toEqual([50, 100, 200]);
    expect(s.map((p) => p.current)).toEqual([false, true, false]);
    expect(frontierSeries([point(200)], 100).some((p) => p.current)).toBe(false);
  });
});

describe('scenario drafts', () => {
  const good = {
    ...emptyDraft('2027-01'),
    name: ' Plan ',
    budget: '250000',
    capacity: [capacityLine('Developer', '400; 380')],
  };

  it('turns a valid draft into the API fields', () => {
    const r = parseDraft(good);
    expect(r).toEqual({
      ok: true,
      value: {
        name: 'Plan',
        description: null,
        startMonth: '2027-01',
        periods: 12,
        objective: 'score',
        budget: [250000],
        budgetByCategory: null,
        capacityFrom: 'pool',
        capacity: { Developer: [400, 380] },
        capacityFactor: 1,
        statuses: ['submitted', 'under_review', 'approved'],
      },
    });
  });

  it('names each wrong field', () => {
    const r = parseDraft({
      ...good,
      name: '',
      periods: '0',
      budget: 'lots',
      byCategory: true,
      capacityFactor: '-1',
      capacity: [capacityLine('Developer', '1'), capacityLine('Developer', '2')],
      statuses: [],
    });
    expect(r.ok).toBe(false);
    const errors = r.ok ? {} : r.errors;
    expect(Object.keys(errors).sort()).toEqual(
      ['budget', 'capacity', 'capacityFactor', 'capex', 'name', 'periods', 'statuses'].sort(),
    );
    expect(errors.capacity).toContain('Developer');
  });

  it('asks for capacity when it is manual', () => {
    const r = parseDraft({ ...good, capacityFrom: 'manual', capacity: [] });
    expect(!r.ok && r.errors.capacity).toContain('manual');
  });

  it('maps server field paths onto the form', () => {
    expect(
      draftErrorsFromProblem([
        { field: 'budget.2', message: 'too big' },
        { field: 'budgetByCategory.opex.0', message: 'negative' },
        { field: 'overrides.0.value', message: 'bad' },
      ]),
    ).toEqual({ budget: 'too big', opex: 'negative', form: 'bad' });
  });
});

describe('sameDraft', () => {
  it('ignores capacity line ids but not their contents', () => {
    const a = { ...emptyDraft('2027-01'), capacity: [capacityLine('Developer', '10')] };
    const b = { ...a, capacity: [capacityLine('Developer', '10')] };
    expect(a.capacity[0]?.id).not.toBe(b.capacity[0]?.id);
    expect(sameDraft(a, b)).toBe(true);
    expect(sameDraft(a, { ...b, capacity: [capacityLine('Developer', '11')] })).toBe(false);
    expect(sameDraft(a, { ...a, budget: '1' })).toBe(false);
  });
});
