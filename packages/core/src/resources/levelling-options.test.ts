import { describe, expect, it } from 'vitest';
import type { LevellingInput, LevellingTaskRow } from './levelling.ts';
import { packLevellingTasks } from './levelling.ts';
import { proposeLevellingOptions } from './levelling-options.ts';

function input(rows: LevellingTaskRow[], resourceCount = 1, dayCount = 20, hours = 8): LevellingInput {
  return {
    resourceCount,
    dayCount,
    capacity: new Float64Array(resourceCount * dayCount).fill(hours),
    tasks: packLevellingTasks(rows),
  };
}

const task = (
  start: number,
  duration: number,
  totalFloat: number,
  priority: number,
  project: number,
  demands: { resource: number; hoursPerDay: number }[],
  successors: number[] = [],
): LevellingTaskRow => ({ start, duration, totalFloat, priority, project, demands, successors });
const r0 = (hoursPerDay: number) => [{ resource: 0, hoursPerDay }];

describe('proposeLevellingOptions', () => {
  // Resource 0 is over-allocated on days 2–4 (8 + 12 + 4 = 24 h) by B and C next to A.
  // Resource 1 is free; resource 2 is busy all along with D.
  const rows = [
    task(0, 5, 0, 10, 0, r0(8)), // A
    task(2, 2, 4, 1, 1, r0(8)), // B
    task(3, 2, 1, 2, 2, r0(4)), // C
    task(0, 10, 0, 5, 3, [{ resource: 2, hoursPerDay: 8 }]), // D
  ];
  const base = input(rows, 3, 30);
  const withCandidates: LevellingInput = {
    ...base,
    reassignCandidates: { offset: Int32Array.from([0, 0, 2, 3, 3]), resources: Int32Array.from([1, 2, 1]) },
  };

  it('offers delays within float, then beyond float, then reassignments, least important task first', () => {
    const options = proposeLevellingOptions(
      withCandidates,
      { resource: 0, firstDay: 2, lastDay: 4 },
      { maxOptions: 10 },
    );
    expect(
      options.map((o) => [
        o.kind,
        o.task,
        o.delayDays,
        o.projectFinishDelayDays,
        o.resolvedExcessHours,
        o.remainingExcessHours,
      ]),
    ).toEqual([
      ['delay-within-float', 1, 3, 0, 16, 8],
      ['delay-within-float', 2, 1, 0, 4, 20],
      ['delay-beyond-float', 2, 2, 1, 8, 16],
      ['delay-beyond-float', 0, 5, 5, 20, 4],
      ['reassign', 1, 0, 0, 16, 8],
      ['reassign', 2, 0, 0, 8, 16],
    ]);
    const moved = options[4];
    expect(moved?.kind === 'reassign' && [moved.fromResource, moved.toResource]).toEqual([0, 1]);
  });

  it('caps the options and returns none where nothing is over-allocated', () => {
    expect(
      proposeLevellingOptions(withCandidates, { resource: 0, firstDay: 2, lastDay: 4 }, { maxOptions: 2 }),
    ).toHaveLength(2);
    expect(
      proposeLevellingOptions(base, { resource: 0, firstDay: 6, lastDay: 9 }, { maxOptions: 5 }),
    ).toEqual([]);
    expect(() =>
      proposeLevellingOptions(base, { resource: 5, firstDay: 0, lastDay: 1 }, { maxOptions: 5 }),
    ).toThrow(RangeError);
  });

  it('counts excess on the task’s other resources as a side effect', () => {
    const rows2 = [
      task(0, 3, 0, 10, 0, r0(8)),
      task(1, 2, 5, 1, 1, [
        { resource: 0, hoursPerDay: 8 },
        { resource: 1, hoursPerDay: 8 },
      ]),
      task(3, 2, 0, 10, 2, [{ resource: 1, hoursPerDay: 8 }]),
    ];
    const [first] = proposeLevellingOptions(
      input(rows2, 2),
      { resource: 0, firstDay: 1, lastDay: 2 },
      { maxOptions: 5 },
    );
    expect(first).toMatchObject({
      kind: 'delay-within-float',
      task: 1,
      delayDays: 2,
      resolvedExcessHours: 16,
      sideEffectExcessHours: 16,
    });
  });
});
