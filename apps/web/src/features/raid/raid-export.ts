import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import { isoDate } from '../../api/exports.ts';
import type { ChangeRequest, Issue, Risk } from '../../api/raid.ts';
import {
  CHANGE_LEVEL_LABELS,
  CHANGE_STATUS_LABELS,
  ISSUE_PRIORITY_LABELS,
  ISSUE_STATUS_LABELS,
  LEVEL_LABELS,
  PROXIMITY_LABELS,
  RESPONSE_LABELS,
  RISK_STATUS_LABELS,
  SCOPE_LABELS,
  whereHeld,
} from './raid-model.ts';

/** The risk register's columns as exported (the table's, with the level and held-at split out). */
export function riskExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Id' },
    { key: 'code', label: 'Code' },
    { key: 'title', label: 'Risk' },
    { key: 'category', label: 'Category' },
    { key: 'heldAtScope', label: 'Held at (scope)' },
    { key: 'heldAt', label: 'Held at' },
    { key: 'projectName', label: 'Project' },
    { key: 'linkedProjects', label: 'Linked projects' },
    { key: 'probability', label: 'Probability', kind: 'integer' },
    { key: 'impact', label: 'Impact', kind: 'integer' },
    { key: 'score', label: 'Score', kind: 'integer' },
    { key: 'level', label: 'Level' },
    { key: 'residualScore', label: 'Residual score', kind: 'integer' },
    { key: 'residualLevel', label: 'Residual level' },
    { key: 'owner', label: 'Owner' },
    { key: 'proximity', label: 'Proximity' },
    { key: 'expectedBy', label: 'Expected by', kind: 'date' },
    { key: 'response', label: 'Response' },
    { key: 'status', label: 'Status' },
    { key: 'reviewed', label: 'Reviewed', kind: 'date' },
  ];
}

/** One risk as an export row. */
export function riskExportRow(r: Risk): ExportRow {
  const held = whereHeld(r);
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    category: r.category,
    heldAtScope: SCOPE_LABELS[r.scope],
    heldAt: held.label,
    projectName: r.projectName,
    linkedProjects: held.linked.join(', ') || null,
    probability: r.probability,
    impact: r.impact,
    score: r.score,
    level: LEVEL_LABELS[r.level],
    residualScore: r.residualScore,
    residualLevel: r.residualLevel ? LEVEL_LABELS[r.residualLevel] : null,
    owner: r.ownerName,
    proximity: PROXIMITY_LABELS[r.proximity],
    expectedBy: isoDate(r.expectedBy),
    response: r.response ? RESPONSE_LABELS[r.response] : null,
    status: RISK_STATUS_LABELS[r.status],
    reviewed: isoDate(r.reviewedAt),
  };
}

/** The issue list's columns as exported. */
export function issueExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Id' },
    { key: 'code', label: 'Code' },
    { key: 'title', label: 'Issue' },
    { key: 'projectCode', label: 'Project code' },
    { key: 'projectName', label: 'Project' },
    { key: 'priority', label: 'Priority' },
    { key: 'owner', label: 'Owner' },
    { key: 'due', label: 'Due', kind: 'date' },
    { key: 'overdue', label: 'Overdue' },
    { key: 'status', label: 'Status' },
    { key: 'resolution', label: 'Resolution' },
    { key: 'escalated', label: 'Escalated' },
    { key: 'escalatedAt', label: 'Escalated on', kind: 'date' },
    { key: 'escalationReason', label: 'Escalation reason' },
  ];
}

/** One issue as an export row. */
export function issueExportRow(i: Issue): ExportRow {
  return {
    id: i.id,
    code: i.code,
    title: i.title,
    projectCode: i.projectCode,
    projectName: i.projectName,
    priority: ISSUE_PRIORITY_LABELS[i.priority],
    owner: i.ownerName,
    due: isoDate(i.dueDate),
    overdue: i.overdue ? 'Yes' : 'No',
    status: ISSUE_STATUS_LABELS[i.status],
    resolution: i.resolution,
    escalated: i.escalated ? 'Yes' : 'No',
    escalatedAt: isoDate(i.escalatedAt),
    escalationReason: i.escalationReason,
  };
}

/** The change request list's columns as exported. */
export function changeExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Id' },
    { key: 'code', label: 'Code' },
    { key: 'title', label: 'Change' },
    { key: 'projectCode', label: 'Project code' },
    { key: 'projectName', label: 'Project' },
    { key: 'requestedBy', label: 'Requested by' },
    { key: 'requestedOn', label: 'Requested on', kind: 'date' },
    { key: 'costImpact', label: 'Cost impact', kind: 'money' },
    { key: 'currency', label: 'Currency' },
    { key: 'scheduleImpactDays', label: 'Schedule impact (days)', kind: 'integer' },
    { key: 'routedTo', label: 'Routed to' },
    { key: 'routing', label: 'Routing' },
    { key: 'status', label: 'Status' },
    { key: 'decidedBy', label: 'Decided by' },
    { key: 'decidedOn', label: 'Decided on', kind: 'date' },
    { key: 'decisionReason', label: 'Decision reason' },
  ];
}

/** One change request as an export row (its cost impact is already in major units). */
export function changeExportRow(c: ChangeRequest): ExportRow {
  return {
    id: c.id,
    code: c.code,
    title: c.title,
    projectCode: c.projectCode,
    projectName: c.projectName,
    requestedBy: c.requestedByName,
    requestedOn: isoDate(c.createdAt),
    costImpact: c.costImpact,
    currency: c.currency,
    scheduleImpactDays: c.scheduleImpactDays,
    routedTo: CHANGE_LEVEL_LABELS[c.level],
    routing: c.routing,
    status: CHANGE_STATUS_LABELS[c.status],
    decidedBy: c.decidedByName,
    decidedOn: isoDate(c.decidedAt),
    decisionReason: c.decisionReason,
  };
}
