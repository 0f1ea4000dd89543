import {
  type ColumnMatrix,
  type Compiled,
  type CompiledProject,
  columnMatrix,
  compile,
  greedy,
  isFeasible,
  mustSelect,
  objectiveOf,
  slack,
  toSelection,
} from './model.ts';
import type { PortfolioProblem, Selection } from './types.ts';
import { assertValidProblem } from './validate.ts';

export type HeuristicResult = {
  objective: number;
  /** A valid upper bound on the optimum: the best Lagrangian value found (≥ the LP bound). */
  bound: number;
  /** (bound − objective) / max(|objective|, 1e-9); 0 when not feasible. */
  gap: number;
  selected: Selection;
  /** False when no selection placing every mandatory project was found (the MIP decides). */
  feasible: boolean;
  elapsedMs: number;
  /** The prices of the limited rows (value per unit) at the best bound, for explanations. */
  prices: Float64Array;
  /** Starts per project, −1 = not selected. */
  starts: Int32Array;
};

export type HeuristicOptions = {
  /** Wall-clock budget in ms (default 180; with validation and set-up about 250 for 2,000 candidates). */
  timeBudgetMs?: number;
  /** Most subgradient iterations (default 150). */
  iterations?: number;
  /** Most perturbed restarts when time is left (default 30). */
  restarts?: number;
  /** A feasible selection to improve on (starts per project, −1 = out), e.g. a previous answer. */
  start?: Int32Array;
};

/**
 * Fast answer and bound in pure JS: Lagrangian relaxation of every budget and capacity row with
 * subgradient steps (each Lagrangian value is an upper bound), a price-ranked greedy at the prices
 * met on the way, then local search (add, swap one for one, shift a start to make room).
 */
export function heuristicPortfolio(
  problem: PortfolioProblem,
  options: HeuristicOptions = {},
): HeuristicResult {
  return solveHeuristic(compile(assertValidProblem(problem)), options);
}

const gapOf = (objective: number, bound: number) =>
  bound > objective ? (bound - objective) / Math.max(Math.abs(objective), 1e-9) : 0;

