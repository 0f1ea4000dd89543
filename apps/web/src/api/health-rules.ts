import type {
  HealthRulesBody as HealthRulesBodySchema,
  UnitHealthRules as UnitHealthRulesSchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

export type UnitHealthRules = (typeof UnitHealthRulesSchema)['_output'];
export type HealthRuleRow = UnitHealthRules['rules'][number];
export type HealthRulesBody = (typeof HealthRulesBodySchema)['_input'];

const enc = encodeURIComponent;

export const healthRuleKeys = {
  unit: (orgUnitId: string) => ['health-rules', orgUnitId] as const,
};

export function fetchUnitHealthRules(orgUnitId: string, signal?: AbortSignal): Promise<UnitHealthRules> {
  return apiFetch(`/org-units/${enc(orgUnitId)}/health-rules`, { signal });
}

export function updateUnitHealthRules(orgUnitId: string, body: HealthRulesBody): Promise<UnitHealthRules> {
  return apiFetch(`/org-units/${enc(orgUnitId)}/health-rules`, { method: 'PUT', body });
}

export function resetUnitHealthRules(orgUnitId: string, version: number): Promise<UnitHealthRules> {
  return apiFetch(`/org-units/${enc(orgUnitId)}/health-rules`, { method: 'DELETE', query: { version } });
}
