import {
  CheckParams,
  ComplianceItem,
  ComplianceItemList,
  ComplianceItemsQuery,
  CreateComplianceItemBody,
  CreateStandardBody,
  IdParams,
  PmoStandard,
  ProjectComplianceChecks,
  PutCheckBody,
  StandardActionBody,
  StandardDetail,
  StandardsAtUnit,
  StandardsQuery,
  UpdateComplianceItemBody,
  UpdateStandardBody,
  WaiverBody,
  WaiverParams,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerStandardsRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['PMO standards and compliance checklist'];
  r.add({
    method: 'GET',
    url: '/api/v1/standards',
    summary: 'The PMO standards in force at an org unit or for a project, down the PMO hierarchy',
    tags,
    schema: { querystring: StandardsQuery, response: { 200: StandardsAtUnit } },
    handler: async (req) => s.standards.atUnit(req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/standards',
    summary: 'Write a new standard or policy at an org unit (a draft, version 1)',
    tags,
    status: 201,
    schema: { body: CreateStandardBody, response: { 201: PmoStandard } },
    handler: async (req, _reply, actor) => s.standards.create(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/standards/:id',
    summary: 'One version of a standard, with every version of it',
    tags,
    schema: { params: IdParams, response: { 200: StandardDetail } },
    handler: async (req) => s.standards.get(req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/standards/:id',
    summary: 'Edit a draft (a published version never changes)',
    tags,
    schema: { params: IdParams, body: UpdateStandardBody, response: { 200: PmoStandard } },
    handler: async (req, _reply, actor) => s.standards.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/standards/:id/publish',
    summary: 'Publish a draft; the version published before it is superseded',
    tags,
    schema: { params: IdParams, body: StandardActionBody, response: { 200: PmoStandard } },
    handler: async (req, _reply, actor) => s.standards.publish(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/standards/:id/revise',
    summary: 'Start the next version of a published standard as a draft',
    tags,
    status: 201,
    schema: { params: IdParams, body: StandardActionBody, response: { 201: PmoStandard } },
    handler: async (req, _reply, actor) => s.standards.revise(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/standards/:id/retire',
    summary: 'Withdraw a published standard',
    tags,
    schema: { params: IdParams, body: StandardActionBody, response: { 200: PmoStandard } },
    handler: async (req, _reply, actor) => s.standards.retire(actor, req.params.id, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/compliance-items',
    summary: 'The manual compliance checklist in force at an org unit, with waivers',
    tags,
    schema: { querystring: ComplianceItemsQuery, response: { 200: ComplianceItemList } },
    handler: async (req) => s.standards.items(req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/compliance-items',
    summary: 'Add a checklist item that every project beneath the org unit attests',
    tags,
    status: 201,
    schema: { body: CreateComplianceItemBody, response: { 201: ComplianceItem } },
    handler: async (req, _reply, actor) => s.standards.createItem(actor, req.body),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/compliance-items/:id',
    summary: 'Change, retire or restore a checklist item',
    tags,
    schema: { params: IdParams, body: UpdateComplianceItemBody, response: { 200: ComplianceItem } },
    handler: async (req, _reply, actor) => s.standards.updateItem(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/org-units/:id/compliance-waivers',
    summary: 'Waive an overridable checklist item of a unit above, for this unit and everything beneath',
    tags,
    status: 201,
    schema: { params: IdParams, body: WaiverBody, response: { 201: ComplianceItemList } },
    handler: async (req, _reply, actor) => s.standards.waive(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/org-units/:id/compliance-waivers/:itemId',
    summary: 'Lift a waiver: the item applies again',
    tags,
    schema: { params: WaiverParams, response: { 200: ComplianceItemList } },
    handler: async (req, _reply, actor) => s.standards.lift(actor, req.params.id, req.params.itemId),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/compliance-checks',
    summary: 'The checklist items in force for a project and what its team attested',
    tags,
    schema: { params: IdParams, response: { 200: ProjectComplianceChecks } },
    handler: async (req) => s.standards.projectChecks(req.params.id),
  });
  r.add({
    method: 'PUT',
    url: '/api/v1/projects/:id/compliance-checks/:itemId',
    summary: 'Attest one checklist item for a project: met or not, with a note',
    tags,
    schema: { params: CheckParams, body: PutCheckBody, response: { 200: ProjectComplianceChecks } },
    handler: async (req, _reply, actor) =>
      s.standards.putCheck(actor, req.params.id, req.params.itemId, req.body),
  });
}
