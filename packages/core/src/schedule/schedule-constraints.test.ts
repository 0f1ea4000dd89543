import { describe, expect, it } from 'vitest';
import { createStandardCalendar } from './calendar-model.ts';
import { scheduleNetwork } from './schedule.ts';
import type { ConstraintType } from './schedule-model.ts';
import { at, days, fmt, scheduleOne, span, taskOf } from './test-helpers.ts';

// A (2d) Mon 5 08:00 – Tue 6 17:00, then B (1d) FS: B's links alone put it on Wed 7.
function constrained(type: ConstraintType, date?: string) {
  return scheduleOne(
    [
      { id: 'A', durationMinutes: days(2) },
      { id: 'B', durationMinutes: days(1), constraint: { type, ...(date ? { date: at(date) } : {}) } },
      { id: 'C', durationMinutes: days(4) },
    ],
    [{ from: 'A', to: 'B', type: 'FS' }],
  );
}

describe('constraints', () => {
  it('SNET pushes the task later, never earlier', () => {
    expect(span(constrained('SNET', '2026-01-08T08:00'), 'B')).toEqual([
      '2026-01-08T08:00',
      '2026-01-08T17:00',
    ]);
    expect(span(constrained('SNET', '2026-01-05T08:00'), 'B')).toEqual([
      '2026-01-07T08:00',
      '2026-01-07T17:00',
    ]);
    // A date in non-working time moves to the next working minute.
    expect(span(constrained('SNET', '2026-01-10T00:00'), 'B')[0]).toBe('2026-01-12T08:00');
  });

  it('FNET pushes the finish later', () => {
    expect(span(constrained('FNET', '2026-01-09T17:00'), 'B')).toEqual([
      '2026-01-09T08:00',
      '2026-01-09T17:00',
    ]);
    expect(span(constrained('FNET', '2026-01-06T17:00'), 'B')).toEqual([
      '2026-01-07T08:00',
      '2026-01-07T17:00',
    ]);
  });

  it('SNLT holds the task against its links and names the conflict with negative float', () => {
    const r = constrained('SNLT', '2026-01-06T08:00');
    expect(span(r, 'B')).toEqual(['2026-01-06T08:00', '2026-01-06T17:00']);
    expect(r.status === 'scheduled' && r.conflicts).toEqual([
      expect.objectContaining({ taskId: 'B', constraint: 'SNLT', minutes: 480 }),
    ]);
    expect(taskOf(r, 'A').totalFloatMinutes).toBe(-480);
    expect(taskOf(r, 'A').critical).toBe(true);
  });

  it('SNLT later than the links allow changes nothing but the late dates', () => {
    const r = constrained('SNLT', '2026-01-08T08:00');
    expect(span(r, 'B')).toEqual(['2026-01-07T08:00', '2026-01-07T17:00']);
    expect(fmt(taskOf(r, 'B').lateStart)).toBe('2026-01-08T08:00');
    expect(taskOf(r, 'B').totalFloatMinutes).toBe(480);
  });

  it('FNLT holds the finish', () => {
    const r = constrained('FNLT', '2026-01-05T17:00');
    expect(span(r, 'B')).toEqual(['2026-01-05T08:00', '2026-01-05T17:00']);
    expect(r.status === 'scheduled' && r.conflicts[0]).toMatchObject({ constraint: 'FNLT', minutes: 960 });
  });

  it('MSO fixes the start both ways, breaking a link when it must', () => {
    expect(span(constrained('MSO', '2026-01-09T08:00'), 'B')).toEqual([
      '2026-01-09T08:00',
      '2026-01-09T17:00',
    ]);
    const early = constrained('MSO', '2026-01-06T13:00');
    expect(span(early, 'B')).toEqual(['2026-01-06T13:00', '2026-01-07T12:00']);
    expect(taskOf(early, 'A').totalFloatMinutes).toBe(-240);
    expect(early.status === 'scheduled' && early.conflicts[0]).toMatchObject({
      taskId: 'B',
      constraint: 'MSO',
      minutes: 240,
    });
  });

  it('MFO fixes the finish', () => {
    expect(span(constrained('MFO', '2026-01-08T17:00'), 'B')).toEqual([
      '2026-01-08T08:00',
      '2026-01-08T17:00',
    ]);
    expect(span(constrained('MFO', '2026-01-08T12:00'), 'B')).toEqual([
      '2026-01-07T13:00',
      '2026-01-08T12:00',
    ]);
  });

  it('ALAP uses the late dates and pushes its successors', () => {
    // C (4d) sets the finish Thu 8 17:00; B ALAP slides to Thursday.
    expect(span(constrained('ALAP'), 'B')).toEqual(['2026-01-08T08:00', '2026-01-08T17:00']);
    const r = scheduleOne(
      [
        { id: 'A', durationMinutes: days(1), constraint: { type: 'ALAP' } },
        { id: 'B', durationMinutes: days(1) },
        { id: 'C', durationMinutes: days(5) },
      ],
      [{ from: 'A', to: 'B', type: 'FS' }],
    );
    expect(span(r, 'A')).toEqual(['2026-01-08T08:00', '2026-01-08T17:00']);
    expect(span(r, 'B')).toEqual(['2026-01-09T08:00', '2026-01-09T17:00']);
    expect(taskOf(r, 'A').totalFloatMinutes).toBe(0);
  });

  it('a missed deadline shows as negative float and a named conflict without moving the task', () => {
    const r = scheduleOne(
      [
        { id: 'A', durationMinutes: days(2) },
        { id: 'B', durationMinutes: days(1), deadline: at('2026-01-06T17:00') },
      ],
      [{ from: 'A', to: 'B', type: 'FS' }],
    );
    expect(span(r, 'B')).toEqual(['2026-01-07T08:00', '2026-01-07T17:00']);
    expect(taskOf(r, 'B').totalFloatMinutes).toBe(-480);
    expect(taskOf(r, 'A').totalFloatMinutes).toBe(-480);
    expect(r.status === 'scheduled' && r.conflicts).toEqual([
      expect.objectContaining({ taskId: 'B', constraint: 'deadline', minutes: 480 }),
    ]);
  });

  it('a deadline that is met leaves float to it', () => {
    const r = scheduleOne([
      { id: 'A', durationMinutes: days(1), deadline: at('2026-01-09T17:00') },
      { id: 'Z', durationMinutes: days(10) },
    ]);
    expect(taskOf(r, 'A').totalFloatMinutes).toBe(days(4));
  });

  it('reports a missing constraint date instead of guessing', () => {
    const r = scheduleOne([{ id: 'A', durationMinutes: days(1), constraint: { type: 'MSO' } }]);
    expect(r.status).toBe('invalid');
    expect(r.status === 'invalid' && r.issues[0]).toMatchObject({ kind: 'missing-constraint-date', id: 'A' });
  });
});

