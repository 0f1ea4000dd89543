import { describe, expect, it } from 'vitest';
import {
  describeAmount,
  emptyAllocationDraft,
  toCreateAllocation,
  toUpdateAllocation,
  validateAllocation,
} from './allocation-model.ts';

const R = '00000000-0000-4000-8000-000000000001';
const P = '00000000-0000-4000-8000-000000000002';
const base = emptyAllocationDraft({ resourceId: R, projectId: P }, '2026-03-02', '2026-05-31');

describe('allocation form', () => {
  it('sends exactly one amount: flat hours, a percentage or phases', () => {
    expect(toCreateAllocation({ ...base, hours: '16' })).toEqual({
      resourceId: R,
      projectId: P,
      start: '2026-03-02',
      end: '2026-05-31',
      hoursPerWeek: 16,
      notes: null,
    });
    expect(toCreateAllocation({ ...base, mode: 'percent', percent: '50', hours: '16' })).not.toHaveProperty(
      'hoursPerWeek',
    );
    const phased = toCreateAllocation({
      ...base,
      mode: 'phases',
      phases: [
        { start: '2026-03-02', end: '2026-03-31', hours: '8' },
        { start: '2026-04-01', end: '2026-05-31', hours: '24' },
      ],
    });
    expect(phased.phases).toEqual([
      { start: '2026-03-02', end: '2026-03-31', hoursPerWeek: 8 },
      { start: '2026-04-01', end: '2026-05-31', hoursPerWeek: 24 },
    ]);
  });

  it('clears the other amounts on update', () => {
    expect(toUpdateAllocation({ ...base, mode: 'percent', percent: '25' }, 3)).toMatchObject({
      version: 3,
      hoursPerWeek: null,
      percent: 25,
      phases: null,
    });
  });

  it('rejects missing amounts, reversed dates and phases outside the period', () => {
    expect(validateAllocation(base)).toEqual({ amount: 'Enter hours a week, 0 to 168.' });
    expect(validateAllocation({ ...base, hours: '8', end: '2026-01-01' }).end).toBeDefined();
    expect(
      validateAllocation({
        ...base,
        mode: 'phases',
        phases: [{ start: '2026-02-01', end: '2026-03-31', hours: '8' }],
      }).phases,
    ).toMatch(/^Phase 1/);
    expect(validateAllocation({ ...base, resourceId: '', hours: '8' })).toEqual({
      resourceId: 'Choose who.',
    });
  });

  it('describes the amount in words', () => {
    expect(describeAmount({ hoursPerWeek: 16, percent: null, phases: [] })).toBe('16 h/week');
    expect(describeAmount({ hoursPerWeek: null, percent: 50, phases: [] })).toBe('50 % of capacity');
    expect(
      describeAmount({
        hoursPerWeek: null,
        percent: null,
        phases: [{ start: 'a', end: 'b', hoursPerWeek: 1 }],
      }),
    ).toBe('1 phase');
  });
});
