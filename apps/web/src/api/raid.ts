import type {
  ChangeDecisionBody as ChangeDecisionBodySchema,
  ChangeRequestList as ChangeRequestListSchema,
  ChangeRequest as ChangeRequestSchema,
  ChangeThresholdSettings as ChangeThresholdSettingsSchema,
  CreateChangeRequestBody as CreateChangeRequestBodySchema,
  CreateIssueBody as CreateIssueBodySchema,
  CreateRaidEntryBody as CreateRaidEntryBodySchema,
  CreateRiskBody as CreateRiskBodySchema,
  EscalateIssueBody as EscalateIssueBodySchema,
  IssueList as IssueListSchema,
  Issue as IssueSchema,
  RaidEntry as RaidEntrySchema,
  RiskList as RiskListSchema,
  RiskMatrixSettings as RiskMatrixSettingsSchema,
  Risk as RiskSchema,
  RiskSummary as RiskSummarySchema,
  UpdateChangeThresholdsBody as UpdateChangeThresholdsBodySchema,
  UpdateIssueBody as UpdateIssueBodySchema,
  UpdateRaidEntryBody as UpdateRaidEntryBodySchema,
  UpdateRiskBody as UpdateRiskBodySchema,
  UpdateRiskMatrixBody as UpdateRiskMatrixBodySchema,
} from '@baton/contracts';
import { apiFetch, type QueryValue } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

// ---- types ----

export type RiskMatrixSettings = Out<typeof RiskMatrixSettingsSchema>;
export type Risk = Out<typeof RiskSchema>;
export type RiskList = Out<typeof RiskListSchema>;
export type RiskSummary = Out<typeof RiskSummarySchema>;
export type RiskTrendPoint = RiskSummary['trend'][number];
export type RiskLevel = Risk['level'];
export type RiskStatus = Risk['status'];
export type RiskResponse = NonNullable<Risk['response']>;
export type RiskProximity = Risk['proximity'];
export type MitigationAction = Risk['actions'][number];
export type Issue = Out<typeof IssueSchema>;
export type IssueList = Out<typeof IssueListSchema>;
export type IssuePriority = Issue['priority'];
export type IssueStatus = Issue['status'];
export type RaidEntry = Out<typeof RaidEntrySchema>;
export type RaidEntryKind = RaidEntry['kind'];
export type RaidEntryStatus = RaidEntry['status'];
export type ChangeThresholdSettings = Out<typeof ChangeThresholdSettingsSchema>;
export type ChangeRequest = Out<typeof ChangeRequestSchema>;
export type ChangeRequestList = Out<typeof ChangeRequestListSchema>;
export type ChangeStatus = ChangeRequest['status'];
export type ChangeLevel = ChangeRequest['level'];
export type Rebaseline = NonNullable<ChangeRequest['rebaseline']>;

export type UpdateRiskMatrixBody = In<typeof UpdateRiskMatrixBodySchema>;
export type CreateRiskBody = In<typeof CreateRiskBodySchema>;
export type UpdateRiskBody = In<typeof UpdateRiskBodySchema>;
export type CreateIssueBody = In<typeof CreateIssueBodySchema>;
export type UpdateIssueBody = In<typeof UpdateIssueBodySchema>;
export type EscalateIssueBody = In<typeof EscalateIssueBodySchema>;
export type CreateRaidEntryBody = In<typeof CreateRaidEntryBodySchema>;
export type UpdateRaidEntryBody = In<typeof UpdateRaidEntryBodySchema>;
export type UpdateChangeThresholdsBody = In<typeof UpdateChangeThresholdsBodySchema>;
export type CreateChangeRequestBody = In<typeof CreateChangeRequestBodySchema>;
export type ChangeDecisionBody = In<typeof ChangeDecisionBodySchema>;

export type RiskListParams = {
  projectId?: string;
  portfolioId?: string;
  orgUnitId?: string;
  /** Comma-separated statuses. */
  status?: string;
  level?: RiskLevel;
  shared?: 'true' | 'false';
  q?: string;
};
export type IssueListParams = {
  projectId?: string;
  portfolioId?: string;
  escalated?: 'true' | 'false';
  /** Comma-separated statuses. */
  status?: string;
};
export type RaidEntryListParams = { projectId: string; kind?: RaidEntryKind };
export type ChangeListParams = { projectId?: string; status?: string; level?: ChangeLevel };

// ---- query keys ----

