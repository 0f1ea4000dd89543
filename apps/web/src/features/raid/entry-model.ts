import type {
  CreateIssueBody,
  CreateRaidEntryBody,
  Issue,
  IssuePriority,
  IssueStatus,
  RaidEntry,
  RaidEntryKind,
  RaidEntryStatus,
  UpdateIssueBody,
  UpdateRaidEntryBody,
} from '../../api/raid.ts';

export type FormErrors = Partial<Record<string, string>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const trimmedOrNull = (text: string): string | null => (text.trim() ? text.trim() : null);

function checkTitle(title: string, e: FormErrors, what: string): void {
  if (!title.trim()) e.title = `Give the ${what} a title.`;
  else if (title.trim().length > 200) e.title = 'At most 200 characters.';
}

// ---- issues ----

export type IssueDraft = {
  title: string;
  description: string;
  priority: IssuePriority;
  ownerId: string;
  dueDate: string;
  status: IssueStatus;
  resolution: string;
};

export function emptyIssueDraft(): IssueDraft {
  return {
    title: '',
    description: '',
    priority: 'medium',
    ownerId: '',
    dueDate: '',
    status: 'open',
    resolution: '',
  };
}

export function issueDraftOf(i: Issue): IssueDraft {
  return {
    title: i.title,
    description: i.description ?? '',
    priority: i.priority,
    ownerId: i.ownerId ?? '',
    dueDate: i.dueDate ?? '',
    status: i.status,
    resolution: i.resolution ?? '',
  };
}

export function validateIssue(d: IssueDraft): FormErrors {
  const e: FormErrors = {};
  checkTitle(d.title, e, 'issue');
  if (d.dueDate && !isIsoDate(d.dueDate)) e.dueDate = 'A date such as 2027-03-31.';
  if ((d.status === 'resolved' || d.status === 'closed') && !d.resolution.trim())
    e.resolution = 'Say how it was resolved.';
  if (d.resolution.length > 5000) e.resolution = 'At most 5000 characters.';
  return e;
}

export function toCreateIssue(projectId: string, d: IssueDraft, riskId?: string): CreateIssueBody {
  const description = trimmedOrNull(d.description);
  return {
    projectId,
    title: d.title.trim(),
    priority: d.priority,
    ...(description ? { description } : {}),
    ...(d.ownerId ? { ownerId: d.ownerId } : {}),
    ...(d.dueDate ? { dueDate: d.dueDate } : {}),
    ...(riskId ? { riskId } : {}),
  };
}

/** The PATCH body with the changed fields, or null when nothing changed. */
export function toUpdateIssue(d: IssueDraft, i: Issue): UpdateIssueBody | null {
  const body: UpdateIssueBody = { version: i.version };
  if (d.title.trim() !== i.title) body.title = d.title.trim();
  if (trimmedOrNull(d.description) !== i.description) body.description = trimmedOrNull(d.description);
  if (d.priority !== i.priority) body.priority = d.priority;
  if ((d.ownerId || null) !== i.ownerId) body.ownerId = d.ownerId || null;
  if ((d.dueDate || null) !== i.dueDate) body.dueDate = d.dueDate || null;
  if (d.status !== i.status) body.status = d.status;
  if (trimmedOrNull(d.resolution) !== i.resolution) body.resolution = trimmedOrNull(d.resolution);
  return Object.keys(body).length > 1 ? body : null;
}

/** Whether an issue can still be escalated: open or in progress, and not raised already. */
export function canEscalate(i: Pick<Issue, 'escalated' | 'status'>): boolean {
  return !i.escalated && (i.status === 'open' || i.status === 'in_progress');
}

export function validateEscalation(reason: string): string | null {
  if (!reason.trim()) return 'Say why the portfolio needs to act.';
  if (reason.trim().length > 2000) return 'At most 2000 characters.';
  return null;
}

// ---- assumptions, decisions, dependencies ----

export type EntryDraft = {
  kind: RaidEntryKind;
  title: string;
  description: string;
  ownerId: string;
  status: RaidEntryStatus;
  dueDate: string;
  decidedOn: string;
  decidedBy: string;
  rationale: string;
  dependsOnProjectId: string;
  externalParty: string;
};

