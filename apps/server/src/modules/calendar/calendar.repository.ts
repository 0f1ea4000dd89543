import type { Database } from '@baton/db';
import { baselines, baselineTasks, calendarFeeds, projects, tasks, users } from '@baton/db/schema';
import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';

export type FeedRow = typeof calendarFeeds.$inferSelect;

/** Storage of calendar feed token hashes, and the milestones a feed lists. */
export class CalendarRepository {
  async get(db: Database, userId: string): Promise<FeedRow | null> {
    const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    return row ?? null;
  }

  /** The active user a token hash belongs to. */
  async ownerOf(db: Database, tokenHash: string): Promise<string | null> {
    const [row] = await db
      .select({ userId: calendarFeeds.userId })
      .from(calendarFeeds)
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .where(and(eq(calendarFeeds.tokenHash, tokenHash), eq(users.active, true)));
    return row?.userId ?? null;
  }

  /** One feed per user: a new token replaces the old hash, so the old URL stops working at once. */
  async put(db: Database, userId: string, tokenHash: string): Promise<FeedRow> {
    const now = new Date();
    const [row] = await db
      .insert(calendarFeeds)
      .values({ userId, tokenHash, createdAt: now })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now } })
      .returning();
    return row as FeedRow;
  }

  async remove(db: Database, userId: string): Promise<boolean> {
    const rows = await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning();
    return rows.length > 0;
  }

  async projects(db: Database) {
    return db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        orgUnitId: projects.orgUnitId,
        portfolioId: projects.portfolioId,
      })
      .from(projects)
      .where(isNull(projects.deletedAt));
  }

  /** Milestones of these projects planned (start or finish) within [from, to], with their Baseline 0 date. */
  async milestones(db: Database, projectIds: readonly string[], from: string, to: string) {
    if (projectIds.length === 0) return [];
    const rows = await db
      .select({
        id: tasks.id,
        projectId: tasks.projectId,
        name: tasks.name,
        start: tasks.start,
        finish: tasks.finish,
        actualFinish: tasks.actualFinish,
        percentComplete: tasks.percentComplete,
      })
      .from(tasks)
      .where(
        and(
          inArray(tasks.projectId, [...projectIds]),
          eq(tasks.milestone, true),
          or(
            and(gte(tasks.finish, from), lte(tasks.finish, `${to}T99`)),
            and(gte(tasks.start, from), lte(tasks.start, `${to}T99`)),
          ),
        ),
      );
    if (rows.length === 0) return [];
    const base = await db
      .select({ taskId: baselineTasks.taskId, finish: baselineTasks.finish })
      .from(baselineTasks)
      .innerJoin(baselines, eq(baselines.id, baselineTasks.baselineId))
      .where(
        and(
          eq(baselines.number, 0),
          inArray(
            baselineTasks.taskId,
            rows.map((r) => r.id),
          ),
        ),
      );
    const baseline = new Map(base.map((b) => [b.taskId, b.finish]));
    return rows.map((r) => ({ ...r, baselineFinish: baseline.get(r.id) ?? null }));
  }
}
