import type { Database } from '@baton/db';
import {
  communicationItems,
  communicationRecords,
  orgUnits,
  projects,
  reportFiles,
  stakeholderProjects,
  stakeholders,
  statusReports,
  users,
} from '@baton/db/schema';
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Visible } from '../access/access.service.ts';
import { orgUnitNames as orgUnitNamesOf, userNames as userNamesOf } from '../shared/names.repository.ts';
import { visibleProjects } from '../shared/visibility.repository.ts';

export type CommunicationItemRow = typeof communicationItems.$inferSelect;
export type CommunicationRecordRow = typeof communicationRecords.$inferSelect;
export type CommunicationProjectRef = {
  id: string;
  code: string;
  name: string;
  orgUnitId: string;
  portfolioId: string | null;
  status: string;
};
export type StakeholderRef = { id: string; name: string; role: string | null; organisation: string | null };

/** Projects that still communicate: not deleted, not closed. */
const OPEN_PROJECT = and(
  isNull(projects.deletedAt),
  sql`${projects.status} not in ('completed', 'cancelled')`,
);

/** Storage of communication plans and the record of what was sent; reads the register for names. */
export class CommunicationsRepository {
  // ---- plan items ----

  async item(db: Database, id: string): Promise<CommunicationItemRow | null> {
    const [row] = await db.select().from(communicationItems).where(eq(communicationItems.id, id));
    return row ?? null;
  }

  /**
   * The items of visible projects (live ones; with `openOnly`, not closed either) and the PMO items of
   * visible units, optionally of one project or one set of units.
   */
  async items(
    db: Database,
    v: Visible,
    f: { projectId?: string | undefined; orgUnitIds?: readonly string[] | undefined; openOnly?: boolean },
  ): Promise<CommunicationItemRow[]> {
    const projectSide: SQL[] = [
      f.openOnly ? (OPEN_PROJECT as SQL) : isNull(projects.deletedAt),
      ...(v.all ? [] : [visibleProjects(v) ?? sql`false`]),
    ];
    const pmoSide: SQL[] = [isNull(communicationItems.projectId)];
    if (!v.all) pmoSide.push(inArrayOrFalse(communicationItems.orgUnitId, v.orgUnitIds));
    if (f.orgUnitIds) {
      projectSide.push(inArrayOrFalse(projects.orgUnitId, f.orgUnitIds));
      pmoSide.push(inArrayOrFalse(communicationItems.orgUnitId, f.orgUnitIds));
    }
    const where = f.projectId
      ? and(eq(communicationItems.projectId, f.projectId), ...projectSide)
      : or(and(...projectSide), and(...pmoSide));
    const rows = await db
      .select({ c: communicationItems })
      .from(communicationItems)
      .leftJoin(projects, eq(projects.id, communicationItems.projectId))
      .where(where)
      .orderBy(
        sql`${projects.code} asc nulls first`,
        asc(communicationItems.title),
        asc(communicationItems.id),
      );
    return rows.map((r) => r.c);
  }