/** The heuristic on a compiled problem (its limits may differ from the problem's, e.g. scaled). */
export function solveHeuristic(c: Compiled, options: HeuristicOptions = {}): HeuristicResult {
  const t0 = performance.now();
  const deadline = t0 + (options.timeBudgetMs ?? 180);
  const P = c.projects.length;
  const R = c.rowCount;
  const nCols = c.colProject.length;
  const { ptr, row, amount } = columnMatrix(c);
  const limit = c.limit;
  const invLimit = new Float64Array(R);
  for (let r = 0; r < R; r++) invLimit[r] = (limit[r] as number) > 0 ? 1 / (limit[r] as number) : 0;
  const tolerance = new Float64Array(R);
  for (let r = 0; r < R; r++) tolerance[r] = (limit[r] as number) + slack(limit[r] as number);
  const must = mustSelect(c);
  const value = Float64Array.from(c.projects, (q) => q.value);

  // Columns that fit on their own (the others can never be chosen); scaled size Σ amount / limit.
  const colOk = new Uint8Array(nCols);
  const colSize = new Float64Array(nCols);
  const scaled = new Float64Array(amount.length);
  for (let j = 0; j < nCols; j++) {
    let ok = 1;
    let size = 0;
    for (let k = ptr[j] as number; k < (ptr[j + 1] as number); k++) {
      const r = row[k] as number;
      const a = amount[k] as number;
      if (a > (tolerance[r] as number)) ok = 0;
      scaled[k] = a * (invLimit[r] as number);
      size += scaled[k] as number;
    }
    colOk[j] = ok;
    colSize[j] = size;
  }
  let structurallyInfeasible = false;
  for (const p of must) {
    let any = false;
    for (let j = c.first[p] as number; j < (c.first[p + 1] as number); j++) if (colOk[j]) any = true;
    if (!any || (c.projects[p] as CompiledProject).forcedOut) structurallyInfeasible = true;
  }
  for (const [a, b] of c.excludes) if (must.has(a) && must.has(b)) structurallyInfeasible = true;
  const forcedIn = new Uint8Array(P);
  for (const p of must) forcedIn[p] = 1;
  const out = Uint8Array.from(c.projects, (q) => (q.forcedOut ? 1 : 0));

  const lambda = new Float64Array(R); // price per unit of each row
  const priced = (j: number): number => pricedCost(ptr, row, amount, lambda, j);

  // A first uniform price per fraction of each limit: where the value-for-size ranking fills R rows.
  let mu = 0;
  {
    const items: { ratio: number; size: number }[] = [];
    for (let p = 0; p < P; p++) {
      if (out[p]) continue;
      let size = Number.POSITIVE_INFINITY;
      for (let j = c.first[p] as number; j < (c.first[p + 1] as number); j++)
        if (colOk[j]) size = Math.min(size, colSize[j] as number);
      if (Number.isFinite(size) && size > 0) items.push({ ratio: (value[p] as number) / size, size });
    }
    items.sort((a, b) => b.ratio - a.ratio);
    let filled = 0;
    for (const it of items) {
      filled += it.size;
      mu = it.ratio;
      if (filled >= R) break;
    }
    if (filled < R) mu = 0;
  }
  const lambdaScaled = new Float64Array(R).fill(mu);
  const setLambda = () => {
    for (let r = 0; r < R; r++) lambda[r] = (lambdaScaled[r] as number) * (invLimit[r] as number);
  };
  setLambda();

  let bestStarts: Int32Array | null = null;
  let bestValue = Number.NEGATIVE_INFINITY;
  const consider = (starts: Int32Array) => {
    const v = objectiveOf(c, starts);
    if (v > bestValue + 1e-9 && isFeasible(c, starts)) {
      bestStarts = Int32Array.from(starts);
      bestValue = v;
    }
  };
  if (options.start && options.start.length === P) consider(options.start);

  /** Greedy by value per priced unit at the current prices; returns the order it used. */
  const pricedGreedy = (noise?: () => number) => {
    const score = new Float64Array(P);
    const eps = 1e-3 * Math.max(mu, 1e-12);
    for (let p = 0; p < P; p++) {
      let cheapest = Number.POSITIVE_INFINITY;
      for (let j = c.first[p] as number; j < (c.first[p + 1] as number); j++)
        if (colOk[j]) cheapest = Math.min(cheapest, priced(j) + eps * (colSize[j] as number));
      score[p] = Number.isFinite(cheapest) ? (value[p] as number) / (cheapest + 1e-300) : -1;
      if (noise && (score[p] as number) > 0) score[p] = (score[p] as number) * (1 + noise());
    }
    const order = [...score.keys()].filter((p) => (score[p] as number) >= 0);
    order.sort((a, b) => (score[b] as number) - (score[a] as number));
    const g = greedy(
      c,
      order,
      (p, s) => -priced((c.first[p] as number) + s - (c.projects[p] as CompiledProject).earliest),
      true,
    );
    if (g.mandatoryOk) consider(g.starts);
    return { order, starts: g.mandatoryOk ? g.starts : null };
  };
  // The plain ranking (value per unit of cost) and the order at uniform prices first, so there is an
  // incumbent (a target) early and the answer is never worse than the baseline.
  const ranking = [...value.keys()].sort(
    (a, b) =>
      (value[b] as number) / Math.max((c.projects[b] as CompiledProject).totalCost, 1e-9) -
      (value[a] as number) / Math.max((c.projects[a] as CompiledProject).totalCost, 1e-9),
  );
  const g0 = greedy(c, ranking);
  if (g0.mandatoryOk) consider(g0.starts);
  pricedGreedy();

  // Subgradient on the scaled rows (limit 1 each): L(λ) = Σ λ_r + Σ_p max(0, v_p − min_s λ·a_ps),
  // mandatory projects taking their cheapest start whatever it costs.
  let bestBound = Number.POSITIVE_INFINITY;
  const bestLambda = Float64Array.from(lambda);
  const usage = new Float64Array(R);
  const g = new Float64Array(R);
  const direction = new Float64Array(R);
  let theta = 2;
  let sinceImprove = 0;
  const iterations = options.iterations ?? 150;
  const lagrangianDeadline = t0 + (deadline - t0) * 0.55;
  const arrays: LagrangianArrays = { first: c.first, colOk, ptr, row, amount, scaled, value, out, forcedIn };
  for (let it = 0; it < iterations && !structurallyInfeasible; it++) {
    const L = lagrangianValue(arrays, lambda, lambdaScaled, usage);
    if (!Number.isFinite(bestBound) || L < bestBound - 1e-12 * Math.abs(bestBound)) {
      bestBound = L;
      bestLambda.set(lambda);
      sinceImprove = 0;
    } else if (++sinceImprove >= 5) {
      theta /= 2;
      sinceImprove = 0;
    }
    const target = Number.isFinite(bestValue) ? bestValue : 0;
    if (bestBound - target <= 1e-7 * Math.max(1, Math.abs(target))) break;
    if (it % 10 === 9) pricedGreedy();
    // A deflected subgradient (half the previous direction) zigzags less between tight rows.
    let norm = 0;
    for (let r = 0; r < R; r++) {
      let d = 1 - (usage[r] as number) + 0.5 * (direction[r] as number);
      if ((lambdaScaled[r] as number) <= 0 && d > 0) d = 0;
      direction[r] = d;
      g[r] = d;
      norm += d * d;
    }
    if (norm < 1e-18 || theta < 1e-5 || performance.now() > lagrangianDeadline) break;
    const step = (theta * Math.max(L - target, 1e-9 * Math.max(1, Math.abs(L)))) / norm;
    for (let r = 0; r < R; r++)
      lambdaScaled[r] = Math.max(0, (lambdaScaled[r] as number) - step * (g[r] as number));
    setLambda();
  }
  lambda.set(bestLambda);
  const { order } = pricedGreedy();
  const found = bestStarts as Int32Array | null;
  const starts = found ? Int32Array.from(found) : new Int32Array(P).fill(-1);
  const m = { ptr, row, amount };
  if (found) localSearch(c, m, tolerance, starts, order, colOk, forcedIn, deadline);
  // Time left (small instances): restarts from the prices with the ranking perturbed, each polished.
  const rand = seeded(1);
  for (let k = 0; k < (options.restarts ?? 30) && found && performance.now() < deadline; k++) {
    const g = pricedGreedy(() => 0.4 * (rand() - 0.5));
    if (!g.starts) continue;
    const trial = Int32Array.from(g.starts);
    localSearch(c, m, tolerance, trial, g.order, colOk, forcedIn, deadline);
    if (objectiveOf(c, trial) > objectiveOf(c, starts) + 1e-9 && isFeasible(c, trial)) starts.set(trial);
  }
  // A last check, so that a fault in a move can never hand out a selection that breaks a rule.
  if (found && !isFeasible(c, starts)) starts.set(found);
  const feasible = found !== null;
  const objective = feasible ? objectiveOf(c, starts) : 0;
  const bound = structurallyInfeasible
    ? 0
    : Number.isFinite(bestBound)
      ? Math.max(bestBound, objective)
      : Number.POSITIVE_INFINITY;
  return {
    objective,
    bound,
    gap: feasible ? gapOf(objective, bound) : 0,
    selected: feasible ? toSelection(c, starts) : [],
    feasible,
    elapsedMs: performance.now() - t0,
    prices: bestLambda,
    starts,
  };
}

