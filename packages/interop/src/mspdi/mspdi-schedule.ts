import type {
  CalendarDefinition,
  CalendarException,
  ConstraintType,
  Lag,
  LinkInput,
  LinkType,
  MonthItem,
  MonthPosition,
  Recurrence,
  ScheduleInput,
  ScheduleIssue,
  TaskInput,
  WeekPattern,
  WorkingInterval,
} from '@baton/core/schedule/index';
import {
  CalendarWithoutWorkError,
  create24HourCalendar,
  createStandardCalendar,
  formatLocalDateTime,
  parseLocalDateTime,
  scheduleNetwork,
} from '@baton/core/schedule/index';
import { getLagKindOfFormat } from './mspdi-duration.ts';
import type {
  MspdiCalendar,
  MspdiDocument,
  MspdiException,
  MspdiTask,
  MspdiWeekDay,
  MspdiWorkingTime,
} from './mspdi-model.ts';
import { MspdiParseError } from './mspdi-model.ts';
import { parseMspdi } from './mspdi-parse.ts';

const CONSTRAINTS: readonly ConstraintType[] = ['ASAP', 'ALAP', 'MSO', 'MFO', 'SNET', 'SNLT', 'FNET', 'FNLT'];
const LINK_TYPES: readonly LinkType[] = ['FF', 'FS', 'SF', 'SS'];
const MONTH_ITEMS: readonly MonthItem[] = [
  'day',
  'weekday',
  'weekendDay',
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
];
const MONTH_POSITIONS: readonly MonthPosition[] = ['first', 'second', 'third', 'fourth', 'last'];

function minutesOfTime(t: string, end: boolean): number {
  const [h, m] = t.split(':').map(Number);
  const v = (h ?? 0) * 60 + (m ?? 0);
  // ToTime 00:00:00 ends the day at midnight (24:00).
  return end && v === 0 ? 1440 : v;
}

function intervals(times: readonly MspdiWorkingTime[]): WorkingInterval[] {
  return times.map((t) => ({ from: minutesOfTime(t.from, false), to: minutesOfTime(t.to, true) }));
}

function week(days: readonly MspdiWeekDay[]): WeekPattern {
  const out: (readonly WorkingInterval[] | null)[] = [null, null, null, null, null, null, null];
  for (const d of days) {
    if (d.dayType >= 1 && d.dayType <= 7) out[d.dayType - 1] = d.working ? intervals(d.times) : [];
  }
  return out;
}

function localDate(text: string): number {
  return parseLocalDateTime(text) as number;
}

function recurrenceOf(e: MspdiException, element: string): Recurrence | undefined {
  const every = Math.max(1, e.period ?? 1);
  const item = MONTH_ITEMS[e.monthItem ?? 0] ?? 'day';
  const position = MONTH_POSITIONS[e.monthPosition ?? 0] ?? 'first';
  const month = (e.month ?? 0) + 1;
  switch (e.type ?? 1) {
    case 1:
    case 7:
      return every === 1 ? undefined : { kind: 'daily', every };
    case 2:
      return { kind: 'yearlyByDay', month, monthDay: e.monthDay ?? 1 };
    case 3:
      return { kind: 'yearlyByPosition', month, position, item };
    case 4:
      return { kind: 'monthlyByDay', every, monthDay: e.monthDay ?? 1 };
    case 5:
      return { kind: 'monthlyByPosition', every, position, item };
    case 6: {
      const mask = e.daysOfWeek ?? 0;
      const daysOfWeek = [0, 1, 2, 3, 4, 5, 6].filter((d) => (mask & (1 << d)) !== 0);
      return { kind: 'weekly', every, daysOfWeek };
    }
    case 8:
      return { kind: 'weekly', every: 1, daysOfWeek: [1, 2, 3, 4, 5] };
    default:
      throw new MspdiParseError(element, `exception type ${e.type} is not known`);
  }
}

