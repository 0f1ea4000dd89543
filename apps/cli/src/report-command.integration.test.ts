import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, queryRows } from '@baton/db';
import { isPdf, pdfPageCount, portfolioPackPageCount } from '@baton/interop';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';

const dirs: string[] = [];
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'baton-report-'));
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

/** CSV text to records keyed by the header (the pack's fields hold no commas or quotes here). */
function records(csv: string): Record<string, string>[] {
  const [head, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const keys = (head ?? '').split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
}

// Each CLI run opens the database, migrates and builds the app: slow on a busy machine.
const SLOW = 180_000;
const env = { BATON_HOME: '' };
let projects = 0;
let leaf: { code: string; name: string; n: number };

beforeAll(async () => {
  env.BATON_HOME = dir();
  const demo = await cli(['demo'], env);
  expect(demo.code, demo.err).toBe(0);
  const db = await openDatabase({ kind: 'pglite', dataDir: join(env.BATON_HOME, 'data') });
  try {
    const [c] = await queryRows<{ n: number }>(
      db.db,
      sql`select count(*)::int as n from projects where deleted_at is null`,
    );
    projects = Number(c?.n);
    const [l] = await queryRows<{ code: string; name: string; n: number }>(
      db.db,
      sql`select o.code, o.name, count(*)::int as n from org_units o join projects p on p.org_unit_id = o.id
          where p.deleted_at is null and not exists (select 1 from org_units c where c.parent_id = o.id)
          group by o.code, o.name order by count(*) desc, o.code limit 1`,
    );
    leaf = { code: l?.code ?? '', name: l?.name ?? '', n: Number(l?.n) };
  } finally {
    await db.close();
  }
}, 240_000);

describe('baton report portfolio', () => {
  it(
    'writes the pack as CSV: one row per project with health, SPI, CPI, EAC, budget, actual and forecast',
    async () => {
      expect(projects).toBeGreaterThan(10);
      const file = join(dir(), 'pack.csv');
      const r = await cli(
        ['report', 'portfolio', '--format', 'csv', '--out', file, '--status-date', '2026-12-07'],
        env,
      );
      expect(r.code, r.err).toBe(0);
      expect(r.out).toBe(`Wrote the portfolio pack (${projects} projects) as CSV to ${file}.\n`);
      const rows = records(readFileSync(file, 'utf8'));
      expect(rows).toHaveLength(projects);
      for (const key of ['Code', 'Health', 'SPI', 'CPI', 'EAC', 'Budget', 'Actual', 'Forecast finish'])
        expect(Object.keys(rows[0] ?? {})).toContain(key);
      for (const row of rows) {
        expect(row.Health).toMatch(/^(green|amber|red)$/);
        expect(Number.isFinite(Number(row.EAC))).toBe(true);
      }
      // The demo has baselined projects in progress: they have figures.
      const measured = rows.filter((x) => x.SPI !== '' && x.CPI !== '');
      expect(measured.length).toBeGreaterThan(5);
      for (const m of measured) expect(Number(m.SPI)).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    'writes XLSX and PDF, and narrows to an org unit given by code',
    async () => {
      const d = dir();
      const xlsx = join(d, 'pack.xlsx');
      expect((await cli(['report', 'portfolio', '--format', 'xlsx', '--out', xlsx], env)).code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
      expect(wb.getWorksheet('Projects')?.rowCount).toBe(projects + 1);
      expect(wb.getWorksheet('Summary')?.getCell('A5').value).toBe('Projects');
      expect(wb.getWorksheet('Summary')?.getCell('C5').value).toBe(projects);

      const pdf = join(d, 'pack.pdf');
      expect((await cli(['report', 'portfolio', '--format', 'pdf', '--out', pdf], env)).code).toBe(0);
      const bytes = new Uint8Array(readFileSync(pdf));
      expect(isPdf(bytes)).toBe(true);
      expect(pdfPageCount(bytes)).toBe(portfolioPackPageCount(projects));

      const unit = join(d, 'unit.csv');
      const r = await cli(
        ['report', 'portfolio', '--format', 'csv', '--out', unit, '--org-unit', leaf.code.toLowerCase()],
        env,
      );
      expect(r.code, r.err).toBe(0);
      const rows = records(readFileSync(unit, 'utf8'));
      expect(rows).toHaveLength(leaf.n);
      expect(new Set(rows.map((x) => x['Org unit']))).toEqual(new Set([leaf.name]));
      expect(readdirSync(d).sort()).toEqual(['pack.pdf', 'pack.xlsx', 'unit.csv']);
    },
    SLOW,
  );

  it(
    'refuses a bad format, a missing --out, a bad date, an unwritable path or an unknown org unit, writing nothing',
    async () => {
      const d = dir();
      const file = join(d, 'x.csv');
      const notDir = join(d, 'plain');
      writeFileSync(notDir, 'a file, not a folder');
      const cases: [string[], number, string][] = [
        [['--format', 'docx', '--out', file], 2, 'baton: --format must be csv, xlsx or pdf (not "docx")\n'],
        [['--out', file], 2, 'baton: --format must be csv, xlsx or pdf\n'],
        [['--format', 'csv'], 2, 'baton: --out <file> is required: the file to write the pack to\n'],
        [
          ['--format', 'csv', '--out', file, '--status-date', '2026-02-30x'],
          2,
          'baton: --status-date must be a date such as 2026-12-07 (not "2026-02-30x")\n',
        ],
        [
          ['--format', 'pdf', '--out', join(d, 'missing', 'x.pdf')],
          1,
          `baton: --out: the folder ${join(d, 'missing')} does not exist\n`,
        ],
        [
          ['--format', 'pdf', '--out', join(notDir, 'x.pdf')],
          1,
          `baton: --out: the folder ${notDir} does not exist\n`,
        ],
        [['--format', 'csv', '--out', d], 1, `baton: --out: ${d} is a folder\n`],
        [
          ['--format', 'csv', '--out', file, '--org-unit', 'NO-SUCH-UNIT'],
          1,
          'baton: --org-unit: no org unit has the code or id NO-SUCH-UNIT\n',
        ],
      ];
      for (const [args, code, err] of cases) {
        const r = await cli(['report', 'portfolio', ...args], env);
        expect(r.code, args.join(' ')).toBe(code);
        expect(r.err, args.join(' ')).toBe(err);
        expect(r.out).toBe('');
      }
      expect(existsSync(file)).toBe(false);
      expect(readdirSync(d)).toEqual(['plain']);
    },
    SLOW,
  );

  it('works against PostgreSQL through DATABASE_URL', async () => {
    if (!process.env.TEST_DATABASE_URL) return;
    const name = `baton_report_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    try {
      const pgEnv = { DATABASE_URL: url.toString() };
      expect((await cli(['demo'], pgEnv)).code).toBe(0);
      const file = join(dir(), 'pg.csv');
      const r = await cli(['report', 'portfolio', '--format', 'csv', '--out', file], pgEnv);
      expect(r.code, r.err).toBe(0);
      expect(records(readFileSync(file, 'utf8'))).toHaveLength(projects);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 240_000);
});
