import type { Proposal, ScenarioOverride } from '@baton/contracts';
import type { PortfolioCandidate, PortfolioProblem } from '@baton/core';
import { addMonths, monthsBetween } from './scoring.ts';

/** The scenario inputs a problem is built from (the stored row's fields). */
export type ScenarioInputs = {
  startMonth: string;
  periods: number;
  objective: 'score' | 'npv';
  budget: number[];
  budgetByCategory: { capex?: number[] | undefined; opex?: number[] | undefined } | null;
  capacityFrom: 'pool' | 'manual';
  capacity: Record<string, number[]>;
  capacityFactor: number;
  statuses: string[];
  overrides: ScenarioOverride[];
};

/** A proposal kept out before the model is built, with the reason shown to the user. */
export type PreExcluded = { proposal: Proposal; reason: string; mandatory: boolean };

export type BuiltProblem = {
  problem: PortfolioProblem;
  /** Proposal by id, for every candidate in the model. */
  candidates: Map<string, Proposal>;
  preExcluded: PreExcluded[];
  months: string[];
};

/** Spreads one number over every month, or checks a per-month list has the horizon's length. */
export function perMonth(values: readonly number[], periods: number, field: string): number[] {
  if (values.length === 1) return Array.from({ length: periods }, () => values[0] as number);
  if (values.length !== periods)
    throw new RangeError(
      `${field} has ${values.length} months; give one number for every month or exactly ${periods}`,
    );
  return [...values];
}

/**
 * Months a proposal runs: up to the last month that costs money or needs people (at least one).
 * Benefits that go on after delivery are part of its value, not of the months it occupies.
 */
export function durationOf(p: Pick<Proposal, 'businessCase' | 'demand'>): number {
  let last = 0;
  p.businessCase.forEach((m, k) => {
    if (m.capexMinor + m.opexMinor > 0) last = Math.max(last, k + 1);
  });
  for (const d of p.demand) {
    d.hours.forEach((h, k) => {
      if (h > 0) last = Math.max(last, k + 1);
    });
  }
  return Math.max(1, last);
}

const major = (minor: number) => minor / 100;

/**
 * Turns proposals and a scenario into the optimiser's problem: periods are the horizon's months,
 * costs in major units, capacity by role or skill key (from the pool or as given, times the factor).
 * Proposals that cannot be in any selection (their window misses the horizon, they depend on a
 * proposal that is not a candidate) are kept out and listed with why.
 */
