import type { SetTaskAssignmentsBody, TaskAssignment } from '../../api/schedule.ts';

/** The API's limits on one assignment (SetTaskAssignmentsBody). */
const MAX_UNITS = 10;
const MAX_WORK_MINUTES = 10_000_000;

/** One assignment as edited in the dialog: the texts typed, and whether the work was typed or follows the units. */
export type AssignmentDraft = {
  resourceId: string;
  resourceName: string;
  kind: TaskAssignment['kind'];
  percent: string;
  /** Null while the work follows the units (duration × units, as the server works it out). */
  hours: string | null;
};

export type AssignmentErrors = Record<string, { percent?: string; hours?: string }>;

function parseNumber(text: string, suffix: RegExp): number | null {
  const cleaned = text.trim().replace(suffix, '').trim().replace(',', '.');
  if (cleaned === '' || !/^\d*\.?\d+$|^\d+\.$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

/** Units as a percentage for display: 1 → "100", 0.5 → "50", 1/3 → "33.3". */
export function formatPercent(units: number): string {
  return String(Math.round(units * 1000) / 10);
}

/** Parses "50", "50 %" or "37,5" into units (0.5); null unless above 0 and at most 1000 %. */
export function parsePercent(text: string): number | null {
  const pct = parseNumber(text, /%$/);
  if (pct === null || pct <= 0) return null;
  const units = Math.round(pct * 100) / 10_000;
  return units > 0 && units <= MAX_UNITS ? units : null;
}

/** Minutes as hours for display: 2400 → "40", 450 → "7.5", 20 → "0.33". */
export function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** Parses "40", "7.5 h" or "7,5" into whole minutes; null when not a number of hours the API accepts. */
export function parseHours(text: string): number | null {
  const hours = parseNumber(text, /\s*h(ours?)?$/i);
  if (hours === null) return null;
  const minutes = Math.round(hours * 60);
  return minutes <= MAX_WORK_MINUTES ? minutes : null;
}

/** The work the server gives an assignment whose work is left out: the task's duration × units. */
export function defaultWorkMinutes(durationMinutes: number, units: number): number {
  return Math.round(durationMinutes * units);
}

/** A saved assignment as a draft; work that equals duration × units keeps following the units. */
export function draftOf(item: TaskAssignment, durationMinutes: number): AssignmentDraft {
  const follows = item.workMinutes === defaultWorkMinutes(durationMinutes, item.units);
  return {
    resourceId: item.resourceId,
    resourceName: item.resourceName,
    kind: item.kind,
    percent: formatPercent(item.units),
    hours: follows ? null : formatHours(item.workMinutes),
  };
}

/** The work a draft shows: what was typed, or duration × units (the saved units while the percent is unreadable). */
export function shownHours(draft: AssignmentDraft, durationMinutes: number): string {
  if (draft.hours !== null) return draft.hours;
  const units = parsePercent(draft.percent);
  return units === null ? '' : formatHours(defaultWorkMinutes(durationMinutes, units));
}

/**
 * The PUT body for the drafts, or the per-resource errors that stop it. Work is sent only when typed,
 * so that the server works out duration × units itself.
 */
export function buildAssignmentsBody(
  drafts: readonly AssignmentDraft[],
  taskVersion: number,
): { body: SetTaskAssignmentsBody; errors: null } | { body: null; errors: AssignmentErrors } {
  const errors: AssignmentErrors = {};
  const assignments: SetTaskAssignmentsBody['assignments'] = [];
  for (const d of drafts) {
    const units = parsePercent(d.percent);
    const work = d.hours === null ? undefined : parseHours(d.hours);
    if (units === null || work === null) {
      errors[d.resourceId] = {
        ...(units === null ? { percent: 'A percentage above 0 and up to 1000.' } : {}),
        ...(work === null ? { hours: 'A number of hours, such as 16 or 7.5.' } : {}),
      };
    } else {
      assignments.push(
        work === undefined
          ? { resourceId: d.resourceId, units }
          : { resourceId: d.resourceId, units, workMinutes: work },
      );
    }
  }
  return Object.keys(errors).length > 0
    ? { body: null, errors }
    : { body: { taskVersion, assignments }, errors: null };
}
