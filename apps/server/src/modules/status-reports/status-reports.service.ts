import type { StatusReport } from '@baton/contracts';
import {
  dueDateOf,
  isEditable,
  isReportOverdue,
  lastDuePeriod,
  periodBounds,
  type RagValue,
  ragMismatches,
  type ScopePath,
  type StatusReportStatus,
  statusReportMoves,
  submitProblems,
} from '@baton/core';
import type { Database } from '@baton/db';
import { conflict, invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import { type AccessService, type Actor, coversProject } from '../access/access.service.ts';
import type { GovernanceRepository } from '../governance/governance.repository.ts';
import type { PolicyService } from '../governance/policy.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { RaidRepository } from '../raid/raid.repository.ts';
import { today } from '../resources/resources.service.ts';
import { auditStamp, definedOnly, recordChange, snapshotOf } from '../shared/record-change.ts';
import type { StatusReportRow, StatusReportsRepository } from './status-reports.repository.ts';

/** The day a report's figures are taken at: today, or the period's last day once it is over. */
function figuresDate(period: string, day: string): string {
  const { end } = periodBounds(period);
  return [day, end].sort()[0] as string;
}

const EXECUTING = new Set(['active', 'on_hold']);
const NARRATIVE = [
  'summary',
  'accomplishments',
  'nextSteps',
  'decisionsNeeded',
  'reported',
  'status',
] as const;

/** Baton's computed health of a project and the figures behind it, as of a date. */
export type HealthSource = (
  projectId: string,
  asOf: string,
) => Promise<{
  computed: Record<string, unknown> & { overall: RagValue };
  figures: Record<string, unknown>;
} | null>;

/** Something that happened to a report, for notifications (wired after construction). */
export type StatusReportEvent = {
  type: 'submitted' | 'accepted' | 'returned' | 'commented';
  reportId: string;
  projectId: string;
  period: string;
  actorId: string | null;
  comment?: string | undefined;
};
export type StatusReportNotifier = (event: StatusReportEvent) => Promise<void>;

type ProjectRow = Awaited<ReturnType<GovernanceRepository['projectsForCompliance']>>[number];

/** Whether a project owes a report for a period: executing, and started by the period's end. */
export function owesReport(p: Pick<ProjectRow, 'status' | 'plannedStart'>, period: string): boolean {
  return EXECUTING.has(p.status) && (p.plannedStart === null || p.plannedStart <= periodBounds(period).end);
}

/**
 * Monthly status reports: the project manager (project.update) writes and submits; Baton pre-fills
 * its figures and computed health, live while a draft and frozen at submission; the PMO
 * (governance.manage) accepts or returns with a comment.
 */
export class StatusReportsService {
  constructor(
    private readonly db: Database,
    private readonly repo: StatusReportsRepository,
    private readonly governanceRepo: GovernanceRepository,
    private readonly raidRepo: RaidRepository,
    private readonly policies: PolicyService,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  private health?: HealthSource;

  /** Wired after construction: health reads schedules, costs, risks and issues. */
  connectHealth(source: HealthSource): void {
    this.health = source;
  }

  private notifier?: StatusReportNotifier;

  /** Wired after construction: tells the PMO and the project manager what happened. */
  connectNotifier(fn: StatusReportNotifier): void {
    this.notifier = fn;
  }

  /** A notification failing never undoes the change it reports. */
  private async tell(event: StatusReportEvent): Promise<void> {
    await this.notifier?.(event).catch(() => undefined);
  }

  async pathOf(id: string): Promise<ScopePath> {
    const r = await this.repo.get(this.db, id);
    if (!r) throw notFound('Status report');
    return this.access.projectPath(r.projectId);
  }

  private async projects(): Promise<Map<string, ProjectRow>> {
    return new Map((await this.governanceRepo.projectsForCompliance(this.db)).map((p) => [p.id, p]));
  }

  private async dtos(rows: readonly StatusReportRow[]): Promise<StatusReport[]> {
    const [projects, names, counts] = await Promise.all([
      this.projects(),
      this.raidRepo.userNames(this.db, [...rows.map((r) => r.submittedBy), ...rows.map((r) => r.reviewedBy)]),
      this.repo.commentCounts(
        this.db,
        rows.map((r) => r.id),
      ),
    ]);
    const day = today();
    return Promise.all(
      rows.map(async (r) => {
        const p = projects.get(r.projectId);
        const status = r.status as StatusReportStatus;
        // While it can change, the health is live; once submitted it is what the PMO was shown.
        let computed = r.computed;
        let figures = r.figures;
        if (isEditable(status) && this.health) {
          const live = await this.health(r.projectId, figuresDate(r.period, day));
          computed = live?.computed ?? null;
          figures = live?.figures ?? null;
        }
        const reported = r.reported as Partial<Record<string, RagValue>>;
        const computedRags = computed ? ragsOf(computed) : {};
        return {
          ...auditStamp(r),
          projectId: r.projectId,
          projectCode: p?.code ?? '',
          projectName: p?.name ?? '',
          period: r.period,
          dueDate: r.dueDate,
          overdue: isReportOverdue(status, r.dueDate, day),
          status,
          summary: r.summary,
          accomplishments: r.accomplishments,
          nextSteps: r.nextSteps,
          decisionsNeeded: r.decisionsNeeded,
          reported,
          computed: (computed as StatusReport['computed']) ?? null,
          figures: figures ?? null,
          mismatches: ragMismatches(reported, computedRags),
          submittedAt: r.submittedAt?.toISOString() ?? null,
          submittedByName: r.submittedBy ? (names.get(r.submittedBy) ?? null) : null,
          reviewedAt: r.reviewedAt?.toISOString() ?? null,
          reviewedByName: r.reviewedBy ? (names.get(r.reviewedBy) ?? null) : null,
          moves: statusReportMoves(status),
          commentCount: counts.get(r.id) ?? 0,
        } as StatusReport;
      }),
    );
  }

  async list(
    actor: Actor,
    q: {
      projectId?: string | undefined;
      period?: string | undefined;
      status?: string | undefined;
      mismatch?: 'true' | 'false' | undefined;
    },
  ) {
    const v = await this.access.visibility(actor, 'project.read');
    const projects = await this.projects();
    const visible = [...projects.values()]
      .filter((p) => coversProject(v, p) && (!q.projectId || p.id === q.projectId))
      .map((p) => p.id);
    const statuses = q.status?.split(',');
    const rows = (
      await this.repo.list(this.db, { projectIds: visible, ...(q.period ? { period: q.period } : {}) })
    ).filter((r) => !statuses || statuses.includes(r.status));
    let items = await this.dtos(rows);
    if (q.mismatch) items = items.filter((i) => i.mismatches.length > 0 === (q.mismatch === 'true'));
    return { items, total: items.length };
  }

  async get(id: string) {
    const r = await this.repo.get(this.db, id);
    if (!r) throw notFound('Status report');
    const [dto] = await this.dtos([r]);
    const comments = await this.repo.comments(this.db, [id]);
    const names = await this.raidRepo.userNames(
      this.db,
      comments.map((c) => c.authorId),
    );
    return {
      ...(dto as StatusReport),
      comments: comments.map((c) => ({
        id: c.id,
        authorName: c.authorId ? (names.get(c.authorId) ?? null) : null,
        body: c.body,
        decision: (c.decision as 'accepted' | 'returned' | null) ?? null,
        createdAt: c.createdAt.toISOString(),
      })),
    };
  }

  async create(actor: Actor, body: { projectId: string; period: string }) {
    const p = (await this.projects()).get(body.projectId);
    if (!p) throw invalid('projectId', 'exists', 'no such project');
    if (p.status === 'cancelled' || p.status === 'completed' || p.status === 'proposed')
      throw invalid('projectId', 'executing', `a ${p.status} project does not report status`);
    if (body.period > today().slice(0, 7))
      throw invalid('period', 'not-future', 'a report covers the current month or one before it');
    if (await this.repo.of(this.db, body.projectId, body.period))
      throw conflict(`${p.code} already has a status report for ${body.period}`, [
        { field: 'period', rule: 'unique', message: 'one report per project and month' },
      ]);
    const dueDays = (await this.policies.forProject(body.projectId)).statusReportDueDays;
    const row = await this.db.transaction(async (tx) => {
      const created = await this.repo.insert(tx, {
        projectId: body.projectId,
        period: body.period,
        dueDate: dueDateOf(body.period, dueDays),
        status: 'draft',
        reported: {},
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'status_report', id: created.id, action: 'create' },
        null,
        { projectId: body.projectId, period: body.period, dueDate: created.dueDate },
      );
      return created;
    });
    return this.get(row.id);
  }

  private async current(id: string, version: number) {
    const r = await this.repo.get(this.db, id);
    if (!r) throw notFound('Status report');
    if (r.version !== version) throw staleVersion(r.version, version);
    return r;
  }

  async update(
    actor: Actor,
    id: string,
    body: {
      version: number;
      summary?: string | null | undefined;
      accomplishments?: string | null | undefined;
      nextSteps?: string | null | undefined;
      decisionsNeeded?: string | null | undefined;
      reported?: Partial<Record<string, RagValue | undefined>> | undefined;
    },
  ) {
    const before = await this.current(id, body.version);
    if (!isEditable(before.status as StatusReportStatus))
      throw conflict(`The report is ${before.status}: it changes only while a draft or returned`);
    const { version, reported, ...rest } = body;
    const patch: Partial<StatusReportRow> = definedOnly(rest);
    if (reported) patch.reported = definedOnly(reported) as Record<string, string>;
    await this.db.transaction(async (tx) => {
      const after = await this.repo.update(tx, id, version, patch, actor.userId);
      if (!after) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'status_report', id, action: 'update' },
        snapshotOf(before, NARRATIVE),
        snapshotOf(after, NARRATIVE),
      );
    });
    return this.get(id);
  }

  /** Submits: refused while the summary or a reported RAG is missing; freezes the computed health. */
  async submit(actor: Actor, id: string, body: { version: number }) {
    const before = await this.current(id, body.version);
    if (!statusReportMoves(before.status as StatusReportStatus).includes('submitted'))
      throw conflict(`The report is ${before.status}: it cannot be submitted`);
    const problems = submitProblems({
      summary: before.summary,
      reported: before.reported as Partial<Record<string, RagValue>>,
    });
    if (problems.length)
      throw new ProblemError(
        422,
        'validation',
        `The report is not complete: ${problems.map((p) => p.message).join('; ')}`,
        problems.map((p) => ({ ...p, rule: 'required' })),
      );
    const live = this.health
      ? await this.health(before.projectId, figuresDate(before.period, today()))
      : null;
    await this.db.transaction(async (tx) => {
      const after = await this.repo.update(
        tx,
        id,
        body.version,
        {
          status: 'submitted',
          submittedAt: new Date(),
          submittedBy: actor.userId,
          computed: live?.computed ?? null,
          figures: live?.figures ?? null,
        },
        actor.userId,
      );
      if (!after) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'status_report', id, action: 'submit' },
        { status: before.status },
        {
          status: 'submitted',
          reportedOverall: (before.reported as Record<string, string>).overall ?? null,
          computedOverall: live?.computed.overall ?? null,
        },
      );
    });
    await this.tell({
      type: 'submitted',
      reportId: id,
      projectId: before.projectId,
      period: before.period,
      actorId: actor.userId,
    });
    return this.get(id);
  }

  /** The PMO accepts a submitted report, or returns it to the project manager with a comment. */
  async review(
    actor: Actor,
    id: string,
    body: { version: number; decision: 'accept' | 'return'; comment?: string | undefined },
  ) {
    const before = await this.current(id, body.version);
    if (before.status !== 'submitted')
      throw conflict(`The report is ${before.status}: only a submitted one is reviewed`);
    if (body.decision === 'return' && !body.comment?.trim())
      throw invalid('comment', 'required', 'say what the project manager should change');
    const to = body.decision === 'accept' ? 'reviewed' : 'returned';
    await this.db.transaction(async (tx) => {
      const after = await this.repo.update(
        tx,
        id,
        body.version,
        { status: to, reviewedAt: new Date(), reviewedBy: actor.userId },
        actor.userId,
      );
      if (!after) throw staleVersion(before.version + 1, body.version);
      if (body.comment?.trim())
        await this.repo.addComment(tx, {
          reportId: id,
          authorId: actor.userId,
          body: body.comment.trim(),
          decision: body.decision === 'accept' ? 'accepted' : 'returned',
        });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'status_report', id, action: body.decision === 'accept' ? 'accept' : 'return' },
        { status: before.status },
        { status: to, comment: body.comment?.trim() || null },
      );
    });
    await this.tell({
      type: body.decision === 'accept' ? 'accepted' : 'returned',
      reportId: id,
      projectId: before.projectId,
      period: before.period,
      actorId: actor.userId,
      comment: body.comment?.trim() || undefined,
    });
    return this.get(id);
  }

  async comment(actor: Actor, id: string, body: { body: string }) {
    const r = await this.repo.get(this.db, id);
    if (!r) throw notFound('Status report');
    await this.repo.addComment(this.db, { reportId: id, authorId: actor.userId, body: body.body });
    await this.tell({
      type: 'commented',
      reportId: id,
      projectId: r.projectId,
      period: r.period,
      actorId: actor.userId,
      comment: body.body,
    });
    return this.get(id);
  }

  /** Every executing project the user sees, with its report for the period (missing or not). */
  async overview(actor: Actor, q: { period?: string | undefined; orgUnitId?: string | undefined }) {
    const v = await this.access.visibility(actor, 'project.read');
    const scope = q.orgUnitId ? new Set(await this.access.subtree(q.orgUnitId)) : null;
    const day = today();
    // The period and due date the overview heads with: the policy in force at the unit looked at.
    const dueDays = (await this.policies.valuesAt(q.orgUnitId)).statusReportDueDays;
    const period = q.period ?? lastDuePeriod(day, dueDays);
    const projects = [...(await this.projects()).values()].filter(
      (p) => coversProject(v, p) && (!scope || scope.has(p.orgUnitId)) && owesReport(p, period),
    );
    const policy = await this.policies.forProjects();
    const reports = new Map(
      (await this.repo.list(this.db, { projectIds: projects.map((p) => p.id), period })).map((r) => [
        r.projectId,
        r,
      ]),
    );
    const dtos = new Map((await this.dtos([...reports.values()])).map((d) => [d.projectId, d]));
    const managers = await this.raidRepo.userNames(
      this.db,
      projects.map((p) => p.managerId),
    );
    const rows = projects
      .map((p) => {
        const d = dtos.get(p.id);
        const dueDate = d?.dueDate ?? dueDateOf(period, policy.get(p.id)?.statusReportDueDays ?? dueDays);
        const status = d?.status ?? 'missing';
        return {
          projectId: p.id,
          code: p.code,
          name: p.name,
          managerName: p.managerId ? (managers.get(p.managerId) ?? null) : null,
          reportId: d?.id ?? null,
          status,
          overdue: isReportOverdue(status, dueDate, day),
          reportedOverall: (d?.reported.overall as RagValue | undefined) ?? null,
          computedOverall: (d?.computed?.overall as RagValue | undefined) ?? null,
          mismatch: (d?.mismatches.length ?? 0) > 0,
        };
      })
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.code.localeCompare(b.code));
    return {
      period,
      dueDate: dueDateOf(period, dueDays),
      rows,
      counts: {
        expected: rows.length,
        submitted: rows.filter((r) => r.status === 'submitted' || r.status === 'reviewed').length,
        overdue: rows.filter((r) => r.overdue).length,
        mismatched: rows.filter((r) => r.mismatch).length,
      },
    };
  }

  /** For compliance: per project, the report for the newest period due under its policy. */
  async dueReports(): Promise<Map<string, { period: string; submitted: boolean } | null>> {
    const [projects, policy] = await Promise.all([this.projects(), this.policies.forProjects()]);
    const day = today();
    const byPeriod = new Map<string, Set<string>>();
    const out = new Map<string, { period: string; submitted: boolean } | null>();
    for (const p of projects.values()) {
      const period = lastDuePeriod(day, policy.get(p.id)?.statusReportDueDays ?? 5);
      if (!owesReport(p, period)) {
        out.set(p.id, null);
        continue;
      }
      let submitted = byPeriod.get(period);
      if (!submitted) {
        submitted = await this.repo.submittedFor(this.db, period);
        byPeriod.set(period, submitted);
      }
      out.set(p.id, { period, submitted: submitted.has(p.id) });
    }
    return out;
  }
}

/** The RAG per dimension (and overall) of a computed health. */
function ragsOf(computed: Record<string, unknown>): Partial<Record<string, RagValue>> {
  const out: Partial<Record<string, RagValue>> = { overall: computed.overall as RagValue };
  const dims = (computed.dimensions ?? {}) as Record<string, { rag: RagValue }>;
  for (const [k, v] of Object.entries(dims)) out[k] = v.rag;
  return out;
}
