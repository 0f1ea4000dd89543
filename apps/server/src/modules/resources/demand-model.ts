import {
  buildCapacityGrid,
  buildPeriods,
  type CapacityGrid,
  type DayNumber,
  type PeriodGranularity,
  type Periods,
  parseLocalDateTime,
  spreadFlatDemand,
  spreadTaskWork,
  startOfIsoWeek,
  toDayNumber,
  type WorkCalendar,
  weekdayOf,
} from '@baton/core';
import {
  type AllocationDemandRow,
  type AllocationListRow,
  type AssignmentLoadRow,
  type CapacityResourceRow,
  DEMAND_STATUSES,
  type LeaveRow,
} from './resources.repository.ts';

export { DEMAND_STATUSES };

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
  resources: readonly CapacityResourceRow[];
  leave: readonly Pick<LeaveRow, 'resourceId' | 'start' | 'end' | 'hoursPerDay'>[];
  allocations: readonly AllocationDemandRow[];
  assignments: readonly AssignmentLoadRow[];
  calendars: CalendarDays;
};

/** Per resource: the days it can work and how its flat bookings spread. */
export type ResourceBasis = {
  workingWeekdays: boolean[];
  /** Working weekdays of the window on which the calendar has no working time (shared per calendar). */
  holidays: ReadonlySet<number>;
  /** Hours it can work on each day of the window (index 0 = fromDay). */
  daily: Float64Array;
};

/**
 * Per-day demand of one resource on one project, from bookings and from task assignments, over
 * the days of the window the pair has demand on: `allocated[k]` and `assigned[k]` belong to window
 * day `first + k` (0 = fromDay); every other day of the window is 0. Both arrays have one length.
 */
export type DemandCell = {
  resource: number;
  projectId: string;
  tentative: boolean;
  first: number;
  allocated: Float64Array;
  assigned: Float64Array;
};

export type DemandModel = {
  fromDay: DayNumber;
  toDay: DayNumber;
  resources: readonly CapacityResourceRow[];
  bases: ResourceBasis[];
  cells: DemandCell[];
  /** The calendars the model was built on (working minutes per day of the window). */
  calendars: CalendarDays;
};

/** What every resource on one calendar shares: its working weekdays and the usable days of the window. */
type CalendarBasis = {
  workingWeekdays: boolean[];
  workingCount: number;
  holidays: Set<number>;
  /** 1 on the window's days that are a working weekday and not a holiday. */
  usable: Uint8Array;
  /** 1 on the window's holidays. */
  holiday: Uint8Array;
  /** The Monday of the window's first ISO week. */
  firstMonday: DayNumber;
  /** Per ISO week from firstMonday: its usable days (those inside the window). */
  usableInWeek: Int32Array;
  /** The window days (0 = fromDay) that are usable, in order: the only days with capacity. */
  usableDays: Int32Array;
};

function calendarBasis(minutes: Float64Array, fromDay: DayNumber, toDay: DayNumber): CalendarBasis {
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
  const n = Math.max(0, toDay - fromDay + 1);
  const holidays = new Set<number>();
  const usable = new Uint8Array(n);
  const holiday = new Uint8Array(n);
  for (let d = fromDay; d <= toDay; d++) {
    if (!workingWeekdays[weekdayOf(d)]) continue;
    if ((minutes[d - fromDay] ?? 0) === 0) {
      holidays.add(d);
      holiday[d - fromDay] = 1;
    } else usable[d - fromDay] = 1;
  }
  const firstMonday = startOfIsoWeek(fromDay);
  const usableInWeek = new Int32Array(Math.ceil((toDay - firstMonday + 1) / 7) + 1);
  for (let k = 0; k < n; k++) {
    const w = Math.floor((fromDay + k - firstMonday) / 7);
    usableInWeek[w] = (usableInWeek[w] as number) + (usable[k] as number);
  }
  const usableDays: number[] = [];
  for (let k = 0; k < n; k++) if (usable[k]) usableDays.push(k);
  return {
    workingWeekdays,
    workingCount: workingWeekdays.filter(Boolean).length,
    holidays,
    usable,
    holiday,
    firstMonday,
    usableInWeek,
    usableDays: Int32Array.from(usableDays),
  };
}

