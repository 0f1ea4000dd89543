import type {
  AuditDetail as AuditDetailSchema,
  AuditFinding as AuditFindingSchema,
  Audit as AuditSchema,
  CreateAuditBody as CreateAuditBodySchema,
  CreateFindingBody as CreateFindingBodySchema,
  UpdateFindingBody as UpdateFindingBodySchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type Audit = Out<typeof AuditSchema>;
export type AuditDetail = Out<typeof AuditDetailSchema>;
export type AuditFinding = Out<typeof AuditFindingSchema>;
export type AuditStatus = Audit['status'];
export type FindingStatus = AuditFinding['status'];
export type FindingSeverity = AuditFinding['severity'];
export type CreateAuditBody = In<typeof CreateAuditBodySchema>;
export type CreateFindingBody = In<typeof CreateFindingBodySchema>;
export type UpdateFindingBody = In<typeof UpdateFindingBodySchema>;

export type AuditListParams = { status?: string | undefined; kind?: string; projectId?: string };
export type FindingListParams = { status?: string; severity?: string; overdue?: 'true'; projectId?: string };

export const auditKeys = {
  all: ['audits'] as const,
  list: (p: AuditListParams) => ['audits', 'list', p] as const,
  detail: (id: string) => ['audits', 'detail', id] as const,
  findings: (p: FindingListParams) => ['audits', 'findings', p] as const,
};

const enc = encodeURIComponent;

export function listAudits(
  p: AuditListParams,
  signal?: AbortSignal,
): Promise<{ items: Audit[]; total: number }> {
  return apiFetch('/audits', { query: p, signal });
}
export function fetchAudit(id: string, signal?: AbortSignal): Promise<AuditDetail> {
  return apiFetch(`/audits/${enc(id)}`, { signal });
}
export function createAudit(body: CreateAuditBody): Promise<AuditDetail> {
  return apiFetch('/audits', { method: 'POST', body });
}
export function transitionAudit(
  id: string,
  body: { version: number; to: AuditStatus; summary?: string },
): Promise<AuditDetail> {
  return apiFetch(`/audits/${enc(id)}/transition`, { method: 'POST', body });
}
export function addFinding(auditId: string, body: CreateFindingBody): Promise<AuditDetail> {
  return apiFetch(`/audits/${enc(auditId)}/findings`, { method: 'POST', body });
}
export function listFindings(
  p: FindingListParams,
  signal?: AbortSignal,
): Promise<{ items: AuditFinding[]; total: number }> {
  return apiFetch('/audit-findings', { query: p, signal });
}
export function updateFinding(id: string, body: UpdateFindingBody): Promise<AuditFinding> {
  return apiFetch(`/audit-findings/${enc(id)}`, { method: 'PATCH', body });
}
export function transitionFinding(
  id: string,
  body: { version: number; to: FindingStatus; note?: string },
): Promise<AuditFinding> {
  return apiFetch(`/audit-findings/${enc(id)}/transition`, { method: 'POST', body });
}

export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  reported: 'Reported',
  closed: 'Closed',
  cancelled: 'Cancelled',
};
export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  action_planned: 'Action planned',
  resolved: 'Resolved',
  closed: 'Closed',
};
export const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
