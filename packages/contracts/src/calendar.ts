import { z } from 'zod';
import { Instant } from './common.ts';

export const CalendarFeedState = z
  .object({
    exists: z.boolean(),
    createdAt: Instant.nullable(),
  })
  .describe('Whether the user has a calendar feed (its secret URL is shown only when created)');
export type CalendarFeedState = z.infer<typeof CalendarFeedState>;

export const CalendarFeedCreated = z
  .object({
    url: z.string().describe('The secret feed URL: shown once, store it in your calendar app'),
    path: z.string().describe('The same, as a path on this server (for when no public URL is configured)'),
    createdAt: Instant,
  })
  .describe('A new calendar feed; any earlier URL stops working');
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;

export const CalendarTokenParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a feed token'),
});
