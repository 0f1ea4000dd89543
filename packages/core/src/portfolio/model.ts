import type { ConstraintRef, PortfolioProblem, Selection } from './types.ts';

/**
 * The problem in solver form. Limited rows (budget per period, each category per period, each skill
 * per period) are numbered `base + period`; a project's use of them is a list of (base, offset,
 * amount) so its use at start s touches rows base + s + offset. Columns are (project, start) pairs.
 */
export type Compiled = {
  N: number;
  rowCount: number;
  limit: Float64Array;
  rowRef: ConstraintRef[];
  projects: CompiledProject[];
  index: Map<string, number>;
  /** Pairs (p, q) that exclude each other, p < q. */
  excludes: [number, number][];
  /** Requirements p → q. */
  requires: [number, number][];
};
export type CompiledProject = {
  id: string;
  value: number;
  earliest: number;
  latest: number;
  mandatory: boolean;
  forcedOut: boolean;
  base: Int32Array;
  offset: Int32Array;
  amount: Float64Array;
  requires: number[];
  excludes: number[];
  /** Total of every profile (for ratio rankings). */
  totalCost: number;
};

const TOL = 1e-6;
/** The tolerance of a limit: absolute for small limits, relative for large ones. */
export const slack = (limit: number): number => TOL * Math.max(1, Math.abs(limit));