/** Σ λ·a over column j. */
function pricedCost(
  ptr: Int32Array,
  row: Int32Array,
  amount: Float64Array,
  lambda: Float64Array,
  j: number,
): number {
  let sum = 0;
  for (let k = ptr[j] as number; k < (ptr[j + 1] as number); k++)
    sum += (lambda[row[k] as number] as number) * (amount[k] as number);
  return sum;
}

type LagrangianArrays = {
  first: Int32Array;
  colOk: Uint8Array;
  ptr: Int32Array;
  row: Int32Array;
  amount: Float64Array;
  scaled: Float64Array;
  value: Float64Array;
  out: Uint8Array;
  forcedIn: Uint8Array;
};

/**
 * L(λ) = Σ_r λ̃_r + Σ_p max(0, max_s v_p − λ·a_ps) on rows scaled to limit 1 (λ̃ = λ·limit);
 * mandatory projects take their best start even at a loss. Writes each row's scaled use into
 * `usage` (the subgradient is 1 − usage).
 */
function lagrangianValue(
  a: LagrangianArrays,
  lambda: Float64Array,
  lambdaScaled: Float64Array,
  usage: Float64Array,
): number {
  const { first, colOk, ptr, row, amount, scaled, value, out, forcedIn } = a;
  usage.fill(0);
  let L = 0;
  for (let r = 0; r < lambdaScaled.length; r++) L += lambdaScaled[r] as number;
  const P = value.length;
  for (let p = 0; p < P; p++) {
    if (out[p]) continue;
    let bestJ = -1;
    let bestRed = forcedIn[p] ? Number.NEGATIVE_INFINITY : 0;
    const v = value[p] as number;
    for (let j = first[p] as number; j < (first[p + 1] as number); j++) {
      if (!colOk[j]) continue;
      let cost = 0;
      for (let k = ptr[j] as number; k < (ptr[j + 1] as number); k++)
        cost += (lambda[row[k] as number] as number) * (amount[k] as number);
      if (v - cost > bestRed) {
        bestRed = v - cost;
        bestJ = j;
      }
    }
    if (bestJ >= 0) {
      L += bestRed;
      for (let k = ptr[bestJ] as number; k < (ptr[bestJ + 1] as number); k++) {
        const r = row[k] as number;
        usage[r] = (usage[r] as number) + (scaled[k] as number);
      }
    }
  }
  return L;
}

