import type { SaveTimesheetBody, Timesheet } from '@baton/contracts';
import { fromDayNumber, startOfIsoWeek, toDayNumber } from '@baton/core';
import type { Database } from '@baton/db';
import { conflict, forbidden, invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import { type AccessService, type Actor, coversProject } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ScheduleService } from '../schedule/schedule.service.ts';
import { recordChange } from '../shared/record-change.ts';
import type { ResourceRow, ResourcesRepository } from './resources.repository.ts';
import { groupBy, rateOn } from './resources.service.ts';
import type { DecisionRow, EntryRow, TimesheetRow, TimesheetsRepository } from './timesheets.repository.ts';

/** The Monday of the week a date falls in. */
export const weekOf = (date: string): string => fromDayNumber(startOfIsoWeek(toDayNumber(date)));

const entryDto = (e: EntryRow) => ({
  id: e.id,
  projectId: e.projectId,
  projectCode: e.projectCode,
  projectName: e.projectName,
  taskId: e.taskId,
  taskName: e.taskName,
  date: e.date,
  hours: e.hours,
  note: e.note,
  status:
    e.status === 'approved'
      ? ('approved' as const)
      : e.status === 'rejected'
        ? ('rejected' as const)
        : ('pending' as const),
});
const decisionDto = (d: DecisionRow) => ({
  projectId: d.projectId,
  projectCode: d.projectCode,
  decision: d.decision === 'reject' ? ('reject' as const) : ('approve' as const),
  reason: d.reason,
  decidedBy: d.decidedByName,
  decidedAt: d.decidedAt.toISOString(),
});
const STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;

/** Timesheets: people log hours per project, task and day; each project's manager approves theirs. */
export class TimesheetsService {
  constructor(
    private readonly db: Database,
    private readonly repo: TimesheetsRepository,
    private readonly resources: ResourcesRepository,
    private readonly access: AccessService,
    private readonly schedule: ScheduleService,
    private readonly journal: JournalRepository,
  ) {}

  /** The resource a request is about: the caller's own, or another one they manage. */
  private async resourceFor(actor: Actor, resourceId: string | undefined): Promise<ResourceRow> {
    if (!actor.userId && !resourceId) throw invalid('resourceId', 'required', 'name the resource');
    const own = actor.userId ? await this.resources.resourceOfUser(this.db, actor.userId) : null;
    if (!resourceId || resourceId === own?.id) {
      if (!own)
        throw new ProblemError(
          422,
          'no-resource',
          'Your login is not linked to a resource in the pool, so you have no timesheet. Ask a resource manager to link you.',
        );
      return own;
    }
    const other = await this.resources.getResource(this.db, resourceId);
    if (!other) throw notFound('Resource');
    const path = await this.access.orgUnitOrRootPath(other.orgUnitId);
    if (!this.access.allows(actor, ['resource.manage'], path))
      throw forbidden('You may see and edit only your own timesheet, or those of people you manage.');
    return other;
  }

  private async lockedThrough(): Promise<string | null> {
    return (await this.resources.getSettings(this.db))?.timesheetsLockedThrough ?? null;
  }

  private async dto(resource: ResourceRow, weekStart: string, row: TimesheetRow | null): Promise<Timesheet> {
    const locked = await this.lockedThrough();
    const weekEnd = fromDayNumber(toDayNumber(weekStart) + 6);
    const [entries, decisions] = row
      ? await Promise.all([this.repo.entriesOf(this.db, [row.id]), this.repo.decisionsOf(this.db, [row.id])])
      : [[], []];
    return {
      id: row?.id ?? null,
      version: row?.version ?? 0,
      resourceId: resource.id,
      resourceName: resource.name,
      weekStart,
      status: STATUSES.find((s) => s === row?.status) ?? 'draft',
      locked: locked !== null && weekEnd <= locked,
      totalHours: Math.round(entries.reduce((s, e) => s + e.hours, 0) * 100) / 100,
      entries: entries.map(entryDto),
      decisions: decisions.map(decisionDto),
      submittedAt: row?.submittedAt?.toISOString() ?? null,
      rejectionReason: row?.rejectionReason ?? null,
    };
  }

  async get(actor: Actor, q: { week: string; resourceId?: string | undefined }): Promise<Timesheet> {
    const resource = await this.resourceFor(actor, q.resourceId);
    const weekStart = weekOf(q.week);
    return this.dto(resource, weekStart, await this.repo.getByWeek(this.db, resource.id, weekStart));
  }

  private async assertUnlocked(weekStart: string): Promise<void> {
    const locked = await this.lockedThrough();
    const weekEnd = fromDayNumber(toDayNumber(weekStart) + 6);
    if (locked && weekEnd <= locked)
      throw conflict(`Timesheets are locked through ${locked}: this week can no longer change.`, [
        { field: 'week', rule: 'unlocked', message: `is in a locked period (through ${locked})` },
      ]);
  }

