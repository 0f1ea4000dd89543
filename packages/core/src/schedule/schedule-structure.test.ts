import { describe, expect, it } from 'vitest';
import { createStandardCalendar } from './calendar-model.ts';
import { compileScheduleInput } from './compile-input.ts';
import { queryImpact } from './impact.ts';
import { editTask } from './incremental.ts';
import { scheduleCompiledNetwork } from './passes.ts';
import { buildPortfolioRoadmap } from './portfolio-roadmap.ts';
import { readScheduleResult, scheduleNetwork } from './schedule.ts';
import type { ScheduleInput } from './schedule-model.ts';
import { at, days, fmt, scheduleOne, span, taskOf } from './test-helpers.ts';

describe('WBS summaries', () => {
  const tasks = [
    { id: 'S', durationMinutes: 0 },
    { id: 'A', parentId: 'S', durationMinutes: days(2) },
    { id: 'B', parentId: 'S', durationMinutes: days(1) },
    { id: 'X', durationMinutes: days(1) },
    { id: 'Y', durationMinutes: days(1) },
  ];

  it('rolls dates up from children and drives successors from the summary finish', () => {
    const r = scheduleOne(tasks, [
      { from: 'A', to: 'B', type: 'FS' },
      { from: 'S', to: 'X', type: 'FS' },
    ]);
    expect(span(r, 'S')).toEqual(['2026-01-05T08:00', '2026-01-07T17:00']);
    expect(span(r, 'X')).toEqual(['2026-01-08T08:00', '2026-01-08T17:00']);
    expect(taskOf(r, 'S').summary).toBe(true);
    expect(taskOf(r, 'S').critical).toBe(true);
  });

  it('passes a link into a summary down to every child', () => {
    const r = scheduleOne(tasks, [
      { from: 'Y', to: 'S', type: 'FS' },
      { from: 'A', to: 'B', type: 'FS' },
    ]);
    expect(span(r, 'A')).toEqual(['2026-01-06T08:00', '2026-01-07T17:00']);
    expect(span(r, 'S')).toEqual(['2026-01-06T08:00', '2026-01-08T17:00']);
    expect(r.status === 'scheduled' && r.criticalPaths).toEqual([['Y', 'A', 'B']]);
  });

  it('nests summaries and takes SS from a summary start', () => {
    const r = scheduleOne(
      [
        { id: 'S', durationMinutes: 0 },
        { id: 'T', parentId: 'S', durationMinutes: 0 },
        {
          id: 'A',
          parentId: 'T',
          durationMinutes: days(2),
          constraint: { type: 'SNET', date: at('2026-01-06T08:00') },
        },
        { id: 'Z', durationMinutes: days(1) },
      ],
      [{ from: 'S', to: 'Z', type: 'SS', lag: { kind: 'working', minutes: days(1) } }],
    );
    expect(span(r, 'S')).toEqual(['2026-01-06T08:00', '2026-01-07T17:00']);
    expect(span(r, 'T')).toEqual(['2026-01-06T08:00', '2026-01-07T17:00']);
    expect(span(r, 'Z')).toEqual(['2026-01-07T08:00', '2026-01-07T17:00']);
  });

  it('reports a link between a summary and its own child as a cycle', () => {
    const r = scheduleOne(tasks, [{ from: 'A', to: 'S', type: 'FS' }]);
    expect(r.status === 'invalid' && r.issues[0]).toMatchObject({ kind: 'cycle', taskIds: ['S', 'A'] });
  });
});

describe('cycles and bad input', () => {
  it('names the tasks of every cycle', () => {
    const r = scheduleOne(
      ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => ({ id, durationMinutes: days(1) })),
      [
        { from: 'A', to: 'B', type: 'FS' },
        { from: 'B', to: 'C', type: 'SS' },
        { from: 'C', to: 'A', type: 'FF' },
        { from: 'C', to: 'D', type: 'FS' },
        { from: 'E', to: 'E', type: 'FS' },
      ],
    );
    expect(r.status).toBe('invalid');
    const cycles = r.status === 'invalid' ? r.issues.map((i) => ('taskIds' in i ? i.taskIds : [])) : [];
    expect(cycles).toEqual([['A', 'B', 'C'], ['E']]);
  });

  it('rejects unknown tasks, projects and calendars with their ids', () => {
    const r = scheduleOne(
      [{ id: 'A', durationMinutes: 1, calendarId: 'nope' }],
      [{ from: 'A', to: 'Q', type: 'FS' }],
    );
    expect(r.status === 'invalid' && r.issues.map((i) => i.kind)).toEqual([
      'unknown-calendar',
      'unknown-task',
    ]);
  });
});

describe('float and critical paths', () => {
  it('lists parallel critical paths and computes free float', () => {
    const r = scheduleOne(
      [
        { id: 'A', durationMinutes: days(2) },
        { id: 'B', durationMinutes: days(2) },
        { id: 'C', durationMinutes: days(1) },
        { id: 'D', durationMinutes: days(1) },
        { id: 'E', durationMinutes: days(1) },
      ],
      [
        { from: 'A', to: 'C', type: 'FS' },
        { from: 'B', to: 'C', type: 'FS' },
        { from: 'D', to: 'E', type: 'FS' },
        { from: 'D', to: 'C', type: 'FS' },
      ],
    );
    expect(r.status === 'scheduled' && r.criticalPaths).toEqual([
      ['A', 'C'],
      ['B', 'C'],
    ]);
    expect(taskOf(r, 'D').totalFloatMinutes).toBe(days(1));
    // D drives E directly (no free float) even though it has a day of total float.
    expect(taskOf(r, 'D').freeFloatMinutes).toBe(0);
    expect(taskOf(r, 'E').totalFloatMinutes).toBe(days(1));
    expect(taskOf(r, 'E').critical).toBe(false);
  });

  it('free float is the slack to the nearest successor, total float to the project finish', () => {
    const r = scheduleOne(
      [
        { id: 'A', durationMinutes: days(1) },
        { id: 'B', durationMinutes: days(3) },
        { id: 'C', durationMinutes: days(1) },
        { id: 'D', durationMinutes: days(3) },
      ],
      [
        { from: 'A', to: 'C', type: 'FS' },
        { from: 'B', to: 'C', type: 'FS' },
      ],
    );
    // C on Thu; A could slip 2 days before C moves; the project ends Thu 17:00.
    expect(taskOf(r, 'A').freeFloatMinutes).toBe(days(2));
    expect(taskOf(r, 'A').totalFloatMinutes).toBe(days(2));
    expect(taskOf(r, 'D').totalFloatMinutes).toBe(days(1));
  });
});

