/**
 * Status reports: one per project per calendar month. The project manager writes the narrative and
 * reports a RAG overall and per dimension; Baton computes its own; the PMO reviews. A month's report
 * is due a number of days after the month ends (the PMO policy `statusReportDueDays`).
 */
export const RAGS = ['green', 'amber', 'red'] as const;
export type RagValue = (typeof RAGS)[number];
export const STATUS_DIMENSIONS = ['schedule', 'cost', 'scope', 'risk', 'resources'] as const;
export type StatusDimension = (typeof STATUS_DIMENSIONS)[number];
export const STATUS_REPORT_STATUSES = ['draft', 'submitted', 'returned', 'reviewed'] as const;
export type StatusReportStatus = (typeof STATUS_REPORT_STATUSES)[number];

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a well-formed period, YYYY-MM. */
export function isPeriod(p: string): boolean {
  return PERIOD.test(p);
}

/** The period (YYYY-MM) a date (YYYY-MM-DD) falls in. */
export function periodOf(date: string): string {
  return date.slice(0, 7);
}

/** The first and last day of a period. */
export function periodBounds(period: string): { start: string; end: string } {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`not a period: ${period}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return { start: `${period}-01`, end: `${period}-${String(last).padStart(2, '0')}` };
}

/** The period before (delta −1) or after (+1) another. */
export function shiftPeriod(period: string, delta: number): string {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`not a period: ${period}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** When a period's report is due: its last day plus the policy's days. */
export function dueDateOf(period: string, dueDays: number): string {
  return addDays(periodBounds(period).end, dueDays);
}

/**
 * The newest period whose report should be in by `today`: its due date has passed (on the due day
 * itself the project manager still has time).
 */
export function lastDuePeriod(today: string, dueDays: number): string {
  let p = periodOf(today);
  while (dueDateOf(p, dueDays) >= today) p = shiftPeriod(p, -1);
  return p;
}

/** The moves each status allows. */
export function statusReportMoves(status: StatusReportStatus): StatusReportStatus[] {
  switch (status) {
    case 'draft':
    case 'returned':
      return ['submitted'];
    case 'submitted':
      return ['reviewed', 'returned'];
    case 'reviewed':
      return [];
  }
}

/** Whether the narrative and reported RAG can still change (a draft, or one the PMO returned). */
export function isEditable(status: StatusReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}

export type ReportDraft = {
  summary: string | null;
  reported: Partial<Record<StatusDimension | 'overall', RagValue>>;
};

/** What a report lacks before it can be submitted: each missing field with what to do. */
export function submitProblems(r: ReportDraft): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (!r.summary?.trim()) out.push({ field: 'summary', message: 'write the summary of the period' });
  if (!r.reported.overall) out.push({ field: 'reported.overall', message: 'report the overall RAG' });
  for (const d of STATUS_DIMENSIONS)
    if (!r.reported[d]) out.push({ field: `reported.${d}`, message: `report the RAG for ${d}` });
  return out;
}

const RANK: Record<RagValue, number> = { green: 0, amber: 1, red: 2 };

/**
 * The dimensions (and overall) reported better than Baton computed them — e.g. reported green while
 * the figures say amber or red — with both values.
 */
export function ragMismatches(
  reported: Partial<Record<string, RagValue>>,
  computed: Partial<Record<string, RagValue>>,
): { dimension: string; reported: RagValue; computed: RagValue }[] {
  const out: { dimension: string; reported: RagValue; computed: RagValue }[] = [];
  for (const d of ['overall', ...STATUS_DIMENSIONS]) {
    const r = reported[d];
    const c = computed[d];
    if (r && c && RANK[r] < RANK[c]) out.push({ dimension: d, reported: r, computed: c });
  }
  return out;
}

/** A report is overdue when not yet submitted on or after the day after its due date. */
export function isReportOverdue(
  status: StatusReportStatus | 'missing',
  dueDate: string,
  today: string,
): boolean {
  return (status === 'missing' || status === 'draft' || status === 'returned') && today > dueDate;
}
