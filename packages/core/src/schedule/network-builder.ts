import { NO_TIME_MAX, NO_TIME_MIN } from './local-time.ts';
import type { CompiledNetwork } from './network.ts';
import { C_ALAP, NODE_LEAF, NODE_SUMMARY_IN, NODE_SUMMARY_OUT, refreshNodeFlags } from './network.ts';
import type { WorkCalendar } from './work-calendar.ts';

/** A growable typed array: large portfolios are built without boxing a million numbers. */
export class GrowableArray<T extends Int32Array | Float64Array> {
  data: T;
  length = 0;
  private readonly make: (n: number) => T;
  constructor(make: (n: number) => T, capacity = 1024) {
    this.make = make;
    this.data = make(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  /** Returns the value at i (0 when out of range). */
  at(i: number): number {
    return this.data[i] ?? 0;
  }
}

const ints = (): GrowableArray<Int32Array> => new GrowableArray((n) => new Int32Array(n));
const floats = (): GrowableArray<Float64Array> => new GrowableArray((n) => new Float64Array(n));

/**
 * Collects a network with integer indices (no string look-ups), for callers that build large
 * portfolios directly. `compileScheduleInput` uses it for the object-level API.
 */
export type NetworkBuilder = {
  readonly calendars: WorkCalendar[];
  readonly criticalFloat: number;
  readonly rescheduleAfterStatus: boolean;
  readonly honorConstraints: boolean;
  readonly projectIds: string[];
  readonly projectCalendar: number[];
  readonly projectFromFinish: boolean[];
  readonly projectStart: number[];
  readonly projectFinish: number[];
  readonly projectStatusDate: number[];
  readonly taskIds: string[];
  readonly taskProject: GrowableArray<Int32Array>;
  readonly taskParent: GrowableArray<Int32Array>;
  readonly duration: GrowableArray<Int32Array>;
  readonly calendar: GrowableArray<Int32Array>;
  readonly lagCalendar: GrowableArray<Int32Array>;
  readonly constraintType: GrowableArray<Int32Array>;
  readonly constraintDate: GrowableArray<Int32Array>;
  readonly deadline: GrowableArray<Int32Array>;
  readonly actualStart: GrowableArray<Int32Array>;
  readonly actualFinish: GrowableArray<Int32Array>;
  readonly remaining: GrowableArray<Int32Array>;
  readonly milestone: GrowableArray<Int32Array>;
  readonly linkFrom: GrowableArray<Int32Array>;
  readonly linkTo: GrowableArray<Int32Array>;
  readonly linkType: GrowableArray<Int32Array>;
  readonly linkLagKind: GrowableArray<Int32Array>;
  readonly linkLag: GrowableArray<Float64Array>;
};

/** Fields of one task for `addBuilderTask`; indices refer to the builder's calendars and projects. */
export type BuilderTask = {
  id: string;
  project: number;
  parent?: number;
  duration: number;
  calendar: number;
  lagCalendar: number;
  constraintType?: number;
  constraintDate?: number;
  deadline?: number;
  actualStart?: number;
  actualFinish?: number;
  remaining?: number;
  milestone?: boolean;
};

/** Creates an empty builder over compiled calendars. */
export function createNetworkBuilder(
  calendars: WorkCalendar[],
  options: { criticalFloat?: number; rescheduleAfterStatus?: boolean; honorConstraints?: boolean } = {},
): NetworkBuilder {
  return {
    calendars,
    criticalFloat: options.criticalFloat ?? 0,
    rescheduleAfterStatus: options.rescheduleAfterStatus ?? false,
    honorConstraints: options.honorConstraints ?? true,
    projectIds: [],
    projectCalendar: [],
    projectFromFinish: [],
    projectStart: [],
    projectFinish: [],
    projectStatusDate: [],
    taskIds: [],
    taskProject: ints(),
    taskParent: ints(),
    duration: ints(),
    calendar: ints(),
    lagCalendar: ints(),
    constraintType: ints(),
    constraintDate: ints(),
    deadline: ints(),
    actualStart: ints(),
    actualFinish: ints(),
    remaining: ints(),
    milestone: ints(),
    linkFrom: ints(),
    linkTo: ints(),
    linkType: ints(),
    linkLagKind: ints(),
    linkLag: floats(),
  };
}

/** Adds a project and returns its index. */
export function addBuilderProject(
  b: NetworkBuilder,
  p: {
    id: string;
    calendar: number;
    fromFinish: boolean;
    start?: number;
    finish?: number;
    statusDate?: number;
  },
): number {
  b.projectIds.push(p.id);
  b.projectCalendar.push(p.calendar);
  b.projectFromFinish.push(p.fromFinish);
  b.projectStart.push(p.start ?? NO_TIME_MIN);
  b.projectFinish.push(p.finish ?? NO_TIME_MAX);
  b.projectStatusDate.push(p.statusDate ?? NO_TIME_MIN);
  return b.projectIds.length - 1;
}

/** Adds a task and returns its index. */
export function addBuilderTask(b: NetworkBuilder, t: BuilderTask): number {
  b.taskIds.push(t.id);
  b.taskProject.push(t.project);
  b.taskParent.push(t.parent ?? -1);
  b.duration.push(t.duration);
  b.calendar.push(t.calendar);
  b.lagCalendar.push(t.lagCalendar);
  b.constraintType.push(t.constraintType ?? 0);
  b.constraintDate.push(t.constraintDate ?? 0);
  b.deadline.push(t.deadline ?? NO_TIME_MAX);
  b.actualStart.push(t.actualStart ?? NO_TIME_MIN);
  b.actualFinish.push(t.actualFinish ?? NO_TIME_MIN);
  b.remaining.push(t.remaining ?? -1);
  b.milestone.push(t.milestone ? 1 : 0);
  return b.taskIds.length - 1;
}

/** Adds a link between task indices: type 0 FS 1 SS 2 FF 3 SF; lag kind 0 working 1 elapsed 2 % 3 e%. */
export function addBuilderLink(
  b: NetworkBuilder,
  from: number,
  to: number,
  type: number,
  lagKind = 0,
  lag = 0,
): void {
  b.linkFrom.push(from);
  b.linkTo.push(to);
  b.linkType.push(type);
  b.linkLagKind.push(lagKind);
  b.linkLag.push(lag);
}

/** What `buildNetwork` returns: the compiled network, or the cycles (as task indices) that prevent it. */
export type BuildResult =
  | { readonly ok: true; readonly network: CompiledNetwork }
  | { readonly ok: false; readonly cycles: readonly (readonly number[])[] };

/** Compiles a builder into the typed-array network in topological order, or reports its cycles. */
export function buildNetwork(b: NetworkBuilder): BuildResult {
  const taskCount = b.taskIds.length;
  const childCount = new Int32Array(taskCount);
  for (let t = 0; t < taskCount; t++) {
    const p = b.taskParent.data[t] as number;
    if (p >= 0) childCount[p] = (childCount[p] as number) + 1;
  }
  // Provisional node ids: a summary gets an in-node and an out-node.
  const inNodeOf = new Int32Array(taskCount);
  const outNodeOf = new Int32Array(taskCount);
  let nodeCount = 0;
  for (let t = 0; t < taskCount; t++) {
    inNodeOf[t] = nodeCount++;
    outNodeOf[t] = (childCount[t] as number) > 0 ? nodeCount++ : (inNodeOf[t] as number);
  }
  const nodeTaskP = new Int32Array(nodeCount);
  for (let t = 0; t < taskCount; t++) {
    nodeTaskP[inNodeOf[t] as number] = t;
    nodeTaskP[outNodeOf[t] as number] = t;
  }
  // Graph for ordering: links plus hierarchy edges (parent-in → child-in, child-out → parent-out).
  const linkCount = b.linkFrom.length;
  let relations = 0;
  for (let t = 0; t < taskCount; t++) if ((b.taskParent.data[t] as number) >= 0) relations++;
  const edgeSrc = new Int32Array(linkCount + 2 * relations);
  const edgeDst = new Int32Array(linkCount + 2 * relations);
  for (let e = 0; e < linkCount; e++) {
    edgeSrc[e] = outNodeOf[b.linkFrom.data[e] as number] as number;
    edgeDst[e] = inNodeOf[b.linkTo.data[e] as number] as number;
  }
  let ei = linkCount;
  for (let t = 0; t < taskCount; t++) {
    const p = b.taskParent.data[t] as number;
    if (p < 0) continue;
    edgeSrc[ei] = inNodeOf[p] as number;
    edgeDst[ei++] = inNodeOf[t] as number;
    edgeSrc[ei] = outNodeOf[t] as number;
    edgeDst[ei++] = outNodeOf[p] as number;
  }
  // A summary's own in-node precedes its out-node even when it has no children edges left.
  const m = edgeSrc.length;
  const adjStart = new Int32Array(nodeCount + 1);
  const indeg = new Int32Array(nodeCount);
  for (let e = 0; e < m; e++) {
    const s = edgeSrc[e] as number;
    adjStart[s + 1] = (adjStart[s + 1] as number) + 1;
    const d = edgeDst[e] as number;
    indeg[d] = (indeg[d] as number) + 1;
  }
  for (let i = 0; i < nodeCount; i++) adjStart[i + 1] = (adjStart[i + 1] as number) + (adjStart[i] as number);
  const adj = new Int32Array(m);
  const fillPos = adjStart.slice(0, nodeCount);
  for (let e = 0; e < m; e++) {
    const s = edgeSrc[e] as number;
    adj[fillPos[s] as number] = edgeDst[e] as number;
    fillPos[s] = (fillPos[s] as number) + 1;
  }
  // Kahn's algorithm taking the lowest-numbered ready node first (a min-heap): the order stays
  // as close to the input order as the links allow, so tasks of one project stay together in
  // memory and a sweep reads its predecessors from cache.
  const order = new Int32Array(nodeCount);
  const heap = new Int32Array(nodeCount);
  let hs = 0;
  const heapPush = (v: number): void => {
    let i = hs++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pv = heap[parent] as number;
      if (pv <= v) break;
      heap[i] = pv;
      i = parent;
    }
    heap[i] = v;
  };
  const heapPop = (): number => {
    const top = heap[0] as number;
    const last = heap[--hs] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= hs) break;
      const r = l + 1;
      const c = r < hs && (heap[r] as number) < (heap[l] as number) ? r : l;
      if ((heap[c] as number) >= last) break;
      heap[i] = heap[c] as number;
      i = c;
    }
    if (hs > 0) heap[i] = last;
    return top;
  };
  let placed = 0;
  let deg = indeg;
  // Inputs are usually already in order (links point forward): then the order is the identity.
  let forwardOnly = true;
  for (let e = 0; e < m && forwardOnly; e++)
    if ((edgeSrc[e] as number) >= (edgeDst[e] as number)) forwardOnly = false;
  if (forwardOnly) {
    for (let i = 0; i < nodeCount; i++) order[i] = i;
    placed = nodeCount;
  } else {
    for (let i = 0; i < nodeCount; i++) if (indeg[i] === 0) heapPush(i);
    deg = indeg.slice();
    while (hs > 0) {
      const v = heapPop();
      order[placed++] = v;
      const end = adjStart[v + 1] as number;
      for (let k = adjStart[v] as number; k < end; k++) {
        const w = adj[k] as number;
        const left = (deg[w] as number) - 1;
        deg[w] = left;
        if (left === 0) heapPush(w);
      }
    }
  }
  if (placed < nodeCount) {
    return { ok: false, cycles: findCycles(nodeCount, adjStart, adj, deg, nodeTaskP) };
  }
  const pos = new Int32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) pos[order[i] as number] = i;

  const nodeTask = new Int32Array(nodeCount);
  const nodeKind = new Uint8Array(nodeCount);
  const partner = new Int32Array(nodeCount).fill(-1);
  const parentIn = new Int32Array(nodeCount).fill(-1);
  const parentOut = new Int32Array(nodeCount).fill(-1);
  const project = new Int32Array(nodeCount);
  const duration = new Int32Array(nodeCount);
  const calendar = new Uint16Array(nodeCount);
  const lagCalendar = new Uint16Array(nodeCount);
  const constraintType = new Uint8Array(nodeCount);
  const constraintDate = new Int32Array(nodeCount);
  const deadline = new Int32Array(nodeCount);
  const actualStart = new Int32Array(nodeCount);
  const actualFinish = new Int32Array(nodeCount);
  const remaining = new Int32Array(nodeCount);
  const milestoneFlag = new Uint8Array(nodeCount);
  const taskInNode = new Int32Array(taskCount);
  const taskOutNode = new Int32Array(taskCount);
  let hasAlap = false;
  for (let t = 0; t < taskCount; t++) {
    const inN = pos[inNodeOf[t] as number] as number;
    const outN = pos[outNodeOf[t] as number] as number;
    taskInNode[t] = inN;
    taskOutNode[t] = outN;
    const summary = (childCount[t] as number) > 0;
    const p = b.taskParent.data[t] as number;
    for (let half = 0; half < (summary ? 2 : 1); half++) {
      const n = half === 0 ? inN : outN;
      nodeTask[n] = t;
      project[n] = b.taskProject.data[t] as number;
      duration[n] = summary ? 0 : Math.max(0, Math.round(b.duration.data[t] as number));
      calendar[n] = b.calendar.data[t] as number;
      lagCalendar[n] = b.lagCalendar.data[t] as number;
      constraintType[n] = b.constraintType.data[t] as number;
      constraintDate[n] = b.constraintDate.data[t] as number;
      deadline[n] = b.deadline.data[t] as number;
      actualStart[n] = b.actualStart.data[t] as number;
      actualFinish[n] = b.actualFinish.data[t] as number;
      remaining[n] = b.remaining.data[t] as number;
      milestoneFlag[n] = b.milestone.data[t] as number;
      if (p >= 0) {
        parentIn[n] = pos[inNodeOf[p] as number] as number;
        parentOut[n] = pos[outNodeOf[p] as number] as number;
      }
    }
    if (summary) {
      nodeKind[inN] = NODE_SUMMARY_IN;
      nodeKind[outN] = NODE_SUMMARY_OUT;
      partner[inN] = outN;
      partner[outN] = inN;
    } else {
      nodeKind[inN] = NODE_LEAF;
      if ((b.constraintType.data[t] as number) === C_ALAP) hasAlap = true;
    }
  }
  // Children CSR per summary node.
  const childOffset = new Int32Array(nodeCount + 1);
  for (let t = 0; t < taskCount; t++) {
    const p = b.taskParent.data[t] as number;
    if (p < 0) continue;
    const pin = pos[inNodeOf[p] as number] as number;
    const pout = pos[outNodeOf[p] as number] as number;
    childOffset[pin + 1] = (childOffset[pin + 1] as number) + 1;
    childOffset[pout + 1] = (childOffset[pout + 1] as number) + 1;
  }
  for (let i = 0; i < nodeCount; i++)
    childOffset[i + 1] = (childOffset[i + 1] as number) + (childOffset[i] as number);
  const children = new Int32Array(childOffset[nodeCount] as number);
  const cfill = childOffset.slice(0, nodeCount);
  for (let t = 0; t < taskCount; t++) {
    const p = b.taskParent.data[t] as number;
    if (p < 0) continue;
    const pin = pos[inNodeOf[p] as number] as number;
    const pout = pos[outNodeOf[p] as number] as number;
    children[cfill[pin] as number] = taskInNode[t] as number;
    cfill[pin] = (cfill[pin] as number) + 1;
    children[cfill[pout] as number] = taskOutNode[t] as number;
    cfill[pout] = (cfill[pout] as number) + 1;
  }
  // Link CSR by successor node, plus an index by predecessor node.
  const inOffset = new Int32Array(nodeCount + 1);
  const outOffset = new Int32Array(nodeCount + 1);
  for (let e = 0; e < linkCount; e++) {
    const to = taskInNode[b.linkTo.data[e] as number] as number;
    const from = taskOutNode[b.linkFrom.data[e] as number] as number;
    inOffset[to + 1] = (inOffset[to + 1] as number) + 1;
    outOffset[from + 1] = (outOffset[from + 1] as number) + 1;
  }
  for (let i = 0; i < nodeCount; i++) {
    inOffset[i + 1] = (inOffset[i + 1] as number) + (inOffset[i] as number);
    outOffset[i + 1] = (outOffset[i + 1] as number) + (outOffset[i] as number);
  }
  const inFrom = new Int32Array(linkCount);
  const inTo = new Int32Array(linkCount);
  const inType = new Uint8Array(linkCount);
  const inLagKind = new Uint8Array(linkCount);
  const inLag = new Float64Array(linkCount);
  const outEdge = new Int32Array(linkCount);
  const ifill = inOffset.slice(0, nodeCount);
  for (let e = 0; e < linkCount; e++) {
    const to = taskInNode[b.linkTo.data[e] as number] as number;
    const k = ifill[to] as number;
    ifill[to] = k + 1;
    inFrom[k] = taskOutNode[b.linkFrom.data[e] as number] as number;
    inTo[k] = to;
    inType[k] = b.linkType.data[e] as number;
    inLagKind[k] = b.linkLagKind.data[e] as number;
    inLag[k] = b.linkLag.data[e] as number;
  }
  const ofill = outOffset.slice(0, nodeCount);
  for (let k = 0; k < linkCount; k++) {
    const from = inFrom[k] as number;
    outEdge[ofill[from] as number] = k;
    ofill[from] = (ofill[from] as number) + 1;
  }
  const projectCount = b.projectIds.length;
  const projectNodeOffset = new Int32Array(projectCount + 1);
  for (let n = 0; n < nodeCount; n++) {
    const p = project[n] as number;
    projectNodeOffset[p + 1] = (projectNodeOffset[p + 1] as number) + 1;
  }
  for (let p = 0; p < projectCount; p++) {
    projectNodeOffset[p + 1] = (projectNodeOffset[p + 1] as number) + (projectNodeOffset[p] as number);
  }
  const projectNodes = new Int32Array(nodeCount);
  const pfill = projectNodeOffset.slice(0, projectCount);
  for (let n = 0; n < nodeCount; n++) {
    const p = project[n] as number;
    projectNodes[pfill[p] as number] = n;
    pfill[p] = (pfill[p] as number) + 1;
  }
  const network: CompiledNetwork = {
    nodeCount,
    taskIds: b.taskIds,
    taskOutNode,
    taskInNode,
    nodeTask,
    nodeKind,
    partner,
    parentIn,
    parentOut,
    childOffset,
    children,
    project,
    duration,
    calendar,
    lagCalendar,
    constraintType,
    constraintDate,
    deadline,
    actualStart,
    actualFinish,
    remaining,
    milestoneFlag,
    flags: new Uint8Array(nodeCount),
    inOffset,
    inFrom,
    inTo,
    inType,
    inLagKind,
    inLag,
    outOffset,
    outEdge,
    projectIds: b.projectIds,
    projectFromFinish: Uint8Array.from(b.projectFromFinish, (x) => (x ? 1 : 0)),
    projectCalendar: Uint16Array.from(b.projectCalendar),
    projectStartInput: Int32Array.from(b.projectStart),
    projectFinishInput: Int32Array.from(b.projectFinish),
    projectStatusDate: Int32Array.from(b.projectStatusDate),
    projectNodeOffset,
    projectNodes,
    calendars: b.calendars,
    criticalFloat: b.criticalFloat,
    rescheduleAfterStatus: b.rescheduleAfterStatus,
    honorConstraints: b.honorConstraints,
    hasAlap,
    hasFromFinish: b.projectFromFinish.some((x) => x),
    es: new Int32Array(nodeCount),
    ef: new Int32Array(nodeCount),
    ls: new Int32Array(nodeCount),
    lf: new Int32Array(nodeCount),
    tf: new Int32Array(nodeCount),
    ff: new Int32Array(nodeCount),
    wEf: new Float64Array(nodeCount).fill(Number.NaN),
    wLs: new Float64Array(nodeCount).fill(Number.NaN),
    startBound: new Int32Array(nodeCount),
    finishBound: new Int32Array(nodeCount),
    lateStartBound: new Int32Array(nodeCount),
    lateFinishBound: new Int32Array(nodeCount),
    conflict: new Int32Array(nodeCount),
    projectStart: new Int32Array(projectCount),
    projectFinish: new Int32Array(projectCount),
    alapPhase: false,
  };
  for (let n = 0; n < nodeCount; n++) refreshNodeFlags(network, n);
  return { ok: true, network };
}

