/** When a scheduled report runs: weekly on an ISO weekday (1 = Monday … 7 = Sunday) or monthly on a day 1–28, at an hour (UTC). */
export type ReportCadence =
  | { cadence: 'weekly'; dayOfWeek: number; hour: number }
  | { cadence: 'monthly'; dayOfMonth: number; hour: number };

const DAY_MS = 86_400_000;

/** The ISO weekday (1 = Monday … 7 = Sunday) of an instant, in UTC. */
export function isoWeekday(at: Date): number {
  return ((at.getUTCDay() + 6) % 7) + 1;
}

/** Checks a cadence's numbers; returns the offending field and why, or null when it is valid. */
export function cadenceProblem(c: ReportCadence): { field: string; message: string } | null {
  if (!Number.isInteger(c.hour) || c.hour < 0 || c.hour > 23)
    return { field: 'hour', message: 'an hour of the day, 0–23 (UTC)' };
  if (c.cadence === 'weekly' && (!Number.isInteger(c.dayOfWeek) || c.dayOfWeek < 1 || c.dayOfWeek > 7))
    return { field: 'dayOfWeek', message: 'a weekday, 1 (Monday) to 7 (Sunday)' };
  // Days past the 28th do not exist in every month: refused rather than silently moved.
  if (c.cadence === 'monthly' && (!Number.isInteger(c.dayOfMonth) || c.dayOfMonth < 1 || c.dayOfMonth > 28))
    return { field: 'dayOfMonth', message: 'a day of the month, 1–28' };
  return null;
}

/** The first run strictly after `after`: the next matching weekday or day of the month, on the hour (UTC). */
export function nextRunAt(c: ReportCadence, after: Date): Date {
  const problem = cadenceProblem(c);
  if (problem) throw new RangeError(`${problem.field}: ${problem.message}`);
  const y = after.getUTCFullYear();
  const m = after.getUTCMonth();
  if (c.cadence === 'weekly') {
    const today = Date.UTC(y, m, after.getUTCDate(), c.hour);
    const ahead = (c.dayOfWeek - isoWeekday(after) + 7) % 7;
    const candidate = today + ahead * DAY_MS;
    return new Date(candidate > after.getTime() ? candidate : candidate + 7 * DAY_MS);
  }
  const thisMonth = Date.UTC(y, m, c.dayOfMonth, c.hour);
  return new Date(thisMonth > after.getTime() ? thisMonth : Date.UTC(y, m + 1, c.dayOfMonth, c.hour));
}
