import {
  apply,
  type Compiled,
  type CompiledProject,
  compile,
  fits,
  greedy,
  objectiveOf,
  shortfalls,
  toSelection,
} from './model.ts';
import type { PortfolioProblem, Selection } from './types.ts';

export type HeuristicResult = {
  objective: number;
  /** A valid upper bound on the optimum (the best Lagrangian value found; ≥ the LP bound). */
  bound: number;
  selected: Selection;
  /** False when the greedy could not place every mandatory project (the MIP decides). */
  feasible: boolean;
  elapsedMs: number;
  /** The final prices of the limited rows (value per unit), for explanations. */
  prices: Float64Array;
  starts: Int32Array;
};

/** Σ λ·a of project p at start s. */
function priced(c: Compiled, lambda: Float64Array, p: number, s: number): number {
  const q = c.projects[p] as CompiledProject;
  let sum = 0;
  for (let k = 0; k < q.base.length; k++)
    sum += (lambda[(q.base[k] as number) + s + (q.offset[k] as number)] as number) * (q.amount[k] as number);
  return sum;
}

/**
 * Lagrangian relaxation of the budget and capacity rows (requirements and exclusions relaxed too,
 * so every value is an upper bound), subgradient steps towards the best feasible value, a greedy by
 * value per priced unit at each few steps, then local search (add, swap one for one, shift starts).
 */
export function heuristicPortfolio(
  problem: PortfolioProblem,
  options: { timeBudgetMs?: number; iterations?: number } = {},
): HeuristicResult {
  const t0 = performance.now();
  const c = compile(problem);
  const P = c.projects.length;
  const R = c.rowCount;
  const budgetMs = options.timeBudgetMs ?? 200;
  const iterations = options.iterations ?? 300;
  const lambda = new Float64Array(R);
  // Start from an average price: total value over total ask, spread evenly.
  const totalValue = c.projects.reduce((s, q) => s + q.value, 0);
  const totalAsk = c.projects.reduce((s, q) => s + q.totalCost, 0);
  lambda.fill(totalAsk > 0 ? (0.5 * totalValue) / totalAsk : 0);
  let bestBound = Number.POSITIVE_INFINITY;
  let bestPrices = Float64Array.from(lambda);
  let best = { starts: new Int32Array(P).fill(-1), value: Number.NEGATIVE_INFINITY, feasible: false };
  const consider = (starts: Int32Array, feasible: boolean) => {
    const v = objectiveOf(c, starts);
    if ((feasible && !best.feasible) || (feasible === best.feasible && v > best.value))
      best = { starts: Int32Array.from(starts), value: v, feasible };
  };
  const pricedGreedy = (prices: Float64Array) => {
    const score = c.projects.map((q, p) => {
      let cheapest = Number.POSITIVE_INFINITY;
      for (let s = q.earliest; s <= q.latest; s++) cheapest = Math.min(cheapest, priced(c, prices, p, s));
      return q.value / (cheapest + 1e-9 * (q.totalCost + 1));
    });
    const order = [...score.keys()].sort((a, b) => (score[b] as number) - (score[a] as number));
    const g = greedy(c, order, (p, s) => -priced(c, prices, p, s));
    consider(g.starts, g.mandatoryOk);
  };
  // The plain ratio order as a first incumbent.
  const ratioOrder = c.projects
    .map((q, p) => ({ p, r: q.totalCost > 0 ? q.value / q.totalCost : Number.POSITIVE_INFINITY }))
    .sort((a, b) => b.r - a.r)
    .map((x) => x.p);
  const g0 = greedy(c, ratioOrder);
  consider(g0.starts, g0.mandatoryOk);
  let theta = 1.5;
  let sinceImprove = 0;
  const usage = new Float64Array(R);
  for (let it = 0; it < iterations && performance.now() - t0 < budgetMs * 0.6; it++) {
    usage.fill(0);
    let L = 0;
    for (let r = 0; r < R; r++) L += (lambda[r] as number) * (c.limit[r] as number);
    for (let p = 0; p < P; p++) {
      const q = c.projects[p] as CompiledProject;
      if (q.forcedOut) continue;
      let bestS = -1;
      let bestRed = q.mandatory ? Number.NEGATIVE_INFINITY : 0;
      for (let s = q.earliest; s <= q.latest; s++) {
        const red = q.value - priced(c, lambda, p, s);
        if (red > bestRed) {
          bestRed = red;
          bestS = s;
        }
      }
      if (bestS >= 0) {
        L += bestRed;
        apply(c, usage, p, bestS, 1);
      }
    }
    if (L < bestBound - 1e-9 * Math.abs(bestBound)) {
      bestBound = L;
      bestPrices = Float64Array.from(lambda);
      sinceImprove = 0;
    } else if (++sinceImprove >= 8) {
      theta /= 2;
      sinceImprove = 0;
    }
    if (it % 15 === 0) pricedGreedy(lambda);
    let norm = 0;
    for (let r = 0; r < R; r++) {
      let g = (c.limit[r] as number) - (usage[r] as number);
      if ((lambda[r] as number) <= 0 && g > 0) g = 0;
      usage[r] = g;
      norm += g * g;
    }
    if (norm < 1e-12 || theta < 1e-6) break;
    const target = best.feasible ? best.value : 0;
    const step = (theta * Math.max(L - target, 1e-9 * Math.max(1, Math.abs(L)))) / norm;
    for (let r = 0; r < R; r++) lambda[r] = Math.max(0, (lambda[r] as number) - step * (usage[r] as number));
  }
  pricedGreedy(bestPrices);
  const starts = Int32Array.from(best.starts);
  if (best.feasible) localSearch(c, starts, t0 + budgetMs);
  const objective = objectiveOf(c, starts);
  const bound = Number.isFinite(bestBound) ? Math.max(bestBound, objective) : objective;
  return {
    objective,
    bound,
    selected: toSelection(c, starts),
    feasible: best.feasible,
    elapsedMs: performance.now() - t0,
    prices: bestPrices,
    starts,
  };
}

