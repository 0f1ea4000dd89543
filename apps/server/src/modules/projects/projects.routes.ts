import {
  CreateProjectBody,
  HistoryQuery,
  IdParams,
  JournalPage,
  Ok,
  Project,
  ProjectListQuery,
  ProjectPage,
  ProjectSummary,
  TransitionBody,
  UpdateProjectBody,
} from '@baton/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ProblemError } from '../../http/problem.ts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import type { Precondition } from './projects.service.ts';

const etagOf = (version: number) => `"${version}"`;

/** Reads If-Match (`"3"`, `W/"3"` or `3`); a malformed one is a 400 naming the header. */
function ifMatchVersion(req: FastifyRequest): number | null {
  const raw = req.headers['if-match'];
  if (raw === undefined) return null;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(raw));
  if (!m?.[1]) {
    throw new ProblemError(400, 'validation', 'If-Match must carry an ETag this API gave out, such as "3".', [
      { field: 'If-Match', rule: 'etag', message: 'is not an ETag of this API' },
    ]);
  }
  return Number(m[1]);
}

function precondition(
  req: FastifyRequest,
  bodyVersion: number | undefined,
  required: boolean,
): Precondition | null {
  const header = ifMatchVersion(req);
  if (header !== null) return { version: header, source: 'if-match' };
  if (bodyVersion !== undefined) return { version: bodyVersion, source: 'body' };
  if (!required) return null;
  throw new ProblemError(
    428,
    'precondition-required',
    'Send the version you edited, in the body or as If-Match.',
    [{ field: 'version', rule: 'required', message: 'is required' }],
  );
}

function withEtag(reply: FastifyReply, p: Project): Project {
  reply.header('etag', etagOf(p.version));
  return p;
}

export function registerProjectRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Projects'];
  r.add({
    method: 'GET',
    url: '/api/v1/projects',
    cache: true,
    summary: 'Projects you may see: filter, search, sort and page',
    tags,
    schema: { querystring: ProjectListQuery, response: { 200: ProjectPage } },
    handler: async (req, _reply, actor) => s.projects.list(actor, req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/summary',
    cache: true,
    summary: 'Counts by status for the same filters as the list',
    tags,
    schema: { querystring: ProjectListQuery, response: { 200: ProjectSummary } },
    handler: async (req, _reply, actor) => s.projects.summary(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects',
    summary: 'Register a project',
    tags,
    status: 201,
    schema: { body: CreateProjectBody, response: { 201: Project } },
    handler: async (req, reply, actor) => {
      const p = await s.projects.create(actor, req.body);
      reply.header('location', `/api/v1/projects/${p.id}`);
      return withEtag(reply, p);
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id',
    summary: 'One project (ETag carries its version)',
    tags,
    schema: { params: IdParams, response: { 200: Project } },
    handler: async (req, reply) => withEtag(reply, await s.projects.get(req.params.id)),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/projects/:id',
    summary: 'Change a project; carries the version edited (409 if stale) or If-Match (412)',
    tags,
    schema: { params: IdParams, body: UpdateProjectBody, response: { 200: Project } },
    handler: async (req, reply, actor) => {
      const pre = precondition(req, req.body.version, true) as Precondition;
      return withEtag(reply, await s.projects.update(actor, req.params.id, req.body, pre));
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/transitions',
    summary:
      'Move a project along its lifecycle (cancelling needs a reason; approving needs approval rights)',
    tags,
    schema: { params: IdParams, body: TransitionBody, response: { 200: Project } },
    handler: async (req, reply, actor) => {
      const pre = precondition(req, req.body.version, true) as Precondition;
      return withEtag(
        reply,
        await s.projects.transition(actor, req.params.id, req.body.to, req.body.reason ?? null, pre),
      );
    },
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/projects/:id',
    summary: 'Delete a project (kept in the journal); optional If-Match or ?version',
    tags,
    schema: {
      params: IdParams,
      querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
      response: { 200: Ok },
    },
    handler: async (req, _reply, actor) => {
      await s.projects.remove(actor, req.params.id, precondition(req, req.query.version, false));
      return { ok: true as const };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/history',
    summary: 'The project’s journal: who changed what, when, field by field (newest first)',
    tags,
    schema: { params: IdParams, querystring: HistoryQuery, response: { 200: JournalPage } },
    handler: async (req) => s.projects.history(req.params.id, req.query),
  });
}
