import type { SaveTimesheetBody, TimesheetEntry } from '../../api/resources.ts';
import { weekDays } from '../resources/week-dates.ts';

/** One line of the week grid: a project (and optionally a task), with the text typed for each day. */
export type TimesheetRow = {
  key: string;
  projectId: string;
  projectLabel: string;
  taskId: string | null;
  taskName: string | null;
  /** Seven entries, Monday to Sunday: what the person typed ('' for nothing). */
  hours: string[];
};

export function rowKey(projectId: string, taskId: string | null): string {
  return `${projectId}:${taskId ?? ''}`;
}

/** "7.5" → 7.5, "" → 0, "7,5" → 7.5; NaN for anything that is not an hour count in 0–24. */
export function parseHours(text: string): number {
  const cleaned = text.trim().replace(',', '.');
  if (cleaned === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return Number.NaN;
  const n = Number(cleaned);
  return n > 24 ? Number.NaN : n;
}

function hoursText(n: number): string {
  return n === 0 ? '' : String(Math.round(n * 100) / 100);
}

/** The grid's rows from the saved entries of a week, one row per project and task, in first-seen order. */
export function rowsFromEntries(entries: readonly TimesheetEntry[], monday: string): TimesheetRow[] {
  const days = weekDays(monday);
  const rows = new Map<string, TimesheetRow & { sums: number[] }>();
  for (const e of entries) {
    const key = rowKey(e.projectId, e.taskId);
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        projectId: e.projectId,
        projectLabel: `${e.projectCode} ${e.projectName}`,
        taskId: e.taskId,
        taskName: e.taskName,
        hours: [],
        sums: [0, 0, 0, 0, 0, 0, 0],
      };
      rows.set(key, row);
    }
    const day = days.indexOf(e.date);
    if (day >= 0) row.sums[day] = (row.sums[day] ?? 0) + e.hours;
  }
  return [...rows.values()].map(({ sums, ...row }) => ({ ...row, hours: sums.map(hoursText) }));
}

/** Hours of a row (invalid cells count as 0). */
export function rowTotal(row: TimesheetRow): number {
  return row.hours.reduce((sum, h) => sum + (Number.isNaN(parseHours(h)) ? 0 : parseHours(h)), 0);
}

/** Hours per weekday across all rows. */
export function dayTotals(rows: readonly TimesheetRow[]): number[] {
  return Array.from({ length: 7 }, (_, day) =>
    rows.reduce((sum, r) => {
      const h = parseHours(r.hours[day] ?? '');
      return sum + (Number.isNaN(h) ? 0 : h);
    }, 0),
  );
}

/** The cells that are not a valid number of hours, as "row key/day index". */
export function invalidCells(rows: readonly TimesheetRow[]): Set<string> {
  const out = new Set<string>();
  for (const r of rows) {
    r.hours.forEach((h, day) => {
      if (Number.isNaN(parseHours(h))) out.add(`${r.key}/${day}`);
    });
  }
  return out;
}

/** The days whose total goes over 24 hours (0 = Monday). */
export function overfullDays(rows: readonly TimesheetRow[]): number[] {
  return dayTotals(rows).flatMap((t, day) => (t > 24 ? [day] : []));
}

/** The PUT body: one entry per non-empty cell. */
export function toSaveBody(
  rows: readonly TimesheetRow[],
  monday: string,
  version: number,
  resourceId?: string,
): SaveTimesheetBody {
  const days = weekDays(monday);
  const entries: SaveTimesheetBody['entries'] = [];
  for (const r of rows) {
    r.hours.forEach((text, day) => {
      const hours = parseHours(text);
      const date = days[day];
      if (!date || Number.isNaN(hours) || hours === 0) return;
      entries.push({ projectId: r.projectId, taskId: r.taskId, date, hours });
    });
  }
  return { week: monday, version, entries, ...(resourceId ? { resourceId } : {}) };
}
