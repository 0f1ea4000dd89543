import type { Task, TaskLink } from '@baton/contracts';
import {
  type CalendarDefinition,
  type ConstraintType,
  create24HourCalendar,
  formatLocalDateTime,
  type Lag,
  type LinkInput,
  type LinkType,
  type LocalMinutes,
  type ProjectInput,
  parseLocalDateTime,
  type ScheduleInput,
  type ScheduleIssue,
  type TaskInput,
} from '@baton/core';
import { convertMspdiCalendar, type MspdiCalendar } from '@baton/interop';
import type { CalendarRow, LinkRow, SettingsRow, TaskRow } from './schedule.repository.ts';

/** A calendar as stored: Microsoft Project's own shape (MSPDI), minus its UIDs. */
export type StoredCalendar = Omit<MspdiCalendar, 'uid' | 'baseCalendarUid'>;

const STANDARD_TIMES = [
  { from: '08:00:00', to: '12:00:00' },
  { from: '13:00:00', to: '17:00:00' },
];

/** Microsoft Project's Standard calendar: Monday to Friday, 08:00–12:00 and 13:00–17:00. */
export const STANDARD_CALENDAR: StoredCalendar = {
  name: 'Standard',
  isBaseCalendar: true,
  weekDays: [1, 2, 3, 4, 5, 6, 7].map((dayType) => ({
    dayType,
    working: dayType !== 1 && dayType !== 7,
    times: dayType !== 1 && dayType !== 7 ? STANDARD_TIMES : [],
  })),
  exceptions: [],
  workWeeks: [],
};

/** Normalises a local date-time to the file form 2026-01-05T08:00:00, or undefined when it is not one. */
export function normaliseLocal(text: string | null | undefined): string | null | undefined {
  if (text === null || text === undefined) return text;
  const t = parseLocalDateTime(text);
  return t === undefined ? undefined : formatLocalDateTime(t);
}

function local(text: string | null | undefined): LocalMinutes | undefined {
  return text ? parseLocalDateTime(text) : undefined;
}

export function toEngineCalendar(row: CalendarRow): CalendarDefinition {
  const stored = row.definition as unknown as StoredCalendar;
  const def = convertMspdiCalendar({
    ...stored,
    uid: 0,
    isBaseCalendar: stored.isBaseCalendar ?? row.baseCalendarId === null,
  });
  const { baseId: _b, ...rest } = def;
  return {
    ...rest,
    id: row.id,
    ...(row.name ? { name: row.name } : {}),
    ...(row.baseCalendarId ? { baseId: row.baseCalendarId } : {}),
  };
}

export function lagOf(link: Pick<LinkRow, 'lagKind' | 'lag'>): Lag | undefined {
  if (link.lag === 0) return undefined;
  if (link.lagKind === 'percent' || link.lagKind === 'elapsedPercent')
    return { kind: link.lagKind, percent: link.lag };
  return { kind: link.lagKind === 'elapsed' ? 'elapsed' : 'working', minutes: link.lag };
}

/** Where a project's plan is anchored when the PMO has not set a start: its planned start, else today. */
export function anchorOf(
  settings: SettingsRow,
  plannedStart: string | null,
  plannedFinish: string | null,
  today: string,
): {
  start: string;
  finish: string | null;
} {
  return {
    start: settings.startAt ?? `${plannedStart ?? today}T08:00:00`,
    finish: settings.finishAt ?? (plannedFinish ? `${plannedFinish}T17:00:00` : null),
  };
}