/**
 * Writes into `out` (zeros, one per day of the window) the hours a resource can work on each day:
 * what `computeDailyCapacity` gives for the calendar's working weekdays and holidays, its leave
 * and employment dates, from the shared usable-day mask instead of a holiday set per resource.
 */
function dailyCapacity(
  out: Float64Array,
  r: CapacityResourceRow,
  leave: readonly Pick<LeaveRow, 'start' | 'end' | 'hoursPerDay'>[],
  cal: CalendarBasis,
  fromDay: DayNumber,
  toDay: DayNumber,
): Float64Array {
  const hoursPerWeek = r.capacityHoursPerWeek;
  if (!Number.isFinite(hoursPerWeek) || hoursPerWeek < 0)
    throw new RangeError('hoursPerWeek must be a finite number ≥ 0');
  if (cal.workingCount === 0) return out;
  const perDay = hoursPerWeek / cal.workingCount;
  const first = Math.max(fromDay, r.employmentStart ? toDayNumber(r.employmentStart) : fromDay);
  const last = Math.min(toDay, r.employmentEnd ? toDayNumber(r.employmentEnd) : toDay);
  const days = cal.usableDays;
  for (let i = 0; i < days.length; i++) {
    const k = days[i] as number;
    if (k >= first - fromDay && k <= last - fromDay) out[k] = perDay;
  }
  for (const l of leave) {
    const a = Math.max(toDayNumber(l.start), fromDay);
    const b = Math.min(toDayNumber(l.end), toDay);
    const off = l.hoursPerDay;
    for (let k = a - fromDay; k <= b - fromDay; k++)
      out[k] = off === null ? 0 : Math.max(0, (out[k] as number) - off);
  }
  return out;
}

/**
 * Adds a flat `hoursPerWeek` from `start` to `end` (inclusive) into `out` (index 0 = day `base`),
 * on the days lo..hi only: the values `spreadFlatDemand` gives on those days, computed for the
 * ISO weeks that touch lo..hi and nothing else. Holidays are known inside the window only, as there.
 */
function addFlat(
  out: Float64Array,
  base: DayNumber,
  lo: DayNumber,
  hi: DayNumber,
  start: DayNumber,
  end: DayNumber,
  hoursPerWeek: number,
  cal: CalendarBasis,
  fromDay: DayNumber,
): void {
  if (end < start || cal.workingCount === 0 || hoursPerWeek === 0) return;
  const from = Math.max(lo, start);
  const to = Math.min(hi, end);
  const week = cal.workingWeekdays;
  const holiday = cal.holiday;
  const usableDay = cal.usable;
  const windowDays = holiday.length;
  const lastDay = fromDay + windowDays - 1;
  for (let weekStart = startOfIsoWeek(from); weekStart <= to; weekStart += 7) {
    const a = Math.max(weekStart, start);
    const b = Math.min(weekStart + 6, end);
    if (a === weekStart && b === weekStart + 6 && a >= fromDay && b <= lastDay) {
      // A whole week of the booking inside the window: all its working weekdays count, and the
      // calendar knows how many of them are usable.
      const usable = cal.usableInWeek[(weekStart - cal.firstMonday) / 7] as number;
      if (usable === 0) continue;
      const perDay = (hoursPerWeek * cal.workingCount) / cal.workingCount / usable;
      for (let d = a; d <= b; d++)
        if (usableDay[d - fromDay]) out[d - base] = (out[d - base] as number) + perDay;
      continue;
    }
    let nominal = 0;
    let usable = 0;
    for (let d = a; d <= b; d++) {
      // weekStart is a Monday (weekday 1).
      if (!week[(d - weekStart + 1) % 7]) continue;
      nominal++;
      const k = d - fromDay;
      if (k < 0 || k >= windowDays || !holiday[k]) usable++;
    }
    if (usable === 0) continue;
    const perDay = (hoursPerWeek * nominal) / cal.workingCount / usable;
    const e = Math.min(b, to);
    for (let d = Math.max(a, from); d <= e; d++) {
      if (!week[(d - weekStart + 1) % 7]) continue;
      const k = d - fromDay;
      if (k >= 0 && k < windowDays && holiday[k]) continue;
      out[d - base] = (out[d - base] as number) + perDay;
    }
  }
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
 * The order bookings are taken in: by start day, then by resource (the order of the resources,
 * which is by name), then as given; what `listAllocations` orders by, without asking the database
 * to sort by a collated name. The order fixes which project is met first (ties between projects
 * with equal hours in an over-allocation go to the first).
 */
function bookingOrder(starts: Float64Array, resourceOf: Int32Array, resourceCount: number): Int32Array {
  const n = starts.length;
  const order = new Int32Array(n);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const s = starts[i] as number;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const span = (max - min + 1) * (resourceCount + 1) * n;
  if (n === 0 || !Number.isSafeInteger(span)) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort(
      (a, b) =>
        (starts[a] as number) - (starts[b] as number) ||
        (resourceOf[a] as number) - (resourceOf[b] as number) ||
        a - b,
    );
  }
  // One exact number per booking (start, resource, position): a numeric typed-array sort.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++)
    keys[i] = (((starts[i] as number) - min) * (resourceCount + 1) + (resourceOf[i] as number)) * n + i;
  keys.sort();
  for (let i = 0; i < n; i++) order[i] = (keys[i] as number) % n;
  return order;
}

