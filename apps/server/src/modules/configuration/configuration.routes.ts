import {
  ChangeRequestConfigurationItems,
  CiVersionParams,
  CiVersionTransitionBody,
  ConfigurationBaseline,
  ConfigurationBaselineList,
  ConfigurationItem,
  ConfigurationItemDetail,
  ConfigurationItemList,
  CreateCiVersionBody,
  CreateConfigurationBaselineBody,
  CreateConfigurationItemBody,
  IdParams,
  Ok,
  PmoConfigurationAudit,
  PmoConfigurationAuditQuery,
  ProjectConfigurationAudit,
  ProjectConfigurationAuditQuery,
  PutChangeRequestItemsBody,
  UpdateConfigurationItemBody,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerConfigurationRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Configuration management'];
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/configuration-items',
    summary: 'The project’s configuration items, each with its latest and its approved version',
    tags,
    schema: { params: IdParams, response: { 200: ConfigurationItemList } },
    handler: async (req) => s.configuration.list(req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/configuration-items',
    summary: 'Put an item under configuration control; it starts at version 1, in draft',
    tags,
    status: 201,
    schema: { params: IdParams, body: CreateConfigurationItemBody, response: { 201: ConfigurationItem } },
    handler: async (req, _reply, actor) => s.configuration.create(actor, req.params.id, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/configuration-items/:id',
    summary: 'One configuration item with its version history, baselines and change requests',
    tags,
    schema: { params: IdParams, response: { 200: ConfigurationItemDetail } },
    handler: async (req) => s.configuration.get(req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/configuration-items/:id',
    summary: 'Rename, reclassify or re-own an item (its versions change only through transitions)',
    tags,
    schema: { params: IdParams, body: UpdateConfigurationItemBody, response: { 200: ConfigurationItem } },
    handler: async (req, _reply, actor) => s.configuration.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/configuration-items/:id',
    summary: 'Delete an item that was never approved, baselined or named by a change (409 otherwise)',
    tags,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => s.configuration.remove(actor, req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/configuration-items/:id/versions',
    summary: 'Record the item’s next version, in draft (one open version at a time)',
    tags,
    status: 201,
    schema: { params: IdParams, body: CreateCiVersionBody, response: { 201: ConfigurationItemDetail } },
    handler: async (req, _reply, actor) => s.configuration.addVersion(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/configuration-items/:id/versions/:number/transition',
    summary:
      'Move a version: draft → in_review → approved, or back to draft; approving (project.approve or change.approve) supersedes the previously approved version',
    tags,
    schema: {
      params: CiVersionParams,
      body: CiVersionTransitionBody,
      response: { 200: ConfigurationItemDetail },
    },
    handler: async (req, _reply, actor) =>
      s.configuration.transition(actor, req.params.id, req.params.number, req.body.status),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/configuration-baselines',
    summary: 'The project’s configuration baselines, newest first, with the version each froze',
    tags,
    schema: { params: IdParams, response: { 200: ConfigurationBaselineList } },
    handler: async (req) => s.configurationBaselines.list(req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/configuration-baselines',
    summary:
      'Freeze the approved version of every item (or of the chosen ones); 422 names the items without one',
    tags,
    status: 201,
    schema: {
      params: IdParams,
      body: CreateConfigurationBaselineBody,
      response: { 201: ConfigurationBaseline },
    },
    handler: async (req, _reply, actor) => s.configurationBaselines.create(actor, req.params.id, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/configuration-baselines/:id',
    summary: 'One configuration baseline (frozen: it never changes)',
    tags,
    schema: { params: IdParams, response: { 200: ConfigurationBaseline } },
    handler: async (req) => s.configurationBaselines.get(req.params.id),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/configuration-baselines/:id',
    summary: 'Delete a baseline taken by mistake (the PMO only)',
    tags,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => s.configurationBaselines.remove(actor, req.params.id),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/configuration-audit',
    summary:
      'The configuration audit: each item’s approved version against a baseline (the newest by default), with the changes that explain it',
    tags,
    schema: {
      params: IdParams,
      querystring: ProjectConfigurationAuditQuery,
      response: { 200: ProjectConfigurationAudit },
    },
    handler: async (req) => s.configurationBaselines.projectAudit(req.params.id, req.query.baselineId),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/configuration/audit',
    summary:
      'The PMO’s configuration audit across every project the caller reads, each against its newest baseline',
    tags,
    schema: { querystring: PmoConfigurationAuditQuery, response: { 200: PmoConfigurationAudit } },
    handler: async (req, _reply, actor) => s.configurationBaselines.pmoAudit(actor, req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/change-requests/:id/configuration-items',
    summary: 'The configuration items a change request touches, and the versions its approval recorded',
    tags,
    schema: { params: IdParams, response: { 200: ChangeRequestConfigurationItems } },
    handler: async (req) => s.configuration.changeItems(req.params.id),
  });
  r.add({
    method: 'PUT',
    url: '/api/v1/change-requests/:id/configuration-items',
    summary: 'Name the items a change touches (its project’s own), while it is undecided',
    tags,
    schema: {
      params: IdParams,
      body: PutChangeRequestItemsBody,
      response: { 200: ChangeRequestConfigurationItems },
    },
    handler: async (req, _reply, actor) => s.configuration.putChangeItems(actor, req.params.id, req.body),
  });
}
