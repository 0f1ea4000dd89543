import type { Database } from '@baton/db';
import {
  changeRequestItems,
  changeRequests,
  configurationBaselineItems,
  configurationBaselines,
  configurationItems,
  configurationItemVersions,
  orgUnits,
  projects,
} from '@baton/db/schema';
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { userNames as userNamesOf } from '../shared/names.repository.ts';

export type CiRow = typeof configurationItems.$inferSelect;
export type CiVersionRow = typeof configurationItemVersions.$inferSelect;
export type BaselineRow = typeof configurationBaselines.$inferSelect;
export type BaselineEntryRow = typeof configurationBaselineItems.$inferSelect;
export type ChangeItemRow = typeof changeRequestItems.$inferSelect;
export type CiProjectRef = {
  id: string;
  code: string;
  name: string;
  orgUnitId: string;
  portfolioId: string | null;
  status: string;
};
export type CiChangeRef = { id: string; code: string; title: string; status: string; projectId: string };

const projectRef = {
  id: projects.id,
  code: projects.code,
  name: projects.name,
  orgUnitId: projects.orgUnitId,
  portfolioId: projects.portfolioId,
  status: projects.status,
};

/**
 * Storage of configuration items, their versions, the frozen baselines and the items change requests
 * name. Reads of projects, people and change requests are lookups of names and states only.
 */
export class ConfigurationRepository {
  // ---- items ----

  async items(db: Database, projectIds?: readonly string[]): Promise<CiRow[]> {
    if (projectIds && projectIds.length === 0) return [];
    const q = db.select().from(configurationItems);
    return (projectIds ? q.where(inArray(configurationItems.projectId, [...projectIds])) : q).orderBy(
      asc(configurationItems.code),
    );
  }

  async item(db: Database, id: string): Promise<CiRow | null> {
    const [row] = await db.select().from(configurationItems).where(eq(configurationItems.id, id));
    return row ?? null;
  }

  /** Locks the item's row for the transaction, so its versions change one writer at a time. */
  async lockItem(tx: Database, id: string): Promise<CiRow | null> {
    const [row] = await tx
      .select()
      .from(configurationItems)
      .where(eq(configurationItems.id, id))
      .for('update');
    return row ?? null;
  }

  async insertItem(tx: Database, values: typeof configurationItems.$inferInsert): Promise<CiRow> {
    const [row] = await tx.insert(configurationItems).values(values).returning();
    return row as CiRow;
  }

  async updateItem(
    tx: Database,
    id: string,
    version: number,
    patch: Partial<typeof configurationItems.$inferInsert>,
    by: string | null,
  ): Promise<CiRow | null> {
    const [row] = await tx
      .update(configurationItems)
      .set({ ...patch, version: version + 1, updatedAt: new Date(), updatedBy: by })
      .where(and(eq(configurationItems.id, id), eq(configurationItems.version, version)))
      .returning();
    return row ?? null;
  }

  async deleteItem(tx: Database, id: string): Promise<void> {
    await tx.delete(configurationItems).where(eq(configurationItems.id, id));
  }

  // ---- versions ----

  async versions(db: Database, itemIds: readonly string[]): Promise<CiVersionRow[]> {
    if (itemIds.length === 0) return [];
    return db
      .select()
      .from(configurationItemVersions)
      .where(inArray(configurationItemVersions.itemId, [...itemIds]))
      .orderBy(asc(configurationItemVersions.itemId), asc(configurationItemVersions.number));
  }

  async versionsByIds(db: Database, ids: readonly string[]): Promise<CiVersionRow[]> {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(configurationItemVersions)
      .where(inArray(configurationItemVersions.id, [...ids]));
  }

  async insertVersion(
    tx: Database,
    values: typeof configurationItemVersions.$inferInsert,
  ): Promise<CiVersionRow> {
    const [row] = await tx.insert(configurationItemVersions).values(values).returning();
    return row as CiVersionRow;
  }

  /** Moves a version from one status to another; null when it was no longer in `from`. */
  async setVersionStatus(tx: Database, id: string, from: string, to: string): Promise<CiVersionRow | null> {
    const [row] = await tx
      .update(configurationItemVersions)
      .set({ status: to, updatedAt: new Date() })
      .where(and(eq(configurationItemVersions.id, id), eq(configurationItemVersions.status, from)))
      .returning();
    return row ?? null;
  }

  /** Marks the item's approved versions other than `exceptId` superseded; returns those it changed. */
  async supersede(tx: Database, itemId: string, exceptId: string): Promise<CiVersionRow[]> {
    return tx
      .update(configurationItemVersions)
      .set({ status: 'superseded', updatedAt: new Date() })
      .where(
        and(
          eq(configurationItemVersions.itemId, itemId),
          eq(configurationItemVersions.status, 'approved'),
          ne(configurationItemVersions.id, exceptId),
        ),
      )
      .returning();
  }

