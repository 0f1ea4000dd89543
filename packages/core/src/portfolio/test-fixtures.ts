// Test support (not exported from the package): random small problems and an exhaustive solver
// written independently of the engine, to check it against.
import type { PortfolioCandidate, PortfolioProblem, Selection } from './types.ts';

/** Deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SmallOptions = { maxProjects?: number; maxPeriods?: number; maxWindow?: number; rules?: boolean };

/**
 * A random small problem: up to 6 projects over 2–5 periods, 0–2 skills, 0–1 categories, windows
 * of up to 3 starts, integer profiles; with `rules`, some mandatory, forced-out, requires and
 * excludes. Limits are drawn around what the projects ask, so some instances are infeasible.
 */
export function smallProblem(seed: number, o: SmallOptions = {}): PortfolioProblem {
  const rand = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const N = int(2, o.maxPeriods ?? 5);
  const skills = ['dev', 'data'].slice(0, int(0, 2));
  const categories = rand() < 0.4 ? ['capex'] : [];
  const count = int(1, o.maxProjects ?? 6);
  const rules = o.rules ?? true;
  const projects: PortfolioCandidate[] = [];
  for (let i = 0; i < count; i++) {
    const len = int(1, N);
    const earliestStart = int(0, N - len);
    const latestStart = Math.min(N - len, earliestStart + int(0, o.maxWindow ?? 2));
    const cost = Array.from({ length: len }, () => int(0, 10));
    const demand: Record<string, number[]> = {};
    for (const k of skills) if (rand() < 0.7) demand[k] = Array.from({ length: len }, () => int(0, 5));
    const p: PortfolioCandidate = {
      id: `P${i + 1}`,
      value: int(0, 20),
      cost,
      demand,
      earliestStart,
      latestStart,
    };
    if (categories.length && rand() < 0.7) p.costByCategory = { capex: cost.map((x) => int(0, x)) };
    if (rules) {
      const r = rand();
      if (r < 0.15) p.mandatory = true;
      else if (r < 0.22) p.forcedOut = true;
      if (i > 0 && rand() < 0.2) p.requires = [`P${int(1, i)}`];
      if (i > 0 && rand() < 0.2) p.excludes = [`P${int(1, i)}`];
    }
    projects.push(p);
  }
  const limit = (max: number) => Array.from({ length: N }, () => int(0, max));
  const problem: PortfolioProblem = {
    periods: N,
    budget: limit(25),
    capacity: Object.fromEntries(skills.map((k) => [k, limit(10)])),
    projects,
  };
  if (categories.length) problem.budgetByCategory = { capex: limit(12) };
  return problem;
}

/** True when the selection obeys every rule and limit (an independent reading of the model). */
export function satisfies(problem: PortfolioProblem, selection: Selection): boolean {
  const start = new Map(selection.map((x) => [x.id, x.start]));
  if (start.size !== selection.length) return false;
  const N = problem.periods;
  const budget = new Array<number>(N).fill(0);
  const category: Record<string, number[]> = {};
  const capacity: Record<string, number[]> = {};
  for (const p of problem.projects) {
    const s = start.get(p.id);
    if (s === undefined) {
      if (p.mandatory) return false;
      continue;
    }
    if (p.forcedOut || s < p.earliestStart || s > p.latestStart) return false;
    if ((p.requires ?? []).some((r) => !start.has(r))) return false;
    if ((p.excludes ?? []).some((e) => start.has(e))) return false;
    p.cost.forEach((a, k) => {
      budget[s + k] = (budget[s + k] as number) + a;
    });
    for (const [c, prof] of Object.entries(p.costByCategory ?? {})) {
      const row = category[c] ?? new Array<number>(N).fill(0);
      category[c] = row;
      prof.forEach((a, k) => {
        row[s + k] = (row[s + k] as number) + a;
      });
    }
    for (const [c, prof] of Object.entries(p.demand)) {
      const row = capacity[c] ?? new Array<number>(N).fill(0);
      capacity[c] = row;
      prof.forEach((a, k) => {
        row[s + k] = (row[s + k] as number) + a;
      });
    }
  }
  const within = (used: number[], lim: number[] | undefined) =>
    used.every((u, t) => u <= (lim?.[t] ?? 0) + 1e-6 * Math.max(1, lim?.[t] ?? 0));
  if (!within(budget, problem.budget)) return false;
  for (const [c, used] of Object.entries(category))
    if (!within(used, problem.budgetByCategory?.[c])) return false;
  for (const [c, used] of Object.entries(capacity)) if (!within(used, problem.capacity[c])) return false;
  return true;
}

/** The optimum by trying every assignment of "out or one of its starts" to every project; null if none is feasible. */
export function bruteForce(problem: PortfolioProblem): { objective: number; selected: Selection } | null {
  const ps = problem.projects;
  let best: { objective: number; selected: Selection } | null = null;
  const choice: number[] = ps.map(() => -1);
  const visit = (i: number) => {
    if (i === ps.length) {
      const selected = ps.flatMap((p, k) =>
        (choice[k] as number) >= 0 ? [{ id: p.id, start: choice[k] as number }] : [],
      );
      if (!satisfies(problem, selected)) return;
      const objective = ps.reduce((s, p, k) => s + ((choice[k] as number) >= 0 ? p.value : 0), 0);
      if (!best || objective > best.objective) best = { objective, selected };
      return;
    }
    const p = ps[i] as PortfolioCandidate;
    for (let s = -1; s <= p.latestStart; s = s < 0 ? p.earliestStart : s + 1) {
      choice[i] = s;
      visit(i + 1);
    }
    choice[i] = -1;
  };
  visit(0);
  return best;
}

/** A random medium problem (tens of projects, 8 periods, 3 skills): too big to enumerate, quick to solve. */
export function mediumProblem(seed: number, count = 40): PortfolioProblem {
  const rand = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const N = 8;
  const skills = ['dev', 'data', 'ops'];
  const projects: PortfolioCandidate[] = [];
  const ask = new Array<number>(N).fill(0);
  for (let i = 0; i < count; i++) {
    const len = int(2, 5);
    const earliestStart = int(0, N - len);
    const latestStart = Math.min(N - len, earliestStart + int(0, 3));
    const size = int(5, 40);
    const cost = Array.from({ length: len }, () => size + int(0, 10));
    cost.forEach((c, k) => {
      ask[earliestStart + k] = (ask[earliestStart + k] as number) + c;
    });
    const demand: Record<string, number[]> = {};
    for (const k of skills) if (rand() < 0.5) demand[k] = cost.map((c) => Math.round(c / 5) + int(0, 2));
    const p: PortfolioCandidate = {
      id: `M${i + 1}`,
      value: Math.round(cost.reduce((a, b) => a + b, 0) * (0.5 + rand())),
      cost,
      demand,
      earliestStart,
      latestStart,
    };
    if (i > 0 && rand() < 0.08) p.requires = [`M${int(1, i)}`];
    if (i > 0 && rand() < 0.08) p.excludes = [`M${int(1, i)}`];
    projects.push(p);
  }
  (projects[count - 1] as PortfolioCandidate).mandatory = true;
  return {
    periods: N,
    budget: ask.map((a) => Math.round(a * 0.45)),
    capacity: Object.fromEntries(skills.map((k) => [k, new Array<number>(N).fill(int(15, 30))])),
    projects,
  };
}
