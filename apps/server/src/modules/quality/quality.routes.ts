import {
  AcceptanceBody,
  CreateDeliverableBody,
  CreateLessonBody,
  CreateNonConformanceBody,
  CreateQualityStandardBody,
  CreateReviewBody,
  DeleteQualityItemQuery,
  DeliverableDetail,
  DeliverableList,
  DeliverableQuery,
  IdParams,
  Lesson,
  LessonPage,
  LessonQuery,
  NonConformance,
  NonConformanceList,
  NonConformanceQuery,
  NonConformanceTransitionBody,
  Ok,
  QualityStandard,
  QualityStandardList,
  QualityStandardQuery,
  UpdateDeliverableBody,
  UpdateLessonBody,
  UpdateNonConformanceBody,
  UpdateQualityStandardBody,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerQualityRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Quality'];
  r.add({
    method: 'GET',
    url: '/api/v1/quality-standards',
    summary: 'Quality standards by deliverable type (with projectId: those that apply to its org unit chain)',
    tags,
    schema: { querystring: QualityStandardQuery, response: { 200: QualityStandardList } },
    handler: async (req) => s.qualityStandards.list(req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/quality-standards',
    summary:
      'Define a standard’s checklist for a deliverable type at an org unit (or the whole organisation)',
    tags,
    status: 201,
    schema: { body: CreateQualityStandardBody, response: { 201: QualityStandard } },
    handler: async (req, _reply, actor) => s.qualityStandards.create(actor, req.body),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/quality-standards/:id',
    summary: 'Change a standard’s name or checklist, or retire (restore) it',
    tags,
    schema: { params: IdParams, body: UpdateQualityStandardBody, response: { 200: QualityStandard } },
    handler: async (req, _reply, actor) => s.qualityStandards.update(actor, req.params.id, req.body),
  });

  r.add({
    method: 'GET',
    url: '/api/v1/deliverables',
    summary: 'Deliverables of the projects the user may see (with projectId: of one project)',
    tags,
    schema: { querystring: DeliverableQuery, response: { 200: DeliverableList } },
    handler: async (req, _reply, actor) => s.deliverables.list(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/deliverables',
    summary: 'Plan a deliverable of a project, optionally as one of its lifecycle gate deliverables',
    tags,
    status: 201,
    schema: { body: CreateDeliverableBody, response: { 201: DeliverableDetail } },
    handler: async (req, _reply, actor) => s.deliverables.create(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/deliverables/:id',
    summary: 'A deliverable with its effective checklist, peer reviews and what blocks its acceptance',
    tags,
    schema: { params: IdParams, response: { 200: DeliverableDetail } },
    handler: async (req) => s.deliverables.get(req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/deliverables/:id',
    summary:
      'Change a deliverable (not once accepted): details, acceptance criteria and whether they are met',
    tags,
    schema: { params: IdParams, body: UpdateDeliverableBody, response: { 200: DeliverableDetail } },
    handler: async (req, _reply, actor) => s.deliverables.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/deliverables/:id',
    summary: 'Delete a deliverable not accepted (kept in the journal)',
    tags,
    schema: { params: IdParams, querystring: DeleteQualityItemQuery, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.deliverables.remove(actor, req.params.id, req.query.version);
      return { ok: true as const };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/deliverables/:id/reviews',
    summary:
      'Record a peer review: a result per checklist item and an outcome (pass → in review, rework → rejected)',
    tags,
    status: 201,
    schema: { params: IdParams, body: CreateReviewBody, response: { 201: DeliverableDetail } },
    handler: async (req, _reply, actor) => s.deliverables.review(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/deliverables/:id/acceptance',
    summary:
      'Accept (nothing may block it) or reject a deliverable in review; accepting accepts its gate deliverable',
    tags,
    schema: { params: IdParams, body: AcceptanceBody, response: { 200: DeliverableDetail } },
    handler: async (req, _reply, actor) => s.deliverables.decide(actor, req.params.id, req.body),
  });

  r.add({
    method: 'GET',
    url: '/api/v1/non-conformances',
    summary: 'Non-conformances of the projects the user may see, open ones and the most severe first',
    tags,
    schema: { querystring: NonConformanceQuery, response: { 200: NonConformanceList } },
    handler: async (req, _reply, actor) => s.nonConformances.list(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/non-conformances',
    summary: 'Raise a non-conformance on a project (optionally against one of its deliverables)',
    tags,
    status: 201,
    schema: { body: CreateNonConformanceBody, response: { 201: NonConformance } },
    handler: async (req, _reply, actor) => s.nonConformances.create(actor, req.body),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/non-conformances/:id',
    summary: 'Change a non-conformance that is not closed, its corrective action included',
    tags,
    schema: { params: IdParams, body: UpdateNonConformanceBody, response: { 200: NonConformance } },
    handler: async (req, _reply, actor) => s.nonConformances.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/non-conformances/:id/transition',
    summary: 'Move a non-conformance open → in progress → closed (closing needs a corrective action)',
    tags,
    schema: { params: IdParams, body: NonConformanceTransitionBody, response: { 200: NonConformance } },
    handler: async (req, _reply, actor) => s.nonConformances.transition(actor, req.params.id, req.body),
  });

  r.add({
    method: 'GET',
    url: '/api/v1/lessons',
    summary:
      'Lessons learned across the projects the user may see and the organisation’s; q ranks by relevance',
    tags,
    schema: { querystring: LessonQuery, response: { 200: LessonPage } },
    handler: async (req, _reply, actor) => s.lessons.list(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/lessons',
    summary: 'Record a lesson learned on a project (or, without projectId, for the whole organisation)',
    tags,
    status: 201,
    schema: { body: CreateLessonBody, response: { 201: Lesson } },
    handler: async (req, _reply, actor) => s.lessons.create(actor, req.body),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/lessons/:id',
    summary: 'Change a lesson learned',
    tags,
    schema: { params: IdParams, body: UpdateLessonBody, response: { 200: Lesson } },
    handler: async (req, _reply, actor) => s.lessons.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/lessons/:id',
    summary: 'Delete a lesson learned (kept in the journal)',
    tags,
    schema: { params: IdParams, querystring: DeleteQualityItemQuery, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.lessons.remove(actor, req.params.id, req.query.version);
      return { ok: true as const };
    },
  });
}
