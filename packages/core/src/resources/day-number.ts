/**
 * A calendar date as whole days since 1970-01-01 (a Thursday), with no time zone: the resource
 * engine counts hours per day and never needs an instant. `Date.UTC` and civil-date arithmetic serve
 * only as Gregorian calculators, so results do not depend on the process's `TZ`.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of the two or four ASCII digits of `text` from `at`, or -1 if one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * Parses `YYYY-MM-DD` into a day number; throws a RangeError on malformed or impossible dates.
 * Arithmetic on the digits rather than a regular expression and a Date: the capacity picture
 * parses every booking's dates on each request.
 */
export function toDayNumber(text: string): DayNumber {
  const year =
    typeof text === 'string' && text.length === 10 && text[4] === '-' && text[7] === '-'
      ? digits(text, 0, 4)
      : -1;
  const month = year < 0 ? -1 : digits(text, 5, 2);
  const day = month < 0 ? -1 : digits(text, 8, 2);
  if (day < 0) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  // Reject 2026-02-31 and the like instead of silently rolling over.
  if (month < 1 || month > 12 || day < 1 || day > days) throw new RangeError(`not a calendar date: ${text}`);
  return daysFromCivil(year, month, day);
}

/** Formats a day number as `YYYY-MM-DD`. */
export function fromDayNumber(day: DayNumber): string {
  const d = new Date(day * MS_PER_DAY);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${dd}`;
}

/** Returns the weekday of a day number, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Returns the Monday starting the ISO week that contains `day`. */
export function startOfIsoWeek(day: DayNumber): DayNumber {
  return day - ((weekdayOf(day) + 6) % 7);
}

/** Returns the first day of the calendar month after the one containing `day`. */
export function startOfNextMonth(day: DayNumber): DayNumber {
  const d = new Date(day * MS_PER_DAY);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / MS_PER_DAY);
}
