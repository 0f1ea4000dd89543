import type { LevellingAction, LevellingOption, LevellingProposal } from '@baton/contracts';
import {
  fromDayNumber,
  type LevellingTaskRow,
  packLevellingTasks,
  parseLocalDateTime,
  proposeLevellingOptions,
  toDayNumber,
} from '@baton/core';
import type { Database } from '@baton/db';
import { conflict, forbidden, invalid, notFound } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ScheduleService } from '../schedule/schedule.service.ts';
import type { ScheduleAnalysisService } from '../schedule/schedule-analysis.service.ts';
import type { TasksService } from '../schedule/tasks.service.ts';
import { recordChange } from '../shared/record-change.ts';
import type { AllocationsService } from './allocations.service.ts';
import type { CapacityService } from './capacity.service.ts';
import { allocatedOn, round2 } from './demand-model.ts';
import type {
  AssignmentDemandRow,
  CapacityResourceRow,
  ResourceListRow,
  ResourcesRepository,
} from './resources.repository.ts';

/** How far past the over-allocation levelling may push work, in calendar days. */
const HORIZON_DAYS = 180;
const MAX_OPTIONS = 8;

/** Proposes and applies resolutions of an over-allocation: delay within float, beyond it, or reassign. */
export class LevellingService {
  constructor(
    private readonly db: Database,
    private readonly repo: ResourcesRepository,
    private readonly access: AccessService,
    private readonly capacity: CapacityService,
    private readonly allocations: AllocationsService,
    private readonly schedule: ScheduleService,
    private readonly analysis: ScheduleAnalysisService,
    private readonly tasks: TasksService,
    private readonly journal: JournalRepository,
  ) {}

  /** People who could take the resource's work: same job role, or its best skill at its level or above. */
  private async alternativesOf(r: ResourceListRow): Promise<ResourceListRow[]> {
    const skills = await this.repo.skillsOf(this.db, [r.id]);
    const best = skills[0];
    const { rows } = await this.repo.listResources(
      best ? { active: true, skillId: best.skillId, minLevel: best.level } : { active: true },
      'name',
      null,
    );
    const byRole = r.role
      ? (await this.repo.listResources({ active: true, q: r.role }, 'name', null)).rows.filter(
          (x) => (x.role ?? '').toLowerCase() === (r.role ?? '').toLowerCase(),
        )
      : [];
    const seen = new Set<string>([r.id]);
    // Named people only: handing work to a placeholder role does not get it done.
    return [...(best ? rows : []), ...byRole].filter((x) => {
      if (seen.has(x.id) || x.kind !== 'work' || x.generic) return false;
      seen.add(x.id);
      return true;
    });
  }

