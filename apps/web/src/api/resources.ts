import type {
  AddLeaveBody as AddLeaveBodySchema,
  AddRateBody as AddRateBodySchema,
  Allocation as AllocationSchema,
  ApplyLevellingResult as ApplyLevellingResultSchema,
  AvailabilityResult as AvailabilityResultSchema,
  CapacityReport as CapacityReportSchema,
  CreateAllocationBody as CreateAllocationBodySchema,
  CreateResourceBody as CreateResourceBodySchema,
  CreateSkillBody as CreateSkillBodySchema,
  CreateStaffingRequestBody as CreateStaffingRequestBodySchema,
  LevellingAction as LevellingActionSchema,
  LevellingProposal as LevellingProposalSchema,
  ReconciliationReport as ReconciliationReportSchema,
  ResourceDetail as ResourceDetailSchema,
  ResourceImportBody as ResourceImportBodySchema,
  ResourceImportResult as ResourceImportResultSchema,
  ResourcePage as ResourcePageSchema,
  Resource as ResourceSchema,
  SaveTimesheetBody as SaveTimesheetBodySchema,
  Skill as SkillSchema,
  StaffingRequest as StaffingRequestSchema,
  TimesheetApprovalList as TimesheetApprovalListSchema,
  TimesheetDecisionBody as TimesheetDecisionBodySchema,
  TimesheetLock as TimesheetLockSchema,
  Timesheet as TimesheetSchema,
  UpdateAllocationBody as UpdateAllocationBodySchema,
  UpdateResourceBody as UpdateResourceBodySchema,
} from '@baton/contracts';
import { apiFetch, type QueryValue } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type Resource = Out<typeof ResourceSchema>;
export type ResourceDetail = Out<typeof ResourceDetailSchema>;
export type ResourcePage = Out<typeof ResourcePageSchema>;
export type ResourceSkill = Resource['skills'][number];
export type CostRate = ResourceDetail['rates'][number];
export type Leave = ResourceDetail['leave'][number];
export type Skill = Out<typeof SkillSchema>;
export type ResourceImportResult = Out<typeof ResourceImportResultSchema>;
export type Allocation = Out<typeof AllocationSchema>;
export type StaffingRequest = Out<typeof StaffingRequestSchema>;
export type CapacityReport = Out<typeof CapacityReportSchema>;
export type CapacityRow = CapacityReport['rows'][number];
export type CapacityPeriod = CapacityRow['periods'][number];
export type OverAllocation = CapacityReport['overAllocations'][number];
export type AvailabilityResult = Out<typeof AvailabilityResultSchema>;
export type AvailabilityMatch = AvailabilityResult['items'][number];
export type LevellingProposal = Out<typeof LevellingProposalSchema>;
export type LevellingOption = LevellingProposal['options'][number];
export type LevellingAction = Out<typeof LevellingActionSchema>;
export type ApplyLevellingResult = Out<typeof ApplyLevellingResultSchema>;
export type Timesheet = Out<typeof TimesheetSchema>;
export type TimesheetEntry = Timesheet['entries'][number];
export type TimesheetApprovalItem = Out<typeof TimesheetApprovalListSchema>['items'][number];
export type TimesheetLock = Out<typeof TimesheetLockSchema>;
export type ReconciliationReport = Out<typeof ReconciliationReportSchema>;
export type ReconciliationRow = ReconciliationReport['rows'][number];

export type CreateResourceBody = In<typeof CreateResourceBodySchema>;
export type UpdateResourceBody = In<typeof UpdateResourceBodySchema>;
export type AddRateBody = In<typeof AddRateBodySchema>;
export type AddLeaveBody = In<typeof AddLeaveBodySchema>;
export type CreateSkillBody = In<typeof CreateSkillBodySchema>;
export type ResourceImportBody = In<typeof ResourceImportBodySchema>;
export type CreateAllocationBody = In<typeof CreateAllocationBodySchema>;
export type UpdateAllocationBody = In<typeof UpdateAllocationBodySchema>;
export type CreateStaffingRequestBody = In<typeof CreateStaffingRequestBodySchema>;
export type SaveTimesheetBody = In<typeof SaveTimesheetBodySchema>;
export type TimesheetDecisionBody = In<typeof TimesheetDecisionBodySchema>;

