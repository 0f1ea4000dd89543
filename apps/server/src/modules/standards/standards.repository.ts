import type { Database } from '@baton/db';
import {
  complianceItems,
  complianceWaivers,
  orgUnits,
  pmoStandards,
  projectComplianceChecks,
  projects,
} from '@baton/db/schema';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';

export type StandardRow = typeof pmoStandards.$inferSelect;
export type ItemRow = typeof complianceItems.$inferSelect;
export type WaiverRow = typeof complianceWaivers.$inferSelect;
export type CheckRow = typeof projectComplianceChecks.$inferSelect;
type StandardInsert = typeof pmoStandards.$inferInsert;
type ItemInsert = typeof complianceItems.$inferInsert;

/** Storage of PMO standards (every version), manual checklist items, waivers and project attestations. */
export class StandardsRepository {
  async standards(db: Database): Promise<StandardRow[]> {
    return db.select().from(pmoStandards).orderBy(asc(pmoStandards.key), asc(pmoStandards.standardVersion));
  }

  async standard(db: Database, id: string): Promise<StandardRow | null> {
    const [row] = await db.select().from(pmoStandards).where(eq(pmoStandards.id, id));
    return row ?? null;
  }

  async versionsOf(db: Database, key: string): Promise<StandardRow[]> {
    return db
      .select()
      .from(pmoStandards)
      .where(eq(pmoStandards.key, key))
      .orderBy(asc(pmoStandards.standardVersion));
  }

  async insertStandard(db: Database, values: StandardInsert): Promise<StandardRow> {
    const [row] = await db.insert(pmoStandards).values(values).returning();
    return row as StandardRow;
  }

  async updateStandard(
    db: Database,
    id: string,
    version: number,
    patch: Partial<StandardInsert>,
    by: string | null,
  ): Promise<StandardRow | null> {
    const [row] = await db
      .update(pmoStandards)
      .set({ ...patch, version: version + 1, updatedAt: new Date(), updatedBy: by })
      .where(and(eq(pmoStandards.id, id), eq(pmoStandards.version, version)))
      .returning();
    return row ?? null;
  }

  /** Marks the published versions of a key other than `exceptId` superseded. */
  async supersede(db: Database, key: string, exceptId: string, by: string | null): Promise<StandardRow[]> {
    const rows = await db
      .select()
      .from(pmoStandards)
      .where(and(eq(pmoStandards.key, key), eq(pmoStandards.status, 'published')));
    const out: StandardRow[] = [];
    for (const r of rows.filter((x) => x.id !== exceptId)) {
      const [u] = await db
        .update(pmoStandards)
        .set({ status: 'superseded', version: r.version + 1, updatedAt: new Date(), updatedBy: by })
        .where(eq(pmoStandards.id, r.id))
        .returning();
      if (u) out.push(u);
    }
    return out;
  }

  async items(db: Database): Promise<ItemRow[]> {
    return db.select().from(complianceItems).orderBy(asc(complianceItems.createdAt), asc(complianceItems.id));
  }

  async item(db: Database, id: string): Promise<ItemRow | null> {
    const [row] = await db.select().from(complianceItems).where(eq(complianceItems.id, id));
    return row ?? null;
  }

  async insertItem(db: Database, values: ItemInsert): Promise<ItemRow> {
    const [row] = await db.insert(complianceItems).values(values).returning();
    return row as ItemRow;
  }

  async updateItem(
    db: Database,
    id: string,
    version: number,
    patch: Partial<ItemInsert>,
    by: string | null,
  ): Promise<ItemRow | null> {
    const [row] = await db
      .update(complianceItems)
      .set({ ...patch, version: version + 1, updatedAt: new Date(), updatedBy: by })
      .where(and(eq(complianceItems.id, id), eq(complianceItems.version, version)))
      .returning();
    return row ?? null;
  }

  async waivers(db: Database): Promise<WaiverRow[]> {
    return db.select().from(complianceWaivers);
  }

  async waiver(db: Database, itemId: string, orgUnitId: string): Promise<WaiverRow | null> {
    const [row] = await db
      .select()
      .from(complianceWaivers)
      .where(and(eq(complianceWaivers.itemId, itemId), eq(complianceWaivers.orgUnitId, orgUnitId)));
    return row ?? null;
  }

  async insertWaiver(db: Database, values: typeof complianceWaivers.$inferInsert): Promise<void> {
    await db.insert(complianceWaivers).values(values);
  }

  async deleteWaiver(db: Database, itemId: string, orgUnitId: string): Promise<void> {
    await db
      .delete(complianceWaivers)
      .where(and(eq(complianceWaivers.itemId, itemId), eq(complianceWaivers.orgUnitId, orgUnitId)));
  }

  async checks(db: Database, projectIds?: readonly string[]): Promise<CheckRow[]> {
    if (projectIds && projectIds.length === 0) return [];
    const q = db.select().from(projectComplianceChecks);
    return projectIds ? q.where(inArray(projectComplianceChecks.projectId, [...projectIds])) : q;
  }

  async check(db: Database, projectId: string, itemId: string): Promise<CheckRow | null> {
    const [row] = await db
      .select()
      .from(projectComplianceChecks)
      .where(
        and(eq(projectComplianceChecks.projectId, projectId), eq(projectComplianceChecks.itemId, itemId)),
      );
    return row ?? null;
  }

  async upsertCheck(db: Database, values: typeof projectComplianceChecks.$inferInsert): Promise<void> {
    await db
      .insert(projectComplianceChecks)
      .values(values)
      .onConflictDoUpdate({
        target: [projectComplianceChecks.projectId, projectComplianceChecks.itemId],
        set: {
          met: values.met,
          note: values.note ?? null,
          checkedAt: new Date(),
          checkedBy: values.checkedBy,
        },
      });
  }

  async units(db: Database) {
    return db.select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId }).from(orgUnits);
  }

  async projectUnits(db: Database) {
    return db
      .select({ id: projects.id, orgUnitId: projects.orgUnitId })
      .from(projects)
      .where(isNull(projects.deletedAt));
  }
}
