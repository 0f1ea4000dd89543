import type { Database } from '@baton/db';
import { orgUnits, reportFiles, reportSchedules, users } from '@baton/db/schema';
import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';

export type ScheduleRow = typeof reportSchedules.$inferSelect;
type ScheduleInsert = typeof reportSchedules.$inferInsert;
export type FileRow = typeof reportFiles.$inferSelect;

/** Storage of report schedules and the files they saved. */
export class DeliveryRepository {
  async list(db: Database): Promise<ScheduleRow[]> {
    return db.select().from(reportSchedules).orderBy(asc(reportSchedules.name), asc(reportSchedules.id));
  }

  async get(db: Database, id: string): Promise<ScheduleRow | null> {
    const [row] = await db.select().from(reportSchedules).where(eq(reportSchedules.id, id));
    return row ?? null;
  }

  async insert(db: Database, values: ScheduleInsert): Promise<ScheduleRow> {
    const [row] = await db.insert(reportSchedules).values(values).returning();
    return row as ScheduleRow;
  }

  /** Writes a change if the version still matches; null when someone else changed it first. */
  async update(db: Database, id: string, version: number, patch: Partial<ScheduleInsert>, by: string | null) {
    const [row] = await db
      .update(reportSchedules)
      .set({ ...patch, version: version + 1, updatedAt: new Date(), updatedBy: by })
      .where(and(eq(reportSchedules.id, id), eq(reportSchedules.version, version)))
      .returning();
    return row ?? null;
  }

  /** Run bookkeeping (next/last run, status): not a user's edit, so the version stays. */
  async mark(db: Database, id: string, patch: Partial<ScheduleInsert>): Promise<void> {
    await db.update(reportSchedules).set(patch).where(eq(reportSchedules.id, id));
  }

  async remove(db: Database, id: string, version: number): Promise<boolean> {
    const rows = await db
      .delete(reportSchedules)
      .where(and(eq(reportSchedules.id, id), eq(reportSchedules.version, version)))
      .returning({ id: reportSchedules.id });
    return rows.length > 0;
  }

  async due(db: Database, now: Date): Promise<ScheduleRow[]> {
    return db
      .select()
      .from(reportSchedules)
      .where(and(eq(reportSchedules.enabled, true), lte(reportSchedules.nextRunAt, now)));
  }

  async unitNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: orgUnits.id, name: orgUnits.name })
      .from(orgUnits)
      .where(inArray(orgUnits.id, [...ids]));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async userNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [...ids]));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async insertFile(db: Database, values: typeof reportFiles.$inferInsert): Promise<Omit<FileRow, 'content'>> {
    const [row] = await db.insert(reportFiles).values(values).returning({
      id: reportFiles.id,
      scheduleId: reportFiles.scheduleId,
      fileName: reportFiles.fileName,
      contentType: reportFiles.contentType,
      sizeBytes: reportFiles.sizeBytes,
      createdBy: reportFiles.createdBy,
      createdAt: reportFiles.createdAt,
    });
    return row as Omit<FileRow, 'content'>;
  }

  async files(db: Database, q: { scheduleIds: readonly string[]; limit: number }) {
    if (q.scheduleIds.length === 0) return [];
    return db
      .select({
        id: reportFiles.id,
        scheduleId: reportFiles.scheduleId,
        fileName: reportFiles.fileName,
        contentType: reportFiles.contentType,
        sizeBytes: reportFiles.sizeBytes,
        createdAt: reportFiles.createdAt,
      })
      .from(reportFiles)
      .where(inArray(reportFiles.scheduleId, [...q.scheduleIds]))
      .orderBy(desc(reportFiles.createdAt), desc(reportFiles.id))
      .limit(q.limit);
  }

  async file(db: Database, id: string): Promise<FileRow | null> {
    const [row] = await db.select().from(reportFiles).where(eq(reportFiles.id, id));
    return row ?? null;
  }
}
