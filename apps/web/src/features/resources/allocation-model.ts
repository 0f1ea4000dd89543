import type { Allocation, CreateAllocationBody, UpdateAllocationBody } from '../../api/resources.ts';
import { isIsoDate } from './week-dates.ts';

export type AmountMode = 'hours' | 'percent' | 'phases';
export type PhaseDraft = { start: string; end: string; hours: string };

/** What the allocation form holds: text as typed. */
export type AllocationDraft = {
  resourceId: string;
  projectId: string;
  start: string;
  end: string;
  mode: AmountMode;
  hours: string;
  percent: string;
  phases: PhaseDraft[];
  notes: string;
};

export type AllocationErrors = Partial<
  Record<'resourceId' | 'projectId' | 'start' | 'end' | 'amount' | 'phases' | 'form', string>
>;

export function emptyAllocationDraft(
  fixed: { resourceId?: string; projectId?: string },
  start: string,
  end: string,
): AllocationDraft {
  return {
    resourceId: fixed.resourceId ?? '',
    projectId: fixed.projectId ?? '',
    start,
    end,
    mode: 'hours',
    hours: '',
    percent: '',
    phases: [{ start, end, hours: '' }],
    notes: '',
  };
}

export function draftOf(a: Allocation): AllocationDraft {
  const mode: AmountMode = a.phases.length > 0 ? 'phases' : a.percent !== null ? 'percent' : 'hours';
  return {
    resourceId: a.resourceId,
    projectId: a.projectId,
    start: a.start,
    end: a.end,
    mode,
    hours: a.hoursPerWeek === null ? '' : String(a.hoursPerWeek),
    percent: a.percent === null ? '' : String(a.percent),
    phases:
      a.phases.length > 0
        ? a.phases.map((p) => ({ ...p, hours: String(p.hoursPerWeek) }))
        : [{ start: a.start, end: a.end, hours: '' }],
    notes: a.notes ?? '',
  };
}

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

export function validateAllocation(d: AllocationDraft): AllocationErrors {
  const e: AllocationErrors = {};
  if (!d.resourceId) e.resourceId = 'Choose who.';
  if (!d.projectId) e.projectId = 'Choose the project.';
  if (!isIsoDate(d.start)) e.start = 'Enter the first day.';
  if (!isIsoDate(d.end)) e.end = 'Enter the last day.';
  else if (isIsoDate(d.start) && d.end < d.start) e.end = 'The last day must not be before the first.';
  if (d.mode === 'hours' && !(num(d.hours) >= 0 && num(d.hours) <= 168))
    e.amount = 'Enter hours a week, 0 to 168.';
  if (d.mode === 'percent' && !(num(d.percent) >= 0 && num(d.percent) <= 200))
    e.amount = 'Enter a share of capacity, 0 to 200 %.';
  if (d.mode === 'phases') {
    const bad = d.phases.findIndex(
      (p) =>
        !isIsoDate(p.start) ||
        !isIsoDate(p.end) ||
        p.end < p.start ||
        p.start < d.start ||
        p.end > d.end ||
        !(num(p.hours) >= 0 && num(p.hours) <= 168),
    );
    if (d.phases.length === 0) e.phases = 'Add at least one phase.';
    else if (bad >= 0)
      e.phases = `Phase ${bad + 1}: dates inside the allocation, in order, and 0–168 hours a week.`;
  }
  return e;
}

function amountOf(d: AllocationDraft) {
  if (d.mode === 'hours') return { hoursPerWeek: num(d.hours) };
  if (d.mode === 'percent') return { percent: num(d.percent) };
  return { phases: d.phases.map((p) => ({ start: p.start, end: p.end, hoursPerWeek: num(p.hours) })) };
}

export function toCreateAllocation(d: AllocationDraft): CreateAllocationBody {
  return {
    resourceId: d.resourceId,
    projectId: d.projectId,
    start: d.start,
    end: d.end,
    ...amountOf(d),
    notes: d.notes.trim() || null,
  };
}

/** The update body: the chosen amount replaces the other two, which are cleared. */
export function toUpdateAllocation(d: AllocationDraft, version: number): UpdateAllocationBody {
  return {
    version,
    resourceId: d.resourceId,
    start: d.start,
    end: d.end,
    hoursPerWeek: null,
    percent: null,
    phases: null,
    ...amountOf(d),
    notes: d.notes.trim() || null,
  };
}

/** "16 h/week", "50 % of capacity", "3 phases". */
export function describeAmount(a: Pick<Allocation, 'hoursPerWeek' | 'percent' | 'phases'>): string {
  if (a.phases.length > 0) return `${a.phases.length} ${a.phases.length === 1 ? 'phase' : 'phases'}`;
  if (a.percent !== null) return `${a.percent} % of capacity`;
  return `${a.hoursPerWeek ?? 0} h/week`;
}
