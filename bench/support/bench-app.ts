// The part every benchmark server child shares: a fresh database (PGlite in memory, or a fresh
// PostgreSQL schema), seeded; a Baton app on a free port with an administrator's API token; one JSON
// line {port, token, ...extra} on stdout once it listens; a clean stop on SIGTERM.
import { type Database, migrateDatabase, openDatabase, openTestDatabase } from '@baton/db';
import { buildApp, loadConfig, SYSTEM_ACTOR } from '@baton/server';

export async function serveBenchApp(
  kind: 'pglite' | 'postgres',
  seed: (db: Database) => Promise<Record<string, unknown>>,
): Promise<void> {
  const database =
    kind === 'postgres'
      ? await openTestDatabase({
          TEST_DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
        })
      : await openDatabase({ kind: 'pglite', dataDir: null });
  if (kind === 'pglite') await migrateDatabase(database);
  const extra = await seed(database.db);
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
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ port, token, ...extra })}\n`);
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
