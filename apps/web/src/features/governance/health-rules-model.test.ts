import { DEFAULT_HEALTH_RULES } from '@baton/core';
import { describe, expect, it } from 'vitest';
import type { HealthRuleRow } from '../../api/health-rules.ts';
import { bodyOf, draftOfRules, newRule, validateDrafts } from './health-rules-model.ts';

const defaults = DEFAULT_HEALTH_RULES as unknown as HealthRuleRow[];

describe('the health rules editor', () => {
  it('accepts the defaults and sends them back as numbers', () => {
    const drafts = draftOfRules(defaults);
    expect(validateDrafts(drafts)).toEqual({});
    expect(bodyOf(3, drafts).rules[0]).toMatchObject({ key: 'spi', amber: 0.95, red: 0.85 });
  });

  it('names a threshold that is not a number and thresholds in the wrong order, by rule', () => {
    const drafts = draftOfRules(defaults).map((d) =>
      d.key === 'spi' ? { ...d, red: '0.99' } : d.key === 'cpi' ? { ...d, amber: 'x' } : d,
    );
    const errors = validateDrafts(drafts);
    expect(errors['spi.red']).toContain('red must be at or below amber');
    expect(errors['cpi.amber']).toBe('Enter a number');
  });

  it('adds a rule on a fact with a fresh key and the fact’s direction of worse', () => {
    const drafts = draftOfRules(defaults);
    const fact = { key: 'floatConsumedPercent', title: 'Margin used', unit: '%', worse: 'above' as const };
    const a = newRule(drafts, fact, 'risk');
    expect(a).toMatchObject({ key: 'float-consumed-percent', direction: 'above', dimension: 'risk' });
    const b = newRule([...drafts, a], fact, 'risk');
    expect(b.key).toBe('float-consumed-percent-2');
    expect(validateDrafts([...drafts, b])['float-consumed-percent-2.amber']).toBe('Enter a number');
  });
});
