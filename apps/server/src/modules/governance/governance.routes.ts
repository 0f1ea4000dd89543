import {
  ApplyTemplateBody,
  ComplianceQuery,
  ComplianceReport,
  CreateGateWaiverBody,
  CreateTemplateBody,
  GateChecklistBody,
  GateDecisionBody,
  GateQueue,
  GateWaiver,
  GateWaiverList,
  IdParams,
  LifecycleTemplate,
  LifecycleTemplateList,
  MigrateLifecycleBody,
  NewTemplateVersionBody,
  Ok,
  OperatingModel,
  PolicyUpdateBody,
  ProjectCompliance,
  ProjectLifecycle,
  ProjectPolicy,
  SubmitGateBody,
  TemplateQuery,
  UnitPolicy,
} from '@baton/contracts';
import { z } from 'zod';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

const GateParams = z.strictObject({ id: z.uuid(), phaseKey: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/) });

export function registerGovernanceRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Methodology and gates'];
  r.add({
    method: 'GET',
    url: '/api/v1/lifecycle-templates',
    summary: 'Lifecycle templates (latest versions; with projectId, those that apply to its org unit)',
    tags,
    schema: { querystring: TemplateQuery, response: { 200: LifecycleTemplateList } },
    handler: async (req) => s.governance.listTemplates(req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/lifecycle-templates',
    summary: 'Define a lifecycle template at an org unit (or for the whole organisation)',
    tags,
    status: 201,
    schema: { body: CreateTemplateBody, response: { 201: LifecycleTemplate } },
    handler: async (req, _reply, actor) => s.governance.createTemplate(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/lifecycle-templates/:id',
    summary: 'One template version',
    tags,
    schema: { params: IdParams, response: { 200: LifecycleTemplate } },
    handler: async (req) => s.governance.getTemplate(req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/lifecycle-templates/:id/versions',
    summary: 'Publish a new version; running projects keep theirs until migrated',
    tags,
    status: 201,
    schema: { params: IdParams, body: NewTemplateVersionBody, response: { 201: LifecycleTemplate } },
    handler: async (req, _reply, actor) => s.governance.newVersion(actor, req.params.id, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/compliance',
    summary: 'Compliance with the PMO’s standards per project and per org unit (automatic rules)',
    tags,
    schema: { querystring: ComplianceQuery, response: { 200: ComplianceReport } },
    handler: async (req, _reply, actor) => s.compliance.report(actor, req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/compliance',
    summary:
      'One project’s compliance: each automatic rule and its checklist, and the score against the target',
    tags,
    schema: { params: IdParams, response: { 200: ProjectCompliance } },
    handler: async (req) => s.compliance.forProject(req.params.id),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/gate-reviews',
    summary: 'Gates waiting for a decision',
    tags,
    schema: { response: { 200: GateQueue } },
    handler: async (_req, _reply, actor) => s.governance.queue(actor),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/lifecycle',
    summary: 'The project’s phases, gates, checklists and gate reviews',
    tags,
    schema: { params: IdParams, response: { 200: ProjectLifecycle } },
    handler: async (req) => s.governance.lifecycle(req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/lifecycle',
    summary: 'Give the project its phases, gates and checklists from a template',
    tags,
    status: 201,
    schema: { params: IdParams, body: ApplyTemplateBody, response: { 201: ProjectLifecycle } },
    handler: async (req, _reply, actor) => s.governance.apply(actor, req.params.id, req.body.templateId),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/lifecycle/migration',
    summary: 'Move the project to another template version, keeping progress on phases that remain',
    tags,
    schema: { params: IdParams, body: MigrateLifecycleBody, response: { 200: ProjectLifecycle } },
    handler: async (req, _reply, actor) => s.governance.migrate(actor, req.params.id, req.body),
  });
  r.add({
    method: 'PUT',
    url: '/api/v1/projects/:id/lifecycle/gates/:phaseKey/checklist',
    summary: 'Tick gate criteria and accept deliverables of the phase in progress',
    tags,
    schema: { params: GateParams, body: GateChecklistBody, response: { 200: ProjectLifecycle } },
    handler: async (req, _reply, actor) =>
      s.governance.checklist(actor, req.params.id, req.params.phaseKey, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/lifecycle/gates/:phaseKey/submission',
    summary:
      'Submit the phase’s gate for review. Under a controlling or directive operating model unmet criteria, deliverables, policy documents and compliance rules block it until met or waived; under a supportive one they are recorded with the review as warnings',
    tags,
    schema: { params: GateParams, body: SubmitGateBody, response: { 200: ProjectLifecycle } },
    handler: async (req, _reply, actor) =>
      s.governance.submit(actor, req.params.id, req.params.phaseKey, req.body.version),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/lifecycle/gates/:phaseKey/decision',
    summary:
      'Decide a submitted gate: go, hold, recycle or kill (kill cancels the project). Under a directive operating model only the PMO (governance.manage) decides',
    tags,
    schema: { params: GateParams, body: GateDecisionBody, response: { 200: ProjectLifecycle } },
    handler: async (req, _reply, actor) =>
      s.governance.decide(actor, req.params.id, req.params.phaseKey, req.body),
  });
  const modelTags = ['PMO operating model'];
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/operating-model',
    summary: 'The PMO operating model the project works under, where it is set, and its rules',
    tags: modelTags,
    schema: { params: IdParams, response: { 200: OperatingModel } },
    handler: async (req) => s.operatingModels.forProject(req.params.id),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/lifecycle/gates/:phaseKey/waivers',
    summary: 'The PMO’s waivers at one of the project’s gates',
    tags: modelTags,
    schema: { params: GateParams, response: { 200: GateWaiverList } },
    handler: async (req) => s.governance.waivers(req.params.id, req.params.phaseKey),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/lifecycle/gates/:phaseKey/waivers',
    summary:
      'The PMO waives an unmet item of the gate in progress (criterion:…, deliverable:…, policy:…, compliance:…) with its reason',
    tags: modelTags,
    status: 201,
    schema: { params: GateParams, body: CreateGateWaiverBody, response: { 201: GateWaiver } },
    handler: async (req, _reply, actor) =>
      s.governance.waive(actor, req.params.id, req.params.phaseKey, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/projects/:id/lifecycle/gates/:phaseKey/waivers/:itemId',
    summary: 'Withdraw a waiver',
    tags: modelTags,
    schema: { params: GateParams.extend({ itemId: z.uuid() }), response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.governance.withdrawWaiver(actor, req.params.id, req.params.phaseKey, req.params.itemId);
      return { ok: true as const };
    },
  });
  const policyTags = ['PMO policies'];
  r.add({
    method: 'GET',
    url: '/api/v1/org-units/:id/policy',
    summary: 'A unit’s PMO policy: its own settings, what is in force there and what units above fix',
    tags: policyTags,
    schema: { params: IdParams, response: { 200: UnitPolicy } },
    handler: async (req) => s.policies.forUnit(req.params.id),
  });
  r.add({
    method: 'PUT',
    url: '/api/v1/org-units/:id/policy',
    summary:
      'Set a unit’s own PMO policy (tighten freely; relax only what the units above leave overridable)',
    tags: policyTags,
    schema: { params: IdParams, body: PolicyUpdateBody, response: { 200: UnitPolicy } },
    handler: async (req, _reply, actor) => s.policies.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/policy',
    summary: 'The PMO policy in force for a project (its org unit and every unit above)',
    tags: policyTags,
    schema: { params: IdParams, response: { 200: ProjectPolicy } },
    handler: async (req) => s.policies.forProject(req.params.id),
  });
}
