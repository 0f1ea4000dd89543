import { apiFetch } from './client.ts';
import type {
  CreateOrgUnitBody,
  CreatePortfolioBody,
  CreateProgramBody,
  OrgUnit,
  Portfolio,
  Program,
  UpdateOrgUnitBody,
  UpdatePortfolioBody,
  UpdateProgramBody,
} from './types.ts';

export const orgKeys = {
  all: ['org'] as const,
  units: ['org', 'units'] as const,
  portfolios: ['org', 'portfolios'] as const,
  programs: ['org', 'programs'] as const,
};

export function listOrgUnits(signal?: AbortSignal): Promise<{ items: OrgUnit[] }> {
  return apiFetch('/org-units', { signal });
}
export function createOrgUnit(body: CreateOrgUnitBody): Promise<OrgUnit> {
  return apiFetch('/org-units', { method: 'POST', body });
}
export function updateOrgUnit(id: string, body: UpdateOrgUnitBody): Promise<OrgUnit> {
  return apiFetch(`/org-units/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function listPortfolios(signal?: AbortSignal): Promise<{ items: Portfolio[] }> {
  return apiFetch('/portfolios', { signal });
}
export function createPortfolio(body: CreatePortfolioBody): Promise<Portfolio> {
  return apiFetch('/portfolios', { method: 'POST', body });
}
export function updatePortfolio(id: string, body: UpdatePortfolioBody): Promise<Portfolio> {
  return apiFetch(`/portfolios/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

/** Every program; filter by portfolio on the client, the list is small. */
export function listPrograms(signal?: AbortSignal): Promise<{ items: Program[] }> {
  return apiFetch('/programs', { signal });
}
export function createProgram(body: CreateProgramBody): Promise<Program> {
  return apiFetch('/programs', { method: 'POST', body });
}
export function updateProgram(id: string, body: UpdateProgramBody): Promise<Program> {
  return apiFetch(`/programs/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}
