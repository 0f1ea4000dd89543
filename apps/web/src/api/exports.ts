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
