import { NO_TIME_MIN } from './local-time.ts';
import type { CompiledNetwork } from './network.ts';
import { LINK_FF, LINK_FS, LINK_SS, NODE_LEAF } from './network.ts';
import { applyLag, computeEdgeSlack } from './passes.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { getWorkPosition } from './work-calendar.ts';

/** Tells whether a node is a critical task (total float at or below the threshold, not finished). */
export function isCriticalNode(net: CompiledNetwork, n: number): boolean {
  const leaf = net.nodeKind[n] === NODE_LEAF;
  if (leaf && (net.actualFinish[n] as number) > NO_TIME_MIN) return false;
  return (net.tf[n] as number) <= net.criticalFloat;
}

function leavesUnder(net: CompiledNetwork, n: number, out: number[]): void {
  if (net.nodeKind[n] === NODE_LEAF) {
    out.push(n);
    return;
  }
  const end = net.childOffset[n + 1] as number;
  for (let k = net.childOffset[n] as number; k < end; k++) leavesUnder(net, net.children[k] as number, out);
}

function edgeSlackBetween(net: CompiledNetwork, e: number, a: number, b: number): number {
  const type = net.inType[e] as number;
  const base = type === LINK_FS || type === LINK_FF ? (net.ef[a] as number) : (net.es[a] as number);
  const required = applyLag(net, e, base, a, b);
  const actual = type === LINK_FS || type === LINK_SS ? (net.es[b] as number) : (net.ef[b] as number);
  const cal = net.calendars[net.calendar[a] as number] as WorkCalendar;
  return getWorkPosition(cal, actual) - getWorkPosition(cal, required);
}

/**
 * Lists critical paths as chains of task indices: each starts at a critical task no critical
 * link drives and follows driving links (zero slack) between critical tasks to a task that
 * drives nothing further. Links on summaries are expanded to their critical leaf tasks. At most
 * `maxPaths` paths are listed; parallel critical paths each appear.
 */
export function findCriticalPaths(net: CompiledNetwork, maxPaths: number): number[][] {
  const next = new Map<number, number[]>();
  const hasPred = new Set<number>();
  const critical = new Set<number>();
  for (let n = 0; n < net.nodeCount; n++) {
    if (net.nodeKind[n] === NODE_LEAF && isCriticalNode(net, n)) critical.add(n);
  }
  if (critical.size === 0) return [];
  const edgeCount = net.inFrom.length;
  for (let e = 0; e < edgeCount; e++) {
    const src = net.inFrom[e] as number;
    const dst = net.inTo[e] as number;
    const cal = net.calendars[net.calendar[src] as number] as WorkCalendar;
    if (computeEdgeSlack(net, e, cal) > net.criticalFloat) continue;
    const leafPair = net.nodeKind[src] === NODE_LEAF && net.nodeKind[dst] === NODE_LEAF;
    const from: number[] = [];
    const to: number[] = [];
    leavesUnder(net, src, from);
    leavesUnder(net, dst, to);
    for (const a of from) {
      if (!critical.has(a)) continue;
      for (const b of to) {
        if (!critical.has(b)) continue;
        // Through a summary, keep only the leaves the link really drives (zero slack between them).
        if (!leafPair && edgeSlackBetween(net, e, a, b) > net.criticalFloat) continue;
        const list = next.get(a);
        if (list) {
          if (!list.includes(b)) list.push(b);
        } else next.set(a, [b]);
        hasPred.add(b);
      }
    }
  }
  const starts = [...critical].filter((n) => !hasPred.has(n)).sort((a, b) => a - b);
  const paths: number[][] = [];
  for (const s of starts) {
    // Iterative DFS keeping the current path; each leaf of the walk closes one path.
    const stack: { node: number; i: number }[] = [{ node: s, i: 0 }];
    const path = [s];
    while (stack.length > 0 && paths.length < maxPaths) {
      const top = stack[stack.length - 1] as { node: number; i: number };
      const succ = next.get(top.node) ?? [];
      if (succ.length === 0) {
        paths.push(path.map((n) => net.nodeTask[n] as number));
        stack.pop();
        path.pop();
        continue;
      }
      if (top.i >= succ.length) {
        stack.pop();
        path.pop();
        continue;
      }
      const nxt = succ[top.i] as number;
      top.i++;
      stack.push({ node: nxt, i: 0 });
      path.push(nxt);
    }
    if (paths.length >= maxPaths) break;
  }
  return paths;
}
