import type { Audit, AuditFinding } from '../../api/audits.ts';
import { AUDIT_STATUS_LABELS, FINDING_STATUS_LABELS, SEVERITY_LABELS } from '../../api/audits.ts';
import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import { isoDate } from '../../api/exports.ts';

/** The audit list's columns as exported. */
export function auditExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Id' },
    { key: 'code', label: 'Code' },
    { key: 'title', label: 'Audit' },
    { key: 'kind', label: 'Kind' },
    { key: 'projectCode', label: 'Project code' },
    { key: 'of', label: 'Of' },
    { key: 'date', label: 'Date', kind: 'date' },
    { key: 'lead', label: 'Lead' },
    { key: 'status', label: 'Status' },
    { key: 'openFindings', label: 'Open findings', kind: 'integer' },
    { key: 'overdueFindings', label: 'Overdue findings', kind: 'integer' },
  ];
}

/** One audit as an export row: "Of" is the project or, for a unit's practice, the org unit. */
export function auditExportRow(a: Audit): ExportRow {
  return {
    id: a.id,
    code: a.code,
    title: a.title,
    kind: a.kind === 'peer_review' ? 'Peer review' : 'Audit',
    projectCode: a.projectCode,
    of: a.projectId ? a.projectName : a.orgUnitName,
    date: a.scheduledFor,
    lead: a.leadName,
    status: AUDIT_STATUS_LABELS[a.status],
    openFindings: a.findingCounts.open,
    overdueFindings: a.findingCounts.overdue,
  };
}

/** The corrective-action tracker's columns as exported. */
export function findingExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Id' },
    { key: 'code', label: 'Code' },
    { key: 'title', label: 'Finding' },
    { key: 'auditCode', label: 'Audit' },
    { key: 'projectCode', label: 'Project code' },
    { key: 'severity', label: 'Severity' },
    { key: 'owner', label: 'Owner' },
    { key: 'due', label: 'Due', kind: 'date' },
    { key: 'overdue', label: 'Overdue' },
    { key: 'correctiveAction', label: 'Corrective action' },
    { key: 'status', label: 'Status' },
    { key: 'closedOn', label: 'Closed on', kind: 'date' },
  ];
}

/** One finding as an export row. */
export function findingExportRow(f: AuditFinding): ExportRow {
  return {
    id: f.id,
    code: f.code,
    title: f.title,
    auditCode: f.auditCode,
    projectCode: f.projectCode,
    severity: SEVERITY_LABELS[f.severity],
    owner: f.ownerName,
    due: isoDate(f.dueDate),
    overdue: f.overdue ? 'Yes' : 'No',
    correctiveAction: f.correctiveAction,
    status: FINDING_STATUS_LABELS[f.status],
    closedOn: isoDate(f.closedAt),
  };
}
