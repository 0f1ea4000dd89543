/** A non-conformance: something delivered or done that breaks a standard, until its corrective action closes it. */
export const NC_STATUSES = ['open', 'in_progress', 'closed'] as const;
export type NonConformanceStatus = (typeof NC_STATUSES)[number];

export const NC_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type NonConformanceSeverity = (typeof NC_SEVERITIES)[number];

const MOVES: Readonly<Record<NonConformanceStatus, readonly NonConformanceStatus[]>> = {
  open: ['in_progress'],
  in_progress: ['closed'],
  closed: [],
};

export type NcTransitionCheck =
  | { ok: true }
  | { ok: false; rule: 'illegal-transition' | 'corrective-action'; message: string };

/** Whether a non-conformance may move open → in_progress → closed; closing needs a corrective action. */
export function checkNcTransition(
  from: NonConformanceStatus,
  to: NonConformanceStatus,
  correctiveAction: string | null | undefined,
): NcTransitionCheck {
  if (!MOVES[from].includes(to))
    return {
      ok: false,
      rule: 'illegal-transition',
      message:
        from === 'closed'
          ? 'A closed non-conformance stays closed.'
          : `A non-conformance moves from ${label(from)} to ${MOVES[from].map(label).join(' or ')}, not to ${label(to)}.`,
    };
  if (to === 'closed' && !correctiveAction?.trim())
    return {
      ok: false,
      rule: 'corrective-action',
      message: 'Record the corrective action before closing the non-conformance.',
    };
  return { ok: true };
}

function label(s: NonConformanceStatus): string {
  return s === 'in_progress' ? 'in progress' : s;
}
