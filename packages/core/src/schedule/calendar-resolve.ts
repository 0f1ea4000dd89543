import type { CalendarDefinition, WeekPattern, WorkingInterval } from './calendar-model.ts';
import { STANDARD_DAY } from './calendar-model.ts';
import { expandExceptionDays } from './calendar-recurrence.ts';
import { getDayNumber, getWeekday } from './local-time.ts';

/** Answers "which intervals are working on this day" for one calendar. */
export type DayResolver = (day: number) => readonly WorkingInterval[];

/** A problem found in the calendar definitions. */
export type CalendarIssue = {
  readonly kind:
    | 'unknown-base-calendar'
    | 'base-calendar-cycle'
    | 'invalid-working-interval'
    | 'duplicate-calendar';
  readonly calendarId: string;
  readonly message: string;
};

type Prepared = {
  readonly def: CalendarDefinition;
  base: Prepared | undefined;
  readonly exceptionDays: Map<number, readonly WorkingInterval[]>;
  readonly workWeeks: readonly { first: number; last: number; week: WeekPattern }[];
};

/** Sorts, clips to the day and merges touching intervals so the arithmetic can rely on order. */
export function normalizeIntervals(intervals: readonly WorkingInterval[]): WorkingInterval[] {
  const sorted = intervals
    .map((i) => ({ from: Math.max(0, Math.round(i.from)), to: Math.min(1440, Math.round(i.to)) }))
    .filter((i) => i.to > i.from)
    .sort((a, b) => a.from - b.from);
  const out: WorkingInterval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to) out[out.length - 1] = { from: last.from, to: Math.max(last.to, i.to) };
    else out.push(i);
  }
  return out;
}

/** Returns the intervals worked in both lists (a task calendar met with a resource calendar). */
export function intersectIntervals(
  a: readonly WorkingInterval[],
  b: readonly WorkingInterval[],
): WorkingInterval[] {
  const out: WorkingInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as WorkingInterval;
    const y = b[j] as WorkingInterval;
    const from = Math.max(x.from, y.from);
    const to = Math.min(x.to, y.to);
    if (to > from) out.push({ from, to });
    if (x.to < y.to) i++;
    else j++;
  }
  return out;
}

function validIntervals(intervals: readonly WorkingInterval[]): boolean {
  return intervals.every(
    (i) => Number.isFinite(i.from) && Number.isFinite(i.to) && i.from >= 0 && i.to <= 1440 && i.to > i.from,
  );
}

/**
 * Builds a resolver per calendar id, following Microsoft Project's precedence: the calendar's own
 * exceptions, then its base calendars' exceptions, then its own work weeks and default week,
 * then the base calendar's weeks. A day left undefined everywhere falls back to Project's
 * Standard day on Monday–Friday.
 */
export function buildDayResolvers(definitions: readonly CalendarDefinition[]): {
  resolvers: Map<string, DayResolver>;
  issues: CalendarIssue[];
} {
  const issues: CalendarIssue[] = [];
  const prepared = new Map<string, Prepared>();
  for (const def of definitions) {
    if (prepared.has(def.id)) {
      issues.push({
        kind: 'duplicate-calendar',
        calendarId: def.id,
        message: `calendar ${def.id} is defined twice`,
      });
      continue;
    }
    const exceptionDays = new Map<number, readonly WorkingInterval[]>();
    for (const ex of def.exceptions ?? []) {
      if (!validIntervals(ex.working)) {
        issues.push({
          kind: 'invalid-working-interval',
          calendarId: def.id,
          message: `exception ${ex.name ?? ''} has an invalid working interval`.replace('  ', ' '),
        });
      }
      const working = normalizeIntervals(ex.working);
      for (const d of expandExceptionDays(ex)) exceptionDays.set(d, working);
    }
    for (const day of def.week) {
      if (day && !validIntervals(day)) {
        issues.push({
          kind: 'invalid-working-interval',
          calendarId: def.id,
          message: 'a week day has an invalid working interval',
        });
      }
    }
    const workWeeks = (def.workWeeks ?? []).map((w) => ({
      first: getDayNumber(w.from),
      last: getDayNumber(w.to),
      week: w.week.map((d) => (d ? normalizeIntervals(d) : null)),
    }));
    const week = def.week.map((d) => (d ? normalizeIntervals(d) : null));
    prepared.set(def.id, { def: { ...def, week }, base: undefined, exceptionDays, workWeeks });
  }
  for (const p of prepared.values()) {
    const baseId = p.def.baseId;
    if (baseId === undefined || baseId === '') continue;
    const base = prepared.get(baseId);
    if (!base) {
      issues.push({
        kind: 'unknown-base-calendar',
        calendarId: p.def.id,
        message: `calendar ${p.def.id} is based on unknown calendar ${baseId}`,
      });
      continue;
    }
    p.base = base;
  }
  // Break inheritance cycles so resolution always terminates.
  for (const p of prepared.values()) {
    const seen = new Set<Prepared>();
    let cur: Prepared | undefined = p;
    while (cur) {
      if (seen.has(cur)) {
        issues.push({
          kind: 'base-calendar-cycle',
          calendarId: p.def.id,
          message: `calendar ${p.def.id} inherits from itself through its base calendars`,
        });
        p.base = undefined;
        break;
      }
      seen.add(cur);
      cur = cur.base;
    }
  }
  const resolvers = new Map<string, DayResolver>();
  for (const [id, p] of prepared) resolvers.set(id, (day) => resolvePrepared(p, day));
  return { resolvers, issues };
}

function inheritedException(p: Prepared, day: number): readonly WorkingInterval[] | undefined {
  for (let cur: Prepared | undefined = p; cur; cur = cur.base) {
    const ex = cur.exceptionDays.get(day);
    if (ex) return ex;
  }
  return undefined;
}

function weekDay(p: Prepared, day: number, weekday: number): readonly WorkingInterval[] | null {
  for (const w of p.workWeeks) {
    if (day >= w.first && day <= w.last) {
      const d = w.week[weekday];
      if (d) return d;
    }
  }
  return p.def.week[weekday] ?? null;
}

function resolvePrepared(p: Prepared, day: number): readonly WorkingInterval[] {
  const ex = inheritedException(p, day);
  if (ex) return ex;
  const weekday = getWeekday(day);
  for (let cur: Prepared | undefined = p; cur; cur = cur.base) {
    const d = weekDay(cur, day, weekday);
    if (d) return d;
  }
  return weekday >= 1 && weekday <= 5 ? STANDARD_DAY : [];
}
