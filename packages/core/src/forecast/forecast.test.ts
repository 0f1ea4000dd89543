import { describe, expect, it } from 'vitest';
import { createStandardCalendar } from '../schedule/calendar-model.ts';
import { at, days, fmt } from '../schedule/test-helpers.ts';
import { compileForecastCalendar } from './forecast-calendar.ts';
import { ForecastInputError } from './forecast-model.ts';
import { riskProbabilityFromRating } from './forecast-network.ts';
import { PortfolioForecastAggregator, projectSeed } from './portfolio.ts';
import { forecastSampleDates, simulateForecast } from './simulate.ts';

function standardCalendar() {
  return compileForecastCalendar([createStandardCalendar()], 'standard', at('2026-01-05T08:00'));
}

describe('Monte Carlo forecast — hand-computed cases', () => {
  it('a two-task chain without spread finishes at the sum of its durations, on the calendar', () => {
    const calendar = standardCalendar();
    const r = simulateForecast(
      {
        tasks: [
          { id: 'A', durationMinutes: days(3), costMinor: 1000 },
          { id: 'B', durationMinutes: days(2), costMinor: 500 },
        ],
        links: [{ from: 'A', to: 'B', type: 'FS' }],
        risks: [],
      },
      { iterations: 200, seed: 7, calendar: { calendar, start: at('2026-01-05T08:00') } },
    );
    expect(r.finish.deterministic).toBe(days(5));
    expect([r.finish.p10, r.finish.p50, r.finish.p90]).toEqual([days(5), days(5), days(5)]);
    expect(r.cost.p50).toBe(1500);
    // Mon 5 Jan 08:00 + 5 working days → Fri 9 Jan 17:00.
    expect(fmt(r.finishDates?.p90 ?? 0)).toBe('2026-01-09T17:00');
    expect(r.tornado.finish).toEqual([]);
  });

  it('parallel branches finish with the longer one; a spread task leads the tornado', () => {
    const r = simulateForecast(
      {
        tasks: [
          {
            id: 'A',
            name: 'Build',
            durationMinutes: days(10),
            optimisticMinutes: days(8),
            pessimisticMinutes: days(20),
          },
          {
            id: 'B',
            name: 'Docs',
            durationMinutes: days(2),
            optimisticMinutes: days(1),
            pessimisticMinutes: days(3),
          },
          { id: 'C', durationMinutes: 0 },
        ],
        links: [
          { from: 'A', to: 'C', type: 'FS' },
          { from: 'B', to: 'C', type: 'FS' },
        ],
        risks: [],
      },
      { iterations: 2000, seed: 1 },
    );
    expect(r.finish.deterministic).toBe(days(10));
    // B never exceeds 3 days, so the finish is A's duration: triangular(8, 10, 20) days.
    expect(r.finish.min).toBeGreaterThanOrEqual(days(8));
    expect(r.finish.max).toBeLessThanOrEqual(days(20));
    // Mean of a triangular distribution is (a + b + c) / 3 = 12.67 days.
    expect(r.finish.mean / 480).toBeCloseTo(38 / 3, 0);
    expect(r.tornado.finish[0]?.id).toBe('A');
    expect(r.tornado.finish[0]?.finishCorrelation).toBeGreaterThan(0.99);
    expect(Math.abs(r.tornado.finish.find((d) => d.id === 'B')?.finishCorrelation ?? 0)).toBeLessThan(0.1);
  });

  it('a risk with probability 1 delays every iteration by its impact and adds its cost', () => {
    const r = simulateForecast(
      {
        tasks: [{ id: 'A', durationMinutes: days(5), costMinor: 10_000 }],
        links: [],
        risks: [{ id: 'R', probability: 1, scheduleImpactDays: 3, costImpactMinor: 2500 }],
      },
      { iterations: 100, seed: 3, budgetMinor: 12_000 },
    );
    expect(r.finish.deterministic).toBe(days(5));
    expect(r.finish.p10).toBe(days(8));
    expect(r.finish.p90).toBe(days(8));
    expect(r.cost.p50).toBe(12_500);
    expect(r.probabilityWithinBudget).toBe(0);
  });

  it('a risk with probability 0.3 is hit in about 30 % of iterations', () => {
    const r = simulateForecast(
      {
        tasks: [{ id: 'A', durationMinutes: days(5) }],
        links: [],
        risks: [{ id: 'R', name: 'Vendor late', probability: 0.3, scheduleImpactDays: 10 }],
      },
      { iterations: 10_000, seed: 11 },
    );
    const hit = r.finish.histogram.filter((b) => b.from >= days(10)).reduce((s, b) => s + b.count, 0);
    expect(hit / 10_000).toBeGreaterThan(0.28);
    expect(hit / 10_000).toBeLessThan(0.32);
    expect(r.finish.p50).toBe(days(5));
    expect(r.finish.p80).toBe(days(15));
    expect(r.tornado.finish[0]).toMatchObject({ kind: 'risk', id: 'R', name: 'Vendor late' });
  });

  it('SS, FF and SF links with lags follow the forward-pass rules', () => {
    const r = simulateForecast(
      {
        tasks: [
          { id: 'A', durationMinutes: 100 },
          { id: 'B', durationMinutes: 30 },
          { id: 'C', durationMinutes: 50 },
          { id: 'D', durationMinutes: 10 },
        ],
        links: [
          { from: 'A', to: 'B', type: 'SS', lagMinutes: 20 }, // B 20–50
          { from: 'A', to: 'C', type: 'FF', lagMinutes: 40 }, // C finishes 140
          { from: 'B', to: 'D', type: 'SF', lagMinutes: 200 }, // D finishes 20 + 200 = 220
        ],
        risks: [],
      },
      { iterations: 10, seed: 1 },
    );
    expect(r.finish.deterministic).toBe(220);
  });

  it('summaries are not simulated: links on them bind their leaves', () => {
    const r = simulateForecast(
      {
        tasks: [
          { id: 'S', durationMinutes: 0 },
          { id: 'S1', parentId: 'S', durationMinutes: 100 },
          { id: 'S2', parentId: 'S', durationMinutes: 60 },
          { id: 'X', durationMinutes: 10 },
        ],
        links: [{ from: 'S', to: 'X', type: 'FS' }],
        risks: [],
      },
      { iterations: 10, seed: 1 },
    );
    expect(r.taskCount).toBe(3);
    expect(r.finish.deterministic).toBe(110);
  });

  it('only the remaining work of a started task is simulated, with its spread scaled', () => {
    const r = simulateForecast(
      {
        tasks: [
          {
            id: 'A',
            durationMinutes: 1000,
            optimisticMinutes: 1000,
            pessimisticMinutes: 2000,
            percentComplete: 50,
            earliestStartMinutes: 500,
            costMinor: 100,
          },
        ],
        links: [],
        risks: [],
      },
      { iterations: 500, seed: 5 },
    );
    expect(r.finish.deterministic).toBe(1000);
    expect(r.finish.max).toBeLessThanOrEqual(1500);
    expect(r.cost.deterministic).toBe(100);
  });

  it('refuses inconsistent three-point estimates and cycles, naming the field', () => {
    const bad = () =>
      simulateForecast(
        { tasks: [{ id: 'A', durationMinutes: 100, optimisticMinutes: 120 }], links: [], risks: [] },
        { iterations: 10, seed: 1 },
      );
    expect(bad).toThrow(ForecastInputError);
    expect(bad).toThrow(/optimistic ≤ most likely ≤ pessimistic/);
    const cycle = () =>
      simulateForecast(
        {
          tasks: [
            { id: 'A', durationMinutes: 1 },
            { id: 'B', durationMinutes: 1 },
          ],
          links: [
            { from: 'A', to: 'B', type: 'FS' },
            { from: 'B', to: 'A', type: 'FS' },
          ],
          risks: [],
        },
        { iterations: 10, seed: 1 },
      );
    expect(cycle).toThrow(/cycle/);
  });

  it('the portfolio takes the latest finish and the summed cost per iteration', () => {
    const calendar = standardCalendar();
    const start = at('2026-01-05T08:00');
    const agg = new PortfolioForecastAggregator(500);
    const plans = [
      { id: 'P1', d: days(5), cost: 100 },
      { id: 'P2', d: days(10), cost: 300 },
    ];
    for (const p of plans) {
      const r = simulateForecast(
        { tasks: [{ id: 'A', durationMinutes: p.d, costMinor: p.cost }], links: [], risks: [] },
        {
          iterations: 500,
          seed: projectSeed(1, p.id),
          calendar: { calendar, start },
          keepSamples: true,
          tornadoSize: 0,
        },
      );
      agg.add(forecastSampleDates(r, { calendar, start }), r.samples?.cost ?? [], {
        finish: r.finishDates?.deterministic ?? 0,
        cost: r.cost.deterministic,
      });
    }
    const out = agg.result();
    expect(out?.projects).toBe(2);
    expect(fmt(out?.finish.p50 ?? 0)).toBe('2026-01-16T17:00');
    expect(out?.cost.p90).toBe(400);
    expect(projectSeed(1, 'P1')).not.toBe(projectSeed(1, 'P2'));
  });
});

describe('risk probability from a rating', () => {
  it('maps the 1–5 scale to 10, 30, 50, 70, 90 %', () => {
    expect([1, 2, 3, 4, 5].map((r) => Math.round(riskProbabilityFromRating(r) * 100))).toEqual([
      10, 30, 50, 70, 90,
    ]);
    expect(riskProbabilityFromRating(2, 3)).toBeCloseTo(0.5);
  });
});
