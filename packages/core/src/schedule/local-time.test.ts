import { describe, expect, it } from 'vitest';
import {
  encodeLocalDateTime,
  formatLocalDateTime,
  getDayNumber,
  getWeekday,
  parseLocalDateTime,
} from './local-time.ts';

describe('local wall-clock time', () => {
  it('round-trips MSPDI date-times', () => {
    const t = parseLocalDateTime('2026-01-05T08:00:00');
    expect(t).toBe(encodeLocalDateTime(2026, 1, 5, 8, 0));
    expect(formatLocalDateTime(t as number)).toBe('2026-01-05T08:00:00');
  });

  it('accepts a date alone as midnight and rejects impossible dates', () => {
    expect(parseLocalDateTime('2026-01-05')).toBe(encodeLocalDateTime(2026, 1, 5));
    expect(parseLocalDateTime('2026-02-30T08:00:00')).toBeUndefined();
    expect(parseLocalDateTime('2026-13-01')).toBeUndefined();
    expect(parseLocalDateTime('yesterday')).toBeUndefined();
    expect(parseLocalDateTime('2026-01-05T24:00:00')).toBe(encodeLocalDateTime(2026, 1, 6));
  });

  it('keeps wall-clock times that a DST change skips or repeats (no time zone involved)', () => {
    // 2026-03-29 02:30 does not exist in Central Europe, 2026-10-25 02:30 happens twice: both
    // are plain wall-clock minutes here, one hour apart from their neighbours.
    const spring = parseLocalDateTime('2026-03-29T02:30:00') as number;
    expect(formatLocalDateTime(spring)).toBe('2026-03-29T02:30:00');
    expect(spring - (parseLocalDateTime('2026-03-29T01:30:00') as number)).toBe(60);
    const autumn = parseLocalDateTime('2026-10-25T02:30:00') as number;
    expect((parseLocalDateTime('2026-10-25T03:30:00') as number) - autumn).toBe(60);
    // Every day is 1440 minutes, including DST days.
    expect(encodeLocalDateTime(2026, 3, 30) - encodeLocalDateTime(2026, 3, 29)).toBe(1440);
  });

  it('numbers weekdays Sunday first like MSPDI DayType', () => {
    expect(getWeekday(getDayNumber(encodeLocalDateTime(2026, 1, 4)))).toBe(0); // Sunday
    expect(getWeekday(getDayNumber(encodeLocalDateTime(2026, 1, 5)))).toBe(1); // Monday
    expect(getWeekday(getDayNumber(encodeLocalDateTime(1969, 12, 31)))).toBe(3); // Wednesday, before the epoch
  });
});
