import { describe, expect, it } from 'vitest';
import {
  mergeScheduleChange,
  type ScheduleChange,
  type ScheduleView,
  type Task,
} from '../../api/schedule.ts';
import { indentBody, linkPath, outdentBody, rowWindow, visibleRows } from './schedule-model.ts';
import {
  chartDay,
  formatDays,
  formatGridDate,
  formatLag,
  localMinutes,
  parseDuration,
  parseLag,
  shiftLocalDays,
} from './schedule-time.ts';

function task(id: string, position: number, parentId: string | null, level: number, wbs: string): Task {
  return {
    id,
    version: 1,
    projectId: 'p',
    parentId,
    position,
    uid: position,
    outlineLevel: level,
    wbs,
    name: id,
    notes: null,
    durationMinutes: 480,
    milestone: false,
    summary: false,
    calendarId: null,
    constraintType: 'ASAP',
    constraintDate: null,
    deadline: null,
    actualStart: null,
    actualFinish: null,
    percentComplete: 0,
    remainingMinutes: null,
    workMinutes: 0,
    costMinor: 0,
    optimisticMinutes: null,
    pessimisticMinutes: null,
    costLowMinor: null,
    costHighMinor: null,
    start: '2026-01-05T08:00:00',
    finish: '2026-01-05T17:00:00',
    earlyStart: null,
    earlyFinish: null,
    lateStart: null,
    lateFinish: null,
    totalFloatMinutes: 0,
    freeFloatMinutes: 0,
    critical: false,
  };
}

// A (summary) > A1, A2; B
const plan = [
  task('A', 1, null, 1, '1'),
  task('A1', 2, 'A', 2, '1.1'),
  task('A2', 3, 'A', 2, '1.2'),
  task('B', 4, null, 1, '2'),
];

const settings = {
  projectId: 'p',
  version: 1,
  calendarId: null,
  scheduleFrom: 'start' as const,
  start: null,
  finish: null,
  statusDate: null,
  minutesPerDay: 480,
  computedStart: null,
  computedFinish: null,
  scheduledAt: null,
};
const view: ScheduleView = {
  settings,
  tasks: plan,
  links: [
    {
      id: 'L1',
      predecessorId: 'A1',
      successorId: 'B',
      predecessorProjectId: 'p',
      successorProjectId: 'p',
      type: 'FS',
      lagKind: 'working',
      lag: 0,
      crossProject: false,
    },
  ],
  calendars: [],
  criticalPaths: [],
  conflicts: [],
  problems: [],
  baselines: [],
};
const noChange: ScheduleChange = {
  settings,
  tasks: [],
  removedTaskIds: [],
  links: [],
  removedLinkIds: [],
  criticalPaths: [],
  conflicts: [],
  problems: [],
};

describe('local date-times', () => {
  it('reads the wall clock without any time zone', () => {
    expect(localMinutes('1970-01-02T08:00:00')).toBe(1440 + 480);
    expect(localMinutes('2026-01-05T08:00')).toBe(localMinutes('2026-01-05T08:00:00'));
    expect(Number.isNaN(localMinutes('5 Jan'))).toBe(true);
    expect(formatGridDate('2026-01-05T08:00:00')).toBe('5 Jan 26');
  });

  it('draws a working day (08:00–17:00) across its whole day column', () => {
    const day = Math.floor(localMinutes('2026-01-05T00:00:00') / 1440);
    expect(chartDay('2026-01-05T08:00:00')).toBe(day);
    expect(chartDay('2026-01-05T17:00:00')).toBe(day + 1);
    expect(chartDay('2026-01-05T12:30:00')).toBe(day + 0.5);
  });

  it('moves by whole days, keeping the time', () => {
    expect(shiftLocalDays('2026-01-30T08:00:00', 3)).toBe('2026-02-02T08:00:00');
    expect(shiftLocalDays('2026-01-05T08:00', -5)).toBe('2025-12-31T08:00:00');
  });
});

