import type { CriteriaWeights, Financials, Scores } from '@baton/contracts';
import { ahpWeights, irr, npv, paybackPeriod } from '@baton/core';

/** A proposal's business case: per month from its start. */
export type CaseMonth = { capexMinor: number; opexMinor: number; benefitMinor: number };

/** The monthly rate equivalent to an annual rate: (1 + r)^(1/12) − 1. */
export const monthlyRate = (annual: number): number => (1 + annual) ** (1 / 12) - 1;

/** NPV, IRR (annualised), payback and totals of a monthly business case. */
export function financialsOf(months: readonly CaseMonth[], annualRate: number): Financials {
  const flows = months.map((m) => m.benefitMinor - m.capexMinor - m.opexMinor);
  const totalCostMinor = months.reduce((s, m) => s + m.capexMinor + m.opexMinor, 0);
  const totalBenefitMinor = months.reduce((s, m) => s + m.benefitMinor, 0);
  const rate = monthlyRate(annualRate);
  const monthly = flows.length ? irr(flows) : null;
  return {
    totalCostMinor,
    totalBenefitMinor,
    npvMinor: flows.length ? Math.round(npv(rate, flows)) : 0,
    irr: monthly === null || !Number.isFinite(monthly) ? null : round4((1 + monthly) ** 12 - 1),
    paybackMonths: flows.length ? roundOrNull(paybackPeriod(flows)) : null,
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const round1 = (x: number) => Math.round(x * 10) / 10;
const roundOrNull = (x: number | null) => (x === null ? null : round1(x));

/** The present value of the costs alone, at the monthly equivalent of the annual rate. */
function presentCost(months: readonly CaseMonth[], annualRate: number): number {
  const rate = monthlyRate(annualRate);
  return months.reduce((s, m, k) => s + (m.capexMinor + m.opexMinor) / (1 + rate) ** k, 0);
}

/** Objective id → weight in effect (summing to 1 over the active objectives). */
export function objectiveWeights(
  objectives: readonly { id: string; directWeight: number | null; active: boolean }[],
  weighting: 'direct' | 'ahp',
  ahp: { objectiveIds: string[]; matrix: number[][] } | null,
): Map<string, number> {
  const active = objectives.filter((o) => o.active);
  const raw = new Map<string, number>();
  if (weighting === 'ahp' && ahp && ahp.matrix.length === ahp.objectiveIds.length) {
    const { weights } = ahpWeights(ahp.matrix);
    ahp.objectiveIds.forEach((id, i) => {
      raw.set(id, weights[i] ?? 0);
    });
  } else {
    for (const o of active) raw.set(o.id, Math.max(0, o.directWeight ?? 0));
  }
  const total = active.reduce((s, o) => s + (raw.get(o.id) ?? 0), 0);
  const out = new Map<string, number>();
  for (const o of objectives)
    out.set(o.id, !o.active ? 0 : total > 0 ? (raw.get(o.id) ?? 0) / total : 1 / active.length);
  return out;
}

/**
 * The four criteria on 0–100 and their weighted total:
 * value = NPV as a share of the present cost (100 = returns at least its cost again), alignment =
 * the weighted objective ratings (0–5 → 0–100), risk = 100 for rating 1 down to 0 for rating 5,
 * urgency = 0 for rating 1 up to 100 for rating 5.
 */
export function scoresOf(
  p: {
    businessCase: readonly CaseMonth[];
    alignment: Record<string, number>;
    riskRating: number;
    urgency: number;
  },
  financials: Financials,
  weights: Map<string, number>,
  criteria: CriteriaWeights,
  annualRate: number,
): Scores {
  const cost = presentCost(p.businessCase, annualRate);
  const value = cost > 0 ? clamp01(financials.npvMinor / cost) * 100 : financials.npvMinor > 0 ? 100 : 0;
  let alignment = 0;
  for (const [id, w] of weights) alignment += w * ((p.alignment[id] ?? 0) / 5) * 100;
  const risk = ((5 - p.riskRating) / 4) * 100;
  const urgency = ((p.urgency - 1) / 4) * 100;
  const cw = criteria.value + criteria.alignment + criteria.risk + criteria.urgency;
  const total =
    cw > 0
      ? (criteria.value * value +
          criteria.alignment * alignment +
          criteria.risk * risk +
          criteria.urgency * urgency) /
        cw
      : 0;
  return {
    value: round1(value),
    alignment: round1(alignment),
    risk: round1(risk),
    urgency: round1(urgency),
    total: round1(total),
  };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

// ---- months ----

/** Months from `from` to `to` (YYYY-MM), negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** The month `n` months after `month`. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** First and last calendar day of a month. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}
