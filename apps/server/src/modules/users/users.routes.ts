import {
  AddGrantBody,
  CreateUserBody,
  GrantParams,
  IdParams,
  UpdateUserBody,
  User,
  UserListQuery,
  UserPage,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerUserRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Users'];
  r.add({
    method: 'GET',
    url: '/api/v1/users',
    summary: 'List users with their grants',
    tags,
    schema: { querystring: UserListQuery, response: { 200: UserPage } },
    handler: async (req) => s.users.list(req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/users',
    summary: 'Create a user (administrators)',
    tags,
    status: 201,
    schema: { body: CreateUserBody, response: { 201: User } },
    handler: async (req, _reply, actor) => s.users.create(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/users/:id',
    summary: 'One user',
    tags,
    schema: { params: IdParams, response: { 200: User } },
    handler: async (req) => s.users.get(req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/users/:id',
    summary: 'Rename, deactivate or reset the password of a user (revokes their sessions)',
    tags,
    schema: { params: IdParams, body: UpdateUserBody, response: { 200: User } },
    handler: async (req, _reply, actor) => s.users.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/users/:id/grants',
    summary: 'Grant a role at a scope',
    tags,
    status: 201,
    schema: { params: IdParams, body: AddGrantBody, response: { 201: User } },
    handler: async (req, _reply, actor) => s.users.addGrant(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/users/:id/grants/:grantId',
    summary: 'Take a role back',
    tags,
    schema: { params: GrantParams, response: { 200: User } },
    handler: async (req, _reply, actor) => s.users.removeGrant(actor, req.params.id, req.params.grantId),
  });
}
