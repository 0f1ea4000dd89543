import type { ChangeRequest } from '@baton/contracts';
import type { ScopePath } from '@baton/core';
import { type ChangeLevel, type ChangeThresholds, changeLevel, mayDecide, routingReason } from '@baton/core';
import type { Database } from '@baton/db';
import { forbidden, invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import { type AccessService, type Actor, coversProject } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { ScheduleService } from '../schedule/schedule.service.ts';
import type { ScheduleAnalysisService } from '../schedule/schedule-analysis.service.ts';
import { recordChange } from '../shared/record-change.ts';
import type { ChangeRequestRow, ProjectRef, RaidRepository, RaidSettingsRow } from './raid.repository.ts';

const DAY = 86_400_000;

/** Digits of a currency's minor unit (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function thresholdsOf(s: RaidSettingsRow): ChangeThresholds {
  return { projectManagerCostLimit: s.pmCostLimit, projectManagerDaysLimit: s.pmDaysLimit };
}

/** Runs inside the transaction that approves a change, with the approved row. */
type ApprovalHook = (tx: Database, actor: Actor, change: ChangeRequestRow) => Promise<void>;

const SNAPSHOT = ['title', 'costImpact', 'scheduleImpactDays', 'status', 'level', 'decisionReason'] as const;
const pick = (row: ChangeRequestRow) => Object.fromEntries(SNAPSHOT.map((k) => [k, row[k]]));

/**
 * Change control: requests with their impact on scope, schedule, cost and benefits, routed by the
 * PMO's thresholds to the project manager or the change board; approving one re-baselines the
 * project's budget and schedule in the same recorded step.
 */
export class ChangesService {
  constructor(
    private readonly db: Database,
    private readonly repo: RaidRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly schedule: ScheduleService,
    private readonly analysis: ScheduleAnalysisService,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  private onApproved: ApprovalHook | null = null;

  /** Lets another module act on an approval inside its transaction (configuration management). */
  connect(hooks: { onApproved: ApprovalHook }): void {
    this.onApproved = hooks.onApproved;
  }

  async thresholds() {
    const s = await this.repo.settings(this.db);
    return {
      version: s.version,
      projectManagerCostLimit: s.pmCostLimit,
      projectManagerDaysLimit: s.pmDaysLimit,
      updatedAt: s.updatedAt.toISOString(),
    };
  }

  async updateThresholds(
    actor: Actor,
    body: {
      version: number;
      projectManagerCostLimit?: number | undefined;
      projectManagerDaysLimit?: number | undefined;
    },
  ) {
    const before = await this.repo.settings(this.db);
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    await this.db.transaction(async (tx) => {
      const after = await this.repo.updateSettings(
        tx,
        body.version,
        {
          ...(body.projectManagerCostLimit !== undefined
            ? { pmCostLimit: body.projectManagerCostLimit }
            : {}),
          ...(body.projectManagerDaysLimit !== undefined
            ? { pmDaysLimit: body.projectManagerDaysLimit }
            : {}),
        },
        actor.userId,
      );
      if (!after) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'change_thresholds', id: '00000000-0000-0000-0000-000000000001', action: 'update' },
        thresholdsOf(before),
        thresholdsOf(after),
      );
    });
    return this.thresholds();
  }

  async pathOf(id: string): Promise<ScopePath> {
    const row = await this.repo.change(this.db, id);
    if (!row) throw notFound('Change request');
    return this.access.projectPath(row.projectId);
  }

  /** The authority the actor holds on a project: the board's, the project manager's, or none. */
  private authorityOn(actor: Actor, path: ScopePath): ChangeLevel | null {
    if (this.access.allows(actor, ['change.approve'], path)) return 'change_board';
    if (this.access.allows(actor, ['project.update'], path)) return 'project_manager';
    return null;
  }

  private async dtos(actor: Actor, rows: readonly ChangeRequestRow[]): Promise<ChangeRequest[]> {
    const settings = await this.repo.settings(this.db);
    const [projects, names] = await Promise.all([
      this.repo.projectsByIds(this.db, [...new Set(rows.map((r) => r.projectId))]),
      this.repo.userNames(
        this.db,
        rows.flatMap((r) => [r.requestedBy, r.decidedBy]),
      ),
    ]);
    const byId = new Map(projects.map((p) => [p.id, p]));
    const authority = new Map<string, ChangeLevel | null>();
    for (const p of projects)
      authority.set(p.id, this.authorityOn(actor, await this.access.projectPath(p.id)));
    return rows.map((r) => {
      const p = byId.get(r.projectId);
      const level = r.level as ChangeLevel;
      return {
        id: r.id,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        code: r.code,
        projectId: r.projectId,
        projectCode: p?.code ?? '',
        projectName: p?.name ?? '',
        title: r.title,
        description: r.description,
        scopeImpact: r.scopeImpact,
        costImpact: r.costImpact,
        scheduleImpactDays: r.scheduleImpactDays,
        benefitsImpact: r.benefitsImpact,
        currency: p?.currency ?? 'EUR',
        status: r.status as ChangeRequest['status'],
        level,
        routing: routingReason(r, thresholdsOf(settings)),
        requestedById: r.requestedBy,
        requestedByName: r.requestedBy ? (names.get(r.requestedBy) ?? null) : null,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? null) : null,
        decisionReason: r.decisionReason,
        rebaseline: (r.rebaseline as ChangeRequest['rebaseline']) ?? null,
        mayDecide: r.status === 'submitted' && mayDecide(authority.get(r.projectId) ?? null, level),
      };
    });
  }

  async list(
    actor: Actor,
    q: { projectId?: string | undefined; status?: string | undefined; level?: ChangeLevel | undefined },
  ): Promise<{ items: ChangeRequest[]; total: number }> {
    const rows = await this.repo.changes(this.db, {
      projectId: q.projectId,
      statuses: q.status?.split(','),
      level: q.level,
    });
    const projects = new Map(
      (await this.repo.projectsByIds(this.db, [...new Set(rows.map((r) => r.projectId))])).map((p) => [
        p.id,
        p,
      ]),
    );
    const v = await this.access.visibility(actor, 'project.read');
    const kept = rows.filter((r) => {
      const p = projects.get(r.projectId);
      return p !== undefined && coversProject(v, p);
    });
    const items = await this.dtos(actor, kept);
    return { items, total: items.length };
  }

  async get(actor: Actor, id: string): Promise<ChangeRequest> {
    const row = await this.repo.change(this.db, id);
    if (!row) throw notFound('Change request');
    return (await this.dtos(actor, [row]))[0] as ChangeRequest;
  }

  async create(
    actor: Actor,
    body: {
      projectId: string;
      title: string;
      description?: string | null | undefined;
      scopeImpact?: string | null | undefined;
      costImpact: number;
      scheduleImpactDays: number;
      benefitsImpact?: string | null | undefined;
    },
  ): Promise<ChangeRequest> {
    const [project] = await this.repo.projectsByIds(this.db, [body.projectId]);
    if (!project) throw invalid('projectId', 'exists', 'no such project');
    if (project.status === 'completed' || project.status === 'cancelled')
      throw new ProblemError(
        422,
        'project-closed',
        `${project.code} is ${project.status}: it takes no more changes.`,
      );
    const settings = await this.repo.settings(this.db);
    const level = changeLevel(body, thresholdsOf(settings));
    const row = await this.db.transaction(async (tx) => {
      const code = `CR-${String(await this.projectsRepo.nextSequence(tx, 'change')).padStart(3, '0')}`;
      const r = await this.repo.insertChange(tx, {
        code,
        projectId: body.projectId,
        title: body.title,
        description: body.description ?? null,
        scopeImpact: body.scopeImpact ?? null,
        costImpact: body.costImpact,
        scheduleImpactDays: body.scheduleImpactDays,
        benefitsImpact: body.benefitsImpact ?? null,
        status: 'submitted',
        level,
        requestedBy: actor.userId,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'change_request', id: r.id, action: 'create' },
        null,
        pick(r),
      );
      return r;
    });
    return (await this.dtos(actor, [row]))[0] as ChangeRequest;
  }

  /**
   * Approves or rejects. The decider needs the authority of the change's level (403 otherwise).
   * Approving adds the cost impact to the budget, moves the planned finish by the schedule impact,
   * and saves the current plan as a new schedule baseline — with the decision, in one transaction.
   */
  async decide(
    actor: Actor,
    id: string,
    body: { decision: 'approve' | 'reject'; reason: string },
  ): Promise<ChangeRequest> {
    const before = await this.repo.change(this.db, id);
    if (!before) throw notFound('Change request');
    const path = await this.access.projectPath(before.projectId);
    const level = before.level as ChangeLevel;
    if (!mayDecide(this.authorityOn(actor, path), level))
      throw forbidden(
        level === 'change_board'
          ? `${before.code} exceeds the project manager’s limits: the change board decides it.`
          : 'You may not decide changes on this project.',
      );
    if (before.status !== 'submitted')
      throw new ProblemError(
        422,
        'already-decided',
        `${before.code} is ${before.status}: it was decided already.`,
      );
    const [project] = (await this.repo.projectsByIds(this.db, [before.projectId])) as [ProjectRef?];
    if (!project) throw notFound('Project');
    // Read outside the transaction (PGlite: never through the root handle inside one).
    const baselines = body.decision === 'approve' ? await this.analysis.listBaselines(project.id) : [];
    const hasPlan =
      body.decision === 'approve'
        ? (await this.schedule.repo.tasksOf(this.db, [project.id])).length > 0
        : false;
    const after = await this.db.transaction(async (tx) => {
      let rebaseline: ChangeRequest['rebaseline'] = null;
      if (body.decision === 'approve') {
        const delta = Math.round(before.costImpact * 10 ** minorDigits(project.currency));
        const budgetAfter =
          project.budgetMinor === null && delta === 0 ? null : (project.budgetMinor ?? 0) + delta;
        const finishAfter =
          project.plannedFinish === null ? null : addDays(project.plannedFinish, before.scheduleImpactDays);
        const current = await this.projectsRepo.getForUpdate(tx, project.id);
        if (!current) throw notFound('Project');
        const updated = await this.projectsRepo.update(
          tx,
          project.id,
          current.version,
          { budgetMinor: budgetAfter, plannedFinish: finishAfter },
          actor.userId,
        );
        if (!updated) throw staleVersion(current.version + 1, current.version);
        let baselineNumber: number | null = null;
        if (hasPlan) {
          baselineNumber =
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].find((n) => !baselines.some((b) => b.number === n)) ?? 10;
          await this.schedule.repo.saveBaseline(
            tx,
            project.id,
            baselineNumber,
            `After ${before.code}`,
            actor.userId,
          );
        }
        rebaseline = {
          budgetBeforeMinor: project.budgetMinor,
          budgetAfterMinor: budgetAfter,
          finishBefore: project.plannedFinish,
          finishAfter,
          baselineNumber,
        };
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'project', id: project.id, action: 'rebaseline' },
          { budgetMinor: project.budgetMinor, plannedFinish: project.plannedFinish },
          {
            budgetMinor: budgetAfter,
            plannedFinish: finishAfter,
            baseline: baselineNumber,
            change: before.code,
          },
        );
      }
      const r = await this.repo.updateChange(
        tx,
        id,
        before.version,
        {
          status: body.decision === 'approve' ? 'approved' : 'rejected',
          decidedAt: new Date(),
          decidedBy: actor.userId,
          decisionReason: body.reason,
          rebaseline: rebaseline as Record<string, unknown> | null,
        },
        actor.userId,
      );
      if (!r)
        throw new ProblemError(409, 'conflict', `${before.code} changed meanwhile: reload and decide again.`);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'change_request', id, action: body.decision },
        pick(before),
        pick(r),
      );
      if (body.decision === 'approve' && this.onApproved) await this.onApproved(tx, actor, r);
      return r;
    });
    return (await this.dtos(actor, [after]))[0] as ChangeRequest;
  }
}
