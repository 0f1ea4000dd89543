import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStandardCalendar } from '../schedule/calendar-model.ts';
import { buildDayResolvers } from '../schedule/calendar-resolve.ts';
import { parseLocalDateTime } from '../schedule/local-time.ts';
import type { WorkCalendar } from '../schedule/work-calendar.ts';
import { compileWorkCalendar } from '../schedule/work-calendar.ts';
import { computeDailyCapacity, spreadFlatDemand, spreadTaskWork } from './daily-capacity.ts';
import { startOfIsoWeek, toDayNumber, weekdayOf } from './day-number.ts';

const d = toDayNumber;
const MON = d('2026-01-05');
const hours = (a: Float64Array): number[] => Array.from(a, (h) => Math.round(h * 1e9) / 1e9);
const sum = (a: Float64Array): number => a.reduce((s, h) => s + h, 0);

function at(text: string): number {
  const t = parseLocalDateTime(text);
  if (t === undefined) throw new Error(text);
  return t;
}

function standard(): WorkCalendar {
  const { resolvers } = buildDayResolvers([createStandardCalendar()]);
  const r = resolvers.get('standard');
  if (!r) throw new Error('standard');
  return compileWorkCalendar('standard', r, MON);
}

describe('computeDailyCapacity', () => {
  it('gives a full-timer 8 h on weekdays and nothing at weekends', () => {
    expect(hours(computeDailyCapacity({ hoursPerWeek: 40 }, MON, MON + 6))).toEqual([8, 8, 8, 8, 8, 0, 0]);
  });

  it('zeroes holidays: 1 January 2026 is a Thursday', () => {
    const cap = computeDailyCapacity(
      { hoursPerWeek: 40, holidays: new Set([d('2026-01-01')]) },
      d('2025-12-29'),
      d('2026-01-04'),
    );
    expect(hours(cap)).toEqual([8, 8, 8, 0, 8, 0, 0]);
  });

  it('spreads part-time hours over the working weekdays', () => {
    expect(hours(computeDailyCapacity({ hoursPerWeek: 20 }, MON, MON + 6))).toEqual([4, 4, 4, 4, 4, 0, 0]);
    const monToThu = [false, true, true, true, true, false, false];
    expect(
      hours(computeDailyCapacity({ hoursPerWeek: 20, workingWeekdays: monToThu }, MON, MON + 6)),
    ).toEqual([5, 5, 5, 5, 0, 0, 0]);
  });

  it('starts and ends with employment, mid-week', () => {
    const cap = computeDailyCapacity(
      { hoursPerWeek: 40, employmentStart: d('2026-01-07'), employmentEnd: d('2026-01-13') },
      MON,
      MON + 9,
    );
    expect(hours(cap)).toEqual([0, 0, 8, 8, 8, 0, 0, 8, 8, 0]);
  });

  it('takes whole-day leave off entirely and partial leave by its hours, never below zero', () => {
    const cap = computeDailyCapacity(
      {
        hoursPerWeek: 40,
        leave: [
          { start: MON, end: MON, hoursPerDay: null },
          { start: MON + 1, end: MON + 1, hoursPerDay: 3 },
          { start: MON + 2, end: MON + 2, hoursPerDay: 10 },
          { start: MON + 5, end: MON + 6, hoursPerDay: null },
        ],
      },
      MON,
      MON + 6,
    );
    expect(hours(cap)).toEqual([0, 5, 0, 8, 8, 0, 0]);
  });

  it('clips leave and employment to the asked range and rejects bad input', () => {
    const cap = computeDailyCapacity(
      {
        hoursPerWeek: 40,
        leave: [{ start: MON - 10, end: MON, hoursPerDay: null }],
        employmentStart: MON - 100,
      },
      MON,
      MON + 1,
    );
    expect(hours(cap)).toEqual([0, 8]);
    expect(computeDailyCapacity({ hoursPerWeek: 40 }, MON, MON - 1).length).toBe(0);
    expect(() => computeDailyCapacity({ hoursPerWeek: -1 }, MON, MON)).toThrow(RangeError);
    expect(() => computeDailyCapacity({ hoursPerWeek: 40, workingWeekdays: [true] }, MON, MON)).toThrow(
      RangeError,
    );
    expect(
      sum(computeDailyCapacity({ hoursPerWeek: 40, workingWeekdays: Array(7).fill(false) }, MON, MON + 6)),
    ).toBe(0);
  });
});

