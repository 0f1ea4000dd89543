import type {
  CalendarFeedCreated as CalendarFeedCreatedSchema,
  CalendarFeedState as CalendarFeedStateSchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];

export type CalendarFeedState = Out<typeof CalendarFeedStateSchema>;
export type CalendarFeedCreated = Out<typeof CalendarFeedCreatedSchema>;

export const calendarFeedKey = ['calendar-feed'] as const;

export function getCalendarFeed(signal?: AbortSignal): Promise<CalendarFeedState> {
  return apiFetch('/calendar-feed', { signal });
}

/** Creates or rotates the feed: the answer holds the secret URL, shown only now. */
export function createCalendarFeed(): Promise<CalendarFeedCreated> {
  return apiFetch('/calendar-feed', { method: 'POST' });
}

export function revokeCalendarFeed(): Promise<{ ok: true }> {
  return apiFetch('/calendar-feed', { method: 'DELETE' });
}
