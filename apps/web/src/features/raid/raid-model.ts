import { riskLevel, riskScore } from '@baton/core';
import type {
  ChangeLevel,
  ChangeStatus,
  IssuePriority,
  IssueStatus,
  RaidEntryKind,
  RaidEntryStatus,
  Risk,
  RiskLevel,
  RiskMatrixSettings,
  RiskProximity,
  RiskResponse,
  RiskStatus,
} from '../../api/raid.ts';
import type { BadgeTone } from '../../design/Badge.tsx';
import type { SelectOption } from '../../design/Select.tsx';

/** The part of the matrix settings that decides levels. */
export type Matrix = Pick<RiskMatrixSettings, 'size' | 'mediumFrom' | 'highFrom'>;

// ---- labels and tones ----

export const LEVELS: readonly RiskLevel[] = ['high', 'medium', 'low'];
export const LEVEL_LABELS: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High' };
export const LEVEL_TONES: Record<RiskLevel, BadgeTone> = { low: 'green', medium: 'amber', high: 'red' };

export const RISK_STATUSES: readonly RiskStatus[] = ['open', 'monitoring', 'occurred', 'closed'];
export const RISK_STATUS_LABELS: Record<RiskStatus, string> = {
  open: 'Open',
  monitoring: 'Monitoring',
  occurred: 'Occurred',
  closed: 'Closed',
};
export const RISK_STATUS_TONES: Record<RiskStatus, BadgeTone> = {
  open: 'blue',
  monitoring: 'violet',
  occurred: 'red',
  closed: 'gray',
};

export const RESPONSES: readonly RiskResponse[] = ['avoid', 'mitigate', 'transfer', 'accept', 'escalate'];
export const RESPONSE_LABELS: Record<RiskResponse, string> = {
  avoid: 'Avoid',
  mitigate: 'Mitigate',
  transfer: 'Transfer',
  accept: 'Accept',
  escalate: 'Escalate',
};

export const PROXIMITY_LABELS: Record<RiskProximity, string> = {
  now: 'Now',
  imminent: 'Imminent',
  near: 'Near',
  far: 'Far',
  unknown: 'Unknown',
};
export const PROXIMITY_HINTS: Record<RiskProximity, string> = {
  now: 'its date has passed',
  imminent: 'within 30 days',
  near: 'within 90 days',
  far: 'more than 90 days away',
  unknown: 'no date given',
};

export const ISSUE_PRIORITIES: readonly IssuePriority[] = ['critical', 'high', 'medium', 'low'];
export const ISSUE_PRIORITY_LABELS: Record<IssuePriority, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
export const ISSUE_STATUSES: readonly IssueStatus[] = ['open', 'in_progress', 'resolved', 'closed'];
export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
};
export const ISSUE_STATUS_TONES: Record<IssueStatus, BadgeTone> = {
  open: 'blue',
  in_progress: 'violet',
  resolved: 'green',
  closed: 'gray',
};

export const ENTRY_KINDS: readonly RaidEntryKind[] = ['assumption', 'decision', 'dependency'];
export const ENTRY_KIND_LABELS: Record<RaidEntryKind, { one: string; many: string }> = {
  assumption: { one: 'Assumption', many: 'Assumptions' },
  decision: { one: 'Decision', many: 'Decisions' },
  dependency: { one: 'Dependency', many: 'Dependencies' },
};
export const ENTRY_STATUSES: readonly RaidEntryStatus[] = ['open', 'confirmed', 'invalid', 'closed'];
export const ENTRY_STATUS_LABELS: Record<RaidEntryStatus, string> = {
  open: 'Open',
  confirmed: 'Confirmed',
  invalid: 'Invalid',
  closed: 'Closed',
};
export const ENTRY_STATUS_TONES: Record<RaidEntryStatus, BadgeTone> = {
  open: 'blue',
  confirmed: 'green',
  invalid: 'red',
  closed: 'gray',
};

export const CHANGE_STATUS_LABELS: Record<ChangeStatus, string> = {
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};
export const CHANGE_STATUS_TONES: Record<ChangeStatus, BadgeTone> = {
  submitted: 'blue',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};