function portfolio(): ScheduleInput {
  return {
    calendars: [createStandardCalendar()],
    projects: [
      { id: 'P1', calendarId: 'standard', scheduleFrom: 'start', start: at('2026-01-05T08:00') },
      { id: 'P2', calendarId: 'standard', scheduleFrom: 'start', start: at('2026-01-05T08:00') },
      { id: 'P3', calendarId: 'standard', scheduleFrom: 'start', start: at('2026-01-05T08:00') },
    ],
    tasks: [
      { id: 'A1', projectId: 'P1', durationMinutes: days(3) },
      { id: 'A2', projectId: 'P1', durationMinutes: days(1) },
      { id: 'B1', projectId: 'P2', durationMinutes: days(1) },
      { id: 'BM', projectId: 'P2', durationMinutes: 0 },
      { id: 'B0', projectId: 'P2', durationMinutes: days(6) },
      { id: 'C1', projectId: 'P3', durationMinutes: days(2) },
    ],
    links: [
      { from: 'A1', to: 'A2', type: 'FS' },
      { from: 'A1', to: 'B1', type: 'FS' },
      { from: 'B1', to: 'BM', type: 'FS' },
    ],
  };
}

describe('portfolio', () => {
  it('lets a task in one project drive a task in another', () => {
    const r = scheduleNetwork(portfolio());
    expect(span(r, 'B1')).toEqual(['2026-01-08T08:00', '2026-01-08T17:00']);
    expect(span(r, 'BM')).toEqual(['2026-01-08T17:00', '2026-01-08T17:00']);
    // Float per project: B1 can slip until P2's own finish (B0, Mon 12 17:00).
    expect(taskOf(r, 'B1').totalFloatMinutes).toBe(days(2));
    expect(taskOf(r, 'A1').totalFloatMinutes).toBe(0);
    expect(r.status === 'scheduled' && fmt(r.projects.get('P2')?.finish ?? 0)).toBe('2026-01-12T17:00');
  });

  it('answers which tasks, milestones and projects move when a task slips, then leaves the schedule alone', () => {
    const compiled = compileScheduleInput(portfolio());
    if (!compiled.ok) throw new Error('invalid');
    const { network, taskIndex } = compiled.compiled;
    scheduleCompiledNetwork(network);
    const before = readScheduleResult(compiled.compiled);
    const impact = queryImpact(network, taskIndex.get('A1') as number, days(2));
    expect(impact.tasks.map((t) => [t.taskId, t.finishDeltaMinutes])).toEqual([
      ['A1', days(2)],
      ['A2', days(2)],
      ['B1', days(2)],
      ['BM', days(2)],
    ]);
    expect(impact.milestones.map((t) => t.taskId)).toEqual(['BM']);
    expect(impact.projects).toEqual([
      expect.objectContaining({ projectId: 'P1', finishDeltaMinutes: days(2) }),
    ]);
    const slip4 = queryImpact(network, taskIndex.get('A1') as number, days(4), 'start');
    expect(slip4.projects.map((p) => [p.projectId, p.finishDeltaMinutes])).toEqual([
      ['P1', days(4)],
      ['P2', days(2)],
    ]);
    expect(slip4.tasks.find((t) => t.taskId === 'A1')?.startDeltaMinutes).toBe(days(4));
    expect(readScheduleResult(compiled.compiled)).toEqual(before);
  });

  it('builds the portfolio roadmap with milestones and cross-project dependencies', () => {
    const input = portfolio();
    const roadmap = buildPortfolioRoadmap(scheduleNetwork(input), input.links);
    expect(roadmap.map((p) => [p.projectId, fmt(p.finish), p.critical, p.dependsOn])).toEqual([
      ['P1', '2026-01-08T17:00', true, []],
      ['P2', '2026-01-12T17:00', true, ['P1']],
      ['P3', '2026-01-06T17:00', true, []],
    ]);
    expect(roadmap[1]?.milestones).toEqual([{ taskId: 'BM', date: at('2026-01-08T17:00'), critical: false }]);
  });

  it('re-propagates one edited task to the same dates as a full reschedule', () => {
    const compiled = compileScheduleInput(portfolio());
    if (!compiled.ok) throw new Error('invalid');
    const { network, taskIndex } = compiled.compiled;
    scheduleCompiledNetwork(network);
    editTask(network, taskIndex.get('A1') as number, { durationMinutes: days(5) });
    const incremental = readScheduleResult(compiled.compiled);
    const input = portfolio();
    const full = scheduleNetwork({
      ...input,
      tasks: input.tasks.map((t) => (t.id === 'A1' ? { ...t, durationMinutes: days(5) } : t)),
    });
    expect(incremental).toEqual(full);
    expect(span(incremental, 'B1')).toEqual(['2026-01-12T08:00', '2026-01-12T17:00']);
  });
});
