import { describe, expect, it } from 'vitest';
import type { ChangeRequest, Issue, Risk } from '../../api/raid.ts';
import {
  changeExportColumns,
  changeExportRow,
  issueExportColumns,
  issueExportRow,
  riskExportColumns,
  riskExportRow,
} from './raid-export.ts';

const sharedRisk = {
  id: 'r-1',
  code: 'RSK-007',
  title: 'Supplier insolvency',
  category: 'Commercial',
  scope: 'portfolio',
  projectId: null,
  projectCode: null,
  projectName: null,
  portfolioName: 'Digital',
  orgUnitName: null,
  linkedProjects: [
    { id: 'p2', code: 'PRJ-0002', name: 'B' },
    { id: 'p1', code: 'PRJ-0001', name: 'A' },
  ],
  probability: 4,
  impact: 5,
  score: 20,
  level: 'high',
  residualScore: null,
  residualLevel: null,
  ownerName: null,
  proximity: 'imminent',
  expectedBy: '2027-01-15',
  response: 'mitigate',
  status: 'open',
  reviewedAt: '2026-11-30T09:15:00.000Z',
} as unknown as Risk;

function keysMatch(columns: { key: string }[], row: object) {
  const keys = columns.map((c) => c.key);
  expect(new Set(keys).size).toBe(keys.length);
  expect(Object.keys(row).sort()).toEqual([...keys].sort());
}

describe('risk export', () => {
  it('exports a shared risk with where it is held, its linked projects and labels', () => {
    const row = riskExportRow(sharedRisk);
    keysMatch(riskExportColumns(), row);
    expect(row).toMatchObject({
      code: 'RSK-007',
      heldAtScope: 'Portfolio',
      heldAt: 'Digital',
      linkedProjects: 'PRJ-0001, PRJ-0002',
      probability: 4,
      impact: 5,
      score: 20,
      level: 'High',
      residualScore: null,
      residualLevel: null,
      owner: null,
      proximity: 'Imminent',
      expectedBy: '2027-01-15',
      response: 'Mitigate',
      status: 'Open',
      reviewed: '2026-11-30',
    });
  });

  it('exports a project risk held at its project code, with no linked projects', () => {
    const row = riskExportRow({
      ...sharedRisk,
      scope: 'project',
      projectCode: 'PRJ-0003',
      projectName: 'C',
      linkedProjects: [],
      residualScore: 6,
      residualLevel: 'medium',
      reviewedAt: null,
    });
    expect(row).toMatchObject({
      heldAtScope: 'Project',
      heldAt: 'PRJ-0003',
      projectName: 'C',
      linkedProjects: null,
      residualScore: 6,
      residualLevel: 'Medium',
      reviewed: null,
    });
  });
});

describe('issue and change request export', () => {
  it('exports an issue with yes/no flags and ISO dates', () => {
    const issue = {
      id: 'i-1',
      code: 'ISS-001',
      title: 'Test rig down',
      projectCode: 'PRJ-0001',
      projectName: 'A',
      priority: 'critical',
      ownerName: 'Sam',
      dueDate: '2026-12-01',
      overdue: true,
      status: 'in_progress',
      resolution: null,
      escalated: true,
      escalatedAt: '2026-12-02T16:00:00.000Z',
      escalationReason: 'Needs budget',
    } as unknown as Issue;
    const row = issueExportRow(issue);
    keysMatch(issueExportColumns(), row);
    expect(row).toMatchObject({
      priority: 'Critical',
      due: '2026-12-01',
      overdue: 'Yes',
      status: 'In progress',
      escalated: 'Yes',
      escalatedAt: '2026-12-02',
    });
  });

  it('exports a change request’s cost impact in major units with the currency', () => {
    const change = {
      id: 'c-1',
      code: 'CR-004',
      title: 'Add a second site',
      projectCode: 'PRJ-0001',
      projectName: 'A',
      requestedByName: 'Pat',
      createdAt: '2026-11-20T08:00:00.000Z',
      costImpact: -12_500.5,
      currency: 'GBP',
      scheduleImpactDays: 14,
      level: 'change_board',
      routing: 'Cost above the PM threshold',
      status: 'approved',
      decidedByName: 'Dana',
      decidedAt: '2026-11-25T10:00:00.000Z',
      decisionReason: 'Worth it',
    } as unknown as ChangeRequest;
    const row = changeExportRow(change);
    keysMatch(changeExportColumns(), row);
    expect(row).toMatchObject({
      requestedOn: '2026-11-20',
      costImpact: -12_500.5,
      currency: 'GBP',
      scheduleImpactDays: 14,
      routedTo: 'Change board',
      status: 'Approved',
      decidedOn: '2026-11-25',
    });
  });
});
