import { describe, expect, it } from 'vitest';
import type { LevellingInput, LevellingTaskRow } from './levelling.ts';
import { buildSkillCandidates, levelAll, packLevellingTasks } from './levelling.ts';

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

describe('levelAll', () => {
  it('delays the less important task within its float; the project finish holds', () => {
    const rows = [
      task(0, 3, 0, 10, 0, r0(8)),
      task(1, 2, 5, 1, 1, r0(8)),
      task(0, 10, 0, 1, 1, []), // the rest of project 1, finishing later
    ];
    const r = levelAll(input(rows), { mode: 'within-float' });
    expect(Array.from(r.delay)).toEqual([0, 2, 0]);
    expect(Array.from(r.start)).toEqual([0, 3, 0]);
    expect(r.unresolved).toEqual([]);
    expect(r.projectFinishDelays).toEqual([]);
  });

  it('leaves a conflict it cannot solve within float, and solves it beyond float moving the finish', () => {
    const rows = [task(0, 3, 0, 10, 0, r0(8)), task(1, 2, 1, 1, 1, r0(8)), task(0, 4, 0, 1, 1, [])];
    const within = levelAll(input(rows), { mode: 'within-float' });
    expect(Array.from(within.delay)).toEqual([0, 0, 0]);
    expect(within.unresolved).toEqual([
      { resource: 0, firstDay: 1, lastDay: 2, excessHours: 16, peakExcessHours: 8 },
    ]);
    const beyond = levelAll(input(rows), { mode: 'allow-beyond-float' });
    expect(Array.from(beyond.delay)).toEqual([0, 2, 0]);
    expect(beyond.unresolved).toEqual([]);
    expect(beyond.projectFinishDelays).toEqual([{ project: 1, delayDays: 1 }]);
  });

  it('never moves a task with negative float in within-float mode', () => {
    const rows = [task(0, 3, 0, 10, 0, r0(8)), task(1, 2, -2, 1, 1, r0(8))];
    const within = levelAll(input(rows), { mode: 'within-float' });
    expect(Array.from(within.delay)).toEqual([0, 0]);
    expect(within.unresolved).toHaveLength(1);
    expect(Array.from(levelAll(input(rows), { mode: 'allow-beyond-float' }).delay)).toEqual([0, 2]);
  });

  it('pushes finish-to-start successors by the delay, only as far as needed', () => {
    const rows = [
      task(0, 3, 0, 10, 0, r0(8)),
      task(1, 2, 8, 1, 1, r0(8), [2]),
      task(3, 2, 8, 1, 1, [{ resource: 1, hoursPerDay: 4 }], [3]),
      task(10, 1, 8, 1, 1, [{ resource: 1, hoursPerDay: 4 }]),
    ];
    const r = levelAll(input(rows, 2), { mode: 'within-float' });
    expect(Array.from(r.start)).toEqual([0, 3, 5, 10]);
    expect(r.projectFinishDelays).toEqual([]);
  });

  it('lets a predecessor inherit the priority of the task waiting on it', () => {
    const rows = [
      task(0, 2, 10, 1, 0, r0(8), [1]), // P: low priority, but X waits on it
      task(2, 2, 10, 10, 0, [{ resource: 1, hoursPerDay: 8 }]), // X
      task(0, 2, 10, 5, 1, r0(8)), // Q
    ];
    const r = levelAll(input(rows, 2), { mode: 'within-float' });
    expect(Array.from(r.delay)).toEqual([0, 0, 2]);
  });

  it('does not move a task that exceeds capacity on its own, and reports it', () => {
    const rows = [task(2, 2, 10, 1, 0, r0(10))];
    for (const mode of ['within-float', 'allow-beyond-float'] as const) {
      const r = levelAll(input(rows), { mode });
      expect(Array.from(r.delay)).toEqual([0]);
      expect(r.unresolved).toEqual([
        { resource: 0, firstDay: 2, lastDay: 3, excessHours: 4, peakExcessHours: 2 },
      ]);
    }
  });

  it('pushes past the horizon with the last day’s capacity', () => {
    const rows = [task(0, 3, 0, 2, 0, r0(8)), task(0, 3, 0, 1, 1, r0(8)), task(0, 3, 0, 0, 2, r0(8))];
    const r = levelAll(input(rows, 1, 3), { mode: 'allow-beyond-float' });
    expect(Array.from(r.start)).toEqual([0, 3, 6]);
    expect(r.projectFinishDelays).toEqual([
      { project: 1, delayDays: 3 },
      { project: 2, delayDays: 6 },
    ]);
  });

  it('rejects cycles and malformed input', () => {
    expect(() =>
      levelAll(input([task(0, 1, 0, 1, 0, [], [1]), task(1, 1, 0, 1, 0, [], [0])]), { mode: 'within-float' }),
    ).toThrow(/cycle/);
    expect(() => levelAll(input([task(0, 0, 0, 1, 0, [])]), { mode: 'within-float' })).toThrow(RangeError);
    expect(() =>
      levelAll(input([task(0, 1, 0, 1, 0, [{ resource: 3, hoursPerDay: 1 }])]), { mode: 'within-float' }),
    ).toThrow(RangeError);
  });
});

describe('buildSkillCandidates', () => {
  it('lists the resources holding each task’s skill, none for a task without one', () => {
    const c = buildSkillCandidates(
      Int32Array.from([5, -1, 2]),
      { offset: Int32Array.from([0, 2, 3, 4]), skills: Int32Array.from([5, 2, 5, 9]) },
      3,
    );
    expect(Array.from(c.offset)).toEqual([0, 2, 2, 3]);
    expect(Array.from(c.resources)).toEqual([0, 1, 0]);
  });
});
