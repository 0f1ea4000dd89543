import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

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
  },
  (t) => [index('resources_name_idx').on(t.name)],
);

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
