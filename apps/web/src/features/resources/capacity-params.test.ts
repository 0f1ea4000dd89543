import { describe, expect, it } from 'vitest';
import { applyCapacityChange, readCapacityState, toCapacityParams } from './capacity-params.ts';

const TODAY = '2026-03-05'; // a Thursday

describe('capacity URL state', () => {
  it('defaults to twelve weeks from this Monday, by week and resource, tentative included', () => {
    const state = readCapacityState(new URLSearchParams(), TODAY);
    expect(state).toEqual({
      from: '2026-03-02',
      to: '2026-05-24',
      granularity: 'week',
      groupBy: 'resource',
      orgUnitId: '',
      skillId: '',
      resourceId: '',
      includeTentative: true,
    });
    expect(toCapacityParams(state)).toEqual({
      from: '2026-03-02',
      to: '2026-05-24',
      granularity: 'week',
      groupBy: 'resource',
      includeTentative: 'true',
    });
  });

  it('reads a shared link, ignoring values the API would reject', () => {
    const state = readCapacityState(
      new URLSearchParams(
        'from=2026-04-01&to=2026-03-01&granularity=year&groupBy=skill&tentative=false&skillId=s1',
      ),
      TODAY,
    );
    expect(state.from).toBe('2026-04-01');
    expect(state.to).toBe('2026-04-01'); // never before from
    expect(state.granularity).toBe('week');
    expect(state.groupBy).toBe('skill');
    expect(state.includeTentative).toBe(false);
    expect(toCapacityParams(state)).toMatchObject({ skillId: 's1', includeTentative: 'false' });
  });

  it('caps the window at three years and gives a lone start twelve weeks', () => {
    expect(readCapacityState(new URLSearchParams('from=2026-01-01&to=2035-01-01'), TODAY).to).toBe(
      '2029-01-03',
    );
    expect(readCapacityState(new URLSearchParams('from=2026-01-05'), TODAY).to).toBe('2026-03-29');
    expect(readCapacityState(new URLSearchParams('from=2026-02-31'), TODAY).from).toBe('2026-03-02');
  });

  it('drops defaults and empty values from the link', () => {
    const next = applyCapacityChange(new URLSearchParams('skillId=s1&granularity=month'), {
      skillId: '',
      granularity: 'week',
      groupBy: 'role',
      tentative: 'true',
    });
    expect(next.toString()).toBe('groupBy=role');
  });
});
