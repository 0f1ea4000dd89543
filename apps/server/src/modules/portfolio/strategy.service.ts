import type {
  AhpResult,
  CriteriaWeights,
  IntakeField,
  IntakeForm,
  StrategicObjective,
  StrategySettings,
} from '@baton/contracts';
import { ahpWeights } from '@baton/core';
import type { Database } from '@baton/db';
import { invalid, notFound, ProblemError, staleVersion } from '../../http/problem.ts';
import type { Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import { auditStamp, recordChange } from '../shared/record-change.ts';
import type { ObjectiveRow, PortfolioRepository, SettingsRow } from './portfolio.repository.ts';
import { objectiveWeights } from './scoring.ts';

const SETTINGS_ID = '00000000-0000-4000-8000-000000000005';

/** What scores are computed from: objective weights, criteria weights and the discount rate. */
export type ScoringBasis = {
  weights: Map<string, number>;
  criteria: CriteriaWeights;
  discountRate: number;
  objectives: ObjectiveRow[];
  currency: string;
};

/** Runs the AHP computation, turning a malformed matrix into a 422 naming the cell. */
export function evaluateAhp(matrix: number[][]): AhpResult {
  const n = matrix.length;
  matrix.forEach((row, i) => {
    if (row.length !== n)
      throw invalid(
        `matrix[${i}]`,
        'square',
        `row ${i + 1} has ${row.length} values; the matrix is ${n} × ${n}`,
      );
  });
  for (let i = 0; i < n; i++) {
    if (Math.abs((matrix[i]?.[i] ?? 0) - 1) > 1e-9)
      throw invalid(`matrix[${i}][${i}]`, 'diagonal', 'an objective compared with itself is 1');
    for (let j = i + 1; j < n; j++) {
      const a = matrix[i]?.[j] ?? 0;
      const b = matrix[j]?.[i] ?? 0;
      if (Math.abs(a * b - 1) > 1e-6)
        throw invalid(
          `matrix[${j}][${i}]`,
          'reciprocal',
          `cell (${j + 1}, ${i + 1}) must be 1 / cell (${i + 1}, ${j + 1}) = ${(1 / a).toFixed(4)}`,
        );
    }
  }
  const r = ahpWeights(matrix);
  return { weights: r.weights, lambdaMax: r.lambdaMax, ci: r.ci, cr: r.cr, consistent: r.consistent };
}

/** Strategic objectives, their weights (direct or by pairwise comparison), scoring criteria, the intake form. */
export class StrategyService {
  constructor(
    private readonly db: Database,
    private readonly repo: PortfolioRepository,
    private readonly journal: JournalRepository,
  ) {}

  async basis(): Promise<ScoringBasis> {
    const [settings, objectives] = await Promise.all([
      this.repo.settings(this.db),
      this.repo.objectives(this.db),
    ]);
    return {
      weights: objectiveWeights(objectives, weightingOf(settings), settings.ahp ?? null),
      criteria: settings.criteria,
      discountRate: settings.discountRate,
      objectives,
      currency: settings.currency,
    };
  }

  private objectiveDto(o: ObjectiveRow, weights: Map<string, number>): StrategicObjective {
    return {
      ...auditStamp(o),
      name: o.name,
      description: o.description,
      directWeight: o.directWeight,
      weight: Math.round((weights.get(o.id) ?? 0) * 10_000) / 10_000,
      sortOrder: o.sortOrder,
      active: o.active,
    };
  }

  async objectivesOut(): Promise<StrategicObjective[]> {
    const b = await this.basis();
    return b.objectives.map((o) => this.objectiveDto(o, b.weights));
  }

  async get(): Promise<StrategySettings> {
    const [settings, b] = await Promise.all([this.repo.settings(this.db), this.basis()]);
    return {
      version: settings.version,
      weighting: weightingOf(settings),
      criteria: settings.criteria,
      discountRate: settings.discountRate,
      currency: settings.currency,
      ahp: settings.ahp ? { ...settings.ahp, result: evaluateAhp(settings.ahp.matrix) } : null,
      objectives: b.objectives.map((o) => this.objectiveDto(o, b.weights)),
      updatedAt: settings.updatedAt.toISOString(),
    };
  }

  private async change(
    actor: Actor,
    version: number,
    values: Partial<SettingsRow>,
    what: string,
  ): Promise<void> {
    const before = await this.repo.settings(this.db);
    await this.db.transaction(async (tx) => {
      if (before.version !== version) throw staleVersion(before.version, version);
      const after = await this.repo.updateSettings(
        tx,
        { ...values, version: before.version + 1 },
        actor.userId,
      );
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'portfolio_settings', id: SETTINGS_ID, action: what },
        settingsSnap(before),
        settingsSnap(after),
      );
    });
  }

  async update(
    actor: Actor,
    body: {
      version: number;
      weighting?: 'direct' | 'ahp' | undefined;
      criteria?: CriteriaWeights | undefined;
      discountRate?: number | undefined;
      currency?: string | undefined;
    },
  ): Promise<StrategySettings> {
    if (body.criteria && Object.values(body.criteria).every((w) => w === 0))
      throw invalid('criteria', 'positive', 'at least one criterion needs a weight above 0');
    if (body.weighting === 'ahp') {
      const s = await this.repo.settings(this.db);
      if (!s.ahp)
        throw invalid('weighting', 'ahp_matrix', 'save a pairwise comparison matrix before weighting by AHP');
    }
    const values: Partial<SettingsRow> = {};
    if (body.weighting) values.weighting = body.weighting;
    if (body.criteria) values.criteria = body.criteria;
    if (body.discountRate !== undefined) values.discountRate = body.discountRate;
    if (body.currency) values.currency = body.currency;
    await this.change(actor, body.version, values, 'update');
    return this.get();
  }

  async saveAhp(
    actor: Actor,
    body: { version: number; objectiveIds: string[]; matrix: number[][] },
  ): Promise<StrategySettings> {
    if (body.matrix.length !== body.objectiveIds.length)
      throw invalid(
        'matrix',
        'size',
        `the matrix has ${body.matrix.length} rows for ${body.objectiveIds.length} objectives`,
      );
    if (new Set(body.objectiveIds).size !== body.objectiveIds.length)
      throw invalid('objectiveIds', 'unique', 'an objective appears twice');
    const known = new Map((await this.repo.objectives(this.db)).map((o) => [o.id, o]));
    body.objectiveIds.forEach((id, i) => {
      const o = known.get(id);
      if (!o) throw invalid(`objectiveIds[${i}]`, 'exists', `no objective ${id}`);
      if (!o.active) throw invalid(`objectiveIds[${i}]`, 'active', `objective “${o.name}” is inactive`);
    });
    evaluateAhp(body.matrix);
    await this.change(
      actor,
      body.version,
      { ahp: { objectiveIds: body.objectiveIds, matrix: body.matrix }, weighting: 'ahp' },
      'ahp',
    );
    return this.get();
  }

  async createObjective(
    actor: Actor,
    body: { name: string; description?: string | null | undefined; directWeight?: number | null | undefined },
  ): Promise<StrategicObjective> {
    const existing = await this.repo.objectives(this.db);
    const row = await this.db.transaction(async (tx) => {
      const o = await this.repo.insertObjective(tx, {
        name: body.name,
        description: body.description ?? null,
        directWeight: body.directWeight ?? null,
        sortOrder: existing.length,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'objective', id: o.id, action: 'create' },
        null,
        objSnap(o),
      );
      return o;
    });
    return this.objectiveOut(row.id);
  }

  private async objectiveOut(id: string): Promise<StrategicObjective> {
    const b = await this.basis();
    const o = b.objectives.find((x) => x.id === id);
    if (!o) throw notFound('Objective');
    return this.objectiveDto(o, b.weights);
  }

  async updateObjective(
    actor: Actor,
    id: string,
    body: {
      version: number;
      name?: string | undefined;
      description?: string | null | undefined;
      directWeight?: number | null | undefined;
      sortOrder?: number | undefined;
      active?: boolean | undefined;
    },
  ): Promise<StrategicObjective> {
    const before = await this.repo.objective(this.db, id);
    if (!before) throw notFound('Objective');
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const { version, ...rest } = body;
    const values = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    await this.db.transaction(async (tx) => {
      const after = await this.repo.updateObjective(tx, id, version, values, actor.userId);
      if (!after) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'objective', id, action: 'update' },
        objSnap(before),
        objSnap(after),
      );
    });
    return this.objectiveOut(id);
  }

  async deleteObjective(actor: Actor, id: string): Promise<void> {
    const before = await this.repo.objective(this.db, id);
    if (!before) throw notFound('Objective');
    const settings = await this.repo.settings(this.db);
    if (settings.ahp?.objectiveIds.includes(id))
      throw new ProblemError(
        409,
        'in-use',
        `“${before.name}” is in the saved pairwise comparison; deactivate it, or save a comparison without it first.`,
      );
    await this.db.transaction(async (tx) => {
      await this.repo.deleteObjective(tx, id);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'objective', id, action: 'delete' },
        objSnap(before),
        null,
      );
    });
  }

  // ---- the intake form ----

  async intakeForm(): Promise<IntakeForm> {
    const s = await this.repo.settings(this.db);
    return {
      version: s.intakeVersion,
      fields: s.intakeFields as IntakeField[],
      categories: s.categories,
      updatedAt: s.updatedAt.toISOString(),
    };
  }

  async updateIntakeForm(
    actor: Actor,
    body: { version: number; fields: IntakeField[]; categories: string[] },
  ): Promise<IntakeForm> {
    const keys = new Set<string>();
    body.fields.forEach((f, i) => {
      if (keys.has(f.key)) throw invalid(`fields[${i}].key`, 'unique', `key “${f.key}” is used twice`);
      keys.add(f.key);
      if (f.type === 'select' && !f.options?.length)
        throw invalid(`fields[${i}].options`, 'required', `“${f.label}” is a choice: give its options`);
    });
    const before = await this.repo.settings(this.db);
    if (before.intakeVersion !== body.version) throw staleVersion(before.intakeVersion, body.version);
    await this.db.transaction(async (tx) => {
      const after = await this.repo.updateSettings(
        tx,
        {
          intakeFields: body.fields,
          categories: [...new Set(body.categories)],
          intakeVersion: before.intakeVersion + 1,
        },
        actor.userId,
      );
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'portfolio_settings', id: SETTINGS_ID, action: 'intake-form' },
        { fields: before.intakeFields, categories: before.categories },
        { fields: after.intakeFields, categories: after.categories },
      );
    });
    return this.intakeForm();
  }
}

const weightingOf = (s: SettingsRow): 'direct' | 'ahp' => (s.weighting === 'ahp' ? 'ahp' : 'direct');
const settingsSnap = (s: SettingsRow) => ({
  weighting: s.weighting,
  criteria: s.criteria,
  discountRate: s.discountRate,
  currency: s.currency,
  ahp: s.ahp,
});
const objSnap = (o: ObjectiveRow) => ({
  name: o.name,
  description: o.description,
  directWeight: o.directWeight,
  sortOrder: o.sortOrder,
  active: o.active,
});
