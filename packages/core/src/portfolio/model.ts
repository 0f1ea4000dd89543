import type { ConstraintRef, PortfolioProblem, Selection } from './types.ts';

/**
 * The problem in solver form. Limited rows (budget per period, each category per period, each skill
 * per period) are numbered `base + period`; a project's use of them is a list of (base, offset,
 * amount) entries, so at start s an entry touches row base + s + offset. Columns are the (project,
 * start) pairs of every window, numbered project by project.
 */
export type Compiled = {
  N: number;
  rowCount: number;
  limit: Float64Array;
  rowRef: ConstraintRef[];
  projects: CompiledProject[];
  index: Map<string, number>;
  /** Pairs (p, q) that exclude each other, p < q, each once. */
  excludes: [number, number][];
  /** Requirements p → q (p selected ⇒ q selected). */
  requires: [number, number][];
  /** For each project, the projects that require it. */
  requiredBy: number[][];
  /** First column of each project (length P + 1); column j is (project of j, earliest + j − first). */
  first: Int32Array;
  colProject: Int32Array;
  colStart: Int32Array;
};
export type CompiledProject = {
  id: string;
  value: number;
  earliest: number;
  latest: number;
  /** Declared mandatory (a project both mandatory and forced out keeps both flags: infeasible). */
  mandatory: boolean;
  forcedOut: boolean;
  base: Int32Array;
  offset: Int32Array;
  amount: Float64Array;
  requires: number[];
  /** Both sides of every exclusion, deduplicated. */
  excludes: number[];
  /** Σ of the cost profile (money), for value-for-money rankings. */
  totalCost: number;
};

const TOL = 1e-6;
/** The tolerance of a limit: absolute for small limits, relative for large ones. */
export const slack = (limit: number): number => TOL * Math.max(1, Math.abs(limit));

const key = (kind: ConstraintRef['kind'], k: string | null) => `${kind}:${k ?? ''}`;

/** Compiles a (valid) problem into rows, per-project entries and columns. */
export function compile(problem: PortfolioProblem): Compiled {
  const N = problem.periods;
  const rowRef: ConstraintRef[] = [];
  const limits: number[] = [];
  const bases = new Map<string, number>();
  const addRows = (kind: ConstraintRef['kind'], k: string | null, values: readonly number[]) => {
    bases.set(key(kind, k), rowRef.length);
    for (let t = 0; t < N; t++) {
      rowRef.push({ kind, key: k, period: t });
      limits.push(values[t] ?? 0);
    }
  };
  addRows('budget', null, problem.budget);
  for (const [c, v] of Object.entries(problem.budgetByCategory ?? {})) addRows('category', c, v);
  for (const [k, v] of Object.entries(problem.capacity)) addRows('capacity', k, v);
  const index = new Map(problem.projects.map((p, i) => [p.id, i]));
  const projects = problem.projects.map((p): CompiledProject => {
    const base: number[] = [];
    const offset: number[] = [];
    const amount: number[] = [];
    const push = (b: number | undefined, profile: readonly number[] | undefined) => {
      if (b === undefined || !profile) return;
      profile.forEach((a, k) => {
        if (a !== 0) {
          base.push(b);
          offset.push(k);
          amount.push(a);
        }
      });
    };
    push(bases.get(key('budget', null)), p.cost);
    for (const [c, prof] of Object.entries(p.costByCategory ?? {})) push(bases.get(key('category', c)), prof);
    for (const [k, prof] of Object.entries(p.demand)) push(bases.get(key('capacity', k)), prof);
    return {
      id: p.id,
      value: p.value,
      earliest: p.earliestStart,
      latest: p.latestStart,
      mandatory: !!p.mandatory,
      forcedOut: !!p.forcedOut,
      base: Int32Array.from(base),
      offset: Int32Array.from(offset),
      amount: Float64Array.from(amount),
      requires: [
        ...new Set((p.requires ?? []).map((r) => index.get(r)).filter((x): x is number => x !== undefined)),
      ],
      excludes: (p.excludes ?? []).map((r) => index.get(r)).filter((x): x is number => x !== undefined),
      totalCost: p.cost.reduce((s, a) => s + a, 0),
    };
  });
  const pairs = new Set<string>();
  const excludes: [number, number][] = [];
  projects.forEach((p, i) => {
    for (const j of p.excludes) {
      const a = Math.min(i, j);
      const b = Math.max(i, j);
      if (a !== b && !pairs.has(`${a}:${b}`)) {
        pairs.add(`${a}:${b}`);
        excludes.push([a, b]);
      }
    }
  });
  for (const p of projects) p.excludes = [];
  for (const [a, b] of excludes) {
    (projects[a] as CompiledProject).excludes.push(b);
    (projects[b] as CompiledProject).excludes.push(a);
  }
  const requires: [number, number][] = [];
  const requiredBy = projects.map(() => [] as number[]);
  projects.forEach((p, i) => {
    for (const q of p.requires) {
      requires.push([i, q]);
      requiredBy[q]?.push(i);
    }
  });
  const P = projects.length;
  const first = new Int32Array(P + 1);
  let n = 0;
  projects.forEach((q, p) => {
    first[p] = n;
    n += Math.max(0, q.latest - q.earliest + 1);
  });
  first[P] = n;
  const colProject = new Int32Array(n);
  const colStart = new Int32Array(n);
  projects.forEach((q, p) => {
    for (let s = q.earliest, j = first[p] as number; s <= q.latest; s++, j++) {
      colProject[j] = p;
      colStart[j] = s;
    }
  });
  return {
    N,
    rowCount: rowRef.length,
    limit: Float64Array.from(limits),
    rowRef,
    projects,
    index,
    excludes,
    requires,
    requiredBy,
    first,
    colProject,
    colStart,
  };
}

