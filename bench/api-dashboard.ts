// api-dashboard: GET /api/v1/dashboards/portfolio over 10,000 projects / 1,000,000 tasks on
// PostgreSQL, with the read cache off (every request aggregates project_metrics) and on, one request
// at a time and 10 at a time; the unfiltered organisation and unit / portfolio filters mixed.
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import type { LoadResult } from './api-projects.ts';
import { startChild } from './support/child.ts';

const here = import.meta.dirname;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const PROJECTS = Number(process.env.BENCH_DASHBOARD_PROJECTS ?? 10_000);
const TASKS = Number(process.env.BENCH_DASHBOARD_TASKS_PER_PROJECT ?? 100);

async function load(name: string, url: string, token: string, paths: string[], connections: number) {
  const opts = {
    url,
    connections,
    headers: { authorization: `Bearer ${token}` },
    requests: paths.map((path) => ({ path })),
  };
  await autocannon({ ...opts, duration: 2 });
  const r = await autocannon({ ...opts, duration: DURATION });
  return {
    name,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  } satisfies LoadResult;
}

export async function runApiDashboard(): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const cache of [false, true]) {
    const server = await startChild<{
      port: number;
      token: string;
      unitIds: string[];
      portfolioIds: string[];
      tasks: number;
      metrics: number;
    }>(resolve(here, 'dashboards/dashboard-server.ts'), ['postgres', String(PROJECTS), String(TASKS)], {
      BATON_READ_CACHE: String(cache),
    });
    const url = `http://127.0.0.1:${server.info.port}`;
    const base = '/api/v1/dashboards/portfolio';
    const label = `${server.info.metrics} projects / ${server.info.tasks} tasks, postgres, ${cache ? 'read cache' : 'no cache'}`;
    const mixed = [
      base,
      `${base}?orgUnitId=${server.info.unitIds[0]}`,
      `${base}?portfolioId=${server.info.portfolioIds[0]}`,
    ];
    for (const connections of [1, 10]) {
      results.push(
        await load(
          `dashboard, whole organisation (${label}, ${connections} at a time)`,
          url,
          server.info.token,
          [base],
          connections,
        ),
      );
      results.push(
        await load(
          `dashboard, org / unit / portfolio mixed (${label}, ${connections} at a time)`,
          url,
          server.info.token,
          mixed,
          connections,
        ),
      );
    }
    await server.stop();
  }
  return results;
}
