import type { CommunicationItem, CommunicationOccurrence, CommunicationRecord } from '@baton/contracts';
import {
  addCalendarDays,
  type CommunicationCadence,
  type CommunicationChannel,
  type CommunicationContent,
  type CommunicationFrequency,
  calendarDaysBetween,
  communicationCadenceProblem,
  expandOccurrences,
  findCoordinationWarnings,
  isOccurrence,
  isoWeekOf,
  type OccurrenceStatus,
  occurrenceStatus,
  type ScopePath,
} from '@baton/core';
import type { Database } from '@baton/db';
import { conflict, invalid, notFound, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import { definedOnly, isUniqueViolation, recordChange } from '../shared/record-change.ts';
import { type Audience, audienceOf, CommunicationDtos, REMOVED } from './communications.dto.ts';
import type {
  CommunicationItemRow,
  CommunicationProjectRef,
  CommunicationRecordRow,
  CommunicationsRepository,
} from './communications.repository.ts';

/** The longest calendar or coordination range one request may ask for. */
export const MAX_RANGE_DAYS = 366;
/** How far a recorded sending may lie in the future (clock skew between the browser and the server). */
const SENT_AT_SKEW_MS = 5 * 60_000;
type AudienceInput = {
  stakeholderIds?: readonly string[] | undefined;
  roles?: readonly string[] | undefined;
  groups?: readonly string[] | undefined;
};

const ITEM_SNAPSHOT = [
  'projectId',
  'orgUnitId',
  'title',
  'content',
  'description',
  'channel',
  'frequency',
  'startDate',
  'endDate',
  'ownerId',
  'audience',
] as const;
const itemSnapshot = (r: CommunicationItemRow) => Object.fromEntries(ITEM_SNAPSHOT.map((k) => [k, r[k]]));
const recordSnapshot = (r: CommunicationRecordRow) => ({
  itemId: r.itemId,
  dueDate: r.dueDate,
  sentAt: r.sentAt.toISOString(),
  recipients: r.recipients,
  summary: r.summary,
  statusReportId: r.statusReportId,
  reportFileId: r.reportFileId,
});

const cadenceOf = (
  r: Pick<CommunicationItemRow, 'frequency' | 'startDate' | 'endDate'>,
): CommunicationCadence => ({
  frequency: r.frequency as CommunicationFrequency,
  startDate: r.startDate,
  endDate: r.endDate,
});

const dedupe = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

function normaliseAudience(a: AudienceInput): Audience {
  return {
    stakeholderIds: dedupe(a.stakeholderIds ?? []),
    roles: dedupe(a.roles ?? []),
    groups: dedupe(a.groups ?? []),
  };
}

function checkRange(from: string, to: string): void {
  if (to < from) throw invalid('to', 'after_from', 'must be on or after from');
  if (calendarDaysBetween(from, to) > MAX_RANGE_DAYS)
    throw invalid('to', 'range', `at most ${MAX_RANGE_DAYS} days after from: ask for a shorter range`);
}

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Communication plans (a project's, or a PMO's own), their calendar of due dates and what was sent. */
export class CommunicationsService {
  private readonly dtos: CommunicationDtos;

  constructor(
    private readonly db: Database,
    private readonly repo: CommunicationsRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {
    this.dtos = new CommunicationDtos(db, repo);
  }

  // ---- where things sit, for the permission table ----

  private async row(id: string): Promise<CommunicationItemRow> {
    const row = await this.repo.item(this.db, id);
    if (!row) throw notFound('Communication item');
    return row;
  }

  private pathOfRow(r: Pick<CommunicationItemRow, 'projectId' | 'orgUnitId'>): Promise<ScopePath> {
    return r.projectId ? this.access.projectPath(r.projectId) : this.access.orgUnitOrRootPath(r.orgUnitId);
  }

  /** Where a plan item sits: its project, or the org unit of a PMO item (the enterprise PMO when none). */
  async pathOf(id: string): Promise<ScopePath> {
    return this.pathOfRow(await this.row(id));
  }

  /** Where the item of a sent record sits. */
  async pathOfRecord(id: string): Promise<ScopePath> {
    const record = await this.repo.record(this.db, id);
    if (!record) throw notFound('Communication record');
    return this.pathOf(record.itemId);
  }

  /** Where a new item will sit: the body's project, else its org unit (the enterprise PMO when absent). */
  async newPath(body: { projectId?: string | null | undefined; orgUnitId?: string | null | undefined }) {
    if (body.projectId)
      return this.access.projectPath(body.projectId).catch(() => {
        throw invalid('projectId', 'exists', 'no such project');
      });
    return this.access.orgUnitOrRootPath(body.orgUnitId ?? null).catch(() => {
      throw invalid('orgUnitId', 'exists', 'no such org unit');
    });
  }

  /** A project's plan is changed by whoever may change the project; a PMO's own by that PMO. */
  private async requireWrite(actor: Actor, r: Pick<CommunicationItemRow, 'projectId' | 'orgUnitId'>) {
    const path = await this.pathOfRow(r);
    if (r.projectId) this.access.require(actor, 'project.update', path);
    else
      this.access.require(
        actor,
        'governance.manage',
        path,
        'A PMO’s own communications are planned by that PMO (governance.manage at its unit).',
      );
  }

  // ---- reading ----

  private async unitScope(orgUnitId: string | undefined): Promise<string[] | undefined> {
    return orgUnitId ? this.access.subtree(orgUnitId) : undefined;
  }

  async list(actor: Actor, q: { projectId?: string | undefined; orgUnitId?: string | undefined }) {
    const v = await this.access.visibility(actor, 'project.read');
    const rows = await this.repo.items(this.db, v, {
      projectId: q.projectId,
      orgUnitIds: await this.unitScope(q.orgUnitId),
    });
    return { items: await this.dtos.items(rows) };
  }

  async get(id: string): Promise<CommunicationItem> {
    return (await this.dtos.items([await this.row(id)]))[0] as CommunicationItem;
  }

  /** Every occurrence of the visible plans of open projects (and PMO items) in the range, with its status. */
  private async occurrences(
    actor: Actor,
    q: { from: string; to: string; projectId?: string | undefined; orgUnitId?: string | undefined },
  ) {
    checkRange(q.from, q.to);
    const v = await this.access.visibility(actor, 'project.read');
    const rows = await this.repo.items(this.db, v, {
      projectId: q.projectId,
      orgUnitIds: await this.unitScope(q.orgUnitId),
      openOnly: true,
    });
    const records = await this.repo.records(
      this.db,
      rows.map((r) => r.id),
      { from: q.from, to: q.to },
    );
    const byKey = new Map(records.map((r) => [`${r.itemId}|${r.dueDate}`, r]));
    const today = todayUtc();
    const out: {
      item: CommunicationItemRow;
      dueDate: string;
      status: OccurrenceStatus;
      record: CommunicationRecordRow | null;
    }[] = [];
    for (const item of rows)
      for (const dueDate of expandOccurrences(cadenceOf(item), q.from, q.to)) {
        const record = byKey.get(`${item.id}|${dueDate}`) ?? null;
        out.push({ item, dueDate, status: occurrenceStatus(dueDate, record !== null, today), record });
      }
    return { today, rows, occurrences: out };
  }

  async calendar(
    actor: Actor,
    q: {
      from: string;
      to: string;
      projectId?: string | undefined;
      orgUnitId?: string | undefined;
      status?: OccurrenceStatus | undefined;
    },
  ) {
    const { today, rows, occurrences } = await this.occurrences(actor, q);
    const counts = { sent: 0, due: 0, overdue: 0 };
    for (const o of occurrences) counts[o.status] += 1;
    const shown = q.status ? occurrences.filter((o) => o.status === q.status) : occurrences;
    const items = new Map((await this.dtos.items(rows)).map((d) => [d.id, d]));
    const records = new Map(
      (await this.dtos.records(shown.flatMap((o) => (o.record ? [o.record] : [])))).map((r) => [r.id, r]),
    );
    const entries: CommunicationOccurrence[] = [];
    for (const o of shown) {
      const d = items.get(o.item.id);
      if (!d) continue;
      entries.push({
        itemId: d.id,
        itemVersion: d.version,
        dueDate: o.dueDate,
        week: isoWeekOf(o.dueDate).key,
        status: o.status,
        title: d.title,
        content: d.content,
        channel: d.channel,
        frequency: d.frequency,
        projectId: d.projectId,
        projectCode: d.projectCode,
        projectName: d.projectName,
        orgUnitId: d.orgUnitId,
        orgUnitName: d.orgUnitName,
        ownerId: d.ownerId,
        ownerName: d.ownerName,
        audience: d.audience,
        record: o.record ? (records.get(o.record.id) ?? null) : null,
      });
    }
    entries.sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) ||
        (a.projectCode ?? '').localeCompare(b.projectCode ?? '') ||
        a.title.localeCompare(b.title),
    );
    return { from: q.from, to: q.to, today, items: entries, counts };
  }

  /**
   * Stakeholders who receive `threshold` or more communications in one ISO week across the visible
   * plans: what was sent goes by its recipients, what is still to send by the plan's stakeholders.
   */
  async coordination(actor: Actor, q: { from: string; to: string; threshold: number }) {
    const { occurrences } = await this.occurrences(actor, q);
    const projects = await this.repo.projectsByIds(
      this.db,
      occurrences.map((o) => o.item.projectId),
    );
    const addressed = occurrences.map((o) => ({
      dueDate: o.dueDate,
      projectId: o.item.projectId,
      stakeholderIds: o.record ? o.record.recipients : audienceOf(o.item).stakeholderIds,
      itemId: o.item.id,
      title: o.item.title,
      status: o.status,
      content: o.item.content as CommunicationContent,
      channel: o.item.channel as CommunicationChannel,
    }));
    const warnings = findCoordinationWarnings(addressed, q.threshold);
    const people = await this.repo.stakeholdersByIds(
      this.db,
      warnings.map((w) => w.stakeholderId),
    );
    return {
      from: q.from,
      to: q.to,
      threshold: q.threshold,
      warnings: warnings.map((w) => ({
        stakeholderId: w.stakeholderId,
        stakeholderName: people.get(w.stakeholderId)?.name ?? REMOVED,
        week: w.week,
        weekStart: w.weekStart,
        count: w.count,
        sourceCount: w.sourceCount,
        communications: w.communications.map((c) => {
          const p = c.projectId ? projects.get(c.projectId) : undefined;
          return {
            itemId: c.itemId,
            title: c.title,
            dueDate: c.dueDate,
            status: c.status,
            content: c.content,
            channel: c.channel,
            projectId: c.projectId,
            projectCode: p?.code ?? null,
            projectName: p?.name ?? null,
          };
        }),
      })),
    };
  }

  /** Stakeholders a plan may address: a project's linked ones, or every one the caller may see. */
  async audienceCandidates(actor: Actor, q: { projectId?: string | undefined }) {
    if (q.projectId) {
      const path = await this.access.projectPath(q.projectId);
      this.access.require(actor, 'project.read', path);
      return { items: await this.repo.stakeholdersOfProject(this.db, q.projectId) };
    }
    const v = await this.access.visibility(actor, 'project.read');
    const root = v.all ? null : await this.access.rootOrgUnitId().catch(() => null);
    return { items: await this.repo.visibleStakeholders(this.db, v, root) };
  }

  // ---- plan items ----

  /** Checks the audience: someone named, every stakeholder known (and, for a project, linked to it). */
  private async checkAudience(a: Audience, project: CommunicationProjectRef | null): Promise<void> {
    if (a.stakeholderIds.length + a.roles.length + a.groups.length === 0)
      throw invalid('audience', 'required', 'name at least one stakeholder, role or group');
    const known = await this.repo.stakeholdersByIds(this.db, a.stakeholderIds);
    const missing = a.stakeholderIds.find((id) => !known.has(id));
    if (missing) throw invalid('audience.stakeholderIds', 'exists', `no such stakeholder: ${missing}`);
    if (!project) return;
    const linked = await this.repo.linkedToProject(this.db, project.id, a.stakeholderIds);
    const stranger = a.stakeholderIds.find((id) => !linked.has(id));
    if (stranger)
      throw invalid(
        'audience.stakeholderIds',
        'linked',
        `${known.get(stranger)?.name ?? stranger} is not a stakeholder of ${project.code}: link them to the project first`,
      );
  }

  private async checkOwner(ownerId: string | null | undefined): Promise<void> {
    if (ownerId && !(await this.repo.userExists(this.db, ownerId)))
      throw invalid('ownerId', 'exists', 'no such user');
  }

  private checkCadence(c: CommunicationCadence): void {
    const problem = communicationCadenceProblem(c);
    if (problem) throw invalid(problem.field, 'after_start', problem.message);
  }

  async create(
    actor: Actor,
    body: {
      projectId?: string | null | undefined;
      orgUnitId?: string | null | undefined;
      title: string;
      content: CommunicationContent;
      description?: string | null | undefined;
      channel: CommunicationChannel;
      frequency: CommunicationFrequency;
      startDate: string;
      endDate?: string | null | undefined;
      ownerId?: string | null | undefined;
      audience: AudienceInput;
    },
  ): Promise<CommunicationItem> {
    let project: CommunicationProjectRef | null = null;
    let orgUnitId: string | null = null;
    if (body.projectId) {
      if (body.orgUnitId)
        throw invalid(
          'orgUnitId',
          'exclusive',
          'a project’s item belongs to its project: leave orgUnitId out',
        );
      project = (await this.repo.projectsByIds(this.db, [body.projectId])).get(body.projectId) ?? null;
      if (!project) throw invalid('projectId', 'exists', 'no such project');
      if (project.status === 'completed' || project.status === 'cancelled')
        throw invalid('projectId', 'open', `${project.code} is closed: it plans no more communications`);
    } else {
      orgUnitId = body.orgUnitId ?? (await this.access.rootOrgUnitId());
      if (!(await this.repo.orgUnitExists(this.db, orgUnitId)))
        throw invalid('orgUnitId', 'exists', 'no such org unit');
    }
    await this.requireWrite(actor, { projectId: project?.id ?? null, orgUnitId });
    const cadence = { frequency: body.frequency, startDate: body.startDate, endDate: body.endDate ?? null };
    this.checkCadence(cadence);
    const audience = normaliseAudience(body.audience);
    await this.checkAudience(audience, project);
    await this.checkOwner(body.ownerId);
    const row = await this.db.transaction(async (tx) => {
      const r = await this.repo.insertItem(tx, {
        projectId: project?.id ?? null,
        orgUnitId,
        title: body.title,
        content: body.content,
        description: body.description?.trim() || null,
        channel: body.channel,
        ...cadence,
        ownerId: body.ownerId === undefined ? actor.userId : body.ownerId,
        audience,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'communication_item', id: r.id, action: 'create' },
        null,
        itemSnapshot(r),
      );
      return r;
    });
    return (await this.dtos.items([row]))[0] as CommunicationItem;
  }

  async update(
    actor: Actor,
    id: string,
    body: {
      version: number;
      title?: string | undefined;
      content?: CommunicationContent | undefined;
      description?: string | null | undefined;
      channel?: CommunicationChannel | undefined;
      frequency?: CommunicationFrequency | undefined;
      startDate?: string | undefined;
      endDate?: string | null | undefined;
      ownerId?: string | null | undefined;
      audience?: AudienceInput | undefined;
    },
  ): Promise<CommunicationItem> {
    const before = await this.row(id);
    await this.requireWrite(actor, before);
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const { version, audience: audienceIn, description, ...rest } = body;
    const cadence: CommunicationCadence = {
      frequency: body.frequency ?? (before.frequency as CommunicationFrequency),
      startDate: body.startDate ?? before.startDate,
      endDate: body.endDate === undefined ? before.endDate : body.endDate,
    };
    this.checkCadence(cadence);
    const moved = (['frequency', 'startDate', 'endDate'] as const).find(
      (k) => body[k] !== undefined && body[k] !== before[k],
    );
    if (moved) {
      // What was sent stays true: a change may not leave a record off the plan.
      const orphans = (await this.repo.records(this.db, [id])).filter(
        (r) => !isOccurrence(cadence, r.dueDate),
      );
      if (orphans.length)
        throw invalid(
          moved,
          'keeps_records',
          `${orphans.length} sent record${orphans.length === 1 ? '' : 's'} (first due ${orphans[0]?.dueDate}) would no longer fall on the plan: end this item and plan a new one instead`,
        );
    }
    let audience: Audience | undefined;
    if (audienceIn) {
      audience = normaliseAudience(audienceIn);
      const project = before.projectId
        ? ((await this.repo.projectsByIds(this.db, [before.projectId])).get(before.projectId) ?? null)
        : null;
      await this.checkAudience(audience, project);
    }
    await this.checkOwner(body.ownerId);
    const values = {
      ...definedOnly(rest),
      ...(description !== undefined ? { description: description?.trim() || null } : {}),
      ...(audience ? { audience } : {}),
    };
    const after = await this.db.transaction(async (tx) => {
      const r = await this.repo.updateItem(tx, id, version, values, actor.userId);
      if (!r) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'communication_item', id, action: 'update' },
        itemSnapshot(before),
        itemSnapshot(r),
      );
      return r;
    });
    return (await this.dtos.items([after]))[0] as CommunicationItem;
  }

  /** Deletes a plan item and what was recorded against it (each kept in the journal). */
  async remove(actor: Actor, id: string, version: number): Promise<void> {
    const before = await this.row(id);
    await this.requireWrite(actor, before);
    if (before.version !== version) throw staleVersion(before.version, version);
    await this.db.transaction(async (tx) => {
      for (const r of await this.repo.records(tx, [id]))
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'communication_record', id: r.id, action: 'delete' },
          recordSnapshot(r),
          null,
        );
      if (!(await this.repo.deleteItem(tx, id, version))) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'communication_item', id, action: 'delete' },
        itemSnapshot(before),
        null,
      );
    });
  }

  // ---- what was sent ----

  /** The due dates nearest to a date, to say what would have been accepted. */
  private nearestOccurrences(c: CommunicationCadence, date: string): string[] {
    const before = expandOccurrences(c, addCalendarDays(date, -100), addCalendarDays(date, -1)).at(-1);
    const after = expandOccurrences(c, addCalendarDays(date, 1), addCalendarDays(date, 100))[0];
    return [before, after].filter((d): d is string => d !== undefined);
  }

  async recordSent(
    actor: Actor,
    itemId: string,
    body: {
      dueDate: string;
      sentAt?: string | undefined;
      recipients?: readonly string[] | undefined;
      summary?: string | null | undefined;
      statusReportId?: string | null | undefined;
      reportFileId?: string | null | undefined;
    },
  ): Promise<CommunicationRecord> {
    const item = await this.row(itemId);
    await this.requireWrite(actor, item);
    const cadence = cadenceOf(item);
    if (!isOccurrence(cadence, body.dueDate)) {
      const near = this.nearestOccurrences(cadence, body.dueDate);
      throw invalid(
        'dueDate',
        'occurrence',
        `${body.dueDate} is not a due date of this ${cadence.frequency} plan${near.length ? ` (the nearest: ${near.join(', ')})` : ''}`,
      );
    }
    const sentAt = body.sentAt ? new Date(body.sentAt) : new Date();
    if (sentAt.getTime() > Date.now() + SENT_AT_SKEW_MS)
      throw invalid('sentAt', 'not_future', 'cannot be in the future');
    const recipients = dedupe(body.recipients ?? audienceOf(item).stakeholderIds);
    const known = await this.repo.stakeholdersByIds(this.db, recipients);
    const missing = recipients.find((id) => !known.has(id));
    if (missing) throw invalid('recipients', 'exists', `no such stakeholder: ${missing}`);
    if (body.statusReportId && body.reportFileId)
      throw invalid('reportFileId', 'one_of', 'link a status report or a report file, not both');
    if (body.statusReportId) {
      const report = await this.repo.statusReport(this.db, body.statusReportId);
      if (!report) throw invalid('statusReportId', 'exists', 'no such status report');
      if (item.projectId && report.projectId !== item.projectId)
        throw invalid('statusReportId', 'same_project', 'must be a status report of this item’s project');
    }
    if (
      body.reportFileId &&
      !(await this.repo.reportFileNames(this.db, [body.reportFileId])).has(body.reportFileId)
    )
      throw invalid('reportFileId', 'exists', 'no such report file');
    const duplicate = () =>
      conflict(`The occurrence due ${body.dueDate} is already recorded as sent.`, [
        {
          field: 'dueDate',
          rule: 'unique',
          message: 'already recorded: delete that record to record it again',
        },
      ]);
    if ((await this.repo.records(this.db, [itemId], { from: body.dueDate, to: body.dueDate })).length)
      throw duplicate();
    const row = await this.db
      .transaction(async (tx) => {
        const r = await this.repo.insertRecord(tx, {
          itemId,
          dueDate: body.dueDate,
          sentAt,
          sentBy: actor.userId,
          recipients,
          summary: body.summary?.trim() || null,
          statusReportId: body.statusReportId ?? null,
          reportFileId: body.reportFileId ?? null,
        });
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'communication_record', id: r.id, action: 'create' },
          null,
          recordSnapshot(r),
        );
        return r;
      })
      .catch((e: unknown) => {
        // Two people recording the same occurrence at once: the unique index decides.
        if (isUniqueViolation(e)) throw duplicate();
        throw e;
      });
    return (await this.dtos.records([row]))[0] as CommunicationRecord;
  }

  async removeRecord(actor: Actor, id: string): Promise<void> {
    const record = await this.repo.record(this.db, id);
    if (!record) throw notFound('Communication record');
    await this.requireWrite(actor, await this.row(record.itemId));
    await this.db.transaction(async (tx) => {
      if (!(await this.repo.deleteRecord(tx, id))) throw notFound('Communication record');
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'communication_record', id, action: 'delete' },
        recordSnapshot(record),
        null,
      );
    });
  }
}
