import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeJudgement,
  formatSaaty,
  identityMatrix,
  isReciprocal,
  matrixFromSaved,
  mostInconsistentPair,
  nearestSaaty,
  parseSaaty,
  SAATY_VALUES,
  saatyOptions,
  sameIds,
  sameMatrix,
  setPair,
} from './ahp-model.ts';

describe('Saaty scale', () => {
  it('has 17 steps from 9 down to 1/9, with 1 in the middle', () => {
    expect(SAATY_VALUES).toHaveLength(17);
    expect(SAATY_VALUES[0]).toBe(9);
    expect(SAATY_VALUES[8]).toBe(1);
    expect(SAATY_VALUES[16]).toBeCloseTo(1 / 9);
  });

  it('formats values as whole numbers or reciprocals', () => {
    expect(formatSaaty(3)).toBe('3');
    expect(formatSaaty(1)).toBe('1');
    expect(formatSaaty(1 / 3)).toBe('1/3');
    expect(formatSaaty(0.3333333333333333)).toBe('1/3');
    expect(formatSaaty(1 / 7)).toBe('1/7');
    expect(formatSaaty(2.5)).toBe('2.5');
    expect(formatSaaty(0.4)).toBe('1/2.5');
    expect(formatSaaty(0)).toBe('—');
  });

  it('reads back what it formats', () => {
    for (const v of SAATY_VALUES) expect(parseSaaty(formatSaaty(v))).toBeCloseTo(v, 12);
    expect(parseSaaty('1/2.5')).toBeCloseTo(0.4);
    expect(parseSaaty('10')).toBeNull();
    expect(parseSaaty('1/10')).toBeNull();
    expect(parseSaaty('abc')).toBeNull();
  });

  it('snaps a value to the nearest step in log space', () => {
    expect(nearestSaaty(2.9)).toBe(3);
    expect(nearestSaaty(0.34)).toBeCloseTo(1 / 3);
    expect(nearestSaaty(100)).toBe(9);
    expect(nearestSaaty(-1)).toBe(1);
  });

  it('labels each choice with the objective that matters more', () => {
    const options = saatyOptions('Revenue', 'Cost');
    expect(options).toHaveLength(17);
    expect(options[0]).toEqual({ value: '9', label: 'Revenue is 9× more important' });
    expect(options[8]).toEqual({ value: '1', label: 'Equal' });
    expect(options[10]).toEqual({ value: '1/3', label: 'Cost is 3× more important' });
    expect(describeJudgement(1 / 5, 'A', 'B')).toBe('B is 5× more important');
  });

  it('keeps a stored value between two steps selectable', () => {
    const options = saatyOptions('A', 'B', 2.5);
    expect(options).toHaveLength(18);
    expect(options.map((o) => o.value)).toContain('2.5');
    expect(saatyOptions('A', 'B', 3)).toHaveLength(17);
  });
});

describe('the pairwise matrix', () => {
  it('starts from all 1s without a saved comparison', () => {
    expect(matrixFromSaved(null, ['a', 'b'])).toEqual({ matrix: identityMatrix(2), fromSaved: false });
  });

  it('starts from the saved matrix when it covers the active objectives, re-ordered', () => {
    const saved = {
      objectiveIds: ['a', 'b', 'c'],
      matrix: [
        [1, 3, 5],
        [1 / 3, 1, 2],
        [1 / 5, 1 / 2, 1],
      ],
    };
    expect(matrixFromSaved(saved, ['a', 'b', 'c']).matrix).toEqual(saved.matrix.map((r) => [...r]));
    const reordered = matrixFromSaved(saved, ['c', 'a', 'b']);
    expect(reordered.fromSaved).toBe(true);
    expect(reordered.matrix[0]?.[1]).toBeCloseTo(1 / 5); // c vs a
    expect(reordered.matrix[1]?.[2]).toBe(3); // a vs b
    expect(reordered.matrix[0]?.[2]).toBeCloseTo(1 / 2); // c vs b
    expect(isReciprocal(reordered.matrix)).toBe(true);
  });

  it('starts again when the objectives differ', () => {
    const saved = {
      objectiveIds: ['a', 'b'],
      matrix: [
        [1, 3],
        [1 / 3, 1],
      ],
    };
    expect(matrixFromSaved(saved, ['a', 'b', 'c']).fromSaved).toBe(false);
    expect(matrixFromSaved(saved, ['a', 'c']).matrix).toEqual(identityMatrix(2));
  });

  it('clamps saved values to the scale and rebuilds the reciprocals', () => {
    const saved = {
      objectiveIds: ['a', 'b'],
      matrix: [
        [1, 20],
        [7, 1],
      ],
    };
    const { matrix } = matrixFromSaved(saved, ['a', 'b']);
    expect(matrix[0]?.[1]).toBe(9);
    expect(matrix[1]?.[0]).toBeCloseTo(1 / 9);
  });

  it('sets a pair and its reciprocal without touching the input', () => {
    const m = identityMatrix(3);
    const next = setPair(m, 0, 2, 4);
    expect(next[0]?.[2]).toBe(4);
    expect(next[2]?.[0]).toBe(0.25);
    expect(m[0]?.[2]).toBe(1);
    expect(setPair(next, 2, 0, 1 / 3)[0]?.[2]).toBe(3);
    expect(setPair(next, 1, 1, 5)).toEqual(next);
    expect(setPair(next, 0, 1, 50)[0]?.[1]).toBe(9);
  });

  it('compares id lists and matrices', () => {
    expect(sameIds(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameIds(['a', 'a'], ['a', 'b'])).toBe(false);
    expect(
      sameMatrix(identityMatrix(2), [
        [1, 1],
        [1, 1],
      ]),
    ).toBe(true);
    expect(sameMatrix(identityMatrix(2), setPair(identityMatrix(2), 0, 1, 2))).toBe(false);
  });

  it('points at the judgement furthest from what the weights imply', () => {
    // a ≻ b 2×, b ≻ c 2×, but a vs c said "c is 3× more important": that pair is the odd one.
    let m = identityMatrix(3);
    m = setPair(m, 0, 1, 2);
    m = setPair(m, 1, 2, 2);
    m = setPair(m, 0, 2, 1 / 3);
    const worst = mostInconsistentPair(m, [0.4, 0.35, 0.25]);
    expect(worst).toMatchObject({ i: 0, j: 2 });
    expect(mostInconsistentPair(identityMatrix(2), [0.5, 0.5])).toBeNull();
  });

  it('stays reciprocal after any sequence of edits (property)', () => {
    const edit = fc.record({
      i: fc.nat({ max: 14 }),
      j: fc.nat({ max: 14 }),
      value: fc.oneof(fc.constantFrom(...SAATY_VALUES), fc.double({ min: 1e-3, max: 1e3, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.array(edit, { maxLength: 60 }), (n, edits) => {
        let m = identityMatrix(n);
        for (const e of edits) m = setPair(m, e.i % n, e.j % n, e.value);
        expect(isReciprocal(m, 1e-9)).toBe(true);
        for (const row of m)
          for (const v of row) {
            expect(v).toBeGreaterThanOrEqual(1 / 9 - 1e-12);
            expect(v).toBeLessThanOrEqual(9 + 1e-12);
          }
      }),
    );
  });
});
