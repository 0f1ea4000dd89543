import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, makeUser, signIn, startHarness } from '../../test-support/harness.ts';

let h: Harness;
let viewer: Client;

beforeAll(async () => {
  h = await startHarness();
  await makeUser(h.services, 'viewer@exports.io', {
    role: 'viewer',
    scopeType: 'organisation',
    scopeId: null,
  });
  viewer = await signIn(h.app, 'viewer@exports.io');
}, 120_000);
afterAll(() => h.close());

const TABLE = {
  fileName: 'projects-2026-12-07',
  sheetName: 'Projects',
  columns: [
    { key: 'code', label: 'Code' },
    { key: 'spi', label: 'SPI', kind: 'number' },
    { key: 'finish', label: 'Finish', kind: 'date' },
  ],
  rows: [
    { code: 'P-001', spi: 0.92, finish: '2027-03-31' },
    { code: '@SUM(A1)', spi: null, finish: null },
  ],
};

describe('table exports', () => {
  it('turns a table into CSV, with formula-looking text neutralised', async () => {
    const res = await viewer.request('POST', '/api/v1/exports/csv', TABLE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="projects-2026-12-07.csv"');
    expect(res.body.replace('\uFEFF', '').split('\r\n')).toEqual([
      'Code,SPI,Finish',
      'P-001,0.92,2027-03-31',
      "'@SUM(A1),,",
      '',
    ]);
  });

  it('turns a table into an XLSX workbook with typed cells', async () => {
    const res = await viewer.request('POST', '/api/v1/exports/xlsx', TABLE);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Projects') as ExcelJS.Worksheet;
    expect(ws.getCell('A2').value).toBe('P-001');
    expect(ws.getCell('B2').value).toBe(0.92);
    expect(ws.getCell('C2').value).toEqual(new Date(Date.UTC(2027, 2, 31)));
  });

  it('refuses a bad format, a bad file name or a malformed table, naming the field', async () => {
    expect((await viewer.request('POST', '/api/v1/exports/pdf', TABLE)).statusCode).toBe(400);
    const name = await viewer.request('POST', '/api/v1/exports/csv', { ...TABLE, fileName: '../etc/passwd' });
    expect(name.statusCode).toBe(400);
    expect(name.body).toContain('fileName');
    const cols = await viewer.request('POST', '/api/v1/exports/csv', { ...TABLE, columns: [] });
    expect(cols.statusCode).toBe(400);
    expect(cols.body).toContain('columns');
    const cell = await viewer.request('POST', '/api/v1/exports/csv', {
      ...TABLE,
      rows: [{ code: { x: 1 } }],
    });
    expect(cell.statusCode).toBe(400);
    expect(cell.body).toContain('rows');
  });
});