/** The limited-row entries of every column (CSC): rows and amounts of column j at ptr[j] … ptr[j+1]. */
export type ColumnMatrix = { ptr: Int32Array; row: Int32Array; amount: Float64Array };

export function columnMatrix(c: Compiled): ColumnMatrix {
  const n = c.colProject.length;
  const ptr = new Int32Array(n + 1);
  for (let j = 0; j < n; j++)
    ptr[j + 1] = (ptr[j] as number) + (c.projects[c.colProject[j] as number] as CompiledProject).base.length;
  const row = new Int32Array(ptr[n] as number);
  const amount = new Float64Array(ptr[n] as number);
  for (let j = 0; j < n; j++) {
    const q = c.projects[c.colProject[j] as number] as CompiledProject;
    const s = c.colStart[j] as number;
    const at = ptr[j] as number;
    for (let k = 0; k < q.base.length; k++) {
      row[at + k] = (q.base[k] as number) + s + (q.offset[k] as number);
      amount[at + k] = q.amount[k] as number;
    }
  }
  return { ptr, row, amount };
}

/** The same compiled problem with other limits (e.g. a scaled budget); projects are shared. */
export function withLimits(c: Compiled, limit: Float64Array): Compiled {
  return { ...c, limit };
}

/** Adds (sign 1) or removes (sign −1) project p at start s into row usage. */
export function apply(c: Compiled, used: Float64Array, p: number, s: number, sign: number): void {
  const q = c.projects[p] as CompiledProject;
  for (let k = 0; k < q.base.length; k++) {
    const r = (q.base[k] as number) + s + (q.offset[k] as number);
    used[r] = (used[r] as number) + sign * (q.amount[k] as number);
  }
}

/** True when project p at start s fits in what is left. */
export function fits(c: Compiled, used: Float64Array, p: number, s: number): boolean {
  const q = c.projects[p] as CompiledProject;
  for (let k = 0; k < q.base.length; k++) {
    const r = (q.base[k] as number) + s + (q.offset[k] as number);
    const lim = c.limit[r] as number;
    if ((used[r] as number) + (q.amount[k] as number) > lim + slack(lim)) return false;
  }
  return true;
}

/** The rows project p at start s would overflow, and by how much. */
export function shortfalls(
  c: Compiled,
  used: Float64Array,
  p: number,
  s: number,
): { row: number; shortfall: number }[] {
  const q = c.projects[p] as CompiledProject;
  const list: { row: number; shortfall: number }[] = [];
  for (let k = 0; k < q.base.length; k++) {
    const r = (q.base[k] as number) + s + (q.offset[k] as number);
    const lim = c.limit[r] as number;
    const over = (used[r] as number) + (q.amount[k] as number) - lim;
    if (over > slack(lim)) list.push({ row: r, shortfall: over });
  }
  return list;
}

/** Row usage of a selection (starts per project, −1 = not selected). */
export function usageOf(c: Compiled, starts: Int32Array): Float64Array {
  const used = new Float64Array(c.rowCount);
  starts.forEach((s, p) => {
    if (s >= 0) apply(c, used, p, s, 1);
  });
  return used;
}

export function toSelection(c: Compiled, starts: Int32Array): Selection {
  const out: Selection = [];
  starts.forEach((s, p) => {
    if (s >= 0) out.push({ id: (c.projects[p] as CompiledProject).id, start: s });
  });
  return out;
}

