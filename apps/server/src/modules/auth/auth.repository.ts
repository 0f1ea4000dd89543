import type { Grant } from '@baton/core';
import type { Database } from '@baton/db';
import { apiTokens, roleAssignments, sessions, users } from '@baton/db/schema';
import { and, desc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';

/** The caller's grants, fetched in the same round trip as the session or token. */
const grantsJson = sql<
  Grant[]
>`coalesce((select json_agg(json_build_object('role', ra.role, 'scopeType', ra.scope_type, 'scopeId', ra.scope_id)) from ${roleAssignments} ra where ra.user_id = ${users.id}), '[]'::json)`;

export type SessionRow = {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  email: string;
  name: string;
  active: boolean;
  grants: Grant[];
};

export type TokenRow = typeof apiTokens.$inferSelect;

export class AuthRepository {
  constructor(private readonly db: Database) {}

  async findUserByEmail(email: string) {
    const [row] = await this.db.select().from(users).where(eq(users.email, email));
    return row ?? null;
  }

  async findUserById(id: string) {
    const [row] = await this.db.select().from(users).where(eq(users.id, id));
    return row ?? null;
  }

  async insertSession(s: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  }): Promise<void> {
    await this.db.insert(sessions).values(s);
  }

  async findSession(tokenHash: string): Promise<SessionRow | null> {
    const [row] = await this.db
      .select({
        tokenHash: sessions.tokenHash,
        userId: sessions.userId,
        csrfToken: sessions.csrfToken,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        email: users.email,
        name: users.name,
        active: users.active,
        grants: grantsJson,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, tokenHash));
    return row ?? null;
  }

  async touchSession(tokenHash: string, at: Date): Promise<void> {
    await this.db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.tokenHash, tokenHash));
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  }

  /** Revokes every session of a user but the one kept (if any). */
  async deleteSessionsOf(tx: Database, userId: string, keepTokenHash: string | null): Promise<void> {
    await tx
      .delete(sessions)
      .where(
        and(eq(sessions.userId, userId), keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined),
      );
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    await this.db.delete(sessions).where(sql`${sessions.expiresAt} < ${now}`);
  }

  async setPassword(tx: Database, userId: string, passwordHash: string, at: Date): Promise<void> {
    await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: at,
        updatedAt: at,
        updatedBy: userId,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, userId));
  }

  async insertToken(
    tx: Database,
    t: {
      userId: string;
      name: string;
      tokenHash: string;
      prefix: string;
      expiresAt: Date | null;
    },
  ): Promise<TokenRow> {
    const [row] = await tx.insert(apiTokens).values(t).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async findActiveToken(tokenHash: string, now: Date) {
    const [row] = await this.db
      .select({
        token: apiTokens,
        email: users.email,
        name: users.name,
        active: users.active,
        grants: grantsJson,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        ),
      );
    return row ?? null;
  }

  async touchToken(id: string, at: Date): Promise<void> {
    await this.db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
  }

  listTokens(userId: string): Promise<TokenRow[]> {
    return this.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.createdAt));
  }

  async revokeToken(tx: Database, userId: string, id: string, at: Date): Promise<boolean> {
    const rows = await tx
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length > 0;
  }
}
