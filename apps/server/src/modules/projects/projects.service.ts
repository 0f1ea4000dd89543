import type {
  CreateProjectBody,
  Priority,
  Project,
  ProjectListQuery,
  UpdateProjectBody,
} from '@baton/contracts';
import {
  type CustomFieldDefinition,
  type CustomFieldType,
  checkStatusTransition,
  listNextStatuses,
  type ProjectStatus,
  validateCustomFields,
} from '@baton/core';
import type { Database } from '@baton/db';
import { conflict, forbidden, invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import { isUniqueViolation, recordChange } from '../shared/record-change.ts';
import type { ProjectRow, ProjectsRepository, ProjectWithNames, SortKey } from './projects.repository.ts';

const PRIORITY_RANK: Record<Priority, number> = { critical: 1, high: 2, medium: 3, low: 4 };
const PRIORITY_OF: Record<number, Priority> = { 1: 'critical', 2: 'high', 3: 'medium', 4: 'low' };

/** What the journal records of a project: its business fields as the API shows them. */
function snapshot(p: ProjectRow) {
  return {
    code: p.code,
    name: p.name,
    description: p.description,
    objectives: p.objectives,
    status: p.status,
    statusReason: p.statusReason,
    sponsorId: p.sponsorId,
    managerId: p.managerId,
    orgUnitId: p.orgUnitId,
    portfolioId: p.portfolioId,
    programId: p.programId,
    plannedStart: p.plannedStart,
    plannedFinish: p.plannedFinish,
    budgetMinor: p.budgetMinor,
    currency: p.currency,
    priority: PRIORITY_OF[p.priority] ?? 'medium',
    tags: p.tags,
    customFields: p.customFields,
  };
}

function toDto(p: ProjectWithNames): Project {
  return {
    id: p.id,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    ...snapshot(p),
    status: p.status as ProjectStatus,
    nextStatuses: [...listNextStatuses(p.status as ProjectStatus)],
    sponsorName: p.sponsorName,
    managerName: p.managerName,
    orgUnitName: p.orgUnitName,
    portfolioName: p.portfolioName,
    programName: p.programName,
  };
}

/** Where the version to check comes from: the body (409 when stale) or If-Match (412). */
export type Precondition = { version: number; source: 'body' | 'if-match' };

/** The PMO's central register of projects. */
export class ProjectsService {
  constructor(
    private readonly db: Database,
    private readonly repo: ProjectsRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  /** The operating model a project works under (wired after construction: it lives with governance). */
  private operatingModel?: (projectId: string) => Promise<{ model: string; definedAtName: string | null }>;

  connectOperatingModel(source: NonNullable<ProjectsService['operatingModel']>): void {
    this.operatingModel = source;
  }

  async list(actor: Actor, q: ProjectListQuery) {
    const visible = await this.access.visibility(actor, 'project.read');
    const desc = q.sort.startsWith('-');
    const key = (desc ? q.sort.slice(1) : q.sort) as SortKey;
    const { rows, total } = await this.repo.list(
      await this.filterOf(q),
      visible,
      { key, desc },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return { items: rows.map(toDto), total, page: q.page, pageSize: q.pageSize };
  }

  async summary(actor: Actor, q: ProjectListQuery) {
    const visible = await this.access.visibility(actor, 'project.read');
    const byStatus = await this.repo.countByStatus(await this.filterOf({ ...q, status: undefined }), visible);
    return { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
  }

  private async filterOf(q: Omit<ProjectListQuery, 'status'> & { status?: ProjectStatus[] | undefined }) {
    return {
      q: q.q?.trim() || undefined,
      status: q.status,
      priority: q.priority?.map((p) => PRIORITY_RANK[p]),
      orgUnitIds: q.orgUnitId ? await this.access.subtree(q.orgUnitId) : undefined,
      portfolioId: q.portfolioId,
      programId: q.programId,
      managerId: q.managerId,
      sponsorId: q.sponsorId,
      tag: q.tag,
      startFrom: q.startFrom,
      startTo: q.startTo,
    };
  }

  /** A live project's id by its code, or null. */
  idByCode(code: string): Promise<string | null> {
    return this.repo.idByCode(this.db, code);
  }

  async get(id: string): Promise<Project> {
    const row = await this.repo.get(this.db, id);
    if (!row) throw notFound('Project');
    return toDto(row);
  }

  private async checkPeople(
    db: Database,
    input: { sponsorId?: string | null | undefined; managerId?: string | null | undefined },
  ) {
    for (const field of ['sponsorId', 'managerId'] as const) {
      const id = input[field];
      if (id && !(await this.repo.userExists(db, id))) throw invalid(field, 'exists', 'no such user');
    }
  }

  private async checkCustomFields(
    db: Database,
    values: Record<string, string | number | null>,
  ): Promise<void> {
    const defs: CustomFieldDefinition[] = (await this.repo.customFieldDefinitions(db)).map((d) => ({
      key: d.key,
      label: d.label,
      type: d.type as CustomFieldType,
      required: d.required,
      options: d.options,
    }));
    const issues = validateCustomFields(defs, values);
    for (const def of defs) {
      const value = values[def.key];
      if (def.type === 'user' && typeof value === 'string' && !issues.some((i) => i.key === def.key)) {
        if (!(await this.repo.userExists(db, value)))
          issues.push({ key: def.key, message: `${def.label}: no such user` });
      }
    }
    if (issues.length > 0) {
      throw new ProblemError(
        422,
        'validation',
        issues.map((i) => `customFields.${i.key}: ${i.message}`).join('; '),
        issues.map((i) => ({ field: `customFields.${i.key}`, rule: 'custom_field', message: i.message })),
      );
    }
  }

  async create(actor: Actor, input: CreateProjectBody): Promise<Project> {
    const place = await this.access.placement(input);
    const id = await this.db
      .transaction(async (tx) => {
        await this.checkPeople(tx, input);
        const customFields = input.customFields ?? {};
        await this.checkCustomFields(tx, customFields);
        let code = input.code;
        if (code === undefined) {
          do code = `PRJ-${String(await this.repo.nextSequence(tx, 'project')).padStart(4, '0')}`;
          while (await this.repo.codeTaken(tx, code));
        } else if (await this.repo.codeTaken(tx, code)) {
          throw codeInUse();
        }
        const row = await this.repo.insert(tx, {
          code,
          name: input.name,
          description: input.description ?? null,
          objectives: input.objectives ?? null,
          status: input.status ?? 'proposed',
          sponsorId: input.sponsorId ?? null,
          managerId: input.managerId ?? null,
          orgUnitId: place.orgUnitId,
          portfolioId: place.portfolioId,
          programId: place.programId,
          plannedStart: input.plannedStart ?? null,
          plannedFinish: input.plannedFinish ?? null,
          budgetMinor: input.budgetMinor ?? null,
          currency: input.currency ?? 'EUR',
          priority: PRIORITY_RANK[input.priority ?? 'medium'],
          tags: dedupe(input.tags ?? []),
          customFields,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'project', id: row.id, action: 'create' },
          null,
          snapshot(row),
        );
        return row.id;
      })
      .catch(rethrowUnique);
    return this.get(id);
  }

  async update(actor: Actor, id: string, input: UpdateProjectBody, pre: Precondition): Promise<Project> {
    const { version: _v, ...patch } = input;
    // Everything that reads through the access service happens before the transaction: PGlite has one
    // connection, so a query outside the transaction would wait for it forever. The version check inside
    // the transaction catches any change made in between.
    const seen = await this.repo.getForUpdate(this.db, id);
    if (!seen) throw notFound('Project');
    const path = await this.access.projectPath(id);
    const placementChanged =
      patch.orgUnitId !== undefined || patch.portfolioId !== undefined || patch.programId !== undefined;
    const place = placementChanged
      ? await this.access.placement({
          orgUnitId: patch.orgUnitId ?? (patch.portfolioId || patch.programId ? undefined : seen.orgUnitId),
          portfolioId:
            patch.portfolioId !== undefined
              ? patch.portfolioId
              : patch.programId
                ? undefined
                : seen.portfolioId,
          programId:
            patch.programId !== undefined
              ? patch.programId
              : patch.portfolioId !== undefined
                ? null
                : seen.programId,
        })
      : null;
    if (place) {
      this.access.require(
        actor,
        'project.update',
        { ...place.path, projectId: id },
        'You cannot move a project to where you may not edit projects.',
      );
    }
    await this.db
      .transaction(async (tx) => {
        const before = await this.repo.getForUpdate(tx, id);
        if (!before) throw notFound('Project');
        if (before.version !== pre.version || before.version !== seen.version)
          throw versionProblem(before.version, pre);

        const values: Partial<ProjectRow> = {};
        for (const key of [
          'name',
          'description',
          'objectives',
          'sponsorId',
          'managerId',
          'plannedStart',
          'plannedFinish',
          'budgetMinor',
          'currency',
        ] as const) {
          if (patch[key] !== undefined) (values as Record<string, unknown>)[key] = patch[key];
        }
        if (patch.priority !== undefined) values.priority = PRIORITY_RANK[patch.priority];
        if (patch.tags !== undefined) values.tags = dedupe(patch.tags);
        if (patch.code !== undefined && patch.code !== before.code) {
          if (await this.repo.codeTaken(tx, patch.code, id)) throw codeInUse();
          values.code = patch.code;
        }

        const start = values.plannedStart !== undefined ? values.plannedStart : before.plannedStart;
        const finish = values.plannedFinish !== undefined ? values.plannedFinish : before.plannedFinish;
        if (start && finish && start > finish) {
          throw invalid('plannedFinish', 'after_start', 'must not be before plannedStart');
        }
        await this.checkPeople(tx, patch);

        if (patch.customFields !== undefined) {
          const merged = { ...before.customFields, ...patch.customFields };
          for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
          await this.checkCustomFields(tx, merged);
          values.customFields = merged;
        }

        if (place) {
          values.orgUnitId = place.orgUnitId;
          values.portfolioId = place.portfolioId;
          values.programId = place.programId;
        }

        const moves = patch.status !== undefined && patch.status !== before.status;
        if (moves && patch.status) {
          this.applyTransition(actor, before, patch.status, patch.statusReason ?? null, values, path);
        } else if (patch.statusReason !== undefined) {
          values.statusReason = patch.statusReason;
        }

        const after = await this.repo.update(tx, id, pre.version, values, actor.userId);
        if (!after) throw versionProblem((await this.repo.currentVersion(tx, id)) ?? before.version + 1, pre);
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'project', id, action: moves ? 'transition' : 'update' },
          snapshot(before),
          snapshot(after),
        );
      })
      .catch(rethrowUnique);
    return this.get(id);
  }

  /** Moves a project along its lifecycle; approving needs project.approve, anything else project.update. */
  async transition(
    actor: Actor,
    id: string,
    to: ProjectStatus,
    reason: string | null,
    pre: Precondition,
  ): Promise<Project> {
    const path = await this.access.projectPath(id);
    // Under a directive operating model the PMO itself takes the project's transitions.
    const model = await this.operatingModel?.(id);
    if (model?.model === 'directive' && !this.access.allows(actor, ['governance.manage'], path))
      throw forbidden(
        `Under the directive model of ${model.definedAtName ?? 'the organisation'} the PMO takes this project’s transitions: propose it to the PMO (submit the gate for review).`,
      );
    await this.db.transaction(async (tx) => {
      const before = await this.repo.getForUpdate(tx, id);
      if (!before) throw notFound('Project');
      if (before.version !== pre.version) throw versionProblem(before.version, pre);
      const values: Partial<ProjectRow> = {};
      this.applyTransition(actor, before, to, reason, values, path);
      const after = await this.repo.update(tx, id, pre.version, values, actor.userId);
      if (!after) throw versionProblem((await this.repo.currentVersion(tx, id)) ?? before.version + 1, pre);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'project', id, action: 'transition' },
        snapshot(before),
        snapshot(after),
      );
    });
    return this.get(id);
  }

  private applyTransition(
    actor: Actor,
    before: ProjectRow,
    to: ProjectStatus,
    reason: string | null,
    values: Partial<ProjectRow>,
    path: Awaited<ReturnType<AccessService['projectPath']>>,
  ): void {
    const needed = to === 'approved' ? 'project.approve' : 'project.update';
    if (!this.access.allows(actor, [needed], path)) {
      throw forbidden(
        to === 'approved'
          ? 'Approving a project needs the right to approve here.'
          : 'You cannot change this project’s status.',
      );
    }
    const check = checkStatusTransition(before.status as ProjectStatus, to, reason);
    if (!check.ok) {
      const field = check.rule === 'reason_required' ? 'statusReason' : 'status';
      throw new ProblemError(
        422,
        check.rule === 'reason_required' ? 'validation' : 'illegal-transition',
        check.message,
        [{ field, rule: check.rule, message: check.message }],
      );
    }
    values.status = to;
    values.statusReason = reason?.trim() || null;
  }

  async remove(actor: Actor, id: string, pre: Precondition | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await this.repo.getForUpdate(tx, id);
      if (!before) throw notFound('Project');
      if (pre && before.version !== pre.version) throw versionProblem(before.version, pre);
      const after = await this.repo.update(tx, id, before.version, { deletedAt: new Date() }, actor.userId);
      if (!after) throw conflict('The project changed while it was being deleted; try again.');
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'project', id, action: 'delete' },
        snapshot(before),
        null,
      );
    });
  }

  async history(id: string, page: { page: number; pageSize: number }) {
    const { rows, total } = await this.journal.list(
      this.db,
      { entityType: 'project', entityId: id },
      { limit: page.pageSize, offset: (page.page - 1) * page.pageSize },
    );
    return {
      items: rows.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString() })),
      total,
      page: page.page,
      pageSize: page.pageSize,
    };
  }
}

function dedupe(tags: string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

const codeInUse = () =>
  conflict('Another project already uses this code.', [
    { field: 'code', rule: 'unique', message: 'is already in use' },
  ]);

function rethrowUnique(e: unknown): never {
  if (isUniqueViolation(e)) throw codeInUse();
  throw e;
}

function versionProblem(current: number, pre: Precondition): ProblemError {
  if (pre.source === 'body') return staleVersion(current, pre.version);
  return new ProblemError(
    412,
    'precondition-failed',
    `If-Match names version ${pre.version}, but the current version is ${current}.`,
    undefined,
    { currentVersion: current },
  );
}
