import { LIBRARY_CATEGORIES, PROJECT_DOCUMENT_CATEGORIES } from '@baton/contracts';
import { ApiProblem, describeError } from '../../api/client.ts';
import type { ProjectLifecycle } from '../../api/governance.ts';

/** Extensions the clearinghouse keeps (the server checks the content too). */
export const ACCEPTED_EXTENSIONS = [
  '.pdf',
  '.docx',
  '.xlsx',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.csv',
  '.txt',
  '.md',
  '.markdown',
  '.json',
] as const;

/** For a file input's accept attribute. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_EXTENSIONS.join(',');

export const PROJECT_CATEGORY_LABELS: Readonly<Record<(typeof PROJECT_DOCUMENT_CATEGORIES)[number], string>> =
  {
    charter: 'Charter',
    business_case: 'Business case',
    plan: 'Plan',
    status_report: 'Status report',
    risk_log: 'Risk log',
    lessons_learned: 'Lessons learned',
    deliverable: 'Deliverable',
    minutes: 'Minutes',
    report: 'Report',
    other: 'Other',
  };
export const LIBRARY_CATEGORY_LABELS: Readonly<Record<(typeof LIBRARY_CATEGORIES)[number], string>> = {
  template: 'Template',
  guide: 'Guide',
  policy: 'Policy',
  other: 'Other',
};

export const projectCategoryOptions = PROJECT_DOCUMENT_CATEGORIES.map((value) => ({
  value,
  label: PROJECT_CATEGORY_LABELS[value],
}));
export const libraryCategoryOptions = LIBRARY_CATEGORIES.map((value) => ({
  value,
  label: LIBRARY_CATEGORY_LABELS[value],
}));

/** A category's label, whichever kind of document it belongs to. */
export function categoryLabel(category: string): string {
  return (
    (PROJECT_CATEGORY_LABELS as Record<string, string>)[category] ??
    (LIBRARY_CATEGORY_LABELS as Record<string, string>)[category] ??
    category
  );
}

const TYPE_LABELS: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'ODF text',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODF spreadsheet',
  'application/vnd.oasis.opendocument.presentation': 'ODF presentation',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'text/csv': 'CSV',
  'text/plain': 'Text',
  'text/markdown': 'Markdown',
  'application/json': 'JSON',
};

/** A short name for a stored media type ("Word", "PDF"). */
export function typeLabel(mediaType: string): string {
  return TYPE_LABELS[mediaType] ?? mediaType;
}

/** "1.2 MB", "640 KB", "12 bytes" (binary units, as the server's limit). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  if (n < 1_048_576) return `${Math.round(n / 1024)} KiB`;
  const mib = n / 1_048_576;
  return `${mib >= 10 ? Math.round(mib) : mib.toFixed(1)} MiB`;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot).toLowerCase() : '';
}

/** Why a chosen file cannot be uploaded, before sending it; null when it may be. */
export function checkChosenFile(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  const ext = extensionOf(file.name);
  if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(ext))
    return `${ext ? `${ext} files are` : 'Files without an extension are'} not accepted. Choose a PDF, Office, OpenDocument, image, CSV, text, Markdown or JSON file.`;
  return null;
}

/** A title from a file name: "project-charter_v2.docx" → "project charter v2". */
export function titleFromFileName(fileName: string): string {
  const ext = extensionOf(fileName);
  const base = ext ? fileName.slice(0, -ext.length) : fileName;
  return base.replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
}

export type DeliverableOption = { value: string; label: string; phaseKey: string; deliverableKey: string };

/** Every gate deliverable of the project's lifecycle, as picker options ("Initiate — Project charter"). */
export function deliverableOptions(lifecycle: ProjectLifecycle | null | undefined): DeliverableOption[] {
  if (!lifecycle) return [];
  return lifecycle.phases.flatMap((p) =>
    p.gate.deliverables.map((d) => ({
      value: `${p.key}/${d.key}`,
      label: `${p.name} — ${d.name}`,
      phaseKey: p.key,
      deliverableKey: d.key,
    })),
  );
}

/** The label of the deliverable a document evidences; its keys when the lifecycle no longer has it. */
export function deliverableLabel(
  lifecycle: ProjectLifecycle | null | undefined,
  phaseKey: string | null,
  deliverableKey: string | null,
): string | null {
  if (!phaseKey || !deliverableKey) return null;
  const option = deliverableOptions(lifecycle).find((o) => o.value === `${phaseKey}/${deliverableKey}`);
  return option?.label ?? `${phaseKey} / ${deliverableKey}`;
}

/** What to tell someone whose upload was refused: the server names the limit or the type it found. */
export function uploadErrorText(error: unknown): string {
  if (error instanceof ApiProblem) {
    if (error.status === 413) return `Too large: ${error.detail ?? 'the file is over the size limit.'}`;
    if (error.status === 415) return `Refused: ${error.detail ?? 'Baton does not keep this type of file.'}`;
    if (error.status === 422 || error.status === 400) return error.detail ?? error.title;
  }
  return describeError(error);
}
