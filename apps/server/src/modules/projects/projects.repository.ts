import type { Database } from '@baton/db';
import {
  customFieldDefinitions,
  orgUnits,
  portfolios,
  programs,
  projects,
  sequences,
  users,
} from '@baton/db/schema';
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Visible } from '../access/access.service.ts';
import { visibleProjects } from '../shared/visibility.repository.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectWithNames = ProjectRow & {
  sponsorName: string | null;
  managerName: string | null;
  orgUnitName: string;
  portfolioName: string | null;
  programName: string | null;
};

export type ProjectFilter = {
  q?: string | undefined;
  status?: string[] | undefined;
  priority?: number[] | undefined;
  orgUnitIds?: string[] | undefined;
  portfolioId?: string | undefined;
  programId?: string | undefined;
  managerId?: string | undefined;
  sponsorId?: string | undefined;
  tag?: string | undefined;
  startFrom?: string | undefined;
  startTo?: string | undefined;
};

const SORT_COLUMNS = {
  code: projects.code,
  name: projects.name,
  status: projects.status,
  priority: projects.priority,
  plannedStart: projects.plannedStart,
  plannedFinish: projects.plannedFinish,
  budgetMinor: projects.budgetMinor,
  updatedAt: projects.updatedAt,
} as const;
export type SortKey = keyof typeof SORT_COLUMNS;

const sponsor = alias(users, 'sponsor');
const manager = alias(users, 'manager');

const live = isNull(projects.deletedAt);

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterConditions(f: ProjectFilter, visible: Visible): SQL | undefined {
  const c: (SQL | undefined)[] = [live, visibleProjects(visible)];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    c.push(or(ilike(projects.code, like), ilike(projects.name, like), ilike(projects.description, like)));
  }
  if (f.status?.length) c.push(inArray(projects.status, f.status));
  if (f.priority?.length) c.push(inArray(projects.priority, f.priority));
  if (f.orgUnitIds) c.push(f.orgUnitIds.length ? inArray(projects.orgUnitId, f.orgUnitIds) : sql`false`);
  if (f.portfolioId) c.push(eq(projects.portfolioId, f.portfolioId));
  if (f.programId) c.push(eq(projects.programId, f.programId));
  if (f.managerId) c.push(eq(projects.managerId, f.managerId));
  if (f.sponsorId) c.push(eq(projects.sponsorId, f.sponsorId));
  if (f.tag) c.push(sql`${projects.tags} @> array[${f.tag}]::text[]`);
  if (f.startFrom) c.push(gte(projects.plannedStart, f.startFrom));
  if (f.startTo) c.push(lte(projects.plannedStart, f.startTo));
  return and(...c);
}

/** The central register of projects. Deleted projects are kept (for the journal) but never listed. */
export class ProjectsRepository {
  constructor(private readonly db: Database) {}

  private withNames(db: Database) {
    return db
      .select({
        p: projects,
        sponsorName: sponsor.name,
        managerName: manager.name,
        orgUnitName: orgUnits.name,
        portfolioName: portfolios.name,
        programName: programs.name,
      })
      .from(projects)
      .innerJoin(orgUnits, eq(orgUnits.id, projects.orgUnitId))
      .leftJoin(portfolios, eq(portfolios.id, projects.portfolioId))
      .leftJoin(programs, eq(programs.id, projects.programId))
      .leftJoin(sponsor, eq(sponsor.id, projects.sponsorId))
      .leftJoin(manager, eq(manager.id, projects.managerId));
  }

