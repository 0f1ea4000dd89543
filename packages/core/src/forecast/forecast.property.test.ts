import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStandardCalendar } from '../schedule/calendar-model.ts';
import { scheduleNetwork } from '../schedule/schedule.ts';
import type { LinkType } from '../schedule/schedule-model.ts';
import { at } from '../schedule/test-helpers.ts';
import { getWorkPosition } from '../schedule/work-calendar.ts';
import { compileForecastCalendar } from './forecast-calendar.ts';
import type { ForecastLink, ForecastRisk, ForecastTask } from './forecast-model.ts';
import { simulateForecast } from './simulate.ts';

const START = at('2026-01-05T08:00');

type Plan = { tasks: ForecastTask[]; links: ForecastLink[]; risks: ForecastRisk[] };

/** A random DAG (links only go from lower to higher index) with three-point durations and costs. */
const planArb = (spread: boolean): fc.Arbitrary<Plan> =>
  fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc
      .record({
        tasks: fc.tuple(
          ...Array.from({ length: n }, (_, i) =>
            fc
              .record({
                d: fc.integer({ min: 0, max: 4800 }),
                lo: fc.integer({ min: 0, max: 100 }),
                hi: fc.integer({ min: 0, max: 200 }),
                cost: fc.integer({ min: 0, max: 1_000_000 }),
                clo: fc.integer({ min: 0, max: 100 }),
                chi: fc.integer({ min: 0, max: 200 }),
              })
              .map(
                ({ d, lo, hi, cost, clo, chi }): ForecastTask => ({
                  id: `T${i}`,
                  durationMinutes: d,
                  ...(spread
                    ? {
                        optimisticMinutes: Math.floor((d * (100 - lo)) / 100),
                        pessimisticMinutes: Math.ceil((d * (100 + hi)) / 100),
                        costLowMinor: Math.floor((cost * (100 - clo)) / 100),
                        costHighMinor: Math.ceil((cost * (100 + chi)) / 100),
                      }
                    : {}),
                  costMinor: cost,
                }),
              ),
          ),
        ),
        links: fc
          .array(
            fc.record({
              a: fc.integer({ min: 0, max: n - 1 }),
              b: fc.integer({ min: 0, max: n - 1 }),
              type: fc.constantFrom<LinkType>('FS', 'SS', 'FF', 'SF'),
              lag: fc.oneof(fc.constant(0), fc.integer({ min: -480, max: 1920 })),
            }),
            { maxLength: 2 * n },
          )
          .map((ls) =>
            ls
              .filter((l) => l.a < l.b)
              .map((l) => ({ from: `T${l.a}`, to: `T${l.b}`, type: l.type, lagMinutes: l.lag })),
          ),
        risks: spread
          ? fc.array(
              fc.record({
                p: fc.integer({ min: 0, max: 100 }),
                days: fc.integer({ min: 0, max: 20 }),
                cost: fc.integer({ min: 0, max: 500_000 }),
              }),
              { maxLength: 4 },
            )
          : fc.constant<{ p: number; days: number; cost: number }[]>([]),
      })
      .map(({ tasks, links, risks }) => ({
        tasks: [...tasks],
        links,
        risks: risks.map((r, i) => ({
          id: `R${i}`,
          probability: r.p / 100,
          scheduleImpactDays: r.days,
          costImpactMinor: r.cost,
        })),
      })),
  );

const seedArb = fc.integer({ min: -2_147_483_648, max: 2_147_483_647 });