export type ResourceListParams = {
  q?: string;
  kind?: Resource['kind'];
  orgUnitId?: string;
  skillId?: string;
  minLevel?: number;
  active?: 'true' | 'false' | 'all';
  sort?: string;
  page?: number;
  pageSize?: number;
};
export type CapacityParams = {
  from: string;
  to: string;
  granularity?: CapacityReport['granularity'];
  groupBy?: CapacityReport['groupBy'];
  orgUnitId?: string;
  skillId?: string;
  resourceId?: string;
  projectId?: string;
  includeTentative?: 'true' | 'false';
};
export type AvailabilityParams = {
  from: string;
  to: string;
  skillId?: string;
  minLevel?: number;
  hoursPerWeek?: number;
  fraction?: number;
  orgUnitId?: string;
  role?: string;
  limit?: number;
};
export type ReconciliationParams = {
  from: string;
  to: string;
  groupBy?: ReconciliationReport['groupBy'];
  resourceId?: string;
  projectId?: string;
};
export type AllocationListParams = { resourceId?: string; projectId?: string; from?: string; to?: string };
export type StaffingListParams = { status?: StaffingRequest['status']; projectId?: string };

export const resourceKeys = {
  all: ['resources'] as const,
  list: (params: ResourceListParams) => ['resources', 'list', params] as const,
  detail: (id: string) => ['resources', 'detail', id] as const,
  skills: ['resources', 'skills'] as const,
  allocations: (params: AllocationListParams) => ['resources', 'allocations', params] as const,
  staffing: (params: StaffingListParams) => ['resources', 'staffing', params] as const,
  candidates: (requestId: string) => ['resources', 'candidates', requestId] as const,
  capacity: (params: CapacityParams) => ['resources', 'capacity', params] as const,
  availability: (params: AvailabilityParams) => ['resources', 'availability', params] as const,
  levelling: (resourceId: string, start: string, end: string) =>
    ['resources', 'levelling', resourceId, start, end] as const,
  reconciliation: (params: ReconciliationParams) => ['resources', 'reconciliation', params] as const,
};

export const timesheetKeys = {
  all: ['timesheets'] as const,
  week: (week: string, resourceId?: string) => ['timesheets', 'week', week, resourceId ?? 'me'] as const,
  approvals: ['timesheets', 'approvals'] as const,
  lock: ['timesheets', 'lock'] as const,
};

const enc = encodeURIComponent;
const asQuery = (params: object) => params as Readonly<Record<string, QueryValue>>;

// ---- the pool ----

export function listResources(params: ResourceListParams, signal?: AbortSignal): Promise<ResourcePage> {
  return apiFetch('/resources', { query: asQuery(params), signal });
}
export function fetchResource(id: string, signal?: AbortSignal): Promise<ResourceDetail> {
  return apiFetch(`/resources/${enc(id)}`, { signal });
}
export function createResource(body: CreateResourceBody): Promise<ResourceDetail> {
  return apiFetch('/resources', { method: 'POST', body });
}
export function updateResource(id: string, body: UpdateResourceBody): Promise<ResourceDetail> {
  return apiFetch(`/resources/${enc(id)}`, { method: 'PATCH', body });
}
export function deleteResource(id: string): Promise<unknown> {
  return apiFetch(`/resources/${enc(id)}`, { method: 'DELETE' });
}
export function setResourceSkills(
  id: string,
  version: number,
  skills: { skillId: string; level: number }[],
): Promise<ResourceDetail> {
  return apiFetch(`/resources/${enc(id)}/skills`, { method: 'PUT', body: { version, skills } });
}
export function addRate(id: string, body: AddRateBody): Promise<ResourceDetail> {
  return apiFetch(`/resources/${enc(id)}/rates`, { method: 'POST', body });
}
export function deleteRate(id: string, rateId: string, version: number): Promise<ResourceDetail> {
  return apiFetch(`/resources/${enc(id)}/rates/${enc(rateId)}`, { method: 'DELETE', query: { version } });
}
export function addLeave(id: string, body: AddLeaveBody): Promise<ResourceDetail> {
  return apiFetch(`/resources/${enc(id)}/leave`, { method: 'POST', body });
}
export function deleteLeave(id: string, leaveId: string, version: number): Promise<ResourceDetail> {
  return apiFetch(`/resources/${enc(id)}/leave/${enc(leaveId)}`, { method: 'DELETE', query: { version } });
}
export function importResources(body: ResourceImportBody): Promise<ResourceImportResult> {
  return apiFetch('/resources/import', { method: 'POST', body });
}
export const RESOURCE_EXPORT_URL = '/api/v1/resources/export.csv';

export function listSkills(signal?: AbortSignal): Promise<{ items: Skill[] }> {
  return apiFetch('/skills', { signal });
}
export function createSkill(body: CreateSkillBody): Promise<Skill> {
  return apiFetch('/skills', { method: 'POST', body });
}

