import type {
  CreateReportScheduleBody,
  ReportFile,
  ReportSchedule,
  UpdateReportScheduleBody,
} from '@baton/contracts';
import { cadenceProblem, nextRunAt, type ReportCadence } from '@baton/core';
import type { Database } from '@baton/db';
import { forbidden, invalid, notFound, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { auditStamp, recordChange, snapshotOf } from '../shared/record-change.ts';
import type { DeliveryRepository, ScheduleRow } from './delivery.repository.ts';
import type { Mailer } from './mailer.ts';
import type { ReportKindSpec, ReportKinds } from './report-kinds.ts';

export const TICK_JOB = 'report-schedules.tick';
export const DELIVER_JOB = 'report.deliver';
const TICK_MS = 60_000;
const FIELDS = [
  'name',
  'kind',
  'format',
  'cadence',
  'dayOfWeek',
  'dayOfMonth',
  'hour',
  'orgUnitId',
  'delivery',
  'recipients',
  'enabled',
] as const;

type Fields = Pick<ScheduleRow, (typeof FIELDS)[number]>;

/**
 * Scheduled reports: a PMO (governance.manage at the unit reported on) sets a report kind, format and
 * cadence; a minute tick of the job queue queues a delivery for each due schedule, which produces the
 * file and saves it or e-mails it, and tells the schedule's owner in-app.
 */
export class DeliveryService {
  constructor(
    private readonly db: Database,
    private readonly repo: DeliveryRepository,
    private readonly access: AccessService,
    private readonly jobs: JobsService,
    private readonly kinds: ReportKinds,
    readonly mailer: Mailer,
    private readonly notifications: NotificationsService,
    private readonly journal: JournalRepository,
  ) {}

  /** Adds a kind of report schedules may produce; kinds may arrive after start-up. */
  registerReportKind(kind: string, spec: ReportKindSpec): void {
    this.kinds.register(kind, spec);
  }

  reportKinds() {
    return { items: this.kinds.list(), emailEnabled: this.mailer.enabled };
  }

  /** Registers the tick and delivery jobs with the queue. */
  registerJobs(): void {
    this.jobs.register(TICK_JOB, async () => {
      // The next tick is queued whatever this one meets: the chain must not break on one bad minute.
      try {
        return { queued: await this.tick() };
      } finally {
        await this.enqueueTick(new Date(Date.now() + TICK_MS));
      }
    });
    this.jobs.register(DELIVER_JOB, async (ctx) => {
      const id = String(ctx.job.payload.scheduleId ?? '');
      return this.deliver(id, (ctx.job.payload.requestedBy as string | null | undefined) ?? null);
    });
  }

  /**
   * Queues the tick of a minute. The key names the minute: a tick queues the next one while it still
   * runs itself, and two servers starting (or one restarting) merge into one chain rather than two.
   */
  async enqueueTick(runAt = new Date()): Promise<void> {
    const minute = new Date(Math.floor(runAt.getTime() / TICK_MS) * TICK_MS);
    await this.jobs.enqueue(
      TICK_JOB,
      {},
      { dedupeKey: `report-schedules:tick:${minute.toISOString()}`, runAt: minute, maxAttempts: 1 },
    );
  }

  /** Queues a delivery for every due schedule and moves each on to its next run. */
  async tick(now = new Date()): Promise<number> {
    const due = await this.repo.due(this.db, now);
    for (const s of due) {
      await this.jobs.enqueue(
        DELIVER_JOB,
        { scheduleId: s.id },
        { dedupeKey: `report:${s.id}`, maxAttempts: 1 },
      );
      await this.repo.mark(this.db, s.id, { nextRunAt: nextRunAt(cadenceOf(s), now) });
    }
    return due.length;
  }

  private async pathOfUnit(orgUnitId: string | null) {
    return this.access.orgUnitOrRootPath(orgUnitId);
  }

  private async mayManage(actor: Actor, orgUnitId: string | null): Promise<boolean> {
    return this.access.allows(actor, ['governance.manage'], await this.pathOfUnit(orgUnitId));
  }

  private async requireManage(actor: Actor, orgUnitId: string | null): Promise<void> {
    if (!(await this.mayManage(actor, orgUnitId)))
      throw forbidden('Scheduling reports on this unit needs governance.manage there.');
  }

  private async schedule(actor: Actor, id: string): Promise<ScheduleRow> {
    const row = await this.repo.get(this.db, id);
    if (!row) throw notFound('Report schedule');
    await this.requireManage(actor, row.orgUnitId);
    return row;
  }

  private async dtos(rows: readonly ScheduleRow[]): Promise<ReportSchedule[]> {
    const [units, owners] = await Promise.all([
      this.repo.unitNames(
        this.db,
        rows.flatMap((r) => (r.orgUnitId ? [r.orgUnitId] : [])),
      ),
      this.repo.userNames(
        this.db,
        rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])),
      ),
    ]);
    return rows.map((r) => ({
      ...auditStamp(r),
      name: r.name,
      kind: r.kind,
      format: r.format,
      cadence: r.cadence as ReportSchedule['cadence'],
      dayOfWeek: r.dayOfWeek,
      dayOfMonth: r.dayOfMonth,
      hour: r.hour,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitId ? (units.get(r.orgUnitId) ?? null) : null,
      delivery: r.delivery as ReportSchedule['delivery'],
      recipients: r.recipients,
      ownerId: r.ownerId,
      ownerName: r.ownerId ? (owners.get(r.ownerId) ?? null) : null,
      enabled: r.enabled,
      nextRunAt: r.nextRunAt?.toISOString() ?? null,
      lastRunAt: r.lastRunAt?.toISOString() ?? null,
      lastStatus: (r.lastStatus as ReportSchedule['lastStatus']) ?? null,
      lastError: r.lastError,
    }));
  }

  /** The schedules of the units where the caller holds governance.manage. */
  async list(actor: Actor): Promise<{ items: ReportSchedule[] }> {
    const rows = await this.manageable(actor);
    return { items: await this.dtos(rows) };
  }

  private async manageable(actor: Actor): Promise<ScheduleRow[]> {
    const all = await this.repo.list(this.db);
    const paths = new Map<string, boolean>();
    const out: ScheduleRow[] = [];
    for (const r of all) {
      const key = r.orgUnitId ?? '';
      let ok = paths.get(key);
      if (ok === undefined) {
        ok = await this.mayManage(actor, r.orgUnitId).catch(() => false);
        paths.set(key, ok);
      }
      if (ok) out.push(r);
    }
    return out;
  }

  async get(actor: Actor, id: string): Promise<ReportSchedule> {
    const [dto] = await this.dtos([await this.schedule(actor, id)]);
    return dto as ReportSchedule;
  }

  /** Checks a schedule as a whole (after a patch too): kind, format, cadence days, delivery, recipients. */
  private check(f: Fields): void {
    const kind = this.kinds.get(f.kind);
    if (!kind)
      throw invalid(
        'kind',
        'known',
        `no report kind "${f.kind}"; known: ${
          this.kinds
            .list()
            .map((k) => k.kind)
            .join(', ') || 'none'
        }`,
      );
    if (!kind.formats.includes(f.format))
      throw invalid('format', 'offered', `${kind.title} comes as ${kind.formats.join(', ')}`);
    if (f.cadence === 'weekly' && f.dayOfWeek === null)
      throw invalid('dayOfWeek', 'required', 'a weekly schedule needs a weekday, 1 (Monday) to 7 (Sunday)');
    if (f.cadence === 'monthly' && f.dayOfMonth === null)
      throw invalid('dayOfMonth', 'required', 'a monthly schedule needs a day of the month, 1–28');
    const problem = cadenceProblem(cadenceOf(f));
    if (problem) throw invalid(problem.field, 'range', problem.message);
    if (f.delivery === 'email') {
      if (f.recipients.length === 0)
        throw invalid('recipients', 'required', 'an e-mailed report needs at least one recipient');
      if (!this.mailer.enabled)
        throw invalid(
          'delivery',
          'smtp',
          'SMTP is not configured (BATON_SMTP_URL): choose "save", or ask the operator',
        );
    }
  }

  private nextOf(f: Fields): Date | null {
    return f.enabled ? nextRunAt(cadenceOf(f), new Date()) : null;
  }

  async create(actor: Actor, body: CreateReportScheduleBody): Promise<ReportSchedule> {
    const orgUnitId = body.orgUnitId ?? null;
    await this.requireManage(actor, orgUnitId);
    const fields: Fields = {
      name: body.name,
      kind: body.kind,
      format: body.format,
      cadence: body.cadence,
      dayOfWeek: body.cadence === 'weekly' ? (body.dayOfWeek ?? null) : null,
      dayOfMonth: body.cadence === 'monthly' ? (body.dayOfMonth ?? null) : null,
      hour: body.hour,
      orgUnitId,
      delivery: body.delivery,
      recipients: [...new Set(body.recipients ?? [])],
      enabled: body.enabled ?? true,
    };
    this.check(fields);
    const row = await this.db.transaction(async (tx) => {
      const created = await this.repo.insert(tx, {
        ...fields,
        ownerId: actor.userId,
        nextRunAt: this.nextOf(fields),
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'report_schedule', id: created.id, action: 'create' },
        null,
        snapshotOf(created, FIELDS),
      );
      return created;
    });
    return this.get(actor, row.id);
  }

  async update(actor: Actor, id: string, body: UpdateReportScheduleBody): Promise<ReportSchedule> {
    const before = await this.schedule(actor, id);
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const pick = <K extends keyof Fields>(k: K): Fields[K] =>
      (body[k as keyof UpdateReportScheduleBody] === undefined
        ? before[k]
        : body[k as keyof UpdateReportScheduleBody]) as Fields[K];
    const cadence = pick('cadence') as ReportCadence['cadence'];
    const fields: Fields = {
      name: pick('name'),
      kind: pick('kind'),
      format: pick('format'),
      cadence,
      dayOfWeek: cadence === 'weekly' ? pick('dayOfWeek') : null,
      dayOfMonth: cadence === 'monthly' ? pick('dayOfMonth') : null,
      hour: pick('hour'),
      orgUnitId: pick('orgUnitId') ?? null,
      delivery: pick('delivery'),
      recipients: [...new Set(pick('recipients'))],
      enabled: pick('enabled'),
    };
    // Moving a schedule to another unit needs the right there too.
    if (fields.orgUnitId !== before.orgUnitId) await this.requireManage(actor, fields.orgUnitId);
    this.check(fields);
    await this.db.transaction(async (tx) => {
      const after = await this.repo.update(
        tx,
        id,
        body.version,
        { ...fields, nextRunAt: this.nextOf(fields) },
        actor.userId,
      );
      if (!after) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'report_schedule', id, action: 'update' },
        snapshotOf(before, FIELDS),
        snapshotOf(after, FIELDS),
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string, version: number): Promise<void> {
    const before = await this.schedule(actor, id);
    if (before.version !== version) throw staleVersion(before.version, version);
    await this.db.transaction(async (tx) => {
      if (!(await this.repo.remove(tx, id, version))) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'report_schedule', id, action: 'delete' },
        snapshotOf(before, FIELDS),
        null,
      );
    });
  }

  /** Queues a delivery now, whatever the cadence; follow it at GET /api/v1/jobs/{id}. */
  async runNow(actor: Actor, id: string): Promise<{ jobId: string }> {
    const s = await this.schedule(actor, id);
    if (s.delivery === 'email' && !this.mailer.enabled)
      throw invalid(
        'delivery',
        'smtp',
        'SMTP is not configured (BATON_SMTP_URL): this schedule cannot e-mail',
      );
    const job = await this.jobs.enqueue(
      DELIVER_JOB,
      { scheduleId: id, requestedBy: actor.userId },
      { createdBy: actor.userId, dedupeKey: `report:${id}`, maxAttempts: 1 },
    );
    return { jobId: job.id };
  }

  /** Produces a schedule's report and saves or e-mails it; records the outcome and tells the owner. */
  async deliver(id: string, requestedBy: string | null = null): Promise<Record<string, unknown>> {
    const s = await this.repo.get(this.db, id);
    if (!s) return { skipped: 'the schedule was deleted' };
    const startedAt = new Date();
    await this.repo.mark(this.db, id, { lastRunAt: startedAt, lastStatus: 'running', lastError: null });
    const tell = [s.ownerId, requestedBy];
    try {
      const kind = this.kinds.get(s.kind);
      if (!kind) throw new Error(`The report kind "${s.kind}" is not available on this server`);
      const file = await kind.produce({ format: s.format, orgUnitId: s.orgUnitId });
      let result: Record<string, unknown>;
      if (s.delivery === 'email') {
        if (!this.mailer.enabled) throw new Error('SMTP is not configured');
        await this.mailer.send({
          to: s.recipients,
          subject: `${s.name}: ${file.fileName}`,
          text: `${kind.title}, produced by Baton on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.\n\nThe report is attached (${file.fileName}).\n${this.mailer.link('/reporting/schedules')}\n`,
          attachments: [{ filename: file.fileName, content: file.bytes, contentType: file.contentType }],
        });
        result = { emailed: s.recipients.length, fileName: file.fileName };
      } else {
        const saved = await this.repo.insertFile(this.db, {
          scheduleId: id,
          fileName: file.fileName,
          contentType: file.contentType,
          sizeBytes: file.bytes.byteLength,
          content: Buffer.from(file.bytes),
          createdBy: requestedBy ?? s.ownerId,
        });
        result = { fileId: saved.id, fileName: file.fileName };
      }
      await this.repo.mark(this.db, id, { lastStatus: 'succeeded', lastError: null });
      await this.notifications.notify(tell, {
        kind: 'report.delivered',
        title: `${s.name}: ${s.delivery === 'email' ? `e-mailed to ${s.recipients.length} recipient(s)` : 'saved'}`,
        body: file.fileName,
        link: `/reporting/schedules?schedule=${id}`,
      });
      return result;
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
      await this.repo.mark(this.db, id, { lastStatus: 'failed', lastError: error });
      await this.notifications.notify(tell, {
        kind: 'report.failed',
        title: `${s.name}: the report could not be delivered`,
        body: error,
        link: `/reporting/schedules?schedule=${id}`,
      });
      throw e;
    }
  }

  /** Saved files of the schedules the caller manages (of one schedule when asked). */
  async files(
    actor: Actor,
    q: { scheduleId?: string | undefined; limit: number },
  ): Promise<{ items: ReportFile[] }> {
    const schedules = q.scheduleId
      ? [await this.schedule(actor, q.scheduleId)]
      : await this.manageable(actor);
    const names = new Map(schedules.map((s) => [s.id, s.name]));
    const rows = await this.repo.files(this.db, { scheduleIds: [...names.keys()], limit: q.limit });
    return {
      items: rows.map((r) => ({
        id: r.id,
        scheduleId: r.scheduleId,
        scheduleName: r.scheduleId ? (names.get(r.scheduleId) ?? null) : null,
        fileName: r.fileName,
        contentType: r.contentType,
        sizeBytes: r.sizeBytes,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }

  /** A saved file's bytes, for someone who manages its schedule's unit. */
  async file(actor: Actor, id: string) {
    const f = await this.repo.file(this.db, id);
    if (!f) throw notFound('Report file');
    const s = f.scheduleId ? await this.repo.get(this.db, f.scheduleId) : null;
    // A file whose schedule is gone stays with the organisation's PMO.
    await this.requireManage(actor, s?.orgUnitId ?? null);
    return { bytes: f.content, fileName: f.fileName, mediaType: f.contentType };
  }
}

function cadenceOf(f: Pick<ScheduleRow, 'cadence' | 'dayOfWeek' | 'dayOfMonth' | 'hour'>): ReportCadence {
  return f.cadence === 'weekly'
    ? { cadence: 'weekly', dayOfWeek: f.dayOfWeek ?? 0, hour: f.hour }
    : { cadence: 'monthly', dayOfMonth: f.dayOfMonth ?? 0, hour: f.hour };
}