  /** Saves the week's lines (replacing them); a rejected or draft week becomes a draft again. */
  async save(actor: Actor, body: SaveTimesheetBody): Promise<Timesheet> {
    const resource = await this.resourceFor(actor, body.resourceId);
    const weekStart = weekOf(body.week);
    const weekEnd = fromDayNumber(toDayNumber(weekStart) + 6);
    await this.assertUnlocked(weekStart);
    const visible = await this.access.visibility(actor, 'project.read');
    const projectIds = [...new Set(body.entries.map((e) => e.projectId))];
    const projects = await this.resources.projectsByIds(this.db, projectIds);
    body.entries.forEach((e, i) => {
      if (e.date < weekStart || e.date > weekEnd)
        throw invalid(`entries.${i}.date`, 'in_week', `must fall in the week ${weekStart} – ${weekEnd}`);
      const p = projects.find((x) => x.id === e.projectId);
      if (!p) throw invalid(`entries.${i}.projectId`, 'exists', 'no such project');
      if (!coversProject(visible, p))
        throw invalid(`entries.${i}.projectId`, 'visible', 'you cannot book time on this project');
    });
    const perDay = groupBy(body.entries, (e) => e.date);
    for (const [date, list] of perDay)
      if (list.reduce((s, e) => s + e.hours, 0) > 24)
        throw invalid('entries', 'day_total', `more than 24 hours logged on ${date}`);
    const taskIds = [...new Set(body.entries.flatMap((e) => (e.taskId ? [e.taskId] : [])))];
    const tasks = taskIds.length ? await this.resources.assignmentDemandTasks(this.db, taskIds) : [];
    body.entries.forEach((e, i) => {
      if (!e.taskId) return;
      const t = tasks.find((x) => x.id === e.taskId);
      if (!t || t.projectId !== e.projectId)
        throw invalid(`entries.${i}.taskId`, 'exists', 'no such task in that project');
    });
    await this.db.transaction(async (tx) => {
      let row = await this.repo.getByWeek(tx, resource.id, weekStart);
      const sent = body.version;
      if ((row?.version ?? 0) !== sent) throw staleVersion(row?.version ?? 0, sent);
      if (row && (row.status === 'submitted' || row.status === 'approved'))
        throw conflict(`This timesheet is ${row.status}: it can no longer be edited.`);
      const before = row ? await this.repo.entriesOf(tx, [row.id]) : [];
      if (!row)
        row = await this.repo.insert(tx, {
          resourceId: resource.id,
          weekStart,
          status: 'draft',
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
      else {
        const updated = await this.repo.update(tx, row.id, row.version, { status: 'draft' }, actor.userId);
        if (!updated) throw staleVersion(row.version + 1, sent);
        row = updated;
      }
      const kept = body.entries.filter((e) => e.hours > 0);
      await this.repo.replaceEntries(
        tx,
        row.id,
        kept.map((e) => ({
          projectId: e.projectId,
          taskId: e.taskId ?? null,
          date: e.date,
          hours: e.hours,
          note: e.note ?? null,
          status: 'pending',
        })),
      );
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'timesheet', id: row.id, action: 'save' },
        { hours: before.reduce((s, e) => s + e.hours, 0), lines: before.length },
        { hours: kept.reduce((s, e) => s + e.hours, 0), lines: kept.length },
      );
    });
    return this.get(actor, { week: weekStart, resourceId: resource.id });
  }