// ---- demand ----

export function listAllocations(
  params: AllocationListParams,
  signal?: AbortSignal,
): Promise<{ items: Allocation[] }> {
  return apiFetch('/allocations', { query: asQuery(params), signal });
}
export function createAllocation(body: CreateAllocationBody): Promise<Allocation> {
  return apiFetch('/allocations', { method: 'POST', body });
}
export function updateAllocation(id: string, body: UpdateAllocationBody): Promise<Allocation> {
  return apiFetch(`/allocations/${enc(id)}`, { method: 'PATCH', body });
}
export function deleteAllocation(id: string): Promise<unknown> {
  return apiFetch(`/allocations/${enc(id)}`, { method: 'DELETE' });
}
export function listStaffingRequests(
  params: StaffingListParams,
  signal?: AbortSignal,
): Promise<{ items: StaffingRequest[] }> {
  return apiFetch('/staffing-requests', { query: asQuery(params), signal });
}
export function createStaffingRequest(body: CreateStaffingRequestBody): Promise<StaffingRequest> {
  return apiFetch('/staffing-requests', { method: 'POST', body });
}
export function fetchCandidates(requestId: string, signal?: AbortSignal): Promise<AvailabilityResult> {
  return apiFetch(`/staffing-requests/${enc(requestId)}/candidates`, { signal });
}
export function fillStaffingRequest(
  requestId: string,
  version: number,
  resourceId: string,
): Promise<StaffingRequest> {
  return apiFetch(`/staffing-requests/${enc(requestId)}/fill`, {
    method: 'POST',
    body: { version, resourceId },
  });
}
export function cancelStaffingRequest(
  requestId: string,
  version: number,
  reason: string | null,
): Promise<StaffingRequest> {
  return apiFetch(`/staffing-requests/${enc(requestId)}/cancel`, {
    method: 'POST',
    body: { version, reason },
  });
}

// ---- capacity, availability, levelling, reconciliation ----

export function fetchCapacity(params: CapacityParams, signal?: AbortSignal): Promise<CapacityReport> {
  return apiFetch('/capacity', { query: asQuery(params), signal });
}
export function capacityExportUrl(params: CapacityParams): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  return `/api/v1/capacity/export.xlsx?${search.toString()}`;
}
export function fetchAvailability(
  params: AvailabilityParams,
  signal?: AbortSignal,
): Promise<AvailabilityResult> {
  return apiFetch('/availability', { query: asQuery(params), signal });
}
export function fetchLevellingOptions(
  resourceId: string,
  start: string,
  end: string,
  signal?: AbortSignal,
): Promise<LevellingProposal> {
  return apiFetch('/levelling/options', { query: { resourceId, start, end }, signal });
}
export function applyLevelling(action: LevellingAction): Promise<ApplyLevellingResult> {
  return apiFetch('/levelling/apply', { method: 'POST', body: { action } });
}
export function fetchReconciliation(
  params: ReconciliationParams,
  signal?: AbortSignal,
): Promise<ReconciliationReport> {
  return apiFetch('/reconciliation', { query: asQuery(params), signal });
}

// ---- timesheets ----

export function fetchTimesheet(week: string, resourceId?: string, signal?: AbortSignal): Promise<Timesheet> {
  return apiFetch('/timesheets', { query: { week, resourceId }, signal });
}
export function saveTimesheet(body: SaveTimesheetBody): Promise<Timesheet> {
  return apiFetch('/timesheets', { method: 'PUT', body });
}
export function submitTimesheet(id: string, version: number): Promise<Timesheet> {
  return apiFetch(`/timesheets/${enc(id)}/submit`, { method: 'POST', body: { version } });
}
export function listTimesheetApprovals(signal?: AbortSignal): Promise<{ items: TimesheetApprovalItem[] }> {
  return apiFetch('/timesheet-approvals', { signal });
}
export function decideTimesheet(projectId: string, body: TimesheetDecisionBody): Promise<unknown> {
  return apiFetch(`/projects/${enc(projectId)}/timesheet-decisions`, { method: 'POST', body });
}
export function fetchTimesheetLock(signal?: AbortSignal): Promise<TimesheetLock> {
  return apiFetch('/timesheet-lock', { signal });
}
export function setTimesheetLock(lockedThrough: string | null): Promise<TimesheetLock> {
  return apiFetch('/timesheet-lock', { method: 'PUT', body: { lockedThrough } });
}
