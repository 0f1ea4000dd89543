import { describe, expect, it } from 'vitest';
import { readAvailabilityState, toAvailabilityParams, toAvailabilitySearch } from './availability-params.ts';

describe('availability search', () => {
  it('round-trips a search through the URL', () => {
    const state = readAvailabilityState(new URLSearchParams(), '2026-03-05');
    expect(state).toMatchObject({
      from: '2026-03-02',
      to: '2026-05-24',
      need: 'hours',
      amount: '',
      minLevel: 1,
    });
    const url = toAvailabilitySearch({ ...state, skillId: 's1', minLevel: 3, amount: '16' });
    expect(url.toString()).toBe('from=2026-03-02&to=2026-05-24&skillId=s1&minLevel=3&hoursPerWeek=16');
    expect(readAvailabilityState(url, '2026-03-05')).toMatchObject({
      skillId: 's1',
      minLevel: 3,
      amount: '16',
    });
    expect(toAvailabilityParams(url)).toEqual({
      from: '2026-03-02',
      to: '2026-05-24',
      limit: 50,
      hoursPerWeek: 16,
      skillId: 's1',
      minLevel: 3,
    });
  });

  it('asks for a fraction of a week in (0, 1]', () => {
    const url = toAvailabilitySearch({
      ...readAvailabilityState(new URLSearchParams(), '2026-03-05'),
      need: 'fraction',
      amount: '0,5',
    });
    expect(toAvailabilityParams(url)).toMatchObject({ fraction: 0.5 });
    url.set('fraction', '2');
    expect(toAvailabilityParams(url)).toMatch(/share of a week/);
  });

  it('explains a broken window', () => {
    expect(toAvailabilityParams(new URLSearchParams('from=2026-03-10&to=2026-03-01'))).toMatch(
      /must not be before/,
    );
    expect(toAvailabilityParams(new URLSearchParams('from=x'))).toMatch(/Enter/);
  });
});
