import { periodBounds } from '../status/status-reports.ts';

/**
 * Portfolio KPIs of one period, from each project's figures frozen at the end of the period (or the
 * live figures for the current one). Every share is a fraction 0–1 and null when nothing qualifies.
 */
export type KpiProject = {
  projectId: string;
  orgUnitId: string;
  /** The project's lifecycle status at the end of the period. */
  status: string;
  budgetMinor: number | null;
  eacMinor: number | null;
  acMinor: number;
  /** Forecast (or actual, once closed) finish and the Baseline 0 finish, YYYY-MM-DD. */
  finish: string | null;
  baselineFinish: string | null;
  plannedStart: string | null;
  /** The day the project was completed or cancelled, if it was. */
  closedOn: string | null;
};

/** Capacity and demand hours of an org unit's people in a period. */
export type UnitHours = { orgUnitId: string; capacityHours: number; demandHours: number };

export type KpiOptions = {
  /** Days a forecast finish may run past the baseline finish and still count as on time. */
  toleranceDays: number;
};

export const DEFAULT_KPI_OPTIONS: KpiOptions = { toleranceDays: 7 };

export type KpiPoint = {
  period: string;
  /** Projects in flight (active or on hold) at the end of the period. */
  inFlight: number;
  onTime: number;
  onTimeEligible: number;
  onTimeShare: number | null;
  onBudget: number;
  onBudgetEligible: number;
  onBudgetShare: number | null;
  /** Projects completed or cancelled during the period. */
  throughput: number;
  succeeded: number;
  successRate: number | null;
  cycleTimeDays: number | null;
  capacityHours: number;
  demandHours: number;
  utilisation: number | null;
};

const IN_FLIGHT = new Set(['active', 'on_hold']);
const CLOSED = new Set(['completed', 'cancelled']);
const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);
const share = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/** True when a finish lies within the tolerance of the baseline finish (null when either is unknown). */
export function isOnTime(
  finish: string | null,
  baselineFinish: string | null,
  toleranceDays: number,
): boolean | null {
  if (!finish || !baselineFinish) return null;
  return ms(finish) <= ms(baselineFinish) + toleranceDays * DAY;
}

/** True when the forecast cost (EAC) is within the budget (null when either is unknown). */
export function isOnBudget(eacMinor: number | null, budgetMinor: number | null): boolean | null {
  if (eacMinor === null || budgetMinor === null || budgetMinor <= 0) return null;
  return eacMinor <= budgetMinor;
}

/** The median of a list (the mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * The KPIs of a period:
 * - on time: in-flight projects whose forecast finish ≤ baseline finish + tolerance, over those with both dates;
 * - on budget: in-flight projects whose EAC ≤ budget, over those with both;
 * - throughput: projects closed (completed or cancelled) in the period;
 * - success rate: completed projects that finished on time and within budget (actual cost, or EAC
 *   when larger, ≤ budget), over all closed in the period — cancelled ones count as not successful;
 * - cycle time: the median of days from planned start to close, over those closed with a planned start;
 * - utilisation: demand hours over capacity hours of the units' people in the period.
 */
export function kpiPoint(
  period: string,
  projects: readonly KpiProject[],
  hours: readonly UnitHours[],
  options: KpiOptions = DEFAULT_KPI_OPTIONS,
): KpiPoint {
  const { start, end } = periodBounds(period);
  let inFlight = 0;
  let onTime = 0;
  let onTimeEligible = 0;
  let onBudget = 0;
  let onBudgetEligible = 0;
  let throughput = 0;
  let succeeded = 0;
  const cycles: number[] = [];
  for (const p of projects) {
    if (IN_FLIGHT.has(p.status)) {
      inFlight++;
      const t = isOnTime(p.finish, p.baselineFinish, options.toleranceDays);
      if (t !== null) {
        onTimeEligible++;
        if (t) onTime++;
      }
      const b = isOnBudget(p.eacMinor, p.budgetMinor);
      if (b !== null) {
        onBudgetEligible++;
        if (b) onBudget++;
      }
    }
    if (CLOSED.has(p.status) && p.closedOn && p.closedOn >= start && p.closedOn <= end) {
      throughput++;
      const cost = Math.max(p.acMinor, p.eacMinor ?? 0);
      if (
        p.status === 'completed' &&
        isOnTime(p.finish ?? p.closedOn, p.baselineFinish, options.toleranceDays) === true &&
        isOnBudget(cost, p.budgetMinor) === true
      )
        succeeded++;
      if (p.plannedStart) cycles.push(Math.round((ms(p.closedOn) - ms(p.plannedStart)) / DAY));
    }
  }
  let capacityHours = 0;
  let demandHours = 0;
  for (const h of hours) {
    capacityHours += h.capacityHours;
    demandHours += h.demandHours;
  }
  return {
    period,
    inFlight,
    onTime,
    onTimeEligible,
    onTimeShare: share(onTime, onTimeEligible),
    onBudget,
    onBudgetEligible,
    onBudgetShare: share(onBudget, onBudgetEligible),
    throughput,
    succeeded,
    successRate: share(succeeded, throughput),
    cycleTimeDays: median(cycles),
    capacityHours: Math.round(capacityHours * 100) / 100,
    demandHours: Math.round(demandHours * 100) / 100,
    utilisation: share(demandHours, capacityHours),
  };
}

export type KpiKey =
  | 'onTimeShare'
  | 'onBudgetShare'
  | 'successRate'
  | 'throughput'
  | 'cycleTimeDays'
  | 'utilisation';

/** Whether a KPI is better when it rises (cycle time is better when it falls). */
export const KPI_HIGHER_IS_BETTER: Readonly<Record<KpiKey, boolean>> = {
  onTimeShare: true,
  onBudgetShare: true,
  successRate: true,
  throughput: true,
  cycleTimeDays: false,
  utilisation: true,
};

export type KpiTrend = {
  delta: number | null;
  direction: 'up' | 'down' | 'flat' | 'unknown';
  better: boolean | null;
};

/** How a KPI moved from the previous period to the current one, and whether that is good. */
export function kpiTrend(key: KpiKey, current: number | null, previous: number | null): KpiTrend {
  if (current === null || previous === null) return { delta: null, direction: 'unknown', better: null };
  const delta = Math.round((current - previous) * 10_000) / 10_000;
  if (delta === 0) return { delta, direction: 'flat', better: null };
  const up = delta > 0;
  return { delta, direction: up ? 'up' : 'down', better: up === KPI_HIGHER_IS_BETTER[key] };
}
