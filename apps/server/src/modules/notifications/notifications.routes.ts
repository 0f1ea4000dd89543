import { IdParams, Notification, NotificationList, NotificationQuery, ReadAllResult } from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerNotificationRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Notifications'];
  r.add({
    method: 'GET',
    url: '/api/v1/notifications',
    summary: 'The caller’s notifications, newest first, with how many are unread',
    tags,
    schema: { querystring: NotificationQuery, response: { 200: NotificationList } },
    handler: async (req, _reply, actor) => s.notifications.list(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/notifications/:id/read',
    summary: 'Mark one of the caller’s notifications read',
    tags,
    schema: { params: IdParams, response: { 200: Notification } },
    handler: async (req, _reply, actor) => s.notifications.markRead(actor, req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/notifications/read-all',
    summary: 'Mark all the caller’s notifications read',
    tags,
    schema: { response: { 200: ReadAllResult } },
    handler: async (_req, _reply, actor) => s.notifications.markAllRead(actor),
  });
}
