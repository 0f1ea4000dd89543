import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import { isoDate } from '../../api/exports.ts';
import type { Lesson, QualityStandard } from '../../api/quality.ts';
import { humanise, LESSON_KIND_LABELS } from './quality-model.ts';

/** The lessons register's columns as exported: what each card shows, in full. */
export function lessonExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Id' },
    { key: 'code', label: 'Code' },
    { key: 'title', label: 'Title' },
    { key: 'kind', label: 'Kind' },
    { key: 'category', label: 'Category' },
    { key: 'projectCode', label: 'Project code' },
    { key: 'project', label: 'Project' },
    { key: 'recorded', label: 'Recorded', kind: 'date' },
    { key: 'whatHappened', label: 'What happened' },
    { key: 'recommendation', label: 'Recommendation' },
    { key: 'tags', label: 'Tags' },
  ];
}

/** One lesson as an export row; an organisation-wide lesson says so in the project column. */
export function lessonExportRow(l: Lesson): ExportRow {
  return {
    id: l.id,
    code: l.code,
    title: l.title,
    kind: LESSON_KIND_LABELS[l.kind],
    category: humanise(l.category),
    projectCode: l.projectCode,
    project: l.projectId ? l.projectName : 'Organisation-wide',
    recorded: isoDate(l.createdAt),
    whatHappened: l.whatHappened,
    recommendation: l.recommendation,
    tags: l.tags.join(', ') || null,
  };
}

/** The quality standards' columns as exported: one row per checklist item. */
export function standardExportColumns(): ExportColumn[] {
  return [
    { key: 'standardId', label: 'Standard id' },
    { key: 'deliverableType', label: 'Deliverable type' },
    { key: 'standard', label: 'Standard' },
    { key: 'appliesTo', label: 'Applies to' },
    { key: 'retired', label: 'Retired' },
    { key: 'itemKey', label: 'Item key' },
    { key: 'item', label: 'Checklist item' },
    { key: 'required', label: 'Required' },
  ];
}

/** A standard's export rows, one per checklist item (one empty-item row when it has none). */
export function standardExportRows(s: QualityStandard): ExportRow[] {
  const base = {
    standardId: s.id,
    deliverableType: humanise(s.deliverableType),
    standard: s.name,
    appliesTo: s.orgUnitName ? `${s.orgUnitName} and beneath` : 'Whole organisation',
    retired: s.retired ? 'Yes' : 'No',
  };
  if (s.checklist.length === 0) return [{ ...base, itemKey: null, item: null, required: null }];
  return s.checklist.map((i) => ({
    ...base,
    itemKey: i.key,
    item: i.text,
    required: i.required ? 'Yes' : 'No',
  }));
}
