import { type DatabaseHandle, migrateDatabase, openDatabase } from '@baton/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { DEMO_PASSWORD, isEmptyOrganisation, loadDemoData } from './demo/demo-data.ts';
import { SYSTEM_ACTOR } from './modules/access/access.service.ts';
import type { Services } from './services.ts';

/** Opens and migrates the configured database. */
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  const db = await openDatabase(config.database);
  await migrateDatabase(db);
  return db;
}

/** Creates the first administrator from BATON_ADMIN_EMAIL / BATON_ADMIN_PASSWORD when there are no users. */
export async function ensureFirstAdmin(s: Services, env: NodeJS.ProcessEnv): Promise<string | null> {
  const email = env.BATON_ADMIN_EMAIL?.trim();
  const password = env.BATON_ADMIN_PASSWORD;
  if (!email || !password) return null;
  if ((await s.users.countUsers()) > 0) return null;
  await s.users.create(SYSTEM_ACTOR, {
    email: email.toLowerCase(),
    name: env.BATON_ADMIN_NAME?.trim() || 'Administrator',
    password,
    grants: [{ role: 'admin', scopeType: 'organisation', scopeId: null }],
  });
  return email;
}

export type StartOptions = {
  config: Config;
  demo: boolean;
  env?: NodeJS.ProcessEnv;
  print?: (line: string) => void;
};

/** Starts Baton: database, migrations, first admin, demo data on a first start, HTTP server. */
export async function startServer(
  options: StartOptions,
): Promise<{ app: FastifyInstance; url: string; close(): Promise<void> }> {
  const { config } = options;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const database = await openConfiguredDatabase(config);
  const { app, services } = await buildApp({ database, config });
  const admin = await ensureFirstAdmin(services, options.env ?? process.env);
  if (admin) print(`Created the first administrator ${admin}.`);
  if (options.demo && (await isEmptyOrganisation(services))) {
    print('First start: loading the demo organisation…');
    const logins = await loadDemoData(services);
    print('');
    print(`Demo logins (password for all: ${DEMO_PASSWORD})`);
    for (const l of logins) print(`  ${l.email.padEnd(28)} ${l.role.padEnd(18)} ${l.scope}`);
    print('');
  } else if ((await services.users.countUsers()) === 0) {
    print('No users yet: run `npx baton admin create` or set BATON_ADMIN_EMAIL and BATON_ADMIN_PASSWORD.');
  }
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  print(`Baton is running at ${url} (database: ${database.kind}, ${database.location})`);
  return {
    app,
    url,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
