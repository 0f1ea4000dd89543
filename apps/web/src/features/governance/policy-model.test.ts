import { describe, expect, it } from 'vitest';
import type { PolicySettingRow } from '../../api/governance.ts';
import { draftOf, toBody, validateDraft } from './policy-model.ts';

const days: PolicySettingRow = {
  key: 'riskReviewDays',
  title: 'Risk review',
  kind: 'number',
  direction: 'lower-is-stricter',
  min: 1,
  max: 365,
  unit: 'days',
  defaultValue: 30,
  own: null,
  effective: 30,
  definedAt: null,
  definedAtName: 'Enterprise PMO',
  limitFromAbove: 30,
  limitFromAboveName: 'Enterprise PMO',
  overruled: null,
};
const flag: PolicySettingRow = {
  ...days,
  key: 'blockGoWithOpenHighRisks',
  kind: 'flag',
  direction: 'true-is-stricter',
  defaultValue: false,
  effective: true,
  limitFromAbove: true,
};

describe('policy editor model', () => {
  it('starts inheriting what the unit does not set', () => {
    expect(draftOf([days])).toEqual([
      { key: 'riskReviewDays', inherit: true, value: '30', overridable: true },
    ]);
  });

  it('refuses values looser than the limit fixed above, and out-of-range ones', () => {
    const rows = [days, flag];
    expect(
      validateDraft(rows, [
        { key: 'riskReviewDays', inherit: false, value: '45', overridable: true },
        { key: 'blockGoWithOpenHighRisks', inherit: false, value: 'false', overridable: true },
      ]),
    ).toEqual({
      riskReviewDays: 'Enterprise PMO fixes this at 30 or stricter.',
      blockGoWithOpenHighRisks: 'Enterprise PMO requires this.',
    });
    expect(
      validateDraft(rows, [{ key: 'riskReviewDays', inherit: false, value: '0', overridable: true }]),
    ).toEqual({
      riskReviewDays: 'Between 1 and 365.',
    });
    expect(
      validateDraft(rows, [{ key: 'riskReviewDays', inherit: false, value: '14', overridable: true }]),
    ).toEqual({});
  });

  it('sends only the settings the unit sets, typed', () => {
    expect(
      toBody(
        3,
        [days, flag],
        [
          { key: 'riskReviewDays', inherit: false, value: '14', overridable: false },
          { key: 'blockGoWithOpenHighRisks', inherit: true, value: 'true', overridable: true },
        ],
      ),
    ).toEqual({ version: 3, settings: { riskReviewDays: { value: 14, overridable: false } } });
  });
});
