import type {
  CiAuditStatus,
  CiVersionStatus,
  ConfigurationAuditLine,
  ConfigurationItemKind,
  PmoAuditProject,
} from '../../api/configuration.ts';
import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import type { BadgeTone } from '../../design/Badge.tsx';

export const CI_KIND_LIST: readonly ConfigurationItemKind[] = [
  'deliverable',
  'document',
  'specification',
  'component',
];
export const CI_KIND_LABELS: Readonly<Record<ConfigurationItemKind, string>> = {
  deliverable: 'Deliverable',
  document: 'Document',
  specification: 'Specification',
  component: 'Component',
};

export const VERSION_STATUS_LABELS: Readonly<Record<CiVersionStatus, string>> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  superseded: 'Superseded',
};
export const VERSION_STATUS_TONES: Readonly<Record<CiVersionStatus, BadgeTone>> = {
  draft: 'gray',
  in_review: 'amber',
  approved: 'green',
  superseded: 'violet',
};

export const AUDIT_STATUS_LIST: readonly CiAuditStatus[] = [
  'unexplained',
  'changed',
  'added',
  'no-approved-version',
  'matches',
];
export const AUDIT_STATUS_LABELS: Readonly<Record<CiAuditStatus, string>> = {
  matches: 'Matches',
  changed: 'Changed by approved change',
  unexplained: 'Changed, unexplained',
  added: 'Added since',
  'no-approved-version': 'No approved version',
};
export const AUDIT_STATUS_TONES: Readonly<Record<CiAuditStatus, BadgeTone>> = {
  matches: 'green',
  changed: 'blue',
  unexplained: 'red',
  added: 'violet',
  'no-approved-version': 'amber',
};

/** A version move a person may make, with the button's wording; approving needs an approver. */
export type VersionAction = { to: CiVersionStatus; label: string; approval: boolean };

/** The moves open from a version's status (the server decides; this only offers the buttons). */
export function versionActions(status: CiVersionStatus): VersionAction[] {
  if (status === 'draft') return [{ to: 'in_review', label: 'Submit for review', approval: false }];
  if (status === 'in_review')
    return [
      { to: 'approved', label: 'Approve', approval: true },
      { to: 'draft', label: 'Back to draft', approval: false },
    ];
  return [];
}

/** "v2 · 1.1", or a dash when there is no version. */
export function versionText(v: { number: number; label: string } | null | undefined): string {
  return v ? `v${v.number} · ${v.label}` : '—';
}

/** The audit statuses named in the URL (comma-separated), known ones only. */
export function parseAuditStatuses(value: string | null): CiAuditStatus[] {
  if (!value) return [];
  return value.split(',').filter((s): s is CiAuditStatus => (AUDIT_STATUS_LIST as string[]).includes(s));
}

/** A one-line reading of an audit line, for screen readers and exports. */
export function auditExplanation(line: ConfigurationAuditLine): string {
  switch (line.status) {
    case 'matches':
      return `Approved ${versionText(line.approvedVersion)} is the baseline’s`;
    case 'changed':
      return `Baseline ${versionText(line.baselineVersion)} → ${versionText(line.approvedVersion)} by ${line.changeRequests.map((c) => c.code).join(', ')}`;
    case 'unexplained':
      return `Baseline ${versionText(line.baselineVersion)} → ${versionText(line.approvedVersion)}, approved without a change request${line.changeRequests.length ? ` (earlier: ${line.changeRequests.map((c) => c.code).join(', ')})` : ''}`;
    case 'added':
      return `Not in the baseline; approved ${versionText(line.approvedVersion)}`;
    case 'no-approved-version':
      return 'No version approved yet';
  }
}

export function auditExportColumns(withProject: boolean): ExportColumn[] {
  return [
    ...(withProject
      ? [
          { key: 'project', label: 'Project' },
          { key: 'orgUnit', label: 'Org unit' },
          { key: 'baseline', label: 'Baseline' },
        ]
      : []),
    { key: 'code', label: 'Item' },
    { key: 'name', label: 'Name' },
    { key: 'kind', label: 'Kind' },
    { key: 'status', label: 'Audit status' },
    { key: 'baselineVersion', label: 'Baseline version' },
    { key: 'approvedVersion', label: 'Approved version' },
    { key: 'changes', label: 'Change requests' },
  ];
}

export function auditExportRow(line: ConfigurationAuditLine, project?: PmoAuditProject): ExportRow {
  return {
    ...(project
      ? {
          project: `${project.projectCode} ${project.projectName}`,
          orgUnit: project.orgUnitName,
          baseline: project.baseline?.name ?? '',
        }
      : {}),
    code: line.code,
    name: line.name,
    kind: CI_KIND_LABELS[line.kind as ConfigurationItemKind] ?? line.kind,
    status: AUDIT_STATUS_LABELS[line.status],
    baselineVersion: line.baselineVersion?.label ?? '',
    approvedVersion: line.approvedVersion?.label ?? '',
    changes: line.changeRequests.map((c) => c.code).join(', '),
  };
}
