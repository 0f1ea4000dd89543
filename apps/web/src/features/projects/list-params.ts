import type { Priority } from '@baton/contracts';
import { PROJECT_STATUSES, type ProjectStatus } from '@baton/core';
import type { ProjectListParams } from '../../api/projects.ts';
import type { ProjectFilters } from '../../api/types.ts';
import { PRIORITY_ORDER } from '../../design/labels.ts';

export const DEFAULT_SORT = 'code';
export const DEFAULT_PAGE_SIZE = 25;

export type ListState = {
  q: string;
  status: ProjectStatus[];
  priority: Priority | '';
  orgUnitId: string;
  portfolioId: string;
  programId: string;
  managerId: string;
  tag: string;
  sort: string;
  page: number;
  pageSize: number;
};

const FILTER_KEYS = [
  'q',
  'status',
  'priority',
  'orgUnitId',
  'portfolioId',
  'programId',
  'managerId',
  'tag',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

function positiveInt(text: string | null, fallback: number, max: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** Reads the list's state from the query string, ignoring values the API would reject. */
export function readListState(params: URLSearchParams): ListState {
  const status = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is ProjectStatus => (PROJECT_STATUSES as readonly string[]).includes(s));
  const priority = params.get('priority') ?? '';
  return {
    q: params.get('q') ?? '',
    status,
    priority: (PRIORITY_ORDER as readonly string[]).includes(priority) ? (priority as Priority) : '',
    orgUnitId: params.get('orgUnitId') ?? '',
    portfolioId: params.get('portfolioId') ?? '',
    programId: params.get('programId') ?? '',
    managerId: params.get('managerId') ?? '',
    tag: params.get('tag') ?? '',
    sort: params.get('sort') ?? DEFAULT_SORT,
    page: positiveInt(params.get('page'), 1, 100_000),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, 500),
  };
}

/** The filters alone (no paging or sort), in the API's shape; `withoutStatus` for the status counts. */
export function toFilters(state: ListState, withoutStatus = false): ProjectFilters {
  const f: ProjectFilters = {};
  if (state.q.trim()) f.q = state.q.trim();
  if (!withoutStatus && state.status.length > 0) f.status = state.status;
  if (state.priority) f.priority = [state.priority];
  if (state.orgUnitId) f.orgUnitId = state.orgUnitId;
  if (state.portfolioId) f.portfolioId = state.portfolioId;
  if (state.programId) f.programId = state.programId;
  if (state.managerId) f.managerId = state.managerId;
  if (state.tag.trim()) f.tag = state.tag.trim();
  return f;
}

export function toListParams(state: ListState): ProjectListParams {
  return { ...toFilters(state), sort: state.sort, page: state.page, pageSize: state.pageSize };
}

export function hasFilters(state: ListState): boolean {
  return FILTER_KEYS.some((k) => {
    const v = state[k];
    return Array.isArray(v) ? v.length > 0 : v !== '';
  });
}

/** A copy of the query string with the changes applied; any filter change goes back to page 1. */
export function applyListChange(
  params: URLSearchParams,
  change: Partial<Record<FilterKey | 'sort' | 'page' | 'pageSize', string | null>>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change)) {
    if (value === null || value === '' || value === undefined) next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in change)) next.delete('page');
  if (next.get('sort') === DEFAULT_SORT) next.delete('sort');
  if (next.get('pageSize') === String(DEFAULT_PAGE_SIZE)) next.delete('pageSize');
  if (next.get('page') === '1') next.delete('page');
  return next;
}
