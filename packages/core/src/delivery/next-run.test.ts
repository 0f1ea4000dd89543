import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cadenceProblem, isoWeekday, nextRunAt, type ReportCadence } from './next-run.ts';

const at = (s: string) => new Date(s);

describe('nextRunAt', () => {
  it('weekly: later the same day, else the next matching weekday', () => {
    // 2026-12-07 is a Monday
    const weeklyMon7 = { cadence: 'weekly', dayOfWeek: 1, hour: 7 } as const;
    expect(nextRunAt(weeklyMon7, at('2026-12-07T06:59:59Z')).toISOString()).toBe('2026-12-07T07:00:00.000Z');
    expect(nextRunAt(weeklyMon7, at('2026-12-07T07:00:00Z')).toISOString()).toBe('2026-12-14T07:00:00.000Z');
    expect(
      nextRunAt({ cadence: 'weekly', dayOfWeek: 7, hour: 0 }, at('2026-12-07T10:00:00Z')).toISOString(),
    ).toBe('2026-12-13T00:00:00.000Z');
  });

  it('monthly: this month when still ahead, else next month, across the year end', () => {
    const m = { cadence: 'monthly', dayOfMonth: 5, hour: 9 } as const;
    expect(nextRunAt(m, at('2026-12-04T23:00:00Z')).toISOString()).toBe('2026-12-05T09:00:00.000Z');
    expect(nextRunAt(m, at('2026-12-05T09:00:00Z')).toISOString()).toBe('2027-01-05T09:00:00.000Z');
    expect(
      nextRunAt({ cadence: 'monthly', dayOfMonth: 28, hour: 23 }, at('2027-02-28T23:30:00Z')).toISOString(),
    ).toBe('2027-03-28T23:00:00.000Z');
  });

  it('refuses out-of-range numbers, naming the field', () => {
    expect(cadenceProblem({ cadence: 'monthly', dayOfMonth: 29, hour: 1 })?.field).toBe('dayOfMonth');
    expect(cadenceProblem({ cadence: 'weekly', dayOfWeek: 0, hour: 1 })?.field).toBe('dayOfWeek');
    expect(cadenceProblem({ cadence: 'weekly', dayOfWeek: 3, hour: 24 })?.field).toBe('hour');
    expect(() => nextRunAt({ cadence: 'weekly', dayOfWeek: 8, hour: 1 }, new Date())).toThrow(/dayOfWeek/);
  });

  const cadence: fc.Arbitrary<ReportCadence> = fc.oneof(
    fc.record({
      cadence: fc.constant('weekly' as const),
      dayOfWeek: fc.integer({ min: 1, max: 7 }),
      hour: fc.integer({ min: 0, max: 23 }),
    }),
    fc.record({
      cadence: fc.constant('monthly' as const),
      dayOfMonth: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
    }),
  );
  const instant = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
    .map((ms) => new Date(ms));

  it('property: always in the future, on the hour, on the right day, and no matching slot is skipped', () => {
    fc.assert(
      fc.property(cadence, instant, (c, after) => {
        const next = nextRunAt(c, after);
        expect(next.getTime()).toBeGreaterThan(after.getTime());
        expect(next.getUTCHours()).toBe(c.hour);
        expect(next.getUTCMinutes() + next.getUTCSeconds() + next.getUTCMilliseconds()).toBe(0);
        if (c.cadence === 'weekly') {
          expect(isoWeekday(next)).toBe(c.dayOfWeek);
          expect(next.getTime() - after.getTime()).toBeLessThanOrEqual(7 * 86_400_000);
        } else {
          expect(next.getUTCDate()).toBe(c.dayOfMonth);
          expect(next.getTime() - after.getTime()).toBeLessThanOrEqual(31 * 86_400_000);
        }
        // The run after a run is the next slot: ticking never drifts or repeats.
        const again = nextRunAt(c, next);
        expect(again.getTime()).toBeGreaterThan(next.getTime());
        expect(nextRunAt(c, new Date(next.getTime() - 1)).getTime()).toBe(next.getTime());
      }),
      { numRuns: 500 },
    );
  });
});
