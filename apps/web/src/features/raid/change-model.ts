import { changeLevel } from '@baton/core';
import type {
  ChangeLevel,
  ChangeRequest,
  ChangeThresholdSettings,
  CreateChangeRequestBody,
  Rebaseline,
} from '../../api/raid.ts';
import { formatDate, formatMoney, getMinorDigits } from '../../design/format.ts';

export type ChangeDraft = {
  projectId: string;
  title: string;
  description: string;
  scopeImpact: string;
  /** Major units, a sign allowed. */
  costImpact: string;
  scheduleImpactDays: string;
  benefitsImpact: string;
};
export type ChangeErrors = Partial<Record<keyof ChangeDraft | 'form', string>>;

export function emptyChangeDraft(projectId = ''): ChangeDraft {
  return {
    projectId,
    title: '',
    description: '',
    scopeImpact: '',
    costImpact: '0',
    scheduleImpactDays: '0',
    benefitsImpact: '',
  };
}

/**
 * A signed amount in major units as typed ("-1,500.50", "+20 000"): the number, null when empty,
 * NaN when it is not an amount with at most the currency's minor digits.
 */
export function parseSignedAmount(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s,_']/g, '').replace(/^−/, '-');
  if (cleaned === '') return null;
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!m) return Number.NaN;
  const [, sign = '', whole = '0', fraction = ''] = m;
  if (fraction.length > getMinorDigits(currency)) return Number.NaN;
  const value = Number(`${whole}${fraction ? `.${fraction}` : ''}`);
  return sign === '-' ? -value : value;
}

/** Whole days, a sign allowed: the number, null when empty, NaN otherwise. */
export function parseSignedDays(text: string): number | null {
  const cleaned = text.trim().replace(/^−/, '-');
  if (cleaned === '') return null;
  if (!/^[+-]?\d{1,5}$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

export function validateChange(d: ChangeDraft, currency: string): ChangeErrors {
  const e: ChangeErrors = {};
  if (!d.projectId) e.projectId = 'Choose the project.';
  if (!d.title.trim()) e.title = 'Give the change a title.';
  else if (d.title.trim().length > 200) e.title = 'At most 200 characters.';
  const cost = parseSignedAmount(d.costImpact, currency);
  if (cost === null) e.costImpact = 'Enter the cost impact; 0 when there is none.';
  else if (Number.isNaN(cost)) e.costImpact = 'An amount such as 12500 or -3000.';
  else if (Math.abs(cost) > 1e12) e.costImpact = 'At most 1,000,000,000,000.';
  const days = parseSignedDays(d.scheduleImpactDays);
  if (days === null) e.scheduleImpactDays = 'Enter the schedule impact in days; 0 when there is none.';
  else if (Number.isNaN(days)) e.scheduleImpactDays = 'Whole days, such as 10 or -5.';
  else if (Math.abs(days) > 3650) e.scheduleImpactDays = 'At most 3650 days either way.';
  for (const k of ['description', 'scopeImpact', 'benefitsImpact'] as const)
    if (d[k].length > 10_000) e[k] = 'At most 10,000 characters.';
  return e;
}

export function toCreateChange(d: ChangeDraft, currency: string): CreateChangeRequestBody {
  const text = (v: string) => (v.trim() ? { value: v.trim() } : null);
  const description = text(d.description);
  const scope = text(d.scopeImpact);
  const benefits = text(d.benefitsImpact);
  return {
    projectId: d.projectId,
    title: d.title.trim(),
    costImpact: parseSignedAmount(d.costImpact, currency) ?? 0,
    scheduleImpactDays: parseSignedDays(d.scheduleImpactDays) ?? 0,
    ...(description ? { description: description.value } : {}),
    ...(scope ? { scopeImpact: scope.value } : {}),
    ...(benefits ? { benefitsImpact: benefits.value } : {}),
  };
}

/** Who will decide the draft, from the PMO's thresholds; null while the impact is not valid. */
export function previewLevel(
  d: Pick<ChangeDraft, 'costImpact' | 'scheduleImpactDays'>,
  currency: string,
  thresholds:
    | Pick<ChangeThresholdSettings, 'projectManagerCostLimit' | 'projectManagerDaysLimit'>
    | undefined,
): ChangeLevel | null {
  if (!thresholds) return null;
  const cost = parseSignedAmount(d.costImpact, currency);
  const days = parseSignedDays(d.scheduleImpactDays);
  if (cost === null || days === null || Number.isNaN(cost) || Number.isNaN(days)) return null;
  return changeLevel({ costImpact: cost, scheduleImpactDays: days }, thresholds);
}

/** A major-unit amount as money: "€10,000". */
export function formatMajor(major: number, currency: string): string {
  return formatMoney(Math.round(major * 10 ** getMinorDigits(currency)), currency);
}

/** A major-unit amount as money with its sign: "+€50,000", "−€3,000", "€0". */
export function formatCostImpact(major: number, currency: string): string {
  const minor = Math.round(Math.abs(major) * 10 ** getMinorDigits(currency));
  const text = formatMoney(minor, currency);
  if (minor === 0) return text;
  return major > 0 ? `+${text}` : `−${text}`;
}

/** "+20 days", "−3 days", "+1 day", "No change". */
export function formatScheduleImpact(days: number): string {
  if (days === 0) return 'No change';
  const abs = Math.abs(days);
  return `${days > 0 ? '+' : '−'}${abs} ${abs === 1 ? 'day' : 'days'}`;
}

export type RebaselineLine = { label: string; before: string; after: string };

/** What approving re-baselined, line by line: budget (minor units) and planned finish, baseline number. */
export function rebaselineLines(
  r: Rebaseline,
  currency: string,
): { lines: RebaselineLine[]; baseline: string } {
  return {
    lines: [
      {
        label: 'Budget',
        before: formatMoney(r.budgetBeforeMinor, currency),
        after: formatMoney(r.budgetAfterMinor, currency),
      },
      { label: 'Planned finish', before: formatDate(r.finishBefore), after: formatDate(r.finishAfter) },
    ],
    baseline:
      r.baselineNumber === null
        ? 'No schedule baseline was saved: the project has no tasks yet.'
        : `The plan was saved as schedule baseline ${r.baselineNumber}.`,
  };
}

/** Requests still waiting, and those decided (newest decision first). */
export function splitQueue(items: readonly ChangeRequest[]): {
  waiting: ChangeRequest[];
  decided: ChangeRequest[];
} {
  const waiting = items.filter((c) => c.status === 'submitted');
  const decided = items
    .filter((c) => c.status !== 'submitted')
    .sort((a, b) => (b.decidedAt ?? b.updatedAt).localeCompare(a.decidedAt ?? a.updatedAt));
  return { waiting, decided };
}

export type DecisionKind = 'approve' | 'reject';

export function validateChangeDecision(form: { decision: DecisionKind | null; reason: string }): {
  decision?: string;
  reason?: string;
} | null {
  const e: { decision?: string; reason?: string } = {};
  if (!form.decision) e.decision = 'Choose approve or reject.';
  if (!form.reason.trim()) e.reason = 'Say why: the reason is kept with the decision.';
  else if (form.reason.trim().length > 2000) e.reason = 'At most 2000 characters.';
  return e.decision || e.reason ? e : null;
}
