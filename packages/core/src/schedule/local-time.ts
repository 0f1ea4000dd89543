/**
 * Local wall-clock time as whole minutes since 1970-01-01T00:00 *local*.
 *
 * MSPDI dates are local date-times without a zone (2026-01-05T08:00:00), and Microsoft Project
 * schedules in wall-clock time: 08:00 stays 08:00 on the day clocks change. So the engine never
 * sees a time zone; it does calendar arithmetic on the wall clock with `Date.UTC` as a pure
 * Gregorian calculator. A DST change therefore neither lengthens nor shortens a working day.
 */
export type LocalMinutes = number;

/** Minutes in one calendar day (24 h). */
export const MINUTES_PER_DAY = 1440;

/** Sentinel for "no lower bound" in the typed-array engine (fits in an Int32). */
export const NO_TIME_MIN = -2_000_000_000;
/** Sentinel for "no upper bound" in the typed-array engine (fits in an Int32). */
export const NO_TIME_MAX = 2_000_000_000;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/** Converts calendar fields to local minutes; months are 1-based. */
export function encodeLocalDateTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): LocalMinutes {
  return Math.floor(Date.UTC(year, month - 1, day, hour, minute) / 60_000);
}

/** Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` as local minutes; returns undefined when malformed. */
export function parseLocalDateTime(text: string): LocalMinutes | undefined {
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 59)
    return undefined;
  if (hour === 24 && (minute !== 0 || second !== 0)) return undefined;
  const t = encodeLocalDateTime(year, month, day, hour, minute);
  // Reject 2026-02-31 and the like instead of silently rolling over.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return t;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats local minutes the way MSPDI writes dates: `2026-01-05T08:00:00`. */
export function formatLocalDateTime(t: LocalMinutes): string {
  const d = new Date(t * 60_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
}

/** Formats the date part only: `2026-01-05`. */
export function formatLocalDate(t: LocalMinutes): string {
  return formatLocalDateTime(t).slice(0, 10);
}

/** Returns the day number (days since 1970-01-01) containing the instant. */
export function getDayNumber(t: LocalMinutes): number {
  return Math.floor(t / MINUTES_PER_DAY);
}

/** Returns the weekday of a day number, 0 = Sunday … 6 = Saturday (MSPDI DayType minus one). */
export function getWeekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Returns year, 1-based month and day of month for a day number. */
export function getDateFields(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Returns the day number of a calendar date; months are 1-based. */
export function getDayNumberOfDate(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}
