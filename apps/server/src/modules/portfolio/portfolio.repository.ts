import type { Database } from '@baton/db';
import {
  baselines,
  baselineTasks,
  orgUnits,
  portfolioScenarios,
  portfolioSettings,
  portfolios,
  projects,
  proposalComments,
  proposals,
  reviewDecisions,
  strategicObjectives,
  tasks,
  users,
} from '@baton/db/schema';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

export type SettingsRow = typeof portfolioSettings.$inferSelect;
export type ObjectiveRow = typeof strategicObjectives.$inferSelect;
export type ProposalRow = typeof proposals.$inferSelect;
export type ProposalListRow = ProposalRow & {
  orgUnitName: string | null;
  portfolioName: string | null;
  sponsorName: string | null;
  proposerName: string | null;
  commentCount: number;
};
export type ScenarioRow = typeof portfolioScenarios.$inferSelect & { committedByName: string | null };
export type RunningProjectRow = {
  id: string;
  code: string;
  name: string;
  status: string;
  budgetMinor: number | null;
  orgUnitId: string;
  portfolioId: string | null;
};

const live = isNull(proposals.deletedAt);

/** Storage of strategy, intake, proposals, scenarios and review decisions. */
export class PortfolioRepository {
  // ---- settings (one row, created on first read) ----

  async settings(db: Database): Promise<SettingsRow> {
    const [row] = await db.select().from(portfolioSettings).where(eq(portfolioSettings.id, 1));
    if (row) return row;
    await db.insert(portfolioSettings).values({ id: 1 }).onConflictDoNothing();
    const [created] = await db.select().from(portfolioSettings).where(eq(portfolioSettings.id, 1));
    if (!created) throw new Error('portfolio settings missing');
    return created;
  }

  async updateSettings(
    tx: Database,
    values: Partial<typeof portfolioSettings.$inferInsert>,
    actorId: string | null,
  ): Promise<SettingsRow> {
    const [row] = await tx
      .update(portfolioSettings)
      .set({ ...values, updatedAt: new Date(), updatedBy: actorId })
      .where(eq(portfolioSettings.id, 1))
      .returning();
    if (!row) throw new Error('portfolio settings missing');
    return row;
  }

  // ---- objectives ----

  objectives(db: Database): Promise<ObjectiveRow[]> {
    return db
      .select()
      .from(strategicObjectives)
      .orderBy(asc(strategicObjectives.sortOrder), asc(strategicObjectives.createdAt));
  }

  async objective(db: Database, id: string): Promise<ObjectiveRow | null> {
    const [row] = await db.select().from(strategicObjectives).where(eq(strategicObjectives.id, id));
    return row ?? null;
  }

