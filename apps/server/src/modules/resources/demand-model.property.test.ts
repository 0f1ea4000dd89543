import {
  buildDayResolvers,
  buildPeriods,
  type CalendarDefinition,
  compileWorkCalendar,
  computeDailyCapacity,
  type DayNumber,
  fromDayNumber,
  type PeriodGranularity,
  parseLocalDateTime,
  STANDARD_DAY,
  spreadFlatDemand,
  spreadTaskWork,
  toDayNumber,
  type WorkCalendar,
  weekdayOf,
} from '@baton/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocatedOn,
  buildDemandGrid,
  buildDemandModel,
  type CalendarDays,
  type DemandInputs,
} from './demand-model.ts';
import type { AllocationDemandRow, AssignmentLoadRow, CapacityResourceRow } from './resources.repository.ts';

// The model builder spreads bookings straight into per-pair spans and sums them into periods; the
// reference below is the plain form it replaced: every resource-project pair as two arrays over the
// whole window, filled with spreadFlatDemand / spreadTaskWork / computeDailyCapacity, then summed.

const DEMAND = new Set(['proposed', 'approved', 'active', 'on_hold']);
const BASE = toDayNumber('2027-01-04');

type Reference = {
  capacity: Float64Array;
  committed: Float64Array;
  tentative: Float64Array;
  /** Per resource: hours it can work per window day. */
  daily: Float64Array[];
  /** Per "resource|project": booked and task hours per window day. */
  cells: Map<string, { allocated: Float64Array; assigned: Float64Array }>;
};

/** A booking as the reference reads it: dates as text and the project's status. */
type Booking = {
  resourceId: string;
  projectId: string;
  projectStatus: string;
  start: string;
  end: string;
  hoursPerWeek: number | null;
  percent: number | null;
  phases: { start: string; end: string; hoursPerWeek: number }[] | null;
};

