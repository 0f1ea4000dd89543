import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EvmTask, earnedValue, evmFromTotals, rollUpEvm, workingDaysBetween } from './evm.ts';
import {
  computeHealth,
  DEFAULT_HEALTH_RULES,
  floatConsumedPercent,
  type HealthFacts,
  type HealthRule,
  validateHealthRules,
} from './health.ts';

const task = (over: Partial<EvmTask>): EvmTask => ({
  summary: false,
  baselineStart: '2026-11-02',
  baselineFinish: '2026-11-13',
  baselineCostMinor: 100_000,
  percentComplete: 0,
  actualCostMinor: 0,
  ...over,
});

describe('earned value', () => {
  it('counts working days only', () => {
    // Mon 2 Nov – Fri 13 Nov 2026: two working weeks.
    expect(workingDaysBetween('2026-11-02', '2026-11-13')).toBe(10);
    expect(workingDaysBetween('2026-11-07', '2026-11-08')).toBe(0);
    expect(workingDaysBetween('2026-11-13', '2026-11-02')).toBe(0);
  });

  it('matches a hand-computed case', () => {
    // Two tasks of 10 working days, 1,000.00 each. Status Fri 6 Nov: 5 of 10 days → PV = 500 + 500.
    // Task 1 is 40 % done for 600 spent; task 2 is 30 % done for 200 spent.
    // EV = 400 + 300 = 700; AC = 800; SV = −300; CV = −100; SPI = 0.7; CPI = 0.875.
    // EAC (BAC / CPI) = 2000 / 0.875 = 2285.71; ETC = 1485.71; VAC = −285.71;
    // TCPI = (2000 − 700) / (2000 − 800) = 1.0833.
    const r = earnedValue(
      [
        task({ percentComplete: 40, actualCostMinor: 60_000 }),
        task({ percentComplete: 30, actualCostMinor: 20_000 }),
        task({ summary: true, baselineCostMinor: 200_000, actualCostMinor: 80_000 }),
      ],
      '2026-11-06',
    );
    expect(r).toEqual({
      bac: 200_000,
      pv: 100_000,
      ev: 70_000,
      ac: 80_000,
      sv: -30_000,
      cv: -10_000,
      spi: 0.7,
      cpi: 0.875,
      eac: 228_571,
      eacMethod: 'BAC / CPI',
      etc: 148_571,
      vac: -28_571,
      tcpi: 1.0833,
    });
    // AC + (BAC − EV) / (CPI × SPI) = 800 + 1300 / 0.6125 = 2922.45
    expect(
      earnedValue(
        [
          task({ percentComplete: 40, actualCostMinor: 60_000 }),
          task({ percentComplete: 30, actualCostMinor: 20_000 }),
        ],
        '2026-11-06',
        'cpi-spi',
      ).eac,
    ).toBe(292_245);
  });

  it('plans nothing before the start, everything after the finish, and falls back without a CPI', () => {
    expect(earnedValue([task({})], '2026-10-30').pv).toBe(0);
    expect(earnedValue([task({})], '2026-12-01').pv).toBe(100_000);
    const none = earnedValue(
      [task({ baselineStart: null, baselineFinish: null, actualCostMinor: 5 })],
      '2026-11-06',
    );
    expect(none).toMatchObject({ bac: 0, ac: 5, spi: null, cpi: 0, tcpi: 0 });
    const fresh = earnedValue([task({})], '2026-11-06');
    expect(fresh).toMatchObject({ cpi: null, eac: 100_000, eacMethod: 'AC + (BAC − EV) (no CPI yet)' });
  });

  it('keeps PV within the budget and growing, and rolls up by sums (property)', () => {
    const t = fc.record({
      summary: fc.constant(false),
      baselineStart: fc.constantFrom('2026-01-05', '2026-03-02', '2026-06-15'),
      baselineFinish: fc.constantFrom('2026-06-30', '2026-09-30', '2026-12-31'),
      baselineCostMinor: fc.nat(10_000_000),
      percentComplete: fc.integer({ min: 0, max: 100 }),
      actualCostMinor: fc.nat(10_000_000),
    });
    const day = fc
      .integer({ min: 0, max: 500 })
      .map((d) => new Date(Date.UTC(2025, 11, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(t, { maxLength: 8 }), day, day, (tasks, d1, d2) => {
        const [a, b] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const ra = earnedValue(tasks, a);
        const rb = earnedValue(tasks, b);
        expect(ra.pv).toBeGreaterThanOrEqual(0);
        expect(rb.pv).toBeLessThanOrEqual(rb.bac);
        expect(rb.pv).toBeGreaterThanOrEqual(ra.pv);
        expect(ra.ev).toBeLessThanOrEqual(ra.bac);
        expect(ra.cv).toBe(ra.ev - ra.ac);
        for (const k of ['spi', 'cpi', 'tcpi'] as const) {
          const v = ra[k];
          expect(v === null || Number.isFinite(v)).toBe(true);
        }
        expect(rollUpEvm([ra])).toEqual(ra);
        const both = rollUpEvm([ra, rb]);
        expect(both.bac).toBe(ra.bac + rb.bac);
        expect(both).toEqual(
          evmFromTotals({ bac: ra.bac + rb.bac, pv: ra.pv + rb.pv, ev: ra.ev + rb.ev, ac: ra.ac + rb.ac }),
        );
      }),
    );
  });
});

const calm: HealthFacts = {
  spi: 1,
  cpi: 1,
  milestoneSlipDays: 0,
  floatConsumedPercent: 10,
  openHighRisks: 0,
  overdueIssues: 0,
  burnAheadPoints: 0,
  daysSinceStatusReport: 3,
  changesPending: 0,
  overAllocatedPeople: 0,
};

describe('computed health', () => {
  it('is green when nothing fires, and names each fired rule with its value', () => {
    expect(computeHealth(calm).overall).toBe('green');
    const h = computeHealth({ ...calm, spi: 0.82, cpi: 0.9, openHighRisks: 1 });
    expect(h.dimensions.schedule.rag).toBe('red');
    expect(h.dimensions.schedule.fired[0]?.explanation).toBe(
      'Schedule performance (SPI) 0.82 is below the red threshold 0.85',
    );
    expect(h.dimensions.cost.rag).toBe('amber');
    expect(h.dimensions.risk.rag).toBe('amber');
    expect(h.overall).toBe('red');
  });

  it('treats thresholds as strict limits, never-reported as red, and unknown facts as not firing', () => {
    expect(computeHealth({ ...calm, spi: 0.95 }).dimensions.schedule.rag).toBe('green');
    expect(computeHealth({ ...calm, spi: 0.9499 }).dimensions.schedule.rag).toBe('amber');
    expect(computeHealth({ ...calm, spi: 0.85 }).dimensions.schedule.rag).toBe('amber');
    expect(computeHealth({ ...calm, openHighRisks: 3 }).dimensions.risk.rag).toBe('red');
    expect(computeHealth({ ...calm, daysSinceStatusReport: null }).dimensions.scope.rag).toBe('red');
    expect(computeHealth({ ...calm, spi: null, cpi: null }).overall).toBe('green');
    const off = DEFAULT_HEALTH_RULES.map((r) => ({ ...r, enabled: false }));
    expect(computeHealth({ ...calm, spi: 0.1 }, off).overall).toBe('green');
  });

  it('validates rule sets', () => {
    const spi = DEFAULT_HEALTH_RULES.find((r) => r.key === 'spi') as HealthRule;
    const slip = DEFAULT_HEALTH_RULES.find((r) => r.key === 'milestone-slippage') as HealthRule;
    expect(validateHealthRules(DEFAULT_HEALTH_RULES)).toEqual([]);
    expect(validateHealthRules([{ ...spi, red: 0.99 }])[0]?.field).toBe('rules.0.red');
    expect(validateHealthRules([{ ...slip, red: 1 }])[0]?.message).toContain('at or above amber');
    expect(validateHealthRules([spi, spi])[0]?.message).toContain('twice');
  });

  it('never gets better when a fact gets worse (property)', () => {
    const facts = fc.record({
      spi: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: null }),
      cpi: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: null }),
      milestoneSlipDays: fc.option(fc.integer({ min: -30, max: 90 }), { nil: null }),
      floatConsumedPercent: fc.option(fc.integer({ min: -50, max: 200 }), { nil: null }),
      openHighRisks: fc.nat(6),
      overdueIssues: fc.nat(6),
      burnAheadPoints: fc.option(fc.integer({ min: -50, max: 80 }), { nil: null }),
      daysSinceStatusReport: fc.option(fc.nat(120), { nil: null }),
      changesPending: fc.nat(8),
      overAllocatedPeople: fc.option(fc.nat(4), { nil: null }),
    });
    const rank = { green: 0, amber: 1, red: 2 } as const;
    fc.assert(
      fc.property(facts, fc.nat(5), (f, bump) => {
        const a = computeHealth(f);
        const worse: HealthFacts = {
          ...f,
          spi: f.spi === null ? null : f.spi - bump / 10,
          openHighRisks: f.openHighRisks + bump,
          milestoneSlipDays: f.milestoneSlipDays === null ? null : f.milestoneSlipDays + bump,
          floatConsumedPercent: f.floatConsumedPercent === null ? null : f.floatConsumedPercent + 10 * bump,
        };
        const b = computeHealth(worse);
        for (const d of ['schedule', 'risk'] as const)
          expect(rank[b.dimensions[d].rag]).toBeGreaterThanOrEqual(rank[a.dimensions[d].rag]);
        const max = Math.max(...Object.values(a.dimensions).map((x) => rank[x.rag]));
        expect(rank[a.overall]).toBe(max);
      }),
    );
  });
});

