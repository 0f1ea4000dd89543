import { describe, expect, it } from 'vitest';
import type { CalendarDefinition } from './calendar-model.ts';
import { create24HourCalendar, createNightShiftCalendar, createStandardCalendar } from './calendar-model.ts';
import { expandExceptionDays } from './calendar-recurrence.ts';
import { buildDayResolvers } from './calendar-resolve.ts';
import { getDayNumber } from './local-time.ts';
import { at, fmt } from './test-helpers.ts';
import type { WorkCalendar } from './work-calendar.ts';
import {
  addWorkingMinutes,
  CalendarWithoutWorkError,
  compileWorkCalendar,
  countWorkingMinutes,
  isWorkingMinute,
  snapMilestoneForward,
  snapToFinish,
  snapToStart,
} from './work-calendar.ts';

function calendar(defs: CalendarDefinition[], id: string): WorkCalendar {
  const { resolvers, issues } = buildDayResolvers(defs);
  expect(issues).toEqual([]);
  const r = resolvers.get(id);
  if (!r) throw new Error(id);
  return compileWorkCalendar(id, r, getDayNumber(at('2026-01-05')));
}

const standard = (): WorkCalendar => calendar([createStandardCalendar()], 'standard');

describe('Standard calendar arithmetic', () => {
  it('finishes a 1-day task at 17:00 the same day, not 08:00 the next', () => {
    expect(fmt(addWorkingMinutes(standard(), at('2026-01-05T08:00'), 480))).toBe('2026-01-05T17:00');
  });

  it('skips the lunch break and the weekend', () => {
    const cal = standard();
    expect(fmt(addWorkingMinutes(cal, at('2026-01-05T10:00'), 180))).toBe('2026-01-05T14:00');
    expect(fmt(addWorkingMinutes(cal, at('2026-01-09T13:00'), 480))).toBe('2026-01-12T12:00');
    expect(fmt(addWorkingMinutes(cal, at('2026-01-12T10:00'), -480))).toBe('2026-01-09T10:00');
  });

  it('moves a start to the next working minute and a finish back to the last one', () => {
    const cal = standard();
    expect(fmt(snapToStart(cal, at('2026-01-09T17:00')))).toBe('2026-01-12T08:00');
    expect(fmt(snapToStart(cal, at('2026-01-05T12:00')))).toBe('2026-01-05T13:00');
    expect(fmt(snapToStart(cal, at('2026-01-05T09:30')))).toBe('2026-01-05T09:30');
    expect(fmt(snapToFinish(cal, at('2026-01-12T08:00')))).toBe('2026-01-09T17:00');
    expect(fmt(snapToFinish(cal, at('2026-01-05T13:00')))).toBe('2026-01-05T12:00');
  });

  it('leaves a milestone at a period end but moves it out of non-working time', () => {
    const cal = standard();
    expect(fmt(snapMilestoneForward(cal, at('2026-01-09T17:00')))).toBe('2026-01-09T17:00');
    expect(fmt(snapMilestoneForward(cal, at('2026-01-10T10:00')))).toBe('2026-01-12T08:00');
    expect(fmt(snapMilestoneForward(cal, at('2026-01-05T08:00')))).toBe('2026-01-05T08:00');
  });

  it('counts 2400 working minutes in a week', () => {
    expect(countWorkingMinutes(standard(), at('2026-01-05T00:00'), at('2026-01-12T00:00'))).toBe(2400);
    expect(isWorkingMinute(standard(), at('2026-01-05T12:30'))).toBe(false);
  });

  it('grows its window far into the past and future', () => {
    const cal = standard();
    expect(fmt(addWorkingMinutes(cal, at('2026-01-05T08:00'), 480 * 5 * 52 * 30))).toBe('2055-11-26T17:00');
    expect(fmt(addWorkingMinutes(cal, at('2026-01-05T08:00'), -480 * 5 * 52 * 10))).toBe('2016-01-18T08:00');
  });
});

