import type {
  ComputedHealth as ComputedHealthSchema,
  CreateStatusReportBody as CreateStatusReportBodySchema,
  Rag as RagSchema,
  ReportedRag as ReportedRagSchema,
  ReportingOverview as ReportingOverviewSchema,
  ReviewStatusReportBody as ReviewStatusReportBodySchema,
  StatusReportDetail as StatusReportDetailSchema,
  StatusReportList as StatusReportListSchema,
  StatusReport as StatusReportSchema,
  UpdateStatusReportBody as UpdateStatusReportBodySchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type Rag = Out<typeof RagSchema>;
export type ReportedRag = Out<typeof ReportedRagSchema>;
export type ComputedHealth = Out<typeof ComputedHealthSchema>;
export type DimensionHealth = ComputedHealth['dimensions'][string];
export type FiredRule = DimensionHealth['fired'][number];
export type StatusReport = Out<typeof StatusReportSchema>;
export type StatusReportStatus = StatusReport['status'];
export type RagMismatch = StatusReport['mismatches'][number];
export type StatusReportDetail = Out<typeof StatusReportDetailSchema>;
export type StatusReportComment = StatusReportDetail['comments'][number];
export type StatusReportList = Out<typeof StatusReportListSchema>;
export type ReportingOverview = Out<typeof ReportingOverviewSchema>;
export type OverviewRow = ReportingOverview['rows'][number];
export type OverviewStatus = OverviewRow['status'];

export type CreateStatusReportBody = In<typeof CreateStatusReportBodySchema>;
export type UpdateStatusReportBody = In<typeof UpdateStatusReportBodySchema>;
export type ReviewStatusReportBody = In<typeof ReviewStatusReportBodySchema>;

export type StatusReportListParams = {
  projectId?: string;
  period?: string;
  /** Comma-separated statuses. */
  status?: string;
  mismatch?: 'true';
};
export type OverviewParams = { period: string | null; orgUnitId: string | null };

export const statusReportKeys = {
  /** Everything about status reports (lists, reports and the overview) starts with this. */
  all: ['status-reports'] as const,
  lists: ['status-reports', 'list'] as const,
  list: (p: StatusReportListParams) => ['status-reports', 'list', p] as const,
  detail: (id: string) => ['status-reports', 'detail', id] as const,
  overviews: ['status-reports', 'overview'] as const,
  overview: (p: OverviewParams) => ['status-reports', 'overview', p] as const,
};

const enc = encodeURIComponent;

/** Reports filtered by project, period, status or mismatch; newest period first. */
export function listStatusReports(
  p: StatusReportListParams,
  signal?: AbortSignal,
): Promise<StatusReportList> {
  return apiFetch('/status-reports', { query: p, signal });
}
/** One report with its comment thread. */
export function fetchStatusReport(id: string, signal?: AbortSignal): Promise<StatusReportDetail> {
  return apiFetch(`/status-reports/${enc(id)}`, { signal });
}
/** A draft for the period, pre-filled with Baton's figures and computed health (409 when one exists). */
export function createStatusReport(body: CreateStatusReportBody): Promise<StatusReportDetail> {
  return apiFetch('/status-reports', { method: 'POST', body });
}
/** Changes the narrative and the reported RAG of a draft or a returned report. */
export function updateStatusReport(id: string, body: UpdateStatusReportBody): Promise<StatusReportDetail> {
  return apiFetch(`/status-reports/${enc(id)}`, { method: 'PATCH', body });
}
/** Submits the report to the PMO; freezes the computed health and figures (422 names what is missing). */
export function submitStatusReport(id: string, version: number): Promise<StatusReportDetail> {
  return apiFetch(`/status-reports/${enc(id)}/submit`, { method: 'POST', body: { version } });
}
/** The PMO accepts a submitted report, or returns it with a comment. */
export function reviewStatusReport(id: string, body: ReviewStatusReportBody): Promise<StatusReportDetail> {
  return apiFetch(`/status-reports/${enc(id)}/review`, { method: 'POST', body });
}
/** A comment on the report's thread. */
export function addStatusReportComment(id: string, body: string): Promise<StatusReportDetail> {
  return apiFetch(`/status-reports/${enc(id)}/comments`, { method: 'POST', body: { body } });
}
/** Every executing project with its report for the period (the newest period already due by default). */
export function fetchReportingOverview(p: OverviewParams, signal?: AbortSignal): Promise<ReportingOverview> {
  return apiFetch('/reporting/overview', { query: { period: p.period, orgUnitId: p.orgUnitId }, signal });
}
