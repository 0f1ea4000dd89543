import type { Baseline } from '@baton/contracts';
import {
  compileScheduleInput,
  countWorkingMinutes,
  formatLocalDateTime,
  parseLocalDateTime,
  queryImpact,
  scheduleCompiledNetwork,
} from '@baton/core';
import { invalid, notFound } from '../../http/problem.ts';
import type { Actor, Visible } from '../access/access.service.ts';
import { recordChange } from '../shared/record-change.ts';
import type { ScheduleService } from './schedule.service.ts';
import { toLinkDto } from './schedule-input.ts';

/** Baselines and their variances, slip impact, and the portfolio roadmap. */
export class ScheduleAnalysisService {
  constructor(private readonly schedule: ScheduleService) {}

  private get repo() {
    return this.schedule.repo;
  }

  /** The compiled, scheduled network of these projects and every project linked to them. */
  private async compiledNetwork(projectIds: string[]) {
    const loaded = await this.schedule.loadComponent(this.schedule.db, projectIds, false);
    if (!loaded) return null;
    const compiled = compileScheduleInput(loaded.input);
    if (!compiled.ok) return null;
    scheduleCompiledNetwork(compiled.compiled.network);
    return {
      compiled: compiled.compiled,
      info: loaded.info,
      settings: loaded.settingsById,
      tasks: loaded.taskRows,
      standardCalendarId: loaded.standardCalendarId,
    };
  }

  async listBaselines(projectId: string): Promise<Baseline[]> {
    return (await this.repo.baselinesOf(this.schedule.db, projectId)).map((b) => ({
      number: b.number,
      name: b.name,
      createdAt: b.createdAt.toISOString(),
      taskCount: Number(b.taskCount),
    }));
  }