/**
 * What both builders start from: per resource its calendar basis and leave, and per resource-project
 * pair (a cell) its span of window days, the bookings that count in booking order and the task
 * work, each tied to its cell, in the order cells are first met (bookings, then tasks).
 */
type Plan = {
  fromDay: DayNumber;
  toDay: DayNumber;
  /** Days in the window. */
  n: number;
  resources: readonly CapacityResourceRow[];
  calendarOf: CalendarBasis[];
  /** Leave per resource (undefined: none). */
  leaveOf: (Pick<LeaveRow, 'start' | 'end' | 'hoursPerDay'>[] | undefined)[];
  /**
   * The cells, in the order first met, as columns: resource, project index, tentative, and the
   * span of window days lo..hi they have demand on (empty when hi < lo).
   */
  cellCount: number;
  cellResource: Int32Array;
  cellProject: Int32Array;
  cellTentative: Uint8Array;
  cellLo: Int32Array;
  cellHi: Int32Array;
  /** Project index → project id, in the order projects are first met. */
  projectIds: string[];
  /** Bookings in booking order: first and last day, cell, resource, flat hours a week or phases. */
  bookingCount: number;
  bookingFirst: Float64Array;
  bookingLast: Float64Array;
  bookingCell: Int32Array;
  bookingResource: Int32Array;
  bookingPerWeek: Float64Array;
  /** Phases (days clipped to the booking, empty ones left out), or null for a flat booking. */
  bookingPhases: ({ start: DayNumber; end: DayNumber; hoursPerWeek: number }[] | null)[];
  tasks: { cell: number; firstDay: DayNumber; hours: Float64Array }[];
};

