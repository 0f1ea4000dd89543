import type { PortfolioPack, PortfolioPackRow, StatusReportDetail } from '@baton/contracts';
import type { RagValue } from '@baton/core';
import type { Database } from '@baton/db';
import {
  type ExportColumn,
  type ExportRow,
  getCurrencyMinorDigits,
  type PortfolioPackPdfRow,
  writePortfolioPackPdf,
  writeStatusReportPdf,
  writeTableCsv,
  writeTablesXlsx,
} from '@baton/interop';
import type { z } from 'zod';
import { invalid } from '../../http/problem.ts';
import { type AccessService, type Actor, SYSTEM_ACTOR } from '../access/access.service.ts';
import type { MetricsService } from '../metrics/metrics.service.ts';
import { today } from '../resources/resources.service.ts';
import type { StatusReportsService } from '../status-reports/status-reports.service.ts';
import type { ReportsRepository } from './reports.repository.ts';

export type PackFileFormat = 'csv' | 'xlsx' | 'pdf';
export type PackFilters = {
  orgUnitId?: string | null | undefined;
  portfolioId?: string | undefined;
  programId?: string | undefined;
  status?: string | undefined;
  statusDate?: string | undefined;
};
export type ReportFile = { fileName: string; contentType: string; bytes: Uint8Array };

export const CONTENT_TYPES: Record<PackFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const DAY = 86_400_000;
const day = (s: string | null) => (s ? s.slice(0, 10) : null);
/** Minor units to major units of a currency (cents to euros; yen stay yen). */
export const major = (minor: number | null, currency: string) =>
  minor === null ? null : minor / 10 ** getCurrencyMinorDigits(currency);
const round = (x: number | null, digits: number) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** The file columns: money in major units of each row's currency (the Currency column says which). */
const PACK_COLUMNS: ExportColumn[] = [
  { key: 'code', label: 'Code' },
  { key: 'name', label: 'Project' },
  { key: 'status', label: 'Status' },
  { key: 'orgUnit', label: 'Org unit' },
  { key: 'portfolio', label: 'Portfolio' },
  { key: 'program', label: 'Program' },
  { key: 'manager', label: 'Manager' },
  { key: 'currency', label: 'Currency' },
  { key: 'health', label: 'Health' },
  { key: 'schedule', label: 'Schedule' },
  { key: 'cost', label: 'Cost' },
  { key: 'scope', label: 'Scope' },
  { key: 'risk', label: 'Risk' },
  { key: 'resources', label: 'Resources' },
  { key: 'spi', label: 'SPI', kind: 'number' },
  { key: 'cpi', label: 'CPI', kind: 'number' },
  { key: 'bac', label: 'BAC', kind: 'money' },
  { key: 'ev', label: 'EV', kind: 'money' },
  { key: 'ac', label: 'Actual', kind: 'money' },
  { key: 'eac', label: 'EAC', kind: 'money' },
  { key: 'eacMethod', label: 'EAC method' },
  { key: 'budget', label: 'Budget', kind: 'money' },
  { key: 'percentComplete', label: '% complete', kind: 'percent' },
  { key: 'forecastFinish', label: 'Forecast finish', kind: 'date' },
  { key: 'baselineFinish', label: 'Baseline finish', kind: 'date' },
  { key: 'finishVarianceDays', label: 'Finish variance (days)', kind: 'integer' },
  { key: 'reportedRag', label: 'Reported RAG' },
  { key: 'reportedPeriod', label: 'Reported period' },
];

function fileRow(r: PortfolioPackRow, percentAsFraction: boolean): ExportRow {
  const m = (v: number | null) => major(v, r.currency);
  return {
    code: r.code,
    name: r.name,
    status: r.status,
    orgUnit: r.orgUnitName,
    portfolio: r.portfolioName,
    program: r.programName,
    manager: r.managerName,
    currency: r.currency,
    health: r.health,
    ...r.dimensions,
    spi: round(r.spi, 3),
    cpi: round(r.cpi, 3),
    bac: m(r.bac),
    ev: m(r.ev),
    ac: m(r.ac),
    eac: m(r.eac),
    eacMethod: r.eacMethod,
    budget: m(r.budget),
    // A spreadsheet's percent format reads fractions; the CSV says 42.5 for 42.5 %.
    percentComplete:
      r.percentComplete === null ? null : percentAsFraction ? r.percentComplete / 100 : r.percentComplete,
    forecastFinish: r.forecastFinish,
    baselineFinish: r.baselineFinish,
    finishVarianceDays: r.finishVarianceDays,
    reportedRag: r.reportedRag,
    reportedPeriod: r.reportedPeriod,
  };
}

