import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BACKUP_TABLES, type Database, openDatabase, queryRows } from '@baton/db';
import { SMALL_PROJECT_XML, scheduleMspdiXml } from '@baton/interop';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';

const dirs: string[] = [];
function home(): string {
  const d = mkdtempSync(join(tmpdir(), 'baton-cli-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function cli(args: string[], env: NodeJS.ProcessEnv) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s), env });
  return { code, out, err };
}

async function dump(db: Database): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of BACKUP_TABLES) {
    const rows = await queryRows<{ r: string }>(
      db,
      sql`select row_to_json(t)::text as r from ${sql.identifier(table)} t`,
    );
    result[table] = rows.map((x) => x.r).sort();
  }
  return result;
}

describe('baton CLI', () => {
  it('prints help and exits 0; an unknown command or bad flag exits 2 with a reason', async () => {
    const env = { BATON_HOME: home() };
    const help = await cli(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.out).toContain('backup <file>');
    for (const sub of ['serve', 'migrate', 'admin', 'demo', 'backup', 'restore']) {
      const r = await cli([sub, '--help'], env);
      expect(r.code, sub).toBe(0);
      expect(r.out).toContain('Usage: baton');
    }
    const unknown = await cli(['frobnicate'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown command 'frobnicate'");
    const badPort = await cli(['serve', '--port', 'abc'], env);
    expect(badPort.code).toBe(2);
    expect(badPort.err).toContain('port');
    const badEnv = await cli(['migrate'], { ...env, DATABASE_URL: 'mysql://nope' });
    expect(badEnv.code).toBe(2);
    expect(badEnv.err).toContain('DATABASE_URL');
  });

  it('creates an administrator, refusing a short password and a taken e-mail', async () => {
    const env = { BATON_HOME: home() };
    expect((await cli(['admin', 'create', '--email', 'root@x.io', '--password', 'short'], env)).code).toBe(2);
    const ok = await cli(['admin', 'create', '--email', 'Root@X.io', '--password', 'long-enough-1'], env);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('root@x.io');
    const again = await cli(['admin', 'create', '--email', 'root@x.io', '--password', 'long-enough-1'], env);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^baton: .*already exists/);
  });

  it('backs up and restores losslessly: every row and the journal come back', async () => {
    const source = { BATON_HOME: home() };
    expect((await cli(['demo'], source)).code).toBe(0);
    expect((await cli(['demo'], source)).code).toBe(1);
    const file = join(home(), 'b.jsonl.gz');
    const backup = await cli(['backup', file], source);
    expect(backup.code, backup.err).toBe(0);
    expect((await cli(['backup', file], source)).err).toContain('already exists');

    const target = { BATON_HOME: home() };
    const restore = await cli(['restore', file], target);
    expect(restore.code, restore.err).toBe(0);
    const twice = await cli(['restore', file], target);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('not empty');

    const a = await openDatabase({ kind: 'pglite', dataDir: join(source.BATON_HOME, 'data') });
    const b = await openDatabase({ kind: 'pglite', dataDir: join(target.BATON_HOME, 'data') });
    const [da, dbb] = [await dump(a.db), await dump(b.db)];
    expect(da.projects).toHaveLength(40);
    expect(da.journal?.length).toBeGreaterThan(50);
    expect(dbb).toEqual(da);
    // the journal's id sequence continues after the restored rows
    const next = await queryRows<{ id: number }>(
      b.db,
      sql`select nextval(pg_get_serial_sequence('journal', 'id'))::int as id`,
    );
    expect(next[0]?.id).toBe(
      da.journal?.length ? Math.max(...da.journal.map((r) => JSON.parse(r).id)) + 1 : 1,
    );
    await a.close();
    await b.close();

    if (process.env.TEST_DATABASE_URL) {
      // the same file restores into a PostgreSQL server
      const name = `baton_cli_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      try {
        const r = await cli(['restore', file], { DATABASE_URL: url.toString() });
        expect(r.code, r.err).toBe(0);
        const c = await openDatabase({ kind: 'postgres', url: url.toString() });
        expect((await dump(c.db)).journal).toEqual(da.journal);
        await c.close();
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  });

  it('schedules an MSPDI file: a table, or JSON rows with local date-times; a bad file names the element', async () => {
    const dir = home();
    const file = join(dir, 'small.xml');
    writeFileSync(file, SMALL_PROJECT_XML);
    const table = await cli(['schedule', file], {});
    expect(table.code, table.err).toBe(0);
    expect(table.out.split('\n')[0]).toMatch(/^UID\s+Name\s+Start\s+Finish/);
    const json = await cli(['schedule', file, '--json'], {});
    const rows = JSON.parse(json.out) as {
      uid: number;
      name: string;
      start: string;
      finish: string;
      totalFloatMinutes: number;
      critical: boolean;
    }[];
    const direct = scheduleMspdiXml(SMALL_PROJECT_XML);
    if (!direct.ok) throw new Error('fixture does not schedule');
    expect(rows).toEqual(direct.rows);
    expect(Object.keys(rows[1] ?? {})).toEqual([
      'uid',
      'name',
      'start',
      'finish',
      'totalFloatMinutes',
      'critical',
    ]);
    expect(rows[1]?.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    const badFile = join(dir, 'bad.xml');
    writeFileSync(badFile, SMALL_PROJECT_XML.replace('<LinkLag>', '<LinkLag>x'));
    const bad = await cli(['schedule', badFile], {});
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(
      /^baton: the file was refused at Project\/Tasks\/Task\[UID=\d+\]\/PredecessorLink/,
    );
    expect((await cli(['schedule', join(dir, 'missing.xml')], {})).err).toContain('does not exist');
  });

  it('imports an MSPDI file into a project by code and exports it back', async () => {
    const env = { BATON_HOME: home() };
    expect((await cli(['demo'], env)).code).toBe(0);
    const file = join(home(), 'small.xml');
    writeFileSync(file, SMALL_PROJECT_XML);
    const imported = await cli(['import', 'mspdi', file, '--project', 'P-004'], env);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/Imported 9 tasks, 7 links/);
    expect((await cli(['import', 'mspdi', file, '--project', 'NOPE'], env)).err).toContain(
      'no project has the code NOPE',
    );
    const out = join(home(), 'out.xml');
    const exported = await cli(['export', 'mspdi', '--project', 'P-004', out], env);
    expect(exported.code, exported.err).toBe(0);
    const again = await cli(['schedule', out, '--json'], {});
    const rows = JSON.parse(again.out) as { uid: number; start: string; finish: string }[];
    const direct = scheduleMspdiXml(SMALL_PROJECT_XML);
    if (!direct.ok) throw new Error('fixture does not schedule');
    for (const r of direct.rows.filter((x) => x.uid !== 0)) {
      expect(
        rows.find((x) => x.uid === r.uid),
        `task ${r.uid}`,
      ).toMatchObject({ start: r.start, finish: r.finish });
    }
  }, 180_000); // loads the whole demo (RAID, lifecycles included) in a child process, then three more CLI runs

  it('imports and exports the resource pool, and reports capacity', async () => {
    const env = { BATON_HOME: home() };
    const file = join(home(), 'pool.csv');
    writeFileSync(file, 'Name,Role,Capacity Hours Per Week,Skills\nIvy Import,Analyst,30,Modelling:4\n');
    const dry = await cli(['import', 'resources', file, '--dry-run'], env);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toBe('Would import 1 rows: 1 new resources, 0 updated, 1 new skills.\n');
    const done = await cli(['import', 'resources', file], env);
    expect(done.out).toContain('Imported 1 rows: 1 new resources');
    const bad = join(home(), 'bad.csv');
    writeFileSync(bad, 'Name,Capacity Hours Per Week\nNed,forty\n');
    const refused = await cli(['import', 'resources', bad], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^baton: The file has 1 problem: row 2, Capacity Hours Per Week/);
    expect((await cli(['import', 'resources', join(home(), 'pool.txt')], env)).code).toBe(2);
    const out = join(home(), 'pool-out.csv');
    expect((await cli(['export', 'resources', out], env)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Ivy Import');
    const report = await cli(['capacity', '--from', '2027-03-01', '--to', '2027-03-14', '--json'], env);
    expect(report.code, report.err).toBe(0);
    const parsed = JSON.parse(report.out) as {
      rows: { label: string; periods: { capacityHours: number }[] }[];
    };
    expect(parsed.rows.find((r) => r.label === 'Ivy Import')?.periods.map((p) => p.capacityHours)).toEqual([
      30, 30,
    ]);
    expect((await cli(['capacity', '--from', '2027-03-14', '--to', 'soon'], env)).code).toBe(2);
  });

  it('rejects a file that is not a complete backup, writing nothing', async () => {
    const env = { BATON_HOME: home() };
    const dir = home();
    const notGzip = join(dir, 'plain.txt');
    writeFileSync(notGzip, 'hello');
    const r1 = await cli(['restore', notGzip], env);
    expect(r1.code).toBe(1);
    expect(r1.err).toContain('plain.txt');
    const foreign = join(dir, 'foreign.gz');
    writeFileSync(foreign, gzipSync('{"format":"something-else"}\n'));
    expect((await cli(['restore', foreign], env)).err).toContain('not a Baton backup');
    const truncated = join(dir, 'truncated.gz');
    writeFileSync(
      truncated,
      gzipSync(
        `{"format":"baton-backup","version":1,"migrations":1}\n{"t":"org_units","r":{"id":"6f1c2b9e-0a4d-4c55-9a77-0d3f0f0c1a11","code":"X","name":"X","kind":"department","version":1,"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}}\n`,
      ),
    );
    const r3 = await cli(['restore', truncated], env);
    expect(r3.err).toContain('truncated');
    const missing = await cli(['restore', join(dir, 'nope.gz')], env);
    expect(missing.err).toContain('does not exist');
    // nothing was half-written: the database is still empty, so demo data can go in
    expect((await cli(['demo'], env)).code).toBe(0);
  });
});
