import { describe, expect, it } from 'vitest';
import { create24HourCalendar, createStandardCalendar } from './calendar-model.ts';
import type { Lag, LinkType } from './schedule-model.ts';
import { at, days, fmt, scheduleOne, span, taskOf } from './test-helpers.ts';

// Project starts Mon 2026-01-05 08:00 on the Standard calendar. A is 2 days: Mon 08:00 – Tue 17:00.
function successorOf(type: LinkType, lag?: Lag, duration = days(1)): [string, string] {
  const r = scheduleOne(
    [
      { id: 'A', durationMinutes: days(2) },
      { id: 'B', durationMinutes: duration },
    ],
    [{ from: 'A', to: 'B', type, ...(lag ? { lag } : {}) }],
  );
  expect(span(r, 'A')).toEqual(['2026-01-05T08:00', '2026-01-06T17:00']);
  return span(r, 'B');
}

describe('link types × lag kinds (hand-computed against Project rules)', () => {
  const cases: [string, LinkType, Lag | undefined, [string, string]][] = [
    [
      'FS, no lag: next working minute after 17:00',
      'FS',
      undefined,
      ['2026-01-07T08:00', '2026-01-07T17:00'],
    ],
    ['FS +1d working', 'FS', { kind: 'working', minutes: 480 }, ['2026-01-08T08:00', '2026-01-08T17:00']],
    [
      'FS +4h working lands after lunch',
      'FS',
      { kind: 'working', minutes: 240 },
      ['2026-01-07T13:00', '2026-01-08T12:00'],
    ],
    ['FS -1d lead', 'FS', { kind: 'working', minutes: -480 }, ['2026-01-06T08:00', '2026-01-06T17:00']],
    [
      'FS +1ed elapsed counts 24 h',
      'FS',
      { kind: 'elapsed', minutes: 1440 },
      ['2026-01-08T08:00', '2026-01-08T17:00'],
    ],
    [
      'FS +12eh elapsed ends in the night',
      'FS',
      { kind: 'elapsed', minutes: 720 },
      ['2026-01-07T08:00', '2026-01-07T17:00'],
    ],
    [
      'FS +50% of a 2-day predecessor',
      'FS',
      { kind: 'percent', percent: 50 },
      ['2026-01-08T08:00', '2026-01-08T17:00'],
    ],
    ['FS -25% lead', 'FS', { kind: 'percent', percent: -25 }, ['2026-01-06T13:00', '2026-01-07T12:00']],
    [
      'FS +50e% elapsed percent (480 elapsed minutes)',
      'FS',
      { kind: 'elapsedPercent', percent: 50 },
      ['2026-01-07T08:00', '2026-01-07T17:00'],
    ],
    ['SS, no lag', 'SS', undefined, ['2026-01-05T08:00', '2026-01-05T17:00']],
    ['SS +1d', 'SS', { kind: 'working', minutes: 480 }, ['2026-01-06T08:00', '2026-01-06T17:00']],
    ['SS +3h', 'SS', { kind: 'working', minutes: 180 }, ['2026-01-05T11:00', '2026-01-06T11:00']],
    ['SS +2ed', 'SS', { kind: 'elapsed', minutes: 2880 }, ['2026-01-07T08:00', '2026-01-07T17:00']],
    ['SS +25%', 'SS', { kind: 'percent', percent: 25 }, ['2026-01-05T13:00', '2026-01-06T12:00']],
    ['FF, no lag', 'FF', undefined, ['2026-01-06T08:00', '2026-01-06T17:00']],
    ['FF +1d', 'FF', { kind: 'working', minutes: 480 }, ['2026-01-07T08:00', '2026-01-07T17:00']],
    ['FF -4h', 'FF', { kind: 'working', minutes: -240 }, ['2026-01-05T13:00', '2026-01-06T12:00']],
    ['FF +1ed', 'FF', { kind: 'elapsed', minutes: 1440 }, ['2026-01-07T08:00', '2026-01-07T17:00']],
    ['SF, no lag (held at the project start)', 'SF', undefined, ['2026-01-05T08:00', '2026-01-05T17:00']],
    ['SF +3d', 'SF', { kind: 'working', minutes: days(3) }, ['2026-01-07T08:00', '2026-01-07T17:00']],
    ['SF +2ed', 'SF', { kind: 'elapsed', minutes: 2880 }, ['2026-01-06T08:00', '2026-01-06T17:00']],
    ['SF +150%', 'SF', { kind: 'percent', percent: 150 }, ['2026-01-07T08:00', '2026-01-07T17:00']],
  ];
  it.each(cases)('%s', (_name, type, lag, expected) => {
    expect(successorOf(type, lag)).toEqual(expected);
  });

  it('puts a zero-duration successor at the predecessor finish (17:00), not the next morning', () => {
    expect(successorOf('FS', undefined, 0)).toEqual(['2026-01-06T17:00', '2026-01-06T17:00']);
    expect(successorOf('SS', undefined, 0)).toEqual(['2026-01-05T08:00', '2026-01-05T08:00']);
    expect(successorOf('FF', undefined, 0)).toEqual(['2026-01-06T17:00', '2026-01-06T17:00']);
    // An elapsed lag ending on Wednesday 17:00 keeps the milestone there; one ending at night moves it.
    expect(successorOf('FS', { kind: 'elapsed', minutes: 1440 }, 0)).toEqual([
      '2026-01-07T17:00',
      '2026-01-07T17:00',
    ]);
    expect(successorOf('FS', { kind: 'elapsed', minutes: 600 }, 0)).toEqual([
      '2026-01-07T08:00',
      '2026-01-07T08:00',
    ]);
  });

  it('starts the task after a milestone at the next working minute', () => {
    const r = scheduleOne(
      [
        { id: 'A', durationMinutes: days(5) },
        { id: 'M', durationMinutes: 0 },
        { id: 'B', durationMinutes: days(1) },
      ],
      [
        { from: 'A', to: 'M', type: 'FS' },
        { from: 'M', to: 'B', type: 'FS' },
      ],
    );
    expect(span(r, 'M')).toEqual(['2026-01-09T17:00', '2026-01-09T17:00']);
    expect(span(r, 'B')).toEqual(['2026-01-12T08:00', '2026-01-12T17:00']);
    expect(taskOf(r, 'M').milestone).toBe(true);
  });

  it('takes negative lags back across a weekend', () => {
    const r = scheduleOne(
      [
        { id: 'A', durationMinutes: days(6) }, // Mon 5 – Mon 12 17:00
        { id: 'B', durationMinutes: days(1) },
        { id: 'C', durationMinutes: days(1) },
        { id: 'D', durationMinutes: days(1) },
      ],
      [
        { from: 'A', to: 'B', type: 'FS', lag: { kind: 'working', minutes: -480 } },
        { from: 'A', to: 'C', type: 'FS', lag: { kind: 'working', minutes: -960 } },
        { from: 'A', to: 'D', type: 'FS', lag: { kind: 'working', minutes: -600 } },
      ],
    );
    expect(span(r, 'B')[0]).toBe('2026-01-12T08:00');
    expect(span(r, 'C')[0]).toBe('2026-01-09T08:00');
    expect(span(r, 'D')[0]).toBe('2026-01-09T15:00');
  });

  it('counts the lag on the successor task calendar', () => {
    const r = scheduleOne(
      [
        { id: 'A', durationMinutes: days(5) }, // ends Fri 9 17:00
        { id: 'B', durationMinutes: 60, calendarId: '24h' },
      ],
      [{ from: 'A', to: 'B', type: 'FS', lag: { kind: 'working', minutes: 480 } }],
      { calendars: [createStandardCalendar(), create24HourCalendar()] },
    );
    // 480 minutes on the 24 Hours calendar: Fri 17:00 → Sat 01:00.
    expect(span(r, 'B')).toEqual(['2026-01-10T01:00', '2026-01-10T02:00']);
  });

  it('runs a 24-hour task straight on after a Standard task', () => {
    const r = scheduleOne(
      [
        { id: 'A', durationMinutes: days(5) },
        { id: 'B', durationMinutes: 1440, calendarId: '24h' },
      ],
      [{ from: 'A', to: 'B', type: 'FS' }],
      { calendars: [createStandardCalendar(), create24HourCalendar()] },
    );
    expect(span(r, 'B')).toEqual(['2026-01-09T17:00', '2026-01-10T17:00']);
  });

  it('takes the latest of several predecessors', () => {
    const r = scheduleOne(
      [
        { id: 'A', durationMinutes: days(2) },
        { id: 'B', durationMinutes: days(4) },
        { id: 'C', durationMinutes: days(1) },
      ],
      [
        { from: 'A', to: 'C', type: 'FS' },
        { from: 'B', to: 'C', type: 'SS', lag: { kind: 'working', minutes: days(1) } },
        { from: 'B', to: 'C', type: 'FF' },
      ],
    );
    // FF: C must finish ≥ Thu 8 17:00, which beats FS (Wed 08:00) and SS+1d (Tue 08:00).
    expect(span(r, 'C')).toEqual(['2026-01-08T08:00', '2026-01-08T17:00']);
    expect(fmt(taskOf(r, 'C').lateFinish)).toBe('2026-01-08T17:00');
  });

  it('starts at the project start when there is no predecessor', () => {
    const r = scheduleOne([{ id: 'A', durationMinutes: 90 }], [], {
      project: { start: at('2026-01-05T11:00') },
    });
    expect(span(r, 'A')).toEqual(['2026-01-05T11:00', '2026-01-05T13:30']);
  });
});
