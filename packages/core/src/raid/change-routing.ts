/**
 * Who may decide a change request: the project manager while its impact stays below the limits the
 * PMO sets; above either limit, the change board.
 */
export type ChangeThresholds = {
  /** Cost impact (major units, either sign counts by its size) the project manager may approve up to. */
  projectManagerCostLimit: number;
  /** Schedule impact in days (either sign) the project manager may approve up to. */
  projectManagerDaysLimit: number;
};

export const CHANGE_LEVELS = ['project_manager', 'change_board'] as const;
export type ChangeLevel = (typeof CHANGE_LEVELS)[number];

export const DEFAULT_CHANGE_THRESHOLDS: ChangeThresholds = {
  projectManagerCostLimit: 10_000,
  projectManagerDaysLimit: 10,
};

/** The authority a change needs: limits are inclusive, and a change that saves money is sized too. */
export function changeLevel(
  impact: { costImpact: number; scheduleImpactDays: number },
  t: ChangeThresholds = DEFAULT_CHANGE_THRESHOLDS,
): ChangeLevel {
  return Math.abs(impact.costImpact) <= t.projectManagerCostLimit &&
    Math.abs(impact.scheduleImpactDays) <= t.projectManagerDaysLimit
    ? 'project_manager'
    : 'change_board';
}

/** Whether someone with this authority may decide a change at this level. */
export function mayDecide(authority: ChangeLevel | null, level: ChangeLevel): boolean {
  if (authority === null) return false;
  return CHANGE_LEVELS.indexOf(authority) >= CHANGE_LEVELS.indexOf(level);
}

/** The plain reasons a change is routed where it is. */
export function routingReason(
  impact: { costImpact: number; scheduleImpactDays: number },
  t: ChangeThresholds = DEFAULT_CHANGE_THRESHOLDS,
): string {
  const over: string[] = [];
  if (Math.abs(impact.costImpact) > t.projectManagerCostLimit)
    over.push(
      `its cost impact ${Math.abs(impact.costImpact)} exceeds the project manager's limit of ${t.projectManagerCostLimit}`,
    );
  if (Math.abs(impact.scheduleImpactDays) > t.projectManagerDaysLimit)
    over.push(
      `its schedule impact of ${Math.abs(impact.scheduleImpactDays)} days exceeds the limit of ${t.projectManagerDaysLimit}`,
    );
  return over.length === 0
    ? 'Within the project manager’s limits'
    : `For the change board: ${over.join(', and ')}`;
}
