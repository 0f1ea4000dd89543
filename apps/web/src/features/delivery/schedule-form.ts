import type { CreateReportScheduleBody, ReportSchedule } from '../../api/delivery.ts';

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export type ScheduleDraft = {
  name: string;
  kind: string;
  format: string;
  cadence: 'weekly' | 'monthly';
  dayOfWeek: string;
  dayOfMonth: string;
  hour: string;
  orgUnitId: string;
  delivery: 'save' | 'email';
  recipients: string;
  enabled: boolean;
};

export function draftOf(s: ReportSchedule | null, defaultKind: string, defaultFormat: string): ScheduleDraft {
  return {
    name: s?.name ?? '',
    kind: s?.kind ?? defaultKind,
    format: s?.format ?? defaultFormat,
    cadence: s?.cadence ?? 'weekly',
    dayOfWeek: String(s?.dayOfWeek ?? 1),
    dayOfMonth: String(s?.dayOfMonth ?? 1),
    hour: String(s?.hour ?? 7),
    orgUnitId: s?.orgUnitId ?? '',
    delivery: s?.delivery ?? 'save',
    recipients: (s?.recipients ?? []).join(', '),
    enabled: s?.enabled ?? true,
  };
}

/** Splits "a@x.org, b@y.org; c@z.org" into addresses. */
export function parseRecipients(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((t) => t.trim())
    .filter(Boolean);
}

export function bodyOf(d: ScheduleDraft): CreateReportScheduleBody {
  return {
    name: d.name.trim(),
    kind: d.kind,
    format: d.format,
    cadence: d.cadence,
    ...(d.cadence === 'weekly' ? { dayOfWeek: Number(d.dayOfWeek) } : { dayOfMonth: Number(d.dayOfMonth) }),
    hour: Number(d.hour),
    orgUnitId: d.orgUnitId || null,
    delivery: d.delivery,
    recipients: d.delivery === 'email' ? parseRecipients(d.recipients) : [],
    enabled: d.enabled,
  };
}

/** "Mondays at 07:00 UTC", "the 3rd of each month at 18:00 UTC". */
export function describeCadence(
  s: Pick<ReportSchedule, 'cadence' | 'dayOfWeek' | 'dayOfMonth' | 'hour'>,
): string {
  const at = `${String(s.hour).padStart(2, '0')}:00 UTC`;
  if (s.cadence === 'weekly') return `${WEEKDAYS[(s.dayOfWeek ?? 1) - 1] ?? '?'}s at ${at}`;
  const d = s.dayOfMonth ?? 1;
  const suffix =
    d % 10 === 1 && d !== 11
      ? 'st'
      : d % 10 === 2 && d !== 12
        ? 'nd'
        : d % 10 === 3 && d !== 13
          ? 'rd'
          : 'th';
  return `the ${d}${suffix} of each month at ${at}`;
}