  async insertObjective(
    tx: Database,
    values: typeof strategicObjectives.$inferInsert,
  ): Promise<ObjectiveRow> {
    const [row] = await tx.insert(strategicObjectives).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateObjective(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof strategicObjectives.$inferInsert>,
    actorId: string | null,
  ): Promise<ObjectiveRow | null> {
    const [row] = await tx
      .update(strategicObjectives)
      .set({
        ...values,
        version: sql`${strategicObjectives.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actorId,
      })
      .where(and(eq(strategicObjectives.id, id), eq(strategicObjectives.version, version)))
      .returning();
    return row ?? null;
  }

  async deleteObjective(tx: Database, id: string): Promise<void> {
    await tx.delete(strategicObjectives).where(eq(strategicObjectives.id, id));
  }

  // ---- proposals ----

  private proposalSelect(db: Database) {
    const sponsor = alias(users, 'sponsor');
    const proposer = alias(users, 'proposer');
    return db
      .select({
        p: proposals,
        orgUnitName: orgUnits.name,
        portfolioName: portfolios.name,
        sponsorName: sponsor.name,
        proposerName: proposer.name,
        commentCount: sql<number>`(select count(*)::int from ${proposalComments} c where c.proposal_id = ${proposals.id})`,
      })
      .from(proposals)
      .leftJoin(orgUnits, eq(orgUnits.id, proposals.orgUnitId))
      .leftJoin(portfolios, eq(portfolios.id, proposals.portfolioId))
      .leftJoin(sponsor, eq(sponsor.id, proposals.sponsorId))
      .leftJoin(proposer, eq(proposer.id, proposals.proposerId));
  }

  async listProposals(
    db: Database,
    f: { ids?: string[]; statuses?: string[] } = {},
  ): Promise<ProposalListRow[]> {
    const rows = await this.proposalSelect(db)
      .where(
        and(
          live,
          f.ids
            ? inArray(proposals.id, f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000'])
            : undefined,
          f.statuses?.length ? inArray(proposals.status, f.statuses) : undefined,
        ),
      )
      .orderBy(asc(proposals.code));
    return rows.map((r) => ({
      ...r.p,
      orgUnitName: r.orgUnitName,
      portfolioName: r.portfolioName,
      sponsorName: r.sponsorName,
      proposerName: r.proposerName,
      commentCount: Number(r.commentCount),
    }));
  }

  async proposal(db: Database, id: string): Promise<ProposalRow | null> {
    const [row] = await db
      .select()
      .from(proposals)
      .where(and(eq(proposals.id, id), live));
    return row ?? null;
  }

  async insertProposal(tx: Database, values: typeof proposals.$inferInsert): Promise<ProposalRow> {
    const [row] = await tx.insert(proposals).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateProposal(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof proposals.$inferInsert>,
    actorId: string | null,
  ): Promise<ProposalRow | null> {
    const [row] = await tx
      .update(proposals)
      .set({ ...values, version: sql`${proposals.version} + 1`, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(proposals.id, id), eq(proposals.version, version), live))
      .returning();
    return row ?? null;
  }

  async comments(db: Database, proposalId: string) {
    return db
      .select({
        id: proposalComments.id,
        proposalId: proposalComments.proposalId,
        authorId: proposalComments.authorId,
        authorName: users.name,
        body: proposalComments.body,
        createdAt: proposalComments.createdAt,
      })
      .from(proposalComments)
      .leftJoin(users, eq(users.id, proposalComments.authorId))
      .where(eq(proposalComments.proposalId, proposalId))
      .orderBy(asc(proposalComments.createdAt));
  }

  async insertComment(tx: Database, values: typeof proposalComments.$inferInsert) {
    const [row] = await tx.insert(proposalComments).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  // ---- scenarios ----

  private scenarioSelect(db: Database) {
    return db
      .select({ s: portfolioScenarios, committedByName: users.name })
      .from(portfolioScenarios)
      .leftJoin(users, eq(users.id, portfolioScenarios.committedBy));
  }

  async scenarios(db: Database): Promise<ScenarioRow[]> {
    const rows = await this.scenarioSelect(db).orderBy(desc(portfolioScenarios.updatedAt));
    return rows.map((r) => ({ ...r.s, committedByName: r.committedByName }));
  }

  async scenario(db: Database, id: string): Promise<ScenarioRow | null> {
    const [row] = await this.scenarioSelect(db).where(eq(portfolioScenarios.id, id));
    return row ? { ...row.s, committedByName: row.committedByName } : null;
  }

  async insertScenario(tx: Database, values: typeof portfolioScenarios.$inferInsert) {
    const [row] = await tx.insert(portfolioScenarios).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateScenario(
    tx: Database,
    id: string,
    version: number | null,
    values: Partial<typeof portfolioScenarios.$inferInsert>,
    actorId: string | null,
  ) {
    const [row] = await tx
      .update(portfolioScenarios)
      .set({
        ...values,
        version: sql`${portfolioScenarios.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actorId,
      })
      .where(
        and(
          eq(portfolioScenarios.id, id),
          version === null ? undefined : eq(portfolioScenarios.version, version),
        ),
      )
      .returning();
    return row ?? null;
  }

  async deleteScenario(tx: Database, id: string): Promise<void> {
    await tx.delete(portfolioScenarios).where(eq(portfolioScenarios.id, id));
  }

  // ---- review ----

  async runningProjects(db: Database): Promise<RunningProjectRow[]> {
    return db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        status: projects.status,
        budgetMinor: projects.budgetMinor,
        orgUnitId: projects.orgUnitId,
        portfolioId: projects.portfolioId,
      })
      .from(projects)
      .where(and(isNull(projects.deletedAt), inArray(projects.status, ['active', 'on_hold'])))
      .orderBy(asc(projects.code));
  }

  /** Per project: actual cost, work-weighted % complete and current finish of its leaf tasks. */
  async progressOf(db: Database, projectIds: string[]) {
    if (!projectIds.length) return [];
    return db
      .select({
        projectId: tasks.projectId,
        actualCostMinor: sql<number>`coalesce(sum(${tasks.actualCostMinor}), 0)::float8`,
        work: sql<number>`coalesce(sum(greatest(${tasks.workMinutes}, ${tasks.durationMinutes})), 0)::float8`,
        done: sql<number>`coalesce(sum(greatest(${tasks.workMinutes}, ${tasks.durationMinutes}) * ${tasks.percentComplete} / 100.0), 0)::float8`,
        finish: sql<string | null>`max(${tasks.finish})`,
      })
      .from(tasks)
      .where(and(inArray(tasks.projectId, projectIds), eq(tasks.summary, false)))
      .groupBy(tasks.projectId);
  }

  /** Per project: the finish of its first baseline. */
  async baselineFinishOf(db: Database, projectIds: string[]) {
    if (!projectIds.length) return [];
    return db
      .select({ projectId: baselines.projectId, finish: sql<string | null>`max(${baselineTasks.finish})` })
      .from(baselines)
      .innerJoin(baselineTasks, eq(baselineTasks.baselineId, baselines.id))
      .where(and(inArray(baselines.projectId, projectIds), eq(baselines.number, 1)))
      .groupBy(baselines.projectId);
  }

  async proposalsOfProjects(db: Database, projectIds: string[]): Promise<ProposalRow[]> {
    if (!projectIds.length) return [];
    return db
      .select()
      .from(proposals)
      .where(and(inArray(proposals.projectId, projectIds), live));
  }

  async decisions(db: Database, projectId?: string) {
    return db
      .select({
        id: reviewDecisions.id,
        projectId: reviewDecisions.projectId,
        decision: reviewDecisions.decision,
        reason: reviewDecisions.reason,
        snapshot: reviewDecisions.snapshot,
        decidedAt: reviewDecisions.decidedAt,
        decidedByName: users.name,
      })
      .from(reviewDecisions)
      .leftJoin(users, eq(users.id, reviewDecisions.decidedBy))
      .where(projectId ? eq(reviewDecisions.projectId, projectId) : undefined)
      .orderBy(desc(reviewDecisions.decidedAt));
  }

  async insertDecision(tx: Database, values: typeof reviewDecisions.$inferInsert) {
    const [row] = await tx.insert(reviewDecisions).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }
}
