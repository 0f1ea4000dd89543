import { ROLES, SCOPE_TYPES } from '@baton/core';
import { z } from 'zod';
import { Email, Grant, Password } from './auth.ts';
import { Audited, Id, Name, PageQuery, pageOf, Version } from './common.ts';

export const User = z.object({
  ...Audited,
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  grants: z.array(Grant),
});
export type User = z.infer<typeof User>;
export const UserPage = pageOf(User);

export const UserListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().max(200).optional(),
  active: z.enum(['true', 'false']).optional(),
  role: z.enum(ROLES).optional(),
});

export const GrantInput = z
  .strictObject({ role: z.enum(ROLES), scopeType: z.enum(SCOPE_TYPES), scopeId: Id.nullable().default(null) })
  .refine((g) => (g.scopeType === 'organisation') === (g.scopeId === null), {
    message: 'scopeId is null exactly when scopeType is organisation',
    path: ['scopeId'],
  });

export const CreateUserBody = z.strictObject({
  email: Email,
  name: Name,
  password: Password,
  grants: z.array(GrantInput).max(50).default([]),
});
export const UpdateUserBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  active: z.boolean().optional(),
  password: Password.optional().describe('Set a new password (revokes the user’s sessions)'),
});
export const AddGrantBody = GrantInput;
export const GrantParams = z.strictObject({ id: Id, grantId: Id });
