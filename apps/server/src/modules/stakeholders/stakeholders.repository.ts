import type { Database } from '@baton/db';
import { orgUnits, projects, stakeholderProjects, stakeholders } from '@baton/db/schema';
import { and, asc, eq, exists, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Visible } from '../access/access.service.ts';
import { userNames as userNamesOf } from '../shared/names.repository.ts';
import { visibleProjects } from '../shared/visibility.repository.ts';

export type StakeholderRow = typeof stakeholders.$inferSelect;
export type StakeholderLink = { stakeholderId: string; projectId: string; code: string; name: string };

const bump = sql`${stakeholders.version} + 1`;

/** Projects not deleted, and (unless the caller sees everything) visible to the caller. */
function liveProject(v: Visible | null): SQL {
  const seen = v ? visibleProjects(v) : undefined;
  return seen ? (and(isNull(projects.deletedAt), seen) as SQL) : isNull(projects.deletedAt);
}

/** `%text%` for ILIKE, with the pattern characters of the text taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Storage of the stakeholder register and of which projects each stakeholder is on. */
export class StakeholdersRepository {
  /**
   * The stakeholders the caller may see — registered in an org unit they read projects in, or on a
   * project they may see — filtered by words in the name or organisation, or by one visible project.
   */
  async list(
    db: Database,
    v: Visible,
    f: { q?: string | undefined; projectId?: string | undefined; attitude?: string | undefined },
  ): Promise<StakeholderRow[]> {
    const onVisibleProject = (projectId?: string) =>
      exists(
        db
          .select({ one: sql`1` })
          .from(stakeholderProjects)
          .innerJoin(projects, eq(projects.id, stakeholderProjects.projectId))
          .where(
            and(
              eq(stakeholderProjects.stakeholderId, stakeholders.id),
              liveProject(v),
              ...(projectId ? [eq(stakeholderProjects.projectId, projectId)] : []),
            ),
          ),
      );
    const where: SQL[] = [];
    if (!v.all) {
      const units = v.orgUnitIds.length ? [inArray(stakeholders.orgUnitId, v.orgUnitIds)] : [];
      where.push(or(...units, onVisibleProject()) as SQL);
    }
    if (f.projectId) where.push(onVisibleProject(f.projectId));
    if (f.q) {
      const pattern = containing(f.q);
      where.push(or(ilike(stakeholders.name, pattern), ilike(stakeholders.organisation, pattern)) as SQL);
    }
    if (f.attitude) where.push(eq(stakeholders.attitude, f.attitude));
    return db
      .select()
      .from(stakeholders)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(stakeholders.name), asc(stakeholders.id));
  }

  async get(db: Database, id: string): Promise<StakeholderRow | null> {
    const [row] = await db.select().from(stakeholders).where(eq(stakeholders.id, id));
    return row ?? null;
  }

  /** The live projects of these stakeholders (only the visible ones when a visibility is given), by code. */
  async links(db: Database, ids: readonly string[], v: Visible | null): Promise<StakeholderLink[]> {
    if (ids.length === 0) return [];
    return db
      .select({
        stakeholderId: stakeholderProjects.stakeholderId,
        projectId: stakeholderProjects.projectId,
        code: projects.code,
        name: projects.name,
      })
      .from(stakeholderProjects)
      .innerJoin(projects, eq(projects.id, stakeholderProjects.projectId))
      .where(and(inArray(stakeholderProjects.stakeholderId, [...ids]), liveProject(v)))
      .orderBy(asc(projects.code));
  }

  /** Of these ids, those of live projects. */
  async existingProjects(db: Database, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: projects.id })
      .from(projects)
      .where(and(inArray(projects.id, [...ids]), isNull(projects.deletedAt)));
    return new Set(rows.map((r) => r.id));
  }

  async insert(tx: Database, values: typeof stakeholders.$inferInsert): Promise<StakeholderRow> {
    const [row] = await tx.insert(stakeholders).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  /** Changes a stakeholder at the version given; null when the version is no longer current. */
  async update(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof stakeholders.$inferInsert>,
    actorId: string | null,
  ): Promise<StakeholderRow | null> {
    const [row] = await tx
      .update(stakeholders)
      .set({ ...values, version: bump, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(stakeholders.id, id), eq(stakeholders.version, version)))
      .returning();
    return row ?? null;
  }

  /** Deletes a stakeholder (its project links go with it); false when it (at that version) is gone. */
  async remove(tx: Database, id: string, version: number | undefined): Promise<boolean> {
    const rows = await tx
      .delete(stakeholders)
      .where(
        and(eq(stakeholders.id, id), ...(version === undefined ? [] : [eq(stakeholders.version, version)])),
      )
      .returning({ id: stakeholders.id });
    return rows.length > 0;
  }

  async link(tx: Database, stakeholderId: string, projectIds: readonly string[]): Promise<void> {
    if (projectIds.length === 0) return;
    await tx
      .insert(stakeholderProjects)
      .values(projectIds.map((projectId) => ({ stakeholderId, projectId })))
      .onConflictDoNothing();
  }

  async unlink(tx: Database, stakeholderId: string, projectIds: readonly string[]): Promise<void> {
    if (projectIds.length === 0) return;
    await tx
      .delete(stakeholderProjects)
      .where(
        and(
          eq(stakeholderProjects.stakeholderId, stakeholderId),
          inArray(stakeholderProjects.projectId, [...projectIds]),
        ),
      );
  }

  /** Every live project a stakeholder is on, visible to the caller or not (for permission checks). */
  async allProjectIds(db: Database, stakeholderId: string): Promise<string[]> {
    const rows = await db
      .select({ projectId: stakeholderProjects.projectId })
      .from(stakeholderProjects)
      .innerJoin(projects, eq(projects.id, stakeholderProjects.projectId))
      .where(and(eq(stakeholderProjects.stakeholderId, stakeholderId), isNull(projects.deletedAt)));
    return rows.map((r) => r.projectId).sort();
  }

  userNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    return userNamesOf(db, ids);
  }

  async unitNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (list.length === 0) return new Map();
    const rows = await db
      .select({ id: orgUnits.id, name: orgUnits.name })
      .from(orgUnits)
      .where(inArray(orgUnits.id, list));
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
