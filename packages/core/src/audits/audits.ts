/**
 * Audits and peer reviews of a project or an org unit's practice, and their findings: the two
 * workflows and the rules that bind them (an audit closes only when all its findings are closed).
 */
export const AUDIT_KINDS = ['audit', 'peer_review'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const AUDIT_STATUSES = ['scheduled', 'in_progress', 'reported', 'closed', 'cancelled'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const FINDING_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const FINDING_STATUSES = ['open', 'action_planned', 'resolved', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

const AUDIT_MOVES: Readonly<Record<AuditStatus, readonly AuditStatus[]>> = {
  scheduled: ['in_progress', 'cancelled'],
  in_progress: ['reported', 'cancelled'],
  reported: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};

/** Why an audit may not move from one status to another, or null when it may. */
export function auditTransitionError(
  from: AuditStatus,
  to: AuditStatus,
  findings: readonly { status: FindingStatus }[],
  summary: string | null,
): string | null {
  if (!AUDIT_MOVES[from].includes(to)) return `An audit that is ${label(from)} cannot become ${label(to)}.`;
  if (to === 'reported' && !summary?.trim()) return 'Write the summary of the audit before reporting it.';
  if (to === 'closed') {
    const open = findings.filter((f) => f.status !== 'closed').length;
    if (open > 0) return `${open} finding${open === 1 ? ' is' : 's are'} not closed yet.`;
  }
  return null;
}

/** The statuses an audit may move to next (not checking findings or the summary). */
export function auditMoves(from: AuditStatus): readonly AuditStatus[] {
  return AUDIT_MOVES[from];
}

const FINDING_MOVES: Readonly<Record<FindingStatus, readonly FindingStatus[]>> = {
  open: ['action_planned'],
  action_planned: ['resolved', 'open'],
  resolved: ['closed', 'action_planned'],
  closed: ['action_planned'],
};

export type FindingFacts = {
  status: FindingStatus;
  correctiveAction: string | null;
  ownerId: string | null;
  dueDate: string | null;
};

/**
 * Why a finding may not move, or null. Planning needs a corrective action, an owner and a due
 * date; reopening a closed finding (back to action planned) needs a note.
 */
export function findingTransitionError(
  f: FindingFacts,
  to: FindingStatus,
  note: string | null,
): string | null {
  if (!FINDING_MOVES[f.status].includes(to))
    return `A finding that is ${label(f.status)} cannot become ${label(to)}.`;
  if (to === 'action_planned') {
    const missing = [
      !f.correctiveAction?.trim() && 'a corrective action',
      !f.ownerId && 'an owner',
      !f.dueDate && 'a due date',
    ].filter(Boolean);
    if (missing.length > 0) return `Planning the action needs ${missing.join(', ')}.`;
    if (f.status === 'closed' && !note?.trim()) return 'Say why the finding is reopened.';
  }
  return null;
}

export function findingMoves(from: FindingStatus): readonly FindingStatus[] {
  return FINDING_MOVES[from];
}

/** Due date passed while the action is not yet resolved. */
export function isOverdue(f: { status: FindingStatus; dueDate: string | null }, today: string): boolean {
  return f.dueDate !== null && f.dueDate < today && (f.status === 'open' || f.status === 'action_planned');
}

export function isHighSeverity(s: FindingSeverity): boolean {
  return s === 'high' || s === 'critical';
}

/** Counts of an audit's findings by severity and status, and how many are overdue. */
export function findingSummary(
  findings: readonly { status: FindingStatus; severity: FindingSeverity; dueDate: string | null }[],
  today: string,
) {
  const bySeverity = Object.fromEntries(FINDING_SEVERITIES.map((s) => [s, 0])) as Record<
    FindingSeverity,
    number
  >;
  const byStatus = Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as Record<FindingStatus, number>;
  let overdue = 0;
  for (const f of findings) {
    bySeverity[f.severity] += 1;
    byStatus[f.status] += 1;
    if (isOverdue(f, today)) overdue += 1;
  }
  return { total: findings.length, bySeverity, byStatus, open: findings.length - byStatus.closed, overdue };
}

function label(s: string): string {
  return s.replace('_', ' ');
}
