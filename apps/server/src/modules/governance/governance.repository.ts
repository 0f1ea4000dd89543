import type { Database } from '@baton/db';
import {
  baselines,
  gateReviews,
  issues,
  lifecycleTemplates,
  orgUnits,
  projectLifecycles,
  projects,
  riskProjects,
  risks,
} from '@baton/db/schema';
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';

export type TemplateRow = typeof lifecycleTemplates.$inferSelect;
export type LifecycleRow = typeof projectLifecycles.$inferSelect;
export type ReviewRow = typeof gateReviews.$inferSelect;

/** Storage of the methodology library, project lifecycles, gate reviews; and the facts compliance reads. */
export class GovernanceRepository {
  // ---- templates ----

  async templates(db: Database): Promise<TemplateRow[]> {
    return db
      .select()
      .from(lifecycleTemplates)
      .orderBy(lifecycleTemplates.name, desc(lifecycleTemplates.templateVersion));
  }

  async template(db: Database, id: string): Promise<TemplateRow | null> {
    const [row] = await db.select().from(lifecycleTemplates).where(eq(lifecycleTemplates.id, id));
    return row ?? null;
  }

  async keyTaken(db: Database, key: string): Promise<boolean> {
    const [row] = await db
      .select({ id: lifecycleTemplates.id })
      .from(lifecycleTemplates)
      .where(eq(lifecycleTemplates.key, key));
    return !!row;
  }

  /** The newest version number of each key. */
  async latestVersions(db: Database, keys: readonly string[]): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows = await db
      .select({ key: lifecycleTemplates.key, v: sql<number>`max(${lifecycleTemplates.templateVersion})` })
      .from(lifecycleTemplates)
      .where(inArray(lifecycleTemplates.key, [...keys]))
      .groupBy(lifecycleTemplates.key);
    return new Map(rows.map((r) => [r.key, Number(r.v)]));
  }

  /** How many projects follow each template version. */
  async followers(db: Database, templateIds: readonly string[]): Promise<Map<string, number>> {
    if (templateIds.length === 0) return new Map();
    const rows = await db
      .select({ id: projectLifecycles.templateId, n: sql<number>`count(*)` })
      .from(projectLifecycles)
      .where(inArray(projectLifecycles.templateId, [...templateIds]))
      .groupBy(projectLifecycles.templateId);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  async insertTemplate(tx: Database, values: typeof lifecycleTemplates.$inferInsert): Promise<TemplateRow> {
    const [row] = await tx.insert(lifecycleTemplates).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  // ---- lifecycles and gate reviews ----

  async lifecycle(db: Database, projectId: string): Promise<LifecycleRow | null> {
    const [row] = await db.select().from(projectLifecycles).where(eq(projectLifecycles.projectId, projectId));
    return row ?? null;
  }

  async lifecyclesOf(db: Database, projectIds: readonly string[]): Promise<LifecycleRow[]> {
    if (projectIds.length === 0) return [];
    return db
      .select()
      .from(projectLifecycles)
      .where(inArray(projectLifecycles.projectId, [...projectIds]));
  }

  async insertLifecycle(tx: Database, values: typeof projectLifecycles.$inferInsert): Promise<void> {
    await tx.insert(projectLifecycles).values(values);
  }

  async updateLifecycle(
    tx: Database,
    projectId: string,
    version: number,
    values: { state: Record<string, unknown>[]; templateId?: string },
    actorId: string | null,
  ): Promise<LifecycleRow | null> {
    const [row] = await tx
      .update(projectLifecycles)
      .set({
        ...values,
        version: sql`${projectLifecycles.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actorId,
      })
      .where(and(eq(projectLifecycles.projectId, projectId), eq(projectLifecycles.version, version)))
      .returning();
    return row ?? null;
  }

  async reviews(db: Database, projectId: string): Promise<ReviewRow[]> {
    return db
      .select()
      .from(gateReviews)
      .where(eq(gateReviews.projectId, projectId))
      .orderBy(desc(gateReviews.submittedAt));
  }

  async pendingReviews(db: Database): Promise<ReviewRow[]> {
    return db.select().from(gateReviews).where(isNull(gateReviews.decision)).orderBy(gateReviews.submittedAt);
  }

  async pendingReview(db: Database, projectId: string, phaseKey: string): Promise<ReviewRow | null> {
    const [row] = await db
      .select()
      .from(gateReviews)
      .where(
        and(
          eq(gateReviews.projectId, projectId),
          eq(gateReviews.phaseKey, phaseKey),
          isNull(gateReviews.decision),
        ),
      )
      .orderBy(desc(gateReviews.submittedAt))
      .limit(1);
    return row ?? null;
  }

  async insertReview(tx: Database, values: typeof gateReviews.$inferInsert): Promise<void> {
    await tx.insert(gateReviews).values(values);
  }

  async decideReview(
    tx: Database,
    id: string,
    values: { decision: string; rationale: string; decidedBy: string | null },
  ): Promise<void> {
    await tx
      .update(gateReviews)
      .set({ ...values, decidedAt: new Date() })
      .where(eq(gateReviews.id, id));
  }

  // ---- facts about projects ----

  async projectStatus(db: Database, projectId: string): Promise<string | null> {
    const [row] = await db
      .select({ status: projects.status })
      .from(projects)
      .where(eq(projects.id, projectId));
    return row?.status ?? null;
  }

  /** Every live project's compliance facts, or one project's when it is named. */
  async projectsForCompliance(db: Database, projectId?: string) {
    return db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        status: projects.status,
        orgUnitId: projects.orgUnitId,
        portfolioId: projects.portfolioId,
        managerId: projects.managerId,
        plannedStart: projects.plannedStart,
      })
      .from(projects)
      .where(
        projectId === undefined
          ? isNull(projects.deletedAt)
          : and(isNull(projects.deletedAt), eq(projects.id, projectId)),
      );
  }

  async projectNames(db: Database, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        orgUnitId: projects.orgUnitId,
        portfolioId: projects.portfolioId,
      })
      .from(projects)
      .where(inArray(projects.id, [...ids]));
  }

  async orgUnits(db: Database) {
    return db.select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId }).from(orgUnits);
  }

  async baselinedProjects(db: Database, projectIds: readonly string[]): Promise<Set<string>> {
    if (projectIds.length === 0) return new Set();
    const rows = await db
      .selectDistinct({ projectId: baselines.projectId })
      .from(baselines)
      .where(inArray(baselines.projectId, [...projectIds]));
    return new Set(rows.map((r) => r.projectId));
  }

  /** A project's own risks and the shared ones linked to it. */
  async risksOfProject(db: Database, projectId: string) {
    const linked = db
      .select({ id: riskProjects.riskId })
      .from(riskProjects)
      .where(eq(riskProjects.projectId, projectId));
    return db
      .select()
      .from(risks)
      .where(and(isNull(risks.deletedAt), or(eq(risks.projectId, projectId), inArray(risks.id, linked))));
  }

  async allRisks(db: Database) {
    return db.select().from(risks).where(isNull(risks.deletedAt));
  }

  async allRiskLinks(db: Database) {
    return db.select().from(riskProjects);
  }

  async openIssueCount(db: Database, projectId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)` })
      .from(issues)
      .where(
        and(
          eq(issues.projectId, projectId),
          isNull(issues.deletedAt),
          inArray(issues.status, ['open', 'in_progress']),
        ),
      );
    return Number(row?.n ?? 0);
  }
}
