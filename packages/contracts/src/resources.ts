import { z } from 'zod';
import { Audited, Currency, Id, Instant, IsoDate, Name, PageQuery, pageOf, Version } from './common.ts';

// ---- the pool: people, generic roles, skills, rates, leave ----

export const RESOURCE_KINDS = ['person', 'role', 'material', 'cost'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

const Hours = z.number().min(0).max(168);
const SkillLevel = z.number().int().min(1).max(5).describe('1 (aware) … 5 (expert)');
const Email = z.email().max(254);
const dateOrder =
  (from: string, to: string) =>
  (v: Record<string, unknown>): boolean => {
    const a = v[from];
    const b = v[to];
    return typeof a !== 'string' || typeof b !== 'string' || a <= b;
  };

export const Skill = z.object({
  ...Audited,
  name: z.string(),
  category: z.string().nullable(),
  description: z.string().nullable(),
  resourceCount: z.number().int().describe('Resources holding this skill'),
});
export type Skill = z.infer<typeof Skill>;
export const SkillList = z.object({ items: z.array(Skill) });
export const CreateSkillBody = z.strictObject({
  name: Name,
  category: z.string().trim().max(100).nullable().optional(),
  description: z.string().max(2000).nullable().optional(),
});
export const UpdateSkillBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  category: z.string().trim().max(100).nullable().optional(),
  description: z.string().max(2000).nullable().optional(),
});

export const ResourceSkill = z.object({ skillId: Id, skillName: z.string(), level: SkillLevel });
export const CostRate = z.object({
  id: Id,
  effectiveFrom: IsoDate,
  rateMinor: z.number().int().describe('Cost per hour in minor units of the currency'),
  currency: z.string(),
});
export type CostRate = z.infer<typeof CostRate>;
export const Leave = z.object({
  id: Id,
  start: IsoDate,
  end: IsoDate,
  kind: z.enum(['leave', 'holiday', 'training', 'sick', 'other']),
  hoursPerDay: z.number().nullable().describe('Hours off per day; null = whole days'),
  note: z.string().nullable(),
});
export type Leave = z.infer<typeof Leave>;

export const Resource = z.object({
  ...Audited,
  name: z.string(),
  kind: z.enum(RESOURCE_KINDS).describe('person, or role: a generic placeholder such as “Developer”'),
  email: z.string().nullable(),
  role: z.string().nullable().describe('Job role, e.g. Business analyst'),
  orgUnitId: Id.nullable(),
  orgUnitName: z.string().nullable(),
  userId: Id.nullable().describe('The login of this person, who logs time as them'),
  userName: z.string().nullable(),
  capacityHoursPerWeek: z.number(),
  fte: z.number().describe('capacityHoursPerWeek / the organisation’s 40-hour week'),
  calendarId: Id.nullable(),
  employmentStart: IsoDate.nullable(),
  employmentEnd: IsoDate.nullable(),
  active: z.boolean(),
  skills: z.array(ResourceSkill),
  currentRate: CostRate.nullable().describe('The rate in effect today'),
});
export type Resource = z.infer<typeof Resource>;
export const ResourceDetail = Resource.extend({
  rates: z.array(CostRate),
  leave: z.array(Leave),
});
export type ResourceDetail = z.infer<typeof ResourceDetail>;
export const ResourcePage = pageOf(Resource);

const resourceFields = {
  kind: z.enum(['person', 'role']),
  email: Email.nullable(),
  role: z.string().trim().max(100).nullable(),
  orgUnitId: Id.nullable(),
  userId: Id.nullable(),
  capacityHoursPerWeek: Hours,
  calendarId: Id.nullable(),
  employmentStart: IsoDate.nullable(),
  employmentEnd: IsoDate.nullable(),
  active: z.boolean(),
};
const EMPLOYMENT_ORDER = {
  message: 'employmentEnd must not be before employmentStart',
  path: ['employmentEnd'],
};

