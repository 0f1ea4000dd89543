import type { Grant, ScopePath } from '@baton/core';
import { type Database, queryRows } from '@baton/db';
import { orgUnits, portfolios, programs, projects, roleAssignments } from '@baton/db/schema';
import { and, eq, isNull, sql } from 'drizzle-orm';

/** Reads grants and where things sit in the org-unit / portfolio hierarchy. */
export class AccessRepository {
  constructor(private readonly db: Database) {}

  async grantsOf(userId: string): Promise<Grant[]> {
    const rows = await this.db
      .select({
        role: roleAssignments.role,
        scopeType: roleAssignments.scopeType,
        scopeId: roleAssignments.scopeId,
      })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, userId));
    return rows as Grant[];
  }

  /** Grants with their ids and the names of the scopes they sit at. */
  async grantDetails(userIds: readonly string[]): Promise<GrantDetail[]> {
    if (userIds.length === 0) return [];
    const rows = await queryRows<GrantDetail>(
      this.db,
      sql`
      select ra.id, ra.user_id as "userId", ra.role, ra.scope_type as "scopeType", ra.scope_id as "scopeId",
        coalesce(o.name, pf.name, pr.name) as "scopeName"
      from ${roleAssignments} ra
      left join ${orgUnits} o on ra.scope_type = 'org_unit' and o.id = ra.scope_id
      left join ${portfolios} pf on ra.scope_type = 'portfolio' and pf.id = ra.scope_id
      left join ${projects} pr on ra.scope_type = 'project' and pr.id = ra.scope_id
      where ra.user_id in (${sql.join(
        userIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      order by ra.created_at, ra.id`,
    );
    return rows;
  }

  /** The unit itself and each ancestor up to the root (empty when the unit does not exist). */
  async orgUnitChain(orgUnitId: string, db: Database = this.db): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from ${orgUnits} where id = ${orgUnitId}
        union all
        select o.id, o.parent_id, up.depth + 1 from ${orgUnits} o join up on o.id = up.parent_id where up.depth < 64
      )
      select id from up order by depth`,
    );
    return rows.map((r) => r.id);
  }

  /** The unit and every unit beneath it. */
  async orgUnitSubtree(orgUnitIds: readonly string[], db: Database = this.db): Promise<string[]> {
    if (orgUnitIds.length === 0) return [];
    const rows = await queryRows<{ id: string }>(
      db,
      sql`
      with recursive down(id, depth) as (
        select id, 0 from ${orgUnits} where id in (${sql.join(
          orgUnitIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        union all
        select o.id, down.depth + 1 from ${orgUnits} o join down on o.parent_id = down.id where down.depth < 64
      )
      select distinct id from down`,
    );
    return rows.map((r) => r.id);
  }

  async rootOrgUnitId(): Promise<string | null> {
    const [row] = await this.db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(isNull(orgUnits.parentId))
      .orderBy(orgUnits.createdAt)
      .limit(1);
    return row?.id ?? null;
  }

  async projectPlacement(
    projectId: string,
  ): Promise<{ orgUnitId: string; portfolioId: string | null } | null> {
    const [row] = await this.db
      .select({ orgUnitId: projects.orgUnitId, portfolioId: projects.portfolioId })
      .from(projects)
      .where(and(eq(projects.id, projectId), isNull(projects.deletedAt)));
    return row ?? null;
  }

  async portfolioOrgUnit(portfolioId: string): Promise<string | null> {
    const [row] = await this.db
      .select({ orgUnitId: portfolios.orgUnitId })
      .from(portfolios)
      .where(eq(portfolios.id, portfolioId));
    return row?.orgUnitId ?? null;
  }

  async programPlacement(programId: string): Promise<{ portfolioId: string; orgUnitId: string } | null> {
    const [row] = await this.db
      .select({ portfolioId: programs.portfolioId, orgUnitId: portfolios.orgUnitId })
      .from(programs)
      .innerJoin(portfolios, eq(portfolios.id, programs.portfolioId))
      .where(eq(programs.id, programId));
    return row ?? null;
  }

  async orgUnitExists(orgUnitId: string): Promise<boolean> {
    const [row] = await this.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, orgUnitId));
    return row !== undefined;
  }
}

export type { ScopePath };
export type GrantDetail = Grant & { id: string; userId: string; scopeName: string | null };
