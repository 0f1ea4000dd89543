import type { Action } from '@baton/core';

/**
 * Where a route's action must be held:
 * - organisation: a grant on the whole organisation;
 * - anywhere: the action held at any scope (lists are then filtered to what the user may see);
 * - project / org-unit / portfolio / program: the thing named by the `:id` path parameter;
 * - task / link: the project of the task (of the link's successor) named by `:id`;
 * - resource: the org unit of the resource named by `:id` (the organisation when it has none);
 * - allocation / staffing-request: the project of the allocation or request named by `:id`;
 * - risk: the project, portfolio or org unit holding the risk named by `:id`; issue / raid-entry /
 *   change-request: the project of the thing named by `:id`;
 * - new-risk: the project, portfolio or org unit in the body; new-in-project: the body's `projectId`;
 * - template: the org unit a lifecycle template is defined at (the root when it has none);
 *   new-template: the body's `orgUnitId` (the root when absent);
 * - document: the project of the document named by `:id`; an item of the PMO library is read wherever
 *   the action is held anywhere, and written at the org unit it is filed at (the root when none);
 *   new-library-document: the query string's `orgUnitId` (the root when absent);
 * - quality-standard: the org unit a quality standard is defined at (the root when it has none);
 *   new-quality-standard: the body's `orgUnitId` (the root when absent); deliverable / non-conformance:
 *   the project of the thing named by `:id`; lesson: its project, or the organisation for an
 *   organisation-wide lesson;
 * - standard / compliance-item: the org unit a PMO standard or checklist item is defined at (the root
 *   when none); a new one is placed like new-template (the body's `orgUnitId`);
 * - status-report: the project of the status report named by `:id`;
 * - configuration-item / configuration-baseline: the project of the item or baseline named by `:id`;
 * - audit / finding: the audited project, or the audited org unit (the root when none); new-audit:
 *   the body's `projectId` or `orgUnitId`;
 * - communication-item / communication-record: the project of the plan item (of the record's item), or
 *   the org unit of a PMO item (the root when none); new-communication-item: the body's `projectId`,
 *   else its `orgUnitId` (the root when absent);
 * - new-*: where the thing being created will sit, read from the request body (`new-allocation`: its
 *   `projectId`; `new-resource`: its `orgUnitId`).
 */
export type ScopeRef =
  | 'organisation'
  | 'anywhere'
  | 'project'
  | 'org-unit'
  | 'portfolio'
  | 'program'
  | 'task'
  | 'link'
  | 'new-link'
  | 'new-project'
  | 'new-portfolio'
  | 'new-program'
  | 'new-org-unit'
  | 'resource'
  | 'new-resource'
  | 'allocation'
  | 'new-allocation'
  | 'staffing-request'
  | 'risk'
  | 'new-risk'
  | 'issue'
  | 'raid-entry'
  | 'change-request'
  | 'new-in-project'
  | 'template'
  | 'audit'
  | 'standard'
  | 'status-report'
  | 'compliance-item'
  | 'new-audit'
  | 'finding'
  | 'new-template'
  | 'quality-standard'
  | 'new-quality-standard'
  | 'deliverable'
  | 'non-conformance'
  | 'lesson'
  | 'configuration-item'
  | 'configuration-baseline'
  | 'document'
  | 'new-library-document'
  | 'communication-item'
  | 'new-communication-item'
  | 'communication-record';

export type Access =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'action'; action: Action | readonly Action[]; scope: ScopeRef };

const pub: Access = { kind: 'public' };
const signedIn: Access = { kind: 'signed-in' };
const can = (action: Action | readonly Action[], scope: ScopeRef): Access => ({
  kind: 'action',
  action,
  scope,
});

/**
 * The one permission table: every route the server registers must have an entry here, or the server
 * refuses to start. The authorisation matrix test walks it route × role × (inside, outside scope).
 */
