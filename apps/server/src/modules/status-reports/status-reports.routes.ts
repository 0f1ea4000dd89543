import {
  CreateStatusReportBody,
  EvmQuery,
  HealthQuery,
  IdParams,
  ProjectEvm,
  ProjectHealth,
  ReportingOverview,
  ReportingOverviewQuery,
  ReviewStatusReportBody,
  StatusReportCommentBody,
  StatusReportDetail,
  StatusReportList,
  StatusReportQuery,
  SubmitStatusReportBody,
  UpdateStatusReportBody,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerStatusReportRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Status reports'];
  r.add({
    method: 'GET',
    url: '/api/v1/status-reports',
    summary: 'Status reports of the projects the user may see',
    tags,
    schema: { querystring: StatusReportQuery, response: { 200: StatusReportList } },
    handler: async (req, _reply, actor) => s.statusReports.list(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/status-reports',
    summary: 'Start a project’s report for a month, pre-filled with Baton’s figures and computed health',
    tags,
    status: 201,
    schema: { body: CreateStatusReportBody, response: { 201: StatusReportDetail } },
    handler: async (req, _reply, actor) => s.statusReports.create(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/status-reports/:id',
    summary: 'A status report with its comments',
    tags,
    schema: { params: IdParams, response: { 200: StatusReportDetail } },
    handler: async (req) => s.statusReports.get(req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/status-reports/:id',
    summary: 'Write the narrative and the reported RAG (while a draft or returned)',
    tags,
    schema: { params: IdParams, body: UpdateStatusReportBody, response: { 200: StatusReportDetail } },
    handler: async (req, _reply, actor) => s.statusReports.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/status-reports/:id/submit',
    summary: 'Submit the report to the PMO; the computed health is frozen with it',
    tags,
    schema: { params: IdParams, body: SubmitStatusReportBody, response: { 200: StatusReportDetail } },
    handler: async (req, _reply, actor) => s.statusReports.submit(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/status-reports/:id/review',
    summary: 'The PMO accepts a submitted report or returns it with a comment',
    tags,
    schema: { params: IdParams, body: ReviewStatusReportBody, response: { 200: StatusReportDetail } },
    handler: async (req, _reply, actor) => s.statusReports.review(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/status-reports/:id/comments',
    summary: 'Comment on a status report',
    tags,
    status: 201,
    schema: { params: IdParams, body: StatusReportCommentBody, response: { 201: StatusReportDetail } },
    handler: async (req, _reply, actor) => s.statusReports.comment(actor, req.params.id, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/reporting/overview',
    summary: 'For a month: every executing project and its status report — missing, overdue, mismatched',
    tags,
    schema: { querystring: ReportingOverviewQuery, response: { 200: ReportingOverview } },
    handler: async (req, _reply, actor) => s.statusReports.overview(actor, req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/evm',
    summary: 'Earned value of a project at a status date, from its baseline, progress and actual costs',
    tags: ['Reporting'],
    schema: { params: IdParams, querystring: EvmQuery, response: { 200: ProjectEvm } },
    handler: async (req) => s.metrics.evm(req.params.id, req.query.statusDate, req.query.eacMethod),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/health',
    summary: 'A project’s computed health per dimension, with the rules that fired and the facts they read',
    tags: ['Reporting'],
    schema: { params: IdParams, querystring: HealthQuery, response: { 200: ProjectHealth } },
    handler: async (req) => {
      const asOf = req.query.asOf ?? new Date().toISOString().slice(0, 10);
      return { asOf, ...(await s.metrics.health(req.params.id, asOf)) };
    },
  });
}
