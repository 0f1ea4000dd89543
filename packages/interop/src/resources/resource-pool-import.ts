import ExcelJS from 'exceljs';
import { CsvParseError, parseCsvRows } from '../csv/csv-format.ts';
import {
  getCurrencyMinorDigits,
  RESOURCE_POOL_COLUMNS,
  type ResourcePoolColumn,
  ResourcePoolImportError,
  type ResourcePoolProblem,
  type ResourcePoolRow,
  unescapeSpreadsheetFormula,
} from './resource-pool-format.ts';

/** The most resources one file may hold. */
export const MAX_RESOURCE_POOL_ROWS = 20_000;

/** A cell as text, or why it cannot be read (an Excel error value, a formula without a result). */
type Cell = string | { readonly problem: string };
type SheetRow = { readonly row: number; readonly cells: readonly Cell[] };
type Sheet = { readonly rows: readonly SheetRow[]; readonly columnName: (index: number) => string };

const DEFAULT_CAPACITY = 40;
const DEFAULT_CURRENCY = 'EUR';
const MAX_RATE_MINOR = 100_000_000;
const MAX_SKILLS = 100;
// The rule zod's z.email() applies at the API, so every address the file brings is one the API takes.
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOURS = /^\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;
const AMOUNT = /^(\d+)(?:\.(\d+))?$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Reads a resource-pool CSV; every bad cell is reported at once in a ResourcePoolImportError. */
export function parseResourcePoolCsv(text: string): ResourcePoolRow[] {
  let records: string[][];
  try {
    records = parseCsvRows(text);
  } catch (e) {
    if (e instanceof CsvParseError)
      throw new ResourcePoolImportError([{ row: e.row, column: `column ${e.column}`, reason: e.reason }]);
    throw e;
  }
  return readSheet({
    rows: records.map((cells, i) => ({ row: i + 1, cells })),
    columnName: (i) => `column ${i + 1}`,
  });
}

/** Reads the first worksheet of a resource-pool XLSX (header in row 1), reporting every bad cell at once. */
export async function parseResourcePoolXlsx(bytes: Uint8Array): Promise<ResourcePoolRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy as a plain ArrayBuffer, which exceljs's types (and JSZip) take.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (e) {
    throw new ResourcePoolImportError([{ row: 0, column: '', reason: describeUnreadable(bytes) }], {
      cause: e,
    });
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet)
    throw new ResourcePoolImportError([{ row: 0, column: '', reason: 'the workbook has no worksheet' }]);
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = readCellValue(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return readSheet({ rows, columnName: (i) => `column ${columnLetter(i + 1)}` });
}

function describeUnreadable(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return 'this is an old-style .xls workbook or a password-protected file; save it as an Excel workbook (.xlsx) without a password';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b)
    return 'the file is a ZIP archive but not a readable Excel workbook (.xlsx)';
  return 'the file is not an Excel workbook (.xlsx); a CSV file must be imported as CSV';
}

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function formatUtcDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function readCellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    // Excel keeps 15 significant digits; beyond them is binary noise (0.1 + 0.2).
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? { problem: 'the cell holds an invalid date' }
      : formatUtcDate(value);
  if ('error' in value) return { problem: `the cell holds the error ${value.error}` };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined)
      return { problem: 'the formula has no saved result; open the file in Excel and save it again' };
    return readCellValue(value.result);
  }
  if ('hyperlink' in value) {
    // exceljs may hold a hyperlink's text as rich text despite its types.
    const text: unknown = value.text;
    if (typeof text === 'string') return text;
    if (typeof text === 'object' && text !== null && 'richText' in text)
      return readCellValue(text as ExcelJS.CellRichTextValue);
    return '';
  }
  return { problem: 'the cell holds a value Baton cannot read' };
}

function isBlank(r: SheetRow): boolean {
  return r.cells.every((c) => typeof c === 'string' && c.trim() === '');
}

function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function parseIsoDate(text: string): string | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(2000, mo - 1, d));
  t.setUTCFullYear(y);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? text : undefined;
}

function unknownColumnReason(text: string): string {
  const hint = /[;\t]/.test(text) ? ' (the file seems to use another separator; save it with commas)' : '';
  return `unknown column; expected one of ${RESOURCE_POOL_COLUMNS.join(', ')}${hint}`;
}

function readHeader(
  sheet: Sheet,
  header: SheetRow,
  problems: ResourcePoolProblem[],
): { index: Map<ResourcePoolColumn, number>; width: number; unnamed: Set<number> } {
  const index = new Map<ResourcePoolColumn, number>();
  const unnamed = new Set<number>();
  header.cells.forEach((cell, i) => {
    if (typeof cell !== 'string') {
      problems.push({ row: header.row, column: sheet.columnName(i), reason: cell.problem });
      return;
    }
    const text = cell.trim().replace(/\s+/g, ' ');
    if (text === '') {
      unnamed.add(i);
      return;
    }
    const known = RESOURCE_POOL_COLUMNS.find((c) => c.toLowerCase() === text.toLowerCase());
    if (!known) problems.push({ row: header.row, column: text, reason: unknownColumnReason(text) });
    else if (index.has(known))
      problems.push({ row: header.row, column: known, reason: 'the column appears twice' });
    else index.set(known, i);
  });
  if (!index.has('Name'))
    problems.push({ row: header.row, column: 'Name', reason: 'this column is required' });
  return { index, width: header.cells.length, unnamed };
}

