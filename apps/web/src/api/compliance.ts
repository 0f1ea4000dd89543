import type {
  ComplianceReport as ComplianceReportSchema,
  ProjectCompliance as ProjectComplianceSchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

export type ComplianceReport = (typeof ComplianceReportSchema)['_output'];
export type ComplianceProject = ComplianceReport['projects'][number];
export type ComplianceUnit = ComplianceReport['units'][number];
export type ComplianceResult = ComplianceProject['results'][number];
export type ProjectCompliance = (typeof ProjectComplianceSchema)['_output'];

export const complianceKeys = {
  all: ['compliance'] as const,
  report: (orgUnitId: string | null) => ['compliance', orgUnitId ?? 'all'] as const,
  project: (projectId: string) => ['compliance', 'project', projectId] as const,
};

export function fetchCompliance(orgUnitId: string | null, signal?: AbortSignal): Promise<ComplianceReport> {
  return apiFetch('/compliance', { query: { orgUnitId }, signal });
}

/** One project's row of the compliance report: its score, target and each rule's result. */
export function fetchProjectCompliance(projectId: string, signal?: AbortSignal): Promise<ProjectCompliance> {
  return apiFetch(`/projects/${encodeURIComponent(projectId)}/compliance`, { signal });
}
