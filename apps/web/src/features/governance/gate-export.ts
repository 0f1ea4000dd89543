import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import type { GateQueueItem } from '../../api/governance.ts';
import { projectStatusLabel } from './lifecycle-model.ts';

/** The gate review queue's columns as exported: the evidence's counts, each in its own column. */
export function gateQueueExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Review id' },
    { key: 'projectCode', label: 'Project code' },
    { key: 'projectName', label: 'Project' },
    { key: 'phase', label: 'Phase' },
    { key: 'submitted', label: 'Submitted', kind: 'date' },
    { key: 'submittedBy', label: 'Submitted by' },
    { key: 'criteriaMet', label: 'Criteria met', kind: 'integer' },
    { key: 'criteriaTotal', label: 'Criteria', kind: 'integer' },
    { key: 'deliverablesAccepted', label: 'Deliverables accepted', kind: 'integer' },
    { key: 'deliverablesTotal', label: 'Deliverables', kind: 'integer' },
    { key: 'openHighRisks', label: 'Open high risks', kind: 'integer' },
    { key: 'highRiskCodes', label: 'High risk codes' },
    { key: 'openIssues', label: 'Open issues', kind: 'integer' },
    { key: 'projectStatus', label: 'Project status' },
  ];
}

/** One waiting gate as an export row. */
export function gateQueueExportRow(r: GateQueueItem): ExportRow {
  const e = r.evidence;
  return {
    id: r.id,
    projectCode: r.projectCode,
    projectName: r.projectName,
    phase: r.phaseName,
    submitted: r.submittedAt.slice(0, 10),
    submittedBy: r.submittedByName,
    criteriaMet: e.criteriaMet,
    criteriaTotal: e.criteriaTotal,
    deliverablesAccepted: e.deliverablesAccepted,
    deliverablesTotal: e.deliverablesTotal,
    openHighRisks: e.openHighRisks.length,
    highRiskCodes: e.openHighRisks.map((x) => x.code).join(', ') || null,
    openIssues: e.openIssues,
    projectStatus: projectStatusLabel(e.projectStatus),
  };
}