export const CreateResourceBody = z
  .strictObject({
    name: Name,
    capacityHoursPerWeek: Hours.describe('Hours a week this person (or role) can work'),
    kind: resourceFields.kind.optional().describe('Defaults to person'),
    email: resourceFields.email.optional(),
    role: resourceFields.role.optional(),
    orgUnitId: resourceFields.orgUnitId.optional(),
    userId: resourceFields.userId.optional(),
    calendarId: resourceFields.calendarId
      .optional()
      .describe('Defaults to the organisation’s standard calendar'),
    employmentStart: resourceFields.employmentStart.optional(),
    employmentEnd: resourceFields.employmentEnd.optional(),
    skills: z
      .array(z.strictObject({ skillId: Id, level: SkillLevel }))
      .max(100)
      .optional(),
    rate: z
      .strictObject({
        rateMinor: z.number().int().min(0).max(100_000_000),
        currency: Currency,
        effectiveFrom: IsoDate,
      })
      .optional()
      .describe('A first cost rate'),
  })
  .refine(dateOrder('employmentStart', 'employmentEnd'), EMPLOYMENT_ORDER);
export type CreateResourceBody = z.infer<typeof CreateResourceBody>;

export const UpdateResourceBody = z
  .strictObject({
    version: Version,
    name: Name.optional(),
    capacityHoursPerWeek: Hours.optional(),
    kind: resourceFields.kind.optional(),
    email: resourceFields.email.optional(),
    role: resourceFields.role.optional(),
    orgUnitId: resourceFields.orgUnitId.optional(),
    userId: resourceFields.userId.optional(),
    calendarId: resourceFields.calendarId.optional(),
    employmentStart: resourceFields.employmentStart.optional(),
    employmentEnd: resourceFields.employmentEnd.optional(),
    active: resourceFields.active.optional(),
  })
  .refine(dateOrder('employmentStart', 'employmentEnd'), EMPLOYMENT_ORDER);
export type UpdateResourceBody = z.infer<typeof UpdateResourceBody>;

export const SetResourceSkillsBody = z.strictObject({
  version: Version,
  skills: z
    .array(z.strictObject({ skillId: Id, level: SkillLevel }))
    .max(100)
    .refine((s) => new Set(s.map((x) => x.skillId)).size === s.length, 'each skill at most once'),
});
export const AddRateBody = z.strictObject({
  version: Version,
  effectiveFrom: IsoDate,
  rateMinor: z.number().int().min(0).max(100_000_000),
  currency: Currency,
});
export const AddLeaveBody = z
  .strictObject({
    version: Version,
    start: IsoDate,
    end: IsoDate,
    kind: Leave.shape.kind.optional(),
    hoursPerDay: z.number().gt(0).max(24).nullable().optional(),
    note: z.string().max(500).nullable().optional(),
  })
  .refine(dateOrder('start', 'end'), { message: 'end must not be before start', path: ['end'] });
export const VersionBody = z.strictObject({ version: Version });
export const ResourceSubParams = z.strictObject({ id: Id, itemId: Id });

export const ResourceListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().max(200).optional().describe('Search name, e-mail and role'),
  kind: z.enum(RESOURCE_KINDS).optional(),
  orgUnitId: Id.optional().describe('This unit and every unit beneath it'),
  skillId: Id.optional(),
  minLevel: z.coerce.number().int().min(1).max(5).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  sort: z.enum(['name', '-name', 'capacityHoursPerWeek', '-capacityHoursPerWeek', 'role']).default('name'),
});
export type ResourceListQuery = z.infer<typeof ResourceListQuery>;

export const ResourceImportBody = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  content: z.string().min(1).max(30_000_000).describe('CSV text, or the XLSX file in base64'),
  dryRun: z.boolean().optional().describe('Check the file and report what would change, writing nothing'),
});
export const ResourceImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  skillsCreated: z.number().int(),
  rows: z.number().int(),
});

// ---- demand: allocations and staffing requests ----

export const COMMITMENTS = ['committed', 'tentative'] as const;
export const AllocationPhase = z.strictObject({ start: IsoDate, end: IsoDate, hoursPerWeek: Hours });