describe('HonorConstraints off', () => {
  it('lets links push an SNLT task past its date and shows the miss as negative float', () => {
    const r = scheduleNetwork({
      calendars: [createStandardCalendar()],
      projects: [{ id: 'P', calendarId: 'standard', scheduleFrom: 'start', start: at('2026-01-05T08:00') }],
      tasks: [
        { id: 'A', durationMinutes: days(2) },
        { id: 'B', durationMinutes: days(1), constraint: { type: 'SNLT', date: at('2026-01-06T08:00') } },
      ],
      links: [{ from: 'A', to: 'B', type: 'FS' }],
      options: { honorConstraints: false },
    });
    expect(span(r, 'B')).toEqual(['2026-01-07T08:00', '2026-01-07T17:00']);
    expect(taskOf(r, 'B').totalFloatMinutes).toBe(-480);
    expect(r.status === 'scheduled' && r.conflicts).toEqual([]);
  });
});

describe('progress', () => {
  it('keeps an on-time task where it was at 50%', () => {
    const r = scheduleOne([
      { id: 'A', durationMinutes: days(4), actualStart: at('2026-01-05T08:00'), percentComplete: 50 },
    ]);
    expect(span(r, 'A')).toEqual(['2026-01-05T08:00', '2026-01-08T17:00']);
  });

  it('schedules the remaining duration after the actual part of a late-started task', () => {
    const r = scheduleOne([
      { id: 'A', durationMinutes: days(4), actualStart: at('2026-01-06T08:00'), remainingMinutes: days(3) },
    ]);
    expect(span(r, 'A')).toEqual(['2026-01-06T08:00', '2026-01-09T17:00']);
  });

  it('uses actual dates of a finished task to drive successors, and a finished task is not critical', () => {
    const r = scheduleOne(
      [
        {
          id: 'A',
          durationMinutes: days(2),
          actualStart: at('2026-01-05T08:00'),
          actualFinish: at('2026-01-05T12:00'),
          percentComplete: 100,
        },
        { id: 'B', durationMinutes: days(1) },
      ],
      [{ from: 'A', to: 'B', type: 'FS' }],
    );
    expect(span(r, 'A')).toEqual(['2026-01-05T08:00', '2026-01-05T12:00']);
    expect(span(r, 'B')).toEqual(['2026-01-05T13:00', '2026-01-06T12:00']);
    expect(taskOf(r, 'A').critical).toBe(false);
  });

  it('a predecessor that slips pushes the remaining part of an in-progress task', () => {
    const r = scheduleOne(
      [
        { id: 'A', durationMinutes: days(3) },
        { id: 'B', durationMinutes: days(2), actualStart: at('2026-01-05T08:00'), remainingMinutes: days(1) },
      ],
      [{ from: 'A', to: 'B', type: 'FS' }],
    );
    // Actual day Monday; the remaining day waits for A (ends Wed 17:00): Thursday.
    expect(span(r, 'B')).toEqual(['2026-01-05T08:00', '2026-01-08T17:00']);
  });

  it('moves remaining work after the status date only on request', () => {
    const task = {
      id: 'A',
      durationMinutes: days(2),
      actualStart: at('2026-01-05T08:00'),
      remainingMinutes: days(1),
    };
    const project = {
      id: 'P',
      calendarId: 'standard',
      scheduleFrom: 'start' as const,
      start: at('2026-01-05T08:00'),
      statusDate: at('2026-01-08T08:00'),
    };
    const input = { calendars: [createStandardCalendar()], projects: [project], tasks: [task], links: [] };
    expect(span(scheduleNetwork(input), 'A')[1]).toBe('2026-01-06T17:00');
    const moved = scheduleNetwork({ ...input, options: { rescheduleRemainingAfterStatusDate: true } });
    expect(span(moved, 'A')).toEqual(['2026-01-05T08:00', '2026-01-08T17:00']);
  });
});

