import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earnedValue } from '../metrics/evm.ts';
import { isOnTime, type KpiProject, kpiPoint, kpiTrend, median } from './kpis.ts';
import { periodsBetween, type SCurveTask, sCurve, weekStartOf } from './s-curve.ts';

const task = (over: Partial<SCurveTask>): SCurveTask => ({
  summary: false,
  baselineStart: '2026-11-02',
  baselineFinish: '2026-11-13',
  baselineCostMinor: 100_000,
  percentComplete: 0,
  actualCostMinor: 0,
  actualStart: null,
  actualFinish: null,
  ...over,
});

describe('S-curve', () => {
  it('matches a hand-computed weekly case', () => {
    // Task A: Mon 2 – Fri 13 Nov, 1,000.00; 40 % done, 600 spent, started Mon 2 Nov.
    // Task B: Mon 16 – Fri 27 Nov, 2,000.00; not started.
    // Status date Fri 6 Nov (5 of A's 10 days): week 1 PV = 500; week 2 PV = 1,000; week 3 PV =
    // 1,000 + 1,000 (B half); week 4 PV = 3,000. EV/AC accrue from 2 Nov to 6 Nov, so all of today's
    // EV 400 and AC 600 sit in week 1; after it the curve stops (null).
    const c = sCurve(
      [
        task({ percentComplete: 40, actualCostMinor: 60_000, actualStart: '2026-11-02' }),
        task({ baselineStart: '2026-11-16', baselineFinish: '2026-11-27', baselineCostMinor: 200_000 }),
        task({ summary: true, baselineCostMinor: 300_000, actualCostMinor: 60_000 }),
      ],
      '2026-11-06',
      'week',
    );
    expect(c.statusIndex).toBe(0);
    expect(c.points).toEqual([
      { start: '2026-11-02', end: '2026-11-08', pv: 50_000, ev: 40_000, ac: 60_000 },
      { start: '2026-11-09', end: '2026-11-15', pv: 100_000, ev: null, ac: null },
      { start: '2026-11-16', end: '2026-11-22', pv: 200_000, ev: null, ac: null },
      { start: '2026-11-23', end: '2026-11-29', pv: 300_000, ev: null, ac: null },
    ]);
  });

  it('accrues progress evenly from the actual start to the status date, by month', () => {
    // 100 % of 1,000 earned and 1,200 spent over Mon 26 Oct – Fri 6 Nov (10 working days); October
    // holds 5 of them, so half of EV and AC are in by 31 Oct.
    const c = sCurve(
      [task({ percentComplete: 100, actualCostMinor: 120_000, actualStart: '2026-10-26' })],
      '2026-11-06',
      'month',
    );
    expect(c.points).toEqual([
      { start: '2026-10-01', end: '2026-10-31', pv: 0, ev: 50_000, ac: 60_000 },
      { start: '2026-11-01', end: '2026-11-30', pv: 100_000, ev: 100_000, ac: 120_000 },
    ]);
    expect(c.statusIndex).toBe(1);
  });

  it('has no points without a baseline or a start', () => {
    expect(
      sCurve([task({ baselineStart: null, baselineFinish: null })], '2026-11-06', 'week').points,
    ).toEqual([]);
  });

  it('is cumulative and ends at today’s earned value and actual cost', () => {
    const day = fc
      .integer({ min: 0, max: 120 })
      .map((n) => new Date(Date.UTC(2026, 0, 5) + n * 86_400_000).toISOString().slice(0, 10));
    const t = fc
      .record({
        a: day,
        len: fc.integer({ min: 0, max: 60 }),
        cost: fc.integer({ min: 0, max: 1_000_000 }),
        pct: fc.integer({ min: 0, max: 100 }),
        ac: fc.integer({ min: 0, max: 1_000_000 }),
        started: fc.boolean(),
      })
      .map((r): SCurveTask => {
        const finish = new Date(Date.parse(`${r.a}T00:00:00Z`) + r.len * 86_400_000)
          .toISOString()
          .slice(0, 10);
        return task({
          baselineStart: r.a,
          baselineFinish: finish,
          baselineCostMinor: r.cost,
          percentComplete: r.pct,
          actualCostMinor: r.ac,
          actualStart: r.started ? r.a : null,
        });
      });
    fc.assert(
      fc.property(
        fc.array(t, { minLength: 1, maxLength: 8 }),
        day,
        fc.constantFrom('week' as const, 'month' as const),
        (tasks, status, g) => {
          const c = sCurve(tasks, status, g);
          const evm = earnedValue(tasks, status);
          for (let i = 1; i < c.points.length; i++) {
            const [a, b] = [c.points[i - 1], c.points[i]];
            expect(b?.pv).toBeGreaterThanOrEqual(a?.pv ?? 0);
            if (b?.ev !== null && a?.ev !== null) expect(b?.ev).toBeGreaterThanOrEqual((a?.ev ?? 0) - 1);
          }
          const last = c.points.at(-1);
          expect(last?.pv).toBe(evm.bac);
          const at = c.points[c.statusIndex];
          expect(at).toBeDefined();
          // Rounded per period: within a minor unit per task of the exact figures.
          expect(Math.abs((at?.ev ?? 0) - evm.ev)).toBeLessThanOrEqual(tasks.length);
          expect(Math.abs((at?.ac ?? 0) - evm.ac)).toBeLessThanOrEqual(tasks.length);
        },
      ),
    );
  });

  it('cuts weeks from Monday and months by the calendar', () => {
    expect(weekStartOf('2026-11-08')).toBe('2026-11-02');
    expect(periodsBetween('2026-11-30', '2027-01-02', 'month').map((p) => p.start)).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
    ]);
    expect(periodsBetween('2026-12-31', '2027-01-04', 'week')).toEqual([
      { start: '2026-12-28', end: '2027-01-03' },
      { start: '2027-01-04', end: '2027-01-10' },
    ]);
  });
});

