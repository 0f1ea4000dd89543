import {
  AddLeaveBody,
  AddRateBody,
  Allocation,
  AllocationList,
  AllocationListQuery,
  ApplyLevellingBody,
  ApplyLevellingResult,
  AvailabilityQuery,
  AvailabilityResult,
  CancelStaffingRequestBody,
  CapacityQuery,
  CapacityReport,
  CreateAllocationBody,
  CreateResourceBody,
  CreateSkillBody,
  CreateStaffingRequestBody,
  FillStaffingRequestBody,
  IdParams,
  LevellingProposal,
  LevellingQuery,
  Ok,
  ReconciliationQuery,
  ReconciliationReport,
  ResourceDetail,
  ResourceImportBody,
  ResourceImportResult,
  ResourceListQuery,
  ResourcePage,
  ResourceSubParams,
  SaveTimesheetBody,
  SetResourceSkillsBody,
  SetTaskAssignmentsBody,
  SetTimesheetLockBody,
  Skill,
  SkillList,
  StaffingRequest,
  StaffingRequestList,
  StaffingRequestQuery,
  TaskAssignmentList,
  Timesheet,
  TimesheetApprovalList,
  TimesheetDecisionBody,
  TimesheetLock,
  TimesheetQuery,
  UpdateAllocationBody,
  UpdateResourceBody,
  UpdateSkillBody,
  Version,
  VersionBody,
} from '@baton/contracts';
import { z } from 'zod';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

const UPLOAD_LIMIT = 48 * 1024 * 1024;
const VersionQuery = z.strictObject({ version: z.coerce.number().pipe(Version) });

