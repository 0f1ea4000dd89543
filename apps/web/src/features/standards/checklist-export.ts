import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import { isoDate } from '../../api/exports.ts';
import type { ComplianceItem } from '../../api/standards.ts';

/** The compliance checklist's columns as exported, for the unit asked about. */
export function checklistExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Item id' },
    { key: 'unit', label: 'Checklist at' },
    { key: 'item', label: 'Item' },
    { key: 'standardKey', label: 'Standard key' },
    { key: 'standard', label: 'Standard' },
    { key: 'definedAt', label: 'Defined at' },
    { key: 'inherited', label: 'Inherited' },
    { key: 'overridable', label: 'Overridable' },
    { key: 'waived', label: 'Waived' },
    { key: 'waiverReason', label: 'Waiver reason' },
    { key: 'waivedBy', label: 'Waived by' },
    { key: 'waivedOn', label: 'Waived on', kind: 'date' },
    { key: 'retiredOn', label: 'Retired on', kind: 'date' },
  ];
}

/** One checklist item, as it stands at `unitName`, as an export row. */
export function checklistExportRow(i: ComplianceItem, unitName: string): ExportRow {
  return {
    id: i.id,
    unit: unitName,
    item: i.text,
    standardKey: i.standardKey,
    standard: i.standardTitle,
    definedAt: i.orgUnitName,
    inherited: i.inherited ? 'Yes' : 'No',
    overridable: i.overridable ? 'Yes' : 'No',
    waived: i.waiver ? 'Yes' : 'No',
    waiverReason: i.waiver?.reason ?? null,
    waivedBy: i.waiver?.orgUnitName ?? null,
    waivedOn: isoDate(i.waiver?.createdAt),
    retiredOn: isoDate(i.retiredAt),
  };
}
