import type { Stakeholder } from '@baton/contracts';
import {
  diffProjectLinks,
  type EngagementLevel,
  engagementGap,
  type ScopePath,
  type StakeholderAttitude,
  type StakeholderQuadrant,
  stakeholderQuadrant,
} from '@baton/core';
import type { Database } from '@baton/db';
import { forbidden, invalid, notFound, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor, Visible } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import { auditStamp, definedOnly, recordChange, snapshotOf } from '../shared/record-change.ts';
import type { StakeholderLink, StakeholderRow, StakeholdersRepository } from './stakeholders.repository.ts';

const SNAPSHOT = [
  'name',
  'role',
  'organisation',
  'email',
  'phone',
  'influence',
  'interest',
  'attitude',
  'engagementCurrent',
  'engagementDesired',
  'ownerId',
  'orgUnitId',
  'notes',
] as const;
/** What the journal keeps of a stakeholder: its fields and the projects it is on. */
const snapshot = (r: StakeholderRow, projectIds: readonly string[]) => ({
  ...snapshotOf(r, SNAPSHOT),
  projectIds: [...projectIds].sort(),
});

type Details = {
  role?: string | null | undefined;
  organisation?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  attitude?: StakeholderAttitude | undefined;
  engagementCurrent?: EngagementLevel | undefined;
  engagementDesired?: EngagementLevel | undefined;
  ownerId?: string | null | undefined;
  orgUnitId?: string | undefined;
  notes?: string | null | undefined;
  projectIds?: string[] | undefined;
};

const NOT_HERE =
  'You may not change stakeholders here: it needs the right to change projects where the stakeholder is registered, or on one of its projects.';

/**
 * The stakeholder register, shared across projects: a sponsor or a regulator is one record on every
 * project it touches. A stakeholder is registered at an org unit (the enterprise PMO by default) and
 * linked to any number of projects. Whoever may change a linked project (project.update there), or
 * projects at the unit where it is registered, may edit it; linking or unlinking a project needs
 * project.update on that project.
 */
