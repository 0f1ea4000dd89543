import { describe, expect, it } from 'vitest';
import {
  EMPTY_RESOURCE_FORM,
  errorsFromProblem,
  toCreateBody,
  toUpdateBody,
  validateResourceForm,
} from './resource-form-model.ts';

const SKILL = '00000000-0000-4000-8000-000000000001';
const NO_RATE = { amount: '', currency: 'EUR', effectiveFrom: '2026-01-01' };

describe('resource form', () => {
  it('needs a name and a capacity in 0–168, and dates in order', () => {
    expect(validateResourceForm({ ...EMPTY_RESOURCE_FORM, capacity: '' })).toEqual({
      name: 'Enter a name.',
      capacity: 'Enter the hours a week, 0 to 168.',
    });
    expect(
      validateResourceForm({ ...EMPTY_RESOURCE_FORM, name: 'Ana', capacity: '200' }).capacity,
    ).toBeDefined();
    expect(
      validateResourceForm({
        ...EMPTY_RESOURCE_FORM,
        name: 'Ana',
        employmentStart: '2026-05-01',
        employmentEnd: '2026-04-01',
      }),
    ).toEqual({ employmentEnd: 'The end must not be before the start.' });
    expect(validateResourceForm({ ...EMPTY_RESOURCE_FORM, name: 'Ana', capacity: '32,5' })).toEqual({});
  });

  it('builds a create body with nulls for empty fields, skills and a first rate in minor units', () => {
    const body = toCreateBody(
      { ...EMPTY_RESOURCE_FORM, name: ' Ana ', capacity: '32.5' },
      [{ skillId: SKILL, level: 4 }],
      {
        amount: '85.50',
        currency: 'eur',
        effectiveFrom: '2026-01-01',
      },
    );
    expect(body).toEqual({
      name: 'Ana',
      kind: 'person',
      capacityHoursPerWeek: 32.5,
      email: null,
      role: null,
      orgUnitId: null,
      employmentStart: null,
      employmentEnd: null,
      skills: [{ skillId: SKILL, level: 4 }],
      rate: { rateMinor: 8550, currency: 'EUR', effectiveFrom: '2026-01-01' },
    });
    expect(toCreateBody({ ...EMPTY_RESOURCE_FORM, name: 'A' }, [], NO_RATE)).not.toHaveProperty('rate');
    expect(toCreateBody({ ...EMPTY_RESOURCE_FORM, name: 'A' }, [], { ...NO_RATE, amount: 'ten' })).toEqual({
      rateError: 'Enter the rate as a number, e.g. 85.50.',
    });
  });

  it('sends only what changed on update', () => {
    const base = { ...EMPTY_RESOURCE_FORM, name: 'Ana', role: 'Analyst' };
    expect(toUpdateBody(base, { ...base, capacity: '20', role: '' }, 4)).toEqual({
      version: 4,
      capacityHoursPerWeek: 20,
      role: null,
    });
    expect(toUpdateBody(base, base, 4)).toEqual({ version: 4 });
  });

  it('maps server field problems onto the form', () => {
    expect(
      errorsFromProblem([
        { field: 'capacityHoursPerWeek', message: 'too big' },
        { field: 'rate.currency', message: 'bad code' },
        { field: 'weird', message: 'odd' },
      ]),
    ).toEqual({ capacity: 'too big', rate: 'bad code', form: 'odd' });
  });
});