/** Checks a whole sheet: a header row 1, then one resource a row; throws with every problem found. */
function readSheet(sheet: Sheet): ResourcePoolRow[] {
  const filled = sheet.rows.filter((r) => !isBlank(r));
  const header = filled[0];
  if (!header)
    throw new ResourcePoolImportError([
      {
        row: 1,
        column: '',
        reason: 'the file is empty; row 1 must name the columns, such as Name, Kind, Email',
      },
    ]);
  if (header.row !== 1)
    throw new ResourcePoolImportError([
      { row: 1, column: '', reason: 'row 1 is empty; it must name the columns, such as Name, Kind, Email' },
    ]);
  const problems: ResourcePoolProblem[] = [];
  const { index, ...shape } = readHeader(sheet, header, problems);
  const data = filled.slice(1);
  if (data.length === 0)
    problems.push({ row: 2, column: '', reason: 'the file has a header but no resources' });
  if (data.length > MAX_RESOURCE_POOL_ROWS) {
    problems.push({
      row: data[MAX_RESOURCE_POOL_ROWS]?.row ?? 0,
      column: '',
      reason: `the file has ${data.length} resources; at most ${MAX_RESOURCE_POOL_ROWS.toLocaleString('en')} can be imported at once`,
    });
    throw new ResourcePoolImportError(problems);
  }
  const out: ResourcePoolRow[] = [];
  const firstRowOfName = new Map<string, number>();
  for (const r of data) {
    const row = readRow(sheet, r, index, shape, problems);
    if (!row) continue;
    const key = row.name.toLowerCase();
    const first = firstRowOfName.get(key);
    if (first !== undefined)
      problems.push({ row: r.row, column: 'Name', reason: `"${row.name}" is also on row ${first}` });
    else firstRowOfName.set(key, r.row);
    out.push(row);
  }
  if (problems.length > 0) {
    // Row by row, and within a row in the file's column order (a stray cell last); sort is stable.
    const columns: ReadonlyMap<string, number> = index;
    const position = (p: ResourcePoolProblem): number =>
      p.row === 1 ? 0 : (columns.get(p.column) ?? shape.width);
    throw new ResourcePoolImportError(problems.sort((a, b) => a.row - b.row || position(a) - position(b)));
  }
  return out;
}

/** Reads one resource; a problem goes to `problems` and the field falls back so the rest is still checked. */
function readRow(
  sheet: Sheet,
  r: SheetRow,
  index: ReadonlyMap<ResourcePoolColumn, number>,
  header: { readonly width: number; readonly unnamed: ReadonlySet<number> },
  problems: ResourcePoolProblem[],
): ResourcePoolRow | undefined {
  const bad = (column: string, reason: string): void => {
    problems.push({ row: r.row, column, reason });
  };
  const stray = r.cells.findIndex(
    (c, i) => (i >= header.width || header.unnamed.has(i)) && (typeof c !== 'string' || c.trim() !== ''),
  );
  if (stray >= 0) bad(sheet.columnName(stray), 'this cell has a value but its column has no header');
  /** The trimmed text of a cell; null when the cell could not be read (reported here). */
  const read = (column: ResourcePoolColumn): string | null => {
    const i = index.get(column);
    const cell = i === undefined ? '' : (r.cells[i] ?? '');
    if (typeof cell !== 'string') {
      bad(column, cell.problem);
      return null;
    }
    return cell.trim();
  };
  /** One line of free text; null when empty or bad (reported here). */
  const text = (column: ResourcePoolColumn, v: string | null, max: number): string | null => {
    if (v === null || v === '') return null;
    const t = unescapeSpreadsheetFormula(v);
    if (t.length > max) bad(column, `is ${t.length} characters long; at most ${max} are allowed`);
    else if (hasControlCharacter(t)) bad(column, 'must be one line of text, without line breaks or tabs');
    else return t;
    return null;
  };
  const date = (column: ResourcePoolColumn): string | null => {
    const v = read(column);
    if (v === null || v === '') return null;
    const d = parseIsoDate(v);
    if (d === undefined) bad(column, `"${v}" is not a date such as 2026-01-31 (YYYY-MM-DD)`);
    return d ?? null;
  };

  const nameCell = read('Name');
  const name = text('Name', nameCell, 200);
  if (nameCell === '' && index.has('Name')) bad('Name', 'is empty; every resource needs a name');

  const kindText = read('Kind') ?? '';
  let kind: 'person' | 'role' = 'person';
  if (kindText.toLowerCase() === 'role') kind = 'role';
  else if (kindText !== '' && kindText.toLowerCase() !== 'person')
    bad('Kind', `"${kindText}" is not person or role`);

  const emailText = text('Email', read('Email'), 254);
  let email: string | null = null;
  if (emailText !== null) {
    if (EMAIL.test(emailText)) email = emailText;
    else bad('Email', `"${emailText}" is not an e-mail address`);
  }

  const role = text('Role', read('Role'), 100);
  const orgUnit = text('Org Unit', read('Org Unit'), 200);
  const capacityHoursPerWeek = readCapacity(read('Capacity Hours Per Week'), bad);

  const employmentStart = date('Employment Start');
  const employmentEnd = date('Employment End');
  if (employmentStart !== null && employmentEnd !== null && employmentEnd < employmentStart)
    bad('Employment End', `${employmentEnd} is before the employment start ${employmentStart}`);

  const rate = readRate(read('Rate'), read('Currency'), date('Rate Effective From'), employmentStart, bad);
  const skills = readSkills(text('Skills', read('Skills'), 20_000), bad);

  return name === null
    ? undefined
    : {
        row: r.row,
        name,
        kind,
        email,
        role,
        orgUnit,
        capacityHoursPerWeek,
        employmentStart,
        employmentEnd,
        rate,
        skills,
      };
}