/** Converts an MSPDI calendar to the engine's calendar definition (id = UID as text). */
export function convertMspdiCalendar(c: MspdiCalendar): CalendarDefinition {
  const exceptions: CalendarException[] = c.exceptions.map((e, i) => {
    const recurrence = recurrenceOf(
      e,
      `Project/Calendars/Calendar[UID=${c.uid}]/Exceptions/Exception[${i + 1}]/Type`,
    );
    return {
      from: localDate(e.from),
      to: localDate(e.to),
      working: e.working ? intervals(e.times) : [],
      ...(e.name !== undefined ? { name: e.name } : {}),
      ...(recurrence ? { recurrence } : {}),
      ...(e.enteredByOccurrences && e.occurrences !== undefined ? { occurrences: e.occurrences } : {}),
    };
  });
  return {
    id: String(c.uid),
    ...(c.name !== undefined ? { name: c.name } : {}),
    ...(c.baseCalendarUid !== undefined ? { baseId: String(c.baseCalendarUid) } : {}),
    week: week(c.weekDays),
    exceptions,
    workWeeks: c.workWeeks.map((w) => ({
      from: localDate(w.from),
      to: localDate(w.to),
      week: week(w.weekDays),
    })),
  };
}

function lagOf(linkLag: number, lagFormat: number, element: string): Lag | undefined {
  if (linkLag === 0) return undefined;
  const kind = getLagKindOfFormat(lagFormat, element);
  // LinkLag is tenths of a minute, except for % formats where it is the percentage itself.
  if (kind === 'percent' || kind === 'elapsedPercent') return { kind, percent: linkLag };
  return { kind, minutes: Math.round(linkLag / 10) };
}

function isElapsedFormat(format: number | undefined): boolean {
  const base = format !== undefined && format >= 35 ? format - 32 : format;
  return base === 4 || base === 6 || base === 8 || base === 10 || base === 12;
}

function schedulable(t: MspdiTask): boolean {
  return !t.isNull && t.active !== false;
}

