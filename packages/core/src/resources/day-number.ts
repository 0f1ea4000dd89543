/**
 * A calendar date as whole days since 1970-01-01 (a Thursday), with no time zone: the resource
 * engine counts hours per day and never needs an instant. `Date.UTC` serves only as a Gregorian
 * calculator, so results do not depend on the process's `TZ`.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into a day number; throws a RangeError on malformed or impossible dates. */
export function toDayNumber(text: string): DayNumber {
  const m = ISO_DATE.exec(text);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${text}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day);
  // Reject 2026-02-31 and the like instead of silently rolling over.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    throw new RangeError(`not a calendar date: ${text}`);
  return Math.floor(check.getTime() / MS_PER_DAY);
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
