import { IdParams, Job, JobList, JobListQuery } from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

const tags = ['Jobs'];

export function registerJobRoutes(r: RouteRegistrar, s: Services): void {
  r.add({
    method: 'GET',
    url: '/api/v1/jobs',
    summary: 'Background jobs you started (every job for an organisation administrator), newest first',
    tags,
    schema: { querystring: JobListQuery, response: { 200: JobList } },
    handler: async (req, _reply, actor) => ({ items: await s.jobs.list(actor, req.query) }),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/jobs/:id',
    summary: 'A background job: its status, progress and, once done, its result or error',
    tags,
    schema: { params: IdParams, response: { 200: Job } },
    handler: async (req, _reply, actor) => s.jobs.get(actor, req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/jobs/:id/cancel',
    summary: 'Cancel a job that has not finished (a running one stops at its next step)',
    tags,
    schema: { params: IdParams, response: { 200: Job } },
    handler: async (req, _reply, actor) => s.jobs.cancel(actor, req.params.id),
  });
}
