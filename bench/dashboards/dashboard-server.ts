// Child process: a Baton server on PostgreSQL (or PGlite) holding 10,000 projects, 1,000,000 tasks,
// their project_metrics rows, risks and a pool of 200 resources with bookings. The job worker is off,
// so nothing recomputes the seeded figures under the load. Prints {port, token, unitIds, portfolioIds}.
// Usage: dashboard-server.ts pglite|postgres <projects> <tasksPerProject>
import { migrateDatabase, openDatabase, openTestDatabase, queryRows } from '@baton/db';
import { buildApp, loadConfig, SYSTEM_ACTOR } from '@baton/server';
import { sql } from 'drizzle-orm';
import { seedLargeOrganisation } from '../support/seed-projects.ts';
import { seedResourcePool } from '../support/seed-resources.ts';
import { seedDashboard } from './seed-dashboard.ts';

const kind = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
const projects = Number(process.argv[3] ?? 10_000);
const tasksPerProject = Number(process.argv[4] ?? 100);
const database =
  kind === 'postgres'
    ? await openTestDatabase({
        TEST_DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      })
    : await openDatabase({ kind: 'pglite', dataDir: null });
if (kind === 'pglite') await migrateDatabase(database);
const { businessUnitIds } = await seedLargeOrganisation(database.db, projects);
await seedResourcePool(database.db, 200);
await seedDashboard(database.db, tasksPerProject);
const portfolios = await queryRows<{ id: string }>(database.db, sql`select id from portfolios order by code`);
const counts = await queryRows<{ tasks: number; metrics: number }>(
  database.db,
  sql`select (select count(*)::int from tasks) as tasks, (select count(*)::int from project_metrics) as metrics`,
);
const { app, services } = await buildApp({
  database,
  config: {
    ...loadConfig({}),
    webDist: null,
    jobWorker: false,
    readCache: process.env.BATON_READ_CACHE !== 'false',
  },
  logger: false,
});
const admin = await services.users.create(SYSTEM_ACTOR, {
  email: 'bench-admin@bench.local',
  name: 'Bench admin',
  password: 'bench-password-1',
  grants: [{ role: 'admin', scopeType: 'organisation', scopeId: null }],
});
const { token } = await services.auth.createToken(SYSTEM_ACTOR, admin.id, 'bench', 1);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(
  `${JSON.stringify({ port, token, unitIds: businessUnitIds, portfolioIds: portfolios.map((p) => p.id), ...counts[0] })}\n`,
);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