/** Builds the engine input for a set of projects (one network: cross-project links included). */
export function buildEngineInput(args: {
  projects: { id: string; settings: SettingsRow; start: string; finish: string | null }[];
  calendars: CalendarRow[];
  standardCalendarId: string;
  tasks: TaskRow[];
  links: LinkRow[];
  /** Calendars of the work resources assigned to each task. */
  resourceCalendars?: ReadonlyMap<string, readonly string[]>;
}): ScheduleInput {
  const elapsedCalendar = 'baton-elapsed';
  const projectCalendar = new Map(
    args.projects.map((p) => [p.id, p.settings.calendarId ?? args.standardCalendarId]),
  );
  const projectIds = new Set(args.projects.map((p) => p.id));
  const taskIds = new Set(args.tasks.map((t) => t.id));
  const projects: ProjectInput[] = args.projects.map(({ id, settings, start, finish }) => {
    const fromFinish = settings.scheduleFrom === 'finish';
    const s = local(start);
    const f = local(finish);
    const statusDate = local(settings.statusDate);
    return {
      id,
      calendarId: settings.calendarId ?? args.standardCalendarId,
      scheduleFrom: fromFinish ? 'finish' : 'start',
      ...(s !== undefined ? { start: s } : {}),
      ...(f !== undefined ? { finish: f } : {}),
      ...(statusDate !== undefined ? { statusDate } : {}),
    };
  });
  const tasks: TaskInput[] = args.tasks
    .filter((t) => projectIds.has(t.projectId))
    .map((t) => {
      const constraintDate = local(t.constraintDate);
      const deadline = local(t.deadline);
      const actualStart = local(t.actualStart);
      const actualFinish = local(t.actualFinish);
      const type = t.constraintType as ConstraintType;
      return {
        id: t.id,
        name: t.name,
        projectId: t.projectId,
        ...(t.parentId && taskIds.has(t.parentId) ? { parentId: t.parentId } : {}),
        durationMinutes: t.durationMinutes,
        milestone: t.milestone,
        // An elapsed task runs on a 24-hour calendar; its lags still count on its own or the project calendar.
        ...(t.elapsed
          ? {
              calendarId: elapsedCalendar,
              lagCalendarId: t.calendarId ?? projectCalendar.get(t.projectId) ?? args.standardCalendarId,
            }
          : t.calendarId
            ? { calendarId: t.calendarId }
            : {}),
        ...(!t.elapsed && args.resourceCalendars?.get(t.id)?.length
          ? { resourceCalendarIds: [...(args.resourceCalendars.get(t.id) ?? [])] }
          : {}),
        ...(t.ignoreResourceCalendars ? { ignoreResourceCalendars: true } : {}),
        // A dated constraint without its date is refused when written; should one slip through, ASAP.
        constraint:
          type === 'ASAP' || type === 'ALAP'
            ? { type }
            : constraintDate !== undefined
              ? { type, date: constraintDate }
              : { type: 'ASAP' as const },
        ...(deadline !== undefined ? { deadline } : {}),
        ...(actualStart !== undefined ? { actualStart } : {}),
        ...(actualFinish !== undefined ? { actualFinish } : {}),
        ...(t.percentComplete ? { percentComplete: t.percentComplete } : {}),
        ...(t.remainingMinutes !== null && actualStart !== undefined
          ? { remainingMinutes: t.remainingMinutes }
          : {}),
      };
    });
  const links: LinkInput[] = args.links
    .filter((l) => taskIds.has(l.predecessorId) && taskIds.has(l.successorId))
    .map((l) => {
      const lag = lagOf(l);
      return { from: l.predecessorId, to: l.successorId, type: l.type as LinkType, ...(lag ? { lag } : {}) };
    });
  const calendars = args.calendars.map(toEngineCalendar);
  if (args.tasks.some((t) => t.elapsed)) calendars.push(create24HourCalendar(elapsedCalendar));
  return { calendars, projects, tasks, links };
}

export type Problem = { kind: string; message: string; taskIds: string[] };

export function describeIssue(i: ScheduleIssue): Problem {
  if ('taskIds' in i) return { kind: i.kind, message: i.message, taskIds: [...i.taskIds] };
  if ('id' in i)
    return {
      kind: i.kind,
      message: i.message,
      taskIds:
        i.kind.includes('task') ||
        i.kind.includes('duration') ||
        i.kind.includes('constraint') ||
        i.kind.includes('parent')
          ? [i.id]
          : [],
    };
  return { kind: i.kind, message: i.message, taskIds: [] };
}

/** Outline level and WBS number of every task of one project, from parents and positions. */
export function computeOutline(
  projectTasks: readonly TaskRow[],
): Map<string, { level: number; wbs: string }> {
  const out = new Map<string, { level: number; wbs: string }>();
  const childCount = new Map<string | null, number>();
  for (const t of projectTasks) {
    const parent = t.parentId && out.has(t.parentId) ? t.parentId : null;
    const n = (childCount.get(parent) ?? 0) + 1;
    childCount.set(parent, n);
    const p = parent ? out.get(parent) : undefined;
    out.set(t.id, { level: p ? p.level + 1 : 1, wbs: p ? `${p.wbs}.${n}` : String(n) });
  }
  return out;
}

export function toTaskDto(t: TaskRow, outline: { level: number; wbs: string } | undefined): Task {
  return {
    id: t.id,
    version: t.version,
    projectId: t.projectId,
    parentId: t.parentId,
    position: t.position,
    uid: t.uid,
    outlineLevel: outline?.level ?? 1,
    wbs: outline?.wbs ?? String(t.position),
    name: t.name,
    notes: t.notes,
    durationMinutes: t.durationMinutes,
    milestone: t.milestone,
    summary: t.summary,
    calendarId: t.calendarId,
    constraintType: t.constraintType as Task['constraintType'],
    constraintDate: t.constraintDate,
    deadline: t.deadline,
    actualStart: t.actualStart,
    actualFinish: t.actualFinish,
    percentComplete: t.percentComplete,
    remainingMinutes: t.remainingMinutes,
    workMinutes: t.workMinutes,
    costMinor: t.costMinor,
    optimisticMinutes: t.optimisticMinutes,
    pessimisticMinutes: t.pessimisticMinutes,
    costLowMinor: t.costLowMinor,
    costHighMinor: t.costHighMinor,
    start: t.start,
    finish: t.finish,
    earlyStart: t.earlyStart,
    earlyFinish: t.earlyFinish,
    lateStart: t.lateStart,
    lateFinish: t.lateFinish,
    totalFloatMinutes: t.totalFloatMinutes,
    freeFloatMinutes: t.freeFloatMinutes,
    critical: t.critical,
  };
}

export function toLinkDto(l: {
  link: LinkRow;
  predecessorProjectId: string;
  successorProjectId: string;
}): TaskLink {
  return {
    id: l.link.id,
    predecessorId: l.link.predecessorId,
    successorId: l.link.successorId,
    predecessorProjectId: l.predecessorProjectId,
    successorProjectId: l.successorProjectId,
    type: l.link.type as TaskLink['type'],
    lagKind: l.link.lagKind as TaskLink['lagKind'],
    lag: l.link.lag,
    crossProject: l.predecessorProjectId !== l.successorProjectId,
  };
}