export function registerResourceRoutes(r: RouteRegistrar, s: Services): void {
  const pool = ['Resource pool'];
  r.add({
    method: 'GET',
    cache: true,
    url: '/api/v1/resources',
    summary: 'The shared pool: people and generic roles, filtered, sorted and paged',
    tags: pool,
    schema: { querystring: ResourceListQuery, response: { 200: ResourcePage } },
    handler: async (req) => s.resources.list(req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/resources',
    summary: 'Add a person or role to the pool ({name, capacityHoursPerWeek} is enough)',
    tags: pool,
    status: 201,
    schema: { body: CreateResourceBody, response: { 201: ResourceDetail } },
    handler: async (req, _reply, actor) => s.resources.create(actor, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/resources/import',
    summary: 'Import the pool from CSV or XLSX (all or nothing; dryRun to check first)',
    tags: pool,
    bodyLimit: UPLOAD_LIMIT,
    schema: { body: ResourceImportBody, response: { 200: ResourceImportResult } },
    handler: async (req, _reply, actor) => s.resources.importPool(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/resources/export.csv',
    summary: 'The pool as CSV, in the columns the import reads',
    tags: pool,
    schema: {},
    handler: async (_req, reply) => {
      const csv = await s.resources.exportPoolCsv();
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="resource-pool.csv"');
      return csv;
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/resources/:id',
    summary: 'One resource with its skills, cost rates and leave',
    tags: pool,
    schema: { params: IdParams, response: { 200: ResourceDetail } },
    handler: async (req) => s.resources.get(req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/resources/:id',
    summary: 'Change a resource (capacity, org unit, employment, active…)',
    tags: pool,
    schema: { params: IdParams, body: UpdateResourceBody, response: { 200: ResourceDetail } },
    handler: async (req, _reply, actor) => s.resources.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/resources/:id',
    summary: 'Delete a resource nothing refers to (otherwise deactivate it)',
    tags: pool,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.resources.remove(actor, req.params.id);
      return { ok: true as const };
    },
  });
  r.add({
    method: 'PUT',
    url: '/api/v1/resources/:id/skills',
    summary: 'Set a resource’s skills with their levels (1–5)',
    tags: pool,
    schema: { params: IdParams, body: SetResourceSkillsBody, response: { 200: ResourceDetail } },
    handler: async (req, _reply, actor) => s.resources.setSkills(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/resources/:id/rates',
    summary: 'Add a cost rate taking effect on a date',
    tags: pool,
    status: 201,
    schema: { params: IdParams, body: AddRateBody, response: { 201: ResourceDetail } },
    handler: async (req, _reply, actor) => s.resources.addRate(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/resources/:id/rates/:itemId',
    summary: 'Remove a cost rate (?version= the resource’s version)',
    tags: pool,
    schema: { params: ResourceSubParams, querystring: VersionQuery, response: { 200: ResourceDetail } },
    handler: async (req, _reply, actor) =>
      s.resources.removeRate(actor, req.params.id, req.params.itemId, req.query.version),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/resources/:id/leave',
    summary: 'Record leave or other time off',
    tags: pool,
    status: 201,
    schema: { params: IdParams, body: AddLeaveBody, response: { 201: ResourceDetail } },
    handler: async (req, _reply, actor) => s.resources.addLeave(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/resources/:id/leave/:itemId',
    summary: 'Remove leave (?version= the resource’s version)',
    tags: pool,
    schema: { params: ResourceSubParams, querystring: VersionQuery, response: { 200: ResourceDetail } },
    handler: async (req, _reply, actor) =>
      s.resources.removeLeave(actor, req.params.id, req.params.itemId, req.query.version),
  });

  const skills = ['Skills'];
  r.add({
    method: 'GET',
    url: '/api/v1/skills',
    summary: 'The PMO’s skills catalogue',
    tags: skills,
    schema: { response: { 200: SkillList } },
    handler: async () => ({ items: await s.resources.listSkills() }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/skills',
    summary: 'Add a skill to the catalogue',
    tags: skills,
    status: 201,
    schema: { body: CreateSkillBody, response: { 201: Skill } },
    handler: async (req, _reply, actor) => s.resources.createSkill(actor, req.body),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/skills/:id',
    summary: 'Rename or describe a skill',
    tags: skills,
    schema: { params: IdParams, body: UpdateSkillBody, response: { 200: Skill } },
    handler: async (req, _reply, actor) => s.resources.updateSkill(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/skills/:id',
    summary: 'Remove a skill (and every resource’s rating of it)',
    tags: skills,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.resources.removeSkill(actor, req.params.id);
      return { ok: true as const };
    },
  });

  r.add({
    method: 'GET',
    url: '/api/v1/tasks/:id/assignments',
    summary: 'Who does this task’s work, with units and work',
    tags: ['Schedules'],
    schema: { params: IdParams, response: { 200: TaskAssignmentList } },
    handler: async (req) => s.assignments.list(req.params.id),
  });
  r.add({
    method: 'PUT',
    url: '/api/v1/tasks/:id/assignments',
    summary: 'Set who does this task’s work (the task’s work becomes the sum); reschedules the plan',
    tags: ['Schedules'],
    schema: { params: IdParams, body: SetTaskAssignmentsBody, response: { 200: TaskAssignmentList } },
    handler: async (req, _reply, actor) => s.assignments.set(actor, req.params.id, req.body),
  });

  const demand = ['Allocations and staffing'];
  r.add({
    method: 'GET',
    url: '/api/v1/allocations',
    summary: 'Bookings of people and roles on projects (of the projects you may see)',
    tags: demand,
    schema: { querystring: AllocationListQuery, response: { 200: AllocationList } },
    handler: async (req, _reply, actor) => ({ items: await s.allocations.list(actor, req.query) }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/allocations',
    summary:
      'Book a resource on a project: {resourceId, projectId, start, end, hoursPerWeek} (dates inclusive)',
    tags: demand,
    status: 201,
    schema: { body: CreateAllocationBody, response: { 201: Allocation } },
    handler: async (req, _reply, actor) => s.allocations.create(actor, req.body),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/allocations/:id',
    summary: 'Change a booking (person, dates, hours, percent or phases)',
    tags: demand,
    schema: { params: IdParams, body: UpdateAllocationBody, response: { 200: Allocation } },
    handler: async (req, _reply, actor) => s.allocations.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/allocations/:id',
    summary: 'Remove a booking',
    tags: demand,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.allocations.remove(actor, req.params.id);
      return { ok: true as const };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/staffing-requests',
    summary: 'Requests for people: role, skills, period and hours',
    tags: demand,
    schema: { querystring: StaffingRequestQuery, response: { 200: StaffingRequestList } },
    handler: async (req, _reply, actor) => ({ items: await s.allocations.listStaffing(actor, req.query) }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/staffing-requests',
    summary: 'Ask for a person for a project',
    tags: demand,
    status: 201,
    schema: { body: CreateStaffingRequestBody, response: { 201: StaffingRequest } },
    handler: async (req, _reply, actor) => s.allocations.createStaffing(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/staffing-requests/:id/candidates',
    summary: 'People who could fill the request, ranked by fit',
    tags: demand,
    schema: { params: IdParams, response: { 200: AvailabilityResult } },
    handler: async (req) => s.allocations.candidates(req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/staffing-requests/:id/fill',
    summary: 'Fill the request with a named person (books them on the project)',
    tags: demand,
    schema: { params: IdParams, body: FillStaffingRequestBody, response: { 200: StaffingRequest } },
    handler: async (req, _reply, actor) => s.allocations.fillStaffing(actor, req.params.id, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/staffing-requests/:id/cancel',
    summary: 'Withdraw a request',
    tags: demand,
    schema: { params: IdParams, body: CancelStaffingRequestBody, response: { 200: StaffingRequest } },
    handler: async (req, _reply, actor) => s.allocations.cancelStaffing(actor, req.params.id, req.body),
  });

  const capacity = ['Capacity'];
  r.add({
    method: 'GET',
    cache: true,
    // ~4 MB for 500 people by week: written as JSON straight from the numbers (see capacity-json.ts).
    jsonBody: true,
    url: '/api/v1/capacity',
    summary:
      'Capacity against demand per resource, role, skill or org unit by day, week or month; over-allocations',
    tags: capacity,
    schema: { querystring: CapacityQuery, response: { 200: CapacityReport } },
    handler: async (req) => s.capacity.reportJson(req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/capacity/export.xlsx',
    summary: 'The capacity heatmap as an Excel workbook',
    tags: capacity,
    schema: { querystring: CapacityQuery },
    handler: async (req, reply) => {
      const bytes = await s.capacity.heatmapXlsx(req.query);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="capacity-${req.query.from}-${req.query.to}.xlsx"`,
        );
      return Buffer.from(bytes);
    },
  });
  r.add({
    method: 'GET',
    cache: true,
    url: '/api/v1/availability',
    summary: 'Who (with a skill at a level) is free for some hours a week over a period, ranked by fit',
    tags: capacity,
    schema: { querystring: AvailabilityQuery, response: { 200: AvailabilityResult } },
    handler: async (req) => s.capacity.availability(req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/levelling/options',
    summary: 'Ways to resolve a resource’s over-allocation, with their effect on project finishes',
    tags: capacity,
    schema: { querystring: LevellingQuery, response: { 200: LevellingProposal } },
    handler: async (req) => s.levelling.options(req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/levelling/apply',
    summary: 'Apply one confirmed levelling option, as one journalled change',
    tags: capacity,
    schema: { body: ApplyLevellingBody, response: { 200: ApplyLevellingResult } },
    handler: async (req, _reply, actor) => s.levelling.apply(actor, req.body.action),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/reconciliation',
    summary: 'Planned (bookings) vs assigned (task work) vs actual (approved timesheets) hours and cost',
    tags: capacity,
    schema: { querystring: ReconciliationQuery, response: { 200: ReconciliationReport } },
    handler: async (req, _reply, actor) => s.capacity.reconciliation(actor, req.query),
  });

  const time = ['Timesheets'];
  r.add({
    method: 'GET',
    url: '/api/v1/timesheets',
    summary: 'A week’s timesheet (yours unless resourceId names someone you manage)',
    tags: time,
    schema: { querystring: TimesheetQuery, response: { 200: Timesheet } },
    handler: async (req, _reply, actor) => s.timesheets.get(actor, req.query),
  });
  r.add({
    method: 'PUT',
    url: '/api/v1/timesheets',
    summary: 'Save a week’s hours per project, task and day (replaces the week’s lines)',
    tags: time,
    schema: { body: SaveTimesheetBody, response: { 200: Timesheet } },
    handler: async (req, _reply, actor) => s.timesheets.save(actor, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/timesheets/:id/submit',
    summary: 'Submit a week for approval by each project’s manager',
    tags: time,
    schema: { params: IdParams, body: VersionBody, response: { 200: Timesheet } },
    handler: async (req, _reply, actor) => s.timesheets.submit(actor, req.params.id, req.body.version),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/timesheet-approvals',
    summary: 'Submitted hours waiting for your approval, per timesheet and project',
    tags: time,
    schema: { response: { 200: TimesheetApprovalList } },
    handler: async (_req, _reply, actor) => ({ items: await s.timesheets.approvals(actor) }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/projects/:id/timesheet-decisions',
    summary: 'Approve or reject a timesheet’s hours on this project (approved hours become task actuals)',
    tags: time,
    schema: { params: IdParams, body: TimesheetDecisionBody, response: { 200: Timesheet } },
    handler: async (req, _reply, actor) => s.timesheets.decide(actor, req.params.id, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/timesheet-lock',
    summary: 'The date through which timesheets are locked',
    tags: time,
    schema: { response: { 200: TimesheetLock } },
    handler: async () => s.timesheets.getLock(),
  });
  r.add({
    method: 'PUT',
    url: '/api/v1/timesheet-lock',
    summary: 'Lock timesheets through a date (null unlocks)',
    tags: time,
    schema: { body: SetTimesheetLockBody, response: { 200: TimesheetLock } },
    handler: async (req, _reply, actor) => s.timesheets.setLock(actor, req.body.lockedThrough),
  });
}
