import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, startOfIsoWeek, startOfNextMonth, toDayNumber, weekdayOf } from './day-number.ts';

describe('day numbers', () => {
  it('counts days from 1970-01-01, a Thursday', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(weekdayOf(0)).toBe(4);
    expect(toDayNumber('2026-01-05')).toBe(20458);
    expect(weekdayOf(toDayNumber('2026-01-05'))).toBe(1);
    expect(weekdayOf(toDayNumber('2026-01-04'))).toBe(0);
  });

  it('handles days before 1970 and leap days', () => {
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(weekdayOf(-1)).toBe(3);
    expect(fromDayNumber(toDayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(toDayNumber('2024-03-01') - toDayNumber('2024-02-28')).toBe(2);
    expect(fromDayNumber(toDayNumber('0099-06-15'))).toBe('0099-06-15');
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => toDayNumber('2026-13-01')).toThrow(RangeError);
    expect(() => toDayNumber('2026-1-5')).toThrow(RangeError);
    expect(() => toDayNumber('2026-01-05T08:00')).toThrow(RangeError);
  });

  it('finds the ISO week start and the next month', () => {
    expect(fromDayNumber(startOfIsoWeek(toDayNumber('2026-01-04')))).toBe('2025-12-29');
    expect(fromDayNumber(startOfIsoWeek(toDayNumber('2026-01-05')))).toBe('2026-01-05');
    expect(fromDayNumber(startOfNextMonth(toDayNumber('2024-02-10')))).toBe('2024-03-01');
    expect(fromDayNumber(startOfNextMonth(toDayNumber('2025-12-31')))).toBe('2026-01-01');
  });

  it('round-trips every day and steps the weekday by one', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (day) => {
        expect(toDayNumber(fromDayNumber(day))).toBe(day);
        expect(weekdayOf(day + 1)).toBe((weekdayOf(day) + 1) % 7);
        const monday = startOfIsoWeek(day);
        expect(weekdayOf(monday)).toBe(1);
        expect(day - monday).toBeGreaterThanOrEqual(0);
        expect(day - monday).toBeLessThan(7);
      }),
    );
  });
});
