import { heuristicPortfolio } from './heuristic.ts';
import { columnsOf, type SolveResult, solveModel, startsFrom } from './highs-model.ts';
import {
  type Compiled,
  type CompiledProject,
  compile,
  fits,
  objectiveOf,
  shortfalls,
  slack,
  toSelection,
  usageOf,
} from './model.ts';
import type {
  BindingConstraint,
  ConstraintRef,
  ExcludedProject,
  FrontierPoint,
  OptimiseOptions,
  PortfolioProblem,
  PortfolioSolution,
} from './types.ts';
import { validatePortfolioProblem } from './validate.ts';

/** Projects up to which each excluded project's value-to-enter is computed by re-solving. */
const EXPLAIN_RESOLVE_MAX_PROJECTS = 500;
const EXPLAIN_RESOLVE_MAX_EXCLUDED = 20;

const fmt = (x: number) =>
  Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-GB') : String(Math.round(x * 100) / 100);

function checked(problem: PortfolioProblem): PortfolioProblem {
  const v = validatePortfolioProblem(problem);
  if (!v.ok)
    throw new RangeError(
      `invalid portfolio problem: ${v.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  return v.problem;
}

/**
 * Chooses projects and start periods to maximise total value within every limit, exactly (to the
 * gap asked for) with HiGHS, starting from the Lagrangian heuristic's answer. Reports the bound and
 * gap, the binding constraints with their LP shadow prices, why each project is out, and — when no
 * selection satisfies the mandatory projects — the constraints in conflict.
 */
export async function optimizePortfolio(
  input: PortfolioProblem,
  options: OptimiseOptions = {},
): Promise<PortfolioSolution> {
  const t0 = performance.now();
  const problem = checked(input);
  const c = compile(problem);
  const cols = columnsOf(c);
  const labels = options.periodLabels;
  const periodName = (t: number) => labels?.[t] ?? `period ${t}`;
  const h = heuristicPortfolio(problem);
  const hGap =
    h.feasible && h.bound > h.objective ? (h.bound - h.objective) / Math.max(h.objective, 1e-9) : 0;
  options.onProgress?.({
    phase: 'heuristic',
    objective: h.feasible ? h.objective : null,
    bound: h.bound,
    gap: h.feasible ? hGap : null,
    elapsedMs: performance.now() - t0,
  });
  const heuristic = {
    objective: h.feasible ? h.objective : 0,
    bound: h.bound,
    gap: hGap,
    elapsedMs: h.elapsedMs,
    selected: h.feasible ? h.selected : [],
  };
  const limitSeconds = options.timeLimitSeconds ?? 30;
  const remaining = () => Math.max(0.05, limitSeconds - (performance.now() - t0) / 1000);
  const mip = await solveModel(c, cols, {
    integer: true,
    timeLimitSeconds: remaining(),
    gap: options.gap ?? 1e-4,
    ...(h.feasible ? { start: options.start ? startsOf(c, options.start) : h.starts } : {}),
    onProgress: (p) => options.onProgress?.({ phase: 'mip', ...p, elapsedMs: performance.now() - t0 }),
  });
  if (mip.status === 'infeasible' || (mip.status === 'unknown' && !h.feasible)) {
    const proven = mip.status === 'infeasible';
    return {
      status: 'infeasible',
      objective: 0,
      bound: 0,
      gap: 0,
      selected: [],
      binding: [],
      excluded: [],
      conflicts: proven
        ? conflictsOf(c, periodName)
        : [
            'No selection satisfying the mandatory projects was found within the time limit.',
            ...conflictsOf(c, periodName),
          ],
      heuristic,
      elapsedMs: performance.now() - t0,
    };
  }
  // The MIP's answer, or the heuristic's when the time ran out before HiGHS found a better one.
  let starts = mip.colValue ? startsFrom(c, cols, mip.colValue) : h.starts;
  if (!mip.colValue || objectiveOf(c, h.starts) > objectiveOf(c, starts) + 1e-9) starts = h.starts;
  const objective = objectiveOf(c, starts);
  const bound = Math.max(objective, Math.min(mip.bound, h.bound));
  const gap = bound > objective ? (bound - objective) / Math.max(Math.abs(objective), 1e-9) : 0;
  options.onProgress?.({ phase: 'mip', objective, bound, gap, elapsedMs: performance.now() - t0 });
  const lp = await solveModel(c, cols, { integer: false, timeLimitSeconds: Math.min(5, remaining()) });
  const used = usageOf(c, starts);
  const binding = bindingOf(c, used, lp);
  const explain = options.explain ?? true;
  const excluded = explain
    ? await explainExcluded(c, cols, starts, used, objective, mip.status === 'optimal', periodName, remaining)
    : [];
  return {
    status: mip.status === 'optimal' ? 'optimal' : 'feasible',
    objective,
    bound,
    gap,
    selected: toSelection(c, starts),
    binding,
    excluded,
    conflicts: [],
    heuristic,
    elapsedMs: performance.now() - t0,
  };
}

function startsOf(c: Compiled, selection: { id: string; start: number }[]): Int32Array {
  const starts = new Int32Array(c.projects.length).fill(-1);
  for (const x of selection) {
    const p = c.index.get(x.id);
    if (p !== undefined) starts[p] = x.start;
  }
  return starts;
}

function bindingOf(c: Compiled, used: Float64Array, lp: SolveResult): BindingConstraint[] {
  const out: BindingConstraint[] = [];
  for (let r = 0; r < c.rowCount; r++) {
    const lim = c.limit[r] as number;
    const u = used[r] as number;
    if (u > 0 && u >= lim - slack(lim) * 10)
      out.push({
        ...(c.rowRef[r] as ConstraintRef),
        used: u,
        limit: lim,
        shadowPrice: lp.rowDual ? (lp.rowDual[r] as number) : null,
      });
  }
  return out;
}

const rowName = (ref: ConstraintRef, periodName: (t: number) => string) =>
  ref.kind === 'budget'
    ? `budget in ${periodName(ref.period)}`
    : ref.kind === 'category'
      ? `${ref.key} budget in ${periodName(ref.period)}`
      : `“${ref.key}” capacity in ${periodName(ref.period)}`;

async function explainExcluded(
  c: Compiled,
  cols: ReturnType<typeof columnsOf>,
  starts: Int32Array,
  used: Float64Array,
  objective: number,
  proven: boolean,
  periodName: (t: number) => string,
  remaining: () => number,
): Promise<ExcludedProject[]> {
  const out: ExcludedProject[] = [];
  const name = (p: number) => (c.projects[p] as CompiledProject).id;
  const out_ = c.projects.map((_, p) => p).filter((p) => (starts[p] as number) < 0);
  const resolveFor = new Set(
    c.projects.length <= EXPLAIN_RESOLVE_MAX_PROJECTS
      ? out_
          .filter((p) => !(c.projects[p] as CompiledProject).forcedOut)
          .sort((a, b) => (c.projects[b] as CompiledProject).value - (c.projects[a] as CompiledProject).value)
          .slice(0, EXPLAIN_RESOLVE_MAX_EXCLUDED)
      : [],
  );
  for (const p of out_) {
    const q = c.projects[p] as CompiledProject;
    if (q.forcedOut) {
      out.push({
        id: q.id,
        kind: 'forced-out',
        reason: 'It is forced out of this scenario.',
        blocking: [],
        valueToEnter: null,
      });
      continue;
    }
    // The best start: the one that overflows least, relative to each limit.
    let bestS = q.earliest;
    let bestList = shortfalls(c, used, p, bestS);
    let bestScore = Number.POSITIVE_INFINITY;
    for (let s = q.earliest; s <= q.latest; s++) {
      const list = shortfalls(c, used, p, s);
      const score = list.reduce((m, x) => m + x.shortfall / Math.max(1, c.limit[x.row] as number), 0);
      if (score < bestScore) {
        bestScore = score;
        bestS = s;
        bestList = list;
      }
    }
    const blocking = bestList.map((x) => ({ ...(c.rowRef[x.row] as ConstraintRef), shortfall: x.shortfall }));
    let valueToEnter: number | null = null;
    if (resolveFor.has(p) && remaining() > 0.2) {
      const forced = await solveModel(c, cols, {
        integer: true,
        forceIn: [p, ...q.requires],
        timeLimitSeconds: Math.min(2, remaining()),
        gap: 1e-6,
      });
      if (forced.status === 'optimal') valueToEnter = Math.max(0, objective - forced.objective);
    }
    const unmetRequire = q.requires.filter((r) => (starts[r] as number) < 0);
    const excludedBy = q.excludes.filter((e) => (starts[e] as number) >= 0);
    const enterText =
      valueToEnter !== null && valueToEnter > 0
        ? ` Its value would have to rise by more than ${fmt(valueToEnter)} to earn a place.`
        : '';
    if (excludedBy.length) {
      out.push({
        id: q.id,
        kind: 'excludes',
        reason: `It cannot go ahead together with ${excludedBy.map(name).join(', ')}, which is selected.${enterText}`,
        blocking,
        valueToEnter,
      });
    } else if (unmetRequire.length) {
      out.push({
        id: q.id,
        kind: 'requires',
        reason: `It requires ${unmetRequire.map(name).join(', ')}, which is not selected.${enterText}`,
        blocking,
        valueToEnter,
      });
    } else if (blocking.length) {
      const main = [...blocking].sort(
        (a, b) =>
          b.shortfall / Math.max(1, c.limit[rowIndex(c, b)] as number) -
          a.shortfall / Math.max(1, c.limit[rowIndex(c, a)] as number),
      );
      const top = main[0] as (typeof main)[number];
      const parts = main
        .slice(0, 3)
        .map(
          (b) =>
            `${fmt(b.shortfall)} more ${b.kind === 'capacity' ? 'hours of ' : ''}${rowName(b, periodName)}`,
        );
      out.push({
        id: q.id,
        kind: top.kind,
        reason: `Starting in ${periodName(bestS)} it needs ${parts.join(', ')}${main.length > 3 ? ` and ${main.length - 3} more` : ''} than is left.${enterText}`,
        blocking,
        valueToEnter,
      });
    } else {
      out.push({
        id: q.id,
        kind: 'value',
        reason:
          q.value <= 0
            ? 'It adds no value to the objective.'
            : proven
              ? `It would fit, but only at the expense of more valuable projects.${enterText}`
              : `It would fit; the search stopped before proving whether it belongs.${enterText}`,
        blocking,
        valueToEnter,
      });
    }
  }
  return out;
}

function rowIndex(c: Compiled, ref: ConstraintRef): number {
  return c.rowRef.findIndex((r) => r.kind === ref.kind && r.key === ref.key && r.period === ref.period);
}

/** Why the mandatory projects cannot all be selected, in words. */
export function conflictsOf(c: Compiled, periodName: (t: number) => string): string[] {
  const out: string[] = [];
  const mandatory = c.projects.map((q, p) => ({ q, p })).filter((x) => x.q.mandatory);
  const isMandatory = new Set(mandatory.map((x) => x.p));
  const empty = new Float64Array(c.rowCount);
  for (const { q, p } of mandatory) {
    for (const e of q.excludes)
      if (isMandatory.has(e) && p < e)
        out.push(`Mandatory ${q.id} and ${(c.projects[e] as CompiledProject).id} exclude each other.`);
    for (const r of q.requires)
      if ((c.projects[r] as CompiledProject).forcedOut)
        out.push(`Mandatory ${q.id} requires ${(c.projects[r] as CompiledProject).id}, which is forced out.`);
    let fitsSomewhere = false;
    for (let s = q.earliest; s <= q.latest && !fitsSomewhere; s++) fitsSomewhere = fits(c, empty, p, s);
    if (!fitsSomewhere) {
      const list = shortfalls(c, empty, p, q.earliest);
      const worst = list.sort((a, b) => b.shortfall - a.shortfall)[0];
      out.push(
        worst
          ? `Mandatory ${q.id} does not fit at any start even alone: from ${periodName(q.earliest)} it needs ${fmt(worst.shortfall + (c.limit[worst.row] as number))} of ${rowName(c.rowRef[worst.row] as ConstraintRef, periodName)}; the limit is ${fmt(c.limit[worst.row] as number)}.`
          : `Mandatory ${q.id} does not fit at any start even alone.`,
      );
    }
  }
  // Totals over the horizon: the mandatory projects' whole ask against each limit's whole supply.
  const totals = new Map<string, { need: number; supply: number; ref: ConstraintRef }>();
  for (let r = 0; r < c.rowCount; r++) {
    const ref = c.rowRef[r] as ConstraintRef;
    const key = `${ref.kind}:${ref.key}`;
    const t = totals.get(key) ?? { need: 0, supply: 0, ref };
    t.supply += c.limit[r] as number;
    totals.set(key, t);
  }
  for (const { q } of mandatory)
    for (let k = 0; k < q.base.length; k++) {
      const ref = c.rowRef[q.base[k] as number] as ConstraintRef;
      const t = totals.get(`${ref.kind}:${ref.key}`);
      if (t) t.need += q.amount[k] as number;
    }
  for (const t of totals.values())
    if (t.need > t.supply + slack(t.supply)) {
      const what =
        t.ref.kind === 'budget'
          ? 'budget'
          : t.ref.kind === 'category'
            ? `${t.ref.key} budget`
            : `“${t.ref.key}” capacity`;
      out.push(
        `The mandatory projects need ${fmt(t.need)} of ${what} over the horizon; there is ${fmt(t.supply)}.`,
      );
    }
  if (!out.length)
    out.push(
      `The ${mandatory.length} mandatory projects (${mandatory.map((x) => x.q.id).join(', ')}) cannot be scheduled together: no combination of their start periods fits every period's budget and capacity.`,
    );
  return out;
}