function reference(
  input: DemandInputs,
  bookings: readonly Booking[],
  granularity: PeriodGranularity,
): Reference {
  const { fromDay, toDay, calendars } = input;
  const n = toDay - fromDay + 1;
  const standard = calendars.days.get(calendars.standardId) as Float64Array;
  const bases = input.resources.map((r) => {
    const minutes = (r.calendarId && calendars.days.get(r.calendarId)) || standard;
    const seen = [0, 0, 0, 0, 0, 0, 0];
    const working = [0, 0, 0, 0, 0, 0, 0];
    for (let d = fromDay; d <= toDay; d++) {
      const w = weekdayOf(d);
      seen[w] = (seen[w] as number) + 1;
      if ((minutes[d - fromDay] as number) > 0) working[w] = (working[w] as number) + 1;
    }
    const workingWeekdays = seen.map((k, w) =>
      k === 0 ? w >= 1 && w <= 5 : (working[w] as number) * 2 > k || ((working[w] as number) > 0 && k === 1),
    );
    const holidays = new Set<number>();
    for (let d = fromDay; d <= toDay; d++)
      if (workingWeekdays[weekdayOf(d)] && minutes[d - fromDay] === 0) holidays.add(d);
    const daily = computeDailyCapacity(
      {
        hoursPerWeek: r.capacityHoursPerWeek,
        workingWeekdays,
        holidays,
        leave: input.leave
          .filter((l) => l.resourceId === r.id)
          .map((l) => ({ start: toDayNumber(l.start), end: toDayNumber(l.end), hoursPerDay: l.hoursPerDay })),
        employmentStart: r.employmentStart ? toDayNumber(r.employmentStart) : null,
        employmentEnd: r.employmentEnd ? toDayNumber(r.employmentEnd) : null,
      },
      fromDay,
      toDay,
    );
    return { workingWeekdays, holidays, daily };
  });
  const cells = new Map<
    string,
    { resource: number; tentative: boolean; allocated: Float64Array; assigned: Float64Array }
  >();
  const cellOf = (r: number, projectId: string, status: string) => {
    const key = `${input.resources[r]?.id}|${projectId}`;
    let c = cells.get(key);
    if (!c) {
      c = {
        resource: r,
        tentative: status === 'proposed',
        allocated: new Float64Array(n),
        assigned: new Float64Array(n),
      };
      cells.set(key, c);
    }
    return c;
  };
  const addDays = (target: Float64Array, values: Float64Array, firstDay: DayNumber) => {
    for (let i = 0; i < values.length; i++) {
      const k = firstDay + i - fromDay;
      if (k >= 0 && k < n) target[k] = (target[k] as number) + (values[i] as number);
    }
  };
  for (const a of bookings) {
    const r = input.resources.findIndex((x) => x.id === a.resourceId);
    if (r < 0 || !DEMAND.has(a.projectStatus)) continue;
    const basis = bases[r] as (typeof bases)[number];
    const first = toDayNumber(a.start);
    const last = toDayNumber(a.end);
    const out = new Float64Array(last - first + 1);
    if (a.phases?.length) {
      for (const p of a.phases) {
        const s = Math.max(first, toDayNumber(p.start));
        const e = Math.min(last, toDayNumber(p.end));
        if (s <= e) {
          const v = spreadFlatDemand(s, e, p.hoursPerWeek, basis);
          for (let i = 0; i < v.length; i++)
            out[s - first + i] = (out[s - first + i] as number) + (v[i] as number);
        }
      }
    } else {
      const perWeek =
        a.hoursPerWeek ??
        ((a.percent ?? 0) / 100) * (input.resources[r] as CapacityResourceRow).capacityHoursPerWeek;
      out.set(spreadFlatDemand(first, last, perWeek, basis));
    }
    addDays(cellOf(r, a.projectId, a.projectStatus).allocated, out, first);
  }
  for (const t of input.assignments) {
    const r = input.resources.findIndex((x) => x.id === t.resourceId);
    if (r < 0 || !DEMAND.has(t.projectStatus) || !t.start || !t.finish) continue;
    const resource = input.resources[r] as CapacityResourceRow;
    const calendar =
      (t.calendarId && calendars.calendars.get(t.calendarId)) ||
      (resource.calendarId && calendars.calendars.get(resource.calendarId)) ||
      (calendars.calendars.get(calendars.standardId) as WorkCalendar);
    const spread = spreadTaskWork(
      parseLocalDateTime(t.start) as number,
      parseLocalDateTime(t.finish) as number,
      t.workMinutes,
      calendar,
    );
    addDays(cellOf(r, t.projectId, t.projectStatus).assigned, spread.hours, spread.firstDay);
  }
  const periods = buildPeriods(fromDay, toDay, granularity);
  const P = periods.count;
  const periodOf = (k: number) => {
    for (let p = 0; p < P; p++) if (fromDay + k <= (periods.ends[p] as number)) return p;
    return -1;
  };
  const R = input.resources.length;
  const capacity = new Float64Array(R * P);
  const committed = new Float64Array(R * P);
  const tentative = new Float64Array(R * P);
  const add = (target: Float64Array, i: number, v: number) => {
    target[i] = (target[i] as number) + v;
  };
  bases.forEach((b, r) => {
    for (let k = 0; k < n; k++) add(capacity, r * P + periodOf(k), b.daily[k] as number);
  });
  for (const c of cells.values())
    for (let k = 0; k < n; k++)
      add(
        c.tentative ? tentative : committed,
        c.resource * P + periodOf(k),
        Math.max(c.allocated[k] as number, c.assigned[k] as number),
      );
  return { capacity, committed, tentative, daily: bases.map((b) => b.daily), cells };
}

