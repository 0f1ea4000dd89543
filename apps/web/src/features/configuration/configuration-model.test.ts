import { describe, expect, it } from 'vitest';
import type { ConfigurationAuditLine } from '../../api/configuration.ts';
import {
  AUDIT_STATUS_LIST,
  auditExplanation,
  auditExportColumns,
  auditExportRow,
  parseAuditStatuses,
  versionActions,
  versionText,
} from './configuration-model.ts';

const line = (over: Partial<ConfigurationAuditLine>): ConfigurationAuditLine => ({
  itemId: 'i1',
  code: 'CI-0001',
  name: 'Design',
  kind: 'document',
  status: 'matches',
  baselineVersion: { id: 'v1', number: 1, label: '1.0' },
  approvedVersion: { id: 'v1', number: 1, label: '1.0' },
  changeRequests: [],
  ...over,
});

describe('configuration model', () => {
  it('offers review from draft, approve or back from review, nothing after', () => {
    expect(versionActions('draft').map((a) => a.to)).toEqual(['in_review']);
    expect(versionActions('in_review').map((a) => [a.to, a.approval])).toEqual([
      ['approved', true],
      ['draft', false],
    ]);
    expect(versionActions('approved')).toEqual([]);
    expect(versionActions('superseded')).toEqual([]);
  });

  it('reads audit statuses from the URL, dropping unknown ones', () => {
    expect(parseAuditStatuses(null)).toEqual([]);
    expect(parseAuditStatuses('changed,bogus,unexplained')).toEqual(['changed', 'unexplained']);
    expect(parseAuditStatuses(AUDIT_STATUS_LIST.join(','))).toEqual([...AUDIT_STATUS_LIST]);
  });

  it('explains each audit line in words', () => {
    expect(versionText(null)).toBe('—');
    expect(auditExplanation(line({}))).toContain('is the baseline’s');
    const changed = line({
      status: 'changed',
      approvedVersion: { id: 'v2', number: 2, label: '1.1' },
      changeRequests: [{ id: 'c', code: 'CR-004' }],
    });
    expect(auditExplanation(changed)).toBe('Baseline v1 · 1.0 → v2 · 1.1 by CR-004');
    expect(auditExplanation(line({ status: 'unexplained' }))).toContain('without a change request');
    expect(auditExplanation(line({ status: 'no-approved-version', approvedVersion: null }))).toBe(
      'No version approved yet',
    );
  });

  it('exports a line with the project columns only when asked', () => {
    const changed = line({ status: 'changed', changeRequests: [{ id: 'c', code: 'CR-004' }] });
    expect(auditExportColumns(false).map((c) => c.key)).not.toContain('project');
    expect(auditExportRow(changed)).toMatchObject({
      code: 'CI-0001',
      kind: 'Document',
      status: 'Changed by approved change',
      changes: 'CR-004',
    });
    const project = {
      projectId: 'p',
      projectCode: 'P-1',
      projectName: 'Portal',
      orgUnitId: 'u',
      orgUnitName: 'Digital',
      projectStatus: 'active',
      baseline: { id: 'b', name: 'Design baseline', createdAt: '2026-01-01T00:00:00Z' },
      items: [changed],
      summary: { matches: 0, changed: 1, unexplained: 0, added: 0, noApprovedVersion: 0, total: 1 },
    };
    expect(auditExportColumns(true).map((c) => c.key)).toContain('project');
    expect(auditExportRow(changed, project)).toMatchObject({
      project: 'P-1 Portal',
      baseline: 'Design baseline',
    });
  });
});