/**
 * Improves a feasible selection in place: fill with what fits, then for each project left out
 * (most valuable first) try (1) shifting a selected project on its tightest row to another start,
 * (2) swapping out the least valuable one there that makes room; refill; repeat while something
 * improves and time remains.
 */
function localSearch(
  c: Compiled,
  m: ColumnMatrix,
  tolerance: Float64Array,
  starts: Int32Array,
  order: readonly number[],
  colOk: Uint8Array,
  forcedIn: Uint8Array,
  deadline: number,
): void {
  const P = c.projects.length;
  const R = c.rowCount;
  const { ptr, row, amount } = m;
  const nCols = c.colProject.length;
  const limit = c.limit;
  const first = c.first;
  const value = Float64Array.from(c.projects, (q) => q.value);
  const chosen = new Int32Array(P).fill(-1); // column of each selected project
  const used = new Float64Array(R);
  const colOf = (p: number, s: number) =>
    (first[p] as number) + s - (c.projects[p] as CompiledProject).earliest;
  const place = (p: number, j: number) => {
    chosen[p] = j;
    starts[p] = c.colStart[j] as number;
    for (let k = ptr[j] as number; k < (ptr[j + 1] as number); k++) {
      const r = row[k] as number;
      used[r] = (used[r] as number) + (amount[k] as number);
    }
  };
  const unplace = (p: number) => {
    const j = chosen[p] as number;
    for (let k = ptr[j] as number; k < (ptr[j + 1] as number); k++) {
      const r = row[k] as number;
      used[r] = (used[r] as number) - (amount[k] as number);
    }
    chosen[p] = -1;
    starts[p] = -1;
  };
  const fitsCol = (j: number) => {
    for (let k = ptr[j] as number; k < (ptr[j + 1] as number); k++) {
      const r = row[k] as number;
      if ((used[r] as number) + (amount[k] as number) > (tolerance[r] as number)) return false;
    }
    return true;
  };
  /** The row column j overflows most (relative to its limit), or −1 when it fits. */
  const worstRow = (j: number) => {
    let worst = -1;
    let worstOver = 0;
    for (let k = ptr[j] as number; k < (ptr[j + 1] as number); k++) {
      const r = row[k] as number;
      const over = (used[r] as number) + (amount[k] as number) - (tolerance[r] as number);
      if (over > 0) {
        const rel = over / Math.max(limit[r] as number, 1e-9);
        if (rel > worstOver) {
          worstOver = rel;
          worst = r;
        }
      }
    }
    return worst;
  };
  starts.forEach((s, p) => {
    if (s >= 0) place(p, colOf(p, s));
  });
  // Columns touching each row, for "who is in the way" look-ups.
  const rowFirst = new Int32Array(R + 1);
  for (let k = 0; k < row.length; k++)
    rowFirst[(row[k] as number) + 1] = (rowFirst[(row[k] as number) + 1] as number) + 1;
  for (let r = 0; r < R; r++) rowFirst[r + 1] = (rowFirst[r + 1] as number) + (rowFirst[r] as number);
  const rowCols = new Int32Array(row.length);
  const next = Int32Array.from(rowFirst.subarray(0, R));
  for (let j = 0; j < nCols; j++)
    for (let k = ptr[j] as number; k < (ptr[j + 1] as number); k++) {
      const r = row[k] as number;
      rowCols[next[r] as number] = j;
      next[r] = (next[r] as number) + 1;
    }
  const rulesAllow = (p: number) => {
    const q = c.projects[p] as CompiledProject;
    if ((chosen[p] as number) >= 0 || q.forcedOut) return false;
    for (const e of q.excludes) if ((chosen[e] as number) >= 0) return false;
    for (const r of q.requires) if ((chosen[r] as number) < 0) return false;
    return true;
  };
  const removable = (p: number) => {
    if (forcedIn[p]) return false;
    for (const d of c.requiredBy[p] ?? []) if ((chosen[d] as number) >= 0) return false;
    return true;
  };
  const tryAdd = (p: number) => {
    if (!rulesAllow(p)) return false;
    for (let j = first[p] as number; j < (first[p + 1] as number); j++)
      if (colOk[j] && fitsCol(j)) {
        place(p, j);
        return true;
      }
    return false;
  };
  const fillAll = () => {
    for (let pass = 0; pass < 3; pass++) {
      let added = false;
      for (const p of order) if ((chosen[p] as number) < 0 && tryAdd(p)) added = true;
      if (!added) break;
    }
  };
  fillAll();
  const byValue = [...Array(P).keys()].sort((a, b) => (value[b] as number) - (value[a] as number));
  const MAX_CANDIDATES = 12;
  const cands: number[] = [];
  let improved = true;
  while (improved && performance.now() < deadline) {
    improved = false;
    for (let i = 0; i < byValue.length; i++) {
      if ((i & 31) === 0 && performance.now() > deadline) break;
      const q = byValue[i] as number;
      const vq = value[q] as number;
      if ((chosen[q] as number) >= 0 || vq <= 0) continue;
      const cq = c.projects[q] as CompiledProject;
      if (cq.forcedOut) continue;
      let unmet = false;
      for (const r of cq.requires) if ((chosen[r] as number) < 0) unmet = true;
      if (unmet) continue;
      // A selected exclusion partner has to be the one that goes.
      let partner = -1;
      let partners = 0;
      for (const e of cq.excludes)
        if ((chosen[e] as number) >= 0) {
          partner = e;
          partners++;
        }
      if (partners > 1) continue;
      let done = false;
      for (let jq = first[q] as number; jq < (first[q + 1] as number) && !done; jq++) {
        if (!colOk[jq]) continue;
        if (partner >= 0) {
          if ((value[partner] as number) >= vq || !removable(partner)) break;
          const jp = chosen[partner] as number;
          unplace(partner);
          if (rulesAllow(q) && fitsCol(jq)) {
            place(q, jq);
            done = true;
          } else place(partner, jp);
          continue;
        }
        const r0 = worstRow(jq);
        if (r0 < 0) {
          place(q, jq);
          done = true;
          break;
        }
        // Selected projects in the way on the tightest row, least valuable first.
        cands.length = 0;
        for (let k = rowFirst[r0] as number; k < (rowFirst[r0 + 1] as number); k++) {
          const j = rowCols[k] as number;
          const p = c.colProject[j] as number;
          if (chosen[p] === j) cands.push(p);
        }
        cands.sort((a, b) => (value[a] as number) - (value[b] as number));
        const n = Math.min(cands.length, MAX_CANDIDATES);
        // (1) Shift one of them to another start.
        for (let x = 0; x < n && !done; x++) {
          const p = cands[x] as number;
          if ((first[p + 1] as number) - (first[p] as number) < 2) continue;
          const jp = chosen[p] as number;
          unplace(p);
          if (fitsCol(jq)) {
            place(q, jq);
            for (let j2 = first[p] as number; j2 < (first[p + 1] as number); j2++)
              if (j2 !== jp && colOk[j2] && fitsCol(j2)) {
                place(p, j2);
                done = true;
                break;
              }
            if (!done) unplace(q);
          }
          if (!done) place(p, jp);
        }
        // (2) Swap one of them out, when it is worth less.
        for (let x = 0; x < n && !done; x++) {
          const p = cands[x] as number;
          if ((value[p] as number) >= vq) break;
          if (!removable(p)) continue;
          const jp = chosen[p] as number;
          unplace(p);
          if (rulesAllow(q) && fitsCol(jq)) {
            place(q, jq);
            done = true;
          } else place(p, jp);
        }
      }
      if (done) improved = true;
    }
    fillAll();
  }
  // (3) Drop one and refill: several smaller projects may fit in the room one leaves.
  const banned = new Uint8Array(P);
  const savedChosen = new Int32Array(P);
  const savedStarts = new Int32Array(P);
  const savedUsed = new Float64Array(R);
  const totalOf = () => {
    let v = 0;
    for (let p = 0; p < P; p++) if ((chosen[p] as number) >= 0) v += value[p] as number;
    return v;
  };
  let again = true;
  while (again && performance.now() < deadline) {
    again = false;
    const selected = byValue.filter((p) => (chosen[p] as number) >= 0 && removable(p)).reverse();
    for (const p of selected) {
      if (performance.now() > deadline) break;
      if ((chosen[p] as number) < 0 || !removable(p)) continue;
      const before = totalOf();
      savedChosen.set(chosen);
      savedStarts.set(starts);
      savedUsed.set(used);
      unplace(p);
      banned[p] = 1;
      for (let pass = 0; pass < 2; pass++) {
        let added = false;
        for (const q of order) if (!banned[q] && (chosen[q] as number) < 0 && tryAdd(q)) added = true;
        if (!added) break;
      }
      banned[p] = 0;
      if (totalOf() > before + 1e-9) again = true;
      else {
        chosen.set(savedChosen);
        starts.set(savedStarts);
        used.set(savedUsed);
      }
    }
  }
}

/** Deterministic PRNG (mulberry32), so restarts give the same answer on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
