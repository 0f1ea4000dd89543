import type {
  ChangeRequestConfigurationItems as ChangeRequestConfigurationItemsSchema,
  ConfigurationAuditLine as ConfigurationAuditLineSchema,
  ConfigurationAuditSummary as ConfigurationAuditSummarySchema,
  ConfigurationBaseline as ConfigurationBaselineSchema,
  ConfigurationItemDetail as ConfigurationItemDetailSchema,
  ConfigurationItem as ConfigurationItemSchema,
  CreateCiVersionBody as CreateCiVersionBodySchema,
  CreateConfigurationBaselineBody as CreateConfigurationBaselineBodySchema,
  CreateConfigurationItemBody as CreateConfigurationItemBodySchema,
  PmoConfigurationAudit as PmoConfigurationAuditSchema,
  ProjectConfigurationAudit as ProjectConfigurationAuditSchema,
  PutChangeRequestItemsBody as PutChangeRequestItemsBodySchema,
  UpdateConfigurationItemBody as UpdateConfigurationItemBodySchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type ConfigurationItem = Out<typeof ConfigurationItemSchema>;
export type ConfigurationItemKind = ConfigurationItem['kind'];
export type ConfigurationItemDetail = Out<typeof ConfigurationItemDetailSchema>;
export type ConfigurationItemVersion = ConfigurationItemDetail['versions'][number];
export type CiVersionStatus = ConfigurationItemVersion['status'];
export type ConfigurationBaseline = Out<typeof ConfigurationBaselineSchema>;
export type ConfigurationAuditLine = Out<typeof ConfigurationAuditLineSchema>;
export type CiAuditStatus = ConfigurationAuditLine['status'];
export type ConfigurationAuditSummary = Out<typeof ConfigurationAuditSummarySchema>;
export type ProjectConfigurationAudit = Out<typeof ProjectConfigurationAuditSchema>;
export type PmoConfigurationAudit = Out<typeof PmoConfigurationAuditSchema>;
export type PmoAuditProject = PmoConfigurationAudit['projects'][number];
export type ChangeRequestConfigurationItems = Out<typeof ChangeRequestConfigurationItemsSchema>;

export type CreateConfigurationItemBody = In<typeof CreateConfigurationItemBodySchema>;
export type UpdateConfigurationItemBody = In<typeof UpdateConfigurationItemBodySchema>;
export type CreateCiVersionBody = In<typeof CreateCiVersionBodySchema>;
export type CreateConfigurationBaselineBody = In<typeof CreateConfigurationBaselineBodySchema>;
export type PutChangeRequestItemsBody = In<typeof PutChangeRequestItemsBodySchema>;

/** The PMO-wide audit's filters, as the URL carries them. */
export type PmoAuditParams = { orgUnitId?: string; status?: string; projectStatus?: string };

export const configurationKeys = {
  all: ['configuration'] as const,
  items: (projectId: string) => ['configuration', 'items', projectId] as const,
  item: (id: string) => ['configuration', 'item', id] as const,
  baselines: (projectId: string) => ['configuration', 'baselines', projectId] as const,
  audit: (projectId: string, baselineId: string | null) =>
    ['configuration', 'audit', projectId, baselineId] as const,
  pmoAudit: (params: PmoAuditParams) => ['configuration', 'pmo-audit', params] as const,
  changeItems: (changeRequestId: string) => ['configuration', 'change-items', changeRequestId] as const,
};

const enc = encodeURIComponent;

// ---- items and versions ----

export function listConfigurationItems(
  projectId: string,
  signal?: AbortSignal,
): Promise<{ items: ConfigurationItem[]; total: number }> {
  return apiFetch(`/projects/${enc(projectId)}/configuration-items`, { signal });
}
export function fetchConfigurationItem(id: string, signal?: AbortSignal): Promise<ConfigurationItemDetail> {
  return apiFetch(`/configuration-items/${enc(id)}`, { signal });
}
/** A new item starts at version 1 (1.0 unless labelled), in draft. */
export function createConfigurationItem(
  projectId: string,
  body: CreateConfigurationItemBody,
): Promise<ConfigurationItem> {
  return apiFetch(`/projects/${enc(projectId)}/configuration-items`, { method: 'POST', body });
}
export function updateConfigurationItem(
  id: string,
  body: UpdateConfigurationItemBody,
): Promise<ConfigurationItem> {
  return apiFetch(`/configuration-items/${enc(id)}`, { method: 'PATCH', body });
}
export function deleteConfigurationItem(id: string): Promise<{ ok: true }> {
  return apiFetch(`/configuration-items/${enc(id)}`, { method: 'DELETE' });
}
/** Records the next version, in draft. */
export function addConfigurationVersion(
  id: string,
  body: CreateCiVersionBody,
): Promise<ConfigurationItemDetail> {
  return apiFetch(`/configuration-items/${enc(id)}/versions`, { method: 'POST', body });
}
/** Moves a version; approving supersedes the item's previously approved version. */
export function transitionConfigurationVersion(
  id: string,
  number: number,
  status: CiVersionStatus,
): Promise<ConfigurationItemDetail> {
  return apiFetch(`/configuration-items/${enc(id)}/versions/${number}/transition`, {
    method: 'POST',
    body: { status },
  });
}

// ---- baselines and audits ----

export function listConfigurationBaselines(
  projectId: string,
  signal?: AbortSignal,
): Promise<{ items: ConfigurationBaseline[] }> {
  return apiFetch(`/projects/${enc(projectId)}/configuration-baselines`, { signal });
}
/** Freezes the approved versions; 422 names the items without one unless `skipUnapproved`. */
export function createConfigurationBaseline(
  projectId: string,
  body: CreateConfigurationBaselineBody,
): Promise<ConfigurationBaseline> {
  return apiFetch(`/projects/${enc(projectId)}/configuration-baselines`, { method: 'POST', body });
}
export function deleteConfigurationBaseline(id: string): Promise<{ ok: true }> {
  return apiFetch(`/configuration-baselines/${enc(id)}`, { method: 'DELETE' });
}
export function fetchProjectConfigurationAudit(
  projectId: string,
  baselineId: string | null,
  signal?: AbortSignal,
): Promise<ProjectConfigurationAudit> {
  return apiFetch(`/projects/${enc(projectId)}/configuration-audit`, {
    query: { baselineId },
    signal,
  });
}
export function fetchPmoConfigurationAudit(
  params: PmoAuditParams,
  signal?: AbortSignal,
): Promise<PmoConfigurationAudit> {
  return apiFetch('/configuration/audit', { query: params, signal });
}

// ---- the items a change request touches ----

export function fetchChangeRequestItems(
  changeRequestId: string,
  signal?: AbortSignal,
): Promise<ChangeRequestConfigurationItems> {
  return apiFetch(`/change-requests/${enc(changeRequestId)}/configuration-items`, { signal });
}
export function putChangeRequestItems(
  changeRequestId: string,
  body: PutChangeRequestItemsBody,
): Promise<ChangeRequestConfigurationItems> {
  return apiFetch(`/change-requests/${enc(changeRequestId)}/configuration-items`, { method: 'PUT', body });
}
