import { NO_TIME_MAX, NO_TIME_MIN } from './local-time.ts';
import type { CompiledNetwork } from './network.ts';
import { C_ALAP, NODE_LEAF, NODE_SUMMARY_IN, NODE_SUMMARY_OUT, refreshNodeFlags } from './network.ts';
import {
  computeBackwardNode,
  computeFloatNode,
  computeForwardNode,
  scheduleCompiledNetwork,
} from './passes.ts';
import type { ConstraintType } from './schedule-model.ts';

/** A change to one task of a compiled network. */
export type TaskEdit = {
  readonly durationMinutes?: number;
  readonly constraint?: { readonly type: ConstraintType; readonly date?: number };
  readonly actualStart?: number | null;
  readonly actualFinish?: number | null;
  readonly remainingMinutes?: number | null;
};

/** What one propagation touched. */
export type PropagationResult = {
  /** Nodes whose early or late dates changed. */
  readonly changedNodes: readonly number[];
  readonly visitedNodes: number;
};

/** Values of a node before a propagation, to undo it (impact queries). */
type JournalEntry = {
  node: number;
  es: number;
  ef: number;
  ls: number;
  lf: number;
  tf: number;
  ff: number;
  sb: number;
  fb: number;
  lsb: number;
  lfb: number;
  conflict: number;
};

const CODES: Readonly<Record<ConstraintType, number>> = {
  ASAP: 0,
  ALAP: 1,
  SNET: 2,
  SNLT: 3,
  FNET: 4,
  FNLT: 5,
  MSO: 6,
  MFO: 7,
};

/** A binary heap of node indices (min-heap, or max-heap with `max`), with membership flags. */
class NodeHeap {
  private items: number[] = [];
  private readonly member: Uint8Array;
  private readonly max: boolean;
  constructor(size: number, max: boolean) {
    this.member = new Uint8Array(size);
    this.max = max;
  }
  get size(): number {
    return this.items.length;
  }
  private before(a: number, b: number): boolean {
    return this.max ? a > b : a < b;
  }
  push(n: number): void {
    if (this.member[n]) return;
    this.member[n] = 1;
    const items = this.items;
    items.push(n);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pv = items[parent] as number;
      if (!this.before(n, pv)) break;
      items[i] = pv;
      i = parent;
    }
    items[i] = n;
  }
  pop(): number {
    const items = this.items;
    const top = items[0] as number;
    const last = items.pop() as number;
    this.member[top] = 0;
    if (items.length > 0) {
      let i = 0;
      const len = items.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= len) break;
        const r = l + 1;
        let c = l;
        if (r < len && this.before(items[r] as number, items[l] as number)) c = r;
        if (!this.before(items[c] as number, last)) break;
        items[i] = items[c] as number;
        i = c;
      }
      items[i] = last;
    }
    return top;
  }
}

type Workspace = { forward: NodeHeap; backward: NodeHeap; touched: Uint8Array };
const workspaces = new WeakMap<CompiledNetwork, Workspace>();

function workspaceOf(net: CompiledNetwork): Workspace {
  let ws = workspaces.get(net);
  if (!ws) {
    ws = {
      forward: new NodeHeap(net.nodeCount, false),
      backward: new NodeHeap(net.nodeCount, true),
      touched: new Uint8Array(net.nodeCount),
    };
    workspaces.set(net, ws);
  }
  return ws;
}

/** Applies an edit to the task's node(s) without propagating it. */
export function applyTaskEdit(net: CompiledNetwork, task: number, edit: TaskEdit): void {
  const nodes = [net.taskInNode[task] as number, net.taskOutNode[task] as number];
  for (const n of new Set(nodes)) {
    if (edit.durationMinutes !== undefined && net.nodeKind[n] === NODE_LEAF) {
      const next = Math.max(0, Math.round(edit.durationMinutes));
      const rem = net.remaining[n] as number;
      // As in Project, a new duration on a started task keeps its actual part and changes the remaining part.
      if (rem >= 0 && edit.remainingMinutes === undefined) {
        const actual = Math.max(0, (net.duration[n] as number) - rem);
        net.remaining[n] = Math.max(0, next - actual);
      }
      net.duration[n] = next;
    }
    if (edit.constraint) {
      if (edit.constraint.type === 'ALAP') net.hasAlap = true;
      net.constraintType[n] = CODES[edit.constraint.type];
      net.constraintDate[n] = edit.constraint.date ?? 0;
    }
    if (edit.actualStart !== undefined) net.actualStart[n] = edit.actualStart ?? NO_TIME_MIN;
    if (edit.actualFinish !== undefined) net.actualFinish[n] = edit.actualFinish ?? NO_TIME_MIN;
    if (edit.remainingMinutes !== undefined) net.remaining[n] = edit.remainingMinutes ?? -1;
    refreshNodeFlags(net, n);
  }
}

