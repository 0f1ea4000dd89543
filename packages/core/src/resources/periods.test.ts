import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from './day-number.ts';
import type { PeriodGranularity, Periods } from './periods.ts';
import { buildPeriods, periodIndexOfDay, sumIntoPeriods } from './periods.ts';

const d = toDayNumber;
function list(p: Periods): string[] {
  return Array.from(p.starts, (s, i) => `${fromDayNumber(s)}..${fromDayNumber(p.ends[i] as number)}`);
}

describe('buildPeriods', () => {
  it('clips the first and last ISO weeks to the range', () => {
    // Wednesday 7 January to Tuesday 20 January 2026.
    expect(list(buildPeriods(d('2026-01-07'), d('2026-01-20'), 'week'))).toEqual([
      '2026-01-07..2026-01-11',
      '2026-01-12..2026-01-18',
      '2026-01-19..2026-01-20',
    ]);
  });

  it('starts weeks on Monday across a year end', () => {
    expect(list(buildPeriods(d('2025-12-29'), d('2026-01-11'), 'week'))).toEqual([
      '2025-12-29..2026-01-04',
      '2026-01-05..2026-01-11',
    ]);
  });

  it('cuts calendar months, clipped, with February of a leap year', () => {
    expect(list(buildPeriods(d('2024-01-15'), d('2024-03-10'), 'month'))).toEqual([
      '2024-01-15..2024-01-31',
      '2024-02-01..2024-02-29',
      '2024-03-01..2024-03-10',
    ]);
    expect(list(buildPeriods(d('2026-02-01'), d('2026-02-28'), 'month'))).toEqual(['2026-02-01..2026-02-28']);
  });

  it('gives one period per day, and none for an empty range', () => {
    const days = buildPeriods(d('2026-01-30'), d('2026-02-02'), 'day');
    expect(days.count).toBe(4);
    expect(Array.from(days.starts)).toEqual(Array.from(days.ends));
    expect(buildPeriods(d('2026-02-02'), d('2026-02-01'), 'week').count).toBe(0);
  });
});

describe('periodIndexOfDay', () => {
  it('finds the period or -1 outside', () => {
    const p = buildPeriods(d('2026-01-07'), d('2026-01-20'), 'week');
    expect(periodIndexOfDay(p, d('2026-01-06'))).toBe(-1);
    expect(periodIndexOfDay(p, d('2026-01-07'))).toBe(0);
    expect(periodIndexOfDay(p, d('2026-01-11'))).toBe(0);
    expect(periodIndexOfDay(p, d('2026-01-12'))).toBe(1);
    expect(periodIndexOfDay(p, d('2026-01-20'))).toBe(2);
    expect(periodIndexOfDay(p, d('2026-01-21'))).toBe(-1);
    expect(periodIndexOfDay(buildPeriods(5, 4, 'day'), 5)).toBe(-1);
  });

  it('agrees with a linear search, and periods tile the range', () => {
    const granularity = fc.constantFrom<PeriodGranularity>('day', 'week', 'month');
    fc.assert(
      fc.property(
        fc.integer({ min: 19_000, max: 21_000 }),
        fc.integer({ min: 0, max: 500 }),
        granularity,
        fc.integer({ min: -5, max: 505 }),
        (from, length, g, probe) => {
          const p = buildPeriods(from, from + length, g);
          expect(p.starts[0]).toBe(from);
          expect(p.ends[p.count - 1]).toBe(from + length);
          for (let i = 1; i < p.count; i++) expect(p.starts[i]).toBe((p.ends[i - 1] as number) + 1);
          const day = from + probe;
          let linear = -1;
          for (let i = 0; i < p.count; i++)
            if ((p.starts[i] as number) <= day && day <= (p.ends[i] as number)) linear = i;
          expect(periodIndexOfDay(p, day)).toBe(linear);
        },
      ),
    );
  });
});

describe('sumIntoPeriods', () => {
  it('sums days into the periods they touch and drops days outside', () => {
    const p = buildPeriods(d('2026-01-05'), d('2026-01-25'), 'week');
    // Ten days of 1 h from Saturday 3 January: 3–4 Jan fall before the range.
    const r = sumIntoPeriods(new Float64Array(10).fill(1), d('2026-01-03'), p);
    expect(r.firstPeriod).toBe(0);
    expect(Array.from(r.hours)).toEqual([7, 1]);
    expect(sumIntoPeriods(new Float64Array(3), d('2027-01-01'), p)).toEqual({
      firstPeriod: -1,
      hours: new Float64Array(0),
    });
  });
});