/** Improves a feasible selection in place until no move helps or the deadline passes. */
function localSearch(c: Compiled, starts: Int32Array, deadline: number): void {
  const P = c.projects.length;
  const used = new Float64Array(c.rowCount);
  starts.forEach((s, p) => {
    if (s >= 0) apply(c, used, p, s, 1);
  });
  const requiredBy = Array.from({ length: P }, () => [] as number[]);
  c.projects.forEach((q, p) => {
    for (const r of q.requires) requiredBy[r]?.push(p);
  });
  const canAdd = (p: number) => {
    const q = c.projects[p] as CompiledProject;
    return (
      (starts[p] as number) < 0 &&
      !q.forcedOut &&
      !q.excludes.some((e) => (starts[e] as number) >= 0) &&
      q.requires.every((r) => (starts[r] as number) >= 0)
    );
  };
  const tryAdd = (p: number) => {
    if (!canAdd(p)) return false;
    const q = c.projects[p] as CompiledProject;
    for (let s = q.earliest; s <= q.latest; s++)
      if (fits(c, used, p, s)) {
        starts[p] = s;
        apply(c, used, p, s, 1);
        return true;
      }
    return false;
  };
  const byValue = [...Array(P).keys()].sort(
    (a, b) => (c.projects[b] as CompiledProject).value - (c.projects[a] as CompiledProject).value,
  );
  const fill = () => {
    let any = false;
    for (const p of byValue) if (tryAdd(p)) any = true;
    return any;
  };
  fill();
  let improved = true;
  while (improved && performance.now() < deadline) {
    improved = false;
    for (const q of byValue) {
      if (performance.now() > deadline) break;
      if (!canAdd(q)) continue;
      const cq = c.projects[q] as CompiledProject;
      if (cq.value <= 0) continue;
      // The start where q overflows least; the selected projects on those rows are the ones to drop.
      let bestS = cq.earliest;
      let bestOver = Number.POSITIVE_INFINITY;
      for (let s = cq.earliest; s <= cq.latest; s++) {
        const over = shortfalls(c, used, q, s).reduce(
          (m, x) => m + x.shortfall / Math.max(1, c.limit[x.row] as number),
          0,
        );
        if (over < bestOver) {
          bestOver = over;
          bestS = s;
        }
      }
      const rows = new Set(shortfalls(c, used, q, bestS).map((x) => x.row));
      const candidates: number[] = [];
      starts.forEach((s, p) => {
        if (s < 0) return;
        const cp = c.projects[p] as CompiledProject;
        if (cp.mandatory || cp.value >= cq.value || requiredBy[p]?.some((d) => (starts[d] as number) >= 0))
          return;
        for (let k = 0; k < cp.base.length; k++)
          if (rows.has((cp.base[k] as number) + s + (cp.offset[k] as number))) {
            candidates.push(p);
            return;
          }
      });
      candidates.sort(
        (a, b) => (c.projects[a] as CompiledProject).value - (c.projects[b] as CompiledProject).value,
      );
      for (const p of candidates.slice(0, 8)) {
        const sp = starts[p] as number;
        const before = objectiveOf(c, starts);
        apply(c, used, p, sp, -1);
        starts[p] = -1;
        const snapshot = Int32Array.from(starts);
        const usedSnap = Float64Array.from(used);
        if (tryAdd(q)) {
          fill();
          if (objectiveOf(c, starts) > before + 1e-9) {
            improved = true;
            break;
          }
        }
        starts.set(snapshot);
        used.set(usedSnap);
        starts[p] = sp;
        apply(c, used, p, sp, 1);
      }
    }
    // Shifting a selected project's start can open room for another.
    if (!improved && performance.now() < deadline)
      for (let p = 0; p < P && performance.now() < deadline; p++) {
        const s0 = starts[p] as number;
        if (s0 < 0) continue;
        const cp = c.projects[p] as CompiledProject;
        for (let s = cp.earliest; s <= cp.latest; s++) {
          if (s === s0) continue;
          apply(c, used, p, s0, -1);
          if (fits(c, used, p, s)) {
            apply(c, used, p, s, 1);
            starts[p] = s;
            const before = Int32Array.from(starts);
            const usedBefore = Float64Array.from(used);
            const v0 = objectiveOf(c, starts);
            if (fill() && objectiveOf(c, starts) > v0 + 1e-9) {
              improved = true;
              break;
            }
            starts.set(before);
            used.set(usedBefore);
            apply(c, used, p, s, -1);
          }
          apply(c, used, p, s0, 1);
          starts[p] = s0;
        }
        if (improved) break;
      }
  }
}
