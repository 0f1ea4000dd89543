import { z } from 'zod';
import { Id, Instant, Version } from './common.ts';

/** A local date-time as Microsoft Project writes it (no time zone): 2026-01-05T08:00:00 */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'a local date-time such as 2026-01-05T08:00:00')
  .describe('Local date-time, YYYY-MM-DDTHH:MM:SS, in the project calendar’s wall-clock time');

export const LINK_TYPES = ['FS', 'SS', 'FF', 'SF'] as const;
export const LAG_KINDS = ['working', 'elapsed', 'percent', 'elapsedPercent'] as const;
export const CONSTRAINT_TYPES = ['ASAP', 'ALAP', 'SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO'] as const;

export const Task = z.object({
  id: Id,
  version: Version,
  projectId: Id,
  parentId: Id.nullable(),
  position: z.number().int().describe('Order in the plan (Microsoft Project’s ID)'),
  uid: z.number().int().describe('Stable number within the project (MSPDI UID)'),
  outlineLevel: z.number().int().describe('1 for top-level tasks'),
  wbs: z.string().describe('Outline number such as 1.2.3'),
  name: z.string(),
  notes: z.string().nullable(),
  durationMinutes: z.number().int().describe('Working minutes on the task calendar; 0 = milestone'),
  milestone: z.boolean(),
  summary: z.boolean().describe('Has children; its dates roll up from them'),
  calendarId: Id.nullable(),
  constraintType: z.enum(CONSTRAINT_TYPES),
  constraintDate: LocalDateTime.nullable(),
  deadline: LocalDateTime.nullable(),
  actualStart: LocalDateTime.nullable(),
  actualFinish: LocalDateTime.nullable(),
  percentComplete: z.number().int(),
  remainingMinutes: z.number().int().nullable(),
  workMinutes: z.number().int(),
  costMinor: z.number().int(),
  optimisticMinutes: z
    .number()
    .int()
    .nullable()
    .describe('Three-point duration for forecasts: optimistic working minutes (most likely = duration)'),
  pessimisticMinutes: z
    .number()
    .int()
    .nullable()
    .describe('Three-point duration: pessimistic working minutes'),
  costLowMinor: z.number().int().nullable().describe('Three-point cost: low (most likely = costMinor)'),
  costHighMinor: z.number().int().nullable().describe('Three-point cost: high'),
  start: LocalDateTime.nullable(),
  finish: LocalDateTime.nullable(),
  earlyStart: LocalDateTime.nullable(),
  earlyFinish: LocalDateTime.nullable(),
  lateStart: LocalDateTime.nullable(),
  lateFinish: LocalDateTime.nullable(),
  totalFloatMinutes: z.number().int().nullable(),
  freeFloatMinutes: z.number().int().nullable(),
  critical: z.boolean(),
});
export type Task = z.infer<typeof Task>;

export const TaskLink = z.object({
  id: Id,
  predecessorId: Id,
  successorId: Id,
  predecessorProjectId: Id,
  successorProjectId: Id,
  type: z.enum(LINK_TYPES),
  lagKind: z.enum(LAG_KINDS),
  lag: z.number().int().describe('Minutes (working or elapsed) or percent of the predecessor’s duration'),
  crossProject: z.boolean(),
});
export type TaskLink = z.infer<typeof TaskLink>;

export const ScheduleProblem = z.object({
  kind: z.string(),
  message: z.string(),
  taskIds: z.array(z.string()),
});
export const ScheduleConflict = z.object({
  taskId: z.string(),
  constraint: z.string(),
  date: LocalDateTime,
  minutes: z.number().int(),
  message: z.string(),
});

export const ScheduleSettings = z.object({
  projectId: Id,
  version: Version,
  calendarId: Id.nullable(),
  scheduleFrom: z.enum(['start', 'finish']),
  start: LocalDateTime.nullable(),
  finish: LocalDateTime.nullable(),
  statusDate: LocalDateTime.nullable(),
  minutesPerDay: z.number().int(),
  computedStart: LocalDateTime.nullable(),
  computedFinish: LocalDateTime.nullable(),
  scheduledAt: Instant.nullable(),
});
export type ScheduleSettings = z.infer<typeof ScheduleSettings>;

export const CalendarSummary = z.object({
  id: Id,
  name: z.string(),
  projectId: Id.nullable(),
  baseCalendarId: Id.nullable(),
});

