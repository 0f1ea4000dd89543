import { fmt, type PeriodName } from './conflicts.ts';
import { solveModel } from './highs-model.ts';
import { type Compiled, type CompiledProject, limitName, shortfalls } from './model.ts';
import type { BindingConstraint, ConstraintRef, ExcludedProject } from './types.ts';

/** Instances up to this many projects get value-to-enter by re-solving … */
export const EXPLAIN_RESOLVE_MAX_PROJECTS = 500;
/** … for this many excluded projects, the most valuable first. */
export const EXPLAIN_RESOLVE_MAX_EXCLUDED = 20;

/** Rows at (within 1e-6 relative of) their limit, with the LP relaxation's dual when known. */
export function bindingOf(
  c: Compiled,
  used: Float64Array,
  rowDual: Float64Array | null,
): BindingConstraint[] {
  const out: BindingConstraint[] = [];
  for (let r = 0; r < c.rowCount; r++) {
    const lim = c.limit[r] as number;
    const u = used[r] as number;
    if (u > 0 && Math.abs(lim - u) <= 1e-6 * Math.max(1, Math.abs(lim)))
      out.push({
        ...(c.rowRef[r] as ConstraintRef),
        used: u,
        limit: lim,
        shadowPrice: rowDual ? (rowDual[r] as number) : null,
      });
  }
  return out;
}

export const rowName = (ref: ConstraintRef, periodName: PeriodName): string =>
  `${limitName(ref)} in ${periodName(ref.period)}`;

const blockingWords = (b: Blocking, periodName: PeriodName) =>
  `${fmt(b.shortfall)} more ${b.kind === 'capacity' ? 'units of ' : ''}${rowName(b, periodName)}`;

const andList = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

type Blocking = ConstraintRef & { shortfall: number };
/** A start and what blocks it; `rel` is each shortfall relative to its limit. */
type Start = { start: number; blocking: (Blocking & { rel: number })[]; score: number };

/** Each start's shortfalls against what is left, best (smallest relative overflow) first. */
function startsByShortfall(c: Compiled, used: Float64Array, p: number): Start[] {
  const q = c.projects[p] as CompiledProject;
  const list: Start[] = [];
  for (let s = q.earliest; s <= q.latest; s++) {
    const blocking = shortfalls(c, used, p, s)
      .map((x) => ({
        ...(c.rowRef[x.row] as ConstraintRef),
        shortfall: x.shortfall,
        rel: x.shortfall / Math.max(1e-9, Math.abs(c.limit[x.row] as number)),
      }))
      .sort((a, b) => b.rel - a.rel);
    list.push({ start: s, blocking, score: blocking.reduce((m, x) => m + x.rel, 0) });
  }
  return list.sort((a, b) => a.score - b.score || a.start - b.start);
}

export type ExplainContext = {
  c: Compiled;
  starts: Int32Array;
  used: Float64Array;
  objective: number;
  proven: boolean;
  periodName: PeriodName;
  /** Seconds left for re-solves. */
  remaining: () => number;
  gap: number;
};

/**
 * Why each project is out. The main blocker, in this order: forced out; a selected project it
 * excludes; a requirement not selected; otherwise the limits it would overflow at its best start
 * with the selection as it is (blocking: how much more of each limit, per period, lets it in
 * without removing anything); or — when it would fit — value (others are worth more). For small
 * instances, valueToEnter re-solves with the project forced in: the objective drop is how much
 * more value it would need to earn a place.
 */
export async function explainExcluded(x: ExplainContext): Promise<ExcludedProject[]> {
  const { c, starts, used, objective, proven, periodName } = x;
  const name = (p: number) => (c.projects[p] as CompiledProject).id;
  const excluded = c.projects.map((_, p) => p).filter((p) => (starts[p] as number) < 0);
  const resolveFor = new Set(
    c.projects.length <= EXPLAIN_RESOLVE_MAX_PROJECTS
      ? excluded
          .filter((p) => !(c.projects[p] as CompiledProject).forcedOut)
          .sort((a, b) => (c.projects[b] as CompiledProject).value - (c.projects[a] as CompiledProject).value)
          .slice(0, EXPLAIN_RESOLVE_MAX_EXCLUDED)
      : [],
  );
  const out: ExcludedProject[] = [];
  for (const p of excluded) {
    const q = c.projects[p] as CompiledProject;
    if (q.forcedOut) {
      out.push({
        id: q.id,
        kind: 'forced-out',
        reason: 'It is forced out.',
        blocking: [],
        valueToEnter: null,
      });
      continue;
    }
    const options = startsByShortfall(c, used, p);
    const best = options[0] as Start;
    let valueToEnter: number | null = null;
    let cannotEnter = false;
    if (resolveFor.has(p) && x.remaining() > 0.2) {
      const forced = await solveModel(c, {
        integer: true,
        forceIn: [p],
        timeLimitSeconds: Math.min(2, x.remaining()),
        gap: Math.min(x.gap, 1e-6),
      });
      if (forced.status === 'optimal') valueToEnter = Math.max(0, objective - forced.objective);
      else if (forced.status === 'infeasible') cannotEnter = true;
    }
    const unmet = q.requires.filter((r) => (starts[r] as number) < 0);
    const excludedBy = q.excludes.filter((e) => (starts[e] as number) >= 0);
    const tail = cannotEnter
      ? ' It cannot be selected at all together with the mandatory projects.'
      : valueToEnter !== null && valueToEnter > 0
        ? ` Its value would have to rise by ${fmt(valueToEnter)} to displace what is selected.`
        : '';
    const blocking: Blocking[] = best.blocking.map(({ rel: _, ...b }) => b);
    const base = { id: q.id, blocking, valueToEnter };
    if (excludedBy.length) {
      out.push({
        ...base,
        kind: 'excludes',
        reason: `It cannot go ahead together with ${excludedBy.map(name).join(', ')}, which ${excludedBy.length > 1 ? 'are' : 'is'} selected.${tail}`,
      });
    } else if (unmet.length) {
      out.push({
        ...base,
        kind: 'requires',
        reason: `It requires ${unmet.map(name).join(', ')}, which ${unmet.length > 1 ? 'are' : 'is'} not selected.${tail}`,
      });
    } else if (best.blocking.length) {
      const main = best.blocking;
      const top = main[0] as (typeof main)[number];
      const words = main.slice(0, 3).map((b) => blockingWords(b, periodName));
      const more =
        main.length > 3
          ? `, and ${main.length - 3} other limit${main.length > 4 ? 's' : ''} would overrun too`
          : '';
      const alt = options.find((o) => o.start !== best.start && o.blocking.length > 0);
      const altWords = alt
        ? ` (or, starting in ${periodName(alt.start)}, ${andList(alt.blocking.slice(0, 2).map((b) => blockingWords(b, periodName)))}${alt.blocking.length > 2 ? ' among others' : ''})`
        : '';
      out.push({
        ...base,
        kind: top.kind,
        reason: `Starting in ${periodName(best.start)} it needs ${andList(words)} than is left${more}${altWords}.${tail}`,
      });
    } else {
      out.push({
        ...base,
        kind: 'value',
        reason:
          q.value <= 0
            ? 'It adds no value.'
            : proven
              ? `It would fit, but the selection is worth more without it.${tail}`
              : `It would fit; the search stopped before proving whether it belongs.${tail}`,
      });
    }
  }
  return out;
}
