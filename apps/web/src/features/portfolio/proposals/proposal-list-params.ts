import type { ProposalListParams, ProposalStatus } from '../../../api/portfolio.ts';
import { PROPOSAL_STATUS_LABELS } from '../portfolio-format.ts';

/** Every status, in workflow order. */
export const PROPOSAL_STATUSES = Object.keys(PROPOSAL_STATUS_LABELS) as ProposalStatus[];

export type ProposalSort = NonNullable<ProposalListParams['sort']>;
export const SORTS: readonly { value: ProposalSort; label: string }[] = [
  { value: 'rank', label: 'Rank (best first)' },
  { value: 'code', label: 'Code' },
  { value: 'updated', label: 'Last updated' },
];
export const DEFAULT_SORT: ProposalSort = 'rank';

/** Proposals still in play: everything but rejected. */
export const OPEN_STATUSES: readonly ProposalStatus[] = PROPOSAL_STATUSES.filter((s) => s !== 'rejected');

export type ProposalListState = { status: ProposalStatus[]; q: string; sort: ProposalSort };

/** Reads the list's state from the query string, ignoring values the API would reject. */
export function readProposalListState(params: URLSearchParams): ProposalListState {
  const status = [
    ...new Set(
      (params.get('status') ?? '')
        .split(',')
        .filter((s): s is ProposalStatus => (PROPOSAL_STATUSES as readonly string[]).includes(s)),
    ),
  ];
  const sort = params.get('sort');
  return {
    status,
    q: (params.get('q') ?? '').slice(0, 200),
    sort: SORTS.some((s) => s.value === sort) ? (sort as ProposalSort) : DEFAULT_SORT,
  };
}

export function toProposalListParams(state: ProposalListState): ProposalListParams {
  return {
    ...(state.status.length > 0
      ? { status: PROPOSAL_STATUSES.filter((s) => state.status.includes(s)).join(',') }
      : {}),
    ...(state.q.trim() ? { q: state.q.trim() } : {}),
    sort: state.sort,
  };
}

export const hasProposalFilters = (state: ProposalListState) =>
  state.status.length > 0 || state.q.trim() !== '';

/** True when exactly the open statuses are chosen. */
export const isOpenSelection = (status: readonly ProposalStatus[]) =>
  status.length === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => status.includes(s));

/** A copy of the query string with the changes applied; defaults are left out to keep links short. */
export function applyProposalListChange(
  params: URLSearchParams,
  change: Partial<Record<'status' | 'q' | 'sort', string | null>>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change)) {
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (next.get('sort') === DEFAULT_SORT) next.delete('sort');
  return next;
}
