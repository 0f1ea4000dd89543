import type { ComplianceItem, PmoStandard } from '@baton/contracts';
import {
  checklistInForce,
  checkReplacement,
  checkWaiver,
  type ScopePath,
  type StandardKind,
  type StandardStatus,
  standardAction,
  standardsInForce,
} from '@baton/core';
import type { Database } from '@baton/db';
import { conflict, invalid, notFound, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { RaidRepository } from '../raid/raid.repository.ts';
import { auditStamp, definedOnly, recordChange, snapshotOf } from '../shared/record-change.ts';
import type {
  CheckRow,
  ItemRow,
  StandardRow,
  StandardsRepository,
  WaiverRow,
} from './standards.repository.ts';

type Unit = { id: string; name: string; parentId: string | null };

/** The title of each standard's newest version, by key. */
function titlesOf(all: readonly StandardRow[]): (key: string | null) => string | null {
  const newest = new Map<string, StandardRow>();
  for (const s of all) {
    const had = newest.get(s.key);
    if (!had || had.standardVersion < s.standardVersion) newest.set(s.key, s);
  }
  return (key) => (key ? (newest.get(key)?.title ?? null) : null);
}
const STANDARD_SNAPSHOT = [
  'kind',
  'title',
  'body',
  'overridable',
  'replacesKey',
  'status',
  'effectiveFrom',
] as const;
const ITEM_SNAPSHOT = ['text', 'standardKey', 'overridable', 'retiredAt'] as const;

/**
 * Versioned PMO standards and policies, and the manual compliance checklist, down the org-unit
 * hierarchy. The PMO of a unit (governance.manage there) writes its own standards and items; a unit
 * below adds its own, replaces an overridable standard of a unit above, or waives an overridable item
 * with a reason. Project teams (project.update) attest each item in force for their project.
 */
export class StandardsService {
  constructor(
    private readonly db: Database,
    private readonly repo: StandardsRepository,
    private readonly raidRepo: RaidRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  // ---- where things sit, for the permission table ----

  async pathOfStandard(id: string): Promise<ScopePath> {
    const s = await this.repo.standard(this.db, id);
    if (!s) throw notFound('Standard');
    return this.access.orgUnitOrRootPath(s.orgUnitId);
  }

  async pathOfItem(id: string): Promise<ScopePath> {
    const i = await this.repo.item(this.db, id);
    if (!i) throw notFound('Compliance item');
    return this.access.orgUnitOrRootPath(i.orgUnitId);
  }

  /** Unit ids from the enterprise PMO down to the unit (the root when none is named). */
  private async chainOf(orgUnitId: string | null | undefined, field = 'orgUnitId'): Promise<string[]> {
    const path = await this.access.orgUnitOrRootPath(orgUnitId ?? null).catch(() => {
      throw invalid(field, 'exists', 'no such org unit');
    });
    return [...path.orgUnitIds].reverse();
  }

  private async unitNames(): Promise<Map<string, string>> {
    const units: Unit[] = await this.repo.units(this.db);
    return new Map(units.map((u) => [u.id, u.name]));
  }

  // ---- standards ----

  private async standardDtos(rows: readonly StandardRow[]): Promise<PmoStandard[]> {
    const [names, people, all, items] = await Promise.all([
      this.unitNames(),
      this.raidRepo.userNames(
        this.db,
        rows.map((r) => r.publishedBy),
      ),
      this.repo.standards(this.db),
      this.repo.items(this.db),
    ]);
    const titleOf = titlesOf(all);
    return rows.map((r) => ({
      ...auditStamp(r),
      key: r.key,
      standardVersion: r.standardVersion,
      kind: r.kind as StandardKind,
      title: r.title,
      body: r.body,
      orgUnitId: r.orgUnitId,
      orgUnitName: names.get(r.orgUnitId) ?? '',
      overridable: r.overridable,
      replacesKey: r.replacesKey,
      replacesTitle: r.replacesKey ? titleOf(r.replacesKey) : null,
      status: r.status as StandardStatus,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      publishedByName: r.publishedBy ? (people.get(r.publishedBy) ?? null) : null,
      effectiveFrom: r.effectiveFrom,
      checklistCount: items.filter((i) => i.standardKey === r.key && i.retiredAt === null).length,
    }));
  }

  private async standardDto(row: StandardRow): Promise<PmoStandard> {
    return (await this.standardDtos([row]))[0] as PmoStandard;
  }

  /** The standards in force at a unit (or for a project), those replaced on the way, and the unit's drafts. */
  async atUnit(q: { orgUnitId?: string | undefined; projectId?: string | undefined }) {
    let unitId = q.orgUnitId ?? null;
    if (q.projectId) {
      const path = await this.access.projectPath(q.projectId).catch(() => {
        throw invalid('projectId', 'exists', 'no such project');
      });
      unitId = path.orgUnitIds[0] ?? null;
    }
    const chain = await this.chainOf(unitId);
    const here = chain.at(-1) as string;
    const [all, names] = await Promise.all([this.repo.standards(this.db), this.unitNames()]);
    const { inForce, replaced } = standardsInForce(chain, all);
    const dtos = new Map((await this.standardDtos(inForce)).map((d) => [d.id, d]));
    return {
      orgUnitId: here,
      orgUnitName: names.get(here) ?? '',
      inForce: inForce
        .map((s) => ({ ...(dtos.get(s.id) as PmoStandard), inherited: s.orgUnitId !== here }))
        .sort((a, b) => Number(b.inherited) - Number(a.inherited) || a.key.localeCompare(b.key)),
      replaced: replaced.map((r) => ({
        key: r.standard.key,
        title: r.standard.title,
        orgUnitName: names.get(r.standard.orgUnitId) ?? '',
        byKey: r.by.key,
        byTitle: r.by.title,
        byOrgUnitName: names.get(r.by.orgUnitId) ?? '',
      })),
      drafts: await this.standardDtos(all.filter((s) => s.status === 'draft' && s.orgUnitId === here)),
    };
  }

  async get(id: string) {
    const row = await this.repo.standard(this.db, id);
    if (!row) throw notFound('Standard');
    const versions = await this.repo.versionsOf(this.db, row.key);
    const people = await this.raidRepo.userNames(
      this.db,
      versions.map((v) => v.publishedBy),
    );
    return {
      ...(await this.standardDto(row)),
      versions: versions.map((v) => ({
        id: v.id,
        standardVersion: v.standardVersion,
        status: v.status as StandardStatus,
        title: v.title,
        publishedAt: v.publishedAt?.toISOString() ?? null,
        publishedByName: v.publishedBy ? (people.get(v.publishedBy) ?? null) : null,
      })),
    };
  }

  private async checkReplaces(orgUnitId: string, replacesKey: string | null | undefined): Promise<void> {
    if (!replacesKey) return;
    const chain = await this.chainOf(orgUnitId);
    const wrong = checkReplacement(chain, await this.repo.standards(this.db), replacesKey);
    if (wrong) throw invalid('replacesKey', 'overridable', wrong);
  }

  async create(
    actor: Actor,
    body: {
      orgUnitId?: string | undefined;
      kind: StandardKind;
      title: string;
      body: string;
      overridable?: boolean | undefined;
      replacesKey?: string | null | undefined;
      effectiveFrom?: string | null | undefined;
    },
  ) {
    const chain = await this.chainOf(body.orgUnitId);
    const orgUnitId = chain.at(-1) as string;
    await this.checkReplaces(orgUnitId, body.replacesKey);
    const row = await this.db.transaction(async (tx) => {
      const key = `STD-${String(await this.projectsRepo.nextSequence(tx, 'pmo_standard')).padStart(3, '0')}`;
      const created = await this.repo.insertStandard(tx, {
        key,
        standardVersion: 1,
        kind: body.kind,
        title: body.title,
        body: body.body,
        orgUnitId,
        overridable: body.overridable ?? false,
        replacesKey: body.replacesKey ?? null,
        effectiveFrom: body.effectiveFrom ?? null,
        status: 'draft',
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'pmo_standard', id: created.id, action: 'create' },
        null,
        { key, standardVersion: 1, ...snapshotOf(created, STANDARD_SNAPSHOT) },
      );
      return created;
    });
    return this.standardDto(row);
  }

  private async draftOrThrow(id: string, version: number, action: 'edit' | 'publish' | 'revise' | 'retire') {
    const row = await this.repo.standard(this.db, id);
    if (!row) throw notFound('Standard');
    if (row.version !== version) throw staleVersion(row.version, version);
    if (!standardAction(row.status).includes(action))
      throw conflict(
        action === 'edit'
          ? `${row.key} v${row.standardVersion} is ${row.status}: a published standard does not change — revise it to write the next version`
          : `${row.key} v${row.standardVersion} is ${row.status}: it cannot be ${action === 'publish' ? 'published' : action === 'revise' ? 'revised' : 'retired'}`,
      );
    return row;
  }

  async update(
    actor: Actor,
    id: string,
    body: {
      version: number;
      kind?: StandardKind | undefined;
      title?: string | undefined;
      body?: string | undefined;
      overridable?: boolean | undefined;
      replacesKey?: string | null | undefined;
      effectiveFrom?: string | null | undefined;
    },
  ) {
    const before = await this.draftOrThrow(id, body.version, 'edit');
    const { version, ...rest } = body;
    const patch = definedOnly(rest);
    if (patch.replacesKey !== undefined) await this.checkReplaces(before.orgUnitId, patch.replacesKey);
    const row = await this.db.transaction(async (tx) => {
      const after = await this.repo.updateStandard(tx, id, version, patch, actor.userId);
      if (!after) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'pmo_standard', id, action: 'update' },
        snapshotOf(before, STANDARD_SNAPSHOT),
        snapshotOf(after, STANDARD_SNAPSHOT),
      );
      return after;
    });
    return this.standardDto(row);
  }

  /** Publishes a draft; the version published before it (if any) is superseded, in the same step. */
  async publish(actor: Actor, id: string, body: { version: number }) {
    const before = await this.draftOrThrow(id, body.version, 'publish');
    // A replacement is checked again: the standard above may have changed since the draft was written.
    await this.checkReplaces(before.orgUnitId, before.replacesKey);
    const row = await this.db.transaction(async (tx) => {
      const after = await this.repo.updateStandard(
        tx,
        id,
        body.version,
        { status: 'published', publishedAt: new Date(), publishedBy: actor.userId },
        actor.userId,
      );
      if (!after) throw staleVersion(before.version + 1, body.version);
      const superseded = await this.repo.supersede(tx, before.key, id, actor.userId);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'pmo_standard', id, action: 'publish' },
        { status: before.status },
        {
          status: 'published',
          supersedes: superseded.map((s) => `v${s.standardVersion}`).join(', ') || null,
        },
      );
      for (const s of superseded)
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'pmo_standard', id: s.id, action: 'supersede' },
          { status: 'published' },
          { status: 'superseded' },
        );
      return after;
    });
    return this.standardDto(row);
  }

  /** Starts the next version of a published standard as a draft copy of it. */
  async revise(actor: Actor, id: string, body: { version: number }) {
    const before = await this.draftOrThrow(id, body.version, 'revise');
    const versions = await this.repo.versionsOf(this.db, before.key);
    const draft = versions.find((v) => v.status === 'draft');
    if (draft)
      throw invalid(
        'id',
        'one-draft',
        `${before.key} already has a draft (v${draft.standardVersion}): edit or publish that one`,
      );
    const next = Math.max(...versions.map((v) => v.standardVersion)) + 1;
    const row = await this.db.transaction(async (tx) => {
      const created = await this.repo.insertStandard(tx, {
        key: before.key,
        standardVersion: next,
        kind: before.kind,
        title: before.title,
        body: before.body,
        orgUnitId: before.orgUnitId,
        overridable: before.overridable,
        replacesKey: before.replacesKey,
        effectiveFrom: null,
        status: 'draft',
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'pmo_standard', id: created.id, action: 'revise' },
        null,
        { key: before.key, standardVersion: next, revises: `v${before.standardVersion}` },
      );
      return created;
    });
    return this.standardDto(row);
  }

  /** Withdraws a published standard: it is no longer in force anywhere. */
  async retire(actor: Actor, id: string, body: { version: number }) {
    const before = await this.draftOrThrow(id, body.version, 'retire');
    const row = await this.db.transaction(async (tx) => {
      const after = await this.repo.updateStandard(tx, id, body.version, { status: 'retired' }, actor.userId);
      if (!after) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'pmo_standard', id, action: 'retire' },
        { status: before.status },
        { status: 'retired' },
      );
      return after;
    });
    return this.standardDto(row);
  }

  // ---- manual checklist items and waivers ----

  private async itemDtos(
    rows: readonly { item: ItemRow; waiver: WaiverRow | null }[],
    here: string,
  ): Promise<ComplianceItem[]> {
    const [names, standards] = await Promise.all([this.unitNames(), this.repo.standards(this.db)]);
    const titleOf = titlesOf(standards);
    return rows.map(({ item, waiver }) => ({
      ...auditStamp(item),
      text: item.text,
      orgUnitId: item.orgUnitId,
      orgUnitName: names.get(item.orgUnitId) ?? '',
      standardKey: item.standardKey,
      standardTitle: titleOf(item.standardKey),
      overridable: item.overridable,
      retiredAt: item.retiredAt?.toISOString() ?? null,
      inherited: item.orgUnitId !== here,
      waiver: waiver
        ? {
            orgUnitId: waiver.orgUnitId,
            orgUnitName: names.get(waiver.orgUnitId) ?? '',
            reason: waiver.reason,
            createdAt: waiver.createdAt.toISOString(),
          }
        : null,
    }));
  }

  /** The items in force at a unit, each with the waiver that lifts it there; retired ones on request. */
  async items(q: { orgUnitId?: string | undefined; includeRetired?: 'true' | 'false' | undefined }) {
    const chain = await this.chainOf(q.orgUnitId);
    const here = chain.at(-1) as string;
    const [items, waivers, names] = await Promise.all([
      this.repo.items(this.db),
      this.repo.waivers(this.db),
      this.unitNames(),
    ]);
    const view = (i: ItemRow) => ({ ...i, retired: i.retiredAt !== null });
    const live = checklistInForce(chain, items.map(view), waivers);
    const retired =
      q.includeRetired === 'true'
        ? items.filter((i) => i.retiredAt !== null && chain.includes(i.orgUnitId))
        : [];
    return {
      orgUnitId: here,
      orgUnitName: names.get(here) ?? '',
      items: await this.itemDtos(
        [
          ...live.map((x) => ({ item: x.item, waiver: x.waiver })),
          ...retired.map((item) => ({ item, waiver: null })),
        ],
        here,
      ),
    };
  }

  private async checkStandardKey(key: string | null | undefined): Promise<void> {
    if (!key) return;
    const versions = await this.repo.versionsOf(this.db, key);
    if (versions.length === 0) throw invalid('standardKey', 'exists', `no standard ${key}`);
  }

  async createItem(
    actor: Actor,
    body: {
      orgUnitId?: string | undefined;
      text: string;
      standardKey?: string | null | undefined;
      overridable?: boolean | undefined;
    },
  ) {
    const chain = await this.chainOf(body.orgUnitId);
    const orgUnitId = chain.at(-1) as string;
    await this.checkStandardKey(body.standardKey);
    const row = await this.db.transaction(async (tx) => {
      const created = await this.repo.insertItem(tx, {
        orgUnitId,
        text: body.text,
        standardKey: body.standardKey ?? null,
        overridable: body.overridable ?? false,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'compliance_item', id: created.id, action: 'create' },
        null,
        snapshotOf(created, ITEM_SNAPSHOT),
      );
      return created;
    });
    return (await this.itemDtos([{ item: row, waiver: null }], orgUnitId))[0] as ComplianceItem;
  }

  async updateItem(
    actor: Actor,
    id: string,
    body: {
      version: number;
      text?: string | undefined;
      standardKey?: string | null | undefined;
      overridable?: boolean | undefined;
      retired?: boolean | undefined;
    },
  ) {
    const before = await this.repo.item(this.db, id);
    if (!before) throw notFound('Compliance item');
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const { version, retired, ...rest } = body;
    const patch: Partial<ItemRow> = definedOnly(rest);
    if (patch.standardKey !== undefined) await this.checkStandardKey(patch.standardKey);
    if (retired !== undefined) patch.retiredAt = retired ? (before.retiredAt ?? new Date()) : null;
    const row = await this.db.transaction(async (tx) => {
      const after = await this.repo.updateItem(tx, id, version, patch, actor.userId);
      if (!after) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        {
          type: 'compliance_item',
          id,
          action: retired === true ? 'retire' : retired === false ? 'restore' : 'update',
        },
        snapshotOf(before, ITEM_SNAPSHOT),
        snapshotOf(after, ITEM_SNAPSHOT),
      );
      return after;
    });
    return (await this.itemDtos([{ item: row, waiver: null }], row.orgUnitId))[0] as ComplianceItem;
  }

  /** The unit waives an overridable item of a unit above, with its reason. */
  async waive(actor: Actor, orgUnitId: string, body: { itemId: string; reason: string }) {
    const chain = await this.chainOf(orgUnitId, 'id');
    const item = await this.repo.item(this.db, body.itemId);
    if (!item) throw invalid('itemId', 'exists', 'no such compliance item');
    const wrong = checkWaiver(chain, {
      ...item,
      orgUnitId: item.orgUnitId,
      retired: item.retiredAt !== null,
    });
    if (wrong) throw invalid('itemId', 'overridable', wrong);
    if (await this.repo.waiver(this.db, body.itemId, orgUnitId))
      throw invalid('itemId', 'unique', 'this unit has already waived the item');
    await this.db.transaction(async (tx) => {
      await this.repo.insertWaiver(tx, {
        itemId: body.itemId,
        orgUnitId,
        reason: body.reason,
        createdBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'compliance_item', id: body.itemId, action: 'waive' },
        null,
        { waivedFor: orgUnitId, reason: body.reason },
      );
    });
    return this.items({ orgUnitId });
  }

  async lift(actor: Actor, orgUnitId: string, itemId: string) {
    await this.chainOf(orgUnitId, 'id');
    const had = await this.repo.waiver(this.db, itemId, orgUnitId);
    if (!had) throw notFound('Waiver');
    await this.db.transaction(async (tx) => {
      await this.repo.deleteWaiver(tx, itemId, orgUnitId);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'compliance_item', id: itemId, action: 'lift-waiver' },
        { waivedFor: orgUnitId, reason: had.reason },
        null,
      );
    });
    return this.items({ orgUnitId });
  }

  // ---- project attestations ----

  /** Every project's checklist (the items in force there, not waived) and its attestations, in one pass. */
  async checklists(
    projectIds?: readonly string[],
  ): Promise<Map<string, { items: ItemRow[]; checks: CheckRow[] }>> {
    const [units, items, waivers, projects, checks] = await Promise.all([
      this.repo.units(this.db),
      this.repo.items(this.db),
      this.repo.waivers(this.db),
      this.repo.projectUnits(this.db),
      this.repo.checks(this.db, projectIds),
    ]);
    const parent = new Map(units.map((u) => [u.id, u.parentId]));
    const chainOf = (id: string) => {
      const out: string[] = [];
      for (let u: string | null | undefined = id; u && out.length < 64; u = parent.get(u)) out.unshift(u);
      return out;
    };
    const view = items.map((i) => ({
      ...i,
      orgUnitId: i.orgUnitId,
      retired: i.retiredAt !== null,
    }));
    const perUnit = new Map<string, ItemRow[]>();
    const out = new Map<string, { items: ItemRow[]; checks: CheckRow[] }>();
    const wanted = projectIds ? new Set(projectIds) : null;
    for (const p of projects) {
      if (wanted && !wanted.has(p.id)) continue;
      let applying = perUnit.get(p.orgUnitId);
      if (!applying) {
        applying = checklistInForce(chainOf(p.orgUnitId), view, waivers)
          .filter((x) => x.waiver === null)
          .map((x) => x.item);
        perUnit.set(p.orgUnitId, applying);
      }
      out.set(p.id, { items: applying, checks: checks.filter((c) => c.projectId === p.id) });
    }
    return out;
  }

  /** For compliance: how many of its checklist items each project has attested met. */
  async checklistCounts(): Promise<Map<string, { met: number; total: number }>> {
    const all = await this.checklists();
    return new Map(
      [...all.entries()].map(([id, { items, checks }]) => {
        const met = new Set(checks.filter((c) => c.met).map((c) => c.itemId));
        return [id, { met: items.filter((i) => met.has(i.id)).length, total: items.length }];
      }),
    );
  }

  async projectChecks(projectId: string) {
    const mine = (await this.checklists([projectId])).get(projectId);
    if (!mine) throw notFound('Project');
    const [names, standards, people] = await Promise.all([
      this.unitNames(),
      this.repo.standards(this.db),
      this.raidRepo.userNames(
        this.db,
        mine.checks.map((c) => c.checkedBy),
      ),
    ]);
    const titleOf = titlesOf(standards);
    const byItem = new Map(mine.checks.map((c) => [c.itemId, c]));
    const items = mine.items.map((i) => {
      const c = byItem.get(i.id);
      return {
        itemId: i.id,
        text: i.text,
        orgUnitName: names.get(i.orgUnitId) ?? '',
        standardKey: i.standardKey,
        standardTitle: titleOf(i.standardKey),
        met: c ? c.met : null,
        note: c?.note ?? null,
        checkedAt: c?.checkedAt.toISOString() ?? null,
        checkedByName: c?.checkedBy ? (people.get(c.checkedBy) ?? null) : null,
      };
    });
    return { projectId, items, met: items.filter((i) => i.met === true).length, total: items.length };
  }

  /** The project team attests one item in force for the project, met or not, with a note. */
  async putCheck(
    actor: Actor,
    projectId: string,
    itemId: string,
    body: { met: boolean; note?: string | null | undefined },
  ) {
    const mine = (await this.checklists([projectId])).get(projectId);
    if (!mine) throw notFound('Project');
    if (!mine.items.some((i) => i.id === itemId)) {
      const exists = await this.repo.item(this.db, itemId);
      throw exists
        ? invalid(
            'itemId',
            'applies',
            'this item does not apply to the project (another unit’s, waived or retired)',
          )
        : notFound('Compliance item');
    }
    const before = await this.repo.check(this.db, projectId, itemId);
    await this.db.transaction(async (tx) => {
      await this.repo.upsertCheck(tx, {
        projectId,
        itemId,
        met: body.met,
        note: body.note ?? null,
        checkedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'project', id: projectId, action: 'attest' },
        before ? { item: itemId, met: before.met, note: before.note } : null,
        { item: itemId, met: body.met, note: body.note ?? null },
      );
    });
    return this.projectChecks(projectId);
  }
}
