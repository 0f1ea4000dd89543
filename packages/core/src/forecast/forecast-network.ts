import type { ForecastLink, ForecastRisk, ForecastTask } from './forecast-model.ts';
import { ForecastInputError } from './forecast-model.ts';

export const FL_FS = 0;
export const FL_SS = 1;
export const FL_FF = 2;
export const FL_SF = 3;

const LINK_CODE = { FS: FL_FS, SS: FL_SS, FF: FL_FF, SF: FL_SF } as const;

/**
 * A plan compiled for the Monte Carlo sweep: leaf tasks only, renumbered in topological order,
 * three-point remaining durations and costs as typed arrays, links as CSR by successor.
 * Built once; every iteration is a single pass over these arrays.
 */
export type ForecastNetwork = {
  readonly count: number;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** Remaining duration: optimistic (a), most likely (c), pessimistic (b). */
  readonly durA: Float64Array;
  readonly durC: Float64Array;
  readonly durB: Float64Array;
  readonly release: Float64Array;
  /** Cost still to spend: low / most likely / high (already scaled to the remaining share). */
  readonly costA: Float64Array;
  readonly costC: Float64Array;
  readonly costB: Float64Array;
  /** Cost already spent (fixed). */
  readonly spent: Float64Array;
  readonly inOffset: Int32Array;
  readonly inFrom: Int32Array;
  readonly inType: Uint8Array;
  readonly inLag: Float64Array;
  readonly riskIds: readonly string[];
  readonly riskNames: readonly string[];
  readonly riskP: Float64Array;
  readonly riskDays: Float64Array;
  readonly riskCost: Float64Array;
};

function finite(v: number, field: string): number {
  if (!Number.isFinite(v)) throw new ForecastInputError(field, `${field} must be a finite number`);
  return v;
}

/** Orders a three-point estimate and rejects negatives: low ≤ likely ≤ high is what the engine samples. */
function threePoint(
  low: number | null | undefined,
  likely: number,
  high: number | null | undefined,
  field: string,
): [number, number, number] {
  const c = finite(likely, field);
  const a = low === null || low === undefined ? c : finite(low, field);
  const b = high === null || high === undefined ? c : finite(high, field);
  if (a < 0 || c < 0 || b < 0) throw new ForecastInputError(field, `${field} must not be negative`);
  if (a > c || c > b)
    throw new ForecastInputError(field, `${field}: optimistic ≤ most likely ≤ pessimistic is required`);
  return [a, c, b];
}

/**
 * Compiles tasks, links and risks. Summary tasks are dropped: a link into a summary binds every
 * leaf beneath it (as the schedule engine passes a summary's bounds down); a link out of a
 * summary starts from every leaf beneath it, which is exact for FS/FF (a summary finishes with
 * its last child) and conservative for SS/SF (it waits for the latest child start, not the first).
 */
