import { type Database, queryArrays, queryRows } from '@baton/db';
import {
  allocations,
  assignments,
  orgUnits,
  projects,
  resourceLeave,
  resourceRates,
  resourceSettings,
  resourceSkills,
  resources,
  skills,
  staffingRequests,
  tasks,
  users,
} from '@baton/db/schema';
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Visible } from '../access/access.service.ts';
import { visibleProjects } from '../shared/visibility.repository.ts';

export type ResourceRow = typeof resources.$inferSelect;
export type SkillRow = typeof skills.$inferSelect;
export type RateRow = typeof resourceRates.$inferSelect;
export type LeaveRow = typeof resourceLeave.$inferSelect;
export type AllocationRow = typeof allocations.$inferSelect;
export type StaffingRow = typeof staffingRequests.$inferSelect;

/** A resource with the names a list shows. */
export type ResourceListRow = ResourceRow & { orgUnitName: string | null; userName: string | null };
export type ResourceSkillRow = { resourceId: string; skillId: string; skillName: string; level: number };
export type AllocationListRow = AllocationRow & {
  resourceName: string;
  projectCode: string;
  projectName: string;
  projectStatus: string;
};
export type AssignmentDemandRow = {
  assignmentId: string;
  resourceId: string;
  taskId: string;
  taskName: string;
  projectId: string;
  projectStatus: string;
  /** 1 = critical … 4 = low */
  projectPriority: number;
  workMinutes: number;
  start: string | null;
  finish: string | null;
  totalFloatMinutes: number | null;
  calendarId: string | null;
  taskVersion: number;
};

/** The columns the capacity picture reads of a resource. */
export type CapacityResourceRow = Pick<
  ResourceListRow,
  | 'id'
  | 'name'
  | 'kind'
  | 'generic'
  | 'role'
  | 'orgUnitId'
  | 'orgUnitName'
  | 'calendarId'
  | 'capacityHoursPerWeek'
  | 'employmentStart'
  | 'employmentEnd'
>;
/** A booking that counts as demand: only what spreading it over the days needs. */
export type AllocationDemandRow = {
  resourceId: string;
  projectId: string;
  /** First and last day booked, as day numbers (days since 1970-01-01). */
  startDay: number;
  endDay: number;
  hoursPerWeek: number | null;
  percent: number | null;
  /** Time-phased hours; null for a flat booking. */
  phases: AllocationListRow['phases'] | null;
  /** On a proposed project: tentative demand. */
  tentative: boolean;
};
/** A task assignment as demand: only what spreading its work over the days needs. */
export type AssignmentLoadRow = Pick<
  AssignmentDemandRow,
  'resourceId' | 'projectId' | 'projectStatus' | 'workMinutes' | 'start' | 'finish' | 'calendarId'
>;

/** Project statuses whose bookings count as demand: proposed ones as tentative, the others as committed. */
export const DEMAND_STATUSES = new Set(['proposed', 'approved', 'active', 'on_hold']);
const demandStatusList = sql.join(
  [...DEMAND_STATUSES].map((s) => sql`${s}`),
  sql`, `,
);
/**
 * Ids as one uuid[] parameter (`column = any(...)`): a long list costs one bind, not one each.
 * Only for ids known to be UUIDs (they come from the database or a validated query).
 */
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export type ResourceFilter = {
  q?: string | undefined;
  kind?: 'person' | 'role' | 'material' | 'cost' | undefined;
  orgUnitIds?: string[] | undefined;
  skillId?: string | undefined;
  minLevel?: number | undefined;
  active?: boolean | undefined;
  ids?: readonly string[] | undefined;
};

const SORTS = {
  name: [asc(resources.name)],
  '-name': [desc(resources.name)],
  capacityHoursPerWeek: [asc(resources.capacityHoursPerWeek), asc(resources.name)],
  '-capacityHoursPerWeek': [desc(resources.capacityHoursPerWeek), asc(resources.name)],
  role: [asc(resources.role), asc(resources.name)],
} as const;
export type ResourceSort = keyof typeof SORTS;

function kindCondition(kind: ResourceFilter['kind']): SQL | undefined {
  if (kind === 'person') return and(eq(resources.kind, 'work'), eq(resources.generic, false));
  if (kind === 'role') return and(eq(resources.kind, 'work'), eq(resources.generic, true));
  if (kind) return eq(resources.kind, kind);
  return undefined;
}