function planDemand(input: DemandInputs): Plan {
  const { fromDay, toDay, calendars } = input;
  const n = Math.max(0, toDay - fromDay + 1);
  const R = input.resources.length;
  const index = new Map<string, number>();
  input.resources.forEach((r, i) => {
    index.set(r.id, i);
  });
  const leaveOf: Plan['leaveOf'] = new Array(R);
  for (const l of input.leave) {
    const r = index.get(l.resourceId);
    if (r === undefined) continue;
    const list = leaveOf[r];
    if (list) list.push(l);
    else leaveOf[r] = [l];
  }
  const standard = calendars.days.get(calendars.standardId) ?? new Float64Array(n);
  const calendarBases = new Map<Float64Array, CalendarBasis>();
  const calendarOf = input.resources.map((r) => {
    const minutes = (r.calendarId && calendars.days.get(r.calendarId)) || standard;
    let cal = calendarBases.get(minutes);
    if (!cal) {
      cal = calendarBasis(minutes, fromDay, toDay);
      calendarBases.set(minutes, cal);
    }
    return cal;
  });

  // The bookings that count, in booking order.
  const given = input.allocations;
  const kept = new Int32Array(given.length);
  const firstOf = new Float64Array(given.length);
  const lastOf = new Float64Array(given.length);
  const resourceOf = new Int32Array(given.length);
  let A = 0;
  for (let i = 0; i < given.length; i++) {
    const a = given[i] as AllocationDemandRow;
    const r = index.get(a.resourceId);
    if (r === undefined) continue;
    kept[A] = i;
    firstOf[A] = a.startDay;
    lastOf[A] = a.endDay;
    resourceOf[A] = r;
    A++;
  }
  const order = bookingOrder(firstOf.subarray(0, A), resourceOf.subarray(0, A), R);

  // Cells as columns, at most one per booking and task; each resource's cells in a linked list
  // (a resource has a handful), so finding one allocates nothing.
  const most = A + input.assignments.length;
  const cellResource = new Int32Array(most);
  const cellProject = new Int32Array(most);
  const cellTentative = new Uint8Array(most);
  const cellLo = new Int32Array(most);
  const cellHi = new Int32Array(most);
  const firstCellOf = new Int32Array(R).fill(-1);
  const nextCell = new Int32Array(most);
  let cellCount = 0;
  const projectIds: string[] = [];
  const projectIndex = new Map<string, number>();
  const cellOf = (resource: number, projectId: string, tentative: boolean): number => {
    let project = projectIndex.get(projectId);
    if (project === undefined) {
      project = projectIds.length;
      projectIds.push(projectId);
      projectIndex.set(projectId, project);
    }
    for (let c = firstCellOf[resource] as number; c >= 0; c = nextCell[c] as number)
      if (cellProject[c] === project) return c;
    const c = cellCount++;
    cellResource[c] = resource;
    cellProject[c] = project;
    cellTentative[c] = tentative ? 1 : 0;
    cellLo[c] = n;
    cellHi[c] = -1;
    nextCell[c] = firstCellOf[resource] as number;
    firstCellOf[resource] = c;
    return c;
  };
  const widen = (c: number, lo: number, hi: number) => {
    const a = Math.max(0, lo);
    const b = Math.min(n - 1, hi);
    if (a > b) return;
    if (a < (cellLo[c] as number)) cellLo[c] = a;
    if (b > (cellHi[c] as number)) cellHi[c] = b;
  };
  const bookingFirst = new Float64Array(A);
  const bookingLast = new Float64Array(A);
  const bookingCell = new Int32Array(A);
  const bookingResource = new Int32Array(A);
  const bookingPerWeek = new Float64Array(A);
  const bookingPhases: Plan['bookingPhases'] = new Array(A);
  for (let j = 0; j < A; j++) {
    const k = order[j] as number;
    const a = given[kept[k] as number] as AllocationDemandRow;
    const r = resourceOf[k] as number;
    const first = firstOf[k] as number;
    const last = lastOf[k] as number;
    const c = cellOf(r, a.projectId, a.tentative);
    bookingFirst[j] = first;
    bookingLast[j] = last;
    bookingCell[j] = c;
    bookingResource[j] = r;
    if (a.phases?.length) {
      const phases: { start: DayNumber; end: DayNumber; hoursPerWeek: number }[] = [];
      for (const p of a.phases) {
        const ps = Math.max(first, toDayNumber(p.start));
        const pe = Math.min(last, toDayNumber(p.end));
        if (ps <= pe) phases.push({ start: ps, end: pe, hoursPerWeek: p.hoursPerWeek });
      }
      bookingPhases[j] = phases;
    } else {
      bookingPhases[j] = null;
      const resource = input.resources[r] as CapacityResourceRow;
      bookingPerWeek[j] = a.hoursPerWeek ?? ((a.percent ?? 0) / 100) * resource.capacityHoursPerWeek;
    }
    widen(c, first - fromDay, last - fromDay);
  }
  const standardCalendar = calendars.calendars.get(calendars.standardId);
  const tasks: Plan['tasks'] = [];
  for (const t of input.assignments) {
    const r = index.get(t.resourceId);
    if (r === undefined || !DEMAND_STATUSES.has(t.projectStatus) || !t.start || !t.finish) continue;
    const start = parseLocalDateTime(t.start);
    const finish = parseLocalDateTime(t.finish);
    const resource = input.resources[r] as CapacityResourceRow;
    const calendar =
      (t.calendarId && calendars.calendars.get(t.calendarId)) ||
      (resource.calendarId && calendars.calendars.get(resource.calendarId)) ||
      standardCalendar;
    if (start === undefined || finish === undefined || !calendar) continue;
    const spread = spreadTaskWork(start, finish, t.workMinutes, calendar);
    const c = cellOf(r, t.projectId, t.projectStatus === 'proposed');
    tasks.push({ cell: c, firstDay: spread.firstDay, hours: spread.hours });
    widen(c, spread.firstDay - fromDay, spread.firstDay + spread.hours.length - 1 - fromDay);
  }
  return {
    fromDay,
    toDay,
    n,
    resources: input.resources,
    calendarOf,
    leaveOf,
    cellCount,
    cellResource,
    cellProject,
    cellTentative,
    cellLo,
    cellHi,
    projectIds,
    bookingCount: A,
    bookingFirst,
    bookingLast,
    bookingCell,
    bookingResource,
    bookingPerWeek,
    bookingPhases,
    tasks,
  };
}

