import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './database.ts';

/**
 * Tables in the order a restore inserts them (parents before children). The job queue (`jobs`) is
 * left out: it holds work in flight, not records.
 */
export const BACKUP_TABLES = [
  'users',
  'role_assignments',
  'sessions',
  'api_tokens',
  'org_units',
  'portfolios',
  'programs',
  'custom_field_definitions',
  'projects',
  'calendars',
  'project_schedules',
  'tasks',
  'task_links',
  'baselines',
  'baseline_tasks',
  'resources',
  'assignments',
  'skills',
  'resource_skills',
  'resource_rates',
  'resource_leave',
  'allocations',
  'staffing_requests',
  'timesheets',
  'timesheet_entries',
  'timesheet_decisions',
  'resource_settings',
  'portfolio_settings',
  'strategic_objectives',
  'proposals',
  'proposal_comments',
  'portfolio_scenarios',
  'portfolio_review_decisions',
  'raid_settings',
  'risks',
  'risk_projects',
  'risk_history',
  'issues',
  'raid_entries',
  'change_requests',
  'lifecycle_templates',
  'project_lifecycles',
  'gate_reviews',
  'pmo_policies',
  'pmo_standards',
  'compliance_items',
  'compliance_waivers',
  'project_compliance_checks',
  'audits',
  'audit_findings',
  'documents',
  'document_versions',
  'quality_standards',
  'deliverables',
  'deliverable_reviews',
  'non_conformances',
  'lessons_learned',
  'status_reports',
  'status_report_comments',
  'health_rule_sets',
  'project_metrics',
  'project_snapshots',
  'report_schedules',
  'report_files',
  'notifications',
  'calendar_feeds',
  'gate_waivers',
  'stakeholders',
  'stakeholder_projects',
  'communication_items',
  'communication_records',
  'configuration_items',
  'configuration_item_versions',
  'configuration_baselines',
  'configuration_baseline_items',
  'change_request_items',
  'journal',
  'code_sequences',
] as const;

const FORMAT = 'baton-backup';
const BATCH = 500;
/**
 * Tables whose rows can be large, read a few at a time in key order: a document version holds up to
 * the upload limit (25 MiB by default), so 500 of them at once would not fit in memory.
 */
const SMALL_BATCHES: Readonly<Record<string, { size: number; key: string }>> = {
  document_versions: { size: 4, key: 'id' },
  report_files: { size: 4, key: 'id' },
};
/** A restore sends what it holds once the rows waiting for one table reach this many characters. */
const FLUSH_CHARS = 32 * 1_048_576;

export type BackupSummary = { tables: Record<string, number>; migrations: number };

async function migrationCount(db: Database): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Writes every row of every table, and the journal, to a gzip'd JSON-lines file. */
export async function writeBackup(db: Database, file: string): Promise<BackupSummary> {
  const summary: BackupSummary = { tables: {}, migrations: await migrationCount(db) };
  const db_ = db;
  async function* lines() {
    yield `${JSON.stringify({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), migrations: summary.migrations, tables: BACKUP_TABLES })}\n`;
    for (const table of BACKUP_TABLES) {
      const small = SMALL_BATCHES[table];
      let n = 0;
      if (small) {
        // Keyset pages: each query reads only its few rows (row_to_json after the limit, so the
        // contents of rows skipped are never read).
        let last: string | null = null;
        for (;;) {
          const key = sql.identifier(small.key);
          const rows: { k: string; r: unknown }[] = await queryRows<{ k: string; r: unknown }>(
            db_,
            sql`select t.${key}::text as k, row_to_json(t) as r from (select * from ${sql.identifier(table)} ${last === null ? sql`` : sql`where ${key} > ${last}`} order by ${key} limit ${small.size}) t order by t.${key}`,
          );
          for (const row of rows) yield `${JSON.stringify({ t: table, r: row.r })}\n`;
          n += rows.length;
          last = rows.at(-1)?.k ?? last;
          if (rows.length < small.size) break;
        }
        summary.tables[table] = n;
        continue;
      }
      let offset = 0;
      for (;;) {
        const rows = await queryRows<{ r: unknown }>(
          db_,
          sql`select row_to_json(t) as r from ${sql.identifier(table)} t order by t.ctid limit ${BATCH} offset ${offset}`,
        );
        for (const row of rows) yield `${JSON.stringify({ t: table, r: row.r })}\n`;
        n += rows.length;
        offset += BATCH;
        if (rows.length < BATCH) break;
      }
      summary.tables[table] = n;
    }
    yield `${JSON.stringify({ end: true, counts: summary.tables })}\n`;
  }
  try {
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { flags: 'wx' }));
  } catch (e) {
    // A backup that failed half-way must not look like a backup.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(file, { force: true });
    throw e;
  }
  return summary;
}

