import type { TaskLink } from '../../api/schedule.ts';

/**
 * Local date-times as the plan holds them ("2026-01-05T08:00:00", no time zone). They are read
 * field by field and reckoned on a UTC time line, so no time zone of the browser ever shifts them.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const MINUTES_PER_DAY = 1440;

/** Minutes since 1970-01-01T00:00 on the plan's wall clock; NaN when the text is not a date-time. */
export function localMinutes(text: string): number {
  const m = LOCAL.exec(text);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) / 60_000;
}

/** Whole days since 1970-01-01 of a local date-time (its calendar day). */
export function localDay(text: string): number {
  return Math.floor(localMinutes(text) / MINUTES_PER_DAY);
}

/** The working day runs 08:00–17:00 by default; bars are drawn so that it fills the day's column. */
const DAY_START = 8 * 60;
const DAY_LENGTH = 9 * 60;

/**
 * A position on the chart in days (fractional): the calendar day plus how far into the working day
 * the time lies, so a one-day task (08:00–17:00) fills exactly one day column.
 */
export function chartDay(text: string): number {
  const minutes = localMinutes(text);
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  const within = minutes - day * MINUTES_PER_DAY;
  return day + Math.min(1, Math.max(0, (within - DAY_START) / DAY_LENGTH));
}

/** The chart position of the browser's current wall-clock time. */
export function nowChartDay(now = new Date()): number {
  const text = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}:00`;
  return chartDay(text);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "YYYY-MM-DD" of a day number. */
export function dayToIsoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Day of the week of a day number: 0 = Monday … 6 = Sunday. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 3) % 7) + 7) % 7;
}

const longDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthOnly = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function asDate(day: number): Date {
  return new Date(day * 86_400_000);
}

/** "5 Jan 26" for grids; an em dash for nothing. */
export function formatGridDate(text: string | null | undefined): string {
  if (!text) return '—';
  const minutes = localMinutes(text);
  if (Number.isNaN(minutes)) return text;
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  return `${dayOfMonth(day)} ${formatMonth(day)} ${text.slice(2, 4)}`;
}

/** "Mon 5 Jan 26 08:00", compact, with the wall-clock time. */
export function formatShortDateTime(text: string | null | undefined): string {
  if (!text) return '—';
  return `${formatLocalDate(text)} ${text.slice(11, 16)}`;
}

/** "Mon 5 Jan 26"; an em dash for nothing. */
export function formatLocalDate(text: string | null | undefined): string {
  if (!text) return '—';
  const minutes = localMinutes(text);
  if (Number.isNaN(minutes)) return text;
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  return `${WEEKDAYS[weekday(day)]} ${dayOfMonth(day)} ${formatMonth(day)} ${text.slice(2, 4)}`;
}

/** "Mon 5 Jan 2026 08:00", exactly the wall-clock time the plan holds. */
export function formatLocalDateTime(text: string | null | undefined): string {
  if (!text) return '—';
  const minutes = localMinutes(text);
  if (Number.isNaN(minutes)) return text;
  return `${longDate.format(asDate(Math.floor(minutes / MINUTES_PER_DAY)))} ${text.slice(11, 16)}`;
}

export function formatMonthYear(day: number): string {
  return monthYear.format(asDate(day));
}
export function formatMonth(day: number): string {
  return monthOnly.format(asDate(day));
}
export function formatDayMonth(day: number): string {
  return dayMonth.format(asDate(day));
}
export function dayOfMonth(day: number): number {
  return asDate(day).getUTCDate();
}
export function monthOf(day: number): number {
  return asDate(day).getUTCMonth();
}
export function yearOf(day: number): number {
  return asDate(day).getUTCFullYear();
}

function trimNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Working minutes as days: "5 d", "0.5 d", "0 d". */
export function formatDays(minutes: number | null | undefined, minutesPerDay: number): string {
  if (minutes === null || minutes === undefined) return '—';
  return `${trimNumber(minutes / (minutesPerDay || 480))} d`;
}

/**
 * What someone typed in a duration cell, in working minutes: "5", "5d", "2.5 days", "4h", "30m",
 * "1w" (five days). Null when it is not a duration.
 */
export function parseDuration(text: string, minutesPerDay: number): number | null {
  const m =
    /^\s*(-?\d+(?:[.,]\d+)?)\s*(d|day|days|h|hr|hrs|hour|hours|m|min|mins|w|wk|wks|week|weeks)?\s*$/i.exec(
      text,
    );
  if (!m) return null;
  const value = Number((m[1] ?? '').replace(',', '.'));
  if (!Number.isFinite(value) || value < 0) return null;
  const unit = (m[2] ?? 'd').toLowerCase();
  const perDay = minutesPerDay || 480;
  const minutes = unit.startsWith('h')
    ? value * 60
    : unit.startsWith('m')
      ? value
      : unit.startsWith('w')
        ? value * perDay * 5
        : value * perDay;
  return Math.round(minutes);
}

/** A local date-time for an <input type="datetime-local">: "2026-01-05T08:00". */
export function toDateTimeInput(text: string | null | undefined): string {
  return text ? text.slice(0, 16) : '';
}

/** Back from an <input type="datetime-local"> to the API's form; null when empty. */
export function fromDateTimeInput(value: string): string | null {
  if (!value) return null;
  return value.length === 16 ? `${value}:00` : value;
}

/** The same wall-clock time moved by whole calendar days. */
export function shiftLocalDays(text: string, days: number): string {
  const day = localDay(text) + days;
  return `${dayToIsoDate(day)}T${text.slice(11, 19).padEnd(8, ':00')}`;
}

/** A link's lag as people write it: "2 d", "-1 d", "3 ed" (elapsed days), "50%". */
export function formatLag(link: Pick<TaskLink, 'lag' | 'lagKind'>, minutesPerDay: number): string {
  if (link.lagKind === 'percent' || link.lagKind === 'elapsedPercent') return `${link.lag}%`;
  const perDay = link.lagKind === 'elapsed' ? 1440 : minutesPerDay || 480;
  const days = Math.round((link.lag / perDay) * 100) / 100;
  return `${days} ${link.lagKind === 'elapsed' ? 'ed' : 'd'}`;
}

export function parseLag(text: string, minutesPerDay: number): Pick<TaskLink, 'lag' | 'lagKind'> | null {
  const m = /^\s*([-+]?\d+(?:[.,]\d+)?)\s*(%|ed|d|days?|h)?\s*$/i.exec(text);
  if (!m) return null;
  const value = Number((m[1] ?? '').replace(',', '.'));
  if (!Number.isFinite(value)) return null;
  const unit = (m[2] ?? 'd').toLowerCase();
  if (unit === '%') return { lagKind: 'percent', lag: Math.round(value) };
  if (unit === 'ed') return { lagKind: 'elapsed', lag: Math.round(value * 1440) };
  if (unit === 'h') return { lagKind: 'working', lag: Math.round(value * 60) };
  return { lagKind: 'working', lag: Math.round(value * (minutesPerDay || 480)) };
}