const DIMENSION_LABEL: Record<string, string> = {
  overall: 'Overall',
  schedule: 'Schedule',
  cost: 'Cost',
  scope: 'Scope',
  risk: 'Risk',
  resources: 'Resources',
};

/**
 * The portfolio pack — one row per project with its computed health, earned value, budget, actual
 * and forecast — as data and as CSV, XLSX and PDF files; and a status report as a PDF. Figures are
 * computed live at the status date (not read from the nightly metrics), so a pack is always current.
 */
export class ReportsService {
  constructor(
    private readonly db: Database,
    private readonly repo: ReportsRepository,
    private readonly access: AccessService,
    private readonly metrics: MetricsService,
    private readonly statusReports: StatusReportsService,
  ) {}

  async portfolioPack(actor: Actor, q: PackFilters): Promise<PortfolioPack> {
    const statusDate = q.statusDate ?? today();
    const v = await this.access.visibility(actor, 'project.read');
    const scope: string[] = [];
    let orgUnitIds: string[] | undefined;
    if (q.orgUnitId) {
      const unit = await this.repo.orgUnit(this.db, q.orgUnitId);
      if (!unit) throw invalid('orgUnitId', 'exists', 'no such org unit');
      orgUnitIds = await this.access.subtree(unit.id);
      scope.push(`${unit.name} and its sub-units`);
    }
    if (q.portfolioId) {
      const name = await this.repo.portfolioName(this.db, q.portfolioId);
      if (name === null) throw invalid('portfolioId', 'exists', 'no such portfolio');
      scope.push(`portfolio ${name}`);
    }
    if (q.programId) {
      const name = await this.repo.programName(this.db, q.programId);
      if (name === null) throw invalid('programId', 'exists', 'no such program');
      scope.push(`program ${name}`);
    }
    const statuses = q.status ? q.status.split(',') : undefined;
    if (statuses) scope.push(statuses.join(' or ').replaceAll('_', ' '));
    const projects = await this.repo.projects(this.db, v, {
      orgUnitIds,
      portfolioId: q.portfolioId,
      programId: q.programId,
      statuses,
    });
    const ids = projects.map((p) => p.id);
    const [finishes, reported] = await Promise.all([
      this.repo.finishes(this.db, ids),
      this.repo.latestReported(this.db, ids),
    ]);
    const rows: PortfolioPackRow[] = [];
    // A few at a time: each reads tasks, baseline, risks and issues; PGlite serialises them anyway.
    for (let i = 0; i < projects.length; i += 8) {
      const batch = projects.slice(i, i + 8);
      const computed = await Promise.all(batch.map((p) => this.metrics.health(p.id, statusDate)));
      batch.forEach((p, j) => {
        const { health, facts, evm } = computed[j] as Awaited<ReturnType<MetricsService['health']>>;
        const f = finishes.get(p.id);
        const forecastFinish = day(f?.finish ?? null);
        const baselineFinish = day(f?.baselineFinish ?? null);
        const rep = reported.get(p.id);
        rows.push({
          projectId: p.id,
          code: p.code,
          name: p.name,
          status: p.status,
          orgUnitName: p.orgUnitName,
          portfolioName: p.portfolioName,
          programName: p.programName,
          managerName: p.managerName,
          currency: p.currency,
          health: health.overall,
          dimensions: Object.fromEntries(Object.entries(health.dimensions).map(([k, d]) => [k, d.rag])),
          // As the health rules read them: no SPI without a baseline, no CPI before any actual cost.
          spi: facts.spi,
          cpi: facts.cpi,
          bac: evm.bac,
          ev: evm.ev,
          ac: evm.ac,
          eac: evm.eac,
          eacMethod: evm.eacMethod,
          budget: p.budgetMinor,
          percentComplete: evm.bac > 0 ? Math.round((1000 * evm.ev) / evm.bac) / 10 : null,
          forecastFinish,
          baselineFinish,
          finishVarianceDays:
            forecastFinish && baselineFinish
              ? Math.round((Date.parse(forecastFinish) - Date.parse(baselineFinish)) / DAY)
              : null,
          reportedRag: (rep?.reported.overall as RagValue | undefined) ?? null,
          reportedPeriod: rep?.period ?? null,
        });
      });
    }
    const counts = { green: 0, amber: 0, red: 0 };
    const totals = new Map<
      string,
      { currency: string; budget: number; ac: number; eac: number; bac: number }
    >();
    for (const r of rows) {
      counts[r.health]++;
      const t = totals.get(r.currency) ?? { currency: r.currency, budget: 0, ac: 0, eac: 0, bac: 0 };
      t.budget += r.budget ?? 0;
      t.ac += r.ac;
      t.eac += r.eac;
      t.bac += r.bac;
      totals.set(r.currency, t);
    }
    const everything = v.all ? 'Whole organisation' : 'The projects you may see';
    return {
      statusDate,
      generatedAt: new Date().toISOString(),
      scope: scope.length ? `${everything}: ${scope.join(', ')}` : everything,
      rows,
      counts,
      totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    };
  }