export const ProjectScheduleView = z.object({
  settings: ScheduleSettings,
  tasks: z.array(Task),
  links: z.array(TaskLink),
  calendars: z.array(CalendarSummary),
  criticalPaths: z.array(z.array(Id)),
  conflicts: z.array(ScheduleConflict),
  problems: z
    .array(ScheduleProblem)
    .describe('Why the plan cannot be scheduled (cycles…); empty when it was'),
  baselines: z.array(z.object({ number: z.number().int(), name: z.string(), createdAt: Instant })),
});
export type ProjectScheduleView = z.infer<typeof ProjectScheduleView>;

export const UpdateScheduleSettingsBody = z.strictObject({
  version: Version,
  calendarId: Id.nullable().optional(),
  scheduleFrom: z.enum(['start', 'finish']).optional(),
  start: LocalDateTime.nullable().optional(),
  finish: LocalDateTime.nullable().optional(),
  statusDate: LocalDateTime.nullable().optional(),
});

const taskFields = {
  name: z.string().trim().min(1).max(255),
  notes: z.string().max(10_000).nullable(),
  durationMinutes: z.number().int().min(0).max(50_000_000),
  milestone: z.boolean(),
  calendarId: Id.nullable(),
  constraintType: z.enum(CONSTRAINT_TYPES),
  constraintDate: LocalDateTime.nullable(),
  deadline: LocalDateTime.nullable(),
  actualStart: LocalDateTime.nullable(),
  actualFinish: LocalDateTime.nullable(),
  percentComplete: z.number().int().min(0).max(100),
  remainingMinutes: z.number().int().min(0).max(50_000_000).nullable(),
  workMinutes: z.number().int().min(0),
  costMinor: z.number().int().min(0),
  optimisticMinutes: z.number().int().min(0).max(50_000_000).nullable(),
  pessimisticMinutes: z.number().int().min(0).max(50_000_000).nullable(),
  costLowMinor: z.number().int().min(0).nullable(),
  costHighMinor: z.number().int().min(0).nullable(),
};

export const CreateTaskBody = z.strictObject({
  name: taskFields.name,
  parentId: Id.nullable().optional().describe('Make it a child of this task (which becomes a summary)'),
  afterId: Id.nullable().optional().describe('Place it right after this task; at the end when left out'),
  notes: taskFields.notes.optional(),
  durationMinutes: taskFields.durationMinutes.optional().describe('Defaults to one day (480)'),
  milestone: taskFields.milestone.optional(),
  calendarId: taskFields.calendarId.optional(),
  constraintType: taskFields.constraintType.optional(),
  constraintDate: taskFields.constraintDate.optional(),
  deadline: taskFields.deadline.optional(),
  workMinutes: taskFields.workMinutes.optional(),
  costMinor: taskFields.costMinor.optional(),
  optimisticMinutes: taskFields.optimisticMinutes.optional(),
  pessimisticMinutes: taskFields.pessimisticMinutes.optional(),
  costLowMinor: taskFields.costLowMinor.optional(),
  costHighMinor: taskFields.costHighMinor.optional(),
});
export const UpdateTaskBody = z.strictObject({
  version: Version,
  name: taskFields.name.optional(),
  notes: taskFields.notes.optional(),
  durationMinutes: taskFields.durationMinutes.optional(),
  milestone: taskFields.milestone.optional(),
  calendarId: taskFields.calendarId.optional(),
  constraintType: taskFields.constraintType.optional(),
  constraintDate: taskFields.constraintDate.optional(),
  deadline: taskFields.deadline.optional(),
  actualStart: taskFields.actualStart.optional(),
  actualFinish: taskFields.actualFinish.optional(),
  percentComplete: taskFields.percentComplete.optional(),
  remainingMinutes: taskFields.remainingMinutes.optional(),
  workMinutes: taskFields.workMinutes.optional(),
  costMinor: taskFields.costMinor.optional(),
  optimisticMinutes: taskFields.optimisticMinutes.optional(),
  pessimisticMinutes: taskFields.pessimisticMinutes.optional(),
  costLowMinor: taskFields.costLowMinor.optional(),
  costHighMinor: taskFields.costHighMinor.optional(),
  parentId: Id.nullable().optional().describe('Move under another task (null: top level)'),
  afterId: Id.nullable().optional().describe('Move right after this sibling (null: first)'),
});