export class StakeholdersService {
  constructor(
    private readonly db: Database,
    private readonly repo: StakeholdersRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  private async row(id: string): Promise<StakeholderRow> {
    const row = await this.repo.get(this.db, id);
    if (!row) throw notFound('Stakeholder');
    return row;
  }

  private async dtos(rows: readonly StakeholderRow[], v: Visible): Promise<Stakeholder[]> {
    const root = rows.some((r) => r.orgUnitId === null) ? await this.access.rootOrgUnitId() : null;
    const [links, owners, units] = await Promise.all([
      this.repo.links(
        this.db,
        rows.map((r) => r.id),
        v,
      ),
      this.repo.userNames(
        this.db,
        rows.map((r) => r.ownerId),
      ),
      this.repo.unitNames(this.db, [...rows.map((r) => r.orgUnitId), root]),
    ]);
    const linksOf = new Map<string, StakeholderLink[]>();
    for (const l of links) linksOf.set(l.stakeholderId, [...(linksOf.get(l.stakeholderId) ?? []), l]);
    return rows.map((r) => {
      const mine = linksOf.get(r.id) ?? [];
      const orgUnitId = r.orgUnitId ?? (root as string);
      return {
        ...auditStamp(r),
        name: r.name,
        role: r.role,
        organisation: r.organisation,
        email: r.email,
        phone: r.phone,
        influence: r.influence,
        interest: r.interest,
        quadrant: stakeholderQuadrant(r.influence, r.interest),
        attitude: r.attitude as StakeholderAttitude,
        engagementCurrent: r.engagementCurrent as EngagementLevel,
        engagementDesired: r.engagementDesired as EngagementLevel,
        engagementGap: engagementGap(
          r.engagementCurrent as EngagementLevel,
          r.engagementDesired as EngagementLevel,
        ),
        ownerId: r.ownerId,
        ownerName: r.ownerId ? (owners.get(r.ownerId) ?? null) : null,
        orgUnitId,
        orgUnitName: units.get(orgUnitId) ?? '',
        notes: r.notes,
        projectIds: mine.map((l) => l.projectId),
        projectCount: mine.length,
        projects: mine.map((l) => ({ id: l.projectId, code: l.code, name: l.name })),
      };
    });
  }

  private async dto(actor: Actor, row: StakeholderRow): Promise<Stakeholder> {
    const v = await this.access.visibility(actor, 'project.read');
    return (await this.dtos([row], v))[0] as Stakeholder;
  }

  /** The register as the caller may see it, by name; filtered by project, quadrant, attitude or words. */
  async list(
    actor: Actor,
    q: {
      projectId?: string | undefined;
      quadrant?: StakeholderQuadrant | undefined;
      attitude?: StakeholderAttitude | undefined;
      q?: string | undefined;
    },
  ): Promise<{ items: Stakeholder[] }> {
    const v = await this.access.visibility(actor, 'project.read');
    const rows = await this.repo.list(this.db, v, {
      q: q.q || undefined,
      projectId: q.projectId,
      attitude: q.attitude,
    });
    // The quadrant is the core rule's, not a second copy of it in SQL.
    const shown = q.quadrant
      ? rows.filter((r) => stakeholderQuadrant(r.influence, r.interest) === q.quadrant)
      : rows;
    return { items: await this.dtos(shown, v) };
  }

  /** One stakeholder, when the caller may see it (404 otherwise: its existence is not told). */
  async get(actor: Actor, id: string): Promise<Stakeholder> {
    const row = await this.row(id);
    const v = await this.access.visibility(actor, 'project.read');
    const [item] = await this.dtos([row], v);
    const seen = v.all || (row.orgUnitId !== null && v.orgUnitIds.includes(row.orgUnitId));
    if (!item || (!seen && item.projectCount === 0)) throw notFound('Stakeholder');
    return item;
  }

  // ---- where a stakeholder sits, and who may change it ----

  private async unitPath(orgUnitId: string | null): Promise<ScopePath> {
    return this.access.orgUnitOrRootPath(orgUnitId).catch(() => {
      throw invalid('orgUnitId', 'exists', 'no such org unit');
    });
  }

  private async mayUpdateProject(actor: Actor, projectId: string): Promise<boolean> {
    return this.access.allows(actor, ['project.update'], await this.access.projectPath(projectId));
  }

  /** Refuses unless the caller may change every one of these projects. */
  private async requireProjects(actor: Actor, projectIds: readonly string[]): Promise<void> {
    for (const id of projectIds) {
      if (!(await this.mayUpdateProject(actor, id)))
        throw forbidden('You may not change the stakeholders of a project you may not change.');
    }
  }

  /** The distinct ids, each a live project (422 naming projectIds otherwise). */
  private async checkProjects(projectIds: readonly string[]): Promise<string[]> {
    const ids = [...new Set(projectIds)];
    const found = await this.repo.existingProjects(this.db, ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw invalid('projectIds', 'exists', `no such project: ${missing.join(', ')}`);
    return ids;
  }

  private async checkOwner(ownerId: string | null | undefined): Promise<void> {
    if (ownerId && !(await this.projectsRepo.userExists(this.db, ownerId)))
      throw invalid('ownerId', 'exists', 'no such user');
  }

  /** Whether the caller may edit the stakeholder: at its unit, or on one of its projects. */
  private async mayEdit(actor: Actor, row: StakeholderRow, projectIds: readonly string[]): Promise<boolean> {
    if (this.access.allows(actor, ['project.update'], await this.unitPath(row.orgUnitId))) return true;
    for (const id of projectIds) if (await this.mayUpdateProject(actor, id)) return true;
    return false;
  }

  /** Of a stakeholder's projects, those the caller may not see. */
  private async hiddenLinks(actor: Actor, id: string, linked: readonly string[]): Promise<string[]> {
    const v = await this.access.visibility(actor, 'project.read');
    if (v.all) return [];
    const seen = new Set((await this.repo.links(this.db, [id], v)).map((l) => l.projectId));
    return linked.filter((p) => !seen.has(p));
  }

  // ---- writes ----

  async create(
    actor: Actor,
    body: Details & { name: string; influence: number; interest: number },
  ): Promise<Stakeholder> {
    const path = await this.unitPath(body.orgUnitId ?? null);
    const orgUnitId = path.orgUnitIds[0] as string;
    const projectIds = await this.checkProjects(body.projectIds ?? []);
    await this.checkOwner(body.ownerId);
    if (projectIds.length > 0) await this.requireProjects(actor, projectIds);
    else
      this.access.require(
        actor,
        'project.update',
        path,
        'You may not register a stakeholder on no project here: put it on a project you may change, or register it at an org unit where you may change projects.',
      );
    const row = await this.db.transaction(async (tx) => {
      const created = await this.repo.insert(tx, {
        name: body.name,
        influence: body.influence,
        interest: body.interest,
        role: body.role ?? null,
        organisation: body.organisation ?? null,
        email: body.email ?? null,
        phone: body.phone ?? null,
        attitude: body.attitude ?? 'neutral',
        engagementCurrent: body.engagementCurrent ?? 'neutral',
        engagementDesired: body.engagementDesired ?? 'supportive',
        ownerId: body.ownerId ?? null,
        orgUnitId,
        notes: body.notes?.trim() || null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await this.repo.link(tx, created.id, projectIds);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'stakeholder', id: created.id, action: 'create' },
        null,
        snapshot(created, projectIds),
      );
      return created;
    });
    return this.dto(actor, row);
  }

  async update(
    actor: Actor,
    id: string,
    body: Details & {
      version: number;
      name?: string | undefined;
      influence?: number | undefined;
      interest?: number | undefined;
    },
  ): Promise<Stakeholder> {
    const before = await this.row(id);
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const linked = await this.repo.allProjectIds(this.db, id);
    if (!(await this.mayEdit(actor, before, linked))) throw forbidden(NOT_HERE);
    const { version, projectIds: wanted, notes, orgUnitId: unit, ...rest } = body;
    let orgUnitId: string | undefined;
    if (unit !== undefined && unit !== before.orgUnitId) {
      const path = await this.unitPath(unit);
      this.access.require(
        actor,
        'project.update',
        path,
        'You may not register stakeholders at that org unit.',
      );
      orgUnitId = unit;
    }
    // The links replaced wholesale are those the caller can see: a link to a project hidden from them
    // is kept, as they could neither know of it nor send it back.
    const next =
      wanted === undefined
        ? linked
        : [
            ...new Set([
              ...(await this.checkProjects(wanted)),
              ...(await this.hiddenLinks(actor, id, linked)),
            ]),
          ];
    const { added, removed } = diffProjectLinks(linked, next);
    await this.requireProjects(actor, [...added, ...removed]);
    await this.checkOwner(body.ownerId);
    const values = {
      ...definedOnly(rest),
      ...(notes !== undefined ? { notes: notes?.trim() || null } : {}),
      ...(orgUnitId ? { orgUnitId } : {}),
    };
    const after = await this.db.transaction(async (tx) => {
      const r = await this.repo.update(tx, id, version, values, actor.userId);
      if (!r) throw staleVersion(before.version + 1, version);
      await this.repo.unlink(tx, id, removed);
      await this.repo.link(tx, id, added);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'stakeholder', id, action: 'update' },
        snapshot(before, linked),
        snapshot(r, next),
      );
      return r;
    });
    return this.dto(actor, after);
  }

  /**
   * Deletes a stakeholder from the register and every project. The caller needs project.update where
   * it is registered, or on every project it is on (it does not vanish from someone else's project).
   */
  async remove(actor: Actor, id: string, version: number | undefined): Promise<void> {
    const before = await this.row(id);
    if (version !== undefined && before.version !== version) throw staleVersion(before.version, version);
    const linked = await this.repo.allProjectIds(this.db, id);
    const atUnit = this.access.allows(actor, ['project.update'], await this.unitPath(before.orgUnitId));
    if (!atUnit) {
      if (linked.length === 0) throw forbidden(NOT_HERE);
      for (const p of linked)
        if (!(await this.mayUpdateProject(actor, p)))
          throw forbidden(
            'The stakeholder is also on projects you may not change: unlink it from your projects instead.',
          );
    }
    await this.db.transaction(async (tx) => {
      if (!(await this.repo.remove(tx, id, version ?? before.version)))
        throw staleVersion(before.version + 1, version ?? before.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'stakeholder', id, action: 'delete' },
        snapshot(before, linked),
        null,
      );
    });
  }
}