  /** Saves the current plan as baseline `number` (the next free one when not given), replacing it if it exists. */
  async saveBaseline(
    actor: Actor,
    projectId: string,
    body: { number?: number | undefined; name?: string | undefined },
  ): Promise<Baseline> {
    const existing = await this.listBaselines(projectId);
    let number = body.number;
    if (number === undefined) {
      number = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].find((n) => !existing.some((b) => b.number === n));
      if (number === undefined)
        throw invalid('number', 'free', 'all eleven baselines are in use: name the one to replace');
    }
    const name = body.name ?? (number === 0 ? 'Baseline' : `Baseline ${number}`);
    const saved = number;
    await this.schedule.db.transaction(async (tx) => {
      await this.repo.saveBaseline(tx, projectId, saved, name, actor.userId);
      await recordChange(
        this.schedule.journal,
        tx,
        actor,
        { type: 'project_schedule', id: projectId, action: 'baseline' },
        null,
        { baseline: saved, name },
      );
    });
    const b = (await this.listBaselines(projectId)).find((x) => x.number === saved);
    if (!b) throw notFound('Baseline');
    return b;
  }

  /** Start, finish, duration, work and cost of every task against baseline `number`. */
  async variance(projectId: string, number: number) {
    const base = await this.repo.baselineTasks(this.schedule.db, projectId, number);
    if (!base) throw notFound(`Baseline ${number}`);
    const net = await this.compiledNetwork([projectId]);
    const settings = net?.settings.get(projectId);
    const calIndex = net
      ? net.compiled.calendarIndex.get(settings?.calendarId ?? net.standardCalendarId)
      : undefined;
    const calendar = net && calIndex !== undefined ? net.compiled.network.calendars[calIndex] : undefined;
    const tasks = net?.tasks ?? (await this.repo.tasksOf(this.schedule.db, [projectId]));
    const byTask = new Map(base.rows.map((r) => [r.taskId, r]));
    const between = (from: string | null, to: string | null): number | null => {
      const a = from ? parseLocalDateTime(from) : undefined;
      const b = to ? parseLocalDateTime(to) : undefined;
      if (a === undefined || b === undefined) return null;
      return calendar ? countWorkingMinutes(calendar, a, b) : Math.round(b - a);
    };
    const baseline = (await this.listBaselines(projectId)).find((b) => b.number === number);
    if (!baseline) throw notFound(`Baseline ${number}`);
    return {
      baseline,
      tasks: tasks
        .filter((t) => t.projectId === projectId)
        .map((t) => {
          const b = byTask.get(t.id);
          return {
            taskId: t.id,
            name: t.name,
            baselineStart: b?.start ?? null,
            baselineFinish: b?.finish ?? null,
            start: t.start,
            finish: t.finish,
            startVarianceMinutes: b ? between(b.start, t.start) : null,
            finishVarianceMinutes: b ? between(b.finish, t.finish) : null,
            durationVarianceMinutes: b ? t.durationMinutes - b.durationMinutes : null,
            workVarianceMinutes: b ? t.workMinutes - b.workMinutes : null,
            costVarianceMinor: b ? t.costMinor - b.costMinor : null,
          };
        }),
    };
  }

  /** "If this task slips N working days, what moves and by how much" — across linked projects. */
  async impact(taskId: string, slipDays: number, mode: 'finish' | 'start') {
    const task = await this.repo.getTask(this.schedule.db, taskId);
    if (!task) throw notFound('Task');
    const net = await this.compiledNetwork([task.projectId]);
    if (!net)
      throw invalid(
        'taskId',
        'schedulable',
        'the plan cannot be scheduled (see its problems), so no impact can be computed',
      );
    if (task.summary)
      throw invalid('taskId', 'leaf', 'ask about a task, not a summary: summaries move with their children');
    const index = net.compiled.taskIndex.get(taskId);
    if (index === undefined) throw notFound('Task');
    const minutesPerDay = net.settings.get(task.projectId)?.minutesPerDay ?? 480;
    const slipMinutes = Math.round(slipDays * minutesPerDay);
    const result = queryImpact(net.compiled.network, index, slipMinutes, mode);
    const names = new Map(net.tasks.map((t) => [t.id, t]));
    const projects = new Map(net.info.map((p) => [p.id, p]));
    return {
      taskId,
      slipMinutes,
      tasks: result.tasks
        .filter((t) => t.taskId !== taskId || t.startDeltaMinutes !== 0 || t.finishDeltaMinutes !== 0)
        .map((t) => ({
          taskId: t.taskId,
          projectId: t.projectId,
          name: names.get(t.taskId)?.name ?? '',
          milestone: t.milestone,
          newStart: formatLocalDateTime(t.newStart),
          newFinish: formatLocalDateTime(t.newFinish),
          startDeltaMinutes: t.startDeltaMinutes,
          finishDeltaMinutes: t.finishDeltaMinutes,
        })),
      projects: result.projects.map((p) => ({
        projectId: p.projectId,
        code: projects.get(p.projectId)?.code ?? '',
        name: projects.get(p.projectId)?.name ?? '',
        oldFinish: formatLocalDateTime(p.oldFinish),
        newFinish: formatLocalDateTime(p.newFinish),
        finishDeltaMinutes: p.finishDeltaMinutes,
      })),
    };
  }

  /** Every visible project on one time line: its computed (or planned) dates, milestones and cross-project links. */
  async roadmap(
    visible: Visible,
    filter: {
      orgUnitIds?: string[] | undefined;
      portfolioId?: string | undefined;
      programId?: string | undefined;
    },
  ) {
    const db = this.schedule.db;
    const rows = await this.repo.roadmapProjects(db, visible, filter);
    const ids = rows.map((r) => r.id);
    const [milestones, links] = await Promise.all([
      this.repo.milestonesOf(db, ids),
      this.repo.linksOf(db, ids),
    ]);
    const idSet = new Set(ids);
    const names = await this.repo.taskNames(
      db,
      links.flatMap((l) => [l.link.predecessorId, l.link.successorId]),
    );
    return {
      projects: rows.map((p) => ({
        id: p.id,
        code: p.code,
        name: p.name,
        status: p.status,
        start: p.computedStart,
        finish: p.computedFinish,
        plannedStart: p.plannedStart,
        plannedFinish: p.plannedFinish,
        milestones: milestones
          .filter((m) => m.projectId === p.id)
          .map((m) => ({ taskId: m.id, name: m.name, finish: m.finish, critical: m.critical })),
      })),
      links: links
        .filter(
          (l) =>
            l.predecessorProjectId !== l.successorProjectId &&
            idSet.has(l.predecessorProjectId) &&
            idSet.has(l.successorProjectId),
        )
        .map((l) => ({
          ...toLinkDto(l),
          predecessorName: names.get(l.link.predecessorId) ?? '',
          successorName: names.get(l.link.successorId) ?? '',
        })),
    };
  }
}
