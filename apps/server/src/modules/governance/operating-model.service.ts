import { PMO_MODEL_LABELS, PMO_MODEL_RULES, type PmoModel, pmoModelAt } from '@baton/core';
import type { Database } from '@baton/db';
import { notFound } from '../../http/problem.ts';
import type { OperatingModelRepository } from './operating-model.repository.ts';

export type OperatingModelDto = {
  model: PmoModel;
  label: string;
  rules: string;
  definedAt: string | null;
  definedAtName: string | null;
};

/** Which operating model is in force at an org unit or a project: the nearest unit above that sets one. */
export class OperatingModelService {
  constructor(
    private readonly db: Database,
    private readonly repo: OperatingModelRepository,
  ) {}

  async forUnit(orgUnitId: string, db: Database = this.db): Promise<OperatingModelDto> {
    const units = await this.repo.units(db);
    if (!units.some((u) => u.id === orgUnitId)) throw notFound('Org unit');
    const r = pmoModelAt(units, orgUnitId);
    return {
      model: r.model,
      label: PMO_MODEL_LABELS[r.model],
      rules: PMO_MODEL_RULES[r.model],
      definedAt: r.definedAt,
      definedAtName: r.definedAt ? (units.find((u) => u.id === r.definedAt)?.name ?? null) : null,
    };
  }

  async forProject(
    projectId: string,
    db: Database = this.db,
  ): Promise<OperatingModelDto & { projectId: string }> {
    const unit = await this.repo.projectUnit(db, projectId);
    if (!unit) throw notFound('Project');
    return { projectId, ...(await this.forUnit(unit, db)) };
  }
}
