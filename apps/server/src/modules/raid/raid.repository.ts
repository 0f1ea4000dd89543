import type { Database } from '@baton/db';
import {
  changeRequests,
  issues,
  portfolios,
  projects,
  raidEntries,
  raidSettings,
  riskHistory,
  riskProjects,
  risks,
  users,
} from '@baton/db/schema';
import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { orgUnitNames as orgUnitNamesOf, userNames as userNamesOf } from '../shared/names.repository.ts';

export type RaidSettingsRow = typeof raidSettings.$inferSelect;
export type RiskRow = typeof risks.$inferSelect;
export type IssueRow = typeof issues.$inferSelect;
export type RaidEntryRow = typeof raidEntries.$inferSelect;
export type ChangeRequestRow = typeof changeRequests.$inferSelect;
export type ProjectRef = {
  id: string;
  code: string;
  name: string;
  orgUnitId: string;
  portfolioId: string | null;
  currency: string;
  budgetMinor: number | null;
  plannedFinish: string | null;
  status: string;
  version: number;
};

const bump = <T extends { version: unknown }>(t: T) => sql`${t.version} + 1`;

/** Storage of the RAID log and change control. */
export class RaidRepository {
  async settings(db: Database): Promise<RaidSettingsRow> {
    const [row] = await db.select().from(raidSettings).where(eq(raidSettings.id, 1));
    if (row) return row;
    await db.insert(raidSettings).values({ id: 1 }).onConflictDoNothing();
    const [created] = await db.select().from(raidSettings).where(eq(raidSettings.id, 1));
    if (!created) throw new Error('raid settings missing');
    return created;
  }

  async updateSettings(
    tx: Database,
    version: number,
    values: Partial<typeof raidSettings.$inferInsert>,
    actorId: string | null,
  ): Promise<RaidSettingsRow | null> {
    const [row] = await tx
      .update(raidSettings)
      .set({ ...values, version: bump(raidSettings), updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(raidSettings.id, 1), eq(raidSettings.version, version)))
      .returning();
    return row ?? null;
  }

  // ---- look-ups ----

