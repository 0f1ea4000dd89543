import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import { isoDate, toMajor } from '../../api/exports.ts';
import type { Project } from '../../api/types.ts';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../design/labels.ts';

/** The project list's columns as exported: the table's columns plus the id and the currency. */
export function projectExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Id' },
    { key: 'code', label: 'Code' },
    { key: 'name', label: 'Name' },
    { key: 'status', label: 'Status' },
    { key: 'priority', label: 'Priority' },
    { key: 'orgUnit', label: 'Org unit' },
    { key: 'portfolio', label: 'Portfolio' },
    { key: 'program', label: 'Program' },
    { key: 'manager', label: 'Manager' },
    { key: 'start', label: 'Start', kind: 'date' },
    { key: 'finish', label: 'Finish', kind: 'date' },
    { key: 'budget', label: 'Budget', kind: 'money' },
    { key: 'currency', label: 'Currency' },
  ];
}

/** One project as an export row: labels as the table shows them, money in major units, ISO dates. */
export function projectExportRow(p: Project): ExportRow {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    status: STATUS_LABELS[p.status],
    priority: PRIORITY_LABELS[p.priority],
    orgUnit: p.orgUnitName,
    portfolio: p.portfolioName,
    program: p.programName,
    manager: p.managerName,
    start: isoDate(p.plannedStart),
    finish: isoDate(p.plannedFinish),
    budget: toMajor(p.budgetMinor, p.currency),
    currency: p.currency,
  };
}
