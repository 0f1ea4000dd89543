// Child process: a Baton server whose database holds 2,000 projects and a pool of 500 resources with
// bookings and task work over 2027. Prints {port, token, departmentIds} when it listens.
// Usage: bench-capacity-server.ts pglite|postgres <resources>
import { migrateDatabase, openDatabase, openTestDatabase } from '@baton/db';
import { buildApp, loadConfig, SYSTEM_ACTOR } from '@baton/server';
import { seedLargeOrganisation } from './seed-projects.ts';
import { seedResourcePool } from './seed-resources.ts';

const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const resources = Number(process.argv[3] ?? 500);
const database =
  kind === 'postgres'
    ? await openTestDatabase({
        TEST_DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      })
    : await openDatabase({ kind: 'pglite', dataDir: null });
if (kind === 'pglite') await migrateDatabase(database);
await seedLargeOrganisation(database.db, 2_000);
const { departmentIds } = await seedResourcePool(database.db, resources);
const { app, services } = await buildApp({
  database,
  config: { ...loadConfig({}), webDist: null, readCache: process.env.BATON_READ_CACHE !== 'false' },
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
process.stdout.write(
  `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, token, departmentIds })}\n`,
);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
