import { describe, expect, it } from 'vitest';
import type { ReviewItem } from '../../../api/portfolio.ts';
import {
  decisionProject,
  describeCpi,
  filterItems,
  formatSlip,
  newestFirst,
  readShow,
  summaryLine,
  validateDecision,
} from './review-model.ts';

function item(code: string, candidate: boolean): ReviewItem {
  return {
    projectId: `p-${code}`,
    code,
    name: `Project ${code}`,
    status: 'active',
    health: candidate ? 'red' : 'green',
    budgetMinor: 100_000,
    actualCostMinor: 50_000,
    percentComplete: 40,
    costPerformanceIndex: 0.8,
    finishSlipDays: 0,
    expectedBenefitMinor: null,
    remainingNpvMinor: null,
    flags: [],
    candidate,
    lastDecision: null,
  };
}

describe('readShow', () => {
  it('defaults to candidates when there are any, else all', () => {
    expect(readShow(null, 2)).toBe('candidates');
    expect(readShow(null, 0)).toBe('all');
    expect(readShow('bogus', 1)).toBe('candidates');
  });
  it('keeps an explicit choice', () => {
    expect(readShow('all', 3)).toBe('all');
    expect(readShow('candidates', 0)).toBe('candidates');
  });
});

describe('filterItems', () => {
  const items = [item('A', true), item('B', false), item('C', true)];
  it('keeps only candidates or everything', () => {
    expect(filterItems(items, 'candidates').map((i) => i.code)).toEqual(['A', 'C']);
    expect(filterItems(items, 'all')).toHaveLength(3);
  });
});

describe('summaryLine', () => {
  it('counts running projects and candidates', () => {
    expect(summaryLine([item('A', true), item('B', false)], '1 Mar 2027')).toBe(
      '2 running projects, 1 candidate to stop or re-scope, as of 1 Mar 2027',
    );
    expect(summaryLine([item('B', false)], 'today')).toBe(
      '1 running project, no candidates to stop or re-scope, as of today',
    );
  });
});

describe('describeCpi', () => {
  it('shows two decimals and flags values below 0.9', () => {
    expect(describeCpi(0.856)).toEqual({ text: '0.86', low: true });
    expect(describeCpi(0.9)).toEqual({ text: '0.90', low: false });
    expect(describeCpi(null)).toEqual({ text: '—', low: false });
  });
});

describe('formatSlip', () => {
  it('says late, early or on time', () => {
    expect(formatSlip(12.4)).toBe('+12 days');
    expect(formatSlip(1)).toBe('+1 day');
    expect(formatSlip(-3)).toBe('3 days early');
    expect(formatSlip(0.2)).toBe('On time');
    expect(formatSlip(null)).toBe('—');
  });
});

describe('newestFirst', () => {
  it('sorts by decidedAt descending without touching the input', () => {
    const input = [
      { id: '1', decidedAt: '2027-01-01T10:00:00.000Z' },
      { id: '2', decidedAt: '2027-03-01T10:00:00.000Z' },
      { id: '3', decidedAt: '2027-02-01T10:00:00.000Z' },
    ];
    expect(newestFirst(input).map((d) => d.id)).toEqual(['2', '3', '1']);
    expect(input[0]?.id).toBe('1');
  });
});

describe('validateDecision', () => {
  it('needs a decision and a reason', () => {
    expect(validateDecision({ decision: null, reason: ' ' })).toEqual({
      decision: 'Choose a decision.',
      reason: 'Say why: the reason is kept with the decision.',
    });
    expect(validateDecision({ decision: 'stop', reason: 'No longer needed' })).toBeNull();
  });
});

describe('decisionProject', () => {
  it('prefers the snapshot, then the review item', () => {
    expect(decisionProject({ snapshot: { code: 'P-1', name: 'Old name' } }, undefined)).toEqual({
      code: 'P-1',
      name: 'Old name',
    });
    expect(decisionProject({ snapshot: {} }, { code: 'P-2', name: 'Two' })).toEqual({
      code: 'P-2',
      name: 'Two',
    });
    expect(decisionProject({ snapshot: {} }, undefined)).toEqual({ code: '', name: 'Project' });
  });
});
