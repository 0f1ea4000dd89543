/** Communication plans: what goes to whom, how and how often, expanded into a calendar of due dates. */

export const COMMUNICATION_CONTENTS = [
  'status_report',
  'portfolio_pack',
  'steering_minutes',
  'custom',
] as const;
export type CommunicationContent = (typeof COMMUNICATION_CONTENTS)[number];

export const COMMUNICATION_CHANNELS = [
  'email',
  'meeting',
  'report',
  'portal',
  'presentation',
  'newsletter',
] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

export const COMMUNICATION_FREQUENCIES = ['once', 'weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type CommunicationFrequency = (typeof COMMUNICATION_FREQUENCIES)[number];

/** Where a due communication stands: sent (a record exists), due (today or later), overdue (past, unsent). */
export const OCCURRENCE_STATUSES = ['sent', 'due', 'overdue'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

/** The cadence of one plan item; dates are ISO calendar dates (YYYY-MM-DD). */
export type CommunicationCadence = {
  frequency: CommunicationFrequency;
  startDate: string;
  endDate: string | null;
};

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (UTC, so no daylight-saving shifts). */
export function dayNumberOf(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The ISO date of a day number (the inverse of dayNumberOf). */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The ISO date `days` days after (before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** `months` months after `date`, on the same day of the month, or the month's last day when it is shorter. */
export function addMonthsClamped(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return dateOfDayNumber(Math.round(Date.UTC(year, month, day) / DAY_MS));
}

const DAY_STEP: Partial<Record<CommunicationFrequency, number>> = { weekly: 7, biweekly: 14 };
const MONTH_STEP: Partial<Record<CommunicationFrequency, number>> = { monthly: 1, quarterly: 3 };

/** Checks a cadence; returns the offending field and why, or null when it is valid. */
export function communicationCadenceProblem(
  c: CommunicationCadence,
): { field: 'endDate'; message: string } | null {
  if (c.endDate !== null && c.endDate < c.startDate)
    return { field: 'endDate', message: 'must be on or after the start date' };
  return null;
}

/**
 * The due dates of a plan item within [from, to] (both inclusive), in order: weekly and biweekly every
 * 7 or 14 days from the start; monthly and quarterly on the start's day of the month (the month's last
 * day when shorter), every 1 or 3 months, each counted from the start so a clamp never drifts; once on
 * the start date only. Nothing after the end date.
 */
export function expandOccurrences(c: CommunicationCadence, from: string, to: string): string[] {
  const last = c.endDate !== null && c.endDate < to ? c.endDate : to;
  const first = from > c.startDate ? from : c.startDate;
  if (first > last) return [];
  if (c.frequency === 'once') return first === c.startDate ? [c.startDate] : [];
  const out: string[] = [];
  const dayStep = DAY_STEP[c.frequency];
  if (dayStep !== undefined) {
    const start = dayNumberOf(c.startDate);
    const end = dayNumberOf(last);
    let day = start + Math.ceil((dayNumberOf(first) - start) / dayStep) * dayStep;
    for (; day <= end; day += dayStep) out.push(dateOfDayNumber(day));
    return out;
  }
  const monthStep = MONTH_STEP[c.frequency] ?? 1;
  // Occurrence k falls in the start's month + k steps: none before this k reaches `first`'s month.
  const monthsToFirst =
    (Number(first.slice(0, 4)) - Number(c.startDate.slice(0, 4))) * 12 +
    (Number(first.slice(5, 7)) - Number(c.startDate.slice(5, 7)));
  let k = Math.floor(monthsToFirst / monthStep);
  for (;;) {
    const date = addMonthsClamped(c.startDate, k * monthStep);
    if (date > last) break;
    if (date >= first) out.push(date);
    k += 1;
  }
  return out;
}

/** True when `date` is one of the plan item's due dates. */
export function isOccurrence(c: CommunicationCadence, date: string): boolean {
  return expandOccurrences(c, date, date).length === 1;
}

/** Where one due communication stands, given whether it was recorded as sent and today's date. */
export function occurrenceStatus(dueDate: string, sent: boolean, today: string): OccurrenceStatus {
  if (sent) return 'sent';
  return dueDate < today ? 'overdue' : 'due';
}

/** The ISO 8601 week of a date: its week-numbering year, week number, key ("2026-W49") and Monday. */
export function isoWeekOf(date: string): { year: number; week: number; key: string; monday: string } {
  const day = dayNumberOf(date);
  // 1970-01-01 was a Thursday: weekday 1 = Monday … 7 = Sunday.
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  const monday = day - (weekday - 1);
  const thursday = monday + 3;
  const year = Number(dateOfDayNumber(thursday).slice(0, 4));
  const jan1 = dayNumberOf(`${year}-01-01`);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return { year, week, key: `${year}-W${String(week).padStart(2, '0')}`, monday: dateOfDayNumber(monday) };
}
