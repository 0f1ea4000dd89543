import type { Database } from '@baton/db';
import { baselines, baselineTasks, projects, statusReports, tasks } from '@baton/db/schema';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';

/** What earned value and health read: a project's tasks against its baseline, and its last report. */
export class MetricsRepository {
  /** Every task with its figures in Baseline 0 (baseline fields null when not baselined). */
  async tasksWithBaseline(db: Database, projectId: string) {
    const [b] = await db
      .select({ id: baselines.id })
      .from(baselines)
      .where(and(eq(baselines.projectId, projectId), eq(baselines.number, 0)));
    const rows = await db
      .select({
        id: tasks.id,
        summary: tasks.summary,
        milestone: tasks.milestone,
        finish: tasks.finish,
        percentComplete: tasks.percentComplete,
        actualCostMinor: tasks.actualCostMinor,
      })
      .from(tasks)
      .where(eq(tasks.projectId, projectId));
    const base = b
      ? await db
          .select({
            taskId: baselineTasks.taskId,
            start: baselineTasks.start,
            finish: baselineTasks.finish,
            costMinor: baselineTasks.costMinor,
          })
          .from(baselineTasks)
          .where(eq(baselineTasks.baselineId, b.id))
      : [];
    const byTask = new Map(base.map((x) => [x.taskId, x]));
    return rows.map((t) => ({ ...t, baseline: byTask.get(t.id) ?? null }));
  }

  async project(db: Database, id: string) {
    const [row] = await db
      .select({
        id: projects.id,
        currency: projects.currency,
        budgetMinor: projects.budgetMinor,
        status: projects.status,
        plannedFinish: projects.plannedFinish,
        orgUnitId: projects.orgUnitId,
      })
      .from(projects)
      .where(and(eq(projects.id, id), isNull(projects.deletedAt)));
    return row ?? null;
  }

  /** When the project last submitted a status report. */
  async lastSubmitted(db: Database, projectId: string): Promise<Date | null> {
    const [row] = await db
      .select({ at: statusReports.submittedAt })
      .from(statusReports)
      .where(
        and(eq(statusReports.projectId, projectId), inArray(statusReports.status, ['submitted', 'reviewed'])),
      )
      .orderBy(desc(statusReports.submittedAt))
      .limit(1);
    return row?.at ?? null;
  }
}
