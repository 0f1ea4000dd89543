/** Hours for one line (task, assignment, person-week): what the plan said, what was assigned, what was booked. */
export type HoursRow = {
  readonly key: string;
  readonly planned: number;
  readonly assigned: number;
  readonly actual: number;
};

/** Which two figures disagree. */
export type HoursMismatch = 'actual-vs-planned' | 'actual-vs-assigned' | 'assigned-vs-planned';

/** A row with its three variances and the pairs that disagree beyond tolerance. */
export type ReconciledRow = HoursRow & {
  readonly actualMinusPlanned: number;
  readonly actualMinusAssigned: number;
  readonly assignedMinusPlanned: number;
  readonly mismatches: HoursMismatch[];
};

/** A difference is flagged only when it exceeds both tolerances, so 1 h on a 2 h task or 2 % of 1,000 h pass. */
export type ReconcileTolerance = { readonly hours: number; readonly percent: number };

const DEFAULT_TOLERANCE: ReconcileTolerance = { hours: 1, percent: 10 };

function exceeds(value: number, reference: number, tolerance: ReconcileTolerance): boolean {
  const diff = Math.abs(value - reference);
  if (diff <= tolerance.hours) return false;
  // Against a zero reference any difference beyond the hour tolerance is infinitely large.
  return reference === 0 || (100 * diff) / Math.abs(reference) > tolerance.percent;
}

function reconcileRow(row: HoursRow, tolerance: ReconcileTolerance): ReconciledRow {
  const mismatches: HoursMismatch[] = [];
  if (exceeds(row.actual, row.planned, tolerance)) mismatches.push('actual-vs-planned');
  if (exceeds(row.actual, row.assigned, tolerance)) mismatches.push('actual-vs-assigned');
  if (exceeds(row.assigned, row.planned, tolerance)) mismatches.push('assigned-vs-planned');
  return {
    key: row.key,
    planned: row.planned,
    assigned: row.assigned,
    actual: row.actual,
    actualMinusPlanned: row.actual - row.planned,
    actualMinusAssigned: row.actual - row.assigned,
    assignedMinusPlanned: row.assigned - row.planned,
    mismatches,
  };
}

/** Compares planned, assigned and actual hours per row and in total; default tolerance 1 h and 10 %. */
export function reconcileHours(
  rows: readonly HoursRow[],
  tolerance: ReconcileTolerance = DEFAULT_TOLERANCE,
): { rows: ReconciledRow[]; totals: ReconciledRow } {
  let planned = 0;
  let assigned = 0;
  let actual = 0;
  for (const r of rows) {
    planned += r.planned;
    assigned += r.assigned;
    actual += r.actual;
  }
  return {
    rows: rows.map((r) => reconcileRow(r, tolerance)),
    totals: reconcileRow({ key: 'total', planned, assigned, actual }, tolerance),
  };
}
