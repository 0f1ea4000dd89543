import { solveHeuristic } from './heuristic.ts';
import { solveModel } from './highs-model.ts';
import { compile, isFeasible, objectiveOf, toSelection, withLimits } from './model.ts';
import type { FrontierPoint, PortfolioProblem } from './types.ts';
import { assertValidProblem } from './validate.ts';

export type FrontierOptions = {
  /** Number of points, ≥ 2 (default 20). */
  points?: number;
  /** Smallest budget factor (default 0.05). */
  minFactor?: number;
  /** Largest budget factor (default 1.5). */
  maxFactor?: number;
  /** Per point (default 1.5 s). */
  timeLimitSeconds?: number;
  /** Relative gap per point (default 1e-3). */
  gap?: number;
  onPoint?: (p: FrontierPoint, index: number) => void;
};

/**
 * Matrix entries HiGHS gets through per second here (presolve and the root LP of this model, in
 * WebAssembly, measured on the W3 workload): a point whose time limit is shorter than the model
 * needs for its root is left to the heuristic, whose Lagrangian bound then gives the gap.
 */
const ENTRIES_PER_SECOND = 60_000;

/**
 * The efficient frontier: the best value at every period's budget (and category budgets) scaled by
 * factors from minFactor to maxFactor, capacity unchanged. Points are solved in increasing budget
 * order, each starting from the previous point's selection (still feasible with more budget), so
 * the values never decrease even when a solve stops at its time limit.
 */
export async function efficientFrontier(
  input: PortfolioProblem,
  options: FrontierOptions = {},
): Promise<FrontierPoint[]> {
  const problem = assertValidProblem(input);
  const n = Math.max(2, Math.floor(options.points ?? 20));
  const lo = options.minFactor ?? 0.05;
  const hi = options.maxFactor ?? 1.5;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo >= 0 && hi >= lo))
    throw new RangeError('minFactor and maxFactor must be finite with 0 ≤ minFactor ≤ maxFactor');
  const timeLimit = options.timeLimitSeconds ?? 1.5;
  const c = compile(problem);
  const money = c.rowRef.map((r) => r.kind !== 'capacity');
  let entries = 0;
  for (const q of c.projects) entries += q.base.length * (q.latest - q.earliest + 1);
  const useMip = timeLimit >= entries / ENTRIES_PER_SECOND;
  const points: FrontierPoint[] = [];
  let previous: Int32Array | null = null;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const factor = lo + ((hi - lo) * i) / (n - 1);
    const limit = Float64Array.from(c.limit, (l, r) => (money[r] ? l * factor : l));
    const scaled = withLimits(c, limit);
    const h = solveHeuristic(scaled, {
      // Without the MIP the heuristic has the point's time (70 % of it, leaving room for set-up).
      timeBudgetMs: useMip ? Math.min(100, timeLimit * 400) : Math.min(5000, timeLimit * 700),
      ...(previous && isFeasible(scaled, previous) ? { start: previous } : {}),
    });
    let starts: Int32Array | null = h.feasible ? h.starts : null;
    if (
      previous &&
      isFeasible(scaled, previous) &&
      (!starts || objectiveOf(c, previous) > objectiveOf(c, starts))
    )
      starts = previous;
    let bound = h.bound;
    let infeasible = !starts && bound === 0;
    const left = timeLimit - (performance.now() - t0) / 1000;
    const value0 = starts ? objectiveOf(c, starts) : 0;
    if (
      useMip &&
      left > 0.05 &&
      (!starts || (bound - value0) / Math.max(value0, 1e-9) > (options.gap ?? 1e-3))
    ) {
      const r = await solveModel(scaled, {
        integer: true,
        timeLimitSeconds: left,
        gap: options.gap ?? 1e-3,
        ...(starts ? { start: starts } : {}),
      });
      if (r.status === 'infeasible') infeasible = true;
      else {
        if (r.starts && (!starts || objectiveOf(c, r.starts) > objectiveOf(c, starts))) starts = r.starts;
        bound = Math.min(bound, r.bound);
      }
    }
    const value = starts ? objectiveOf(c, starts) : 0;
    bound = infeasible ? 0 : Math.max(value, bound);
    const point: FrontierPoint = {
      budgetFactor: factor,
      budget: problem.budget.map((b) => b * factor),
      value,
      bound,
      gap: bound > value ? (bound - value) / Math.max(value, 1e-9) : 0,
      selected: starts ? toSelection(c, starts) : [],
    };
    if (starts) previous = starts;
    points.push(point);
    options.onPoint?.(point, i);
  }
  return points;
}
