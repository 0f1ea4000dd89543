import type { AvailabilityParams } from '../../api/resources.ts';
import { defaultWindow, isIsoDate } from './week-dates.ts';

export type AvailabilityState = {
  skillId: string;
  minLevel: number;
  /** 'hours' asks for H hours a week; 'fraction' for a share of a full week. */
  need: 'hours' | 'fraction';
  amount: string;
  from: string;
  to: string;
  orgUnitId: string;
};

export function readAvailabilityState(params: URLSearchParams, today: string): AvailabilityState {
  const window = defaultWindow(today);
  const level = Number(params.get('minLevel'));
  const from = params.get('from');
  const to = params.get('to');
  return {
    skillId: params.get('skillId') ?? '',
    minLevel: Number.isInteger(level) && level >= 1 && level <= 5 ? level : 1,
    need: params.get('fraction') ? 'fraction' : 'hours',
    amount: params.get('fraction') ?? params.get('hoursPerWeek') ?? '',
    from: isIsoDate(from) ? from : window.from,
    to: isIsoDate(to) ? to : window.to,
    orgUnitId: params.get('orgUnitId') ?? '',
  };
}

/** The query string of a search (what "Find" puts in the URL). */
export function toAvailabilitySearch(s: AvailabilityState): URLSearchParams {
  const p = new URLSearchParams({ from: s.from, to: s.to });
  if (s.skillId) p.set('skillId', s.skillId);
  if (s.skillId && s.minLevel > 1) p.set('minLevel', String(s.minLevel));
  const amount = s.amount.trim().replace(',', '.');
  if (amount) p.set(s.need === 'fraction' ? 'fraction' : 'hoursPerWeek', amount);
  if (s.orgUnitId) p.set('orgUnitId', s.orgUnitId);
  return p;
}

/** The API query for the URL, or a sentence saying what is wrong with it. */
export function toAvailabilityParams(params: URLSearchParams): AvailabilityParams | string {
  const from = params.get('from');
  const to = params.get('to');
  if (!isIsoDate(from) || !isIsoDate(to)) return 'Enter the first and the last day.';
  if (to < from) return 'The last day must not be before the first.';
  const out: AvailabilityParams = { from, to, limit: 50 };
  const hours = params.get('hoursPerWeek');
  const fraction = params.get('fraction');
  if (hours !== null) {
    const h = Number(hours);
    if (!(h >= 0 && h <= 168)) return 'Hours a week must be 0 to 168.';
    out.hoursPerWeek = h;
  } else if (fraction !== null) {
    const f = Number(fraction);
    if (!(f > 0 && f <= 1)) return 'The share of a week must be more than 0 and at most 1 (e.g. 0.5).';
    out.fraction = f;
  }
  for (const key of ['skillId', 'orgUnitId'] as const) {
    const v = params.get(key);
    if (v) out[key] = v;
  }
  const level = Number(params.get('minLevel'));
  if (params.get('skillId') && Number.isInteger(level) && level >= 1 && level <= 5) out.minLevel = level;
  return out;
}
