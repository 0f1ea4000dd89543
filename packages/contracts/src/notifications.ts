import { z } from 'zod';
import { Id, Instant } from './common.ts';

export const Notification = z
  .object({
    id: Id,
    kind: z.string().describe('What happened, e.g. status-report.submitted, report.delivered'),
    title: z.string(),
    body: z.string().nullable(),
    link: z.string().nullable().describe('A path in the web app the notification opens'),
    createdAt: Instant,
    readAt: Instant.nullable(),
  })
  .describe('An in-app notification of the signed-in user');
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({
  items: z.array(Notification),
  unread: z
    .number()
    .int()
    .min(0)
    .describe('How many of the user’s notifications are unread (all of them, not only this page)'),
});
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread ones'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ReadAllResult = z.object({ updated: z.number().int().min(0) });
