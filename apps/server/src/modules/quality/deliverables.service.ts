import type { Deliverable, DeliverableDetail, DeliverableReview, ProjectLifecycle } from '@baton/contracts';
import {
  type AcceptanceBlocker,
  type AcceptanceCriterion,
  acceptanceBlockers,
  canMoveDeliverable,
  checkCriteria,
  type DeliverableStatus,
  mostSpecificStandard,
  type ReviewOutcome,
  type ReviewRecord,
  type ScopePath,
  statusAfterReview,
} from '@baton/core';
import type { Database } from '@baton/db';
import { invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { GovernanceService } from '../governance/governance.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { ProjectRef, RaidRepository } from '../raid/raid.repository.ts';
import { today } from '../resources/resources.service.ts';
import { auditStamp, definedOnly, recordChange } from '../shared/record-change.ts';
import type { DeliverableRow, QualityRepository, ReviewRow } from './quality.repository.ts';
import type { QualityStandardsService } from './standards.service.ts';

type CriterionInput = { key?: string | undefined; text: string; met?: boolean | undefined };

const SNAPSHOT = [
  'name',
  'deliverableType',
  'description',
  'dueDate',
  'ownerId',
  'standardId',
  'status',
  'phaseKey',
  'deliverableKey',
  'acceptedAt',
  'acceptedBy',
  'acceptanceNote',
] as const;
const snapshot = (r: DeliverableRow) => ({
  ...Object.fromEntries(SNAPSHOT.map((k) => [k, r[k] instanceof Date ? (r[k] as Date).toISOString() : r[k]])),
  acceptanceCriteria: (r.acceptanceCriteria as AcceptanceCriterion[]).map(
    (c) => `${c.key}: ${c.met ? 'met' : 'not met'}`,
  ),
});

/** Criteria with a key each: the given ones kept, the new ones numbered c1, c2, … past those in use. */
function keyCriteria(input: readonly CriterionInput[]): AcceptanceCriterion[] {
  const used = new Set(input.map((c) => c.key).filter((k): k is string => !!k));
  let n = 1;
  const out = input.map((c) => {
    let key = c.key;
    if (!key) {
      while (used.has(`c${n}`)) n++;
      key = `c${n}`;
      used.add(key);
    }
    return { key, text: c.text, met: c.met ?? false };
  });
  const problem = checkCriteria(out);
  if (problem) {
    const [field = 'acceptanceCriteria', ...rest] = problem.split(': ');
    throw invalid(field, 'unique', rest.join(': '));
  }
  return out;
}

const reviewRecord = (r: ReviewRow): ReviewRecord => ({
  outcome: r.outcome as ReviewOutcome,
  results: r.results as ReviewRecord['results'],
});

/** The field a blocker is about, for the problem's errors. */
const blockerField = (b: { kind: AcceptanceBlocker['kind']; key: string | null }) =>
  b.kind === 'criterion-unmet'
    ? `acceptanceCriteria.${b.key}`
    : b.kind === 'item-failed' || b.kind === 'item-unchecked'
      ? `checklist.${b.key}`
      : 'review';

/**
 * A project's deliverables: their effective checklist (every standard of their type that applies),
 * peer reviews, and acceptance by an approver once nothing blocks it — which, for a deliverable that
 * is a lifecycle gate deliverable, accepts that gate deliverable too, in the same transaction.
 */
export class DeliverablesService {
  constructor(
    private readonly db: Database,
    private readonly repo: QualityRepository,
    private readonly raidRepo: RaidRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly standards: QualityStandardsService,
    private readonly governance: GovernanceService,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  private async row(id: string): Promise<DeliverableRow> {
    const row = await this.repo.deliverable(this.db, id);
    if (!row) throw notFound('Deliverable');
    return row;
  }

  async pathOf(id: string): Promise<ScopePath> {
    return this.access.projectPath((await this.row(id)).projectId);
  }

  private async project(id: string): Promise<ProjectRef> {
    const [p] = await this.raidRepo.projectsByIds(this.db, [id]);
    if (!p) throw invalid('projectId', 'exists', 'no such project');
    return p;
  }

  private async lifecycleOf(projectId: string): Promise<ProjectLifecycle | null> {
    try {
      return await this.governance.lifecycle(projectId);
    } catch (e) {
      if (e instanceof ProblemError && e.status === 404) return null;
      throw e;
    }
  }

  private async dtos(rows: readonly DeliverableRow[]): Promise<Deliverable[]> {
    const linkedProjects = [
      ...new Set(rows.filter((r) => r.phaseKey && r.deliverableKey).map((r) => r.projectId)),
    ];
    const [projects, names, standards, counts, lifecycles] = await Promise.all([
      this.raidRepo.projectsByIds(this.db, [...new Set(rows.map((r) => r.projectId))]),
      this.raidRepo.userNames(
        this.db,
        rows.flatMap((r) => [r.ownerId, r.acceptedBy]),
      ),
      this.repo.standardNames(
        this.db,
        rows.map((r) => r.standardId),
      ),
      this.repo.reviewCounts(
        this.db,
        rows.map((r) => r.id),
      ),
      Promise.all(linkedProjects.map(async (id) => [id, await this.lifecycleOf(id)] as const)),
    ]);
    const byId = new Map(projects.map((p) => [p.id, p]));
    const lifecycleBy = new Map(lifecycles);
    const now = today();
    return rows.map((r) => {
      const p = byId.get(r.projectId);
      const status = r.status as DeliverableStatus;
      let gate: Deliverable['gate'] = null;
      if (r.phaseKey && r.deliverableKey) {
        const phase = lifecycleBy.get(r.projectId)?.phases.find((x) => x.key === r.phaseKey);
        const state = phase?.gateState.deliverables[r.deliverableKey];
        gate = {
          phaseKey: r.phaseKey,
          deliverableKey: r.deliverableKey,
          phaseName: phase?.name ?? null,
          deliverableName: phase?.gate.deliverables.find((d) => d.key === r.deliverableKey)?.name ?? null,
          accepted: state?.accepted ?? false,
          acceptedBy: state?.acceptedBy ?? null,
          acceptedAt: state?.acceptedAt ?? null,
        };
      }
      return {
        ...auditStamp(r),
        code: r.code,
        projectId: r.projectId,
        projectCode: p?.code ?? '',
        projectName: p?.name ?? '',
        name: r.name,
        deliverableType: r.deliverableType,
        description: r.description,
        dueDate: r.dueDate,
        overdue: r.dueDate !== null && r.dueDate < now && status !== 'accepted',
        ownerId: r.ownerId,
        ownerName: r.ownerId ? (names.get(r.ownerId) ?? null) : null,
        standardId: r.standardId,
        standardName: r.standardId ? (standards.get(r.standardId) ?? null) : null,
        acceptanceCriteria: r.acceptanceCriteria as AcceptanceCriterion[],
        status,
        gate,
        reviewCount: counts.get(r.id) ?? 0,
        acceptedAt: r.acceptedAt?.toISOString() ?? null,
        acceptedByName: r.acceptedBy ? (names.get(r.acceptedBy) ?? null) : null,
        acceptanceNote: r.acceptanceNote,
      };
    });
  }

  private async reviewDtos(rows: readonly ReviewRow[]): Promise<DeliverableReview[]> {
    const names = await this.raidRepo.userNames(
      this.db,
      rows.map((r) => r.reviewerId),
    );
    return rows.map((r) => ({
      id: r.id,
      reviewerId: r.reviewerId,
      reviewerName: r.reviewerId ? (names.get(r.reviewerId) ?? null) : null,
      at: r.at.toISOString(),
      outcome: r.outcome as ReviewOutcome,
      results: r.results as DeliverableReview['results'],
      comments: r.comments,
    }));
  }

  /** Everything a reviewer and an approver look at: checklist, reviews, and what blocks acceptance. */
  private async detail(row: DeliverableRow): Promise<DeliverableDetail> {
    const [[dto], applicable, reviews] = await Promise.all([
      this.dtos([row]),
      this.standards.applicableFor(row.projectId, row.deliverableType),
      this.repo.reviews(this.db, row.id),
    ]);
    const units = await this.raidRepo.orgUnitNames(
      this.db,
      applicable.standards.map((s) => s.orgUnitId),
    );
    const latest = reviews[0] ? reviewRecord(reviews[0]) : null;
    return {
      ...(dto as Deliverable),
      standards: applicable.standards.map((s) => ({
        id: s.id,
        name: s.name,
        orgUnitId: s.orgUnitId,
        orgUnitName: s.orgUnitId ? (units.get(s.orgUnitId) ?? null) : null,
      })),
      checklist: applicable.checklist,
      reviews: await this.reviewDtos(reviews),
      blockers:
        row.status === 'accepted'
          ? []
          : acceptanceBlockers(applicable.checklist, latest, row.acceptanceCriteria as AcceptanceCriterion[]),
    };
  }

  async get(id: string): Promise<DeliverableDetail> {
    return this.detail(await this.row(id));
  }

  async list(
    actor: Actor,
    q: { projectId?: string | undefined; status?: string | undefined },
  ): Promise<{ items: Deliverable[]; total: number }> {
    const v = await this.access.visibility(actor, 'project.read');
    const rows = await this.repo.deliverables(this.db, v, {
      projectId: q.projectId,
      statuses: q.status?.split(','),
    });
    const items = await this.dtos(rows);
    return { items, total: items.length };
  }

  /** A link to a lifecycle gate deliverable names both keys, and both exist in the project's lifecycle. */
  private async checkGateLink(
    projectId: string,
    phaseKey: string | null | undefined,
    deliverableKey: string | null | undefined,
  ): Promise<void> {
    if (!phaseKey && !deliverableKey) return;
    if (!phaseKey) throw invalid('phaseKey', 'required', 'name the phase of the gate deliverable');
    if (!deliverableKey)
      throw invalid('deliverableKey', 'required', 'name the gate deliverable of the phase');
    const lifecycle = await this.lifecycleOf(projectId);
    if (!lifecycle) throw invalid('phaseKey', 'exists', 'the project follows no lifecycle');
    const phase = lifecycle.phases.find((p) => p.key === phaseKey);
    if (!phase) throw invalid('phaseKey', 'exists', 'no such phase in the project’s lifecycle');
    if (!phase.gate.deliverables.some((d) => d.key === deliverableKey))
      throw invalid('deliverableKey', 'exists', `no such deliverable at the ${phase.gate.name}`);
  }

  private async checkOwner(ownerId: string | null | undefined): Promise<void> {
    if (ownerId && !(await this.raidRepo.userExists(this.db, ownerId)))
      throw invalid('ownerId', 'exists', 'no such user');
  }

  private async standardFor(projectId: string, deliverableType: string): Promise<string | null> {
    const { standards } = await this.standards.applicableFor(projectId, deliverableType);
    return mostSpecificStandard(standards)?.id ?? null;
  }

  async create(
    actor: Actor,
    body: {
      projectId: string;
      name: string;
      deliverableType: string;
      description?: string | null | undefined;
      dueDate?: string | null | undefined;
      ownerId?: string | null | undefined;
      acceptanceCriteria?: CriterionInput[] | undefined;
      phaseKey?: string | null | undefined;
      deliverableKey?: string | null | undefined;
    },
  ): Promise<DeliverableDetail> {
    await this.project(body.projectId);
    await this.checkOwner(body.ownerId);
    const criteria = keyCriteria(body.acceptanceCriteria ?? []);
    await this.checkGateLink(body.projectId, body.phaseKey, body.deliverableKey);
    const standardId = await this.standardFor(body.projectId, body.deliverableType);
    const row = await this.db.transaction(async (tx) => {
      const code = `DLV-${String(await this.projectsRepo.nextSequence(tx, 'deliverable')).padStart(4, '0')}`;
      const r = await this.repo.insertDeliverable(tx, {
        code,
        projectId: body.projectId,
        name: body.name,
        deliverableType: body.deliverableType,
        description: body.description ?? null,
        dueDate: body.dueDate ?? null,
        ownerId: body.ownerId ?? null,
        standardId,
        acceptanceCriteria: criteria,
        phaseKey: body.phaseKey ?? null,
        deliverableKey: body.deliverableKey ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'deliverable', id: r.id, action: 'create' },
        null,
        snapshot(r),
      );
      return r;
    });
    return this.detail(row);
  }

  private checkVersion(row: DeliverableRow, version: number): void {
    if (row.version !== version) throw staleVersion(row.version, version);
  }

  private refuseAccepted(row: DeliverableRow, what: string): void {
    if (row.status === 'accepted')
      throw new ProblemError(422, 'accepted', `${row.code} is accepted: it ${what}.`, [
        { field: 'status', rule: 'not-accepted', message: `an accepted deliverable ${what}` },
      ]);
  }

  async update(
    actor: Actor,
    id: string,
    body: {
      version: number;
      name?: string | undefined;
      deliverableType?: string | undefined;
      description?: string | null | undefined;
      dueDate?: string | null | undefined;
      ownerId?: string | null | undefined;
      acceptanceCriteria?: CriterionInput[] | undefined;
      phaseKey?: string | null | undefined;
      deliverableKey?: string | null | undefined;
    },
  ): Promise<DeliverableDetail> {
    const before = await this.row(id);
    this.checkVersion(before, body.version);
    this.refuseAccepted(before, 'no longer changes');
    await this.checkOwner(body.ownerId);
    const { version, acceptanceCriteria, ...rest } = body;
    const values: Parameters<QualityRepository['updateDeliverable']>[3] = definedOnly(rest);
    if (acceptanceCriteria) values.acceptanceCriteria = keyCriteria(acceptanceCriteria);
    if (body.phaseKey !== undefined || body.deliverableKey !== undefined)
      await this.checkGateLink(
        before.projectId,
        body.phaseKey === undefined ? before.phaseKey : body.phaseKey,
        body.deliverableKey === undefined ? before.deliverableKey : body.deliverableKey,
      );
    if (body.deliverableType && body.deliverableType !== before.deliverableType)
      values.standardId = await this.standardFor(before.projectId, body.deliverableType);
    const after = await this.db.transaction(async (tx) => {
      const r = await this.repo.updateDeliverable(tx, id, version, values, actor.userId);
      if (!r) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'deliverable', id, action: 'update' },
        snapshot(before),
        snapshot(r),
      );
      return r;
    });
    return this.detail(after);
  }

  async remove(actor: Actor, id: string, version: number): Promise<void> {
    const before = await this.row(id);
    this.checkVersion(before, version);
    this.refuseAccepted(before, 'stays on record');
    await this.db.transaction(async (tx) => {
      const r = await this.repo.updateDeliverable(tx, id, version, { deletedAt: new Date() }, actor.userId);
      if (!r) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'deliverable', id, action: 'delete' },
        snapshot(before),
        null,
      );
    });
  }

  /**
   * A peer review: a verdict on the checklist items and an outcome. A pass puts the deliverable in
   * review (for acceptance); rework sends it back (rejected) until its next review.
   */
  async review(
    actor: Actor,
    id: string,
    body: {
      version: number;
      results: Record<string, { passed: boolean; note?: string | null | undefined }>;
      outcome: ReviewOutcome;
      comments?: string | null | undefined;
    },
  ): Promise<DeliverableDetail> {
    const before = await this.row(id);
    this.checkVersion(before, body.version);
    this.refuseAccepted(before, 'takes no more reviews');
    const next = statusAfterReview(before.status as DeliverableStatus, body.outcome) as DeliverableStatus;
    const { checklist } = await this.standards.applicableFor(before.projectId, before.deliverableType);
    for (const key of Object.keys(body.results))
      if (!checklist.some((i) => i.key === key))
        throw invalid(`results.${key}`, 'exists', 'no such item on the deliverable’s checklist');
    const results = Object.fromEntries(
      Object.entries(body.results).map(([k, r]) => [k, { passed: r.passed, note: r.note || null }]),
    );
    const after = await this.db.transaction(async (tx) => {
      await this.repo.insertReview(tx, {
        deliverableId: id,
        reviewerId: actor.userId,
        results,
        outcome: body.outcome,
        comments: body.comments || null,
      });
      const r = await this.repo.updateDeliverable(
        tx,
        id,
        body.version,
        { status: next, acceptanceNote: null },
        actor.userId,
      );
      if (!r) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'deliverable', id, action: 'review' },
        { status: before.status },
        {
          status: next,
          outcome: body.outcome,
          failed: checklist.filter((i) => results[i.key]?.passed === false).map((i) => i.key),
        },
      );
      return r;
    });
    return this.detail(after);
  }

  /**
   * The approver's decision. Accepting needs nothing blocking (a latest review that passed, every
   * required item passed in it, every criterion met) and records who and when — and accepts the
   * lifecycle gate deliverable it is, in the same transaction. Rejecting needs a note.
   */
  async decide(
    actor: Actor,
    id: string,
    body: { version: number; decision: 'accept' | 'reject'; note?: string | null | undefined },
  ): Promise<DeliverableDetail> {
    const before = await this.row(id);
    this.checkVersion(before, body.version);
    this.refuseAccepted(before, 'is decided');
    const to: DeliverableStatus = body.decision === 'accept' ? 'accepted' : 'rejected';
    const note = body.note?.trim() || null;
    if (body.decision === 'reject' && !note) throw invalid('note', 'required', 'say why it is rejected');
    if (body.decision === 'accept') {
      const current = await this.detail(before);
      if (current.blockers.length > 0)
        throw new ProblemError(
          422,
          'acceptance-blocked',
          `${before.code} cannot be accepted yet: ${current.blockers.map((b) => b.message).join('; ')}`,
          current.blockers.map((b) => ({ field: blockerField(b), rule: b.kind, message: b.message })),
        );
    }
    if (!canMoveDeliverable(before.status as DeliverableStatus, to))
      throw new ProblemError(
        422,
        'not-in-review',
        `${before.code} is ${before.status === 'planned' ? 'planned' : 'rejected'}: record a passing peer review first.`,
        [{ field: 'status', rule: 'in_review', message: 'must be in review' }],
      );
    const at = new Date();
    const after = await this.db.transaction(async (tx) => {
      const r = await this.repo.updateDeliverable(
        tx,
        id,
        body.version,
        body.decision === 'accept'
          ? { status: to, acceptedAt: at, acceptedBy: actor.userId, acceptanceNote: note }
          : { status: to, acceptedAt: null, acceptedBy: null, acceptanceNote: note },
        actor.userId,
      );
      if (!r) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'deliverable', id, action: body.decision },
        snapshot(before),
        snapshot(r),
      );
      if (body.decision === 'accept' && r.phaseKey && r.deliverableKey) {
        const name = actor.userId
          ? ((await this.raidRepo.userNames(tx, [actor.userId])).get(actor.userId) ?? null)
          : null;
        await this.governance.markDeliverableAccepted(
          actor,
          tx,
          { projectId: r.projectId, phaseKey: r.phaseKey, deliverableKey: r.deliverableKey },
          { name, at },
        );
      }
      return r;
    });
    return this.detail(after);
  }
}
