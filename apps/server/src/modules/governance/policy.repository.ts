import type { Database } from '@baton/db';
import { orgUnits, pmoPolicies, projects } from '@baton/db/schema';
import { eq } from 'drizzle-orm';

export type PolicyRow = typeof pmoPolicies.$inferSelect;

/** Storage of each org unit's PMO policy. */
export class PolicyRepository {
  async all(db: Database): Promise<PolicyRow[]> {
    return db.select().from(pmoPolicies);
  }

  async of(db: Database, orgUnitId: string): Promise<PolicyRow | null> {
    const [row] = await db.select().from(pmoPolicies).where(eq(pmoPolicies.orgUnitId, orgUnitId));
    return row ?? null;
  }

  async insert(db: Database, orgUnitId: string, settings: PolicyRow['settings'], by: string | null) {
    const [row] = await db.insert(pmoPolicies).values({ orgUnitId, settings, updatedBy: by }).returning();
    return row as PolicyRow;
  }

  async update(
    db: Database,
    orgUnitId: string,
    settings: PolicyRow['settings'],
    version: number,
    by: string | null,
  ) {
    const [row] = await db
      .update(pmoPolicies)
      .set({ settings, version: version + 1, updatedAt: new Date(), updatedBy: by })
      .where(eq(pmoPolicies.orgUnitId, orgUnitId))
      .returning();
    return row as PolicyRow;
  }

  async units(db: Database) {
    return db.select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId }).from(orgUnits);
  }

  async projectUnits(db: Database) {
    return db.select({ id: projects.id, orgUnitId: projects.orgUnitId }).from(projects);
  }
}