/** Builds the engine input from a parsed MSPDI document (its own computed dates are ignored). */
export function buildScheduleInputFromMspdi(doc: MspdiDocument): ScheduleInput {
  const calendars = doc.calendars.map(convertMspdiCalendar);
  let projectCalendar = doc.project.calendarUid !== undefined ? String(doc.project.calendarUid) : undefined;
  if (projectCalendar === undefined) {
    const base = doc.calendars.find((c) => c.isBaseCalendar);
    projectCalendar = base ? String(base.uid) : undefined;
  }
  if (projectCalendar === undefined) {
    projectCalendar = 'standard';
    calendars.push(createStandardCalendar('standard'));
  }
  const scheduleFrom = doc.project.scheduleFromStart ? 'start' : 'finish';
  const start = doc.project.startDate ?? doc.tasks.find((t) => t.start)?.start;
  if (scheduleFrom === 'start' && !start)
    throw new MspdiParseError('Project/StartDate', 'is required to schedule from the start');
  if (scheduleFrom === 'finish' && !doc.project.finishDate) {
    throw new MspdiParseError('Project/FinishDate', 'is required to schedule from the finish');
  }
  // Tasks with an elapsed duration (ed, eh…) run round the clock.
  const elapsedCalendar = 'baton-elapsed';
  if (doc.tasks.some((t) => isElapsedFormat(t.durationFormat)))
    calendars.push(create24HourCalendar(elapsedCalendar));
  const resourceCalendar = new Map<number, string>();
  for (const r of doc.resources) {
    if ((r.type ?? 1) === 1 && r.calendarUid !== undefined)
      resourceCalendar.set(r.uid, String(r.calendarUid));
  }
  const taskResourceCalendars = new Map<number, string[]>();
  for (const a of doc.assignments) {
    const cal = resourceCalendar.get(a.resourceUid);
    if (cal === undefined) continue;
    const list = taskResourceCalendars.get(a.taskUid) ?? [];
    if (!list.includes(cal)) list.push(cal);
    taskResourceCalendars.set(a.taskUid, list);
  }
  const included = new Set<number>();
  const tasks: TaskInput[] = [];
  const parents: { level: number; uid: number }[] = [];
  for (const t of doc.tasks) {
    if (!schedulable(t)) continue;
    const level = t.outlineLevel ?? (t.uid === 0 ? 0 : 1);
    while (parents.length > 0 && (parents[parents.length - 1]?.level ?? 0) >= level) parents.pop();
    const parent = parents[parents.length - 1];
    parents.push({ level, uid: t.uid });
    included.add(t.uid);
    const p = `Project/Tasks/Task[UID=${t.uid}]`;
    let constraint = CONSTRAINTS[t.constraintType ?? 0] ?? 'ASAP';
    let constraintDate = t.constraintDate !== undefined ? localDate(t.constraintDate) : undefined;
    if (constraint !== 'ASAP' && constraint !== 'ALAP' && constraintDate === undefined) {
      throw new MspdiParseError(
        `${p}/ConstraintDate`,
        `is required with constraint type ${t.constraintType}`,
      );
    }
    // A manually scheduled task keeps the dates the user typed: pin its start.
    if (t.manual && !t.summary && t.start !== undefined) {
      constraint = 'MSO';
      constraintDate = localDate(t.start);
    }
    const elapsed = isElapsedFormat(t.durationFormat);
    const resources = elapsed ? undefined : taskResourceCalendars.get(t.uid);
    const calendarId = elapsed
      ? elapsedCalendar
      : t.calendarUid !== undefined
        ? String(t.calendarUid)
        : undefined;
    tasks.push({
      id: String(t.uid),
      ...(t.name !== undefined ? { name: t.name } : {}),
      ...(parent ? { parentId: String(parent.uid) } : {}),
      durationMinutes: Math.max(0, t.duration ?? 0),
      ...(t.milestone !== undefined ? { milestone: t.milestone } : {}),
      ...(calendarId !== undefined ? { calendarId } : {}),
      // Lags into an elapsed task still count on its task calendar or the project calendar.
      ...(elapsed
        ? { lagCalendarId: t.calendarUid !== undefined ? String(t.calendarUid) : projectCalendar }
        : {}),
      ...(resources ? { resourceCalendarIds: resources } : {}),
      ...(t.ignoreResourceCalendar ? { ignoreResourceCalendars: true } : {}),
      constraint:
        constraintDate !== undefined ? { type: constraint, date: constraintDate } : { type: constraint },
      ...(t.deadline !== undefined ? { deadline: localDate(t.deadline) } : {}),
      ...(t.actualStart !== undefined ? { actualStart: localDate(t.actualStart) } : {}),
      ...(t.actualFinish !== undefined ? { actualFinish: localDate(t.actualFinish) } : {}),
      ...(t.percentComplete !== undefined ? { percentComplete: t.percentComplete } : {}),
      ...(t.remainingDuration !== undefined && t.actualStart !== undefined
        ? { remainingMinutes: t.remainingDuration }
        : {}),
    });
  }
  const links: LinkInput[] = [];
  for (const t of doc.tasks) {
    if (!included.has(t.uid)) continue;
    t.predecessors.forEach((l, j) => {
      if (l.crossProject || !included.has(l.predecessorUid)) return;
      const lag = lagOf(
        l.linkLag,
        l.lagFormat,
        `Project/Tasks/Task[UID=${t.uid}]/PredecessorLink[${j + 1}]/LagFormat`,
      );
      links.push({
        from: String(l.predecessorUid),
        to: String(t.uid),
        type: LINK_TYPES[l.type] ?? 'FS',
        ...(lag ? { lag } : {}),
      });
    });
  }
  return {
    calendars,
    projects: [
      {
        id: doc.project.name ?? 'project',
        calendarId: projectCalendar,
        scheduleFrom,
        ...(start !== undefined ? { start: localDate(start) } : {}),
        ...(doc.project.finishDate !== undefined ? { finish: localDate(doc.project.finishDate) } : {}),
        ...(doc.project.statusDate !== undefined ? { statusDate: localDate(doc.project.statusDate) } : {}),
      },
    ],
    tasks,
    links,
    options: {
      ...(doc.project.criticalSlackLimit
        ? { criticalFloatMinutes: doc.project.criticalSlackLimit * doc.project.minutesPerDay }
        : {}),
      ...(doc.project.honorConstraints === false ? { honorConstraints: false } : {}),
    },
  };
}

