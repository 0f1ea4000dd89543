import type { ReviewDecision, ReviewDecisionKind, ReviewItem } from '../../../api/portfolio.ts';
import type { BadgeTone } from '../../../design/Badge.tsx';

/** The order decisions are offered in, least drastic first. */
export const DECISION_KINDS: readonly ReviewDecisionKind[] = ['continue', 'rescope', 'pause', 'stop'];

export const DECISION_LABELS: Record<ReviewDecisionKind, string> = {
  continue: 'Continue',
  rescope: 'Re-scope',
  pause: 'Pause',
  stop: 'Stop',
};

/** One line on what each decision does to the project. */
export const DECISION_HINTS: Record<ReviewDecisionKind, string> = {
  continue: 'Continue keeps the project running as planned.',
  rescope: 'Re-scope keeps it running while its scope, budget or plan is changed.',
  pause: 'Pause puts it on hold.',
  stop: 'Stop cancels the project.',
};

export const DECISION_TONES: Record<ReviewDecisionKind, BadgeTone> = {
  continue: 'green',
  rescope: 'blue',
  pause: 'amber',
  stop: 'red',
};

export const HEALTH_LABELS: Record<ReviewItem['health'], string> = {
  green: 'On track',
  amber: 'At risk',
  red: 'Off track',
};

export const HEALTH_TONES: Record<ReviewItem['health'], BadgeTone> = {
  green: 'green',
  amber: 'amber',
  red: 'red',
};

/** Below this cost performance index a project spends more than it earns (the server flags it too). */
export const LOW_CPI = 0.9;

export type ReviewShow = 'candidates' | 'all';

/** The filter from `?show=`; candidates by default when there are any, else every running project. */
export function readShow(param: string | null, candidateCount: number): ReviewShow {
  if (param === 'candidates' || param === 'all') return param;
  return candidateCount > 0 ? 'candidates' : 'all';
}

export function filterItems(items: readonly ReviewItem[], show: ReviewShow): ReviewItem[] {
  return show === 'candidates' ? items.filter((i) => i.candidate) : [...items];
}

/** "3 running projects, 1 candidate to stop or re-scope, as of 17 Aug 2027". */
export function summaryLine(items: readonly ReviewItem[], asOfText: string): string {
  const n = items.length;
  const m = items.filter((i) => i.candidate).length;
  const running = `${n} running project${n === 1 ? '' : 's'}`;
  const candidates = `${m === 0 ? 'no' : m} candidate${m === 1 ? '' : 's'} to stop or re-scope`;
  return `${running}, ${candidates}, as of ${asOfText}`;
}

/** The cost performance index with two decimals, and whether it is below the threshold. */
export function describeCpi(cpi: number | null): { text: string; low: boolean } {
  if (cpi === null || !Number.isFinite(cpi)) return { text: '—', low: false };
  return { text: cpi.toFixed(2), low: cpi < LOW_CPI };
}

/** Days late against the first baseline: "+12 days", "3 days early", "On time". */
export function formatSlip(days: number | null): string {
  if (days === null || !Number.isFinite(days)) return '—';
  const d = Math.round(days);
  if (d === 0) return 'On time';
  const abs = Math.abs(d);
  const unit = abs === 1 ? 'day' : 'days';
  return d > 0 ? `+${abs} ${unit}` : `${abs} ${unit} early`;
}

/** Decisions newest first. */
export function newestFirst<T extends Pick<ReviewDecision, 'decidedAt'>>(decisions: readonly T[]): T[] {
  return [...decisions].sort((a, b) => b.decidedAt.localeCompare(a.decidedAt));
}

/** The problem with a decision form, or null when it can be sent. */
export function validateDecision(form: {
  decision: ReviewDecisionKind | null;
  reason: string;
}): { decision?: string; reason?: string } | null {
  const errors: { decision?: string; reason?: string } = {};
  if (!form.decision) errors.decision = 'Choose a decision.';
  if (!form.reason.trim()) errors.reason = 'Say why: the reason is kept with the decision.';
  else if (form.reason.trim().length > 2000) errors.reason = 'At most 2000 characters.';
  return errors.decision || errors.reason ? errors : null;
}

/**
 * The code and name of the project a decision is about: from the snapshot taken when it was made,
 * else from the review list (a stopped project leaves the list but keeps its decisions).
 */
export function decisionProject(
  decision: Pick<ReviewDecision, 'snapshot'>,
  item: Pick<ReviewItem, 'code' | 'name'> | undefined,
): { code: string; name: string } {
  const { code, name } = decision.snapshot;
  return {
    code: typeof code === 'string' ? code : (item?.code ?? ''),
    name: typeof name === 'string' ? name : (item?.name ?? 'Project'),
  };
}
