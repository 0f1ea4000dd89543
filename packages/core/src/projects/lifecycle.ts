/** The states a project passes through, in lifecycle order. */
export const PROJECT_STATUSES = [
  'proposed',
  'approved',
  'active',
  'on_hold',
  'completed',
  'cancelled',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** States a project may be registered in directly (an existing project entering the central repository). */
export const INITIAL_PROJECT_STATUSES = [
  'proposed',
  'approved',
  'active',
] as const satisfies readonly ProjectStatus[];

const TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  proposed: ['approved', 'cancelled'],
  approved: ['active', 'on_hold', 'cancelled'],
  active: ['on_hold', 'completed', 'cancelled'],
  on_hold: ['active', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Statuses reachable from `from` in one step. */
export function listNextStatuses(from: ProjectStatus): readonly ProjectStatus[] {
  return TRANSITIONS[from];
}

/** True when a project in a terminal state: nothing follows completed or cancelled. */
export function isTerminalStatus(status: ProjectStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; rule: 'illegal_transition' | 'reason_required'; message: string };

/** Decides whether a project may move from one status to another; cancelling needs a reason. */
export function checkStatusTransition(
  from: ProjectStatus,
  to: ProjectStatus,
  reason: string | null | undefined,
): TransitionCheck {
  if (from === to) return { ok: true };
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from];
    return {
      ok: false,
      rule: 'illegal_transition',
      message:
        allowed.length === 0
          ? `A ${from} project cannot change status.`
          : `A ${from} project can move to ${allowed.join(' or ')}, not ${to}.`,
    };
  }
  if (to === 'cancelled' && (reason ?? '').trim() === '') {
    return { ok: false, rule: 'reason_required', message: 'Cancelling a project needs a reason.' };
  }
  return { ok: true };
}
