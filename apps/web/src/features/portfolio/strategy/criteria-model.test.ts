import { describe, expect, it } from 'vitest';
import { draftOfCriteria, normaliseCriteria, parseDecimal, readCriteriaDraft } from './criteria-model.ts';

const settings = {
  criteria: { value: 0.35, alignment: 0.35, risk: 0.15, urgency: 0.15 },
  discountRate: 0.08,
  currency: 'EUR',
};

describe('criteria weights', () => {
  it('normalises the weights to shares', () => {
    expect(normaliseCriteria({ value: 1, alignment: 1, risk: 0, urgency: 2 })).toEqual({
      value: 0.25,
      alignment: 0.25,
      risk: 0,
      urgency: 0.5,
    });
    expect(normaliseCriteria({ value: 0, alignment: 0, risk: 0, urgency: 0 }).value).toBe(0);
  });

  it('parses decimals with a point or a comma', () => {
    expect(parseDecimal('0.35')).toBe(0.35);
    expect(parseDecimal('0,5')).toBe(0.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('1e3')).toBeNull();
  });

  it('round-trips the settings, the discount rate as a percentage', () => {
    const draft = draftOfCriteria(settings);
    expect(draft.discountPercent).toBe('8');
    expect(readCriteriaDraft(draft)).toEqual({ ok: true, value: settings });
    expect(readCriteriaDraft({ ...draft, discountPercent: '7.5', currency: 'usd' })).toEqual({
      ok: true,
      value: { ...settings, discountRate: 0.075, currency: 'USD' },
    });
  });

  it('names what is wrong', () => {
    const draft = draftOfCriteria(settings);
    const bad = readCriteriaDraft({
      weights: { value: '2', alignment: 'x', risk: '0', urgency: '0' },
      discountPercent: '-1',
      currency: 'EURO',
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.errors).sort()).toEqual([
      'alignment',
      'currency',
      'discountRate',
      'value',
    ]);
    const zero = readCriteriaDraft({
      ...draft,
      weights: { value: '0', alignment: '0', risk: '0', urgency: '0' },
    });
    expect(!zero.ok && zero.errors.weights).toMatch(/above 0/);
  });
});
