import type { DayResolver } from './calendar-resolve.ts';
import type { LocalMinutes } from './local-time.ts';
import { MINUTES_PER_DAY } from './local-time.ts';

/**
 * A calendar compiled for arithmetic: for a window of days, the working minutes accumulated
 * before each day (from a fixed anchor day, so values stay valid when the window grows) and the
 * day's intervals. "W(t)" below is the working minutes from the anchor to t: non-decreasing, flat
 * across non-working time. Every date operation is a W lookup plus its inverse.
 *
 * The window grows on demand; that is the only mutation, it is invisible to callers and keeps
 * results deterministic.
 */
export type WorkCalendar = {
  readonly id: string;
  readonly resolve: DayResolver;
  readonly anchorDay: number;
  origin: number;
  count: number;
  /** cum[i] = W at the start of day origin+i; length count+1. */
  cum: Float64Array;
  /** Intervals of day origin+i are ivFrom/ivTo[ivStart[i] .. ivStart[i+1]). */
  ivStart: Int32Array;
  ivFrom: Int32Array;
  ivTo: Int32Array;
  /** Days per working minute, to guess the day of a W value in O(1). */
  daysPerWorkMinute: number;
};

/** Thrown when a calendar has no working time within ±300 years of the schedule. */
export class CalendarWithoutWorkError extends Error {
  readonly calendarId: string;
  constructor(calendarId: string) {
    super(`calendar ${calendarId} has no working time`);
    this.name = 'CalendarWithoutWorkError';
    this.calendarId = calendarId;
  }
}

const INITIAL_DAYS_BEFORE = 1100;
const INITIAL_DAYS_AFTER = 3700;
const MAX_WINDOW_DAYS = 220_000;

function fill(cal: WorkCalendar, origin: number, count: number): void {
  const ivStart = new Int32Array(count + 1);
  const from: number[] = [];
  const to: number[] = [];
  const cum = new Float64Array(count + 1);
  let w = 0;
  for (let i = 0; i < count; i++) {
    ivStart[i] = from.length;
    cum[i] = w;
    for (const iv of cal.resolve(origin + i)) {
      from.push(iv.from);
      to.push(iv.to);
      w += iv.to - iv.from;
    }
  }
  ivStart[count] = from.length;
  cum[count] = w;
  // Re-anchor so that W(anchorDay 00:00) = 0 whatever the window.
  const shift = cum[cal.anchorDay - origin] as number;
  for (let i = 0; i <= count; i++) cum[i] = (cum[i] as number) - shift;
  cal.origin = origin;
  cal.count = count;
  cal.cum = cum;
  cal.ivStart = ivStart;
  cal.ivFrom = Int32Array.from(from);
  cal.ivTo = Int32Array.from(to);
  cal.daysPerWorkMinute = w > 0 ? count / w : 0;
}

/** Compiles a day resolver into a calendar ready for arithmetic around `anchorDay`. */
export function compileWorkCalendar(id: string, resolve: DayResolver, anchorDay: number): WorkCalendar {
  const cal: WorkCalendar = {
    id,
    resolve,
    anchorDay,
    origin: anchorDay,
    count: 0,
    cum: new Float64Array(1),
    ivStart: new Int32Array(1),
    ivFrom: new Int32Array(0),
    ivTo: new Int32Array(0),
    daysPerWorkMinute: 0,
  };
  fill(cal, anchorDay - INITIAL_DAYS_BEFORE, INITIAL_DAYS_BEFORE + INITIAL_DAYS_AFTER);
  return cal;
}

/** Grows the window to include `day` (doubling), failing when there is no work at all. */
function growTo(cal: WorkCalendar, day: number): void {
  let first = cal.origin;
  let end = cal.origin + cal.count;
  if (day < first) first = Math.min(day - 30, first - cal.count);
  if (day >= end) end = Math.max(day + 31, end + cal.count);
  if (end - first > MAX_WINDOW_DAYS) throw new CalendarWithoutWorkError(cal.id);
  fill(cal, first, end - first);
}

/** Returns W(t): working minutes between the calendar's anchor and t (negative before it). */
export function getWorkPosition(cal: WorkCalendar, t: LocalMinutes): number {
  const day = Math.floor(t / MINUTES_PER_DAY);
  let i = day - cal.origin;
  if (i < 0 || i >= cal.count) {
    growTo(cal, day);
    i = day - cal.origin;
  }
  const m = t - day * MINUTES_PER_DAY;
  let w = cal.cum[i] as number;
  const end = cal.ivStart[i + 1] as number;
  const ivFrom = cal.ivFrom;
  const ivTo = cal.ivTo;
  for (let k = cal.ivStart[i] as number; k < end; k++) {
    const f = ivFrom[k] as number;
    const e = ivTo[k] as number;
    if (m >= e) w += e - f;
    else {
      if (m > f) w += m - f;
      break;
    }
  }
  return w;
}

