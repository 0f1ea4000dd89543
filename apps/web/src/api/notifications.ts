import type {
  NotificationList as NotificationListSchema,
  Notification as NotificationSchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];

export type Notification = Out<typeof NotificationSchema>;
export type NotificationList = Out<typeof NotificationListSchema>;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (p: { unread: boolean; limit: number }) => ['notifications', 'list', p] as const,
};

/** The signed-in user's notifications, newest first, with the unread count. */
export function listNotifications(
  p: { unread: boolean; limit: number },
  signal?: AbortSignal,
): Promise<NotificationList> {
  return apiFetch('/notifications', {
    query: { unread: p.unread ? 'true' : undefined, limit: p.limit },
    signal,
  });
}

export function markNotificationRead(id: string): Promise<Notification> {
  return apiFetch(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(): Promise<{ updated: number }> {
  return apiFetch('/notifications/read-all', { method: 'POST' });
}
