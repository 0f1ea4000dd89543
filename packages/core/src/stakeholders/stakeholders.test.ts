import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countByQuadrant,
  diffProjectLinks,
  engagementGap,
  isHighRating,
  isStakeholderRating,
  quadrantRanges,
  STAKEHOLDER_QUADRANTS,
  stakeholderQuadrant,
  summariseProjectsTouched,
} from './index.ts';

const rating = fc.integer({ min: 1, max: 5 });

describe('power/interest grid', () => {
  it('places each corner and the 3/4 boundary', () => {
    expect(stakeholderQuadrant(5, 5)).toBe('manage_closely');
    expect(stakeholderQuadrant(4, 4)).toBe('manage_closely');
    expect(stakeholderQuadrant(4, 3)).toBe('keep_satisfied');
    expect(stakeholderQuadrant(5, 1)).toBe('keep_satisfied');
    expect(stakeholderQuadrant(3, 4)).toBe('keep_informed');
    expect(stakeholderQuadrant(1, 5)).toBe('keep_informed');
    expect(stakeholderQuadrant(3, 3)).toBe('monitor');
    expect(stakeholderQuadrant(1, 1)).toBe('monitor');
  });

  it('high means 4 or 5', () => {
    expect([1, 2, 3, 4, 5].map(isHighRating)).toEqual([false, false, false, true, true]);
    expect(isStakeholderRating(0)).toBe(false);
    expect(isStakeholderRating(6)).toBe(false);
    expect(isStakeholderRating(2.5)).toBe(false);
    expect(isStakeholderRating(3)).toBe(true);
  });

  it('each rating pair lies in exactly the ranges of its quadrant (property)', () => {
    fc.assert(
      fc.property(rating, rating, (influence, interest) => {
        const inside = STAKEHOLDER_QUADRANTS.filter((q) => {
          const r = quadrantRanges(q);
          return (
            influence >= r.influence[0] &&
            influence <= r.influence[1] &&
            interest >= r.interest[0] &&
            interest <= r.interest[1]
          );
        });
        expect(inside).toEqual([stakeholderQuadrant(influence, interest)]);
      }),
    );
  });

  it('raising influence never leaves the high-influence half, nor interest the high-interest half (property)', () => {
    const highInfluence = new Set(['manage_closely', 'keep_satisfied']);
    const highInterest = new Set(['manage_closely', 'keep_informed']);
    fc.assert(
      fc.property(rating, rating, fc.nat(4), fc.nat(4), (inf, int, dInf, dInt) => {
        const before = stakeholderQuadrant(inf, int);
        const after = stakeholderQuadrant(Math.min(5, inf + dInf), Math.min(5, int + dInt));
        if (highInfluence.has(before)) expect(highInfluence.has(after)).toBe(true);
        if (highInterest.has(before)) expect(highInterest.has(after)).toBe(true);
      }),
    );
  });

  it('counts every stakeholder in one quadrant (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ influence: rating, interest: rating }), { maxLength: 40 }), (list) => {
        const counts = countByQuadrant(list);
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(list.length);
        expect(counts.manage_closely).toBe(list.filter((s) => s.influence >= 4 && s.interest >= 4).length);
      }),
    );
  });
});

describe('engagement', () => {
  it('measures the steps from now to desired', () => {
    expect(engagementGap('neutral', 'supportive')).toBe(1);
    expect(engagementGap('unaware', 'leading')).toBe(4);
    expect(engagementGap('leading', 'supportive')).toBe(-1);
    expect(engagementGap('resistant', 'resistant')).toBe(0);
  });
});

describe('projects touched', () => {
  it('ranks by distinct projects, then name, and sums up the portfolio', () => {
    const s = summariseProjectsTouched([
      { id: 'a', name: 'Regulator', projectIds: ['p1', 'p2', 'p3'] },
      { id: 'b', name: 'Alice', projectIds: ['p1'] },
      { id: 'c', name: 'Bob', projectIds: [] },
      { id: 'd', name: 'Aaron', projectIds: ['p2', 'p2'] },
      { id: 'e', name: 'Union', projectIds: ['p3', 'p4'] },
    ]);
    expect(s.ranked.map((r) => [r.id, r.projectCount])).toEqual([
      ['a', 3],
      ['e', 2],
      ['d', 1],
      ['b', 1],
      ['c', 0],
    ]);
    expect(s.histogram).toEqual([
      { projectCount: 0, stakeholders: 1 },
      { projectCount: 1, stakeholders: 2 },
      { projectCount: 2, stakeholders: 1 },
      { projectCount: 3, stakeholders: 1 },
    ]);
    expect(s.shared).toBe(2);
    expect(s.unlinked).toBe(1);
    expect(s.most).toBe(3);
  });

  it('is empty for an empty register', () => {
    expect(summariseProjectsTouched([])).toEqual({
      ranked: [],
      histogram: [],
      shared: 0,
      unlinked: 0,
      most: 0,
    });
  });

  it('the histogram accounts for every stakeholder and the ranking never rises (property)', () => {
    const ids = fc.array(fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'), { maxLength: 8 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string({ maxLength: 6 }), projectIds: ids }), { maxLength: 30 }),
        (list) => {
          const s = summariseProjectsTouched(list);
          expect(s.histogram.reduce((a, h) => a + h.stakeholders, 0)).toBe(list.length);
          for (let i = 1; i < s.ranked.length; i += 1)
            expect(s.ranked[i - 1]?.projectCount ?? 0).toBeGreaterThanOrEqual(s.ranked[i]?.projectCount ?? 0);
          expect(s.shared + s.unlinked).toBeLessThanOrEqual(list.length);
        },
      ),
    );
  });
});

describe('project links', () => {
  it('says which links to add and remove', () => {
    expect(diffProjectLinks(['a', 'b'], ['b', 'c'])).toEqual({ added: ['c'], removed: ['a'] });
    expect(diffProjectLinks([], [])).toEqual({ added: [], removed: [] });
  });

  it('applying the diff turns the old set into the new (property)', () => {
    const set = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'));
    fc.assert(
      fc.property(set, set, (before, after) => {
        const { added, removed } = diffProjectLinks(before, after);
        const result = new Set([...before.filter((x) => !removed.includes(x)), ...added]);
        expect([...result].sort()).toEqual([...after].sort());
      }),
    );
  });
});
