import type { ProposalStatus, ScoringRow } from '../../../api/portfolio.ts';

/** Sortable columns of the scoring matrix; `obj:<id>` is the alignment with one objective. */
export type SortKey =
  | 'rank'
  | 'code'
  | 'status'
  | 'value'
  | 'alignment'
  | 'risk'
  | 'urgency'
  | 'total'
  | 'npv'
  | 'cost'
  | `obj:${string}`;
export type SortDir = 'asc' | 'desc';
export type Sort = { key: SortKey; dir: SortDir };

export const DEFAULT_SORT: Sort = { key: 'rank', dir: 'asc' };

const FIXED_KEYS: readonly SortKey[] = [
  'rank',
  'code',
  'status',
  'value',
  'alignment',
  'risk',
  'urgency',
  'total',
  'npv',
  'cost',
];

const STATUS_ORDER: readonly ProposalStatus[] = [
  'draft',
  'submitted',
  'under_review',
  'approved',
  'deferred',
  'rejected',
];

/** Columns whose first click sorts ascending (names and ranks); scores and money start high. */
function firstDirection(key: SortKey): SortDir {
  return key === 'rank' || key === 'code' || key === 'status' ? 'asc' : 'desc';
}

/** "total" is ascending, "-total" descending; unknown or empty text gives the default (rank). */
export function parseSort(text: string | null | undefined): Sort {
  if (!text) return DEFAULT_SORT;
  const desc = text.startsWith('-');
  const key = desc ? text.slice(1) : text;
  const known = FIXED_KEYS.includes(key as SortKey) || /^obj:[\w-]{1,64}$/.test(key);
  return known ? { key: key as SortKey, dir: desc ? 'desc' : 'asc' } : DEFAULT_SORT;
}

/** The URL text of a sort; null for the default, so the URL stays clean. */
export function sortParam(sort: Sort): string | null {
  if (sort.key === DEFAULT_SORT.key && sort.dir === DEFAULT_SORT.dir) return null;
  return sort.dir === 'desc' ? `-${sort.key}` : sort.key;
}

/** Clicking a header: the same column flips direction, another one starts in its natural direction. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: firstDirection(key) };
}

export function sortValue(row: ScoringRow, key: SortKey): number | string {
  if (key.startsWith('obj:')) return row.alignment[key.slice(4)] ?? 0;
  switch (key) {
    case 'rank':
      return row.rank;
    case 'code':
      return row.code;
    case 'status':
      return STATUS_ORDER.indexOf(row.status);
    case 'value':
    case 'alignment':
    case 'risk':
    case 'urgency':
    case 'total':
      return row.scores[key];
    case 'npv':
      return row.financials.npvMinor;
    case 'cost':
      return row.financials.totalCostMinor;
    default:
      return row.rank;
  }
}

/** A sorted copy; ties keep the rank order. */
export function sortRows(rows: readonly ScoringRow[], sort: Sort): ScoringRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    const c =
      typeof va === 'string' && typeof vb === 'string'
        ? va.localeCompare(vb, undefined, { numeric: true })
        : Number(va) - Number(vb);
    return c !== 0 ? sign * c : a.rank - b.rank;
  });
}

export type SortDirection = 'ascending' | 'descending' | 'none';

export function ariaSort(sort: Sort, key: SortKey): SortDirection {
  if (sort.key !== key) return 'none';
  return sort.dir === 'asc' ? 'ascending' : 'descending';
}

/** What the matrix is sorted by, for the caption. */
export function describeSort(sort: Sort, objectiveName: (id: string) => string | undefined): string {
  const names: Record<string, string> = {
    rank: 'rank',
    code: 'code',
    status: 'status',
    value: 'value score',
    alignment: 'alignment score',
    risk: 'risk score',
    urgency: 'urgency score',
    total: 'total score',
    npv: 'NPV',
    cost: 'cost',
  };
  const name = sort.key.startsWith('obj:')
    ? `alignment with “${objectiveName(sort.key.slice(4)) ?? 'an objective'}”`
    : (names[sort.key] ?? sort.key);
  return `${name}, ${sort.dir === 'asc' ? 'ascending' : 'descending'}`;
}
