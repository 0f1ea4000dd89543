import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AcceptanceCriterion,
  acceptanceBlockers,
  canMoveDeliverable,
  checkCriteria,
  DELIVERABLE_STATUSES,
  type DeliverableStatus,
  REVIEW_OUTCOMES,
  type ReviewRecord,
  statusAfterReview,
} from './deliverables.ts';
import { normaliseTags } from './lessons.ts';
import { checkNcTransition, NC_STATUSES } from './non-conformances.ts';
import {
  applicableStandards,
  checkChecklist,
  type EffectiveItem,
  effectiveChecklist,
  effectiveKey,
  mostSpecificStandard,
  type QualityStandardRule,
} from './standards.ts';

// An org unit chain as the server gives it: the project's own unit first, then each parent to the root.
const CHAIN = ['dept', 'bu', 'root'];

const std = (
  id: string,
  orgUnitId: string | null,
  items: [string, boolean][],
  over: Partial<QualityStandardRule> = {},
): QualityStandardRule => ({
  id,
  name: `Standard ${id}`,
  deliverableType: 'design',
  orgUnitId,
  checklist: items.map(([key, required]) => ({ key, text: `item ${key}`, required })),
  retired: false,
  ...over,
});

describe('standards that apply', () => {
  const org = std('org', null, [
    ['reviewed', true],
    ['diagrams', false],
  ]);
  const bu = std('bu', 'bu', [['security', true]]);
  const other = std('other', 'elsewhere', [['x', true]]);
  const retired = std('old', 'root', [['legacy', true]], { retired: true });
  const test = std('test', null, [['cases', true]], { deliverableType: 'test-report' });

  it('takes every live standard of the type at the unit or above, the organisation’s first', () => {
    const found = applicableStandards([bu, other, retired, test, org], 'design', CHAIN);
    expect(found.map((s) => s.id)).toEqual(['org', 'bu']);
    expect(mostSpecificStandard(found)?.id).toBe('bu');
    expect(applicableStandards([bu], 'design', ['elsewhere'])).toEqual([]);
    expect(mostSpecificStandard([])).toBeNull();
  });

  it('orders from the root down to the project’s own unit', () => {
    const root = std('r', 'root', [['a', true]]);
    const dept = std('d', 'dept', [['b', true]]);
    expect(applicableStandards([dept, bu, root, org], 'design', CHAIN).map((s) => s.id)).toEqual([
      'org',
      'r',
      'bu',
      'd',
    ]);
  });

  it('unites the checklists keyed by standard and item, so a unit below only adds', () => {
    const same = std('bu2', 'bu', [['reviewed', false]]);
    const list = effectiveChecklist(applicableStandards([org, bu, same], 'design', CHAIN));
    expect(list.map((i) => i.key)).toEqual([
      effectiveKey('org', 'reviewed'),
      effectiveKey('org', 'diagrams'),
      effectiveKey('bu', 'security'),
      effectiveKey('bu2', 'reviewed'),
    ]);
    // The organisation's required item stays required even though the unit lists the same key as optional.
    expect(list.find((i) => i.key === 'org:reviewed')?.required).toBe(true);
  });

  it('names a duplicate item key', () => {
    expect(checkChecklist(org.checklist)).toBeNull();
    expect(
      checkChecklist([
        { key: 'a', text: 'A', required: true },
        { key: 'a', text: 'B', required: false },
      ]),
    ).toBe('checklist.1.key: “a” appears twice');
  });
});

describe('the deliverable workflow', () => {
  it('goes planned → in review → accepted or rejected, and rejected back into review', () => {
    expect(canMoveDeliverable('planned', 'in_review')).toBe(true);
    expect(canMoveDeliverable('in_review', 'accepted')).toBe(true);
    expect(canMoveDeliverable('in_review', 'rejected')).toBe(true);
    expect(canMoveDeliverable('rejected', 'in_review')).toBe(true);
    expect(canMoveDeliverable('planned', 'accepted')).toBe(false);
    expect(canMoveDeliverable('rejected', 'accepted')).toBe(false);
    for (const to of DELIVERABLE_STATUSES) expect(canMoveDeliverable('accepted', to)).toBe(false);
  });

  it('a review passes into review or sends back for rework; an accepted deliverable takes none', () => {
    expect(statusAfterReview('planned', 'pass')).toBe('in_review');
    expect(statusAfterReview('planned', 'rework')).toBe('rejected');
    expect(statusAfterReview('rejected', 'pass')).toBe('in_review');
    expect(statusAfterReview('in_review', 'rework')).toBe('rejected');
    expect(statusAfterReview('accepted', 'pass')).toBeNull();
  });

  it('every status a review leads to is reachable by legal moves', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DELIVERABLE_STATUSES),
        fc.constantFrom(...REVIEW_OUTCOMES),
        (from, outcome) => {
          const to = statusAfterReview(from, outcome);
          if (to === null) return from === 'accepted';
          const via: DeliverableStatus = from === 'in_review' ? from : 'in_review';
          return (
            (via === from || canMoveDeliverable(from, via)) && (via === to || canMoveDeliverable(via, to))
          );
        },
      ),
    );
  });
});

const item = (key: string, required: boolean): EffectiveItem => ({
  key,
  standardId: 's',
  standardName: 'S',
  itemKey: key,
  text: `item ${key}`,
  required,
});