  async submit(actor: Actor, id: string, version: number): Promise<Timesheet> {
    const row = await this.repo.get(this.db, id);
    if (!row) throw notFound('Timesheet');
    const resource = await this.resourceFor(actor, row.resourceId);
    await this.assertUnlocked(row.weekStart);
    await this.db.transaction(async (tx) => {
      if (row.version !== version) throw staleVersion(row.version, version);
      if (row.status !== 'draft' && row.status !== 'rejected')
        throw conflict(`This timesheet is already ${row.status}.`);
      const entries = await this.repo.entriesOf(tx, [id]);
      if (!entries.length) throw invalid('entries', 'not_empty', 'log some hours before submitting');
      const after = await this.repo.update(
        tx,
        id,
        version,
        { status: 'submitted', submittedAt: new Date(), rejectionReason: null },
        actor.userId,
      );
      if (!after) throw staleVersion(row.version + 1, version);
      await this.repo.setEntryStatus(tx, id, null, 'pending');
      await this.repo.clearDecisions(tx, id);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'timesheet', id, action: 'submit' },
        { status: row.status },
        { status: 'submitted' },
      );
    });
    return this.get(actor, { week: row.weekStart, resourceId: resource.id });
  }

  /** Submitted lines waiting for the caller, one item per timesheet and project. */
  async approvals(actor: Actor) {
    const visible = await this.access.visibility(actor, 'timesheet.approve');
    const rows = await this.repo.awaitingApproval(this.db, visible);
    const entries = await this.repo.entriesOf(this.db, [...new Set(rows.map((r) => r.t.id))]);
    return rows.map((r) => {
      const mine = entries.filter((e) => e.timesheetId === r.t.id && e.projectId === r.projectId);
      return {
        timesheetId: r.t.id,
        version: r.t.version,
        resourceId: r.t.resourceId,
        resourceName: r.resourceName,
        weekStart: r.t.weekStart,
        projectId: r.projectId,
        projectCode: mine[0]?.projectCode ?? '',
        projectName: mine[0]?.projectName ?? '',
        hours: Math.round(mine.reduce((s, e) => s + e.hours, 0) * 100) / 100,
        entries: mine.map(entryDto),
        submittedAt: r.t.submittedAt?.toISOString() ?? null,
      };
    });
  }

  /**
   * A project manager approves or rejects the lines of their project. Approved lines book actual
   * work and cost onto their tasks; the timesheet is approved once every project has approved, and
   * goes back to its owner as soon as one rejects.
   */
  async decide(
    actor: Actor,
    projectId: string,
    body: {
      timesheetId: string;
      version: number;
      decision: 'approve' | 'reject';
      reason?: string | null | undefined;
    },
  ): Promise<Timesheet> {
    const row = await this.repo.get(this.db, body.timesheetId);
    if (!row) throw notFound('Timesheet');
    await this.assertUnlocked(row.weekStart);
    const rates = await this.resources.ratesOf(this.db, [row.resourceId]);
    await this.db.transaction(async (tx) => {
      if (row.version !== body.version) throw staleVersion(row.version, body.version);
      if (row.status !== 'submitted')
        throw conflict(`This timesheet is ${row.status}, not waiting for approval.`);
      const entries = await this.repo.entriesOf(tx, [row.id]);
      const mine = entries.filter((e) => e.projectId === projectId);
      if (!mine.length)
        throw invalid('timesheetId', 'has_project', 'this timesheet has no hours on this project');
      if (mine.every((e) => e.status !== 'pending')) throw conflict('These hours were already decided.');
      const status = body.decision === 'approve' ? 'approved' : 'rejected';
      await this.repo.setEntryStatus(tx, row.id, projectId, status);
      await this.repo.insertDecision(tx, {
        timesheetId: row.id,
        projectId,
        decision: body.decision,
        reason: body.reason ?? null,
        decidedBy: actor.userId,
      });
      const others = entries.filter((e) => e.projectId !== projectId);
      const sheetStatus =
        body.decision === 'reject'
          ? 'rejected'
          : others.every((e) => e.status === 'approved')
            ? 'approved'
            : 'submitted';
      const after = await this.repo.update(
        tx,
        row.id,
        row.version,
        {
          status: sheetStatus,
          rejectionReason: body.decision === 'reject' ? (body.reason ?? null) : row.rejectionReason,
        },
        actor.userId,
      );
      if (!after) throw staleVersion(row.version + 1, body.version);
      if (body.decision === 'approve') {
        const byTask = groupBy(
          mine.filter((e) => e.taskId),
          (e) => e.taskId as string,
        );
        await this.schedule.bookActuals(
          tx,
          actor,
          [...byTask.entries()].map(([taskId, list]) => ({
            taskId,
            minutes: Math.round(list.reduce((s, e) => s + e.hours, 0) * 60),
            costMinor: list.reduce(
              (s, e) => s + Math.round(e.hours * (rateOn(rates, e.date)?.rateMinor ?? 0)),
              0,
            ),
            firstDate: list.map((e) => e.date).sort()[0] as string,
          })),
        );
      }
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'timesheet', id: row.id, action: body.decision },
        { status: row.status },
        {
          status: sheetStatus,
          project: projectId,
          hours: mine.reduce((s, e) => s + e.hours, 0),
          reason: body.reason ?? null,
        },
      );
    });
    const resource = await this.resources.getResource(this.db, row.resourceId);
    if (!resource) throw notFound('Resource');
    return this.dto(resource, row.weekStart, await this.repo.get(this.db, row.id));
  }

  async getLock() {
    const s = await this.resources.getSettings(this.db);
    return {
      lockedThrough: s?.timesheetsLockedThrough ?? null,
      updatedAt: s?.updatedAt.toISOString() ?? null,
      updatedBy: s?.updatedByName ?? null,
    };
  }

  async setLock(actor: Actor, lockedThrough: string | null) {
    await this.db.transaction(async (tx) => {
      const before = await this.resources.getSettings(tx);
      await this.resources.setLock(tx, lockedThrough, actor.userId);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'resource_settings', id: '00000000-0000-4000-8000-000000000001', action: 'update' },
        { timesheetsLockedThrough: before?.timesheetsLockedThrough ?? null },
        { timesheetsLockedThrough: lockedThrough },
      );
    });
    return this.getLock();
  }
}
