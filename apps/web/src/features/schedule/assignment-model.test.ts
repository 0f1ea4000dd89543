import { describe, expect, it } from 'vitest';
import type { TaskAssignment } from '../../api/schedule.ts';
import {
  type AssignmentDraft,
  buildAssignmentsBody,
  defaultWorkMinutes,
  draftOf,
  formatHours,
  formatPercent,
  parseHours,
  parsePercent,
  shownHours,
} from './assignment-model.ts';

const FIVE_DAYS = 5 * 480;

function draft(overrides: Partial<AssignmentDraft> = {}): AssignmentDraft {
  return {
    resourceId: 'r1',
    resourceName: 'Noah Becker',
    kind: 'person',
    percent: '100',
    hours: null,
    ...overrides,
  };
}

describe('units ↔ percent', () => {
  it('shows units as a percentage, to one decimal', () => {
    expect(formatPercent(1)).toBe('100');
    expect(formatPercent(0.5)).toBe('50');
    expect(formatPercent(1 / 3)).toBe('33.3');
    expect(formatPercent(2.5)).toBe('250');
  });

  it('reads percentages with a sign, spaces or a decimal comma', () => {
    expect(parsePercent('50')).toBe(0.5);
    expect(parsePercent(' 50 % ')).toBe(0.5);
    expect(parsePercent('37,5')).toBe(0.375);
    expect(parsePercent('1000')).toBe(10);
  });

  it('refuses zero, negatives, too much and text', () => {
    for (const text of ['', '0', '-10', '1000.1', 'half', '5O', '1.2.3'])
      expect(parsePercent(text)).toBeNull();
  });

  it('round-trips what it shows', () => {
    for (const units of [0.25, 0.5, 0.75, 1, 1.5, 10]) expect(parsePercent(formatPercent(units))).toBe(units);
  });
});

describe('hours ↔ minutes', () => {
  it('shows minutes as hours, to two decimals', () => {
    expect(formatHours(2400)).toBe('40');
    expect(formatHours(450)).toBe('7.5');
    expect(formatHours(20)).toBe('0.33');
    expect(formatHours(0)).toBe('0');
  });

  it('reads hours with an optional unit and a decimal comma, into whole minutes', () => {
    expect(parseHours('40')).toBe(2400);
    expect(parseHours('7.5 h')).toBe(450);
    expect(parseHours('7,5')).toBe(450);
    expect(parseHours('2 hours')).toBe(120);
    expect(parseHours('0')).toBe(0);
    expect(parseHours('0.33')).toBe(20);
  });

  it('refuses negatives, text and more work than the API takes', () => {
    for (const text of ['', '-1', 'lots', '1e3', '200000']) expect(parseHours(text)).toBeNull();
  });
});

describe('drafts', () => {
  const saved = (units: number, workMinutes: number): TaskAssignment => ({
    resourceId: 'r1',
    resourceName: 'Noah Becker',
    kind: 'person',
    units,
    workMinutes,
  });

  it('lets default work follow the units, and keeps work that was typed', () => {
    expect(draftOf(saved(0.5, defaultWorkMinutes(FIVE_DAYS, 0.5)), FIVE_DAYS).hours).toBeNull();
    expect(draftOf(saved(0.5, 600), FIVE_DAYS)).toMatchObject({ percent: '50', hours: '10' });
  });

  it('shows duration × units until work is typed', () => {
    expect(shownHours(draft({ percent: '50' }), FIVE_DAYS)).toBe('20');
    expect(shownHours(draft({ percent: '50', hours: '12' }), FIVE_DAYS)).toBe('12');
    expect(shownHours(draft({ percent: 'x' }), FIVE_DAYS)).toBe('');
    expect(shownHours(draft(), 0)).toBe('0');
  });

  it('sends work only when it was typed', () => {
    const result = buildAssignmentsBody(
      [draft(), draft({ resourceId: 'r2', percent: '50 %', hours: '7,5' })],
      7,
    );
    expect(result.body).toEqual({
      taskVersion: 7,
      assignments: [
        { resourceId: 'r1', units: 1 },
        { resourceId: 'r2', units: 0.5, workMinutes: 450 },
      ],
    });
  });

  it('names the field of each draft that cannot be sent', () => {
    const result = buildAssignmentsBody(
      [draft({ percent: '0' }), draft({ resourceId: 'r2', hours: '-3' }), draft({ resourceId: 'r3' })],
      1,
    );
    expect(result.body).toBeNull();
    expect(Object.keys(result.errors ?? {})).toEqual(['r1', 'r2']);
    expect(result.errors?.r1?.percent).toMatch(/percentage/);
    expect(result.errors?.r2?.hours).toMatch(/hours/);
  });

  it('allows removing everybody', () => {
    expect(buildAssignmentsBody([], 3).body).toEqual({ taskVersion: 3, assignments: [] });
  });
});
