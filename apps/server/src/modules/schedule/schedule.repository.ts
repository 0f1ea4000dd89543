import type { Database } from '@baton/db';
import {
  assignments,
  baselines,
  baselineTasks,
  calendars,
  projectSchedules,
  projects,
  resources,
  taskLinks,
  tasks,
} from '@baton/db/schema';
import { and, asc, eq, inArray, isNull, max, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Visible } from '../access/access.service.ts';
import { visibleProjects } from '../shared/visibility.repository.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type LinkRow = typeof taskLinks.$inferSelect;
export type CalendarRow = typeof calendars.$inferSelect;
export type SettingsRow = typeof projectSchedules.$inferSelect;
export type BaselineRow = typeof baselines.$inferSelect;
export type ResourceRow = typeof resources.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;

export type ComputedFields = Pick<
  TaskRow,
  | 'id'
  | 'summary'
  | 'start'
  | 'finish'
  | 'earlyStart'
  | 'earlyFinish'
  | 'lateStart'
  | 'lateFinish'
  | 'totalFloatMinutes'
  | 'freeFloatMinutes'
  | 'critical'
>;

const predTask = alias(tasks, 'pred_task');
const succTask = alias(tasks, 'succ_task');

/** Tasks, links, calendars, baselines and settings of project plans. */
export class ScheduleRepository {
  async projectInfo(db: Database, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        status: projects.status,
        plannedStart: projects.plannedStart,
        plannedFinish: projects.plannedFinish,
        portfolioId: projects.portfolioId,
        orgUnitId: projects.orgUnitId,
        programId: projects.programId,
      })
      .from(projects)
      .where(and(inArray(projects.id, [...ids]), isNull(projects.deletedAt)));
  }

  async settings(db: Database, projectIds: readonly string[]): Promise<SettingsRow[]> {
    if (projectIds.length === 0) return [];
    return db
      .select()
      .from(projectSchedules)
      .where(inArray(projectSchedules.projectId, [...projectIds]));
  }

  async ensureSettings(
    tx: Database,
    projectId: string,
    defaults: Partial<SettingsRow>,
  ): Promise<SettingsRow> {
    await tx
      .insert(projectSchedules)
      .values({ projectId, ...defaults })
      .onConflictDoNothing();
    const [row] = await tx.select().from(projectSchedules).where(eq(projectSchedules.projectId, projectId));
    if (!row) throw new Error('settings row missing');
    return row;
  }

  async updateSettings(
    tx: Database,
    projectId: string,
    version: number | null,
    values: Partial<SettingsRow>,
    actorId: string | null,
  ): Promise<SettingsRow | null> {
    const [row] = await tx
      .update(projectSchedules)
      .set({
        ...values,
        version: sql`${projectSchedules.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actorId,
      })
      .where(
        and(
          eq(projectSchedules.projectId, projectId),
          version === null ? undefined : eq(projectSchedules.version, version),
        ),
      )
      .returning();
    return row ?? null;
  }

  /** Scheduling results: not a user edit, so no version bump. */
  async saveResults(
    tx: Database,
    projectId: string,
    values: Pick<
      SettingsRow,
      'computedStart' | 'computedFinish' | 'issues' | 'conflicts' | 'criticalPaths' | 'scheduledAt'
    >,
  ): Promise<void> {
    await tx.update(projectSchedules).set(values).where(eq(projectSchedules.projectId, projectId));
  }

  calendarsFor(db: Database, projectIds: readonly string[]): Promise<CalendarRow[]> {
    return db
      .select()
      .from(calendars)
      .where(
        or(
          isNull(calendars.projectId),
          projectIds.length ? inArray(calendars.projectId, [...projectIds]) : undefined,
        ),
      )
      .orderBy(asc(calendars.createdAt));
  }

  async insertCalendar(tx: Database, values: typeof calendars.$inferInsert): Promise<CalendarRow> {
    const [row] = await tx.insert(calendars).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  /** These calendars and, transitively, their base calendars (resource calendars may live in other plans). */
  async calendarsWithBases(
    db: Database,
    have: readonly CalendarRow[],
    wanted: Iterable<string>,
  ): Promise<CalendarRow[]> {
    const all = new Map(have.map((c) => [c.id, c]));
    let missing = [...new Set(wanted)].filter((id) => !all.has(id));
    while (missing.length) {
      const rows = await db.select().from(calendars).where(inArray(calendars.id, missing));
      for (const r of rows) all.set(r.id, r);
      missing = rows.flatMap((r) =>
        r.baseCalendarId && !all.has(r.baseCalendarId) ? [r.baseCalendarId] : [],
      );
    }
    return [...all.values()];
  }

  async setCalendarBase(tx: Database, id: string, baseCalendarId: string): Promise<void> {
    await tx.update(calendars).set({ baseCalendarId }).where(eq(calendars.id, id));
  }

  /** The organisation's calendars and these (base calendars resolve among them). */
  calendarsWithIds(db: Database, ids: readonly string[]): Promise<CalendarRow[]> {
    return db
      .select()
      .from(calendars)
      .where(or(isNull(calendars.projectId), ids.length ? inArray(calendars.id, [...ids]) : undefined))
      .orderBy(asc(calendars.createdAt));
  }

  async organisationCalendar(db: Database, name: string): Promise<CalendarRow | null> {
    const [row] = await db
      .select()
      .from(calendars)
      .where(and(isNull(calendars.projectId), eq(calendars.name, name)));
    return row ?? null;
  }

  tasksOf(db: Database, projectIds: readonly string[]): Promise<TaskRow[]> {
    if (projectIds.length === 0) return Promise.resolve([]);
    return db
      .select()
      .from(tasks)
      .where(inArray(tasks.projectId, [...projectIds]))
      .orderBy(asc(tasks.projectId), asc(tasks.position));
  }

  async getTask(db: Database, id: string): Promise<TaskRow | null> {
    const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
    return row ?? null;
  }

  async nextUid(tx: Database, projectId: string): Promise<number> {
    const [row] = await tx
      .select({ m: max(tasks.uid) })
      .from(tasks)
      .where(eq(tasks.projectId, projectId));
    return (row?.m ?? 0) + 1;
  }

  async insertTasks(tx: Database, values: (typeof tasks.$inferInsert)[]): Promise<TaskRow[]> {
    const out: TaskRow[] = [];
    for (let i = 0; i < values.length; i += 500) {
      out.push(
        ...(await tx
          .insert(tasks)
          .values(values.slice(i, i + 500))
          .returning()),
      );
    }
    return out;
  }

  async updateTask(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof tasks.$inferInsert>,
    actorId: string | null,
  ): Promise<TaskRow | null> {
    const [row] = await tx
      .update(tasks)
      .set({ ...values, version: sql`${tasks.version} + 1`, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(tasks.id, id), eq(tasks.version, version)))
      .returning();
    return row ?? null;
  }

  async deleteTasks(tx: Database, ids: readonly string[]): Promise<void> {
    if (ids.length) await tx.delete(tasks).where(inArray(tasks.id, [...ids]));
  }

  /** Writes new positions and parents in one statement. */
  async writeOutline(
    tx: Database,
    rows: readonly { id: string; position: number; parentId: string | null }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = JSON.stringify(
        rows.slice(i, i + 5000).map((r) => ({ id: r.id, position: r.position, parent_id: r.parentId })),
      );
      await tx.execute(sql`
        update tasks t set position = x.position, parent_id = x.parent_id
        from json_to_recordset(${chunk}::json) as x(id uuid, position int, parent_id uuid)
        where t.id = x.id and (t.position <> x.position or t.parent_id is distinct from x.parent_id)`);
    }
  }

  /** Writes the engine's dates for the tasks whose dates changed, in one statement per 5,000. */
  async writeComputed(tx: Database, rows: readonly ComputedFields[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = JSON.stringify(
        rows.slice(i, i + 5000).map((r) => ({
          id: r.id,
          summary: r.summary,
          start: r.start,
          finish: r.finish,
          early_start: r.earlyStart,
          early_finish: r.earlyFinish,
          late_start: r.lateStart,
          late_finish: r.lateFinish,
          total_float_minutes: r.totalFloatMinutes,
          free_float_minutes: r.freeFloatMinutes,
          critical: r.critical,
        })),
      );
      await tx.execute(sql`
        update tasks t set summary = x.summary, start = x.start, finish = x.finish,
          early_start = x.early_start, early_finish = x.early_finish, late_start = x.late_start,
          late_finish = x.late_finish, total_float_minutes = x.total_float_minutes,
          free_float_minutes = x.free_float_minutes, critical = x.critical
        from json_to_recordset(${chunk}::json) as x(id uuid, summary boolean, start text, finish text,
          early_start text, early_finish text, late_start text, late_finish text,
          total_float_minutes int, free_float_minutes int, critical boolean)
        where t.id = x.id`);
    }
  }

  /** Links touching any of these projects, with both ends' projects. */
  async linksOf(db: Database, projectIds: readonly string[]) {
    if (projectIds.length === 0) return [];
    return db
      .select({
        link: taskLinks,
        predecessorProjectId: predTask.projectId,
        successorProjectId: succTask.projectId,
      })
      .from(taskLinks)
      .innerJoin(predTask, eq(predTask.id, taskLinks.predecessorId))
      .innerJoin(succTask, eq(succTask.id, taskLinks.successorId))
      .where(or(inArray(predTask.projectId, [...projectIds]), inArray(succTask.projectId, [...projectIds])));
  }

  /** Projects linked to these by a cross-project link, in either direction. */
  async linkedProjects(db: Database, projectIds: readonly string[]): Promise<string[]> {
    if (projectIds.length === 0) return [];
    const ids = [...projectIds];
    const rows = await db
      .selectDistinct({ a: predTask.projectId, b: succTask.projectId })
      .from(taskLinks)
      .innerJoin(predTask, eq(predTask.id, taskLinks.predecessorId))
      .innerJoin(succTask, eq(succTask.id, taskLinks.successorId))
      .where(
        and(
          ne(predTask.projectId, succTask.projectId),
          or(inArray(predTask.projectId, ids), inArray(succTask.projectId, ids)),
        ),
      );
    return [...new Set(rows.flatMap((r) => [r.a, r.b]))];
  }

  async getLink(db: Database, id: string) {
    const [row] = await db
      .select({
        link: taskLinks,
        predecessorProjectId: predTask.projectId,
        successorProjectId: succTask.projectId,
      })
      .from(taskLinks)
      .innerJoin(predTask, eq(predTask.id, taskLinks.predecessorId))
      .innerJoin(succTask, eq(succTask.id, taskLinks.successorId))
      .where(eq(taskLinks.id, id));
    return row ?? null;
  }

  async insertLinks(tx: Database, values: (typeof taskLinks.$inferInsert)[]): Promise<LinkRow[]> {
    const out: LinkRow[] = [];
    for (let i = 0; i < values.length; i += 1000) {
      out.push(
        ...(await tx
          .insert(taskLinks)
          .values(values.slice(i, i + 1000))
          .onConflictDoNothing()
          .returning()),
      );
    }
    return out;
  }

  async updateLink(
    tx: Database,
    id: string,
    values: Partial<typeof taskLinks.$inferInsert>,
  ): Promise<LinkRow | null> {
    const [row] = await tx
      .update(taskLinks)
      .set({ ...values, version: sql`${taskLinks.version} + 1` })
      .where(eq(taskLinks.id, id))
      .returning();
    return row ?? null;
  }

  async deleteLink(tx: Database, id: string): Promise<void> {
    await tx.delete(taskLinks).where(eq(taskLinks.id, id));
  }

  /** Removes a project's plan (tasks with their links, baselines' rows and assignments; its own calendars). */
  async deletePlan(tx: Database, projectId: string): Promise<void> {
    await tx.delete(tasks).where(eq(tasks.projectId, projectId));
    await tx.delete(baselines).where(eq(baselines.projectId, projectId));
    await tx
      .update(projectSchedules)
      .set({ calendarId: null })
      .where(eq(projectSchedules.projectId, projectId));
    await tx.delete(calendars).where(eq(calendars.projectId, projectId));
  }

  baselinesOf(db: Database, projectId: string) {
    return db
      .select({
        id: baselines.id,
        number: baselines.number,
        name: baselines.name,
        createdAt: baselines.createdAt,
        taskCount: sql<number>`(select count(*)::int from baseline_tasks bt where bt.baseline_id = ${baselines.id})`,
      })
      .from(baselines)
      .where(eq(baselines.projectId, projectId))
      .orderBy(asc(baselines.number));
  }

  /** Saves (or replaces) baseline `number` as a copy of every task's current dates, work and cost. */
  async saveBaseline(
    tx: Database,
    projectId: string,
    number: number,
    name: string,
    actorId: string | null,
  ): Promise<BaselineRow> {
    await tx.delete(baselines).where(and(eq(baselines.projectId, projectId), eq(baselines.number, number)));
    const [row] = await tx
      .insert(baselines)
      .values({ projectId, number, name, createdBy: actorId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await tx.execute(sql`
      insert into baseline_tasks (baseline_id, task_id, start, finish, duration_minutes, work_minutes, cost_minor)
      select ${row.id}, id, start, finish, duration_minutes, work_minutes, cost_minor from tasks where project_id = ${projectId}`);
    return row;
  }

  async insertBaselineRows(
    tx: Database,
    projectId: string,
    number: number,
    name: string,
    rows: Omit<typeof baselineTasks.$inferInsert, 'baselineId'>[],
  ): Promise<void> {
    const [b] = await tx
      .insert(baselines)
      .values({ projectId, number, name })
      .onConflictDoNothing()
      .returning();
    if (!b) return;
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000).map((r) => ({ ...r, baselineId: b.id }));
      if (chunk.length) await tx.insert(baselineTasks).values(chunk);
    }
  }

  async baselineTasks(db: Database, projectId: string, number: number) {
    const [b] = await db
      .select()
      .from(baselines)
      .where(and(eq(baselines.projectId, projectId), eq(baselines.number, number)));
    if (!b) return null;
    const rows = await db.select().from(baselineTasks).where(eq(baselineTasks.baselineId, b.id));
    return { baseline: b, rows };
  }

  async allBaselineRows(db: Database, projectId: string) {
    return db
      .select({ number: baselines.number, name: baselines.name, row: baselineTasks })
      .from(baselineTasks)
      .innerJoin(baselines, eq(baselines.id, baselineTasks.baselineId))
      .where(eq(baselines.projectId, projectId));
  }

  async findOrCreateResource(tx: Database, values: typeof resources.$inferInsert): Promise<ResourceRow> {
    const [existing] = await tx
      .select()
      .from(resources)
      .where(and(eq(resources.name, values.name), eq(resources.kind, values.kind ?? 'work')));
    if (existing) return existing;
    // Project's Max Units of 100 % is one full-time (40-hour) person in the shared pool.
    const capacityHoursPerWeek = values.capacityHoursPerWeek ?? (values.maxUnits ?? 1) * 40;
    const [row] = await tx
      .insert(resources)
      .values({ ...values, capacityHoursPerWeek })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async insertAssignments(tx: Database, values: (typeof assignments.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < values.length; i += 1000) {
      const chunk = values.slice(i, i + 1000);
      if (chunk.length) await tx.insert(assignments).values(chunk).onConflictDoNothing();
    }
  }

  /** Calendars of the work resources assigned to each task of these projects. */
  async resourceCalendars(db: Database, projectIds: readonly string[]): Promise<Map<string, string[]>> {
    if (projectIds.length === 0) return new Map();
    const rows = await db
      .select({ taskId: assignments.taskId, calendarId: resources.calendarId })
      .from(assignments)
      .innerJoin(tasks, eq(tasks.id, assignments.taskId))
      .innerJoin(resources, eq(resources.id, assignments.resourceId))
      .where(and(inArray(tasks.projectId, [...projectIds]), eq(resources.kind, 'work')));
    const out = new Map<string, string[]>();
    for (const r of rows) {
      if (!r.calendarId) continue;
      const list = out.get(r.taskId) ?? [];
      if (!list.includes(r.calendarId)) list.push(r.calendarId);
      out.set(r.taskId, list);
    }
    return out;
  }

  async assignmentsOf(db: Database, projectId: string) {
    return db
      .select({ assignment: assignments, resource: resources })
      .from(assignments)
      .innerJoin(tasks, eq(tasks.id, assignments.taskId))
      .innerJoin(resources, eq(resources.id, assignments.resourceId))
      .where(eq(tasks.projectId, projectId));
  }

  /** Visible, running projects for the roadmap, with their computed dates. */
  roadmapProjects(
    db: Database,
    visible: Visible,
    filter: {
      orgUnitIds?: string[] | undefined;
      portfolioId?: string | undefined;
      programId?: string | undefined;
    },
  ) {
    return db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        status: projects.status,
        plannedStart: projects.plannedStart,
        plannedFinish: projects.plannedFinish,
        computedStart: projectSchedules.computedStart,
        computedFinish: projectSchedules.computedFinish,
      })
      .from(projects)
      .leftJoin(projectSchedules, eq(projectSchedules.projectId, projects.id))
      .where(
        and(
          isNull(projects.deletedAt),
          visibleProjects(visible),
          filter.orgUnitIds
            ? filter.orgUnitIds.length
              ? inArray(projects.orgUnitId, filter.orgUnitIds)
              : sql`false`
            : undefined,
          filter.portfolioId ? eq(projects.portfolioId, filter.portfolioId) : undefined,
          filter.programId ? eq(projects.programId, filter.programId) : undefined,
          inArray(projects.status, ['proposed', 'approved', 'active', 'on_hold']),
        ),
      )
      .orderBy(
        sql`coalesce(${projectSchedules.computedStart}, ${projects.plannedStart}::text) nulls last`,
        asc(projects.code),
      );
  }

  async milestonesOf(db: Database, projectIds: readonly string[]): Promise<TaskRow[]> {
    if (projectIds.length === 0) return [];
    return db
      .select()
      .from(tasks)
      .where(
        and(
          inArray(tasks.projectId, [...projectIds]),
          or(eq(tasks.milestone, true), and(eq(tasks.durationMinutes, 0), eq(tasks.summary, false))),
        ),
      )
      .orderBy(asc(tasks.finish));
  }

  async taskNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: tasks.id, name: tasks.name })
      .from(tasks)
      .where(inArray(tasks.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
