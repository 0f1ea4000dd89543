import type { LocalMinutes } from '../schedule/local-time.ts';
import type { WorkCalendar } from '../schedule/work-calendar.ts';

/** Dependency types, as the schedule engine names them. */
export type ForecastLinkType = 'FS' | 'SS' | 'FF' | 'SF';

/**
 * One task of the plan. Durations are working minutes of the project calendar for the whole task;
 * the engine simulates only what remains (percent complete / remaining work).
 */
export type ForecastTask = {
  readonly id: string;
  readonly name?: string;
  /** WBS parent; a task some other task names as parent is a summary and is not simulated itself. */
  readonly parentId?: string;
  /** Most likely duration. */
  readonly durationMinutes: number;
  /** Three-point duration; absent or null means "same as most likely" (no spread on that side). */
  readonly optimisticMinutes?: number | null;
  readonly pessimisticMinutes?: number | null;
  /** 0–100; remaining work is `remainingMinutes` when given, else duration × (1 − percent / 100). */
  readonly percentComplete?: number;
  readonly remainingMinutes?: number | null;
  /**
   * Earliest start of the remaining work, in working minutes after the project start — set for
   * started or constrained tasks so the simulation does not pull them before where they stand.
   */
  readonly earliestStartMinutes?: number;
  /** Three-point cost of the whole task (minor units); low/high absent means no spread. */
  readonly costMinor?: number;
  readonly costLowMinor?: number | null;
  readonly costHighMinor?: number | null;
  /** Cost already spent; defaults to the most likely cost × percent complete. */
  readonly actualCostMinor?: number | null;
};

/** A dependency between two tasks; the lag is in working minutes (negative: a lead). */
export type ForecastLink = {
  readonly from: string;
  readonly to: string;
  readonly type: ForecastLinkType;
  readonly lagMinutes?: number;
};

/** An open risk: when it occurs (Bernoulli with `probability`) it delays the finish and adds cost. */
export type ForecastRisk = {
  readonly id: string;
  readonly name?: string;
  /** 0–1. */
  readonly probability: number;
  /** Working days added to the finish when the risk occurs. */
  readonly scheduleImpactDays?: number | null;
  /** Cost added when the risk occurs (minor units). */
  readonly costImpactMinor?: number | null;
};

/** How forecast offsets become dates: the project calendar, the project start and the engine's plan. */
export type ForecastCalendar = {
  readonly calendar: WorkCalendar;
  /** Project start: offset 0. */
  readonly start: LocalMinutes;
  /**
   * The schedule engine's finish for the same plan. When given, simulated finishes are placed
   * relative to it (the deterministic plan lands exactly on it) so constraints, progress and task
   * calendars the fast pass does not model keep their effect on the dates.
   */
  readonly plannedFinish?: LocalMinutes;
};

export type ForecastOptions = {
  readonly iterations: number;
  readonly seed: number;
  /** Working minutes in a working day, to turn risk impacts in days into minutes (default 480). */
  readonly minutesPerDay?: number;
  /** Histogram bins (default 20). */
  readonly bins?: number;
  readonly calendar?: ForecastCalendar;
  /** Finish to meet (baseline or planned finish): the result gives the probability of meeting it. */
  readonly targetFinish?: LocalMinutes;
  /** Budget to stay within (minor units). */
  readonly budgetMinor?: number;
  /** Drivers listed in each tornado (default 10); 0 skips the tornado (and its second sweep). */
  readonly tornadoSize?: number;
  /** Keep each iteration's finish and cost, e.g. for the portfolio aggregator. */
  readonly keepSamples?: boolean;
};

/** One histogram bin over [from, to); the last bin includes its upper edge. */
export type ForecastBin = {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** Share of iterations at or below `to`: the cumulative probability curve. */
  readonly cumulative: number;
};

/** Summary of one simulated quantity (finish offset in working minutes, or cost in minor units). */
export type ForecastDistribution = {
  readonly deterministic: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly p10: number;
  readonly p50: number;
  readonly p80: number;
  readonly p90: number;
  readonly histogram: readonly ForecastBin[];
};

/** The same percentiles as dates (local minutes), when a calendar was given. */
export type ForecastDates = {
  readonly deterministic: LocalMinutes;
  readonly mean: LocalMinutes;
  readonly min: LocalMinutes;
  readonly max: LocalMinutes;
  readonly p10: LocalMinutes;
  readonly p50: LocalMinutes;
  readonly p80: LocalMinutes;
  readonly p90: LocalMinutes;
  /** Bin edges as dates: [from, to) of each finish histogram bin. */
  readonly bins: readonly { readonly from: LocalMinutes; readonly to: LocalMinutes }[];
};

/** A driver of the outcome and its rank correlation with the finish and with the cost. */
export type ForecastDriver = {
  readonly kind: 'duration' | 'cost' | 'risk';
  readonly id: string;
  readonly name: string;
  readonly finishCorrelation: number;
  readonly costCorrelation: number;
};

export type ForecastResult = {
  readonly iterations: number;
  readonly seed: number;
  readonly distribution: 'triangular';
  readonly taskCount: number;
  readonly riskCount: number;
  /** Finish in working minutes after the project start (risk delays included). */
  readonly finish: ForecastDistribution;
  readonly finishDates: ForecastDates | null;
  readonly cost: ForecastDistribution;
  /** Share of iterations finishing by `targetFinish` (null without one). */
  readonly probabilityOnTime: number | null;
  /** Share of iterations costing at most `budgetMinor` (null without one). */
  readonly probabilityWithinBudget: number | null;
  readonly tornado: { readonly finish: readonly ForecastDriver[]; readonly cost: readonly ForecastDriver[] };
  readonly samples: { readonly finish: Float64Array; readonly cost: Float64Array } | null;
};

/** Thrown when the plan cannot be simulated (a cycle, a link to an unknown task, bad numbers). */
export class ForecastInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = 'ForecastInputError';
    this.field = field;
  }
}