type Report = (column: ResourcePoolColumn, reason: string) => void;

function readCapacity(v: string | null, bad: Report): number {
  const column = 'Capacity Hours Per Week';
  if (v === null || v === '') return DEFAULT_CAPACITY;
  const hours = HOURS.test(v) ? Number(v) : Number.NaN;
  if (Number.isNaN(hours)) {
    const hint = /^\d+,\d+$/.test(v) ? '; use a point as the decimal separator' : '';
    bad(column, `"${v}" is not a number of hours${hint}`);
  } else if (hours > 168) bad(column, `${v} is more than the 168 hours of a week`);
  else return hours;
  return DEFAULT_CAPACITY;
}

function readRate(
  rateText: string | null,
  currencyText: string | null,
  effective: string | null,
  employmentStart: string | null,
  bad: Report,
): ResourcePoolRow['rate'] {
  let currency: string | null = DEFAULT_CURRENCY;
  if (currencyText !== null && currencyText !== '') {
    if (!/^[A-Z]{3}$/.test(currencyText)) {
      const hint = /^[a-z]{3}$/i.test(currencyText)
        ? `; write it in capitals: ${currencyText.toUpperCase()}`
        : '';
      bad('Currency', `"${currencyText}" is not an ISO 4217 code such as EUR${hint}`);
      currency = null;
    } else if (!CURRENCIES.has(currencyText)) {
      bad('Currency', `"${currencyText}" is not an ISO 4217 currency code`);
      currency = null;
    } else currency = currencyText;
  }
  if (rateText === null) return null;
  if (rateText === '') {
    if (currencyText) bad('Currency', 'a currency needs a Rate');
    if (effective !== null) bad('Rate Effective From', 'a rate start date needs a Rate');
    return null;
  }
  const m = AMOUNT.exec(rateText);
  if (!m) {
    const hint = /^\d+,\d+$/.test(rateText) ? '; use a point as the decimal separator' : '';
    bad('Rate', `"${rateText}" is not an amount per hour such as 85.50${hint}`);
    return null;
  }
  if (currency === null) return null;
  const digits = getCurrencyMinorDigits(currency);
  const whole = (m[1] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) {
    bad('Rate', `${rateText} has more decimals than ${currency} has (${digits})`);
    return null;
  }
  const rateMinor =
    whole.length > 12 ? Number.POSITIVE_INFINITY : Number(whole + fraction.padEnd(digits, '0'));
  if (rateMinor > MAX_RATE_MINOR) {
    bad('Rate', `${rateText} is more than the largest rate Baton keeps (${MAX_RATE_MINOR / 10 ** digits})`);
    return null;
  }
  return { rateMinor, currency, effectiveFrom: effective ?? employmentStart };
}

function readSkills(v: string | null, bad: Report): { name: string; level: number }[] {
  if (v === null) return [];
  const skills: { name: string; level: number }[] = [];
  const seen = new Set<string>();
  for (const part of v.split(';')) {
    const item = part.trim();
    if (item === '') continue;
    const colon = item.lastIndexOf(':');
    const name = (colon < 0 ? item : item.slice(0, colon)).trim();
    const level = colon < 0 ? '' : item.slice(colon + 1).trim();
    if (name === '') bad('Skills', `"${item}" has no skill name`);
    else if (name.length > 200)
      bad('Skills', `the skill name "${name.slice(0, 40)}…" is longer than 200 characters`);
    else if (colon < 0) bad('Skills', `"${name}" has no level; write it as ${name}:3 (levels 1 to 5)`);
    else if (!/^[1-5]$/.test(level)) bad('Skills', `"${item}": the level must be a whole number from 1 to 5`);
    else if (seen.has(name.toLowerCase())) bad('Skills', `"${name}" appears twice`);
    else {
      seen.add(name.toLowerCase());
      skills.push({ name, level: Number(level) });
    }
  }
  if (skills.length > MAX_SKILLS) bad('Skills', `${skills.length} skills; at most ${MAX_SKILLS} are allowed`);
  return skills;
}
