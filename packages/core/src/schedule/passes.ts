import { NO_TIME_MAX, NO_TIME_MIN } from './local-time.ts';
import type { CompiledNetwork } from './network.ts';
import {
  C_ALAP,
  C_FNET,
  C_FNLT,
  C_MFO,
  C_MSO,
  C_SNET,
  C_SNLT,
  LAG_ELAPSED,
  LAG_ELAPSED_PERCENT,
  LAG_PERCENT,
  LINK_FF,
  LINK_FS,
  LINK_SS,
  NODE_LEAF,
  NODE_SUMMARY_IN,
  NODE_SUMMARY_OUT,
} from './network.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { findFinishAtWork, findStartAtWork, getWorkPosition, snapMilestoneForward } from './work-calendar.ts';

const HALF_MIN = NO_TIME_MIN / 2;
const HALF_MAX = NO_TIME_MAX / 2;

/** Lag in minutes of edge e (percent lags are a share of the predecessor's duration). */
function lagMinutes(net: CompiledNetwork, e: number, src: number): number {
  const v = net.inLag[e] as number;
  const kind = net.inLagKind[e] as number;
  if (kind !== LAG_PERCENT && kind !== LAG_ELAPSED_PERCENT) return v;
  let d = net.duration[src] as number;
  if (net.nodeKind[src] === NODE_SUMMARY_OUT) {
    const cal = net.calendars[net.calendar[src] as number] as WorkCalendar;
    d = getWorkPosition(cal, net.ef[src] as number) - getWorkPosition(cal, net.es[src] as number);
  }
  return Math.round((v * d) / 100);
}

/** The date a link asks of its successor: base date of the predecessor moved by the lag. */
export function applyLag(net: CompiledNetwork, e: number, base: number, src: number, dst: number): number {
  if (net.inLag[e] === 0 || base <= HALF_MIN || base >= HALF_MAX) return base;
  const lag = lagMinutes(net, e, src);
  if (lag === 0) return base;
  const kind = net.inLagKind[e] as number;
  if (kind === LAG_ELAPSED || kind === LAG_ELAPSED_PERCENT) return base + lag;
  const cal = net.calendars[net.lagCalendar[dst] as number] as WorkCalendar;
  const w = getWorkPosition(cal, base) + lag;
  return lag > 0 ? findFinishAtWork(cal, w) : findStartAtWork(cal, w);
}

/**
 * The latest date of the predecessor's side of link e that still lets the successor keep its
 * late date `late`. Links are honoured in the successor's working time (a finish at 17:00 and a
 * start at 08:00 next morning are the same working instant), so the late date first moves to
 * the last instant with the same working time, then the lag is taken off.
 */
function unapplyLag(net: CompiledNetwork, e: number, late: number, src: number, dst: number): number {
  if (late <= HALF_MIN || late >= HALF_MAX) return late;
  let bound = late;
  if ((net.inType[e] as number) >= LINK_FF || net.duration[dst] === 0 || net.nodeKind[dst] !== NODE_LEAF) {
    const cs = net.calendars[net.calendar[dst] as number] as WorkCalendar;
    bound = findStartAtWork(cs, getWorkPosition(cs, bound));
  }
  if (net.inLag[e] === 0) return bound;
  const lag = lagMinutes(net, e, src);
  if (lag === 0) return bound;
  const kind = net.inLagKind[e] as number;
  if (kind === LAG_ELAPSED || kind === LAG_ELAPSED_PERCENT) return bound - lag;
  const cal = net.calendars[net.lagCalendar[dst] as number] as WorkCalendar;
  return findStartAtWork(cal, getWorkPosition(cal, bound) - lag);
}

function startOn(cal: WorkCalendar, d: number, t: number): number {
  return d > 0 ? findStartAtWork(cal, getWorkPosition(cal, t)) : snapMilestoneForward(cal, t);
}

function startForFinish(cal: WorkCalendar, d: number, t: number): number {
  return d > 0 ? findStartAtWork(cal, getWorkPosition(cal, t) - d) : snapMilestoneForward(cal, t);
}

// Backward, a milestone also takes finish semantics: a successor's late start of Mon 08:00
// makes the milestone's late finish Fri 17:00, the same working instant.
function finishOn(cal: WorkCalendar, _d: number, t: number): number {
  return findFinishAtWork(cal, getWorkPosition(cal, t));
}