  async options(q: { resourceId: string; start: string; end: string }): Promise<LevellingProposal> {
    const resource = await this.repo.getResource(this.db, q.resourceId);
    if (!resource) throw notFound('Resource');
    const before = await this.capacity.report({
      from: q.start,
      to: q.end,
      granularity: 'week',
      groupBy: 'resource',
      resourceId: q.resourceId,
      includeTentative: 'true',
    });
    const excessHours = round2(before.overAllocations.reduce((s, o) => s + o.excessHours, 0));
    const base = {
      resourceId: resource.id,
      resourceName: resource.name,
      start: q.start,
      end: q.end,
      excessHours,
    };
    if (excessHours <= 0) return { ...base, options: [] };

    const alternatives = await this.alternativesOf(resource);
    const horizonEnd = fromDayNumber(toDayNumber(q.end) + HORIZON_DAYS);
    const model = await this.capacity.loadModel(q.start, horizonEnd, {
      resourceIds: [resource.id, ...alternatives.map((a) => a.id)],
    });
    const rIndex = model.resources.findIndex((r) => r.id === resource.id);
    // Working days of the horizon (the organisation's calendar): levelling counts in them.
    const workDays: number[] = [];
    const minutes = model.calendars.days.get(model.calendars.standardId) ?? new Float64Array(0);
    for (let d = model.fromDay; d <= model.toDay; d++)
      if ((minutes[d - model.fromDay] ?? 0) > 0) workDays.push(d);
    const indexOfDay = (day: number): number => {
      let lo = 0;
      let hi = workDays.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((workDays[mid] as number) < day) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const R = model.resources.length;
    const D = workDays.length;
    // Capacity left for tasks: bookings on projects where the person has no task work are fixed load.
    const capacity = new Float64Array(R * D);
    model.bases.forEach((b, r) => {
      workDays.forEach((day, k) => {
        capacity[r * D + k] = b.daily[day - model.fromDay] as number;
      });
    });
    for (const cell of model.cells) {
      if (cell.assigned.some((x) => x > 0)) continue;
      workDays.forEach((day, k) => {
        const i = cell.resource * D + k;
        capacity[i] = (capacity[i] as number) - allocatedOn(cell, day - model.fromDay);
      });
    }
    const demand = await this.repo.assignmentDemand(this.db, {
      resourceIds: model.resources.map((r) => r.id),
      from: q.start,
      to: horizonEnd,
    });
    const byTask = new Map<string, AssignmentDemandRow[]>();
    for (const a of demand) byTask.set(a.taskId, [...(byTask.get(a.taskId) ?? []), a]);
    const taskIds = [...byTask.keys()];
    const projectIds = [...new Set(demand.map((d) => d.projectId))];
    const resourceIndex = new Map(model.resources.map((r, i) => [r.id, i]));
    const rows: LevellingTaskRow[] = taskIds.map((id) => {
      const list = byTask.get(id) as AssignmentDemandRow[];
      const t = list[0] as AssignmentDemandRow;
      const startDay = Math.floor((parseLocalDateTime(t.start ?? '') ?? 0) / 1440);
      const finishDay = Math.floor(((parseLocalDateTime(t.finish ?? '') ?? 0) - 1) / 1440);
      const s = indexOfDay(startDay);
      const duration = Math.max(1, indexOfDay(finishDay + 1) - s);
      return {
        start: s,
        duration,
        totalFloat: Math.floor((t.totalFloatMinutes ?? 0) / 480),
        priority: 5 - t.projectPriority,
        project: projectIds.indexOf(t.projectId),
        demands: list.map((a) => ({
          resource: resourceIndex.get(a.resourceId) ?? 0,
          hoursPerDay: a.workMinutes / 60 / duration,
        })),
      };
    });
    const candidateList = alternatives
      .map((a) => resourceIndex.get(a.id))
      .filter((x): x is number => x !== undefined);
    const offset = new Int32Array(rows.length + 1);
    const cands: number[] = [];
    rows.forEach((_, i) => {
      cands.push(...candidateList);
      offset[i + 1] = cands.length;
    });
    const proposals =
      rIndex < 0 || !rows.length
        ? []
        : proposeLevellingOptions(
            {
              resourceCount: R,
              dayCount: D,
              capacity,
              tasks: packLevellingTasks(rows),
              reassignCandidates: { offset, resources: Int32Array.from(cands) },
            },
            {
              resource: rIndex,
              firstDay: indexOfDay(toDayNumber(q.start)),
              lastDay: indexOfDay(toDayNumber(q.end) + 1) - 1,
            },
            { maxOptions: MAX_OPTIONS },
          );
    const projects = new Map((await this.repo.projectsByIds(this.db, projectIds)).map((p) => [p.id, p]));
    const options: LevellingOption[] = [];
    for (const p of proposals) {
      const taskId = taskIds[p.task] as string;
      const t = (byTask.get(taskId) as AssignmentDemandRow[])[0] as AssignmentDemandRow;
      const project = projects.get(t.projectId);
      const common = {
        projectId: t.projectId,
        projectCode: project?.code ?? '',
        subject: t.taskName,
        resolvedExcessHours: round2(p.resolvedExcessHours),
        remainingExcessHours: round2(p.remainingExcessHours),
      };
      if (p.kind === 'reassign') {
        const to = model.resources[p.toResource] as CapacityResourceRow;
        options.push({
          ...common,
          action: { kind: 'reassign-task', taskId, fromResourceId: resource.id, toResourceId: to.id },
          summary: `Give “${t.taskName}” (${project?.code ?? ''}) to ${to.name}, who is free then`,
          finishChanges: [],
        });
        continue;
      }
      const impact = await this.analysis.impact(taskId, p.delayDays, 'start').catch(() => null);
      options.push({
        ...common,
        action: { kind: p.kind, taskId, delayDays: p.delayDays, fromResourceId: resource.id },
        summary:
          p.kind === 'delay-within-float'
            ? `Start “${t.taskName}” (${project?.code ?? ''}) ${p.delayDays} working day${p.delayDays === 1 ? '' : 's'} later, within its float`
            : `Start “${t.taskName}” (${project?.code ?? ''}) ${p.delayDays} working day${p.delayDays === 1 ? '' : 's'} later: past its float, the project finishes later`,
        finishChanges: (impact?.projects ?? []).map((x) => ({
          projectId: x.projectId,
          projectCode: x.code,
          finishBefore: x.oldFinish,
          finishAfter: x.newFinish,
          slipWorkingDays: round2(x.finishDeltaMinutes / 480),
        })),
      });
    }
    options.push(...(await this.allocationOptions(resource, q, excessHours, alternatives)));
    return { ...base, options };
  }

  /** Bookings (not tied to tasks) that another person with room could take over. */
  private async allocationOptions(
    resource: ResourceListRow,
    q: { start: string; end: string },
    excess: number,
    alternatives: ResourceListRow[],
  ): Promise<LevellingOption[]> {
    if (!alternatives.length) return [];
    const allocs = await this.repo.listAllocations(this.db, {
      resourceIds: [resource.id],
      from: q.start,
      to: q.end,
    });
    const out: LevellingOption[] = [];
    for (const a of allocs) {
      // ISO dates compare as strings: the overlap of the booking and the window.
      const from = [a.start, q.start].sort()[1] as string;
      const to = [a.end, q.end].sort()[0] as string;
      const weekly = a.hoursPerWeek ?? ((a.percent ?? 0) / 100) * resource.capacityHoursPerWeek;
      const free = await this.capacity.availability({
        from,
        to,
        minLevel: 1,
        hoursPerWeek: weekly || 1,
        limit: 50,
      });
      const match = free.items.find((m) => m.fullyFree && alternatives.some((x) => x.id === m.resourceId));
      if (!match) continue;
      const inWindow = this.capacity.totalHoursOf(
        {
          start: from,
          end: to,
          hoursPerWeek: a.hoursPerWeek,
          percent: a.percent,
          phases: a.phases,
        },
        resource.capacityHoursPerWeek,
      );
      const resolved = round2(Math.min(excess, inWindow));
      out.push({
        action: {
          kind: 'reassign-allocation',
          allocationId: a.id,
          fromResourceId: resource.id,
          toResourceId: match.resourceId,
        },
        summary: `Book ${match.name} on ${a.projectCode} instead (${a.start} – ${a.end})`,
        projectId: a.projectId,
        projectCode: a.projectCode,
        subject: `Booking on ${a.projectName}`,
        resolvedExcessHours: resolved,
        remainingExcessHours: round2(Math.max(0, excess - resolved)),
        finishChanges: [],
      });
      if (out.length >= 3) break;
    }
    return out;
  }

  private async requireOnProject(
    actor: Actor,
    projectId: string,
    action: 'project.update' | 'allocation.manage',
  ) {
    if (!this.access.allows(actor, [action], await this.access.projectPath(projectId)))
      throw forbidden('You may not change that project’s plan or bookings.');
  }

  /** Applies one confirmed option as one journalled change. */
  async apply(actor: Actor, action: LevellingAction) {
    if (action.kind === 'reassign-allocation') {
      if (!action.allocationId || !action.toResourceId)
        throw invalid('action.allocationId', 'required', 'name the allocation and the resource taking it');
      const a = await this.allocations.get(action.allocationId);
      if (a.resourceId !== action.fromResourceId)
        throw conflict('That booking is no longer this resource’s.');
      await this.requireOnProject(actor, a.projectId, 'allocation.manage');
      await this.allocations.update(actor, a.id, { version: a.version, resourceId: action.toResourceId });
      return {
        applied: action,
        summary: `Booking on ${a.projectCode} moved to another person`,
        journalEntityId: a.id,
      };
    }
    if (!action.taskId) throw invalid('action.taskId', 'required', 'name the task');
    const projectId = await this.tasks.projectOfTask(action.taskId).catch(() => {
      throw invalid('action.taskId', 'exists', 'no such task');
    });
    await this.requireOnProject(actor, projectId, 'project.update');
    if (action.kind === 'reassign-task') {
      const to = action.toResourceId;
      if (!to) throw invalid('action.toResourceId', 'required', 'name the resource taking the task');
      const target = await this.repo.getResource(this.db, to);
      if (target?.kind !== 'work' || !target.active)
        throw invalid('action.toResourceId', 'exists', 'no such active person or role');
      const taskId = action.taskId;
      await this.db.transaction(async (tx) => {
        const moved = await this.repo.reassignTask(tx, taskId, action.fromResourceId, to);
        if (!moved) throw conflict('That task is no longer assigned to this resource.');
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'task', id: taskId, action: 'reassign' },
          { resourceId: action.fromResourceId },
          { resourceId: to },
        );
        await this.schedule.reschedule(tx, [projectId]);
      });
      return { applied: action, summary: `Task given to ${target.name}`, journalEntityId: taskId };
    }
    if (!action.delayDays)
      throw invalid('action.delayDays', 'required', 'say how many working days to delay');
    const impact = await this.analysis.impact(action.taskId, action.delayDays, 'start');
    const moved = impact.tasks.find((t) => t.taskId === action.taskId);
    const task = await this.schedule.taskRow(this.db, action.taskId);
    if (!task || !moved) throw conflict('That task can no longer be delayed (the plan changed).');
    await this.tasks.update(actor, action.taskId, {
      version: task.version,
      constraintType: 'SNET',
      constraintDate: moved.newStart,
    });
    return {
      applied: action,
      summary: `“${task.name}” now starts no earlier than ${moved.newStart}`,
      journalEntityId: action.taskId,
    };
  }
}