describe('calendar definitions', () => {
  it('handles split shifts with three periods a day', () => {
    const split: CalendarDefinition = {
      id: 'split',
      week: [
        [],
        ...Array.from({ length: 5 }, () => [
          { from: 6 * 60, to: 10 * 60 },
          { from: 14 * 60, to: 18 * 60 },
          { from: 20 * 60, to: 22 * 60 },
        ]),
        [],
      ],
    };
    const cal = calendar([split], 'split');
    expect(fmt(addWorkingMinutes(cal, at('2026-01-05T06:00'), 12 * 60))).toBe('2026-01-06T08:00');
    expect(fmt(snapToStart(cal, at('2026-01-05T10:00')))).toBe('2026-01-05T14:00');
    expect(fmt(snapToStart(cal, at('2026-01-05T22:00')))).toBe('2026-01-06T06:00');
  });

  it('applies holidays and inherits them through a base calendar', () => {
    const base: CalendarDefinition = {
      ...createStandardCalendar('company'),
      exceptions: [{ name: 'Closed', from: at('2026-01-07'), to: at('2026-01-07'), working: [] }],
    };
    const derived: CalendarDefinition = {
      id: 'team',
      baseId: 'company',
      week: [null, null, null, null, null, [{ from: 8 * 60, to: 12 * 60 }], null],
      exceptions: [
        {
          name: 'Saturday shift',
          from: at('2026-01-10'),
          to: at('2026-01-10'),
          working: [{ from: 9 * 60, to: 13 * 60 }],
        },
      ],
    };
    const cal = calendar([base, derived], 'team');
    // Mon 8h, Tue 8h, Wed holiday (base), Thu 8h, Fri 4h (own week), Sat 4h (own exception).
    expect(countWorkingMinutes(cal, at('2026-01-05'), at('2026-01-11'))).toBe(8 * 60 * 3 + 4 * 60 + 4 * 60);
    expect(fmt(addWorkingMinutes(cal, at('2026-01-05T08:00'), 3 * 480))).toBe('2026-01-08T17:00');
  });

  it('expands recurring exceptions', () => {
    const yearly = expandExceptionDays({
      from: at('2026-01-01'),
      to: at('2028-12-31'),
      working: [],
      recurrence: { kind: 'yearlyByDay', month: 12, monthDay: 25 },
    });
    expect(yearly.map((d) => fmt(d * 1440).slice(0, 10))).toEqual(['2026-12-25', '2027-12-25', '2028-12-25']);
    const lastFriday = expandExceptionDays({
      from: at('2026-01-01'),
      to: at('2026-03-31'),
      working: [],
      recurrence: { kind: 'monthlyByPosition', every: 1, position: 'last', item: 'friday' },
    });
    expect(lastFriday.map((d) => fmt(d * 1440).slice(0, 10))).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
    ]);
    const weekly = expandExceptionDays({
      from: at('2026-01-05'),
      to: at('2026-02-28'),
      working: [],
      recurrence: { kind: 'weekly', every: 2, daysOfWeek: [1, 3] },
      occurrences: 3,
    });
    expect(weekly.map((d) => fmt(d * 1440).slice(0, 10))).toEqual(['2026-01-05', '2026-01-07', '2026-01-19']);
    const daily = expandExceptionDays({
      from: at('2026-01-05'),
      to: at('2026-01-12'),
      working: [],
      recurrence: { kind: 'daily', every: 3 },
    });
    expect(daily.map((d) => fmt(d * 1440).slice(0, 10))).toEqual(['2026-01-05', '2026-01-08', '2026-01-11']);
    const second = expandExceptionDays({
      from: at('2026-01-01'),
      to: at('2027-12-31'),
      working: [],
      recurrence: { kind: 'yearlyByPosition', month: 11, position: 'fourth', item: 'thursday' },
    });
    expect(second.map((d) => fmt(d * 1440).slice(0, 10))).toEqual(['2026-11-26', '2027-11-25']);
    const monthly = expandExceptionDays({
      from: at('2026-01-01'),
      to: at('2026-06-30'),
      working: [],
      recurrence: { kind: 'monthlyByDay', every: 2, monthDay: 31 },
    });
    expect(monthly.map((d) => fmt(d * 1440).slice(0, 10))).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
    ]);
  });

  it('works across midnight on the night shift', () => {
    const cal = calendar([createNightShiftCalendar()], 'night');
    // Mon 23:00 start: 1 h Monday, then Tue 00:00–03:00 and 04:00–08:00.
    expect(fmt(addWorkingMinutes(cal, at('2026-01-05T23:00'), 480))).toBe('2026-01-06T08:00');
    expect(fmt(snapToStart(cal, at('2026-01-05T08:00')))).toBe('2026-01-05T23:00');
  });

  it('counts 24 h a day on the 24 Hours calendar', () => {
    const cal = calendar([create24HourCalendar()], '24h');
    expect(fmt(addWorkingMinutes(cal, at('2026-01-09T17:00'), 1440))).toBe('2026-01-10T17:00');
  });

  it('reports unknown and cyclic base calendars', () => {
    const { issues } = buildDayResolvers([
      { id: 'a', baseId: 'b', week: [] },
      { id: 'b', baseId: 'a', week: [] },
      { id: 'c', baseId: 'nope', week: [] },
    ]);
    expect(issues.map((i) => i.kind).sort()).toEqual(['base-calendar-cycle', 'unknown-base-calendar']);
  });

  it('fails clearly on a calendar without any working time', () => {
    const cal = calendar([{ id: 'never', week: [[], [], [], [], [], [], []] }], 'never');
    expect(() => addWorkingMinutes(cal, at('2026-01-05T08:00'), 60)).toThrow(CalendarWithoutWorkError);
  });
});
