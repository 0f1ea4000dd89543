import loadHighs, { type Highs } from 'highs';
import type { Compiled, CompiledProject } from './model.ts';

let runtime: Promise<Highs> | null = null;
/** The HiGHS WebAssembly runtime, loaded once per process (or worker). */
export function highs(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

/** Columns of the model: one per (project, start) pair. */
export type Columns = { project: Int32Array; start: Int32Array; first: Int32Array };

export function columnsOf(c: Compiled): Columns {
  const project: number[] = [];
  const start: number[] = [];
  const first = new Int32Array(c.projects.length + 1);
  c.projects.forEach((q, p) => {
    first[p] = project.length;
    for (let s = q.earliest; s <= q.latest; s++) {
      project.push(p);
      start.push(s);
    }
  });
  first[c.projects.length] = project.length;
  return { project: Int32Array.from(project), start: Int32Array.from(start), first };
}

export type SolveResult = {
  status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  objective: number;
  bound: number;
  gap: number;
  colValue: Float64Array | null;
  /** Duals of the limited rows (LP only), value per extra unit, ≥ 0. */
  rowDual: Float64Array | null;
};

export type SolveOptions = {
  integer: boolean;
  timeLimitSeconds?: number;
  gap?: number;
  /** A feasible selection (starts per project, −1 = out) to start the search from. */
  start?: Int32Array;
  /** Projects that must be selected (in addition to the mandatory ones). */
  forceIn?: readonly number[];
  /** Projects that must stay out. */
  forceOut?: readonly number[];
  /** Limits to use instead of the problem's (e.g. a scaled budget). */
  limit?: Float64Array;
  onProgress?: (p: { objective: number | null; bound: number | null; gap: number | null }) => void;
};

/**
 * Solves the selection model: maximise Σ value·x subject to one start at most per project (exactly
 * one when mandatory), the limited rows, requirements (x_p ≤ x_q) and exclusions (x_p + x_q ≤ 1).
 */
export async function solveModel(c: Compiled, cols: Columns, o: SolveOptions): Promise<SolveResult> {
  const h = await highs();
  const P = c.projects.length;
  const R = c.rowCount;
  const nCols = cols.project.length;
  const reqBase = P + R;
  const excBase = reqBase + c.requires.length;
  const nRows = excBase + c.excludes.length;
  const limit = o.limit ?? c.limit;
  // Per project, the requirement and exclusion rows its columns appear in (with their sign).
  const extra = Array.from({ length: P }, () => [] as [number, number][]);
  c.requires.forEach(([p, q], i) => {
    extra[p]?.push([reqBase + i, 1]);
    extra[q]?.push([reqBase + i, -1]);
  });
  c.excludes.forEach(([a, b], i) => {
    extra[a]?.push([excBase + i, 1]);
    extra[b]?.push([excBase + i, 1]);
  });
  const starts = new Int32Array(nCols + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < nCols; j++) {
    const p = cols.project[j] as number;
    const s = cols.start[j] as number;
    const q = c.projects[p] as CompiledProject;
    const entries: [number, number][] = [[p, 1]];
    for (let k = 0; k < q.base.length; k++)
      entries.push([P + (q.base[k] as number) + s + (q.offset[k] as number), q.amount[k] as number]);
    for (const e of extra[p] ?? []) entries.push(e);
    entries.sort((a, b) => a[0] - b[0]);
    // Merge repeated rows (a requirement and an exclusion between the same pair stay separate rows).
    let last = -1;
    for (const [r, v] of entries) {
      if (r === last) values[values.length - 1] = (values[values.length - 1] as number) + v;
      else {
        indices.push(r);
        values.push(v);
        last = r;
      }
    }
    starts[j + 1] = indices.length;
  }
  const forcedIn = new Set(o.forceIn ?? []);
  const forcedOut = new Set(o.forceOut ?? []);
  const rowLower = new Float64Array(nRows).fill(-h.infinity);
  const rowUpper = new Float64Array(nRows);
  for (let p = 0; p < P; p++) {
    const q = c.projects[p] as CompiledProject;
    rowUpper[p] = q.forcedOut || forcedOut.has(p) ? 0 : 1;
    rowLower[p] = (q.mandatory || forcedIn.has(p)) && !forcedOut.has(p) ? 1 : 0;
  }
  for (let r = 0; r < R; r++) rowUpper[P + r] = limit[r] as number;
  for (let i = 0; i < c.requires.length; i++) rowUpper[reqBase + i] = 0;
  for (let i = 0; i < c.excludes.length; i++) rowUpper[excBase + i] = 1;
  const colCost = new Float64Array(nCols);
  for (let j = 0; j < nCols; j++)
    colCost[j] = (c.projects[cols.project[j] as number] as CompiledProject).value;
  const model = h.createModel({
    numCols: nCols,
    numRows: nRows,
    sense: h.constants.objectiveSense.maximize,
    colCost,
    colLower: new Float64Array(nCols),
    colUpper: new Float64Array(nCols).fill(1),
    rowLower,
    rowUpper,
    matrix: {
      format: 'csc',
      numRows: nRows,
      numCols: nCols,
      starts,
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    ...(o.integer ? { integrality: new Int32Array(nCols).fill(h.constants.variableType.integer) } : {}),
  });
  try {
    model.options.set({
      output_flag: false,
      ...(o.timeLimitSeconds !== undefined ? { time_limit: o.timeLimitSeconds } : {}),
      ...(o.integer ? { mip_rel_gap: o.gap ?? 1e-4 } : {}),
    });
    if (o.integer && o.start) {
      const x = new Float64Array(nCols);
      for (let j = 0; j < nCols; j++)
        if ((o.start[cols.project[j] as number] as number) === (cols.start[j] as number)) x[j] = 1;
      model.setSolution({ colValue: x });
    }
    const cb = h.constants.callbackType;
    let lastReport = 0;
    const report = (d: { mip_primal_bound?: number; mip_dual_bound?: number; mip_gap?: number }) => {
      const now = performance.now();
      if (now - lastReport < 100) return;
      lastReport = now;
      o.onProgress?.({
        objective: finiteOrNull(d.mip_primal_bound),
        bound: finiteOrNull(d.mip_dual_bound),
        gap: finiteOrNull(d.mip_gap),
      });
    };
    const run =
      o.integer && o.onProgress
        ? model.run({
            [cb.mipImprovingSolution]: (e) => {
              lastReport = 0;
              report(e.data);
            },
            [cb.mipLogging]: (e) => {
              report(e.data);
            },
          })
        : model.run();
    const ms = h.constants.modelStatus;
    const status = run.modelStatus;
    const primal = Number(model.info.get('primal_solution_status'));
    const hasSolution = primal === 2;
    if (status === ms.infeasible)
      return { status: 'infeasible', objective: 0, bound: 0, gap: 0, colValue: null, rowDual: null };
    const sol = hasSolution ? model.getSolution() : null;
    const objective = hasSolution ? model.getObjectiveValue() : 0;
    let bound = objective;
    if (o.integer) {
      const b = Number(model.info.get('mip_dual_bound'));
      bound = Number.isFinite(b) ? Math.max(b, objective) : objective;
    }
    const optimal = status === ms.optimal;
    const gap = bound > objective ? (bound - objective) / Math.max(Math.abs(objective), 1e-9) : 0;
    let rowDual: Float64Array | null = null;
    if (!o.integer && sol) {
      rowDual = new Float64Array(R);
      for (let r = 0; r < R; r++) rowDual[r] = Math.abs(sol.rowDual[P + r] as number);
    }
    return {
      status: optimal ? 'optimal' : hasSolution ? 'feasible' : 'unknown',
      objective,
      bound,
      gap,
      colValue: sol ? Float64Array.from(sol.colValue) : null,
      rowDual,
    };
  } finally {
    model.dispose();
  }
}

const finiteOrNull = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);

/** Starts per project (−1 = not selected) from a solution vector. */
export function startsFrom(c: Compiled, cols: Columns, x: Float64Array): Int32Array {
  const starts = new Int32Array(c.projects.length).fill(-1);
  for (let j = 0; j < x.length; j++)
    if ((x[j] as number) > 0.5) starts[cols.project[j] as number] = cols.start[j] as number;
  return starts;
}