/** Index of the largest day i with cum[i] < w (the day where W reaches w). */
function dayReaching(cal: WorkCalendar, w: number): number {
  let cum = cal.cum;
  while (w <= (cum[0] as number) || w > (cum[cal.count] as number)) {
    growTo(cal, w <= (cum[0] as number) ? cal.origin - 1 : cal.origin + cal.count);
    cum = cal.cum;
  }
  const max = cal.count - 1;
  let i = ((w - (cum[0] as number)) * cal.daysPerWorkMinute) | 0;
  if (i > max) i = max;
  while ((cum[i] as number) >= w) i--;
  while ((cum[i + 1] as number) < w) i++;
  return i;
}

/** Index of the largest day i with cum[i] <= w (the day where W first exceeds w). */
function dayExceeding(cal: WorkCalendar, w: number): number {
  let cum = cal.cum;
  while (w < (cum[0] as number) || w >= (cum[cal.count] as number)) {
    growTo(cal, w < (cum[0] as number) ? cal.origin - 1 : cal.origin + cal.count);
    cum = cal.cum;
  }
  const max = cal.count - 1;
  let i = ((w - (cum[0] as number)) * cal.daysPerWorkMinute) | 0;
  if (i > max) i = max;
  while ((cum[i] as number) > w) i--;
  while ((cum[i + 1] as number) <= w) i++;
  return i;
}

/**
 * Returns the earliest instant whose W equals `w`: the moment `w` working minutes are done.
 * A finish lands at the end of a working period (17:00), never at the next period's start.
 */
export function findFinishAtWork(cal: WorkCalendar, w: number): LocalMinutes {
  const i = dayReaching(cal, w);
  let rem = w - (cal.cum[i] as number);
  const ivFrom = cal.ivFrom;
  const ivTo = cal.ivTo;
  const end = cal.ivStart[i + 1] as number;
  let k = cal.ivStart[i] as number;
  for (; k < end; k++) {
    const f = ivFrom[k] as number;
    const len = (ivTo[k] as number) - f;
    if (rem <= len) return (cal.origin + i) * MINUTES_PER_DAY + f + rem;
    rem -= len;
  }
  return (cal.origin + i + 1) * MINUTES_PER_DAY;
}

/**
 * Returns the latest instant whose W equals `w`: where work resumes. A start lands at the
 * next working minute (08:00 next day), never at the previous period's end.
 */
export function findStartAtWork(cal: WorkCalendar, w: number): LocalMinutes {
  const i = dayExceeding(cal, w);
  let rem = w - (cal.cum[i] as number);
  const ivFrom = cal.ivFrom;
  const ivTo = cal.ivTo;
  const end = cal.ivStart[i + 1] as number;
  for (let k = cal.ivStart[i] as number; k < end; k++) {
    const f = ivFrom[k] as number;
    const len = (ivTo[k] as number) - f;
    if (rem < len) return (cal.origin + i) * MINUTES_PER_DAY + f + rem;
    rem -= len;
  }
  return (cal.origin + i + 1) * MINUTES_PER_DAY;
}

/** Moves t forward to the next working minute (a start); unchanged when t is working time. */
export function snapToStart(cal: WorkCalendar, t: LocalMinutes): LocalMinutes {
  return findStartAtWork(cal, getWorkPosition(cal, t));
}

/** Moves t back to the end of the previous working period (a finish); unchanged when working. */
export function snapToFinish(cal: WorkCalendar, t: LocalMinutes): LocalMinutes {
  return findFinishAtWork(cal, getWorkPosition(cal, t));
}

/**
 * Places a zero-duration task driven forward to t: it stays at t when t is inside or at the
 * end of a working period (a milestone after a task ending 17:00 sits at 17:00), else it moves
 * to the next working minute.
 */
export function snapMilestoneForward(cal: WorkCalendar, t: LocalMinutes): LocalMinutes {
  const w = getWorkPosition(cal, t);
  const f = findFinishAtWork(cal, w);
  return f === t ? t : findStartAtWork(cal, w);
}

/** Adds working minutes to a start and returns the finish (Project's finish convention). */
export function addWorkingMinutes(cal: WorkCalendar, start: LocalMinutes, minutes: number): LocalMinutes {
  if (minutes === 0) return start;
  const w = getWorkPosition(cal, start) + minutes;
  return minutes > 0 ? findFinishAtWork(cal, w) : findStartAtWork(cal, w);
}

/** Counts working minutes between two instants (negative when `to` is before `from`). */
export function countWorkingMinutes(cal: WorkCalendar, from: LocalMinutes, to: LocalMinutes): number {
  return getWorkPosition(cal, to) - getWorkPosition(cal, from);
}

/** Tells whether the minute starting at t is working time. */
export function isWorkingMinute(cal: WorkCalendar, t: LocalMinutes): boolean {
  return getWorkPosition(cal, t + 1) > getWorkPosition(cal, t);
}