describe('durations and lags', () => {
  it('shows working minutes as days', () => {
    expect(formatDays(2400, 480)).toBe('5 d');
    expect(formatDays(0, 480)).toBe('0 d');
    expect(formatDays(240, 480)).toBe('0.5 d');
    expect(formatDays(null, 480)).toBe('—');
  });

  it('reads what people type', () => {
    expect(parseDuration('5', 480)).toBe(2400);
    expect(parseDuration('2.5 d', 480)).toBe(1200);
    expect(parseDuration('4h', 480)).toBe(240);
    expect(parseDuration('1 w', 480)).toBe(2400);
    expect(parseDuration('soon', 480)).toBeNull();
    expect(parseLag('-1 d', 480)).toEqual({ lagKind: 'working', lag: -480 });
    expect(parseLag('3 ed', 480)).toEqual({ lagKind: 'elapsed', lag: 4320 });
    expect(parseLag('50%', 480)).toEqual({ lagKind: 'percent', lag: 50 });
    expect(formatLag({ lagKind: 'elapsed', lag: 1440 }, 480)).toBe('1 ed');
  });
});

describe('the outline', () => {
  it('hides the rows under a collapsed summary', () => {
    expect(visibleRows(plan, new Set()).map((r) => r.task.id)).toEqual(['A', 'A1', 'A2', 'B']);
    const rows = visibleRows(plan, new Set(['A']));
    expect(rows.map((r) => [r.task.id, r.index, r.hasChildren])).toEqual([
      ['A', 0, true],
      ['B', 1, false],
    ]);
  });

  it('indents under the sibling above, after its last child, and outdents after the parent', () => {
    expect(indentBody(plan, plan[3] as Task)).toEqual({ version: 1, parentId: 'A', afterId: 'A2' });
    expect(indentBody(plan, plan[2] as Task)).toEqual({ version: 1, parentId: 'A1', afterId: null });
    expect(indentBody(plan, plan[0] as Task)).toBeNull();
    expect(outdentBody(plan, plan[1] as Task)).toEqual({ version: 1, parentId: null, afterId: 'A' });
    expect(outdentBody(plan, plan[0] as Task)).toBeNull();
  });

  it('renders only the rows in view, with some either side', () => {
    expect(rowWindow(0, 640, 10_000, 8)).toEqual({ first: 0, last: 28 });
    expect(rowWindow(32_048, 640, 10_000, 8)).toEqual({ first: 992, last: 1028 });
    expect(rowWindow(1e9, 640, 100, 8).last).toBe(99);
  });
});

describe('link arrows', () => {
  it('drops onto a later successor from above and detours when it doubles back', () => {
    expect(linkPath(100, 16, 'finish', 200, 48, 'start')).toBe('M100,16 H204 V41');
    expect(linkPath(100, 16, 'finish', 60, 48, 'start')).toBe('M100,16 H108 V32 H52 V48 H60');
  });
});

describe('merging a schedule change into the cached plan', () => {
  it('replaces tasks by id, drops removed ones with their links, and sorts by position', () => {
    const renamed = { ...task('B', 2, null, 1, '2'), name: 'B renamed', version: 2 };
    const { view: merged, stale } = mergeScheduleChange(view, {
      ...noChange,
      tasks: [renamed],
      removedTaskIds: ['A', 'A1', 'A2'],
    });
    expect(stale).toBe(true); // B's outline number did not follow: "2" but it is now the first task
    expect(merged.tasks.map((t) => t.name)).toEqual(['B renamed']);
    expect(merged.links).toEqual([]);
  });

  it('keeps a consistent plan as it is and flags an incomplete one for refetching', () => {
    const edited = { ...task('A1', 2, 'A', 2, '1.1'), durationMinutes: 960 };
    const ok = mergeScheduleChange(view, { ...noChange, tasks: [edited] });
    expect(ok.stale).toBe(false);
    expect(ok.view.tasks.find((t) => t.id === 'A1')?.durationMinutes).toBe(960);
    const clash = mergeScheduleChange(view, { ...noChange, tasks: [task('N', 2, null, 1, '2')] });
    expect(clash.stale).toBe(true);
  });
});
