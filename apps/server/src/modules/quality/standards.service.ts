import type { QualityStandard } from '@baton/contracts';
import {
  applicableStandards,
  type ChecklistItem,
  checkChecklist,
  type EffectiveItem,
  effectiveChecklist,
  type QualityStandardRule,
  type ScopePath,
} from '@baton/core';
import type { Database } from '@baton/db';
import { invalid, notFound, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { RaidRepository } from '../raid/raid.repository.ts';
import { auditStamp, recordChange } from '../shared/record-change.ts';
import type { QualityRepository, StandardRow } from './quality.repository.ts';

const snapshot = (r: StandardRow) => ({
  deliverableType: r.deliverableType,
  name: r.name,
  description: r.description,
  orgUnitId: r.orgUnitId,
  checklist: (r.checklist as ChecklistItem[]).map((i) => `${i.key}${i.required ? '' : ' (optional)'}`),
  retiredAt: r.retiredAt?.toISOString() ?? null,
});

/** The rule the core functions read from a stored standard. */
export function ruleOf(r: StandardRow): QualityStandardRule {
  return {
    id: r.id,
    name: r.name,
    deliverableType: r.deliverableType,
    orgUnitId: r.orgUnitId,
    checklist: r.checklist as ChecklistItem[],
    retired: r.retiredAt !== null,
  };
}

function checkItems(items: readonly ChecklistItem[]): void {
  const problem = checkChecklist(items);
  if (problem) {
    const [field = 'checklist', ...rest] = problem.split(': ');
    throw invalid(field, 'unique', rest.join(': '));
  }
}

/**
 * Quality standards: a checklist per deliverable type, defined at an org unit for everything beneath
 * it (or for the whole organisation). What applies to a deliverable is every live standard of its type
 * at the project's unit or above.
 */
export class QualityStandardsService {
  constructor(
    private readonly db: Database,
    private readonly repo: QualityRepository,
    private readonly raidRepo: RaidRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  private async row(id: string): Promise<StandardRow> {
    const row = await this.repo.standard(this.db, id);
    if (!row) throw notFound('Quality standard');
    return row;
  }

  /** Where a standard is defined, for the permission table (the root unit for an organisation-wide one). */
  async pathOf(id: string): Promise<ScopePath> {
    return this.access.orgUnitOrRootPath((await this.row(id)).orgUnitId);
  }

  async newPath(orgUnitId: string | null | undefined): Promise<ScopePath> {
    return this.access.orgUnitOrRootPath(orgUnitId ?? null).catch(() => {
      throw invalid('orgUnitId', 'exists', 'no such org unit');
    });
  }

  private async dtos(rows: readonly StandardRow[]): Promise<QualityStandard[]> {
    const units = await this.raidRepo.orgUnitNames(
      this.db,
      rows.map((r) => r.orgUnitId),
    );
    return rows.map((r) => ({
      ...auditStamp(r),
      deliverableType: r.deliverableType,
      name: r.name,
      description: r.description,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitId ? (units.get(r.orgUnitId) ?? null) : null,
      checklist: r.checklist as ChecklistItem[],
      retired: r.retiredAt !== null,
      retiredAt: r.retiredAt?.toISOString() ?? null,
    }));
  }

  async list(q: {
    deliverableType?: string | undefined;
    projectId?: string | undefined;
    retired?: 'true' | 'false' | undefined;
  }): Promise<{ items: QualityStandard[] }> {
    let rows = await this.repo.standards(this.db, {
      deliverableType: q.deliverableType,
      includeRetired: q.retired === 'true' && !q.projectId,
    });
    if (q.projectId) {
      const chain = (await this.access.projectPath(q.projectId)).orgUnitIds;
      const types = [...new Set(rows.map((r) => r.deliverableType))];
      const kept = new Set(
        types.flatMap((t) => applicableStandards(rows.map(ruleOf), t, chain).map((s) => s.id)),
      );
      rows = rows.filter((r) => kept.has(r.id));
    }
    return { items: await this.dtos(rows) };
  }

  async get(id: string): Promise<QualityStandard> {
    return (await this.dtos([await this.row(id)]))[0] as QualityStandard;
  }

  /** The standards that apply to a deliverable type on a project, and their united checklist. */
  async applicableFor(
    projectId: string,
    deliverableType: string,
  ): Promise<{ standards: StandardRow[]; checklist: EffectiveItem[] }> {
    const [rows, path] = await Promise.all([
      this.repo.standards(this.db, { deliverableType }),
      this.access.projectPath(projectId),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const rules = applicableStandards(rows.map(ruleOf), deliverableType, path.orgUnitIds);
    return {
      standards: rules.map((s) => byId.get(s.id) as StandardRow),
      checklist: effectiveChecklist(rules),
    };
  }

  async create(
    actor: Actor,
    body: {
      deliverableType: string;
      name: string;
      description?: string | null | undefined;
      orgUnitId?: string | null | undefined;
      checklist: ChecklistItem[];
    },
  ): Promise<QualityStandard> {
    checkItems(body.checklist);
    const row = await this.db.transaction(async (tx) => {
      const r = await this.repo.insertStandard(tx, {
        deliverableType: body.deliverableType,
        name: body.name,
        description: body.description ?? null,
        orgUnitId: body.orgUnitId ?? null,
        checklist: body.checklist,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'quality_standard', id: r.id, action: 'create' },
        null,
        snapshot(r),
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
      name?: string | undefined;
      description?: string | null | undefined;
      checklist?: ChecklistItem[] | undefined;
      retired?: boolean | undefined;
    },
  ): Promise<QualityStandard> {
    const before = await this.row(id);
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    if (body.checklist) checkItems(body.checklist);
    const values = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.checklist !== undefined ? { checklist: body.checklist } : {}),
      ...(body.retired === undefined || body.retired === (before.retiredAt !== null)
        ? {}
        : { retiredAt: body.retired ? new Date() : null }),
    };
    const after = await this.db.transaction(async (tx) => {
      const r = await this.repo.updateStandard(tx, id, body.version, values, actor.userId);
      if (!r) throw staleVersion(before.version + 1, body.version);
      const action = 'retiredAt' in values ? (values.retiredAt ? 'retire' : 'restore') : 'update';
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'quality_standard', id, action },
        snapshot(before),
        snapshot(r),
      );
      return r;
    });
    return (await this.dtos([after]))[0] as QualityStandard;
  }
}