/** One row of `baton schedule`: dates as local date-times in the file's own form. */
export type MspdiScheduleRow = {
  readonly uid: number;
  readonly name: string;
  readonly start: string;
  readonly finish: string;
  readonly totalFloatMinutes: number;
  readonly critical: boolean;
};

/** Rows per task UID, or the issues (cycles, missing dates…) that stop scheduling. */
export type MspdiScheduleResult =
  | {
      readonly ok: true;
      readonly rows: readonly MspdiScheduleRow[];
      readonly criticalPaths: readonly (readonly number[])[];
    }
  | { readonly ok: false; readonly issues: readonly ScheduleIssue[] };

/** Schedules a parsed MSPDI document with Baton's engine, ignoring the file's computed dates. */
export function scheduleMspdiDocument(doc: MspdiDocument): MspdiScheduleResult {
  const input = buildScheduleInputFromMspdi(doc);
  let result: ReturnType<typeof scheduleNetwork>;
  try {
    result = scheduleNetwork(input);
  } catch (e) {
    if (e instanceof CalendarWithoutWorkError) {
      throw new MspdiParseError(
        `Project/Calendars/Calendar[UID=${e.calendarId}]`,
        'has no working time, so no task on it can finish',
      );
    }
    throw e;
  }
  if (result.status !== 'scheduled') return { ok: false, issues: result.issues };
  const rows: MspdiScheduleRow[] = [];
  for (const t of doc.tasks) {
    const s = result.tasks.get(String(t.uid));
    if (!s) continue;
    rows.push({
      uid: t.uid,
      name: t.name ?? '',
      start: formatLocalDateTime(s.start),
      finish: formatLocalDateTime(s.finish),
      totalFloatMinutes: s.totalFloatMinutes,
      critical: s.critical,
    });
  }
  return { ok: true, rows, criticalPaths: result.criticalPaths.map((p) => p.map(Number)) };
}

/** Returns the document with each scheduled task's Start/Finish replaced by Baton's dates. */
export function applyScheduleToMspdi(doc: MspdiDocument, rows: readonly MspdiScheduleRow[]): MspdiDocument {
  const byUid = new Map(rows.map((r) => [r.uid, r] as const));
  return {
    ...doc,
    tasks: doc.tasks.map((t) => {
      const r = byUid.get(t.uid);
      return r ? { ...t, start: r.start, finish: r.finish } : t;
    }),
  };
}

/** Formats rows as the plain-text table `baton schedule <file.xml>` prints. */
export function formatScheduleTable(rows: readonly MspdiScheduleRow[]): string {
  const header = ['UID', 'Name', 'Start', 'Finish', 'Total float (min)', 'Critical'];
  const body = rows.map((r) => [
    String(r.uid),
    r.name,
    r.start,
    r.finish,
    String(r.totalFloatMinutes),
    r.critical ? 'yes' : 'no',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === 0 || i === 4 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...body.map(line)].join('\n')}\n`;
}

/** Parses and schedules MSPDI XML in one call (what `baton schedule` needs). */
export function scheduleMspdiXml(xml: string): MspdiScheduleResult {
  return scheduleMspdiDocument(parseMspdi(xml));
}