export function compile(problem: PortfolioProblem): Compiled {
  const N = problem.periods;
  const rowRef: ConstraintRef[] = [];
  const limits: number[] = [];
  const bases = new Map<string, number>();
  const addRows = (kind: ConstraintRef['kind'], key: string | null, values: readonly number[]) => {
    bases.set(`${kind}:${key ?? ''}`, rowRef.length);
    for (let t = 0; t < N; t++) {
      rowRef.push({ kind, key, period: t });
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
    push(bases.get('budget:'), p.cost);
    for (const [c, prof] of Object.entries(p.costByCategory ?? {})) push(bases.get(`category:${c}`), prof);
    for (const [k, prof] of Object.entries(p.demand)) push(bases.get(`capacity:${k}`), prof);
    return {
      id: p.id,
      value: p.value,
      earliest: p.earliestStart,
      latest: p.latestStart,
      mandatory: !!p.mandatory && !p.forcedOut,
      forcedOut: !!p.forcedOut,
      base: Int32Array.from(base),
      offset: Int32Array.from(offset),
      amount: Float64Array.from(amount),
      requires: (p.requires ?? []).map((r) => index.get(r)).filter((x): x is number => x !== undefined),
      excludes: (p.excludes ?? []).map((r) => index.get(r)).filter((x): x is number => x !== undefined),
      totalCost: amount.reduce((s, a) => s + a, 0),
    };
  });
  const pairs = new Set<string>();
  const excludes: [number, number][] = [];
  projects.forEach((p, i) => {
    for (const j of p.excludes) {
      const a = Math.min(i, j);
      const b = Math.max(i, j);
      if (!pairs.has(`${a}:${b}`)) {
        pairs.add(`${a}:${b}`);
        excludes.push([a, b]);
      }
    }
  });
  // Exclusion is symmetric: record it on both sides for the greedy checks.
  for (const [a, b] of excludes) {
    const pa = projects[a] as CompiledProject;
    const pb = projects[b] as CompiledProject;
    if (!pa.excludes.includes(b)) pa.excludes.push(b);
    if (!pb.excludes.includes(a)) pb.excludes.push(a);
  }
  const requires: [number, number][] = [];
  projects.forEach((p, i) => {
    for (const q of p.requires) requires.push([i, q]);
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
  };
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
  const out = new Map<number, number>();
  for (let k = 0; k < q.base.length; k++) {
    const r = (q.base[k] as number) + s + (q.offset[k] as number);
    out.set(r, (out.get(r) ?? 0) + (q.amount[k] as number));
  }
  const list: { row: number; shortfall: number }[] = [];
  for (const [r, a] of out) {
    const lim = c.limit[r] as number;
    const over = (used[r] as number) + a - lim;
    if (over > slack(lim)) list.push({ row: r, shortfall: over });
  }
  return list;
}

/** Row usage of a selection. */
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

export function objectiveOf(c: Compiled, starts: Int32Array): number {
  let v = 0;
  starts.forEach((s, p) => {
    if (s >= 0) v += (c.projects[p] as CompiledProject).value;
  });
  return v;
}

const label = (ref: ConstraintRef) =>
  ref.kind === 'budget' ? 'budget' : ref.kind === 'category' ? `${ref.key} budget` : `capacity "${ref.key}"`;

/** Every constraint a selection violates, as a sentence; [] when it is feasible. */
export function checkSelection(problem: PortfolioProblem, selected: Selection): string[] {
  const c = compile(problem);
  const out: string[] = [];
  const starts = new Int32Array(c.projects.length).fill(-1);
  for (const x of selected) {
    const p = c.index.get(x.id);
    if (p === undefined) {
      out.push(`unknown project ${x.id}`);
      continue;
    }
    const q = c.projects[p] as CompiledProject;
    if ((starts[p] as number) >= 0) out.push(`${x.id} is selected twice`);
    if (!Number.isInteger(x.start) || x.start < q.earliest || x.start > q.latest)
      out.push(`${x.id} starts in period ${x.start}, outside its window ${q.earliest}–${q.latest}`);
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
  if (out.some((m) => m.startsWith('unknown') || m.includes('outside its window'))) return out;
  const used = usageOf(c, starts);
  for (let r = 0; r < c.rowCount; r++) {
    const lim = c.limit[r] as number;
    if ((used[r] as number) > lim + slack(lim)) {
      const ref = c.rowRef[r] as ConstraintRef;
      out.push(
        `${label(ref)} in period ${ref.period} is exceeded: ${round(used[r] as number)} > ${round(lim)}`,
      );
    }
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Adds projects greedily in the given order at their best-fitting start (the earliest that fits, or
 * by `startScore` when given), respecting requirements and exclusions; mandatory projects first.
 * Returns the starts (−1 = not selected) and whether every mandatory project found room.
 */
export function greedy(
  c: Compiled,
  order: readonly number[],
  startScore?: (p: number, s: number) => number,
  initial?: Int32Array,
): { starts: Int32Array; used: Float64Array; mandatoryOk: boolean } {
  const P = c.projects.length;
  const starts = initial ? Int32Array.from(initial) : new Int32Array(P).fill(-1);
  const used = usageOf(c, starts);
  const tryAdd = (p: number): boolean => {
    const q = c.projects[p] as CompiledProject;
    if ((starts[p] as number) >= 0 || q.forcedOut) return false;
    if (q.excludes.some((e) => (starts[e] as number) >= 0)) return false;
    if (q.requires.some((r) => (starts[r] as number) < 0)) return false;
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
  // Mandatory projects (and what they require) first, the most demanding first.
  const mandatory = c.projects
    .map((q, p) => ({ q, p }))
    .filter((x) => x.q.mandatory)
    .sort((a, b) => b.q.totalCost - a.q.totalCost)
    .map((x) => x.p);
  for (let pass = 0; pass < 3; pass++)
    for (const p of mandatory) {
      for (const r of (c.projects[p] as CompiledProject).requires) tryAdd(r);
      tryAdd(p);
    }
  const mandatoryOk = mandatory.every((p) => (starts[p] as number) >= 0);
  // Requirements may come later in the order: a few passes pick up what became possible.
  for (let pass = 0; pass < 3; pass++) {
    let added = false;
    for (const p of order) if (tryAdd(p)) added = true;
    if (!added) break;
  }
  return { starts, used, mandatoryOk };
}

/** The plain ranking baseline: mandatory first, then by value per unit of total cost, greedily. */
export function rankingPortfolio(problem: PortfolioProblem): { objective: number; selected: Selection } {
  const c = compile(problem);
  const order = c.projects
    .map((q, p) => ({
      p,
      ratio: q.totalCost > 0 ? q.value / q.totalCost : Number.POSITIVE_INFINITY,
      v: q.value,
    }))
    .sort((a, b) => b.ratio - a.ratio || b.v - a.v)
    .map((x) => x.p);
  const { starts } = greedy(c, order);
  return { objective: objectiveOf(c, starts), selected: toSelection(c, starts) };
}
