import type {
  Document as DocumentSchema,
  DocumentTemplate as DocumentTemplateSchema,
  DocumentVersion as DocumentVersionSchema,
  UpdateDocumentBody as UpdateDocumentBodySchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type ClearinghouseDocument = Out<typeof DocumentSchema>;
export type DocumentVersion = Out<typeof DocumentVersionSchema>;
export type DocumentTemplate = Out<typeof DocumentTemplateSchema>;
export type UpdateDocumentBody = In<typeof UpdateDocumentBodySchema>;

export type DocumentSearchParams = {
  q?: string | undefined;
  category?: string | undefined;
  page?: number;
  pageSize?: number;
};
export type LibraryParams = { orgUnitId?: string | undefined; category?: string | undefined };

export const documentKeys = {
  all: ['documents'] as const,
  project: (projectId: string) => ['documents', 'project', projectId] as const,
  versions: (id: string) => ['documents', 'versions', id] as const,
  library: (params: LibraryParams = {}) => ['documents', 'library', params] as const,
  search: (params: DocumentSearchParams) => ['documents', 'search', params] as const,
  templates: ['documents', 'templates'] as const,
};

const enc = encodeURIComponent;
/** Files go up as their bytes; the server decides their type from the content. */
const asFile = (file: Blob) => ({ text: file, contentType: 'application/octet-stream' });

export function listProjectDocuments(
  projectId: string,
  signal?: AbortSignal,
): Promise<{ items: ClearinghouseDocument[] }> {
  return apiFetch(`/projects/${enc(projectId)}/documents`, { signal });
}

export type UploadMeta = {
  fileName: string;
  title: string;
  category?: string | undefined;
  description?: string | undefined;
  note?: string | undefined;
  phaseKey?: string | undefined;
  deliverableKey?: string | undefined;
};

export function uploadProjectDocument(
  projectId: string,
  file: Blob,
  meta: UploadMeta,
): Promise<ClearinghouseDocument> {
  return apiFetch(`/projects/${enc(projectId)}/documents`, {
    method: 'POST',
    raw: asFile(file),
    query: meta,
  });
}

export function uploadDocumentVersion(
  id: string,
  file: Blob,
  meta: { fileName: string; note?: string | undefined },
): Promise<ClearinghouseDocument> {
  return apiFetch(`/documents/${enc(id)}/versions`, { method: 'POST', raw: asFile(file), query: meta });
}

export function listDocumentVersions(
  id: string,
  signal?: AbortSignal,
): Promise<{ items: DocumentVersion[] }> {
  return apiFetch(`/documents/${enc(id)}/versions`, { signal });
}

export function updateDocument(id: string, body: UpdateDocumentBody): Promise<ClearinghouseDocument> {
  return apiFetch(`/documents/${enc(id)}`, { method: 'PATCH', body });
}

export function deleteDocument(id: string, version: number): Promise<{ ok: true }> {
  return apiFetch(`/documents/${enc(id)}`, { method: 'DELETE', query: { version } });
}

/** Where the current version downloads from (a same-origin link: the session cookie goes along). */
export function contentUrl(id: string): string {
  return `/api/v1/documents/${enc(id)}/content`;
}

export function searchDocuments(
  params: DocumentSearchParams,
  signal?: AbortSignal,
): Promise<{ items: ClearinghouseDocument[]; total: number; page: number; pageSize: number }> {
  return apiFetch('/documents', { query: params, signal });
}

export function listLibrary(
  params: LibraryParams = {},
  signal?: AbortSignal,
): Promise<{ items: ClearinghouseDocument[] }> {
  return apiFetch('/library/documents', { query: params, signal });
}

export function uploadLibraryDocument(
  file: Blob,
  meta: Omit<UploadMeta, 'phaseKey' | 'deliverableKey'> & { orgUnitId?: string | undefined },
): Promise<ClearinghouseDocument> {
  return apiFetch('/library/documents', { method: 'POST', raw: asFile(file), query: meta });
}

export function listDocumentTemplates(signal?: AbortSignal): Promise<{ items: DocumentTemplate[] }> {
  return apiFetch('/document-templates', { signal });
}