export function emptyEntryDraft(kind: RaidEntryKind): EntryDraft {
  return {
    kind,
    title: '',
    description: '',
    ownerId: '',
    status: 'open',
    dueDate: '',
    decidedOn: '',
    decidedBy: '',
    rationale: '',
    dependsOnProjectId: '',
    externalParty: '',
  };
}

export function entryDraftOf(r: RaidEntry): EntryDraft {
  return {
    kind: r.kind,
    title: r.title,
    description: r.description ?? '',
    ownerId: r.ownerId ?? '',
    status: r.status,
    dueDate: r.dueDate ?? '',
    decidedOn: r.decidedOn ?? '',
    decidedBy: r.decidedBy ?? '',
    rationale: r.rationale ?? '',
    dependsOnProjectId: r.dependsOnProjectId ?? '',
    externalParty: r.externalParty ?? '',
  };
}

/** The label of the entry's date field, by kind. */
export const DUE_LABELS: Record<RaidEntryKind, string> = {
  assumption: 'Validate by',
  decision: 'Review by',
  dependency: 'Needed by',
};

export function validateEntry(d: EntryDraft, projectId: string): FormErrors {
  const e: FormErrors = {};
  checkTitle(d.title, e, d.kind);
  if (d.dueDate && !isIsoDate(d.dueDate)) e.dueDate = 'A date such as 2027-03-31.';
  if (d.kind === 'decision' && d.decidedOn && !isIsoDate(d.decidedOn))
    e.decidedOn = 'A date such as 2027-03-31.';
  if (d.kind === 'decision' && d.decidedBy.trim().length > 200) e.decidedBy = 'At most 200 characters.';
  if (d.kind === 'dependency') {
    if (d.dependsOnProjectId && d.dependsOnProjectId === projectId)
      e.dependsOnProjectId = 'A project cannot depend on itself.';
    if (d.externalParty.trim().length > 200) e.externalParty = 'At most 200 characters.';
  }
  return e;
}

/** The kind-specific fields only: a decision's date and taker, a dependency's project or party. */
function kindFields(d: EntryDraft): Omit<UpdateRaidEntryBody, 'version' | 'title'> {
  if (d.kind === 'decision')
    return {
      decidedOn: d.decidedOn || null,
      decidedBy: trimmedOrNull(d.decidedBy),
      rationale: trimmedOrNull(d.rationale),
    };
  if (d.kind === 'dependency')
    return {
      dependsOnProjectId: d.dependsOnProjectId || null,
      externalParty: trimmedOrNull(d.externalParty),
    };
  return {};
}

export function toCreateEntry(projectId: string, d: EntryDraft): CreateRaidEntryBody {
  const fields = Object.fromEntries(
    Object.entries({
      description: trimmedOrNull(d.description),
      ownerId: d.ownerId || null,
      dueDate: d.dueDate || null,
      ...kindFields(d),
    }).filter(([, v]) => v !== null && v !== undefined),
  );
  return { projectId, kind: d.kind, title: d.title.trim(), status: d.status, ...fields };
}

export function toUpdateEntry(d: EntryDraft, r: RaidEntry): UpdateRaidEntryBody | null {
  const body: UpdateRaidEntryBody = { version: r.version };
  if (d.title.trim() !== r.title) body.title = d.title.trim();
  const next: Record<string, string | null | undefined> = {
    description: trimmedOrNull(d.description),
    ownerId: d.ownerId || null,
    status: d.status,
    dueDate: d.dueDate || null,
    ...kindFields(d),
  };
  const was: Record<string, string | null> = {
    description: r.description,
    ownerId: r.ownerId,
    status: r.status,
    dueDate: r.dueDate,
    decidedOn: r.decidedOn,
    decidedBy: r.decidedBy,
    rationale: r.rationale,
    dependsOnProjectId: r.dependsOnProjectId,
    externalParty: r.externalParty,
  };
  const changed = Object.fromEntries(
    Object.entries(next).filter(([k, v]) => v !== undefined && v !== was[k]),
  );
  Object.assign(body, changed);
  return Object.keys(body).length > 1 ? body : null;
}
