import type { ProposalStatus } from '../../api/portfolio.ts';
import type { BadgeTone } from '../../design/Badge.tsx';
import { formatMoney, formatMoneyCompact, getMinorDigits } from '../../design/format.ts';

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  under_review: 'Under review',
  approved: 'Approved',
  rejected: 'Rejected',
  deferred: 'Deferred',
};

export const PROPOSAL_STATUS_TONES: Record<ProposalStatus, BadgeTone> = {
  draft: 'gray',
  submitted: 'blue',
  under_review: 'violet',
  approved: 'green',
  rejected: 'red',
  deferred: 'amber',
};

/** The verb on the button that moves a proposal to a status. */
export const TRANSITION_VERBS: Record<ProposalStatus, string> = {
  draft: 'Return to draft',
  submitted: 'Submit',
  under_review: 'Start review',
  approved: 'Approve',
  rejected: 'Reject',
  deferred: 'Defer',
};

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2027-03" as "Mar 2027". */
export function formatMonth(yearMonth: string | null | undefined): string {
  if (!yearMonth) return '—';
  const d = new Date(`${yearMonth.slice(0, 7)}-01T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? yearMonth : monthFormat.format(d);
}

/** The month `n` months after "YYYY-MM". */
export function addMonths(yearMonth: string, n: number): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Months from a to b ("2027-01" → "2027-04" is 3). */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number) as [number, number];
  const [yb, mb] = b.split('-').map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma);
}

/** This month as "YYYY-MM" (UTC). */
export function currentMonth(now = new Date()): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A fraction as a percentage: 0.0815 → "8.2 %"; null → "—". */
export function formatPercent(fraction: number | null | undefined, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${(fraction * 100).toFixed(digits)} %`;
}

/** A score (0–100) with one decimal. */
export function formatScore(score: number): string {
  return score.toFixed(1);
}

export const RISK_LABELS: Record<number, string> = {
  1: 'Low',
  2: 'Moderate',
  3: 'Medium',
  4: 'High',
  5: 'Very high',
};

/** A major-unit amount (scenario budgets are in major units) shown short: "€250K". */
export function formatMajorCompact(major: number | null | undefined, currency: string): string {
  if (major === null || major === undefined) return '—';
  return formatMoneyCompact(Math.round(major * 10 ** getMinorDigits(currency)), currency);
}

/** A major-unit amount in full: "€250,000". */
export function formatMajor(major: number | null | undefined, currency: string): string {
  if (major === null || major === undefined) return '—';
  return formatMoney(Math.round(major * 10 ** getMinorDigits(currency)), currency);
}