function resourceWhere(f: ResourceFilter): SQL | undefined {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    like
      ? or(ilike(resources.name, like), ilike(resources.email, like), ilike(resources.role, like))
      : undefined,
    kindCondition(f.kind),
    f.orgUnitIds
      ? f.orgUnitIds.length
        ? inArray(resources.orgUnitId, f.orgUnitIds)
        : sql`false`
      : undefined,
    f.active === undefined ? undefined : eq(resources.active, f.active),
    f.ids ? (f.ids.length ? inArray(resources.id, [...f.ids]) : sql`false`) : undefined,
    f.skillId
      ? sql`exists (select 1 from ${resourceSkills} where ${resourceSkills.resourceId} = ${resources.id} and ${resourceSkills.skillId} = ${f.skillId} and ${resourceSkills.level} >= ${f.minLevel ?? 1})`
      : undefined,
  );
}

const listColumns = {
  resource: resources,
  orgUnitName: orgUnits.name,
  userName: users.name,
};

/** The shared pool and what hangs off it: skills, rates, leave; demand: allocations, staffing requests. */
export class ResourcesRepository {
  constructor(private readonly db: Database) {}

  // ---- resources ----

  async listResources(
    f: ResourceFilter,
    sort: ResourceSort,
    page: { limit: number; offset: number } | null,
  ): Promise<{ rows: ResourceListRow[]; total: number }> {
    const where = resourceWhere(f);
    const base = this.db
      .select(listColumns)
      .from(resources)
      .leftJoin(orgUnits, eq(orgUnits.id, resources.orgUnitId))
      .leftJoin(users, eq(users.id, resources.userId))
      .where(where)
      .orderBy(...SORTS[sort], asc(resources.id));
    const rows = page ? await base.limit(page.limit).offset(page.offset) : await base;
    const total = page
      ? Number((await this.db.select({ n: count() }).from(resources).where(where))[0]?.n ?? 0)
      : rows.length;
    return {
      rows: rows.map((r) => ({ ...r.resource, orgUnitName: r.orgUnitName, userName: r.userName })),
      total,
    };
  }

  /**
   * The work resources (kind `work`) of a filter with only the columns capacity planning reads,
   * by name. Plain SQL read as arrays (see queryArrays): the capacity report reads every resource,
   * booking and task on each request, and Drizzle's mapping of full rows cost more than the query.
   */
  async capacityResources(db: Database, f: ResourceFilter): Promise<CapacityResourceRow[]> {
    const where = and(resourceWhere(f), eq(resources.kind, 'work'));
    const rows = await queryArrays(
      db,
      sql`select ${resources.id}, ${resources.name}, ${resources.kind}, ${resources.generic},
        ${resources.role}, ${resources.orgUnitId}, ${orgUnits.name}, ${resources.calendarId},
        ${resources.capacityHoursPerWeek}, ${resources.employmentStart}::text,
        ${resources.employmentEnd}::text
      from ${resources} left join ${orgUnits} on ${orgUnits.id} = ${resources.orgUnitId}
      where ${where}
      order by ${resources.name}, ${resources.id}`,
    );
    return rows.map((r) => ({
      id: r[0] as string,
      name: r[1] as string,
      kind: r[2] as string,
      generic: r[3] as boolean,
      role: r[4] as string | null,
      orgUnitId: r[5] as string | null,
      orgUnitName: r[6] as string | null,
      calendarId: r[7] as string | null,
      capacityHoursPerWeek: r[8] as number,
      employmentStart: r[9] as string | null,
      employmentEnd: r[10] as string | null,
    }));
  }

  async getResource(db: Database, id: string): Promise<ResourceListRow | null> {
    const [r] = await db
      .select(listColumns)
      .from(resources)
      .leftJoin(orgUnits, eq(orgUnits.id, resources.orgUnitId))
      .leftJoin(users, eq(users.id, resources.userId))
      .where(eq(resources.id, id));
    return r ? { ...r.resource, orgUnitName: r.orgUnitName, userName: r.userName } : null;
  }

  async resourceOfUser(db: Database, userId: string): Promise<ResourceRow | null> {
    const [r] = await db.select().from(resources).where(eq(resources.userId, userId));
    return r ?? null;
  }

