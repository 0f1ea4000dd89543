import { describe, expect, it } from 'vitest';
import type { DeliverableDetail, QualityStandard } from '../../api/quality.ts';
import {
  emptyReview,
  humanise,
  keyChecklist,
  parseTags,
  readLessonSearch,
  reviewTally,
  standardsByType,
  suggestedOutcome,
  toLessonQuery,
  toReviewBody,
  toTypeKey,
  validateReview,
  writeLessonSearch,
} from './quality-model.ts';

const item = (key: string, required: boolean) => ({
  key: `s1:${key}`,
  standardId: 's1',
  standardName: 'S',
  itemKey: key,
  text: `Item ${key}`,
  required,
});
const detail = {
  version: 3,
  checklist: [item('a', true), item('b', false)],
} as unknown as DeliverableDetail;

describe('deliverable types', () => {
  it('shows keys as words and keys what people type', () => {
    expect(humanise('requirements-specification')).toBe('Requirements specification');
    expect(toTypeKey(' Test Report ')).toBe('test-report');
    expect(toTypeKey('2nd design!')).toBe('nd-design');
  });

  it('groups standards by type, the organisation’s first', () => {
    const s = (name: string, type: string, unit: string | null) =>
      ({ name, deliverableType: type, orgUnitId: unit, orgUnitName: unit }) as QualityStandard;
    const groups = standardsByType([
      s('Unit', 'design', 'DIGI'),
      s('Charter', 'charter', null),
      s('Org', 'design', null),
    ]);
    expect(groups.map(([t, list]) => [t, list.map((x) => x.name)])).toEqual([
      ['charter', ['Charter']],
      ['design', ['Org', 'Unit']],
    ]);
  });
});

describe('a review being recorded', () => {
  it('asks for every required item and an outcome', () => {
    const d = emptyReview(detail);
    expect(validateReview(detail, d)).toEqual({
      items: 'Judge every required item (1 left: Item a).',
      outcome: 'Choose the outcome.',
    });
    const done = {
      ...d,
      items: { ...d.items, 's1:a': { passed: true, note: '' } },
      outcome: 'pass' as const,
    };
    expect(validateReview(detail, done)).toEqual({});
  });

  it('suggests rework when a required item failed', () => {
    const d = emptyReview(detail);
    expect(suggestedOutcome(detail, d)).toBe('pass');
    d.items['s1:b'] = { passed: false, note: '' };
    expect(suggestedOutcome(detail, d)).toBe('pass');
    d.items['s1:a'] = { passed: false, note: 'missing' };
    expect(suggestedOutcome(detail, d)).toBe('rework');
  });

  it('sends only the items judged, with their notes', () => {
    const d = emptyReview(detail);
    d.items['s1:a'] = { passed: false, note: ' no threat model ' };
    d.outcome = 'rework';
    expect(toReviewBody(detail, d)).toEqual({
      version: 3,
      results: { 's1:a': { passed: false, note: 'no threat model' } },
      outcome: 'rework',
      comments: null,
    });
  });

  it('counts a review’s verdicts against the checklist', () => {
    const review = { results: { 's1:a': { passed: true } } } as never;
    expect(reviewTally(detail.checklist, review)).toEqual({ passed: 1, failed: 0, unchecked: 1 });
  });
});

describe('the lessons page URL', () => {
  it('reads what it knows and ignores the rest', () => {
    const s = readLessonSearch(new URLSearchParams('q=delays&category=schedule&kind=nope&page=3&tag=vendor'));
    expect(s).toEqual({ q: 'delays', category: 'schedule', kind: '', projectId: '', tag: 'vendor', page: 3 });
    expect(toLessonQuery(s)).toEqual({
      q: 'delays',
      category: 'schedule',
      tag: 'vendor',
      page: 3,
      pageSize: 20,
    });
  });

  it('goes back to the first page when a filter changes', () => {
    const p = new URLSearchParams('q=delays&page=3');
    expect(writeLessonSearch(p, { kind: 'keep' }).toString()).toBe('q=delays&kind=keep');
    expect(writeLessonSearch(p, { page: 4 }).toString()).toBe('q=delays&page=4');
    expect(writeLessonSearch(p, { q: '' }).toString()).toBe('');
  });

  it('reads tags from a comma-separated line', () => {
    expect(parseTags('Vendor, contract,, vendor ')).toEqual(['vendor', 'contract']);
  });
});

describe('a standard’s checklist being edited', () => {
  it('keys new rows from their text, uniquely, and keeps the keys it had', () => {
    expect(
      keyChecklist([
        { key: 'reviewed', text: 'Reviewed', required: true },
        { text: 'Threat model reviewed', required: true },
        { text: 'Threat model reviewed!', required: false },
        { text: '   ', required: true },
      ]),
    ).toEqual([
      { key: 'reviewed', text: 'Reviewed', required: true },
      { key: 'threat-model-reviewed', text: 'Threat model reviewed', required: true },
      { key: 'threat-model-reviewed-2', text: 'Threat model reviewed!', required: false },
    ]);
  });
});