  /** The pack as a file, for a user (the route) or for the system (scheduled reports, the CLI). */
  async portfolioPackFile(
    opts: { format: PackFileFormat } & PackFilters,
    actor: Actor = SYSTEM_ACTOR,
  ): Promise<ReportFile & { projects: number }> {
    const pack = await this.portfolioPack(actor, opts);
    const fileName = `portfolio-pack-${pack.statusDate}.${opts.format}`;
    const contentType = CONTENT_TYPES[opts.format];
    const bytes =
      opts.format === 'csv'
        ? new TextEncoder().encode(
            writeTableCsv(
              PACK_COLUMNS,
              pack.rows.map((r) => fileRow(r, false)),
            ),
          )
        : opts.format === 'xlsx'
          ? await packXlsx(pack)
          : await packPdf(pack);
    return { fileName, contentType, bytes, projects: pack.rows.length };
  }

  /** An org unit by its id or code (the CLI takes either). */
  findOrgUnit(idOrCode: string): Promise<{ id: string; code: string; name: string } | null> {
    return this.repo.orgUnit(this.db, idOrCode);
  }

  /** One status report as a PDF, with the figures it was submitted with (live while a draft). */
  async statusReportPdf(id: string): Promise<ReportFile> {
    const r = await this.statusReports.get(id);
    const bytes = await writeStatusReportPdf(statusReportPdfInput(r, new Date().toISOString()));
    return {
      fileName: `status-report-${r.projectCode}-${r.period}.pdf`,
      contentType: CONTENT_TYPES.pdf,
      bytes,
    };
  }
}

async function packXlsx(pack: PortfolioPack): Promise<Uint8Array> {
  const summary: ExportRow[] = [
    { measure: 'Scope', detail: pack.scope },
    { measure: 'Status date', detail: pack.statusDate },
    { measure: 'Generated', detail: pack.generatedAt },
    { measure: 'Projects', value: pack.rows.length },
    { measure: 'Health green', value: pack.counts.green },
    { measure: 'Health amber', value: pack.counts.amber },
    { measure: 'Health red', value: pack.counts.red },
  ];
  for (const t of pack.totals) {
    summary.push({ measure: 'Total budget', currency: t.currency, value: major(t.budget, t.currency) });
    summary.push({ measure: 'Total actual', currency: t.currency, value: major(t.ac, t.currency) });
    summary.push({ measure: 'Total EAC', currency: t.currency, value: major(t.eac, t.currency) });
    summary.push({ measure: 'Total BAC', currency: t.currency, value: major(t.bac, t.currency) });
  }
  return writeTablesXlsx(
    [
      {
        name: 'Summary',
        columns: [
          { key: 'measure', label: 'Measure' },
          { key: 'currency', label: 'Currency' },
          { key: 'value', label: 'Value', kind: 'number' },
          { key: 'detail', label: 'Detail' },
        ],
        rows: summary,
      },
      { name: 'Projects', columns: PACK_COLUMNS, rows: pack.rows.map((r) => fileRow(r, true)) },
    ],
    { title: `Portfolio pack ${pack.statusDate}` },
  );
}