/** Adds booking j of a plan into `out` (index 0 = day `base`), on the window days it covers. */
function spreadBooking(plan: Plan, j: number, out: Float64Array, base: DayNumber): void {
  const first = plan.bookingFirst[j] as number;
  const last = plan.bookingLast[j] as number;
  const lo = Math.max(first, plan.fromDay);
  const hi = Math.min(last, plan.toDay);
  if (lo > hi) return;
  const cal = plan.calendarOf[plan.bookingResource[j] as number] as CalendarBasis;
  const phases = plan.bookingPhases[j];
  if (phases)
    for (const p of phases) addFlat(out, base, lo, hi, p.start, p.end, p.hoursPerWeek, cal, plan.fromDay);
  else addFlat(out, base, lo, hi, first, last, plan.bookingPerWeek[j] as number, cal, plan.fromDay);
}

/**
 * Builds the per-day picture: each resource's capacity, and its demand per project from bookings
 * (allocations) and from task assignments in the schedules. Each resource-project pair holds days
 * only over the span it has demand on (views into two shared buffers), and bookings are spread
 * straight into it, with the calendar's working weekdays and holidays worked out once per
 * calendar: the cost follows the booked days, not pairs × window days. For the capacity grid
 * alone, {@link buildDemandGrid} gives the same numbers without keeping the days.
 */
