import type {
  ComplianceItemList as ComplianceItemListSchema,
  ComplianceItem as ComplianceItemSchema,
  CreateComplianceItemBody as CreateComplianceItemBodySchema,
  CreateStandardBody as CreateStandardBodySchema,
  PmoStandard as PmoStandardSchema,
  ProjectComplianceChecks as ProjectComplianceChecksSchema,
  PutCheckBody as PutCheckBodySchema,
  StandardDetail as StandardDetailSchema,
  StandardsAtUnit as StandardsAtUnitSchema,
  UpdateComplianceItemBody as UpdateComplianceItemBodySchema,
  UpdateStandardBody as UpdateStandardBodySchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type PmoStandard = Out<typeof PmoStandardSchema>;
export type StandardKind = PmoStandard['kind'];
export type StandardStatus = PmoStandard['status'];
export type StandardsAtUnit = Out<typeof StandardsAtUnitSchema>;
export type StandardInForce = StandardsAtUnit['inForce'][number];
export type ReplacedStandard = StandardsAtUnit['replaced'][number];
export type StandardDetail = Out<typeof StandardDetailSchema>;
export type StandardVersion = StandardDetail['versions'][number];
export type ComplianceItem = Out<typeof ComplianceItemSchema>;
export type ComplianceItemList = Out<typeof ComplianceItemListSchema>;
export type ComplianceWaiver = NonNullable<ComplianceItem['waiver']>;
export type ProjectComplianceChecks = Out<typeof ProjectComplianceChecksSchema>;
export type ComplianceCheck = ProjectComplianceChecks['items'][number];

export type CreateStandardBody = In<typeof CreateStandardBodySchema>;
export type UpdateStandardBody = In<typeof UpdateStandardBodySchema>;
export type CreateComplianceItemBody = In<typeof CreateComplianceItemBodySchema>;
export type UpdateComplianceItemBody = In<typeof UpdateComplianceItemBodySchema>;
export type PutCheckBody = In<typeof PutCheckBodySchema>;

/** Where a list of standards is asked about: an org unit, or a project (the standards in force for it). */
export type StandardsScope = { orgUnitId: string } | { projectId: string };

export const standardKeys = {
  all: ['standards'] as const,
  atUnit: (scope: StandardsScope) => ['standards', 'at', scope] as const,
  detail: (id: string) => ['standards', 'detail', id] as const,
  /** Everything about checklist items (lists and project checks) starts with this. */
  items: ['standards', 'items'] as const,
  itemList: (orgUnitId: string, includeRetired: boolean) =>
    ['standards', 'items', 'list', orgUnitId, includeRetired] as const,
  checks: (projectId: string) => ['standards', 'items', 'checks', projectId] as const,
};

const enc = encodeURIComponent;

// ---- standards ----

/** The standards in force at an org unit (or for a project), those replaced on the way down, and its drafts. */
export function fetchStandardsAt(scope: StandardsScope, signal?: AbortSignal): Promise<StandardsAtUnit> {
  return apiFetch('/standards', { query: scope, signal });
}
/** One version of a standard, with the list of all versions of its key. */
export function fetchStandard(id: string, signal?: AbortSignal): Promise<StandardDetail> {
  return apiFetch(`/standards/${enc(id)}`, { signal });
}
/** A new standard, as a draft (version 1) at the unit. */
export function createStandard(body: CreateStandardBody): Promise<PmoStandard> {
  return apiFetch('/standards', { method: 'POST', body });
}
/** Changes a draft; a published version is immutable. */
export function updateStandard(id: string, body: UpdateStandardBody): Promise<PmoStandard> {
  return apiFetch(`/standards/${enc(id)}`, { method: 'PATCH', body });
}
/** Puts a draft in force; the version published before it is superseded. */
export function publishStandard(id: string, version: number): Promise<PmoStandard> {
  return apiFetch(`/standards/${enc(id)}/publish`, { method: 'POST', body: { version } });
}
/** Starts the next version: a draft copying the published one. */
export function reviseStandard(id: string, version: number): Promise<PmoStandard> {
  return apiFetch(`/standards/${enc(id)}/revise`, { method: 'POST', body: { version } });
}
/** Takes a published standard out of force. */
export function retireStandard(id: string, version: number): Promise<PmoStandard> {
  return apiFetch(`/standards/${enc(id)}/retire`, { method: 'POST', body: { version } });
}

// ---- manual compliance checklist items ----

/** The checklist items in force at a unit (its own and every unit's above), each with its waiver. */
export function listComplianceItems(
  orgUnitId: string,
  includeRetired: boolean,
  signal?: AbortSignal,
): Promise<ComplianceItemList> {
  return apiFetch('/compliance-items', {
    query: { orgUnitId, includeRetired: includeRetired ? 'true' : undefined },
    signal,
  });
}
export function createComplianceItem(body: CreateComplianceItemBody): Promise<ComplianceItem> {
  return apiFetch('/compliance-items', { method: 'POST', body });
}
export function updateComplianceItem(id: string, body: UpdateComplianceItemBody): Promise<ComplianceItem> {
  return apiFetch(`/compliance-items/${enc(id)}`, { method: 'PATCH', body });
}
/** Waives an overridable item of a unit above for this unit and everything beneath it. */
export function waiveComplianceItem(
  orgUnitId: string,
  body: { itemId: string; reason: string },
): Promise<ComplianceItemList> {
  return apiFetch(`/org-units/${enc(orgUnitId)}/compliance-waivers`, { method: 'POST', body });
}
export function liftComplianceWaiver(orgUnitId: string, itemId: string): Promise<ComplianceItemList> {
  return apiFetch(`/org-units/${enc(orgUnitId)}/compliance-waivers/${enc(itemId)}`, { method: 'DELETE' });
}

// ---- a project's attestations ----

/** The items in force for the project, each met, not met or not yet attested. */
export function fetchComplianceChecks(
  projectId: string,
  signal?: AbortSignal,
): Promise<ProjectComplianceChecks> {
  return apiFetch(`/projects/${enc(projectId)}/compliance-checks`, { signal });
}
export function putComplianceCheck(
  projectId: string,
  itemId: string,
  body: PutCheckBody,
): Promise<ProjectComplianceChecks> {
  return apiFetch(`/projects/${enc(projectId)}/compliance-checks/${enc(itemId)}`, { method: 'PUT', body });
}
