import { isApiProblem } from '../../api/client.ts';
import type { ComplianceResult } from '../../api/compliance.ts';
import type {
  ComplianceCheck,
  ComplianceItem,
  CreateStandardBody,
  PmoStandard,
  StandardDetail,
  StandardInForce,
  StandardKind,
  StandardStatus,
  StandardVersion,
  UpdateStandardBody,
} from '../../api/standards.ts';
import type { BadgeTone } from '../../design/Badge.tsx';
import type { SelectOption } from '../../design/Select.tsx';
import { isConflict, problemText } from '../raid/raid-problems.ts';

export const KIND_LABELS: Record<StandardKind, string> = {
  standard: 'Standard',
  policy: 'Policy',
  procedure: 'Procedure',
  guideline: 'Guideline',
};
export const KIND_OPTIONS: readonly SelectOption[] = Object.entries(KIND_LABELS).map(([value, label]) => ({
  value,
  label,
}));

export const STATUS_LABELS: Record<StandardStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  superseded: 'Superseded',
  retired: 'Retired',
};
const STATUS_TONES: Record<StandardStatus, BadgeTone> = {
  draft: 'amber',
  published: 'green',
  superseded: 'gray',
  retired: 'red',
};
export function statusTone(status: StandardStatus): BadgeTone {
  return STATUS_TONES[status];
}

// ---- what a version allows ----

export type StandardAction = 'edit' | 'publish' | 'revise' | 'retire';

/**
 * The actions a PMO manager has on one version: a draft is edited and published; the published
 * version is revised (unless a draft of its key is already waiting) or retired; superseded and
 * retired versions are a record.
 */
export function actionsFor(
  standard: Pick<StandardDetail, 'status' | 'versions'>,
  canManage: boolean,
): StandardAction[] {
  if (!canManage) return [];
  if (standard.status === 'draft') return ['edit', 'publish'];
  if (standard.status === 'published')
    return draftVersionOf(standard.versions) ? ['retire'] : ['revise', 'retire'];
  return [];
}

/** The draft waiting among the versions of a key, if any. */
export function draftVersionOf(versions: readonly StandardVersion[]): StandardVersion | undefined {
  return versions.find((v) => v.status === 'draft');
}

/** The version of the key in force, if any. */
export function publishedVersionOf(versions: readonly StandardVersion[]): StandardVersion | undefined {
  return versions.find((v) => v.status === 'published');
}

/** Versions, newest first. */
export function sortVersions(versions: readonly StandardVersion[]): StandardVersion[] {
  return [...versions].sort((a, b) => b.standardVersion - a.standardVersion);
}

/** "STD-004 v2" */
export function versionLabel(s: Pick<PmoStandard, 'key' | 'standardVersion'>): string {
  return `${s.key} v${s.standardVersion}`;
}

// ---- the standard form (new, or a draft's edit) ----

export type StandardDraft = {
  kind: StandardKind;
  title: string;
  body: string;
  overridable: boolean;
  replacesKey: string;
  effectiveFrom: string;
};

export function emptyDraft(): StandardDraft {
  // Not overridable unless the PMO says so, as the server assumes.
  return { kind: 'standard', title: '', body: '', overridable: false, replacesKey: '', effectiveFrom: '' };
}

export function draftOfStandard(s: PmoStandard): StandardDraft {
  return {
    kind: s.kind,
    title: s.title,
    body: s.body,
    overridable: s.overridable,
    replacesKey: s.replacesKey ?? '',
    effectiveFrom: s.effectiveFrom ?? '',
  };
}

export type StandardDraftErrors = Partial<Record<'title' | 'body' | 'effectiveFrom', string>>;

/** What the form refuses before asking the server (the server says the rest, per field). */
export function validateStandardDraft(d: StandardDraft): StandardDraftErrors {
  const errors: StandardDraftErrors = {};
  if (!d.title.trim()) errors.title = 'Give the standard a title.';
  else if (d.title.trim().length > 200) errors.title = 'At most 200 characters.';
  if (d.body.length > 100_000) errors.body = 'At most 100,000 characters.';
  if (d.effectiveFrom && !/^\d{4}-\d{2}-\d{2}$/.test(d.effectiveFrom))
    errors.effectiveFrom = 'A date, such as 2027-01-31.';
  return errors;
}

function fieldsOf(d: StandardDraft) {
  return {
    kind: d.kind,
    title: d.title.trim(),
    body: d.body,
    overridable: d.overridable,
    replacesKey: d.replacesKey || null,
    effectiveFrom: d.effectiveFrom || null,
  };
}

export function toCreateBody(orgUnitId: string, d: StandardDraft): CreateStandardBody {
  return { orgUnitId, ...fieldsOf(d) };
}

export function toUpdateBody(version: number, d: StandardDraft): UpdateStandardBody {
  return { version, ...fieldsOf(d) };
}

/**
 * The standards a new one may replace beneath the unit: those in force there that come from a unit
 * above and are overridable — plus the one the draft already names, should it no longer be listed.
 */
