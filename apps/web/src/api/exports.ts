import { getMinorDigits } from '../design/format.ts';
import { apiDownload, saveBlob } from './client.ts';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportColumnKind = 'text' | 'number' | 'integer' | 'percent' | 'money' | 'date';
export type ExportColumn = { key: string; label: string; kind?: ExportColumnKind };
export type ExportRow = Record<string, string | number | boolean | null | undefined>;

/**
 * Exports a table the screen shows as CSV or XLSX: the server formats it (typed cells, formula
 * injection neutralised) and the browser saves the file.
 */
export async function exportTable(
  format: ExportFormat,
  table: { fileName: string; sheetName?: string; columns: ExportColumn[]; rows: ExportRow[] },
): Promise<void> {
  const { blob, fileName } = await apiDownload(`/exports/${format}`, {
    method: 'POST',
    body: {
      fileName: table.fileName,
      sheetName: table.sheetName ?? table.fileName,
      columns: table.columns,
      rows: table.rows.map((r) =>
        Object.fromEntries(table.columns.map((c) => [c.key, r[c.key] === undefined ? null : r[c.key]])),
      ),
    },
  });
  saveBlob(blob, fileName);
}

/** A page of a paginated list, as the list endpoints return it. */
export type ExportPage<T> = { items: readonly T[]; total: number };

/** The largest page size the paginated list endpoints accept (PageQuery in @baton/contracts). */
export const MAX_PAGE_SIZE = 500;

/**
 * Fetches every page of a paginated list for an export, in order, until `total` rows (or `max`,
 * the most an export takes) have arrived; stops early on a short page so a list that shrinks while
 * it is read cannot loop.
 */
export async function collectPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<ExportPage<T>>,
  pageSize = 200,
  max = 100_000,
): Promise<T[]> {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError('pageSize must be a positive integer');
  const all: T[] = [];
  for (let page = 1; all.length < max; page += 1) {
    const { items, total } = await fetchPage(page, pageSize);
    all.push(...items);
    if (items.length < pageSize || all.length >= total) break;
  }
  return all.length > max ? all.slice(0, max) : all;
}

/** An amount held in minor units as a number in major units (12345 EUR cents → 123.45). */
export function toMajor(minor: number | null | undefined, currency: string): number | null {
  if (minor === null || minor === undefined) return null;
  const digits = getMinorDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
}

/** An ISO date (YYYY-MM-DD) from a date or an instant; null when absent. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  return value.slice(0, 10);
}

/** An export's file name: the list's name and today's date, e.g. "projects-2026-12-07". */
export function exportFileName(list: string, today: Date = new Date()): string {
  return `${list}-${today.toISOString().slice(0, 10)}`;
}
