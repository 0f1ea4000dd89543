import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseHandle } from '@baton/db';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { pingDatabase } from './db/ping.ts';
import { registerAuthentication } from './http/authenticate.ts';
import { ProblemError, tooLarge } from './http/problem.ts';
import { ReadCache } from './http/read-cache.ts';
import { RouteRegistrar } from './http/routes.ts';
import { zodValidatorCompiler } from './http/validation.ts';
import { registerAuditRoutes } from './modules/audits/audits.routes.ts';
import { registerAuthRoutes } from './modules/auth/auth.routes.ts';
import type { Authenticated } from './modules/auth/auth.service.ts';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes.ts';
import { registerConfigurationRoutes } from './modules/configuration/configuration.routes.ts';
import { registerCustomFieldRoutes } from './modules/custom-fields/custom-fields.routes.ts';
import { registerDashboardRoutes } from './modules/dashboards/dashboards.routes.ts';
import { registerDeliveryRoutes } from './modules/delivery/delivery.routes.ts';
import { registerDocumentRoutes } from './modules/documents/documents.routes.ts';
import { registerExportRoutes } from './modules/exports/exports.routes.ts';
import { registerForecastRoutes } from './modules/forecast/forecast.routes.ts';
import { registerGovernanceRoutes } from './modules/governance/governance.routes.ts';
import { registerHealthRoutes } from './modules/health/health.routes.ts';
import { registerJobRoutes } from './modules/jobs/jobs.routes.ts';
import { registerJournalRoutes } from './modules/journal/journal.routes.ts';
import { registerHealthRuleRoutes } from './modules/metrics/health-rules.routes.ts';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.ts';
import { registerOrgRoutes } from './modules/org/org.routes.ts';
import { registerPortfolioRoutes } from './modules/portfolio/portfolio.routes.ts';
import { registerProjectRoutes } from './modules/projects/projects.routes.ts';
import { registerQualityRoutes } from './modules/quality/quality.routes.ts';
import { registerRaidRoutes } from './modules/raid/raid.routes.ts';
import { registerReportRoutes } from './modules/reports/reports.routes.ts';
import { registerResourceRoutes } from './modules/resources/resources.routes.ts';
import { registerScheduleRoutes } from './modules/schedule/schedule.routes.ts';
import { registerCommunicationRoutes } from './modules/stakeholders/communications.routes.ts';
import { registerStakeholderRoutes } from './modules/stakeholders/stakeholders.routes.ts';
import { registerStandardsRoutes } from './modules/standards/standards.routes.ts';
import { registerStatusReportRoutes } from './modules/status-reports/status-reports.routes.ts';
import { registerUserRoutes } from './modules/users/users.routes.ts';
import { createServices, type Services } from './services.ts';

export type AppOptions = {
  database: DatabaseHandle;
  config: Config;
  /** false for tests; otherwise pino at config.logLevel */
  logger?: boolean;
};

export type BatonApp = { app: FastifyInstance; services: Services; registrar: RouteRegistrar };

const FASTIFY_STATUS_TYPES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
};

/** Turns any error into a problem+json response; 5xx details stay in the log. */
function toProblem(error: FastifyError | Error, instance: string, bodyLimit: number): ProblemError {
  if (error instanceof ProblemError) return error;
  const fe = error as FastifyError;
  const status = fe.statusCode ?? 500;
  if (status === 413) return tooLarge(bodyLimit);
  if (status >= 400 && status < 500) {
    const type = FASTIFY_STATUS_TYPES[fe.code] ?? 'bad-request';
    const detail = type === 'malformed-json' ? `The body is not valid JSON: ${fe.message}` : fe.message;
    return new ProblemError(status, type, detail);
  }
  void instance;
  return new ProblemError(
    500,
    'internal',
    'Something went wrong on our side; the request id is in the logs.',
  );
}

