import type { ScheduleChange } from '@baton/contracts';
import type { Database } from '@baton/db';
import { conflict, invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import type { Actor } from '../access/access.service.ts';
import { recordChange } from '../shared/record-change.ts';
import type { LinkRow, TaskRow } from './schedule.repository.ts';
import { type RescheduleOutcome, type ScheduleService, taskSnapshot } from './schedule.service.ts';
import { computeOutline, normaliseLocal } from './schedule-input.ts';

type TaskFields = {
  name?: string | undefined;
  notes?: string | null | undefined;
  durationMinutes?: number | undefined;
  milestone?: boolean | undefined;
  calendarId?: string | null | undefined;
  constraintType?: TaskRow['constraintType'] | undefined;
  constraintDate?: string | null | undefined;
  deadline?: string | null | undefined;
  actualStart?: string | null | undefined;
  actualFinish?: string | null | undefined;
  percentComplete?: number | undefined;
  remainingMinutes?: number | null | undefined;
  workMinutes?: number | undefined;
  costMinor?: number | undefined;
  optimisticMinutes?: number | null | undefined;
  pessimisticMinutes?: number | null | undefined;
  costLowMinor?: number | null | undefined;
  costHighMinor?: number | null | undefined;
};
type Placement = { parentId?: string | null | undefined; afterId?: string | null | undefined };

const DATED = new Set(['SNET', 'SNLT', 'FNET', 'FNLT', 'MSO', 'MFO']);

/** Tasks of the new order whose WBS number differs from before (they must reach the client). */
function renumbered(before: Map<string, { wbs: string }>, next: readonly TaskRow[]): string[] {
  const after = computeOutline(next);
  return next.flatMap((t) => (before.get(t.id)?.wbs !== after.get(t.id)?.wbs ? [t.id] : []));
}

/** Every task beneath `root` in an ordered plan (children follow their parent). */
function subtreeIds(ordered: readonly TaskRow[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (const t of ordered) if (t.parentId && ids.has(t.parentId)) ids.add(t.id);
  return ids;
}

/** The plan with `block` placed under `parentId`, after `afterId` (null: first child; undefined: last). */
function arrange(
  ordered: readonly TaskRow[],
  block: readonly TaskRow[],
  parentId: string | null,
  afterId: string | null | undefined,
): TaskRow[] {
  const moving = new Set(block.map((t) => t.id));
  const rest = ordered.filter((t) => !moving.has(t.id));
  const endOf = (id: string): number => {
    const ids = subtreeIds(rest, id);
    let last = rest.findIndex((t) => t.id === id);
    rest.forEach((t, i) => {
      if (ids.has(t.id)) last = i;
    });
    return last + 1;
  };
  let at: number;
  if (afterId) at = endOf(afterId);
  else if (afterId === null) at = parentId ? rest.findIndex((t) => t.id === parentId) + 1 : 0;
  else if (parentId) at = endOf(parentId);
  else at = rest.length;
  return [...rest.slice(0, at), ...block, ...rest.slice(at)];
}

/** Three-point estimates (Monte Carlo forecasts) must bracket the most likely value: low ≤ likely ≤ high. */
function checkThreePoint(values: Partial<TaskRow>, current: TaskRow | null): void {
  const pick = <K extends keyof TaskRow>(k: K): TaskRow[K] | null =>
    values[k] !== undefined ? (values[k] as TaskRow[K]) : (current?.[k] ?? null);
  const duration = pick('durationMinutes') ?? 480;
  const optimistic = pick('optimisticMinutes');
  const pessimistic = pick('pessimisticMinutes');
  if (optimistic !== null && optimistic > duration)
    throw invalid('optimisticMinutes', 'at_most_likely', 'must not exceed the (most likely) duration');
  if (pessimistic !== null && pessimistic < duration)
    throw invalid('pessimisticMinutes', 'at_least_likely', 'must not be below the (most likely) duration');
  const cost = pick('costMinor') ?? 0;
  const low = pick('costLowMinor');
  const high = pick('costHighMinor');
  if (low !== null && low > cost)
    throw invalid('costLowMinor', 'at_most_likely', 'must not exceed the (most likely) cost');
  if (high !== null && high < cost)
    throw invalid('costHighMinor', 'at_least_likely', 'must not be below the (most likely) cost');
}

function checkTaskFields(f: TaskFields, current: TaskRow | null): Partial<TaskRow> {
  const values: Partial<TaskRow> = {};
  for (const key of ['constraintDate', 'deadline', 'actualStart', 'actualFinish'] as const) {
    const v = f[key];
    if (v === undefined) continue;
    const norm = normaliseLocal(v);
    if (norm === undefined) throw invalid(key, 'local_date_time', 'is not a real date and time');
    values[key] = norm;
  }
  for (const key of [
    'name',
    'notes',
    'durationMinutes',
    'milestone',
    'calendarId',
    'constraintType',
    'percentComplete',
    'remainingMinutes',
    'workMinutes',
    'costMinor',
    'optimisticMinutes',
    'pessimisticMinutes',
    'costLowMinor',
    'costHighMinor',
  ] as const) {
    if (f[key] !== undefined) (values as Record<string, unknown>)[key] = f[key];
  }
  checkThreePoint(values, current);
  const type = values.constraintType ?? current?.constraintType ?? 'ASAP';
  const date =
    values.constraintDate !== undefined ? values.constraintDate : (current?.constraintDate ?? null);
  if (DATED.has(type) && !date)
    throw invalid('constraintDate', 'required', `a ${type} constraint needs a date`);
  if (!DATED.has(type) && values.constraintType !== undefined) values.constraintDate = null;
  const start = values.actualStart !== undefined ? values.actualStart : (current?.actualStart ?? null);
  const finish = values.actualFinish !== undefined ? values.actualFinish : (current?.actualFinish ?? null);
  if (finish && !start)
    throw invalid('actualFinish', 'needs_start', 'a task cannot finish before it has started');
  if (start && finish && finish < start)
    throw invalid('actualFinish', 'after_start', 'must not be before actualStart');
  if (values.milestone === true && f.durationMinutes === undefined && !current) values.durationMinutes = 0;
  return values;
}

/** Task and link edits: each is one journalled transaction that reschedules what it affects. */
export class TasksService {
  constructor(private readonly schedule: ScheduleService) {}

  private get db(): Database {
    return this.schedule.db;
  }
  private get repo() {
    return this.schedule.repo;
  }

  private async checkCalendar(
    tx: Database,
    projectId: string,
    calendarId: string | null | undefined,
  ): Promise<void> {
    if (!calendarId) return;
    const calendars = await this.repo.calendarsFor(tx, [projectId]);
    if (!calendars.some((c) => c.id === calendarId))
      throw invalid('calendarId', 'exists', 'no such calendar for this project');
  }

  /** Validates the placement and writes the new order; returns ids whose position or parent changed. */
  private async place(
    tx: Database,
    ordered: TaskRow[],
    block: TaskRow[],
    placement: Placement,
    fallbackParent: string | null,
  ): Promise<string[]> {
    const parentId = placement.parentId !== undefined ? placement.parentId : fallbackParent;
    const blockIds = new Set(block.map((t) => t.id));
    if (parentId) {
      const parent = ordered.find((t) => t.id === parentId);
      if (!parent) throw invalid('parentId', 'exists', 'no such task in this project');
      if (blockIds.has(parentId)) throw invalid('parentId', 'no_cycle', 'a task cannot move beneath itself');
    }
    if (placement.afterId) {
      const after = ordered.find((t) => t.id === placement.afterId);
      if (!after) throw invalid('afterId', 'exists', 'no such task in this project');
      if (blockIds.has(after.id)) throw invalid('afterId', 'not_self', 'a task cannot move after itself');
      if ((after.parentId ?? null) !== (parentId ?? null))
        throw invalid('afterId', 'sibling', 'must be a task under the same parent');
    }
    const wbsBefore = computeOutline(ordered);
    const head = block[0];
    if (head) head.parentId = parentId ?? null;
    const next = arrange(ordered, block, parentId ?? null, placement.afterId);
    const moved: { id: string; position: number; parentId: string | null }[] = [];
    next.forEach((t, i) => {
      const position = i + 1;
      const original = ordered.find((o) => o.id === t.id);
      if (t.position !== position || original !== t || blockIds.has(t.id))
        moved.push({ id: t.id, position, parentId: t.parentId });
      t.position = position;
    });
    await this.repo.writeOutline(tx, moved);
    return [...new Set([...moved.map((m) => m.id), ...renumbered(wbsBefore, next)])];
  }

  async create(
    actor: Actor,
    projectId: string,
    body: TaskFields & Placement & { name: string },
  ): Promise<ScheduleChange> {
    return this.db.transaction(async (tx) => {
      await this.schedule.settingsOf(tx, projectId);
      await this.checkCalendar(tx, projectId, body.calendarId);
      const values = checkTaskFields(body, null);
      const ordered = await this.repo.tasksOf(tx, [projectId]);
      const uid = await this.repo.nextUid(tx, projectId);
      const [row] = await this.repo.insertTasks(tx, [
        {
          ...values,
          name: body.name,
          projectId,
          uid,
          position: ordered.length + 1,
          parentId: null,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        },
      ]);
      if (!row) throw new Error('insert returned nothing');
      const moved = await this.place(tx, [...ordered, row], [row], body, null);
      await recordChange(
        this.schedule.journal,
        tx,
        actor,
        { type: 'task', id: row.id, action: 'create' },
        null,
        taskSnapshot(row),
      );
      const outcome = await this.schedule.reschedule(tx, [projectId]);
      return this.schedule.changeOf(tx, projectId, outcome, { taskIds: [row.id, ...moved] });
    });
  }

  async update(
    actor: Actor,
    taskId: string,
    body: TaskFields & Placement & { version: number },
  ): Promise<ScheduleChange> {
    return this.db.transaction(async (tx) => {
      const before = await this.repo.getTask(tx, taskId);
      if (!before) throw notFound('Task');
      if (before.version !== body.version) throw staleVersion(before.version, body.version);
      await this.checkCalendar(tx, before.projectId, body.calendarId);
      const values = checkTaskFields(body, before);
      let moved: string[] = [];
      if (body.parentId !== undefined || body.afterId !== undefined) {
        const ordered = await this.repo.tasksOf(tx, [before.projectId]);
        const ids = subtreeIds(ordered, taskId);
        const block = ordered.filter((t) => ids.has(t.id));
        moved = await this.place(tx, ordered, block, body, before.parentId);
        values.parentId = block[0]?.parentId ?? null;
      }
      const after = await this.repo.updateTask(tx, taskId, body.version, values, actor.userId);
      if (!after) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.schedule.journal,
        tx,
        actor,
        { type: 'task', id: taskId, action: 'update' },
        taskSnapshot(before),
        taskSnapshot(after),
      );
      const outcome = await this.schedule.reschedule(tx, [before.projectId]);
      return this.schedule.changeOf(tx, before.projectId, outcome, { taskIds: [taskId, ...moved] });
    });
  }

  /** Deletes a task and everything beneath it, with their links. */
  async remove(actor: Actor, taskId: string): Promise<ScheduleChange> {
    return this.db.transaction(async (tx) => {
      const before = await this.repo.getTask(tx, taskId);
      if (!before) throw notFound('Task');
      const ordered = await this.repo.tasksOf(tx, [before.projectId]);
      const ids = subtreeIds(ordered, taskId);
      const linked = await this.repo.linkedProjects(tx, [before.projectId]);
      const removedLinkIds = (await this.repo.linksOf(tx, [before.projectId]))
        .filter((l) => ids.has(l.link.predecessorId) || ids.has(l.link.successorId))
        .map((l) => l.link.id);
      const wbsBefore = computeOutline(ordered);
      await this.repo.deleteTasks(tx, [...ids]);
      const rest = ordered.filter((t) => !ids.has(t.id));
      const moved = rest.flatMap((t, i) =>
        t.position !== i + 1 ? [{ id: t.id, position: i + 1, parentId: t.parentId }] : [],
      );
      await this.repo.writeOutline(tx, moved);
      for (const t of ordered.filter((x) => ids.has(x.id))) {
        await recordChange(
          this.schedule.journal,
          tx,
          actor,
          { type: 'task', id: t.id, action: 'delete', projectId: t.projectId },
          taskSnapshot(t),
          null,
        );
      }
      const outcome = await this.schedule.reschedule(tx, [before.projectId, ...linked]);
      return this.schedule.changeOf(tx, before.projectId, outcome, {
        taskIds: [...new Set([...moved.map((m) => m.id), ...renumbered(wbsBefore, rest)])],
        removedTaskIds: [...ids],
        removedLinkIds,
      });
    });
  }

  private failOnCycle(outcome: RescheduleOutcome, names: Map<string, string>): void {
    const cycle = outcome.problems.find((p) => p.kind === 'cycle');
    if (cycle) {
      const chain = cycle.taskIds.map((id) => names.get(id) ?? id).join(' → ');
      throw new ProblemError(422, 'cycle', `This link would make a loop: ${chain}.`, [
        { field: 'predecessorId', rule: 'no_cycle', message: `would make a loop: ${chain}` },
      ]);
    }
  }

  private namesOf(outcome: RescheduleOutcome): Map<string, string> {
    const names = new Map<string, string>();
    for (const [, rows] of outcome.tasksByProject) for (const t of rows) names.set(t.id, t.name);
    return names;
  }

  async createLink(
    actor: Actor,
    body: {
      predecessorId: string;
      successorId: string;
      type: LinkRow['type'];
      lagKind: LinkRow['lagKind'];
      lag: number;
    },
  ): Promise<ScheduleChange> {
    if (body.predecessorId === body.successorId)
      throw invalid('successorId', 'not_self', 'a task cannot depend on itself');
    return this.db.transaction(async (tx) => {
      const pred = await this.repo.getTask(tx, body.predecessorId);
      if (!pred) throw invalid('predecessorId', 'exists', 'no such task');
      const succ = await this.repo.getTask(tx, body.successorId);
      if (!succ) throw invalid('successorId', 'exists', 'no such task');
      const [link] = await this.repo.insertLinks(tx, [{ ...body, createdBy: actor.userId }]);
      if (!link)
        throw conflict('These tasks are already linked.', [
          { field: 'successorId', rule: 'unique', message: 'already linked to this predecessor' },
        ]);
      await recordChange(
        this.schedule.journal,
        tx,
        actor,
        { type: 'task_link', id: link.id, action: 'create' },
        null,
        {
          predecessorId: link.predecessorId,
          successorId: link.successorId,
          type: link.type,
          lagKind: link.lagKind,
          lag: link.lag,
        },
      );
      const outcome = await this.schedule.reschedule(tx, [succ.projectId, pred.projectId]);
      this.failOnCycle(outcome, this.namesOf(outcome));
      return this.schedule.changeOf(tx, succ.projectId, outcome, { linkIds: [link.id] });
    });
  }

  async updateLink(
    actor: Actor,
    linkId: string,
    body: {
      type?: LinkRow['type'] | undefined;
      lagKind?: LinkRow['lagKind'] | undefined;
      lag?: number | undefined;
    },
  ): Promise<ScheduleChange> {
    return this.db.transaction(async (tx) => {
      const before = await this.repo.getLink(tx, linkId);
      if (!before) throw notFound('Link');
      const values: Partial<LinkRow> = {};
      if (body.type !== undefined) values.type = body.type;
      if (body.lagKind !== undefined) values.lagKind = body.lagKind;
      if (body.lag !== undefined) values.lag = body.lag;
      const after = await this.repo.updateLink(tx, linkId, values);
      if (!after) throw notFound('Link');
      const snap = (l: LinkRow) => ({ type: l.type, lagKind: l.lagKind, lag: l.lag });
      await recordChange(
        this.schedule.journal,
        tx,
        actor,
        { type: 'task_link', id: linkId, action: 'update' },
        snap(before.link),
        snap(after),
      );
      const outcome = await this.schedule.reschedule(tx, [before.successorProjectId]);
      return this.schedule.changeOf(tx, before.successorProjectId, outcome, { linkIds: [linkId] });
    });
  }

  async removeLink(actor: Actor, linkId: string): Promise<ScheduleChange> {
    return this.db.transaction(async (tx) => {
      const before = await this.repo.getLink(tx, linkId);
      if (!before) throw notFound('Link');
      await this.repo.deleteLink(tx, linkId);
      await recordChange(
        this.schedule.journal,
        tx,
        actor,
        { type: 'task_link', id: linkId, action: 'delete' },
        {
          predecessorId: before.link.predecessorId,
          successorId: before.link.successorId,
          type: before.link.type,
        },
        null,
      );
      const outcome = await this.schedule.reschedule(tx, [
        before.successorProjectId,
        before.predecessorProjectId,
      ]);
      return this.schedule.changeOf(tx, before.successorProjectId, outcome, { removedLinkIds: [linkId] });
    });
  }

  /** Which project a task or a link belongs to (the link: its successor's), for authorisation. */
  async projectOfTask(taskId: string): Promise<string> {
    const t = await this.repo.getTask(this.db, taskId);
    if (!t) throw notFound('Task');
    return t.projectId;
  }

  async projectsOfLink(linkId: string): Promise<{ successor: string; predecessor: string }> {
    const l = await this.repo.getLink(this.db, linkId);
    if (!l) throw notFound('Link');
    return { successor: l.successorProjectId, predecessor: l.predecessorProjectId };
  }
}