describe('Monte Carlo forecast — properties', () => {
  it('percentiles are ordered: min ≤ P10 ≤ P50 ≤ P80 ≤ P90 ≤ max, for finish and cost', () => {
    fc.assert(
      fc.property(planArb(true), seedArb, (plan, seed) => {
        const r = simulateForecast(plan, { iterations: 300, seed });
        for (const d of [r.finish, r.cost]) {
          expect(d.min).toBeLessThanOrEqual(d.p10);
          expect(d.p10).toBeLessThanOrEqual(d.p50);
          expect(d.p50).toBeLessThanOrEqual(d.p80);
          expect(d.p80).toBeLessThanOrEqual(d.p90);
          expect(d.p90).toBeLessThanOrEqual(d.max);
          expect(d.histogram.reduce((s, b) => s + b.count, 0)).toBe(300);
          expect(d.histogram.at(-1)?.cumulative).toBe(1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the same seed reproduces the same result; another seed draws differently', () => {
    fc.assert(
      fc.property(planArb(true), seedArb, (plan, seed) => {
        const a = simulateForecast(plan, { iterations: 200, seed, keepSamples: true });
        const b = simulateForecast(plan, { iterations: 200, seed, keepSamples: true });
        expect(b).toEqual(a);
        const varies = plan.tasks.some((t) => (t.pessimisticMinutes ?? 0) > (t.optimisticMinutes ?? 0));
        if (varies) {
          const c = simulateForecast(plan, { iterations: 200, seed: seed ^ 0x5bd1e995, keepSamples: true });
          expect(c.samples?.finish).not.toEqual(a.samples?.finish);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('zero variance gives the deterministic plan, and it is the schedule engine’s finish', () => {
    const standard = createStandardCalendar();
    const calendar = compileForecastCalendar([standard], 'standard', START);
    fc.assert(
      fc.property(planArb(false), seedArb, (plan, seed) => {
        const engine = scheduleNetwork({
          calendars: [standard],
          projects: [{ id: 'P', calendarId: 'standard', scheduleFrom: 'start', start: START }],
          tasks: plan.tasks.map((t) => ({ id: t.id, durationMinutes: t.durationMinutes })),
          links: plan.links.map((l) => ({
            from: l.from,
            to: l.to,
            type: l.type,
            ...(l.lagMinutes ? { lag: { kind: 'working' as const, minutes: l.lagMinutes } } : {}),
          })),
        });
        if (engine.status !== 'scheduled') throw new Error(JSON.stringify(engine.issues));
        const engineFinish = engine.projects.get('P')?.finish as number;
        // Without the engine's anchor: the fast pass on its own reaches the engine's finish.
        const own = simulateForecast(plan, { iterations: 50, seed, calendar: { calendar, start: START } });
        expect(own.finish.deterministic).toBe(
          getWorkPosition(calendar, engineFinish) - getWorkPosition(calendar, START),
        );
        for (const p of [own.finish.min, own.finish.p10, own.finish.p50, own.finish.p90, own.finish.max])
          expect(p).toBe(own.finish.deterministic);
        for (const p of [own.cost.p10, own.cost.p50, own.cost.p90]) expect(p).toBe(own.cost.deterministic);
        // Anchored on the engine's finish, every percentile is exactly that date.
        const anchored = simulateForecast(plan, {
          iterations: 50,
          seed,
          calendar: { calendar, start: START, plannedFinish: engineFinish },
        });
        const d = anchored.finishDates;
        for (const p of [d?.deterministic, d?.p10, d?.p50, d?.p80, d?.p90]) expect(p).toBe(engineFinish);
      }),
      { numRuns: 200 },
    );
  });

  it('adding a certain risk never makes P50 earlier or cheaper', () => {
    fc.assert(
      fc.property(
        planArb(true),
        seedArb,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (plan, seed, days, cost) => {
          const before = simulateForecast(plan, { iterations: 300, seed });
          const after = simulateForecast(
            {
              ...plan,
              risks: [
                ...plan.risks,
                { id: 'certain', probability: 1, scheduleImpactDays: days, costImpactMinor: cost },
              ],
            },
            { iterations: 300, seed },
          );
          expect(after.finish.p50).toBeGreaterThanOrEqual(before.finish.p50);
          expect(after.cost.p50).toBeGreaterThanOrEqual(before.cost.p50);
          expect(after.finish.p50).toBeCloseTo(before.finish.p50 + days * 480, 6);
        },
      ),
      { numRuns: 100 },
    );
  });
});