export const Allocation = z.object({
  ...Audited,
  resourceId: Id,
  resourceName: z.string(),
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  start: IsoDate,
  end: IsoDate.describe('Inclusive'),
  hoursPerWeek: z.number().nullable().describe('Flat hours a week; null when percent or phases are used'),
  percent: z.number().nullable().describe('Share of the resource’s capacity, 0–100+'),
  phases: z.array(AllocationPhase).describe('Time-phased hours; empty for a flat allocation'),
  commitment: z
    .enum(COMMITMENTS)
    .describe('tentative while the project is only proposed, committed once approved'),
  totalHours: z.number().describe('Hours over the whole period, on the resource’s working days'),
  notes: z.string().nullable(),
});
export type Allocation = z.infer<typeof Allocation>;
export const AllocationList = z.object({ items: z.array(Allocation) });

function oneAmount(v: { hoursPerWeek?: unknown; percent?: unknown; phases?: unknown }): boolean {
  return [v.hoursPerWeek, v.percent, v.phases].filter((x) => x !== undefined && x !== null).length === 1;
}
const ONE_AMOUNT = {
  message: 'give exactly one of hoursPerWeek, percent or phases',
  path: ['hoursPerWeek'],
};
const phasesInside = (v: {
  start?: string | undefined;
  end?: string | undefined;
  phases?: { start: string; end: string }[] | null | undefined;
}) =>
  !v.phases ||
  !v.start ||
  !v.end ||
  v.phases.every((p) => p.start >= (v.start as string) && p.end <= (v.end as string) && p.start <= p.end);
const PHASES_INSIDE = { message: 'every phase must lie inside start–end, in order', path: ['phases'] };

export const CreateAllocationBody = z
  .strictObject({
    resourceId: Id,
    projectId: Id,
    start: IsoDate,
    end: IsoDate.describe('Inclusive'),
    hoursPerWeek: Hours.optional(),
    percent: z.number().min(0).max(200).optional(),
    phases: z.array(AllocationPhase).min(1).max(520).optional(),
    notes: z.string().max(2000).nullable().optional(),
  })
  .refine(dateOrder('start', 'end'), { message: 'end must not be before start', path: ['end'] })
  .refine(oneAmount, ONE_AMOUNT)
  .refine(phasesInside, PHASES_INSIDE);
export type CreateAllocationBody = z.infer<typeof CreateAllocationBody>;

export const UpdateAllocationBody = z
  .strictObject({
    version: Version,
    resourceId: Id.optional(),
    start: IsoDate.optional(),
    end: IsoDate.optional(),
    hoursPerWeek: Hours.nullable().optional(),
    percent: z.number().min(0).max(200).nullable().optional(),
    phases: z.array(AllocationPhase).max(520).nullable().optional(),
    notes: z.string().max(2000).nullable().optional(),
  })
  .refine(dateOrder('start', 'end'), { message: 'end must not be before start', path: ['end'] })
  .refine(phasesInside, PHASES_INSIDE);
export type UpdateAllocationBody = z.infer<typeof UpdateAllocationBody>;

export const AllocationListQuery = z.strictObject({
  resourceId: Id.optional(),
  projectId: Id.optional(),
  from: IsoDate.optional().describe('Allocations that end on or after this date'),
  to: IsoDate.optional().describe('Allocations that start on or before this date'),
});

export const SkillNeed = z.strictObject({ skillId: Id, minLevel: SkillLevel });
export const STAFFING_STATUSES = ['open', 'filled', 'cancelled'] as const;
export const StaffingRequest = z.object({
  ...Audited,
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  role: z.string(),
  skills: z.array(z.object({ skillId: Id, skillName: z.string(), minLevel: z.number().int() })),
  start: IsoDate,
  end: IsoDate,
  hoursPerWeek: z.number(),
  status: z.enum(STAFFING_STATUSES),
  resourceId: Id.nullable(),
  resourceName: z.string().nullable(),
  allocationId: Id.nullable(),
  notes: z.string().nullable(),
  requestedBy: z.string().nullable(),
});
export type StaffingRequest = z.infer<typeof StaffingRequest>;
export const StaffingRequestList = z.object({ items: z.array(StaffingRequest) });
export const StaffingRequestQuery = z.strictObject({
  status: z.enum(STAFFING_STATUSES).optional(),
  projectId: Id.optional(),
});
export const CreateStaffingRequestBody = z
  .strictObject({
    projectId: Id,
    role: Name,
    skills: z.array(SkillNeed).max(20).optional(),
    start: IsoDate,
    end: IsoDate,
    hoursPerWeek: Hours.refine((h) => h > 0, 'must be more than 0'),
    notes: z.string().max(2000).nullable().optional(),
  })
  .refine(dateOrder('start', 'end'), { message: 'end must not be before start', path: ['end'] });
