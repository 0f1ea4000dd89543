import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { openTestDatabase } from '@baton/db';
import { buildApp, loadConfig, loadDemoData } from '@baton/server';

const WEB_ROOT = resolve(import.meta.dirname, '../../apps/web');
/** BATON_E2E_WEB_DIST lets parallel work build its own bundle instead of sharing apps/web/dist. */
export const WEB_DIST = process.env.BATON_E2E_WEB_DIST ?? join(WEB_ROOT, 'dist');

/** Newest modification time under a path (files only), 0 when it does not exist. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the web bundle when it is missing or older than its sources (once per test run). */
export function ensureWebBundle(): void {
  const built = newestMtime(join(WEB_DIST, 'index.html'));
  const sources = Math.max(
    newestMtime(join(WEB_ROOT, 'src')),
    newestMtime(join(WEB_ROOT, 'public')),
    newestMtime(join(WEB_ROOT, 'index.html')),
    newestMtime(join(WEB_ROOT, 'vite.config.ts')),
  );
  if (built > 0 && built >= sources) return;
  execFileSync('npx', ['vite', 'build', '--outDir', WEB_DIST, '--emptyOutDir'], {
    cwd: WEB_ROOT,
    stdio: 'pipe',
    timeout: 180_000,
  });
}

export type TestServer = { url: string; close: () => Promise<void> };

/** A real Baton server on a fresh database with the demo organisation, on a free local port. */
export async function startTestServer(): Promise<TestServer> {
  ensureWebBundle();
  const database = await openTestDatabase();
  const { app, services } = await buildApp({
    database,
    config: { ...loadConfig({}), port: 0, webDist: WEB_DIST },
    logger: false,
  });
  await loadDemoData(services);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