export const CHANGE_LEVEL_LABELS: Record<ChangeLevel, string> = {
  project_manager: 'Project manager',
  change_board: 'Change board',
};
export const CHANGE_LEVEL_TONES: Record<ChangeLevel, BadgeTone> = {
  project_manager: 'gray',
  change_board: 'violet',
};

export function toOptions<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): SelectOption[] {
  return values.map((v) => ({ value: v, label: labels[v] }));
}

// ---- the matrix ----

/** The level of a probability × impact pair on the matrix. */
export function levelOf(probability: number, impact: number, matrix: Matrix): RiskLevel {
  return riskLevel(riskScore(probability, impact), matrix);
}

/** The rating's label: "4 · Likely". */
export function ratingLabel(labels: readonly string[], rating: number): string {
  const name = labels[rating - 1];
  return name ? `${rating} · ${name}` : String(rating);
}

/** 1 … size as select options, labelled with the matrix labels. */
export function ratingOptions(labels: readonly string[], size: number): SelectOption[] {
  return Array.from({ length: size }, (_, k) => ({
    value: String(k + 1),
    label: ratingLabel(labels, k + 1),
  }));
}

export type HeatCell = {
  probability: number;
  impact: number;
  score: number;
  level: RiskLevel;
  count: number;
};

/**
 * The heat map as rows to draw: probability from the highest (top) down to 1, impact from 1 (left)
 * up; counts from heatMap[probability − 1][impact − 1], 0 where missing.
 */
export function heatRows(matrix: Matrix, counts: readonly (readonly number[])[]): HeatCell[][] {
  const rows: HeatCell[][] = [];
  for (let p = matrix.size; p >= 1; p -= 1) {
    const row: HeatCell[] = [];
    for (let i = 1; i <= matrix.size; i += 1) {
      const score = riskScore(p, i);
      row.push({
        probability: p,
        impact: i,
        score,
        level: riskLevel(score, matrix),
        count: counts[p - 1]?.[i - 1] ?? 0,
      });
    }
    rows.push(row);
  }
  return rows;
}

/** Every score's level on the matrix, [probability − 1][impact − 1], for a preview. */
export function levelGrid(matrix: Matrix): RiskLevel[][] {
  return Array.from({ length: matrix.size }, (_, p) =>
    Array.from({ length: matrix.size }, (_, i) => levelOf(p + 1, i + 1, matrix)),
  );
}

// ---- where a risk is held ----

export type WhereHeld = { scope: Risk['scope']; label: string; linked: string[] };

/** A project risk: its project's code; a shared one: its portfolio or org unit, and the codes linked. */
export function whereHeld(
  risk: Pick<Risk, 'scope' | 'projectCode' | 'portfolioName' | 'orgUnitName' | 'linkedProjects'>,
): WhereHeld {
  const linked = risk.linkedProjects.map((p) => p.code).sort((a, b) => a.localeCompare(b));
  if (risk.scope === 'project') return { scope: 'project', label: risk.projectCode ?? 'Project', linked: [] };
  if (risk.scope === 'portfolio')
    return { scope: 'portfolio', label: risk.portfolioName ?? 'Portfolio', linked };
  return { scope: 'org_unit', label: risk.orgUnitName ?? 'Org unit', linked };
}

export const SCOPE_LABELS: Record<Risk['scope'], string> = {
  project: 'Project',
  portfolio: 'Portfolio',
  org_unit: 'Org unit',
};

// ---- small formatting ----

/** "3 risks", "1 risk". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Done over total mitigation actions: "1 of 2 done". */
export function actionProgress(actions: readonly { done: boolean }[]): string {
  if (actions.length === 0) return 'No actions';
  return `${actions.filter((a) => a.done).length} of ${actions.length} done`;
}

/** Levels from the top of a stacked bar down (the stack is high at the base). */
export const STACK_LEVELS_TOP_DOWN: readonly RiskLevel[] = ['low', 'medium', 'high'];
