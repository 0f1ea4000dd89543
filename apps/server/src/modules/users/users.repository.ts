import type { Database } from '@baton/db';
import { roleAssignments, sessions, users } from '@baton/db/schema';
import { and, asc, count, eq, exists, ilike, or, type SQL, sql } from 'drizzle-orm';

export type UserRow = typeof users.$inferSelect;

export class UsersRepository {
  constructor(private readonly db: Database) {}

  async list(
    filter: { q?: string | undefined; active?: boolean | undefined; role?: string | undefined },
    page: { limit: number; offset: number },
  ): Promise<{ rows: UserRow[]; total: number }> {
    const conditions: (SQL | undefined)[] = [];
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(ilike(users.name, like), ilike(users.email, like)));
    }
    if (filter.active !== undefined) conditions.push(eq(users.active, filter.active));
    if (filter.role) {
      conditions.push(
        exists(
          this.db
            .select({ one: sql`1` })
            .from(roleAssignments)
            .where(and(eq(roleAssignments.userId, users.id), eq(roleAssignments.role, filter.role))),
        ),
      );
    }
    const where = and(...conditions);
    const [total] = await this.db.select({ n: count() }).from(users).where(where);
    const rows = await this.db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(page.limit)
      .offset(page.offset);
    return { rows, total: Number(total?.n ?? 0) };
  }

  async get(db: Database, id: string): Promise<UserRow | null> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row ?? null;
  }

  async emailTaken(db: Database, email: string): Promise<boolean> {
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return row !== undefined;
  }

  async insert(
    tx: Database,
    values: { email: string; name: string; passwordHash: string; createdBy: string | null },
  ): Promise<UserRow> {
    const [row] = await tx
      .insert(users)
      .values({ ...values, updatedBy: values.createdBy })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  /** Applies the change only if the version still matches; null when someone else got there first. */
  async update(
    tx: Database,
    id: string,
    version: number,
    values: Partial<Pick<UserRow, 'name' | 'active' | 'passwordHash' | 'passwordChangedAt'>>,
    actorId: string | null,
  ): Promise<UserRow | null> {
    const [row] = await tx
      .update(users)
      .set({ ...values, version: sql`${users.version} + 1`, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning();
    return row ?? null;
  }

  async revokeSessions(tx: Database, userId: string): Promise<void> {
    await tx.delete(sessions).where(eq(sessions.userId, userId));
  }

  async insertGrant(
    tx: Database,
    g: { userId: string; role: string; scopeType: string; scopeId: string | null; createdBy: string | null },
  ): Promise<{ id: string } | null> {
    const [row] = await tx
      .insert(roleAssignments)
      .values(g)
      .onConflictDoNothing()
      .returning({ id: roleAssignments.id });
    return row ?? null;
  }

  async deleteGrant(tx: Database, userId: string, grantId: string) {
    const [row] = await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.id, grantId), eq(roleAssignments.userId, userId)))
      .returning();
    return row ?? null;
  }

  async countUsers(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(users);
    return Number(row?.n ?? 0);
  }
}
