import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Binary content (document versions). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** id, version and created/updated bookkeeping that every business row carries. */
const audited = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const users = pgTable(
  'users',
  {
    ...audited(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    scopeType: text('scope_type').notNull(),
    scopeId: uuid('scope_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('role_assignments_user_idx').on(t.userId),
    uniqueIndex('role_assignments_uq').on(
      t.userId,
      t.role,
      t.scopeType,
      sql`coalesce(${t.scopeId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

export const orgUnits = pgTable(
  'org_units',
  {
    ...audited(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    description: text('description'),
    /** The PMO operating model set at this unit (supportive | controlling | directive); null inherits from above. */
    pmoModel: text('pmo_model'),
  },
  (t) => [uniqueIndex('org_units_code_uq').on(t.code), index('org_units_parent_idx').on(t.parentId)],
);

export const portfolios = pgTable(
  'portfolios',
  {
    ...audited(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    ownerId: uuid('owner_id').references(() => users.id),
  },
  (t) => [uniqueIndex('portfolios_code_uq').on(t.code)],
);

export const programs = pgTable(
  'programs',
  {
    ...audited(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    portfolioId: uuid('portfolio_id')
      .notNull()
      .references(() => portfolios.id),
    managerId: uuid('manager_id').references(() => users.id),
  },
  (t) => [uniqueIndex('programs_code_uq').on(t.code), index('programs_portfolio_idx').on(t.portfolioId)],
);

export const projects = pgTable(
  'projects',
  {
    ...audited(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    objectives: text('objectives'),
    status: text('status').notNull().default('proposed'),
    statusReason: text('status_reason'),
    sponsorId: uuid('sponsor_id').references(() => users.id),
    managerId: uuid('manager_id').references(() => users.id),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    portfolioId: uuid('portfolio_id').references(() => portfolios.id),
    programId: uuid('program_id').references(() => programs.id),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedFinish: date('planned_finish', { mode: 'string' }),
    budgetMinor: bigint('budget_minor', { mode: 'number' }),
    currency: text('currency').notNull().default('EUR'),
    priority: smallint('priority').notNull().default(3),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    customFields: jsonb('custom_fields')
      .$type<Record<string, string | number | null>>()
      .notNull()
      .default({}),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('projects_code_uq').on(t.code).where(sql`${t.deletedAt} is null`),
    index('projects_org_unit_idx').on(t.orgUnitId),
    index('projects_portfolio_idx').on(t.portfolioId),
    index('projects_program_idx').on(t.programId),
    index('projects_manager_idx').on(t.managerId),
    index('projects_status_idx').on(t.status),
    index('projects_name_idx').on(t.name),
    index('projects_tags_idx').using('gin', t.tags),
  ],
);

export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    ...audited(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type').notNull(),
    required: boolean('required').notNull().default(false),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    description: text('description'),
  },
  (t) => [uniqueIndex('custom_field_definitions_key_uq').on(t.key)],
);

/** Append-only record of every write: who, when, which entity, field-level before/after. */
export const journal = pgTable(
  'journal',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<{ field: string; from: unknown; to: unknown }[]>().notNull(),
    requestId: text('request_id'),
  },
  (t) => [index('journal_entity_idx').on(t.entityType, t.entityId, t.id)],
);

/** Counters for generated codes (PRJ-0001…). */
export const sequences = pgTable('code_sequences', {
  name: text('name').primaryKey(),
  value: integer('value').notNull().default(0),
});

// ---- schedules (tasks, links, calendars, baselines) ----

/** Working-time calendars: the organisation's (project_id null) and each project's own. */
export const calendars = pgTable(
  'calendars',
  {
    ...audited(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    baseCalendarId: uuid('base_calendar_id'),
    /** The engine's calendar definition without ids: { week, workWeeks?, exceptions? } in local minutes. */
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    /** MSPDI UID of the calendar in the file it came from, for round trips. */
    uid: integer('uid'),
  },
  (t) => [index('calendars_project_idx').on(t.projectId)],
);

/** A project's scheduling settings and its computed start and finish. */
export const projectSchedules = pgTable('project_schedules', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  calendarId: uuid('calendar_id').references(() => calendars.id),
  scheduleFrom: text('schedule_from').notNull().default('start'),
  /** Local date-times, as MSPDI writes them: 2026-01-05T08:00:00 */
  startAt: text('start_at'),
  finishAt: text('finish_at'),
  statusDate: text('status_date'),
  minutesPerDay: integer('minutes_per_day').notNull().default(480),
  minutesPerWeek: integer('minutes_per_week').notNull().default(2400),
  daysPerMonth: integer('days_per_month').notNull().default(20),
  computedStart: text('computed_start'),
  computedFinish: text('computed_finish'),
  scheduledAt: ts('scheduled_at'),
  /** Why the last scheduling failed (a cycle, a missing date), or null when it succeeded. */
  issues: jsonb('issues').$type<unknown[]>().notNull().default([]),
  conflicts: jsonb('conflicts').$type<unknown[]>().notNull().default([]),
  criticalPaths: jsonb('critical_paths').$type<string[][]>().notNull().default([]),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const tasks = pgTable(
  'tasks',
  {
    ...audited(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    /** Order in the plan (Microsoft Project's ID): tasks sort by it, children after their parent. */
    position: integer('position').notNull(),
    /** Stable number within the project (MSPDI UID). */
    uid: integer('uid').notNull(),
    name: text('name').notNull(),
    notes: text('notes'),
    durationMinutes: integer('duration_minutes').notNull().default(480),
    milestone: boolean('milestone').notNull().default(false),
    /** An elapsed duration (Project's ed, eh…): runs round the clock whatever the calendars. */
    elapsed: boolean('elapsed').notNull().default(false),
    calendarId: uuid('calendar_id'),
    ignoreResourceCalendars: boolean('ignore_resource_calendars').notNull().default(false),
    constraintType: text('constraint_type').notNull().default('ASAP'),
    constraintDate: text('constraint_date'),
    deadline: text('deadline'),
    actualStart: text('actual_start'),
    actualFinish: text('actual_finish'),
    percentComplete: integer('percent_complete').notNull().default(0),
    remainingMinutes: integer('remaining_minutes'),
    workMinutes: integer('work_minutes').notNull().default(0),
    costMinor: bigint('cost_minor', { mode: 'number' }).notNull().default(0),
    /** Three-point estimate for Monte Carlo: the most likely duration is durationMinutes. */
    optimisticMinutes: integer('optimistic_minutes'),
    pessimisticMinutes: integer('pessimistic_minutes'),
    /** Three-point cost range around costMinor (the most likely cost). */
    costLowMinor: bigint('cost_low_minor', { mode: 'number' }),
    costHighMinor: bigint('cost_high_minor', { mode: 'number' }),
    /** Approved timesheet hours booked to this task, in minutes, and their cost at the rates of the day. */
    actualWorkMinutes: integer('actual_work_minutes').notNull().default(0),
    actualCostMinor: bigint('actual_cost_minor', { mode: 'number' }).notNull().default(0),
    // computed by the engine at the last reschedule
    summary: boolean('summary').notNull().default(false),
    start: text('start'),
    finish: text('finish'),
    earlyStart: text('early_start'),
    earlyFinish: text('early_finish'),
    lateStart: text('late_start'),
    lateFinish: text('late_finish'),
    totalFloatMinutes: integer('total_float_minutes'),
    freeFloatMinutes: integer('free_float_minutes'),
    critical: boolean('critical').notNull().default(false),
  },
  (t) => [
    index('tasks_project_idx').on(t.projectId, t.position),
    uniqueIndex('tasks_project_uid_uq').on(t.projectId, t.uid),
    index('tasks_parent_idx').on(t.parentId),
  ],
);

export const taskLinks = pgTable(
  'task_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull().default(1),
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    type: text('type').notNull().default('FS'),
    lagKind: text('lag_kind').notNull().default('working'),
    /** Working or elapsed minutes, or a percent of the predecessor's duration, by lagKind. */
    lag: integer('lag').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('task_links_pair_uq').on(t.predecessorId, t.successorId),
    index('task_links_successor_idx').on(t.successorId),
  ],
);

export const baselines = pgTable(
  'baselines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** 0 is Microsoft Project's "Baseline", 1–10 "Baseline1"… */
    number: integer('number').notNull(),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('baselines_project_number_uq').on(t.projectId, t.number)],
);

export const baselineTasks = pgTable(
  'baseline_tasks',
  {
    baselineId: uuid('baseline_id')
      .notNull()
      .references(() => baselines.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    start: text('start'),
    finish: text('finish'),
    durationMinutes: integer('duration_minutes').notNull(),
    workMinutes: integer('work_minutes').notNull().default(0),
    costMinor: bigint('cost_minor', { mode: 'number' }).notNull().default(0),
  },
  (t) => [uniqueIndex('baseline_tasks_uq').on(t.baselineId, t.taskId)],
);

/** The shared resource pool: people, generic roles, materials and cost resources. */
export const resources = pgTable(
  'resources',
  {
    ...audited(),
    name: text('name').notNull(),
    /** work (people and roles), material, cost — as Microsoft Project's resource types */
    kind: text('kind').notNull().default('work'),
    initials: text('initials'),
    email: text('email'),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    /** 1.0 = one full-time person */
    maxUnits: doublePrecision('max_units').notNull().default(1),
    calendarId: uuid('calendar_id'),
    active: boolean('active').notNull().default(true),
    /** A generic role (a placeholder such as "Developer") rather than a named person. */
    generic: boolean('generic').notNull().default(false),
    /** Job role, e.g. "Business analyst". */
    role: text('role'),
    /** The login of this person: they log time as this resource. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    capacityHoursPerWeek: doublePrecision('capacity_hours_per_week').notNull().default(40),
    employmentStart: date('employment_start', { mode: 'string' }),
    employmentEnd: date('employment_end', { mode: 'string' }),
  },
  (t) => [
    index('resources_name_idx').on(t.name),
    index('resources_org_unit_idx').on(t.orgUnitId),
    uniqueIndex('resources_user_uq').on(t.userId),
  ],
);

/** The PMO's catalogue of skills. */
export const skills = pgTable(
  'skills',
  {
    ...audited(),
    name: text('name').notNull(),
    category: text('category'),
    description: text('description'),
  },
  (t) => [uniqueIndex('skills_name_uq').on(sql`lower(${t.name})`)],
);

/** A resource's skills with a level 1–5. */
export const resourceSkills = pgTable(
  'resource_skills',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id, { onDelete: 'cascade' }),
    level: smallint('level').notNull(),
  },
  (t) => [
    uniqueIndex('resource_skills_uq').on(t.resourceId, t.skillId),
    index('resource_skills_skill_idx').on(t.skillId),
  ],
);

/** Cost rates per hour with the date each takes effect. */
export const resourceRates = pgTable(
  'resource_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    rateMinor: bigint('rate_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('resource_rates_uq').on(t.resourceId, t.effectiveFrom)],
);

/** Leave, holidays and other time off of one resource (whole days, or some hours a day). */
export const resourceLeave = pgTable(
  'resource_leave',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    start: date('start', { mode: 'string' }).notNull(),
    end: date('end', { mode: 'string' }).notNull(),
    kind: text('kind').notNull().default('leave'),
    hoursPerDay: doublePrecision('hours_per_day'),
    note: text('note'),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [index('resource_leave_resource_idx').on(t.resourceId, t.start)],
);

/** A person or role booked on a project over a period: flat hours, a share of capacity, or phases. */
export const allocations = pgTable(
  'allocations',
  {
    ...audited(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    start: date('start', { mode: 'string' }).notNull(),
    end: date('end', { mode: 'string' }).notNull(),
    hoursPerWeek: doublePrecision('hours_per_week'),
    percent: doublePrecision('percent'),
    /** Time-phased hours: [{start, end, hoursPerWeek}] inside start–end; empty for a flat allocation. */
    phases: jsonb('phases')
      .$type<{ start: string; end: string; hoursPerWeek: number }[]>()
      .notNull()
      .default([]),
    notes: text('notes'),
  },
  (t) => [
    index('allocations_resource_idx').on(t.resourceId, t.start),
    index('allocations_project_idx').on(t.projectId),
  ],
);

/** A project's request for a person: a role with skills, over a period, for some hours a week. */
export const staffingRequests = pgTable(
  'staffing_requests',
  {
    ...audited(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    skills: jsonb('skills').$type<{ skillId: string; minLevel: number }[]>().notNull().default([]),
    start: date('start', { mode: 'string' }).notNull(),
    end: date('end', { mode: 'string' }).notNull(),
    hoursPerWeek: doublePrecision('hours_per_week').notNull(),
    status: text('status').notNull().default('open'),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'set null' }),
    allocationId: uuid('allocation_id').references(() => allocations.id, { onDelete: 'set null' }),
    notes: text('notes'),
  },
  (t) => [
    index('staffing_requests_project_idx').on(t.projectId),
    index('staffing_requests_status_idx').on(t.status),
  ],
);

/** One resource's week of logged hours (Monday to Sunday). */
export const timesheets = pgTable(
  'timesheets',
  {
    ...audited(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    /** draft, submitted, approved, rejected */
    status: text('status').notNull().default('draft'),
    submittedAt: ts('submitted_at'),
    rejectionReason: text('rejection_reason'),
  },
  (t) => [uniqueIndex('timesheets_resource_week_uq').on(t.resourceId, t.weekStart)],
);

export const timesheetEntries = pgTable(
  'timesheet_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    timesheetId: uuid('timesheet_id')
      .notNull()
      .references(() => timesheets.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    date: date('date', { mode: 'string' }).notNull(),
    hours: doublePrecision('hours').notNull(),
    note: text('note'),
    /** pending, approved, rejected — decided per project by its manager */
    status: text('status').notNull().default('pending'),
  },
  (t) => [
    index('timesheet_entries_sheet_idx').on(t.timesheetId),
    index('timesheet_entries_project_idx').on(t.projectId, t.date),
  ],
);

/** A project manager's decision on the lines of one timesheet that belong to their project. */
export const timesheetDecisions = pgTable(
  'timesheet_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    timesheetId: uuid('timesheet_id')
      .notNull()
      .references(() => timesheets.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    decision: text('decision').notNull(),
    reason: text('reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at').notNull().defaultNow(),
  },
  (t) => [index('timesheet_decisions_sheet_idx').on(t.timesheetId)],
);

/** Organisation settings of resource management (one row): the timesheet lock. */
export const resourceSettings = pgTable('resource_settings', {
  id: smallint('id').primaryKey().default(1),
  timesheetsLockedThrough: date('timesheets_locked_through', { mode: 'string' }),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/** A resource's work on a task (from schedules and MSPDI files). */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull().default(1),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    units: doublePrecision('units').notNull().default(1),
    workMinutes: integer('work_minutes').notNull().default(0),
    /** MSPDI UID of the assignment in the file it came from. */
    uid: integer('uid'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assignments_task_resource_uq').on(t.taskId, t.resourceId),
    index('assignments_resource_idx').on(t.resourceId),
  ],
);

// ---- portfolio management: strategy, intake, scenarios, review (issue 5) ----

/** The organisation's strategy settings and intake form (one row). */
export const portfolioSettings = pgTable('portfolio_settings', {
  id: smallint('id').primaryKey().default(1),
  version: integer('version').notNull().default(1),
  weighting: text('weighting').notNull().default('direct'),
  criteria: jsonb('criteria')
    .$type<{ value: number; alignment: number; risk: number; urgency: number }>()
    .notNull()
    .default({ value: 0.35, alignment: 0.35, risk: 0.15, urgency: 0.15 }),
  discountRate: doublePrecision('discount_rate').notNull().default(0.08),
  currency: text('currency').notNull().default('EUR'),
  ahp: jsonb('ahp').$type<{ objectiveIds: string[]; matrix: number[][] } | null>(),
  intakeVersion: integer('intake_version').notNull().default(1),
  intakeFields: jsonb('intake_fields').$type<unknown[]>().notNull().default([]),
  categories: jsonb('categories')
    .$type<string[]>()
    .notNull()
    .default(['Regulatory', 'Growth', 'Efficiency', 'Maintenance']),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const strategicObjectives = pgTable('strategic_objectives', {
  ...audited(),
  name: text('name').notNull(),
  description: text('description'),
  directWeight: doublePrecision('direct_weight'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

export const proposals = pgTable(
  'proposals',
  {
    ...audited(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status').notNull().default('draft'),
    statusReason: text('status_reason'),
    category: text('category'),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    portfolioId: uuid('portfolio_id').references(() => portfolios.id),
    sponsorId: uuid('sponsor_id').references(() => users.id),
    proposerId: uuid('proposer_id').references(() => users.id),
    earliestStart: text('earliest_start').notNull(),
    latestStart: text('latest_start').notNull(),
    riskRating: smallint('risk_rating').notNull().default(3),
    urgency: smallint('urgency').notNull().default(3),
    mandatory: boolean('mandatory').notNull().default(false),
    businessCase: jsonb('business_case')
      .$type<{ capexMinor: number; opexMinor: number; benefitMinor: number }[]>()
      .notNull()
      .default([]),
    demand: jsonb('demand')
      .$type<{ key: string; kind: 'role' | 'skill'; hours: number[] }[]>()
      .notNull()
      .default([]),
    alignment: jsonb('alignment').$type<Record<string, number>>().notNull().default({}),
    requires: jsonb('requires').$type<string[]>().notNull().default([]),
    excludes: jsonb('excludes').$type<string[]>().notNull().default([]),
    answers: jsonb('answers').$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    plannedStart: text('planned_start'),
    projectId: uuid('project_id').references(() => projects.id),
    deletedAt: ts('deleted_at'),
  },
  (t) => [uniqueIndex('proposals_code_uq').on(t.code), index('proposals_status_idx').on(t.status)],
);

export const proposalComments = pgTable(
  'proposal_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('proposal_comments_proposal_idx').on(t.proposalId)],
);

export const portfolioScenarios = pgTable('portfolio_scenarios', {
  ...audited(),
  name: text('name').notNull(),
  description: text('description'),
  startMonth: text('start_month').notNull(),
  periods: integer('periods').notNull(),
  objective: text('objective').notNull().default('score'),
  budget: jsonb('budget').$type<number[]>().notNull(),
  budgetByCategory: jsonb('budget_by_category').$type<{
    capex?: number[] | undefined;
    opex?: number[] | undefined;
  } | null>(),
  capacityFrom: text('capacity_from').notNull().default('pool'),
  capacity: jsonb('capacity').$type<Record<string, number[]>>().notNull().default({}),
  capacityFactor: doublePrecision('capacity_factor').notNull().default(1),
  statuses: jsonb('statuses').$type<string[]>().notNull(),
  overrides: jsonb('overrides').$type<Record<string, unknown>[]>().notNull().default([]),
  status: text('status').notNull().default('draft'),
  result: jsonb('result').$type<Record<string, unknown> | null>(),
  resultInputs: text('result_inputs'),
  frontier: jsonb('frontier').$type<Record<string, unknown>[] | null>(),
  committedAt: ts('committed_at'),
  committedBy: uuid('committed_by').references(() => users.id),
});

export const reviewDecisions = pgTable(
  'portfolio_review_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    decision: text('decision').notNull(),
    reason: text('reason').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull().default({}),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at').notNull().defaultNow(),
  },
  (t) => [index('portfolio_review_decisions_project_idx').on(t.projectId, t.decidedAt)],
);

// ---- RAID: risks (project and shared), issues, assumptions/decisions/dependencies; change control ----

export const raidSettings = pgTable('raid_settings', {
  id: smallint('id').primaryKey().default(1),
  version: integer('version').notNull().default(1),
  matrixSize: smallint('matrix_size').notNull().default(5),
  mediumFrom: smallint('medium_from').notNull().default(5),
  highFrom: smallint('high_from').notNull().default(12),
  probabilityLabels: jsonb('probability_labels')
    .$type<string[]>()
    .notNull()
    .default(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']),
  impactLabels: jsonb('impact_labels')
    .$type<string[]>()
    .notNull()
    .default(['Negligible', 'Minor', 'Moderate', 'Major', 'Severe']),
  pmCostLimit: doublePrecision('pm_cost_limit').notNull().default(10_000),
  pmDaysLimit: integer('pm_days_limit').notNull().default(10),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const risks = pgTable(
  'risks',
  {
    ...audited(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    portfolioId: uuid('portfolio_id').references(() => portfolios.id),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    category: text('category'),
    probability: smallint('probability').notNull(),
    impact: smallint('impact').notNull(),
    residualProbability: smallint('residual_probability'),
    residualImpact: smallint('residual_impact'),
    expectedBy: date('expected_by', { mode: 'string' }),
    ownerId: uuid('owner_id').references(() => users.id),
    response: text('response'),
    mitigation: text('mitigation'),
    actions: jsonb('actions').$type<Record<string, unknown>[]>().notNull().default([]),
    trigger: text('trigger'),
    /** Quantified impact for Monte Carlo: days the finish slips and cost added if the risk occurs. */
    scheduleImpactDays: integer('schedule_impact_days'),
    costImpactMinor: bigint('cost_impact_minor', { mode: 'number' }),
    /** Probability of occurrence in percent; when null, taken from the probability score. */
    probabilityPercent: smallint('probability_percent'),
    status: text('status').notNull().default('open'),
    reviewedAt: ts('reviewed_at'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('risks_code_uq').on(t.code),
    index('risks_project_idx').on(t.projectId),
    index('risks_portfolio_idx').on(t.portfolioId),
  ],
);

export const riskProjects = pgTable(
  'risk_projects',
  {
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.riskId, t.projectId] }),
    index('risk_projects_project_idx').on(t.projectId),
  ],
);

/** Every rating a risk has had, for the trend. */
export const riskHistory = pgTable(
  'risk_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    at: ts('at').notNull().defaultNow(),
    probability: smallint('probability').notNull(),
    impact: smallint('impact').notNull(),
    status: text('status').notNull(),
  },
  (t) => [index('risk_history_risk_idx').on(t.riskId, t.at)],
);

export const issues = pgTable(
  'issues',
  {
    ...audited(),
    code: text('code').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    priority: text('priority').notNull().default('medium'),
    ownerId: uuid('owner_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    riskId: uuid('risk_id').references(() => risks.id, { onDelete: 'set null' }),
    escalationReason: text('escalation_reason'),
    escalatedAt: ts('escalated_at'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [uniqueIndex('issues_code_uq').on(t.code), index('issues_project_idx').on(t.projectId)],
);

export const raidEntries = pgTable(
  'raid_entries',
  {
    ...audited(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    ownerId: uuid('owner_id').references(() => users.id),
    status: text('status').notNull().default('open'),
    dueDate: date('due_date', { mode: 'string' }),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedBy: text('decided_by'),
    rationale: text('rationale'),
    dependsOnProjectId: uuid('depends_on_project_id').references(() => projects.id, { onDelete: 'set null' }),
    externalParty: text('external_party'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('raid_entries_code_uq').on(t.code),
    index('raid_entries_project_idx').on(t.projectId, t.kind),
  ],
);

export const changeRequests = pgTable(
  'change_requests',
  {
    ...audited(),
    code: text('code').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    scopeImpact: text('scope_impact'),
    costImpact: doublePrecision('cost_impact').notNull(),
    scheduleImpactDays: integer('schedule_impact_days').notNull(),
    benefitsImpact: text('benefits_impact'),
    status: text('status').notNull().default('submitted'),
    level: text('level').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'),
    rebaseline: jsonb('rebaseline').$type<Record<string, unknown> | null>(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('change_requests_code_uq').on(t.code),
    index('change_requests_project_idx').on(t.projectId),
  ],
);

// ---- methodology: lifecycle templates, each project's lifecycle, gate reviews ----

export const lifecycleTemplates = pgTable(
  'lifecycle_templates',
  {
    ...audited(),
    key: text('key').notNull(),
    templateVersion: integer('template_version').notNull().default(1),
    name: text('name').notNull(),
    approach: text('approach').notNull(),
    description: text('description'),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    phases: jsonb('phases').$type<Record<string, unknown>[]>().notNull(),
  },
  (t) => [uniqueIndex('lifecycle_templates_key_version_uq').on(t.key, t.templateVersion)],
);

export const projectLifecycles = pgTable('project_lifecycles', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  templateId: uuid('template_id')
    .notNull()
    .references(() => lifecycleTemplates.id),
  state: jsonb('state').$type<Record<string, unknown>[]>().notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const gateReviews = pgTable(
  'gate_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    phaseKey: text('phase_key').notNull(),
    phaseName: text('phase_name').notNull(),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    decision: text('decision'),
    rationale: text('rationale'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
  },
  (t) => [index('gate_reviews_project_idx').on(t.projectId, t.submittedAt)],
);

// ---- PMO hierarchy: policies, versioned standards, manual compliance items ----

/** An org unit's PMO policy: settings that apply to everything beneath it, each marked overridable or not. */
export const pmoPolicies = pgTable('pmo_policies', {
  orgUnitId: uuid('org_unit_id')
    .primaryKey()
    .references(() => orgUnits.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  settings: jsonb('settings').$type<Record<string, { value: unknown; overridable: boolean }>>().notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const pmoStandards = pgTable(
  'pmo_standards',
  {
    ...audited(),
    key: text('key').notNull(),
    standardVersion: integer('standard_version').notNull().default(1),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    overridable: boolean('overridable').notNull().default(false),
    /** A standard of a unit above that this one replaces beneath its unit (allowed only if that one is overridable). */
    replacesKey: text('replaces_key'),
    status: text('status').notNull().default('draft'),
    publishedAt: ts('published_at'),
    publishedBy: uuid('published_by').references(() => users.id),
    effectiveFrom: date('effective_from', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('pmo_standards_key_version_uq').on(t.key, t.standardVersion),
    index('pmo_standards_unit_idx').on(t.orgUnitId),
  ],
);

export const complianceItems = pgTable(
  'compliance_items',
  {
    ...audited(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    standardKey: text('standard_key'),
    text: text('text').notNull(),
    overridable: boolean('overridable').notNull().default(false),
    retiredAt: ts('retired_at'),
  },
  (t) => [index('compliance_items_unit_idx').on(t.orgUnitId)],
);

/** A unit below waives an overridable item of a unit above, with its reason. */
export const complianceWaivers = pgTable(
  'compliance_waivers',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => complianceItems.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.orgUnitId] })],
);

export const projectComplianceChecks = pgTable(
  'project_compliance_checks',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => complianceItems.id, { onDelete: 'cascade' }),
    met: boolean('met').notNull(),
    note: text('note'),
    checkedAt: ts('checked_at').notNull().defaultNow(),
    checkedBy: uuid('checked_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.itemId] })],
);

// ---- audits and peer reviews, with findings and corrective actions ----

export const audits = pgTable(
  'audits',
  {
    ...audited(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    scope: text('scope'),
    leadId: uuid('lead_id').references(() => users.id),
    scheduledFor: date('scheduled_for', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('scheduled'),
    summary: text('summary'),
    startedAt: ts('started_at'),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    deletedAt: ts('deleted_at'),
  },
  (t) => [uniqueIndex('audits_code_uq').on(t.code), index('audits_project_idx').on(t.projectId)],
);

export const auditFindings = pgTable(
  'audit_findings',
  {
    ...audited(),
    code: text('code').notNull(),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    severity: text('severity').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }),
    correctiveAction: text('corrective_action'),
    status: text('status').notNull().default('open'),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    closureNote: text('closure_note'),
  },
  (t) => [uniqueIndex('audit_findings_code_uq').on(t.code), index('audit_findings_audit_idx').on(t.auditId)],
);

// ---- clearinghouse: document library and project documents, versioned ----

export const documents = pgTable(
  'documents',
  {
    ...audited(),
    code: text('code').notNull(),
    /** null: an item of the PMO's library (templates); else a project's document. */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** The lifecycle deliverable this document evidences (phase key and deliverable key). */
    phaseKey: text('phase_key'),
    deliverableKey: text('deliverable_key'),
    currentVersion: integer('current_version').notNull().default(0),
    deletedAt: ts('deleted_at'),
  },
  (t) => [uniqueIndex('documents_code_uq').on(t.code), index('documents_project_idx').on(t.projectId)],
);

export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    note: text('note'),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
  },
  (t) => [uniqueIndex('document_versions_uq').on(t.documentId, t.versionNo)],
);

// ---- quality: standards per deliverable type, deliverables and their acceptance, non-conformances, lessons ----

export const qualityStandards = pgTable(
  'quality_standards',
  {
    ...audited(),
    deliverableType: text('deliverable_type').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    checklist: jsonb('checklist').$type<Record<string, unknown>[]>().notNull(),
    retiredAt: ts('retired_at'),
  },
  (t) => [index('quality_standards_type_idx').on(t.deliverableType)],
);

export const deliverables = pgTable(
  'deliverables',
  {
    ...audited(),
    code: text('code').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    deliverableType: text('deliverable_type').notNull(),
    description: text('description'),
    dueDate: date('due_date', { mode: 'string' }),
    ownerId: uuid('owner_id').references(() => users.id),
    standardId: uuid('standard_id').references(() => qualityStandards.id),
    acceptanceCriteria: jsonb('acceptance_criteria').$type<Record<string, unknown>[]>().notNull().default([]),
    status: text('status').notNull().default('planned'),
    phaseKey: text('phase_key'),
    deliverableKey: text('deliverable_key'),
    acceptedAt: ts('accepted_at'),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    acceptanceNote: text('acceptance_note'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [uniqueIndex('deliverables_code_uq').on(t.code), index('deliverables_project_idx').on(t.projectId)],
);

export const deliverableReviews = pgTable(
  'deliverable_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliverableId: uuid('deliverable_id')
      .notNull()
      .references(() => deliverables.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
    results: jsonb('results').$type<Record<string, unknown>>().notNull(),
    outcome: text('outcome').notNull(),
    comments: text('comments'),
  },
  (t) => [index('deliverable_reviews_idx').on(t.deliverableId, t.at)],
);

export const nonConformances = pgTable(
  'non_conformances',
  {
    ...audited(),
    code: text('code').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    deliverableId: uuid('deliverable_id').references(() => deliverables.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description'),
    severity: text('severity').notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    dueDate: date('due_date', { mode: 'string' }),
    correctiveAction: text('corrective_action'),
    status: text('status').notNull().default('open'),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('non_conformances_code_uq').on(t.code),
    index('non_conformances_project_idx').on(t.projectId),
  ],
);

export const lessonsLearned = pgTable(
  'lessons_learned',
  {
    ...audited(),
    code: text('code').notNull(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    category: text('category').notNull(),
    kind: text('kind').notNull().default('improve'),
    whatHappened: text('what_happened').notNull(),
    recommendation: text('recommendation'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    phaseKey: text('phase_key'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('lessons_learned_code_uq').on(t.code),
    index('lessons_learned_search_idx').using(
      'gin',
      sql`to_tsvector('english', ${t.title} || ' ' || ${t.whatHappened} || ' ' || coalesce(${t.recommendation}, ''))`,
    ),
  ],
);

// ---- reporting: status reports per project per period ----

export const statusReports = pgTable(
  'status_reports',
  {
    ...audited(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The reporting period, a calendar month: YYYY-MM. */
    period: text('period').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('draft'),
    summary: text('summary'),
    accomplishments: text('accomplishments'),
    nextSteps: text('next_steps'),
    decisionsNeeded: text('decisions_needed'),
    /** The RAG the project manager reports: overall and per dimension. */
    reported: jsonb('reported').$type<Record<string, string>>().notNull().default({}),
    /** Baton's computed health and the figures it used, frozen at submission (live while a draft). */
    computed: jsonb('computed').$type<Record<string, unknown>>(),
    figures: jsonb('figures').$type<Record<string, unknown>>(),
    submittedAt: ts('submitted_at'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('status_reports_project_period_uq').on(t.projectId, t.period),
    index('status_reports_period_idx').on(t.period),
  ],
);

export const statusReportComments = pgTable(
  'status_report_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => statusReports.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    /** A review decision that came with the comment: accepted or returned. */
    decision: text('decision'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('status_report_comments_idx').on(t.reportId, t.createdAt)],
);

/**
 * The database-backed job queue: background work (portfolio Monte Carlo, scheduled reports, KPI
 * snapshots) claimed by workers with FOR UPDATE SKIP LOCKED, with progress while it runs.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** queued → running → succeeded | failed | cancelled */
    status: text('status').notNull().default('queued'),
    progress: doublePrecision('progress').notNull().default(0),
    progressMessage: text('progress_message'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    runAt: ts('run_at').notNull().defaultNow(),
    lockedAt: ts('locked_at'),
    lockedBy: text('locked_by'),
    /**
     * Jobs of the same key are not queued twice while one waits (e.g. one refresh per project); one
     * queued while another runs is kept, so a change made during a run is not lost.
     */
    dedupeKey: text('dedupe_key'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('jobs_ready_idx').on(t.status, t.runAt),
    index('jobs_kind_idx').on(t.kind, t.createdAt),
    uniqueIndex('jobs_dedupe_uq').on(t.dedupeKey).where(sql`dedupe_key IS NOT NULL AND status = 'queued'`),
  ],
);

/** Health rules as the PMO configures them, per org unit (the nearest unit up the chain applies). */
export const healthRuleSets = pgTable('health_rule_sets', {
  orgUnitId: uuid('org_unit_id')
    .primaryKey()
    .references(() => orgUnits.id, { onDelete: 'cascade' }),
  rules: jsonb('rules').$type<Record<string, unknown>[]>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * Each project's current figures, kept up to date from its schedule, actuals and RAID so that
 * dashboards over thousands of projects read one row per project.
 */
export const projectMetrics = pgTable(
  'project_metrics',
  {
    projectId: uuid('project_id')
      .primaryKey()
      .references(() => projects.id, { onDelete: 'cascade' }),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    computedAt: ts('computed_at').notNull().defaultNow(),
    /** Computed overall RAG and per dimension. */
    health: text('health'),
    dimensions: jsonb('dimensions').$type<Record<string, string>>().notNull().default({}),
    bacMinor: bigint('bac_minor', { mode: 'number' }).notNull().default(0),
    pvMinor: bigint('pv_minor', { mode: 'number' }).notNull().default(0),
    evMinor: bigint('ev_minor', { mode: 'number' }).notNull().default(0),
    acMinor: bigint('ac_minor', { mode: 'number' }).notNull().default(0),
    eacMinor: bigint('eac_minor', { mode: 'number' }),
    spi: doublePrecision('spi'),
    cpi: doublePrecision('cpi'),
    budgetMinor: bigint('budget_minor', { mode: 'number' }),
    /** Forecast finish (the schedule's) and the Baseline 0 finish. */
    finish: date('finish', { mode: 'string' }),
    baselineFinish: date('baseline_finish', { mode: 'string' }),
    percentComplete: doublePrecision('percent_complete'),
    facts: jsonb('facts').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('project_metrics_health_idx').on(t.health)],
);

/** A project's figures frozen at the end of a period (YYYY-MM): KPIs over time read these. */
export const projectSnapshots = pgTable(
  'project_snapshots',
  {
    period: text('period').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    takenAt: ts('taken_at').notNull().defaultNow(),
    status: text('status').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    portfolioId: uuid('portfolio_id'),
    programId: uuid('program_id'),
    health: text('health'),
    bacMinor: bigint('bac_minor', { mode: 'number' }).notNull().default(0),
    evMinor: bigint('ev_minor', { mode: 'number' }).notNull().default(0),
    acMinor: bigint('ac_minor', { mode: 'number' }).notNull().default(0),
    eacMinor: bigint('eac_minor', { mode: 'number' }),
    budgetMinor: bigint('budget_minor', { mode: 'number' }),
    spi: doublePrecision('spi'),
    cpi: doublePrecision('cpi'),
    finish: date('finish', { mode: 'string' }),
    baselineFinish: date('baseline_finish', { mode: 'string' }),
    /** Hours demanded and available in the project's unit that period, for utilisation. */
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.projectId] }),
    index('project_snapshots_unit_idx').on(t.orgUnitId, t.period),
  ],
);

/** Reports produced on a schedule by the job queue, e-mailed over SMTP or saved. */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    ...audited(),
    name: text('name').notNull(),
    /** What is produced, e.g. portfolio-pack, status-overview. */
    kind: text('kind').notNull(),
    format: text('format').notNull(),
    /** weekly (dayOfWeek 1–7) or monthly (dayOfMonth 1–28), at hour (UTC). */
    cadence: text('cadence').notNull(),
    dayOfWeek: smallint('day_of_week'),
    dayOfMonth: smallint('day_of_month'),
    hour: smallint('hour').notNull().default(7),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    /** email | save */
    delivery: text('delivery').notNull(),
    recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
    ownerId: uuid('owner_id').references(() => users.id),
    enabled: boolean('enabled').notNull().default(true),
    nextRunAt: ts('next_run_at'),
    lastRunAt: ts('last_run_at'),
    lastStatus: text('last_status'),
    lastError: text('last_error'),
  },
  (t) => [index('report_schedules_next_idx').on(t.enabled, t.nextRunAt)],
);

/** Files a scheduled report produced (delivery "save"), kept for download. */
export const reportFiles = pgTable(
  'report_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id').references(() => reportSchedules.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('report_files_schedule_idx').on(t.scheduleId, t.createdAt)],
);

/** In-app notifications, per user. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** A path in the web app the notification opens, e.g. /status-reports/…. */
    link: text('link'),
    createdAt: ts('created_at').notNull().defaultNow(),
    readAt: ts('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** A user's secret calendar feed (milestones as iCalendar): only a hash of the token is kept. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

// ---- operating model: the PMO's waivers of gate items under a controlling or directive model ----

/** The PMO lets a gate pass without one of its items (a criterion, a deliverable, a compliance rule), with its reason. */
export const gateWaivers = pgTable(
  'gate_waivers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    phaseKey: text('phase_key').notNull(),
    /** kind:key — criterion:charter, deliverable:business-case, compliance:status-report, policy:gate-documents, policy:open-high-risks */
    itemKey: text('item_key').notNull(),
    reason: text('reason').notNull(),
    waivedBy: uuid('waived_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('gate_waivers_uq').on(t.projectId, t.phaseKey, t.itemKey)],
);

// ---- stakeholders and communication ----

/** A person or body with a stake in one or many projects (a sponsor, a regulator). */
export const stakeholders = pgTable(
  'stakeholders',
  {
    ...audited(),
    name: text('name').notNull(),
    role: text('role'),
    organisation: text('organisation'),
    email: text('email'),
    phone: text('phone'),
    influence: smallint('influence').notNull(),
    interest: smallint('interest').notNull(),
    attitude: text('attitude').notNull().default('neutral'),
    engagementCurrent: text('engagement_current').notNull().default('neutral'),
    engagementDesired: text('engagement_desired').notNull().default('supportive'),
    /** Who in the organisation owns the relationship. */
    ownerId: uuid('owner_id').references(() => users.id),
    /** Where the stakeholder is registered (who may change it); the enterprise PMO when none. */
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    notes: text('notes'),
  },
  (t) => [index('stakeholders_name_idx').on(t.name)],
);

export const stakeholderProjects = pgTable(
  'stakeholder_projects',
  {
    stakeholderId: uuid('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.stakeholderId, t.projectId] }),
    index('stakeholder_projects_project_idx').on(t.projectId),
  ],
);

/** One line of a communication plan: what goes to whom, how, how often, owned by whom. */
export const communicationItems = pgTable(
  'communication_items',
  {
    ...audited(),
    /** The project whose plan it belongs to; null for the PMO's own communications (at orgUnitId). */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    title: text('title').notNull(),
    /** status_report | portfolio_pack | steering_minutes | custom */
    content: text('content').notNull(),
    description: text('description'),
    /** email | meeting | report | portal | presentation | newsletter */
    channel: text('channel').notNull(),
    /** once | weekly | biweekly | monthly | quarterly */
    frequency: text('frequency').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    ownerId: uuid('owner_id').references(() => users.id),
    /** { stakeholderIds: uuid[], roles: string[], groups: string[] } */
    audience: jsonb('audience').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('communication_items_project_idx').on(t.projectId)],
);

/** A communication sent: which occurrence, to whom, when, and the report it carried. */
export const communicationRecords = pgTable(
  'communication_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => communicationItems.id, { onDelete: 'cascade' }),
    /** The occurrence of the plan it fulfils. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    sentAt: ts('sent_at').notNull(),
    sentBy: uuid('sent_by').references(() => users.id),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    summary: text('summary'),
    /** The report produced, when there is one: a status report or a saved report file. */
    statusReportId: uuid('status_report_id').references(() => statusReports.id, { onDelete: 'set null' }),
    reportFileId: uuid('report_file_id').references(() => reportFiles.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('communication_records_uq').on(t.itemId, t.dueDate)],
);

// ---- configuration management ----

/** A deliverable, document, specification or component the project keeps under configuration control. */
export const configurationItems = pgTable(
  'configuration_items',
  {
    ...audited(),
    code: text('code').notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** deliverable | document | specification | component */
    kind: text('kind').notNull(),
    description: text('description'),
    ownerId: uuid('owner_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('configuration_items_code_uq').on(t.code),
    index('configuration_items_project_idx').on(t.projectId),
  ],
);

export const configurationItemVersions = pgTable(
  'configuration_item_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => configurationItems.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 … in order of recording. */
    number: integer('number').notNull(),
    label: text('label').notNull(),
    /** draft | in_review | approved | superseded */
    status: text('status').notNull(),
    notes: text('notes'),
    /** The approved change that recorded this version, when one did. */
    changeRequestId: uuid('change_request_id').references(() => changeRequests.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('configuration_item_versions_uq').on(t.itemId, t.number)],
);

/** A named, frozen set of item versions. */
export const configurationBaselines = pgTable(
  'configuration_baselines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [uniqueIndex('configuration_baselines_name_uq').on(t.projectId, t.name)],
);

export const configurationBaselineItems = pgTable(
  'configuration_baseline_items',
  {
    baselineId: uuid('baseline_id')
      .notNull()
      .references(() => configurationBaselines.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => configurationItems.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => configurationItemVersions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.baselineId, t.itemId] })],
);

/** The configuration items a change request touches, and the version its approval recorded. */
export const changeRequestItems = pgTable(
  'change_request_items',
  {
    changeRequestId: uuid('change_request_id')
      .notNull()
      .references(() => changeRequests.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => configurationItems.id, { onDelete: 'cascade' }),
    /** What the change does to the item, in a line. */
    note: text('note'),
    newVersionId: uuid('new_version_id').references(() => configurationItemVersions.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [primaryKey({ columns: [t.changeRequestId, t.itemId] })],
);
