/**
 * Computed health: a RAG per dimension from rules with amber and red thresholds, each fired rule
 * explained with its value. A rule whose fact is unknown (null) does not fire; a dimension is the
 * worst of its fired rules (green when none), overall the worst dimension.
 */
export type HealthRag = 'green' | 'amber' | 'red';
export type HealthDimension = 'schedule' | 'cost' | 'scope' | 'risk' | 'resources';
export const HEALTH_DIMENSIONS: readonly HealthDimension[] = [
  'schedule',
  'cost',
  'scope',
  'risk',
  'resources',
];

export type HealthFacts = {
  spi: number | null;
  cpi: number | null;
  /** Worst slip of a milestone's current finish past its baseline finish, in calendar days. */
  milestoneSlipDays: number | null;
  /**
   * Share (%) of the schedule margin used up: the margin is the calendar days from the project's
   * finish to its planned (committed) finish, as baselined against as scheduled now. Null without a
   * baseline, a planned finish, or a positive baselined margin.
   */
  floatConsumedPercent: number | null;
  openHighRisks: number;
  overdueIssues: number;
  /** Points by which the share of budget spent runs ahead of physical progress. */
  burnAheadPoints: number | null;
  /** Days since the newest submitted status report; null when never reported. */
  daysSinceStatusReport: number | null;
  changesPending: number;
  /** People on the project over-allocated in the coming weeks; null when not measured. */
  overAllocatedPeople: number | null;
  /**
   * Facts that do not apply to this project, whose rules never fire (e.g. status reporting for a
   * project that is not executing: it owes no reports, so never having reported is not stale).
   */
  notApplicable?: readonly FactKey[];
};
type FactKey = Exclude<keyof HealthFacts, 'notApplicable'>;

/** The facts a rule can read, with what they measure: the PMO's rule editor lists these. */
export const HEALTH_FACTS: Readonly<
  Record<FactKey, { title: string; unit: string; worse: 'below' | 'above' }>
> = {
  spi: { title: 'Schedule performance index (SPI)', unit: 'ratio', worse: 'below' },
  cpi: { title: 'Cost performance index (CPI)', unit: 'ratio', worse: 'below' },
  milestoneSlipDays: { title: 'Worst milestone slip past its baseline', unit: 'days', worse: 'above' },
  floatConsumedPercent: { title: 'Schedule margin to the planned finish used up', unit: '%', worse: 'above' },
  openHighRisks: { title: 'Open high risks', unit: 'count', worse: 'above' },
  overdueIssues: { title: 'Issues past their due date', unit: 'count', worse: 'above' },
  burnAheadPoints: { title: 'Budget spent ahead of progress', unit: 'points', worse: 'above' },
  daysSinceStatusReport: {
    title: 'Days since the last submitted status report',
    unit: 'days',
    worse: 'above',
  },
  changesPending: { title: 'Change requests awaiting a decision', unit: 'count', worse: 'above' },
  overAllocatedPeople: { title: 'People on the project over-allocated', unit: 'people', worse: 'above' },
};

/** Calendar days of margin used up, as a share of the baselined margin (see floatConsumedPercent). */
export function floatConsumedPercent(
  plannedFinish: string | null,
  baselineFinish: string | null,
  currentFinish: string | null,
): number | null {
  if (!plannedFinish || !baselineFinish || !currentFinish) return null;
  const day = (d: string) => Date.parse(`${d.slice(0, 10)}T00:00:00Z`) / 86_400_000;
  const baselined = day(plannedFinish) - day(baselineFinish);
  if (baselined <= 0) return null;
  const now = day(plannedFinish) - day(currentFinish);
  return Math.round((100 * (baselined - now)) / baselined);
}

export type HealthRule = {
  key: string;
  title: string;
  dimension: HealthDimension;
  fact: FactKey;
  /** below: the lower the worse (SPI); above: the higher the worse (slip days). */
  direction: 'below' | 'above';
  amber: number;
  red: number;
  enabled: boolean;
  /** Fires red when the fact is null (e.g. never reported). */
  nullIsRed?: boolean;
};

