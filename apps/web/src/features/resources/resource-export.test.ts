import { describe, expect, it } from 'vitest';
import type { Resource } from '../../api/resources.ts';
import { resourceExportColumns, resourceExportRow } from './resource-export.ts';

const person = {
  id: 'res-1',
  name: 'Alex Analyst',
  email: 'alex@example.com',
  kind: 'person',
  role: 'Business analyst',
  orgUnitName: 'IT',
  capacityHoursPerWeek: 32,
  fte: 0.8,
  active: true,
  skills: [
    { skillId: 's1', skillName: 'TypeScript', level: 4 },
    { skillId: 's2', skillName: 'Testing', level: 3 },
  ],
  currentRate: { id: 'rate-1', effectiveFrom: '2026-01-01', rateMinor: 9_550, currency: 'EUR' },
} as unknown as Resource;

describe('resource export', () => {
  it('has a row value for every column and no others', () => {
    const keys = resourceExportColumns().map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(resourceExportRow(person)).sort()).toEqual([...keys].sort());
  });

  it('exports capacity, skills as the import reads them and the rate in major units', () => {
    expect(resourceExportRow(person)).toMatchObject({
      name: 'Alex Analyst',
      kind: 'Person',
      hoursPerWeek: 32,
      fte: 0.8,
      skills: 'TypeScript:4; Testing:3',
      rate: 95.5,
      currency: 'EUR',
      active: 'Yes',
    });
  });

  it('leaves the rate, its currency and skills empty for an inactive generic role without them', () => {
    expect(
      resourceExportRow({ ...person, kind: 'role', skills: [], currentRate: null, active: false }),
    ).toMatchObject({ kind: 'Generic role', skills: null, rate: null, currency: null, active: 'No' });
  });
});
