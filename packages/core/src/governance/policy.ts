/**
 * PMO policy inheritance down the org-unit hierarchy (enterprise PMO → business-unit PMOs →
 * projects). A unit's setting applies to everything beneath it. A unit below may always tighten a
 * setting; it may relax one only as far as the nearest unit above that fixed it (marked it not
 * overridable) allows.
 */
export type PolicyDirection = 'lower-is-stricter' | 'higher-is-stricter' | 'true-is-stricter';

type NumberSetting = {
  kind: 'number';
  direction: 'lower-is-stricter' | 'higher-is-stricter';
  min: number;
  max: number;
  default: number;
  unit: string;
  title: string;
};
type FlagSetting = { kind: 'flag'; direction: 'true-is-stricter'; default: boolean; title: string };

export const POLICY_SETTINGS = {
  riskReviewDays: {
    kind: 'number',
    direction: 'lower-is-stricter',
    min: 1,
    max: 365,
    default: 30,
    unit: 'days',
    title: 'The risk register is reviewed at least every … days',
  },
  minimumComplianceScore: {
    kind: 'number',
    direction: 'higher-is-stricter',
    min: 0,
    max: 100,
    default: 80,
    unit: '%',
    title: 'Projects are expected to score at least … on compliance',
  },
  statusReportDueDays: {
    kind: 'number',
    direction: 'lower-is-stricter',
    min: 0,
    max: 31,
    default: 5,
    unit: 'days',
    title: 'A month’s status report is due … days after the month ends',
  },
  blockGoWithOpenHighRisks: {
    kind: 'flag',
    direction: 'true-is-stricter',
    default: false,
    title: 'A gate cannot pass (go) while high risks are open',
  },
  requireGateDocuments: {
    kind: 'flag',
    direction: 'true-is-stricter',
    default: false,
    title: 'A gate cannot be submitted until every required deliverable has a document',
  },
} as const satisfies Record<string, NumberSetting | FlagSetting>;

export type PolicyKey = keyof typeof POLICY_SETTINGS;
export const POLICY_KEYS = Object.keys(POLICY_SETTINGS) as PolicyKey[];
export type PolicyValue = number | boolean;
export type PolicySetting = { value: PolicyValue; overridable: boolean };
export type UnitPolicy = { orgUnitId: string; settings: Partial<Record<PolicyKey, PolicySetting>> };

export type EffectiveSetting = {
  value: PolicyValue;
  /** The unit whose setting is in force; null: Baton's default. */
  definedAt: string | null;
  /** The loosest value a unit below may set (null: anything). */
  limit: PolicyValue | null;
  /** The unit that fixed the limit. */
  limitAt: string | null;
};
export type IgnoredSetting = { orgUnitId: string; key: PolicyKey; value: PolicyValue; reason: string };

/** True when `a` is looser than `b` for the setting. */
export function isLooser(key: PolicyKey, a: PolicyValue, b: PolicyValue): boolean {
  const d = POLICY_SETTINGS[key].direction;
  if (d === 'true-is-stricter') return a === false && b === true;
  if (d === 'lower-is-stricter') return (a as number) > (b as number);
  return (a as number) < (b as number);
}

/** What is wrong with a value for a setting, or null. */
export function checkPolicyValue(key: PolicyKey, value: unknown): string | null {
  const s = POLICY_SETTINGS[key] as NumberSetting | FlagSetting;
  if (s.kind === 'flag') return typeof value === 'boolean' ? null : 'must be true or false';
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'must be a whole number';
  if (value < s.min || value > s.max) return `must be between ${s.min} and ${s.max}`;
  return null;
}

/**
 * The settings in force at the end of a chain of unit policies, ordered from the top (the
 * enterprise PMO) down. A setting looser than the limit fixed above is ignored, with the reason.
 */
export function resolvePolicy(
  chain: readonly UnitPolicy[],
  unitName: (id: string) => string = (id) => id,
): { effective: Record<PolicyKey, EffectiveSetting>; ignored: IgnoredSetting[] } {
  const effective = Object.fromEntries(
    POLICY_KEYS.map((k) => [
      k,
      { value: POLICY_SETTINGS[k].default, definedAt: null, limit: null, limitAt: null } as EffectiveSetting,
    ]),
  ) as Record<PolicyKey, EffectiveSetting>;
  const ignored: IgnoredSetting[] = [];
  for (const unit of chain) {
    for (const key of POLICY_KEYS) {
      const s = unit.settings[key];
      if (!s || checkPolicyValue(key, s.value) !== null) continue;
      const e = effective[key];
      if (e.limit !== null && isLooser(key, s.value, e.limit)) {
        ignored.push({
          orgUnitId: unit.orgUnitId,
          key,
          value: s.value,
          reason: `${unitName(e.limitAt ?? '')} fixes this at ${String(e.limit)} or stricter`,
        });
        continue;
      }
      e.value = s.value;
      e.definedAt = unit.orgUnitId;
      if (!s.overridable) {
        e.limit = s.value;
        e.limitAt = unit.orgUnitId;
      }
    }
  }
  return { effective, ignored };
}

/** The values in force, as plain settings. */
export function policyValues(effective: Record<PolicyKey, EffectiveSetting>) {
  return {
    riskReviewDays: effective.riskReviewDays.value as number,
    minimumComplianceScore: effective.minimumComplianceScore.value as number,
    statusReportDueDays: effective.statusReportDueDays.value as number,
    blockGoWithOpenHighRisks: effective.blockGoWithOpenHighRisks.value as boolean,
    requireGateDocuments: effective.requireGateDocuments.value as boolean,
  };
}
export type PolicyValues = ReturnType<typeof policyValues>;
