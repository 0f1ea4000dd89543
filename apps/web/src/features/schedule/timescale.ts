import type { TimeScale } from './schedule-model.ts';
import {
  dayOfMonth,
  formatDayMonth,
  formatMonth,
  formatMonthYear,
  monthOf,
  weekday,
  yearOf,
} from './schedule-time.ts';

export type Tick = { key: string; x: number; width: number; label: string; weekend?: boolean };

const LETTERS = ['M', 'T', 'W', 'T', 'F', 'S', 'S'];

function monthStart(day: number): number {
  const d = new Date(day * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
}
function nextMonth(day: number): number {
  const d = new Date(day * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86_400_000;
}
function yearStart(day: number): number {
  return Date.UTC(yearOf(day), 0, 1) / 86_400_000;
}
function nextYear(day: number): number {
  return Date.UTC(yearOf(day) + 1, 0, 1) / 86_400_000;
}

function spans(
  scale: TimeScale,
  from: number,
  to: number,
  startOf: (day: number) => number,
  next: (day: number) => number,
  label: (day: number, width: number) => string,
  weekend = false,
): Tick[] {
  const ticks: Tick[] = [];
  for (let day = startOf(from); day < to; day = next(day)) {
    const end = next(day);
    const x = (day - scale.origin) * scale.pxPerDay;
    const width = (end - day) * scale.pxPerDay;
    ticks.push({
      key: String(day),
      x,
      width,
      label: label(day, width),
      ...(weekend && weekday(day) >= 5 ? { weekend: true } : {}),
    });
  }
  return ticks;
}

const mondayOf = (day: number) => day - weekday(day);
const dayAfter = (day: number) => day + 1;
const weekAfter = (day: number) => day + 7;

/** The two tiers of the time header for the days from..to (only those in view are built). */
export function headerTiers(scale: TimeScale, from: number, to: number): { top: Tick[]; bottom: Tick[] } {
  switch (scale.zoom) {
    case 'day':
      return {
        top: spans(scale, from, to, mondayOf, weekAfter, (d) => `Week of ${formatDayMonth(d)} ${yearOf(d)}`),
        bottom: spans(
          scale,
          from,
          to,
          (d) => d,
          dayAfter,
          (d) => `${LETTERS[weekday(d)] ?? ''} ${dayOfMonth(d)}`,
          true,
        ),
      };
    case 'week':
      return {
        top: spans(scale, from, to, monthStart, nextMonth, (d, w) =>
          w > 70 ? formatMonthYear(d) : formatMonth(d),
        ),
        bottom: spans(scale, from, to, mondayOf, weekAfter, (d) => formatDayMonth(d)),
      };
    default:
      return {
        top: spans(scale, from, to, yearStart, nextYear, (d) => String(yearOf(d))),
        bottom: spans(scale, from, to, monthStart, nextMonth, (d, w) =>
          w > 40 ? formatMonth(d) : formatMonth(d).slice(0, 1),
        ),
      };
  }
}

/** True on the first day of a quarter: the month view draws a stronger grid line there. */
export function isQuarterStart(day: number): boolean {
  return dayOfMonth(day) === 1 && monthOf(day) % 3 === 0;
}
