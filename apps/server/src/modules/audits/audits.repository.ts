import type { Database } from '@baton/db';
import { auditFindings, audits, orgUnits } from '@baton/db/schema';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';

export type AuditRow = typeof audits.$inferSelect;
export type FindingRow = typeof auditFindings.$inferSelect;
type AuditInsert = typeof audits.$inferInsert;
type FindingInsert = typeof auditFindings.$inferInsert;

/** Storage of audits and peer reviews, and their findings. */
export class AuditsRepository {
  async audits(db: Database): Promise<AuditRow[]> {
    return db
      .select()
      .from(audits)
      .where(isNull(audits.deletedAt))
      .orderBy(asc(audits.scheduledFor), asc(audits.code));
  }

  async audit(db: Database, id: string): Promise<AuditRow | null> {
    const [row] = await db
      .select()
      .from(audits)
      .where(and(eq(audits.id, id), isNull(audits.deletedAt)));
    return row ?? null;
  }

  async insertAudit(db: Database, values: AuditInsert): Promise<AuditRow> {
    const [row] = await db.insert(audits).values(values).returning();
    return row as AuditRow;
  }

  async updateAudit(
    db: Database,
    id: string,
    version: number,
    patch: Partial<AuditInsert>,
    by: string | null,
  ): Promise<AuditRow | null> {
    const [row] = await db
      .update(audits)
      .set({ ...patch, version: version + 1, updatedAt: new Date(), updatedBy: by })
      .where(and(eq(audits.id, id), eq(audits.version, version)))
      .returning();
    return row ?? null;
  }

  async findings(db: Database, auditIds?: readonly string[]): Promise<FindingRow[]> {
    if (auditIds && auditIds.length === 0) return [];
    const q = db.select().from(auditFindings);
    return (auditIds ? q.where(inArray(auditFindings.auditId, [...auditIds])) : q).orderBy(
      asc(auditFindings.code),
    );
  }

  async finding(db: Database, id: string): Promise<FindingRow | null> {
    const [row] = await db.select().from(auditFindings).where(eq(auditFindings.id, id));
    return row ?? null;
  }

  async insertFinding(db: Database, values: FindingInsert): Promise<FindingRow> {
    const [row] = await db.insert(auditFindings).values(values).returning();
    return row as FindingRow;
  }

  async updateFinding(
    db: Database,
    id: string,
    version: number,
    patch: Partial<FindingInsert>,
    by: string | null,
  ): Promise<FindingRow | null> {
    const [row] = await db
      .update(auditFindings)
      .set({ ...patch, version: version + 1, updatedAt: new Date(), updatedBy: by })
      .where(and(eq(auditFindings.id, id), eq(auditFindings.version, version)))
      .returning();
    return row ?? null;
  }

  async orgUnitNames(db: Database): Promise<Map<string, string>> {
    const rows = await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
