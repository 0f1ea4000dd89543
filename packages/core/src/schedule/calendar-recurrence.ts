import type { CalendarException, MonthItem, MonthPosition } from './calendar-model.ts';
import { getDateFields, getDayNumber, getDayNumberOfDate, getWeekday } from './local-time.ts';

/** Longest exception range expanded day by day (about 550 years); longer ranges are clipped. */
const MAX_EXPANDED_DAYS = 200_000;

const WEEKDAY_ITEMS: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

function matchesItem(day: number, item: MonthItem): boolean {
  const wd = getWeekday(day);
  if (item === 'day') return true;
  if (item === 'weekday') return wd >= 1 && wd <= 5;
  if (item === 'weekendDay') return wd === 0 || wd === 6;
  return WEEKDAY_ITEMS[item] === wd;
}

function daysInMonth(year: number, month: number): number {
  return getDayNumberOfDate(year, month + 1, 1) - getDayNumberOfDate(year, month, 1);
}

/** Finds the day of `position` `item` in a month (e.g. last Friday), or undefined. */
function positionalDay(
  year: number,
  month: number,
  position: MonthPosition,
  item: MonthItem,
): number | undefined {
  const first = getDayNumberOfDate(year, month, 1);
  const count = daysInMonth(year, month);
  if (position === 'last') {
    for (let d = first + count - 1; d >= first; d--) if (matchesItem(d, item)) return d;
    return undefined;
  }
  const wanted = { first: 1, second: 2, third: 3, fourth: 4 }[position];
  let seen = 0;
  for (let d = first; d < first + count; d++) {
    if (matchesItem(d, item)) {
      seen++;
      if (seen === wanted) return d;
    }
  }
  return undefined;
}

/** Lists the day numbers an exception covers, in ascending order, honouring recurrence and occurrences. */
export function expandExceptionDays(exception: CalendarException): number[] {
  const first = getDayNumber(exception.from);
  const last = Math.min(getDayNumber(exception.to), first + MAX_EXPANDED_DAYS);
  const limit =
    exception.occurrences !== undefined && exception.occurrences > 0 ? exception.occurrences : Infinity;
  const out: number[] = [];
  const push = (d: number): boolean => {
    if (d >= first && d <= last && out.length < limit) out.push(d);
    return out.length < limit;
  };
  const r = exception.recurrence;
  if (!r) {
    for (let d = first; d <= last; d++) out.push(d);
    return out;
  }
  const every = 'every' in r ? Math.max(1, Math.floor(r.every)) : 1;
  const start = getDateFields(first);
  switch (r.kind) {
    case 'daily':
      for (let d = first; d <= last; d += every) if (!push(d)) break;
      return out;
    case 'weekly': {
      const weekStart = first - getWeekday(first);
      const days = [...new Set(r.daysOfWeek)].filter((x) => x >= 0 && x <= 6).sort((a, b) => a - b);
      if (days.length === 0) return out;
      for (let w = weekStart; w <= last; w += 7 * every) {
        for (const wd of days) if (!push(w + wd)) return out;
      }
      return out;
    }
    case 'monthlyByDay':
    case 'monthlyByPosition': {
      let year = start.year;
      let month = start.month;
      while (getDayNumberOfDate(year, month, 1) <= last) {
        let d: number | undefined;
        if (r.kind === 'monthlyByDay') {
          d =
            r.monthDay >= 1 && r.monthDay <= daysInMonth(year, month)
              ? getDayNumberOfDate(year, month, r.monthDay)
              : undefined;
        } else {
          d = positionalDay(year, month, r.position, r.item);
        }
        if (d !== undefined && !push(d)) return out;
        month += every;
        while (month > 12) {
          month -= 12;
          year++;
        }
      }
      return out;
    }
    case 'yearlyByDay':
    case 'yearlyByPosition': {
      for (let year = start.year; getDayNumberOfDate(year, 1, 1) <= last; year++) {
        if (r.month < 1 || r.month > 12) return out;
        let d: number | undefined;
        if (r.kind === 'yearlyByDay') {
          d =
            r.monthDay >= 1 && r.monthDay <= daysInMonth(year, r.month)
              ? getDayNumberOfDate(year, r.month, r.monthDay)
              : undefined;
        } else {
          d = positionalDay(year, r.month, r.position, r.item);
        }
        if (d !== undefined && !push(d)) return out;
      }
      return out;
    }
  }
}
