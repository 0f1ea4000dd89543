import type { ScopePath } from '@baton/core';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RequestPayload,
  RouteOptions,
  RouteShorthandOptions,
} from 'fastify';
import type { ZodType, z } from 'zod';
import type { Actor } from '../modules/access/access.service.ts';
import type { Authenticated } from '../modules/auth/auth.service.ts';
import type { Services } from '../services.ts';
import { forbidden, ProblemError } from './problem.ts';
import type { ReadCache } from './read-cache.ts';
import { type Access, lookupAccess, type ScopeRef } from './route-access.ts';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Schemas = {
  params?: ZodType;
  querystring?: ZodType;
  body?: ZodType;
  headers?: ZodType;
  response?: Record<number, ZodType>;
};
type Out<S, K extends keyof S> = S[K] extends ZodType ? z.output<S[K]> : unknown;

export type RouteRequest<S extends Schemas> = FastifyRequest<{
  Params: Out<S, 'params'>;
  Querystring: Out<S, 'querystring'>;
  Body: Out<S, 'body'>;
}>;

export type RouteSpec<S extends Schemas> = {
  method: Method;
  url: string;
  summary: string;
  tags: string[];
  schema: S;
  /** Status for a successful response when not 200. */
  status?: number;
  /** Fastify route config (e.g. a rate limit). */
  config?: Record<string, unknown>;
  /** A larger body limit for file uploads (bytes). */
  bodyLimit?: number;
  /**
   * The body arrives as raw bytes (a Buffer) when sent as one of these media types; any other type is
   * refused with 415. The route gets a Fastify context of its own for that parser, and is authorised
   * before its body is read (a refused caller never uploads the bytes).
   */
  rawBody?: readonly string[];
  /** A read whose result may be served from the read cache (per user and URL). */
  cache?: boolean;
  /**
   * The handler returns its 200 body already as JSON text (UTF-8 bytes or a string), which is sent
   * as it is, not encoded through the response schema: for a large payload the server builds from
   * its own data, where that pass cost about as much as computing it (the capacity heatmap, ~4 MB).
   * The schema still documents the response in OpenAPI; the route's tests hold the text to it.
   */
  jsonBody?: boolean;
  handler: (req: RouteRequest<S>, reply: FastifyReply, actor: Actor) => Promise<unknown>;
};

/** Every route the server has, in registration order: the authorisation matrix test walks this. */
export type RegisteredRoute = { method: Method; url: string; access: Access };

/** Registers routes after checking each has an entry in the permission table. */
export class RouteRegistrar {
  readonly routes: RegisteredRoute[] = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly services: Services,
    private readonly cache: ReadCache | null = null,
  ) {}

  add<S extends Schemas>(spec: RouteSpec<S>): void {
    const access = lookupAccess(spec.method, spec.url);
    if (!access)
      throw new Error(
        `Route ${spec.method} ${spec.url} has no entry in the permission table (route-access.ts)`,
      );
    this.routes.push({ method: spec.method, url: spec.url, access });
    const services = this.services;
    const schema = { ...spec.schema, summary: spec.summary, tags: spec.tags } as NonNullable<
      RouteShorthandOptions['schema']
    >;
    // Authorisation comes before validation: someone who may not act here learns nothing about the
    // body's rules. Scopes read from the body use only well-formed ids (see bodyField). A raw upload
    // is authorised before its body is even read.
    const hook = spec.rawBody
      ? {
          preParsing: async (req: FastifyRequest, _reply: FastifyReply, payload: RequestPayload) => {
            await authorise(req, access, services);
            return payload;
          },
        }
      : {
          preValidation: async (req: FastifyRequest) => {
            await authorise(req, access, services);
          },
        };
    const route: RouteOptions = {
      method: spec.method,
      url: spec.url,
      schema,
      ...hook,
      ...(spec.config ? { config: spec.config } : {}),
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      handler: async (req, reply) => {
        const actor = toActor(req);
        const cache = spec.cache && spec.method === 'GET' && req.auth ? this.cache : null;
        const key = cache ? `${req.auth?.userId}|${req.url}` : '';
        if (cache) {
          // Cached reads keep their serialised JSON, so a hit costs neither the database nor serialisation.
          const hit = cache.get(key);
          const generation = cache.current;
          const body =
            typeof hit === 'string' || hit instanceof Uint8Array
              ? hit
              : spec.jsonBody
                ? jsonText(await spec.handler(req as unknown as RouteRequest<S>, reply, actor))
                : JSON.stringify(
                    okSchema(spec)?.parse(
                      await spec.handler(req as unknown as RouteRequest<S>, reply, actor),
                    ),
                  );
          if (hit === undefined) cache.set(key, generation, body);
          return reply.type('application/json; charset=utf-8').send(body);
        }
        const result = await spec.handler(req as unknown as RouteRequest<S>, reply, actor);
        if (spec.status && reply.statusCode === 200) reply.code(spec.status);
        // JSON text with a JSON content type is sent as it is, past the schema's serialiser.
        if (spec.jsonBody && !reply.sent)
          return reply.type('application/json; charset=utf-8').send(jsonText(result));
        return result;
      },
    };
    const rawTypes = spec.rawBody;
    if (!rawTypes) {
      this.app.route(route);
      return;
    }
    // Only this route parses these types as bytes: elsewhere text/csv and text/plain stay text.
    this.app.register(async (child) => {
      child.removeAllContentTypeParsers();
      child.addContentTypeParser([...rawTypes], { parseAs: 'buffer' }, (_req, body, done) => {
        done(null, body);
      });
      child.route(route);
    });
  }
}