describe('schedule margin consumed', () => {
  it('is the share of the baselined margin to the planned finish used up', () => {
    // Planned finish 30 June; the baseline finished 10 June (20 days of margin); now 25 June: 15 used.
    expect(floatConsumedPercent('2027-06-30', '2027-06-10', '2027-06-25')).toBe(75);
    // Finishing earlier than the baseline gains margin: a negative share.
    expect(floatConsumedPercent('2027-06-30', '2027-06-10', '2027-06-05')).toBe(-25);
    // Past the planned finish: more than all of it.
    expect(floatConsumedPercent('2027-06-30', '2027-06-10', '2027-07-10')).toBe(150);
  });

  it('is unknown without a planned finish, a baseline, or a baselined margin', () => {
    expect(floatConsumedPercent(null, '2027-06-10', '2027-06-25')).toBeNull();
    expect(floatConsumedPercent('2027-06-30', null, '2027-06-25')).toBeNull();
    expect(floatConsumedPercent('2027-06-30', '2027-06-30', '2027-07-25')).toBeNull();
  });

  it('fires amber from half the margin and red from 90 %', () => {
    const at = (p: number) => computeHealth({ ...calm, floatConsumedPercent: p }).dimensions.schedule;
    expect(at(50).rag).toBe('green');
    expect(at(51).rag).toBe('amber');
    expect(at(91)).toMatchObject({
      rag: 'red',
      fired: [{ rule: 'float-consumed', value: 91, threshold: 90 }],
    });
  });
});

describe('facts that do not apply', () => {
  it('never fire, not even a rule that counts an unknown figure red', () => {
    const never = { ...calm, daysSinceStatusReport: null };
    expect(computeHealth(never).dimensions.scope.rag).toBe('red');
    const proposed = { ...never, notApplicable: ['daysSinceStatusReport'] as const };
    expect(computeHealth(proposed).dimensions.scope).toEqual({ rag: 'green', fired: [] });
  });
});

describe('rule validation', () => {
  it('names a rule reading an unknown fact and thresholds in the wrong order', () => {
    const rules = DEFAULT_HEALTH_RULES.map((r) => ({ ...r }));
    const spi = rules[0] as (typeof rules)[number];
    spi.red = 0.99;
    const bogus = { ...spi, key: 'bogus', red: 0.5, fact: 'nothing' as 'spi' };
    expect(validateHealthRules([...rules, bogus]).map((p) => p.field)).toEqual([
      'rules.0.red',
      `rules.${rules.length}.fact`,
    ]);
  });
});
