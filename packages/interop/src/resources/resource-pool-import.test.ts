import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResourcePoolImportError, type ResourcePoolProblem } from './resource-pool-format.ts';
import {
  MAX_RESOURCE_POOL_ROWS,
  parseResourcePoolCsv,
  parseResourcePoolXlsx,
} from './resource-pool-import.ts';

/** The problems a parse reports; fails the test when it does not throw ResourcePoolImportError. */
function problemsOf(parse: () => unknown): readonly ResourcePoolProblem[] {
  try {
    parse();
  } catch (e) {
    if (e instanceof ResourcePoolImportError) return e.problems;
    throw e;
  }
  throw new Error('expected a ResourcePoolImportError');
}

async function problemsOfAsync(parse: () => Promise<unknown>): Promise<readonly ResourcePoolProblem[]> {
  try {
    await parse();
  } catch (e) {
    if (e instanceof ResourcePoolImportError) return e.problems;
    throw e;
  }
  throw new Error('expected a ResourcePoolImportError');
}

const VALID = [
  'Name,Kind,Email,Role,Org Unit,Capacity Hours Per Week,Employment Start,Employment End,Rate,Currency,Rate Effective From,Skills',
  'Ann Lee,person,ann@example.com,Business analyst,PMO,32,2024-03-01,,85.50,EUR,,"TypeScript:4; Project management:3"',
  '"Lee, Bob",Person,,"Developer ""senior""",Engineering,37.5,2023-01-01,2026-12-31,100,USD,2025-01-01,',
  'Developer,role,,,,,,,,,,SQL:2;',
].join('\n');