function record(
  net: CompiledNetwork,
  journal: JournalEntry[] | undefined,
  seen: Uint8Array,
  n: number,
): void {
  if (seen[n]) return;
  seen[n] = 1;
  journal?.push({
    node: n,
    es: net.es[n] as number,
    ef: net.ef[n] as number,
    ls: net.ls[n] as number,
    lf: net.lf[n] as number,
    tf: net.tf[n] as number,
    ff: net.ff[n] as number,
    sb: net.startBound[n] as number,
    fb: net.finishBound[n] as number,
    lsb: net.lateStartBound[n] as number,
    lfb: net.lateFinishBound[n] as number,
    conflict: net.conflict[n] as number,
  });
}

/**
 * Re-propagates a scheduled network after edits to the given tasks: forward through the
 * successors whose early dates move (in topological order, via a heap), then backward through
 * the predecessors whose late dates move (including every task of a project whose finish
 * moved), then floats of everything touched. Cost follows the size of the change, not the network.
 */
export function propagateTaskChanges(
  net: CompiledNetwork,
  tasks: readonly number[],
  journal?: JournalEntry[],
): PropagationResult {
  if (net.hasAlap) return rescheduleAll(net, journal);
  const ws = workspaceOf(net);
  const { forward, backward, touched } = ws;
  const touchedList: number[] = [];
  const touch = (n: number): void => {
    if (!touched[n]) {
      record(net, journal, touched, n);
      touchedList.push(n);
    }
  };
  let visited = 0;
  for (const t of tasks) {
    forward.push(net.taskInNode[t] as number);
    backward.push(net.taskOutNode[t] as number);
    if (net.taskInNode[t] !== net.taskOutNode[t]) forward.push(net.taskOutNode[t] as number);
  }
  const changedEarly: number[] = [];
  const projectsTouched = new Set<number>();
  const projectsTouchedBackward = new Set<number>();
  for (let round = 0; round < 8 && (forward.size > 0 || backward.size > 0); round++) {
    while (forward.size > 0) {
      const n = forward.pop();
      touch(n);
      visited++;
      if (!computeForwardNode(net, n)) continue;
      changedEarly.push(n);
      projectsTouched.add(net.project[n] as number);
      const end = net.outOffset[n + 1] as number;
      for (let k = net.outOffset[n] as number; k < end; k++)
        forward.push(net.inTo[net.outEdge[k] as number] as number);
      if (net.nodeKind[n] === NODE_SUMMARY_IN) {
        const cend = net.childOffset[n + 1] as number;
        for (let k = net.childOffset[n] as number; k < cend; k++) forward.push(net.children[k] as number);
      }
      const po = net.parentOut[n] as number;
      if (po >= 0 && net.nodeKind[n] !== NODE_SUMMARY_IN) forward.push(po);
    }
    // Project finishes (from-start projects) follow the latest early finish.
    for (const p of projectsTouched) {
      if (net.projectFromFinish[p] === 1) continue;
      let f = NO_TIME_MIN;
      const end = net.projectNodeOffset[p + 1] as number;
      for (let k = net.projectNodeOffset[p] as number; k < end; k++) {
        const n = net.projectNodes[k] as number;
        if (net.nodeKind[n] === NODE_LEAF && (net.ef[n] as number) > f) f = net.ef[n] as number;
      }
      if (f !== net.projectFinish[p]) {
        net.projectFinish[p] = f;
        for (let k = net.projectNodeOffset[p] as number; k < end; k++) {
          const n = net.projectNodes[k] as number;
          if (net.nodeKind[n] !== NODE_SUMMARY_IN) backward.push(n);
        }
      }
    }
    projectsTouched.clear();
    const alapToRedo: number[] = [];
    while (backward.size > 0) {
      const n = backward.pop();
      touch(n);
      visited++;
      if (!computeBackwardNode(net, n)) continue;
      projectsTouchedBackward.add(net.project[n] as number);
      if (net.hasAlap && net.alapPhase && net.constraintType[n] === C_ALAP) alapToRedo.push(n);
      const end = net.inOffset[n + 1] as number;
      for (let e = net.inOffset[n] as number; e < end; e++) backward.push(net.inFrom[e] as number);
      if (net.nodeKind[n] === NODE_SUMMARY_OUT) {
        const cend = net.childOffset[n + 1] as number;
        for (let k = net.childOffset[n] as number; k < cend; k++) backward.push(net.children[k] as number);
      }
      const pi = net.parentIn[n] as number;
      if (pi >= 0 && net.nodeKind[n] !== NODE_SUMMARY_OUT) backward.push(pi);
    }
    for (const n of alapToRedo) forward.push(n);
    // Projects scheduled from their finish start at their earliest late start.
    for (const p of projectsTouchedBackward) {
      if (net.projectFromFinish[p] !== 1) continue;
      let s = NO_TIME_MAX;
      const end = net.projectNodeOffset[p + 1] as number;
      for (let k = net.projectNodeOffset[p] as number; k < end; k++) {
        const n = net.projectNodes[k] as number;
        if (net.nodeKind[n] === NODE_LEAF && (net.ls[n] as number) < s) s = net.ls[n] as number;
      }
      if (s === NO_TIME_MAX) s = net.projectFinishInput[p] as number;
      if (s !== net.projectStart[p]) {
        net.projectStart[p] = s;
        for (let k = net.projectNodeOffset[p] as number; k < end; k++)
          forward.push(net.projectNodes[k] as number);
      }
    }
    projectsTouchedBackward.clear();
  }
  // Floats: every touched node, predecessors of moved nodes (their free float) and summary ancestors.
  const floatSet = new Set<number>(touchedList);
  for (const n of changedEarly) {
    const end = net.inOffset[n + 1] as number;
    for (let e = net.inOffset[n] as number; e < end; e++) floatSet.add(net.inFrom[e] as number);
  }
  for (const n of [...floatSet]) {
    for (let p = net.parentIn[n] as number; p >= 0; p = net.parentIn[p] as number) floatSet.add(p);
  }
  const order = [...floatSet].sort((a, b) => b - a);
  for (const n of order) {
    touch(n);
    computeFloatNode(net, n);
  }
  const changed: number[] = [];
  for (const n of touchedList) touched[n] = 0;
  if (journal) {
    for (const j of journal) {
      const n = j.node;
      if (net.es[n] !== j.es || net.ef[n] !== j.ef || net.ls[n] !== j.ls || net.lf[n] !== j.lf)
        changed.push(n);
    }
  } else {
    for (const n of touchedList) changed.push(n);
  }
  return { changedNodes: changed, visitedNodes: visited };
}

