import { DEFAULT_HEALTH_RULES, HEALTH_FACTS, type HealthRule, validateHealthRules } from '@baton/core';
import type { Database } from '@baton/db';
import { notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import type { Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import { recordChange } from '../shared/record-change.ts';
import type { HealthRulesRepository } from './health-rules.repository.ts';

type Unit = { id: string; name: string; parentId: string | null };

/**
 * The health rules the PMO configures. A unit either sets its own complete rule set or inherits the
 * set of the nearest unit above that has one (Baton's defaults at the top): one set is in force for a
 * project, so its computed health is explained by one list of thresholds.
 */
export class HealthRulesService {
  constructor(
    private readonly db: Database,
    private readonly repo: HealthRulesRepository,
    private readonly journal: JournalRepository,
  ) {}

  private async resolve(orgUnitId: string) {
    const [units, sets] = await Promise.all([this.repo.units(this.db), this.repo.all(this.db)]);
    const byId = new Map<string, Unit>(units.map((u) => [u.id, u]));
    const unit = byId.get(orgUnitId);
    if (!unit) throw notFound('Org unit');
    const bySet = new Map(sets.map((s) => [s.orgUnitId, s]));
    let at: Unit | undefined = unit;
    for (let depth = 0; at && depth < 64; depth++) {
      const set = bySet.get(at.id);
      if (set)
        return { unit, own: bySet.get(unit.id) ?? null, definedAt: at, rules: set.rules as HealthRule[] };
      at = at.parentId ? byId.get(at.parentId) : undefined;
    }
    return { unit, own: null, definedAt: null, rules: DEFAULT_HEALTH_RULES as HealthRule[] };
  }

  /** What is in force at a unit, where it comes from, the defaults and the facts a rule may read. */
  async forUnit(orgUnitId: string) {
    const r = await this.resolve(orgUnitId);
    return {
      orgUnitId,
      orgUnitName: r.unit.name,
      version: r.own?.version ?? 0,
      own: r.own !== null,
      definedAt: r.definedAt?.id ?? null,
      definedAtName: r.definedAt?.name ?? null,
      rules: r.rules.map(dto),
      defaults: DEFAULT_HEALTH_RULES.map(dto),
      facts: Object.entries(HEALTH_FACTS).map(([key, f]) => ({ key, ...f })),
    };
  }

  /** The rules in force for a project (its org unit's). */
  async forProject(projectId: string): Promise<readonly HealthRule[]> {
    const unit = await this.repo.projectUnit(this.db, projectId);
    if (!unit) return DEFAULT_HEALTH_RULES;
    return (await this.resolve(unit)).rules;
  }

  /** Sets a unit's own complete rule set; thresholds in the wrong order are refused, naming the rule. */
  async update(actor: Actor, orgUnitId: string, body: { version: number; rules: HealthRule[] }) {
    await this.resolve(orgUnitId);
    const problems = validateHealthRules(body.rules);
    if (problems.length)
      throw new ProblemError(
        422,
        'validation',
        `The health rules are not valid: ${problems.map((p) => p.message).join('; ')}`,
        problems.map((p) => ({ ...p, rule: 'health-rule' })),
      );
    const rules = body.rules.map((r) => ({ ...dto(r) }));
    await this.db.transaction(async (tx) => {
      const before = await this.repo.of(tx, orgUnitId);
      if ((before?.version ?? 0) !== body.version) throw staleVersion(before?.version ?? 0, body.version);
      if (before) {
        if (!(await this.repo.update(tx, orgUnitId, before.version, rules, actor.userId)))
          throw staleVersion(before.version + 1, body.version);
      } else await this.repo.insert(tx, orgUnitId, rules, actor.userId);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'health_rules', id: orgUnitId, action: before ? 'update' : 'create' },
        before ? { rules: before.rules } : null,
        { rules },
      );
    });
    return this.forUnit(orgUnitId);
  }

  /** Drops a unit's own rules: it inherits again. */
  async reset(actor: Actor, orgUnitId: string, version: number) {
    await this.resolve(orgUnitId);
    await this.db.transaction(async (tx) => {
      const before = await this.repo.of(tx, orgUnitId);
      if (!before) throw notFound('Health rules of this unit');
      if (before.version !== version) throw staleVersion(before.version, version);
      await this.repo.remove(tx, orgUnitId);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'health_rules', id: orgUnitId, action: 'delete' },
        { rules: before.rules },
        null,
      );
    });
    return this.forUnit(orgUnitId);
  }
}

/** A rule as stored and sent: only its known fields. */
function dto(r: HealthRule): HealthRule {
  return {
    key: r.key,
    title: r.title,
    dimension: r.dimension,
    fact: r.fact,
    direction: r.direction,
    amber: r.amber,
    red: r.red,
    enabled: r.enabled,
    ...(r.nullIsRed ? { nullIsRed: true } : {}),
  };
}