/** Starts per project (−1 = not selected) of a selection; unknown ids are ignored. */
export function startsOf(c: Compiled, selection: Selection): Int32Array {
  const starts = new Int32Array(c.projects.length).fill(-1);
  for (const x of selection) {
    const p = c.index.get(x.id);
    if (p !== undefined) starts[p] = x.start;
  }
  return starts;
}

export function objectiveOf(c: Compiled, starts: Int32Array): number {
  let v = 0;
  starts.forEach((s, p) => {
    if (s >= 0) v += (c.projects[p] as CompiledProject).value;
  });
  return v;
}

/** True when the starts break no rule and no limit (the fast form of checkSelection). */
export function isFeasible(c: Compiled, starts: Int32Array): boolean {
  for (let p = 0; p < c.projects.length; p++) {
    const q = c.projects[p] as CompiledProject;
    const s = starts[p] as number;
    if (s < 0) {
      if (q.mandatory) return false;
      continue;
    }
    if (q.forcedOut || s < q.earliest || s > q.latest) return false;
    for (const r of q.requires) if ((starts[r] as number) < 0) return false;
  }
  for (const [a, b] of c.excludes) if ((starts[a] as number) >= 0 && (starts[b] as number) >= 0) return false;
  const used = usageOf(c, starts);
  for (let r = 0; r < c.rowCount; r++) {
    const lim = c.limit[r] as number;
    if ((used[r] as number) > lim + slack(lim)) return false;
  }
  return true;
}

/** A limit's name in messages: "budget", "capex budget", "capacity "data"". */
export const limitName = (ref: Pick<ConstraintRef, 'kind' | 'key'>): string =>
  ref.kind === 'budget' ? 'budget' : ref.kind === 'category' ? `${ref.key} budget` : `"${ref.key}" capacity`;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Every constraint a selection violates, as a sentence; [] when it is feasible. */
export function checkSelection(problem: PortfolioProblem, selected: Selection): string[] {
  const c = compile(problem);
  const out: string[] = [];
  const starts = new Int32Array(c.projects.length).fill(-1);
  let placeable = true;
  for (const x of selected) {
    const p = c.index.get(x.id);
    if (p === undefined) {
      out.push(`unknown project ${x.id}`);
      placeable = false;
      continue;
    }
    const q = c.projects[p] as CompiledProject;
    if ((starts[p] as number) >= 0) out.push(`${x.id} is selected twice`);
    if (!Number.isInteger(x.start) || x.start < q.earliest || x.start > q.latest) {
      out.push(`${x.id} starts in period ${x.start}, outside its window ${q.earliest}–${q.latest}`);
      placeable = false;
      continue;
    }
    starts[p] = x.start;
  }
  c.projects.forEach((q, p) => {
    const on = (starts[p] as number) >= 0;
    if (q.mandatory && !on) out.push(`mandatory ${q.id} is not selected`);
    if (q.forcedOut && on) out.push(`${q.id} is forced out but selected`);
    if (on)
      for (const r of q.requires)
        if ((starts[r] as number) < 0)
          out.push(`${q.id} requires ${(c.projects[r] as CompiledProject).id}, which is not selected`);
  });
  for (const [a, b] of c.excludes)
    if ((starts[a] as number) >= 0 && (starts[b] as number) >= 0)
      out.push(
        `${(c.projects[a] as CompiledProject).id} and ${(c.projects[b] as CompiledProject).id} exclude each other`,
      );
  if (!placeable) return out;
  const used = new Float64Array(c.rowCount);
  for (const x of selected) {
    const p = c.index.get(x.id) as number;
    apply(c, used, p, x.start, 1);
  }
  for (let r = 0; r < c.rowCount; r++) {
    const lim = c.limit[r] as number;
    if ((used[r] as number) > lim + slack(lim)) {
      const ref = c.rowRef[r] as ConstraintRef;
      out.push(
        `${limitName(ref)} in period ${ref.period} is exceeded: ${round(used[r] as number)} > ${round(lim)}`,
      );
    }
  }
  return out;
}

/**
 * The projects that must be selected: the mandatory ones and, transitively, what they require.
 * (A forced-out project in this set makes the problem infeasible.)
 */
export function mustSelect(c: Compiled): Set<number> {
  const out = new Set<number>();
  const stack = c.projects.flatMap((q, p) => (q.mandatory ? [p] : []));
  while (stack.length) {
    const p = stack.pop() as number;
    if (out.has(p)) continue;
    out.add(p);
    for (const r of (c.projects[p] as CompiledProject).requires) stack.push(r);
  }
  return out;
}