/**
 * The efficient frontier: the best value at budgets scaled from minFactor to maxFactor (every
 * period's budget and category budgets alike), solved in increasing order, each warm-started from
 * the previous selection (still feasible with more budget), so values never decrease.
 */
export async function efficientFrontier(
  input: PortfolioProblem,
  options: {
    points?: number;
    minFactor?: number;
    maxFactor?: number;
    timeLimitSeconds?: number;
    gap?: number;
    onPoint?: (p: FrontierPoint, index: number) => void;
  } = {},
): Promise<FrontierPoint[]> {
  const problem = checked(input);
  const n = Math.max(2, options.points ?? 20);
  const lo = options.minFactor ?? 0.05;
  const hi = options.maxFactor ?? 1.5;
  const c = compile(problem);
  const cols = columnsOf(c);
  const budgetRows = c.rowRef.map((r, i) => ({ r, i })).filter((x) => x.r.kind !== 'capacity');
  const points: FrontierPoint[] = [];
  let previous: Int32Array | null = null;
  for (let i = 0; i < n; i++) {
    const factor = lo + ((hi - lo) * i) / (n - 1);
    const limit = Float64Array.from(c.limit);
    for (const { i: r } of budgetRows) limit[r] = (c.limit[r] as number) * factor;
    const scaled = { ...c, limit };
    const h = heuristicPortfolio(scaledProblem(problem, factor), { timeBudgetMs: 100 });
    let start: Int32Array | null = h.feasible ? h.starts : null;
    if (previous && (!start || objectiveOf(c, previous) > objectiveOf(c, start))) start = previous;
    const r = await solveModel(scaled, cols, {
      integer: true,
      timeLimitSeconds: options.timeLimitSeconds ?? 5,
      gap: options.gap ?? 1e-3,
      ...(start ? { start } : {}),
    });
    let starts: Int32Array | null = r.colValue ? startsFrom(c, cols, r.colValue) : start;
    if (starts && start && objectiveOf(c, start) > objectiveOf(c, starts)) starts = start;
    const value = starts ? objectiveOf(c, starts) : 0;
    const bound = r.status === 'infeasible' ? 0 : Math.max(value, r.bound);
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

function scaledProblem(p: PortfolioProblem, factor: number): PortfolioProblem {
  return {
    ...p,
    budget: p.budget.map((b) => b * factor),
    ...(p.budgetByCategory
      ? {
          budgetByCategory: Object.fromEntries(
            Object.entries(p.budgetByCategory).map(([k, v]) => [k, v.map((b) => b * factor)]),
          ),
        }
      : {}),
  };
}
