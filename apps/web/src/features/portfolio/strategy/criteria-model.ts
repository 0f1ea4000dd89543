import type { CriteriaWeights } from '../../../api/portfolio.ts';

export const CRITERIA = ['value', 'alignment', 'risk', 'urgency'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_LABELS: Record<Criterion, string> = {
  value: 'Value',
  alignment: 'Strategic alignment',
  risk: 'Risk',
  urgency: 'Urgency',
};

export const CRITERION_HINTS: Record<Criterion, string> = {
  value: 'NPV as a share of the present cost (100 = returns its cost again).',
  alignment: 'The weighted 0–5 ratings against the strategic objectives.',
  risk: 'Low risk scores high: rating 1 → 100, rating 5 → 0.',
  urgency: 'Urgent scores high: rating 1 → 0, rating 5 → 100.',
};

/** Each criterion's share of the total weight (what the scores use); equal shares when all are 0. */
export function normaliseCriteria(weights: Readonly<Record<Criterion, number>>): Record<Criterion, number> {
  const total = CRITERIA.reduce((s, c) => s + Math.max(0, weights[c] || 0), 0);
  const out = {} as Record<Criterion, number>;
  for (const c of CRITERIA) out[c] = total > 0 ? Math.max(0, weights[c] || 0) / total : 0;
  return out;
}

/** A typed decimal ("0.35", "0,35"); null when empty or not a number. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '' || !/^-?\d*(\.\d+)?$/.test(t) || t === '-' || t === '.') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export type CriteriaDraft = {
  weights: Record<Criterion, string>;
  /** Annual discount rate in per cent, e.g. "8". */
  discountPercent: string;
  currency: string;
};

export type CriteriaErrors = Partial<Record<Criterion | 'weights' | 'discountRate' | 'currency', string>>;

export function draftOfCriteria(s: {
  criteria: CriteriaWeights;
  discountRate: number;
  currency: string;
}): CriteriaDraft {
  return {
    weights: {
      value: String(s.criteria.value),
      alignment: String(s.criteria.alignment),
      risk: String(s.criteria.risk),
      urgency: String(s.criteria.urgency),
    },
    discountPercent: String(Number((s.discountRate * 100).toFixed(4))),
    currency: s.currency,
  };
}

/** The body to send, or what is wrong with the draft. */
export function readCriteriaDraft(
  d: CriteriaDraft,
):
  | { ok: true; value: { criteria: CriteriaWeights; discountRate: number; currency: string } }
  | { ok: false; errors: CriteriaErrors } {
  const errors: CriteriaErrors = {};
  const criteria = { value: 0, alignment: 0, risk: 0, urgency: 0 };
  for (const c of CRITERIA) {
    const v = parseDecimal(d.weights[c]);
    if (v === null || v < 0 || v > 1) errors[c] = 'A number from 0 to 1.';
    else criteria[c] = v;
  }
  if (!CRITERIA.some((c) => errors[c]) && CRITERIA.every((c) => criteria[c] === 0))
    errors.weights = 'At least one criterion needs a weight above 0.';
  const rate = parseDecimal(d.discountPercent);
  if (rate === null || rate < 0 || rate > 100) errors.discountRate = 'A percentage from 0 to 100, e.g. 8.';
  const currency = d.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'A three-letter ISO 4217 code such as EUR.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { criteria, discountRate: Number(((rate ?? 0) / 100).toFixed(6)), currency } };
}
