import type { Database } from '@baton/db';
import { baselines, baselineTasks, projects, riskProjects, risks, tasks } from '@baton/db/schema';
import { and, eq, inArray, isNull, max, or, sql } from 'drizzle-orm';

export type ForecastProjectRow = {
  id: string;
  code: string;
  name: string;
  orgUnitId: string;
  portfolioId: string | null;
  status: string;
  currency: string;
  budgetMinor: number | null;
  plannedFinish: string | null;
};

export type ForecastRiskRow = {
  id: string;
  code: string;
  title: string;
  projectId: string | null;
  probability: number;
  probabilityPercent: number | null;
  scheduleImpactDays: number | null;
  costImpactMinor: number | null;
};

/** What forecasts read besides the plan: projects, quantified open risks and baseline finishes. */
export class ForecastRepository {
  async projects(db: Database, ids?: readonly string[]): Promise<ForecastProjectRow[]> {
    if (ids && ids.length === 0) return [];
    return db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        orgUnitId: projects.orgUnitId,
        portfolioId: projects.portfolioId,
        status: projects.status,
        currency: projects.currency,
        budgetMinor: projects.budgetMinor,
        plannedFinish: projects.plannedFinish,
      })
      .from(projects)
      .where(and(isNull(projects.deletedAt), ids ? inArray(projects.id, [...ids]) : undefined))
      .orderBy(projects.code);
  }

  /**
   * Open or monitored risks with a schedule or cost impact, per project: the project's own and the
   * shared risks linked to it (a shared risk counts in full for each project it is linked to).
   */
  async quantifiedRisks(
    db: Database,
    projectIds: readonly string[],
  ): Promise<Map<string, ForecastRiskRow[]>> {
    const out = new Map<string, ForecastRiskRow[]>();
    if (projectIds.length === 0) return out;
    const ids = [...projectIds];
    const rows = await db
      .select({
        id: risks.id,
        code: risks.code,
        title: risks.title,
        projectId: risks.projectId,
        probability: risks.probability,
        probabilityPercent: risks.probabilityPercent,
        scheduleImpactDays: risks.scheduleImpactDays,
        costImpactMinor: risks.costImpactMinor,
        linkedProjectId: riskProjects.projectId,
      })
      .from(risks)
      .leftJoin(riskProjects, and(eq(riskProjects.riskId, risks.id), inArray(riskProjects.projectId, ids)))
      .where(
        and(
          isNull(risks.deletedAt),
          inArray(risks.status, ['open', 'monitoring']),
          or(sql`${risks.scheduleImpactDays} is not null`, sql`${risks.costImpactMinor} is not null`),
          or(inArray(risks.projectId, ids), sql`${riskProjects.projectId} is not null`),
        ),
      )
      .orderBy(risks.code);
    for (const { linkedProjectId, ...r } of rows) {
      const pid = r.projectId ?? linkedProjectId;
      if (!pid) continue;
      const list = out.get(pid) ?? [];
      if (!list.some((x) => x.id === r.id)) list.push(r);
      out.set(pid, list);
    }
    return out;
  }

  /** Latest finish in Baseline 0 of each project (null when not baselined). */
  async baselineFinishes(db: Database, projectIds: readonly string[]): Promise<Map<string, string>> {
    if (projectIds.length === 0) return new Map();
    const rows = await db
      .select({ projectId: baselines.projectId, finish: max(baselineTasks.finish) })
      .from(baselines)
      .innerJoin(baselineTasks, eq(baselineTasks.baselineId, baselines.id))
      .innerJoin(tasks, and(eq(tasks.id, baselineTasks.taskId), eq(tasks.summary, false)))
      .where(and(inArray(baselines.projectId, [...projectIds]), eq(baselines.number, 0)))
      .groupBy(baselines.projectId);
    return new Map(rows.flatMap((r) => (r.finish ? [[r.projectId, r.finish] as [string, string]] : [])));
  }
}
