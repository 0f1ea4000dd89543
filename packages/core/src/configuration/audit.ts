import { type ConfigurationVersionStatus, currentVersions } from './items.ts';

export type CiAuditItem = { id: string; code: string; name: string; kind: string };
export type CiAuditVersion = {
  id: string;
  itemId: string;
  number: number;
  label: string;
  status: ConfigurationVersionStatus;
  /** The approved change that recorded the version, when one did. */
  changeRequestId: string | null;
};
export type CiAuditBaseline = {
  id: string;
  name: string;
  createdAt: string;
  /** The frozen version of each item in the baseline. */
  entries: readonly { itemId: string; versionId: string }[];
};
/** A change request as the audit needs it: only approved ones explain a change. */
export type CiAuditChange = { id: string; code: string; status: string };

/**
 * How an item stands against the baseline: its approved version is the frozen one (matches); a later
 * approved version recorded by an approved change (changed) or by no change at all (unexplained); the
 * item is not in the baseline (added); or it has never had an approved version (no-approved-version).
 */
export const CI_AUDIT_STATUSES = [
  'matches',
  'changed',
  'unexplained',
  'added',
  'no-approved-version',
] as const;
export type CiAuditStatus = (typeof CI_AUDIT_STATUSES)[number];

export type CiVersionRef = { id: string; number: number; label: string };
export type CiAuditLine = {
  itemId: string;
  code: string;
  name: string;
  kind: string;
  status: CiAuditStatus;
  baselineVersion: CiVersionRef | null;
  approvedVersion: CiVersionRef | null;
  /** The approved changes that recorded versions of the item since the baseline, oldest version first. */
  changeRequests: { id: string; code: string }[];
};
export type CiAuditSummary = Record<
  'matches' | 'changed' | 'unexplained' | 'added' | 'noApprovedVersion',
  number
> & {
  total: number;
};
export type ConfigurationAudit = {
  baseline: { id: string; name: string; createdAt: string } | null;
  items: CiAuditLine[];
  summary: CiAuditSummary;
};

const ref = (v: CiAuditVersion): CiVersionRef => ({ id: v.id, number: v.number, label: v.label });

/** Counts the audit lines by status. */
export function summariseAudit(lines: readonly { status: CiAuditStatus }[]): CiAuditSummary {
  const s: CiAuditSummary = {
    matches: 0,
    changed: 0,
    unexplained: 0,
    added: 0,
    noApprovedVersion: 0,
    total: 0,
  };
  for (const l of lines) {
    s.total += 1;
    if (l.status === 'no-approved-version') s.noApprovedVersion += 1;
    else s[l.status] += 1;
  }
  return s;
}

/**
 * The configuration audit of a project: for each item, its version frozen in the baseline against its
 * approved version now, and the approved change requests that account for any difference. Without a
 * baseline every item with an approved version counts as added.
 */
export function auditConfiguration(input: {
  items: readonly CiAuditItem[];
  versions: readonly CiAuditVersion[];
  baseline: CiAuditBaseline | null;
  changes: readonly CiAuditChange[];
}): ConfigurationAudit {
  const byItem = new Map<string, CiAuditVersion[]>();
  const byId = new Map<string, CiAuditVersion>();
  for (const v of input.versions) {
    byId.set(v.id, v);
    const list = byItem.get(v.itemId);
    if (list) list.push(v);
    else byItem.set(v.itemId, [v]);
  }
  const frozen = new Map((input.baseline?.entries ?? []).map((e) => [e.itemId, e.versionId]));
  const approvedChanges = new Map(input.changes.filter((c) => c.status === 'approved').map((c) => [c.id, c]));
  const items = [...input.items].sort((a, b) => a.code.localeCompare(b.code));
  const lines = items.map((item): CiAuditLine => {
    const versions = [...(byItem.get(item.id) ?? [])].sort((a, b) => a.number - b.number);
    const { approved } = currentVersions(versions);
    const frozenId = frozen.get(item.id);
    const inBaseline = frozenId !== undefined ? (byId.get(frozenId) ?? null) : null;
    const base = {
      itemId: item.id,
      code: item.code,
      name: item.name,
      kind: item.kind,
      baselineVersion: inBaseline ? ref(inBaseline) : null,
      approvedVersion: approved ? ref(approved) : null,
    };
    if (!approved) return { ...base, status: 'no-approved-version', changeRequests: [] };
    if (!inBaseline) return { ...base, status: 'added', changeRequests: [] };
    if (approved.id === inBaseline.id) return { ...base, status: 'matches', changeRequests: [] };
    const seen = new Set<string>();
    const changeRequests: { id: string; code: string }[] = [];
    for (const v of versions) {
      if (v.number <= inBaseline.number || !v.changeRequestId || seen.has(v.changeRequestId)) continue;
      const c = approvedChanges.get(v.changeRequestId);
      if (!c) continue;
      seen.add(c.id);
      changeRequests.push({ id: c.id, code: c.code });
    }
    const explained = approved.changeRequestId !== null && approvedChanges.has(approved.changeRequestId);
    return { ...base, status: explained ? 'changed' : 'unexplained', changeRequests };
  });
  return {
    baseline: input.baseline
      ? { id: input.baseline.id, name: input.baseline.name, createdAt: input.baseline.createdAt }
      : null,
    items: lines,
    summary: summariseAudit(lines),
  };
}

/**
 * What a new baseline freezes: the approved version of each chosen item (every item when none are
 * chosen), and the items that have no approved version to freeze.
 */
export function selectBaselineVersions(
  items: readonly { id: string }[],
  versions: readonly { id: string; itemId: string; number: number; status: ConfigurationVersionStatus }[],
  chosen?: readonly string[] | null,
): { entries: { itemId: string; versionId: string }[]; missing: string[] } {
  const wanted = chosen && chosen.length > 0 ? new Set(chosen) : null;
  const entries: { itemId: string; versionId: string }[] = [];
  const missing: string[] = [];
  for (const item of items) {
    if (wanted && !wanted.has(item.id)) continue;
    const { approved } = currentVersions(versions.filter((v) => v.itemId === item.id));
    if (approved) entries.push({ itemId: item.id, versionId: approved.id });
    else missing.push(item.id);
  }
  return { entries, missing };
}
