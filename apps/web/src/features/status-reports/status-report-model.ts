import { RAGS, STATUS_DIMENSIONS } from '@baton/core';
import { isApiProblem } from '../../api/client.ts';
import type {
  ComputedHealth,
  FiredRule,
  OverviewRow,
  OverviewStatus,
  Rag,
  RagMismatch,
  ReportedRag,
  StatusReport,
  StatusReportComment,
  UpdateStatusReportBody,
} from '../../api/status-reports.ts';
import type { BadgeTone } from '../../design/Badge.tsx';
import { formatDate, formatMoney, formatNumber } from '../../design/format.ts';

// ---- RAG ----

export const RAG_LIST: readonly Rag[] = RAGS;
export const RAG_LABELS: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
export const RAG_TONES: Record<Rag, BadgeTone> = { green: 'green', amber: 'amber', red: 'red' };

/** What a report rates: overall, then each dimension. */
export type RagField = keyof ReportedRag;
export const RAG_FIELDS: readonly RagField[] = ['overall', ...STATUS_DIMENSIONS];

const DIMENSION_LABELS: Record<string, string> = {
  overall: 'Overall',
  schedule: 'Schedule',
  cost: 'Cost',
  scope: 'Scope',
  risk: 'Risk',
  resources: 'Resources',
};
/** "schedule" → "Schedule"; a dimension the UI does not know yet is made readable. */
export function dimensionLabel(dimension: string): string {
  return DIMENSION_LABELS[dimension] ?? humanise(dimension);
}

// ---- statuses ----

export const REPORT_STATUS_LABELS: Record<OverviewStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  returned: 'Returned',
  reviewed: 'Reviewed',
  missing: 'Missing',
};
export const REPORT_STATUS_TONES: Record<OverviewStatus, BadgeTone> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'amber',
  reviewed: 'green',
  // Missing is not yet late: the overdue flag says when it is.
  missing: 'gray',
};

export type ReportAction = 'edit' | 'submit' | 'review';

/**
 * What the signed-in user may do with a report: the project team edits and submits a draft or a
 * returned report; the PMO accepts or returns a submitted one. `moves` (from the server) says
 * which statuses the report may move to next.
 */
export function reportActions(
  report: Pick<StatusReport, 'status' | 'moves'>,
  may: { edit: boolean; review: boolean },
): ReportAction[] {
  const out: ReportAction[] = [];
  const editable = report.status === 'draft' || report.status === 'returned';
  if (may.edit && editable) out.push('edit');
  if (may.edit && editable && report.moves.includes('submitted')) out.push('submit');
  if (
    may.review &&
    report.status === 'submitted' &&
    (report.moves.includes('reviewed') || report.moves.includes('returned'))
  )
    out.push('review');
  return out;
}

// ---- periods ----

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const periodFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function isPeriod(text: string | null | undefined): text is string {
  return typeof text === 'string' && PERIOD.test(text);
}