/**
 * Adds projects greedily in the given order at a start that fits (the earliest, or the best by
 * `startScore`), respecting requirements (a project waits for what it requires; a few passes pick
 * up what became possible; with `bundles`, a project is tried together with what it requires) and
 * exclusions; the must-select projects first, largest first.
 * Returns the starts (−1 = not selected), the row usage, and whether every must-select project
 * found room.
 */
export function greedy(
  c: Compiled,
  order: readonly number[],
  startScore?: (p: number, s: number) => number,
  bundles = false,
): { starts: Int32Array; used: Float64Array; mandatoryOk: boolean } {
  const P = c.projects.length;
  const starts = new Int32Array(P).fill(-1);
  const used = new Float64Array(c.rowCount);
  const tryAdd = (p: number): boolean => {
    const q = c.projects[p] as CompiledProject;
    if ((starts[p] as number) >= 0 || q.forcedOut) return false;
    for (const e of q.excludes) if ((starts[e] as number) >= 0) return false;
    for (const r of q.requires) if ((starts[r] as number) < 0) return false;
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let s = q.earliest; s <= q.latest; s++) {
      if (!fits(c, used, p, s)) continue;
      const sc = startScore ? startScore(p, s) : -s;
      if (sc > bestScore) {
        bestScore = sc;
        best = s;
      }
    }
    if (best < 0) return false;
    starts[p] = best;
    apply(c, used, p, best, 1);
    return true;
  };
  /** p together with every unselected project it requires (transitively), or nothing. */
  const tryBundle = (p: number): boolean => {
    const bundle = new Set<number>();
    const stack = [p];
    while (stack.length) {
      const x = stack.pop() as number;
      if (bundle.has(x) || (starts[x] as number) >= 0) continue;
      bundle.add(x);
      for (const r of (c.projects[x] as CompiledProject).requires) stack.push(r);
    }
    for (const x of bundle)
      for (const e of (c.projects[x] as CompiledProject).excludes) if (bundle.has(e)) return false;
    // Required projects first (a reverse discovery order puts requirements before dependants).
    const list = [...bundle].reverse();
    const placed: number[] = [];
    for (let pass = 0; pass < list.length && placed.length < list.length; pass++)
      for (const x of list) if ((starts[x] as number) < 0 && tryAdd(x)) placed.push(x);
    if (placed.length === list.length) return true;
    for (const x of placed) {
      apply(c, used, x, starts[x] as number, -1);
      starts[x] = -1;
    }
    return false;
  };
  const must = [...mustSelect(c)].sort(
    (a, b) => (c.projects[b] as CompiledProject).totalCost - (c.projects[a] as CompiledProject).totalCost,
  );
  // What a mandatory project requires goes in before it: repeat until nothing more can be placed.
  for (let pass = 0; pass <= must.length; pass++) {
    let added = false;
    for (const p of must) if (tryAdd(p)) added = true;
    if (!added) break;
  }
  const mandatoryOk = must.every((p) => (starts[p] as number) >= 0);
  for (let pass = 0; pass < 3; pass++) {
    let added = false;
    for (const p of order)
      if (
        tryAdd(p) ||
        (bundles &&
          (starts[p] as number) < 0 &&
          (c.projects[p] as CompiledProject).requires.length &&
          tryBundle(p))
      )
        added = true;
    if (!added) break;
  }
  return { starts, used, mandatoryOk };
}

/**
 * The plain ranking baseline a PMO would use without an optimiser: mandatory projects first, then
 * by value per unit of total cost (descending), each at its earliest start that fits, greedily.
 */
export function rankingPortfolio(problem: PortfolioProblem): {
  objective: number;
  selected: Selection;
  /** False when the ranking could not place every mandatory project (objective 0, nothing selected). */
  feasible: boolean;
} {
  const c = compile(problem);
  const order = c.projects
    .map((q, p) => ({
      p,
      ratio: q.totalCost > 0 ? q.value / q.totalCost : Number.POSITIVE_INFINITY,
      v: q.value,
    }))
    .sort((a, b) => b.ratio - a.ratio || b.v - a.v)
    .map((x) => x.p);
  const { starts, mandatoryOk } = greedy(c, order);
  if (!mandatoryOk) return { objective: 0, selected: [], feasible: false };
  return { objective: objectiveOf(c, starts), selected: toSelection(c, starts), feasible: true };
}