function finishForStart(cal: WorkCalendar, d: number, t: number): number {
  return findFinishAtWork(cal, getWorkPosition(cal, t) + d);
}

function rollUpForward(net: CompiledNetwork, n: number): boolean {
  let es = NO_TIME_MAX;
  let ef = NO_TIME_MIN;
  const end = net.childOffset[n + 1] as number;
  for (let k = net.childOffset[n] as number; k < end; k++) {
    const c = net.children[k] as number;
    const s = net.es[c] as number;
    const f = net.ef[c] as number;
    if (s < es) es = s;
    if (f > ef) ef = f;
  }
  const changed = net.es[n] !== es || net.ef[n] !== ef;
  net.es[n] = es;
  net.ef[n] = ef;
  const p = net.partner[n] as number;
  net.es[p] = es;
  net.ef[p] = ef;
  return changed;
}

/** Forward bounds of a summary-in node: its links and SNET/FNET, passed down to its children. */
function forwardSummaryIn(net: CompiledNetwork, n: number): boolean {
  let sb = NO_TIME_MIN;
  let fb = NO_TIME_MIN;
  const inEnd = net.inOffset[n + 1] as number;
  for (let e = net.inOffset[n] as number; e < inEnd; e++) {
    const src = net.inFrom[e] as number;
    const type = net.inType[e] as number;
    const base = type === LINK_FS || type === LINK_FF ? (net.ef[src] as number) : (net.es[src] as number);
    const t = applyLag(net, e, base, src, n);
    if (type === LINK_FS || type === LINK_SS) {
      if (t > sb) sb = t;
    } else if (t > fb) fb = t;
  }
  const parent = net.parentIn[n] as number;
  if (parent >= 0) {
    sb = Math.max(sb, net.startBound[parent] as number);
    fb = Math.max(fb, net.finishBound[parent] as number);
  }
  // Project lets summaries carry SNET/FNET; other constraints on summaries are not modelled.
  const ctype = net.constraintType[n] as number;
  const cdate = net.constraintDate[n] as number;
  if (ctype === C_SNET && cdate > sb) sb = cdate;
  if (ctype === C_FNET && cdate > fb) fb = cdate;
  const changed = net.startBound[n] !== sb || net.finishBound[n] !== fb;
  net.startBound[n] = sb;
  net.finishBound[n] = fb;
  return changed;
}

/**
 * In progress: the actual part runs from the actual start, the remaining part after it — and
 * after any predecessor that now drives it, as Project's "split in-progress tasks" does.
 */
function forwardWithProgress(
  net: CompiledNetwork,
  n: number,
  cal: WorkCalendar,
  d: number,
  sb: number,
  linkSb: number,
): void {
  const af = net.actualFinish[n] as number;
  let as = net.actualStart[n] as number;
  if (af > NO_TIME_MIN) {
    net.es[n] = as > NO_TIME_MIN ? as : af;
    net.ef[n] = af;
    return;
  }
  const rem = net.remaining[n] as number;
  if (as <= NO_TIME_MIN) as = startOn(cal, d, sb);
  const left = rem >= 0 ? Math.min(rem, d) : d;
  const done = d - left;
  let resume = done > 0 ? findFinishAtWork(cal, getWorkPosition(cal, as) + done) : as;
  if (linkSb > resume) resume = linkSb;
  const status = net.projectStatusDate[net.project[n] as number] as number;
  if (net.rescheduleAfterStatus && status > resume) resume = status;
  net.es[n] = as;
  net.ef[n] = left > 0 ? findFinishAtWork(cal, getWorkPosition(cal, resume) + left) : resume;
}

/** Applies the task's constraint to a link-driven early start; records a conflict when links lose. */
function constrainForward(
  net: CompiledNetwork,
  n: number,
  cal: WorkCalendar,
  d: number,
  linkEs: number,
): number {
  const ctype = net.constraintType[n] as number;
  const cdate = net.constraintDate[n] as number;
  const fromFinish = net.projectFromFinish[net.project[n] as number] === 1;
  let es = linkEs;
  switch (ctype) {
    case C_SNET:
      es = Math.max(es, startOn(cal, d, cdate));
      break;
    case C_FNET:
      es = Math.max(es, startForFinish(cal, d, cdate));
      break;
    case C_SNLT:
      if (!fromFinish) es = Math.min(es, startOn(cal, d, cdate));
      break;
    case C_FNLT:
      if (!fromFinish) es = Math.min(es, startForFinish(cal, d, cdate));
      break;
    case C_MSO:
      es = startOn(cal, d, cdate);
      break;
    case C_MFO:
      es = startForFinish(cal, d, cdate);
      break;
    case C_ALAP:
      if (net.alapPhase) {
        const late = net.ls[n] as number;
        if (late > es && late < HALF_MAX) es = late;
      }
      break;
  }
  if (!net.honorConstraints && es < linkEs && ctype !== C_ALAP) es = linkEs;
  net.conflict[n] = es < linkEs ? getWorkPosition(cal, linkEs) - getWorkPosition(cal, es) : 0;
  return es;
}

/**
 * Computes one node's early dates from its predecessors (already final in topological order).
 * Returns whether anything changed, for incremental propagation.
 */
export function computeForwardNode(net: CompiledNetwork, n: number): boolean {
  net.wEf[n] = Number.NaN;
  const kind = net.nodeKind[n] as number;
  if (kind !== NODE_LEAF) return kind === NODE_SUMMARY_OUT ? rollUpForward(net, n) : forwardSummaryIn(net, n);
  let linkSb = NO_TIME_MIN;
  let fb = NO_TIME_MIN;
  const inEnd = net.inOffset[n + 1] as number;
  for (let e = net.inOffset[n] as number; e < inEnd; e++) {
    const src = net.inFrom[e] as number;
    const type = net.inType[e] as number;
    let t = type === LINK_FS || type === LINK_FF ? (net.ef[src] as number) : (net.es[src] as number);
    if (net.inLag[e] !== 0) t = applyLag(net, e, t, src, n);
    if (type <= LINK_SS) {
      if (t > linkSb) linkSb = t;
    } else if (t > fb) fb = t;
  }
  const parent = net.parentIn[n] as number;
  if (parent >= 0) {
    linkSb = Math.max(linkSb, net.startBound[parent] as number);
    fb = Math.max(fb, net.finishBound[parent] as number);
  }
  const ps = net.projectStart[net.project[n] as number] as number;
  const sb = Math.max(linkSb, ps);
  const cal = net.calendars[net.calendar[n] as number] as WorkCalendar;
  const d = net.duration[n] as number;
  const oldEs = net.es[n];
  const oldEf = net.ef[n];
  if (net.actualStart[n] !== NO_TIME_MIN || net.actualFinish[n] !== NO_TIME_MIN || net.remaining[n] !== -1) {
    const rem = net.remaining[n] as number;
    if (net.actualStart[n] !== NO_TIME_MIN || net.actualFinish[n] !== NO_TIME_MIN || (rem >= 0 && rem < d)) {
      forwardWithProgress(net, n, cal, d, sb, linkSb);
      net.conflict[n] = 0;
      return oldEs !== net.es[n] || oldEf !== net.ef[n];
    }
  }
  let es: number;
  let w: number;
  if (d > 0) {
    w = getWorkPosition(cal, sb);
    if (fb > NO_TIME_MIN) {
      const wf = getWorkPosition(cal, fb) - d;
      if (wf > w) w = wf;
    }
    es = findStartAtWork(cal, w);
  } else {
    es = snapMilestoneForward(cal, sb);
    if (fb > es) es = snapMilestoneForward(cal, fb);
    w = 0;
  }
  net.conflict[n] = 0;
  if (net.constraintType[n] !== 0) {
    const c = constrainForward(net, n, cal, d, es);
    if (c !== es) {
      es = c;
      if (d > 0) w = getWorkPosition(cal, es);
    }
  }
  const ef = d > 0 ? findFinishAtWork(cal, w + d) : es;
  net.es[n] = es;
  net.ef[n] = ef;
  return oldEs !== es || oldEf !== ef;
}

function rollUpBackward(net: CompiledNetwork, n: number): boolean {
  let ls = NO_TIME_MAX;
  let lf = NO_TIME_MIN;
  const end = net.childOffset[n + 1] as number;
  for (let k = net.childOffset[n] as number; k < end; k++) {
    const c = net.children[k] as number;
    const s = net.ls[c] as number;
    const f = net.lf[c] as number;
    if (s < ls) ls = s;
    if (f > lf) lf = f;
  }
  const changed = net.ls[n] !== ls || net.lf[n] !== lf;
  net.ls[n] = ls;
  net.lf[n] = lf;
  const p = net.partner[n] as number;
  net.ls[p] = ls;
  net.lf[p] = lf;
  return changed;
}

