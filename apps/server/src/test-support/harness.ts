import type { Role, ScopeType } from '@baton/core';
import { type DatabaseHandle, openTestDatabase } from '@baton/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { RouteRegistrar } from '../http/routes.ts';
import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';

export const PASSWORD = 'correct-horse-battery';

export type Harness = {
  app: FastifyInstance;
  services: Services;
  registrar: RouteRegistrar;
  database: DatabaseHandle;
  close(): Promise<void>;
};

/** A real server on a fresh database (PGlite, or PostgreSQL when TEST_DATABASE_URL is set). */
export async function startHarness(overrides: Partial<Config> = {}): Promise<Harness> {
  const database = await openTestDatabase();
  const config: Config = {
    ...loadConfig({}),
    webDist: null,
    loginRateLimit: { max: 1000, windowMs: 60_000 },
    // Tests run jobs when they choose: services.jobs.runUntilIdle().
    jobWorker: false,
    ...overrides,
  };
  const { app, services, registrar } = await buildApp({ database, config, logger: false });
  return {
    app,
    services,
    registrar,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export type Client = {
  userId: string;
  csrf: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
};

/** Signs in through the API and returns a client that sends the session cookie. */
export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'baton_session');
  if (!cookie) throw new Error('no session cookie');
  const info = res.json() as { csrfToken: string; user: { id: string } };
  return {
    userId: info.user.id,
    csrf: info.csrfToken,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        cookies: { baton_session: cookie.value },
        headers,
        ...(body !== undefined ? { payload: body as object } : {}),
      }),
  };
}

/** Creates a user holding one role at one scope, straight through the service. */
export async function makeUser(
  s: Services,
  email: string,
  grant?: { role: Role; scopeType: ScopeType; scopeId: string | null },
): Promise<string> {
  const u = await s.users.create(SYSTEM_ACTOR, {
    email,
    name: email.split('@')[0] ?? email,
    password: PASSWORD,
    grants: grant ? [grant] : [],
  });
  return u.id;
}

export type Org = {
  root: string;
  unitA: string;
  unitB: string;
  portfolioA: string;
  portfolioB: string;
  programA: string;
  projectA: string;
  projectB: string;
};

/** Two business units side by side, each with a portfolio and a project: inside and outside a scope. */
export async function makeOrg(s: Services): Promise<Org> {
  const a = SYSTEM_ACTOR;
  const root = await s.org.createOrgUnit(a, {
    code: 'ROOT',
    name: 'Enterprise PMO',
    kind: 'enterprise_pmo',
    parentId: null,
    description: null,
  });
  const unitA = await s.org.createOrgUnit(a, {
    code: 'UA',
    name: 'Unit A',
    kind: 'business_unit_pmo',
    parentId: root.id,
    description: null,
  });
  const unitB = await s.org.createOrgUnit(a, {
    code: 'UB',
    name: 'Unit B',
    kind: 'business_unit_pmo',
    parentId: root.id,
    description: null,
  });
  const portfolioA = await s.org.createPortfolio(a, {
    code: 'PFA',
    name: 'Portfolio A',
    description: null,
    orgUnitId: unitA.id,
    ownerId: null,
  });
  const portfolioB = await s.org.createPortfolio(a, {
    code: 'PFB',
    name: 'Portfolio B',
    description: null,
    orgUnitId: unitB.id,
    ownerId: null,
  });
  const programA = await s.org.createProgram(a, {
    code: 'PGA',
    name: 'Program A',
    description: null,
    portfolioId: portfolioA.id,
    managerId: null,
  });
  const projectA = await s.projects.create(a, {
    code: 'XA',
    name: 'Project A',
    orgUnitId: unitA.id,
    programId: programA.id,
  });
  const projectB = await s.projects.create(a, {
    code: 'XB',
    name: 'Project B',
    orgUnitId: unitB.id,
    portfolioId: portfolioB.id,
  });
  return {
    root: root.id,
    unitA: unitA.id,
    unitB: unitB.id,
    portfolioA: portfolioA.id,
    portfolioB: portfolioB.id,
    programA: programA.id,
    projectA: projectA.id,
    projectB: projectB.id,
  };
}

/** Takes a proposed project through approval to active, as the system (a project that executes). */
export async function activateProject(s: Services, projectId: string): Promise<void> {
  let p = await s.projects.get(projectId);
  p = await s.projects.transition(SYSTEM_ACTOR, projectId, 'approved', null, {
    version: p.version,
    source: 'body',
  });
  await s.projects.transition(SYSTEM_ACTOR, projectId, 'active', null, {
    version: p.version,
    source: 'body',
  });
}