export const FillStaffingRequestBody = z.strictObject({ version: Version, resourceId: Id });
export const CancelStaffingRequestBody = z.strictObject({
  version: Version,
  reason: z.string().trim().max(2000).nullable().optional(),
});

// ---- capacity against demand ----

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export const CAPACITY_GROUPINGS = ['resource', 'role', 'skill', 'org_unit'] as const;

export const CapacityQuery = z
  .strictObject({
    from: IsoDate,
    to: IsoDate,
    granularity: z.enum(GRANULARITIES).default('week'),
    groupBy: z.enum(CAPACITY_GROUPINGS).default('resource'),
    orgUnitId: Id.optional().describe('Resources of this unit and every unit beneath it'),
    skillId: Id.optional().describe('Only resources holding this skill'),
    resourceId: Id.optional(),
    projectId: Id.optional().describe('Only resources with demand in this project'),
    includeTentative: z
      .enum(['true', 'false'])
      .default('true')
      .describe('Count demand from proposed projects (tentative) as well as committed demand'),
  })
  .refine(dateOrder('from', 'to'), { message: 'to must not be before from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86_400_000, {
    message: 'at most three years at a time',
    path: ['to'],
  });
export type CapacityQuery = z.infer<typeof CapacityQuery>;

export const CapacityPeriod = z.object({
  start: IsoDate,
  end: IsoDate,
  capacityHours: z.number(),
  demandHours: z.number().describe('Committed plus (unless excluded) tentative demand'),
  committedHours: z.number(),
  tentativeHours: z.number(),
  utilisation: z.number().nullable().describe('demand / capacity; null when there is no capacity'),
});
export const CapacityRow = z.object({
  resourceId: Id.nullable().describe('Set when grouping by resource'),
  groupId: z.string().describe('The resource, role name, skill or org unit this row stands for'),
  label: z.string(),
  kind: z.enum(RESOURCE_KINDS).nullable(),
  periods: z.array(CapacityPeriod),
  capacityHours: z.number(),
  demandHours: z.number(),
});
export const OverAllocation = z.object({
  resourceId: Id,
  resourceName: z.string(),
  start: IsoDate,
  end: IsoDate,
  excessHours: z.number().describe('Demand above capacity, summed over the periods'),
  peakExcessHours: z.number(),
  projectIds: z.array(Id).describe('Projects with demand in those periods, largest first'),
  projects: z.array(z.object({ id: Id, code: z.string(), name: z.string(), hours: z.number() })),
});
export type OverAllocation = z.infer<typeof OverAllocation>;
export const CapacityReport = z.object({
  from: IsoDate,
  to: IsoDate,
  granularity: z.enum(GRANULARITIES),
  groupBy: z.enum(CAPACITY_GROUPINGS),
  periods: z.array(z.object({ start: IsoDate, end: IsoDate })),
  rows: z.array(CapacityRow),
  overAllocations: z.array(OverAllocation),
});
export type CapacityReport = z.infer<typeof CapacityReport>;

export const AvailabilityQuery = z
  .strictObject({
    from: IsoDate,
    to: IsoDate,
    skillId: Id.optional(),
    minLevel: z.coerce.number().int().min(1).max(5).default(1),
    hoursPerWeek: z.coerce.number().min(0).max(168).optional(),
    fraction: z.coerce
      .number()
      .gt(0)
      .max(1)
      .optional()
      .describe('Share of a full week, e.g. 0.5 = half-time'),
    orgUnitId: Id.optional(),
    role: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
  })
  .refine(dateOrder('from', 'to'), { message: 'to must not be before from', path: ['to'] });
