import {
  formatLocalDateTime,
  type LinkInput,
  parseLocalDateTime,
  type TaskInput,
  type TaskSchedule,
} from '@baton/core';
import {
  getLagKindOfFormat,
  type MspdiAssignment,
  type MspdiBaseline,
  type MspdiCalendar,
  type MspdiDocument,
  type MspdiLink,
  type MspdiResource,
  type MspdiTask,
  parseMspdi,
  parseTaskListCsv,
  writeMspdi,
  writeTaskListCsv,
} from '@baton/interop';
import { notFound } from '../../http/problem.ts';
import type { Actor } from '../access/access.service.ts';
import { recordChange } from '../shared/record-change.ts';
import type { ScheduleService } from './schedule.service.ts';
import { normaliseLocal, STANDARD_CALENDAR, type StoredCalendar } from './schedule-input.ts';

// MSPDI codes, by position.
const CONSTRAINT_CODES = ['ASAP', 'ALAP', 'MSO', 'MFO', 'SNET', 'SNLT', 'FNET', 'FNLT'] as const;
const LINK_CODES = ['FF', 'FS', 'SF', 'SS'] as const;
const RESOURCE_KINDS = ['material', 'work', 'cost'] as const;
/** LagFormat written for each lag kind: days, elapsed days, percent, elapsed percent. */
const LAG_FORMAT: Record<string, number> = { working: 7, elapsed: 8, percent: 19, elapsedPercent: 20 };

export type ImportCounts = {
  tasks: number;
  links: number;
  calendars: number;
  resources: number;
  assignments: number;
  baselines: number;
};

const local = (s: string | undefined): string | null => (s ? (normaliseLocal(s) ?? null) : null);

/** Microsoft Project (MSPDI XML) and CSV task lists in and out of a project's plan. */
export class ScheduleIoService {
  constructor(private readonly schedule: ScheduleService) {}

  private get repo() {
    return this.schedule.repo;
  }

