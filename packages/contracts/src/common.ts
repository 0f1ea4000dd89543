import { z } from 'zod';

export const Id = z.uuid().describe('Identifier (UUID)');
export const IsoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');
export const Instant = z.string().describe('Instant, ISO 8601 with time zone');
export const Version = z.number().int().min(1).describe('Row version for optimistic concurrency');
export const Code = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'letters, digits, dot, dash or underscore, starting with a letter or digit',
  );
export const Name = z.string().trim().min(1).max(200);
export const LongText = z.string().max(10_000);
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
  .describe('ISO 4217 currency code');

/** Fields every stored business record carries. */
export const Audited = {
  id: Id,
  version: Version,
  createdAt: Instant,
  updatedAt: Instant,
};

export const PageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const IdParams = z.strictObject({ id: Id });

/** RFC 9457 problem details, with the offending fields named. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), rule: z.string(), message: z.string() }))
      .optional()
      .describe('One entry per offending field'),
    currentVersion: z.number().int().optional().describe('On 409/412: the version now stored'),
  })
  .describe('application/problem+json (RFC 9457)');
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });
