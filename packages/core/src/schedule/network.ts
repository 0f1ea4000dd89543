import { NO_TIME_MAX, NO_TIME_MIN } from './local-time.ts';
import type { WorkCalendar } from './work-calendar.ts';

/** Node kinds: a task without children, or the two halves of a WBS summary. */
export const NODE_LEAF = 0;
/** Receives the summary's incoming links and constraints and passes them down to its children. */
export const NODE_SUMMARY_IN = 1;
/** Rolls up its children's dates and drives the summary's outgoing links. */
export const NODE_SUMMARY_OUT = 2;

/** Link type codes in the typed arrays (LINK_FS < LINK_FF: start-driven types come first). */
export const LINK_FS = 0;
export const LINK_SS = 1;
export const LINK_FF = 2;
export const LINK_SF = 3;

/** Lag kind codes in the typed arrays. */
export const LAG_WORKING = 0;
export const LAG_ELAPSED = 1;
export const LAG_PERCENT = 2;
export const LAG_ELAPSED_PERCENT = 3;

/** Constraint codes in the typed arrays (Baton's order, not MSPDI's). */
export const C_ASAP = 0;
export const C_ALAP = 1;
export const C_SNET = 2;
export const C_SNLT = 3;
export const C_FNET = 4;
export const C_FNLT = 5;
export const C_MSO = 6;
export const C_MFO = 7;

/** Node flag bits: anything that takes a node off the fast path of the full passes. */
export const FLAG_PROGRESS = 1;
export const FLAG_CONSTRAINT = 2;
export const FLAG_PARENT = 4;
export const FLAG_DEADLINE = 8;

/**
 * The schedule network compiled for speed: structure-of-arrays, nodes renumbered into
 * topological order so one sweep forward (and one backward) visits every predecessor before
 * its successors, links stored as CSR by successor (and an index by predecessor).
 *
 * The result arrays (es…tf) are filled by the passes and updated in place by the incremental API.
 */
export type CompiledNetwork = {
  readonly nodeCount: number;
  readonly taskIds: readonly string[];
  /** Per task: node holding its early dates (leaf or summary-out) and late dates (leaf or summary-in). */
  readonly taskOutNode: Int32Array;
  readonly taskInNode: Int32Array;
  readonly nodeTask: Int32Array;
  readonly nodeKind: Uint8Array;
  readonly partner: Int32Array;
  readonly parentIn: Int32Array;
  readonly parentOut: Int32Array;
  /** Children of a summary node (their out-nodes for SUMMARY_OUT, in-nodes for SUMMARY_IN). */
  readonly childOffset: Int32Array;
  readonly children: Int32Array;
  readonly project: Int32Array;
  readonly duration: Int32Array;
  readonly calendar: Uint16Array;
  readonly lagCalendar: Uint16Array;
  readonly constraintType: Uint8Array;
  readonly constraintDate: Int32Array;
  readonly deadline: Int32Array;
  readonly actualStart: Int32Array;
  readonly actualFinish: Int32Array;
  /** Remaining working minutes, or -1 when not started. */
  readonly remaining: Int32Array;
  readonly milestoneFlag: Uint8Array;
  /** FLAG_* bits per node, kept in step by `refreshNodeFlags`. */
  readonly flags: Uint8Array;
  readonly inOffset: Int32Array;
  readonly inFrom: Int32Array;
  readonly inTo: Int32Array;
  readonly inType: Uint8Array;
  readonly inLagKind: Uint8Array;
  readonly inLag: Float64Array;
  readonly outOffset: Int32Array;
  readonly outEdge: Int32Array;
  readonly projectIds: readonly string[];
  readonly projectFromFinish: Uint8Array;
  readonly projectCalendar: Uint16Array;
  /** Given start (from-start projects) or finish (from-finish projects). */
  readonly projectStartInput: Int32Array;
  readonly projectFinishInput: Int32Array;
  readonly projectStatusDate: Int32Array;
  readonly projectNodeOffset: Int32Array;
  readonly projectNodes: Int32Array;
  readonly calendars: readonly WorkCalendar[];
  readonly criticalFloat: number;
  readonly rescheduleAfterStatus: boolean;
  readonly honorConstraints: boolean;
  /** Whether any task is ALAP (set again when an edit makes one ALAP). */
  hasAlap: boolean;
  readonly hasFromFinish: boolean;
  // Results.
  readonly es: Int32Array;
  readonly ef: Int32Array;
  readonly ls: Int32Array;
  readonly lf: Int32Array;
  readonly tf: Int32Array;
  readonly ff: Int32Array;
  /**
   * W (working-time position in the node's calendar) of ef and ls, cached by the full passes so a
   * successor on the same calendar skips one conversion; NaN when not known.
   */
  readonly wEf: Float64Array;
  readonly wLs: Float64Array;
  /** Forward bounds carried by summary-in nodes; backward bounds carried by summary-out nodes. */
  readonly startBound: Int32Array;
  readonly finishBound: Int32Array;
  readonly lateStartBound: Int32Array;
  readonly lateFinishBound: Int32Array;
  /** Working minutes by which a constraint overrode the links (0 = none). */
  readonly conflict: Int32Array;
  readonly projectStart: Int32Array;
  readonly projectFinish: Int32Array;
  /** Set while the ALAP placement sweep runs. */
  alapPhase: boolean;
};

/** Recomputes a node's FLAG_* bits after its progress, constraint or deadline changed. */
export function refreshNodeFlags(net: CompiledNetwork, n: number): void {
  let f = 0;
  if (net.actualStart[n] !== NO_TIME_MIN || net.actualFinish[n] !== NO_TIME_MIN || net.remaining[n] !== -1) {
    f |= FLAG_PROGRESS;
  }
  if (net.constraintType[n] !== C_ASAP) f |= FLAG_CONSTRAINT;
  if ((net.parentIn[n] as number) >= 0) f |= FLAG_PARENT;
  if (net.deadline[n] !== NO_TIME_MAX) f |= FLAG_DEADLINE;
  net.flags[n] = f;
}
