import type { Audit, AuditFinding } from '@baton/contracts';
import {
  type AuditStatus,
  auditMoves,
  auditTransitionError,
  type FindingSeverity,
  type FindingStatus,
  findingMoves,
  findingSummary,
  findingTransitionError,
  isHighSeverity,
  isOverdue,
  type ScopePath,
} from '@baton/core';
import type { Database } from '@baton/db';
import { forbidden, invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import { type AccessService, type Actor, coversProject, type Visible } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { ProjectRef, RaidRepository } from '../raid/raid.repository.ts';
import { today } from '../resources/resources.service.ts';
import { definedOnly, recordChange, snapshotOf } from '../shared/record-change.ts';
import type { AuditRow, AuditsRepository, FindingRow } from './audits.repository.ts';

const AUDIT_SNAPSHOT = ['title', 'scope', 'leadId', 'scheduledFor', 'status', 'summary'] as const;
const FINDING_SNAPSHOT = [
  'title',
  'description',
  'severity',
  'ownerId',
  'dueDate',
  'correctiveAction',
  'status',
  'closureNote',
] as const;

/**
 * Audits and peer reviews of projects and of org units' practice. The PMO (governance.manage where
 * the audited thing sits) schedules and runs them and closes findings; the audited project's manager
 * (project.update) plans the corrective actions and marks them resolved.
 */
export class AuditsService {
  constructor(
    private readonly db: Database,
    private readonly repo: AuditsRepository,
    private readonly raidRepo: RaidRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  // ---- where things sit, for the permission table ----

  private async pathOfRow(a: Pick<AuditRow, 'projectId' | 'orgUnitId'>): Promise<ScopePath> {
    if (a.projectId) return this.access.projectPath(a.projectId);
    return this.access.orgUnitOrRootPath(a.orgUnitId);
  }

  async pathOf(id: string): Promise<ScopePath> {
    const a = await this.repo.audit(this.db, id);
    if (!a) throw notFound('Audit');
    return this.pathOfRow(a);
  }

  async pathOfFinding(id: string): Promise<ScopePath> {
    const f = await this.repo.finding(this.db, id);
    if (!f) throw notFound('Finding');
    return this.pathOf(f.auditId);
  }

  async newPath(body: { projectId?: string | null | undefined; orgUnitId?: string | null | undefined }) {
    if (body.projectId)
      return this.access.projectPath(body.projectId).catch(() => {
        throw invalid('projectId', 'exists', 'no such project');
      });
    return this.access.orgUnitOrRootPath(body.orgUnitId ?? null).catch(() => {
      throw invalid('orgUnitId', 'exists', 'no such org unit');
    });
  }

  // ---- reading ----

  private canSee(v: Visible, a: AuditRow, projects: Map<string, ProjectRef>, subtree: Set<string>): boolean {
    if (v.all) return true;
    if (a.projectId) {
      const p = projects.get(a.projectId);
      return p !== undefined && coversProject(v, p);
    }
    return a.orgUnitId !== null && subtree.has(a.orgUnitId);
  }

  private async dtos(rows: readonly AuditRow[], findings: readonly FindingRow[]): Promise<Audit[]> {
    const projects = await this.projectMap(rows.map((r) => r.projectId));
    const units = await this.repo.orgUnitNames(this.db);
    const names = await this.raidRepo.userNames(
      this.db,
      rows.map((r) => r.leadId),
    );
    const day = today();
    return rows.map((r) => {
      const mine = findings.filter((f) => f.auditId === r.id);
      const s = findingSummary(
        mine.map((f) => ({
          status: f.status as FindingStatus,
          severity: f.severity as FindingSeverity,
          dueDate: f.dueDate,
        })),
        day,
      );
      const p = r.projectId ? projects.get(r.projectId) : undefined;
      return {
        id: r.id,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        code: r.code,
        kind: r.kind as Audit['kind'],
        title: r.title,
        projectId: r.projectId,
        projectCode: p?.code ?? null,
        projectName: p?.name ?? null,
        orgUnitId: r.orgUnitId,
        orgUnitName: r.orgUnitId ? (units.get(r.orgUnitId) ?? null) : null,
        scope: r.scope,
        leadId: r.leadId,
        leadName: r.leadId ? (names.get(r.leadId) ?? null) : null,
        scheduledFor: r.scheduledFor,
        status: r.status as AuditStatus,
        summary: r.summary,
        startedAt: r.startedAt?.toISOString() ?? null,
        closedAt: r.closedAt?.toISOString() ?? null,
        findingCounts: {
          total: s.total,
          open: s.open,
          overdue: s.overdue,
          high: mine.filter((f) => f.status !== 'closed' && isHighSeverity(f.severity as FindingSeverity))
            .length,
        },
        moves: [...auditMoves(r.status as AuditStatus)],
      };
    });
  }

  private async projectMap(ids: readonly (string | null)[]): Promise<Map<string, ProjectRef>> {
    const unique = [...new Set(ids.filter((x): x is string => x !== null))];
    return new Map((await this.raidRepo.projectsByIds(this.db, unique)).map((p) => [p.id, p]));
  }

  private async findingDtos(rows: readonly FindingRow[]): Promise<AuditFinding[]> {
    const auditRows = new Map(
      (await this.repo.audits(this.db))
        .filter((a) => rows.some((f) => f.auditId === a.id))
        .map((a) => [a.id, a]),
    );
    const projects = await this.projectMap([...auditRows.values()].map((a) => a.projectId));
    const names = await this.raidRepo.userNames(this.db, [
      ...rows.map((r) => r.ownerId),
      ...rows.map((r) => r.closedBy),
    ]);
    const day = today();
    return rows.map((f) => {
      const a = auditRows.get(f.auditId);
      const p = a?.projectId ? projects.get(a.projectId) : undefined;
      return {
        id: f.id,
        version: f.version,
        createdAt: f.createdAt.toISOString(),
        updatedAt: f.updatedAt.toISOString(),
        code: f.code,
        auditId: f.auditId,
        auditCode: a?.code ?? '',
        auditTitle: a?.title ?? '',
        projectId: a?.projectId ?? null,
        projectCode: p?.code ?? null,
        title: f.title,
        description: f.description,
        severity: f.severity as FindingSeverity,
        ownerId: f.ownerId,
        ownerName: f.ownerId ? (names.get(f.ownerId) ?? null) : null,
        dueDate: f.dueDate,
        overdue: isOverdue({ status: f.status as FindingStatus, dueDate: f.dueDate }, day),
        correctiveAction: f.correctiveAction,
        status: f.status as FindingStatus,
        closedAt: f.closedAt?.toISOString() ?? null,
        closedByName: f.closedBy ? (names.get(f.closedBy) ?? null) : null,
        closureNote: f.closureNote,
        moves: [...findingMoves(f.status as FindingStatus)],
      };
    });
  }

  private async visibleAudits(actor: Actor): Promise<AuditRow[]> {
    const rows = await this.repo.audits(this.db);
    const v = await this.access.visibility(actor, 'project.read');
    const projects = await this.projectMap(rows.map((r) => r.projectId));
    const subtree = new Set(v.all ? [] : v.orgUnitIds);
    return rows.filter((a) => this.canSee(v, a, projects, subtree));
  }

  async list(
    actor: Actor,
    q: {
      projectId?: string | undefined;
      orgUnitId?: string | undefined;
      status?: string | undefined;
      kind?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
    },
  ) {
    const statuses = q.status?.split(',');
    const unitScope = q.orgUnitId ? new Set(await this.access.subtree(q.orgUnitId)) : null;
    const all = await this.visibleAudits(actor);
    const projects = await this.projectMap(all.map((r) => r.projectId));
    const rows = all.filter((a) => {
      const unitOf = a.projectId ? projects.get(a.projectId)?.orgUnitId : a.orgUnitId;
      return (
        (!q.projectId || a.projectId === q.projectId) &&
        (!unitScope || (unitOf !== undefined && unitOf !== null && unitScope.has(unitOf))) &&
        (!statuses || statuses.includes(a.status)) &&
        (!q.kind || a.kind === q.kind) &&
        (!q.from || a.scheduledFor >= q.from) &&
        (!q.to || a.scheduledFor <= q.to)
      );
    });
    const items = await this.dtos(
      rows,
      await this.repo.findings(
        this.db,
        rows.map((r) => r.id),
      ),
    );
    return { items, total: items.length };
  }

  async get(id: string) {
    const a = await this.repo.audit(this.db, id);
    if (!a) throw notFound('Audit');
    const findings = await this.repo.findings(this.db, [id]);
    const [dto] = await this.dtos([a], findings);
    return { ...(dto as Audit), findings: await this.findingDtos(findings) };
  }

  async listFindings(
    actor: Actor,
    q: {
      projectId?: string | undefined;
      auditId?: string | undefined;
      status?: string | undefined;
      severity?: string | undefined;
      ownerId?: string | undefined;
      overdue?: 'true' | 'false' | undefined;
    },
  ) {
    const visible = new Map((await this.visibleAudits(actor)).map((a) => [a.id, a]));
    const statuses = q.status?.split(',');
    const rows = (await this.repo.findings(this.db, [...visible.keys()])).filter((f) => {
      const a = visible.get(f.auditId) as AuditRow;
      return (
        (!q.projectId || a.projectId === q.projectId) &&
        (!q.auditId || f.auditId === q.auditId) &&
        (!statuses || statuses.includes(f.status)) &&
        (!q.severity || f.severity === q.severity) &&
        (!q.ownerId || f.ownerId === q.ownerId)
      );
    });
    let items = await this.findingDtos(rows);
    if (q.overdue) items = items.filter((f) => f.overdue === (q.overdue === 'true'));
    return { items, total: items.length };
  }

  /** Open and overdue high/critical findings per audited project, for compliance. */
  async openFindingsByProject(): Promise<Map<string, { open: number; overdueHigh: number }>> {
    const auditsById = new Map((await this.repo.audits(this.db)).map((a) => [a.id, a]));
    const out = new Map<string, { open: number; overdueHigh: number }>();
    const day = today();
    for (const f of await this.repo.findings(this.db)) {
      const pid = auditsById.get(f.auditId)?.projectId;
      if (!pid || f.status === 'closed') continue;
      const e = out.get(pid) ?? { open: 0, overdueHigh: 0 };
      e.open += 1;
      if (
        isHighSeverity(f.severity as FindingSeverity) &&
        isOverdue({ status: f.status as FindingStatus, dueDate: f.dueDate }, day)
      )
        e.overdueHigh += 1;
      out.set(pid, e);
    }
    return out;
  }

  // ---- writing ----

  private async checkUser(field: string, id: string | null | undefined) {
    if (id && !(await this.raidRepo.userExists(this.db, id))) throw invalid(field, 'exists', 'no such user');
  }

  async create(
    actor: Actor,
    body: {
      kind: Audit['kind'];
      title: string;
      projectId?: string | undefined;
      orgUnitId?: string | undefined;
      scope?: string | null | undefined;
      leadId?: string | null | undefined;
      scheduledFor: string;
    },
  ) {
    if (body.projectId && body.orgUnitId)
      throw invalid('orgUnitId', 'exclusive', 'audit a project or an org unit, not both');
    await this.checkUser('leadId', body.leadId);
    const orgUnitId = body.projectId ? null : (body.orgUnitId ?? (await this.access.rootOrgUnitId()));
    const row = await this.db.transaction(async (tx) => {
      const code = `AUD-${String(await this.projectsRepo.nextSequence(tx, 'audit')).padStart(3, '0')}`;
      const r = await this.repo.insertAudit(tx, {
        code,
        kind: body.kind,
        title: body.title,
        projectId: body.projectId ?? null,
        orgUnitId,
        scope: body.scope ?? null,
        leadId: body.leadId ?? actor.userId,
        scheduledFor: body.scheduledFor,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'audit', id: r.id, action: 'create' },
        null,
        snapshotOf(r, AUDIT_SNAPSHOT),
      );
      return r;
    });
    return this.get(row.id);
  }

  async update(
    actor: Actor,
    id: string,
    body: {
      version: number;
      title?: string | undefined;
      scope?: string | null | undefined;
      leadId?: string | null | undefined;
      scheduledFor?: string | undefined;
      summary?: string | null | undefined;
    },
  ) {
    const before = await this.repo.audit(this.db, id);
    if (!before) throw notFound('Audit');
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    if (before.status === 'closed' || before.status === 'cancelled')
      throw new ProblemError(
        422,
        'audit-finished',
        `${before.code} is ${before.status}: it can no longer change.`,
      );
    await this.checkUser('leadId', body.leadId);
    const { version, ...rest } = body;
    await this.db.transaction(async (tx) => {
      const r = await this.repo.updateAudit(tx, id, version, definedOnly(rest), actor.userId);
      if (!r) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'audit', id, action: 'update' },
        snapshotOf(before, AUDIT_SNAPSHOT),
        snapshotOf(r, AUDIT_SNAPSHOT),
      );
    });
    return this.get(id);
  }

  async transition(
    actor: Actor,
    id: string,
    body: { version: number; to: AuditStatus; summary?: string | undefined },
  ) {
    const before = await this.repo.audit(this.db, id);
    if (!before) throw notFound('Audit');
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const summary = body.summary ?? before.summary;
    const findings = await this.repo.findings(this.db, [id]);
    const wrong = auditTransitionError(
      before.status as AuditStatus,
      body.to,
      findings.map((f) => ({ status: f.status as FindingStatus })),
      summary,
    );
    if (wrong) throw new ProblemError(422, 'illegal-transition', wrong);
    await this.db.transaction(async (tx) => {
      const r = await this.repo.updateAudit(
        tx,
        id,
        body.version,
        {
          status: body.to,
          summary,
          ...(body.to === 'in_progress' && !before.startedAt ? { startedAt: new Date() } : {}),
          ...(body.to === 'closed' ? { closedAt: new Date(), closedBy: actor.userId } : {}),
        },
        actor.userId,
      );
      if (!r) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'audit', id, action: 'transition' },
        snapshotOf(before, AUDIT_SNAPSHOT),
        snapshotOf(r, AUDIT_SNAPSHOT),
      );
    });
    return this.get(id);
  }

  async addFinding(
    actor: Actor,
    auditId: string,
    body: {
      title: string;
      description?: string | null | undefined;
      severity: FindingSeverity;
      ownerId?: string | null | undefined;
      dueDate?: string | null | undefined;
      correctiveAction?: string | null | undefined;
    },
  ) {
    const a = await this.repo.audit(this.db, auditId);
    if (!a) throw notFound('Audit');
    if (a.status !== 'in_progress' && a.status !== 'reported')
      throw new ProblemError(
        422,
        'audit-not-running',
        `Findings are recorded while an audit is in progress or reported; ${a.code} is ${a.status.replace('_', ' ')}.`,
      );
    await this.checkUser('ownerId', body.ownerId);
    await this.db.transaction(async (tx) => {
      const code = `FND-${String(await this.projectsRepo.nextSequence(tx, 'audit_finding')).padStart(3, '0')}`;
      const r = await this.repo.insertFinding(tx, {
        code,
        auditId,
        title: body.title,
        description: body.description ?? null,
        severity: body.severity,
        ownerId: body.ownerId ?? null,
        dueDate: body.dueDate ?? null,
        correctiveAction: body.correctiveAction ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'audit_finding', id: r.id, action: 'create' },
        null,
        snapshotOf(r, FINDING_SNAPSHOT),
      );
    });
    return this.get(auditId);
  }

  /** Findings of a closed or cancelled audit are a record: they no longer change. */
  private requireRunning(a: AuditRow): void {
    if (a.status === 'closed' || a.status === 'cancelled')
      throw new ProblemError(
        422,
        'audit-finished',
        `${a.code} is ${a.status}: its findings no longer change.`,
      );
  }

  /** True when the actor runs audits where this one sits (the PMO), not only the audited project. */
  private async isAuditor(actor: Actor, a: AuditRow): Promise<boolean> {
    return this.access.allows(actor, ['governance.manage'], await this.pathOfRow(a));
  }

  async updateFinding(
    actor: Actor,
    id: string,
    body: {
      version: number;
      title?: string | undefined;
      description?: string | null | undefined;
      severity?: FindingSeverity | undefined;
      ownerId?: string | null | undefined;
      dueDate?: string | null | undefined;
      correctiveAction?: string | null | undefined;
    },
  ) {
    const before = await this.repo.finding(this.db, id);
    if (!before) throw notFound('Finding');
    const a = (await this.repo.audit(this.db, before.auditId)) as AuditRow;
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    this.requireRunning(a);
    if ((body.title !== undefined || body.severity !== undefined) && !(await this.isAuditor(actor, a)))
      throw forbidden('Only the auditors change what a finding says or how severe it is.');
    if (before.status === 'closed')
      throw new ProblemError(422, 'finding-closed', `${before.code} is closed: reopen it first.`);
    await this.checkUser('ownerId', body.ownerId);
    const { version, ...rest } = body;
    await this.db.transaction(async (tx) => {
      const r = await this.repo.updateFinding(tx, id, version, definedOnly(rest), actor.userId);
      if (!r) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'audit_finding', id, action: 'update' },
        snapshotOf(before, FINDING_SNAPSHOT),
        snapshotOf(r, FINDING_SNAPSHOT),
      );
    });
    return (
      await this.findingDtos([(await this.repo.finding(this.db, id)) as FindingRow])
    )[0] as AuditFinding;
  }

  async transitionFinding(
    actor: Actor,
    id: string,
    body: { version: number; to: FindingStatus; note?: string | undefined },
  ) {
    const before = await this.repo.finding(this.db, id);
    if (!before) throw notFound('Finding');
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const a = (await this.repo.audit(this.db, before.auditId)) as AuditRow;
    this.requireRunning(a);
    // Closing (verifying) and reopening are the auditors'; the audited team plans and resolves.
    const auditorsOnly = body.to === 'closed' || before.status === 'closed';
    if (auditorsOnly && !(await this.isAuditor(actor, a)))
      throw forbidden('Only the auditors close or reopen a finding.');
    const wrong = findingTransitionError(
      {
        status: before.status as FindingStatus,
        correctiveAction: before.correctiveAction,
        ownerId: before.ownerId,
        dueDate: before.dueDate,
      },
      body.to,
      body.note ?? null,
    );
    if (wrong) throw new ProblemError(422, 'illegal-transition', wrong);
    await this.db.transaction(async (tx) => {
      const r = await this.repo.updateFinding(
        tx,
        id,
        body.version,
        {
          status: body.to,
          ...(body.to === 'closed'
            ? { closedAt: new Date(), closedBy: actor.userId, closureNote: body.note ?? null }
            : before.status === 'closed'
              ? { closedAt: null, closedBy: null, closureNote: body.note ?? null }
              : {}),
        },
        actor.userId,
      );
      if (!r) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'audit_finding', id, action: 'transition' },
        snapshotOf(before, FINDING_SNAPSHOT),
        snapshotOf(r, FINDING_SNAPSHOT),
      );
    });
    return (
      await this.findingDtos([(await this.repo.finding(this.db, id)) as FindingRow])
    )[0] as AuditFinding;
  }
}
