import { migrateDatabase, openDatabase, openTestDatabase } from '@baton/db';
import { buildApp, loadConfig, SYSTEM_ACTOR } from '@baton/server';
import { sql } from 'drizzle-orm';
import { seedDashboard } from '../dashboards/seed-dashboard.ts';
import { seedLargeOrganisation } from '../support/seed-projects.ts';

// The portfolio pack computed live: PACK_PROJECTS projects (300 by default) of 100 tasks each,
// baselined, on embedded PGlite (PACK_DB=postgres: a fresh database on BENCH_DATABASE_URL's server);
// the JSON rows, then each file format. Prints JSON lines.
const projects = Number(process.env.PACK_PROJECTS ?? '300');
const report = (name: string, metric: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, metric, value: Math.round(value * 10) / 10, unit })}\n`);

const onPostgres = process.env.PACK_DB === 'postgres';
const database = onPostgres
  ? await openTestDatabase({
      TEST_DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    })
  : await openDatabase({ kind: 'pglite', dataDir: null });
if (!onPostgres) await migrateDatabase(database);
const name = onPostgres ? 'portfolio-pack (postgres)' : 'portfolio-pack (pglite)';
await seedLargeOrganisation(database.db, projects);
await seedDashboard(database.db, 100);
// Baseline 0 of every project is its plan as seeded; actual cost is 90 % of the earned value.
await database.db.execute(
  sql`insert into baselines (project_id, number, name) select id, 0, 'Baseline' from projects`,
);
await database.db.execute(sql`
  insert into baseline_tasks (baseline_id, task_id, start, finish, duration_minutes, cost_minor)
  select b.id, t.id, t.start, t.finish, t.duration_minutes, t.cost_minor
  from tasks t join baselines b on b.project_id = t.project_id`);
await database.db.execute(
  sql`update tasks set actual_cost_minor = (cost_minor * percent_complete * 9) / 1000`,
);
const { app, services } = await buildApp({
  database,
  config: { ...loadConfig({}), webDist: null, jobWorker: false },
  logger: false,
});
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
};
// One warm-up pass (the first query plans and caches), then the measured ones.
await services.reports.portfolioPack(SYSTEM_ACTOR, { statusDate: '2026-12-07' });
const [pack, rowsMs] = await time(() =>
  services.reports.portfolioPack(SYSTEM_ACTOR, { statusDate: '2026-12-07' }),
);
report(name, 'projects', pack.rows.length, 'count');
report(name, 'rows (json)', rowsMs, 'ms');
report(name, 'per project', rowsMs / pack.rows.length, 'ms');
for (const format of ['csv', 'xlsx', 'pdf'] as const) {
  const [file, ms] = await time(() =>
    services.reports.portfolioPackFile({ format, orgUnitId: null, statusDate: '2026-12-07' }),
  );
  report(name, `${format} file`, ms, 'ms');
  report(name, `${format} size`, file.bytes.length / 1024, 'KiB');
}
await app.close();
await database.close();
