import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import type { ReportingOverview } from '../../api/status-reports.ts';
import { RAG_LABELS, REPORT_STATUS_LABELS } from './status-report-model.ts';

type OverviewRow = ReportingOverview['rows'][number];

/** The status reports overview's columns as exported, with the period on every row. */
export function statusOverviewExportColumns(): ExportColumn[] {
  return [
    { key: 'period', label: 'Period' },
    { key: 'projectId', label: 'Project id' },
    { key: 'code', label: 'Project code' },
    { key: 'name', label: 'Project' },
    { key: 'manager', label: 'Manager' },
    { key: 'status', label: 'Status' },
    { key: 'overdue', label: 'Overdue' },
    { key: 'reported', label: 'Reported' },
    { key: 'computed', label: 'Computed' },
    { key: 'mismatch', label: 'Better than the figures' },
  ];
}

/** One project's line of the overview as an export row. */
export function statusOverviewExportRow(r: OverviewRow, period: string): ExportRow {
  return {
    period,
    projectId: r.projectId,
    code: r.code,
    name: r.name,
    manager: r.managerName,
    status: REPORT_STATUS_LABELS[r.status],
    overdue: r.overdue ? 'Yes' : 'No',
    reported: r.reportedOverall ? RAG_LABELS[r.reportedOverall] : null,
    computed: r.computedOverall ? RAG_LABELS[r.computedOverall] : null,
    mismatch: r.mismatch ? 'Yes' : 'No',
  };
}
