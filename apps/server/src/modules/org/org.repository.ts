import type { Database } from '@baton/db';
import { orgUnits, portfolios, programs, projects, roleAssignments } from '@baton/db/schema';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Visible } from '../access/access.service.ts';
import { visibleProjects } from '../shared/visibility.repository.ts';

export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type PortfolioRow = typeof portfolios.$inferSelect;
export type ProgramRow = typeof programs.$inferSelect;
export type Kind = 'org_unit' | 'portfolio' | 'program';
const tableOf = (kind: Kind) =>
  kind === 'org_unit' ? orgUnits : kind === 'portfolio' ? portfolios : programs;

const live = isNull(projects.deletedAt);

/** Org units, portfolios and programs: the structure projects are filed under. */
export class OrgRepository {
  constructor(private readonly db: Database) {}

  listOrgUnits(): Promise<OrgUnitRow[]> {
    return this.db.select().from(orgUnits).orderBy(asc(orgUnits.name));
  }

  /** Live projects the caller may see, counted per org unit, portfolio or program. */
  async projectCounts(
    by: 'org_unit' | 'portfolio' | 'program',
    visible: Visible,
  ): Promise<Map<string, number>> {
    const column =
      by === 'org_unit' ? projects.orgUnitId : by === 'portfolio' ? projects.portfolioId : projects.programId;
    const rows = await this.db
      .select({ id: column, n: count() })
      .from(projects)
      .where(and(live, visibleProjects(visible)))
      .groupBy(column);
    return new Map(rows.flatMap((r) => (r.id ? [[r.id, Number(r.n)] as const] : [])));
  }

  async getOrgUnit(db: Database, id: string): Promise<OrgUnitRow | null> {
    const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
    return row ?? null;
  }

  async insertOrgUnit(tx: Database, values: typeof orgUnits.$inferInsert): Promise<OrgUnitRow> {
    const [row] = await tx.insert(orgUnits).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateOrgUnit(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof orgUnits.$inferInsert>,
    actorId: string | null,
  ): Promise<OrgUnitRow | null> {
    const [row] = await tx
      .update(orgUnits)
      .set({ ...values, version: sql`${orgUnits.version} + 1`, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(orgUnits.id, id), eq(orgUnits.version, version)))
      .returning();
    return row ?? null;
  }

  listPortfolios(): Promise<PortfolioRow[]> {
    return this.db.select().from(portfolios).orderBy(asc(portfolios.name));
  }

  async getPortfolio(db: Database, id: string): Promise<PortfolioRow | null> {
    const [row] = await db.select().from(portfolios).where(eq(portfolios.id, id));
    return row ?? null;
  }

  async insertPortfolio(tx: Database, values: typeof portfolios.$inferInsert): Promise<PortfolioRow> {
    const [row] = await tx.insert(portfolios).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updatePortfolio(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof portfolios.$inferInsert>,
    actorId: string | null,
  ): Promise<PortfolioRow | null> {
    const [row] = await tx
      .update(portfolios)
      .set({ ...values, version: sql`${portfolios.version} + 1`, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(portfolios.id, id), eq(portfolios.version, version)))
      .returning();
    return row ?? null;
  }

  listPrograms(portfolioId?: string): Promise<ProgramRow[]> {
    return this.db
      .select()
      .from(programs)
      .where(portfolioId ? eq(programs.portfolioId, portfolioId) : undefined)
      .orderBy(asc(programs.name));
  }

  async getProgram(db: Database, id: string): Promise<ProgramRow | null> {
    const [row] = await db.select().from(programs).where(eq(programs.id, id));
    return row ?? null;
  }

  async insertProgram(tx: Database, values: typeof programs.$inferInsert): Promise<ProgramRow> {
    const [row] = await tx.insert(programs).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateProgram(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof programs.$inferInsert>,
    actorId: string | null,
  ): Promise<ProgramRow | null> {
    const [row] = await tx
      .update(programs)
      .set({ ...values, version: sql`${programs.version} + 1`, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(programs.id, id), eq(programs.version, version)))
      .returning();
    return row ?? null;
  }

  async codeTaken(db: Database, kind: Kind, code: string, exceptId?: string): Promise<boolean> {
    const table = tableOf(kind);
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.code, code), exceptId ? sql`${table.id} <> ${exceptId}` : undefined));
    return row !== undefined;
  }

  /** What still hangs off a unit, portfolio or program (it can be deleted only when empty). */
  async dependents(db: Database, kind: Kind, id: string): Promise<string[]> {
    const found: string[] = [];
    const n = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
    if (kind === 'org_unit') {
      if (await n(db.select({ n: count() }).from(orgUnits).where(eq(orgUnits.parentId, id))))
        found.push('org units');
      if (await n(db.select({ n: count() }).from(portfolios).where(eq(portfolios.orgUnitId, id))))
        found.push('portfolios');
      if (await n(db.select({ n: count() }).from(projects).where(eq(projects.orgUnitId, id))))
        found.push('projects');
    } else if (kind === 'portfolio') {
      if (await n(db.select({ n: count() }).from(programs).where(eq(programs.portfolioId, id))))
        found.push('programs');
      if (await n(db.select({ n: count() }).from(projects).where(eq(projects.portfolioId, id))))
        found.push('projects');
    } else if (await n(db.select({ n: count() }).from(projects).where(eq(projects.programId, id)))) {
      found.push('projects');
    }
    return found;
  }

  async delete(tx: Database, kind: Kind, id: string): Promise<void> {
    await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.scopeType, kind), eq(roleAssignments.scopeId, id)));
    const table = tableOf(kind);
    await tx.delete(table).where(eq(table.id, id));
  }

  async hasRootOrgUnit(db: Database): Promise<boolean> {
    const [row] = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(isNull(orgUnits.parentId))
      .limit(1);
    return row !== undefined;
  }
}