describe('schedule from the project finish', () => {
  it('places ALAP tasks back from the finish date and computes the start', () => {
    const r = scheduleOne(
      [
        { id: 'A', durationMinutes: days(2), constraint: { type: 'ALAP' } },
        { id: 'B', durationMinutes: days(1), constraint: { type: 'ALAP' } },
        { id: 'C', durationMinutes: days(1), constraint: { type: 'ALAP' } },
      ],
      [{ from: 'A', to: 'B', type: 'FS' }],
      { project: { scheduleFrom: 'finish', finish: at('2026-01-09T17:00') } },
    );
    expect(span(r, 'B')).toEqual(['2026-01-09T08:00', '2026-01-09T17:00']);
    expect(span(r, 'A')).toEqual(['2026-01-07T08:00', '2026-01-08T17:00']);
    expect(span(r, 'C')).toEqual(['2026-01-09T08:00', '2026-01-09T17:00']);
    expect(r.status === 'scheduled' && fmt(r.projects.get('P')?.start ?? 0)).toBe('2026-01-07T08:00');
    expect(taskOf(r, 'A').critical).toBe(true);
    expect(taskOf(r, 'C').totalFloatMinutes).toBe(0);
  });

  it('holds an SNET task in a from-finish project', () => {
    const r = scheduleOne(
      [
        { id: 'A', durationMinutes: days(1), constraint: { type: 'ALAP' } },
        { id: 'B', durationMinutes: days(3), constraint: { type: 'SNET', date: at('2026-01-06T08:00') } },
      ],
      [{ from: 'A', to: 'B', type: 'FS' }],
      { project: { scheduleFrom: 'finish', finish: at('2026-01-09T17:00') } },
    );
    expect(span(r, 'B')).toEqual(['2026-01-07T08:00', '2026-01-09T17:00']);
    expect(span(r, 'A')).toEqual(['2026-01-06T08:00', '2026-01-06T17:00']);
  });
});
