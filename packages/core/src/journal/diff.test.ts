import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRecords } from './diff.ts';

describe('diffRecords', () => {
  it('lists only changed fields, sorted, without bookkeeping', () => {
    const before = { name: 'A', budgetMinor: 100, tags: ['x'], version: 1, updatedAt: 't1' };
    const after = { name: 'B', budgetMinor: 100, tags: ['x', 'y'], version: 2, updatedAt: 't2' };
    expect(diffRecords(before, after)).toEqual([
      { field: 'name', from: 'A', to: 'B' },
      { field: 'tags', from: ['x'], to: ['x', 'y'] },
    ]);
  });

  it('a creation lists every field from null', () => {
    expect(diffRecords(null, { code: 'P1', description: null })).toEqual([
      { field: 'code', from: null, to: 'P1' },
    ]);
  });

  it('diffing a record with itself yields nothing; any change to one field yields exactly it', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1 }).filter((k) => !k.startsWith('__')),
          fc.jsonValue(),
        ),
        fc.string({ minLength: 1 }),
        (rec, newValue) => {
          expect(diffRecords(rec, structuredClone(rec))).toEqual([]);
          const changed = { ...rec, zzfield: `${newValue}!` };
          const d = diffRecords({ ...rec, zzfield: newValue }, changed);
          expect(d).toEqual([{ field: 'zzfield', from: newValue, to: `${newValue}!` }]);
        },
      ),
    );
  });
});
