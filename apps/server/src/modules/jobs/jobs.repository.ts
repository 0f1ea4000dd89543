import type { Database } from '@baton/db';
import { jobs } from '@baton/db/schema';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';

export type JobRow = typeof jobs.$inferSelect;
type JobInsert = typeof jobs.$inferInsert;

/** Storage of the job queue. Claiming uses FOR UPDATE SKIP LOCKED, so workers never share a job. */
export class JobsRepository {
  async insert(db: Database, values: JobInsert): Promise<JobRow | null> {
    const [row] = await db.insert(jobs).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }

  async get(db: Database, id: string): Promise<JobRow | null> {
    const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    return row ?? null;
  }

  /** The waiting job of a dedupe key, if any. */
  async pending(db: Database, dedupeKey: string): Promise<JobRow | null> {
    const [row] = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.dedupeKey, dedupeKey), eq(jobs.status, 'queued')));
    return row ?? null;
  }

  async list(
    db: Database,
    q: { kind?: string | undefined; createdBy?: string | undefined; limit: number },
  ): Promise<JobRow[]> {
    const where = [
      q.kind ? eq(jobs.kind, q.kind) : undefined,
      q.createdBy ? eq(jobs.createdBy, q.createdBy) : undefined,
    ].filter((w) => w !== undefined);
    return db
      .select()
      .from(jobs)
      .where(where.length ? and(...where) : undefined)
      .orderBy(desc(jobs.createdAt))
      .limit(q.limit);
  }

  /** Takes the oldest job that is due and of a kind this worker runs; null when there is none. */
  async claim(db: Database, worker: string, kinds: readonly string[]): Promise<JobRow | null> {
    if (kinds.length === 0) return null;
    return db.transaction(async (tx) => {
      const [next] = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.status, 'queued'), sql`${jobs.runAt} <= now()`, inArray(jobs.kind, [...kinds])))
        .orderBy(jobs.runAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!next) return null;
      const [row] = await tx
        .update(jobs)
        .set({
          status: 'running',
          lockedAt: sql`now()`,
          lockedBy: worker,
          attempts: sql`${jobs.attempts} + 1`,
          startedAt: sql`coalesce(${jobs.startedAt}, now())`,
        })
        .where(eq(jobs.id, next.id))
        .returning();
      return row ?? null;
    });
  }

  /** Progress of a running job; also its heartbeat (the lock is renewed). */
  async progress(db: Database, id: string, progress: number, message: string | null): Promise<void> {
    await db
      .update(jobs)
      .set({ progress, progressMessage: message, lockedAt: sql`now()` })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
  }

  async finish(
    db: Database,
    id: string,
    patch: Pick<Partial<JobInsert>, 'status' | 'result' | 'error' | 'runAt' | 'progress'>,
  ): Promise<void> {
    const done = patch.status === 'succeeded' || patch.status === 'failed';
    await db
      .update(jobs)
      .set({
        ...patch,
        lockedAt: null,
        lockedBy: null,
        ...(done ? { finishedAt: sql`now()` } : {}),
      })
      .where(eq(jobs.id, id));
  }

  /** Cancels a job that has not finished; false when it had. */
  async cancel(db: Database, id: string): Promise<boolean> {
    const rows = await db
      .update(jobs)
      .set({ status: 'cancelled', finishedAt: sql`now()`, lockedAt: null, lockedBy: null })
      .where(and(eq(jobs.id, id), inArray(jobs.status, ['queued', 'running'])))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  async isCancelled(db: Database, id: string): Promise<boolean> {
    const [row] = await db.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, id));
    return row?.status === 'cancelled';
  }

  /** Running jobs whose worker stopped renewing the lock (it died): back in the queue. */
  async requeueAbandoned(db: Database, olderThan: Date): Promise<number> {
    const rows = await db
      .update(jobs)
      .set({ status: 'queued', lockedAt: null, lockedBy: null })
      .where(and(eq(jobs.status, 'running'), lt(jobs.lockedAt, olderThan)))
      .returning({ id: jobs.id });
    return rows.length;
  }
}
