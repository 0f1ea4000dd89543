import type { Notification, NotificationList } from '@baton/contracts';
import { type Action, ROLES, roleAllows } from '@baton/core';
import type { Database } from '@baton/db';
import { notFound } from '../../http/problem.ts';
import type { Actor } from '../access/access.service.ts';
import type { NotificationRow, NotificationsRepository } from './notifications.repository.ts';

export type NewNotification = { kind: string; title: string; body?: string | null; link?: string | null };

const toDto = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt?.toISOString() ?? null,
});

/** In-app notifications: the one way anything in Baton tells a user something happened. */
export class NotificationsService {
  constructor(
    private readonly db: Database,
    private readonly repo: NotificationsRepository,
  ) {}

  /** Tells each of these users (duplicates and nulls dropped); `except` is the one who acted. */
  async notify(
    userIds: readonly (string | null | undefined)[],
    n: NewNotification,
    except?: string | null,
  ): Promise<number> {
    const to = [...new Set(userIds.filter((u): u is string => !!u && u !== except))];
    await this.repo.insertMany(
      this.db,
      to.map((userId) => ({
        userId,
        kind: n.kind,
        title: n.title.slice(0, 300),
        body: n.body ?? null,
        link: n.link ?? null,
      })),
    );
    return to.length;
  }

  /** The users among these already told of this kind and link (for things said once, like reminders). */
  alreadyTold(userIds: readonly string[], kind: string, link: string): Promise<Set<string>> {
    return this.repo.alreadyTold(this.db, userIds, kind, link);
  }

  /** Active users granted an action by a role on the organisation or on one of these org units. */
  holdersAt(action: Action, orgUnitIds: readonly string[], opts: { includeAdmins?: boolean } = {}) {
    // Administrators hold every action, but are not the PMO that reviews: left out unless asked.
    const roles = ROLES.filter((r) => roleAllows(r, action) && (opts.includeAdmins || r !== 'admin'));
    return this.repo.holdersAt(this.db, roles, orgUnitIds);
  }

  projectBriefs(ids?: readonly string[]) {
    return this.repo.projectBriefs(this.db, ids);
  }

  emailsOf(userIds: readonly string[]): Promise<Map<string, string>> {
    return this.repo.emailsOf(this.db, userIds);
  }

  async list(
    actor: Actor,
    q: { unread?: 'true' | 'false' | undefined; limit: number },
  ): Promise<NotificationList> {
    if (!actor.userId) return { items: [], unread: 0 };
    const [rows, unread] = await Promise.all([
      this.repo.list(this.db, actor.userId, { unread: q.unread === 'true', limit: q.limit }),
      this.repo.unreadCount(this.db, actor.userId),
    ]);
    return { items: rows.map(toDto), unread };
  }

  /** Marks one of the caller's notifications read; someone else's is not found (its existence stays private). */
  async markRead(actor: Actor, id: string): Promise<Notification> {
    const row = await this.repo.get(this.db, id);
    if (!row || row.userId !== actor.userId) throw notFound('Notification');
    const updated = await this.repo.markRead(this.db, id, row.userId);
    return toDto(updated ?? row);
  }

  async markAllRead(actor: Actor): Promise<{ updated: number }> {
    if (!actor.userId) return { updated: 0 };
    return { updated: await this.repo.markAllRead(this.db, actor.userId) };
  }
}
