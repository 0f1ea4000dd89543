import {
  checkPolicyValue,
  isLooser,
  POLICY_KEYS,
  POLICY_SETTINGS,
  type PolicyKey,
  type PolicySetting,
  type PolicyValues,
  policyValues,
  resolvePolicy,
  type UnitPolicy,
  unitChain,
} from '@baton/core';
import type { Database } from '@baton/db';
import { invalid, notFound, staleVersion } from '../../http/problem.ts';
import type { Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import { recordChange } from '../shared/record-change.ts';
import type { PolicyRepository } from './policy.repository.ts';

type Unit = { id: string; name: string; parentId: string | null };

/**
 * PMO policies down the hierarchy: what an org unit sets for everything beneath it, and what is in
 * force at a unit or a project once every unit above has had its say.
 */
export class PolicyService {
  constructor(
    private readonly db: Database,
    private readonly repo: PolicyRepository,
    private readonly journal: JournalRepository,
  ) {}

  private async resolveAt(orgUnitId: string, extra?: UnitPolicy) {
    const [units, rows] = await Promise.all([this.repo.units(this.db), this.repo.all(this.db)]);
    const chain = unitChain(units, orgUnitId);
    if (chain.length === 0) throw notFound('Org unit');
    const byUnit = new Map(rows.map((r) => [r.orgUnitId, r]));
    const name = new Map(units.map((u) => [u.id, u.name]));
    const policies: UnitPolicy[] = chain.map((u) =>
      extra && u.id === extra.orgUnitId
        ? extra
        : { orgUnitId: u.id, settings: (byUnit.get(u.id)?.settings ?? {}) as UnitPolicy['settings'] },
    );
    return { chain, byUnit, name, ...resolvePolicy(policies, (id) => name.get(id) ?? 'A unit above') };
  }

  /** A unit's own settings, what is in force there, and which of its settings a unit above overrules. */
  async forUnit(orgUnitId: string) {
    const { chain, byUnit, name, effective, ignored } = await this.resolveAt(orgUnitId);
    const own = byUnit.get(orgUnitId);
    // What the units above allow: the policy in force at the parent.
    const parent = chain.length > 1 ? (await this.resolveAt((chain.at(-2) as Unit).id)).effective : null;
    return {
      orgUnitId,
      orgUnitName: name.get(orgUnitId) ?? '',
      version: own?.version ?? 0,
      settings: POLICY_KEYS.map((key) => {
        const s = POLICY_SETTINGS[key];
        const e = effective[key];
        const above = parent?.[key];
        return {
          key,
          title: s.title,
          kind: s.kind,
          direction: s.direction,
          ...(s.kind === 'number' ? { min: s.min, max: s.max, unit: s.unit } : {}),
          defaultValue: s.default,
          own: (own?.settings[key] as PolicySetting | undefined) ?? null,
          effective: e.value,
          definedAt: e.definedAt,
          definedAtName: e.definedAt ? (name.get(e.definedAt) ?? null) : null,
          limitFromAbove: above?.limit ?? null,
          limitFromAboveName: above?.limitAt ? (name.get(above.limitAt) ?? null) : null,
          overruled: ignored.find((i) => i.key === key && i.orgUnitId === orgUnitId)?.reason ?? null,
        };
      }),
    };
  }

  /** The values in force at a unit, or at the top of the hierarchy when no unit is named. */
  async valuesAt(orgUnitId?: string): Promise<PolicyValues> {
    const [units, rows] = await Promise.all([this.repo.units(this.db), this.repo.all(this.db)]);
    const top = orgUnitId ?? units.find((u) => !u.parentId)?.id;
    if (!top) return policyValues(resolvePolicy([]).effective);
    const byUnit = new Map(rows.map((r) => [r.orgUnitId, r]));
    const chain = unitChain(units, top).map((u) => ({
      orgUnitId: u.id,
      settings: (byUnit.get(u.id)?.settings ?? {}) as UnitPolicy['settings'],
    }));
    if (chain.length === 0) throw notFound('Org unit');
    return policyValues(resolvePolicy(chain).effective);
  }

  /** The values in force for a project (its org unit's chain). */
  async forProject(projectId: string): Promise<PolicyValues> {
    const all = await this.forProjects();
    const v = all.get(projectId);
    if (!v) throw notFound('Project');
    return v;
  }

  /** The values in force for every project, in one pass. */
  async forProjects(): Promise<Map<string, PolicyValues>> {
    const [units, rows, projects] = await Promise.all([
      this.repo.units(this.db),
      this.repo.all(this.db),
      this.repo.projectUnits(this.db),
    ]);
    const byUnit = new Map(rows.map((r) => [r.orgUnitId, r]));
    const perUnit = new Map<string, PolicyValues>();
    const out = new Map<string, PolicyValues>();
    for (const p of projects) {
      let v = perUnit.get(p.orgUnitId);
      if (!v) {
        const chain = unitChain(units, p.orgUnitId).map((u) => ({
          orgUnitId: u.id,
          settings: (byUnit.get(u.id)?.settings ?? {}) as UnitPolicy['settings'],
        }));
        v = policyValues(resolvePolicy(chain).effective);
        perUnit.set(p.orgUnitId, v);
      }
      out.set(p.id, v);
    }
    return out;
  }

  /**
   * Replaces a unit's own settings. A setting looser than what a unit above fixed is refused (422,
   * naming it); leaving a setting out means the unit inherits it.
   */
  async update(
    actor: Actor,
    orgUnitId: string,
    body: { version: number; settings: Partial<Record<PolicyKey, PolicySetting | undefined>> },
  ) {
    const { chain } = await this.resolveAt(orgUnitId);
    const parentId = chain.length > 1 ? (chain.at(-2) as Unit).id : null;
    const above = parentId ? (await this.resolveAt(parentId)).effective : null;
    for (const [key, s] of Object.entries(body.settings) as [PolicyKey, PolicySetting | undefined][]) {
      if (!s) continue;
      const wrong = checkPolicyValue(key, s.value);
      if (wrong) throw invalid(`settings.${key}.value`, 'range', wrong);
      const e = above?.[key];
      if (e && e.limit !== null && isLooser(key, s.value, e.limit)) {
        const unit = (await this.resolveAt(orgUnitId)).name.get(e.limitAt ?? '') ?? 'A unit above';
        throw invalid(
          `settings.${key}.value`,
          'overridable',
          `${unit} fixes “${POLICY_SETTINGS[key].title}” at ${String(e.limit)} or stricter: this unit may tighten it, not relax it`,
        );
      }
    }
    await this.db.transaction(async (tx) => {
      const before = await this.repo.of(tx, orgUnitId);
      if ((before?.version ?? 0) !== body.version) throw staleVersion(before?.version ?? 0, body.version);
      const settings = Object.fromEntries(
        Object.entries(body.settings).filter(([, v]) => v !== undefined),
      ) as Record<string, { value: unknown; overridable: boolean }>;
      if (before) await this.repo.update(tx, orgUnitId, settings, before.version, actor.userId);
      else await this.repo.insert(tx, orgUnitId, settings, actor.userId);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'pmo_policy', id: orgUnitId, action: before ? 'update' : 'create' },
        before ? { settings: before.settings } : null,
        { settings },
      );
    });
    return this.forUnit(orgUnitId);
  }
}
