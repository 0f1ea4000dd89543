import { describe, expect, it } from 'vitest';
import { type CustomFieldDefinition, validateCustomFields } from './custom-fields.ts';

const defs: CustomFieldDefinition[] = [
  { key: 'risk_class', label: 'Risk class', type: 'choice', required: true, options: ['A', 'B'] },
  { key: 'go_live', label: 'Go-live', type: 'date', required: false, options: [] },
  { key: 'fte', label: 'FTE', type: 'number', required: false, options: [] },
  { key: 'owner', label: 'Owner', type: 'user', required: false, options: [] },
  { key: 'note', label: 'Note', type: 'text', required: false, options: [] },
];

describe('validateCustomFields', () => {
  it('accepts valid values', () => {
    expect(
      validateCustomFields(defs, {
        risk_class: 'A',
        go_live: '2027-02-28',
        fte: 2.5,
        owner: '6f1c2b9e-0a4d-4c55-9a77-0d3f0f0c1a11',
        note: 'ok',
      }),
    ).toEqual([]);
  });

  it('names each wrong, unknown and missing field', () => {
    expect(
      validateCustomFields(defs, { go_live: '2027-02-30', fte: 'two', colour: 'red', owner: 'bob' }),
    ).toEqual([
      { key: 'go_live', message: 'Go-live must be a date (YYYY-MM-DD)' },
      { key: 'fte', message: 'FTE must be a number' },
      { key: 'colour', message: 'is not a custom field defined by the PMO' },
      { key: 'owner', message: 'Owner must be a user id' },
      { key: 'risk_class', message: 'Risk class is required' },
    ]);
  });

  it('rejects a choice outside the options and lets null clear an optional value', () => {
    expect(validateCustomFields(defs, { risk_class: 'C', fte: null })).toEqual([
      { key: 'risk_class', message: 'Risk class must be one of: A, B' },
    ]);
  });
});
