import type { PortfolioPackRow } from '../../api/reports.ts';

/** Columns the pack table sorts by. */
export const PACK_SORTS = [
  'code',
  'health',
  'spi',
  'cpi',
  'budget',
  'ac',
  'eac',
  'percentComplete',
  'forecastFinish',
  'finishVarianceDays',
] as const;
export type PackSort = (typeof PACK_SORTS)[number];
export type PackSortDir = 'asc' | 'desc';

const RAG_RANK = { red: 0, amber: 1, green: 2 } as const;

export function readSort(value: string | null): PackSort {
  return (PACK_SORTS as readonly string[]).includes(value ?? '') ? (value as PackSort) : 'code';
}

export function readDir(value: string | null): PackSortDir {
  return value === 'desc' ? 'desc' : 'asc';
}

function key(r: PortfolioPackRow, by: PackSort): string | number | null {
  if (by === 'health') return RAG_RANK[r.health];
  return r[by];
}

/**
 * Rows sorted by a column; projects without the figure (no baseline, no budget) go last either way,
 * and ties keep code order, so the order is the same on every screen.
 */
export function sortPackRows(
  rows: readonly PortfolioPackRow[],
  by: PackSort,
  dir: PackSortDir,
): PortfolioPackRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a, by);
    const y = key(b, by);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) return (x < y ? -1 : 1) * sign;
    return a.code.localeCompare(b.code);
  });
}

/** Whether a status date typed in the URL is a real date. */
export function isIsoDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}
