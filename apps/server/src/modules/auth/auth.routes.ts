import {
  ApiToken,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  IdParams,
  LoginBody,
  Ok,
  SessionInfo,
} from '@baton/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../http/problem.ts';
import { authOf, type RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export const SESSION_COOKIE = 'baton_session';

export type CookiePolicy = { secure: boolean };

function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, policy: CookiePolicy): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure,
    path: '/',
    expires: expiresAt,
  });
}

export function registerAuthRoutes(
  r: RouteRegistrar,
  s: Services,
  cookies: CookiePolicy,
  loginRateLimit: object,
): void {
  r.add({
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Sign in with e-mail and password; sets the session cookie',
    tags: ['Auth'],
    schema: { body: LoginBody, response: { 200: SessionInfo } },
    config: { rateLimit: loginRateLimit },
    handler: async (req, reply) => {
      const { token, auth } = await s.auth.login(req.body.email, req.body.password, {
        userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
        ip: req.ip,
      });
      if (auth.expiresAt) setSessionCookie(reply, token, auth.expiresAt, cookies);
      req.auth = auth;
      return s.auth.describe(auth);
    },
  });

  r.add({
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'Sign out: ends the session and clears the cookie',
    tags: ['Auth'],
    schema: { response: { 200: Ok } },
    handler: async (req: FastifyRequest, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await s.auth.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.add({
    method: 'GET',
    url: '/api/v1/auth/session',
    summary: 'Who is signed in, their grants, and the CSRF token for writes',
    tags: ['Auth'],
    schema: { response: { 200: SessionInfo } },
    handler: async (req) => s.auth.describe(authOf(req)),
  });

  r.add({
    method: 'POST',
    url: '/api/v1/auth/password',
    summary: 'Change your own password; every other session of yours is signed out',
    tags: ['Auth'],
    schema: { body: ChangePasswordBody, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.auth.changePassword(actor, authOf(req), req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  });

  r.add({
    method: 'GET',
    url: '/api/v1/auth/tokens',
    summary: 'Your personal API tokens (never the secret itself)',
    tags: ['Auth'],
    schema: { response: { 200: z.object({ items: z.array(ApiToken) }) } },
    handler: async (req) => ({ items: await s.auth.listTokens(authOf(req).userId) }),
  });

  r.add({
    method: 'POST',
    url: '/api/v1/auth/tokens',
    summary: 'Create a personal API token; the token is shown once',
    tags: ['Auth'],
    status: 201,
    schema: { body: CreateApiTokenBody, response: { 201: CreatedApiToken } },
    handler: async (req, _reply, actor) =>
      s.auth.createToken(actor, authOf(req).userId, req.body.name, req.body.expiresInDays),
  });

  r.add({
    method: 'DELETE',
    url: '/api/v1/auth/tokens/:id',
    summary: 'Revoke one of your API tokens',
    tags: ['Auth'],
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      if (!(await s.auth.revokeToken(actor, authOf(req).userId, req.params.id))) throw notFound('Token');
      return { ok: true as const };
    },
  });
}