/** Applies the task's constraint to a successor-driven late finish (see docs for the modes). */
function constrainBackward(
  net: CompiledNetwork,
  n: number,
  cal: WorkCalendar,
  d: number,
  lf: number,
): number {
  const ctype = net.constraintType[n] as number;
  const cdate = net.constraintDate[n] as number;
  const fromFinish = net.projectFromFinish[net.project[n] as number] === 1;
  switch (ctype) {
    case C_SNLT:
      return Math.min(lf, finishForStart(cal, d, startOn(cal, d, cdate)));
    case C_FNLT:
      return Math.min(lf, finishOn(cal, d, cdate));
    case C_MSO: {
      const c = finishForStart(cal, d, startOn(cal, d, cdate));
      return fromFinish ? c : Math.min(lf, c);
    }
    case C_MFO: {
      const c = finishOn(cal, d, cdate);
      return fromFinish ? c : Math.min(lf, c);
    }
    case C_SNET:
      return fromFinish ? Math.max(lf, finishForStart(cal, d, startOn(cal, d, cdate))) : lf;
    case C_FNET:
      return fromFinish ? Math.max(lf, finishOn(cal, d, cdate)) : lf;
    default:
      return lf;
  }
}

/** Backward bounds of a summary-out node: its successors and deadline, passed down to its children. */
function backwardSummaryOut(net: CompiledNetwork, n: number): boolean {
  let lfb = NO_TIME_MAX;
  let lsb = NO_TIME_MAX;
  const outEnd = net.outOffset[n + 1] as number;
  for (let k = net.outOffset[n] as number; k < outEnd; k++) {
    const e = net.outEdge[k] as number;
    const dst = net.inTo[e] as number;
    const type = net.inType[e] as number;
    const base = type === LINK_FS || type === LINK_SS ? (net.ls[dst] as number) : (net.lf[dst] as number);
    const t = unapplyLag(net, e, base, n, dst);
    if (type === LINK_FS || type === LINK_FF) {
      if (t < lfb) lfb = t;
    } else if (t < lsb) lsb = t;
  }
  const parent = net.parentOut[n] as number;
  if (parent >= 0) {
    lfb = Math.min(lfb, net.lateFinishBound[parent] as number);
    lsb = Math.min(lsb, net.lateStartBound[parent] as number);
  }
  lfb = Math.min(lfb, net.deadline[n] as number);
  const changed = net.lateFinishBound[n] !== lfb || net.lateStartBound[n] !== lsb;
  net.lateFinishBound[n] = lfb;
  net.lateStartBound[n] = lsb;
  return changed;
}

/** Computes one node's late dates from its successors (already final in reverse topological order). */
export function computeBackwardNode(net: CompiledNetwork, n: number): boolean {
  net.wLs[n] = Number.NaN;
  const kind = net.nodeKind[n] as number;
  if (kind !== NODE_LEAF)
    return kind === NODE_SUMMARY_IN ? rollUpBackward(net, n) : backwardSummaryOut(net, n);
  let lfb = net.projectFinish[net.project[n] as number] as number;
  let lsb = NO_TIME_MAX;
  const outEnd = net.outOffset[n + 1] as number;
  for (let k = net.outOffset[n] as number; k < outEnd; k++) {
    const e = net.outEdge[k] as number;
    const dst = net.inTo[e] as number;
    const type = net.inType[e] as number;
    let t = type === LINK_FS || type === LINK_SS ? (net.ls[dst] as number) : (net.lf[dst] as number);
    t = unapplyLag(net, e, t, n, dst);
    if (type === LINK_FS || type === LINK_FF) {
      if (t < lfb) lfb = t;
    } else if (t < lsb) lsb = t;
  }
  const parent = net.parentOut[n] as number;
  if (parent >= 0) {
    lfb = Math.min(lfb, net.lateFinishBound[parent] as number);
    lsb = Math.min(lsb, net.lateStartBound[parent] as number);
  }
  const deadline = net.deadline[n] as number;
  if (deadline < lfb) lfb = deadline;
  const oldLs = net.ls[n];
  const oldLf = net.lf[n];
  if (lfb >= HALF_MAX && lsb >= HALF_MAX) {
    net.ls[n] = NO_TIME_MAX;
    net.lf[n] = NO_TIME_MAX;
    return oldLs !== NO_TIME_MAX || oldLf !== NO_TIME_MAX;
  }
  const cal = net.calendars[net.calendar[n] as number] as WorkCalendar;
  const d = net.duration[n] as number;
  // Backward, a milestone also takes finish semantics: a successor's late start of Mon 08:00
  // makes the milestone's late finish Fri 17:00, the same working instant.
  let w = lfb < HALF_MAX ? getWorkPosition(cal, lfb) : Number.POSITIVE_INFINITY;
  if (lsb < HALF_MAX) {
    const ws = getWorkPosition(cal, lsb) + d;
    if (ws < w) w = ws;
  }
  let lf = findFinishAtWork(cal, w);
  if ((net.constraintType[n] as number) >= C_SNET) {
    const c = constrainBackward(net, n, cal, d, lf);
    if (c !== lf) {
      lf = c;
      w = getWorkPosition(cal, lf);
    }
  }
  const ls = d > 0 ? findStartAtWork(cal, w - d) : lf;
  net.ls[n] = ls;
  net.lf[n] = lf;
  return oldLs !== ls || oldLf !== lf;
}

