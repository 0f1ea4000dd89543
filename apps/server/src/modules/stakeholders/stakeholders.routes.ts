import {
  CreateStakeholderBody,
  DeleteStakeholderQuery,
  IdParams,
  Ok,
  Stakeholder,
  StakeholderList,
  StakeholderQuery,
  UpdateStakeholderBody,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerStakeholderRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Stakeholders'];
  r.add({
    method: 'GET',
    url: '/api/v1/stakeholders',
    summary:
      'The stakeholder register across the projects the caller may see, with each one’s quadrant and projects',
    tags,
    schema: { querystring: StakeholderQuery, response: { 200: StakeholderList } },
    handler: async (req, _reply, actor) => s.stakeholders.list(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/stakeholders',
    summary: 'Register a stakeholder, optionally on projects (needs project.update on each, or at its unit)',
    tags,
    status: 201,
    schema: { body: CreateStakeholderBody, response: { 201: Stakeholder } },
    handler: async (req, _reply, actor) => s.stakeholders.create(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/stakeholders/:id',
    summary: 'One stakeholder',
    tags,
    schema: { params: IdParams, response: { 200: Stakeholder } },
    handler: async (req, _reply, actor) => s.stakeholders.get(actor, req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/stakeholders/:id',
    summary: 'Change a stakeholder; projectIds, when given, replaces its project links wholesale',
    tags,
    schema: { params: IdParams, body: UpdateStakeholderBody, response: { 200: Stakeholder } },
    handler: async (req, _reply, actor) => s.stakeholders.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/stakeholders/:id',
    summary: 'Remove a stakeholder from the register and every project (kept in the journal)',
    tags,
    schema: { params: IdParams, querystring: DeleteStakeholderQuery, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.stakeholders.remove(actor, req.params.id, req.query.version);
      return { ok: true as const };
    },
  });
}