export function buildForecastNetwork(
  tasks: readonly ForecastTask[],
  links: readonly ForecastLink[],
  risks: readonly ForecastRisk[],
): ForecastNetwork {
  const byId = new Map<string, number>();
  tasks.forEach((t, i) => {
    if (byId.has(t.id)) throw new ForecastInputError('tasks', `task ${t.id} appears twice`);
    byId.set(t.id, i);
  });
  const children = new Map<string, string[]>();
  for (const t of tasks) {
    if (t.parentId === undefined || !byId.has(t.parentId)) continue;
    const list = children.get(t.parentId) ?? [];
    list.push(t.id);
    children.set(t.parentId, list);
  }
  const leavesUnder = new Map<string, string[]>();
  const leaves = (id: string, depth = 0): string[] => {
    const known = leavesUnder.get(id);
    if (known) return known;
    if (depth > tasks.length) throw new ForecastInputError('tasks', `task ${id} is its own ancestor`);
    const kids = children.get(id);
    const out = kids ? kids.flatMap((k) => leaves(k, depth + 1)) : [id];
    leavesUnder.set(id, out);
    return out;
  };
  const leafIds = tasks.filter((t) => !children.has(t.id)).map((t) => t.id);
  const leafIndex = new Map(leafIds.map((id, i) => [id, i]));
  const n = leafIds.length;

  // Expand links onto leaves.
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeType: number[] = [];
  const edgeLag: number[] = [];
  for (const l of links) {
    if (!byId.has(l.from)) throw new ForecastInputError('links', `link from unknown task ${l.from}`);
    if (!byId.has(l.to)) throw new ForecastInputError('links', `link to unknown task ${l.to}`);
    const code = LINK_CODE[l.type];
    if (code === undefined) throw new ForecastInputError('links', `unknown link type ${String(l.type)}`);
    const lag = finite(l.lagMinutes ?? 0, 'lagMinutes');
    const targets = new Set(leaves(l.to));
    for (const f of leaves(l.from)) {
      for (const t of targets) {
        if (f === t) continue;
        edgeFrom.push(leafIndex.get(f) as number);
        edgeTo.push(leafIndex.get(t) as number);
        edgeType.push(code);
        edgeLag.push(lag);
      }
    }
  }

  // Kahn's algorithm: a topological order, or the tasks left on a cycle.
  const indeg = new Int32Array(n);
  const outStart = new Int32Array(n + 1);
  for (let e = 0; e < edgeFrom.length; e++) {
    indeg[edgeTo[e] as number] = (indeg[edgeTo[e] as number] as number) + 1;
    outStart[(edgeFrom[e] as number) + 1] = (outStart[(edgeFrom[e] as number) + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) outStart[i + 1] = (outStart[i + 1] as number) + (outStart[i] as number);
  const outEdges = new Int32Array(edgeFrom.length);
  const fill = outStart.slice(0, n);
  for (let e = 0; e < edgeFrom.length; e++) {
    const f = edgeFrom[e] as number;
    outEdges[fill[f] as number] = e;
    fill[f] = (fill[f] as number) + 1;
  }
  const order: number[] = [];
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) queue.push(i);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q] as number;
    order.push(v);
    for (let k = outStart[v] as number; k < (outStart[v + 1] as number); k++) {
      const to = edgeTo[outEdges[k] as number] as number;
      indeg[to] = (indeg[to] as number) - 1;
      if (indeg[to] === 0) queue.push(to);
    }
  }
  if (order.length < n) {
    const stuck = leafIds.filter((_, i) => (indeg[i] as number) > 0).slice(0, 10);
    throw new ForecastInputError('links', `the links form a cycle through ${stuck.join(', ')}`);
  }
  const position = new Int32Array(n);
  order.forEach((leaf, pos) => {
    position[leaf] = pos;
  });

  const ids: string[] = [];
  const names: string[] = [];
  const durA = new Float64Array(n);
  const durC = new Float64Array(n);
  const durB = new Float64Array(n);
  const release = new Float64Array(n);
  const costA = new Float64Array(n);
  const costC = new Float64Array(n);
  const costB = new Float64Array(n);
  const spent = new Float64Array(n);
  order.forEach((leaf, pos) => {
    const t = tasks[byId.get(leafIds[leaf] as string) as number] as ForecastTask;
    ids.push(t.id);
    names.push(t.name ?? t.id);
    const [a, c, b] = threePoint(
      t.optimisticMinutes,
      t.durationMinutes,
      t.pessimisticMinutes,
      'durationMinutes',
    );
    const pct = Math.min(100, Math.max(0, finite(t.percentComplete ?? 0, 'percentComplete')));
    const remaining =
      t.remainingMinutes !== null && t.remainingMinutes !== undefined
        ? Math.max(0, finite(t.remainingMinutes, 'remainingMinutes'))
        : c * (1 - pct / 100);
    // The spread applies to what is left: a half-done task keeps its optimistic/pessimistic ratios.
    const scale = c > 0 ? remaining / c : 0;
    durA[pos] = a * scale;
    durC[pos] = remaining;
    durB[pos] = b * scale;
    release[pos] = Math.max(0, finite(t.earliestStartMinutes ?? 0, 'earliestStartMinutes'));
    const [ca, cc, cb] = threePoint(t.costLowMinor, t.costMinor ?? 0, t.costHighMinor, 'costMinor');
    const share = 1 - pct / 100;
    costA[pos] = ca * share;
    costC[pos] = cc * share;
    costB[pos] = cb * share;
    const actual = t.actualCostMinor;
    spent[pos] =
      actual !== null && actual !== undefined ? finite(actual, 'actualCostMinor') : cc * (pct / 100);
  });

  const inOffset = new Int32Array(n + 1);
  for (let e = 0; e < edgeTo.length; e++) {
    const p = position[edgeTo[e] as number] as number;
    inOffset[p + 1] = (inOffset[p + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) inOffset[i + 1] = (inOffset[i + 1] as number) + (inOffset[i] as number);
  const inFrom = new Int32Array(edgeTo.length);
  const inType = new Uint8Array(edgeTo.length);
  const inLag = new Float64Array(edgeTo.length);
  const cursor = inOffset.slice(0, n);
  for (let e = 0; e < edgeTo.length; e++) {
    const p = position[edgeTo[e] as number] as number;
    const k = cursor[p] as number;
    cursor[p] = k + 1;
    inFrom[k] = position[edgeFrom[e] as number] as number;
    inType[k] = edgeType[e] as number;
    inLag[k] = edgeLag[e] as number;
  }

  const riskP = new Float64Array(risks.length);
  const riskDays = new Float64Array(risks.length);
  const riskCost = new Float64Array(risks.length);
  risks.forEach((r, i) => {
    const p = finite(r.probability, 'probability');
    if (p < 0 || p > 1) throw new ForecastInputError('probability', `risk ${r.id}: probability must be 0–1`);
    riskP[i] = p;
    riskDays[i] = Math.max(0, finite(r.scheduleImpactDays ?? 0, 'scheduleImpactDays'));
    riskCost[i] = Math.max(0, finite(r.costImpactMinor ?? 0, 'costImpactMinor'));
  });

  return {
    count: n,
    ids,
    names,
    durA,
    durC,
    durB,
    release,
    costA,
    costC,
    costB,
    spent,
    inOffset,
    inFrom,
    inType,
    inLag,
    riskIds: risks.map((r) => r.id),
    riskNames: risks.map((r) => r.name ?? r.id),
    riskP,
    riskDays,
    riskCost,
  };
}

/**
 * The chance a risk occurs when no percentage is recorded: the midpoint of its rating's band on an
 * n-level scale, (2r − 1) / 2n — on the 1–5 scale 10 %, 30 %, 50 %, 70 %, 90 %.
 */
export function riskProbabilityFromRating(rating: number, levels = 5): number {
  const r = Math.min(levels, Math.max(1, Math.round(rating)));
  return (2 * r - 1) / (2 * levels);
}
