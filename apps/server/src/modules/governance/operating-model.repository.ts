import type { Database } from '@baton/db';
import { gateWaivers, orgUnits, projects, users } from '@baton/db/schema';
import { and, asc, eq } from 'drizzle-orm';

export type WaiverRow = typeof gateWaivers.$inferSelect;

/** Org units with their operating model, and the PMO's waivers of gate items. */
export class OperatingModelRepository {
  async units(db: Database) {
    return db
      .select({
        id: orgUnits.id,
        name: orgUnits.name,
        parentId: orgUnits.parentId,
        pmoModel: orgUnits.pmoModel,
      })
      .from(orgUnits);
  }

  async projectUnit(db: Database, projectId: string): Promise<string | null> {
    const [row] = await db
      .select({ orgUnitId: projects.orgUnitId })
      .from(projects)
      .where(eq(projects.id, projectId));
    return row?.orgUnitId ?? null;
  }

  async waivers(db: Database, projectId: string, phaseKey?: string) {
    return db
      .select({
        id: gateWaivers.id,
        projectId: gateWaivers.projectId,
        phaseKey: gateWaivers.phaseKey,
        itemKey: gateWaivers.itemKey,
        reason: gateWaivers.reason,
        waivedBy: gateWaivers.waivedBy,
        waivedByName: users.name,
        createdAt: gateWaivers.createdAt,
      })
      .from(gateWaivers)
      .leftJoin(users, eq(users.id, gateWaivers.waivedBy))
      .where(
        phaseKey === undefined
          ? eq(gateWaivers.projectId, projectId)
          : and(eq(gateWaivers.projectId, projectId), eq(gateWaivers.phaseKey, phaseKey)),
      )
      .orderBy(asc(gateWaivers.createdAt));
  }

  async waiver(db: Database, id: string): Promise<WaiverRow | null> {
    const [row] = await db.select().from(gateWaivers).where(eq(gateWaivers.id, id));
    return row ?? null;
  }

  /** Inserts a waiver; null when the item is already waived at that gate. */
  async insertWaiver(tx: Database, values: typeof gateWaivers.$inferInsert): Promise<WaiverRow | null> {
    const [row] = await tx.insert(gateWaivers).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }

  async deleteWaiver(tx: Database, id: string): Promise<void> {
    await tx.delete(gateWaivers).where(eq(gateWaivers.id, id));
  }
}
