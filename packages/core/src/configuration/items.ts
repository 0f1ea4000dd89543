/** What a project keeps under configuration control. */
export const CI_KINDS = ['deliverable', 'document', 'specification', 'component'] as const;
export type ConfigurationItemKind = (typeof CI_KINDS)[number];

/** A version's life: drafted, reviewed, approved; superseded when a later version is approved. */
export const CI_VERSION_STATUSES = ['draft', 'in_review', 'approved', 'superseded'] as const;
export type ConfigurationVersionStatus = (typeof CI_VERSION_STATUSES)[number];

/** The moves a person may make; `superseded` is only ever set by approving another version. */
const MOVES: Readonly<Record<ConfigurationVersionStatus, readonly ConfigurationVersionStatus[]>> = {
  draft: ['in_review'],
  in_review: ['approved', 'draft'],
  approved: [],
  superseded: [],
};

export type VersionTransitionCheck = { ok: true } | { ok: false; message: string };

const LABELS: Readonly<Record<ConfigurationVersionStatus, string>> = {
  draft: 'draft',
  in_review: 'in review',
  approved: 'approved',
  superseded: 'superseded',
};

/** The moves open from a status (none from approved or superseded). */
export function versionMoves(from: ConfigurationVersionStatus): readonly ConfigurationVersionStatus[] {
  return MOVES[from];
}

/** Whether a version may move draft → in_review → approved, or back from in_review to draft. */
export function checkVersionTransition(
  from: ConfigurationVersionStatus,
  to: ConfigurationVersionStatus,
): VersionTransitionCheck {
  if (MOVES[from].includes(to)) return { ok: true };
  if (to === 'superseded')
    return { ok: false, message: 'A version is superseded only by approving a later one.' };
  if (from === 'approved')
    return {
      ok: false,
      message: 'An approved version does not change: record a new version and approve that one.',
    };
  if (from === 'superseded') return { ok: false, message: 'A superseded version stays superseded.' };
  return {
    ok: false,
    message: `A ${LABELS[from]} version moves to ${MOVES[from].map((s) => LABELS[s]).join(' or ')}, not to ${LABELS[to]}.`,
  };
}

const NUMBERED = /^(\d+)(?:\.(\d+))?/;

/**
 * The next minor label after `label` ("1.0" → "1.1", "2" → "2.1", "1.9" → "1.10"), skipping any label
 * already taken; a label without a leading number gets ".1" appended.
 */
export function nextMinorLabel(label: string, taken: readonly string[] = []): string {
  const used = new Set(taken);
  const m = NUMBERED.exec(label.trim());
  const major = m ? Number(m[1]) : null;
  let minor = m?.[2] !== undefined ? Number(m[2]) : 0;
  for (let guard = 0; guard < 10_000; guard++) {
    minor += 1;
    const next = major === null ? `${label.trim()}.${minor}` : `${major}.${minor}`;
    if (!used.has(next)) return next;
  }
  throw new Error('no free label');
}

/** Orders labels by their leading major.minor numbers (unnumbered ones first, then alphabetically). */
export function compareLabels(a: string, b: string): number {
  const ma = NUMBERED.exec(a.trim());
  const mb = NUMBERED.exec(b.trim());
  if (!ma || !mb) return ma ? 1 : mb ? -1 : a.localeCompare(b);
  return Number(ma[1]) - Number(mb[1]) || Number(ma[2] ?? 0) - Number(mb[2] ?? 0) || a.localeCompare(b);
}

/** The label a new version gets when none is given: the next minor after the highest label so far. */
export function labelForNewVersion(existing: readonly string[]): string {
  if (existing.length === 0) return '1.0';
  const highest = [...existing].sort(compareLabels).at(-1) as string;
  return nextMinorLabel(highest, existing);
}

export type VersionLike = { id: string; number: number; status: ConfigurationVersionStatus };

/** The item's approved version (the highest-numbered one, should there ever be two) and its latest one. */
export function currentVersions<V extends VersionLike>(
  versions: readonly V[],
): { approved: V | null; latest: V | null } {
  let approved: V | null = null;
  let latest: V | null = null;
  for (const v of versions) {
    if (!latest || v.number > latest.number) latest = v;
    if (v.status === 'approved' && (!approved || v.number > approved.number)) approved = v;
  }
  return { approved, latest };
}
