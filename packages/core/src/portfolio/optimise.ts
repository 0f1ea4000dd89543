import { conflictsOf } from './conflicts.ts';
import { bindingOf, explainExcluded } from './explain.ts';
import { solveHeuristic } from './heuristic.ts';
import { solveModel } from './highs-model.ts';
import { compile, isFeasible, objectiveOf, startsOf, toSelection, usageOf } from './model.ts';
import type { OptimiseOptions, PortfolioProblem, PortfolioSolution } from './types.ts';
import { assertValidProblem } from './validate.ts';

/** Time limit when none is given. */
export const DEFAULT_TIME_LIMIT_SECONDS = 30;
/** Relative gap at which a solve counts as optimal when none is given. */
export const DEFAULT_GAP = 1e-4;
/** The fast heuristic's budget: what the screen shows first. */
const HEURISTIC_MS = 180;

const gapOf = (objective: number, bound: number) =>
  bound > objective ? (bound - objective) / Math.max(Math.abs(objective), 1e-9) : 0;

/**
 * Chooses projects and start periods to maximise total value within every limit: the Lagrangian
 * heuristic first (reported as progress), a longer run of it on large instances, then HiGHS's MIP
 * started from the best selection so far, stopping at the gap or the time limit. Reports the best
 * bound and gap, the binding constraints with LP shadow prices, why each project is out, and — when
 * no selection satisfies the mandatory projects — the constraints in conflict. Throws a RangeError
 * for an invalid problem (see validatePortfolioProblem).
 */
export async function optimizePortfolio(
  input: PortfolioProblem,
  options: OptimiseOptions = {},
): Promise<PortfolioSolution> {
  const t0 = performance.now();
  const problem = assertValidProblem(input);
  const c = compile(problem);
  const labels = options.periodLabels;
  const periodName = (t: number) => labels?.[t] ?? `period ${t}`;
  const gapTarget = options.gap ?? DEFAULT_GAP;
  const limitSeconds = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const elapsed = () => performance.now() - t0;
  const remaining = () => Math.max(0, limitSeconds - elapsed() / 1000);
  const given = options.start ? startsOf(c, options.start) : undefined;
  const start = given && isFeasible(c, given) ? given : undefined;

  const h = solveHeuristic(c, {
    timeBudgetMs: Math.min(HEURISTIC_MS, limitSeconds * 250),
    ...(start ? { start } : {}),
  });
  const heuristic = {
    objective: h.objective,
    bound: h.bound,
    gap: h.gap,
    elapsedMs: h.elapsedMs,
    selected: h.selected,
  };
  options.onProgress?.({
    phase: 'heuristic',
    objective: h.feasible ? h.objective : null,
    bound: Number.isFinite(h.bound) ? h.bound : null,
    gap: h.feasible ? h.gap : null,
    elapsedMs: elapsed(),
  });
  let incumbent = h.feasible ? h.starts : null;
  let lagrangianBound = h.bound;
  // HiGHS spends seconds on a large model before its first improvement: more Lagrangian
  // iterations and restarts from the first answer are the cheaper way to a better start. (Up to 3 s,
  // 10 % of the time left, 2 ms per column.)
  if (incumbent && h.gap > gapTarget && remaining() > 2) {
    const more = solveHeuristic(c, {
      timeBudgetMs: Math.min(3000, remaining() * 100, 2 * c.colProject.length),
      iterations: 600,
      restarts: 200,
      start: incumbent,
    });
    if (more.feasible && more.objective > objectiveOf(c, incumbent)) incumbent = more.starts;
    lagrangianBound = Math.min(lagrangianBound, more.bound);
    const v = objectiveOf(c, incumbent);
    options.onProgress?.({
      phase: 'heuristic',
      objective: v,
      bound: lagrangianBound,
      gap: gapOf(v, lagrangianBound),
      elapsedMs: elapsed(),
    });
  }

  // The heuristic's bound may already prove its answer within the gap; otherwise HiGHS decides.
  const provenByHeuristic =
    incumbent !== null && gapOf(objectiveOf(c, incumbent), lagrangianBound) <= gapTarget;
  const explain = options.explain ?? true;
  // Explanations need the LP relaxation afterwards (its duals are the shadow prices): keep time.
  const mip = provenByHeuristic
    ? null
    : await solveModel(c, {
        integer: true,
        timeLimitSeconds: Math.max(0.05, remaining() * (explain ? 0.85 : 1)),
        gap: gapTarget,
        iis: true,
        ...(incumbent ? { start: incumbent } : {}),
        onProgress: (p) => options.onProgress?.({ phase: 'mip', ...p, elapsedMs: elapsed() }),
      });
  if (mip && (mip.status === 'infeasible' || (mip.status === 'unknown' && !incumbent))) {
    const conflicts = conflictsOf(c, periodName, mip.iisRows);
    return {
      status: 'infeasible',
      objective: 0,
      bound: 0,
      gap: 0,
      selected: [],
      binding: [],
      excluded: [],
      conflicts:
        mip.status === 'infeasible'
          ? conflicts
          : [
              'No selection satisfying the mandatory projects was found within the time limit (infeasibility is not proven).',
              ...conflicts,
            ],
      heuristic,
      elapsedMs: elapsed(),
    };
  }
  let starts = incumbent as Int32Array;
  if (mip?.starts && (!incumbent || objectiveOf(c, mip.starts) >= objectiveOf(c, incumbent)))
    starts = mip.starts;
  const objective = objectiveOf(c, starts);
  const bound = Math.max(objective, Math.min(mip ? mip.bound : lagrangianBound, lagrangianBound));
  const gap = gapOf(objective, bound);
  const optimal = provenByHeuristic || mip?.status === 'optimal' || gap <= gapTarget;
  options.onProgress?.({ phase: 'mip', objective, bound, gap, elapsedMs: elapsed() });

  const used = usageOf(c, starts);
  // Shadow prices from the LP relaxation (same model without integrality), when time allows.
  const lp =
    explain && remaining() > 0.1
      ? await solveModel(c, { integer: false, timeLimitSeconds: Math.min(10, remaining()) })
      : null;
  const binding = bindingOf(c, used, lp?.status === 'optimal' ? lp.rowDual : null);
  const excluded = explain
    ? await explainExcluded({
        c,
        starts,
        used,
        objective,
        proven: optimal,
        periodName,
        remaining,
        gap: gapTarget,
      })
    : [];
  return {
    status: optimal ? 'optimal' : 'feasible',
    objective,
    bound,
    gap,
    selected: toSelection(c, starts),
    binding,
    excluded,
    conflicts: [],
    heuristic,
    elapsedMs: elapsed(),
  };
}
