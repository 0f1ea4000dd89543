import {
  buildCapacityGrid,
  buildPeriods,
  type CapacityGrid,
  computeDailyCapacity,
  type DayNumber,
  type PeriodGranularity,
  type Periods,
  parseLocalDateTime,
  spreadFlatDemand,
  spreadTaskWork,
  toDayNumber,
  type WorkCalendar,
  weekdayOf,
} from '@baton/core';
import type {
  AllocationListRow,
  AssignmentDemandRow,
  LeaveRow,
  ResourceListRow,
} from './resources.repository.ts';

/** Project statuses whose bookings count as demand: proposed ones as tentative, the others as committed. */
export const DEMAND_STATUSES = new Set(['proposed', 'approved', 'active', 'on_hold']);

export type CalendarDays = {
  standardId: string;
  /** Working minutes per day of the window, per calendar id. */
  days: Map<string, Float64Array>;
  calendars: Map<string, WorkCalendar>;
};

/** Everything the capacity picture is computed from, for one window. */
export type DemandInputs = {
  fromDay: DayNumber;
  toDay: DayNumber;
  resources: readonly ResourceListRow[];
  leave: readonly LeaveRow[];
  allocations: readonly AllocationListRow[];
  assignments: readonly AssignmentDemandRow[];
  calendars: CalendarDays;
};

/** Per resource: the days it can work and how its flat bookings spread. */
type ResourceBasis = {
  workingWeekdays: boolean[];
  holidays: Set<number>;
  daily: Float64Array;
};

/** Per-day demand of one resource on one project, from bookings and from task assignments. */
export type DemandCell = {
  resource: number;
  projectId: string;
  tentative: boolean;
  allocated: Float64Array;
  assigned: Float64Array;
};

export type DemandModel = {
  fromDay: DayNumber;
  toDay: DayNumber;
  resources: readonly ResourceListRow[];
  bases: ResourceBasis[];
  cells: DemandCell[];
  /** The calendars the model was built on (working minutes per day of the window). */
  calendars: CalendarDays;
};

function basisOf(
  r: ResourceListRow,
  leave: readonly LeaveRow[],
  minutes: Float64Array,
  fromDay: DayNumber,
  toDay: DayNumber,
): ResourceBasis {
  // A weekday works when the calendar has working time on most of its days in the window.
  const seen = new Array<number>(7).fill(0);
  const working = new Array<number>(7).fill(0);
  for (let d = fromDay; d <= toDay; d++) {
    const w = weekdayOf(d);
    seen[w] = (seen[w] ?? 0) + 1;
    if ((minutes[d - fromDay] ?? 0) > 0) working[w] = (working[w] ?? 0) + 1;
  }
  const workingWeekdays = seen.map((n, w) =>
    n === 0 ? w >= 1 && w <= 5 : (working[w] ?? 0) * 2 > n || ((working[w] ?? 0) > 0 && n === 1),
  );
  const holidays = new Set<number>();
  for (let d = fromDay; d <= toDay; d++)
    if (workingWeekdays[weekdayOf(d)] && (minutes[d - fromDay] ?? 0) === 0) holidays.add(d);
  const daily = computeDailyCapacity(
    {
      hoursPerWeek: r.capacityHoursPerWeek,
      workingWeekdays,
      holidays,
      leave: leave.map((l) => ({
        start: toDayNumber(l.start),
        end: toDayNumber(l.end),
        hoursPerDay: l.hoursPerDay,
      })),
      employmentStart: r.employmentStart ? toDayNumber(r.employmentStart) : null,
      employmentEnd: r.employmentEnd ? toDayNumber(r.employmentEnd) : null,
    },
    fromDay,
    toDay,
  );
  return { workingWeekdays, holidays, daily };
}

/** Adds per-day values starting at `firstDay` into a window array (clipping what falls outside). */
function addInto(target: Float64Array, fromDay: DayNumber, values: Float64Array, firstDay: DayNumber): void {
  for (let i = 0; i < values.length; i++) {
    const k = firstDay + i - fromDay;
    if (k >= 0 && k < target.length) target[k] = (target[k] as number) + (values[i] as number);
  }
}

/** Spreads one allocation's hours over the resource's working days, per day of the window. */
export function spreadAllocation(
  a: Pick<AllocationListRow, 'start' | 'end' | 'hoursPerWeek' | 'percent' | 'phases'>,
  capacityHoursPerWeek: number,
  basis: Pick<ResourceBasis, 'workingWeekdays' | 'holidays'>,
): { firstDay: DayNumber; hours: Float64Array } {
  const first = toDayNumber(a.start);
  const last = toDayNumber(a.end);
  const out = new Float64Array(last - first + 1);
  const spreadBasis = { workingWeekdays: basis.workingWeekdays, holidays: basis.holidays };
  if (a.phases.length) {
    for (const p of a.phases) {
      const s = Math.max(first, toDayNumber(p.start));
      const e = Math.min(last, toDayNumber(p.end));
      if (s <= e) addInto(out, first, spreadFlatDemand(s, e, p.hoursPerWeek, spreadBasis), s);
    }
  } else {
    const perWeek = a.hoursPerWeek ?? ((a.percent ?? 0) / 100) * capacityHoursPerWeek;
    addInto(out, first, spreadFlatDemand(first, last, perWeek, spreadBasis), first);
  }
  return { firstDay: first, hours: out };
}

/**
 * Builds the per-day picture: each resource's capacity, and its demand per project from bookings
 * (allocations) and from task assignments in the schedules.
 */