export function replaceableOptions(
  inForce: readonly StandardInForce[],
  current: { key: string; title: string | null } | null = null,
): SelectOption[] {
  const options = inForce
    .filter((s) => s.inherited && s.overridable)
    .map((s) => ({ value: s.key, label: `${s.key} ${s.title} (${s.orgUnitName})` }));
  if (current && !options.some((o) => o.value === current.key))
    options.unshift({ value: current.key, label: `${current.key} ${current.title ?? ''}`.trim() });
  return options;
}

// ---- the checklist at a unit ----

export type ItemAction = 'edit' | 'retire' | 'restore' | 'waive' | 'lift';

/**
 * What a PMO manager may do with an item, seen from the unit asked about: its own items are edited,
 * retired or restored; an inherited overridable one is waived for the unit, and a waiver this unit
 * made is lifted (one made by a unit between is that unit's to lift).
 */
export function itemActionsFor(item: ComplianceItem, unitId: string, canManage: boolean): ItemAction[] {
  if (!canManage) return [];
  if (!item.inherited) return item.retiredAt ? ['restore'] : ['edit', 'retire'];
  if (item.retiredAt) return [];
  if (item.waiver) return item.waiver.orgUnitId === unitId ? ['lift'] : [];
  return item.overridable ? ['waive'] : [];
}

/** Items in force first (own before inherited), then the waived, then the retired. */
export function sortItems(items: readonly ComplianceItem[]): ComplianceItem[] {
  const rank = (i: ComplianceItem) => (i.retiredAt ? 2 : i.waiver ? 1 : 0);
  return [...items].sort(
    (a, b) => rank(a) - rank(b) || Number(b.inherited) - Number(a.inherited) || a.text.localeCompare(b.text),
  );
}

/** The items tied to one standard's key. */
export function itemsOfStandard(items: readonly ComplianceItem[], key: string): ComplianceItem[] {
  return items.filter((i) => i.standardKey === key);
}

/** The standards an item may be tied to: those in force at the unit. */
export function standardOptions(inForce: readonly StandardInForce[]): SelectOption[] {
  return inForce.map((s) => ({ value: s.key, label: `${s.key} ${s.title}` }));
}

// ---- a project's compliance ----

export type RuleState = 'passed' | 'failed' | 'na';

export function ruleStateOf(result: ComplianceResult | undefined): RuleState {
  if (!result?.applicable) return 'na';
  return result.passed ? 'passed' : 'failed';
}
export const RULE_STATE_LABELS: Record<RuleState, string> = {
  passed: 'Passed',
  failed: 'Failed',
  na: 'Not applicable',
};
export const RULE_STATE_TONES: Record<RuleState, BadgeTone> = { passed: 'green', failed: 'red', na: 'gray' };

export type CheckState = 'met' | 'not-met' | 'open';
export function checkStateOf(check: Pick<ComplianceCheck, 'met'>): CheckState {
  return check.met === null ? 'open' : check.met ? 'met' : 'not-met';
}
export const CHECK_STATE_LABELS: Record<CheckState, string> = {
  met: 'Met',
  'not-met': 'Not met',
  open: 'Not attested',
};
export const CHECK_STATE_TONES: Record<CheckState, BadgeTone> = {
  met: 'green',
  'not-met': 'red',
  open: 'gray',
};

export type CheckGroup = { key: string | null; title: string; checks: ComplianceCheck[] };

/** The checks grouped by their standard (in key order), those tied to none last. */
export function groupChecks(checks: readonly ComplianceCheck[]): CheckGroup[] {
  const groups = new Map<string | null, CheckGroup>();
  for (const c of checks) {
    const key = c.standardKey;
    const group = groups.get(key) ?? {
      key,
      title: key ? `${key} ${c.standardTitle ?? ''}`.trim() : 'Not tied to a standard',
      checks: [],
    };
    group.checks.push(c);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) =>
    a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key, 'en', { numeric: true }),
  );
}

/** "3 of 4 met · 1 not attested yet" */
export function checksSummary(checks: readonly Pick<ComplianceCheck, 'met'>[]): string {
  const met = checks.filter((c) => c.met === true).length;
  const open = checks.filter((c) => c.met === null).length;
  const head = `${met} of ${checks.length} met`;
  return open > 0 ? `${head} · ${open} not attested yet` : head;
}

// ---- refusals ----

/**
 * The sentences to show for a refusal of the server: the per-field messages not already shown
 * beside their field, or else its reason.
 */
export function problemLines(error: unknown, shownFields: readonly string[] = []): string[] {
  // A stale version or a conflict is best told by the server's detail ("changed by someone else…").
  if (!isApiProblem(error) || isConflict(error) || error.errors.length === 0) return [problemText(error)];
  const rest = error.errors.filter((e) => !shownFields.includes(e.field)).map((e) => e.message);
  return rest.length > 0 ? [...new Set(rest)] : ['Check the marked fields.'];
}
