import type { OrgUnit, Portfolio, Program } from '@baton/contracts';
import { isPmoModel, type PmoModel, pmoModelAt } from '@baton/core';
import type { Database } from '@baton/db';
import { conflict, invalid, notFound, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import { definedOnly, recordChange, auditStamp as stamp } from '../shared/record-change.ts';
import type { Kind, OrgRepository, OrgUnitRow, PortfolioRow, ProgramRow } from './org.repository.ts';

type OrgUnitKind = OrgUnit['kind'];
const unitSnap = (u: OrgUnitRow) => ({
  code: u.code,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
  description: u.description,
  pmoModel: u.pmoModel,
});
const portfolioSnap = (p: PortfolioRow) => ({
  code: p.code,
  name: p.name,
  description: p.description,
  orgUnitId: p.orgUnitId,
  ownerId: p.ownerId,
});
const programSnap = (p: ProgramRow) => ({
  code: p.code,
  name: p.name,
  description: p.description,
  portfolioId: p.portfolioId,
  managerId: p.managerId,
});
const LABEL: Record<Kind, string> = { org_unit: 'org unit', portfolio: 'portfolio', program: 'program' };

/** The structure projects are filed under: org units (the PMO hierarchy), portfolios, programs. */
export class OrgService {
  constructor(
    private readonly db: Database,
    private readonly repo: OrgRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  private async assertCodeFree(
    tx: Database,
    kind: Kind,
    code: string | undefined,
    exceptId?: string,
  ): Promise<void> {
    if (code !== undefined && (await this.repo.codeTaken(tx, kind, code, exceptId))) {
      throw conflict(`Another ${LABEL[kind]} already uses this code.`, [
        { field: 'code', rule: 'unique', message: 'is already in use' },
      ]);
    }
  }

  // ---- org units ----

  /** Project counts are of the projects the caller may see (the org-wide count when no actor). */
  private async visible(actor: Actor | null) {
    return actor ? this.access.visibility(actor, 'project.read') : ({ all: true } as const);
  }

  async listOrgUnits(actor: Actor | null = null): Promise<OrgUnit[]> {
    const [units, direct] = await Promise.all([
      this.repo.listOrgUnits(),
      this.visible(actor).then((v) => this.repo.projectCounts('org_unit', v)),
    ]);
    const children = new Map<string, string[]>();
    for (const u of units)
      if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
    const memo = new Map<string, number>();
    const total = (id: string, depth: number): number => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      const below = depth > 64 ? 0 : (children.get(id) ?? []).reduce((s, c) => s + total(c, depth + 1), 0);
      const n = (direct.get(id) ?? 0) + below;
      memo.set(id, n);
      return n;
    };
    return units.map((u) => {
      const model = pmoModelAt(units, u.id);
      return {
        ...stamp(u),
        ...unitSnap(u),
        kind: u.kind as OrgUnitKind,
        pmoModel: isPmoModel(u.pmoModel) ? u.pmoModel : null,
        effectivePmoModel: model.model,
        pmoModelDefinedAt: model.definedAt,
        projectCount: total(u.id, 0),
      };
    });
  }

  async getOrgUnit(id: string, actor: Actor | null = null): Promise<OrgUnit> {
    const unit = (await this.listOrgUnits(actor)).find((u) => u.id === id);
    if (!unit) throw notFound('Org unit');
    return unit;
  }

  async createOrgUnit(
    actor: Actor,
    input: {
      code: string;
      name: string;
      kind: OrgUnitKind;
      parentId: string | null;
      description: string | null;
      pmoModel?: PmoModel | null | undefined;
    },
  ): Promise<OrgUnit> {
    if (input.pmoModel)
      this.access.require(actor, 'governance.manage', await this.access.newOrgUnitPath(input.parentId));
    const id = await this.db.transaction(async (tx) => {
      await this.assertCodeFree(tx, 'org_unit', input.code);
      if (input.parentId === null && (await this.repo.hasRootOrgUnit(tx))) {
        throw invalid(
          'parentId',
          'required',
          'there is already an enterprise PMO at the top: name the parent unit',
        );
      }
      const row = await this.repo.insertOrgUnit(tx, {
        ...input,
        pmoModel: input.pmoModel ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'org_unit', id: row.id, action: 'create' },
        null,
        unitSnap(row),
      );
      return row.id;
    });
    return this.getOrgUnit(id);
  }

  async updateOrgUnit(
    actor: Actor,
    id: string,
    input: {
      version?: number | undefined;
      code?: string | undefined;
      name?: string | undefined;
      kind?: OrgUnitKind | undefined;
      parentId?: string | null | undefined;
      description?: string | null | undefined;
      pmoModel?: PmoModel | null | undefined;
    },
  ): Promise<OrgUnit> {
    const { version, ...patch } = input;
    // The operating model is the PMO's call: it needs governance authority over the unit.
    if (patch.pmoModel !== undefined)
      this.access.require(
        actor,
        'governance.manage',
        await this.access.orgUnitPath(id),
        'Only the PMO governing this unit sets its operating model.',
      );
    if (patch.parentId !== undefined) {
      if (patch.parentId === null)
        throw invalid('parentId', 'required', 'only the enterprise PMO sits at the top');
      if ((await this.access.subtree(id)).includes(patch.parentId)) {
        throw invalid('parentId', 'no_cycle', 'a unit cannot move beneath itself');
      }
      this.access.require(actor, 'org.manage', await this.access.newOrgUnitPath(patch.parentId));
    }
    await this.updateVersioned(actor, 'org_unit', id, version, patch, {
      get: (tx, x) => this.repo.getOrgUnit(tx, x),
      update: (tx, x, v, values, by) => this.repo.updateOrgUnit(tx, x, v, values, by),
      snap: unitSnap,
      check: async (_tx, before) => {
        if (patch.parentId !== undefined && before.parentId === null) {
          throw invalid('parentId', 'root_stays', 'the enterprise PMO stays at the top');
        }
      },
    });
    return this.getOrgUnit(id);
  }

  /**
   * The update every structure record shares, in one transaction: read, version check, the record's
   * own rule (`check`), unique code, versioned write, journal entry.
   */
  private async updateVersioned<R extends { version: number; code: string }>(
    actor: Actor,
    kind: Kind,
    id: string,
    /** The version the caller changed; undefined: whatever is stored. */
    version: number | undefined,
    patch: Record<string, unknown> & { code?: string | undefined },
    ops: {
      get(tx: Database, id: string): Promise<R | null>;
      update(
        tx: Database,
        id: string,
        version: number,
        values: Record<string, unknown>,
        actorId: string | null,
      ): Promise<R | null>;
      snap(row: R): Record<string, unknown>;
      check?(tx: Database, before: R): Promise<void>;
    },
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await ops.get(tx, id);
      if (!before) throw notFound(LABEL[kind].replace(/^./, (c) => c.toUpperCase()));
      if (version !== undefined && before.version !== version) throw staleVersion(before.version, version);
      await ops.check?.(tx, before);
      await this.assertCodeFree(tx, kind, patch.code, id);
      const expected = version ?? before.version;
      const after = await ops.update(tx, id, expected, definedOnly(patch), actor.userId);
      if (!after) throw staleVersion(before.version + 1, expected);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: kind, id, action: 'update' },
        ops.snap(before),
        ops.snap(after),
      );
    });
  }

  private async deleteEmpty(
    actor: Actor,
    kind: Kind,
    id: string,
    snap: Record<string, unknown>,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const blocking = await this.repo.dependents(tx, kind, id);
      if (blocking.length > 0) {
        throw conflict(`This ${LABEL[kind]} still has ${blocking.join(' and ')}: move or remove them first.`);
      }
      await this.repo.delete(tx, kind, id);
      await recordChange(this.journal, tx, actor, { type: kind, id, action: 'delete' }, snap, null);
    });
  }

  async deleteOrgUnit(actor: Actor, id: string): Promise<void> {
    const unit = await this.repo.getOrgUnit(this.db, id);
    if (!unit) throw notFound('Org unit');
    await this.deleteEmpty(actor, 'org_unit', id, unitSnap(unit));
  }

  // ---- portfolios ----

  async listPortfolios(actor: Actor | null = null): Promise<Portfolio[]> {
    const [rows, counts] = await Promise.all([
      this.repo.listPortfolios(),
      this.visible(actor).then((v) => this.repo.projectCounts('portfolio', v)),
    ]);
    return rows.map((p) => ({ ...stamp(p), ...portfolioSnap(p), projectCount: counts.get(p.id) ?? 0 }));
  }

  async getPortfolio(id: string, actor: Actor | null = null): Promise<Portfolio> {
    const p = (await this.listPortfolios(actor)).find((x) => x.id === id);
    if (!p) throw notFound('Portfolio');
    return p;
  }

  async createPortfolio(
    actor: Actor,
    input: {
      code: string;
      name: string;
      description: string | null;
      orgUnitId?: string | undefined;
      ownerId: string | null;
    },
  ): Promise<Portfolio> {
    const orgUnitId = input.orgUnitId ?? (await this.access.rootOrgUnitId());
    const id = await this.db.transaction(async (tx) => {
      await this.assertCodeFree(tx, 'portfolio', input.code);
      const row = await this.repo.insertPortfolio(tx, {
        ...input,
        orgUnitId,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'portfolio', id: row.id, action: 'create' },
        null,
        portfolioSnap(row),
      );
      return row.id;
    });
    return this.getPortfolio(id);
  }

  async updatePortfolio(
    actor: Actor,
    id: string,
    input: {
      version: number;
      code?: string | undefined;
      name?: string | undefined;
      description?: string | null | undefined;
      orgUnitId?: string | undefined;
      ownerId?: string | null | undefined;
    },
  ): Promise<Portfolio> {
    const { version, ...patch } = input;
    if (patch.orgUnitId !== undefined)
      this.access.require(actor, 'portfolio.manage', await this.access.newPortfolioPath(patch.orgUnitId));
    await this.updateVersioned(actor, 'portfolio', id, version, patch, {
      get: (tx, x) => this.repo.getPortfolio(tx, x),
      update: (tx, x, v, values, by) => this.repo.updatePortfolio(tx, x, v, values, by),
      snap: portfolioSnap,
    });
    return this.getPortfolio(id);
  }

  async deletePortfolio(actor: Actor, id: string): Promise<void> {
    const p = await this.repo.getPortfolio(this.db, id);
    if (!p) throw notFound('Portfolio');
    await this.deleteEmpty(actor, 'portfolio', id, portfolioSnap(p));
  }

  // ---- programs ----

  async listPrograms(portfolioId?: string, actor: Actor | null = null): Promise<Program[]> {
    const [rows, counts] = await Promise.all([
      this.repo.listPrograms(portfolioId),
      this.visible(actor).then((v) => this.repo.projectCounts('program', v)),
    ]);
    return rows.map((p) => ({ ...stamp(p), ...programSnap(p), projectCount: counts.get(p.id) ?? 0 }));
  }

  async getProgram(id: string, actor: Actor | null = null): Promise<Program> {
    const p = (await this.listPrograms(undefined, actor)).find((x) => x.id === id);
    if (!p) throw notFound('Program');
    return p;
  }

  async createProgram(
    actor: Actor,
    input: {
      code: string;
      name: string;
      description: string | null;
      portfolioId: string;
      managerId: string | null;
    },
  ): Promise<Program> {
    const id = await this.db.transaction(async (tx) => {
      await this.assertCodeFree(tx, 'program', input.code);
      const row = await this.repo.insertProgram(tx, {
        ...input,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'program', id: row.id, action: 'create' },
        null,
        programSnap(row),
      );
      return row.id;
    });
    return this.getProgram(id);
  }

  async updateProgram(
    actor: Actor,
    id: string,
    input: {
      version: number;
      code?: string | undefined;
      name?: string | undefined;
      description?: string | null | undefined;
      portfolioId?: string | undefined;
      managerId?: string | null | undefined;
    },
  ): Promise<Program> {
    const { version, ...patch } = input;
    if (patch.portfolioId !== undefined) {
      this.access.require(actor, 'portfolio.manage', await this.access.newProgramPath(patch.portfolioId));
    }
    await this.updateVersioned(actor, 'program', id, version, patch, {
      get: (tx, x) => this.repo.getProgram(tx, x),
      update: (tx, x, v, values, by) => this.repo.updateProgram(tx, x, v, values, by),
      snap: programSnap,
      check: async (tx, before) => {
        if (patch.portfolioId !== undefined && patch.portfolioId !== before.portfolioId) {
          const blocking = await this.repo.dependents(tx, 'program', id);
          if (blocking.length > 0) throw invalid('portfolioId', 'empty', 'move the program’s projects first');
        }
      },
    });
    return this.getProgram(id);
  }

  async deleteProgram(actor: Actor, id: string): Promise<void> {
    const p = await this.repo.getProgram(this.db, id);
    if (!p) throw notFound('Program');
    await this.deleteEmpty(actor, 'program', id, programSnap(p));
  }
}
