import type { DayResolver } from './calendar-resolve.ts';
import { buildDayResolvers, intersectIntervals } from './calendar-resolve.ts';
import { getDayNumber } from './local-time.ts';
import type { CompiledNetwork } from './network.ts';
import { LAG_ELAPSED, LAG_ELAPSED_PERCENT, LAG_PERCENT, LAG_WORKING } from './network.ts';
import {
  addBuilderLink,
  addBuilderProject,
  addBuilderTask,
  buildNetwork,
  createNetworkBuilder,
} from './network-builder.ts';
import type { ConstraintType, LinkType, ScheduleInput, ScheduleIssue } from './schedule-model.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { compileWorkCalendar } from './work-calendar.ts';

const CONSTRAINT_CODES: Readonly<Record<ConstraintType, number>> = {
  ASAP: 0,
  ALAP: 1,
  SNET: 2,
  SNLT: 3,
  FNET: 4,
  FNLT: 5,
  MSO: 6,
  MFO: 7,
};

/** Constraint names by engine code. */
export const CONSTRAINT_NAMES: readonly ConstraintType[] = [
  'ASAP',
  'ALAP',
  'SNET',
  'SNLT',
  'FNET',
  'FNLT',
  'MSO',
  'MFO',
];

/** Longest duration or lag the engine takes: about 95 years of 24-hour days. */
const MAX_DURATION = 50_000_000;
/** Dates must stay well inside the Int32 range of the typed arrays (about ±1900 years around 1970). */
const MAX_ABS_TIME = 1_000_000_000;

const LINK_CODES: Readonly<Record<LinkType, number>> = { FS: 0, SS: 1, FF: 2, SF: 3 };

/** The compiled network plus what is needed to map results back to ids. */
export type CompiledInput = {
  readonly network: CompiledNetwork;
  readonly taskIndex: ReadonlyMap<string, number>;
  readonly calendarIndex: ReadonlyMap<string, number>;
};

