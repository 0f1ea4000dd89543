import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import type { JournalEntry } from '../../api/types.ts';
import { expandChanges, formatFieldValue, labelOfField, type NameLookup } from '../projects/field-labels.ts';

// An export cell holds at most 10,000 characters; a change of a long text could exceed it.
const MAX_CELL = 10_000;
function clip(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** The audit log's columns as exported; the time is kept to the second (UTC), as the log records it. */
export function journalExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Entry id' },
    { key: 'date', label: 'Date', kind: 'date' },
    { key: 'at', label: 'When (UTC)' },
    { key: 'who', label: 'Who' },
    { key: 'action', label: 'Action' },
    { key: 'recordType', label: 'Record type' },
    { key: 'recordId', label: 'Record id' },
    { key: 'changes', label: 'Changes' },
  ];
}

/** One journal entry as an export row; changes as "Field: from → to" lines, the names looked up. */
export function journalExportRow(
  e: JournalEntry,
  lookup: NameLookup,
  entityLabels: Readonly<Record<string, string>>,
): ExportRow {
  const creating = e.action === 'create';
  const changes = expandChanges(e.changes).map((c) => {
    const to = formatFieldValue(c.field, c.to, lookup);
    const text = creating ? to : `${formatFieldValue(c.field, c.from, lookup)} → ${to}`;
    return `${labelOfField(c.field, lookup)}: ${text}`;
  });
  return {
    id: e.id,
    date: e.at.slice(0, 10),
    at: `${e.at.slice(0, 19).replace('T', ' ')}`,
    who: e.actorName ?? 'System',
    action: e.action,
    recordType: entityLabels[e.entityType] ?? e.entityType,
    recordId: e.entityId,
    changes: clip(changes.join('\n')) || null,
  };
}
