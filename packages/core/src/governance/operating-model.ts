/**
 * The PMO operating model: how much control a PMO exercises over the projects beneath it.
 *
 * - supportive: standards are guidance. A gate whose criteria, deliverables, policies or compliance
 *   rules are not met can still be submitted; what is missing is recorded with the review as warnings.
 * - controlling: the same findings block the gate until they are met or the PMO waives them with a
 *   reason.
 * - directive: blocks like controlling, and the PMO itself owns phase transitions and gate decisions;
 *   project managers propose (they submit the gate; the PMO decides).
 *
 * A unit inherits the model of the nearest unit above it that sets one; when none does, the
 * organisation works under DEFAULT_PMO_MODEL.
 */
export const PMO_MODELS = ['supportive', 'controlling', 'directive'] as const;
export type PmoModel = (typeof PMO_MODELS)[number];

/** What Baton enforced before operating models existed: gate criteria block until met. */
export const DEFAULT_PMO_MODEL: PmoModel = 'controlling';

export const PMO_MODEL_LABELS: Readonly<Record<PmoModel, string>> = {
  supportive: 'Supportive',
  controlling: 'Controlling',
  directive: 'Directive',
};

/** The rules people work under, in a sentence each (shown on every project). */
export const PMO_MODEL_RULES: Readonly<Record<PmoModel, string>> = {
  supportive:
    'Standards are guidance: a gate with unmet criteria or compliance rules can be submitted, and what is missing is recorded with the review.',
  controlling:
    'Standards are enforced: a gate is blocked until its criteria and compliance rules are met or the PMO waives them with a reason.',
  directive:
    'The PMO runs the gates: standards are enforced as under the controlling model, and the PMO itself takes phase transitions and gate decisions; project managers propose them.',
};

export function isPmoModel(v: unknown): v is PmoModel {
  return typeof v === 'string' && (PMO_MODELS as readonly string[]).includes(v);
}

export type UnitModel = { orgUnitId: string; pmoModel: PmoModel | null };
export type ResolvedModel = { model: PmoModel; definedAt: string | null };

/**
 * The model in force at the last unit of a chain (ordered from the top of the hierarchy down): the
 * nearest unit that sets one, else the default (definedAt null).
 */
export function resolvePmoModel(chain: readonly UnitModel[]): ResolvedModel {
  for (let i = chain.length - 1; i >= 0; i--) {
    const u = chain[i] as UnitModel;
    if (u.pmoModel !== null) return { model: u.pmoModel, definedAt: u.orgUnitId };
  }
  return { model: DEFAULT_PMO_MODEL, definedAt: null };
}

/** The chain from the top of the hierarchy down to a unit, given every unit's parent. */
export function unitChain<U extends { id: string; parentId: string | null }>(
  units: readonly U[],
  orgUnitId: string,
): U[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: U[] = [];
  let u = byId.get(orgUnitId);
  // A cycle cannot be stored, but a bound keeps a corrupt hierarchy from hanging the walk.
  while (u && out.length <= units.length) {
    out.unshift(u);
    u = u.parentId ? byId.get(u.parentId) : undefined;
  }
  return out;
}

/** The model in force at a unit, from every unit's parent and stored setting (unknown values inherit). */
export function pmoModelAt(
  units: readonly { id: string; parentId: string | null; pmoModel: string | null }[],
  orgUnitId: string,
): ResolvedModel {
  return resolvePmoModel(
    unitChain(units, orgUnitId).map((u) => ({
      orgUnitId: u.id,
      pmoModel: isPmoModel(u.pmoModel) ? u.pmoModel : null,
    })),
  );
}

export const FINDING_KINDS = ['criterion', 'deliverable', 'policy', 'compliance'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Something a gate does not meet. `item` is `kind:key`, the handle a waiver names. */
export type GateFinding = { item: string; kind: FindingKind; title: string; detail: string };

export type Enforcement = {
  model: PmoModel;
  /** pass: nothing unmet (or all waived); warn: unmet but allowed (supportive); block: unmet and enforced. */
  outcome: 'pass' | 'warn' | 'block';
  /** Unmet and recorded, not enforced (supportive). */
  warnings: GateFinding[];
  /** Unmet, enforced, not waived. */
  blocking: GateFinding[];
  /** Unmet but waived by the PMO. */
  waived: GateFinding[];
};

/** Applies the operating model to a gate's findings, given the items the PMO has waived. */
export function enforceGate(
  model: PmoModel,
  findings: readonly GateFinding[],
  waivedItems: ReadonlySet<string>,
): Enforcement {
  if (model === 'supportive') {
    return {
      model,
      outcome: findings.length > 0 ? 'warn' : 'pass',
      warnings: [...findings],
      blocking: [],
      waived: [],
    };
  }
  const waived = findings.filter((f) => waivedItems.has(f.item));
  const blocking = findings.filter((f) => !waivedItems.has(f.item));
  return { model, outcome: blocking.length > 0 ? 'block' : 'pass', warnings: [], blocking, waived };
}

/** Under the directive model only the PMO takes phase transitions and gate decisions. */
export function pmoOwnsDecisions(model: PmoModel): boolean {
  return model === 'directive';
}

export const finding = (kind: FindingKind, key: string, title: string, detail: string): GateFinding => ({
  item: `${kind}:${key}`,
  kind,
  title,
  detail,
});
