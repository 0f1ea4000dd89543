import type { CalendarDefinition } from './calendar-model.ts';
import type { CalendarIssue } from './calendar-resolve.ts';
import type { LocalMinutes } from './local-time.ts';

/** Dependency types, named as Microsoft Project names them. */
export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

/**
 * A link lag. `working` minutes count on the lag calendar (the successor's task calendar, else
 * its project's calendar — never a resource calendar, as Project does); `elapsed` minutes count
 * 24 h a day; `percent` is a percentage of the predecessor's duration counted in working time;
 * `elapsedPercent` the same counted in elapsed time. Negative values are leads.
 */
export type Lag =
  | { readonly kind: 'working' | 'elapsed'; readonly minutes: number }
  | { readonly kind: 'percent' | 'elapsedPercent'; readonly percent: number };

/** Constraint types of Microsoft Project. */
export type ConstraintType = 'ASAP' | 'ALAP' | 'SNET' | 'SNLT' | 'FNET' | 'FNLT' | 'MSO' | 'MFO';

/** A task constraint; `date` is required for every type but ASAP and ALAP. */
export type TaskConstraint = { readonly type: ConstraintType; readonly date?: LocalMinutes };

/** One task (or WBS summary: any task some other task names as `parentId`). */
export type TaskInput = {
  readonly id: string;
  readonly name?: string;
  /** Project the task belongs to; defaults to the only project. */
  readonly projectId?: string;
  /** WBS parent: a summary task whose dates roll up from its children. */
  readonly parentId?: string;
  /** Duration in working minutes of the task's calendar; 0 makes a milestone. Ignored on summaries. */
  readonly durationMinutes: number;
  /** Shown as a milestone (Project allows milestones with a duration). */
  readonly milestone?: boolean;
  /** Task calendar; defaults to the project calendar. */
  readonly calendarId?: string;
  /** Calendar that lags into this task count on; defaults to `calendarId`, else the project calendar. */
  readonly lagCalendarId?: string;
  /** Calendars of assigned work resources; the task works when both it and they work. */
  readonly resourceCalendarIds?: readonly string[];
  /** With a task calendar and resources, whether to ignore the resource calendars (Project's IgnoreResourceCalendar). */
  readonly ignoreResourceCalendars?: boolean;
  readonly constraint?: TaskConstraint;
  readonly deadline?: LocalMinutes;
  readonly actualStart?: LocalMinutes;
  readonly actualFinish?: LocalMinutes;
  /** Percent complete 0–100; with an actual start and no remaining duration, sets the remaining part. */
  readonly percentComplete?: number;
  /** Remaining duration in working minutes (wins over percentComplete). */
  readonly remainingMinutes?: number;
};

/** A dependency: `from` drives `to`. Tasks may be in different projects (cross-project links). */
export type LinkInput = {
  readonly from: string;
  readonly to: string;
  readonly type: LinkType;
  readonly lag?: Lag;
};

/** A project in the network, scheduled forward from its start or backward from its finish. */
export type ProjectInput = {
  readonly id: string;
  readonly name?: string;
  readonly calendarId: string;
  readonly scheduleFrom: 'start' | 'finish';
  /** Required when scheduling from the start. */
  readonly start?: LocalMinutes;
  /** Required when scheduling from the finish. */
  readonly finish?: LocalMinutes;
  readonly statusDate?: LocalMinutes;
};

/** Engine options; defaults follow Microsoft Project's defaults. */
export type ScheduleOptions = {
  /** Tasks with total float at or below this many working minutes are critical (Project: 0). */
  readonly criticalFloatMinutes?: number;
  /** Move remaining work of in-progress tasks after the status date (Project: off unless asked). */
  readonly rescheduleRemainingAfterStatusDate?: boolean;
  /**
   * Project's "tasks will always honor their constraint dates" (default on). Off, links win:
   * SNLT/FNLT/MSO/MFO tasks are pushed past their dates and the miss shows as negative float.
   */
  readonly honorConstraints?: boolean;
  /** Most critical paths listed (they can multiply in parallel networks). */
  readonly maxCriticalPaths?: number;
};

/** Everything the engine schedules: calendars, projects, tasks and links. */
export type ScheduleInput = {
  readonly calendars: readonly CalendarDefinition[];
  readonly projects: readonly ProjectInput[];
  readonly tasks: readonly TaskInput[];
  readonly links: readonly LinkInput[];
  readonly options?: ScheduleOptions;
};

/** Computed dates of one task. */
export type TaskSchedule = {
  readonly id: string;
  readonly projectId: string;
  readonly summary: boolean;
  readonly milestone: boolean;
  /** Scheduled dates: early dates, late dates for ALAP tasks, actual dates when recorded. */
  readonly start: LocalMinutes;
  readonly finish: LocalMinutes;
  readonly earlyStart: LocalMinutes;
  readonly earlyFinish: LocalMinutes;
  readonly lateStart: LocalMinutes;
  readonly lateFinish: LocalMinutes;
  /** Total float in working minutes of the task's calendar; negative when a constraint or deadline is missed. */
  readonly totalFloatMinutes: number;
  readonly freeFloatMinutes: number;
  readonly critical: boolean;
};

/** A link the engine could not honour because a constraint held the task. */
export type ConstraintConflict = {
  readonly taskId: string;
  readonly constraint: ConstraintType | 'deadline';
  readonly date: LocalMinutes;
  /** How far (working minutes of the task calendar) the links or the deadline are violated. */
  readonly minutes: number;
  readonly message: string;
};

/** A structural problem: the network cannot be scheduled as given. */
export type ScheduleIssue =
  | { readonly kind: 'cycle'; readonly taskIds: readonly string[]; readonly message: string }
  | {
      readonly kind:
        | 'unknown-task'
        | 'unknown-project'
        | 'unknown-calendar'
        | 'duplicate-task'
        | 'invalid-duration'
        | 'missing-constraint-date'
        | 'missing-project-date'
        | 'unknown-parent';
      readonly id: string;
      readonly message: string;
    }
  | CalendarIssue;

/** Per-project roll-up of a schedule. */
export type ProjectSchedule = {
  readonly id: string;
  readonly start: LocalMinutes;
  readonly finish: LocalMinutes;
};

/** The result of scheduling: either dates for every task, or why it could not be done. */
export type ScheduleResult =
  | {
      readonly status: 'scheduled';
      readonly tasks: ReadonlyMap<string, TaskSchedule>;
      readonly projects: ReadonlyMap<string, ProjectSchedule>;
      /** Each critical path as task ids from its first to its last task. */
      readonly criticalPaths: readonly (readonly string[])[];
      readonly conflicts: readonly ConstraintConflict[];
    }
  | { readonly status: 'invalid'; readonly issues: readonly ScheduleIssue[] };