export function buildDemandModel(input: DemandInputs): DemandModel {
  const { fromDay, toDay, calendars } = input;
  const n = toDay - fromDay + 1;
  const index = new Map(input.resources.map((r, i) => [r.id, i]));
  const leaveBy = new Map<string, LeaveRow[]>();
  for (const l of input.leave) leaveBy.set(l.resourceId, [...(leaveBy.get(l.resourceId) ?? []), l]);
  const standard = calendars.days.get(calendars.standardId) ?? new Float64Array(n);
  const bases = input.resources.map((r) =>
    basisOf(
      r,
      leaveBy.get(r.id) ?? [],
      (r.calendarId && calendars.days.get(r.calendarId)) || standard,
      fromDay,
      toDay,
    ),
  );
  const cells = new Map<string, DemandCell>();
  const cellOf = (resource: number, projectId: string, status: string): DemandCell => {
    const key = `${resource}|${projectId}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        resource,
        projectId,
        tentative: status === 'proposed',
        allocated: new Float64Array(n),
        assigned: new Float64Array(n),
      };
      cells.set(key, cell);
    }
    return cell;
  };
  for (const a of input.allocations) {
    const r = index.get(a.resourceId);
    if (r === undefined || !DEMAND_STATUSES.has(a.projectStatus)) continue;
    const resource = input.resources[r] as ResourceListRow;
    const spread = spreadAllocation(a, resource.capacityHoursPerWeek, bases[r] as ResourceBasis);
    addInto(cellOf(r, a.projectId, a.projectStatus).allocated, fromDay, spread.hours, spread.firstDay);
  }
  const standardCalendar = calendars.calendars.get(calendars.standardId);
  for (const t of input.assignments) {
    const r = index.get(t.resourceId);
    if (r === undefined || !DEMAND_STATUSES.has(t.projectStatus) || !t.start || !t.finish) continue;
    const start = parseLocalDateTime(t.start);
    const finish = parseLocalDateTime(t.finish);
    const resource = input.resources[r] as ResourceListRow;
    const calendar =
      (t.calendarId && calendars.calendars.get(t.calendarId)) ||
      (resource.calendarId && calendars.calendars.get(resource.calendarId)) ||
      standardCalendar;
    if (start === undefined || finish === undefined || !calendar) continue;
    const spread = spreadTaskWork(start, finish, t.workMinutes, calendar);
    addInto(cellOf(r, t.projectId, t.projectStatus).assigned, fromDay, spread.hours, spread.firstDay);
  }
  return { fromDay, toDay, resources: input.resources, bases, cells: [...cells.values()], calendars };
}

/**
 * A resource's demand on a project on a day: the larger of what is booked and what its tasks ask.
 * Bookings and assignments describe the same work at two levels of detail, so adding them would
 * count it twice; the larger one is the claim on the person's time.
 */
export function demandOfCell(cell: DemandCell, day: number): number {
  return Math.max(cell.allocated[day] as number, cell.assigned[day] as number);
}

/** The capacity grid of a model at a granularity, with the project index used in it. */
export function gridOf(
  model: DemandModel,
  granularity: PeriodGranularity,
): { grid: CapacityGrid; periods: Periods; projectIds: string[] } {
  const periods = buildPeriods(model.fromDay, model.toDay, granularity);
  const P = periods.count;
  const days = model.toDay - model.fromDay + 1;
  // The period of each day of the window, once, so the sums below are one pass each.
  const periodOf = new Int32Array(days);
  for (let p = 0; p < P; p++)
    for (
      let d = (periods.starts[p] as number) - model.fromDay;
      d <= (periods.ends[p] as number) - model.fromDay;
      d++
    )
      periodOf[d] = p;
  const capacity = new Float64Array(model.resources.length * P);
  model.bases.forEach((b, r) => {
    for (let d = 0; d < days; d++) {
      const i = r * P + (periodOf[d] as number);
      capacity[i] = (capacity[i] as number) + (b.daily[d] as number);
    }
  });
  const projectIds: string[] = [];
  const projectIndex = new Map<string, number>();
  const count = model.cells.length;
  const resource = new Int32Array(count);
  const project = new Int32Array(count);
  const firstPeriod = new Int32Array(count);
  const tentative = new Uint8Array(count);
  const offset = new Int32Array(count + 1);
  const chunks: Float64Array[] = [];
  const sums = new Float64Array(P);
  model.cells.forEach((cell, i) => {
    let p = projectIndex.get(cell.projectId);
    if (p === undefined) {
      p = projectIds.length;
      projectIds.push(cell.projectId);
      projectIndex.set(cell.projectId, p);
    }
    sums.fill(0);
    let first = P;
    let last = -1;
    for (let d = 0; d < days; d++) {
      const v = demandOfCell(cell, d);
      if (v === 0) continue;
      const q = periodOf[d] as number;
      sums[q] = (sums[q] as number) + v;
      if (q < first) first = q;
      if (q > last) last = q;
    }
    const hoursOf = last >= first ? sums.slice(first, last + 1) : new Float64Array(0);
    resource[i] = cell.resource;
    project[i] = p;
    firstPeriod[i] = last >= first ? first : 0;
    tentative[i] = cell.tentative ? 1 : 0;
    chunks.push(hoursOf);
    offset[i + 1] = (offset[i] as number) + hoursOf.length;
  });
  const hours = new Float64Array(offset[count] as number);
  chunks.forEach((c, i) => {
    hours.set(c, offset[i] as number);
  });
  const grid = buildCapacityGrid({
    resourceCount: model.resources.length,
    periodCount: P,
    capacity,
    demands: { count, resource, project, firstPeriod, hours, offset, tentative },
  });
  return { grid, periods, projectIds };
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;
