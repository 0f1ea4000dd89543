import { apiFetch } from './client.ts';
import type { CreateUserBody, GrantInput, Page, UpdateUserBody, User } from './types.ts';

export type UserListParams = { q?: string; page?: number; pageSize?: number; active?: 'true' | 'false' };

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
  directory: ['users', 'directory'] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function listUsers(params: UserListParams, signal?: AbortSignal): Promise<Page<User>> {
  return apiFetch('/users', { query: params, signal });
}
export function fetchUser(id: string, signal?: AbortSignal): Promise<User> {
  return apiFetch(`/users/${encodeURIComponent(id)}`, { signal });
}
export function createUser(body: CreateUserBody): Promise<User> {
  return apiFetch('/users', { method: 'POST', body });
}
export function updateUser(id: string, body: UpdateUserBody): Promise<User> {
  return apiFetch(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}
export function addGrant(id: string, body: GrantInput): Promise<User> {
  return apiFetch(`/users/${encodeURIComponent(id)}/grants`, { method: 'POST', body });
}
export function removeGrant(id: string, grantId: string): Promise<User> {
  return apiFetch(`/users/${encodeURIComponent(id)}/grants/${encodeURIComponent(grantId)}`, {
    method: 'DELETE',
  });
}