  /** Replaces the project's plan with the file's (its own computed dates are ignored and recomputed). */
  async importMspdi(actor: Actor, projectId: string, xml: string): Promise<ImportCounts> {
    const doc = parseMspdi(xml);
    return this.schedule.db.transaction(async (tx) => {
      await this.repo.deletePlan(tx, projectId);
      await this.schedule.settingsOf(tx, projectId);

      const calendarIds = new Map<number, string>();
      for (const c of doc.calendars) {
        const { uid, baseCalendarUid: _b, ...stored } = c;
        const row = await this.repo.insertCalendar(tx, {
          projectId,
          name: c.name ?? `Calendar ${uid}`,
          definition: stored as unknown as Record<string, unknown>,
          uid,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
        calendarIds.set(uid, row.id);
      }
      for (const c of doc.calendars) {
        const base = c.baseCalendarUid !== undefined ? calendarIds.get(c.baseCalendarUid) : undefined;
        const id = calendarIds.get(c.uid);
        if (base && id) await this.repo.setCalendarBase(tx, id, base);
      }
      const projectCalendar =
        (doc.project.calendarUid !== undefined ? calendarIds.get(doc.project.calendarUid) : undefined) ??
        (doc.calendars.find((c) => c.isBaseCalendar)
          ? calendarIds.get((doc.calendars.find((c) => c.isBaseCalendar) as MspdiCalendar).uid)
          : undefined) ??
        null;
      await this.repo.updateSettings(
        tx,
        projectId,
        null,
        {
          calendarId: projectCalendar,
          scheduleFrom: doc.project.scheduleFromStart ? 'start' : 'finish',
          startAt: local(doc.project.startDate),
          finishAt: local(doc.project.finishDate),
          statusDate: local(doc.project.statusDate),
          minutesPerDay: doc.project.minutesPerDay,
          minutesPerWeek: doc.project.minutesPerWeek,
          daysPerMonth: doc.project.daysPerMonth,
        },
        actor.userId,
      );

      // Tasks in file order; the outline level gives the parent; UID 0 (the project summary) is the project itself.
      const kept = doc.tasks.filter((t) => !t.isNull && !(t.uid === 0 && (t.outlineLevel ?? 0) === 0));
      const stack: { level: number; uid: number }[] = [];
      const parentUid = new Map<number, number | null>();
      for (const t of kept) {
        const level = t.outlineLevel ?? 1;
        while (stack.length && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
        parentUid.set(t.uid, stack[stack.length - 1]?.uid ?? null);
        stack.push({ level, uid: t.uid });
      }
      const inserted = await this.repo.insertTasks(
        tx,
        kept.map((t, i) => {
          const pinned = t.manual && !t.summary && t.start !== undefined;
          const constraintType = pinned ? 'MSO' : (CONSTRAINT_CODES[t.constraintType ?? 0] ?? 'ASAP');
          return {
            projectId,
            uid: t.uid,
            position: i + 1,
            parentId: null,
            name: t.name ?? `Task ${t.uid}`,
            notes: t.notes ?? null,
            durationMinutes: Math.max(0, t.duration ?? 0),
            milestone: t.milestone ?? false,
            elapsed: isElapsedFormat(t.durationFormat),
            ignoreResourceCalendars: t.ignoreResourceCalendar ?? false,
            calendarId: t.calendarUid !== undefined ? (calendarIds.get(t.calendarUid) ?? null) : null,
            constraintType,
            constraintDate: pinned
              ? local(t.start)
              : constraintType === 'ASAP' || constraintType === 'ALAP'
                ? null
                : local(t.constraintDate),
            deadline: local(t.deadline),
            actualStart: local(t.actualStart),
            actualFinish: local(t.actualFinish),
            percentComplete: Math.round(t.percentComplete ?? 0),
            remainingMinutes: t.remainingDuration ?? null,
            workMinutes: Math.round(t.work ?? 0),
            createdBy: actor.userId,
            updatedBy: actor.userId,
          };
        }),
      );
      const taskIds = new Map(inserted.map((t) => [t.uid, t.id]));
      await this.repo.writeOutline(
        tx,
        inserted.map((t) => {
          const p = parentUid.get(t.uid);
          return {
            id: t.id,
            position: t.position,
            parentId: p !== null && p !== undefined ? (taskIds.get(p) ?? null) : null,
          };
        }),
      );

      const links = kept.flatMap((t) =>
        t.predecessors.flatMap((l, j) => {
          const from = taskIds.get(l.predecessorUid);
          const to = taskIds.get(t.uid);
          if (l.crossProject || !from || !to) return [];
          const lagKind = getLagKindOfFormat(
            l.lagFormat,
            `Project/Tasks/Task[UID=${t.uid}]/PredecessorLink[${j + 1}]/LagFormat`,
          );
          const lag =
            lagKind === 'percent' || lagKind === 'elapsedPercent'
              ? Math.round(l.linkLag)
              : Math.round(l.linkLag / 10);
          return [
            {
              predecessorId: from,
              successorId: to,
              type: LINK_CODES[l.type] ?? 'FS',
              lagKind,
              lag,
              createdBy: actor.userId,
            },
          ];
        }),
      );
      const insertedLinks = await this.repo.insertLinks(tx, links);

      const baselineNumbers = new Set<number>();
      const baselineRows = new Map<
        number,
        {
          taskId: string;
          start: string | null;
          finish: string | null;
          durationMinutes: number;
          workMinutes: number;
          costMinor: number;
        }[]
      >();
      for (const t of kept) {
        const taskId = taskIds.get(t.uid);
        if (!taskId) continue;
        for (const b of t.baselines) {
          baselineNumbers.add(b.number);
          baselineRows.set(b.number, [
            ...(baselineRows.get(b.number) ?? []),
            {
              taskId,
              start: local(b.start),
              finish: local(b.finish),
              durationMinutes: Math.round(b.duration ?? 0),
              workMinutes: Math.round(b.work ?? 0),
              costMinor: Math.round((b.cost ?? 0) * 100),
            },
          ]);
        }
      }
      for (const [number, rows] of baselineRows) {
        await this.repo.insertBaselineRows(
          tx,
          projectId,
          number,
          number === 0 ? 'Baseline' : `Baseline ${number}`,
          rows,
        );
      }

      const resourceIds = new Map<number, string>();
      for (const r of doc.resources) {
        if (r.isNull || !r.name) continue;
        const row = await this.repo.findOrCreateResource(tx, {
          name: r.name,
          kind: RESOURCE_KINDS[r.type ?? 1] ?? 'work',
          initials: r.initials ?? null,
          maxUnits: r.maxUnits ?? 1,
          calendarId: r.calendarUid !== undefined ? (calendarIds.get(r.calendarUid) ?? null) : null,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
        resourceIds.set(r.uid, row.id);
      }
      const assignmentRows = doc.assignments.flatMap((a) => {
        const taskId = taskIds.get(a.taskUid);
        const resourceId = resourceIds.get(a.resourceUid);
        return taskId && resourceId
          ? [{ taskId, resourceId, units: a.units ?? 1, workMinutes: Math.round(a.work ?? 0), uid: a.uid }]
          : [];
      });
      await this.repo.insertAssignments(tx, assignmentRows);

      const counts: ImportCounts = {
        tasks: inserted.length,
        links: insertedLinks.length,
        calendars: calendarIds.size,
        resources: resourceIds.size,
        assignments: assignmentRows.length,
        baselines: baselineNumbers.size,
      };
      await recordChange(
        this.schedule.journal,
        tx,
        actor,
        { type: 'project_schedule', id: projectId, action: 'import_mspdi' },
        null,
        counts,
      );
      await this.schedule.reschedule(tx, [projectId]);
      return counts;
    });
  }

  /** The project's plan as an MSPDI document Microsoft Project opens. */
  async exportMspdi(projectId: string): Promise<string> {
    const db = this.schedule.db;
    const [info] = await this.repo.projectInfo(db, [projectId]);
    if (!info) throw notFound('Project');
    const settings = await this.schedule.ensureScheduled(projectId);
    const [calendars, tasks, links, baselineRows, assignmentRows] = await Promise.all([
      this.repo.calendarsFor(db, [projectId]),
      this.repo.tasksOf(db, [projectId]),
      this.repo.linksOf(db, [projectId]),
      this.repo.allBaselineRows(db, projectId),
      this.repo.assignmentsOf(db, projectId),
    ]);
    const used = new Set([
      settings.calendarId,
      ...tasks.map((t) => t.calendarId),
      ...assignmentRows.map((a) => a.resource.calendarId),
    ]);
    const wanted = calendars.filter(
      (c) => c.projectId === projectId || used.has(c.id) || c.name === 'Standard',
    );
    const calendarUid = new Map<string, number>();
    let nextCalendarUid = Math.max(0, ...wanted.map((c) => c.uid ?? 0)) + 1;
    for (const c of wanted) calendarUid.set(c.id, c.uid ?? nextCalendarUid++);
    const mspdiCalendars: MspdiCalendar[] = wanted.map((c) => {
      const stored = (c.definition as unknown as StoredCalendar) ?? STANDARD_CALENDAR;
      const baseUid = c.baseCalendarId ? calendarUid.get(c.baseCalendarId) : undefined;
      return {
        ...stored,
        uid: calendarUid.get(c.id) ?? 0,
        name: c.name,
        isBaseCalendar: c.baseCalendarId === null,
        ...(baseUid !== undefined ? { baseCalendarUid: baseUid } : {}),
      };
    });
    const standard = wanted.find((c) => c.name === 'Standard' && c.projectId === null);
    const projectCalendarUid =
      calendarUid.get(settings.calendarId ?? standard?.id ?? '') ?? mspdiCalendars[0]?.uid;

    const byId = new Map(tasks.map((t) => [t.id, t]));
    const predecessorsOf = new Map<string, MspdiLink[]>();
    for (const { link, predecessorProjectId } of links) {
      const pred = byId.get(link.predecessorId);
      if (!pred || predecessorProjectId !== projectId || !byId.has(link.successorId)) continue;
      const percent = link.lagKind === 'percent' || link.lagKind === 'elapsedPercent';
      predecessorsOf.set(link.successorId, [
        ...(predecessorsOf.get(link.successorId) ?? []),
        {
          predecessorUid: pred.uid,
          type: LINK_CODES.indexOf(link.type as (typeof LINK_CODES)[number]),
          linkLag: percent ? link.lag : link.lag * 10,
          lagFormat: LAG_FORMAT[link.lagKind] ?? 7,
        },
      ]);
    }
    const baselinesOf = new Map<string, MspdiBaseline[]>();
    for (const { number, row } of baselineRows) {
      baselinesOf.set(row.taskId, [
        ...(baselinesOf.get(row.taskId) ?? []),
        {
          number,
          ...(row.start ? { start: row.start } : {}),
          ...(row.finish ? { finish: row.finish } : {}),
          duration: row.durationMinutes,
          work: row.workMinutes,
          cost: row.costMinor / 100,
        },
      ]);
    }
    const outline = new Map<string, { level: number; number: string }>();
    const counters = new Map<string | null, number>();
    for (const t of tasks) {
      const parent = t.parentId && outline.has(t.parentId) ? t.parentId : null;
      const n = (counters.get(parent) ?? 0) + 1;
      counters.set(parent, n);
      const p = parent ? outline.get(parent) : undefined;
      outline.set(t.id, { level: p ? p.level + 1 : 1, number: p ? `${p.number}.${n}` : String(n) });
    }
    const summary: MspdiTask = {
      uid: 0,
      id: 0,
      name: info.name,
      outlineLevel: 0,
      outlineNumber: '0',
      summary: true,
      ...(settings.computedStart ? { start: settings.computedStart } : {}),
      ...(settings.computedFinish ? { finish: settings.computedFinish } : {}),
      predecessors: [],
      baselines: [],
    };
    const mspdiTasks: MspdiTask[] = [
      summary,
      ...tasks.map((t): MspdiTask => {
        const o = outline.get(t.id);
        const code = CONSTRAINT_CODES.indexOf(t.constraintType as (typeof CONSTRAINT_CODES)[number]);
        const cal = t.calendarId ? calendarUid.get(t.calendarId) : undefined;
        return {
          uid: t.uid,
          id: t.position,
          name: t.name,
          wbs: o?.number ?? String(t.position),
          outlineNumber: o?.number ?? String(t.position),
          outlineLevel: o?.level ?? 1,
          ...(t.start ? { start: t.start } : {}),
          ...(t.finish ? { finish: t.finish } : {}),
          duration: t.durationMinutes,
          durationFormat: t.elapsed ? 8 : 7,
          ...(t.ignoreResourceCalendars ? { ignoreResourceCalendar: true } : {}),
          work: t.workMinutes,
          milestone: t.milestone,
          summary: t.summary,
          percentComplete: t.percentComplete,
          ...(t.actualStart ? { actualStart: t.actualStart } : {}),
          ...(t.actualFinish ? { actualFinish: t.actualFinish } : {}),
          ...(t.remainingMinutes !== null ? { remainingDuration: t.remainingMinutes } : {}),
          constraintType: Math.max(code, 0),
          ...(t.constraintDate ? { constraintDate: t.constraintDate } : {}),
          ...(cal !== undefined ? { calendarUid: cal } : {}),
          ...(t.deadline ? { deadline: t.deadline } : {}),
          ...(t.notes ? { notes: t.notes } : {}),
          predecessors: predecessorsOf.get(t.id) ?? [],
          baselines: baselinesOf.get(t.id) ?? [],
        };
      }),
    ];
    const resourceUid = new Map<string, number>();
    const mspdiResources: MspdiResource[] = [];
    for (const { resource } of assignmentRows) {
      if (resourceUid.has(resource.id)) continue;
      const uid = resourceUid.size + 1;
      resourceUid.set(resource.id, uid);
      const cal = resource.calendarId ? calendarUid.get(resource.calendarId) : undefined;
      mspdiResources.push({
        uid,
        id: uid,
        name: resource.name,
        type: Math.max(0, RESOURCE_KINDS.indexOf(resource.kind as (typeof RESOURCE_KINDS)[number])),
        ...(resource.initials ? { initials: resource.initials } : {}),
        maxUnits: resource.maxUnits,
        ...(cal !== undefined ? { calendarUid: cal } : {}),
        baselines: [],
      });
    }
    const mspdiAssignments: MspdiAssignment[] = assignmentRows.map(({ assignment }, i) => ({
      uid: assignment.uid ?? i + 1,
      taskUid: byId.get(assignment.taskId)?.uid ?? 0,
      resourceUid: resourceUid.get(assignment.resourceId) ?? 0,
      units: assignment.units,
      work: assignment.workMinutes,
      baselines: [],
    }));
    const doc: MspdiDocument = {
      project: {
        name: info.name,
        title: info.name,
        scheduleFromStart: settings.scheduleFrom !== 'finish',
        ...((settings.startAt ?? settings.computedStart)
          ? { startDate: (settings.startAt ?? settings.computedStart) as string }
          : {}),
        ...((settings.finishAt ?? settings.computedFinish)
          ? { finishDate: (settings.finishAt ?? settings.computedFinish) as string }
          : {}),
        ...(settings.statusDate ? { statusDate: settings.statusDate } : {}),
        ...(projectCalendarUid !== undefined ? { calendarUid: projectCalendarUid } : {}),
        minutesPerDay: settings.minutesPerDay,
        minutesPerWeek: settings.minutesPerWeek,
        daysPerMonth: settings.daysPerMonth,
      },
      calendars: mspdiCalendars,
      tasks: mspdiTasks,
      resources: mspdiResources,
      assignments: mspdiAssignments,
    };
    return writeMspdi(doc);
  }

  /** The plan as a CSV task list (IDs are the task UIDs). */
  async exportCsv(projectId: string): Promise<string> {
    const view = await this.schedule.view(projectId);
    const uidOf = new Map(view.tasks.map((t) => [t.id, String(t.uid)]));
    const calendarName = new Map(view.calendars.map((c) => [c.id, c.name]));
    const tasks: TaskInput[] = view.tasks.map((t) => ({
      id: String(t.uid),
      name: t.name,
      ...(t.parentId ? { parentId: uidOf.get(t.parentId) ?? '' } : {}),
      durationMinutes: t.durationMinutes,
      milestone: t.milestone,
      ...(t.calendarId ? { calendarId: calendarName.get(t.calendarId) ?? t.calendarId } : {}),
      constraint: t.constraintDate
        ? { type: t.constraintType, date: parseLocal(t.constraintDate) }
        : { type: t.constraintType },
      ...(t.deadline ? { deadline: parseLocal(t.deadline) } : {}),
      ...(t.actualStart ? { actualStart: parseLocal(t.actualStart) } : {}),
      ...(t.actualFinish ? { actualFinish: parseLocal(t.actualFinish) } : {}),
      percentComplete: t.percentComplete,
    }));
    const links: LinkInput[] = view.links
      .filter((l) => !l.crossProject)
      .map((l) => ({
        from: uidOf.get(l.predecessorId) ?? '',
        to: uidOf.get(l.successorId) ?? '',
        type: l.type,
        ...(l.lag !== 0
          ? {
              lag:
                l.lagKind === 'percent' || l.lagKind === 'elapsedPercent'
                  ? { kind: l.lagKind, percent: l.lag }
                  : { kind: l.lagKind, minutes: l.lag },
            }
          : {}),
      }));
    const schedule = new Map<string, TaskSchedule>();
    for (const t of view.tasks) {
      if (!t.start || !t.finish) continue;
      const start = parseLocal(t.start);
      const finish = parseLocal(t.finish);
      schedule.set(String(t.uid), {
        id: String(t.uid),
        projectId,
        summary: t.summary,
        milestone: t.milestone,
        start,
        finish,
        earlyStart: start,
        earlyFinish: finish,
        lateStart: start,
        lateFinish: finish,
        totalFloatMinutes: t.totalFloatMinutes ?? 0,
        freeFloatMinutes: t.freeFloatMinutes ?? 0,
        critical: t.critical,
      });
    }
    const units = {
      minutesPerDay: view.settings.minutesPerDay,
      minutesPerWeek: view.settings.minutesPerDay * 5,
      daysPerMonth: 20,
    };
    return writeTaskListCsv({ tasks, links }, schedule, units);
  }

  /** Replaces the plan with a CSV task list (ID, Name, Parent, Duration, Predecessors, …). */
  async importCsv(actor: Actor, projectId: string, text: string): Promise<ImportCounts> {
    const list = parseTaskListCsv(text);
    return this.schedule.db.transaction(async (tx) => {
      await this.repo.deletePlan(tx, projectId);
      await this.schedule.settingsOf(tx, projectId);
      const uidOf = new Map<string, number>();
      list.tasks.forEach((t, i) => {
        const n = Number(t.id);
        uidOf.set(t.id, Number.isInteger(n) && n > 0 && ![...uidOf.values()].includes(n) ? n : 100_000 + i);
      });
      const inserted = await this.repo.insertTasks(
        tx,
        list.tasks.map((t, i) => ({
          projectId,
          uid: uidOf.get(t.id) ?? i + 1,
          position: i + 1,
          name: t.name ?? t.id,
          durationMinutes: t.durationMinutes,
          milestone: t.milestone ?? false,
          constraintType: t.constraint?.type ?? 'ASAP',
          constraintDate: t.constraint?.date !== undefined ? formatLocalDateTime(t.constraint.date) : null,
          deadline: t.deadline !== undefined ? formatLocalDateTime(t.deadline) : null,
          actualStart: t.actualStart !== undefined ? formatLocalDateTime(t.actualStart) : null,
          actualFinish: t.actualFinish !== undefined ? formatLocalDateTime(t.actualFinish) : null,
          percentComplete: Math.round(t.percentComplete ?? 0),
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })),
      );
      const idOf = new Map(list.tasks.map((t, i) => [t.id, inserted[i]?.id ?? '']));
      await this.repo.writeOutline(
        tx,
        inserted.map((row, i) => {
          const parent = list.tasks[i]?.parentId;
          return { id: row.id, position: row.position, parentId: parent ? (idOf.get(parent) ?? null) : null };
        }),
      );
      const links = await this.repo.insertLinks(
        tx,
        list.links.flatMap((l) => {
          const from = idOf.get(l.from);
          const to = idOf.get(l.to);
          if (!from || !to) return [];
          const lag = l.lag;
          return [
            {
              predecessorId: from,
              successorId: to,
              type: l.type,
              lagKind: lag?.kind ?? 'working',
              lag: lag ? ('percent' in lag ? lag.percent : lag.minutes) : 0,
              createdBy: actor.userId,
            },
          ];
        }),
      );
      const counts: ImportCounts = {
        tasks: inserted.length,
        links: links.length,
        calendars: 0,
        resources: 0,
        assignments: 0,
        baselines: 0,
      };
      await recordChange(
        this.schedule.journal,
        tx,
        actor,
        { type: 'project_schedule', id: projectId, action: 'import_csv' },
        null,
        counts,
      );
      await this.schedule.reschedule(tx, [projectId]);
      return counts;
    });
  }
}

/** Elapsed duration formats (em, eh, ed, ew, emo), also in their estimated forms. */
function isElapsedFormat(format: number | undefined): boolean {
  const base = format !== undefined && format >= 35 ? format - 32 : format;
  return base === 4 || base === 6 || base === 8 || base === 10 || base === 12;
}

/** A stored local date-time as the engine's minutes (stored values are always well-formed). */
function parseLocal(text: string): number {
  return parseLocalDateTime(text) ?? 0;
}
