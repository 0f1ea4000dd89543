import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvRows } from '../csv/csv-format.ts';
import { type ExportColumn, safeSheetName, writeTableCsv, writeTablesXlsx } from './table-export.ts';

const COLUMNS: ExportColumn[] = [
  { key: 'code', label: 'Code' },
  { key: 'name', label: 'Name' },
  { key: 'spi', label: 'SPI', kind: 'number' },
  { key: 'share', label: 'Share', kind: 'percent' },
  { key: 'finish', label: 'Finish', kind: 'date' },
  { key: 'late', label: 'Late' },
];

describe('table export', () => {
  it('writes CSV with labels, quoting, empty cells and formula-looking text neutralised', () => {
    const csv = writeTableCsv(COLUMNS, [
      { code: 'P-1', name: 'Say "hi", world', spi: 0.93, share: 0.25, finish: '2027-03-31', late: true },
      { code: 'P-2', name: '=HYPERLINK("x")', spi: null, share: undefined, finish: null, late: false },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsvRows(csv)).toEqual([
      ['Code', 'Name', 'SPI', 'Share', 'Finish', 'Late'],
      ['P-1', 'Say "hi", world', '0.93', '0.25', '2027-03-31', 'yes'],
      ['P-2', `'=HYPERLINK("x")`, '', '', '', 'no'],
    ]);
  });

  it('round-trips any text through CSV (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (texts) => {
        const cols = texts.map((_, i) => ({ key: `c${i}`, label: `C${i}` }));
        const row = Object.fromEntries(texts.map((t, i) => [`c${i}`, t]));
        const parsed = parseCsvRows(writeTableCsv(cols, [row]));
        const back = parsed[1] ?? [];
        // An empty row of one empty field parses as no row at all; anything else comes back as written.
        if (texts.every((t) => t === '') && texts.length === 1) return;
        expect(back).toEqual(texts.map((t) => (/^[=+\-@\t\r]/.test(t) ? `'${t}` : t)));
      }),
    );
  });

  it('writes an XLSX with typed cells, a frozen header and one sheet per table', async () => {
    const bytes = await writeTablesXlsx([
      {
        name: 'Projects: all/any',
        columns: COLUMNS,
        rows: [{ code: 'P-1', spi: 0.9, share: 0.5, finish: '2027-01-02' }],
      },
      { name: 'Projects: all/any', columns: COLUMNS.slice(0, 1), rows: [] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Projects  all any', 'Projects  all any (2)']);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getRow(1).values).toEqual([undefined, 'Code', 'Name', 'SPI', 'Share', 'Finish', 'Late']);
    expect(ws.getCell('C2').value).toBe(0.9);
    expect(ws.getCell('D2').numFmt).toBe('0.0%');
    expect(ws.getCell('E2').value).toEqual(new Date(Date.UTC(2027, 0, 2)));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('keeps sheet names within Excel’s rules', () => {
    expect(safeSheetName('a'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('[]')).toBe('Sheet1');
  });
});
