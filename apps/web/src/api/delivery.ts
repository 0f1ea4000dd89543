import type {
  CreateReportScheduleBody as CreateSchema,
  ReportFile as ReportFileSchema,
  ReportKindList as ReportKindListSchema,
  ReportSchedule as ReportScheduleSchema,
  UpdateReportScheduleBody as UpdateSchema,
} from '@baton/contracts';
import { apiDownload, apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type ReportSchedule = Out<typeof ReportScheduleSchema>;
export type ReportFile = Out<typeof ReportFileSchema>;
export type ReportKindList = Out<typeof ReportKindListSchema>;
export type CreateReportScheduleBody = In<typeof CreateSchema>;
export type UpdateReportScheduleBody = In<typeof UpdateSchema>;

export const deliveryKeys = {
  all: ['report-schedules'] as const,
  schedules: ['report-schedules', 'list'] as const,
  kinds: ['report-schedules', 'kinds'] as const,
  files: (scheduleId: string | null) => ['report-schedules', 'files', scheduleId] as const,
};

const enc = encodeURIComponent;

export function listReportSchedules(signal?: AbortSignal): Promise<{ items: ReportSchedule[] }> {
  return apiFetch('/report-schedules', { signal });
}

export function listReportKinds(signal?: AbortSignal): Promise<ReportKindList> {
  return apiFetch('/report-kinds', { signal });
}

export function createReportSchedule(body: CreateReportScheduleBody): Promise<ReportSchedule> {
  return apiFetch('/report-schedules', { method: 'POST', body });
}

export function updateReportSchedule(id: string, body: UpdateReportScheduleBody): Promise<ReportSchedule> {
  return apiFetch(`/report-schedules/${enc(id)}`, { method: 'PATCH', body });
}

export function deleteReportSchedule(id: string, version: number): Promise<{ ok: true }> {
  return apiFetch(`/report-schedules/${enc(id)}`, { method: 'DELETE', query: { version } });
}

/** Queues the report now; the answer names the delivery job. */
export function runReportSchedule(id: string): Promise<{ jobId: string }> {
  return apiFetch(`/report-schedules/${enc(id)}/run`, { method: 'POST' });
}

export function listReportFiles(
  scheduleId: string | null,
  signal?: AbortSignal,
): Promise<{ items: ReportFile[] }> {
  return apiFetch('/report-files', { query: { scheduleId: scheduleId ?? undefined, limit: 50 }, signal });
}

export function downloadReportFile(id: string) {
  return apiDownload(`/report-files/${enc(id)}`);
}

export function getJob(id: string, signal?: AbortSignal): Promise<{ status: string; error: string | null }> {
  return apiFetch(`/jobs/${enc(id)}`, { signal });
}
