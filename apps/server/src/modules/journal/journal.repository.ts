import type { FieldChange } from '@baton/core';
import type { Database } from '@baton/db';
import { journal, users } from '@baton/db/schema';
import { and, count, desc, eq } from 'drizzle-orm';

export type JournalInput = {
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  changes: FieldChange[];
  requestId: string | null;
};

export type JournalRow = {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string;
  action: string;
  changes: FieldChange[];
};

/** Append-only: entries are written inside the transaction of the change they record. */
export class JournalRepository {
  async append(tx: Database, entry: JournalInput): Promise<void> {
    await tx.insert(journal).values(entry);
  }

  async list(
    db: Database,
    filter: { entityType?: string; entityId?: string },
    page: { limit: number; offset: number },
  ): Promise<{ rows: JournalRow[]; total: number }> {
    const where = and(
      filter.entityType ? eq(journal.entityType, filter.entityType) : undefined,
      filter.entityId ? eq(journal.entityId, filter.entityId) : undefined,
    );
    const [totalRow] = await db.select({ n: count() }).from(journal).where(where);
    const rows = await db
      .select({
        id: journal.id,
        at: journal.at,
        actorId: journal.actorId,
        actorName: users.name,
        entityType: journal.entityType,
        entityId: journal.entityId,
        action: journal.action,
        changes: journal.changes,
      })
      .from(journal)
      .leftJoin(users, eq(users.id, journal.actorId))
      .where(where)
      .orderBy(desc(journal.id))
      .limit(page.limit)
      .offset(page.offset);
    return { rows, total: Number(totalRow?.n ?? 0) };
  }
}
