import type { Database } from '@baton/db';
import {
  projects,
  resources,
  tasks,
  timesheetDecisions,
  timesheetEntries,
  timesheets,
  users,
} from '@baton/db/schema';
import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Visible } from '../access/access.service.ts';
import { visibleProjects } from '../shared/visibility.repository.ts';

export type TimesheetRow = typeof timesheets.$inferSelect;
export type EntryRow = typeof timesheetEntries.$inferSelect & {
  projectCode: string;
  projectName: string;
  taskName: string | null;
};
export type DecisionRow = typeof timesheetDecisions.$inferSelect & {
  projectCode: string;
  decidedByName: string | null;
};

/** Timesheets, their lines and the per-project decisions on them. */
export class TimesheetsRepository {
  async getByWeek(db: Database, resourceId: string, weekStart: string): Promise<TimesheetRow | null> {
    const [r] = await db
      .select()
      .from(timesheets)
      .where(and(eq(timesheets.resourceId, resourceId), eq(timesheets.weekStart, weekStart)));
    return r ?? null;
  }

  async get(db: Database, id: string): Promise<TimesheetRow | null> {
    const [r] = await db.select().from(timesheets).where(eq(timesheets.id, id));
    return r ?? null;
  }

  async insert(tx: Database, values: typeof timesheets.$inferInsert): Promise<TimesheetRow> {
    const [row] = await tx.insert(timesheets).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async update(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof timesheets.$inferInsert>,
    actorId: string | null,
  ): Promise<TimesheetRow | null> {
    const [row] = await tx
      .update(timesheets)
      .set({ ...values, version: sql`${timesheets.version} + 1`, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(timesheets.id, id), eq(timesheets.version, version)))
      .returning();
    return row ?? null;
  }

  async entriesOf(db: Database, timesheetIds: readonly string[]): Promise<EntryRow[]> {
    if (!timesheetIds.length) return [];
    const rows = await db
      .select({
        e: timesheetEntries,
        projectCode: projects.code,
        projectName: projects.name,
        taskName: tasks.name,
      })
      .from(timesheetEntries)
      .innerJoin(projects, eq(projects.id, timesheetEntries.projectId))
      .leftJoin(tasks, eq(tasks.id, timesheetEntries.taskId))
      .where(inArray(timesheetEntries.timesheetId, [...timesheetIds]))
      .orderBy(asc(projects.code), asc(timesheetEntries.date));
    return rows.map((r) => ({
      ...r.e,
      projectCode: r.projectCode,
      projectName: r.projectName,
      taskName: r.taskName,
    }));
  }

  async replaceEntries(
    tx: Database,
    timesheetId: string,
    entries: readonly Omit<typeof timesheetEntries.$inferInsert, 'timesheetId'>[],
  ): Promise<void> {
    await tx.delete(timesheetEntries).where(eq(timesheetEntries.timesheetId, timesheetId));
    if (entries.length) await tx.insert(timesheetEntries).values(entries.map((e) => ({ ...e, timesheetId })));
  }

  async setEntryStatus(
    tx: Database,
    timesheetId: string,
    projectId: string | null,
    status: string,
  ): Promise<void> {
    await tx
      .update(timesheetEntries)
      .set({ status })
      .where(
        and(
          eq(timesheetEntries.timesheetId, timesheetId),
          projectId ? eq(timesheetEntries.projectId, projectId) : undefined,
        ),
      );
  }

  async decisionsOf(db: Database, timesheetIds: readonly string[]): Promise<DecisionRow[]> {
    if (!timesheetIds.length) return [];
    const rows = await db
      .select({ d: timesheetDecisions, projectCode: projects.code, by: users.name })
      .from(timesheetDecisions)
      .innerJoin(projects, eq(projects.id, timesheetDecisions.projectId))
      .leftJoin(users, eq(users.id, timesheetDecisions.decidedBy))
      .where(inArray(timesheetDecisions.timesheetId, [...timesheetIds]))
      .orderBy(asc(timesheetDecisions.decidedAt));
    return rows.map((r) => ({ ...r.d, projectCode: r.projectCode, decidedByName: r.by }));
  }

  async clearDecisions(tx: Database, timesheetId: string): Promise<void> {
    await tx.delete(timesheetDecisions).where(eq(timesheetDecisions.timesheetId, timesheetId));
  }

  async insertDecision(tx: Database, values: typeof timesheetDecisions.$inferInsert): Promise<void> {
    await tx.insert(timesheetDecisions).values(values);
  }

  /** Submitted timesheets with lines still pending in projects the caller may approve. */
  async awaitingApproval(db: Database, visible: Visible) {
    return db
      .select({
        t: timesheets,
        resourceName: resources.name,
        projectId: timesheetEntries.projectId,
      })
      .from(timesheets)
      .innerJoin(resources, eq(resources.id, timesheets.resourceId))
      .innerJoin(timesheetEntries, eq(timesheetEntries.timesheetId, timesheets.id))
      .innerJoin(projects, eq(projects.id, timesheetEntries.projectId))
      .where(
        and(
          eq(timesheets.status, 'submitted'),
          eq(timesheetEntries.status, 'pending'),
          isNull(projects.deletedAt),
          visibleProjects(visible),
        ),
      )
      .groupBy(timesheets.id, resources.name, timesheetEntries.projectId)
      .orderBy(asc(timesheets.weekStart), asc(resources.name));
  }

  /** Logged hours per resource, project, task and day in a window (approved, or still pending). */
  async loggedHours(
    db: Database,
    f: {
      from: string;
      to: string;
      resourceIds?: readonly string[] | undefined;
      projectId?: string | undefined;
    },
  ) {
    if (f.resourceIds && !f.resourceIds.length) return [];
    return db
      .select({
        resourceId: timesheets.resourceId,
        projectId: timesheetEntries.projectId,
        taskId: timesheetEntries.taskId,
        date: timesheetEntries.date,
        hours: timesheetEntries.hours,
        status: timesheetEntries.status,
        sheetStatus: timesheets.status,
      })
      .from(timesheetEntries)
      .innerJoin(timesheets, eq(timesheets.id, timesheetEntries.timesheetId))
      .where(
        and(
          gte(timesheetEntries.date, f.from),
          lte(timesheetEntries.date, f.to),
          f.resourceIds ? inArray(timesheets.resourceId, [...f.resourceIds]) : undefined,
          f.projectId ? eq(timesheetEntries.projectId, f.projectId) : undefined,
        ),
      );
  }
}