export function buildDemandModel(input: DemandInputs): DemandModel {
  const plan = planDemand(input);
  const { fromDay, toDay, n } = plan;
  const daily = new Float64Array(plan.resources.length * n);
  const bases: ResourceBasis[] = plan.resources.map((r, i) => {
    const cal = plan.calendarOf[i] as CalendarBasis;
    const out = daily.subarray(i * n, (i + 1) * n);
    return {
      workingWeekdays: cal.workingWeekdays,
      holidays: cal.holidays,
      daily: dailyCapacity(out, r, plan.leaveOf[i] ?? [], cal, fromDay, toDay),
    };
  });
  const { cellCount, cellLo, cellHi } = plan;
  let total = 0;
  for (let c = 0; c < cellCount; c++) total += Math.max(0, (cellHi[c] as number) - (cellLo[c] as number) + 1);
  const allocatedAll = new Float64Array(total);
  const assignedAll = new Float64Array(total);
  let at = 0;
  const cells: DemandCell[] = new Array(cellCount);
  for (let c = 0; c < cellCount; c++) {
    const len = Math.max(0, (cellHi[c] as number) - (cellLo[c] as number) + 1);
    cells[c] = {
      resource: plan.cellResource[c] as number,
      projectId: plan.projectIds[plan.cellProject[c] as number] as string,
      tentative: plan.cellTentative[c] === 1,
      first: len ? (cellLo[c] as number) : 0,
      allocated: allocatedAll.subarray(at, at + len),
      assigned: assignedAll.subarray(at, at + len),
    };
    at += len;
  }
  for (let j = 0; j < plan.bookingCount; j++) {
    const cell = cells[plan.bookingCell[j] as number] as DemandCell;
    spreadBooking(plan, j, cell.allocated, fromDay + cell.first);
  }
  for (const t of plan.tasks) {
    const cell = cells[t.cell] as DemandCell;
    addInto(cell.assigned, fromDay + cell.first, t.hours, t.firstDay);
  }
  return { fromDay, toDay, resources: plan.resources, bases, cells, calendars: input.calendars };
}

/** A cell's booked hours on a window day (0 = fromDay), 0 outside its span. */
export function allocatedOn(cell: DemandCell, day: number): number {
  const k = day - cell.first;
  return k >= 0 && k < cell.allocated.length ? (cell.allocated[k] as number) : 0;
}

/** The period of each day of the window (index 0 = fromDay). */
function periodOfDays(periods: Periods, fromDay: DayNumber, days: number): Int32Array {
  const periodOf = new Int32Array(days);
  for (let p = 0; p < periods.count; p++)
    for (let d = (periods.starts[p] as number) - fromDay; d <= (periods.ends[p] as number) - fromDay; d++)
      periodOf[d] = p;
  return periodOf;
}

/** A capacity grid with the resources and projects its indices stand for. */
export type DemandGrid = {
  grid: CapacityGrid;
  periods: Periods;
  resources: readonly CapacityResourceRow[];
  /** Project index in the grid → project id. */
  projectIds: string[];
};

/**
 * The capacity grid at a granularity, straight from the inputs: the numbers of
 * `buildDemandModel` summed into periods, without keeping anyone's days. Each resource-project
 * pair is spread into one reused window of days (its bookings in booking order, then its task
 * work) and its daily demand summed into periods, then the window is cleared for the next pair;
 * so a request allocates per period, not per day. A pair's demand on a day is the larger of what
 * is booked and what its tasks ask: bookings and assignments describe the same work at two levels
 * of detail, so adding them would count it twice; the larger one is the claim on the person's time.
 */
