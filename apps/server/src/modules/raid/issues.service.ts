import type { Issue, RaidEntry } from '@baton/contracts';
import type { ScopePath } from '@baton/core';
import type { Database } from '@baton/db';
import { invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import { type AccessService, type Actor, coversProject } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import { today } from '../resources/resources.service.ts';
import { definedOnly, recordChange, snapshotOf } from '../shared/record-change.ts';
import type { IssueRow, ProjectRef, RaidEntryRow, RaidRepository } from './raid.repository.ts';

const ISSUE_SNAPSHOT = [
  'title',
  'description',
  'priority',
  'ownerId',
  'dueDate',
  'status',
  'resolution',
  'riskId',
  'escalationReason',
] as const;
const ENTRY_SNAPSHOT = [
  'title',
  'description',
  'ownerId',
  'status',
  'dueDate',
  'decidedOn',
  'decidedBy',
  'rationale',
  'dependsOnProjectId',
  'externalParty',
] as const;

/** Issues (with escalation to the portfolio) and the assumptions, decisions and dependencies of a project. */
export class IssuesService {
  constructor(
    private readonly db: Database,
    private readonly repo: RaidRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  async pathOfIssue(id: string): Promise<ScopePath> {
    const row = await this.repo.issue(this.db, id);
    if (!row) throw notFound('Issue');
    return this.access.projectPath(row.projectId);
  }

  async pathOfEntry(id: string): Promise<ScopePath> {
    const row = await this.repo.entry(this.db, id);
    if (!row) throw notFound('Entry');
    return this.access.projectPath(row.projectId);
  }

  private async project(id: string): Promise<ProjectRef> {
    const [p] = await this.repo.projectsByIds(this.db, [id]);
    if (!p) throw invalid('projectId', 'exists', 'no such project');
    return p;
  }

  private async issueDtos(rows: readonly IssueRow[]): Promise<Issue[]> {
    const [projects, owners] = await Promise.all([
      this.repo.projectsByIds(this.db, [...new Set(rows.map((r) => r.projectId))]),
      this.repo.userNames(
        this.db,
        rows.map((r) => r.ownerId),
      ),
    ]);
    const byId = new Map(projects.map((p) => [p.id, p]));
    const now = today();
    return rows.map((r) => {
      const p = byId.get(r.projectId);
      return {
        id: r.id,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        code: r.code,
        projectId: r.projectId,
        projectCode: p?.code ?? '',
        projectName: p?.name ?? '',
        portfolioId: p?.portfolioId ?? null,
        title: r.title,
        description: r.description,
        priority: r.priority as Issue['priority'],
        ownerId: r.ownerId,
        ownerName: r.ownerId ? (owners.get(r.ownerId) ?? null) : null,
        dueDate: r.dueDate,
        overdue: r.dueDate !== null && r.dueDate < now && (r.status === 'open' || r.status === 'in_progress'),
        status: r.status as Issue['status'],
        resolution: r.resolution,
        riskId: r.riskId,
        escalated: r.escalatedAt !== null,
        escalationReason: r.escalationReason,
        escalatedAt: r.escalatedAt?.toISOString() ?? null,
      };
    });
  }

  async listIssues(
    actor: Actor,
    q: {
      projectId?: string | undefined;
      portfolioId?: string | undefined;
      escalated?: 'true' | 'false' | undefined;
      status?: string | undefined;
    },
  ): Promise<{ items: Issue[]; total: number }> {
    const rows = await this.repo.issues(this.db, {
      projectId: q.projectId,
      escalated: q.escalated === undefined ? undefined : q.escalated === 'true',
    });
    const projects = new Map(
      (await this.repo.projectsByIds(this.db, [...new Set(rows.map((r) => r.projectId))])).map((p) => [
        p.id,
        p,
      ]),
    );
    const v = await this.access.visibility(actor, 'project.read');
    const statuses = q.status?.split(',');
    const kept = rows.filter((r) => {
      const p = projects.get(r.projectId);
      return (
        p !== undefined &&
        coversProject(v, p) &&
        (!q.portfolioId || p.portfolioId === q.portfolioId) &&
        (!statuses || statuses.includes(r.status))
      );
    });
    const items = await this.issueDtos(kept);
    return { items, total: items.length };
  }

  private async checkIssueRefs(body: {
    ownerId?: string | null | undefined;
    riskId?: string | null | undefined;
  }) {
    if (body.ownerId && !(await this.repo.userExists(this.db, body.ownerId)))
      throw invalid('ownerId', 'exists', 'no such user');
    if (body.riskId && !(await this.repo.risk(this.db, body.riskId)))
      throw invalid('riskId', 'exists', 'no such risk');
  }

  async createIssue(
    actor: Actor,
    body: {
      projectId: string;
      title: string;
      description?: string | null | undefined;
      priority: Issue['priority'];
      ownerId?: string | null | undefined;
      dueDate?: string | null | undefined;
      riskId?: string | null | undefined;
    },
  ): Promise<Issue> {
    await this.project(body.projectId);
    await this.checkIssueRefs(body);
    const row = await this.db.transaction(async (tx) => {
      const code = `ISS-${String(await this.projectsRepo.nextSequence(tx, 'issue')).padStart(3, '0')}`;
      const r = await this.repo.insertIssue(tx, {
        code,
        projectId: body.projectId,
        title: body.title,
        description: body.description ?? null,
        priority: body.priority,
        ownerId: body.ownerId ?? null,
        dueDate: body.dueDate ?? null,
        riskId: body.riskId ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'issue', id: r.id, action: 'create' },
        null,
        snapshotOf(r, ISSUE_SNAPSHOT),
      );
      return r;
    });
    return (await this.issueDtos([row]))[0] as Issue;
  }

  async updateIssue(
    actor: Actor,
    id: string,
    body: {
      version: number;
      title?: string | undefined;
      description?: string | null | undefined;
      priority?: Issue['priority'] | undefined;
      ownerId?: string | null | undefined;
      dueDate?: string | null | undefined;
      status?: Issue['status'] | undefined;
      resolution?: string | null | undefined;
    },
  ): Promise<Issue> {
    const before = await this.repo.issue(this.db, id);
    if (!before) throw notFound('Issue');
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    await this.checkIssueRefs(body);
    const { version, ...rest } = body;
    const after = await this.db.transaction(async (tx) => {
      const r = await this.repo.updateIssue(tx, id, version, definedOnly(rest), actor.userId);
      if (!r) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'issue', id, action: 'update' },
        snapshotOf(before, ISSUE_SNAPSHOT),
        snapshotOf(r, ISSUE_SNAPSHOT),
      );
      return r;
    });
    return (await this.issueDtos([after]))[0] as Issue;
  }

  /** Raises an issue to its portfolio: it then shows on the portfolio's escalations. */
  async escalate(actor: Actor, id: string, body: { version: number; reason: string }): Promise<Issue> {
    const before = await this.repo.issue(this.db, id);
    if (!before) throw notFound('Issue');
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    if (before.escalatedAt)
      throw new ProblemError(422, 'already-escalated', `${before.code} is already escalated.`);
    if (before.status === 'closed' || before.status === 'resolved')
      throw new ProblemError(
        422,
        'not-open',
        `${before.code} is ${before.status}: only an open issue is escalated.`,
      );
    const after = await this.db.transaction(async (tx) => {
      const r = await this.repo.updateIssue(
        tx,
        id,
        body.version,
        { escalatedAt: new Date(), escalationReason: body.reason },
        actor.userId,
      );
      if (!r) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'issue', id, action: 'escalate' },
        snapshotOf(before, ISSUE_SNAPSHOT),
        snapshotOf(r, ISSUE_SNAPSHOT),
      );
      return r;
    });
    return (await this.issueDtos([after]))[0] as Issue;
  }

  // ---- assumptions, decisions, dependencies ----

  private async entryDtos(rows: readonly RaidEntryRow[]): Promise<RaidEntry[]> {
    const [owners, deps] = await Promise.all([
      this.repo.userNames(
        this.db,
        rows.map((r) => r.ownerId),
      ),
      this.repo.projectsByIds(this.db, [
        ...new Set(rows.map((r) => r.dependsOnProjectId).filter((x): x is string => !!x)),
      ]),
    ]);
    const depCode = new Map(deps.map((p) => [p.id, p.code]));
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      code: r.code,
      kind: r.kind as RaidEntry['kind'],
      projectId: r.projectId,
      title: r.title,
      description: r.description,
      ownerId: r.ownerId,
      ownerName: r.ownerId ? (owners.get(r.ownerId) ?? null) : null,
      status: r.status as RaidEntry['status'],
      dueDate: r.dueDate,
      decidedOn: r.decidedOn,
      decidedBy: r.decidedBy,
      rationale: r.rationale,
      dependsOnProjectId: r.dependsOnProjectId,
      dependsOnProjectCode: r.dependsOnProjectId ? (depCode.get(r.dependsOnProjectId) ?? null) : null,
      externalParty: r.externalParty,
    }));
  }

  async listEntries(actor: Actor, q: { projectId: string; kind?: RaidEntry['kind'] | undefined }) {
    const p = await this.project(q.projectId);
    if (!coversProject(await this.access.visibility(actor, 'project.read'), p)) throw notFound('Project');
    return { items: await this.entryDtos(await this.repo.entries(this.db, q.projectId, q.kind)) };
  }

  private async checkEntry(
    kind: RaidEntry['kind'],
    body: {
      ownerId?: string | null | undefined;
      dependsOnProjectId?: string | null | undefined;
      externalParty?: string | null | undefined;
      decidedOn?: string | null | undefined;
    },
    projectId: string,
  ) {
    if (body.ownerId && !(await this.repo.userExists(this.db, body.ownerId)))
      throw invalid('ownerId', 'exists', 'no such user');
    if (body.dependsOnProjectId) {
      if (kind !== 'dependency')
        throw invalid('dependsOnProjectId', 'kind', 'only a dependency depends on a project');
      if (body.dependsOnProjectId === projectId)
        throw invalid('dependsOnProjectId', 'self', 'a project cannot depend on itself');
      if ((await this.repo.projectsByIds(this.db, [body.dependsOnProjectId])).length === 0)
        throw invalid('dependsOnProjectId', 'exists', 'no such project');
    }
    if (body.externalParty && kind !== 'dependency')
      throw invalid('externalParty', 'kind', 'only a dependency has an outside party');
    if (body.decidedOn && kind !== 'decision')
      throw invalid('decidedOn', 'kind', 'only a decision has a date taken');
  }

  async createEntry(
    actor: Actor,
    body: {
      projectId: string;
      kind: RaidEntry['kind'];
      title: string;
      description?: string | null | undefined;
      ownerId?: string | null | undefined;
      status?: RaidEntry['status'] | undefined;
      dueDate?: string | null | undefined;
      decidedOn?: string | null | undefined;
      decidedBy?: string | null | undefined;
      rationale?: string | null | undefined;
      dependsOnProjectId?: string | null | undefined;
      externalParty?: string | null | undefined;
    },
  ): Promise<RaidEntry> {
    await this.project(body.projectId);
    await this.checkEntry(body.kind, body, body.projectId);
    const prefix = { assumption: 'ASM', decision: 'DEC', dependency: 'DEP' }[body.kind];
    const row = await this.db.transaction(async (tx) => {
      const code = `${prefix}-${String(await this.projectsRepo.nextSequence(tx, `raid-${body.kind}`)).padStart(3, '0')}`;
      const r = await this.repo.insertEntry(tx, {
        code,
        kind: body.kind,
        projectId: body.projectId,
        title: body.title,
        description: body.description ?? null,
        ownerId: body.ownerId ?? null,
        status: body.status ?? 'open',
        dueDate: body.dueDate ?? null,
        decidedOn: body.decidedOn ?? null,
        decidedBy: body.decidedBy ?? null,
        rationale: body.rationale ?? null,
        dependsOnProjectId: body.dependsOnProjectId ?? null,
        externalParty: body.externalParty ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: body.kind, id: r.id, action: 'create' },
        null,
        snapshotOf(r, ENTRY_SNAPSHOT),
      );
      return r;
    });
    return (await this.entryDtos([row]))[0] as RaidEntry;
  }

  async updateEntry(
    actor: Actor,
    id: string,
    body: {
      version: number;
      title?: string | undefined;
      description?: string | null | undefined;
      ownerId?: string | null | undefined;
      status?: RaidEntry['status'] | undefined;
      dueDate?: string | null | undefined;
      decidedOn?: string | null | undefined;
      decidedBy?: string | null | undefined;
      rationale?: string | null | undefined;
      dependsOnProjectId?: string | null | undefined;
      externalParty?: string | null | undefined;
    },
  ): Promise<RaidEntry> {
    const before = await this.repo.entry(this.db, id);
    if (!before) throw notFound('Entry');
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    await this.checkEntry(before.kind as RaidEntry['kind'], body, before.projectId);
    const { version, ...rest } = body;
    const after = await this.db.transaction(async (tx) => {
      const r = await this.repo.updateEntry(tx, id, version, definedOnly(rest), actor.userId);
      if (!r) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: before.kind, id, action: 'update' },
        snapshotOf(before, ENTRY_SNAPSHOT),
        snapshotOf(r, ENTRY_SNAPSHOT),
      );
      return r;
    });
    return (await this.entryDtos([after]))[0] as RaidEntry;
  }
}
