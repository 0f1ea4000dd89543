import { z } from 'zod';
import { Id, Instant } from './common.ts';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;

export const Job = z
  .object({
    id: Id,
    kind: z.string().describe('What the job does, e.g. forecast.portfolio'),
    status: z.enum(JOB_STATUSES),
    progress: z.number().min(0).max(1).describe('0 to 1'),
    progressMessage: z.string().nullable(),
    result: z.record(z.string(), z.unknown()).nullable().describe('What the job produced, once succeeded'),
    error: z.string().nullable(),
    attempts: z.number().int(),
    createdAt: Instant,
    startedAt: Instant.nullable(),
    finishedAt: Instant.nullable(),
  })
  .describe('A background job of the database-backed queue');
export type Job = z.infer<typeof Job>;

export const JobList = z.object({ items: z.array(Job) });
export const JobListQuery = z.strictObject({
  kind: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
