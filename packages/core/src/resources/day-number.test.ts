import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, startOfIsoWeek, startOfNextMonth, toDayNumber, weekdayOf } from './day-number.ts';

/** The Date-based parser toDayNumber replaced, as the reference it must agree with. */
function dateParsed(text: string): number | 'malformed' | 'impossible' {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return 'malformed';
  const check = new Date(0);
  check.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (check.getUTCMonth() !== Number(m[2]) - 1 || check.getUTCDate() !== Number(m[3])) return 'impossible';
  return Math.floor(check.getTime() / 86_400_000);
}

function parsed(text: string): number | 'malformed' | 'impossible' {
  try {
    return toDayNumber(text);
  } catch (e) {
    expect(e).toBeInstanceOf(RangeError);
    return (e as Error).message.startsWith('not a calendar date') ? 'impossible' : 'malformed';
  }
}

describe('day numbers', () => {
  it('parses exactly as the Date-based reference, valid or not', () => {
    const digit = fc.constantFrom(...'0123456789');
    const part = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
    const dateLike = fc
      .tuple(part(4), fc.constantFrom('-', '/', '-'), part(2), fc.constantFrom('-', '-', ' '), part(2))
      .map((p) => p.join(''));
    const plausible = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(fc.oneof(plausible, plausible, dateLike, fc.string({ maxLength: 12 })), (text) => {
        expect(parsed(text)).toBe(dateParsed(text));
      }),
      { numRuns: 20_000 },
    );
    for (const text of ['1600-02-29', '1700-02-29', '2000-02-29', '2100-02-29', '0000-02-29', '0000-01-01'])
      expect(parsed(text)).toBe(dateParsed(text));
  });

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
