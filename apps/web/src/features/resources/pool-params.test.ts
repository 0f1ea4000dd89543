import { describe, expect, it } from 'vitest';
import { applyPoolChange, hasPoolFilters, readPoolState, toPoolParams } from './pool-params.ts';

describe('resource pool URL state', () => {
  it('reads filters and drops the ones the API would reject', () => {
    const state = readPoolState(new URLSearchParams('q=ana&kind=robot&skillId=s1&minLevel=9&page=3'));
    expect(state).toMatchObject({ q: 'ana', kind: '', skillId: 's1', minLevel: null, page: 3, pageSize: 25 });
    expect(hasPoolFilters(state)).toBe(true);
    expect(hasPoolFilters(readPoolState(new URLSearchParams('page=2')))).toBe(false);
  });

  it('sends a minimum level only together with a skill', () => {
    expect(toPoolParams(readPoolState(new URLSearchParams('minLevel=3')))).toEqual({ page: 1, pageSize: 25 });
    expect(toPoolParams(readPoolState(new URLSearchParams('skillId=s1&minLevel=3&kind=role')))).toEqual({
      kind: 'role',
      skillId: 's1',
      minLevel: 3,
      page: 1,
      pageSize: 25,
    });
  });

  it('goes back to page 1 on a filter change and forgets the level with the skill', () => {
    const next = applyPoolChange(new URLSearchParams('page=4&skillId=s1&minLevel=3'), { skillId: null });
    expect(next.toString()).toBe('');
    expect(applyPoolChange(new URLSearchParams('q=a'), { page: '2' }).toString()).toBe('q=a&page=2');
  });
});
