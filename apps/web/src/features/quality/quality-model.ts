import {
  DELIVERABLE_STATUSES,
  LESSON_CATEGORIES,
  LESSON_KINDS,
  NC_SEVERITIES,
  NC_STATUSES,
} from '@baton/core';
import type {
  DeliverableDetail,
  DeliverableReview,
  DeliverableStatus,
  LessonCategory,
  LessonKind,
  LessonListParams,
  NonConformanceSeverity,
  NonConformanceStatus,
  QualityStandard,
  ReviewOutcome,
} from '../../api/quality.ts';
import type { BadgeTone } from '../../design/Badge.tsx';
import type { SelectOption } from '../../design/Select.tsx';

export const DELIVERABLE_STATUS_LIST: readonly DeliverableStatus[] = DELIVERABLE_STATUSES;
export const DELIVERABLE_STATUS_LABELS: Record<DeliverableStatus, string> = {
  planned: 'Planned',
  in_review: 'In review',
  accepted: 'Accepted',
  rejected: 'Rejected',
};
export const DELIVERABLE_STATUS_TONES: Record<DeliverableStatus, BadgeTone> = {
  planned: 'gray',
  in_review: 'blue',
  accepted: 'green',
  rejected: 'red',
};
export const OUTCOME_LABELS: Record<ReviewOutcome, string> = { pass: 'Pass', rework: 'Rework' };

export const NC_STATUS_LIST: readonly NonConformanceStatus[] = NC_STATUSES;
export const NC_STATUS_LABELS: Record<NonConformanceStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  closed: 'Closed',
};
export const NC_STATUS_TONES: Record<NonConformanceStatus, BadgeTone> = {
  open: 'amber',
  in_progress: 'blue',
  closed: 'gray',
};
export const NC_SEVERITY_LIST: readonly NonConformanceSeverity[] = NC_SEVERITIES;
export const NC_SEVERITY_LABELS: Record<NonConformanceSeverity, string> = {
  minor: 'Minor',
  major: 'Major',
  critical: 'Critical',
};
export const NC_SEVERITY_TONES: Record<NonConformanceSeverity, BadgeTone> = {
  minor: 'gray',
  major: 'amber',
  critical: 'red',
};
/** The next step of a non-conformance, and the button that takes it. */
export const NC_NEXT: Record<NonConformanceStatus, { to: NonConformanceStatus; label: string } | null> = {
  open: { to: 'in_progress', label: 'Start work' },
  in_progress: { to: 'closed', label: 'Close' },
  closed: null,
};

export const LESSON_CATEGORY_LIST: readonly LessonCategory[] = LESSON_CATEGORIES;
export const LESSON_KIND_LIST: readonly LessonKind[] = LESSON_KINDS;
export const LESSON_KIND_LABELS: Record<LessonKind, string> = { keep: 'Keep doing', improve: 'Improve' };
export const LESSON_KIND_TONES: Record<LessonKind, BadgeTone> = { keep: 'green', improve: 'amber' };

/** "requirements-specification" → "Requirements specification". */
export function humanise(key: string): string {
  const words = key.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a person types as a deliverable type, as the API keys it: "Test Report" → "test-report". */
export function toTypeKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 40);
}

export function toOptions<T extends string>(
  values: readonly T[],
  labels?: Record<T, string>,
): SelectOption[] {
  return values.map((v) => ({ value: v, label: labels ? labels[v] : humanise(v) }));
}

/** The deliverable types the standards name, in order, for pickers. */
export function deliverableTypesOf(standards: readonly QualityStandard[]): string[] {
  return [...new Set(standards.map((s) => s.deliverableType))].sort();
}

/** Standards grouped by deliverable type: the organisation's first, then by unit name. */
export function standardsByType(standards: readonly QualityStandard[]): [string, QualityStandard[]][] {
  const groups = new Map<string, QualityStandard[]>();
  for (const s of standards) groups.set(s.deliverableType, [...(groups.get(s.deliverableType) ?? []), s]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, list]) => [
      type,
      [...list].sort(
        (a, b) =>
          Number(a.orgUnitId !== null) - Number(b.orgUnitId !== null) ||
          (a.orgUnitName ?? '').localeCompare(b.orgUnitName ?? '') ||
          a.name.localeCompare(b.name),
      ),
    ]);
}

// ---- a peer review being recorded ----

export type ItemVerdict = { passed: boolean | null; note: string };
export type ReviewDraft = {
  items: Record<string, ItemVerdict>;
  outcome: ReviewOutcome | null;
  comments: string;
};

