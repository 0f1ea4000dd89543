import {
  DeleteDocumentQuery,
  Document,
  DocumentList,
  DocumentPage,
  DocumentSearchQuery,
  DocumentTemplateList,
  DocumentTemplateParams,
  DocumentVersionList,
  DocumentVersionParams,
  IdParams,
  LibraryQuery,
  NewDocumentVersionQuery,
  Ok,
  UpdateDocumentBody,
  UploadLibraryDocumentQuery,
  UploadProjectDocumentQuery,
} from '@baton/contracts';
import { DOCUMENT_MEDIA_TYPES } from '@baton/interop';
import type { FastifyReply } from 'fastify';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

/** Media types an upload may be sent as; Baton decides the real type from the bytes either way. */
export const UPLOAD_MEDIA_TYPES: readonly string[] = [...DOCUMENT_MEDIA_TYPES, 'application/octet-stream'];

/** RFC 6266 / 8187: an ASCII fallback for old clients and the exact name as UTF-8. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const exact = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/**
 * Sends stored bytes as a download that no browser renders in Baton's origin: attachment, no sniffing,
 * and a sandboxing policy in case it is opened anyway.
 */
function sendFile(
  reply: FastifyReply,
  file: { bytes: Buffer; fileName: string; mediaType: string; sha256?: string },
) {
  reply
    .header('content-type', file.mediaType)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-cache');
  if (file.sha256) reply.header('etag', `"${file.sha256}"`);
  return reply.send(file.bytes);
}

const asBuffer = (body: unknown): Buffer | undefined => (Buffer.isBuffer(body) ? body : undefined);

export function registerDocumentRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Documents'];
  const upload = { rawBody: UPLOAD_MEDIA_TYPES, bodyLimit: s.documents.limits.maxBytes };

  r.add({
    method: 'GET',
    url: '/api/v1/document-templates',
    summary:
      'The PMO’s standard templates (charter, business case, status report, risk log, lessons learned)',
    tags,
    schema: { response: { 200: DocumentTemplateList } },
    handler: async () => s.documentTemplates.list(),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/document-templates/:key',
    summary: 'Download a template (Word or Excel)',
    tags,
    schema: { params: DocumentTemplateParams },
    handler: async (req, reply) => sendFile(reply, await s.documentTemplates.file(req.params.key)),
  });

  r.add({
    method: 'GET',
    url: '/api/v1/library/documents',
    summary: 'The PMO library: guides, policies and the PMO’s own templates',
    tags,
    schema: { querystring: LibraryQuery, response: { 200: DocumentList } },
    handler: async (req) => s.documents.listLibrary(req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/library/documents',
    summary: 'Add a file to the PMO library: the body is the file’s bytes, the rest is in the query string',
    tags,
    status: 201,
    ...upload,
    schema: { querystring: UploadLibraryDocumentQuery, response: { 201: Document } },
    handler: async (req, _reply, actor) => s.documents.uploadLibrary(actor, req.query, asBuffer(req.body)),
  });

  r.add({
    method: 'GET',
    url: '/api/v1/documents',
    summary: 'Search project documents on the projects the caller may see',
    tags,
    schema: { querystring: DocumentSearchQuery, response: { 200: DocumentPage } },
    handler: async (req, _reply, actor) => s.documents.search(actor, req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/documents',
    summary: 'The project’s documents with their current versions',
    tags,
    schema: { params: IdParams, response: { 200: DocumentList } },
    handler: async (req) => s.documents.listProject(req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/documents',
    summary:
      'Upload a project document (its first version): the body is the file’s bytes, the rest is in the query string',
    tags,
    status: 201,
    ...upload,
    schema: { params: IdParams, querystring: UploadProjectDocumentQuery, response: { 201: Document } },
    handler: async (req, _reply, actor) =>
      s.documents.uploadProject(actor, req.params.id, req.query, asBuffer(req.body)),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/documents/:id',
    summary: 'One document with its current version',
    tags,
    schema: { params: IdParams, response: { 200: Document } },
    handler: async (req) => s.documents.get(req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/documents/:id',
    summary: 'Change a document’s title, category, description or gate deliverable (library: its org unit)',
    tags,
    schema: { params: IdParams, body: UpdateDocumentBody, response: { 200: Document } },
    handler: async (req, _reply, actor) => s.documents.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/documents/:id',
    summary: 'Delete a document (its versions stay in the record); ?version is required',
    tags,
    schema: { params: IdParams, querystring: DeleteDocumentQuery, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.documents.remove(actor, req.params.id, req.query.version);
      return { ok: true as const };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/documents/:id/versions',
    summary: 'Every version of a document, newest first',
    tags,
    schema: { params: IdParams, response: { 200: DocumentVersionList } },
    handler: async (req) => s.documents.versions(req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/documents/:id/versions',
    summary: 'Upload a new version: the body is the file’s bytes, fileName and note are in the query string',
    tags,
    status: 201,
    ...upload,
    schema: { params: IdParams, querystring: NewDocumentVersionQuery, response: { 201: Document } },
    handler: async (req, _reply, actor) =>
      s.documents.addVersion(actor, req.params.id, req.query, asBuffer(req.body)),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/documents/:id/content',
    summary: 'Download the current version',
    tags,
    schema: { params: IdParams },
    handler: async (req, reply) => sendFile(reply, await s.documents.content(req.params.id)),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/documents/:id/versions/:versionNo/content',
    summary: 'Download one version',
    tags,
    schema: { params: DocumentVersionParams },
    handler: async (req, reply) =>
      sendFile(reply, await s.documents.content(req.params.id, req.params.versionNo)),
  });
}