  async projectsByIds(db: Database, ids: readonly string[]): Promise<ProjectRef[]> {
    if (ids.length === 0) return [];
    return db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        orgUnitId: projects.orgUnitId,
        portfolioId: projects.portfolioId,
        currency: projects.currency,
        budgetMinor: projects.budgetMinor,
        plannedFinish: projects.plannedFinish,
        status: projects.status,
        version: projects.version,
      })
      .from(projects)
      .where(and(inArray(projects.id, [...ids]), isNull(projects.deletedAt)));
  }

  userNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    return userNamesOf(db, ids);
  }

  async userExists(db: Database, id: string): Promise<boolean> {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
    return !!row;
  }

  async portfolio(
    db: Database,
    id: string,
  ): Promise<{ id: string; name: string; orgUnitId: string | null } | null> {
    const [row] = await db
      .select({ id: portfolios.id, name: portfolios.name, orgUnitId: portfolios.orgUnitId })
      .from(portfolios)
      .where(eq(portfolios.id, id));
    return row ?? null;
  }

  async portfolioNames(db: Database, ids: readonly (string | null)[]) {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (list.length === 0) return new Map<string, { name: string; orgUnitId: string | null }>();
    const rows = await db
      .select({ id: portfolios.id, name: portfolios.name, orgUnitId: portfolios.orgUnitId })
      .from(portfolios)
      .where(inArray(portfolios.id, list));
    return new Map(rows.map((r) => [r.id, { name: r.name, orgUnitId: r.orgUnitId }]));
  }

  orgUnitNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    return orgUnitNamesOf(db, ids);
  }

  // ---- risks ----

  async risks(
    db: Database,
    f: {
      projectId?: string | undefined;
      portfolioId?: string | undefined;
      orgUnitId?: string | undefined;
      shared?: boolean | undefined;
    },
  ): Promise<RiskRow[]> {
    const where = [isNull(risks.deletedAt)];
    if (f.projectId)
      where.push(
        sql`(${risks.projectId} = ${f.projectId} or ${risks.id} in (select risk_id from risk_projects where project_id = ${f.projectId}))`,
      );
    if (f.portfolioId) where.push(eq(risks.portfolioId, f.portfolioId));
    if (f.orgUnitId) where.push(eq(risks.orgUnitId, f.orgUnitId));
    if (f.shared === true) where.push(isNull(risks.projectId));
    if (f.shared === false) where.push(sql`${risks.projectId} is not null`);
    return db
      .select()
      .from(risks)
      .where(and(...where))
      .orderBy(desc(risks.updatedAt));
  }

  async risk(db: Database, id: string): Promise<RiskRow | null> {
    const [row] = await db
      .select()
      .from(risks)
      .where(and(eq(risks.id, id), isNull(risks.deletedAt)));
    return row ?? null;
  }

  async links(db: Database, riskIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (riskIds.length === 0) return out;
    const rows = await db
      .select()
      .from(riskProjects)
      .where(inArray(riskProjects.riskId, [...riskIds]));
    for (const r of rows) out.set(r.riskId, [...(out.get(r.riskId) ?? []), r.projectId]);
    return out;
  }

  async insertRisk(tx: Database, values: typeof risks.$inferInsert): Promise<RiskRow> {
    const [row] = await tx.insert(risks).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateRisk(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof risks.$inferInsert>,
    actorId: string | null,
  ): Promise<RiskRow | null> {
    const [row] = await tx
      .update(risks)
      .set({ ...values, version: bump(risks), updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(risks.id, id), eq(risks.version, version), isNull(risks.deletedAt)))
      .returning();
    return row ?? null;
  }

  async setLinks(tx: Database, riskId: string, projectIds: readonly string[]): Promise<void> {
    await tx.delete(riskProjects).where(eq(riskProjects.riskId, riskId));
    if (projectIds.length)
      await tx.insert(riskProjects).values(projectIds.map((projectId) => ({ riskId, projectId })));
  }

  async addHistory(
    tx: Database,
    row: Pick<RiskRow, 'id' | 'probability' | 'impact' | 'status'>,
  ): Promise<void> {
    await tx.insert(riskHistory).values({
      riskId: row.id,
      probability: row.probability,
      impact: row.impact,
      status: row.status,
    });
  }

  async history(db: Database, riskIds: readonly string[], since: Date) {
    if (riskIds.length === 0) return [];
    return db
      .select()
      .from(riskHistory)
      .where(and(inArray(riskHistory.riskId, [...riskIds]), gte(riskHistory.at, since)))
      .orderBy(asc(riskHistory.at));
  }

  /** The newest rating of each risk before an instant. */
  async ratingsBefore(db: Database, riskIds: readonly string[], before: Date) {
    if (riskIds.length === 0) return [];
    return db
      .selectDistinctOn([riskHistory.riskId])
      .from(riskHistory)
      .where(and(inArray(riskHistory.riskId, [...riskIds]), sql`${riskHistory.at} < ${before}`))
      .orderBy(riskHistory.riskId, desc(riskHistory.at));
  }

  // ---- issues ----

  async issues(
    db: Database,
    f: {
      projectId?: string | undefined;
      escalated?: boolean | undefined;
      projectIds?: readonly string[] | undefined;
    },
  ): Promise<IssueRow[]> {
    const where = [isNull(issues.deletedAt)];
    if (f.projectId) where.push(eq(issues.projectId, f.projectId));
    if (f.projectIds)
      where.push(f.projectIds.length ? inArray(issues.projectId, [...f.projectIds]) : sql`false`);
    if (f.escalated === true) where.push(sql`${issues.escalatedAt} is not null`);
    if (f.escalated === false) where.push(isNull(issues.escalatedAt));
    return db
      .select()
      .from(issues)
      .where(and(...where))
      .orderBy(desc(issues.updatedAt));
  }

  async issue(db: Database, id: string): Promise<IssueRow | null> {
    const [row] = await db
      .select()
      .from(issues)
      .where(and(eq(issues.id, id), isNull(issues.deletedAt)));
    return row ?? null;
  }

  async insertIssue(tx: Database, values: typeof issues.$inferInsert): Promise<IssueRow> {
    const [row] = await tx.insert(issues).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateIssue(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof issues.$inferInsert>,
    actorId: string | null,
  ): Promise<IssueRow | null> {
    const [row] = await tx
      .update(issues)
      .set({ ...values, version: bump(issues), updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(issues.id, id), eq(issues.version, version), isNull(issues.deletedAt)))
      .returning();
    return row ?? null;
  }

  // ---- assumptions, decisions, dependencies ----

  async entries(db: Database, projectId: string, kind?: string): Promise<RaidEntryRow[]> {
    const where = [eq(raidEntries.projectId, projectId), isNull(raidEntries.deletedAt)];
    if (kind) where.push(eq(raidEntries.kind, kind));
    return db
      .select()
      .from(raidEntries)
      .where(and(...where))
      .orderBy(asc(raidEntries.code));
  }

  async entry(db: Database, id: string): Promise<RaidEntryRow | null> {
    const [row] = await db
      .select()
      .from(raidEntries)
      .where(and(eq(raidEntries.id, id), isNull(raidEntries.deletedAt)));
    return row ?? null;
  }

  async insertEntry(tx: Database, values: typeof raidEntries.$inferInsert): Promise<RaidEntryRow> {
    const [row] = await tx.insert(raidEntries).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateEntry(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof raidEntries.$inferInsert>,
    actorId: string | null,
  ): Promise<RaidEntryRow | null> {
    const [row] = await tx
      .update(raidEntries)
      .set({ ...values, version: bump(raidEntries), updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(raidEntries.id, id), eq(raidEntries.version, version), isNull(raidEntries.deletedAt)))
      .returning();
    return row ?? null;
  }

  // ---- change requests ----

  async changes(
    db: Database,
    f: {
      projectId?: string | undefined;
      statuses?: readonly string[] | undefined;
      level?: string | undefined;
    },
  ): Promise<ChangeRequestRow[]> {
    const where = [isNull(changeRequests.deletedAt)];
    if (f.projectId) where.push(eq(changeRequests.projectId, f.projectId));
    if (f.statuses?.length) where.push(inArray(changeRequests.status, [...f.statuses]));
    if (f.level) where.push(eq(changeRequests.level, f.level));
    return db
      .select()
      .from(changeRequests)
      .where(and(...where))
      .orderBy(desc(changeRequests.createdAt));
  }

  async change(db: Database, id: string): Promise<ChangeRequestRow | null> {
    const [row] = await db
      .select()
      .from(changeRequests)
      .where(and(eq(changeRequests.id, id), isNull(changeRequests.deletedAt)));
    return row ?? null;
  }

  async insertChange(tx: Database, values: typeof changeRequests.$inferInsert): Promise<ChangeRequestRow> {
    const [row] = await tx.insert(changeRequests).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateChange(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof changeRequests.$inferInsert>,
    actorId: string | null,
  ): Promise<ChangeRequestRow | null> {
    const [row] = await tx
      .update(changeRequests)
      .set({ ...values, version: bump(changeRequests), updatedAt: new Date(), updatedBy: actorId })
      .where(
        and(eq(changeRequests.id, id), eq(changeRequests.version, version), isNull(changeRequests.deletedAt)),
      )
      .returning();
    return row ?? null;
  }
}
