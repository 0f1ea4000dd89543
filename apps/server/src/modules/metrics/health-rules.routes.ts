import { HealthRulesBody, HealthRulesVersionQuery, IdParams, UnitHealthRules } from '@baton/contracts';
import type { HealthRule } from '@baton/core';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

const tags = ['Health rules'];

export function registerHealthRuleRoutes(r: RouteRegistrar, s: Services): void {
  r.add({
    method: 'GET',
    url: '/api/v1/org-units/:id/health-rules',
    summary: 'The health rules in force at a unit (its own, inherited from above, or Baton’s defaults)',
    tags,
    schema: { params: IdParams, response: { 200: UnitHealthRules } },
    handler: async (req) => s.healthRules.forUnit(req.params.id),
  });
  r.add({
    method: 'PUT',
    url: '/api/v1/org-units/:id/health-rules',
    summary: 'Set a unit’s own health rules (the complete set; units below without their own inherit it)',
    tags,
    schema: { params: IdParams, body: HealthRulesBody, response: { 200: UnitHealthRules } },
    handler: async (req, _reply, actor) =>
      s.healthRules.update(actor, req.params.id, {
        version: req.body.version,
        rules: req.body.rules as HealthRule[],
      }),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/org-units/:id/health-rules',
    summary: 'Drop a unit’s own health rules: it inherits those above again',
    tags,
    schema: { params: IdParams, querystring: HealthRulesVersionQuery, response: { 200: UnitHealthRules } },
    handler: async (req, _reply, actor) => s.healthRules.reset(actor, req.params.id, req.query.version),
  });
}