export const ROUTE_ACCESS = {
  'GET /healthz': pub,
  'GET /readyz': pub,
  'GET /api/openapi.json': pub,

  'POST /api/v1/auth/login': pub,
  'POST /api/v1/auth/logout': pub,
  'GET /api/v1/auth/session': signedIn,
  'POST /api/v1/auth/password': signedIn,
  'GET /api/v1/auth/tokens': signedIn,
  'POST /api/v1/auth/tokens': signedIn,
  'DELETE /api/v1/auth/tokens/:id': signedIn,

  'GET /api/v1/users': can('user.read', 'anywhere'),
  'POST /api/v1/users': can('user.manage', 'organisation'),
  'GET /api/v1/users/:id': can('user.read', 'anywhere'),
  'PATCH /api/v1/users/:id': can('user.manage', 'organisation'),
  'POST /api/v1/users/:id/grants': can('user.manage', 'organisation'),
  'DELETE /api/v1/users/:id/grants/:grantId': can('user.manage', 'organisation'),

  'GET /api/v1/org-units': signedIn,
  'POST /api/v1/org-units': can('org.manage', 'new-org-unit'),
  'GET /api/v1/org-units/:id': signedIn,
  'PATCH /api/v1/org-units/:id': can('org.manage', 'org-unit'),
  'DELETE /api/v1/org-units/:id': can('org.manage', 'org-unit'),

  'GET /api/v1/portfolios': signedIn,
  'POST /api/v1/portfolios': can('portfolio.manage', 'new-portfolio'),
  'GET /api/v1/portfolios/:id': signedIn,
  'PATCH /api/v1/portfolios/:id': can('portfolio.manage', 'portfolio'),
  'DELETE /api/v1/portfolios/:id': can('portfolio.manage', 'portfolio'),

  'GET /api/v1/programs': signedIn,
  'POST /api/v1/programs': can('portfolio.manage', 'new-program'),
  'GET /api/v1/programs/:id': signedIn,
  'PATCH /api/v1/programs/:id': can('portfolio.manage', 'program'),
  'DELETE /api/v1/programs/:id': can('portfolio.manage', 'program'),

  'GET /api/v1/projects': can('project.read', 'anywhere'),
  'GET /api/v1/projects/summary': can('project.read', 'anywhere'),
  'POST /api/v1/projects': can('project.create', 'new-project'),
  'GET /api/v1/projects/:id': can('project.read', 'project'),
  'PATCH /api/v1/projects/:id': can('project.update', 'project'),
  'DELETE /api/v1/projects/:id': can('project.delete', 'project'),
  // Approving needs project.approve, any other move project.update: the service checks which.
  'POST /api/v1/projects/:id/transitions': can(['project.update', 'project.approve'], 'project'),
  'GET /api/v1/projects/:id/history': can('project.read', 'project'),

  'GET /api/v1/projects/:id/schedule': can('project.read', 'project'),
  'PATCH /api/v1/projects/:id/schedule': can('project.update', 'project'),
  'POST /api/v1/projects/:id/schedule/import': can('project.update', 'project'),
  'POST /api/v1/projects/:id/schedule/import-csv': can('project.update', 'project'),
  'GET /api/v1/projects/:id/schedule/export.xml': can('project.read', 'project'),
  'GET /api/v1/projects/:id/schedule/export.csv': can('project.read', 'project'),
  'POST /api/v1/projects/:id/tasks': can('project.update', 'project'),
  'PATCH /api/v1/tasks/:id': can('project.update', 'task'),
  'DELETE /api/v1/tasks/:id': can('project.update', 'task'),
  'GET /api/v1/tasks/:id/impact': can('project.read', 'task'),
  // A cross-project link also needs project.read on the predecessor's project: the service checks it.
  'POST /api/v1/links': can('project.update', 'new-link'),
  'PATCH /api/v1/links/:id': can('project.update', 'link'),
  'DELETE /api/v1/links/:id': can('project.update', 'link'),
  'GET /api/v1/projects/:id/baselines': can('project.read', 'project'),
  'POST /api/v1/projects/:id/baselines': can('project.update', 'project'),
  'GET /api/v1/projects/:id/baselines/:number/variance': can('project.read', 'project'),
  'GET /api/v1/roadmap': can('project.read', 'anywhere'),

  // The shared resource pool (issue 4). Resources sit in an org unit; a grant on the unit covers them.
  'GET /api/v1/resources': can('resource.read', 'anywhere'),
  'POST /api/v1/resources': can('resource.manage', 'new-resource'),
  'POST /api/v1/resources/import': can('resource.manage', 'organisation'),
  'GET /api/v1/resources/export.csv': can('resource.read', 'anywhere'),
  'GET /api/v1/resources/:id': can('resource.read', 'anywhere'),
  'PATCH /api/v1/resources/:id': can('resource.manage', 'resource'),
  'DELETE /api/v1/resources/:id': can('resource.manage', 'resource'),
  'PUT /api/v1/resources/:id/skills': can('resource.manage', 'resource'),
  'POST /api/v1/resources/:id/rates': can('resource.manage', 'resource'),
  'DELETE /api/v1/resources/:id/rates/:itemId': can('resource.manage', 'resource'),
  'POST /api/v1/resources/:id/leave': can('resource.manage', 'resource'),
  'DELETE /api/v1/resources/:id/leave/:itemId': can('resource.manage', 'resource'),
  'GET /api/v1/skills': signedIn,
  'POST /api/v1/skills': can('resource.manage', 'organisation'),
  'PATCH /api/v1/skills/:id': can('resource.manage', 'organisation'),
  'DELETE /api/v1/skills/:id': can('resource.manage', 'organisation'),
  'GET /api/v1/tasks/:id/assignments': can('project.read', 'task'),
  'PUT /api/v1/tasks/:id/assignments': can('project.update', 'task'),

  // Demand: who works on which project, and requests for people. Placed by the project.
  'GET /api/v1/allocations': can('resource.read', 'anywhere'),
  'POST /api/v1/allocations': can('allocation.manage', 'new-allocation'),
  'PATCH /api/v1/allocations/:id': can('allocation.manage', 'allocation'),
  'DELETE /api/v1/allocations/:id': can('allocation.manage', 'allocation'),
  'GET /api/v1/staffing-requests': can('resource.read', 'anywhere'),
  'POST /api/v1/staffing-requests': can('allocation.manage', 'new-allocation'),
  'GET /api/v1/staffing-requests/:id/candidates': can('resource.read', 'staffing-request'),
  'POST /api/v1/staffing-requests/:id/fill': can('allocation.manage', 'staffing-request'),
  'POST /api/v1/staffing-requests/:id/cancel': can('allocation.manage', 'staffing-request'),

  // Capacity against demand, availability, levelling, reconciliation.
  'GET /api/v1/capacity': can('resource.read', 'anywhere'),
  'GET /api/v1/capacity/export.xlsx': can('resource.read', 'anywhere'),
  'GET /api/v1/availability': can('resource.read', 'anywhere'),
  'GET /api/v1/levelling/options': can('resource.read', 'anywhere'),
  // Applying also needs project.update on the project whose task or allocation moves: the service checks it.
  'POST /api/v1/levelling/apply': can('allocation.manage', 'anywhere'),
  'GET /api/v1/reconciliation': can('resource.read', 'anywhere'),

  // Portfolio management (issue 5). Proposals are open to everyone who reads projects, so the
  // organisation sees its pipeline; editing one's own proposal is checked in the service.
  'GET /api/v1/portfolio/strategy': can('project.read', 'anywhere'),
  'PATCH /api/v1/portfolio/strategy': can('strategy.manage', 'organisation'),
  'POST /api/v1/portfolio/objectives': can('strategy.manage', 'organisation'),
  'PATCH /api/v1/portfolio/objectives/:id': can('strategy.manage', 'organisation'),
  'DELETE /api/v1/portfolio/objectives/:id': can('strategy.manage', 'organisation'),
  'POST /api/v1/portfolio/ahp/evaluate': can('project.read', 'anywhere'),
  'PUT /api/v1/portfolio/strategy/ahp': can('strategy.manage', 'organisation'),
  'GET /api/v1/portfolio/intake-form': can('project.read', 'anywhere'),
  'PUT /api/v1/portfolio/intake-form': can('strategy.manage', 'organisation'),
  'GET /api/v1/proposals': can('project.read', 'anywhere'),
  'POST /api/v1/proposals': can('proposal.create', 'anywhere'),
  'GET /api/v1/proposals/:id': can('project.read', 'anywhere'),
  // The proposer may edit, submit or delete their own draft; the board (portfolio.manage) decides.
  'PATCH /api/v1/proposals/:id': can(['proposal.create', 'portfolio.manage'], 'anywhere'),
  'DELETE /api/v1/proposals/:id': can(['proposal.create', 'portfolio.manage'], 'anywhere'),
  'POST /api/v1/proposals/:id/transitions': can(['proposal.create', 'portfolio.manage'], 'anywhere'),
  'GET /api/v1/proposals/:id/comments': can('project.read', 'anywhere'),
  'POST /api/v1/proposals/:id/comments': can(['proposal.create', 'portfolio.manage'], 'anywhere'),
  'GET /api/v1/proposals/:id/history': can('project.read', 'anywhere'),
  'GET /api/v1/portfolio/scoring': can('project.read', 'anywhere'),
  'GET /api/v1/portfolio/scenarios': can('project.read', 'anywhere'),
  'POST /api/v1/portfolio/scenarios': can('portfolio.manage', 'anywhere'),
  'GET /api/v1/portfolio/scenarios/compare': can('project.read', 'anywhere'),
  'GET /api/v1/portfolio/scenarios/:id': can('project.read', 'anywhere'),
  'PATCH /api/v1/portfolio/scenarios/:id': can('portfolio.manage', 'anywhere'),
  'DELETE /api/v1/portfolio/scenarios/:id': can('portfolio.manage', 'anywhere'),
  'GET /api/v1/portfolio/scenarios/:id/problem': can('project.read', 'anywhere'),
  'POST /api/v1/portfolio/scenarios/:id/runs': can('portfolio.manage', 'anywhere'),
  'GET /api/v1/portfolio/runs/:id': can('project.read', 'anywhere'),
  // Committing also needs project.approve (it approves projects): the service checks it.
  'POST /api/v1/portfolio/scenarios/:id/commit': can('portfolio.manage', 'anywhere'),
  'GET /api/v1/portfolio/review': can('project.read', 'anywhere'),
  'GET /api/v1/portfolio/review/decisions': can('project.read', 'anywhere'),
  // Stopping or pausing also needs project.update on the project: the service checks it.
  'POST /api/v1/portfolio/review/decisions': can('portfolio.manage', 'anywhere'),

  // RAID and change control. Editing a register needs the right to change the project (or, for a
  // shared risk, to change projects at its portfolio or unit); deciding a change needs the authority
  // of its level, checked in the service (the project manager's up to the PMO's limits, else the board's).
  'GET /api/v1/raid/settings': can('project.read', 'anywhere'),
  'PATCH /api/v1/raid/settings': can('governance.manage', 'organisation'),
  'GET /api/v1/risks': can('project.read', 'anywhere'),
  'GET /api/v1/risks/summary': can('project.read', 'anywhere'),
  'POST /api/v1/risks': can('project.update', 'new-risk'),
  'GET /api/v1/risks/:id': can('project.read', 'risk'),
  'PATCH /api/v1/risks/:id': can('project.update', 'risk'),
  'GET /api/v1/issues': can('project.read', 'anywhere'),
  'POST /api/v1/issues': can('project.update', 'new-in-project'),
  'PATCH /api/v1/issues/:id': can('project.update', 'issue'),
  'POST /api/v1/issues/:id/escalation': can('project.update', 'issue'),
  'GET /api/v1/raid-entries': can('project.read', 'anywhere'),
  'POST /api/v1/raid-entries': can('project.update', 'new-in-project'),
  'PATCH /api/v1/raid-entries/:id': can('project.update', 'raid-entry'),
  'GET /api/v1/change-thresholds': can('project.read', 'anywhere'),
  'PATCH /api/v1/change-thresholds': can('governance.manage', 'organisation'),
  'GET /api/v1/change-requests': can('project.read', 'anywhere'),
  'POST /api/v1/change-requests': can('project.update', 'new-in-project'),
  'GET /api/v1/change-requests/:id': can('project.read', 'change-request'),
  'POST /api/v1/change-requests/:id/decision': can(['project.update', 'change.approve'], 'change-request'),

  // Methodology and gates: the PMO (governance.manage) defines templates where it is granted, and so
  // for every unit beneath; project managers run their gates; approvers (project.approve) decide them.
  'GET /api/v1/lifecycle-templates': can('project.read', 'anywhere'),
  'POST /api/v1/lifecycle-templates': can('governance.manage', 'new-template'),
  'GET /api/v1/lifecycle-templates/:id': can('project.read', 'anywhere'),
  'POST /api/v1/lifecycle-templates/:id/versions': can('governance.manage', 'template'),
  'GET /api/v1/gate-reviews': can('project.read', 'anywhere'),
  'GET /api/v1/compliance': can('project.read', 'anywhere'),
  'GET /api/v1/projects/:id/compliance': can('project.read', 'project'),
  'GET /api/v1/status-reports': can('project.read', 'anywhere'),
  'POST /api/v1/status-reports': can('project.update', 'new-in-project'),
  'GET /api/v1/status-reports/:id': can('project.read', 'status-report'),
  'PATCH /api/v1/status-reports/:id': can('project.update', 'status-report'),
  'POST /api/v1/status-reports/:id/submit': can('project.update', 'status-report'),
  'POST /api/v1/status-reports/:id/review': can('governance.manage', 'status-report'),
  'POST /api/v1/status-reports/:id/comments': can('project.read', 'status-report'),
  'GET /api/v1/reporting/overview': can('project.read', 'anywhere'),
  'GET /api/v1/reports/portfolio': can('project.read', 'anywhere'),
  'GET /api/v1/status-reports/:id/pdf': can('project.read', 'status-report'),
  'POST /api/v1/exports/:format': signedIn,
  'GET /api/v1/jobs': signedIn,
  'GET /api/v1/jobs/:id': signedIn,
  'POST /api/v1/jobs/:id/cancel': signedIn,
  'GET /api/v1/projects/:id/evm': can('project.read', 'project'),
  'GET /api/v1/projects/:id/health': can('project.read', 'project'),
  // Monte Carlo forecasts: a project's for whoever reads it; the portfolio run covers only the
  // projects the caller sees (the job lists them when queued), its result is the caller's own.
  'GET /api/v1/projects/:id/forecast': can('project.read', 'project'),
  'POST /api/v1/forecasts/portfolio': can('project.read', 'anywhere'),
  'GET /api/v1/forecasts/portfolio/latest': can('project.read', 'anywhere'),
  // Dashboards, earned-value roll-ups and KPIs: read where the projects are readable (lists filtered
  // to what the caller sees); recomputing the figures and freezing snapshots is the PMO's.
  'GET /api/v1/dashboards/portfolio': can('project.read', 'anywhere'),
  'GET /api/v1/dashboards/scorecard': can('project.read', 'anywhere'),
  'POST /api/v1/dashboards/refresh': can('governance.manage', 'organisation'),
  'GET /api/v1/kpis': can('project.read', 'anywhere'),
  'POST /api/v1/kpis/snapshots': can('governance.manage', 'organisation'),
  'GET /api/v1/evm/rollup': can('project.read', 'anywhere'),
  'GET /api/v1/projects/:id/evm/s-curve': can('project.read', 'project'),
  'GET /api/v1/portfolios/:id/evm': can('project.read', 'portfolio'),
  'GET /api/v1/portfolios/:id/evm/s-curve': can('project.read', 'portfolio'),
  'GET /api/v1/programs/:id/evm': can('project.read', 'program'),
  'GET /api/v1/programs/:id/evm/s-curve': can('project.read', 'program'),
  'GET /api/v1/org-units/:id/evm': can('project.read', 'org-unit'),
  'GET /api/v1/org-units/:id/evm/s-curve': can('project.read', 'org-unit'),
  'GET /api/v1/standards': can('project.read', 'anywhere'),
  'POST /api/v1/standards': can('governance.manage', 'new-template'),
  'GET /api/v1/standards/:id': can('project.read', 'anywhere'),
  'PATCH /api/v1/standards/:id': can('governance.manage', 'standard'),
  'POST /api/v1/standards/:id/publish': can('governance.manage', 'standard'),
  'POST /api/v1/standards/:id/revise': can('governance.manage', 'standard'),
  'POST /api/v1/standards/:id/retire': can('governance.manage', 'standard'),
  'GET /api/v1/compliance-items': can('project.read', 'anywhere'),
  'POST /api/v1/compliance-items': can('governance.manage', 'new-template'),
  'PATCH /api/v1/compliance-items/:id': can('governance.manage', 'compliance-item'),
  'POST /api/v1/org-units/:id/compliance-waivers': can('governance.manage', 'org-unit'),
  'DELETE /api/v1/org-units/:id/compliance-waivers/:itemId': can('governance.manage', 'org-unit'),
  'GET /api/v1/projects/:id/compliance-checks': can('project.read', 'project'),
  'PUT /api/v1/projects/:id/compliance-checks/:itemId': can('project.update', 'project'),
  // Audits and peer reviews: the PMO (governance.manage where the audited thing sits) runs them and
  // closes findings; the audited project's team (project.update) plans and resolves corrective
  // actions — the service enforces that split.
  'GET /api/v1/audits': can('project.read', 'anywhere'),
  'POST /api/v1/audits': can('governance.manage', 'new-audit'),
  'GET /api/v1/audits/:id': can('project.read', 'audit'),
  'PATCH /api/v1/audits/:id': can('governance.manage', 'audit'),
  'POST /api/v1/audits/:id/transition': can('governance.manage', 'audit'),
  'POST /api/v1/audits/:id/findings': can('governance.manage', 'audit'),
  'GET /api/v1/audit-findings': can('project.read', 'anywhere'),
  'PATCH /api/v1/audit-findings/:id': can(['project.update', 'governance.manage'], 'finding'),
  'POST /api/v1/audit-findings/:id/transition': can(['project.update', 'governance.manage'], 'finding'),
  // PMO policies: set by the PMO at a unit, for everything beneath it.
  'GET /api/v1/org-units/:id/policy': can('project.read', 'anywhere'),
  'PUT /api/v1/org-units/:id/policy': can('governance.manage', 'org-unit'),
  'GET /api/v1/org-units/:id/health-rules': can('project.read', 'anywhere'),
  'PUT /api/v1/org-units/:id/health-rules': can('governance.manage', 'org-unit'),
  'DELETE /api/v1/org-units/:id/health-rules': can('governance.manage', 'org-unit'),
  'GET /api/v1/projects/:id/policy': can('project.read', 'project'),
  'GET /api/v1/projects/:id/lifecycle': can('project.read', 'project'),
  'POST /api/v1/projects/:id/lifecycle': can('project.update', 'project'),
  'POST /api/v1/projects/:id/lifecycle/migration': can('project.update', 'project'),
  'PUT /api/v1/projects/:id/lifecycle/gates/:phaseKey/checklist': can('project.update', 'project'),
  'POST /api/v1/projects/:id/lifecycle/gates/:phaseKey/submission': can('project.update', 'project'),
  'POST /api/v1/projects/:id/lifecycle/gates/:phaseKey/decision': can('project.approve', 'project'),
  // The operating model (issue 9): everyone on the project sees the rules; the PMO waives gate items.
  'GET /api/v1/projects/:id/operating-model': can('project.read', 'project'),
  'GET /api/v1/projects/:id/lifecycle/gates/:phaseKey/waivers': can('project.read', 'project'),
  'POST /api/v1/projects/:id/lifecycle/gates/:phaseKey/waivers': can('governance.manage', 'project'),
  'DELETE /api/v1/projects/:id/lifecycle/gates/:phaseKey/waivers/:itemId': can(
    'governance.manage',
    'project',
  ),

  // The clearinghouse. Project documents: read with the project, written by whoever may change it.
  // The PMO library: read by anyone who reads projects, written by the PMO (governance.manage) where
  // the item is filed. A document's writes name both actions: the service checks which one applies.
  'GET /api/v1/document-templates': signedIn,
  'GET /api/v1/document-templates/:key': signedIn,
  'GET /api/v1/library/documents': can('project.read', 'anywhere'),
  'POST /api/v1/library/documents': can('governance.manage', 'new-library-document'),
  'GET /api/v1/documents': can('project.read', 'anywhere'),
  'GET /api/v1/projects/:id/documents': can('project.read', 'project'),
  'POST /api/v1/projects/:id/documents': can('project.update', 'project'),
  'GET /api/v1/documents/:id': can('project.read', 'document'),
  'PATCH /api/v1/documents/:id': can(['project.update', 'governance.manage'], 'document'),
  'DELETE /api/v1/documents/:id': can(['project.update', 'governance.manage'], 'document'),
  'GET /api/v1/documents/:id/versions': can('project.read', 'document'),
  'POST /api/v1/documents/:id/versions': can(['project.update', 'governance.manage'], 'document'),
  'GET /api/v1/documents/:id/content': can('project.read', 'document'),
  'GET /api/v1/documents/:id/versions/:versionNo/content': can('project.read', 'document'),

  // Quality: the PMO (governance.manage) sets the standards where it is granted, and so for every unit
  // beneath; the project's people plan, review and raise; an approver (project.approve) accepts or
  // rejects a deliverable. An organisation-wide lesson needs project.update on the organisation.
  'GET /api/v1/quality-standards': can('project.read', 'anywhere'),
  'POST /api/v1/quality-standards': can('governance.manage', 'new-quality-standard'),
  'PATCH /api/v1/quality-standards/:id': can('governance.manage', 'quality-standard'),
  'GET /api/v1/deliverables': can('project.read', 'anywhere'),
  'POST /api/v1/deliverables': can('project.update', 'new-in-project'),
  'GET /api/v1/deliverables/:id': can('project.read', 'deliverable'),
  'PATCH /api/v1/deliverables/:id': can('project.update', 'deliverable'),
  'DELETE /api/v1/deliverables/:id': can('project.update', 'deliverable'),
  'POST /api/v1/deliverables/:id/reviews': can('project.update', 'deliverable'),
  'POST /api/v1/deliverables/:id/acceptance': can('project.approve', 'deliverable'),
  'GET /api/v1/non-conformances': can('project.read', 'anywhere'),
  'POST /api/v1/non-conformances': can('project.update', 'new-in-project'),
  'PATCH /api/v1/non-conformances/:id': can('project.update', 'non-conformance'),
  'POST /api/v1/non-conformances/:id/transition': can('project.update', 'non-conformance'),
  'GET /api/v1/lessons': can('project.read', 'anywhere'),
  'POST /api/v1/lessons': can('project.update', 'new-in-project'),
  'PATCH /api/v1/lessons/:id': can('project.update', 'lesson'),
  'DELETE /api/v1/lessons/:id': can('project.update', 'lesson'),

  // Configuration management (issue 9): read with the project, written by whoever may change it.
  // Approving a version needs project.approve or change.approve (an approver or the change board),
  // its other moves project.update: the service checks which. A baseline is frozen (no PATCH); only
  // the PMO (governance.manage) deletes one. The PMO-wide audit covers the projects the caller reads.
  'GET /api/v1/projects/:id/configuration-items': can('project.read', 'project'),
  'POST /api/v1/projects/:id/configuration-items': can('project.update', 'project'),
  'GET /api/v1/configuration-items/:id': can('project.read', 'configuration-item'),
  'PATCH /api/v1/configuration-items/:id': can('project.update', 'configuration-item'),
  'DELETE /api/v1/configuration-items/:id': can('project.update', 'configuration-item'),
  'POST /api/v1/configuration-items/:id/versions': can('project.update', 'configuration-item'),
  'POST /api/v1/configuration-items/:id/versions/:number/transition': can(
    ['project.update', 'project.approve', 'change.approve'],
    'configuration-item',
  ),
  'GET /api/v1/projects/:id/configuration-baselines': can('project.read', 'project'),
  'POST /api/v1/projects/:id/configuration-baselines': can('project.update', 'project'),
  'GET /api/v1/configuration-baselines/:id': can('project.read', 'configuration-baseline'),
  'DELETE /api/v1/configuration-baselines/:id': can('governance.manage', 'configuration-baseline'),
  'GET /api/v1/projects/:id/configuration-audit': can('project.read', 'project'),
  'GET /api/v1/configuration/audit': can('project.read', 'anywhere'),
  'GET /api/v1/change-requests/:id/configuration-items': can('project.read', 'change-request'),
  'PUT /api/v1/change-requests/:id/configuration-items': can('project.update', 'change-request'),

  // Stakeholders (issue 9). One register shared across projects: reads are filtered to the stakeholders
  // registered where the caller reads projects or on a project they see. Writes need project.update
  // somewhere; the service checks it on every project linked or unlinked, and — for a stakeholder on
  // no project, or to delete one still on projects the caller may not change — at its org unit.
  'GET /api/v1/stakeholders': can('project.read', 'anywhere'),
  'POST /api/v1/stakeholders': can('project.update', 'anywhere'),
  'GET /api/v1/stakeholders/:id': can('project.read', 'anywhere'),
  'PATCH /api/v1/stakeholders/:id': can('project.update', 'anywhere'),
  'DELETE /api/v1/stakeholders/:id': can('project.update', 'anywhere'),

  // Communication plans (issue 9). Reads are filtered to the plans of projects the caller reads and
  // the PMO items of units they read. A project's plan is changed with project.update on the project;
  // a PMO's own items (no project) also need governance.manage at their unit: the service checks it.
  'GET /api/v1/communication-items': can('project.read', 'anywhere'),
  'POST /api/v1/communication-items': can('project.update', 'new-communication-item'),
  'GET /api/v1/communication-items/:id': can('project.read', 'communication-item'),
  'PATCH /api/v1/communication-items/:id': can('project.update', 'communication-item'),
  'DELETE /api/v1/communication-items/:id': can('project.update', 'communication-item'),
  'POST /api/v1/communication-items/:id/records': can('project.update', 'communication-item'),
  'DELETE /api/v1/communication-records/:id': can('project.update', 'communication-record'),
  'GET /api/v1/communications/calendar': can('project.read', 'anywhere'),
  'GET /api/v1/communications/coordination': can('project.read', 'anywhere'),
  'GET /api/v1/communications/audience': can('project.read', 'anywhere'),

  // Timesheets: people log their own hours; the project's manager approves them.
  'GET /api/v1/timesheets': can('timesheet.log', 'anywhere'),
  'PUT /api/v1/timesheets': can('timesheet.log', 'anywhere'),
  'POST /api/v1/timesheets/:id/submit': can('timesheet.log', 'anywhere'),
  'GET /api/v1/timesheet-approvals': can('timesheet.approve', 'anywhere'),
  'POST /api/v1/projects/:id/timesheet-decisions': can('timesheet.approve', 'project'),
  'GET /api/v1/timesheet-lock': signedIn,
  'PUT /api/v1/timesheet-lock': can('resource.manage', 'organisation'),

  'GET /api/v1/custom-fields': signedIn,
  'POST /api/v1/custom-fields': can('customfield.manage', 'organisation'),
  'PATCH /api/v1/custom-fields/:id': can('customfield.manage', 'organisation'),
  'DELETE /api/v1/custom-fields/:id': can('customfield.manage', 'organisation'),

  'GET /api/v1/journal': can('journal.read', 'organisation'),

  // Notifications and the calendar feed: each user's own. Report schedules: the PMO (governance.manage);
  // the service checks the schedule's unit (the root when none). The feed itself is authorised by its
  // secret token, not a session.
  'GET /api/v1/notifications': signedIn,
  'POST /api/v1/notifications/:id/read': signedIn,
  'POST /api/v1/notifications/read-all': signedIn,
  'GET /api/v1/calendar-feed': signedIn,
  'POST /api/v1/calendar-feed': signedIn,
  'DELETE /api/v1/calendar-feed': signedIn,
  'GET /api/v1/calendar/:token.ics': pub,
  'GET /api/v1/report-kinds': can('governance.manage', 'anywhere'),
  'GET /api/v1/report-schedules': can('governance.manage', 'anywhere'),
  'POST /api/v1/report-schedules': can('governance.manage', 'anywhere'),
  'GET /api/v1/report-schedules/:id': can('governance.manage', 'anywhere'),
  'PATCH /api/v1/report-schedules/:id': can('governance.manage', 'anywhere'),
  'DELETE /api/v1/report-schedules/:id': can('governance.manage', 'anywhere'),
  'POST /api/v1/report-schedules/:id/run': can('governance.manage', 'anywhere'),
  'GET /api/v1/report-files': can('governance.manage', 'anywhere'),
  'GET /api/v1/report-files/:id': can('governance.manage', 'anywhere'),
} as const satisfies Record<string, Access>;

/** Routes registered by plugins rather than by us: the browsable API docs, public by design. */
export const PUBLIC_PREFIXES = ['/api/docs'] as const;

export type RouteKey = keyof typeof ROUTE_ACCESS;

/** The table entry for a route, or undefined when the route has none. */
export function lookupAccess(method: string, url: string): Access | undefined {
  return (ROUTE_ACCESS as Record<string, Access>)[`${method} ${url}`];
}
