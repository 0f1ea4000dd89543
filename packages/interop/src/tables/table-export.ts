import ExcelJS from 'exceljs';
import { formatCsvField } from '../csv/csv-format.ts';

/**
 * A table as a list or dashboard shows it, for export: columns with a label and a kind that says
 * how a spreadsheet should hold the value, and rows keyed by column.
 */
export type ExportColumnKind = 'text' | 'number' | 'integer' | 'percent' | 'money' | 'date';
export type ExportColumn = {
  readonly key: string;
  readonly label: string;
  readonly kind?: ExportColumnKind | undefined;
};
export type ExportCell = string | number | boolean | null | undefined;
export type ExportRow = Readonly<Record<string, ExportCell>>;

/**
 * A spreadsheet opening a CSV runs a cell that starts with = + - @ (or a tab/CR) as a formula:
 * such text cells get a leading apostrophe (OWASP's advice on CSV injection). Numbers are left as they are.
 */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(v: ExportCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return formatCsvField(safeText(v));
}

/** RFC 4180 CSV with a header row of the column labels, CRLF line ends and a UTF-8 BOM (for Excel). */
export function writeTableCsv(columns: readonly ExportColumn[], rows: readonly ExportRow[]): string {
  const lines = [columns.map((c) => formatCsvField(safeText(c.label))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const FORMATS: Record<ExportColumnKind, string | undefined> = {
  text: undefined,
  number: '#,##0.00',
  integer: '#,##0',
  percent: '0.0%',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
};
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned === '' ? 'Sheet1' : cleaned;
}

/**
 * An XLSX workbook of one or more tables, one sheet each: a bold frozen header, numbers, money and
 * percentages as numbers with a number format (percent columns hold fractions: 0.25 is 25 %), dates as
 * dates, an auto-filter, and column widths that fit.
 */
export async function writeTablesXlsx(
  sheets: readonly { name: string; columns: readonly ExportColumn[]; rows: readonly ExportRow[] }[],
  meta: { title?: string; creator?: string } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator ?? 'Baton';
  if (meta.title) wb.title = meta.title;
  const used = new Set<string>();
  for (const sheet of sheets) {
    let name = safeSheetName(sheet.name);
    for (let i = 2; used.has(name); i++) name = safeSheetName(`${sheet.name.slice(0, 27)} (${i})`);
    used.add(name);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => {
      const numFmt = FORMATS[c.kind ?? 'text'];
      return { header: c.label, key: c.key, ...(numFmt ? { style: { numFmt } } : {}) };
    });
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      const values: Record<string, unknown> = {};
      for (const c of sheet.columns) {
        const v = row[c.key];
        if (v === null || v === undefined) continue;
        const m = c.kind === 'date' && typeof v === 'string' ? DATE.exec(v) : null;
        values[c.key] = m
          ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
          : typeof v === 'boolean'
            ? v
              ? 'yes'
              : 'no'
            : v;
      }
      ws.addRow(values);
    }
    for (const [i, c] of sheet.columns.entries()) {
      const longest = sheet.rows.reduce((n, r) => Math.max(n, String(r[c.key] ?? '').length), c.label.length);
      ws.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
    }
    if (sheet.columns.length > 0)
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