export const AvailabilityMatch = z.object({
  resourceId: Id,
  name: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  role: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  skillLevel: z.number().int().nullable(),
  fit: z.number().describe('0–1, higher is better'),
  coverage: z.number().describe('Share of the needed hours this resource has free'),
  fullyFree: z.boolean(),
  freeHoursPerWeek: z.number().describe('Average free hours a week over the window'),
  shortWeeks: z.array(IsoDate).describe('Weeks in which it falls short'),
});
export const AvailabilityResult = z.object({
  neededHoursPerWeek: z.number(),
  items: z.array(AvailabilityMatch),
});

// ---- levelling ----

export const LEVELLING_KINDS = [
  'delay-within-float',
  'delay-beyond-float',
  'reassign-task',
  'reassign-allocation',
] as const;
export const LevellingQuery = z
  .strictObject({ resourceId: Id, start: IsoDate, end: IsoDate })
  .refine(dateOrder('start', 'end'), { message: 'end must not be before start', path: ['end'] });
export const LevellingAction = z.strictObject({
  kind: z.enum(LEVELLING_KINDS),
  taskId: Id.optional(),
  allocationId: Id.optional(),
  delayDays: z.number().int().min(1).max(3650).optional(),
  fromResourceId: Id,
  toResourceId: Id.optional(),
});
export type LevellingAction = z.infer<typeof LevellingAction>;
export const LevellingOption = z.object({
  action: LevellingAction,
  summary: z.string().describe('One line a resource manager reads'),
  projectId: Id,
  projectCode: z.string(),
  subject: z.string().describe('The task or allocation moved'),
  resolvedExcessHours: z.number(),
  remainingExcessHours: z.number(),
  finishChanges: z.array(
    z.object({
      projectId: Id,
      projectCode: z.string(),
      finishBefore: z.string().nullable(),
      finishAfter: z.string().nullable(),
      slipWorkingDays: z.number(),
    }),
  ),
});
export type LevellingOption = z.infer<typeof LevellingOption>;
export const LevellingProposal = z.object({
  resourceId: Id,
  resourceName: z.string(),
  start: IsoDate,
  end: IsoDate,
  excessHours: z.number(),
  options: z.array(LevellingOption),
});
export type LevellingProposal = z.infer<typeof LevellingProposal>;
export const ApplyLevellingBody = z.strictObject({ action: LevellingAction });
export const ApplyLevellingResult = z.object({
  applied: LevellingAction,
  summary: z.string(),
  journalEntityId: Id,
});

// ---- timesheets ----

