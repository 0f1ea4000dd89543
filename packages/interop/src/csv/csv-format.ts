/** A CSV file Baton refuses: the 1-based row (header = row 1), the column name, and why. */
export class CsvParseError extends Error {
  readonly row: number;
  readonly column: string;
  readonly reason: string;
  constructor(row: number, column: string, reason: string) {
    super(`row ${row}, column ${column}: ${reason}`);
    this.name = 'CsvParseError';
    this.row = row;
    this.column = column;
    this.reason = reason;
  }
}

/** Splits RFC 4180 CSV text into rows of fields (quotes, doubled quotes, CRLF, a BOM). */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let quoteLine = 1;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new CsvParseError(line, `${row.length + 1}`, 'a quote may only start a field');
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
    } else field += c;
  }
  if (quoted) throw new CsvParseError(quoteLine, `${row.length + 1}`, 'a quoted field is not closed');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Quotes a field when it needs it. */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
