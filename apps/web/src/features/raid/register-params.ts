import type { Risk, RiskLevel, RiskListParams, RiskStatus } from '../../api/raid.ts';
import { RISK_STATUSES } from './raid-model.ts';

/** What the register shows, all of it in the URL so a view can be shared. */
export type RegisterState = {
  q: string;
  level: RiskLevel | '';
  /** '' = open and monitoring (the live risks), 'all', or one status. */
  status: RiskStatus | 'all' | '';
  /** '' = anywhere, 'project' = project risks only, 'shared' = held at a portfolio or org unit. */
  held: 'project' | 'shared' | '';
  projectId: string;
  portfolioId: string;
  /** A heat-map cell: only risks rated exactly so. */
  cell: { probability: number; impact: number } | null;
};

export const ACTIVE_STATUSES: readonly RiskStatus[] = ['open', 'monitoring'];

const LEVEL_VALUES: readonly string[] = ['low', 'medium', 'high'];

function rating(text: string | null, size: number): number | null {
  if (!text || !/^\d{1,2}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= size ? n : null;
}

/** Reads the register's state from the query string; unknown values fall back to the defaults. */
export function readRegister(params: URLSearchParams, size: number): RegisterState {
  const level = params.get('level') ?? '';
  const status = params.get('status') ?? '';
  const held = params.get('held') ?? '';
  const p = rating(params.get('p'), size);
  const i = rating(params.get('i'), size);
  return {
    q: params.get('q') ?? '',
    level: LEVEL_VALUES.includes(level) ? (level as RiskLevel) : '',
    status:
      status === 'all' || (RISK_STATUSES as readonly string[]).includes(status) ? (status as RiskStatus) : '',
    held: held === 'project' || held === 'shared' ? held : '',
    projectId: params.get('projectId') ?? '',
    portfolioId: params.get('portfolioId') ?? '',
    cell: p !== null && i !== null ? { probability: p, impact: i } : null,
  };
}

export type RegisterChange = Partial<Omit<RegisterState, 'cell'>> & {
  cell?: RegisterState['cell'];
};

/** The query string after a change: empty values are dropped, the rest kept as they were. */
export function applyRegister(params: URLSearchParams, change: RegisterChange): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['q', 'level', 'status', 'held', 'projectId', 'portfolioId'] as const) {
    if (!(key in change)) continue;
    const value = change[key];
    if (value) next.set(key, value);
    else next.delete(key);
  }
  if ('cell' in change) {
    if (change.cell) {
      next.set('p', String(change.cell.probability));
      next.set('i', String(change.cell.impact));
    } else {
      next.delete('p');
      next.delete('i');
    }
  }
  return next;
}

/** Whether any filter is set (to offer "Clear filters"). */
export function hasRegisterFilters(s: RegisterState): boolean {
  return Boolean(s.q || s.level || s.status || s.held || s.projectId || s.portfolioId || s.cell);
}

/** The list request for the state (the cell is filtered on the page: the API has no rating filter). */
export function toListParams(s: RegisterState): RiskListParams {
  return {
    ...(s.q.trim() ? { q: s.q.trim() } : {}),
    ...(s.level ? { level: s.level } : {}),
    ...(s.status === 'all' ? {} : { status: s.status || ACTIVE_STATUSES.join(',') }),
    ...(s.held ? { shared: s.held === 'shared' ? 'true' : 'false' } : {}),
    ...(s.projectId ? { projectId: s.projectId } : {}),
    ...(s.portfolioId ? { portfolioId: s.portfolioId } : {}),
  };
}

/** The summary request: the same filters but status (the heat map and trend count open risks). */
export function toSummaryParams(s: RegisterState): RiskListParams {
  const { status: _status, ...rest } = toListParams(s);
  return rest;
}

/** The risks in a heat-map cell, or all of them when no cell is chosen. */
export function filterByCell<T extends Pick<Risk, 'probability' | 'impact'>>(
  items: readonly T[],
  cell: RegisterState['cell'],
): T[] {
  if (!cell) return [...items];
  return items.filter((r) => r.probability === cell.probability && r.impact === cell.impact);
}