describe('acceptance blockers', () => {
  const checklist = [item('s:a', true), item('s:b', false), item('s:c', true)];
  const criteria: AcceptanceCriterion[] = [{ key: 'signed', text: 'Signed off by finance', met: true }];
  const passing: ReviewRecord = {
    outcome: 'pass',
    results: { 's:a': { passed: true }, 's:b': { passed: false }, 's:c': { passed: true } },
  };

  it('is empty with a passing latest review, every required item passed and every criterion met', () => {
    expect(acceptanceBlockers(checklist, passing, criteria)).toEqual([]);
  });

  it('names each reason otherwise', () => {
    expect(acceptanceBlockers(checklist, null, criteria).map((b) => b.kind)).toEqual(['no-review']);
    const bad: ReviewRecord = { outcome: 'rework', results: { 's:a': { passed: false } } };
    const found = acceptanceBlockers(checklist, bad, [{ key: 'signed', text: 'Signed', met: false }]);
    expect(found.map((b) => [b.kind, b.key])).toEqual([
      ['review-rework', null],
      ['item-failed', 's:a'],
      ['item-unchecked', 's:c'],
      ['criterion-unmet', 'signed'],
    ]);
    expect(found[1]?.message).toBe('Failed in the latest review: item s:a');
  });

  it('names a duplicate criterion key', () => {
    expect(checkCriteria([{ key: 'a' }, { key: 'b' }])).toBeNull();
    expect(checkCriteria([{ key: 'a' }, { key: 'a' }])).toMatch(/^acceptanceCriteria\.1\.key/);
  });

  const arbItems = fc.uniqueArray(
    fc.record({ key: fc.string({ minLength: 1, maxLength: 4 }), required: fc.boolean() }),
    { selector: (i) => i.key, maxLength: 8 },
  );

  it('never allows acceptance with a failed required item', () => {
    fc.assert(
      fc.property(
        arbItems,
        fc.func(fc.option(fc.boolean(), { nil: undefined })),
        fc.constantFrom(...REVIEW_OUTCOMES),
        fc.array(fc.boolean(), { maxLength: 4 }),
        (items, verdict, outcome, mets) => {
          const list = items.map((i) => item(i.key, i.required));
          const results: Record<string, { passed: boolean }> = {};
          for (const i of list) {
            const v = verdict(i.key);
            if (v !== undefined) results[i.key] = { passed: v };
          }
          const crit = mets.map((met, k) => ({ key: `c${k}`, text: `c${k}`, met }));
          const blocked = acceptanceBlockers(list, { outcome, results }, crit).length > 0;
          const failedRequired = list.some((i) => i.required && results[i.key]?.passed !== true);
          const expected = outcome !== 'pass' || failedRequired || mets.includes(false);
          return blocked === expected;
        },
      ),
    );
  });
});

describe('inheritance, as a property', () => {
  const arbStandard = (id: string, orgUnitId: string | null) =>
    fc
      .uniqueArray(fc.record({ key: fc.stringMatching(/^[a-z]{1,3}$/), required: fc.boolean() }), {
        selector: (i) => i.key,
        maxLength: 5,
      })
      .map((items) =>
        std(
          id,
          orgUnitId,
          items.map((i) => [i.key, i.required] as [string, boolean]),
        ),
      );

  it('adding a standard below never shrinks the effective checklist, nor loosens a parent’s item', () => {
    fc.assert(
      fc.property(
        arbStandard('org', null),
        arbStandard('bu', 'bu'),
        arbStandard('dept', 'dept'),
        (org, bu, child) => {
          const before = effectiveChecklist(applicableStandards([org, bu], 'design', CHAIN));
          const after = effectiveChecklist(applicableStandards([child, org, bu], 'design', CHAIN));
          return before.every((b) => after.some((a) => a.key === b.key && a.required === b.required));
        },
      ),
    );
  });

  it('a project in another unit never sees a unit’s standard', () => {
    fc.assert(
      fc.property(
        arbStandard('bu', 'bu'),
        (bu) => applicableStandards([bu], 'design', ['x', 'root']).length === 0,
      ),
    );
  });
});

describe('non-conformances', () => {
  it('move open → in progress → closed, closing only with a corrective action', () => {
    expect(checkNcTransition('open', 'in_progress', null)).toEqual({ ok: true });
    expect(checkNcTransition('in_progress', 'closed', 'Retrained the team')).toEqual({ ok: true });
    expect(checkNcTransition('in_progress', 'closed', '  ')).toMatchObject({
      ok: false,
      rule: 'corrective-action',
    });
    expect(checkNcTransition('open', 'closed', 'x')).toMatchObject({ ok: false, rule: 'illegal-transition' });
    expect(checkNcTransition('closed', 'open', 'x')).toMatchObject({
      ok: false,
      message: 'A closed non-conformance stays closed.',
    });
  });

  it('never closes without a corrective action, from anywhere', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NC_STATUSES), fc.constantFrom(null, '', ' \n '), (from, action) => {
        return !checkNcTransition(from, 'closed', action).ok;
      }),
    );
  });
});

describe('lessons', () => {
  it('keeps tags trimmed, lower-case and once each', () => {
    expect(normaliseTags([' Vendor ', 'vendor', '', 'Go-Live'])).toEqual(['vendor', 'go-live']);
  });
});