/**
 * With ALAP tasks the project finish depends on where ALAP tasks sit and they sit on late dates
 * that depend on the finish; the full schedule breaks that loop with an ASAP pass first, so an
 * edit on such a network reschedules everything (exact, O(network)).
 */
function rescheduleAll(net: CompiledNetwork, journal: JournalEntry[] | undefined): PropagationResult {
  const before = {
    es: net.es.slice(),
    ef: net.ef.slice(),
    ls: net.ls.slice(),
    lf: net.lf.slice(),
  };
  if (journal) {
    const seen = new Uint8Array(net.nodeCount);
    for (let n = 0; n < net.nodeCount; n++) record(net, journal, seen, n);
  }
  scheduleCompiledNetwork(net);
  const changed: number[] = [];
  for (let n = 0; n < net.nodeCount; n++) {
    if (
      net.es[n] !== before.es[n] ||
      net.ef[n] !== before.ef[n] ||
      net.ls[n] !== before.ls[n] ||
      net.lf[n] !== before.lf[n]
    ) {
      changed.push(n);
    }
  }
  return { changedNodes: changed, visitedNodes: net.nodeCount };
}

/** Edits one task of a scheduled network and re-propagates only what the edit moves. */
export function editTask(net: CompiledNetwork, task: number, edit: TaskEdit): PropagationResult {
  applyTaskEdit(net, task, edit);
  return propagateTaskChanges(net, [task]);
}

/** Restores node values recorded in a journal (newest first wins the oldest value). */
function undoJournal(net: CompiledNetwork, journal: readonly JournalEntry[]): void {
  for (const j of journal) {
    const n = j.node;
    net.es[n] = j.es;
    net.ef[n] = j.ef;
    net.ls[n] = j.ls;
    net.lf[n] = j.lf;
    net.tf[n] = j.tf;
    net.ff[n] = j.ff;
    net.startBound[n] = j.sb;
    net.finishBound[n] = j.fb;
    net.lateStartBound[n] = j.lsb;
    net.lateFinishBound[n] = j.lfb;
    net.conflict[n] = j.conflict;
  }
}

/** Runs an edit, lets `inspect` read the moved network, then puts the network back as it was. */
export function runWithTemporaryEdit<T>(
  net: CompiledNetwork,
  task: number,
  edit: TaskEdit,
  inspect: (changedNodes: readonly number[], before: ReadonlyMap<number, JournalEntry>) => T,
): T {
  const saved = new Set([net.taskInNode[task] as number, net.taskOutNode[task] as number]);
  const savedFields = [...saved].map((n) => ({
    n,
    duration: net.duration[n] as number,
    ctype: net.constraintType[n] as number,
    cdate: net.constraintDate[n] as number,
    as: net.actualStart[n] as number,
    af: net.actualFinish[n] as number,
    rem: net.remaining[n] as number,
  }));
  const projectFinish = net.projectFinish.slice();
  const projectStart = net.projectStart.slice();
  const journal: JournalEntry[] = [];
  applyTaskEdit(net, task, edit);
  const result = propagateTaskChanges(net, [task], journal);
  const before = new Map(journal.map((j) => [j.node, j] as const));
  try {
    return inspect(result.changedNodes, before);
  } finally {
    undoJournal(net, journal);
    net.projectFinish.set(projectFinish);
    net.projectStart.set(projectStart);
    for (const f of savedFields) {
      net.duration[f.n] = f.duration;
      net.constraintType[f.n] = f.ctype;
      net.constraintDate[f.n] = f.cdate;
      net.actualStart[f.n] = f.as;
      net.actualFinish[f.n] = f.af;
      net.remaining[f.n] = f.rem;
      refreshNodeFlags(net, f.n);
    }
  }
}

export type { JournalEntry };
