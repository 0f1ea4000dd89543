import {
  Baseline,
  BaselineVariance,
  CreateBaselineBody,
  CreateLinkBody,
  CreateTaskBody,
  IdParams,
  ImpactQuery,
  ImpactResult,
  ImportResult,
  ProjectScheduleView,
  Roadmap,
  RoadmapQuery,
  ScheduleChange,
  UpdateLinkBody,
  UpdateScheduleSettingsBody,
  UpdateTaskBody,
} from '@baton/contracts';
import { CsvParseError, MspdiParseError } from '@baton/interop';
import { z } from 'zod';
import { forbidden, ProblemError } from '../../http/problem.ts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

const UPLOAD_LIMIT = 64 * 1024 * 1024;
const FileBody = z.string().min(1, 'the file is empty');

function fileProblem(e: unknown): never {
  if (e instanceof MspdiParseError) {
    throw new ProblemError(422, 'bad-file', `The file was refused at ${e.element}: ${e.reason}`, [
      { field: e.element, rule: 'mspdi', message: e.reason },
    ]);
  }
  if (e instanceof CsvParseError) {
    const where = `row ${e.row}${e.column ? `, column ${e.column}` : ''}`;
    throw new ProblemError(422, 'bad-file', `The file was refused at ${where}: ${e.reason}`, [
      { field: where, rule: 'csv', message: e.reason },
    ]);
  }
  throw e;
}

export function registerScheduleRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Schedules'];
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/schedule',
    summary: 'The project’s plan: tasks (WBS), links, calendars, computed dates, critical paths, problems',
    tags,
    schema: { params: IdParams, response: { 200: ProjectScheduleView } },
    handler: async (req) => s.schedule.view(req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/projects/:id/schedule',
    summary: 'Scheduling settings: from start or finish, dates, status date, project calendar',
    tags,
    schema: { params: IdParams, body: UpdateScheduleSettingsBody, response: { 200: ScheduleChange } },
    handler: async (req, _reply, actor) => s.schedule.updateSettings(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/tasks',
    summary: 'Add a task (or milestone) to the plan; returns what moved',
    tags,
    status: 201,
    schema: { params: IdParams, body: CreateTaskBody, response: { 201: ScheduleChange } },
    handler: async (req, _reply, actor) => s.tasks.create(actor, req.params.id, req.body),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/tasks/:id',
    summary: 'Change a task, or move it in the outline (parentId, afterId); returns what moved',
    tags,
    schema: { params: IdParams, body: UpdateTaskBody, response: { 200: ScheduleChange } },
    handler: async (req, _reply, actor) => s.tasks.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/tasks/:id',
    summary: 'Delete a task with everything beneath it',
    tags,
    schema: { params: IdParams, response: { 200: ScheduleChange } },
    handler: async (req, _reply, actor) => s.tasks.remove(actor, req.params.id),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/tasks/:id/impact',
    summary: 'If this task slips N working days, which tasks, milestones and projects move, and by how much',
    tags,
    schema: { params: IdParams, querystring: ImpactQuery, response: { 200: ImpactResult } },
    handler: async (req) => s.scheduleAnalysis.impact(req.params.id, req.query.slipDays, req.query.mode),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/links',
    summary: 'Link two tasks (FS, SS, FF, SF with a lag), in one project or across projects',
    tags,
    status: 201,
    schema: { body: CreateLinkBody, response: { 201: ScheduleChange } },
    handler: async (req, _reply, actor) => {
      const pred = await s.tasks.projectOfTask(req.body.predecessorId).catch(() => {
        throw new ProblemError(422, 'validation', 'predecessorId: no such task', [
          { field: 'predecessorId', rule: 'exists', message: 'no such task' },
        ]);
      });
      if (!s.access.allows(actor, ['project.read'], await s.access.projectPath(pred))) {
        throw forbidden('You may not see the predecessor’s project.');
      }
      return s.tasks.createLink(actor, req.body);
    },
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/links/:id',
    summary: 'Change a link’s type or lag',
    tags,
    schema: { params: IdParams, body: UpdateLinkBody, response: { 200: ScheduleChange } },
    handler: async (req, _reply, actor) => s.tasks.updateLink(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/links/:id',
    summary: 'Remove a link',
    tags,
    schema: { params: IdParams, response: { 200: ScheduleChange } },
    handler: async (req, _reply, actor) => s.tasks.removeLink(actor, req.params.id),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/baselines',
    summary: 'Saved baselines',
    tags,
    schema: { params: IdParams, response: { 200: z.object({ items: z.array(Baseline) }) } },
    handler: async (req) => ({ items: await s.scheduleAnalysis.listBaselines(req.params.id) }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/baselines',
    summary: 'Save the current plan as a baseline (0–10; replaces one with the same number)',
    tags,
    status: 201,
    schema: { params: IdParams, body: CreateBaselineBody, response: { 201: Baseline } },
    handler: async (req, _reply, actor) => s.scheduleAnalysis.saveBaseline(actor, req.params.id, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/baselines/:number/variance',
    summary: 'Start, finish, duration, work and cost variance of every task against a baseline',
    tags,
    schema: {
      params: z.strictObject({ id: z.uuid(), number: z.coerce.number().int().min(0).max(10) }),
      response: { 200: BaselineVariance },
    },
    handler: async (req) => s.scheduleAnalysis.variance(req.params.id, req.params.number),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/roadmap',
    cache: true,
    summary: 'The portfolio roadmap: every visible running project, its milestones and cross-project links',
    tags,
    schema: { querystring: RoadmapQuery, response: { 200: Roadmap } },
    handler: async (req, _reply, actor) =>
      s.scheduleAnalysis.roadmap(await s.access.visibility(actor, 'project.read'), {
        orgUnitIds: req.query.orgUnitId ? await s.access.subtree(req.query.orgUnitId) : undefined,
        portfolioId: req.query.portfolioId,
        programId: req.query.programId,
      }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/schedule/import',
    summary:
      'Replace the plan with a Microsoft Project file (MSPDI XML as the body, content-type application/xml)',
    tags,
    bodyLimit: UPLOAD_LIMIT,
    schema: { params: IdParams, body: FileBody, response: { 200: ImportResult } },
    handler: async (req, _reply, actor) =>
      s.scheduleIo.importMspdi(actor, req.params.id, req.body).catch(fileProblem),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/schedule/import-csv',
    summary: 'Replace the plan with a CSV task list (content-type text/csv)',
    tags,
    bodyLimit: UPLOAD_LIMIT,
    schema: { params: IdParams, body: FileBody, response: { 200: ImportResult } },
    handler: async (req, _reply, actor) =>
      s.scheduleIo.importCsv(actor, req.params.id, req.body).catch(fileProblem),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/schedule/export.xml',
    summary: 'The plan as a Microsoft Project file (MSPDI XML)',
    tags,
    schema: { params: IdParams },
    handler: async (req, reply) => {
      const xml = await s.scheduleIo.exportMspdi(req.params.id);
      reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="plan-${req.params.id}.xml"`);
      return xml;
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/schedule/export.csv',
    summary: 'The plan as a CSV task list',
    tags,
    schema: { params: IdParams },
    handler: async (req, reply) => {
      const csv = await s.scheduleIo.exportCsv(req.params.id);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="plan-${req.params.id}.csv"`);
      return csv;
    },
  });
}
