import type { Database } from '@baton/db';
import {
  baselines,
  baselineTasks,
  orgUnits,
  portfolios,
  programs,
  projects,
  statusReports,
  tasks,
  users,
} from '@baton/db/schema';
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Visible } from '../access/access.service.ts';
import { visibleProjects } from '../shared/visibility.repository.ts';

export type PackProjectRow = Awaited<ReturnType<ReportsRepository['projects']>>[number];

/** What the portfolio pack reads besides the metrics: projects, their names and schedule ends. */
export class ReportsRepository {
  /** The projects in scope, with the names of where they sit and of their manager, by code. */
  async projects(
    db: Database,
    v: Visible,
    q: {
      orgUnitIds?: readonly string[] | undefined;
      portfolioId?: string | undefined;
      programId?: string | undefined;
      statuses?: readonly string[] | undefined;
    },
  ) {
    const where: (SQL | undefined)[] = [
      isNull(projects.deletedAt),
      visibleProjects(v),
      q.orgUnitIds ? inArray(projects.orgUnitId, [...q.orgUnitIds]) : undefined,
      q.portfolioId ? eq(projects.portfolioId, q.portfolioId) : undefined,
      q.programId ? eq(projects.programId, q.programId) : undefined,
      q.statuses ? inArray(projects.status, [...q.statuses]) : undefined,
    ];
    return db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        status: projects.status,
        currency: projects.currency,
        budgetMinor: projects.budgetMinor,
        orgUnitName: orgUnits.name,
        portfolioName: portfolios.name,
        programName: programs.name,
        managerName: users.name,
      })
      .from(projects)
      .leftJoin(orgUnits, eq(orgUnits.id, projects.orgUnitId))
      .leftJoin(portfolios, eq(portfolios.id, projects.portfolioId))
      .leftJoin(programs, eq(programs.id, projects.programId))
      .leftJoin(users, eq(users.id, projects.managerId))
      .where(and(...where.filter((x) => x !== undefined)))
      .orderBy(asc(projects.code));
  }

  /** Per project: the latest task finish (the schedule's forecast) and that of Baseline 0. */
  async finishes(
    db: Database,
    projectIds: readonly string[],
  ): Promise<Map<string, { finish: string | null; baselineFinish: string | null }>> {
    const out = new Map<string, { finish: string | null; baselineFinish: string | null }>();
    if (projectIds.length === 0) return out;
    const ids = [...projectIds];
    const [forecast, base] = await Promise.all([
      db
        .select({ projectId: tasks.projectId, finish: sql<string | null>`max(${tasks.finish})` })
        .from(tasks)
        .where(inArray(tasks.projectId, ids))
        .groupBy(tasks.projectId),
      db
        .select({
          projectId: baselines.projectId,
          finish: sql<string | null>`max(${baselineTasks.finish})`,
        })
        .from(baselineTasks)
        .innerJoin(baselines, eq(baselines.id, baselineTasks.baselineId))
        .where(and(inArray(baselines.projectId, ids), eq(baselines.number, 0)))
        .groupBy(baselines.projectId),
    ]);
    for (const id of ids) out.set(id, { finish: null, baselineFinish: null });
    for (const f of forecast) (out.get(f.projectId) as { finish: string | null }).finish = f.finish;
    for (const b of base)
      (out.get(b.projectId) as { baselineFinish: string | null }).baselineFinish = b.finish;
    return out;
  }

  /** Per project: the newest submitted (or reviewed) status report's period and reported RAG. */
  async latestReported(
    db: Database,
    projectIds: readonly string[],
  ): Promise<Map<string, { period: string; reported: Record<string, string> }>> {
    const out = new Map<string, { period: string; reported: Record<string, string> }>();
    if (projectIds.length === 0) return out;
    const rows = await db
      .select({
        projectId: statusReports.projectId,
        period: statusReports.period,
        reported: statusReports.reported,
      })
      .from(statusReports)
      .where(
        and(
          inArray(statusReports.projectId, [...projectIds]),
          inArray(statusReports.status, ['submitted', 'reviewed']),
        ),
      )
      .orderBy(desc(statusReports.period));
    for (const r of rows)
      if (!out.has(r.projectId)) out.set(r.projectId, { period: r.period, reported: r.reported });
    return out;
  }

  /** An org unit by its id or (case-insensitively) its code. */
  async orgUnit(db: Database, idOrCode: string): Promise<{ id: string; code: string; name: string } | null> {
    const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCode);
    const [row] = await db
      .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name })
      .from(orgUnits)
      .where(
        isId
          ? or(eq(orgUnits.id, idOrCode), eq(sql`lower(${orgUnits.code})`, idOrCode.toLowerCase()))
          : eq(sql`lower(${orgUnits.code})`, idOrCode.toLowerCase()),
      )
      .limit(1);
    return row ?? null;
  }

  async portfolioName(db: Database, id: string): Promise<string | null> {
    const [row] = await db.select({ name: portfolios.name }).from(portfolios).where(eq(portfolios.id, id));
    return row?.name ?? null;
  }

  async programName(db: Database, id: string): Promise<string | null> {
    const [row] = await db.select({ name: programs.name }).from(programs).where(eq(programs.id, id));
    return row?.name ?? null;
  }
}