  // ---- baselines ----

  async baselines(db: Database, projectIds?: readonly string[]): Promise<BaselineRow[]> {
    if (projectIds && projectIds.length === 0) return [];
    const q = db.select().from(configurationBaselines);
    return (projectIds ? q.where(inArray(configurationBaselines.projectId, [...projectIds])) : q).orderBy(
      desc(configurationBaselines.createdAt),
      desc(configurationBaselines.id),
    );
  }

  async baseline(db: Database, id: string): Promise<BaselineRow | null> {
    const [row] = await db.select().from(configurationBaselines).where(eq(configurationBaselines.id, id));
    return row ?? null;
  }

  async baselineNameTaken(db: Database, projectId: string, name: string): Promise<boolean> {
    const [row] = await db
      .select({ id: configurationBaselines.id })
      .from(configurationBaselines)
      .where(and(eq(configurationBaselines.projectId, projectId), eq(configurationBaselines.name, name)));
    return !!row;
  }

  async baselineEntries(db: Database, baselineIds: readonly string[]): Promise<BaselineEntryRow[]> {
    if (baselineIds.length === 0) return [];
    return db
      .select()
      .from(configurationBaselineItems)
      .where(inArray(configurationBaselineItems.baselineId, [...baselineIds]));
  }

  async entriesOfItem(db: Database, itemId: string): Promise<BaselineEntryRow[]> {
    return db.select().from(configurationBaselineItems).where(eq(configurationBaselineItems.itemId, itemId));
  }

  async insertBaseline(
    tx: Database,
    values: typeof configurationBaselines.$inferInsert,
    entries: readonly { itemId: string; versionId: string }[],
  ): Promise<BaselineRow> {
    const [row] = await tx.insert(configurationBaselines).values(values).returning();
    const baseline = row as BaselineRow;
    if (entries.length > 0)
      await tx
        .insert(configurationBaselineItems)
        .values(entries.map((e) => ({ baselineId: baseline.id, itemId: e.itemId, versionId: e.versionId })));
    return baseline;
  }

  async deleteBaseline(tx: Database, id: string): Promise<void> {
    await tx.delete(configurationBaselines).where(eq(configurationBaselines.id, id));
  }

  // ---- the items change requests name ----

  async changeItems(db: Database, changeRequestIds: readonly string[]): Promise<ChangeItemRow[]> {
    if (changeRequestIds.length === 0) return [];
    return db
      .select()
      .from(changeRequestItems)
      .where(inArray(changeRequestItems.changeRequestId, [...changeRequestIds]));
  }

  async changeItemsOfItem(db: Database, itemId: string): Promise<ChangeItemRow[]> {
    return db.select().from(changeRequestItems).where(eq(changeRequestItems.itemId, itemId));
  }

  async replaceChangeItems(
    tx: Database,
    changeRequestId: string,
    items: readonly { itemId: string; note: string | null }[],
  ): Promise<void> {
    await tx.delete(changeRequestItems).where(eq(changeRequestItems.changeRequestId, changeRequestId));
    if (items.length > 0)
      await tx
        .insert(changeRequestItems)
        .values(items.map((i) => ({ changeRequestId, itemId: i.itemId, note: i.note })));
  }

  async recordNewVersion(
    tx: Database,
    changeRequestId: string,
    itemId: string,
    versionId: string,
  ): Promise<void> {
    await tx
      .update(changeRequestItems)
      .set({ newVersionId: versionId })
      .where(
        and(eq(changeRequestItems.changeRequestId, changeRequestId), eq(changeRequestItems.itemId, itemId)),
      );
  }

  // ---- names and states of the things around ----

  async changes(db: Database, ids: readonly string[]): Promise<CiChangeRef[]> {
    if (ids.length === 0) return [];
    return db
      .select({
        id: changeRequests.id,
        code: changeRequests.code,
        title: changeRequests.title,
        status: changeRequests.status,
        projectId: changeRequests.projectId,
      })
      .from(changeRequests)
      .where(and(inArray(changeRequests.id, [...ids]), isNull(changeRequests.deletedAt)));
  }

  async change(db: Database, id: string): Promise<CiChangeRef | null> {
    return (await this.changes(db, [id]))[0] ?? null;
  }

  async projectsByIds(db: Database, ids: readonly string[]): Promise<CiProjectRef[]> {
    if (ids.length === 0) return [];
    return db
      .select(projectRef)
      .from(projects)
      .where(and(inArray(projects.id, [...ids]), isNull(projects.deletedAt)));
  }

  async liveProjects(db: Database): Promise<CiProjectRef[]> {
    return db.select(projectRef).from(projects).where(isNull(projects.deletedAt)).orderBy(asc(projects.code));
  }

  userNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    return userNamesOf(db, ids);
  }

  async unitNames(db: Database): Promise<Map<string, string>> {
    const rows = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