  async list(
    filter: ProjectFilter,
    visible: Visible,
    sort: { key: SortKey; desc: boolean },
    page: { limit: number; offset: number },
  ): Promise<{ rows: ProjectWithNames[]; total: number }> {
    const where = filterConditions(filter, visible);
    const column = SORT_COLUMNS[sort.key];
    const order = sort.desc
      ? [sql`${column} desc nulls last`, desc(projects.id)]
      : [sql`${column} asc nulls last`, asc(projects.id)];
    // One round trip: page on the projects table alone (a top-N sort, the total counted by a window
    // before the limit), then join the names for just that page. Joining five tables before sorting
    // costs more than the sort itself at 10,000 projects.
    const pageSq = this.db
      .select({
        id: projects.id,
        total: sql<number>`count(*) over ()`.as('total'),
        rn: sql<number>`row_number() over (order by ${sql.join(order, sql`, `)})`.as('rn'),
      })
      .from(projects)
      .where(where)
      .orderBy(...order)
      .limit(page.limit)
      .offset(page.offset)
      .as('page');
    const rows = await this.db
      .select({
        p: projects,
        sponsorName: sponsor.name,
        managerName: manager.name,
        orgUnitName: orgUnits.name,
        portfolioName: portfolios.name,
        programName: programs.name,
        total: pageSq.total,
      })
      .from(pageSq)
      .innerJoin(projects, eq(projects.id, pageSq.id))
      .innerJoin(orgUnits, eq(orgUnits.id, projects.orgUnitId))
      .leftJoin(portfolios, eq(portfolios.id, projects.portfolioId))
      .leftJoin(programs, eq(programs.id, projects.programId))
      .leftJoin(sponsor, eq(sponsor.id, projects.sponsorId))
      .leftJoin(manager, eq(manager.id, projects.managerId))
      .orderBy(pageSq.rn);
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && page.offset > 0) {
      // past the last page: the window saw no rows, so count separately
      const [n] = await this.db.select({ n: count() }).from(projects).where(where);
      total = Number(n?.n ?? 0);
    }
    return { rows: rows.map(({ p, total: _t, ...names }) => ({ ...p, ...names })), total };
  }

  async countByStatus(filter: ProjectFilter, visible: Visible): Promise<Record<string, number>> {
    const rows = await this.db
      .select({ status: projects.status, n: count() })
      .from(projects)
      .where(filterConditions(filter, visible))
      .groupBy(projects.status);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  async get(db: Database, id: string): Promise<ProjectWithNames | null> {
    const [r] = await this.withNames(db).where(and(eq(projects.id, id), live));
    return r ? { ...r.p, ...r } : null;
  }

  async idByCode(db: Database, code: string): Promise<string | null> {
    const [row] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.code, code), live));
    return row?.id ?? null;
  }

  async getForUpdate(tx: Database, id: string): Promise<ProjectRow | null> {
    const [row] = await tx
      .select()
      .from(projects)
      .where(and(eq(projects.id, id), live));
    return row ?? null;
  }

  async codeTaken(db: Database, code: string, exceptId?: string): Promise<boolean> {
    const [row] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.code, code), live, exceptId ? sql`${projects.id} <> ${exceptId}` : undefined));
    return row !== undefined;
  }

  /** Next number of a named counter, inside the caller's transaction. */
  async nextSequence(tx: Database, name: string): Promise<number> {
    const [row] = await tx
      .insert(sequences)
      .values({ name, value: 1 })
      .onConflictDoUpdate({ target: sequences.name, set: { value: sql`${sequences.value} + 1` } })
      .returning({ value: sequences.value });
    if (!row) throw new Error('sequence returned nothing');
    return row.value;
  }

  async insert(tx: Database, values: typeof projects.$inferInsert): Promise<ProjectRow> {
    const [row] = await tx.insert(projects).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async update(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof projects.$inferInsert>,
    actorId: string | null,
  ): Promise<ProjectRow | null> {
    const [row] = await tx
      .update(projects)
      .set({ ...values, version: sql`${projects.version} + 1`, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(projects.id, id), eq(projects.version, version), live))
      .returning();
    return row ?? null;
  }

  async currentVersion(db: Database, id: string): Promise<number | null> {
    const [row] = await db
      .select({ v: projects.version })
      .from(projects)
      .where(and(eq(projects.id, id), live));
    return row?.v ?? null;
  }

  async userExists(db: Database, id: string): Promise<boolean> {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
    return row !== undefined;
  }

  customFieldDefinitions(db: Database) {
    return db.select().from(customFieldDefinitions).orderBy(asc(customFieldDefinitions.label));
  }
}
