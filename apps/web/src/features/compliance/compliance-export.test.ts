import { describe, expect, it } from 'vitest';
import type { ComplianceProject } from '../../api/compliance.ts';
import { complianceExportColumns, complianceExportRow } from './compliance-export.ts';

const rules = [
  { key: 'baseline', title: 'Has a baseline' },
  { key: 'status-report', title: 'Reported this month' },
  { key: 'risks', title: 'Risks reviewed' },
];

describe('compliance matrix export', () => {
  it('writes each rule as met, not met or not applying, one column per rule', () => {
    const project = {
      projectId: 'p1',
      code: 'P-001',
      name: 'ERP',
      status: 'on_hold',
      orgUnitName: 'Finance',
      score: 50,
      target: 80,
      belowTarget: true,
      results: [
        { rule: 'baseline', applicable: true, passed: true, detail: 'Baseline 0 set' },
        { rule: 'status-report', applicable: true, passed: false, detail: 'No report for 2026-11' },
        { rule: 'risks', applicable: false, passed: false, detail: '' },
      ],
    } as ComplianceProject;
    const row = complianceExportRow(project, rules);
    expect(Object.keys(row).sort()).toEqual(
      complianceExportColumns(rules)
        .map((c) => c.key)
        .sort(),
    );
    expect(row).toMatchObject({
      status: 'On hold',
      score: 50,
      target: 80,
      belowTarget: 'Yes',
      'rule-baseline': 'Met: Baseline 0 set',
      'rule-status-report': 'Not met: No report for 2026-11',
      'rule-risks': 'Does not apply',
    });
  });
});