/** Sets each project's start and finish bounds for the next pass from inputs or results. */
function updateProjectBounds(net: CompiledNetwork, which: 'start' | 'finish'): void {
  const count = net.projectIds.length;
  for (let p = 0; p < count; p++) {
    const fromFinish = net.projectFromFinish[p] === 1;
    if (which === 'finish') {
      if (fromFinish) {
        net.projectFinish[p] = net.projectFinishInput[p] as number;
        continue;
      }
      let f = NO_TIME_MIN;
      const end = net.projectNodeOffset[p + 1] as number;
      for (let k = net.projectNodeOffset[p] as number; k < end; k++) {
        const n = net.projectNodes[k] as number;
        if (net.nodeKind[n] !== NODE_LEAF) continue;
        const v = net.ef[n] as number;
        if (v > f) f = v;
      }
      net.projectFinish[p] = f === NO_TIME_MIN ? (net.projectStartInput[p] as number) : f;
    } else {
      if (!fromFinish) {
        net.projectStart[p] = net.projectStartInput[p] as number;
        continue;
      }
      let s = NO_TIME_MAX;
      const end = net.projectNodeOffset[p + 1] as number;
      for (let k = net.projectNodeOffset[p] as number; k < end; k++) {
        const n = net.projectNodes[k] as number;
        if (net.nodeKind[n] !== NODE_LEAF) continue;
        const v = net.ls[n] as number;
        if (v < s) s = v;
      }
      net.projectStart[p] = s === NO_TIME_MAX ? (net.projectFinishInput[p] as number) : s;
    }
  }
}

/** Recomputes one node's total and free float (working minutes of its calendar). */
export function computeFloatNode(net: CompiledNetwork, n: number): void {
  const kind = net.nodeKind[n] as number;
  if (kind !== NODE_LEAF) {
    if (kind === NODE_SUMMARY_OUT) return;
    let tf = NO_TIME_MAX;
    const end = net.childOffset[n + 1] as number;
    for (let k = net.childOffset[n] as number; k < end; k++) {
      const v = net.tf[net.children[k] as number] as number;
      if (v < tf) tf = v;
    }
    net.tf[n] = tf;
    net.ff[n] = 0;
    const o = net.partner[n] as number;
    net.tf[o] = tf;
    net.ff[o] = 0;
    return;
  }
  const cal = net.calendars[net.calendar[n] as number] as WorkCalendar;
  const es = net.es[n] as number;
  const ef = net.ef[n] as number;
  const ls = net.ls[n] as number;
  const lf = net.lf[n] as number;
  let tf: number;
  if (ls >= HALF_MAX) tf = NO_TIME_MAX;
  else {
    const wes = getWorkPosition(cal, es);
    const wef = getWorkPosition(cal, ef);
    tf = Math.min(getWorkPosition(cal, ls) - wes, getWorkPosition(cal, lf) - wef);
  }
  let ffMin = NO_TIME_MAX;
  const outEnd = net.outOffset[n + 1] as number;
  for (let k = net.outOffset[n] as number; k < outEnd; k++) {
    const slack = computeEdgeSlack(net, net.outEdge[k] as number, cal);
    if (slack < ffMin) ffMin = slack;
  }
  net.tf[n] = tf;
  net.ff[n] = ffMin === NO_TIME_MAX ? tf : Math.min(tf, Math.max(0, ffMin));
}

