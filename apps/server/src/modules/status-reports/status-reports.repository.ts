import type { Database } from '@baton/db';
import { statusReportComments, statusReports } from '@baton/db/schema';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';

export type StatusReportRow = typeof statusReports.$inferSelect;
export type StatusCommentRow = typeof statusReportComments.$inferSelect;
type ReportInsert = typeof statusReports.$inferInsert;

/** Storage of status reports and their comment threads. */
export class StatusReportsRepository {
  async list(
    db: Database,
    q: { projectIds?: readonly string[]; period?: string },
  ): Promise<StatusReportRow[]> {
    if (q.projectIds && q.projectIds.length === 0) return [];
    const where = [
      q.projectIds ? inArray(statusReports.projectId, [...q.projectIds]) : undefined,
      q.period ? eq(statusReports.period, q.period) : undefined,
    ].filter((x) => x !== undefined);
    return db
      .select()
      .from(statusReports)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(statusReports.period), asc(statusReports.projectId));
  }

  async get(db: Database, id: string): Promise<StatusReportRow | null> {
    const [row] = await db.select().from(statusReports).where(eq(statusReports.id, id));
    return row ?? null;
  }

  async of(db: Database, projectId: string, period: string): Promise<StatusReportRow | null> {
    const [row] = await db
      .select()
      .from(statusReports)
      .where(and(eq(statusReports.projectId, projectId), eq(statusReports.period, period)));
    return row ?? null;
  }

  async insert(db: Database, values: ReportInsert): Promise<StatusReportRow> {
    const [row] = await db.insert(statusReports).values(values).returning();
    return row as StatusReportRow;
  }

  async update(
    db: Database,
    id: string,
    version: number,
    patch: Partial<ReportInsert>,
    by: string | null,
  ): Promise<StatusReportRow | null> {
    const [row] = await db
      .update(statusReports)
      .set({ ...patch, version: version + 1, updatedAt: new Date(), updatedBy: by })
      .where(and(eq(statusReports.id, id), eq(statusReports.version, version)))
      .returning();
    return row ?? null;
  }

  async comments(db: Database, reportIds: readonly string[]): Promise<StatusCommentRow[]> {
    if (reportIds.length === 0) return [];
    return db
      .select()
      .from(statusReportComments)
      .where(inArray(statusReportComments.reportId, [...reportIds]))
      .orderBy(asc(statusReportComments.createdAt));
  }

  async commentCounts(db: Database, reportIds: readonly string[]): Promise<Map<string, number>> {
    if (reportIds.length === 0) return new Map();
    const rows = await db
      .select({ id: statusReportComments.reportId, n: sql<number>`count(*)::int` })
      .from(statusReportComments)
      .where(inArray(statusReportComments.reportId, [...reportIds]))
      .groupBy(statusReportComments.reportId);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  async addComment(db: Database, values: typeof statusReportComments.$inferInsert): Promise<void> {
    await db.insert(statusReportComments).values(values);
  }

  /** Per project: whether a report for the period was submitted (submitted or reviewed). */
  async submittedFor(db: Database, period: string): Promise<Set<string>> {
    const rows = await db
      .select({ projectId: statusReports.projectId })
      .from(statusReports)
      .where(and(eq(statusReports.period, period), inArray(statusReports.status, ['submitted', 'reviewed'])));
    return new Set(rows.map((r) => r.projectId));
  }
}
