import type { EffectiveItem } from './standards.ts';

/**
 * A deliverable's way to acceptance: planned → in_review → accepted | rejected; a rejected one goes
 * back into review with its next peer review. Accepted is final.
 */
export const DELIVERABLE_STATUSES = ['planned', 'in_review', 'accepted', 'rejected'] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

export const REVIEW_OUTCOMES = ['pass', 'rework'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const ACCEPTANCE_DECISIONS = ['accept', 'reject'] as const;
export type AcceptanceDecision = (typeof ACCEPTANCE_DECISIONS)[number];

const MOVES: Readonly<Record<DeliverableStatus, readonly DeliverableStatus[]>> = {
  planned: ['in_review'],
  in_review: ['accepted', 'rejected'],
  rejected: ['in_review'],
  accepted: [],
};

/** True when the workflow allows the move. */
export function canMoveDeliverable(from: DeliverableStatus, to: DeliverableStatus): boolean {
  return MOVES[from].includes(to);
}

/**
 * Where a peer review takes a deliverable: into review (a pass), or back for rework (rejected) — a
 * planned or rejected one enters review first. null: an accepted deliverable takes no more reviews.
 */
export function statusAfterReview(from: DeliverableStatus, outcome: ReviewOutcome): DeliverableStatus | null {
  if (from !== 'in_review' && !canMoveDeliverable(from, 'in_review')) return null;
  return outcome === 'pass' ? 'in_review' : 'rejected';
}

/** A peer review's verdict on each checklist item (by effective key), and its overall outcome. */
export type ReviewRecord = {
  outcome: ReviewOutcome;
  results: Readonly<Record<string, { passed: boolean; note?: string | null | undefined }>>;
};

export type AcceptanceCriterion = { key: string; text: string; met: boolean };

export type AcceptanceBlocker =
  | { kind: 'no-review'; key: null; message: string }
  | { kind: 'review-rework'; key: null; message: string }
  | { kind: 'item-failed'; key: string; message: string }
  | { kind: 'item-unchecked'; key: string; message: string }
  | { kind: 'criterion-unmet'; key: string; message: string };

/**
 * What stands between a deliverable and its acceptance: it needs a latest peer review that passed,
 * every required checklist item passed in that review, and every acceptance criterion met. Empty
 * when it may be accepted.
 */
export function acceptanceBlockers(
  checklist: readonly EffectiveItem[],
  latestReview: ReviewRecord | null,
  criteria: readonly AcceptanceCriterion[],
): AcceptanceBlocker[] {
  const out: AcceptanceBlocker[] = [];
  if (!latestReview) out.push({ kind: 'no-review', key: null, message: 'No peer review has been recorded.' });
  else if (latestReview.outcome !== 'pass')
    out.push({ kind: 'review-rework', key: null, message: 'The latest peer review asked for rework.' });
  if (latestReview)
    for (const item of checklist) {
      if (!item.required) continue;
      const r = latestReview.results[item.key];
      if (!r)
        out.push({
          kind: 'item-unchecked',
          key: item.key,
          message: `Not checked in the latest review: ${item.text}`,
        });
      else if (!r.passed)
        out.push({
          kind: 'item-failed',
          key: item.key,
          message: `Failed in the latest review: ${item.text}`,
        });
    }
  for (const c of criteria)
    if (!c.met)
      out.push({ kind: 'criterion-unmet', key: c.key, message: `Acceptance criterion not met: ${c.text}` });
  return out;
}

/** What is wrong with a set of acceptance criteria (a duplicate key), naming where, or null. */
export function checkCriteria(criteria: readonly { key: string }[]): string | null {
  const keys = new Set<string>();
  for (const [i, c] of criteria.entries()) {
    if (keys.has(c.key)) return `acceptanceCriteria.${i}.key: “${c.key}” appears twice`;
    keys.add(c.key);
  }
  return null;
}
