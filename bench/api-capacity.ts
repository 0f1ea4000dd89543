// api-capacity: GET /api/v1/capacity for 500 resources × 52 weeks (bookings and task work included,
// with the read cache off and on), on PostgreSQL and on PGlite, one request at a time and 10 at a time.
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import type { LoadResult } from './api-projects.ts';
import { startChild } from './support/child.ts';

const here = import.meta.dirname;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);

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

export async function runApiCapacity(): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const variants = [
    { kind: 'postgres', cache: false },
    { kind: 'postgres', cache: true },
    { kind: 'pglite', cache: false },
    { kind: 'pglite', cache: true },
  ] as const;
  for (const { kind, cache } of variants) {
    const server = await startChild<{ port: number; token: string; departmentIds: string[] }>(
      resolve(here, 'support/bench-capacity-server.ts'),
      [kind, '500'],
      { BATON_READ_CACHE: String(cache) },
    );
    const url = `http://127.0.0.1:${server.info.port}`;
    const year = '/api/v1/capacity?from=2027-01-04&to=2028-01-02&granularity=week&groupBy=resource';
    const paths = [year, `${year}&includeTentative=false`];
    const label = `${kind}${cache ? ', read cache' : ', no cache'}`;
    for (const connections of [1, 10])
      results.push(
        await load(
          `capacity 500 × 52 weeks (${label}, ${connections} at a time)`,
          url,
          server.info.token,
          paths,
          connections,
        ),
      );
    results.push(
      await load(
        `capacity one department × 52 weeks (${label}, 1 at a time)`,
        url,
        server.info.token,
        [`${year}&orgUnitId=${server.info.departmentIds[0]}`],
        1,
      ),
    );
    await server.stop();
  }
  return results;
}