/**
 * Finds the strongly connected components left after a failed topological sort (Tarjan,
 * iterative) and returns each one with more than one task, or a task linked to itself, as
 * sorted task indices.
 */
function findCycles(
  nodeCount: number,
  adjStart: Int32Array,
  adj: Int32Array,
  remainingDeg: Int32Array,
  nodeTask: Int32Array,
): number[][] {
  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const sccStack: number[] = [];
  const callStack: number[] = [];
  const edgePos = new Int32Array(nodeCount);
  let counter = 0;
  const cycles: number[][] = [];
  for (let root = 0; root < nodeCount; root++) {
    if ((remainingDeg[root] as number) === 0 || (index[root] as number) >= 0) continue;
    callStack.push(root);
    index[root] = counter;
    low[root] = counter++;
    edgePos[root] = adjStart[root] as number;
    sccStack.push(root);
    onStack[root] = 1;
    while (callStack.length > 0) {
      const v = callStack[callStack.length - 1] as number;
      const k = edgePos[v] as number;
      if (k < (adjStart[v + 1] as number)) {
        edgePos[v] = k + 1;
        const w = adj[k] as number;
        if ((remainingDeg[w] as number) === 0) continue;
        if ((index[w] as number) < 0) {
          index[w] = counter;
          low[w] = counter++;
          edgePos[w] = adjStart[w] as number;
          sccStack.push(w);
          onStack[w] = 1;
          callStack.push(w);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, index[w] as number);
        }
        continue;
      }
      callStack.pop();
      const parent = callStack[callStack.length - 1];
      if (parent !== undefined) low[parent] = Math.min(low[parent] as number, low[v] as number);
      if (low[v] === index[v]) {
        const members: number[] = [];
        for (;;) {
          const w = sccStack.pop() as number;
          onStack[w] = 0;
          members.push(w);
          if (w === v) break;
        }
        let selfLoop = false;
        if (members.length === 1) {
          for (let j = adjStart[v] as number; j < (adjStart[v + 1] as number); j++)
            if (adj[j] === v) selfLoop = true;
        }
        const tasks = [...new Set(members.map((n) => nodeTask[n] as number))].sort((a, b) => a - b);
        if (members.length > 1 || selfLoop) cycles.push(tasks);
      }
    }
  }
  return cycles;
}