describe('spreadFlatDemand', () => {
  it('spreads a week’s hours over its working days', () => {
    expect(hours(spreadFlatDemand(MON, MON + 13, 20))).toEqual([4, 4, 4, 4, 4, 0, 0, 4, 4, 4, 4, 4, 0, 0]);
  });

  it('prorates a week cut by the booking and keeps a holiday week’s hours on its other days', () => {
    // From Wednesday: three of five working days → 24 of 40 hours.
    expect(hours(spreadFlatDemand(MON + 2, MON + 6, 40))).toEqual([8, 8, 8, 0, 0]);
    const holiday = spreadFlatDemand(MON, MON + 6, 40, { holidays: new Set([MON + 3]) });
    expect(hours(holiday)).toEqual([10, 10, 10, 0, 10, 0, 0]);
  });

  it('drops a piece of week whose working days are all holidays', () => {
    const r = spreadFlatDemand(MON + 4, MON + 8, 40, { holidays: new Set([MON + 4]) });
    expect(hours(r)).toEqual([0, 0, 0, 8, 8]);
  });

  it('follows the resource’s weekdays', () => {
    const monToThu = [false, true, true, true, true, false, false];
    expect(hours(spreadFlatDemand(MON, MON + 6, 20, { workingWeekdays: monToThu }))).toEqual([
      5, 5, 5, 5, 0, 0, 0,
    ]);
  });

  it('keeps the hours asked whenever each week touched has a working day', () => {
    const week = fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }).filter((w) => w.some(Boolean));
    fc.assert(
      fc.property(
        fc.integer({ min: 20_000, max: 20_400 }),
        fc.integer({ min: 0, max: 120 }),
        fc.double({ min: 0, max: 80, noNaN: true }),
        week,
        fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 30 }),
        (start, length, perWeek, flags, holidayOffsets) => {
          const end = start + length;
          const holidays = new Set(holidayOffsets.map((o) => start + o));
          const perWeekDays = flags.filter(Boolean).length;
          let asked = 0;
          let placeable = true;
          for (let ws = startOfIsoWeek(start); ws <= end; ws += 7) {
            let nominal = 0;
            let usable = 0;
            for (let day = Math.max(ws, start); day <= Math.min(ws + 6, end); day++) {
              if (!flags[weekdayOf(day)]) continue;
              nominal++;
              if (!holidays.has(day)) usable++;
            }
            if (nominal > 0 && usable === 0) placeable = false;
            asked += (perWeek * nominal) / perWeekDays;
          }
          fc.pre(placeable);
          const spread = spreadFlatDemand(start, end, perWeek, { workingWeekdays: flags, holidays });
          expect(Math.abs(sum(spread) - asked)).toBeLessThan(1e-6);
          spread.forEach((h, i) => {
            if (h > 0) {
              expect(flags[weekdayOf(start + i)]).toBe(true);
              expect(holidays.has(start + i)).toBe(false);
            }
          });
        },
      ),
    );
  });
});

describe('spreadTaskWork', () => {
  it('spreads work by working minutes per day', () => {
    const r = spreadTaskWork(at('2026-01-05T08:00'), at('2026-01-07T17:00'), 24 * 60, standard());
    expect(r.firstDay).toBe(MON);
    expect(hours(r.hours)).toEqual([8, 8, 8]);
  });

  it('weighs part days and skips the weekend', () => {
    const r = spreadTaskWork(at('2026-01-09T13:00'), at('2026-01-12T12:00'), 6 * 60, standard());
    expect(r.firstDay).toBe(MON + 4);
    expect(hours(r.hours)).toEqual([3, 0, 0, 3]);
  });

  it('treats a midnight finish as the end of the day before', () => {
    const r = spreadTaskWork(at('2026-01-05T00:00'), at('2026-01-06T00:00'), 480, standard());
    expect(hours(r.hours)).toEqual([8]);
  });

  it('puts a milestone’s work on its day and spreads work on non-working time by elapsed time', () => {
    expect(
      hours(spreadTaskWork(at('2026-01-05T12:00'), at('2026-01-05T12:00'), 120, standard()).hours),
    ).toEqual([2]);
    const weekend = spreadTaskWork(at('2026-01-10T12:00'), at('2026-01-11T12:00'), 240, standard());
    expect(hours(weekend.hours)).toEqual([2, 2]);
  });

  it('keeps all the work whatever the span', () => {
    const cal = standard();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 * 30 }),
        fc.integer({ min: 0, max: 60 * 24 * 30 }),
        fc.integer({ min: 0, max: 10_000 }),
        (offset, length, work) => {
          const start = at('2026-01-01T00:00') + offset;
          const r = spreadTaskWork(start, start + length, work, cal);
          expect(Math.abs(sum(r.hours) - work / 60)).toBeLessThan(1e-6);
          expect(r.firstDay).toBe(Math.floor(start / 1440));
        },
      ),
    );
  });
});
