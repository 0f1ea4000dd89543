import { describe, expect, it } from 'vitest';
import type { CustomField, Project } from '../../api/types.ts';
import {
  diffChanges,
  errorsFromProblem,
  formStateOf,
  toCreateBody,
  validateForm,
} from './project-form-model.ts';

const THEME: CustomField = {
  id: '00000000-0000-4000-8000-000000000001',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  key: 'strategic_theme',
  label: 'Strategic theme',
  type: 'choice',
  required: true,
  options: ['Grow revenue', 'Reduce cost'],
  description: null,
};

const PROJECT: Project = {
  id: '00000000-0000-4000-8000-0000000000aa',
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
  code: 'P-001',
  name: 'Data centre consolidation',
  description: null,
  objectives: 'Exit two data centres',
  status: 'proposed',
  statusReason: null,
  nextStatuses: ['approved', 'cancelled'],
  sponsorId: null,
  sponsorName: null,
  managerId: '00000000-0000-4000-8000-0000000000bb',
  managerName: 'Tom Okafor',
  orgUnitId: '00000000-0000-4000-8000-0000000000cc',
  orgUnitName: 'Infrastructure',
  portfolioId: null,
  portfolioName: null,
  programId: null,
  programName: null,
  plannedStart: '2027-01-01',
  plannedFinish: '2027-06-30',
  budgetMinor: 150_000_00,
  currency: 'EUR',
  priority: 'high',
  tags: ['cloud'],
  customFields: { strategic_theme: 'Reduce cost' },
};

describe('diffChanges', () => {
  it('sends only the fields that changed, custom fields by key', () => {
    const before = formStateOf(PROJECT);
    const after = {
      ...before,
      name: 'Data centre exit',
      budget: '175000',
      custom: { strategic_theme: 'Grow revenue' },
    };
    expect(diffChanges(before, after, [THEME])).toEqual({
      name: 'Data centre exit',
      budgetMinor: 175_000_00,
      customFields: { strategic_theme: 'Grow revenue' },
    });
  });

  it('clears a value with null and finds nothing to send when nothing changed', () => {
    const before = formStateOf(PROJECT);
    expect(diffChanges(before, { ...before }, [THEME])).toEqual({});
    expect(diffChanges(before, { ...before, managerId: '', objectives: '  ' }, [THEME])).toEqual({
      managerId: null,
      objectives: null,
    });
  });
});

describe('validateForm', () => {
  it('catches the obvious mistakes before the server does', () => {
    const state = {
      ...formStateOf(PROJECT),
      name: ' ',
      plannedFinish: '2026-12-31',
      budget: '12.345',
      custom: {},
    };
    const errors = validateForm(state, [THEME], false);
    expect(Object.keys(errors).sort()).toEqual([
      'budgetMinor',
      'customFields.strategic_theme',
      'name',
      'plannedFinish',
    ]);
  });

  it('allows an empty code on create only', () => {
    const state = { ...formStateOf(PROJECT), code: '' };
    expect(validateForm(state, [THEME], true).code).toBeUndefined();
    expect(validateForm(state, [THEME], false).code).toBeDefined();
  });
});

describe('toCreateBody / errorsFromProblem', () => {
  it('leaves out empty optional fields and the empty code', () => {
    const body = toCreateBody({ ...formStateOf(PROJECT), code: '', description: '', custom: {} }, [THEME]);
    expect(body).not.toHaveProperty('code');
    expect(body).not.toHaveProperty('description');
    expect(body).not.toHaveProperty('customFields');
    expect(body.budgetMinor).toBe(150_000_00);
  });

  it('maps the server’s field paths onto the form', () => {
    expect(
      errorsFromProblem([
        { field: 'plannedFinish', message: 'plannedFinish must not be before plannedStart' },
        { field: 'customFields.strategic_theme', message: 'must be one of: Grow revenue' },
      ]),
    ).toEqual({
      plannedFinish: 'PlannedFinish must not be before plannedStart',
      'customFields.strategic_theme': 'Must be one of: Grow revenue',
    });
  });
});