export const TIMESHEET_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export const TimesheetEntry = z.object({
  id: Id,
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  taskId: Id.nullable(),
  taskName: z.string().nullable(),
  date: IsoDate,
  hours: z.number(),
  note: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected']),
});
export type TimesheetEntry = z.infer<typeof TimesheetEntry>;
export const TimesheetDecision = z.object({
  projectId: Id,
  projectCode: z.string(),
  decision: z.enum(['approve', 'reject']),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: Instant,
});
export const Timesheet = z.object({
  id: Id.nullable().describe('null for a week with nothing saved yet'),
  version: z.number().int().describe('0 for a week with nothing saved yet'),
  resourceId: Id,
  resourceName: z.string(),
  weekStart: IsoDate.describe('The Monday of the week'),
  status: z.enum(TIMESHEET_STATUSES),
  locked: z.boolean().describe('The week lies in a locked period: nothing can change'),
  totalHours: z.number(),
  entries: z.array(TimesheetEntry),
  decisions: z.array(TimesheetDecision),
  submittedAt: Instant.nullable(),
  rejectionReason: z.string().nullable(),
});
export type Timesheet = z.infer<typeof Timesheet>;
export const TimesheetQuery = z.strictObject({
  week: IsoDate.describe('Any day of the week; the timesheet runs Monday to Sunday'),
  resourceId: Id.optional().describe('Defaults to the signed-in user’s own resource'),
});
export const SaveTimesheetBody = z.strictObject({
  week: IsoDate,
  resourceId: Id.optional(),
  version: z.number().int().min(0).describe('0 when nothing was saved for the week yet'),
  entries: z
    .array(
      z.strictObject({
        projectId: Id,
        taskId: Id.nullable().optional(),
        date: IsoDate,
        hours: z.number().min(0).max(24),
        note: z.string().max(500).nullable().optional(),
      }),
    )
    .max(500),
});
export type SaveTimesheetBody = z.infer<typeof SaveTimesheetBody>;
export const TimesheetApprovalItem = z.object({
  timesheetId: Id,
  version: Version,
  resourceId: Id,
  resourceName: z.string(),
  weekStart: IsoDate,
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  hours: z.number(),
  entries: z.array(TimesheetEntry),
  submittedAt: Instant.nullable(),
});
export const TimesheetApprovalList = z.object({ items: z.array(TimesheetApprovalItem) });
export const TimesheetDecisionBody = z
  .strictObject({
    timesheetId: Id,
    version: Version,
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((b) => b.decision !== 'reject' || (b.reason ?? '').length > 0, {
    message: 'a rejection needs a reason',
    path: ['reason'],
  });
export const TimesheetLock = z.object({
  lockedThrough: IsoDate.nullable().describe('Timesheets of weeks ending on or before this are locked'),
  updatedAt: Instant.nullable(),
  updatedBy: z.string().nullable(),
});
export const SetTimesheetLockBody = z.strictObject({ lockedThrough: IsoDate.nullable() });

// ---- reconciliation: planned vs assigned vs actual ----

export const ReconciliationQuery = z
  .strictObject({
    from: IsoDate,
    to: IsoDate,
    groupBy: z.enum(['resource', 'project']).default('resource'),
    resourceId: Id.optional(),
    projectId: Id.optional(),
  })
  .refine(dateOrder('from', 'to'), { message: 'to must not be before from', path: ['to'] });
export const ReconciliationRow = z.object({
  resourceId: Id.nullable(),
  resourceName: z.string().nullable(),
  projectId: Id.nullable(),
  projectCode: z.string().nullable(),
  projectName: z.string().nullable(),
  plannedHours: z.number().describe('From allocations'),
  assignedHours: z.number().describe('From task assignments in the schedules'),
  actualHours: z.number().describe('From approved timesheets'),
  pendingHours: z.number().describe('Logged, not yet approved'),
  actualCostMinor: z.number().int().describe('Approved hours × the cost rate in effect on each day'),
  currency: z.string().nullable(),
  actualVsPlanned: z.number().describe('Actual less the planned hours due by today'),
  actualVsAssigned: z.number().describe('Actual less the assigned hours due by today'),
  assignedVsPlanned: z.number(),
  flags: z.array(z.string()).describe('Where the three disagree, in words'),
});
export const ReconciliationReport = z.object({
  from: IsoDate,
  to: IsoDate,
  groupBy: z.enum(['resource', 'project']),
  rows: z.array(ReconciliationRow),
  totals: z.object({
    plannedHours: z.number(),
    assignedHours: z.number(),
    actualHours: z.number(),
    pendingHours: z.number(),
  }),
});

// ---- task assignments: who does a task's work ----

export const TaskAssignment = z.object({
  resourceId: Id,
  resourceName: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  units: z.number().describe('1 = full time on the task'),
  workMinutes: z.number().int().describe('Work of this resource on the task'),
});
export const TaskAssignmentList = z.object({
  taskId: Id,
  taskVersion: Version,
  items: z.array(TaskAssignment),
});
export const SetTaskAssignmentsBody = z.strictObject({
  taskVersion: Version.describe('The task’s version: assignments change with the task'),
  assignments: z
    .array(
      z.strictObject({
        resourceId: Id,
        units: z.number().gt(0).max(10).optional().describe('Defaults to 1'),
        workMinutes: z
          .number()
          .int()
          .min(0)
          .max(10_000_000)
          .optional()
          .describe('Defaults to the task’s duration × units'),
      }),
    )
    .max(50)
    .refine((a) => new Set(a.map((x) => x.resourceId)).size === a.length, 'each resource at most once'),
});
