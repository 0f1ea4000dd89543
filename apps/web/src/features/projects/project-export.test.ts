import { describe, expect, it } from 'vitest';
import type { Project } from '../../api/types.ts';
import { projectExportColumns, projectExportRow } from './project-export.ts';

const project = {
  id: '0190b0a4-0000-7000-8000-000000000001',
  code: 'PRJ-0042',
  name: 'Warehouse automation',
  status: 'active',
  priority: 'high',
  orgUnitName: 'Operations',
  portfolioName: 'Efficiency',
  programName: null,
  managerName: 'Pat Manager',
  plannedStart: '2026-01-05',
  plannedFinish: '2027-03-31',
  budgetMinor: 150_000_050,
  currency: 'EUR',
} as Project;

describe('project export', () => {
  it('has a row value for every column and no others', () => {
    const keys = projectExportColumns().map((c) => c.key);
    expect(Object.keys(projectExportRow(project)).sort()).toEqual([...keys].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('exports labels, ISO dates and the budget in major units with its currency', () => {
    expect(projectExportRow(project)).toEqual({
      id: project.id,
      code: 'PRJ-0042',
      name: 'Warehouse automation',
      status: 'Active',
      priority: 'High',
      orgUnit: 'Operations',
      portfolio: 'Efficiency',
      program: null,
      manager: 'Pat Manager',
      start: '2026-01-05',
      finish: '2027-03-31',
      budget: 1_500_000.5,
      currency: 'EUR',
    });
  });

  it('types the date and money columns for the spreadsheet', () => {
    const kinds = Object.fromEntries(projectExportColumns().map((c) => [c.key, c.kind ?? 'text']));
    expect(kinds).toMatchObject({ start: 'date', finish: 'date', budget: 'money', currency: 'text' });
  });
});
