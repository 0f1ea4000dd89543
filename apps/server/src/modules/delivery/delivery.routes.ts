import {
  CreateReportScheduleBody,
  DeleteReportScheduleQuery,
  IdParams,
  Ok,
  ReportFileList,
  ReportFileQuery,
  ReportKindList,
  ReportRunQueued,
  ReportSchedule,
  ReportScheduleList,
  UpdateReportScheduleBody,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import { contentDisposition } from '../documents/documents.routes.ts';

export function registerDeliveryRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Scheduled reports'];
  r.add({
    method: 'GET',
    url: '/api/v1/report-kinds',
    summary: 'The kinds of report a schedule can produce, their formats, and whether e-mail is on',
    tags,
    schema: { response: { 200: ReportKindList } },
    handler: async () => s.delivery.reportKinds(),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/report-schedules',
    summary: 'Report schedules of the units where the caller holds governance.manage',
    tags,
    schema: { response: { 200: ReportScheduleList } },
    handler: async (_req, _reply, actor) => s.delivery.list(actor),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/report-schedules',
    summary: 'Schedule a report: e-mailed or saved, weekly or monthly',
    tags,
    status: 201,
    schema: { body: CreateReportScheduleBody, response: { 201: ReportSchedule } },
    handler: async (req, _reply, actor) => s.delivery.create(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/report-schedules/:id',
    summary: 'A report schedule with its next and last run',
    tags,
    schema: { params: IdParams, response: { 200: ReportSchedule } },
    handler: async (req, _reply, actor) => s.delivery.get(actor, req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/report-schedules/:id',
    summary: 'Change a report schedule (its next run is recomputed)',
    tags,
    schema: { params: IdParams, body: UpdateReportScheduleBody, response: { 200: ReportSchedule } },
    handler: async (req, _reply, actor) => s.delivery.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/report-schedules/:id',
    summary: 'Delete a report schedule (its saved files stay)',
    tags,
    schema: { params: IdParams, querystring: DeleteReportScheduleQuery, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.delivery.remove(actor, req.params.id, req.query.version);
      return { ok: true as const };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/report-schedules/:id/run',
    summary: 'Produce and deliver the report now (a background job)',
    tags,
    status: 202,
    schema: { params: IdParams, response: { 202: ReportRunQueued } },
    handler: async (req, _reply, actor) => s.delivery.runNow(actor, req.params.id),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/report-files',
    summary: 'Files scheduled reports saved, newest first',
    tags,
    schema: { querystring: ReportFileQuery, response: { 200: ReportFileList } },
    handler: async (req, _reply, actor) => s.delivery.files(actor, req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/report-files/:id',
    summary: 'Download a saved report file (always as an attachment)',
    tags,
    schema: { params: IdParams },
    handler: async (req, reply, actor) => {
      const f = await s.delivery.file(actor, req.params.id);
      return reply
        .header('content-type', f.mediaType)
        .header('content-disposition', contentDisposition(f.fileName))
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-cache')
        .send(f.bytes);
    },
  });
}