export function buildScenarioProblem(
  s: ScenarioInputs,
  proposals: readonly Proposal[],
  poolCapacity: Map<string, number[]> | null,
): BuiltProblem {
  const N = s.periods;
  const months = Array.from({ length: N }, (_, k) => addMonths(s.startMonth, k));
  const overrides = new Map(s.overrides.map((o) => [o.proposalId, o]));
  const open = proposals.filter((p) => !p.projectId && s.statuses.includes(p.status));
  const committed = new Set(proposals.filter((p) => p.projectId).map((p) => p.id));
  const byId = new Map(open.map((p) => [p.id, p]));
  const preExcluded: PreExcluded[] = [];
  const candidates = new Map<string, Proposal>();
  const windows = new Map<string, { earliest: number; latest: number }>();
  for (const p of open) {
    const o = overrides.get(p.id);
    const len = durationOf(p);
    const earliest = Math.max(0, monthsBetween(s.startMonth, o?.earliestStart ?? p.earliestStart));
    const latest = Math.min(monthsBetween(s.startMonth, o?.latestStart ?? p.latestStart), N - len);
    const mandatory = (o?.mandatory ?? p.mandatory) && !o?.forcedOut;
    if (latest < earliest) {
      preExcluded.push({
        proposal: p,
        mandatory,
        reason:
          len > N
            ? `It runs ${len} months, longer than the ${N}-month horizon.`
            : `Starting between ${o?.earliestStart ?? p.earliestStart} and ${o?.latestStart ?? p.latestStart}, its ${len} months do not fit between ${months[0]} and ${months[N - 1]}.`,
      });
      continue;
    }
    windows.set(p.id, { earliest, latest });
    candidates.set(p.id, p);
  }
  // A proposal that needs one outside the model can never be selected; repeat until stable.
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of [...candidates.values()]) {
      const missing = p.requires.find((r) => !committed.has(r) && !candidates.has(r));
      if (missing) {
        const o = overrides.get(p.id);
        candidates.delete(p.id);
        preExcluded.push({
          proposal: p,
          mandatory: (o?.mandatory ?? p.mandatory) && !o?.forcedOut,
          reason: `It requires ${nameOf(missing, byId, proposals)}, which is not a candidate in this scenario.`,
        });
        changed = true;
      }
    }
  }
  const keys = new Set<string>();
  for (const p of candidates.values()) for (const d of p.demand) keys.add(d.key);
  const capacity: Record<string, number[]> = {};
  for (const key of keys) {
    const given = findKey(s.capacity, key);
    const base = given ?? (s.capacityFrom === 'pool' ? findKey(poolCapacity, key) : undefined);
    const row = base ? perMonth(base, N, `capacity “${key}”`) : new Array<number>(N).fill(0);
    capacity[key] = row.map((h) => Math.max(0, h * s.capacityFactor));
  }
  const budgetByCategory =
    s.budgetByCategory && (s.budgetByCategory.capex || s.budgetByCategory.opex)
      ? Object.fromEntries(
          (['capex', 'opex'] as const)
            .filter((c) => s.budgetByCategory?.[c]?.length)
            .map((c) => [c, perMonth(s.budgetByCategory?.[c] ?? [], N, `budgetByCategory.${c}`)]),
        )
      : undefined;
  const projects: PortfolioCandidate[] = [...candidates.values()].map((p) => {
    const o = overrides.get(p.id);
    const w = windows.get(p.id) as { earliest: number; latest: number };
    const len = durationOf(p);
    const at = (k: number) => p.businessCase[k] ?? { capexMinor: 0, opexMinor: 0, benefitMinor: 0 };
    const demand: Record<string, number[]> = {};
    for (const d of p.demand) {
      const row = demand[d.key] ?? new Array<number>(len).fill(0);
      d.hours.forEach((h, k) => {
        if (k < len) row[k] = (row[k] ?? 0) + h;
      });
      demand[d.key] = row;
    }
    const value =
      o?.value ?? (s.objective === 'npv' ? Math.max(0, major(p.financials.npvMinor)) : p.scores.total);
    return {
      id: p.id,
      value,
      cost: Array.from({ length: len }, (_, k) => major(at(k).capexMinor + at(k).opexMinor)),
      ...(budgetByCategory
        ? {
            costByCategory: Object.fromEntries(
              Object.keys(budgetByCategory).map((c) => [
                c,
                Array.from({ length: len }, (_, k) =>
                  major(c === 'capex' ? at(k).capexMinor : at(k).opexMinor),
                ),
              ]),
            ),
          }
        : {}),
      demand,
      earliestStart: w.earliest,
      latestStart: w.latest,
      mandatory: (o?.mandatory ?? p.mandatory) && !o?.forcedOut,
      forcedOut: o?.forcedOut ?? false,
      requires: p.requires.filter((r) => candidates.has(r)),
      excludes: p.excludes.filter((r) => candidates.has(r)),
      risk: (p.riskRating - 1) / 4,
    };
  });
  return {
    problem: {
      periods: N,
      budget: perMonth(s.budget, N, 'budget'),
      ...(budgetByCategory ? { budgetByCategory } : {}),
      capacity,
      projects,
    },
    candidates,
    preExcluded,
    months,
  };
}

function findKey<T>(record: Record<string, T> | Map<string, T> | null, key: string): T | undefined {
  if (!record) return undefined;
  const entries = record instanceof Map ? [...record.entries()] : Object.entries(record);
  const k = key.trim().toLowerCase();
  return entries.find(([name]) => name.trim().toLowerCase() === k)?.[1];
}

function nameOf(id: string, open: Map<string, Proposal>, all: readonly Proposal[]): string {
  const p = open.get(id) ?? all.find((x) => x.id === id);
  return p ? `${p.code} “${p.title}”` : 'a proposal that no longer exists';
}
