import { apiFetch } from './client.ts';
import type { CreateCustomFieldBody, CustomField, UpdateCustomFieldBody } from './types.ts';

export const customFieldKeys = { all: ['custom-fields'] as const };

export function listCustomFields(signal?: AbortSignal): Promise<{ items: CustomField[] }> {
  return apiFetch('/custom-fields', { signal });
}
export function createCustomField(body: CreateCustomFieldBody): Promise<CustomField> {
  return apiFetch('/custom-fields', { method: 'POST', body });
}
export function updateCustomField(id: string, body: UpdateCustomFieldBody): Promise<CustomField> {
  return apiFetch(`/custom-fields/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}
export function deleteCustomField(id: string): Promise<{ ok: true }> {
  return apiFetch(`/custom-fields/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
