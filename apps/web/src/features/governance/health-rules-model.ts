import { type HealthRule, validateHealthRules } from '@baton/core';
import type { HealthRuleRow, UnitHealthRules } from '../../api/health-rules.ts';

/** A rule as the editor holds it: thresholds as typed text until they are saved. */
export type RuleDraft = Omit<HealthRuleRow, 'amber' | 'red'> & { amber: string; red: string };

export const DIMENSION_LABELS: Record<HealthRuleRow['dimension'], string> = {
  schedule: 'Schedule',
  cost: 'Cost',
  scope: 'Scope',
  risk: 'Risk',
  resources: 'Resources',
};

export function draftOfRules(rules: readonly HealthRuleRow[]): RuleDraft[] {
  return rules.map((r) => ({ ...r, amber: String(r.amber), red: String(r.red) }));
}

/** The thresholds as numbers, or the field that is not one. */
function parsed(d: RuleDraft): { rule: HealthRule | null; bad: 'amber' | 'red' | null } {
  const amber = Number(d.amber);
  const red = Number(d.red);
  if (d.amber.trim() === '' || !Number.isFinite(amber)) return { rule: null, bad: 'amber' };
  if (d.red.trim() === '' || !Number.isFinite(red)) return { rule: null, bad: 'red' };
  return { rule: { ...d, amber, red } as HealthRule, bad: null };
}

/**
 * Problems by rule key and field ("spi.red"), the same checks the server makes (the core's
 * validateHealthRules) plus numbers where numbers belong.
 */
export function validateDrafts(drafts: readonly RuleDraft[]): Record<string, string> {
  const out: Record<string, string> = {};
  const rules: HealthRule[] = [];
  for (const d of drafts) {
    const p = parsed(d);
    if (p.bad) out[`${d.key}.${p.bad}`] = 'Enter a number';
    else if (p.rule) rules.push(p.rule);
    if (d.title.trim() === '') out[`${d.key}.title`] = 'Give the rule a name';
  }
  for (const problem of validateHealthRules(rules)) {
    const m = /^rules\.(\d+)\.(\w+)$/.exec(problem.field);
    const rule = m ? rules[Number(m[1])] : undefined;
    if (rule && m) out[`${rule.key}.${m[2]}`] = problem.message;
  }
  return out;
}

export function bodyOf(version: number, drafts: readonly RuleDraft[]) {
  return {
    version,
    rules: drafts.map((d) => ({ ...d, title: d.title.trim(), amber: Number(d.amber), red: Number(d.red) })),
  };
}

/** A new rule reading a fact, with a key not yet used and the fact's direction of worse. */
export function newRule(
  drafts: readonly RuleDraft[],
  fact: UnitHealthRules['facts'][number],
  dimension: HealthRuleRow['dimension'],
): RuleDraft {
  const base = fact.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  let key = base;
  for (let i = 2; drafts.some((d) => d.key === key); i++) key = `${base}-${i}`;
  return {
    key,
    title: fact.title,
    dimension,
    fact: fact.key as HealthRuleRow['fact'],
    direction: fact.worse,
    amber: '',
    red: '',
    enabled: true,
  };
}

/** Where the rules in force come from, in words. */
export function sourceText(r: UnitHealthRules): string {
  if (r.own) return `Set by ${r.orgUnitName}`;
  if (r.definedAtName) return `Inherited from ${r.definedAtName}`;
  return 'Baton’s defaults';
}
