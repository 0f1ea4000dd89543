export type {
  CalendarDefinition,
  CalendarException,
  MonthItem,
  MonthPosition,
  Recurrence,
  WeekPattern,
  WorkingInterval,
  WorkWeek,
} from './calendar-model.ts';
export {
  create24HourCalendar,
  createNightShiftCalendar,
  createStandardCalendar,
  STANDARD_DAY,
} from './calendar-model.ts';
export { expandExceptionDays } from './calendar-recurrence.ts';
export type { CalendarIssue, DayResolver } from './calendar-resolve.ts';
export { buildDayResolvers, intersectIntervals, normalizeIntervals } from './calendar-resolve.ts';
export type { CompiledInput } from './compile-input.ts';
export { CONSTRAINT_NAMES, compileScheduleInput } from './compile-input.ts';
export { findCriticalPaths } from './critical-path.ts';
export type { ImpactResult, ProjectImpact, SlipMode, TaskImpact } from './impact.ts';
export { queryImpact } from './impact.ts';
export type { PropagationResult, TaskEdit } from './incremental.ts';
export { applyTaskEdit, editTask, propagateTaskChanges } from './incremental.ts';
export type { LocalMinutes } from './local-time.ts';
export {
  encodeLocalDateTime,
  formatLocalDate,
  formatLocalDateTime,
  getDayNumber,
  getWeekday,
  MINUTES_PER_DAY,
  NO_TIME_MAX,
  NO_TIME_MIN,
  parseLocalDateTime,
} from './local-time.ts';
export type { CompiledNetwork } from './network.ts';
export type { BuilderTask, BuildResult, NetworkBuilder } from './network-builder.ts';
export {
  addBuilderLink,
  addBuilderProject,
  addBuilderTask,
  buildNetwork,
  createNetworkBuilder,
} from './network-builder.ts';
export { runBackwardPass, runForwardPass, runFullPasses, scheduleCompiledNetwork } from './passes.ts';
export type { RoadmapProject } from './portfolio-roadmap.ts';
export { buildPortfolioRoadmap } from './portfolio-roadmap.ts';
export { collectConflicts, readScheduleResult, readTaskSchedule, scheduleNetwork } from './schedule.ts';
export type {
  ConstraintConflict,
  ConstraintType,
  Lag,
  LinkInput,
  LinkType,
  ProjectInput,
  ProjectSchedule,
  ScheduleInput,
  ScheduleIssue,
  ScheduleOptions,
  ScheduleResult,
  TaskConstraint,
  TaskInput,
  TaskSchedule,
} from './schedule-model.ts';
export type { WorkCalendar } from './work-calendar.ts';
export {
  addWorkingMinutes,
  CalendarWithoutWorkError,
  compileWorkCalendar,
  countWorkingMinutes,
  findFinishAtWork,
  findStartAtWork,
  getWorkPosition,
  isWorkingMinute,
  snapMilestoneForward,
  snapToFinish,
  snapToStart,
} from './work-calendar.ts';