/** A calendar with a random work week and holidays around the base date, as the server resolves it. */
function calendarsOf(
  defs: { id: string; week: boolean[]; halfDays: boolean[]; holidays: number[] }[],
  fromDay: DayNumber,
  toDay: DayNumber,
): CalendarDays {
  const definitions: CalendarDefinition[] = defs.map((c) => ({
    id: c.id,
    week: c.week.map((w, i) => (w ? (c.halfDays[i] ? [{ from: 8 * 60, to: 12 * 60 }] : STANDARD_DAY) : [])),
    exceptions: c.holidays.map((h) => ({ from: (BASE + h) * 1440, to: (BASE + h) * 1440, working: [] })),
  }));
  const { resolvers } = buildDayResolvers(definitions);
  const days = new Map<string, Float64Array>();
  const calendars = new Map<string, WorkCalendar>();
  for (const c of defs) {
    const resolve = resolvers.get(c.id);
    if (!resolve) throw new Error(c.id);
    calendars.set(c.id, compileWorkCalendar(c.id, resolve, fromDay));
    const out = new Float64Array(toDay - fromDay + 1);
    for (let d = 0; d < out.length; d++)
      for (const iv of resolve(fromDay + d)) out[d] = (out[d] as number) + iv.to - iv.from;
    days.set(c.id, out);
  }
  return { standardId: 'cal0', days, calendars };
}

const date = (offset: number) => fromDayNumber(BASE + offset);
const at = (offset: number, minutes: number) => {
  const d = date(offset);
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return `${d}T${h}:${m}:00`;
};

const calendarArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    week: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
    halfDays: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
    holidays: fc.array(fc.integer({ min: -20, max: 120 }), { maxLength: 8 }),
  });

