import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import { toMajor } from '../../api/exports.ts';
import type { ReconciliationRow, Resource, StaffingRequest } from '../../api/resources.ts';
import { KIND_LABELS } from './resource-queries.ts';

/** The resource pool's columns as exported: the table's, with e-mail, status and the rate's currency. */
export function resourceExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Id' },
    { key: 'name', label: 'Name' },
    { key: 'email', label: 'Email' },
    { key: 'kind', label: 'Kind' },
    { key: 'role', label: 'Role' },
    { key: 'orgUnit', label: 'Org unit' },
    { key: 'hoursPerWeek', label: 'Hours per week', kind: 'number' },
    { key: 'fte', label: 'FTE', kind: 'number' },
    { key: 'skills', label: 'Skills' },
    { key: 'rate', label: 'Rate per hour', kind: 'money' },
    { key: 'currency', label: 'Currency' },
    { key: 'active', label: 'Active' },
  ];
}

/** One resource as an export row; skills as "TypeScript:4; Testing:3", as the import reads them. */
export function resourceExportRow(r: Resource): ExportRow {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    kind: KIND_LABELS[r.kind] ?? r.kind,
    role: r.role,
    orgUnit: r.orgUnitName,
    hoursPerWeek: r.capacityHoursPerWeek,
    fte: r.fte,
    skills: r.skills.map((s) => `${s.skillName}:${s.level}`).join('; ') || null,
    rate: r.currentRate ? toMajor(r.currentRate.rateMinor, r.currentRate.currency) : null,
    currency: r.currentRate?.currency ?? null,
    active: r.active ? 'Yes' : 'No',
  };
}

/** The open staffing requests' columns as exported. */
export function staffingExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Id' },
    { key: 'projectCode', label: 'Project code' },
    { key: 'projectName', label: 'Project' },
    { key: 'role', label: 'Role' },
    { key: 'skills', label: 'Skills (minimum level)' },
    { key: 'start', label: 'Start', kind: 'date' },
    { key: 'end', label: 'End', kind: 'date' },
    { key: 'hoursPerWeek', label: 'Hours per week', kind: 'number' },
    { key: 'requestedBy', label: 'Requested by' },
    { key: 'status', label: 'Status' },
  ];
}

/** One staffing request as an export row; skills as "TypeScript:4; Testing:3" (minimum levels). */
export function staffingExportRow(r: StaffingRequest): ExportRow {
  return {
    id: r.id,
    projectCode: r.projectCode,
    projectName: r.projectName,
    role: r.role,
    skills: r.skills.map((s) => `${s.skillName}:${s.minLevel}`).join('; ') || null,
    start: r.start,
    end: r.end,
    hoursPerWeek: r.hoursPerWeek,
    requestedBy: r.requestedBy,
    status: r.status,
  };
}

/** The reconciliation's columns as exported, by resource or by project as on screen. */
export function reconciliationExportColumns(groupBy: 'resource' | 'project'): ExportColumn[] {
  const who: ExportColumn[] =
    groupBy === 'project'
      ? [
          { key: 'projectCode', label: 'Project code' },
          { key: 'projectName', label: 'Project' },
        ]
      : [{ key: 'resourceName', label: 'Resource' }];
  return [
    ...who,
    { key: 'plannedHours', label: 'Planned hours', kind: 'number' },
    { key: 'assignedHours', label: 'Assigned hours', kind: 'number' },
    { key: 'actualHours', label: 'Actual hours', kind: 'number' },
    { key: 'pendingHours', label: 'Pending hours', kind: 'number' },
    { key: 'actualCost', label: 'Actual cost', kind: 'money' },
    { key: 'currency', label: 'Currency' },
    { key: 'flags', label: 'Flags' },
  ];
}

/** One reconciliation row as an export row (cost in major units). */
export function reconciliationExportRow(r: ReconciliationRow): ExportRow {
  return {
    resourceName: r.resourceName,
    projectCode: r.projectCode,
    projectName: r.projectName,
    plannedHours: r.plannedHours,
    assignedHours: r.assignedHours,
    actualHours: r.actualHours,
    pendingHours: r.pendingHours,
    actualCost: r.currency ? toMajor(r.actualCostMinor, r.currency) : null,
    currency: r.currency,
    flags: r.flags.join('; ') || null,
  };
}
