import { CUSTOM_FIELD_TYPES } from '@baton/core';
import { z } from 'zod';
import { Audited, Version } from './common.ts';

const Key = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower-case letters, digits and underscores, starting with a letter');

export const CustomField = z.object({
  ...Audited,
  key: z.string(),
  label: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  required: z.boolean(),
  options: z.array(z.string()),
  description: z.string().nullable(),
});
export type CustomField = z.infer<typeof CustomField>;
export const CustomFieldList = z.object({ items: z.array(CustomField) });

const Options = z.array(z.string().trim().min(1).max(100)).max(100);
export const CreateCustomFieldBody = z
  .strictObject({
    key: Key,
    label: z.string().trim().min(1).max(100),
    type: z.enum(CUSTOM_FIELD_TYPES),
    required: z.boolean().default(false),
    options: Options.default([]),
    description: z.string().max(1000).nullable().default(null),
  })
  .refine((f) => f.type !== 'choice' || f.options.length > 0, {
    message: 'a choice field needs at least one option',
    path: ['options'],
  });
export const UpdateCustomFieldBody = z.strictObject({
  version: Version,
  label: z.string().trim().min(1).max(100).optional(),
  required: z.boolean().optional(),
  options: Options.optional(),
  description: z.string().max(1000).nullable().optional(),
});
