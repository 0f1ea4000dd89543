/**
 * The parts of an MSPDI (Microsoft Project XML) file Baton models, typed. Dates stay in the
 * file's own local form (`2026-01-05T08:00:00`), durations are whole minutes (working or elapsed
 * as the field says), link lags keep MSPDI's raw `LinkLag` and `LagFormat` so a round trip is exact.
 */

/** A working interval as MSPDI writes it: `08:00:00` to `12:00:00` (`00:00:00` as ToTime means midnight). */
export type MspdiWorkingTime = { readonly from: string; readonly to: string };

/** WeekDay: DayType 1 = Sunday … 7 = Saturday. */
export type MspdiWeekDay = {
  readonly dayType: number;
  readonly working: boolean;
  readonly times: readonly MspdiWorkingTime[];
};

/** Calendar exception (Project 2007+ form; legacy DayType 0 week days are read into this too). */
export type MspdiException = {
  readonly name?: string;
  readonly from: string;
  readonly to: string;
  readonly working: boolean;
  readonly times: readonly MspdiWorkingTime[];
  readonly enteredByOccurrences?: boolean;
  readonly occurrences?: number;
  /** 1 daily, 2 yearly by month day, 3 yearly by position, 4 monthly by day, 5 monthly by position, 6 weekly, 7 day count, 8 weekday count. */
  readonly type?: number;
  readonly period?: number;
  /** Bit mask: 1 Sunday, 2 Monday, 4 Tuesday … 64 Saturday. */
  readonly daysOfWeek?: number;
  /** 0 day, 1 weekday, 2 weekend day, 3 Sunday … 9 Saturday. */
  readonly monthItem?: number;
  /** 0 first … 3 fourth, 4 last. */
  readonly monthPosition?: number;
  /** 0 January … 11 December. */
  readonly month?: number;
  readonly monthDay?: number;
};

export type MspdiWorkWeek = {
  readonly name?: string;
  readonly from: string;
  readonly to: string;
  readonly weekDays: readonly MspdiWeekDay[];
};

export type MspdiCalendar = {
  readonly uid: number;
  readonly name?: string;
  readonly isBaseCalendar: boolean;
  readonly baseCalendarUid?: number;
  readonly weekDays: readonly MspdiWeekDay[];
  readonly exceptions: readonly MspdiException[];
  readonly workWeeks: readonly MspdiWorkWeek[];
};

/** PredecessorLink: Type 0 FF, 1 FS, 2 SF, 3 SS; LinkLag in tenths of a minute (or percent for % formats). */
export type MspdiLink = {
  readonly predecessorUid: number;
  readonly type: number;
  readonly linkLag: number;
  readonly lagFormat: number;
  readonly crossProject?: boolean;
  readonly crossProjectName?: string;
};

export type MspdiBaseline = {
  readonly number: number;
  readonly start?: string;
  readonly finish?: string;
  /** Minutes. */
  readonly duration?: number;
  /** Minutes of work. */
  readonly work?: number;
  readonly cost?: number;
};

export type MspdiTask = {
  readonly uid: number;
  readonly id?: number;
  readonly name?: string;
  readonly isNull?: boolean;
  readonly manual?: boolean;
  readonly active?: boolean;
  readonly type?: number;
  readonly wbs?: string;
  readonly outlineNumber?: string;
  readonly outlineLevel?: number;
  readonly priority?: number;
  readonly start?: string;
  readonly finish?: string;
  /** Working minutes. */
  readonly duration?: number;
  readonly durationFormat?: number;
  readonly work?: number;
  readonly estimated?: boolean;
  readonly milestone?: boolean;
  readonly summary?: boolean;
  readonly percentComplete?: number;
  readonly actualStart?: string;
  readonly actualFinish?: string;
  readonly actualDuration?: number;
  readonly remainingDuration?: number;
  /** 0 ASAP, 1 ALAP, 2 MSO, 3 MFO, 4 SNET, 5 SNLT, 6 FNET, 7 FNLT. */
  readonly constraintType?: number;
  readonly constraintDate?: string;
  readonly calendarUid?: number;
  readonly deadline?: string;
  readonly ignoreResourceCalendar?: boolean;
  readonly notes?: string;
  readonly predecessors: readonly MspdiLink[];
  readonly baselines: readonly MspdiBaseline[];
};

export type MspdiResource = {
  readonly uid: number;
  readonly id?: number;
  readonly name?: string;
  /** 0 material, 1 work, 2 cost. */
  readonly type?: number;
  readonly isNull?: boolean;
  readonly initials?: string;
  readonly maxUnits?: number;
  readonly calendarUid?: number;
  readonly baselines: readonly MspdiBaseline[];
};

export type MspdiAssignment = {
  readonly uid: number;
  readonly taskUid: number;
  readonly resourceUid: number;
  readonly units?: number;
  readonly work?: number;
  readonly start?: string;
  readonly finish?: string;
  readonly baselines: readonly MspdiBaseline[];
};

export type MspdiProjectInfo = {
  readonly name?: string;
  readonly title?: string;
  readonly saveVersion?: number;
  readonly scheduleFromStart: boolean;
  readonly startDate?: string;
  readonly finishDate?: string;
  readonly statusDate?: string;
  readonly currentDate?: string;
  readonly calendarUid?: number;
  readonly defaultStartTime?: string;
  readonly defaultFinishTime?: string;
  readonly minutesPerDay: number;
  readonly minutesPerWeek: number;
  readonly daysPerMonth: number;
  readonly honorConstraints?: boolean;
  /** Tasks with total slack at or below this many days are critical (Project's default 0). */
  readonly criticalSlackLimit?: number;
  readonly splitsInProgressTasks?: boolean;
};

/** A parsed MSPDI document. */
export type MspdiDocument = {
  readonly project: MspdiProjectInfo;
  readonly calendars: readonly MspdiCalendar[];
  readonly tasks: readonly MspdiTask[];
  readonly resources: readonly MspdiResource[];
  readonly assignments: readonly MspdiAssignment[];
};

/** A file Baton refuses: which element, and why. */
export class MspdiParseError extends Error {
  readonly element: string;
  readonly reason: string;
  constructor(element: string, reason: string) {
    super(`${element}: ${reason}`);
    this.name = 'MspdiParseError';
    this.element = element;
    this.reason = reason;
  }
}
