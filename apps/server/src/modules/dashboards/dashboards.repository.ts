import { type Database, queryRows } from '@baton/db';
import { jobs, projectMetrics, projectSnapshots } from '@baton/db/schema';
import { type SQL, sql } from 'drizzle-orm';
import type { Visible } from '../access/access.service.ts';
import { visibleProjects } from '../shared/visibility.repository.ts';

/** Which projects a dashboard covers: what the caller may see, narrowed by the filters. */
export type ProjectScope = {
  visible: Visible;
  orgUnitIds?: readonly string[] | undefined;
  portfolioId?: string | undefined;
  programId?: string | undefined;
  statuses?: readonly string[] | undefined;
};

/** The statuses a portfolio dashboard looks at: projects being delivered. */
export const DELIVERY_STATUSES = ['approved', 'active', 'on_hold'] as const;

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const nn = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const textArray = (xs: readonly string[]) => sql`${`{${xs.join(',')}}`}::text[]`;

/** The SQL condition of a scope, over the `projects` table (unaliased). */
function scopeWhere(s: ProjectScope): SQL {
  const parts: SQL[] = [sql`projects.deleted_at is null`];
  const v = visibleProjects(s.visible);
  if (v) parts.push(v);
  if (s.orgUnitIds) parts.push(sql`projects.org_unit_id = any(${uuidArray(s.orgUnitIds)})`);
  if (s.portfolioId) parts.push(sql`projects.portfolio_id = ${s.portfolioId}`);
  if (s.programId) parts.push(sql`projects.program_id = ${s.programId}`);
  if (s.statuses) parts.push(sql`projects.status = any(${textArray(s.statuses)})`);
  return sql.join(parts, sql` and `);
}

export type MetricsValues = typeof projectMetrics.$inferInsert;
export type SnapshotValues = typeof projectSnapshots.$inferInsert;

export type TaskForCurve = {
  projectId: string;
  summary: boolean;
  milestone: boolean;
  name: string;
  taskId: string;
  percentComplete: number;
  actualCostMinor: number;
  actualStart: string | null;
  actualFinish: string | null;
  finish: string | null;
  baselineStart: string | null;
  baselineFinish: string | null;
  baselineCostMinor: number;
};

const RAID_ENTRY_TYPES = new Set(['assumption', 'decision', 'dependency']);
const PROJECT_TABLE_OF: Record<string, string> = {
  task: 'tasks',
  issue: 'issues',
  risk: 'risks',
  status_report: 'status_reports',
  change_request: 'change_requests',
  allocation: 'allocations',
  staffing_request: 'staffing_requests',
  deliverable: 'deliverables',
};

/** Storage of the dashboards: project_metrics, project_snapshots and the reads that aggregate them. */
export class DashboardsRepository {
  /** The project a recorded change is about, when it is about one (inside the change's transaction). */
  async projectOfChange(
    tx: Database,
    entity: { type: string; id: string; projectId?: string },
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): Promise<string | null> {
    if (entity.projectId) return entity.projectId;
    if (entity.type === 'project' || entity.type === 'project_schedule') return entity.id;
    const fromSnapshot = (after?.projectId ?? before?.projectId) as unknown;
    if (typeof fromSnapshot === 'string') return fromSnapshot;
    if (entity.type === 'task_link') {
      const taskId = (after?.successorId ?? before?.successorId) as unknown;
      if (typeof taskId !== 'string') return null;
      return this.projectIn(tx, 'tasks', taskId);
    }
    const table = RAID_ENTRY_TYPES.has(entity.type) ? 'raid_entries' : PROJECT_TABLE_OF[entity.type];
    return table ? this.projectIn(tx, table, entity.id) : null;
  }

  private async projectIn(tx: Database, table: string, id: string): Promise<string | null> {
    const rows = await queryRows<{ project_id: string | null }>(
      tx,
      sql`select project_id from ${sql.identifier(table)} where id = ${id}`,
    );
    return rows[0]?.project_id ?? null;
  }

  /** Queues a job inside the caller's transaction; a waiting one of the same key makes it a no-op. */
  async queueJob(
    tx: Database,
    kind: string,
    payload: Record<string, unknown>,
    dedupeKey: string,
    runAt: Date,
  ) {
    await tx.insert(jobs).values({ kind, payload, dedupeKey, runAt }).onConflictDoNothing();
  }

