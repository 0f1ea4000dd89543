import type {
  CostRate,
  CreateResourceBody,
  Leave,
  Resource,
  ResourceDetail,
  ResourceKind,
  ResourceListQuery,
  Skill,
  UpdateResourceBody,
} from '@baton/contracts';
import type { Database } from '@baton/db';
import {
  parseResourcePoolCsv,
  parseResourcePoolXlsx,
  ResourcePoolImportError,
  type ResourcePoolRow,
  writeResourcePoolCsv,
} from '@baton/interop';
import { conflict, invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { OrgService } from '../org/org.service.ts';
import {
  definedOnly,
  isUniqueViolation,
  recordChange,
  auditStamp as stamp,
} from '../shared/record-change.ts';
import type {
  LeaveRow,
  RateRow,
  ResourceListRow,
  ResourceRow,
  ResourceSkillRow,
  ResourceSort,
  ResourcesRepository,
  SkillRow,
} from './resources.repository.ts';

/** The organisation's standard week, against which FTE is measured. */
export const STANDARD_WEEK_HOURS = 40;

export const today = (): string => new Date().toISOString().slice(0, 10);

export function kindOf(r: Pick<ResourceRow, 'kind' | 'generic'>): ResourceKind {
  if (r.kind === 'work') return r.generic ? 'role' : 'person';
  return r.kind === 'material' ? 'material' : 'cost';
}

const snap = (r: ResourceRow) => ({
  name: r.name,
  kind: kindOf(r),
  email: r.email,
  role: r.role,
  orgUnitId: r.orgUnitId,
  userId: r.userId,
  capacityHoursPerWeek: r.capacityHoursPerWeek,
  calendarId: r.calendarId,
  employmentStart: r.employmentStart,
  employmentEnd: r.employmentEnd,
  active: r.active,
});

const rateDto = (r: RateRow): CostRate => ({
  id: r.id,
  effectiveFrom: r.effectiveFrom,
  rateMinor: r.rateMinor,
  currency: r.currency,
});
const leaveDto = (l: LeaveRow): Leave => ({
  id: l.id,
  start: l.start,
  end: l.end,
  kind: (['leave', 'holiday', 'training', 'sick', 'other'] as const).find((k) => k === l.kind) ?? 'other',
  hoursPerDay: l.hoursPerDay,
  note: l.note,
});

/** The rate in effect on a day: the latest that took effect on or before it. */
export function rateOn(rates: readonly RateRow[], day: string): RateRow | null {
  let found: RateRow | null = null;
  for (const r of rates)
    if (r.effectiveFrom <= day && (!found || r.effectiveFrom > found.effectiveFrom)) found = r;
  return found;
}

/** The shared pool: people and generic roles, their skills, cost rates and leave. */
export class ResourcesService {
  constructor(
    private readonly db: Database,
    readonly repo: ResourcesRepository,
    private readonly access: AccessService,
    private readonly org: OrgService,
    private readonly journal: JournalRepository,
  ) {}

  toDto(r: ResourceListRow, skills: readonly ResourceSkillRow[], rates: readonly RateRow[]): Resource {
    const current = rateOn(rates, today());
    return {
      ...stamp(r),
      ...snap(r),
      orgUnitName: r.orgUnitName,
      userName: r.userName,
      fte: Math.round((100 * r.capacityHoursPerWeek) / STANDARD_WEEK_HOURS) / 100,
      skills: skills.map((s) => ({ skillId: s.skillId, skillName: s.skillName, level: s.level })),
      currentRate: current ? rateDto(current) : null,
    };
  }

  private async dtos(rows: ResourceListRow[]): Promise<Resource[]> {
    const ids = rows.map((r) => r.id);
    const [skills, rates] = await Promise.all([
      this.repo.skillsOf(this.db, ids),
      this.repo.ratesOf(this.db, ids),
    ]);
    const skillsBy = groupBy(skills, (s) => s.resourceId);
    const ratesBy = groupBy(rates, (s) => s.resourceId);
    return rows.map((r) => this.toDto(r, skillsBy.get(r.id) ?? [], ratesBy.get(r.id) ?? []));
  }

  async list(
    q: ResourceListQuery,
  ): Promise<{ items: Resource[]; total: number; page: number; pageSize: number }> {
    const orgUnitIds = q.orgUnitId ? await this.access.subtree(q.orgUnitId) : undefined;
    const { rows, total } = await this.repo.listResources(
      {
        q: q.q,
        kind: q.kind,
        orgUnitIds,
        skillId: q.skillId,
        minLevel: q.minLevel,
        active: q.active === 'all' ? undefined : q.active === 'true',
      },
      q.sort as ResourceSort,
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return { items: await this.dtos(rows), total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string): Promise<ResourceDetail> {
    const row = await this.repo.getResource(this.db, id);
    if (!row) throw notFound('Resource');
    const [skills, rates, leave] = await Promise.all([
      this.repo.skillsOf(this.db, [id]),
      this.repo.ratesOf(this.db, [id]),
      this.repo.leaveOf(this.db, [id]),
    ]);
    return { ...this.toDto(row, skills, rates), rates: rates.map(rateDto), leave: leave.map(leaveDto) };
  }

  /** The resource the signed-in user logs time as, if any. */
  resourceOfUser(userId: string): Promise<ResourceRow | null> {
    return this.repo.resourceOfUser(this.db, userId);
  }

  /** Where a resource sits, for the permission table: its org unit, else the organisation. */
  async pathOf(id: string) {
    const row = await this.repo.getResource(this.db, id);
    if (!row) throw notFound('Resource');
    return this.access.orgUnitOrRootPath(row.orgUnitId);
  }

  private async checkRefs(
    tx: Database,
    input: {
      orgUnitId?: string | null | undefined;
      userId?: string | null | undefined;
      skills?: readonly { skillId: string }[] | undefined;
    },
  ): Promise<void> {
    if (input.orgUnitId) {
      const units = await this.org.listOrgUnits();
      if (!units.some((u) => u.id === input.orgUnitId))
        throw invalid('orgUnitId', 'exists', 'no such org unit');
    }
    if (input.skills?.length) {
      const found = await this.repo.skillsByIds(
        tx,
        input.skills.map((s) => s.skillId),
      );
      const missing = input.skills.findIndex((s) => !found.some((f) => f.id === s.skillId));
      if (missing >= 0)
        throw invalid(`skills.${missing}.skillId`, 'exists', 'no such skill in the catalogue');
    }
  }

  private unique(e: unknown): never {
    if (isUniqueViolation(e))
      throw conflict('That login already belongs to another resource.', [
        { field: 'userId', rule: 'unique', message: 'is linked to another resource' },
      ]);
    throw e;
  }

  async create(actor: Actor, body: CreateResourceBody): Promise<ResourceDetail> {
    await this.checkRefs(this.db, body);
    const id = await this.db
      .transaction(async (tx) => {
        const row = await this.repo.insertResource(tx, {
          name: body.name,
          kind: 'work',
          generic: body.kind === 'role',
          email: body.email ?? null,
          role: body.role ?? null,
          orgUnitId: body.orgUnitId ?? null,
          userId: body.userId ?? null,
          capacityHoursPerWeek: body.capacityHoursPerWeek,
          maxUnits: body.capacityHoursPerWeek / STANDARD_WEEK_HOURS,
          calendarId: body.calendarId ?? null,
          employmentStart: body.employmentStart ?? null,
          employmentEnd: body.employmentEnd ?? null,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
        if (body.skills?.length) await this.repo.replaceSkills(tx, row.id, body.skills);
        if (body.rate)
          await this.repo.insertRate(tx, { resourceId: row.id, ...body.rate, createdBy: actor.userId });
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'resource', id: row.id, action: 'create' },
          null,
          {
            ...snap(row),
            skills: body.skills ?? [],
            rate: body.rate ?? null,
          },
        );
        return row.id;
      })
      .catch((e) => this.unique(e));
    return this.get(id);
  }

  async update(actor: Actor, id: string, body: UpdateResourceBody): Promise<ResourceDetail> {
    await this.checkRefs(this.db, body);
    await this.db
      .transaction(async (tx) => {
        const before = await this.repo.getResource(tx, id);
        if (!before) throw notFound('Resource');
        if (before.version !== body.version) throw staleVersion(before.version, body.version);
        const { version: _v, kind, ...rest } = body;
        const values = {
          ...definedOnly(rest),
          ...(kind ? { kind: 'work', generic: kind === 'role' } : {}),
          ...(rest.capacityHoursPerWeek !== undefined
            ? { maxUnits: rest.capacityHoursPerWeek / STANDARD_WEEK_HOURS }
            : {}),
        };
        const start = values.employmentStart !== undefined ? values.employmentStart : before.employmentStart;
        const end = values.employmentEnd !== undefined ? values.employmentEnd : before.employmentEnd;
        if (start && end && end < start)
          throw invalid('employmentEnd', 'after_start', 'employmentEnd must not be before employmentStart');
        const after = await this.repo.updateResource(tx, id, body.version, values, actor.userId);
        if (!after) throw staleVersion(before.version + 1, body.version);
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'resource', id, action: 'update' },
          snap(before),
          snap(after),
        );
      })
      .catch((e) => this.unique(e));
    return this.get(id);
  }

  /** Deletes a resource nobody depends on; one with history is deactivated instead (say so). */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await this.repo.getResource(tx, id);
      if (!before) throw notFound('Resource');
      const usage = await this.repo.resourceUsage(tx, id);
      const used = Object.entries(usage).filter(([, n]) => n > 0);
      if (used.length)
        throw conflict(
          `This resource still has ${used.map(([k, n]) => `${n} ${k}`).join(', ')}: deactivate it instead (PATCH active=false) to keep its history.`,
        );
      await this.repo.deleteResource(tx, id);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'resource', id, action: 'delete' },
        snap(before),
        null,
      );
    });
  }

  /** Runs a change to a resource's parts (skills, rates, leave) under the resource's version. */
  private async withVersion(
    actor: Actor,
    id: string,
    version: number,
    change: (tx: Database, before: ResourceRow) => Promise<{ field: string; from: unknown; to: unknown }>,
  ): Promise<ResourceDetail> {
    await this.db.transaction(async (tx) => {
      const before = await this.repo.getResource(tx, id);
      if (!before) throw notFound('Resource');
      if (before.version !== version) throw staleVersion(before.version, version);
      const diff = await change(tx, before);
      const bumped = await this.repo.updateResource(tx, id, version, {}, actor.userId);
      if (!bumped) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'resource', id, action: 'update' },
        { [diff.field]: diff.from },
        { [diff.field]: diff.to },
      );
    });
    return this.get(id);
  }

  async setSkills(
    actor: Actor,
    id: string,
    body: { version: number; skills: { skillId: string; level: number }[] },
  ): Promise<ResourceDetail> {
    await this.checkRefs(this.db, { skills: body.skills });
    return this.withVersion(actor, id, body.version, async (tx) => {
      const before = await this.repo.skillsOf(tx, [id]);
      await this.repo.replaceSkills(tx, id, body.skills);
      const names = new Map(
        (
          await this.repo.skillsByIds(
            tx,
            body.skills.map((s) => s.skillId),
          )
        ).map((s) => [s.id, s.name]),
      );
      return {
        field: 'skills',
        from: before.map((s) => `${s.skillName}:${s.level}`).join(', '),
        to: body.skills.map((s) => `${names.get(s.skillId) ?? s.skillId}:${s.level}`).join(', '),
      };
    });
  }

  addRate(
    actor: Actor,
    id: string,
    body: { version: number; effectiveFrom: string; rateMinor: number; currency: string },
  ): Promise<ResourceDetail> {
    return this.withVersion(actor, id, body.version, async (tx) => {
      const { version: _v, ...rate } = body;
      await this.repo.insertRate(tx, { resourceId: id, ...rate, createdBy: actor.userId });
      return {
        field: `rate from ${body.effectiveFrom}`,
        from: null,
        to: `${body.rateMinor} ${body.currency}`,
      };
    });
  }

  removeRate(actor: Actor, id: string, rateId: string, version: number): Promise<ResourceDetail> {
    return this.withVersion(actor, id, version, async (tx) => {
      const gone = await this.repo.deleteRate(tx, id, rateId);
      if (!gone) throw notFound('Cost rate');
      return {
        field: `rate from ${gone.effectiveFrom}`,
        from: `${gone.rateMinor} ${gone.currency}`,
        to: null,
      };
    });
  }

  addLeave(
    actor: Actor,
    id: string,
    body: {
      version: number;
      start: string;
      end: string;
      kind?: string | undefined;
      hoursPerDay?: number | null | undefined;
      note?: string | null | undefined;
    },
  ): Promise<ResourceDetail> {
    return this.withVersion(actor, id, body.version, async (tx) => {
      const row = await this.repo.insertLeave(tx, {
        resourceId: id,
        start: body.start,
        end: body.end,
        kind: body.kind ?? 'leave',
        hoursPerDay: body.hoursPerDay ?? null,
        note: body.note ?? null,
        createdBy: actor.userId,
      });
      return { field: 'leave', from: null, to: `${row.kind} ${row.start}–${row.end}` };
    });
  }

  removeLeave(actor: Actor, id: string, leaveId: string, version: number): Promise<ResourceDetail> {
    return this.withVersion(actor, id, version, async (tx) => {
      const gone = await this.repo.deleteLeave(tx, id, leaveId);
      if (!gone) throw notFound('Leave');
      return { field: 'leave', from: `${gone.kind} ${gone.start}–${gone.end}`, to: null };
    });
  }

  // ---- the skills catalogue ----

  private skillDto(s: SkillRow & { resourceCount: number }): Skill {
    return {
      ...stamp(s),
      name: s.name,
      category: s.category,
      description: s.description,
      resourceCount: s.resourceCount,
    };
  }

  async listSkills(): Promise<Skill[]> {
    return (await this.repo.listSkills(this.db)).map((s) => this.skillDto(s));
  }

  private skillTaken(e: unknown): never {
    if (isUniqueViolation(e))
      throw conflict('The catalogue already has a skill of this name.', [
        { field: 'name', rule: 'unique', message: 'is already in the catalogue' },
      ]);
    throw e;
  }

  async createSkill(
    actor: Actor,
    body: { name: string; category?: string | null | undefined; description?: string | null | undefined },
  ): Promise<Skill> {
    const row = await this.db
      .transaction(async (tx) => {
        const r = await this.repo.insertSkill(tx, {
          name: body.name,
          category: body.category ?? null,
          description: body.description ?? null,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
        await recordChange(this.journal, tx, actor, { type: 'skill', id: r.id, action: 'create' }, null, {
          name: r.name,
          category: r.category,
        });
        return r;
      })
      .catch((e) => this.skillTaken(e));
    return this.skillDto({ ...row, resourceCount: 0 });
  }

  async updateSkill(
    actor: Actor,
    id: string,
    body: {
      version: number;
      name?: string | undefined;
      category?: string | null | undefined;
      description?: string | null | undefined;
    },
  ): Promise<Skill> {
    await this.db
      .transaction(async (tx) => {
        const before = await this.repo.getSkill(tx, id);
        if (!before) throw notFound('Skill');
        if (before.version !== body.version) throw staleVersion(before.version, body.version);
        const { version: _v, ...rest } = body;
        const after = await this.repo.updateSkill(tx, id, body.version, definedOnly(rest), actor.userId);
        if (!after) throw staleVersion(before.version + 1, body.version);
        const pick = (s: SkillRow) => ({ name: s.name, category: s.category, description: s.description });
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'skill', id, action: 'update' },
          pick(before),
          pick(after),
        );
      })
      .catch((e) => this.skillTaken(e));
    const found = (await this.repo.listSkills(this.db)).find((s) => s.id === id);
    if (!found) throw notFound('Skill');
    return this.skillDto(found);
  }

  async removeSkill(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await this.repo.getSkill(tx, id);
      if (!before) throw notFound('Skill');
      await this.repo.deleteSkill(tx, id);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'skill', id, action: 'delete' },
        { name: before.name },
        null,
      );
    });
  }

  // ---- import and export of the pool ----

  /**
   * Imports a pool file: new names become resources, known names (case-insensitive) are updated;
   * unknown skills join the catalogue. All or nothing: any bad cell rejects the whole file.
   */
  async importPool(
    actor: Actor,
    body: { format: 'csv' | 'xlsx'; content: string; dryRun?: boolean | undefined },
  ): Promise<{ dryRun: boolean; created: number; updated: number; skillsCreated: number; rows: number }> {
    let rows: ResourcePoolRow[];
    try {
      rows =
        body.format === 'csv'
          ? parseResourcePoolCsv(body.content)
          : await parseResourcePoolXlsx(new Uint8Array(Buffer.from(body.content, 'base64')));
    } catch (e) {
      if (e instanceof ResourcePoolImportError)
        throw new ProblemError(
          422,
          'validation',
          `The file has ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}: ${e.problems
            .slice(0, 3)
            .map((p) => `row ${p.row}, ${p.column || 'file'}: ${p.reason}`)
            .join('; ')}`,
          e.problems.slice(0, 200).map((p) => ({
            field: `row ${p.row}${p.column ? `, ${p.column}` : ''}`,
            rule: 'file',
            message: p.reason,
          })),
        );
      throw e;
    }
    const units = await this.org.listOrgUnits();
    const unitOf = (text: string | null, row: number): string | null => {
      if (!text) return null;
      const t = text.toLowerCase();
      const u = units.find((x) => x.code.toLowerCase() === t || x.name.toLowerCase() === t);
      if (!u) throw invalid(`row ${row}, Org Unit`, 'exists', `no org unit with the code or name “${text}”`);
      return u.id;
    };
    const unitIds = rows.map((r) => unitOf(r.orgUnit, r.row));
    const existing = await this.repo.resourcesByNames(
      this.db,
      rows.map((r) => r.name),
    );
    const byName = new Map(existing.map((r) => [r.name.toLowerCase(), r]));
    const skillNames = [...new Set(rows.flatMap((r) => r.skills.map((s) => s.name)))];
    const knownSkills = await this.repo.skillsByNames(this.db, skillNames);
    const skillId = new Map(knownSkills.map((s) => [s.name.toLowerCase(), s.id]));
    const newSkills = skillNames.filter((n) => !skillId.has(n.toLowerCase()));
    const summary = {
      dryRun: body.dryRun === true,
      created: rows.filter((r) => !byName.has(r.name.toLowerCase())).length,
      updated: rows.filter((r) => byName.has(r.name.toLowerCase())).length,
      skillsCreated: newSkills.length,
      rows: rows.length,
    };
    if (body.dryRun) return summary;
    await this.db.transaction(async (tx) => {
      for (const name of newSkills) {
        const s = await this.repo.insertSkill(tx, { name, createdBy: actor.userId, updatedBy: actor.userId });
        skillId.set(name.toLowerCase(), s.id);
        await recordChange(this.journal, tx, actor, { type: 'skill', id: s.id, action: 'create' }, null, {
          name,
        });
      }
      for (const [i, r] of rows.entries()) {
        const values = {
          name: r.name,
          kind: 'work',
          generic: r.kind === 'role',
          email: r.email,
          role: r.role,
          orgUnitId: unitIds[i] ?? null,
          capacityHoursPerWeek: r.capacityHoursPerWeek,
          maxUnits: r.capacityHoursPerWeek / STANDARD_WEEK_HOURS,
          employmentStart: r.employmentStart,
          employmentEnd: r.employmentEnd,
        };
        const before = byName.get(r.name.toLowerCase());
        let row: ResourceRow | null;
        if (before) {
          row = await this.repo.updateResource(tx, before.id, before.version, values, actor.userId);
          if (!row) throw staleVersion(before.version + 1, before.version);
        } else {
          row = await this.repo.insertResource(tx, {
            ...values,
            createdBy: actor.userId,
            updatedBy: actor.userId,
          });
        }
        const list = r.skills.flatMap((s) => {
          const id = skillId.get(s.name.toLowerCase());
          return id ? [{ skillId: id, level: s.level }] : [];
        });
        await this.repo.replaceSkills(tx, row.id, list);
        if (r.rate)
          await this.repo.insertRate(tx, {
            resourceId: row.id,
            effectiveFrom: r.rate.effectiveFrom ?? r.employmentStart ?? today(),
            rateMinor: r.rate.rateMinor,
            currency: r.rate.currency,
            createdBy: actor.userId,
          });
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'resource', id: row.id, action: before ? 'import-update' : 'import-create' },
          before ? snap(before) : null,
          snap(row),
        );
      }
    });
    return summary;
  }

  /** The whole pool as CSV, in the columns the import reads. */
  async exportPoolCsv(): Promise<string> {
    const { rows } = await this.repo.listResources({}, 'name', null);
    const ids = rows.map((r) => r.id);
    const [skills, rates] = await Promise.all([
      this.repo.skillsOf(this.db, ids),
      this.repo.ratesOf(this.db, ids),
    ]);
    const skillsBy = groupBy(skills, (s) => s.resourceId);
    const ratesBy = groupBy(rates, (s) => s.resourceId);
    const units = new Map((await this.org.listOrgUnits()).map((u) => [u.id, u.code]));
    return writeResourcePoolCsv(
      rows
        .filter((r) => r.kind === 'work')
        .map((r, i) => {
          const rate = rateOn(ratesBy.get(r.id) ?? [], today()) ?? (ratesBy.get(r.id) ?? [])[0] ?? null;
          return {
            row: i + 2,
            name: r.name,
            kind: r.generic ? ('role' as const) : ('person' as const),
            email: r.email,
            role: r.role,
            orgUnit: r.orgUnitId ? (units.get(r.orgUnitId) ?? null) : null,
            capacityHoursPerWeek: r.capacityHoursPerWeek,
            employmentStart: r.employmentStart,
            employmentEnd: r.employmentEnd,
            rate: rate
              ? { rateMinor: rate.rateMinor, currency: rate.currency, effectiveFrom: rate.effectiveFrom }
              : null,
            skills: (skillsBy.get(r.id) ?? []).map((s) => ({ name: s.skillName, level: s.level })),
          };
        }),
    );
  }
}

export function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
