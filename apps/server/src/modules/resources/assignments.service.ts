import type { Database } from '@baton/db';
import { conflict, invalid, notFound, staleVersion } from '../../http/problem.ts';
import type { Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ScheduleService } from '../schedule/schedule.service.ts';
import { recordChange } from '../shared/record-change.ts';
import type { ResourcesRepository } from './resources.repository.ts';
import { kindOf } from './resources.service.ts';

/** Who does a task's work: the demand a plan puts on the shared pool. */
export class AssignmentsService {
  constructor(
    private readonly db: Database,
    private readonly repo: ResourcesRepository,
    private readonly schedule: ScheduleService,
    private readonly journal: JournalRepository,
  ) {}

  async list(taskId: string) {
    const task = await this.schedule.taskRow(this.db, taskId);
    if (!task) throw notFound('Task');
    const rows = await this.repo.assignmentsOfTask(this.db, taskId);
    return {
      taskId,
      taskVersion: task.version,
      items: rows.map((r) => ({
        resourceId: r.resourceId,
        resourceName: r.resourceName,
        kind: kindOf(r),
        units: r.units,
        workMinutes: r.workMinutes,
      })),
    };
  }

  /**
   * Replaces a task's assignments (work defaults to duration × units) and bumps the task's version,
   * so a plan edited meanwhile is not silently overwritten; the plan is rescheduled, since resource
   * calendars decide when assigned work can happen.
   */
  async set(
    actor: Actor,
    taskId: string,
    body: {
      taskVersion: number;
      assignments: { resourceId: string; units?: number | undefined; workMinutes?: number | undefined }[];
    },
  ) {
    // Read through the root handle before the transaction: on PGlite (one connection) a root-handle
    // query inside an open transaction would wait for it forever.
    const { rows } = await this.repo.listResources(
      { ids: body.assignments.map((a) => a.resourceId) },
      'name',
      null,
    );
    body.assignments.forEach((a, i) => {
      const r = rows.find((x) => x.id === a.resourceId);
      if (!r) throw invalid(`assignments.${i}.resourceId`, 'exists', 'no such resource');
      if (!r.active)
        throw invalid(`assignments.${i}.resourceId`, 'active', 'this resource is no longer active');
    });
    await this.db.transaction(async (tx) => {
      const task = await this.schedule.taskRow(tx, taskId);
      if (!task) throw notFound('Task');
      if (task.version !== body.taskVersion) throw staleVersion(task.version, body.taskVersion);
      if (task.summary) throw conflict('Assign people to the tasks beneath a summary, not to the summary.');
      const before = await this.repo.assignmentsOfTask(tx, taskId);
      const list = body.assignments.map((a) => ({
        resourceId: a.resourceId,
        units: a.units ?? 1,
        workMinutes: a.workMinutes ?? Math.round(task.durationMinutes * (a.units ?? 1)),
      }));
      await this.repo.replaceTaskAssignments(tx, taskId, list);
      const work = list.reduce((s, a) => s + a.workMinutes, 0);
      const after = await this.schedule.setTaskWork(tx, taskId, task.version, work, actor.userId);
      if (!after) throw staleVersion(task.version + 1, body.taskVersion);
      const names = new Map(rows.map((r) => [r.id, r.name]));
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'task', id: taskId, action: 'assign' },
        {
          assignments: before.map((b) => `${b.resourceName} ${b.workMinutes / 60} h`).join(', '),
          workMinutes: task.workMinutes,
        },
        {
          assignments: list
            .map((a) => `${names.get(a.resourceId) ?? a.resourceId} ${a.workMinutes / 60} h`)
            .join(', '),
          workMinutes: work,
        },
      );
      await this.schedule.reschedule(tx, [task.projectId]);
    });
    return this.list(taskId);
  }
}