/** Builds the HTTP server on an open database: routes, authentication, errors, docs, web bundle. */
export async function buildApp(options: AppOptions): Promise<BatonApp> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
              remove: true,
            },
          },
    bodyLimit: config.bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: process.env.BATON_TRUST_PROXY === 'true',
    routerOptions: { ignoreTrailingSlash: true },
  });
  const services = createServices(
    database.db,
    { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    { maxBytes: config.documentMaxBytes },
  );

  services.mailer.configure({
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    publicUrl: config.publicUrl,
  });
  app.addHook('onClose', async () => services.mailer.close());

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, req, reply) => {
    const problem = toProblem(error as Error, req.url, req.routeOptions.bodyLimit ?? config.bodyLimitBytes);
    if (problem.status >= 500) req.log.error({ err: error }, 'request failed');
    reply
      .code(problem.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(JSON.stringify(problem.toProblem(req.url)));
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!req.url.startsWith('/api/docs')) {
      reply.header('x-frame-options', 'DENY');
      reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new ProblemError(
        429,
        'rate-limited',
        `Too many attempts: try again in ${Math.ceil(ctx.ttl / 1000)} s.`,
      ),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Baton API',
        version: '1.0.0',
        description:
          'The PMO platform’s REST API. Sign in with POST /api/v1/auth/login (session cookie; send X-CSRF-Token from the response on browser writes) or use a personal API token as Authorization: Bearer. Errors are RFC 9457 application/problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'baton_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Uploaded files (MSPDI XML, CSV) arrive as text: parsed by interop, never executed or served back as HTML.
  app.addContentTypeParser(
    ['application/xml', 'text/xml', 'text/csv', 'text/plain'],
    { parseAs: 'string' },
    (_req, body, done) => {
      done(null, body);
    },
  );

  // Reads served from memory until anything changes (see read-cache.ts): writes through this server
  // drop the cache before their response leaves; other writers reach us through NOTIFY.
  const readCache = new ReadCache(config.readCache);
  const authCache = new ReadCache<Authenticated>(config.readCache, 10_000, 5_000);
  if (config.readCache) {
    try {
      const unlisten = await database.listen(
        'baton_changes',
        () => {
          readCache.invalidate();
          authCache.invalidate();
        },
        () => {
          readCache.disable();
          authCache.disable();
        },
      );
      app.addHook('onClose', async () => unlisten());
    } catch (e) {
      app.log.warn({ err: e }, 'change notifications unavailable: read cache off');
      readCache.disable();
      authCache.disable();
    }
  }
  app.addHook('onSend', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      readCache.invalidate();
      authCache.invalidate();
    }
  });
  registerAuthentication(app, services, authCache);

  const registrar = new RouteRegistrar(app, services, readCache);
  registerHealthRoutes(registrar, services, () => pingDatabase(database.db), database.kind);
  registerAuthRoutes(
    registrar,
    services,
    { secure: config.secureCookies },
    {
      max: config.loginRateLimit.max,
      timeWindow: config.loginRateLimit.windowMs,
      hook: 'preHandler',
      keyGenerator: (req: { ip: string; body?: unknown }) => {
        const email = (req.body as { email?: unknown } | undefined)?.email;
        return `${req.ip}|${typeof email === 'string' ? email.toLowerCase() : ''}`;
      },
    },
  );
  registerUserRoutes(registrar, services);
  registerOrgRoutes(registrar, services);
  registerProjectRoutes(registrar, services);
  registerScheduleRoutes(registrar, services);
  registerResourceRoutes(registrar, services);
  registerPortfolioRoutes(registrar, services);
  registerRaidRoutes(registrar, services);
  registerGovernanceRoutes(registrar, services);
  registerAuditRoutes(registrar, services);
  registerStandardsRoutes(registrar, services);
  registerStatusReportRoutes(registrar, services);
  registerReportRoutes(registrar, services);
  registerForecastRoutes(registrar, services);
  registerJobRoutes(registrar, services);
  registerHealthRuleRoutes(registrar, services);
  registerExportRoutes(registrar, services);
  registerQualityRoutes(registrar, services);
  registerDocumentRoutes(registrar, services);
  registerCustomFieldRoutes(registrar, services);
  registerJournalRoutes(registrar, services);
  registerNotificationRoutes(registrar, services);
  registerDeliveryRoutes(registrar, services);
  registerCalendarRoutes(registrar, services);
  registerDashboardRoutes(registrar, services);
  registerStakeholderRoutes(registrar, services);
  registerCommunicationRoutes(registrar, services);
  registerConfigurationRoutes(registrar, services);
  registrar.add({
    method: 'GET',
    url: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    tags: ['Operations'],
    schema: {},
    handler: async () => app.swagger(),
  });

  const webDist = config.webDist;
  const hasWeb = webDist !== null && existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((req, reply) => {
    const isPage =
      req.method === 'GET' &&
      !req.url.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(req.url.split('?')[0] ?? '');
    if (isPage && hasWeb) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    const problem = new ProblemError(404, 'not-found', `No route ${req.method} ${req.url.split('?')[0]}.`);
    return reply
      .code(404)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(JSON.stringify(problem.toProblem(req.url)));
  });

  if (config.jobWorker) {
    // The recurring jobs (the report scheduler's tick, the daily reminders) are seeded by a server that runs jobs.
    // (Not fatal: a database without the schema yet, as when only the OpenAPI document is built.)
    try {
      await services.delivery.enqueueTick();
      await services.reminders.enqueueFor(new Date().toISOString().slice(0, 10), new Date());
    } catch (e) {
      app.log.warn({ err: e }, 'recurring jobs not queued');
    }
    // Dashboards read stored figures: recompute them all at start (and nightly); snapshot last month.
    await services.projectMetrics.refreshAllLater();
    await services.projectMetrics.scheduleNightly();
    await services.kpis.ensureLastMonth();
    services.jobs.start();
    app.addHook('onClose', async () => services.jobs.stop());
  }

  await app.ready();
  return { app, services, registrar };
}
