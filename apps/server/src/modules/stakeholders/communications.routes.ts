import {
  CommunicationAudienceCandidates,
  CommunicationAudienceQuery,
  CommunicationCalendar,
  CommunicationCalendarQuery,
  CommunicationCoordination,
  CommunicationCoordinationQuery,
  CommunicationItem,
  CommunicationItemList,
  CommunicationItemQuery,
  CommunicationRecord,
  CreateCommunicationItemBody,
  CreateCommunicationRecordBody,
  DeleteCommunicationItemQuery,
  IdParams,
  Ok,
  UpdateCommunicationItemBody,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerCommunicationRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Communications'];
  r.add({
    method: 'GET',
    url: '/api/v1/communication-items',
    summary: 'Communication plan items of the projects the user may see and the PMOs’ own',
    tags,
    schema: { querystring: CommunicationItemQuery, response: { 200: CommunicationItemList } },
    handler: async (req, _reply, actor) => s.communications.list(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/communication-items',
    summary:
      'Plan a communication: on a project (projectId), or as a PMO’s own at an org unit (governance.manage there)',
    tags,
    status: 201,
    schema: { body: CreateCommunicationItemBody, response: { 201: CommunicationItem } },
    handler: async (req, _reply, actor) => s.communications.create(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/communication-items/:id',
    summary: 'One communication plan item',
    tags,
    schema: { params: IdParams, response: { 200: CommunicationItem } },
    handler: async (req) => s.communications.get(req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/communication-items/:id',
    summary: 'Change a plan item; its cadence may not change so that a sent record falls off the plan',
    tags,
    schema: { params: IdParams, body: UpdateCommunicationItemBody, response: { 200: CommunicationItem } },
    handler: async (req, _reply, actor) => s.communications.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/communication-items/:id',
    summary: 'Delete a plan item and its sent records (kept in the journal)',
    tags,
    schema: { params: IdParams, querystring: DeleteCommunicationItemQuery, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.communications.remove(actor, req.params.id, req.query.version);
      return { ok: true as const };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/communication-items/:id/records',
    summary: 'Record one occurrence as sent: when, to whom, and the status report or report file it carried',
    tags,
    status: 201,
    schema: { params: IdParams, body: CreateCommunicationRecordBody, response: { 201: CommunicationRecord } },
    handler: async (req, _reply, actor) => s.communications.recordSent(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/communication-records/:id',
    summary: 'Delete a sent record: the occurrence is due (or overdue) again',
    tags,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.communications.removeRecord(actor, req.params.id);
      return { ok: true as const };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/communications/calendar',
    summary:
      'The due communications of the visible plans in a range (≤ 366 days), each sent, due or overdue, with its record',
    tags,
    schema: { querystring: CommunicationCalendarQuery, response: { 200: CommunicationCalendar } },
    handler: async (req, _reply, actor) => s.communications.calendar(actor, req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/communications/coordination',
    summary:
      'Stakeholders receiving threshold (3) or more communications in one ISO week across projects, listing them',
    tags,
    schema: { querystring: CommunicationCoordinationQuery, response: { 200: CommunicationCoordination } },
    handler: async (req, _reply, actor) => s.communications.coordination(actor, req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/communications/audience',
    summary: 'Stakeholders a plan may address: those linked to the project, or every one the user may see',
    tags,
    schema: { querystring: CommunicationAudienceQuery, response: { 200: CommunicationAudienceCandidates } },
    handler: async (req, _reply, actor) => s.communications.audienceCandidates(actor, req.query),
  });
}
