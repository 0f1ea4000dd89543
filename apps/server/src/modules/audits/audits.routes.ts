import {
  AuditDetail,
  AuditFinding,
  AuditList,
  AuditQuery,
  AuditTransitionBody,
  CreateAuditBody,
  CreateFindingBody,
  FindingList,
  FindingQuery,
  FindingTransitionBody,
  IdParams,
  UpdateAuditBody,
  UpdateFindingBody,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerAuditRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Audits and peer reviews'];
  r.add({
    method: 'GET',
    url: '/api/v1/audits',
    summary: 'Audits and peer reviews the user may see, with their findings counted',
    tags,
    schema: { querystring: AuditQuery, response: { 200: AuditList } },
    handler: async (req, _reply, actor) => s.audits.list(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/audits',
    summary: 'Schedule an audit or peer review of a project or of an org unit’s practice',
    tags,
    status: 201,
    schema: { body: CreateAuditBody, response: { 201: AuditDetail } },
    handler: async (req, _reply, actor) => s.audits.create(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/audits/:id',
    summary: 'An audit with its findings',
    tags,
    schema: { params: IdParams, response: { 200: AuditDetail } },
    handler: async (req) => s.audits.get(req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/audits/:id',
    summary: 'Change an audit’s title, scope, lead, date or summary',
    tags,
    schema: { params: IdParams, body: UpdateAuditBody, response: { 200: AuditDetail } },
    handler: async (req, _reply, actor) => s.audits.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/audits/:id/transition',
    summary: 'Start, report, close or cancel an audit (closing needs every finding closed)',
    tags,
    schema: { params: IdParams, body: AuditTransitionBody, response: { 200: AuditDetail } },
    handler: async (req, _reply, actor) => s.audits.transition(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/audits/:id/findings',
    summary: 'Record a finding of an audit in progress',
    tags,
    status: 201,
    schema: { params: IdParams, body: CreateFindingBody, response: { 201: AuditDetail } },
    handler: async (req, _reply, actor) => s.audits.addFinding(actor, req.params.id, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/audit-findings',
    summary: 'The corrective-action tracker: findings across every audit the user may see',
    tags,
    schema: { querystring: FindingQuery, response: { 200: FindingList } },
    handler: async (req, _reply, actor) => s.audits.listFindings(actor, req.query),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/audit-findings/:id',
    summary: 'Plan a finding’s corrective action (owner, due date), or — auditors — change what it says',
    tags,
    schema: { params: IdParams, body: UpdateFindingBody, response: { 200: AuditFinding } },
    handler: async (req, _reply, actor) => s.audits.updateFinding(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/audit-findings/:id/transition',
    summary: 'Move a finding: plan the action, resolve it, or — auditors — close or reopen it',
    tags,
    schema: { params: IdParams, body: FindingTransitionBody, response: { 200: AuditFinding } },
    handler: async (req, _reply, actor) => s.audits.transitionFinding(actor, req.params.id, req.body),
  });
}
