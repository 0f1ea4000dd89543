import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import { formatMoneyCompact } from '../../design/format.ts';

/** A table behind a chart: what the details table shows and the export writes. */
export type FigureTable = { columns: ExportColumn[]; rows: ExportRow[] };

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });
const weekFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Dec 26" for 2026-12 (or a date in it). */
export function monthLabel(period: string): string {
  const d = new Date(`${period.slice(0, 7)}-01T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? period : monthFormat.format(d);
}

/** "2 Nov" for a week starting 2026-11-02. */
export function weekLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? date : weekFormat.format(d);
}

/** A share 0–1 as a whole percentage; a dash when unknown. */
export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`;
}

/** Money in compact major units for axes and big numbers (minor units in, "€1.2M" out). */
export function money(minor: number | null | undefined, currency: string): string {
  return minor === null || minor === undefined ? '—' : formatMoneyCompact(minor, currency);
}

/** Hours, rounded, with thousands separators. */
export function hours(v: number): string {
  return `${Math.round(v).toLocaleString()} h`;
}

/** The text of a KPI trend: arrow, change and whether it is for the better, in words. */
export function trendText(
  t: { delta: number | null; direction: string; better: boolean | null },
  kind: 'share' | 'count' | 'days',
): { arrow: string; words: string; tone: 'green' | 'red' | 'gray' } {
  if (t.delta === null || t.direction === 'unknown')
    return { arrow: '·', words: 'no comparison', tone: 'gray' };
  if (t.direction === 'flat') return { arrow: '→', words: 'unchanged', tone: 'gray' };
  const size =
    kind === 'share'
      ? `${Math.abs(Math.round(t.delta * 100))} pts`
      : kind === 'days'
        ? `${Math.abs(Math.round(t.delta))} days`
        : `${Math.abs(t.delta)}`;
  return {
    arrow: t.direction === 'up' ? '↑' : '↓',
    words: `${t.direction === 'up' ? 'up' : 'down'} ${size}, ${t.better ? 'better' : 'worse'}`,
    tone: t.better ? 'green' : 'red',
  };
}

/** Risk level of a probability × impact cell, by the score's band (as the risk register bands it). */
export function riskLevel(probability: number, impact: number): 'high' | 'medium' | 'low' {
  const score = probability * impact;
  return score >= 15 ? 'high' : score >= 6 ? 'medium' : 'low';
}

/** The readable name of a date-stamped export. */
export function exportName(what: string, day = new Date().toISOString().slice(0, 10)): string {
  return `${what}-${day}`;
}