/** Working minutes (of `cal`) by which a link's successor sits after what the link requires. */
export function computeEdgeSlack(net: CompiledNetwork, e: number, cal: WorkCalendar): number {
  const src = net.inFrom[e] as number;
  const dst = net.inTo[e] as number;
  const type = net.inType[e] as number;
  const base = type === LINK_FS || type === LINK_FF ? (net.ef[src] as number) : (net.es[src] as number);
  const required = applyLag(net, e, base, src, dst);
  const actual = type === LINK_FS || type === LINK_SS ? (net.es[dst] as number) : (net.ef[dst] as number);
  return getWorkPosition(cal, actual) - getWorkPosition(cal, required);
}

/**
 * Runs the forward sweep over every node in topological order. Plain leaf tasks (no progress,
 * constraint or parent) take an inlined fast path with the arrays held in locals; the rest go
 * through computeForwardNode, which implements the same rules in full.
 */
export function runForwardPass(net: CompiledNetwork): void {
  const count = net.nodeCount;
  const {
    nodeKind,
    flags,
    inOffset,
    inFrom,
    inType,
    inLag,
    es: esA,
    ef: efA,
    project,
    projectStart,
    calendar,
    duration,
  } = net;
  const wEf = net.wEf;
  const cals = net.calendars;
  for (let n = 0; n < count; n++) {
    if (nodeKind[n] !== NODE_LEAF || flags[n] !== 0) {
      computeForwardNode(net, n);
      continue;
    }
    let sb = projectStart[project[n] as number] as number;
    let fb = NO_TIME_MIN;
    let sbFrom = -1;
    const inEnd = inOffset[n + 1] as number;
    for (let e = inOffset[n] as number; e < inEnd; e++) {
      const src = inFrom[e] as number;
      const type = inType[e] as number;
      let t = type === LINK_FS || type === LINK_FF ? (efA[src] as number) : (esA[src] as number);
      if (inLag[e] !== 0) t = applyLag(net, e, t, src, n);
      if (type <= LINK_SS) {
        if (t > sb) {
          sb = t;
          sbFrom = type === LINK_FS && inLag[e] === 0 ? src : -1;
        }
      } else if (t > fb) fb = t;
    }
    const ci = calendar[n] as number;
    const cal = cals[ci] as WorkCalendar;
    const d = duration[n] as number;
    if (d > 0) {
      // A plain FS predecessor on the same calendar already knows W of its finish.
      let w = sbFrom >= 0 && calendar[sbFrom] === ci ? (wEf[sbFrom] as number) : Number.NaN;
      if (Number.isNaN(w)) w = getWorkPosition(cal, sb);
      if (fb > NO_TIME_MIN) {
        const wf = getWorkPosition(cal, fb) - d;
        if (wf > w) w = wf;
      }
      esA[n] = findStartAtWork(cal, w);
      efA[n] = findFinishAtWork(cal, w + d);
      wEf[n] = w + d;
    } else {
      let es = snapMilestoneForward(cal, sb);
      if (fb > es) es = snapMilestoneForward(cal, fb);
      esA[n] = es;
      efA[n] = es;
      wEf[n] = Number.NaN;
    }
  }
}

