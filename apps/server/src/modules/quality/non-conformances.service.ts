import type { NonConformance } from '@baton/contracts';
import {
  checkNcTransition,
  type NonConformanceSeverity,
  type NonConformanceStatus,
  type ScopePath,
} from '@baton/core';
import type { Database } from '@baton/db';
import { invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { RaidRepository } from '../raid/raid.repository.ts';
import { today } from '../resources/resources.service.ts';
import { auditStamp, definedOnly, recordChange } from '../shared/record-change.ts';
import type { NonConformanceRow, QualityRepository } from './quality.repository.ts';

const SNAPSHOT = [
  'deliverableId',
  'title',
  'description',
  'severity',
  'ownerId',
  'dueDate',
  'correctiveAction',
  'status',
] as const;
const snapshot = (r: NonConformanceRow) => Object.fromEntries(SNAPSHOT.map((k) => [k, r[k]]));

/** Non-conformances of a project, each worked open → in progress → closed by its corrective action. */
export class NonConformancesService {
  constructor(
    private readonly db: Database,
    private readonly repo: QualityRepository,
    private readonly raidRepo: RaidRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  private async row(id: string): Promise<NonConformanceRow> {
    const row = await this.repo.nonConformance(this.db, id);
    if (!row) throw notFound('Non-conformance');
    return row;
  }

  async pathOf(id: string): Promise<ScopePath> {
    return this.access.projectPath((await this.row(id)).projectId);
  }

  private async dtos(rows: readonly NonConformanceRow[]): Promise<NonConformance[]> {
    const [projects, names, deliverables] = await Promise.all([
      this.raidRepo.projectsByIds(this.db, [...new Set(rows.map((r) => r.projectId))]),
      this.raidRepo.userNames(
        this.db,
        rows.flatMap((r) => [r.ownerId, r.closedBy]),
      ),
      this.repo.deliverableRefs(
        this.db,
        rows.map((r) => r.deliverableId),
      ),
    ]);
    const byId = new Map(projects.map((p) => [p.id, p]));
    const now = today();
    return rows.map((r) => {
      const p = byId.get(r.projectId);
      const d = r.deliverableId ? deliverables.get(r.deliverableId) : undefined;
      return {
        ...auditStamp(r),
        code: r.code,
        projectId: r.projectId,
        projectCode: p?.code ?? '',
        projectName: p?.name ?? '',
        deliverableId: r.deliverableId,
        deliverableCode: d?.code ?? null,
        deliverableName: d?.name ?? null,
        title: r.title,
        description: r.description,
        severity: r.severity as NonConformanceSeverity,
        ownerId: r.ownerId,
        ownerName: r.ownerId ? (names.get(r.ownerId) ?? null) : null,
        dueDate: r.dueDate,
        overdue: r.dueDate !== null && r.dueDate < now && r.status !== 'closed',
        correctiveAction: r.correctiveAction,
        status: r.status as NonConformanceStatus,
        closedAt: r.closedAt?.toISOString() ?? null,
        closedByName: r.closedBy ? (names.get(r.closedBy) ?? null) : null,
      };
    });
  }

  async list(
    actor: Actor,
    q: { projectId?: string | undefined; deliverableId?: string | undefined; status?: string | undefined },
  ): Promise<{ items: NonConformance[]; total: number }> {
    const v = await this.access.visibility(actor, 'project.read');
    const rows = await this.repo.nonConformances(this.db, v, {
      projectId: q.projectId,
      deliverableId: q.deliverableId,
      statuses: q.status?.split(','),
    });
    const items = await this.dtos(rows);
    return { items, total: items.length };
  }

  private async checkRefs(
    projectId: string,
    body: { ownerId?: string | null | undefined; deliverableId?: string | null | undefined },
  ): Promise<void> {
    if (body.ownerId && !(await this.raidRepo.userExists(this.db, body.ownerId)))
      throw invalid('ownerId', 'exists', 'no such user');
    if (body.deliverableId) {
      const d = await this.repo.deliverable(this.db, body.deliverableId);
      if (!d) throw invalid('deliverableId', 'exists', 'no such deliverable');
      if (d.projectId !== projectId)
        throw invalid('deliverableId', 'same_project', 'the deliverable belongs to another project');
    }
  }

  async create(
    actor: Actor,
    body: {
      projectId: string;
      deliverableId?: string | null | undefined;
      title: string;
      description?: string | null | undefined;
      severity: NonConformanceSeverity;
      ownerId?: string | null | undefined;
      dueDate?: string | null | undefined;
      correctiveAction?: string | null | undefined;
    },
  ): Promise<NonConformance> {
    const [p] = await this.raidRepo.projectsByIds(this.db, [body.projectId]);
    if (!p) throw invalid('projectId', 'exists', 'no such project');
    await this.checkRefs(body.projectId, body);
    const row = await this.db.transaction(async (tx) => {
      const code = `NC-${String(await this.projectsRepo.nextSequence(tx, 'non-conformance')).padStart(4, '0')}`;
      const r = await this.repo.insertNonConformance(tx, {
        code,
        projectId: body.projectId,
        deliverableId: body.deliverableId ?? null,
        title: body.title,
        description: body.description ?? null,
        severity: body.severity,
        ownerId: body.ownerId ?? null,
        dueDate: body.dueDate ?? null,
        correctiveAction: body.correctiveAction?.trim() || null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'non_conformance', id: r.id, action: 'create' },
        null,
        snapshot(r),
      );
      return r;
    });
    return (await this.dtos([row]))[0] as NonConformance;
  }

  private async save(
    actor: Actor,
    before: NonConformanceRow,
    version: number,
    values: Parameters<QualityRepository['updateNonConformance']>[3],
    action: string,
  ): Promise<NonConformance> {
    const after = await this.db.transaction(async (tx) => {
      const r = await this.repo.updateNonConformance(tx, before.id, version, values, actor.userId);
      if (!r) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'non_conformance', id: before.id, action },
        snapshot(before),
        snapshot(r),
      );
      return r;
    });
    return (await this.dtos([after]))[0] as NonConformance;
  }

  async update(
    actor: Actor,
    id: string,
    body: {
      version: number;
      deliverableId?: string | null | undefined;
      title?: string | undefined;
      description?: string | null | undefined;
      severity?: NonConformanceSeverity | undefined;
      ownerId?: string | null | undefined;
      dueDate?: string | null | undefined;
      correctiveAction?: string | null | undefined;
    },
  ): Promise<NonConformance> {
    const before = await this.row(id);
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    if (before.status === 'closed')
      throw new ProblemError(422, 'closed', `${before.code} is closed: it no longer changes.`, [
        { field: 'status', rule: 'not-closed', message: 'a closed non-conformance no longer changes' },
      ]);
    await this.checkRefs(before.projectId, body);
    const { version, correctiveAction, ...rest } = body;
    return this.save(
      actor,
      before,
      version,
      {
        ...definedOnly(rest),
        ...(correctiveAction !== undefined ? { correctiveAction: correctiveAction?.trim() || null } : {}),
      },
      'update',
    );
  }

  /** Moves it along open → in progress → closed; closing needs a corrective action (given now or before). */
  async transition(
    actor: Actor,
    id: string,
    body: { version: number; to: NonConformanceStatus; correctiveAction?: string | null | undefined },
  ): Promise<NonConformance> {
    const before = await this.row(id);
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const action =
      body.correctiveAction === undefined ? before.correctiveAction : body.correctiveAction?.trim() || null;
    const check = checkNcTransition(before.status as NonConformanceStatus, body.to, action);
    if (!check.ok)
      throw check.rule === 'corrective-action'
        ? invalid('correctiveAction', 'required', check.message)
        : new ProblemError(422, 'illegal-transition', check.message, [
            { field: 'to', rule: 'transition', message: check.message },
          ]);
    return this.save(
      actor,
      before,
      body.version,
      {
        status: body.to,
        correctiveAction: action,
        ...(body.to === 'closed' ? { closedAt: new Date(), closedBy: actor.userId } : {}),
      },
      'transition',
    );
  }
}