  async insertItem(
    tx: Database,
    values: typeof communicationItems.$inferInsert,
  ): Promise<CommunicationItemRow> {
    const [row] = await tx.insert(communicationItems).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateItem(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof communicationItems.$inferInsert>,
    actorId: string | null,
  ): Promise<CommunicationItemRow | null> {
    const [row] = await tx
      .update(communicationItems)
      .set({
        ...values,
        version: sql`${communicationItems.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actorId,
      })
      .where(and(eq(communicationItems.id, id), eq(communicationItems.version, version)))
      .returning();
    return row ?? null;
  }

  async deleteItem(tx: Database, id: string, version: number): Promise<boolean> {
    const rows = await tx
      .delete(communicationItems)
      .where(and(eq(communicationItems.id, id), eq(communicationItems.version, version)))
      .returning({ id: communicationItems.id });
    return rows.length === 1;
  }

  // ---- records ----

  async record(db: Database, id: string): Promise<CommunicationRecordRow | null> {
    const [row] = await db.select().from(communicationRecords).where(eq(communicationRecords.id, id));
    return row ?? null;
  }

  async records(
    db: Database,
    itemIds: readonly string[],
    range?: { from: string; to: string },
  ): Promise<CommunicationRecordRow[]> {
    if (itemIds.length === 0) return [];
    const where: SQL[] = [inArray(communicationRecords.itemId, [...itemIds])];
    if (range) where.push(sql`${communicationRecords.dueDate} between ${range.from} and ${range.to}`);
    return db
      .select()
      .from(communicationRecords)
      .where(and(...where))
      .orderBy(asc(communicationRecords.dueDate));
  }

  async recordCounts(db: Database, itemIds: readonly string[]): Promise<Map<string, number>> {
    if (itemIds.length === 0) return new Map();
    const rows = await db
      .select({ itemId: communicationRecords.itemId, n: sql<number>`count(*)::int` })
      .from(communicationRecords)
      .where(inArray(communicationRecords.itemId, [...itemIds]))
      .groupBy(communicationRecords.itemId);
    return new Map(rows.map((r) => [r.itemId, Number(r.n)]));
  }

  async insertRecord(
    tx: Database,
    values: typeof communicationRecords.$inferInsert,
  ): Promise<CommunicationRecordRow> {
    const [row] = await tx.insert(communicationRecords).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async deleteRecord(tx: Database, id: string): Promise<boolean> {
    const rows = await tx
      .delete(communicationRecords)
      .where(eq(communicationRecords.id, id))
      .returning({ id: communicationRecords.id });
    return rows.length === 1;
  }

  // ---- what the plans refer to ----

  async projectsByIds(
    db: Database,
    ids: readonly (string | null)[],
  ): Promise<Map<string, CommunicationProjectRef>> {
    const list = unique(ids);
    if (list.length === 0) return new Map();
    const rows = await db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        orgUnitId: projects.orgUnitId,
        portfolioId: projects.portfolioId,
        status: projects.status,
      })
      .from(projects)
      .where(and(inArray(projects.id, list), isNull(projects.deletedAt)));
    return new Map(rows.map((r) => [r.id, r]));
  }

  orgUnitNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    return orgUnitNamesOf(db, ids);
  }

  userNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    return userNamesOf(db, ids);
  }

  async stakeholdersByIds(
    db: Database,
    ids: readonly (string | null)[],
  ): Promise<Map<string, StakeholderRef>> {
    const list = unique(ids);
    if (list.length === 0) return new Map();
    const rows = await db
      .select({
        id: stakeholders.id,
        name: stakeholders.name,
        role: stakeholders.role,
        organisation: stakeholders.organisation,
      })
      .from(stakeholders)
      .where(inArray(stakeholders.id, list));
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The ids among `ids` that are linked to the project. */
  async linkedToProject(db: Database, projectId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: stakeholderProjects.stakeholderId })
      .from(stakeholderProjects)
      .where(
        and(
          eq(stakeholderProjects.projectId, projectId),
          inArray(stakeholderProjects.stakeholderId, [...ids]),
        ),
      );
    return new Set(rows.map((r) => r.id));
  }

  /** Stakeholders linked to one project, by name. */
  async stakeholdersOfProject(db: Database, projectId: string): Promise<StakeholderRef[]> {
    return db
      .select({
        id: stakeholders.id,
        name: stakeholders.name,
        role: stakeholders.role,
        organisation: stakeholders.organisation,
      })
      .from(stakeholders)
      .innerJoin(stakeholderProjects, eq(stakeholderProjects.stakeholderId, stakeholders.id))
      .where(eq(stakeholderProjects.projectId, projectId))
      .orderBy(asc(stakeholders.name), asc(stakeholders.id));
  }

  /**
   * Stakeholders the caller may address: registered at a unit they see (the enterprise PMO's when at
   * none) or linked to a project they see; every one when they see everything.
   */
  async visibleStakeholders(
    db: Database,
    v: Visible,
    rootOrgUnitId: string | null,
  ): Promise<StakeholderRef[]> {
    const cols = {
      id: stakeholders.id,
      name: stakeholders.name,
      role: stakeholders.role,
      organisation: stakeholders.organisation,
    };
    if (v.all)
      return db.select(cols).from(stakeholders).orderBy(asc(stakeholders.name), asc(stakeholders.id));
    const units = [...v.orgUnitIds];
    const atUnit = or(
      inArrayOrFalse(stakeholders.orgUnitId, units),
      rootOrgUnitId && units.includes(rootOrgUnitId) ? isNull(stakeholders.orgUnitId) : sql`false`,
    );
    const linked = db
      .select({ id: stakeholderProjects.stakeholderId })
      .from(stakeholderProjects)
      .innerJoin(projects, eq(projects.id, stakeholderProjects.projectId))
      .where(and(isNull(projects.deletedAt), visibleProjects(v)));
    return db
      .select(cols)
      .from(stakeholders)
      .where(or(atUnit, inArray(stakeholders.id, linked)))
      .orderBy(asc(stakeholders.name), asc(stakeholders.id));
  }

  async statusReport(
    db: Database,
    id: string,
  ): Promise<{ id: string; projectId: string; period: string } | null> {
    const [row] = await db
      .select({ id: statusReports.id, projectId: statusReports.projectId, period: statusReports.period })
      .from(statusReports)
      .where(eq(statusReports.id, id));
    return row ?? null;
  }

  async statusReportPeriods(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const list = unique(ids);
    if (list.length === 0) return new Map();
    const rows = await db
      .select({ id: statusReports.id, period: statusReports.period })
      .from(statusReports)
      .where(inArray(statusReports.id, list));
    return new Map(rows.map((r) => [r.id, r.period]));
  }

  async reportFileNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const list = unique(ids);
    if (list.length === 0) return new Map();
    const rows = await db
      .select({ id: reportFiles.id, fileName: reportFiles.fileName })
      .from(reportFiles)
      .where(inArray(reportFiles.id, list));
    return new Map(rows.map((r) => [r.id, r.fileName]));
  }

  async userExists(db: Database, id: string): Promise<boolean> {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
    return row !== undefined;
  }

  async orgUnitExists(db: Database, id: string): Promise<boolean> {
    const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, id));
    return row !== undefined;
  }
}

function unique(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((x): x is string => !!x))];
}

function inArrayOrFalse(column: Parameters<typeof inArray>[0], values: readonly string[]): SQL {
  return values.length ? inArray(column, [...values]) : sql`false`;
}