function packPdf(pack: PortfolioPack): Promise<Uint8Array> {
  const rows: PortfolioPackPdfRow[] = pack.rows.map((r) => ({
    code: r.code,
    name: r.name,
    status: r.status,
    orgUnit: r.orgUnitName,
    currency: r.currency,
    health: r.health,
    spi: r.spi,
    cpi: r.cpi,
    budget: major(r.budget, r.currency),
    ac: major(r.ac, r.currency) ?? 0,
    eac: major(r.eac, r.currency) ?? 0,
    percentComplete: r.percentComplete,
    forecastFinish: r.forecastFinish,
    finishVarianceDays: r.finishVarianceDays,
    reportedRag: r.reportedRag,
  }));
  return writePortfolioPackPdf({
    scope: pack.scope,
    statusDate: pack.statusDate,
    generatedAt: pack.generatedAt,
    rows,
    counts: pack.counts,
    totals: pack.totals.map((t) => ({
      currency: t.currency,
      budget: major(t.budget, t.currency) ?? 0,
      ac: major(t.ac, t.currency) ?? 0,
      eac: major(t.eac, t.currency) ?? 0,
    })),
  });
}

type Detail = z.infer<typeof StatusReportDetail>;

/** A status report as its PDF prints it: RAG per dimension, the figures formatted, the thread. */
export function statusReportPdfInput(r: Detail, generatedAt: string) {
  const fig = (r.figures ?? {}) as Record<string, unknown>;
  const currency = typeof fig.currency === 'string' ? fig.currency : 'EUR';
  const n = (k: string) => (typeof fig[k] === 'number' ? (fig[k] as number) : null);
  const ratio = (k: string) => (n(k) === null ? '—' : (n(k) as number).toFixed(2));
  const cash = (k: string) => {
    const v = major(n(k), currency);
    return v === null ? '—' : `${currency} ${v.toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;
  };
  const count = (k: string) => (n(k) === null ? '—' : String(n(k)));
  const bac = n('bac');
  const ev = n('ev');
  const computed = r.computed;
  const reported = r.reported as Partial<Record<string, RagValue>>;
  const mismatched = new Set(r.mismatches.map((m) => m.dimension));
  // The dimensions in the order the app shows them (stored JSON does not keep an order), then any other.
  const dims = Object.keys(DIMENSION_LABEL);
  for (const k of [...Object.keys(computed?.dimensions ?? {}), ...Object.keys(reported)])
    if (!dims.includes(k)) dims.push(k);
  const by = (at: string | null, name: string | null) =>
    at ? `${at.slice(0, 10)}${name ? ` by ${name}` : ''}` : null;
  return {
    projectCode: r.projectCode,
    projectName: r.projectName,
    period: r.period,
    status: r.status,
    dueDate: r.dueDate,
    submitted: by(r.submittedAt, r.submittedByName),
    reviewed: by(r.reviewedAt, r.reviewedByName),
    sections: [
      { title: 'Summary', text: r.summary },
      { title: 'Accomplishments', text: r.accomplishments },
      { title: 'Next steps', text: r.nextSteps },
      { title: 'Decisions needed', text: r.decisionsNeeded },
    ],
    rag: dims.map((d) => ({
      dimension: DIMENSION_LABEL[d] ?? d,
      reported: reported[d] ?? null,
      computed: (d === 'overall' ? computed?.overall : computed?.dimensions[d]?.rag) ?? null,
      mismatch: mismatched.has(d),
    })),
    figures: [
      { label: 'SPI', value: ratio('spi') },
      { label: 'CPI', value: ratio('cpi') },
      { label: 'BAC (baseline cost)', value: cash('bac') },
      { label: 'EAC (forecast)', value: cash('eac') },
      { label: 'Planned value (PV)', value: cash('pv') },
      { label: 'Earned value (EV)', value: cash('ev') },
      { label: 'Actual cost (AC)', value: cash('ac') },
      { label: 'VAC', value: cash('vac') },
      { label: '% complete', value: bac && ev !== null ? `${((100 * ev) / bac).toFixed(1)} %` : '—' },
      { label: 'Milestone slip (days)', value: count('milestoneSlipDays') },
      { label: 'Open high risks', value: count('openHighRisks') },
      { label: 'Overdue issues', value: count('overdueIssues') },
      { label: 'Changes pending', value: count('changesPending') },
      { label: 'EAC method', value: typeof fig.eacMethod === 'string' ? fig.eacMethod : '—' },
    ],
    comments: r.comments.map((c) => ({
      author: c.authorName,
      at: `${c.createdAt.slice(0, 10)} ${c.createdAt.slice(11, 16)} UTC`,
      body: c.body,
      decision: c.decision,
    })),
    generatedAt,
  };
}
