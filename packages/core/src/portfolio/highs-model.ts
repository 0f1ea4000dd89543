import loadHighs, { type Highs, type Model } from 'highs';
import { type Compiled, type CompiledProject, columnMatrix, slack } from './model.ts';

let runtime: Promise<Highs> | null = null;
/** The HiGHS WebAssembly runtime, loaded once per process (or worker) and shared by every solve. */
export function highs(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

export type SolveResult = {
  status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  objective: number;
  /** The best bound proven (the objective itself for an LP). */
  bound: number;
  gap: number;
  /** Starts per project (−1 = not selected), when a solution was found. */
  starts: Int32Array | null;
  /** LP only: dual of each limited row (value per extra unit, ≥ 0). */
  rowDual: Float64Array | null;
  /** When infeasible: the rows HiGHS's IIS put in conflict (model rows, see `rowMeaning`). */
  iisRows: number[] | null;
};

export type SolveOptions = {
  integer: boolean;
  timeLimitSeconds?: number;
  /** Relative MIP gap at which HiGHS stops (mip_rel_gap). */
  gap?: number;
  /** A feasible selection (starts per project, −1 = out) for HiGHS to start from. */
  start?: Int32Array;
  /** Projects that must be selected (in addition to the mandatory ones). */
  forceIn?: readonly number[];
  /** Compute an IIS when the model is infeasible. */
  iis?: boolean;
  onProgress?: (p: { objective: number | null; bound: number | null; gap: number | null }) => void;
};

/** What a row of the HiGHS model stands for. */
export type RowMeaning =
  | { kind: 'project'; project: number }
  | { kind: 'limit'; row: number }
  | { kind: 'requires'; project: number; required: number }
  | { kind: 'excludes'; a: number; b: number };

/** Row layout: P "one start at most" rows, then the limited rows, requirements, exclusions. */
export function rowMeaning(c: Compiled, r: number): RowMeaning {
  const P = c.projects.length;
  if (r < P) return { kind: 'project', project: r };
  if (r < P + c.rowCount) return { kind: 'limit', row: r - P };
  const i = r - P - c.rowCount;
  if (i < c.requires.length) {
    const [p, q] = c.requires[i] as [number, number];
    return { kind: 'requires', project: p, required: q };
  }
  const [a, b] = c.excludes[i - c.requires.length] as [number, number];
  return { kind: 'excludes', a, b };
}

/**
 * Solves the selection model with HiGHS, built from arrays (CSC): maximise Σ value·x over binary
 * x[p,s] with one start at most per project (exactly one when mandatory or forced in, none when
 * forced out), every limited row, requirements Σ_s x[p,s] − Σ_s x[q,s] ≤ 0 and exclusions
 * Σ_s x[p,s] + Σ_s x[q,s] ≤ 1. Columns that cannot fit even alone get upper bound 0.
 */
export async function solveModel(c: Compiled, o: SolveOptions): Promise<SolveResult> {
  const h = await highs();
  const model = buildModel(h, c, o);
  try {
    return run(h, model, c, o);
  } finally {
    model.dispose();
  }
}

/** The HiGHS model of a compiled problem (the caller disposes it). */
export function buildModel(h: Highs, c: Compiled, o: Pick<SolveOptions, 'integer' | 'forceIn'>): Model {
  const P = c.projects.length;
  const R = c.rowCount;
  const nCols = c.colProject.length;
  const reqBase = P + R;
  const excBase = reqBase + c.requires.length;
  const nRows = excBase + c.excludes.length;
  const m = columnMatrix(c);
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
  let nnz = 0;
  for (let j = 0; j < nCols; j++)
    nnz +=
      1 + ((m.ptr[j + 1] as number) - (m.ptr[j] as number)) + (extra[c.colProject[j] as number]?.length ?? 0);
  const starts = new Int32Array(nCols + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const colUpper = new Float64Array(nCols).fill(1);
  const colCost = new Float64Array(nCols);
  let at = 0;
  for (let j = 0; j < nCols; j++) {
    const p = c.colProject[j] as number;
    colCost[j] = (c.projects[p] as CompiledProject).value;
    // Rows ascending: the project row, then limited rows (ascending within a column), then the rest.
    indices[at] = p;
    values[at++] = 1;
    const from = at;
    for (let k = m.ptr[j] as number; k < (m.ptr[j + 1] as number); k++) {
      const r = m.row[k] as number;
      const a = m.amount[k] as number;
      if (a > (c.limit[r] as number) + slack(c.limit[r] as number)) colUpper[j] = 0;
      indices[at] = P + r;
      values[at++] = a;
    }
    sortSegment(indices, values, from, at);
    for (const [r, v] of extra[p] ?? []) {
      indices[at] = r;
      values[at++] = v;
    }
    starts[j + 1] = at;
  }
  const forcedIn = new Set(o.forceIn ?? []);
  const rowLower = new Float64Array(nRows).fill(-h.infinity);
  const rowUpper = new Float64Array(nRows);
  for (let p = 0; p < P; p++) {
    const q = c.projects[p] as CompiledProject;
    rowUpper[p] = q.forcedOut ? 0 : 1;
    rowLower[p] = q.mandatory || forcedIn.has(p) ? 1 : 0;
  }
  for (let r = 0; r < R; r++) rowUpper[P + r] = c.limit[r] as number;
  for (let i = 0; i < c.excludes.length; i++) rowUpper[excBase + i] = 1;
  return h.createModel({
    numCols: nCols,
    numRows: nRows,
    sense: h.constants.objectiveSense.maximize,
    colCost,
    colLower: new Float64Array(nCols),
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: nRows, numCols: nCols, starts, indices, values },
    ...(o.integer ? { integrality: new Int32Array(nCols).fill(h.constants.variableType.integer) } : {}),
  });
}

function run(h: Highs, model: Model, c: Compiled, o: SolveOptions): SolveResult {
  const P = c.projects.length;
  const R = c.rowCount;
  const nCols = c.colProject.length;
  model.options.set({
    output_flag: false,
    ...(o.timeLimitSeconds !== undefined ? { time_limit: Math.max(0.01, o.timeLimitSeconds) } : {}),
    ...(o.integer ? { mip_rel_gap: o.gap ?? 1e-4 } : {}),
    // The light strategy often finds no subsystem here; row priority names the rows in conflict.
    ...(o.iis ? { iis_strategy: h.constants.iis.strategyRowPriority } : {}),
  });
  if (o.integer && o.start) {
    const x = new Float64Array(nCols);
    for (let j = 0; j < nCols; j++)
      if ((o.start[c.colProject[j] as number] as number) === (c.colStart[j] as number)) x[j] = 1;
    model.setSolution({ colValue: x });
  }
  const cb = h.constants.callbackType;
  let lastReport = 0;
  const report = (
    d: { mip_primal_bound?: number; mip_dual_bound?: number; mip_gap?: number },
    force: boolean,
  ) => {
    const now = performance.now();
    if (!force && now - lastReport < 100) return;
    lastReport = now;
    o.onProgress?.({
      objective: finiteOrNull(d.mip_primal_bound),
      bound: finiteOrNull(d.mip_dual_bound),
      gap: finiteOrNull(d.mip_gap),
    });
  };
  const result =
    o.integer && o.onProgress
      ? model.run({
          [cb.mipImprovingSolution]: (e) => {
            report(e.data, true);
            return undefined;
          },
          [cb.mipLogging]: (e) => {
            report(e.data, false);
            return undefined;
          },
        })
      : model.run();
  const ms = h.constants.modelStatus;
  const status = result.modelStatus;
  const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
  if (status === ms.infeasible || (status === ms.unboundedOrInfeasible && !hasSolution)) {
    let iisRows: number[] | null = null;
    if (o.iis)
      try {
        iisRows = [...model.getIis().rowIndex];
      } catch {
        iisRows = null; // IIS is a diagnostic extra: without it the conflicts come from our own analysis.
      }
    return { status: 'infeasible', objective: 0, bound: 0, gap: 0, starts: null, rowDual: null, iisRows };
  }
  const sol = hasSolution ? model.getSolution() : null;
  const objective = hasSolution ? model.getObjectiveValue() : 0;
  let bound = objective;
  if (o.integer) {
    const b = Number(model.info.get('mip_dual_bound'));
    bound = Number.isFinite(b) ? Math.max(b, objective) : Number.POSITIVE_INFINITY;
  }
  let rowDual: Float64Array | null = null;
  let starts: Int32Array | null = null;
  if (sol) {
    if (!o.integer) {
      rowDual = new Float64Array(R);
      for (let r = 0; r < R; r++) rowDual[r] = Math.abs(sol.rowDual[P + r] as number);
    } else {
      starts = new Int32Array(P).fill(-1);
      for (let j = 0; j < nCols; j++)
        if ((sol.colValue[j] as number) > 0.5) starts[c.colProject[j] as number] = c.colStart[j] as number;
    }
  }
  return {
    status: status === ms.optimal ? 'optimal' : hasSolution ? 'feasible' : 'unknown',
    objective,
    bound,
    gap: bound > objective ? (bound - objective) / Math.max(Math.abs(objective), 1e-9) : 0,
    starts,
    rowDual,
    iisRows: null,
  };
}

/** Sorts indices[from, to) ascending, carrying values along (insertion sort: segments are short). */
function sortSegment(indices: Int32Array, values: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const r = indices[i] as number;
    const v = values[i] as number;
    let k = i - 1;
    while (k >= from && (indices[k] as number) > r) {
      indices[k + 1] = indices[k] as number;
      values[k + 1] = values[k] as number;
      k--;
    }
    indices[k + 1] = r;
    values[k + 1] = v;
  }
}

const finiteOrNull = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
