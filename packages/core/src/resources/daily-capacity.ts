import type { LocalMinutes } from '../schedule/local-time.ts';
import { MINUTES_PER_DAY } from '../schedule/local-time.ts';
import type { WorkCalendar } from '../schedule/work-calendar.ts';
import { getWorkPosition } from '../schedule/work-calendar.ts';
import type { DayNumber } from './day-number.ts';
import { startOfIsoWeek, weekdayOf } from './day-number.ts';

/** Monday to Friday, Sunday first. */
export const MONDAY_TO_FRIDAY: readonly boolean[] = [false, true, true, true, true, true, false];

/** Leave from `start` to `end` (inclusive): the whole day off when `hoursPerDay` is null, else that many hours. */
export type LeaveEntry = {
  readonly start: DayNumber;
  readonly end: DayNumber;
  readonly hoursPerDay: number | null;
};

/** What a resource can give: contract hours, working weekdays, non-working days, leave, employment. */
export type ResourceCapacityInput = {
  readonly hoursPerWeek: number;
  /** Seven flags, Sunday first; Monday–Friday when absent. */
  readonly workingWeekdays?: readonly boolean[];
  /** Organisation and resource-calendar non-working days. */
  readonly holidays?: ReadonlySet<DayNumber>;
  readonly leave?: readonly LeaveEntry[];
  /** First day employed (inclusive); null or absent = employed since forever. */
  readonly employmentStart?: DayNumber | null;
  /** Last day employed (inclusive); null or absent = no end. */
  readonly employmentEnd?: DayNumber | null;
};

/** The part of a resource's calendar a flat booking is spread over (leave and employment deliberately left out). */
export type SpreadBasis = Pick<ResourceCapacityInput, 'workingWeekdays' | 'holidays'>;

function readWeekdays(flags: readonly boolean[] | undefined): readonly boolean[] {
  const week = flags ?? MONDAY_TO_FRIDAY;
  if (week.length !== 7) throw new RangeError('workingWeekdays needs seven entries, Sunday first');
  return week;
}

function countTrue(flags: readonly boolean[]): number {
  let n = 0;
  for (const f of flags) if (f) n++;
  return n;
}

/** Returns the hours a resource can work on each day of [fromDay, toDay] (index 0 = fromDay). */
export function computeDailyCapacity(
  input: ResourceCapacityInput,
  fromDay: DayNumber,
  toDay: DayNumber,
): Float64Array {
  if (!Number.isFinite(input.hoursPerWeek) || input.hoursPerWeek < 0)
    throw new RangeError('hoursPerWeek must be a finite number ≥ 0');
  const week = readWeekdays(input.workingWeekdays);
  const workingDays = countTrue(week);
  const n = Math.max(0, toDay - fromDay + 1);
  const out = new Float64Array(n);
  if (workingDays === 0) return out;
  const perDay = input.hoursPerWeek / workingDays;
  const first = Math.max(fromDay, input.employmentStart ?? fromDay);
  const last = Math.min(toDay, input.employmentEnd ?? toDay);
  const holidays = input.holidays;
  let wd = weekdayOf(first);
  for (let d = first; d <= last; d++) {
    if (week[wd] && !holidays?.has(d)) out[d - fromDay] = perDay;
    wd = wd === 6 ? 0 : wd + 1;
  }
  for (const leave of input.leave ?? []) {
    const a = Math.max(leave.start, fromDay);
    const b = Math.min(leave.end, toDay);
    for (let d = a; d <= b; d++) {
      const i = d - fromDay;
      const h = out[i] as number;
      out[i] = leave.hoursPerDay === null ? 0 : Math.max(0, h - leave.hoursPerDay);
    }
  }
  return out;
}

/**
 * Spreads a flat booking of `hoursPerWeek` from `start` to `end` (inclusive) over the days; index
 * 0 = `start`. Each ISO week gets `hoursPerWeek` prorated by the share of its nominal working
 * weekdays inside [start, end], spread evenly over those days that are not holidays. Leave is not
 * looked at on purpose: hours booked on a day of leave show up as over-allocation that a manager
 * must resolve, instead of silently vanishing. A week whose in-range working days are all
 * holidays has nowhere to put its hours and drops them.
 */
export function spreadFlatDemand(
  start: DayNumber,
  end: DayNumber,
  hoursPerWeek: number,
  basis: SpreadBasis = {},
): Float64Array {
  const n = Math.max(0, end - start + 1);
  const out = new Float64Array(n);
  const week = readWeekdays(basis.workingWeekdays);
  const perWeek = countTrue(week);
  if (n === 0 || perWeek === 0 || hoursPerWeek === 0) return out;
  const holidays = basis.holidays;
  let weekStart = startOfIsoWeek(start);
  while (weekStart <= end) {
    const a = Math.max(weekStart, start);
    const b = Math.min(weekStart + 6, end);
    let nominal = 0;
    let usable = 0;
    for (let d = a; d <= b; d++) {
      if (!week[weekdayOf(d)]) continue;
      nominal++;
      if (!holidays?.has(d)) usable++;
    }
    if (usable > 0) {
      const perDay = (hoursPerWeek * nominal) / perWeek / usable;
      for (let d = a; d <= b; d++) if (week[weekdayOf(d)] && !holidays?.has(d)) out[d - start] = perDay;
    }
    weekStart += 7;
  }
  return out;
}

/**
 * Spreads an assignment's work over the task's days in proportion to each day's working minutes
 * in `calendar` between start and finish. Work on a span with no working time (a milestone, or
 * a task placed on a holiday) is spread by elapsed minutes instead, so the hours never vanish.
 */
export function spreadTaskWork(
  startLocalMinutes: LocalMinutes,
  finishLocalMinutes: LocalMinutes,
  workMinutes: number,
  calendar: WorkCalendar,
): { firstDay: DayNumber; hours: Float64Array } {
  const start = startLocalMinutes;
  const finish = Math.max(startLocalMinutes, finishLocalMinutes);
  const firstDay = Math.floor(start / MINUTES_PER_DAY);
  // A finish at midnight belongs to the day before; a zero-length span still has its start day.
  const lastDay = Math.max(firstDay, Math.ceil(finish / MINUTES_PER_DAY) - 1);
  const hours = new Float64Array(lastDay - firstDay + 1);
  const totalHours = workMinutes / 60;
  if (finish === start) {
    hours[0] = totalHours;
    return { firstDay, hours };
  }
  const total = getWorkPosition(calendar, finish) - getWorkPosition(calendar, start);
  let prev = getWorkPosition(calendar, start);
  for (let d = firstDay; d <= lastDay; d++) {
    const edge = Math.min(finish, (d + 1) * MINUTES_PER_DAY);
    if (total > 0) {
      const w = getWorkPosition(calendar, edge);
      hours[d - firstDay] = (totalHours * (w - prev)) / total;
      prev = w;
    } else {
      const from = Math.max(start, d * MINUTES_PER_DAY);
      hours[d - firstDay] = (totalHours * (edge - from)) / (finish - start);
    }
  }
  return { firstDay, hours };
}