/** Runs the backward sweep over every node in reverse topological order (same fast-path split). */
export function runBackwardPass(net: CompiledNetwork): void {
  const {
    nodeKind,
    flags,
    outOffset,
    outEdge,
    inTo,
    inType,
    inLag,
    ls: lsA,
    lf: lfA,
    project,
    projectFinish,
    calendar,
    duration,
  } = net;
  const wLs = net.wLs;
  const cals = net.calendars;
  for (let n = net.nodeCount - 1; n >= 0; n--) {
    if (nodeKind[n] !== NODE_LEAF || flags[n] !== 0) {
      computeBackwardNode(net, n);
      continue;
    }
    let lfb = projectFinish[project[n] as number] as number;
    let lsb = NO_TIME_MAX;
    let lfbFrom = -1;
    const outEnd = outOffset[n + 1] as number;
    for (let k = outOffset[n] as number; k < outEnd; k++) {
      const e = outEdge[k] as number;
      const dst = inTo[e] as number;
      const type = inType[e] as number;
      let t = type === LINK_FS || type === LINK_SS ? (lsA[dst] as number) : (lfA[dst] as number);
      if (inLag[e] !== 0 || type >= LINK_FF || duration[dst] === 0 || nodeKind[dst] !== NODE_LEAF) {
        t = unapplyLag(net, e, t, n, dst);
      }
      if (type === LINK_FS || type === LINK_FF) {
        if (t < lfb) {
          lfb = t;
          lfbFrom = type === LINK_FS && inLag[e] === 0 ? dst : -1;
        }
      } else if (t < lsb) lsb = t;
    }
    if (lfb >= HALF_MAX && lsb >= HALF_MAX) {
      lsA[n] = NO_TIME_MAX;
      lfA[n] = NO_TIME_MAX;
      wLs[n] = Number.NaN;
      continue;
    }
    const ci = calendar[n] as number;
    const cal = cals[ci] as WorkCalendar;
    const d = duration[n] as number;
    let w = lfbFrom >= 0 && calendar[lfbFrom] === ci ? (wLs[lfbFrom] as number) : Number.NaN;
    if (Number.isNaN(w)) w = lfb < HALF_MAX ? getWorkPosition(cal, lfb) : Number.POSITIVE_INFINITY;
    if (lsb < HALF_MAX) {
      const ws = getWorkPosition(cal, lsb) + d;
      if (ws < w) w = ws;
    }
    const lf = findFinishAtWork(cal, w);
    lfA[n] = lf;
    if (d > 0) {
      lsA[n] = findStartAtWork(cal, w - d);
      wLs[n] = w - d;
    } else {
      lsA[n] = lf;
      wLs[n] = Number.NaN;
    }
  }
}

/** Computes total/free float for every node (reverse order so summaries see their children). */
export function runFloatPass(net: CompiledNetwork): void {
  for (let n = net.nodeCount - 1; n >= 0; n--) computeFloatNode(net, n);
}

/**
 * Schedules the whole network: projects from their start get a forward then a backward pass;
 * projects from their finish get a backward pass first to find their start. ALAP tasks are then
 * placed on their late dates (which pushes their successors, as in Project), and floats computed.
 */
export function scheduleCompiledNetwork(net: CompiledNetwork): void {
  net.alapPhase = false;
  net.conflict.fill(0);
  net.es.fill(0);
  net.ef.fill(0);
  if (net.hasFromFinish) {
    net.projectFinish.set(net.projectFinishInput);
    runBackwardPass(net);
    updateProjectBounds(net, 'start');
  } else {
    net.projectStart.set(net.projectStartInput);
  }
  runForwardPass(net);
  updateProjectBounds(net, 'finish');
  runBackwardPass(net);
  // A from-finish project linked to from-start projects: its start depends on their finishes.
  for (let round = 0; round < 4 && net.hasFromFinish; round++) {
    const before = net.projectStart.slice();
    updateProjectBounds(net, 'start');
    if (before.every((v, i) => v === net.projectStart[i])) break;
    runForwardPass(net);
    updateProjectBounds(net, 'finish');
    runBackwardPass(net);
  }
  if (net.hasAlap) {
    net.alapPhase = true;
    runForwardPass(net);
    updateProjectBounds(net, 'finish');
    runBackwardPass(net);
  }
  // From here on (incremental edits) ALAP tasks sit on their late dates.
  net.alapPhase = true;
  runFloatPass(net);
}

/** Runs only the forward and backward sweeps (the W1 benchmark's "full pass"). */
export function runFullPasses(net: CompiledNetwork): void {
  net.conflict.fill(0);
  net.projectStart.set(net.projectStartInput);
  runForwardPass(net);
  updateProjectBounds(net, 'finish');
  runBackwardPass(net);
  // A from-finish project linked to from-start projects: its start depends on their finishes.
  for (let round = 0; round < 4 && net.hasFromFinish; round++) {
    const before = net.projectStart.slice();
    updateProjectBounds(net, 'start');
    if (before.every((v, i) => v === net.projectStart[i])) break;
    runForwardPass(net);
    updateProjectBounds(net, 'finish');
    runBackwardPass(net);
  }
}

export { updateProjectBounds };