const unauthenticated = () =>
  new ProblemError(
    401,
    'unauthenticated',
    'Sign in first, or send a personal API token as Authorization: Bearer.',
  );

/** The signed-in user of a route that requires one. */
export function authOf(req: FastifyRequest): Authenticated {
  if (!req.auth) throw unauthenticated();
  return req.auth;
}

/** The body a `jsonBody` handler returned: JSON text, as bytes or a string. */
function jsonText(result: unknown): Uint8Array | string {
  if (typeof result === 'string' || result instanceof Uint8Array) return result;
  throw new Error('a jsonBody route must return its body as JSON text');
}

function okSchema(spec: { schema: Schemas }): ZodType | undefined {
  return spec.schema.response?.[200];
}

export function toActor(req: FastifyRequest): Actor {
  return req.auth
    ? { userId: req.auth.userId, grants: req.auth.grants, requestId: req.id }
    : { userId: null, grants: [], requestId: req.id };
}

function param(req: FastifyRequest, name: string): string {
  const v = (req.params as Record<string, unknown>)[name];
  if (typeof v !== 'string' || !UUID.test(v)) {
    throw new ProblemError(400, 'validation', `Invalid path: ${name}: must be a UUID`, [
      { field: name, rule: 'invalid_format', message: 'must be a UUID' },
    ]);
  }
  return v;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the not-yet-validated body: a malformed one counts as absent (validation will name it). */
function bodyField(req: FastifyRequest, name: string): string | null | undefined {
  const body = req.body !== null && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
  const v = body[name];
  return typeof v === 'string' && UUID.test(v) ? v : v === null ? null : undefined;
}

/** An id from the not-yet-validated query string, read like bodyField. */
function queryField(req: FastifyRequest, name: string): string | null | undefined {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' && UUID.test(v) ? v : undefined;
}

/** Where the route's action must be held, for this request ('anywhere': held at any scope). */
async function resolveScope(
  ref: Exclude<ScopeRef, 'anywhere'>,
  req: FastifyRequest,
  s: Services,
): Promise<ScopePath | 'anywhere'> {
  switch (ref) {
    case 'organisation':
      return { orgUnitIds: [], portfolioId: null, projectId: null };
    case 'project':
      return s.access.projectPath(param(req, 'id'));
    case 'org-unit':
      return s.access.orgUnitPath(param(req, 'id'));
    case 'portfolio':
      return s.access.portfolioPath(param(req, 'id'));
    case 'program':
      return s.access.programPath(param(req, 'id'));
    case 'task':
      return s.access.projectPath(await s.tasks.projectOfTask(param(req, 'id')));
    case 'link':
      return s.access.projectPath((await s.tasks.projectsOfLink(param(req, 'id'))).successor);
    case 'new-link': {
      const successorId = bodyField(req, 'successorId');
      if (!successorId) return { orgUnitIds: [], portfolioId: null, projectId: null };
      return s.access.projectPath(
        await s.tasks.projectOfTask(successorId).catch(() => {
          throw new ProblemError(422, 'validation', 'successorId: no such task', [
            { field: 'successorId', rule: 'exists', message: 'no such task' },
          ]);
        }),
      );
    }
    case 'new-project':
      return (
        await s.access.placement({
          orgUnitId: bodyField(req, 'orgUnitId'),
          portfolioId: bodyField(req, 'portfolioId'),
          programId: bodyField(req, 'programId'),
        })
      ).path;
    case 'new-portfolio':
      return s.access.newPortfolioPath(bodyField(req, 'orgUnitId'));
    case 'new-program': {
      const portfolioId = bodyField(req, 'portfolioId');
      if (!portfolioId) return { orgUnitIds: [], portfolioId: null, projectId: null };
      return s.access.newProgramPath(portfolioId);
    }
    case 'new-org-unit':
      return s.access.newOrgUnitPath(bodyField(req, 'parentId'));
    case 'resource':
      return s.resources.pathOf(param(req, 'id'));
    case 'new-resource': {
      return s.access.orgUnitOrRootPath(bodyField(req, 'orgUnitId') ?? null).catch(() => {
        throw new ProblemError(422, 'validation', 'orgUnitId: no such org unit', [
          { field: 'orgUnitId', rule: 'exists', message: 'no such org unit' },
        ]);
      });
    }
    case 'allocation':
      return s.access.projectPath(await s.allocations.projectOfAllocation(param(req, 'id')));
    case 'staffing-request':
      return s.access.projectPath(await s.allocations.projectOfStaffing(param(req, 'id')));
    case 'risk':
      return s.risks.pathOf(param(req, 'id'));
    case 'new-risk':
      return s.risks.newPath({
        projectId: bodyField(req, 'projectId'),
        portfolioId: bodyField(req, 'portfolioId'),
        orgUnitId: bodyField(req, 'orgUnitId'),
      });
    case 'issue':
      return s.issues.pathOfIssue(param(req, 'id'));
    case 'raid-entry':
      return s.issues.pathOfEntry(param(req, 'id'));
    case 'change-request':
      return s.changes.pathOf(param(req, 'id'));
    case 'template':
      return s.governance.templatePath(param(req, 'id'));
    case 'audit':
      return s.audits.pathOf(param(req, 'id'));
    case 'finding':
      return s.audits.pathOfFinding(param(req, 'id'));
    case 'status-report':
      return s.statusReports.pathOf(param(req, 'id'));
    case 'standard':
      return s.standards.pathOfStandard(param(req, 'id'));
    case 'compliance-item':
      return s.standards.pathOfItem(param(req, 'id'));
    case 'new-audit':
      return s.audits.newPath({
        projectId: bodyField(req, 'projectId'),
        orgUnitId: bodyField(req, 'orgUnitId'),
      });
    case 'new-template':
      return s.governance.newTemplatePath(bodyField(req, 'orgUnitId'));
    case 'document':
      return s.documents.pathOf(param(req, 'id'), req.method === 'GET' || req.method === 'HEAD');
    case 'new-library-document':
      return s.documents.newLibraryPath(queryField(req, 'orgUnitId'));
    case 'quality-standard':
      return s.qualityStandards.pathOf(param(req, 'id'));
    case 'new-quality-standard':
      return s.qualityStandards.newPath(bodyField(req, 'orgUnitId'));
    case 'deliverable':
      return s.deliverables.pathOf(param(req, 'id'));
    case 'non-conformance':
      return s.nonConformances.pathOf(param(req, 'id'));
    case 'lesson':
      return s.lessons.pathOf(param(req, 'id'));
    case 'configuration-item':
      return s.configuration.pathOfItem(param(req, 'id'));
    case 'configuration-baseline':
      return s.configurationBaselines.pathOf(param(req, 'id'));
    case 'communication-item':
      return s.communications.pathOf(param(req, 'id'));
    case 'communication-record':
      return s.communications.pathOfRecord(param(req, 'id'));
    case 'new-communication-item':
      return s.communications.newPath({
        projectId: bodyField(req, 'projectId'),
        orgUnitId: bodyField(req, 'orgUnitId'),
      });
    case 'new-in-project':
    case 'new-allocation': {
      const projectId = bodyField(req, 'projectId');
      if (!projectId) return { orgUnitIds: [], portfolioId: null, projectId: null };
      return s.access.projectPath(projectId).catch(() => {
        throw new ProblemError(422, 'validation', 'projectId: no such project', [
          { field: 'projectId', rule: 'exists', message: 'no such project' },
        ]);
      });
    }
  }
}

async function authorise(req: FastifyRequest, access: Access, s: Services): Promise<void> {
  if (access.kind === 'public') return;
  if (!req.auth) throw unauthenticated();
  if (access.kind === 'signed-in') return;
  const actor = toActor(req);
  const actions = typeof access.action === 'string' ? [access.action] : access.action;
  if (access.scope === 'anywhere') {
    if (!s.access.holdsAnywhere(actor, actions)) throw forbidden();
    return;
  }
  const path = await resolveScope(access.scope, req, s);
  if (path === 'anywhere' ? !s.access.holdsAnywhere(actor, actions) : !s.access.allows(actor, actions, path))
    throw forbidden();
}