export const CreateLinkBody = z.strictObject({
  predecessorId: Id,
  successorId: Id,
  type: z.enum(LINK_TYPES).default('FS'),
  lagKind: z.enum(LAG_KINDS).default('working'),
  lag: z.number().int().min(-50_000_000).max(50_000_000).default(0),
});
export const UpdateLinkBody = z.strictObject({
  type: z.enum(LINK_TYPES).optional(),
  lagKind: z.enum(LAG_KINDS).optional(),
  lag: z.number().int().min(-50_000_000).max(50_000_000).optional(),
});

export const CreateBaselineBody = z.strictObject({
  number: z
    .number()
    .int()
    .min(0)
    .max(10)
    .optional()
    .describe('0 = “Baseline”; the next free number when left out'),
  name: z.string().trim().min(1).max(100).optional(),
});
export const Baseline = z.object({
  number: z.number().int(),
  name: z.string(),
  createdAt: Instant,
  taskCount: z.number().int(),
});
export type Baseline = z.infer<typeof Baseline>;

export const TaskVariance = z.object({
  taskId: Id,
  name: z.string(),
  baselineStart: LocalDateTime.nullable(),
  baselineFinish: LocalDateTime.nullable(),
  start: LocalDateTime.nullable(),
  finish: LocalDateTime.nullable(),
  startVarianceMinutes: z
    .number()
    .int()
    .nullable()
    .describe('Working minutes; positive = later than baseline'),
  finishVarianceMinutes: z.number().int().nullable(),
  durationVarianceMinutes: z.number().int().nullable(),
  workVarianceMinutes: z.number().int().nullable(),
  costVarianceMinor: z.number().int().nullable(),
});
export const BaselineVariance = z.object({ baseline: Baseline, tasks: z.array(TaskVariance) });

export const ImpactQuery = z.strictObject({
  slipDays: z.coerce.number().min(-3650).max(3650).describe('Working days the task slips (negative: gains)'),
  mode: z
    .enum(['finish', 'start'])
    .default('finish')
    .describe('finish: it takes longer; start: it starts later'),
});
export const ImpactResult = z.object({
  taskId: Id,
  slipMinutes: z.number().int(),
  tasks: z.array(
    z.object({
      taskId: Id,
      projectId: Id,
      name: z.string(),
      milestone: z.boolean(),
      newStart: LocalDateTime,
      newFinish: LocalDateTime,
      startDeltaMinutes: z.number().int(),
      finishDeltaMinutes: z.number().int(),
    }),
  ),
  projects: z.array(
    z.object({
      projectId: Id,
      code: z.string(),
      name: z.string(),
      oldFinish: LocalDateTime,
      newFinish: LocalDateTime,
      finishDeltaMinutes: z.number().int(),
    }),
  ),
});

export const RoadmapQuery = z.strictObject({
  portfolioId: Id.optional(),
  orgUnitId: Id.optional(),
  programId: Id.optional(),
});
export const Roadmap = z.object({
  projects: z.array(
    z.object({
      id: Id,
      code: z.string(),
      name: z.string(),
      status: z.string(),
      start: LocalDateTime.nullable(),
      finish: LocalDateTime.nullable(),
      plannedStart: z.string().nullable(),
      plannedFinish: z.string().nullable(),
      milestones: z.array(
        z.object({ taskId: Id, name: z.string(), finish: LocalDateTime.nullable(), critical: z.boolean() }),
      ),
    }),
  ),
  links: z.array(TaskLink.extend({ predecessorName: z.string(), successorName: z.string() })),
});

export const ImportResult = z.object({
  tasks: z.number().int(),
  links: z.number().int(),
  calendars: z.number().int(),
  resources: z.number().int(),
  assignments: z.number().int(),
  baselines: z.number().int(),
});

/** What one edit changed: the tasks and links created or rescheduled, and what was removed. */
export const ScheduleChange = z.object({
  settings: ScheduleSettings,
  tasks: z.array(Task).describe('Tasks created, edited, or whose computed dates moved'),
  removedTaskIds: z.array(Id),
  links: z.array(TaskLink).describe('Links created or edited'),
  removedLinkIds: z.array(Id),
  criticalPaths: z.array(z.array(Id)),
  conflicts: z.array(ScheduleConflict),
  problems: z.array(ScheduleProblem),
});
export type ScheduleChange = z.infer<typeof ScheduleChange>;