export const DEFAULT_HEALTH_RULES: readonly HealthRule[] = [
  {
    key: 'spi',
    title: 'Schedule performance (SPI)',
    dimension: 'schedule',
    fact: 'spi',
    direction: 'below',
    amber: 0.95,
    red: 0.85,
    enabled: true,
  },
  {
    key: 'milestone-slippage',
    title: 'Milestone slippage (days)',
    dimension: 'schedule',
    fact: 'milestoneSlipDays',
    direction: 'above',
    amber: 5,
    red: 15,
    enabled: true,
  },
  {
    key: 'float-consumed',
    title: 'Schedule margin consumed (%)',
    dimension: 'schedule',
    fact: 'floatConsumedPercent',
    direction: 'above',
    amber: 50,
    red: 90,
    enabled: true,
  },
  {
    key: 'cpi',
    title: 'Cost performance (CPI)',
    dimension: 'cost',
    fact: 'cpi',
    direction: 'below',
    amber: 0.95,
    red: 0.85,
    enabled: true,
  },
  {
    key: 'budget-burn',
    title: 'Budget burn ahead of progress (points)',
    dimension: 'cost',
    fact: 'burnAheadPoints',
    direction: 'above',
    amber: 10,
    red: 25,
    enabled: true,
  },
  {
    key: 'changes-pending',
    title: 'Change requests awaiting a decision',
    dimension: 'scope',
    fact: 'changesPending',
    direction: 'above',
    amber: 2,
    red: 5,
    enabled: true,
  },
  {
    key: 'stale-status',
    title: 'Days since the last status report',
    dimension: 'scope',
    fact: 'daysSinceStatusReport',
    direction: 'above',
    amber: 35,
    red: 60,
    enabled: true,
    nullIsRed: true,
  },
  {
    key: 'open-high-risks',
    title: 'Open high risks',
    dimension: 'risk',
    fact: 'openHighRisks',
    direction: 'above',
    amber: 0,
    red: 2,
    enabled: true,
  },
  {
    key: 'overdue-issues',
    title: 'Overdue issues',
    dimension: 'risk',
    fact: 'overdueIssues',
    direction: 'above',
    amber: 0,
    red: 3,
    enabled: true,
  },
  {
    key: 'over-allocation',
    title: 'People over-allocated on the project',
    dimension: 'resources',
    fact: 'overAllocatedPeople',
    direction: 'above',
    amber: 0,
    red: 2,
    enabled: true,
  },
];

export type FiredRule = {
  rule: string;
  title: string;
  value: number | null;
  threshold: number | null;
  rag: HealthRag;
  explanation: string;
};
export type Health = {
  overall: HealthRag;
  dimensions: Record<HealthDimension, { rag: HealthRag; fired: FiredRule[] }>;
};

const RANK: Record<HealthRag, number> = { green: 0, amber: 1, red: 2 };
const worst = (a: HealthRag, b: HealthRag): HealthRag => (RANK[a] >= RANK[b] ? a : b);
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** What is wrong with a set of rules (thresholds in the wrong order, duplicates), by field. */
export function validateHealthRules(rules: readonly HealthRule[]): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.key)) out.push({ field: `rules.${i}.key`, message: `${r.key} is listed twice` });
    seen.add(r.key);
    if (!Object.hasOwn(HEALTH_FACTS, r.fact))
      out.push({ field: `rules.${i}.fact`, message: `${String(r.fact)} is not a fact Baton measures` });
    if (!Number.isFinite(r.amber) || !Number.isFinite(r.red))
      out.push({ field: `rules.${i}.amber`, message: `${r.title}: thresholds must be numbers` });
    if (r.direction === 'below' ? r.red > r.amber : r.red < r.amber)
      out.push({
        field: `rules.${i}.red`,
        message: `${r.title}: red must be ${r.direction === 'below' ? 'at or below' : 'at or above'} amber`,
      });
  });
  return out;
}

/** One rule against the facts: null when it does not fire. */
function fire(r: HealthRule, facts: HealthFacts): FiredRule | null {
  if (facts.notApplicable?.includes(r.fact)) return null;
  const value = facts[r.fact];
  if (value === null) {
    if (!r.nullIsRed) return null;
    return {
      rule: r.key,
      title: r.title,
      value: null,
      threshold: null,
      rag: 'red',
      explanation: `${r.title}: none yet`,
    };
  }
  const beyond = (t: number) => (r.direction === 'below' ? value < t : value > t);
  const rag: HealthRag | null = beyond(r.red) ? 'red' : beyond(r.amber) ? 'amber' : null;
  if (!rag) return null;
  const threshold = rag === 'red' ? r.red : r.amber;
  return {
    rule: r.key,
    title: r.title,
    value,
    threshold,
    rag,
    explanation: `${r.title} ${fmt(value)} is ${r.direction === 'below' ? 'below' : 'above'} the ${rag} threshold ${fmt(threshold)}`,
  };
}

/** The computed health of a project from its facts and the rules in force. */
export function computeHealth(
  facts: HealthFacts,
  rules: readonly HealthRule[] = DEFAULT_HEALTH_RULES,
): Health {
  const dimensions = Object.fromEntries(
    HEALTH_DIMENSIONS.map((d) => [d, { rag: 'green' as HealthRag, fired: [] as FiredRule[] }]),
  ) as Health['dimensions'];
  for (const r of rules) {
    if (!r.enabled) continue;
    const f = fire(r, facts);
    if (!f) continue;
    const d = dimensions[r.dimension];
    d.fired.push(f);
    d.rag = worst(d.rag, f.rag);
  }
  const overall = HEALTH_DIMENSIONS.reduce<HealthRag>((a, d) => worst(a, dimensions[d].rag), 'green');
  return { overall, dimensions };
}
