import { describe, expect, it } from 'vitest';
import type { CalendarDefinition } from './calendar-model.ts';
import { create24HourCalendar, createNightShiftCalendar, createStandardCalendar } from './calendar-model.ts';
import { buildDayResolvers } from './calendar-resolve.ts';
import { getDayNumber } from './local-time.ts';
import type { ConstraintType, LinkType } from './schedule-model.ts';
import { at, scheduleOne, taskOf } from './test-helpers.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { compileWorkCalendar, getWorkPosition } from './work-calendar.ts';

const holidays: CalendarDefinition = {
  id: 'holidays',
  baseId: 'standard',
  week: [null, null, null, null, null, null, null],
  exceptions: [{ from: at('2026-01-07'), to: at('2026-01-07'), working: [] }],
};
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
const CALENDARS = [
  createStandardCalendar(),
  holidays,
  split,
  create24HourCalendar(),
  createNightShiftCalendar(),
];
const { resolvers } = buildDayResolvers(CALENDARS);
const compiled = (id: string): WorkCalendar =>
  compileWorkCalendar(id, resolvers.get(id) as never, getDayNumber(at('2026-01-05')));

// Dates on a working minute, at lunch, at night, on a Saturday and on the holiday.
const DATES = [
  '2026-01-08T10:00',
  '2026-01-08T12:30',
  '2026-01-08T23:30',
  '2026-01-10T11:00',
  '2026-01-07T09:00',
  '2026-01-05T08:00',
];
const CONSTRAINTS: ConstraintType[] = ['SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO'];
const LINKS: LinkType[] = ['FS', 'SS', 'FF', 'SF'];

describe('constraint × calendar × link type matrix', () => {
  const cases = CALENDARS.flatMap((c) => CONSTRAINTS.flatMap((k) => DATES.map((d) => [c.id, k, d] as const)));
  it.each(cases)('%s: %s %s', (calendarId, type, dateText) => {
    const cal = compiled(calendarId);
    const date = at(dateText);
    for (const link of LINKS) {
      for (const duration of [0, 300, 960]) {
        const r = scheduleOne(
          [
            { id: 'A', durationMinutes: 600, calendarId },
            { id: 'B', durationMinutes: duration, calendarId, constraint: { type, date } },
            { id: 'Z', durationMinutes: 4800, calendarId },
          ],
          [{ from: 'A', to: 'B', type: link, lag: { kind: 'working', minutes: -60 } }],
          { calendars: CALENDARS },
        );
        const b = taskOf(r, 'B');
        const ws = getWorkPosition(cal, b.start);
        const wf = getWorkPosition(cal, b.finish);
        const wd = getWorkPosition(cal, date);
        expect(wf - ws).toBe(duration);
        if (type === 'SNET') expect(ws).toBeGreaterThanOrEqual(wd);
        if (type === 'SNLT') expect(ws).toBeLessThanOrEqual(wd);
        if (type === 'FNET') expect(wf).toBeGreaterThanOrEqual(wd);
        if (type === 'FNLT') expect(wf).toBeLessThanOrEqual(wd);
        if (type === 'MSO') expect(ws).toBe(wd);
        if (type === 'MFO') expect(wf).toBe(wd);
        // A held task names its conflict; a free one has no negative float.
        const conflicts = r.status === 'scheduled' ? r.conflicts.filter((c) => c.taskId === 'B') : [];
        if (conflicts.length === 0) expect(b.totalFloatMinutes).toBeGreaterThanOrEqual(0);
        else expect(conflicts[0]?.constraint).toBe(type);
        // Starts are at a working minute (or a milestone at a period end); never in the middle of a gap.
        if (duration > 0) expect(getWorkPosition(cal, b.start + 1)).toBe(ws + 1);
      }
    }
  });
});
