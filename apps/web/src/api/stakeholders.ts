import type {
  CreateStakeholderBody as CreateStakeholderBodySchema,
  StakeholderList as StakeholderListSchema,
  UpdateStakeholderBody as UpdateStakeholderBodySchema,
} from '@baton/contracts';
import { apiFetch, type QueryValue } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type StakeholderList = Out<typeof StakeholderListSchema>;
export type Stakeholder = StakeholderList['items'][number];
export type StakeholderQuadrant = Stakeholder['quadrant'];
export type StakeholderAttitude = Stakeholder['attitude'];
export type EngagementLevel = Stakeholder['engagementCurrent'];
export type CreateStakeholderBody = In<typeof CreateStakeholderBodySchema>;
export type UpdateStakeholderBody = In<typeof UpdateStakeholderBodySchema>;

export type StakeholderListParams = {
  projectId?: string;
  quadrant?: StakeholderQuadrant;
  attitude?: StakeholderAttitude;
  q?: string;
};

export const stakeholderKeys = {
  all: ['stakeholders'] as const,
  list: (params: StakeholderListParams) => ['stakeholders', 'list', params] as const,
  detail: (id: string) => ['stakeholders', 'detail', id] as const,
};

const enc = encodeURIComponent;

export function listStakeholders(
  params: StakeholderListParams,
  signal?: AbortSignal,
): Promise<StakeholderList> {
  return apiFetch('/stakeholders', { query: params as Readonly<Record<string, QueryValue>>, signal });
}
export function fetchStakeholder(id: string, signal?: AbortSignal): Promise<Stakeholder> {
  return apiFetch(`/stakeholders/${enc(id)}`, { signal });
}
export function createStakeholder(body: CreateStakeholderBody): Promise<Stakeholder> {
  return apiFetch('/stakeholders', { method: 'POST', body });
}
export function updateStakeholder(id: string, body: UpdateStakeholderBody): Promise<Stakeholder> {
  return apiFetch(`/stakeholders/${enc(id)}`, { method: 'PATCH', body });
}
export function deleteStakeholder(id: string, version: number): Promise<{ ok: true }> {
  return apiFetch(`/stakeholders/${enc(id)}`, { method: 'DELETE', query: { version } });
}
