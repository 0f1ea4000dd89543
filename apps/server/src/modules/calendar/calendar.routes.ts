import { CalendarFeedCreated, CalendarFeedState, CalendarTokenParams, Ok } from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerCalendarRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Calendar feed'];
  r.add({
    method: 'GET',
    url: '/api/v1/calendar-feed',
    summary: 'Whether the caller has a calendar feed (never its token)',
    tags,
    schema: { response: { 200: CalendarFeedState } },
    handler: async (_req, _reply, actor) => s.calendar.state(actor),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/calendar-feed',
    summary:
      'Create or rotate the caller’s secret milestone feed URL (shown once; the old one stops working)',
    tags,
    status: 201,
    schema: { response: { 201: CalendarFeedCreated } },
    handler: async (_req, _reply, actor) => s.calendar.create(actor),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/calendar-feed',
    summary: 'Revoke the caller’s calendar feed',
    tags,
    schema: { response: { 200: Ok } },
    handler: async (_req, _reply, actor) => s.calendar.revoke(actor),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/calendar/:token.ics',
    summary: 'Milestones the feed’s owner may read, as iCalendar (authorised by the secret token in the URL)',
    tags,
    schema: { params: CalendarTokenParams },
    handler: async (req, reply) => {
      const text = await s.calendar.feed(req.params.token);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="baton-milestones.ics"')
        .header('cache-control', 'private, max-age=300')
        .send(text);
    },
  });
}
