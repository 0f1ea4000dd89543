import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  defaultWindow,
  isIsoDate,
  mondayOf,
  todayIso,
  weekDays,
  weekdayIndex,
} from './week-dates.ts';

describe('week arithmetic', () => {
  it('finds the Monday of any day, Sunday included', () => {
    expect(mondayOf('2026-03-02')).toBe('2026-03-02'); // a Monday
    expect(mondayOf('2026-03-08')).toBe('2026-03-02'); // the Sunday after
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28'); // across a year end
  });

  it('adds days across month ends, leap days and the European DST change', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // clocks go forward on 29 March
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('numbers weekdays from Monday', () => {
    expect(weekdayIndex('2026-03-02')).toBe(0);
    expect(weekdayIndex('2026-03-08')).toBe(6);
  });

  it('lists the seven days of a week and counts days between dates', () => {
    expect(weekDays('2026-03-30')).toEqual([
      '2026-03-30',
      '2026-03-31',
      '2026-04-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-04',
      '2026-04-05',
    ]);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-04-01', '2026-03-01')).toBe(-31);
  });

  it('opens the capacity window on this week’s Monday, twelve whole weeks long', () => {
    expect(defaultWindow('2026-03-05')).toEqual({ from: '2026-03-02', to: '2026-05-24' });
    const { from, to } = defaultWindow('2026-03-05');
    expect(daysBetween(from, to) + 1).toBe(84);
    expect(weekdayIndex(to)).toBe(6);
  });

  it('accepts only real dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('takes today from the local calendar', () => {
    expect(todayIso(new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
  });
});
