import {
  ChangeDecisionBody,
  ChangeRequest,
  ChangeRequestList,
  ChangeRequestQuery,
  ChangeThresholdSettings,
  CreateChangeRequestBody,
  CreateIssueBody,
  CreateRaidEntryBody,
  CreateRiskBody,
  EscalateIssueBody,
  IdParams,
  Issue,
  IssueList,
  IssueQuery,
  RaidEntry,
  RaidEntryList,
  RaidEntryQuery,
  Risk,
  RiskList,
  RiskMatrixSettings,
  RiskQuery,
  RiskSummary,
  UpdateChangeThresholdsBody,
  UpdateIssueBody,
  UpdateRaidEntryBody,
  UpdateRiskBody,
  UpdateRiskMatrixBody,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerRaidRoutes(r: RouteRegistrar, s: Services): void {
  const risks = ['Risks'];
  r.add({
    method: 'GET',
    url: '/api/v1/raid/settings',
    summary: 'The probability × impact matrix risks are rated on (default 5 × 5) and its levels',
    tags: risks,
    schema: { response: { 200: RiskMatrixSettings } },
    handler: async () => s.risks.settings(),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/raid/settings',
    summary: 'Configure the risk matrix: size, level thresholds, labels',
    tags: risks,
    schema: { body: UpdateRiskMatrixBody, response: { 200: RiskMatrixSettings } },
    handler: async (req, _reply, actor) => s.risks.updateSettings(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/risks',
    summary: 'The risk register: with projectId, a project’s own risks and the shared risks linked to it',
    tags: risks,
    schema: { querystring: RiskQuery, response: { 200: RiskList } },
    handler: async (req, _reply, actor) => s.risks.list(actor, req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/risks/summary',
    summary: 'Heat map, counts by level and the 12-week trend of the open risks the filter selects',
    tags: risks,
    schema: { querystring: RiskQuery, response: { 200: RiskSummary } },
    handler: async (req, _reply, actor) => s.risks.summary(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/risks',
    summary: 'Raise a risk on a project, or a shared one at a portfolio or org unit linked to projects',
    tags: risks,
    status: 201,
    schema: { body: CreateRiskBody, response: { 201: Risk } },
    handler: async (req, _reply, actor) => s.risks.create(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/risks/:id',
    summary: 'One risk',
    tags: risks,
    schema: { params: IdParams, response: { 200: Risk } },
    handler: async (req, _reply, actor) => s.risks.get(actor, req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/risks/:id',
    summary: 'Re-rate, respond to, link, review or close a risk',
    tags: risks,
    schema: { params: IdParams, body: UpdateRiskBody, response: { 200: Risk } },
    handler: async (req, _reply, actor) => s.risks.update(actor, req.params.id, req.body),
  });

  const issues = ['Issues'];
  r.add({
    method: 'GET',
    url: '/api/v1/issues',
    summary: 'Issues; escalated=true lists what was raised to the portfolios',
    tags: issues,
    schema: { querystring: IssueQuery, response: { 200: IssueList } },
    handler: async (req, _reply, actor) => s.issues.listIssues(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/issues',
    summary: 'Log an issue on a project',
    tags: issues,
    status: 201,
    schema: { body: CreateIssueBody, response: { 201: Issue } },
    handler: async (req, _reply, actor) => s.issues.createIssue(actor, req.body),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/issues/:id',
    summary: 'Update, resolve or close an issue',
    tags: issues,
    schema: { params: IdParams, body: UpdateIssueBody, response: { 200: Issue } },
    handler: async (req, _reply, actor) => s.issues.updateIssue(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/issues/:id/escalation',
    summary: 'Escalate an issue to the project’s portfolio, with the reason',
    tags: issues,
    schema: { params: IdParams, body: EscalateIssueBody, response: { 200: Issue } },
    handler: async (req, _reply, actor) => s.issues.escalate(actor, req.params.id, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/raid-entries',
    summary: 'A project’s assumptions, decisions and dependencies',
    tags: issues,
    schema: { querystring: RaidEntryQuery, response: { 200: RaidEntryList } },
    handler: async (req, _reply, actor) => s.issues.listEntries(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/raid-entries',
    summary: 'Record an assumption, a decision or a dependency',
    tags: issues,
    status: 201,
    schema: { body: CreateRaidEntryBody, response: { 201: RaidEntry } },
    handler: async (req, _reply, actor) => s.issues.createEntry(actor, req.body),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/raid-entries/:id',
    summary: 'Update an assumption, decision or dependency',
    tags: issues,
    schema: { params: IdParams, body: UpdateRaidEntryBody, response: { 200: RaidEntry } },
    handler: async (req, _reply, actor) => s.issues.updateEntry(actor, req.params.id, req.body),
  });

  const changes = ['Change control'];
  r.add({
    method: 'GET',
    url: '/api/v1/change-thresholds',
    summary: 'The limits up to which a project manager decides a change; above them, the change board',
    tags: changes,
    schema: { response: { 200: ChangeThresholdSettings } },
    handler: async () => s.changes.thresholds(),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/change-thresholds',
    summary: 'Set the project manager’s change limits',
    tags: changes,
    schema: { body: UpdateChangeThresholdsBody, response: { 200: ChangeThresholdSettings } },
    handler: async (req, _reply, actor) => s.changes.updateThresholds(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/change-requests',
    summary: 'Change requests, newest first; each says whether the signed-in user may decide it',
    tags: changes,
    schema: { querystring: ChangeRequestQuery, response: { 200: ChangeRequestList } },
    handler: async (req, _reply, actor) => s.changes.list(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/change-requests',
    summary: 'Submit a change request; it is routed by its impact',
    tags: changes,
    status: 201,
    schema: { body: CreateChangeRequestBody, response: { 201: ChangeRequest } },
    handler: async (req, _reply, actor) => s.changes.create(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/change-requests/:id',
    summary: 'One change request',
    tags: changes,
    schema: { params: IdParams, response: { 200: ChangeRequest } },
    handler: async (req, _reply, actor) => s.changes.get(actor, req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/change-requests/:id/decision',
    summary:
      'Approve (re-baselines budget and schedule in the same step) or reject; 403 below the change’s level',
    tags: changes,
    schema: { params: IdParams, body: ChangeDecisionBody, response: { 200: ChangeRequest } },
    handler: async (req, _reply, actor) => s.changes.decide(actor, req.params.id, req.body),
  });
}
