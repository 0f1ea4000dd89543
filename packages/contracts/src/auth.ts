import { ACTIONS, ROLES, SCOPE_TYPES } from '@baton/core';
import { z } from 'zod';
import { Id, Instant } from './common.ts';

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const Password = z.string().min(10, 'at least 10 characters').max(200);

export const LoginBody = z.strictObject({ email: Email, password: z.string().min(1).max(200) });

export const Grant = z.object({
  id: Id,
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: Id.nullable(),
  scopeName: z.string().nullable(),
});
export type Grant = z.infer<typeof Grant>;

export const SessionInfo = z.object({
  user: z.object({ id: Id, email: z.string(), name: z.string() }),
  grants: z.array(Grant),
  actions: z.array(z.enum(ACTIONS)).describe('Actions the user holds somewhere (for showing menus)'),
  csrfToken: z
    .string()
    .nullable()
    .describe('Send as X-CSRF-Token on writes authenticated by the session cookie; null with a bearer token'),
  expiresAt: Instant.nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string().describe('First characters of the token, to recognise it'),
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
  expiresAt: Instant.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(365),
});
export const CreatedApiToken = ApiToken.extend({ token: z.string().describe('Shown once; store it now') });
