export type { AvailabilityCandidate, AvailabilityNeed, AvailabilityRank } from './availability.ts';
export { compareRanks, rankAvailability } from './availability.ts';
export type {
  CapacityGrid,
  DemandColumns,
  DemandFilter,
  GroupSummary,
  OverAllocationRun,
  ProjectHours,
} from './capacity-grid.ts';
export {
  buildCapacityGrid,
  computeUtilisation,
  packDemandColumns,
  projectsOfRun,
  readDemandHours,
  readFreeHours,
  scanOverAllocations,
  setDemandTentative,
  summariseGroups,
  summariseMultiGroups,
  updateDemandHours,
} from './capacity-grid.ts';
export type { DemandSegments, SegmentChange, SegmentRow } from './capacity-segments.ts';
export { emptyDemandSegments, packDemandSegments, updateSegment } from './capacity-segments.ts';
export type { LeaveEntry, ResourceCapacityInput, SpreadBasis } from './daily-capacity.ts';
export {
  computeDailyCapacity,
  MONDAY_TO_FRIDAY,
  spreadFlatDemand,
  spreadTaskWork,
} from './daily-capacity.ts';
export type { DayNumber } from './day-number.ts';
export { fromDayNumber, startOfIsoWeek, startOfNextMonth, toDayNumber, weekdayOf } from './day-number.ts';
export type {
  DayOverAllocation,
  LevellingInput,
  LevellingMode,
  LevellingResult,
  LevellingTaskRow,
  LevellingTasks,
  ReassignCandidates,
} from './levelling.ts';
export { buildSkillCandidates, checkLevellingInput, levelAll, packLevellingTasks } from './levelling.ts';
export type { LevellingOption } from './levelling-options.ts';
export { proposeLevellingOptions } from './levelling-options.ts';
export type { PeriodGranularity, Periods } from './periods.ts';
export { buildPeriods, periodIndexOfDay, sumIntoPeriods } from './periods.ts';
export type { HoursMismatch, HoursRow, ReconciledRow, ReconcileTolerance } from './reconciliation.ts';
export { reconcileHours } from './reconciliation.ts';
