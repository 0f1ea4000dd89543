import {
  CreateCustomFieldBody,
  CustomField,
  CustomFieldList,
  IdParams,
  Ok,
  UpdateCustomFieldBody,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerCustomFieldRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Custom fields'];
  r.add({
    method: 'GET',
    url: '/api/v1/custom-fields',
    summary: 'Project fields the PMO has defined',
    tags,
    schema: { response: { 200: CustomFieldList } },
    handler: async () => ({ items: await s.customFields.list() }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/custom-fields',
    summary: 'Define a project field (text, number, date, choice, user)',
    tags,
    status: 201,
    schema: { body: CreateCustomFieldBody, response: { 201: CustomField } },
    handler: async (req, _reply, actor) => s.customFields.create(actor, req.body),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/custom-fields/:id',
    summary: 'Change a field’s label, options or whether it is required',
    tags,
    schema: { params: IdParams, body: UpdateCustomFieldBody, response: { 200: CustomField } },
    handler: async (req, _reply, actor) => s.customFields.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/custom-fields/:id',
    summary: 'Remove a field definition (values already stored stay in the journal)',
    tags,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.customFields.remove(actor, req.params.id);
      return { ok: true as const };
    },
  });
}
