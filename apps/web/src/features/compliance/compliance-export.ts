import type { ProjectStatus } from '@baton/core';
import type { ComplianceProject, ComplianceReport } from '../../api/compliance.ts';
import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import { STATUS_LABELS } from '../../design/labels.ts';

/** The compliance matrix's columns as exported: the project, its score and one column per rule. */
export function complianceExportColumns(rules: ComplianceReport['rules']): ExportColumn[] {
  return [
    { key: 'projectId', label: 'Project id' },
    { key: 'code', label: 'Project code' },
    { key: 'name', label: 'Project' },
    { key: 'orgUnit', label: 'Org unit' },
    { key: 'status', label: 'Status' },
    { key: 'score', label: 'Score (%)', kind: 'integer' },
    { key: 'target', label: 'Target (%)', kind: 'integer' },
    { key: 'belowTarget', label: 'Below target' },
    ...rules.map((r): ExportColumn => ({ key: `rule-${r.key}`, label: r.title })),
  ];
}

/** One project's line of the matrix: each rule "Met: …", "Not met: …" or "Does not apply", as on screen. */
export function complianceExportRow(p: ComplianceProject, rules: ComplianceReport['rules']): ExportRow {
  const cells = rules.map((r) => {
    const result = p.results.find((x) => x.rule === r.key);
    const text = !result?.applicable
      ? 'Does not apply'
      : `${result.passed ? 'Met' : 'Not met'}: ${result.detail}`;
    return [`rule-${r.key}`, text] as const;
  });
  return {
    projectId: p.projectId,
    code: p.code,
    name: p.name,
    orgUnit: p.orgUnitName,
    status: STATUS_LABELS[p.status as ProjectStatus] ?? p.status,
    score: p.score,
    target: p.target,
    belowTarget: p.belowTarget ? 'Yes' : 'No',
    ...Object.fromEntries(cells),
  };
}