const scenario = fc
  .record({
    calendars: fc.tuple(calendarArb('cal0'), calendarArb('cal1')),
    resources: fc.array(
      fc.record({
        hours: fc.constantFrom(0, 20, 32, 37.5, 40),
        calendar: fc.constantFrom(null, 'cal0', 'cal1', 'missing'),
        employmentStart: fc.option(fc.integer({ min: -30, max: 90 }), { nil: null }),
        employmentLength: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    leave: fc.array(
      fc.record({
        resource: fc.nat(4),
        start: fc.integer({ min: -20, max: 100 }),
        length: fc.integer({ min: 0, max: 15 }),
        hoursPerDay: fc.option(fc.constantFrom(2, 4, 8, 10, -2), { nil: null }),
      }),
      { maxLength: 4 },
    ),
    allocations: fc.array(
      fc.record({
        resource: fc.nat(5),
        project: fc.nat(4),
        start: fc.integer({ min: -40, max: 110 }),
        length: fc.integer({ min: 0, max: 80 }),
        kind: fc.constantFrom('hours', 'percent', 'phases', 'none'),
        hours: fc.constantFrom(0, 4, 7.5, 8, 16, 33.3),
        percent: fc.constantFrom(10, 25, 50, 100),
        phases: fc.array(
          fc.record({
            start: fc.integer({ min: -5, max: 60 }),
            length: fc.integer({ min: 0, max: 40 }),
            hours: fc.constantFrom(5, 12.5, 20),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { maxLength: 14 },
    ),
    tasks: fc.array(
      fc.record({
        resource: fc.nat(5),
        project: fc.nat(4),
        start: fc.integer({ min: -30, max: 110 }),
        length: fc.integer({ min: 0, max: 25 }),
        startMinute: fc.constantFrom(0, 8 * 60, 10 * 60 + 30),
        finishMinute: fc.constantFrom(0, 12 * 60, 17 * 60),
        work: fc.constantFrom(0, 60, 480, 2400, 7200),
        calendar: fc.constantFrom(null, 'cal0', 'cal1', 'missing'),
      }),
      { maxLength: 8 },
    ),
    window: fc.record({ from: fc.integer({ min: -10, max: 30 }), length: fc.integer({ min: 0, max: 100 }) }),
    granularity: fc.constantFrom<PeriodGranularity>('day', 'week', 'month'),
  })
  .map((s) => {
    const fromDay = BASE + s.window.from;
    const toDay = fromDay + s.window.length;
    const statuses = ['proposed', 'active', 'approved', 'on_hold', 'closed'];
    const resources: CapacityResourceRow[] = s.resources.map((r, i) => ({
      id: `r${i}`,
      name: `Resource ${i}`,
      kind: 'work',
      generic: false,
      role: null,
      orgUnitId: null,
      orgUnitName: null,
      calendarId: r.calendar,
      capacityHoursPerWeek: r.hours,
      employmentStart: r.employmentStart === null ? null : date(r.employmentStart),
      employmentEnd: r.employmentLength === null ? null : date((r.employmentStart ?? 0) + r.employmentLength),
    }));
    const bookings: Booking[] = s.allocations.map((a) => ({
      resourceId: `r${a.resource}`,
      projectId: `p${a.project}`,
      projectStatus: statuses[a.project] as string,
      start: date(a.start),
      end: date(a.start + a.length),
      hoursPerWeek: a.kind === 'hours' ? a.hours : null,
      percent: a.kind === 'percent' ? a.percent : null,
      phases:
        a.kind === 'phases'
          ? a.phases.map((p) => ({
              start: date(a.start + p.start),
              end: date(a.start + p.start + p.length),
              hoursPerWeek: p.hours,
            }))
          : a.kind === 'none'
            ? null
            : [],
    }));
    const assignments: AssignmentLoadRow[] = s.tasks.map((t) => ({
      resourceId: `r${t.resource}`,
      projectId: `p${t.project}`,
      projectStatus: statuses[t.project] as string,
      workMinutes: t.work,
      start: at(t.start, t.startMinute),
      finish: at(t.start + t.length, t.finishMinute),
      calendarId: t.calendar,
    }));
    const input: DemandInputs = {
      fromDay,
      toDay,
      resources,
      leave: s.leave.map((l) => ({
        resourceId: `r${l.resource}`,
        start: date(l.start),
        end: date(l.start + l.length),
        hoursPerDay: l.hoursPerDay,
      })),
      // The repository reads only bookings that count, with their days as numbers.
      allocations: bookings
        .filter((b) => DEMAND.has(b.projectStatus))
        .map(
          (b): AllocationDemandRow => ({
            resourceId: b.resourceId,
            projectId: b.projectId,
            startDay: toDayNumber(b.start),
            endDay: toDayNumber(b.end),
            hoursPerWeek: b.hoursPerWeek,
            percent: b.percent,
            phases: b.phases,
            tentative: b.projectStatus === 'proposed',
          }),
        ),
      assignments,
      calendars: calendarsOf(s.calendars, fromDay, toDay),
    };
    return { input, bookings, granularity: s.granularity };
  });

const close = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs((a[i] as number) - (b[i] as number))).toBeLessThan(1e-9);
};

describe('buildDemandGrid and buildDemandModel', () => {
  it('gives the capacity, committed and tentative hours per resource, period and day of the plain per-day form', () => {
    fc.assert(
      fc.property(scenario, ({ input, bookings, granularity }) => {
        const ref = reference(input, bookings, granularity);
        const { grid, projectIds, resources } = buildDemandGrid(input, granularity);
        expect(resources).toBe(input.resources);
        close(grid.capacity, ref.capacity);
        close(grid.committed, ref.committed);
        close(grid.tentative, ref.tentative);
        expect(grid.demands.count).toBe(ref.cells.size);
        expect(new Set(projectIds).size).toBe(projectIds.length);
        const model = buildDemandModel(input);
        model.bases.forEach((b, r) => {
          close(b.daily, ref.daily[r] ?? []);
        });
        // Per pair and day too (levelling and reconciliation read them).
        const n = input.toDay - input.fromDay + 1;
        expect(model.cells.length).toBe(ref.cells.size);
        for (const cell of model.cells) {
          const r = ref.cells.get(`${input.resources[cell.resource]?.id}|${cell.projectId}`);
          expect(r).toBeDefined();
          const allocated = Array.from({ length: n }, (_, d) => allocatedOn(cell, d));
          const assigned = Array.from({ length: n }, (_, d) => {
            const k = d - cell.first;
            return k >= 0 && k < cell.assigned.length ? (cell.assigned[k] as number) : 0;
          });
          close(allocated, r?.allocated ?? []);
          close(assigned, r?.assigned ?? []);
        }
      }),
      { numRuns: 400 },
    );
  });
});