export class BackupError extends Error {}

/**
 * Restores a backup into an empty, migrated database in one transaction: either every row goes in, or
 * nothing does. Refuses a file that is not a complete Baton backup or that was made at another schema version.
 */
export async function restoreBackup(db: Database, file: string): Promise<BackupSummary> {
  const current = await migrationCount(db);
  for (const table of ['users', 'org_units', 'projects', 'journal'] as const) {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    );
    if (Number(rows[0]?.n ?? 0) > 0)
      throw new BackupError(
        `the database is not empty (table ${table} has rows): restore needs an empty database`,
      );
  }
  const pending = new Map<string, unknown[]>();
  const pendingChars = new Map<string, number>();
  const counts: Record<string, number> = {};
  let header: { format?: unknown; migrations?: unknown } | null = null;
  let ended: { counts?: Record<string, number> } | null = null;
  let lineNo = 0;
  const order = new Map<string, number>(BACKUP_TABLES.map((t, i) => [t, i]));
  let lastTableIndex = -1;

  await db.transaction(async (tx) => {
    const flush = async (table: string) => {
      const rows = pending.get(table);
      if (!rows?.length) return;
      await tx.execute(
        sql`insert into ${sql.identifier(table)} select * from json_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(rows)}::json)`,
      );
      pending.set(table, []);
      pendingChars.set(table, 0);
    };
    // The file is opened only now: lines a reader emits before it is iterated would be lost, and
    // opening the transaction takes a round trip on PostgreSQL.
    const input = createReadStream(file).pipe(createGunzip());
    const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    try {
      for await (const line of reader) {
        lineNo += 1;
        if (line.trim() === '') continue;
        let obj: {
          t?: unknown;
          r?: unknown;
          end?: unknown;
          counts?: Record<string, number>;
          format?: unknown;
          migrations?: unknown;
        };
        try {
          obj = JSON.parse(line);
        } catch {
          throw new BackupError(`line ${lineNo}: not valid JSON`);
        }
        if (!header) {
          if (obj.format !== FORMAT)
            throw new BackupError('line 1: not a Baton backup (no baton-backup header)');
          if (obj.migrations !== current) {
            throw new BackupError(
              `line 1: the backup was made at schema version ${String(obj.migrations)}, this database is at ${current}`,
            );
          }
          header = obj;
          continue;
        }
        if (obj.end === true) {
          ended = obj;
          continue;
        }
        const table = obj.t;
        if (typeof table !== 'string' || !order.has(table) || typeof obj.r !== 'object' || obj.r === null) {
          throw new BackupError(`line ${lineNo}: expected {"t": <table>, "r": <row>}`);
        }
        const index = order.get(table) ?? 0;
        if (index < lastTableIndex)
          throw new BackupError(`line ${lineNo}: table ${table} appears out of order`);
        if (index > lastTableIndex) {
          for (const t of BACKUP_TABLES.slice(0, index)) await flush(t);
          lastTableIndex = index;
        }
        const batch = pending.get(table) ?? [];
        batch.push(obj.r);
        pending.set(table, batch);
        const chars = (pendingChars.get(table) ?? 0) + line.length;
        pendingChars.set(table, chars);
        counts[table] = (counts[table] ?? 0) + 1;
        if (batch.length >= (SMALL_BATCHES[table]?.size ?? BATCH) || chars >= FLUSH_CHARS) await flush(table);
      }
    } catch (e) {
      if (e instanceof BackupError) throw e;
      throw new BackupError(`the file could not be read: ${(e as Error).message}`);
    }
    for (const t of BACKUP_TABLES) await flush(t);
    if (!header) throw new BackupError('the file is empty');
    if (!ended) throw new BackupError('the backup is truncated (no end marker)');
    for (const t of BACKUP_TABLES) {
      if ((ended.counts?.[t] ?? 0) !== (counts[t] ?? 0)) {
        throw new BackupError(
          `table ${t}: the end marker promises ${ended.counts?.[t] ?? 0} rows, the file holds ${counts[t] ?? 0}`,
        );
      }
    }
    await tx.execute(
      sql`select setval(pg_get_serial_sequence('journal', 'id'), coalesce((select max(id) from journal), 1), (select count(*) > 0 from journal))`,
    );
  });
  return { tables: Object.fromEntries(BACKUP_TABLES.map((t) => [t, counts[t] ?? 0])), migrations: current };
}