  async insertResource(tx: Database, values: typeof resources.$inferInsert): Promise<ResourceRow> {
    const [row] = await tx.insert(resources).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateResource(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof resources.$inferInsert>,
    actorId: string | null,
  ): Promise<ResourceRow | null> {
    const [row] = await tx
      .update(resources)
      .set({ ...values, version: sql`${resources.version} + 1`, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(resources.id, id), eq(resources.version, version)))
      .returning();
    return row ?? null;
  }

  async deleteResource(tx: Database, id: string): Promise<void> {
    await tx.delete(resources).where(eq(resources.id, id));
  }

  /** How much refers to a resource: allocations, task assignments, timesheets. */
  async resourceUsage(
    db: Database,
    id: string,
  ): Promise<{ allocations: number; assignments: number; timesheets: number }> {
    const [row] = await queryRows<{ a: number; s: number; t: number }>(
      db,
      sql`select (select count(*)::int from allocations where resource_id = ${id}) as a,
                 (select count(*)::int from assignments where resource_id = ${id}) as s,
                 (select count(*)::int from timesheets where resource_id = ${id}) as t`,
    );
    return {
      allocations: Number(row?.a ?? 0),
      assignments: Number(row?.s ?? 0),
      timesheets: Number(row?.t ?? 0),
    };
  }

  async resourcesByNames(db: Database, names: readonly string[]): Promise<ResourceRow[]> {
    if (!names.length) return [];
    return db
      .select()
      .from(resources)
      .where(
        inArray(
          sql`lower(${resources.name})`,
          names.map((n) => n.toLowerCase()),
        ),
      );
  }

  // ---- skills ----

  async listSkills(db: Database): Promise<(SkillRow & { resourceCount: number })[]> {
    const rows = await db
      .select({
        skill: skills,
        n: sql<number>`(select count(*)::int from ${resourceSkills} where ${resourceSkills.skillId} = ${skills.id})`,
      })
      .from(skills)
      .orderBy(asc(skills.name));
    return rows.map((r) => ({ ...r.skill, resourceCount: Number(r.n) }));
  }

  async getSkill(db: Database, id: string): Promise<SkillRow | null> {
    const [r] = await db.select().from(skills).where(eq(skills.id, id));
    return r ?? null;
  }

  async skillsByIds(db: Database, ids: readonly string[]): Promise<SkillRow[]> {
    if (!ids.length) return [];
    return db
      .select()
      .from(skills)
      .where(inArray(skills.id, [...ids]));
  }

  async skillsByNames(db: Database, names: readonly string[]): Promise<SkillRow[]> {
    if (!names.length) return [];
    return db
      .select()
      .from(skills)
      .where(
        inArray(
          sql`lower(${skills.name})`,
          names.map((n) => n.toLowerCase()),
        ),
      );
  }

  async insertSkill(tx: Database, values: typeof skills.$inferInsert): Promise<SkillRow> {
    const [row] = await tx.insert(skills).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateSkill(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof skills.$inferInsert>,
    actorId: string | null,
  ): Promise<SkillRow | null> {
    const [row] = await tx
      .update(skills)
      .set({ ...values, version: sql`${skills.version} + 1`, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(skills.id, id), eq(skills.version, version)))
      .returning();
    return row ?? null;
  }

  async deleteSkill(tx: Database, id: string): Promise<void> {
    await tx.delete(skills).where(eq(skills.id, id));
  }

  async skillsOf(db: Database, resourceIds: readonly string[] | null): Promise<ResourceSkillRow[]> {
    if (resourceIds && !resourceIds.length) return [];
    const rows = await db
      .select({
        resourceId: resourceSkills.resourceId,
        skillId: resourceSkills.skillId,
        skillName: skills.name,
        level: resourceSkills.level,
      })
      .from(resourceSkills)
      .innerJoin(skills, eq(skills.id, resourceSkills.skillId))
      .where(resourceIds ? inArray(resourceSkills.resourceId, [...resourceIds]) : undefined)
      .orderBy(desc(resourceSkills.level), asc(skills.name));
    return rows;
  }

  async replaceSkills(
    tx: Database,
    resourceId: string,
    list: readonly { skillId: string; level: number }[],
  ): Promise<void> {
    await tx.delete(resourceSkills).where(eq(resourceSkills.resourceId, resourceId));
    if (list.length)
      await tx
        .insert(resourceSkills)
        .values(list.map((s) => ({ resourceId, skillId: s.skillId, level: s.level })));
  }

  // ---- rates and leave ----

  async ratesOf(db: Database, resourceIds: readonly string[] | null): Promise<RateRow[]> {
    if (resourceIds && !resourceIds.length) return [];
    return db
      .select()
      .from(resourceRates)
      .where(resourceIds ? inArray(resourceRates.resourceId, [...resourceIds]) : undefined)
      .orderBy(asc(resourceRates.resourceId), asc(resourceRates.effectiveFrom));
  }

  async insertRate(tx: Database, values: typeof resourceRates.$inferInsert): Promise<RateRow> {
    const [row] = await tx
      .insert(resourceRates)
      .values(values)
      .onConflictDoUpdate({
        target: [resourceRates.resourceId, resourceRates.effectiveFrom],
        set: { rateMinor: values.rateMinor, currency: values.currency },
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async deleteRate(tx: Database, resourceId: string, id: string): Promise<RateRow | null> {
    const [row] = await tx
      .delete(resourceRates)
      .where(and(eq(resourceRates.id, id), eq(resourceRates.resourceId, resourceId)))
      .returning();
    return row ?? null;
  }

  /** Leave of resources (null = everyone) overlapping [from, to], with only what capacity reads. */
  async leaveInWindow(
    db: Database,
    resourceIds: readonly string[] | null,
    window: { from: string; to: string },
  ): Promise<Pick<LeaveRow, 'resourceId' | 'start' | 'end' | 'hoursPerDay'>[]> {
    if (resourceIds && !resourceIds.length) return [];
    return queryRows(
      db,
      sql`select l.resource_id as "resourceId", l.start::text as "start", l."end"::text as "end",
          l.hours_per_day as "hoursPerDay"
        from ${resourceLeave} l
        where l.start <= ${window.to} and l."end" >= ${window.from}
          ${resourceIds ? sql`and l.resource_id = any(${uuidArray(resourceIds)})` : sql``}
        order by l.start`,
    );
  }

  async leaveOf(
    db: Database,
    resourceIds: readonly string[] | null,
    window?: { from: string; to: string },
  ): Promise<LeaveRow[]> {
    if (resourceIds && !resourceIds.length) return [];
    return db
      .select()
      .from(resourceLeave)
      .where(
        and(
          resourceIds ? inArray(resourceLeave.resourceId, [...resourceIds]) : undefined,
          window ? and(lte(resourceLeave.start, window.to), gte(resourceLeave.end, window.from)) : undefined,
        ),
      )
      .orderBy(asc(resourceLeave.start));
  }

  async insertLeave(tx: Database, values: typeof resourceLeave.$inferInsert): Promise<LeaveRow> {
    const [row] = await tx.insert(resourceLeave).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async deleteLeave(tx: Database, resourceId: string, id: string): Promise<LeaveRow | null> {
    const [row] = await tx
      .delete(resourceLeave)
      .where(and(eq(resourceLeave.id, id), eq(resourceLeave.resourceId, resourceId)))
      .returning();
    return row ?? null;
  }

  // ---- allocations ----

  async listAllocations(
    db: Database,
    f: {
      resourceIds?: readonly string[] | undefined;
      projectId?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      visible?: Visible | undefined;
      ids?: readonly string[] | undefined;
    },
  ): Promise<AllocationListRow[]> {
    if (f.resourceIds && !f.resourceIds.length) return [];
    const rows = await db
      .select({
        a: allocations,
        resourceName: resources.name,
        projectCode: projects.code,
        projectName: projects.name,
        projectStatus: projects.status,
      })
      .from(allocations)
      .innerJoin(resources, eq(resources.id, allocations.resourceId))
      .innerJoin(projects, eq(projects.id, allocations.projectId))
      .where(
        and(
          isNull(projects.deletedAt),
          f.resourceIds ? inArray(allocations.resourceId, [...f.resourceIds]) : undefined,
          f.ids ? (f.ids.length ? inArray(allocations.id, [...f.ids]) : sql`false`) : undefined,
          f.projectId ? eq(allocations.projectId, f.projectId) : undefined,
          f.from ? gte(allocations.end, f.from) : undefined,
          f.to ? lte(allocations.start, f.to) : undefined,
          f.visible ? visibleProjects(f.visible) : undefined,
        ),
      )
      .orderBy(asc(allocations.start), asc(resources.name));
    return rows.map((r) => ({
      ...r.a,
      resourceName: r.resourceName,
      projectCode: r.projectCode,
      projectName: r.projectName,
      projectStatus: r.projectStatus,
    }));
  }

  async getAllocation(db: Database, id: string): Promise<AllocationListRow | null> {
    return (await this.listAllocations(db, { ids: [id] }))[0] ?? null;
  }

  async insertAllocation(tx: Database, values: typeof allocations.$inferInsert): Promise<AllocationRow> {
    const [row] = await tx.insert(allocations).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateAllocation(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof allocations.$inferInsert>,
    actorId: string | null,
  ): Promise<AllocationRow | null> {
    const [row] = await tx
      .update(allocations)
      .set({ ...values, version: sql`${allocations.version} + 1`, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(allocations.id, id), eq(allocations.version, version)))
      .returning();
    return row ?? null;
  }

  async deleteAllocation(tx: Database, id: string): Promise<void> {
    await tx.delete(allocations).where(eq(allocations.id, id));
  }

  async projectOfAllocation(db: Database, id: string): Promise<string | null> {
    const [r] = await db.select({ p: allocations.projectId }).from(allocations).where(eq(allocations.id, id));
    return r?.p ?? null;
  }

  /**
   * Bookings overlapping [from, to] on live projects whose status counts as demand (see
   * DEMAND_STATUSES), with only what the demand model reads (days as numbers, the status as
   * tentative or not: few strings per row to parse and keep), in no particular order (the
   * model orders them; sorting by a collated name was half the query). Plain SQL read as arrays,
   * for the same reason as {@link capacityResources}; `resourceIds` null = everyone.
   */
  async allocationDemand(
    db: Database,
    f: { resourceIds: readonly string[] | null; from: string; to: string },
  ): Promise<AllocationDemandRow[]> {
    if (f.resourceIds && !f.resourceIds.length) return [];
    const rows = await queryArrays(
      db,
      sql`select a.resource_id, a.project_id, a.start - date '1970-01-01', a."end" - date '1970-01-01',
        a.hours_per_week, a.percent, nullif(a.phases, '[]'::jsonb), p.status = 'proposed'
      from ${allocations} a
      join ${projects} p on p.id = a.project_id
      where p.deleted_at is null and p.status in (${demandStatusList})
        and a."end" >= ${f.from} and a.start <= ${f.to}
        ${f.resourceIds ? sql`and a.resource_id = any(${uuidArray(f.resourceIds)})` : sql``}`,
      // Prepared when it takes no list: a generic plan could not hash a list parameter.
      { prepare: !f.resourceIds },
    );
    return rows.map((r) => ({
      resourceId: r[0] as string,
      projectId: r[1] as string,
      startDay: r[2] as number,
      endDay: r[3] as number,
      hoursPerWeek: r[4] as number | null,
      percent: r[5] as number | null,
      phases: r[6] as AllocationDemandRow['phases'],
      tentative: r[7] as boolean,
    }));
  }

  /**
   * Task work overlapping [from, to] as demand: what {@link assignmentDemand} returns, limited to
   * projects whose status counts as demand and to the columns the demand model reads.
   */
  async assignmentLoad(
    db: Database,
    f: { resourceIds: readonly string[] | null; from: string; to: string },
  ): Promise<AssignmentLoadRow[]> {
    if (f.resourceIds && !f.resourceIds.length) return [];
    const rows = await queryArrays(
      db,
      sql`select s.resource_id, t.project_id, p.status, s.work_minutes, t.start, t.finish, t.calendar_id
      from ${assignments} s
      join ${tasks} t on t.id = s.task_id
      join ${projects} p on p.id = t.project_id
      where p.deleted_at is null and p.status in (${demandStatusList}) and not t.summary
        and s.work_minutes > 0 and t.start is not null and t.finish is not null
        and t.start <= ${`${f.to}T23:59:59`} and t.finish >= ${`${f.from}T00:00:00`}
        ${f.resourceIds ? sql`and s.resource_id = any(${uuidArray(f.resourceIds)})` : sql``}`,
      { prepare: !f.resourceIds },
    );
    return rows.map((r) => ({
      resourceId: r[0] as string,
      projectId: r[1] as string,
      projectStatus: r[2] as string,
      workMinutes: r[3] as number,
      start: r[4] as string | null,
      finish: r[5] as string | null,
      calendarId: r[6] as string | null,
    }));
  }

  /** Resources with a booking or task work on a project within [from, to] (any project status). */
  async resourcesWithDemandIn(
    db: Database,
    f: { projectId: string; from: string; to: string },
  ): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select a.resource_id as "id" from ${allocations} a join ${projects} p on p.id = a.project_id
        where a.project_id = ${f.projectId} and p.deleted_at is null
          and a."end" >= ${f.from} and a.start <= ${f.to}
      union
      select s.resource_id from ${assignments} s
        join ${tasks} t on t.id = s.task_id join ${projects} p on p.id = t.project_id
        where t.project_id = ${f.projectId} and p.deleted_at is null and not t.summary
          and s.work_minutes > 0 and t.start is not null and t.finish is not null
          and t.start <= ${`${f.to}T23:59:59`} and t.finish >= ${`${f.from}T00:00:00`}`,
    );
    return rows.map((r) => r.id);
  }

  // ---- task assignments (demand from the schedules) ----

  async assignmentDemand(
    db: Database,
    f: { resourceIds?: readonly string[] | undefined; from: string; to: string; taskIds?: readonly string[] },
  ): Promise<AssignmentDemandRow[]> {
    if (f.resourceIds && !f.resourceIds.length) return [];
    const rows = await db
      .select({
        assignmentId: assignments.id,
        resourceId: assignments.resourceId,
        taskId: tasks.id,
        taskName: tasks.name,
        projectId: tasks.projectId,
        projectStatus: projects.status,
        projectPriority: projects.priority,
        workMinutes: assignments.workMinutes,
        start: tasks.start,
        finish: tasks.finish,
        totalFloatMinutes: tasks.totalFloatMinutes,
        calendarId: tasks.calendarId,
        taskVersion: tasks.version,
      })
      .from(assignments)
      .innerJoin(tasks, eq(tasks.id, assignments.taskId))
      .innerJoin(projects, eq(projects.id, tasks.projectId))
      .where(
        and(
          isNull(projects.deletedAt),
          eq(tasks.summary, false),
          sql`${assignments.workMinutes} > 0`,
          sql`${tasks.start} is not null and ${tasks.finish} is not null`,
          lte(tasks.start, `${f.to}T23:59:59`),
          gte(tasks.finish, `${f.from}T00:00:00`),
          f.resourceIds ? inArray(assignments.resourceId, [...f.resourceIds]) : undefined,
          f.taskIds ? inArray(tasks.id, [...f.taskIds]) : undefined,
        ),
      );
    return rows.map((r) => ({ ...r, workMinutes: Number(r.workMinutes) }));
  }

  async assignmentsOfTask(db: Database, taskId: string) {
    return db
      .select({
        resourceId: assignments.resourceId,
        resourceName: resources.name,
        kind: resources.kind,
        generic: resources.generic,
        units: assignments.units,
        workMinutes: assignments.workMinutes,
      })
      .from(assignments)
      .innerJoin(resources, eq(resources.id, assignments.resourceId))
      .where(eq(assignments.taskId, taskId))
      .orderBy(asc(resources.name));
  }

  async replaceTaskAssignments(
    tx: Database,
    taskId: string,
    list: readonly { resourceId: string; units: number; workMinutes: number }[],
  ): Promise<void> {
    await tx.delete(assignments).where(eq(assignments.taskId, taskId));
    if (list.length) await tx.insert(assignments).values(list.map((a) => ({ ...a, taskId })));
  }

  /** Tasks by id with their project, to check what a timesheet line names. */
  async assignmentDemandTasks(db: Database, taskIds: readonly string[]) {
    if (!taskIds.length) return [];
    return db
      .select({ id: tasks.id, projectId: tasks.projectId, name: tasks.name })
      .from(tasks)
      .where(inArray(tasks.id, [...taskIds]));
  }

  async getAssignment(db: Database, taskId: string, resourceId: string) {
    const [r] = await db
      .select()
      .from(assignments)
      .where(and(eq(assignments.taskId, taskId), eq(assignments.resourceId, resourceId)));
    return r ?? null;
  }

  /** Moves a task's work from one resource to another (merging into an assignment the other already has). */
  async reassignTask(tx: Database, taskId: string, fromId: string, toId: string): Promise<boolean> {
    const from = await this.getAssignment(tx, taskId, fromId);
    if (!from) return false;
    const existing = await this.getAssignment(tx, taskId, toId);
    if (existing) {
      await tx
        .update(assignments)
        .set({ workMinutes: existing.workMinutes + from.workMinutes, version: existing.version + 1 })
        .where(eq(assignments.id, existing.id));
      await tx.delete(assignments).where(eq(assignments.id, from.id));
    } else {
      await tx
        .update(assignments)
        .set({ resourceId: toId, version: from.version + 1 })
        .where(eq(assignments.id, from.id));
    }
    return true;
  }

  // ---- staffing requests ----

  async listStaffing(
    db: Database,
    f: {
      status?: string | undefined;
      projectId?: string | undefined;
      visible?: Visible;
      ids?: readonly string[];
    },
  ) {
    const rows = await db
      .select({
        r: staffingRequests,
        projectCode: projects.code,
        projectName: projects.name,
        resourceName: resources.name,
        requestedBy: users.name,
      })
      .from(staffingRequests)
      .innerJoin(projects, eq(projects.id, staffingRequests.projectId))
      .leftJoin(resources, eq(resources.id, staffingRequests.resourceId))
      .leftJoin(users, eq(users.id, staffingRequests.createdBy))
      .where(
        and(
          isNull(projects.deletedAt),
          f.status ? eq(staffingRequests.status, f.status) : undefined,
          f.projectId ? eq(staffingRequests.projectId, f.projectId) : undefined,
          f.visible ? visibleProjects(f.visible) : undefined,
          f.ids ? inArray(staffingRequests.id, [...f.ids]) : undefined,
        ),
      )
      .orderBy(asc(staffingRequests.start), asc(staffingRequests.createdAt));
    return rows.map((x) => ({
      ...x.r,
      projectCode: x.projectCode,
      projectName: x.projectName,
      resourceName: x.resourceName,
      requestedBy: x.requestedBy,
    }));
  }

  async insertStaffing(tx: Database, values: typeof staffingRequests.$inferInsert): Promise<StaffingRow> {
    const [row] = await tx.insert(staffingRequests).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateStaffing(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof staffingRequests.$inferInsert>,
    actorId: string | null,
  ): Promise<StaffingRow | null> {
    const [row] = await tx
      .update(staffingRequests)
      .set({
        ...values,
        version: sql`${staffingRequests.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actorId,
      })
      .where(and(eq(staffingRequests.id, id), eq(staffingRequests.version, version)))
      .returning();
    return row ?? null;
  }

  async projectOfStaffing(db: Database, id: string): Promise<string | null> {
    const [r] = await db
      .select({ p: staffingRequests.projectId })
      .from(staffingRequests)
      .where(eq(staffingRequests.id, id));
    return r?.p ?? null;
  }

  // ---- projects (names and status for demand) ----

  async projectsByIds(db: Database, ids: readonly string[]) {
    if (!ids.length) return [];
    return db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        status: projects.status,
        priority: projects.priority,
        orgUnitId: projects.orgUnitId,
        portfolioId: projects.portfolioId,
        currency: projects.currency,
      })
      .from(projects)
      .where(and(inArray(projects.id, [...ids]), isNull(projects.deletedAt)));
  }

  /** Codes and names of live projects, for naming them in a large report (one uuid[] parameter, arrays). */
  async projectNames(
    db: Database,
    ids: readonly string[],
  ): Promise<{ id: string; code: string; name: string }[]> {
    if (!ids.length) return [];
    const rows = await queryArrays(
      db,
      sql`select p.id, p.code, p.name from ${projects} p
        where p.id = any(${uuidArray(ids)}) and p.deleted_at is null`,
    );
    return rows.map((r) => ({ id: r[0] as string, code: r[1] as string, name: r[2] as string }));
  }

  // ---- settings ----

  async getSettings(db: Database) {
    const [row] = await db
      .select({ s: resourceSettings, by: users.name })
      .from(resourceSettings)
      .leftJoin(users, eq(users.id, resourceSettings.updatedBy))
      .where(eq(resourceSettings.id, 1));
    return row ? { ...row.s, updatedByName: row.by } : null;
  }

  async setLock(tx: Database, lockedThrough: string | null, actorId: string | null): Promise<void> {
    await tx
      .insert(resourceSettings)
      .values({ id: 1, timesheetsLockedThrough: lockedThrough, updatedAt: new Date(), updatedBy: actorId })
      .onConflictDoUpdate({
        target: resourceSettings.id,
        set: { timesheetsLockedThrough: lockedThrough, updatedAt: new Date(), updatedBy: actorId },
      });
  }
}
