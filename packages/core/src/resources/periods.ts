import type { DayNumber } from './day-number.ts';
import { startOfIsoWeek, startOfNextMonth } from './day-number.ts';

/** How a date range is cut into reporting periods. */
export type PeriodGranularity = 'day' | 'week' | 'month';

/**
 * Consecutive periods covering a day range. Period i runs from `starts[i]` to `ends[i]`, both
 * inclusive. The first and last periods are clipped to the range, so a week or month cut by the
 * range edge is shorter than a full one (its capacity is then that of the clipped days only).
 */
export type Periods = {
  readonly granularity: PeriodGranularity;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly count: number;
};

/** Cuts [fromDay, toDay] (inclusive) into days, ISO weeks (Monday first) or calendar months, clipped. */
export function buildPeriods(fromDay: DayNumber, toDay: DayNumber, granularity: PeriodGranularity): Periods {
  if (!Number.isInteger(fromDay) || !Number.isInteger(toDay))
    throw new RangeError('period bounds must be whole day numbers');
  const starts: number[] = [];
  const ends: number[] = [];
  let day = fromDay;
  while (day <= toDay) {
    const next =
      granularity === 'day'
        ? day + 1
        : granularity === 'week'
          ? startOfIsoWeek(day) + 7
          : startOfNextMonth(day);
    starts.push(day);
    ends.push(Math.min(next - 1, toDay));
    day = next;
  }
  return { granularity, starts: Int32Array.from(starts), ends: Int32Array.from(ends), count: starts.length };
}

/** Returns the index of the period containing `day` (binary search), or -1 outside the periods. */
export function periodIndexOfDay(periods: Periods, day: DayNumber): number {
  const { starts, ends, count } = periods;
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) <= day) lo = mid + 1;
    else hi = mid - 1;
  }
  // hi is now the last period starting on or before `day`.
  if (hi < 0 || day > (ends[hi] as number)) return -1;
  return hi;
}

/**
 * Sums per-day values (`values[i]` belongs to day `firstDay + i`) into the periods they fall in.
 * Returns the first period touched and one sum per period from there to the last touched; days
 * outside the periods are dropped. `firstPeriod` is -1 and `hours` empty when nothing overlaps.
 */
export function sumIntoPeriods(
  values: Float64Array,
  firstDay: DayNumber,
  periods: Periods,
): { firstPeriod: number; hours: Float64Array } {
  const lastDay = firstDay + values.length - 1;
  if (periods.count === 0 || values.length === 0) return { firstPeriod: -1, hours: new Float64Array(0) };
  const rangeFirst = periods.starts[0] as number;
  const rangeLast = periods.ends[periods.count - 1] as number;
  const from = Math.max(firstDay, rangeFirst);
  const to = Math.min(lastDay, rangeLast);
  if (from > to) return { firstPeriod: -1, hours: new Float64Array(0) };
  const p0 = periodIndexOfDay(periods, from);
  const p1 = periodIndexOfDay(periods, to);
  const hours = new Float64Array(p1 - p0 + 1);
  let p = p0;
  let end = periods.ends[p] as number;
  for (let d = from; d <= to; d++) {
    while (d > end) {
      p++;
      end = periods.ends[p] as number;
    }
    hours[p - p0] = (hours[p - p0] as number) + (values[d - firstDay] as number);
  }
  return { firstPeriod: p0, hours };
}
