import type { ProjectScheduleView, ScheduleChange, ScheduleSettings, Task, TaskLink } from '@baton/contracts';
import {
  buildDayResolvers,
  CalendarWithoutWorkError,
  compileWorkCalendar,
  formatLocalDateTime,
  type ScheduleResult,
  scheduleNetwork,
  type WorkCalendar,
} from '@baton/core';
import type { Database } from '@baton/db';
import { conflict, invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import type { Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import { recordChange } from '../shared/record-change.ts';
import type { ComputedFields, ScheduleRepository, SettingsRow, TaskRow } from './schedule.repository.ts';
import {
  anchorOf,
  buildEngineInput,
  computeOutline,
  describeIssue,
  normaliseLocal,
  type Problem,
  STANDARD_CALENDAR,
  toEngineCalendar,
  toLinkDto,
  toTaskDto,
} from './schedule-input.ts';

type Conflict = { taskId: string; constraint: string; date: string; minutes: number; message: string };

/** What a reschedule found, to return with the change that caused it. */
export type RescheduleOutcome = {
  changedTaskIds: Set<string>;
  problems: Problem[];
  tasksByProject: Map<string, TaskRow[]>;
};

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const TASK_SNAPSHOT_FIELDS = [
  'name',
  'notes',
  'durationMinutes',
  'milestone',
  'calendarId',
  'constraintType',
  'constraintDate',
  'deadline',
  'actualStart',
  'actualFinish',
  'percentComplete',
  'remainingMinutes',
  'workMinutes',
  'costMinor',
  'parentId',
] as const;

export function taskSnapshot(t: TaskRow): Record<string, unknown> {
  return Object.fromEntries(TASK_SNAPSHOT_FIELDS.map((k) => [k, t[k]]));
}

/** Project plans: tasks, links, calendars, settings; every change reschedules what it affects. */
export class ScheduleService {
  constructor(
    readonly db: Database,
    readonly repo: ScheduleRepository,
    readonly journal: JournalRepository,
  ) {}

  /** The organisation's Standard calendar, created on first use. */
  async standardCalendarId(tx: Database): Promise<string> {
    const existing = await this.repo.organisationCalendar(tx, 'Standard');
    if (existing) return existing.id;
    const row = await this.repo.insertCalendar(tx, {
      name: 'Standard',
      projectId: null,
      baseCalendarId: null,
      definition: STANDARD_CALENDAR as unknown as Record<string, unknown>,
    });
    return row.id;
  }

  /**
   * Working minutes on each day of [fromDay, toDay] (day numbers) of each calendar, for capacity
   * planning; an unknown id (or null) gets the organisation's Standard calendar.
   */
  async workingMinutesByDay(
    calendarIds: readonly (string | null)[],
    fromDay: number,
    toDay: number,
  ): Promise<{ standardId: string; days: Map<string, Float64Array>; calendars: Map<string, WorkCalendar> }> {
    const standardId = await this.standardCalendarId(this.db);
    const wanted = [...new Set(calendarIds.filter((c): c is string => !!c))];
    const rows = await this.repo.calendarsWithIds(this.db, wanted);
    const { resolvers } = buildDayResolvers(rows.map(toEngineCalendar));
    const days = new Map<string, Float64Array>();
    const calendars = new Map<string, WorkCalendar>();
    const length = Math.max(0, toDay - fromDay + 1);
    for (const id of [standardId, ...wanted]) {
      const resolve = resolvers.get(id) ?? resolvers.get(standardId);
      if (resolve) calendars.set(id, compileWorkCalendar(id, resolve, fromDay));
      const out = new Float64Array(length);
      if (resolve)
        for (let d = 0; d < length; d++) {
          let minutes = 0;
          for (const iv of resolve(fromDay + d)) minutes += iv.to - iv.from;
          out[d] = minutes;
        }
      days.set(id, out);
    }
    return { standardId, days, calendars };
  }

  /** One task as stored, for modules that build on plans (resources, timesheets). */
  taskRow(db: Database, taskId: string): Promise<TaskRow | null> {
    return this.repo.getTask(db, taskId);
  }

  /** Sets a task's total work (the sum of its assignments) under its version, inside the caller's transaction. */
  setTaskWork(tx: Database, taskId: string, version: number, workMinutes: number, actorId: string | null) {
    return this.repo.updateTask(tx, taskId, version, { workMinutes }, actorId);
  }

  /**
   * Books approved timesheet hours onto tasks, inside the caller's transaction: actual work and cost
   * grow, the task gets an actual start if it had none, % complete follows actual over planned work
   * (held below 100 until someone marks the task finished), and the projects are rescheduled.
   */
  /** Books actuals in a transaction of its own (demo data and imports). */
  recordActuals(
    actor: Actor,
    items: readonly { taskId: string; minutes: number; costMinor: number; firstDate: string }[],
  ): Promise<void> {
    return this.db.transaction((tx) => this.bookActuals(tx, actor, items));
  }

  async bookActuals(
    tx: Database,
    actor: Actor,
    items: readonly { taskId: string; minutes: number; costMinor: number; firstDate: string }[],
  ): Promise<void> {
    const projectIds = new Set<string>();
    for (const item of items) {
      const before = await this.repo.getTask(tx, item.taskId);
      if (!before || before.summary) continue;
      const actualWorkMinutes = before.actualWorkMinutes + item.minutes;
      const percent =
        before.workMinutes > 0
          ? Math.min(99, Math.round((100 * actualWorkMinutes) / before.workMinutes))
          : before.percentComplete;
      const values = {
        actualWorkMinutes,
        actualCostMinor: before.actualCostMinor + item.costMinor,
        percentComplete: before.actualFinish
          ? before.percentComplete
          : Math.max(before.percentComplete, percent),
        ...(before.actualStart ? {} : { actualStart: `${item.firstDate}T08:00:00` }),
      };
      const after = await this.repo.updateTask(tx, item.taskId, before.version, values, actor.userId);
      if (!after) throw staleVersion(before.version + 1, before.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'task', id: item.taskId, action: 'actuals' },
        {
          ...taskSnapshot(before),
          actualWorkMinutes: before.actualWorkMinutes,
          actualCostMinor: before.actualCostMinor,
        },
        {
          ...taskSnapshot(after),
          actualWorkMinutes: after.actualWorkMinutes,
          actualCostMinor: after.actualCostMinor,
        },
      );
      projectIds.add(before.projectId);
    }
    if (projectIds.size) await this.reschedule(tx, [...projectIds]);
  }

  async settingsOf(tx: Database, projectId: string): Promise<SettingsRow> {
    return this.repo.ensureSettings(tx, projectId, {});
  }

  /**
   * Loads the projects and every project linked to them across projects (the connected component)
   * with everything the engine needs, and builds its input. `prepare` creates what a first
   * scheduling needs (the Standard calendar, settings rows); without it a project never scheduled
   * before gives null.
   */
  async loadComponent(db: Database, projectIds: readonly string[], prepare: boolean) {
    const component = new Set(projectIds);
    let frontier = [...projectIds];
    while (frontier.length > 0) {
      const next = (await this.repo.linkedProjects(db, frontier)).filter((id) => !component.has(id));
      for (const id of next) component.add(id);
      frontier = next;
    }
    const ids = [...component];
    const info = await this.repo.projectInfo(db, ids);
    const standardCalendarId = prepare
      ? await this.standardCalendarId(db)
      : (await this.repo.organisationCalendar(db, 'Standard'))?.id;
    if (!standardCalendarId) return null;
    if (prepare) for (const p of info) await this.repo.ensureSettings(db, p.id, {});
    const [settings, calendarRows, taskRows, linkRows, resourceCalendars] = await Promise.all([
      this.repo.settings(db, ids),
      this.repo.calendarsFor(db, ids),
      this.repo.tasksOf(db, ids),
      this.repo.linksOf(db, ids),
      this.repo.resourceCalendars(db, ids),
    ]);
    const calendars = await this.repo.calendarsWithBases(
      db,
      calendarRows,
      [...resourceCalendars.values()].flat(),
    );
    const settingsById = new Map(settings.map((s) => [s.projectId, s]));
    const projects = info.flatMap((p) => {
      const s = settingsById.get(p.id);
      return s ? [{ id: p.id, settings: s, ...anchorOf(s, p.plannedStart, p.plannedFinish, today()) }] : [];
    });
    const input = buildEngineInput({
      projects,
      calendars,
      standardCalendarId,
      tasks: taskRows,
      links: linkRows.map((l) => l.link),
      resourceCalendars,
    });
    return { info, projects, settingsById, calendars, taskRows, standardCalendarId, input };
  }

  /**
   * Reschedules the projects and every project linked to them across projects, writes the computed
   * dates that moved (one statement per 5,000 tasks) and each project's start, finish, critical paths
   * and conflicts. Runs inside the caller's transaction.
   */
  async reschedule(tx: Database, projectIds: readonly string[]): Promise<RescheduleOutcome> {
    const loaded = await this.loadComponent(tx, projectIds, true);
    if (!loaded) throw new Error('the Standard calendar could not be created');
    const { projects, calendars, taskRows, input } = loaded;
    const tasksByProject = new Map<string, TaskRow[]>();
    for (const t of taskRows)
      tasksByProject.set(t.projectId, [...(tasksByProject.get(t.projectId) ?? []), t]);

    let result: ScheduleResult;
    try {
      result = scheduleNetwork(input);
    } catch (e) {
      if (!(e instanceof CalendarWithoutWorkError)) throw e;
      const calendar = calendars.find((c) => c.id === e.calendarId);
      result = {
        status: 'invalid',
        issues: [
          {
            kind: 'invalid-working-interval',
            calendarId: e.calendarId,
            message: `Calendar ${calendar?.name ?? e.calendarId} has no working time, so no task on it can finish.`,
          },
        ],
      };
    }
    const now = new Date();
    if (result.status !== 'scheduled') {
      const problems = result.issues.map(describeIssue);
      for (const p of projects) {
        const own = new Set((tasksByProject.get(p.id) ?? []).map((t) => t.id));
        const mine = problems.filter((x) => x.taskIds.length === 0 || x.taskIds.some((id) => own.has(id)));
        await this.repo.saveResults(tx, p.id, {
          computedStart: p.settings.computedStart,
          computedFinish: p.settings.computedFinish,
          issues: mine,
          conflicts: [],
          criticalPaths: [],
          scheduledAt: now,
        });
      }
      return { changedTaskIds: new Set(), problems, tasksByProject };
    }

    const changed: ComputedFields[] = [];
    for (const t of taskRows) {
      const s = result.tasks.get(t.id);
      if (!s) continue;
      const next: ComputedFields = {
        id: t.id,
        summary: s.summary,
        start: formatLocalDateTime(s.start),
        finish: formatLocalDateTime(s.finish),
        earlyStart: formatLocalDateTime(s.earlyStart),
        earlyFinish: formatLocalDateTime(s.earlyFinish),
        lateStart: formatLocalDateTime(s.lateStart),
        lateFinish: formatLocalDateTime(s.lateFinish),
        totalFloatMinutes: s.totalFloatMinutes,
        freeFloatMinutes: s.freeFloatMinutes,
        critical: s.critical,
      };
      const moved = (Object.keys(next) as (keyof ComputedFields)[]).some((k) => next[k] !== t[k]);
      if (moved) {
        changed.push(next);
        Object.assign(t, next);
      }
    }
    await this.repo.writeComputed(tx, changed);
    const conflicts: Conflict[] = result.conflicts.map((c) => ({
      taskId: c.taskId,
      constraint: c.constraint,
      date: formatLocalDateTime(c.date),
      minutes: c.minutes,
      message: c.message,
    }));
    for (const p of projects) {
      const own = new Set((tasksByProject.get(p.id) ?? []).map((t) => t.id));
      const ps = result.projects.get(p.id);
      await this.repo.saveResults(tx, p.id, {
        computedStart: ps && own.size ? formatLocalDateTime(ps.start) : null,
        computedFinish: ps && own.size ? formatLocalDateTime(ps.finish) : null,
        issues: [],
        conflicts: conflicts.filter((c) => own.has(c.taskId)),
        criticalPaths: result.criticalPaths
          .filter((path) => path.some((id) => own.has(id)))
          .map((path) => [...path]),
        scheduledAt: now,
      });
    }
    return { changedTaskIds: new Set(changed.map((c) => c.id)), problems: [], tasksByProject };
  }

  private settingsDto(s: SettingsRow): ScheduleSettings {
    return {
      projectId: s.projectId,
      version: s.version,
      calendarId: s.calendarId,
      scheduleFrom: s.scheduleFrom === 'finish' ? 'finish' : 'start',
      start: s.startAt,
      finish: s.finishAt,
      statusDate: s.statusDate,
      minutesPerDay: s.minutesPerDay,
      computedStart: s.computedStart,
      computedFinish: s.computedFinish,
      scheduledAt: s.scheduledAt?.toISOString() ?? null,
    };
  }

  /** The whole plan of one project, as stored (computed at the last change). */
  /** The project's settings, scheduling it first if it never was (its first look). */
  async ensureScheduled(projectId: string): Promise<SettingsRow> {
    let settings = (await this.repo.settings(this.db, [projectId]))[0];
    if (!settings) {
      await this.db.transaction(async (tx) => {
        await this.settingsOf(tx, projectId);
        await this.reschedule(tx, [projectId]);
      });
      settings = (await this.repo.settings(this.db, [projectId]))[0];
    }
    if (!settings) throw notFound('Project');
    return settings;
  }

  async view(projectId: string): Promise<ProjectScheduleView> {
    const settings = await this.ensureScheduled(projectId);
    const [taskRows, linkRows, calendars, baselines] = await Promise.all([
      this.repo.tasksOf(this.db, [projectId]),
      this.repo.linksOf(this.db, [projectId]),
      this.repo.calendarsFor(this.db, [projectId]),
      this.repo.baselinesOf(this.db, projectId),
    ]);
    const outline = computeOutline(taskRows);
    return {
      settings: this.settingsDto(settings),
      tasks: taskRows.map((t) => toTaskDto(t, outline.get(t.id))),
      links: linkRows.map(toLinkDto),
      calendars: calendars.map((c) => ({
        id: c.id,
        name: c.name,
        projectId: c.projectId,
        baseCalendarId: c.baseCalendarId,
      })),
      criticalPaths: settings.criticalPaths,
      conflicts: settings.conflicts as Conflict[],
      problems: settings.issues as Problem[],
      baselines: baselines.map((b) => ({
        number: b.number,
        name: b.name,
        createdAt: b.createdAt.toISOString(),
      })),
    };
  }

  /** The response to an edit: what the edit and the reschedule changed, for the project edited. */
  async changeOf(
    tx: Database,
    projectId: string,
    outcome: RescheduleOutcome,
    extra: { taskIds?: string[]; removedTaskIds?: string[]; linkIds?: string[]; removedLinkIds?: string[] },
  ): Promise<ScheduleChange> {
    const settings = (await this.repo.settings(tx, [projectId]))[0];
    if (!settings) throw notFound('Project');
    const wanted = new Set([...outcome.changedTaskIds, ...(extra.taskIds ?? [])]);
    const tasks: Task[] = [];
    for (const [, rows] of outcome.tasksByProject) {
      const outline = computeOutline(rows);
      for (const t of rows) if (wanted.has(t.id)) tasks.push(toTaskDto(t, outline.get(t.id)));
    }
    const links: TaskLink[] = [];
    if (extra.linkIds?.length) {
      for (const id of extra.linkIds) {
        const l = await this.repo.getLink(tx, id);
        if (l) links.push(toLinkDto(l));
      }
    }
    return {
      settings: this.settingsDto(settings),
      tasks,
      removedTaskIds: extra.removedTaskIds ?? [],
      links,
      removedLinkIds: extra.removedLinkIds ?? [],
      criticalPaths: settings.criticalPaths,
      conflicts: settings.conflicts as Conflict[],
      problems: outcome.problems.length ? outcome.problems : (settings.issues as Problem[]),
    };
  }

  async updateSettings(
    actor: Actor,
    projectId: string,
    body: {
      version: number;
      calendarId?: string | null | undefined;
      scheduleFrom?: 'start' | 'finish' | undefined;
      start?: string | null | undefined;
      finish?: string | null | undefined;
      statusDate?: string | null | undefined;
    },
  ): Promise<ScheduleChange> {
    return this.db.transaction(async (tx) => {
      const before = await this.settingsOf(tx, projectId);
      if (before.version !== body.version) throw staleVersion(before.version, body.version);
      const values: Partial<SettingsRow> = {};
      if (body.scheduleFrom !== undefined) values.scheduleFrom = body.scheduleFrom;
      if (body.start !== undefined) values.startAt = normaliseLocal(body.start) ?? null;
      if (body.finish !== undefined) values.finishAt = normaliseLocal(body.finish) ?? null;
      if (body.statusDate !== undefined) values.statusDate = normaliseLocal(body.statusDate) ?? null;
      if (body.calendarId !== undefined) {
        if (body.calendarId !== null) {
          const calendars = await this.repo.calendarsFor(tx, [projectId]);
          if (!calendars.some((c) => c.id === body.calendarId))
            throw invalid('calendarId', 'exists', 'no such calendar for this project');
        }
        values.calendarId = body.calendarId;
      }
      if (
        (values.scheduleFrom ?? before.scheduleFrom) === 'finish' &&
        !(values.finishAt ?? before.finishAt)
      ) {
        throw invalid('finish', 'required', 'a plan scheduled from its finish needs a finish date');
      }
      const after = await this.repo.updateSettings(tx, projectId, body.version, values, actor.userId);
      if (!after) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'project_schedule', id: projectId, action: 'update' },
        {
          scheduleFrom: before.scheduleFrom,
          start: before.startAt,
          finish: before.finishAt,
          statusDate: before.statusDate,
          calendarId: before.calendarId,
        },
        {
          scheduleFrom: after.scheduleFrom,
          start: after.startAt,
          finish: after.finishAt,
          statusDate: after.statusDate,
          calendarId: after.calendarId,
        },
      );
      const outcome = await this.reschedule(tx, [projectId]);
      return this.changeOf(tx, projectId, outcome, {});
    });
  }
}

export function checkDates(fields: Record<string, string | null | undefined>): void {
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && normaliseLocal(value) === undefined) {
      throw invalid(field, 'local_date_time', 'is not a real date and time');
    }
  }
}

export { conflict, ProblemError };
