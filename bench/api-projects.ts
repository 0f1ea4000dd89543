// api-projects: the filtered project list over 10,000 projects at concurrency 20 (autocannon), on
// PostgreSQL and on PGlite, beside a bare Fastify hello-world measured in the same run.
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { startChild } from './support/child.ts';

export type LoadResult = {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

const here = import.meta.dirname;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 20;

async function load(
  name: string,
  url: string,
  opts: { headers?: Record<string, string>; paths?: string[] } = {},
): Promise<LoadResult> {
  const paths = opts.paths ?? ['/'];
  // warm-up, then the measured run
  await autocannon({
    url,
    connections: CONNECTIONS,
    duration: 2,
    headers: opts.headers ?? {},
    requests: paths.map((path) => ({ path })),
  });
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: opts.headers ?? {},
    requests: paths.map((path) => ({ path })),
  });
  return {
    name,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

export async function runApiProjects(): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  const hello = await startChild<{ port: number }>(resolve(here, 'support/hello-server.ts'));
  results.push(await load('fastify hello-world', `http://127.0.0.1:${hello.info.port}`));
  await hello.stop();

  const variants = [
    { kind: 'postgres', cache: true },
    { kind: 'pglite', cache: true },
    { kind: 'postgres', cache: false },
    { kind: 'pglite', cache: false },
  ] as const;
  for (const { kind, cache } of variants) {
    const server = await startChild<{ port: number; token: string; businessUnitIds: string[] }>(
      resolve(here, 'support/bench-server.ts'),
      [kind, '10000'],
      { BATON_READ_CACHE: String(cache) },
    );
    const bu = server.info.businessUnitIds;
    // A mix of the list filters people use: status, org unit subtree, search, sort, tag, pages.
    const paths = [
      `/api/v1/projects?status=active,on_hold&sort=-plannedStart&pageSize=50`,
      `/api/v1/projects?orgUnitId=${bu[0]}&sort=name&pageSize=50`,
      `/api/v1/projects?q=warehouse&status=active&pageSize=50`,
      `/api/v1/projects?tag=security&priority=critical,high&sort=-budgetMinor&pageSize=50`,
      `/api/v1/projects?orgUnitId=${bu[1]}&status=proposed,approved&page=3&pageSize=50`,
    ];
    results.push(
      await load(
        `projects list (${kind}${cache ? '' : ', read cache off'})`,
        `http://127.0.0.1:${server.info.port}`,
        {
          headers: { authorization: `Bearer ${server.info.token}` },
          paths,
        },
      ),
    );
    await server.stop();
  }
  return results;
}
