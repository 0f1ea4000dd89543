import type { CapacityParams } from '../../api/resources.ts';
import { addDays, daysBetween, defaultWindow, isIsoDate } from './week-dates.ts';

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const GROUPINGS = ['resource', 'role', 'skill', 'org_unit'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export type CapacityState = {
  from: string;
  to: string;
  granularity: Granularity;
  groupBy: Grouping;
  orgUnitId: string;
  skillId: string;
  resourceId: string;
  includeTentative: boolean;
};

const MAX_DAYS = 3 * 366;

function oneOf<T extends string>(values: readonly T[], text: string | null, fallback: T): T {
  return (values as readonly string[]).includes(text ?? '') ? (text as T) : fallback;
}

/** The heatmap's state from the query string; a missing or broken window falls back to 12 weeks from Monday. */
export function readCapacityState(params: URLSearchParams, today: string): CapacityState {
  const fallback = defaultWindow(today);
  const fromText = params.get('from');
  const toText = params.get('to');
  const from = isIsoDate(fromText) ? fromText : fallback.from;
  let to = isIsoDate(toText) ? toText : isIsoDate(fromText) ? addDays(from, 83) : fallback.to;
  if (to < from) to = from;
  if (daysBetween(from, to) > MAX_DAYS) to = addDays(from, MAX_DAYS);
  return {
    from,
    to,
    granularity: oneOf(GRANULARITIES, params.get('granularity'), 'week'),
    groupBy: oneOf(GROUPINGS, params.get('groupBy'), 'resource'),
    orgUnitId: params.get('orgUnitId') ?? '',
    skillId: params.get('skillId') ?? '',
    resourceId: params.get('resourceId') ?? '',
    includeTentative: params.get('tentative') !== 'false',
  };
}

/** The API query for a state: only the filters that are set. */
export function toCapacityParams(state: CapacityState): CapacityParams {
  return {
    from: state.from,
    to: state.to,
    granularity: state.granularity,
    groupBy: state.groupBy,
    includeTentative: state.includeTentative ? 'true' : 'false',
    ...(state.orgUnitId ? { orgUnitId: state.orgUnitId } : {}),
    ...(state.skillId ? { skillId: state.skillId } : {}),
    ...(state.resourceId ? { resourceId: state.resourceId } : {}),
  };
}

/** A copy of the query string with the changes applied; defaults are left out to keep links short. */
export function applyCapacityChange(
  params: URLSearchParams,
  change: Partial<
    Record<
      'from' | 'to' | 'granularity' | 'groupBy' | 'orgUnitId' | 'skillId' | 'resourceId' | 'tentative',
      string | null
    >
  >,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change)) {
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (next.get('granularity') === 'week') next.delete('granularity');
  if (next.get('groupBy') === 'resource') next.delete('groupBy');
  if (next.get('tentative') === 'true') next.delete('tentative');
  return next;
}