export function buildDemandGrid(input: DemandInputs, granularity: PeriodGranularity): DemandGrid {
  const plan = planDemand(input);
  const { fromDay, toDay, n } = plan;
  const periods = buildPeriods(fromDay, toDay, granularity);
  const P = periods.count;
  const periodOf = periodOfDays(periods, fromDay, n);
  const R = plan.resources.length;
  const capacity = new Float64Array(R * P);
  const daily = new Float64Array(n);
  for (let r = 0; r < R; r++) {
    daily.fill(0);
    const cal = plan.calendarOf[r] as CalendarBasis;
    dailyCapacity(
      daily,
      plan.resources[r] as CapacityResourceRow,
      plan.leaveOf[r] ?? [],
      cal,
      fromDay,
      toDay,
    );
    // Only usable days have capacity (leave only lowers it): summing them alone gives the same
    // sums. Negative hours of leave (not accepted by the API) would add some: then every day.
    const leave = plan.leaveOf[r] ?? [];
    if (leave.some((l) => l.hoursPerDay !== null && !(l.hoursPerDay >= 0)))
      for (let d = 0; d < n; d++) {
        const i = r * P + (periodOf[d] as number);
        capacity[i] = (capacity[i] as number) + (daily[d] as number);
      }
    else {
      const days = cal.usableDays;
      for (let k = 0; k < days.length; k++) {
        const d = days[k] as number;
        const i = r * P + (periodOf[d] as number);
        capacity[i] = (capacity[i] as number) + (daily[d] as number);
      }
    }
  }
  // Bookings and tasks by cell (CSR), each cell's in the order they were planned.
  const count = plan.cellCount;
  const bookingsAt = new Int32Array(count + 1);
  for (let j = 0; j < plan.bookingCount; j++) {
    const c = (plan.bookingCell[j] as number) + 1;
    bookingsAt[c] = (bookingsAt[c] as number) + 1;
  }
  for (let c = 0; c < count; c++)
    bookingsAt[c + 1] = (bookingsAt[c + 1] as number) + (bookingsAt[c] as number);
  const bookingList = new Int32Array(plan.bookingCount);
  const fill = bookingsAt.slice(0, count);
  for (let j = 0; j < plan.bookingCount; j++) {
    const c = plan.bookingCell[j] as number;
    bookingList[fill[c] as number] = j;
    fill[c] = (fill[c] as number) + 1;
  }
  const tasksOf: Plan['tasks'][] = new Array(count);
  for (const t of plan.tasks) {
    const list = tasksOf[t.cell];
    if (list) list.push(t);
    else tasksOf[t.cell] = [t];
  }

  const resource = new Int32Array(count);
  const project = new Int32Array(count);
  const firstPeriod = new Int32Array(count);
  const tentative = new Uint8Array(count);
  const offset = new Int32Array(count + 1);
  let room = 0;
  for (let c = 0; c < count; c++)
    room += Math.min(P, Math.max(0, (plan.cellHi[c] as number) - (plan.cellLo[c] as number) + 1));
  let hours = new Float64Array(room);
  const allocated = new Float64Array(n);
  const assigned = new Float64Array(n);
  const sums = new Float64Array(P);
  for (let i = 0; i < count; i++) {
    const lo = plan.cellLo[i] as number;
    const hi = plan.cellHi[i] as number;
    let first = P;
    let last = -1;
    if (hi >= lo) {
      for (let k = bookingsAt[i] as number; k < (bookingsAt[i + 1] as number); k++)
        spreadBooking(plan, bookingList[k] as number, allocated, fromDay);
      const tasks = tasksOf[i];
      const q0 = periodOf[lo] as number;
      const q1 = periodOf[hi] as number;
      sums.fill(0, q0, q1 + 1);
      if (tasks) {
        for (const t of tasks) addInto(assigned, fromDay, t.hours, t.firstDay);
        for (let d = lo; d <= hi; d++) {
          const v = Math.max(allocated[d] as number, assigned[d] as number);
          if (v === 0) continue;
          const q = periodOf[d] as number;
          sums[q] = (sums[q] as number) + v;
          if (q < first) first = q;
          if (q > last) last = q;
        }
        assigned.fill(0, lo, hi + 1);
      } else {
        // No task work: the demand is what is booked (Math.max with the zero task hours).
        for (let d = lo; d <= hi; d++) {
          const v = Math.max(allocated[d] as number, 0);
          if (v === 0) continue;
          const q = periodOf[d] as number;
          sums[q] = (sums[q] as number) + v;
          if (q < first) first = q;
          if (q > last) last = q;
        }
      }
      allocated.fill(0, lo, hi + 1);
    }
    const at = offset[i] as number;
    const width = last >= first ? last - first + 1 : 0;
    for (let q = 0; q < width; q++) hours[at + q] = sums[first + q] as number;
    resource[i] = plan.cellResource[i] as number;
    project[i] = plan.cellProject[i] as number;
    firstPeriod[i] = width ? first : 0;
    tentative[i] = plan.cellTentative[i] as number;
    offset[i + 1] = at + width;
  }
  hours = hours.slice(0, offset[count] as number);
  const grid = buildCapacityGrid({
    resourceCount: R,
    periodCount: P,
    capacity,
    demands: { count, resource, project, firstPeriod, hours, offset, tentative },
  });
  return { grid, periods, resources: plan.resources, projectIds: plan.projectIds };
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;
