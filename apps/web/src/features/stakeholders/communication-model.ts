import type {
  CommunicationAudience,
  CommunicationChannel,
  CommunicationContent,
  CommunicationFrequency,
  CommunicationOccurrence,
  CoordinationWarning,
  OccurrenceStatus,
} from '../../api/communications.ts';
import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import type { BadgeTone } from '../../design/Badge.tsx';
import type { SelectOption } from '../../design/Select.tsx';

export const CONTENT_LABELS: Readonly<Record<CommunicationContent, string>> = {
  status_report: 'Status report',
  portfolio_pack: 'Portfolio pack',
  steering_minutes: 'Steering minutes',
  custom: 'Custom',
};
export const CHANNEL_LABELS: Readonly<Record<CommunicationChannel, string>> = {
  email: 'Email',
  meeting: 'Meeting',
  report: 'Report',
  portal: 'Portal',
  presentation: 'Presentation',
  newsletter: 'Newsletter',
};
export const FREQUENCY_LABELS: Readonly<Record<CommunicationFrequency, string>> = {
  once: 'Once',
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
};
export const STATUS_LABELS: Readonly<Record<OccurrenceStatus, string>> = {
  overdue: 'Overdue',
  due: 'Due',
  sent: 'Sent',
};
export const STATUS_TONES: Readonly<Record<OccurrenceStatus, BadgeTone>> = {
  overdue: 'red',
  due: 'blue',
  sent: 'green',
};
export const STATUS_LIST: readonly OccurrenceStatus[] = ['overdue', 'due', 'sent'];

/** Options for a select over a label table, in the table's order. */
export function optionsOf<K extends string>(labels: Readonly<Record<K, string>>): SelectOption[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

/** The longest range the calendar accepts, as the server does. */
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string | null | undefined): text is string {
  return !!text && ISO_DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}
export function shiftDate(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The calendar's filters as the URL carries them; absent dates default to two weeks back, eight ahead. */
export type CalendarSearch = {
  from: string;
  to: string;
  /** A project id, 'pmo' for the PMOs' own communications, or '' for all. */
  projectId: string;
  status: OccurrenceStatus | '';
};

export function readCalendarSearch(params: URLSearchParams, today: string): CalendarSearch {
  const from = params.get('from');
  const to = params.get('to');
  const status = params.get('status');
  return {
    from: isIsoDate(from) ? from : shiftDate(today, -14),
    to: isIsoDate(to) ? to : shiftDate(today, 56),
    projectId: params.get('projectId') ?? '',
    status: STATUS_LIST.includes(status as OccurrenceStatus) ? (status as OccurrenceStatus) : '',
  };
}

/** The URL after a change of filters: empty values leave the URL. */
export function writeCalendarSearch(
  params: URLSearchParams,
  change: Partial<CalendarSearch>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** What is wrong with a range, in a sentence, or null when the server will take it. */
export function rangeProblem(from: string, to: string): string | null {
  if (to < from) return 'The last day must not be before the first.';
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS > MAX_RANGE_DAYS)
    return `Choose at most ${MAX_RANGE_DAYS} days.`;
  return null;
}

/** The occurrences shown for a project filter: one project, only the PMOs' own ('pmo'), or all. */
export function filterByProject(
  items: readonly CommunicationOccurrence[],
  projectId: string,
): CommunicationOccurrence[] {
  if (projectId === 'pmo') return items.filter((o) => o.projectId === null);
  return projectId ? items.filter((o) => o.projectId === projectId) : [...items];
}

/** Occurrences in runs of one ISO week, in the order given (the calendar's is by due date). */
export function groupByWeek(
  items: readonly CommunicationOccurrence[],
): { week: string; items: CommunicationOccurrence[] }[] {
  const out: { week: string; items: CommunicationOccurrence[] }[] = [];
  for (const o of items) {
    const last = out.at(-1);
    if (last && last.week === o.week) last.items.push(o);
    else out.push({ week: o.week, items: [o] });
  }
  return out;
}

/** Who an item addresses, in words: stakeholders by name, then roles and groups. */
export function audienceText(a: CommunicationAudience): string {
  return [...a.stakeholders.map((s) => s.name), ...a.roles, ...a.groups].join(', ') || '—';
}

/** Free-text roles or groups from a comma-separated field: trimmed, without blanks or repeats. */
export function parseLabels(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** "itemId|dueDate" of every occurrence that takes part in a coordination warning. */
export function crowdedOccurrences(warnings: readonly CoordinationWarning[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of warnings)
    for (const c of w.communications) {
      const key = `${c.itemId}|${c.dueDate}`;
      out.set(key, [...(out.get(key) ?? []), w.stakeholderName]);
    }
  return out;
}

/** The calendar's export columns: one row per due communication. */
export function calendarExportColumns(): ExportColumn[] {
  return [
    { key: 'dueDate', label: 'Due', kind: 'date' },
    { key: 'week', label: 'ISO week' },
    { key: 'status', label: 'Status' },
    { key: 'title', label: 'Communication' },
    { key: 'content', label: 'Content' },
    { key: 'channel', label: 'Channel' },
    { key: 'frequency', label: 'Frequency' },
    { key: 'projectCode', label: 'Project code' },
    { key: 'project', label: 'Project' },
    { key: 'audience', label: 'Audience' },
    { key: 'owner', label: 'Owner' },
    { key: 'sentAt', label: 'Sent', kind: 'date' },
    { key: 'recipients', label: 'Sent to' },
    { key: 'summary', label: 'Summary' },
  ];
}

export function calendarExportRow(o: CommunicationOccurrence): ExportRow {
  return {
    dueDate: o.dueDate,
    week: o.week,
    status: STATUS_LABELS[o.status],
    title: o.title,
    content: CONTENT_LABELS[o.content],
    channel: CHANNEL_LABELS[o.channel],
    frequency: FREQUENCY_LABELS[o.frequency],
    projectCode: o.projectCode,
    project: o.projectId ? o.projectName : `PMO: ${o.orgUnitName ?? 'organisation'}`,
    audience: audienceText(o.audience),
    owner: o.ownerName,
    sentAt: o.record ? o.record.sentAt.slice(0, 10) : null,
    recipients: o.record ? o.record.recipients.map((r) => r.name).join(', ') || null : null,
    summary: o.record?.summary ?? null,
  };
}