/** A fresh review of the checklist: every item still to judge. */
export function emptyReview(detail: DeliverableDetail): ReviewDraft {
  return {
    items: Object.fromEntries(detail.checklist.map((i) => [i.key, { passed: null, note: '' }])),
    outcome: null,
    comments: '',
  };
}

/** The outcome the verdicts suggest: rework when a required item failed, else pass. */
export function suggestedOutcome(detail: DeliverableDetail, draft: ReviewDraft): ReviewOutcome {
  return detail.checklist.some((i) => i.required && draft.items[i.key]?.passed === false) ? 'rework' : 'pass';
}

export type ReviewErrors = { items?: string; outcome?: string };

export function validateReview(detail: DeliverableDetail, draft: ReviewDraft): ReviewErrors {
  const errors: ReviewErrors = {};
  const unjudged = detail.checklist.filter((i) => i.required && draft.items[i.key]?.passed == null);
  if (unjudged.length > 0)
    errors.items = `Judge every required item (${unjudged.length} left: ${unjudged.map((i) => i.text).join('; ')}).`;
  if (!draft.outcome) errors.outcome = 'Choose the outcome.';
  return errors;
}

/** The review as the API takes it: only the items judged, notes only where written. */
export function toReviewBody(detail: DeliverableDetail, draft: ReviewDraft) {
  const results: Record<string, { passed: boolean; note?: string }> = {};
  for (const [key, v] of Object.entries(draft.items)) {
    if (v.passed === null) continue;
    const note = v.note.trim();
    results[key] = note ? { passed: v.passed, note } : { passed: v.passed };
  }
  return {
    version: detail.version,
    results,
    outcome: draft.outcome ?? 'pass',
    comments: draft.comments.trim() || null,
  };
}

/** How many items passed, failed and were left out in a review, out of a checklist. */
export function reviewTally(checklist: DeliverableDetail['checklist'], review: DeliverableReview) {
  let passed = 0;
  let failed = 0;
  for (const i of checklist) {
    const r = review.results[i.key];
    if (r?.passed === true) passed++;
    else if (r?.passed === false) failed++;
  }
  return { passed, failed, unchecked: checklist.length - passed - failed };
}

// ---- the lessons page's URL ----

export type LessonSearch = {
  q: string;
  category: LessonCategory | '';
  kind: LessonKind | '';
  projectId: string;
  tag: string;
  page: number;
};

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | '' =>
  v && (values as readonly string[]).includes(v) ? (v as T) : '';

/** The search and filters as the URL carries them; anything unknown is ignored. */
export function readLessonSearch(params: URLSearchParams): LessonSearch {
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    category: oneOf(LESSON_CATEGORY_LIST, params.get('category')),
    kind: oneOf(LESSON_KIND_LIST, params.get('kind')),
    projectId: params.get('projectId') ?? '',
    tag: params.get('tag') ?? '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Applies a change to the URL's search: any change but of the page goes back to page 1. */
export function writeLessonSearch(params: URLSearchParams, change: Partial<LessonSearch>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change)) {
    if (value === '' || value === undefined || (key === 'page' && value === 1)) next.delete(key);
    else next.set(key, String(value));
  }
  if (!('page' in change)) next.delete('page');
  return next;
}

export const LESSON_PAGE_SIZE = 20;

export function toLessonQuery(s: LessonSearch): LessonListParams {
  return {
    ...(s.q.trim() ? { q: s.q.trim() } : {}),
    ...(s.category ? { category: s.category } : {}),
    ...(s.kind ? { kind: s.kind } : {}),
    ...(s.projectId ? { projectId: s.projectId } : {}),
    ...(s.tag ? { tag: s.tag } : {}),
    page: s.page,
    pageSize: LESSON_PAGE_SIZE,
  };
}

export function hasLessonFilters(s: LessonSearch): boolean {
  return Boolean(s.q || s.category || s.kind || s.projectId || s.tag);
}

/** "a, b ,, c" → ["a", "b", "c"]. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** Checklist rows as the API takes them: blank rows dropped, new rows keyed from their text, uniquely. */
export function keyChecklist(
  rows: readonly { key?: string | undefined; text: string; required: boolean }[],
): { key: string; text: string; required: boolean }[] {
  const kept = rows.filter((r) => r.text.trim());
  const used = new Set(kept.map((r) => r.key).filter((k): k is string => !!k));
  return kept.map((r) => {
    if (r.key) return { key: r.key, text: r.text.trim(), required: r.required };
    const base = toTypeKey(r.text).slice(0, 36) || 'item';
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return { key, text: r.text.trim(), required: r.required };
  });
}
