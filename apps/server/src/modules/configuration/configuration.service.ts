import type {
  ChangeRequestConfigurationItems,
  ConfigurationItem,
  ConfigurationItemDetail,
  ConfigurationItemVersion,
} from '@baton/contracts';
import {
  type ConfigurationItemKind,
  type ConfigurationVersionStatus,
  checkVersionTransition,
  currentVersions,
  labelForNewVersion,
  type ScopePath,
} from '@baton/core';
import type { Database } from '@baton/db';
import { conflict, forbidden, invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import { auditStamp, definedOnly, recordChange, snapshotOf } from '../shared/record-change.ts';
import type {
  CiChangeRef,
  CiProjectRef,
  CiRow,
  CiVersionRow,
  ConfigurationRepository,
} from './configuration.repository.ts';

const ITEM_SNAPSHOT = ['code', 'name', 'kind', 'description', 'ownerId'] as const;
const CLOSED = new Set(['completed', 'cancelled']);
const OPEN_VERSION = new Set(['draft', 'in_review']);

const summary = (v: CiVersionRow | null) =>
  v ? { id: v.id, number: v.number, label: v.label, status: v.status as ConfigurationVersionStatus } : null;

/**
 * Configuration items of a project and their versions: a new item starts at version 1 in draft; a
 * version goes draft → in review → approved (or back to draft), and approving one supersedes the
 * item's previously approved version in the same step, so an item has at most one approved version.
 * Change requests name the items they touch; approving the change records each item's next version,
 * approved, inside the change's own transaction.
 */
export class ConfigurationService {
  constructor(
    private readonly db: Database,
    private readonly repo: ConfigurationRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  // ---- where things sit, for the permission table ----

  async pathOfItem(id: string): Promise<ScopePath> {
    return this.access.projectPath((await this.itemRow(id)).projectId);
  }

  private async itemRow(id: string): Promise<CiRow> {
    const row = await this.repo.item(this.db, id);
    if (!row) throw notFound('Configuration item');
    return row;
  }

  private async project(id: string): Promise<CiProjectRef> {
    const [p] = await this.repo.projectsByIds(this.db, [id]);
    if (!p) throw notFound('Project');
    return p;
  }

  // ---- DTOs ----

  private async versionDtos(rows: readonly CiVersionRow[]): Promise<ConfigurationItemVersion[]> {
    const [names, changes] = await Promise.all([
      this.repo.userNames(
        this.db,
        rows.map((r) => r.createdBy),
      ),
      this.repo.changes(this.db, [
        ...new Set(rows.map((r) => r.changeRequestId).filter((x): x is string => !!x)),
      ]),
    ]);
    const codes = new Map(changes.map((c) => [c.id, c.code]));
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      label: r.label,
      status: r.status as ConfigurationVersionStatus,
      notes: r.notes,
      changeRequestId: r.changeRequestId,
      changeRequestCode: r.changeRequestId ? (codes.get(r.changeRequestId) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  private async itemDtos(rows: readonly CiRow[]): Promise<ConfigurationItem[]> {
    const [projects, names, versions] = await Promise.all([
      this.repo.projectsByIds(this.db, [...new Set(rows.map((r) => r.projectId))]),
      this.repo.userNames(
        this.db,
        rows.map((r) => r.ownerId),
      ),
      this.repo.versions(
        this.db,
        rows.map((r) => r.id),
      ),
    ]);
    const byProject = new Map(projects.map((p) => [p.id, p]));
    return rows.map((r) => {
      const mine = versions.filter((v) => v.itemId === r.id);
      const { approved, latest } = currentVersions(
        mine.map((v) => ({ ...v, status: v.status as ConfigurationVersionStatus })),
      );
      const p = byProject.get(r.projectId);
      return {
        ...auditStamp(r),
        code: r.code,
        projectId: r.projectId,
        projectCode: p?.code ?? '',
        projectName: p?.name ?? '',
        name: r.name,
        kind: r.kind as ConfigurationItemKind,
        description: r.description,
        ownerId: r.ownerId,
        ownerName: r.ownerId ? (names.get(r.ownerId) ?? null) : null,
        versionCount: mine.length,
        latestVersion: summary(latest),
        approvedVersion: summary(approved),
      };
    });
  }

  private async itemDto(row: CiRow): Promise<ConfigurationItem> {
    return (await this.itemDtos([row]))[0] as ConfigurationItem;
  }

  // ---- items ----

  async list(projectId: string): Promise<{ items: ConfigurationItem[]; total: number }> {
    await this.project(projectId);
    const items = await this.itemDtos(await this.repo.items(this.db, [projectId]));
    return { items, total: items.length };
  }

  async get(id: string): Promise<ConfigurationItemDetail> {
    const row = await this.itemRow(id);
    const [versions, entries, named] = await Promise.all([
      this.repo.versions(this.db, [id]),
      this.repo.entriesOfItem(this.db, id),
      this.repo.changeItemsOfItem(this.db, id),
    ]);
    const [baselines, changes, dtos] = await Promise.all([
      this.repo.baselines(this.db, [row.projectId]),
      this.repo.changes(
        this.db,
        named.map((n) => n.changeRequestId),
      ),
      this.versionDtos([...versions].reverse()),
    ]);
    const numberOf = new Map(versions.map((v) => [v.id, v]));
    const changeBy = new Map(changes.map((c) => [c.id, c]));
    return {
      ...(await this.itemDto(row)),
      versions: dtos,
      baselines: baselines.flatMap((b) => {
        const e = entries.find((x) => x.baselineId === b.id);
        const v = e ? numberOf.get(e.versionId) : undefined;
        return v ? [{ id: b.id, name: b.name, versionNumber: v.number, versionLabel: v.label }] : [];
      }),
      changeRequests: named.flatMap((n) => {
        const c = changeBy.get(n.changeRequestId);
        if (!c) return [];
        const v = n.newVersionId ? numberOf.get(n.newVersionId) : undefined;
        return [
          {
            id: c.id,
            code: c.code,
            title: c.title,
            status: c.status,
            note: n.note,
            newVersionNumber: v?.number ?? null,
          },
        ];
      }),
    };
  }

  private async checkOwner(ownerId: string | null | undefined): Promise<void> {
    if (!ownerId) return;
    if ((await this.repo.userNames(this.db, [ownerId])).size === 0)
      throw invalid('ownerId', 'exists', 'no such user');
  }

  async create(
    actor: Actor,
    projectId: string,
    body: {
      name: string;
      kind: ConfigurationItemKind;
      description?: string | null | undefined;
      ownerId?: string | null | undefined;
      label?: string | undefined;
      notes?: string | null | undefined;
    },
  ): Promise<ConfigurationItem> {
    const project = await this.project(projectId);
    if (CLOSED.has(project.status))
      throw new ProblemError(
        422,
        'project-closed',
        `${project.code} is ${project.status}: it takes no new configuration items.`,
      );
    await this.checkOwner(body.ownerId);
    const row = await this.db.transaction(async (tx) => {
      const code = `CI-${String(await this.projectsRepo.nextSequence(tx, 'configuration_item')).padStart(4, '0')}`;
      const item = await this.repo.insertItem(tx, {
        code,
        projectId,
        name: body.name,
        kind: body.kind,
        description: body.description ?? null,
        ownerId: body.ownerId ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      const first = await this.repo.insertVersion(tx, {
        itemId: item.id,
        number: 1,
        label: body.label ?? '1.0',
        status: 'draft',
        notes: body.notes ?? null,
        createdBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'configuration_item', id: item.id, action: 'create' },
        null,
        { ...snapshotOf(item, ITEM_SNAPSHOT), projectId, firstVersion: `${first.number} (${first.label})` },
      );
      return item;
    });
    return this.itemDto(row);
  }

  async update(
    actor: Actor,
    id: string,
    body: {
      version: number;
      name?: string | undefined;
      kind?: ConfigurationItemKind | undefined;
      description?: string | null | undefined;
      ownerId?: string | null | undefined;
    },
  ): Promise<ConfigurationItem> {
    const before = await this.itemRow(id);
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const { version, ...rest } = body;
    const patch = definedOnly(rest);
    if (patch.ownerId !== undefined) await this.checkOwner(patch.ownerId);
    const row = await this.db.transaction(async (tx) => {
      const after = await this.repo.updateItem(tx, id, version, patch, actor.userId);
      if (!after) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'configuration_item', id, action: 'update' },
        snapshotOf(before, ITEM_SNAPSHOT),
        snapshotOf(after, ITEM_SNAPSHOT),
      );
      return after;
    });
    return this.itemDto(row);
  }

  /** Removes an item that never left draft: once approved, baselined or named by a change it stays. */
  async remove(actor: Actor, id: string): Promise<{ ok: true }> {
    const before = await this.itemRow(id);
    const [versions, entries, named] = await Promise.all([
      this.repo.versions(this.db, [id]),
      this.repo.entriesOfItem(this.db, id),
      this.repo.changeItemsOfItem(this.db, id),
    ]);
    if (versions.some((v) => !OPEN_VERSION.has(v.status)))
      throw conflict(`${before.code} has an approved version: it stays under configuration control.`);
    if (entries.length > 0) throw conflict(`${before.code} is frozen in a baseline: it cannot be deleted.`);
    if (named.length > 0)
      throw conflict(`${before.code} is named by a change request: take it off the change first.`);
    await this.db.transaction(async (tx) => {
      await this.repo.deleteItem(tx, id);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'configuration_item', id, action: 'delete', projectId: before.projectId },
        snapshotOf(before, ITEM_SNAPSHOT),
        null,
      );
    });
    return { ok: true };
  }

  // ---- versions ----

  /** Records the item's next version as a draft; one version at a time is open (draft or in review). */
  async addVersion(
    actor: Actor,
    id: string,
    body: { label?: string | undefined; notes?: string | null | undefined },
  ): Promise<ConfigurationItemDetail> {
    const item = await this.itemRow(id);
    await this.db.transaction(async (tx) => {
      await this.repo.lockItem(tx, id);
      const versions = await this.repo.versions(tx, [id]);
      const open = versions.find((v) => OPEN_VERSION.has(v.status));
      if (open)
        throw conflict(
          `${item.code} already has version ${open.number} (${open.label}) ${open.status === 'draft' ? 'in draft' : 'in review'}: finish that one first.`,
        );
      const labels = versions.map((v) => v.label);
      if (body.label && labels.includes(body.label))
        throw invalid('label', 'unique', `${item.code} already has a version labelled ${body.label}`);
      const created = await this.repo.insertVersion(tx, {
        itemId: id,
        number: Math.max(0, ...versions.map((v) => v.number)) + 1,
        label: body.label ?? labelForNewVersion(labels),
        status: 'draft',
        notes: body.notes ?? null,
        createdBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'configuration_item', id, action: 'add-version' },
        null,
        { number: created.number, label: created.label, status: created.status, notes: created.notes },
      );
    });
    return this.get(id);
  }

  /**
   * Moves a version: to review and back need project.update; approving needs project.approve or
   * change.approve on the project, and supersedes the item's previously approved version.
   */
  async transition(
    actor: Actor,
    id: string,
    number: number,
    to: ConfigurationVersionStatus,
  ): Promise<ConfigurationItemDetail> {
    const item = await this.itemRow(id);
    const path = await this.access.projectPath(item.projectId);
    if (to === 'approved') {
      if (!this.access.allows(actor, ['project.approve', 'change.approve'], path))
        throw forbidden(
          'Approving a version needs the right to approve on the project (an approver or the change board).',
        );
    } else if (!this.access.allows(actor, ['project.update'], path)) throw forbidden();
    await this.db.transaction(async (tx) => {
      await this.repo.lockItem(tx, id);
      const version = (await this.repo.versions(tx, [id])).find((v) => v.number === number);
      if (!version) throw notFound('Version');
      const from = version.status as ConfigurationVersionStatus;
      const check = checkVersionTransition(from, to);
      if (!check.ok)
        throw conflict(`${item.code} version ${number} (${version.label}) is ${from}: ${check.message}`, [
          { field: 'status', rule: 'transition', message: check.message },
        ]);
      const moved = await this.repo.setVersionStatus(tx, version.id, from, to);
      if (!moved) throw conflict(`${item.code} version ${number} changed meanwhile: reload and try again.`);
      const superseded = to === 'approved' ? await this.repo.supersede(tx, id, version.id) : [];
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'configuration_item', id, action: to === 'approved' ? 'approve-version' : 'move-version' },
        { number, label: version.label, status: from },
        {
          number,
          label: version.label,
          status: to,
          supersedes: superseded.map((s) => `${s.number} (${s.label})`).join(', ') || null,
        },
      );
    });
    return this.get(id);
  }

  // ---- the items a change request names ----

  private async changeOrThrow(id: string): Promise<CiChangeRef> {
    const c = await this.repo.change(this.db, id);
    if (!c) throw notFound('Change request');
    return c;
  }

  async changeItems(changeRequestId: string): Promise<ChangeRequestConfigurationItems> {
    const change = await this.changeOrThrow(changeRequestId);
    const named = await this.repo.changeItems(this.db, [changeRequestId]);
    const items = await Promise.all(named.map((n) => this.repo.item(this.db, n.itemId)));
    const versions = await this.repo.versions(
      this.db,
      named.map((n) => n.itemId),
    );
    const byId = new Map(versions.map((v) => [v.id, v]));
    return {
      changeRequestId: change.id,
      code: change.code,
      status: change.status,
      projectId: change.projectId,
      items: named
        .flatMap((n, i) => {
          const item = items[i];
          if (!item) return [];
          const { approved } = currentVersions(
            versions
              .filter((v) => v.itemId === item.id)
              .map((v) => ({ ...v, status: v.status as ConfigurationVersionStatus })),
          );
          return [
            {
              itemId: item.id,
              code: item.code,
              name: item.name,
              kind: item.kind as ConfigurationItemKind,
              note: n.note,
              approvedVersion: summary(approved),
              newVersion: summary(n.newVersionId ? (byId.get(n.newVersionId) ?? null) : null),
            },
          ];
        })
        .sort((a, b) => a.code.localeCompare(b.code)),
    };
  }

  /** Names the items a change touches (replacing the list), while the change is still undecided. */
  async putChangeItems(
    actor: Actor,
    changeRequestId: string,
    body: { items: readonly { itemId: string; note?: string | null | undefined }[] },
  ): Promise<ChangeRequestConfigurationItems> {
    const change = await this.changeOrThrow(changeRequestId);
    if (change.status !== 'submitted')
      throw conflict(`${change.code} is ${change.status}: the items it touches are fixed.`);
    const seen = new Set<string>();
    const rows = await this.repo.items(this.db, [change.projectId]);
    const inProject = new Map(rows.map((r) => [r.id, r]));
    for (const [i, entry] of body.items.entries()) {
      if (seen.has(entry.itemId)) throw invalid(`items.${i}.itemId`, 'unique', 'the item is named twice');
      seen.add(entry.itemId);
      if (!inProject.has(entry.itemId)) {
        const other = await this.repo.item(this.db, entry.itemId);
        throw invalid(
          `items.${i}.itemId`,
          other ? 'same-project' : 'exists',
          other
            ? `${other.code} belongs to another project: a change names only its own project’s items`
            : 'no such configuration item',
        );
      }
    }
    const before = await this.repo.changeItems(this.db, [changeRequestId]);
    const codeOf = (itemId: string) => inProject.get(itemId)?.code ?? itemId;
    await this.db.transaction(async (tx) => {
      await this.repo.replaceChangeItems(
        tx,
        changeRequestId,
        body.items.map((i) => ({ itemId: i.itemId, note: i.note?.trim() || null })),
      );
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'change_request', id: changeRequestId, action: 'name-configuration-items' },
        { configurationItems: before.map((b) => codeOf(b.itemId)).sort() },
        { configurationItems: body.items.map((i) => codeOf(i.itemId)).sort() },
      );
    });
    return this.changeItems(changeRequestId);
  }

  /**
   * Called inside the transaction that approves a change: each item it names gets its next version
   * (the next minor label), approved and tied to the change, superseding the one approved before.
   * Everything goes through `tx`, so a failed approval leaves nothing behind.
   */
  async recordApprovedChange(
    tx: Database,
    actor: Actor,
    change: { id: string; code: string; projectId: string },
  ): Promise<void> {
    const named = await this.repo.changeItems(tx, [change.id]);
    if (named.length === 0) return;
    const codes = new Map((await this.repo.items(tx, [change.projectId])).map((i) => [i.id, i.code]));
    named.sort((a, b) => (codes.get(a.itemId) ?? '').localeCompare(codes.get(b.itemId) ?? ''));
    for (const n of named) {
      const item = await this.repo.lockItem(tx, n.itemId);
      if (!item) continue;
      const versions = await this.repo.versions(tx, [item.id]);
      const created = await this.repo.insertVersion(tx, {
        itemId: item.id,
        number: Math.max(0, ...versions.map((v) => v.number)) + 1,
        label: labelForNewVersion(versions.map((v) => v.label)),
        status: 'approved',
        notes: n.note ?? `Recorded by ${change.code}`,
        changeRequestId: change.id,
        createdBy: actor.userId,
      });
      const superseded = await this.repo.supersede(tx, item.id, created.id);
      await this.repo.recordNewVersion(tx, change.id, item.id, created.id);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'configuration_item', id: item.id, action: 'change-version' },
        null,
        {
          number: created.number,
          label: created.label,
          status: 'approved',
          change: change.code,
          supersedes: superseded.map((s) => `${s.number} (${s.label})`).join(', ') || null,
        },
      );
    }
  }
}
