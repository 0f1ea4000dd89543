/**
 * Automatic compliance rules: facts about a project checked against the PMO's standards, and the
 * score they make — the share of the rules that apply to it which it meets.
 */
export const COMPLIANCE_RULES = [
  { key: 'lifecycle', title: 'Follows a lifecycle from the methodology library' },
  { key: 'charter', title: 'Charter approved' },
  {
    key: 'risk-review',
    title: 'Risk register reviewed within the policy’s period (30 days unless the PMO sets it)',
  },
  { key: 'baseline', title: 'Baseline set before execution' },
  { key: 'status-report', title: 'Status report submitted for the period last due' },
  { key: 'manager', title: 'Project manager named' },
  { key: 'audit-findings', title: 'No overdue high or critical audit findings' },
  { key: 'checklist', title: 'PMO checklist items attested' },
] as const;
export type ComplianceRuleKey = (typeof COMPLIANCE_RULES)[number]['key'];

export type ComplianceFacts = {
  status: string;
  hasManager: boolean;
  hasLifecycle: boolean;
  /** Gate criterion "charter" met, or the first gate passed; null without a lifecycle. */
  charterApproved: boolean | null;
  /** The newest review of any of its open risks; null when it has none. */
  lastRiskReviewDays: number | null;
  openRiskCount: number;
  hasBaseline: boolean;
  /** The policy in force: the longest allowed gap between risk reviews. */
  riskReviewDays?: number | undefined;
  /** Audit findings on the project: open ones, and overdue high/critical ones. */
  openFindings?: number | undefined;
  overdueHighFindings?: number | undefined;
  /**
   * The report for the newest period already due: its period and whether it was submitted (null: no
   * report is due yet, e.g. the project started after that period).
   */
  statusReport?: { period: string; submitted: boolean } | null | undefined;
  /** The manual checklist items in force for the project (waived ones left out) and how many are attested met. */
  checklist?: { met: number; total: number } | undefined;
};

export type RuleResult = {
  rule: ComplianceRuleKey;
  applicable: boolean;
  passed: boolean;
  detail: string;
  /** A rule made of several items (the checklist) counts each item in the score. */
  counts?: { met: number; total: number };
};

const EXECUTING = new Set(['active', 'on_hold']);
const RUNNING = new Set(['approved', 'active', 'on_hold']);

/** Checks every rule; a rule that does not apply (e.g. a baseline before execution starts) is left out of the score. */
export function checkCompliance(f: ComplianceFacts): RuleResult[] {
  const running = RUNNING.has(f.status);
  const days = f.riskReviewDays ?? 30;
  const overdue = f.overdueHighFindings ?? 0;
  return [
    {
      rule: 'lifecycle',
      applicable: running,
      passed: f.hasLifecycle,
      detail: f.hasLifecycle ? 'A lifecycle is applied' : 'No lifecycle applied',
    },
    {
      rule: 'charter',
      applicable: running,
      passed: f.charterApproved === true,
      detail:
        f.charterApproved === null
          ? 'No lifecycle, so no charter gate'
          : f.charterApproved
            ? 'Charter approved at the first gate'
            : 'Charter not yet approved',
    },
    {
      rule: 'risk-review',
      applicable: EXECUTING.has(f.status),
      passed: f.openRiskCount > 0 && f.lastRiskReviewDays !== null && f.lastRiskReviewDays <= days,
      detail:
        f.openRiskCount === 0
          ? 'No open risks in the register'
          : f.lastRiskReviewDays === null
            ? 'Risks never reviewed'
            : `Last reviewed ${f.lastRiskReviewDays} days ago (policy: every ${days} days)`,
    },
    {
      rule: 'baseline',
      applicable: EXECUTING.has(f.status),
      passed: f.hasBaseline,
      detail: f.hasBaseline ? 'A schedule baseline is saved' : 'Executing without a baseline',
    },
    {
      rule: 'status-report',
      applicable: EXECUTING.has(f.status) && !!f.statusReport,
      passed: f.statusReport?.submitted === true,
      detail: !f.statusReport
        ? 'No report due yet'
        : f.statusReport.submitted
          ? `Report for ${f.statusReport.period} submitted`
          : `No report submitted for ${f.statusReport.period}`,
    },
    {
      rule: 'manager',
      applicable: running,
      passed: f.hasManager,
      detail: f.hasManager ? 'Named' : 'Nobody named',
    },
    {
      rule: 'audit-findings',
      applicable: running && (f.openFindings ?? 0) > 0,
      passed: overdue === 0,
      detail:
        overdue > 0
          ? `${overdue} high or critical finding${overdue === 1 ? '' : 's'} past due`
          : `${f.openFindings ?? 0} open finding${f.openFindings === 1 ? '' : 's'}, none overdue`,
    },
    {
      rule: 'checklist',
      applicable: running && (f.checklist?.total ?? 0) > 0,
      passed: (f.checklist?.total ?? 0) > 0 && f.checklist?.met === f.checklist?.total,
      detail: f.checklist?.total
        ? `${f.checklist.met} of ${f.checklist.total} attested`
        : 'No checklist items in force',
      counts: { met: f.checklist?.met ?? 0, total: f.checklist?.total ?? 0 },
    },
  ];
}

/**
 * Per cent of applicable rules met, rounded; null when none applies. A rule with counts (the
 * checklist) weighs as many rules as it has items.
 */
export function complianceScore(results: readonly RuleResult[]): number | null {
  let met = 0;
  let total = 0;
  for (const r of results) {
    if (!r.applicable) continue;
    if (r.counts) {
      met += r.counts.met;
      total += r.counts.total;
    } else {
      total += 1;
      if (r.passed) met += 1;
    }
  }
  if (total === 0) return null;
  return Math.round((100 * met) / total);
}

/** A unit's score: the mean of its projects' scores (projects without one left out). */
export function unitScore(scores: readonly (number | null)[]): number | null {
  const known = scores.filter((s): s is number => s !== null);
  if (known.length === 0) return null;
  return Math.round(known.reduce((a, b) => a + b, 0) / known.length);
}