/** The month `now` falls in, as YYYY-MM (the default period of a new report). */
export function currentPeriod(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The period `delta` months after (or before) another. */
export function shiftPeriod(period: string, delta: number): string {
  const m = PERIOD.exec(period);
  if (!m) return period;
  const total = Number(m[1]) * 12 + Number(m[2]) - 1 + delta;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** "2026-03" as "March 2026". */
export function formatPeriod(period: string): string {
  if (!isPeriod(period)) return period;
  return periodFormat.format(new Date(`${period}-01T00:00:00Z`));
}

/** Reports newest period first. */
export function sortReports<T extends Pick<StatusReport, 'period'>>(reports: readonly T[]): T[] {
  return [...reports].sort((a, b) => b.period.localeCompare(a.period));
}

/** "Due 5 Apr 2026", or "Overdue since 5 Apr 2026" while it is late. */
export function dueText(r: Pick<StatusReport, 'dueDate' | 'overdue'>): string {
  return `${r.overdue ? 'Overdue since' : 'Due'} ${formatDate(r.dueDate)}`;
}

// ---- figures ----

export type FigureEntry = { key: string; label: string; text: string };

const FIGURE_LABELS: Record<string, string> = {
  spi: 'SPI (schedule performance)',
  cpi: 'CPI (cost performance)',
  ev: 'Earned value (EV)',
  pv: 'Planned value (PV)',
  ac: 'Actual cost (AC)',
  bac: 'Budget at completion (BAC)',
  eac: 'Estimate at completion (EAC)',
  etc: 'Estimate to complete (ETC)',
  vac: 'Variance at completion (VAC)',
  cv: 'Cost variance (CV)',
  sv: 'Schedule variance (SV)',
  tcpi: 'TCPI (to-complete performance)',
  eacmethod: 'EAC method',
  statusdate: 'Status date',
  milestoneslipdays: 'Worst milestone slip (days)',
  openhighrisks: 'Open high risks',
  overdueissues: 'Overdue issues',
  burnaheadpoints: 'Budget burn ahead of progress (points)',
  dayssincestatusreport: 'Days since the last status report',
  changespending: 'Change requests pending',
  overallocatedpeople: 'People over-allocated',
};

/**
 * The order figures are listed in, whatever order they are stored in: earned value first, then the
 * facts the health rules read; figures not named here follow in alphabetical order.
 */
const FIGURE_ORDER: readonly string[] = [
  'spi',
  'cpi',
  'bac',
  'pv',
  'ev',
  'ac',
  'sv',
  'cv',
  'eac',
  'etc',
  'vac',
  'tcpi',
  'eacmethod',
  'statusdate',
  'milestoneslipdays',
  'openhighrisks',
  'overdueissues',
  'burnaheadpoints',
  'dayssincestatusreport',
  'changespending',
  'overallocatedpeople',
];
const rankOf = (key: string) => {
  const base = key.endsWith('Minor') ? key.slice(0, -'Minor'.length) : key;
  const n = FIGURE_ORDER.indexOf(base.toLowerCase());
  return n === -1 ? FIGURE_ORDER.length : n;
};

/** The earned-value amounts, held in minor units like every `…Minor` figure. */
const MONEY_FIGURES: ReadonlySet<string> = new Set([
  'bac',
  'pv',
  'ev',
  'ac',
  'sv',
  'cv',
  'eac',
  'etc',
  'vac',
]);

/** Whether a figure is an amount of money in minor units (cents). */
export function isMoneyFigure(key: string): boolean {
  return key.endsWith('Minor') || MONEY_FIGURES.has(key.toLowerCase());
}

/** "milestonesDue" → "Milestones due"; "evMinor" → "Earned value (EV)". */
export function figureLabel(key: string): string {
  const base = key.endsWith('Minor') ? key.slice(0, -'Minor'.length) : key;
  return FIGURE_LABELS[base.toLowerCase()] ?? humanise(base);
}

const decimalFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** One figure as text: money (`…Minor`, EV, AC…) in the currency, numbers to two decimals at most. */
export function formatFigure(key: string, value: unknown, currency: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '—';
    if (isMoneyFigure(key)) return formatMoney(value, currency);
    return Number.isInteger(value) ? formatNumber(value) : decimalFormat.format(value);
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ') || '—';
    return formatNumber(value.length);
  }
  return JSON.stringify(value);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The figures Baton pre-filled, whatever their keys, as label and text; an object one level deep
 * is spread into its parts ("Milestones: due"). A `currency` key gives the currency of the money
 * figures and is not listed itself.
 */
export function figureEntries(
  figures: Record<string, unknown> | null,
  fallbackCurrency: string,
): FigureEntry[] {
  if (!figures) return [];
  const currency = typeof figures.currency === 'string' ? figures.currency : fallbackCurrency;
  const out: FigureEntry[] = [];
  const keys = Object.keys(figures).sort((a, b) => rankOf(a) - rankOf(b) || a.localeCompare(b));
  for (const key of keys) {
    const value = figures[key];
    if (key === 'currency') continue;
    if (isPlainObject(value)) {
      for (const [sub, v] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
        out.push({
          key: `${key}.${sub}`,
          label: `${figureLabel(key)}: ${figureLabel(sub).toLowerCase()}`,
          text: formatFigure(sub, v, currency),
        });
    } else {
      out.push({ key, label: figureLabel(key), text: formatFigure(key, value, currency) });
    }
  }
  return out;
}

// ---- computed health ----

export type DimensionView = { dimension: string; label: string; rag: Rag; fired: FiredRule[] };

/** The computed dimensions in the usual order (those the UI does not know after, as they come). */
export function computedDimensions(computed: ComputedHealth | null): DimensionView[] {
  if (!computed) return [];
  const known: readonly string[] = STATUS_DIMENSIONS;
  const keys = [
    ...STATUS_DIMENSIONS.filter((d) => d in computed.dimensions),
    ...Object.keys(computed.dimensions).filter((d) => !known.includes(d)),
  ];
  return keys.map((d) => {
    const h = computed.dimensions[d] as ComputedHealth['dimensions'][string];
    return { dimension: d, label: dimensionLabel(d), rag: h.rag, fired: h.fired };
  });
}

/**
 * How a fired rule reads: its explanation, which usually names the rule already ("SPI 0.72 is
 * below…"); the title leads only when it does not.
 */
export function ruleText(rule: Pick<FiredRule, 'title' | 'explanation'>): {
  title: string | null;
  text: string;
} {
  const named = rule.explanation.toLowerCase().includes(rule.title.toLowerCase());
  return { title: named ? null : rule.title, text: rule.explanation };
}

/** Baton's RAG for one of the fields a report rates (overall or a dimension). */
export function computedRagOf(computed: ComputedHealth | null, field: string): Rag | null {
  if (!computed) return null;
  if (field === 'overall') return computed.overall;
  return computed.dimensions[field]?.rag ?? null;
}

/** "Reported green — the figures say red". */
export function mismatchSentence(m: Pick<RagMismatch, 'reported' | 'computed'>): string {
  return `Reported ${m.reported} — the figures say ${m.computed}`;
}

export type MismatchView = { dimension: string; label: string; sentence: string; explanations: string[] };

/**
 * Each place the report is better than the figures, with why Baton says otherwise: the rules that
 * fired in that dimension (for overall, those of the dimensions as bad as the overall).
 */
export function mismatchViews(report: Pick<StatusReport, 'mismatches' | 'computed'>): MismatchView[] {
  return report.mismatches.map((m) => {
    const dims = computedDimensions(report.computed);
    const rules =
      m.dimension === 'overall'
        ? dims.filter((d) => d.rag === m.computed).flatMap((d) => d.fired)
        : (dims.find((d) => d.dimension === m.dimension)?.fired ?? []);
    return {
      dimension: m.dimension,
      label: dimensionLabel(m.dimension),
      sentence: mismatchSentence(m),
      explanations: [...new Set(rules.filter((r) => r.rag !== 'green').map((r) => r.explanation))],
    };
  });
}

/** The banner shows once the report is submitted: while a draft, the form sets both side by side. */
export function showsMismatchBanner(report: Pick<StatusReport, 'status' | 'mismatches'>): boolean {
  return report.status !== 'draft' && report.mismatches.length > 0;
}

// ---- the report form ----

export type ReportDraft = {
  summary: string;
  accomplishments: string;
  nextSteps: string;
  decisionsNeeded: string;
  reported: ReportedRag;
};
export type NarrativeField = 'summary' | 'accomplishments' | 'nextSteps' | 'decisionsNeeded';
export const NARRATIVE_FIELDS: readonly { field: NarrativeField; label: string; hint: string }[] = [
  { field: 'summary', label: 'Summary', hint: 'Where the project stands this month, in a few sentences.' },
  { field: 'accomplishments', label: 'Accomplishments', hint: 'What was done this period.' },
  { field: 'nextSteps', label: 'Next steps', hint: 'What comes next period.' },
  { field: 'decisionsNeeded', label: 'Decisions needed', hint: 'What the sponsor or the PMO must decide.' },
];

export function draftOf(r: Pick<StatusReport, NarrativeField | 'reported'>): ReportDraft {
  const reported: ReportedRag = {};
  for (const f of RAG_FIELDS) {
    const v = r.reported[f];
    if (v) reported[f] = v;
  }
  return {
    summary: r.summary ?? '',
    accomplishments: r.accomplishments ?? '',
    nextSteps: r.nextSteps ?? '',
    decisionsNeeded: r.decisionsNeeded ?? '',
    reported,
  };
}

export function isDraftChanged(a: ReportDraft, b: ReportDraft): boolean {
  return (
    a.summary !== b.summary ||
    a.accomplishments !== b.accomplishments ||
    a.nextSteps !== b.nextSteps ||
    a.decisionsNeeded !== b.decisionsNeeded ||
    RAG_FIELDS.some((f) => a.reported[f] !== b.reported[f])
  );
}

const textOrNull = (s: string) => (s.trim() ? s : null);

export function toUpdateBody(version: number, d: ReportDraft): UpdateStatusReportBody {
  return {
    version,
    summary: textOrNull(d.summary),
    accomplishments: textOrNull(d.accomplishments),
    nextSteps: textOrNull(d.nextSteps),
    decisionsNeeded: textOrNull(d.decisionsNeeded),
    reported: d.reported,
  };
}

/** The fields the report form shows a message beside. */
export const FORM_FIELDS: readonly string[] = [
  ...NARRATIVE_FIELDS.map((f) => f.field),
  ...RAG_FIELDS.map((f) => `reported.${f}`),
];

/** "/reported/overall", "body.reported.overall" and "reported.overall" all name the same field. */
export function normaliseField(field: string): string {
  return field
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/^body\./, '');
}

/** The server's per-field messages of a refusal, keyed by form field, each a sentence. */
export function fieldMessages(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiProblem(error)) return out;
  for (const e of error.errors) {
    const key = normaliseField(e.field);
    if (!(key in out)) out[key] = sentence(e.message);
  }
  return out;
}

/** "write the summary of the period" → "Write the summary of the period." */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const head = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(head) ? head : `${head}.`;
}

