// `npm run bench`: every benchmark, figures printed and written to bench/results/ (see docs/benchmarks.md).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { runApiCapacity } from './api-capacity.ts';
import { runApiDashboard } from './api-dashboard.ts';
import { runApiProjects } from './api-projects.ts';

const only = process.argv[2];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const report: Record<string, unknown> = { date: new Date().toISOString(), machine };

if (!only || only === 'api-projects') {
  const results = await runApiProjects();
  const hello = results[0]?.reqPerSec ?? 0;
  console.log('\napi-projects (10,000 projects, concurrency 20)');
  console.table(
    results.map((r) => ({ ...r, ofHello: hello ? `${((100 * r.reqPerSec) / hello).toFixed(1)} %` : '' })),
  );
  report['api-projects'] = results;
}

if (!only || only === 'api-capacity') {
  const results = await runApiCapacity();
  console.log('\napi-capacity (500 resources × 52 weeks, bookings and task work, no cache)');
  console.table(results);
  report['api-capacity'] = results;
}

if (!only || only === 'api-dashboard') {
  const results = await runApiDashboard();
  console.log('\napi-dashboard (portfolio dashboard, 10,000 projects / 1,000,000 tasks, PostgreSQL)');
  console.table(results);
  report['api-dashboard'] = results;
}

/** Runs a benchmark script in its own process (so each starts cold and memory is its own) and reads its JSON lines. */
function runScript(
  script: string,
  env: Record<string, string> = {},
): { name: string; metric: string; value: number; unit: string }[] {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', resolve(import.meta.dirname, script)],
    {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

if (!only || only === 'schedule') {
  const rows = [
    ...runScript('schedule/w1.ts', { W1_WARMUP: '1' }),
    ...runScript('schedule/w1b.ts'),
    ...runScript('schedule/mspdi-import.ts'),
  ];
  console.log(
    '\nschedule engine (W1: 10,000 projects / 1M tasks / 1.5M links; W1b; MSPDI import of 10,000 tasks)',
  );
  console.table(rows);
  report.schedule = rows;
}

if (!only || only === 'resources') {
  const rows = [...runScript('resources/w2.ts'), ...runScript('resources/w2b.ts')];
  console.log(
    '\nresource engine (W2: 5,000 resources × 104 weeks from 2M assignments, build + scan + updates; W2b: levelling 100,000 tasks over 1,000 resources)',
  );
  console.table(rows);
  report.resources = rows;
}

if (!only || only === 'portfolio') {
  const rows = [...runScript('portfolio/w3.ts'), ...runScript('portfolio/frontier.ts')];
  console.log(
    '\nportfolio engine (W3: 2,000 candidates × 24 periods × 20 skills, heuristic, MIP, baseline; 10,000 candidates; 20-point frontier)',
  );
  console.table(rows);
  report.portfolio = rows;
}

if (!only || only === 'forecast') {
  const rows = [...runScript('forecast/project.ts'), ...runScript('forecast/portfolio.ts')];
  console.log(
    '\nMonte Carlo forecasts (10,000 iterations on a 1,000-task project; 10,000 projects × 100 tasks streamed through the portfolio aggregator)',
  );
  console.table(rows);
  report.forecast = rows;
}

if (!only || only === 'reports') {
  const rows = [
    ...runScript('reports/portfolio-pack.ts'),
    ...runScript('reports/portfolio-pack.ts', { PACK_DB: 'postgres' }),
  ];
  console.log(
    '\nPortfolio pack (300 baselined projects × 100 tasks, computed live on PGlite and PostgreSQL; then each file)',
  );
  console.table(rows);
  report.reports = rows;
}

const dir = resolve(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(resolve(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n${machine}\nWritten to bench/results/latest.json`);
