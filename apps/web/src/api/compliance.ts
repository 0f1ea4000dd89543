import type { ComplianceReport as ComplianceReportSchema } from '@baton/contracts';
import { apiFetch } from './client.ts';

export type ComplianceReport = (typeof ComplianceReportSchema)['_output'];
export type ComplianceProject = ComplianceReport['projects'][number];
export type ComplianceUnit = ComplianceReport['units'][number];

export const complianceKeys = {
  report: (orgUnitId: string | null) => ['compliance', orgUnitId ?? 'all'] as const,
};

export function fetchCompliance(orgUnitId: string | null, signal?: AbortSignal): Promise<ComplianceReport> {
  return apiFetch('/compliance', { query: { orgUnitId }, signal });
}
