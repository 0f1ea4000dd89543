import type { CalendarDefinition } from './calendar-model.ts';
import { createStandardCalendar } from './calendar-model.ts';
import { formatLocalDateTime, parseLocalDateTime } from './local-time.ts';
import { scheduleNetwork } from './schedule.ts';
import type { LinkInput, ProjectInput, ScheduleResult, TaskInput, TaskSchedule } from './schedule-model.ts';

/** Parses a local date-time in tests, failing loudly on a typo. */
export function at(text: string): number {
  const t = parseLocalDateTime(text);
  if (t === undefined) throw new Error(`bad test date ${text}`);
  return t;
}

/** Formats local minutes without seconds, for compact expectations. */
export function fmt(t: number): string {
  return formatLocalDateTime(t).slice(0, 16);
}

/** Minutes in n working days of 8 h. */
export function days(n: number): number {
  return n * 480;
}

/** Schedules one project starting Mon 2026-01-05 08:00 on the Standard calendar unless told otherwise. */
export function scheduleOne(
  tasks: readonly TaskInput[],
  links: readonly LinkInput[] = [],
  options: { calendars?: CalendarDefinition[]; project?: Partial<ProjectInput> } = {},
): ScheduleResult {
  const project: ProjectInput = {
    id: 'P',
    calendarId: 'standard',
    scheduleFrom: 'start',
    start: at('2026-01-05T08:00'),
    ...options.project,
  };
  return scheduleNetwork({
    calendars: options.calendars ?? [createStandardCalendar()],
    projects: [project],
    tasks,
    links,
  });
}

/** Returns a scheduled task or throws with the issues. */
export function taskOf(result: ScheduleResult, id: string): TaskSchedule {
  if (result.status !== 'scheduled') throw new Error(JSON.stringify(result.issues));
  const t = result.tasks.get(id);
  if (!t) throw new Error(`no task ${id}`);
  return t;
}

/** Start and finish of a scheduled task as compact strings. */
export function span(result: ScheduleResult, id: string): [string, string] {
  const t = taskOf(result, id);
  return [fmt(t.start), fmt(t.finish)];
}