// ---- comments ----

/** The comment the PMO returned the report with most recently, if it is returned. */
export function latestReturn(
  report: Pick<StatusReport, 'status'>,
  comments: readonly StatusReportComment[],
): StatusReportComment | null {
  if (report.status !== 'returned') return null;
  return [...comments].reverse().find((c) => c.decision === 'returned') ?? null;
}

// ---- the PMO's overview ----

export type OverviewShow = 'all' | 'missing' | 'overdue' | 'mismatch';
export const OVERVIEW_SHOWS: readonly { value: OverviewShow; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'missing', label: 'Missing' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'mismatch', label: 'Mismatch' },
];

export function readShow(value: string | null): OverviewShow {
  return value === 'missing' || value === 'overdue' || value === 'mismatch' ? value : 'all';
}

export function filterRows(rows: readonly OverviewRow[], show: OverviewShow): OverviewRow[] {
  if (show === 'missing') return rows.filter((r) => r.status === 'missing');
  if (show === 'overdue') return rows.filter((r) => r.overdue);
  if (show === 'mismatch') return rows.filter((r) => r.mismatch);
  return [...rows];
}

export function showCounts(rows: readonly OverviewRow[]): Record<OverviewShow, number> {
  return {
    all: rows.length,
    missing: filterRows(rows, 'missing').length,
    overdue: filterRows(rows, 'overdue').length,
    mismatch: filterRows(rows, 'mismatch').length,
  };
}

const STATUS_ORDER: Record<OverviewStatus, number> = {
  missing: 0,
  draft: 1,
  returned: 2,
  submitted: 3,
  reviewed: 4,
};

/** What needs the PMO first: overdue, then reported better than the figures, then by status and code. */
export function sortRows(rows: readonly OverviewRow[]): OverviewRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Number(b.mismatch) - Number(a.mismatch) ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      a.code.localeCompare(b.code, 'en', { numeric: true }),
  );
}

/** Where a row leads: its report, or (none yet) the project's Status tab for that period. */
export function rowLink(row: Pick<OverviewRow, 'reportId' | 'projectId'>, period: string): string {
  return row.reportId
    ? `/status-reports/${row.reportId}`
    : `/projects/${row.projectId}?tab=status&period=${period}`;
}

// ---- shared ----

function humanise(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