  async projectIds(db: Database): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select id from projects where deleted_at is null order by code`,
    );
    return rows.map((r) => r.id);
  }

  /** A project's placement, its schedule's finish and its Baseline 0 finish. */
  async projectFacts(db: Database, projectId: string) {
    const rows = await queryRows<{
      id: string;
      status: string;
      budget_minor: string | null;
      currency: string;
      finish: string | null;
      baseline_finish: string | null;
      deleted: boolean;
    }>(
      db,
      sql`select projects.id, projects.status, projects.budget_minor, projects.currency,
                 left(s.computed_finish, 10) as finish,
                 (select left(max(bt.finish), 10) from baselines b join baseline_tasks bt on bt.baseline_id = b.id
                   where b.project_id = projects.id and b.number = 0) as baseline_finish,
                 projects.deleted_at is not null as deleted
          from projects left join project_schedules s on s.project_id = projects.id
          where projects.id = ${projectId}`,
    );
    const r = rows[0];
    if (!r) return null;
    return {
      status: r.status,
      budgetMinor: nn(r.budget_minor),
      currency: r.currency,
      finish: r.finish,
      baselineFinish: r.baseline_finish,
      deleted: r.deleted,
    };
  }

  async upsertMetrics(db: Database, values: MetricsValues): Promise<void> {
    const { projectId: _id, ...rest } = values;
    await db
      .insert(projectMetrics)
      .values(values)
      .onConflictDoUpdate({ target: projectMetrics.projectId, set: rest });
  }

  async deleteMetrics(db: Database, projectId: string): Promise<void> {
    await db.execute(sql`delete from project_metrics where project_id = ${projectId}`);
  }

  /** Tasks of some projects with their Baseline 0 figures (for S-curves and milestones). */
  async tasksForCurve(db: Database, projectIds: readonly string[]): Promise<TaskForCurve[]> {
    if (projectIds.length === 0) return [];
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select t.project_id, t.id as task_id, t.name, t.summary, t.milestone, t.percent_complete,
                 t.actual_cost_minor, left(t.actual_start, 10) as actual_start,
                 left(t.actual_finish, 10) as actual_finish, left(t.finish, 10) as finish,
                 left(bt.start, 10) as baseline_start, left(bt.finish, 10) as baseline_finish,
                 coalesce(bt.cost_minor, 0) as baseline_cost_minor
          from tasks t
          left join baselines b on b.project_id = t.project_id and b.number = 0
          left join baseline_tasks bt on bt.baseline_id = b.id and bt.task_id = t.id
          where t.project_id = any(${uuidArray(projectIds)})`,
    );
    return rows.map((r) => ({
      projectId: r.project_id as string,
      taskId: r.task_id as string,
      name: r.name as string,
      summary: r.summary as boolean,
      milestone: r.milestone as boolean,
      percentComplete: n(r.percent_complete),
      actualCostMinor: n(r.actual_cost_minor),
      actualStart: (r.actual_start as string | null) ?? null,
      actualFinish: (r.actual_finish as string | null) ?? null,
      finish: (r.finish as string | null) ?? null,
      baselineStart: (r.baseline_start as string | null) ?? null,
      baselineFinish: (r.baseline_finish as string | null) ?? null,
      baselineCostMinor: n(r.baseline_cost_minor),
    }));
  }

  /** Projects in a scope with their stored figures (one row per project, no per-project work). */
  async projectsWithMetrics(db: Database, scope: ProjectScope, limit?: number) {
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select projects.id, projects.code, projects.name, projects.status, projects.org_unit_id,
                 projects.portfolio_id, projects.program_id, projects.currency, projects.budget_minor,
                 projects.planned_start::text as planned_start,
                 m.health, m.dimensions, m.bac_minor, m.pv_minor, m.ev_minor, m.ac_minor, m.eac_minor,
                 m.spi, m.cpi, m.finish::text as finish, m.baseline_finish::text as baseline_finish,
                 m.percent_complete, to_char(m.computed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as computed_at
          from projects left join project_metrics m on m.project_id = projects.id
          where ${scopeWhere(scope)}
          order by case m.health when 'red' then 0 when 'amber' then 1 when 'green' then 2 else 3 end, projects.code
          ${limit ? sql`limit ${limit}` : sql``}`,
    );
    return rows.map((r) => ({
      projectId: r.id as string,
      code: r.code as string,
      name: r.name as string,
      status: r.status as string,
      orgUnitId: r.org_unit_id as string,
      portfolioId: (r.portfolio_id as string | null) ?? null,
      programId: (r.program_id as string | null) ?? null,
      currency: r.currency as string,
      budget: nn(r.budget_minor),
      plannedStart: (r.planned_start as string | null) ?? null,
      health: (r.health as 'green' | 'amber' | 'red' | null) ?? null,
      dimensions: (r.dimensions as Record<string, string> | null) ?? {},
      bac: n(r.bac_minor),
      pv: n(r.pv_minor),
      ev: n(r.ev_minor),
      ac: n(r.ac_minor),
      eac: nn(r.eac_minor),
      spi: nn(r.spi),
      cpi: nn(r.cpi),
      finish: (r.finish as string | null) ?? null,
      baselineFinish: (r.baseline_finish as string | null) ?? null,
      percentComplete: nn(r.percent_complete),
      computedAt: (r.computed_at as string | null) ?? null,
    }));
  }

  /** Health counts overall and per dimension, the oldest computation and the project count of a scope. */
  async healthCounts(db: Database, scope: ProjectScope) {
    const where = scopeWhere(scope);
    const [overall, dims] = await Promise.all([
      queryRows<{ rag: string; n: number; oldest: string | null }>(
        db,
        sql`select coalesce(m.health, 'unknown') as rag, count(*)::int as n, to_char(min(m.computed_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as oldest
          from projects left join project_metrics m on m.project_id = projects.id
          where ${where} group by 1`,
      ),
      queryRows<{ dim: string; rag: string; n: number }>(
        db,
        sql`select d.key as dim, d.value as rag, count(*)::int as n
          from projects join project_metrics m on m.project_id = projects.id
          cross join lateral jsonb_each_text(m.dimensions) d
          where ${where} group by 1, 2`,
      ),
    ]);
    return { overall, dims };
  }

  /** Budget, actual cost, EAC and BAC summed per portfolio. */
  async budgetByPortfolio(db: Database, scope: ProjectScope) {
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select projects.portfolio_id, pf.code, pf.name,
                 coalesce(sum(projects.budget_minor), 0)::float8 as budget,
                 coalesce(sum(m.ac_minor), 0)::float8 as actual,
                 coalesce(sum(coalesce(m.eac_minor, projects.budget_minor)), 0)::float8 as forecast,
                 coalesce(sum(m.bac_minor), 0)::float8 as bac
          from projects left join project_metrics m on m.project_id = projects.id
          left join portfolios pf on pf.id = projects.portfolio_id
          where ${scopeWhere(scope)}
          group by projects.portfolio_id, pf.code, pf.name
          order by pf.code nulls last`,
    );
    return rows.map((r) => ({
      portfolioId: (r.portfolio_id as string | null) ?? null,
      code: (r.code as string | null) ?? null,
      name: (r.name as string | null) ?? 'No portfolio',
      budget: n(r.budget),
      actual: n(r.actual),
      forecast: n(r.forecast),
      bac: n(r.bac),
    }));
  }

  /** Open milestones due from `from` to `to`, read from the stored figures (not the task table). */
  async milestones(db: Database, scope: ProjectScope, from: string, to: string, limit: number) {
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select projects.id as project_id, projects.code, e->>'taskId' as task_id, e->>'name' as name,
                 e->>'finish' as finish, e->>'baselineFinish' as baseline_finish
          from projects join project_metrics m on m.project_id = projects.id
          cross join lateral jsonb_array_elements(coalesce(m.facts->'milestones', '[]'::jsonb)) e
          where ${scopeWhere(scope)} and e->>'finish' >= ${from} and e->>'finish' <= ${to}
          order by e->>'finish', projects.code
          limit ${limit}`,
    );
    return rows.map((r) => ({
      projectId: r.project_id as string,
      projectCode: r.code as string,
      taskId: r.task_id as string,
      name: r.name as string,
      finish: r.finish as string,
      baselineFinish: (r.baseline_finish as string | null) ?? null,
    }));
  }

  async milestoneCounts(db: Database, scope: ProjectScope, today: string, in30: string, in90: string) {
    const rows = await queryRows<{ n30: number; n90: number }>(
      db,
      sql`select count(*) filter (where e->>'finish' <= ${in30})::int as n30, count(*)::int as n90
          from projects join project_metrics m on m.project_id = projects.id
          cross join lateral jsonb_array_elements(coalesce(m.facts->'milestones', '[]'::jsonb)) e
          where ${scopeWhere(scope)} and e->>'finish' >= ${today} and e->>'finish' <= ${in90}`,
    );
    return { next30: rows[0]?.n30 ?? 0, next90: rows[0]?.n90 ?? 0 };
  }

  /**
   * Open and monitored risks of the scope by probability × impact: those of its projects, and those
   * held at a portfolio or org unit inside it.
   */
  async riskCells(
    db: Database,
    scope: ProjectScope,
    holders: { portfolioIds: readonly string[] | 'all' | null; orgUnitIds: readonly string[] | 'all' | null },
  ) {
    const held: SQL[] = [sql`r.project_id in (select projects.id from projects where ${scopeWhere(scope)})`];
    const p = holders.portfolioIds;
    const u = holders.orgUnitIds;
    if (p)
      held.push(
        p === 'all'
          ? sql`(r.project_id is null and r.portfolio_id is not null)`
          : sql`(r.project_id is null and r.portfolio_id = any(${uuidArray(p)}))`,
      );
    if (u)
      held.push(
        u === 'all'
          ? sql`(r.project_id is null and r.portfolio_id is null and r.org_unit_id is not null)`
          : sql`(r.project_id is null and r.portfolio_id is null and r.org_unit_id = any(${uuidArray(u)}))`,
      );
    return queryRows<{ probability: number; impact: number; count: number }>(
      db,
      sql`select r.probability::int as probability, r.impact::int as impact, count(*)::int as count
          from risks r
          where r.deleted_at is null and r.status in ('open', 'monitoring') and (${sql.join(held, sql` or `)})
          group by 1, 2 order by 1 desc, 2 desc`,
    );
  }

  /** Names and codes of groups, for roll-up rows. */
  async groupNames(db: Database, kind: 'program' | 'portfolio' | 'org-unit') {
    const table = kind === 'program' ? 'programs' : kind === 'portfolio' ? 'portfolios' : 'org_units';
    const rows = await queryRows<{ id: string; code: string; name: string }>(
      db,
      sql`select id, code, name from ${sql.identifier(table)}`,
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async orgUnits(db: Database) {
    return queryRows<{ id: string; code: string; name: string; parent_id: string | null }>(
      db,
      sql`select id, code, name, parent_id from org_units order by code`,
    );
  }

  /** When each project was completed or cancelled, from the journal of its status changes. */
  async closeDates(db: Database, projectIds?: readonly string[]): Promise<Map<string, string>> {
    const rows = await queryRows<{ id: string; at: string }>(
      db,
      sql`select entity_id as id, to_char(max(at) at time zone 'UTC', 'YYYY-MM-DD') as at from journal
          where entity_type = 'project'
            and (changes @> '[{"field":"status","to":"completed"}]'::jsonb
              or changes @> '[{"field":"status","to":"cancelled"}]'::jsonb)
            ${projectIds ? sql`and entity_id = any(${uuidArray(projectIds)})` : sql``}
          group by entity_id`,
    );
    return new Map(rows.map((r) => [r.id, r.at]));
  }

  async snapshotExists(db: Database, period: string): Promise<boolean> {
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from project_snapshots where period = ${period}`,
    );
    return (rows[0]?.n ?? 0) > 0;
  }

  async upsertSnapshot(db: Database, values: SnapshotValues): Promise<void> {
    const { period: _p, projectId: _id, ...rest } = values;
    await db
      .insert(projectSnapshots)
      .values(values)
      .onConflictDoUpdate({ target: [projectSnapshots.period, projectSnapshots.projectId], set: rest });
  }

  /** Snapshots of a scope's projects from one period to another (the placement frozen with them). */
  async snapshots(db: Database, scope: ProjectScope, from: string, to: string) {
    const parts: SQL[] = [sql`s.period >= ${from}`, sql`s.period <= ${to}`];
    if (scope.orgUnitIds) parts.push(sql`s.org_unit_id = any(${uuidArray(scope.orgUnitIds)})`);
    const v = scope.visible;
    if (!v.all) {
      const or: SQL[] = [];
      if (v.orgUnitIds.length) or.push(sql`s.org_unit_id = any(${uuidArray(v.orgUnitIds)})`);
      if (v.portfolioIds.length) or.push(sql`s.portfolio_id = any(${uuidArray(v.portfolioIds)})`);
      if (v.projectIds.length) or.push(sql`s.project_id = any(${uuidArray(v.projectIds)})`);
      parts.push(or.length ? sql`(${sql.join(or, sql` or `)})` : sql`false`);
    }
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select s.period, s.project_id, s.status, s.org_unit_id, s.health, s.ac_minor, s.eac_minor,
                 s.budget_minor, s.finish::text as finish, s.baseline_finish::text as baseline_finish, s.figures
          from project_snapshots s where ${sql.join(parts, sql` and `)}`,
    );
    return rows.map((r) => {
      const f = (r.figures as Record<string, unknown> | null) ?? {};
      return {
        period: r.period as string,
        projectId: r.project_id as string,
        orgUnitId: r.org_unit_id as string,
        status: r.status as string,
        health: (r.health as string | null) ?? null,
        acMinor: n(r.ac_minor),
        eacMinor: nn(r.eac_minor),
        budgetMinor: nn(r.budget_minor),
        finish: (r.finish as string | null) ?? null,
        baselineFinish: (r.baseline_finish as string | null) ?? null,
        plannedStart: typeof f.plannedStart === 'string' ? f.plannedStart : null,
        closedOn: typeof f.closedOn === 'string' ? f.closedOn : null,
        unitCapacityHours: typeof f.unitCapacityHours === 'number' ? f.unitCapacityHours : 0,
        unitDemandHours: typeof f.unitDemandHours === 'number' ? f.unitDemandHours : 0,
      };
    });
  }
}
