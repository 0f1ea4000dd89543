import type { Database } from '@baton/db';
import { healthRuleSets, orgUnits, projects } from '@baton/db/schema';
import { and, eq } from 'drizzle-orm';

export type HealthRuleSetRow = typeof healthRuleSets.$inferSelect;

/** Storage of the PMO's health rules, one set per org unit that sets its own. */
export class HealthRulesRepository {
  async all(db: Database): Promise<HealthRuleSetRow[]> {
    return db.select().from(healthRuleSets);
  }

  async of(db: Database, orgUnitId: string): Promise<HealthRuleSetRow | null> {
    const [row] = await db.select().from(healthRuleSets).where(eq(healthRuleSets.orgUnitId, orgUnitId));
    return row ?? null;
  }

  async insert(db: Database, orgUnitId: string, rules: Record<string, unknown>[], by: string | null) {
    await db.insert(healthRuleSets).values({ orgUnitId, rules, updatedBy: by });
  }

  async update(
    db: Database,
    orgUnitId: string,
    version: number,
    rules: Record<string, unknown>[],
    by: string | null,
  ): Promise<boolean> {
    const rows = await db
      .update(healthRuleSets)
      .set({ rules, version: version + 1, updatedAt: new Date(), updatedBy: by })
      .where(and(eq(healthRuleSets.orgUnitId, orgUnitId), eq(healthRuleSets.version, version)))
      .returning({ id: healthRuleSets.orgUnitId });
    return rows.length > 0;
  }

  async remove(db: Database, orgUnitId: string): Promise<void> {
    await db.delete(healthRuleSets).where(eq(healthRuleSets.orgUnitId, orgUnitId));
  }

  async units(db: Database) {
    return db.select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId }).from(orgUnits);
  }

  async projectUnit(db: Database, projectId: string): Promise<string | null> {
    const [row] = await db
      .select({ orgUnitId: projects.orgUnitId })
      .from(projects)
      .where(eq(projects.id, projectId));
    return row?.orgUnitId ?? null;
  }
}
