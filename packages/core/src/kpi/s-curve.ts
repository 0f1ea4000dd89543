import { plannedShare } from '../metrics/evm.ts';
import { periodBounds, shiftPeriod } from '../status/status-reports.ts';

/** A task as the S-curve reads it: its Baseline 0 window and cost, and its progress and actuals now. */
export type SCurveTask = {
  summary: boolean;
  baselineStart: string | null;
  baselineFinish: string | null;
  baselineCostMinor: number;
  percentComplete: number;
  actualCostMinor: number;
  /** When work actually began (YYYY-MM-DD); the baseline start stands in when unknown. */
  actualStart: string | null;
  /** When work actually finished, if it has. */
  actualFinish: string | null;
};

export type SCurveGranularity = 'week' | 'month';

export type SCurvePoint = {
  /** First and last day of the period. */
  start: string;
  end: string;
  /** Cumulative planned value at the end of the period (the whole baseline plan). */
  pv: number;
  /** Cumulative earned value and actual cost at the period end, or at the status date in its period; null after it. */
  ev: number | null;
  ac: number | null;
};

export type SCurve = {
  statusDate: string;
  granularity: SCurveGranularity;
  /** Index of the period holding the status date (−1 when it lies outside the range). */
  statusIndex: number;
  points: SCurvePoint[];
};

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** The Monday on or before a date. */
export function weekStartOf(date: string): string {
  const t = ms(date);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return iso(t - dow * DAY);
}

/** Consecutive periods (ISO weeks from Monday, or calendar months) covering `from`..`to`. */
export function periodsBetween(
  from: string,
  to: string,
  granularity: SCurveGranularity,
): { start: string; end: string }[] {
  const out: { start: string; end: string }[] = [];
  if (to < from) return out;
  if (granularity === 'week') {
    for (let t = ms(weekStartOf(from)); t <= ms(to); t += 7 * DAY)
      out.push({ start: iso(t), end: iso(t + 6 * DAY) });
    return out;
  }
  for (let p = from.slice(0, 7); p <= to.slice(0, 7); p = shiftPeriod(p, 1)) out.push(periodBounds(p));
  return out;
}

/**
 * Cumulative PV, EV and AC per period. PV follows Baseline 0 (each task's baseline cost spread over
 * its baseline working days). Baton keeps progress and actual cost as totals to date, not as a
 * history, so EV and AC before the status date are accrued evenly over each task's working days from
 * its actual start (the baseline start when unknown) to its actual finish or the status date: the
 * curve ends exactly at today's EV and AC, and never runs ahead of the status date.
 */
export function sCurve(
  tasks: readonly SCurveTask[],
  statusDate: string,
  granularity: SCurveGranularity,
): SCurve {
  const work = tasks.filter((t) => !t.summary);
  let from: string | null = null;
  let to: string = statusDate;
  for (const t of work) {
    for (const d of [t.baselineStart, t.actualStart]) if (d) from = from ? minDate(from, d) : d;
    if (t.baselineFinish) to = maxDate(to, t.baselineFinish);
  }
  if (!from) return { statusDate, granularity, statusIndex: -1, points: [] };
  from = minDate(from, statusDate);
  const periods = periodsBetween(from, to, granularity);
  const points = periods.map(({ start, end }) => {
    let pv = 0;
    for (const t of work)
      if (t.baselineStart && t.baselineFinish)
        pv += t.baselineCostMinor * plannedShare(t.baselineStart, t.baselineFinish, end);
    if (start > statusDate) return { start, end, pv: Math.round(pv), ev: null, ac: null };
    const at = minDate(end, statusDate);
    let ev = 0;
    let ac = 0;
    for (const t of work) {
      const share = accrued(t, at, statusDate);
      if (t.baselineStart && t.baselineFinish)
        ev += share * ((t.baselineCostMinor * Math.max(0, Math.min(100, t.percentComplete))) / 100);
      ac += share * t.actualCostMinor;
    }
    return { start, end, pv: Math.round(pv), ev: Math.round(ev), ac: Math.round(ac) };
  });
  const statusIndex = points.findIndex((p) => p.start <= statusDate && statusDate <= p.end);
  return { statusDate, granularity, statusIndex, points };
}

/** The share of a task's progress and spend to date that had accrued by `at` (≤ the status date). */
function accrued(t: SCurveTask, at: string, statusDate: string): number {
  const begin = t.actualStart ?? t.baselineStart;
  if (!begin) return at >= statusDate ? 1 : 0;
  const end = t.actualFinish && t.actualFinish < statusDate ? t.actualFinish : statusDate;
  if (end < begin) return at >= end ? 1 : 0;
  return plannedShare(begin, end, at);
}