export const raidKeys = {
  all: ['raid'] as const,
  settings: ['raid', 'settings'] as const,
  risks: ['raid', 'risks'] as const,
  riskList: (params: RiskListParams) => ['raid', 'risks', 'list', params] as const,
  riskSummary: (params: RiskListParams) => ['raid', 'risks', 'summary', params] as const,
  risk: (id: string) => ['raid', 'risks', 'detail', id] as const,
  issues: ['raid', 'issues'] as const,
  issueList: (params: IssueListParams) => ['raid', 'issues', 'list', params] as const,
  entries: ['raid', 'entries'] as const,
  entryList: (params: RaidEntryListParams) => ['raid', 'entries', 'list', params] as const,
  thresholds: ['raid', 'change-thresholds'] as const,
  changes: ['raid', 'changes'] as const,
  changeList: (params: ChangeListParams) => ['raid', 'changes', 'list', params] as const,
  change: (id: string) => ['raid', 'changes', 'detail', id] as const,
};

const enc = encodeURIComponent;
const asQuery = (params: object) => params as Readonly<Record<string, QueryValue>>;

// ---- the risk matrix ----

export function fetchRiskMatrix(signal?: AbortSignal): Promise<RiskMatrixSettings> {
  return apiFetch('/raid/settings', { signal });
}
export function updateRiskMatrix(body: UpdateRiskMatrixBody): Promise<RiskMatrixSettings> {
  return apiFetch('/raid/settings', { method: 'PATCH', body });
}

// ---- risks ----

export function listRisks(params: RiskListParams, signal?: AbortSignal): Promise<RiskList> {
  return apiFetch('/risks', { query: asQuery(params), signal });
}
export function fetchRiskSummary(params: RiskListParams, signal?: AbortSignal): Promise<RiskSummary> {
  return apiFetch('/risks/summary', { query: asQuery(params), signal });
}
export function fetchRisk(id: string, signal?: AbortSignal): Promise<Risk> {
  return apiFetch(`/risks/${enc(id)}`, { signal });
}
export function createRisk(body: CreateRiskBody): Promise<Risk> {
  return apiFetch('/risks', { method: 'POST', body });
}
export function updateRisk(id: string, body: UpdateRiskBody): Promise<Risk> {
  return apiFetch(`/risks/${enc(id)}`, { method: 'PATCH', body });
}

// ---- issues ----

export function listIssues(params: IssueListParams, signal?: AbortSignal): Promise<IssueList> {
  return apiFetch('/issues', { query: asQuery(params), signal });
}
export function createIssue(body: CreateIssueBody): Promise<Issue> {
  return apiFetch('/issues', { method: 'POST', body });
}
export function updateIssue(id: string, body: UpdateIssueBody): Promise<Issue> {
  return apiFetch(`/issues/${enc(id)}`, { method: 'PATCH', body });
}
export function escalateIssue(id: string, body: EscalateIssueBody): Promise<Issue> {
  return apiFetch(`/issues/${enc(id)}/escalation`, { method: 'POST', body });
}

// ---- assumptions, decisions, dependencies ----

export function listRaidEntries(
  params: RaidEntryListParams,
  signal?: AbortSignal,
): Promise<{ items: RaidEntry[] }> {
  return apiFetch('/raid-entries', { query: asQuery(params), signal });
}
export function createRaidEntry(body: CreateRaidEntryBody): Promise<RaidEntry> {
  return apiFetch('/raid-entries', { method: 'POST', body });
}
export function updateRaidEntry(id: string, body: UpdateRaidEntryBody): Promise<RaidEntry> {
  return apiFetch(`/raid-entries/${enc(id)}`, { method: 'PATCH', body });
}

// ---- change control ----

export function fetchChangeThresholds(signal?: AbortSignal): Promise<ChangeThresholdSettings> {
  return apiFetch('/change-thresholds', { signal });
}
export function updateChangeThresholds(body: UpdateChangeThresholdsBody): Promise<ChangeThresholdSettings> {
  return apiFetch('/change-thresholds', { method: 'PATCH', body });
}
export function listChangeRequests(
  params: ChangeListParams,
  signal?: AbortSignal,
): Promise<ChangeRequestList> {
  return apiFetch('/change-requests', { query: asQuery(params), signal });
}
export function fetchChangeRequest(id: string, signal?: AbortSignal): Promise<ChangeRequest> {
  return apiFetch(`/change-requests/${enc(id)}`, { signal });
}
export function createChangeRequest(body: CreateChangeRequestBody): Promise<ChangeRequest> {
  return apiFetch('/change-requests', { method: 'POST', body });
}
export function decideChangeRequest(id: string, body: ChangeDecisionBody): Promise<ChangeRequest> {
  return apiFetch(`/change-requests/${enc(id)}/decision`, { method: 'POST', body });
}