describe('parseResourcePoolCsv', () => {
  it('reads every column, with quoted fields, defaults and the rate in minor units', () => {
    expect(parseResourcePoolCsv(VALID)).toEqual([
      {
        row: 2,
        name: 'Ann Lee',
        kind: 'person',
        email: 'ann@example.com',
        role: 'Business analyst',
        orgUnit: 'PMO',
        capacityHoursPerWeek: 32,
        employmentStart: '2024-03-01',
        employmentEnd: null,
        rate: { rateMinor: 8550, currency: 'EUR', effectiveFrom: '2024-03-01' },
        skills: [
          { name: 'TypeScript', level: 4 },
          { name: 'Project management', level: 3 },
        ],
      },
      {
        row: 3,
        name: 'Lee, Bob',
        kind: 'person',
        email: null,
        role: 'Developer "senior"',
        orgUnit: 'Engineering',
        capacityHoursPerWeek: 37.5,
        employmentStart: '2023-01-01',
        employmentEnd: '2026-12-31',
        rate: { rateMinor: 10000, currency: 'USD', effectiveFrom: '2025-01-01' },
        skills: [],
      },
      {
        row: 4,
        name: 'Developer',
        kind: 'role',
        email: null,
        role: null,
        orgUnit: null,
        capacityHoursPerWeek: 40,
        employmentStart: null,
        employmentEnd: null,
        rate: null,
        skills: [{ name: 'SQL', level: 2 }],
      },
    ]);
  });

  it('takes header names in any case and order, with only Name required', () => {
    const rows = parseResourcePoolCsv('rate,  NAME ,org unit\n12.5,Cleo,Ops\n');
    expect(rows).toEqual([
      expect.objectContaining({
        name: 'Cleo',
        orgUnit: 'Ops',
        rate: { rateMinor: 1250, currency: 'EUR', effectiveFrom: null },
      }),
    ]);
  });

  it('reads a BOM and CRLF line ends, skipping blank lines but keeping the real row numbers', () => {
    const rows = parseResourcePoolCsv(
      '\uFEFFName,Capacity Hours Per Week\r\nAnn,20\r\n\r\n"Bob\u00a0B",10\r\n',
    );
    expect(rows.map((r) => [r.row, r.name, r.capacityHoursPerWeek])).toEqual([
      [2, 'Ann', 20],
      [4, 'Bob\u00a0B', 10],
    ]);
  });

  it('keeps minor units to the digits of each currency', () => {
    const rows = parseResourcePoolCsv(
      'Name,Rate,Currency\nA,8550,JPY\nB,85.5,KWD\nC,0.10,EUR\nD,007.50,EUR\n',
    );
    expect(rows.map((r) => r.rate?.rateMinor)).toEqual([8550, 85500, 10, 750]);
  });

  it('drops the apostrophe the export puts before text a spreadsheet would run as a formula', () => {
    const [row] = parseResourcePoolCsv("Name,Role\n'=HYPERLINK(x),'-lead\n");
    expect([row?.name, row?.role]).toEqual(['=HYPERLINK(x)', '-lead']);
  });

  it('names the row and column of every bad cell, all at once', () => {
    const long = 'x'.repeat(201);
    const csv = [
      'Name,Kind,Email,Role,Capacity Hours Per Week,Employment Start,Employment End,Rate,Currency,Rate Effective From,Skills',
      `,contractor,not-an-email,${'r'.repeat(101)},forty,2026-02-30,,abc,eur,someday,TypeScript`,
      `${long},person,,,200,2026-05-01,2026-04-30,85.555,XYZ,,TypeScript:6;SQL:2;sql:3;:2`,
      '"Line\nbreak",,,,"37,5",,,"85,50",,2026-01-01,',
      'Ann,,,,,,,,USD,2026-01-01,',
      'ANN,,,,,,,,,,',
    ].join('\n');
    expect(problemsOf(() => parseResourcePoolCsv(csv))).toEqual([
      { row: 2, column: 'Name', reason: 'is empty; every resource needs a name' },
      { row: 2, column: 'Kind', reason: '"contractor" is not person or role' },
      { row: 2, column: 'Email', reason: '"not-an-email" is not an e-mail address' },
      { row: 2, column: 'Role', reason: 'is 101 characters long; at most 100 are allowed' },
      { row: 2, column: 'Capacity Hours Per Week', reason: '"forty" is not a number of hours' },
      {
        row: 2,
        column: 'Employment Start',
        reason: '"2026-02-30" is not a date such as 2026-01-31 (YYYY-MM-DD)',
      },
      { row: 2, column: 'Rate', reason: '"abc" is not an amount per hour such as 85.50' },
      {
        row: 2,
        column: 'Currency',
        reason: '"eur" is not an ISO 4217 code such as EUR; write it in capitals: EUR',
      },
      {
        row: 2,
        column: 'Rate Effective From',
        reason: '"someday" is not a date such as 2026-01-31 (YYYY-MM-DD)',
      },
      {
        row: 2,
        column: 'Skills',
        reason: '"TypeScript" has no level; write it as TypeScript:3 (levels 1 to 5)',
      },
      { row: 3, column: 'Name', reason: 'is 201 characters long; at most 200 are allowed' },
      { row: 3, column: 'Capacity Hours Per Week', reason: '200 is more than the 168 hours of a week' },
      { row: 3, column: 'Employment End', reason: '2026-04-30 is before the employment start 2026-05-01' },
      { row: 3, column: 'Currency', reason: '"XYZ" is not an ISO 4217 currency code' },
      { row: 3, column: 'Skills', reason: '"TypeScript:6": the level must be a whole number from 1 to 5' },
      { row: 3, column: 'Skills', reason: '"sql" appears twice' },
      { row: 3, column: 'Skills', reason: '":2" has no skill name' },
      { row: 4, column: 'Name', reason: 'must be one line of text, without line breaks or tabs' },
      {
        row: 4,
        column: 'Capacity Hours Per Week',
        reason: '"37,5" is not a number of hours; use a point as the decimal separator',
      },
      {
        row: 4,
        column: 'Rate',
        reason: '"85,50" is not an amount per hour such as 85.50; use a point as the decimal separator',
      },
      { row: 5, column: 'Currency', reason: 'a currency needs a Rate' },
      { row: 5, column: 'Rate Effective From', reason: 'a rate start date needs a Rate' },
      { row: 6, column: 'Name', reason: '"ANN" is also on row 5' },
    ]);
  });

  it('reports a rate finer than the currency and one beyond the largest rate', () => {
    expect(
      problemsOf(() => parseResourcePoolCsv('Name,Rate,Currency\nA,85.555,EUR\nB,10.5,JPY\nC,1000001\n')),
    ).toEqual([
      { row: 2, column: 'Rate', reason: '85.555 has more decimals than EUR has (2)' },
      { row: 3, column: 'Rate', reason: '10.5 has more decimals than JPY has (0)' },
      { row: 4, column: 'Rate', reason: '1000001 is more than the largest rate Baton keeps (1000000)' },
    ]);
  });

  it('reports the header: unknown, repeated and missing columns, and a value without a header', () => {
    expect(
      problemsOf(() => parseResourcePoolCsv('Nmae,Kind,kind,,Email\nAnn,role,role,x,a@b.co,extra\n')),
    ).toEqual([
      {
        row: 1,
        column: 'Nmae',
        reason: expect.stringMatching(/^unknown column; expected one of Name, Kind/),
      },
      { row: 1, column: 'Kind', reason: 'the column appears twice' },
      { row: 1, column: 'Name', reason: 'this column is required' },
      { row: 2, column: 'column 4', reason: 'this cell has a value but its column has no header' },
    ]);
    const [semicolons] = problemsOf(() => parseResourcePoolCsv('Name;Kind\nAnn;role\n'));
    expect(semicolons?.reason).toContain('another separator');
  });

  it('refuses an empty file, a header alone, and more than 20,000 resources', () => {
    expect(problemsOf(() => parseResourcePoolCsv(''))).toEqual([
      { row: 1, column: '', reason: expect.stringContaining('the file is empty') },
    ]);
    expect(problemsOf(() => parseResourcePoolCsv('\uFEFF\r\n\r\n'))).toHaveLength(1);
    expect(problemsOf(() => parseResourcePoolCsv('\nName\nAnn\n'))).toEqual([
      { row: 1, column: '', reason: expect.stringContaining('row 1 is empty') },
    ]);
    expect(problemsOf(() => parseResourcePoolCsv('Name,Kind\r\n'))).toEqual([
      { row: 2, column: '', reason: 'the file has a header but no resources' },
    ]);
    const names = Array.from({ length: MAX_RESOURCE_POOL_ROWS + 1 }, (_, i) => `R${i}`);
    expect(parseResourcePoolCsv(['Name', ...names.slice(1)].join('\n'))).toHaveLength(MAX_RESOURCE_POOL_ROWS);
    expect(problemsOf(() => parseResourcePoolCsv(['Name', ...names].join('\n')))).toEqual([
      {
        row: MAX_RESOURCE_POOL_ROWS + 2,
        column: '',
        reason: 'the file has 20001 resources; at most 20,000 can be imported at once',
      },
    ]);
  });

  it('reports a quote that is never closed', () => {
    expect(problemsOf(() => parseResourcePoolCsv('Name,Role\nAnn,"Dev\n'))).toEqual([
      { row: 2, column: 'column 2', reason: 'a quoted field is not closed' },
    ]);
  });

  it('throws nothing but ResourcePoolImportError, whatever the text', () => {
    const token = fc.constantFrom(
      'Name',
      'Kind',
      'Email',
      'Rate',
      'Currency',
      'Skills',
      'Employment Start',
      'Employment End',
      'Capacity Hours Per Week',
      ',',
      '"',
      '\n',
      '\r\n',
      ';',
      ':',
      'role',
      '2026-01-05',
      '85.5',
      'EUR',
      "'=",
      '\uFEFF',
    );
    const text = fc.oneof(
      fc.string(),
      fc.array(fc.oneof(token, fc.string({ maxLength: 3 }))).map((t) => t.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        try {
          parseResourcePoolCsv(t);
        } catch (e) {
          if (!(e instanceof ResourcePoolImportError)) throw e;
          expect(e.problems.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

async function xlsxOf(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Pool'));
  workbook.addWorksheet('Ignored').addRow(['Nonsense']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('parseResourcePoolXlsx', () => {
  it('reads the first worksheet: numbers, dates, rich text, formulas with results and hyperlinks', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow([
        'name',
        'KIND',
        'Email',
        'Capacity Hours Per Week',
        'Employment Start',
        'Rate',
        'Skills',
      ]);
      sheet.addRow([
        { richText: [{ text: 'Ann ', font: { bold: true } }, { text: 'Lee' }] },
        'person',
        { text: 'ann@example.com', hyperlink: 'mailto:ann@example.com' },
        32,
        new Date(Date.UTC(2024, 2, 1)),
        85.5,
        'Excel:5',
      ]);
      sheet.addRow([]);
      sheet.addRow([
        'Developer',
        'role',
        null,
        { formula: '30+7.5', result: 37.5 },
        null,
        { formula: '0.1+0.2', result: 0.1 + 0.2 },
      ]);
    });
    expect(await parseResourcePoolXlsx(bytes)).toEqual([
      {
        row: 2,
        name: 'Ann Lee',
        kind: 'person',
        email: 'ann@example.com',
        role: null,
        orgUnit: null,
        capacityHoursPerWeek: 32,
        employmentStart: '2024-03-01',
        employmentEnd: null,
        rate: { rateMinor: 8550, currency: 'EUR', effectiveFrom: '2024-03-01' },
        skills: [{ name: 'Excel', level: 5 }],
      },
      {
        row: 4,
        name: 'Developer',
        kind: 'role',
        email: null,
        role: null,
        orgUnit: null,
        capacityHoursPerWeek: 37.5,
        employmentStart: null,
        employmentEnd: null,
        rate: { rateMinor: 30, currency: 'EUR', effectiveFrom: null },
        skills: [],
      },
    ]);
  });

  it('names the cell of an Excel error, a formula without a result, and a bad value, by column name', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['Name', 'Rate', 'Capacity Hours Per Week', 'Employment End']);
      sheet.addRow(['Ann', { error: '#N/A' }, { formula: 'A1*2' }, 45000]);
      sheet.getCell('F2').value = 'stray';
    });
    expect(await problemsOfAsync(() => parseResourcePoolXlsx(bytes))).toEqual([
      { row: 2, column: 'Rate', reason: 'the cell holds the error #N/A' },
      { row: 2, column: 'Capacity Hours Per Week', reason: expect.stringContaining('no saved result') },
      { row: 2, column: 'Employment End', reason: expect.stringContaining('"45000" is not a date') },
      { row: 2, column: 'column F', reason: 'this cell has a value but its column has no header' },
    ]);
  });

  it('gives one readable problem for bytes that are not a workbook', async () => {
    const text = new TextEncoder().encode('Name,Kind\nAnn,person\n');
    expect(await problemsOfAsync(() => parseResourcePoolXlsx(text))).toEqual([
      {
        row: 0,
        column: '',
        reason: 'the file is not an Excel workbook (.xlsx); a CSV file must be imported as CSV',
      },
    ]);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const [old] = await problemsOfAsync(() => parseResourcePoolXlsx(xls));
    expect(old).toMatchObject({ row: 0, column: '', reason: expect.stringContaining('.xls') });
    expect(await problemsOfAsync(() => parseResourcePoolXlsx(new Uint8Array()))).toEqual([
      { row: 0, column: '', reason: 'the file is empty' },
    ]);
    const empty = new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer());
    expect(await problemsOfAsync(() => parseResourcePoolXlsx(empty))).toEqual([
      { row: 0, column: '', reason: 'the workbook has no worksheet' },
    ]);
  });

  it('throws nothing but ResourcePoolImportError for damaged workbooks', async () => {
    const good = await xlsxOf((sheet) => {
      sheet.addRow(['Name', 'Rate']);
      sheet.addRow(['Ann', 10]);
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat(good.length),
        async (edits, cut) => {
          const bytes = good.slice(0, Math.max(cut, 4));
          for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
          try {
            await parseResourcePoolXlsx(bytes);
          } catch (e) {
            if (!(e instanceof ResourcePoolImportError)) throw e;
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
