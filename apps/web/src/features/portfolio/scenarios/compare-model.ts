import type { ScenarioDiff } from '../../../api/portfolio.ts';
import { formatMoneyCompact, formatNumber, getMinorDigits } from '../../../design/format.ts';
import { formatMonth, PROPOSAL_STATUS_LABELS } from '../portfolio-format.ts';

const MINUS = '−';

/** The two scenario ids from `?a=&b=`; null when missing. */
export function readPair(params: URLSearchParams): { a: string | null; b: string | null } {
  return { a: params.get('a') || null, b: params.get('b') || null };
}

/** The search params with one side chosen (or cleared), other params kept. */
export function withPair(
  params: URLSearchParams,
  pair: { a: string | null; b: string | null },
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const side of ['a', 'b'] as const) {
    const id = pair[side];
    if (id) next.set(side, id);
    else next.delete(side);
  }
  return next;
}

/** A signed difference: "+1.5", "−€200K", "No change"; the sign is text, not colour. */
export function formatSigned(delta: number | null, format: (abs: number) => string): string {
  if (delta === null || !Number.isFinite(delta)) return '—';
  if (delta === 0) return 'No change';
  return `${delta > 0 ? '+' : MINUS}${format(Math.abs(delta))}`;
}

export type TotalsRow = {
  key: 'value' | 'costMinor' | 'npvMinor' | 'meanRisk' | 'count';
  label: string;
  a: string;
  b: string;
  delta: string;
  /** Which way B moved from A. */
  direction: 'up' | 'down' | 'same' | null;
};

type Totals = NonNullable<ScenarioDiff['a']['totals']>;

/** The rows of the totals table: metric | A | B | Δ (B − A). */
export function totalsRows(diff: Pick<ScenarioDiff, 'a' | 'b' | 'deltas'>, currency: string): TotalsRow[] {
  const money = (n: number) => formatMoneyCompact(n, currency);
  const metrics: { key: TotalsRow['key']; label: string; format: (n: number) => string }[] = [
    { key: 'value', label: 'Value score', format: (n) => n.toFixed(1) },
    { key: 'costMinor', label: 'Cost', format: money },
    { key: 'npvMinor', label: 'NPV', format: money },
    { key: 'meanRisk', label: 'Mean risk (1–5)', format: (n) => n.toFixed(2) },
    { key: 'count', label: 'Projects selected', format: (n) => formatNumber(n) },
  ];
  const cell = (t: Totals | null, key: TotalsRow['key'], format: (n: number) => string) => {
    const v = t ? t[key] : null;
    return v === null ? '—' : format(v);
  };
  return metrics.map(({ key, label, format }) => {
    const d = diff.deltas[key];
    return {
      key,
      label,
      a: cell(diff.a.totals, key, format),
      b: cell(diff.b.totals, key, format),
      delta: formatSigned(d, format),
      direction: d === null ? null : d > 0 ? 'up' : d < 0 ? 'down' : 'same',
    };
  });
}

/** How far a project's start moved from A to B: "+2 months", "−1 month", "same start". */
export function formatShift(months: number): string {
  if (months === 0) return 'same start';
  const abs = Math.abs(months);
  return `${months > 0 ? '+' : MINUS}${abs} month${abs === 1 ? '' : 's'}`;
}

/** Hours used, rounded for a dense grid. */
export function formatUsedHours(hours: number): string {
  return formatNumber(Math.round(hours));
}

export type CapacityCell = { month: string; a: number; b: number; delta: number; differs: boolean };

/** One capacity row as cells per month; a difference under half an hour counts as none. */
export function capacityCells(row: ScenarioDiff['capacity'][number]): CapacityCell[] {
  return row.months.map((month, k) => {
    const a = row.usedA[k] ?? 0;
    const b = row.usedB[k] ?? 0;
    const delta = b - a;
    return { month, a, b, delta, differs: Math.abs(delta) >= 0.5 };
  });
}

const FIELD_LABELS: Record<string, string> = {
  startMonth: 'Start month',
  periods: 'Months in the horizon',
  objective: 'Objective',
  budget: 'Budget per month',
  budgetByCategory: 'Budget by category',
  capacityFrom: 'Capacity from',
  capacity: 'Capacity (hours per month)',
  capacityFactor: 'Capacity factor',
  statuses: 'Candidate statuses',
  overrides: 'Overrides',
};

export function inputLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

const OBJECTIVES: Record<string, string> = { score: 'Weighted score', npv: 'NPV' };
const CAPACITY_FROM: Record<string, string> = { pool: 'Resource pool', manual: 'Manual' };

function isNumberList(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

/** A list of monthly figures: "160 every month" or "160; 150; 170". */
function monthly(values: readonly number[], format: (n: number) => string): string {
  if (values.length === 0) return 'None';
  const first = values[0] as number;
  if (values.every((v) => v === first)) return `${format(first)} every month`;
  return values.map(format).join('; ');
}

/**
 * A scenario input as a person reads it. The server sends each differing input as JSON; budgets are
 * major units, capacity hours. Anything unexpected is shown as sent.
 */
export function formatInputValue(field: string, json: string, currency: string): string {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return json;
  }
  const major = (n: number) => formatMoneyCompact(Math.round(n * 10 ** getMinorDigits(currency)), currency);
  if (v === null) return 'None';
  switch (field) {
    case 'startMonth':
      return typeof v === 'string' ? formatMonth(v) : json;
    case 'objective':
      return typeof v === 'string' ? (OBJECTIVES[v] ?? v) : json;
    case 'capacityFrom':
      return typeof v === 'string' ? (CAPACITY_FROM[v] ?? v) : json;
    case 'capacityFactor':
      return typeof v === 'number' ? `× ${v}` : json;
    case 'budget':
      return isNumberList(v) ? monthly(v, major) : json;
    case 'budgetByCategory':
    case 'capacity': {
      if (typeof v !== 'object' || Array.isArray(v)) return json;
      const format = field === 'budgetByCategory' ? major : (n: number) => `${n} h`;
      const parts = Object.entries(v as Record<string, unknown>)
        .filter((e): e is [string, number[]] => isNumberList(e[1]))
        .map(
          ([k, list]) => `${field === 'budgetByCategory' ? k.toUpperCase() : k}: ${monthly(list, format)}`,
        );
      return parts.length ? parts.join(' · ') : 'None';
    }
    case 'statuses':
      return Array.isArray(v)
        ? v
            .map((s) => PROPOSAL_STATUS_LABELS[s as keyof typeof PROPOSAL_STATUS_LABELS] ?? String(s))
            .join(', ')
        : json;
    case 'overrides':
      return Array.isArray(v) ? `${v.length} override${v.length === 1 ? '' : 's'}` : json;
    default:
      return typeof v === 'string' || typeof v === 'number' ? String(v) : json;
  }
}
