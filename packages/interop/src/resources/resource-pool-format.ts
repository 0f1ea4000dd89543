/** One resource of a pool file: a person or a generic role, with its first cost rate and its skills. */
export type ResourcePoolRow = {
  /** The sheet row it came from (header = row 1). */
  row: number;
  name: string;
  kind: 'person' | 'role';
  email: string | null;
  role: string | null;
  /** An org unit code or name, resolved by the caller. */
  orgUnit: string | null;
  capacityHoursPerWeek: number;
  employmentStart: string | null;
  employmentEnd: string | null;
  rate: { rateMinor: number; currency: string; effectiveFrom: string | null } | null;
  skills: { name: string; level: number }[];
};

/** One bad cell: its row (header = 1; 0 = the file as a whole), the column name, and why. */
export type ResourcePoolProblem = { row: number; column: string; reason: string };

/** A pool file Baton refuses, with every problem found in it. */
export class ResourcePoolImportError extends Error {
  readonly problems: readonly ResourcePoolProblem[];
  constructor(problems: readonly ResourcePoolProblem[], options?: { cause?: unknown }) {
    const first = problems[0];
    const head = first
      ? `row ${first.row}${first.column ? `, column ${first.column}` : ''}: ${first.reason}`
      : '';
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    super(`The resource pool file has ${problems.length} problem(s): ${head}${more}`, options);
    this.name = 'ResourcePoolImportError';
    this.problems = problems;
  }
}

/** The columns of a pool file, in the order the export writes them; only Name is required. */
export const RESOURCE_POOL_COLUMNS = [
  'Name',
  'Kind',
  'Email',
  'Role',
  'Org Unit',
  'Capacity Hours Per Week',
  'Employment Start',
  'Employment End',
  'Rate',
  'Currency',
  'Rate Effective From',
  'Skills',
] as const;

/** A column of a pool file. */
export type ResourcePoolColumn = (typeof RESOURCE_POOL_COLUMNS)[number];

/** Digits of the currency's minor unit as the web client shows them (2 for EUR, 0 for JPY, 3 for KWD). */
export function getCurrencyMinorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

// A cell starting with = + - or @ is run as a formula when the CSV is opened in a spreadsheet
// (OWASP "CSV injection"). The export prefixes such text with an apostrophe; the import drops one
// apostrophe before such a character, so export → import gives the text back unchanged.
const FORMULA_START = /^'*[=+\-@]/;
const ESCAPED_FORMULA_START = /^'+[=+\-@]/;

/** Prefixes text that a spreadsheet would run as a formula with an apostrophe. */
export function escapeSpreadsheetFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes escapeSpreadsheetFormula. */
export function unescapeSpreadsheetFormula(text: string): string {
  return ESCAPED_FORMULA_START.test(text) ? text.slice(1) : text;
}
