import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A Drizzle handle on either driver; a transaction is one too. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseHandle = {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives: the data directory, `memory`, or the server URL with the password hidden. */
  location: string;
  close(): Promise<void>;
  /**
   * Subscribes to a NOTIFY channel; `onLost` is called if the subscription breaks (messages may then
   * have been missed). Returns the unsubscribe function.
   */
  listen(channel: string, onMessage: () => void, onLost: () => void): Promise<() => Promise<void>>;
};

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | null };

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: a second process on the same directory would corrupt it. A lock
 * file beside the data names the owner; a stale one (its process gone) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lock = `${dataDir.replace(/[\\/]+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      const remove = () => rmSync(lock, { force: true });
      process.once('exit', remove);
      return () => {
        process.removeListener('exit', remove);
        remove();
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(owner) && owner !== process.pid && pidAlive(owner)) {
        throw new Error(
          `the data directory ${dataDir} is in use by process ${owner}; stop it first (or use DATABASE_URL)`,
        );
      }
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`could not lock the data directory ${dataDir}`);
}

/** Opens the embedded PGlite database (a data directory, or memory when null) or a PostgreSQL server. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 20 });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it. Queries in flight still reject.
    });
    const client = await pool.connect();
    client.release();
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    const listeners: pg.Client[] = [];
    return {
      db,
      kind: 'postgres',
      location: redactUrl(options.url),
      async close() {
        await Promise.all(listeners.map((l) => l.end().catch(() => {})));
        await pool.end();
      },
      async listen(channel, onMessage, onLost) {
        const client = new pg.Client({ connectionString: options.url });
        client.on('error', onLost);
        client.on('end', onLost);
        client.on('notification', (n) => {
          if (n.channel === channel) onMessage();
        });
        await client.connect();
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        listeners.push(client);
        return async () => {
          client.removeAllListeners('end');
          await client.end().catch(() => {});
        };
      },
    };
  }
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return {
      db,
      kind: 'pglite',
      location: options.dataDir ?? 'memory',
      async close() {
        await client.close();
        release();
      },
      async listen(channel, onMessage) {
        const unlisten = await client.listen(channel, () => onMessage());
        return unlisten;
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** Applies every migration not yet applied; the same SQL runs on PGlite and PostgreSQL. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as Parameters<typeof migratePglite>[0], config);
  } else {
    await migratePg(handle.db as unknown as Parameters<typeof migratePg>[0], config);
  }
}

/** Picks the database from the environment: DATABASE_URL for PostgreSQL, else PGlite under the data dir. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv, defaultDataDir: string): DatabaseOptions {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    }
    return { kind: 'postgres', url };
  }
  return { kind: 'pglite', dataDir: env.BATON_DATA_DIR?.trim() || defaultDataDir };
}

/** Runs raw SQL on either driver and returns its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();

/**
 * Runs raw SQL and returns its rows as arrays, in the order of the select's columns: for large
 * reads, where an object per row is a real part of the cost. With `prepare`, PostgreSQL prepares
 * the statement once per connection (named after its text) instead of planning it each time: only
 * for SQL whose text does not vary with the values (lists as one array parameter), since every
 * distinct text stays prepared on each connection. Values come with each driver's default types,
 * so select dates as text. Inside a transaction (no driver client of its own) it runs through
 * Drizzle instead.
 */
export async function queryArrays(
  db: Database,
  query: SQL,
  options: { prepare?: boolean } = {},
): Promise<unknown[][]> {
  const client = (db as { $client?: unknown }).$client;
  const { sql: text, params } = dialect.sqlToQuery(query);
  if (client instanceof pg.Pool) {
    const name = options.prepare ? `baton_${createHash('sha1').update(text).digest('base64url')}` : undefined;
    const result = await client.query({ name, text, values: params, rowMode: 'array' });
    return result.rows as unknown[][];
  }
  if (client instanceof PGlite) {
    const result = await client.query<unknown[]>(text, params, { rowMode: 'array' });
    return result.rows;
  }
  return (await queryRows<Record<string, unknown>>(db, query)).map((row) => Object.values(row));
}
