import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ahpWeights, weightedScore } from './ahp.ts';

const fromWeights = (w: number[]) => w.map((wi) => w.map((wj) => wi / wj));

describe('ahpWeights', () => {
  it('gives exact weights and CR ≈ 0 for a perfectly consistent matrix', () => {
    const r = ahpWeights(fromWeights([4, 2, 1, 1]));
    expect(r.weights.map((x) => Math.round(x * 1e12) / 1e12)).toEqual([0.5, 0.25, 0.125, 0.125]);
    expect(r.lambdaMax).toBeCloseTo(4, 10);
    expect(r.ci).toBeCloseTo(0, 10);
    expect(r.cr).toBeCloseTo(0, 10);
    expect(r.consistent).toBe(true);
  });

  it("computes Saaty's consistency ratio for an inconsistent matrix", () => {
    // A > B (3), B > C (3), but C > A (3): a cycle, far from consistent.
    const r = ahpWeights([
      [1, 3, 1 / 3],
      [1 / 3, 1, 3],
      [3, 1 / 3, 1],
    ]);
    expect(r.weights.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(r.ci).toBeCloseTo((r.lambdaMax - 3) / 2, 12);
    expect(r.cr).toBeCloseTo((r.ci as number) / 0.58, 12);
    expect(r.cr as number).toBeGreaterThan(0.1);
    expect(r.consistent).toBe(false);
  });

  it('has no CR for 1 or 2 criteria, and calls them consistent', () => {
    expect(ahpWeights([[1]])).toMatchObject({ weights: [1], cr: null, consistent: true });
    const two = ahpWeights([
      [1, 3],
      [1 / 3, 1],
    ]);
    expect(two.weights[0]).toBeCloseTo(0.75, 12);
    expect(two.cr).toBeNull();
    expect(two.consistent).toBe(true);
  });

  it('throws a RangeError naming the cell that breaks the rules', () => {
    expect(() =>
      ahpWeights([
        [1, 2],
        [0.4, 1],
      ]),
    ).toThrow(/cell \[1\]\[0\]/);
    expect(() =>
      ahpWeights([
        [1, -2],
        [-0.5, 1],
      ]),
    ).toThrow(/cell \[0\]\[1\] must be a positive number/);
    expect(() =>
      ahpWeights([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(/cell \[0\]\[0\] must be 1/);
    expect(() => ahpWeights([[1, 2]])).toThrow(RangeError);
    expect(() => ahpWeights([])).toThrow(RangeError);
  });

  it('returns w for any matrix built from a weight vector w (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 15 }),
        (raw) => {
          const total = raw.reduce((s, x) => s + x, 0);
          const w = raw.map((x) => x / total);
          const r = ahpWeights(fromWeights(w));
          r.weights.forEach((x, i) => {
            expect(x).toBeCloseTo(w[i] as number, 9);
          });
          expect(r.lambdaMax).toBeCloseTo(w.length, 8);
          if (w.length > 2) expect(r.cr as number).toBeLessThan(1e-8);
          expect(r.consistent).toBe(true);
        },
      ),
    );
  });
});

describe('weightedScore', () => {
  it('sums score × weight over the weights, missing scores counting 0', () => {
    expect(weightedScore({ a: 10, b: 5, c: 100 }, { a: 0.5, b: 0.5 })).toBe(7.5);
    expect(weightedScore({ a: 10 }, { a: 0.25, b: 0.75 })).toBe(2.5);
    expect(weightedScore({}, {})).toBe(0);
  });
});