/** Compiles the object-level input into a typed-array network, or lists why it cannot be scheduled. */
export function compileScheduleInput(
  input: ScheduleInput,
): { ok: true; compiled: CompiledInput } | { ok: false; issues: ScheduleIssue[] } {
  const issues: ScheduleIssue[] = [];
  const { resolvers, issues: calendarIssues } = buildDayResolvers(input.calendars);
  issues.push(...calendarIssues);

  let anchor = Number.POSITIVE_INFINITY;
  for (const p of input.projects) {
    const t = p.scheduleFrom === 'finish' ? p.finish : p.start;
    if (t === undefined || !(Math.abs(t) < MAX_ABS_TIME)) {
      issues.push({
        kind: 'missing-project-date',
        id: p.id,
        message: `project ${p.id} is scheduled from its ${p.scheduleFrom} but has no ${p.scheduleFrom} date`,
      });
    } else anchor = Math.min(anchor, getDayNumber(t));
    if (!resolvers.has(p.calendarId)) {
      issues.push({
        kind: 'unknown-calendar',
        id: p.calendarId,
        message: `project ${p.id} uses unknown calendar ${p.calendarId}`,
      });
    }
  }
  if (!Number.isFinite(anchor)) anchor = 0;

  const calendars: WorkCalendar[] = [];
  const calendarIndex = new Map<string, number>();
  const calendarFor = (ids: readonly string[]): number => {
    const key = ids.join('\u0000');
    const known = calendarIndex.get(key);
    if (known !== undefined) return known;
    const parts = ids.map((id) => resolvers.get(id) as DayResolver);
    const resolve: DayResolver =
      parts.length === 1
        ? (parts[0] as DayResolver)
        : (day) =>
            parts
              .slice(1)
              .reduce((acc, r) => intersectIntervals(acc, r(day)), (parts[0] as DayResolver)(day));
    calendars.push(compileWorkCalendar(ids.join(' ∩ '), resolve, anchor));
    calendarIndex.set(key, calendars.length - 1);
    return calendars.length - 1;
  };

  const builder = createNetworkBuilder(calendars, {
    criticalFloat: input.options?.criticalFloatMinutes ?? 0,
    rescheduleAfterStatus: input.options?.rescheduleRemainingAfterStatusDate ?? false,
    honorConstraints: input.options?.honorConstraints ?? true,
  });
  const projectIndex = new Map<string, number>();
  for (const p of input.projects) {
    if (projectIndex.has(p.id) || !resolvers.has(p.calendarId)) continue;
    const idx = addBuilderProject(builder, {
      id: p.id,
      calendar: calendarFor([p.calendarId]),
      fromFinish: p.scheduleFrom === 'finish',
      ...(p.start !== undefined ? { start: p.start } : {}),
      ...(p.finish !== undefined ? { finish: p.finish } : {}),
      ...(p.statusDate !== undefined ? { statusDate: p.statusDate } : {}),
    });
    projectIndex.set(p.id, idx);
  }
  const soleProject = input.projects.length === 1 ? input.projects[0]?.id : undefined;
  const projectDefs = new Map(input.projects.map((p) => [p.id, p] as const));

  const taskIndex = new Map<string, number>();
  for (const t of input.tasks) {
    if (taskIndex.has(t.id)) {
      issues.push({ kind: 'duplicate-task', id: t.id, message: `task ${t.id} appears twice` });
      continue;
    }
    taskIndex.set(t.id, taskIndex.size);
  }
  const seen = new Set<string>();
  for (const t of input.tasks) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    const projectId = t.projectId ?? soleProject;
    const project = projectId === undefined ? undefined : projectIndex.get(projectId);
    const projectDef = projectId === undefined ? undefined : projectDefs.get(projectId);
    if (project === undefined || !projectDef) {
      issues.push({
        kind: 'unknown-project',
        id: t.id,
        message: `task ${t.id} belongs to unknown project ${projectId ?? '(none)'}`,
      });
      continue;
    }
    if (!Number.isFinite(t.durationMinutes) || t.durationMinutes < 0 || t.durationMinutes > MAX_DURATION) {
      issues.push({
        kind: 'invalid-duration',
        id: t.id,
        message: `task ${t.id} has an invalid duration ${t.durationMinutes}`,
      });
    }
    let parent = -1;
    if (t.parentId !== undefined) {
      const pi = taskIndex.get(t.parentId);
      if (pi === undefined) {
        issues.push({
          kind: 'unknown-parent',
          id: t.id,
          message: `task ${t.id} has unknown parent ${t.parentId}`,
        });
      } else parent = pi;
    }
    const calIds = [t.calendarId, ...(t.ignoreResourceCalendars ? [] : (t.resourceCalendarIds ?? []))].filter(
      (x): x is string => x !== undefined,
    );
    const unknownCal = [...calIds, ...(t.lagCalendarId !== undefined ? [t.lagCalendarId] : [])].find(
      (id) => !resolvers.has(id),
    );
    if (unknownCal !== undefined) {
      issues.push({
        kind: 'unknown-calendar',
        id: t.id,
        message: `task ${t.id} uses unknown calendar ${unknownCal}`,
      });
      continue;
    }
    const dates = [t.constraint?.date, t.deadline, t.actualStart, t.actualFinish];
    if (dates.some((d) => d !== undefined && !(Math.abs(d) < MAX_ABS_TIME))) {
      issues.push({
        kind: 'invalid-duration',
        id: t.id,
        message: `task ${t.id} has a date outside the supported range`,
      });
    }
    const ctype = t.constraint?.type ?? 'ASAP';
    const cdate = t.constraint?.date;
    if (ctype !== 'ASAP' && ctype !== 'ALAP' && (cdate === undefined || !Number.isFinite(cdate))) {
      issues.push({
        kind: 'missing-constraint-date',
        id: t.id,
        message: `task ${t.id} has a ${ctype} constraint without a date`,
      });
    }
    const uniqueCals = [...new Set(calIds)];
    const calendar = calendarFor(uniqueCals.length > 0 ? uniqueCals : [projectDef.calendarId]);
    const lagCalendar = calendarFor([t.lagCalendarId ?? t.calendarId ?? projectDef.calendarId]);
    const duration = Math.max(0, Math.round(Number.isFinite(t.durationMinutes) ? t.durationMinutes : 0));
    let remaining = -1;
    if (t.actualFinish === undefined) {
      if (t.remainingMinutes !== undefined && Number.isFinite(t.remainingMinutes)) {
        remaining = Math.max(0, Math.round(t.remainingMinutes));
        if (
          t.actualStart === undefined &&
          remaining >= duration &&
          !(t.percentComplete && t.percentComplete > 0)
        ) {
          remaining = -1;
        }
      } else if (t.percentComplete !== undefined && t.percentComplete > 0) {
        remaining = Math.max(0, Math.round(duration * (1 - Math.min(100, t.percentComplete) / 100)));
      }
    }
    addBuilderTask(builder, {
      id: t.id,
      project,
      parent,
      duration,
      calendar,
      lagCalendar,
      constraintType: CONSTRAINT_CODES[ctype],
      constraintDate: cdate ?? 0,
      ...(t.deadline !== undefined ? { deadline: t.deadline } : {}),
      ...(t.actualStart !== undefined ? { actualStart: t.actualStart } : {}),
      ...(t.actualFinish !== undefined ? { actualFinish: t.actualFinish } : {}),
      remaining,
      milestone: t.milestone ?? duration === 0,
    });
  }
  for (const l of input.links) {
    const from = taskIndex.get(l.from);
    const to = taskIndex.get(l.to);
    if (from === undefined || to === undefined) {
      const missing = from === undefined ? l.from : l.to;
      issues.push({
        kind: 'unknown-task',
        id: missing,
        message: `link ${l.from} → ${l.to} names unknown task ${missing}`,
      });
      continue;
    }
    const lag = l.lag;
    let kind = LAG_WORKING;
    let value = 0;
    if (lag) {
      if ('minutes' in lag) {
        kind = lag.kind === 'elapsed' ? LAG_ELAPSED : LAG_WORKING;
        value = Math.round(Math.max(-MAX_DURATION, Math.min(MAX_DURATION, lag.minutes)));
      } else {
        kind = lag.kind === 'percent' ? LAG_PERCENT : LAG_ELAPSED_PERCENT;
        value = Math.max(-100_000, Math.min(100_000, lag.percent));
      }
    }
    addBuilderLink(builder, from, to, LINK_CODES[l.type], kind, Number.isFinite(value) ? value : 0);
  }
  if (issues.length > 0) return { ok: false, issues };
  const built = buildNetwork(builder);
  if (!built.ok) {
    return {
      ok: false,
      issues: built.cycles.map((c) => {
        const ids = c.map((i) => builder.taskIds[i] as string);
        return { kind: 'cycle', taskIds: ids, message: `dependency cycle through tasks ${ids.join(', ')}` };
      }),
    };
  }
  return { ok: true, compiled: { network: built.network, taskIndex, calendarIndex } };
}
