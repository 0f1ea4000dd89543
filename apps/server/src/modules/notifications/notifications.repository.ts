import type { Database } from '@baton/db';
import { notifications, projects, roleAssignments, users } from '@baton/db/schema';
import { and, count, desc, eq, inArray, isNull, or } from 'drizzle-orm';

export type NotificationRow = typeof notifications.$inferSelect;

/** Storage of in-app notifications, and who holds which grants (to find whom to tell). */
export class NotificationsRepository {
  async insertMany(
    db: Database,
    rows: readonly {
      userId: string;
      kind: string;
      title: string;
      body: string | null;
      link: string | null;
    }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await db.insert(notifications).values([...rows]);
  }

  async list(
    db: Database,
    userId: string,
    q: { unread: boolean; limit: number },
  ): Promise<NotificationRow[]> {
    return db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), q.unread ? isNull(notifications.readAt) : undefined))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.limit);
  }

  async unreadCount(db: Database, userId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return Number(row?.n ?? 0);
  }

  async get(db: Database, id: string): Promise<NotificationRow | null> {
    const [row] = await db.select().from(notifications).where(eq(notifications.id, id));
    return row ?? null;
  }

  async markRead(db: Database, id: string, userId: string): Promise<NotificationRow | null> {
    const [row] = await db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning();
    return row ?? null;
  }

  async markAllRead(db: Database, userId: string): Promise<number> {
    const rows = await db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  }

  /** The users among these who were already told this (same kind and link): reminders go out once. */
  async alreadyTold(
    db: Database,
    userIds: readonly string[],
    kind: string,
    link: string,
  ): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(
        and(
          inArray(notifications.userId, [...userIds]),
          eq(notifications.kind, kind),
          eq(notifications.link, link),
        ),
      );
    return new Set(rows.map((r) => r.userId));
  }

  /** Active users holding one of these roles on the organisation or on one of these org units. */
  async holdersAt(db: Database, roles: readonly string[], orgUnitIds: readonly string[]): Promise<string[]> {
    if (roles.length === 0) return [];
    const rows = await db
      .selectDistinct({ userId: roleAssignments.userId })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(
        and(
          eq(users.active, true),
          inArray(roleAssignments.role, [...roles]),
          or(
            eq(roleAssignments.scopeType, 'organisation'),
            orgUnitIds.length
              ? and(
                  eq(roleAssignments.scopeType, 'org_unit'),
                  inArray(roleAssignments.scopeId, [...orgUnitIds]),
                )
              : undefined,
          ),
        ),
      );
    return rows.map((r) => r.userId);
  }

  async emailsOf(db: Database, userIds: readonly string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(inArray(users.id, [...userIds]), eq(users.active, true)));
    return new Map(rows.map((r) => [r.id, r.email]));
  }

  /** Code, name, manager and unit of live projects (all of them when no ids are given). */
  async projectBriefs(db: Database, ids?: readonly string[]) {
    if (ids && ids.length === 0) return [];
    return db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        managerId: projects.managerId,
        orgUnitId: projects.orgUnitId,
      })
      .from(projects)
      .where(and(isNull(projects.deletedAt), ids ? inArray(projects.id, [...ids]) : undefined));
  }
}
