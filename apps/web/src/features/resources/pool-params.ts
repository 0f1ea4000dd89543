import type { ResourceListParams } from '../../api/resources.ts';

export const POOL_KINDS = ['person', 'role', 'material', 'cost'] as const;
export type PoolKind = (typeof POOL_KINDS)[number];
export const DEFAULT_POOL_PAGE_SIZE = 25;

export type PoolState = {
  q: string;
  kind: PoolKind | '';
  orgUnitId: string;
  skillId: string;
  minLevel: number | null;
  page: number;
  pageSize: number;
};

export type PoolChange = Partial<
  Record<'q' | 'kind' | 'orgUnitId' | 'skillId' | 'minLevel' | 'page' | 'pageSize', string | null>
>;

function intIn(text: string | null, min: number, max: number): number | null {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** The pool list's state from the query string, ignoring values the API would reject. */
export function readPoolState(params: URLSearchParams): PoolState {
  const kind = params.get('kind') ?? '';
  return {
    q: params.get('q') ?? '',
    kind: (POOL_KINDS as readonly string[]).includes(kind) ? (kind as PoolKind) : '',
    orgUnitId: params.get('orgUnitId') ?? '',
    skillId: params.get('skillId') ?? '',
    minLevel: intIn(params.get('minLevel'), 1, 5),
    page: intIn(params.get('page'), 1, 100_000) ?? 1,
    pageSize: intIn(params.get('pageSize'), 1, 500) ?? DEFAULT_POOL_PAGE_SIZE,
  };
}

export function hasPoolFilters(state: PoolState): boolean {
  return Boolean(state.q.trim() || state.kind || state.orgUnitId || state.skillId || state.minLevel);
}

/** The API query for the list; a minimum level only means something with a skill. */
export function toPoolParams(state: PoolState): ResourceListParams {
  return {
    ...(state.q.trim() ? { q: state.q.trim() } : {}),
    ...(state.kind ? { kind: state.kind } : {}),
    ...(state.orgUnitId ? { orgUnitId: state.orgUnitId } : {}),
    ...(state.skillId ? { skillId: state.skillId } : {}),
    ...(state.skillId && state.minLevel ? { minLevel: state.minLevel } : {}),
    page: state.page,
    pageSize: state.pageSize,
  };
}

/** A copy of the query string with the changes applied; a filter change goes back to page 1. */
export function applyPoolChange(params: URLSearchParams, change: PoolChange): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change)) {
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in change) || next.get('page') === '1') next.delete('page');
  if (next.get('pageSize') === String(DEFAULT_POOL_PAGE_SIZE)) next.delete('pageSize');
  if (!next.get('skillId')) next.delete('minLevel');
  return next;
}