const project = (over: Partial<KpiProject>): KpiProject => ({
  projectId: 'p',
  orgUnitId: 'u',
  status: 'active',
  budgetMinor: 100_000,
  eacMinor: 90_000,
  acMinor: 0,
  finish: '2026-12-10',
  baselineFinish: '2026-12-10',
  plannedStart: '2026-01-01',
  closedOn: null,
  ...over,
});

describe('KPIs of a period', () => {
  it('matches a hand-computed month', () => {
    const p = kpiPoint(
      '2026-11',
      [
        project({}), // on time, on budget
        project({ finish: '2026-12-17' }), // 7 days late: within tolerance
        project({ finish: '2026-12-18', eacMinor: 110_000 }), // late and over budget
        project({ status: 'on_hold', finish: null, budgetMinor: null }), // in flight, not judged
        project({ status: 'proposed' }), // not in flight
        // Closed in November: completed on time within budget (cycle 300 days), completed late
        // (cycle 320), cancelled (cycle 200, not a success). Closed in October: not counted.
        project({ status: 'completed', closedOn: '2026-10-28', acMinor: 95_000 }),
        project({
          status: 'completed',
          closedOn: '2026-11-03',
          finish: '2026-11-03',
          baselineFinish: '2026-11-10',
          acMinor: 95_000,
          eacMinor: 95_000,
        }),
        project({
          status: 'completed',
          closedOn: '2026-11-17',
          finish: '2026-11-17',
          baselineFinish: '2026-11-01',
          acMinor: 95_000,
          eacMinor: 95_000,
        }),
        project({ status: 'cancelled', closedOn: '2026-07-20', plannedStart: '2026-01-01' }),
        project({ status: 'cancelled', closedOn: '2026-11-30', plannedStart: '2026-05-14' }),
      ],
      [
        { orgUnitId: 'u', capacityHours: 1000, demandHours: 850 },
        { orgUnitId: 'v', capacityHours: 600, demandHours: 750 },
      ],
    );
    expect(p).toEqual({
      period: '2026-11',
      inFlight: 4,
      onTime: 2,
      onTimeEligible: 3,
      onTimeShare: 0.6667,
      onBudget: 2,
      onBudgetEligible: 3,
      onBudgetShare: 0.6667,
      throughput: 3,
      succeeded: 1,
      successRate: 0.3333,
      // 2026-01-01 → 2026-11-03 = 306 days, → 2026-11-17 = 320 days; 2026-05-14 → 2026-11-30 = 200.
      cycleTimeDays: 306,
      capacityHours: 1600,
      demandHours: 1600,
      utilisation: 1,
    });
  });

  it('is null where nothing qualifies', () => {
    const p = kpiPoint('2026-11', [], []);
    expect([p.onTimeShare, p.onBudgetShare, p.successRate, p.cycleTimeDays, p.utilisation]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(p.throughput).toBe(0);
  });

  it('counts shares between 0 and 1', () => {
    const st = fc.constantFrom('active', 'on_hold', 'completed', 'cancelled', 'proposed');
    const d = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const pr = fc.record({
      status: st,
      finish: fc.option(d),
      baselineFinish: fc.option(d),
      closedOn: fc.option(d),
      eacMinor: fc.option(fc.nat()),
      budgetMinor: fc.option(fc.nat()),
    });
    fc.assert(
      fc.property(fc.array(pr), (rows) => {
        const p = kpiPoint(
          '2026-06',
          rows.map((r) => project(r)),
          [],
        );
        for (const v of [p.onTimeShare, p.onBudgetShare, p.successRate])
          if (v !== null) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        expect(p.succeeded).toBeLessThanOrEqual(p.throughput);
      }),
    );
  });

  it('knows the median, the tolerance and which way is better', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(isOnTime('2026-12-08', '2026-12-01', 7)).toBe(true);
    expect(isOnTime('2026-12-09', '2026-12-01', 7)).toBe(false);
    expect(isOnTime(null, '2026-12-01', 7)).toBeNull();
    expect(kpiTrend('cycleTimeDays', 30, 40)).toEqual({ delta: -10, direction: 'down', better: true });
    expect(kpiTrend('onTimeShare', 0.5, 0.75)).toEqual({ delta: -0.25, direction: 'down', better: false });
    expect(kpiTrend('throughput', 2, 2)).toEqual({ delta: 0, direction: 'flat', better: null });
    expect(kpiTrend('utilisation', null, 0.8).direction).toBe('unknown');
  });
});
