import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  type CapacityHeatmapInput,
  getUtilisationBand,
  HEATMAP_BANDS,
  NO_CAPACITY_TEXT,
  writeCapacityHeatmapXlsx,
} from './capacity-heatmap-xlsx.ts';

const INPUT: CapacityHeatmapInput = {
  title: 'Capacity 2026-01-05 – 2026-01-25 by resource',
  granularity: 'week',
  periods: [
    { start: '2026-01-05', end: '2026-01-11' },
    { start: '2026-01-12', end: '2026-01-18' },
    { start: '2026-01-19', end: '2026-01-25' },
  ],
  rows: [
    { label: 'Ann Lee', group: 'Engineering', capacityHours: [40, 40, 40], demandHours: [20, 40, 44] },
    { label: 'Bob', group: null, capacityHours: [40, 0, 0], demandHours: [48, 8, 0] },
  ],
  overAllocations: [
    {
      label: 'Bob',
      start: '2026-01-05',
      end: '2026-01-18',
      excessHours: 16,
      projects: ['PRJ-1 Alpha', 'PRJ-2 Beta'],
    },
  ],
};

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

const argbOf = (cell: ExcelJS.Cell): string | undefined =>
  cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;

describe('writeCapacityHeatmapXlsx', () => {
  it('writes Utilisation, Hours and Over-allocations sheets', async () => {
    const workbook = await readBack(await writeCapacityHeatmapXlsx(INPUT));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Utilisation', 'Hours', 'Over-allocations']);
  });

  it('shows utilisation as numbers with a percent format, coloured by band, labels and header frozen', async () => {
    const util = (await readBack(await writeCapacityHeatmapXlsx(INPUT))).getWorksheet('Utilisation');
    if (!util) throw new Error('no Utilisation sheet');
    expect(util.getCell('A1').value).toBe(INPUT.title);
    expect(util.getRow(2).values).toEqual([
      undefined,
      'Resource',
      'Group',
      new Date(Date.UTC(2026, 0, 5)),
      new Date(Date.UTC(2026, 0, 12)),
      new Date(Date.UTC(2026, 0, 19)),
    ]);
    expect([3, 4, 5].map((c) => util.getCell(3, c).value)).toEqual([0.5, 1, 1.1]);
    expect(util.getCell('C3').numFmt).toBe('0%');
    expect([3, 4, 5].map((c) => argbOf(util.getCell(3, c)))).toEqual(['FFDDEBF7', 'FFC6EFCE', 'FFFFEB9C']);
    // Bob: 120% is red; demand without capacity is "over" (red); nothing at all is grey, empty.
    expect([3, 4, 5].map((c) => util.getCell(4, c).value)).toEqual([1.2, NO_CAPACITY_TEXT, null]);
    expect([3, 4, 5].map((c) => argbOf(util.getCell(4, c)))).toEqual(['FFFFC7CE', 'FFFFC7CE', 'FFF2F2F2']);
    expect(util.getCell('B4').value).toBeNull();
    expect(util.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
    expect(util.getColumn(1).width).toBe(12);
    expect(util.getColumn(3).width).toBe(12);
  });

  it('lists capacity and demand hours as numbers, two rows per resource', async () => {
    const hours = (await readBack(await writeCapacityHeatmapXlsx(INPUT))).getWorksheet('Hours');
    if (!hours) throw new Error('no Hours sheet');
    const values = [2, 3, 4, 5].map((r) => (hours.getRow(r).values as unknown[]).slice(1));
    expect(values).toEqual([
      ['Ann Lee', 'Engineering', 'Capacity', 40, 40, 40],
      ['Ann Lee', 'Engineering', 'Demand', 20, 40, 44],
      ['Bob', undefined, 'Capacity', 40, 0, 0],
      ['Bob', undefined, 'Demand', 48, 8, 0],
    ]);
    expect(hours.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 1 });
  });

  it('lists the over-allocations with dates and hours as numbers', async () => {
    const over = (await readBack(await writeCapacityHeatmapXlsx(INPUT))).getWorksheet('Over-allocations');
    if (!over) throw new Error('no Over-allocations sheet');
    expect((over.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Resource',
      'Start',
      'End',
      'Excess hours',
      'Projects',
    ]);
    expect((over.getRow(2).values as unknown[]).slice(1)).toEqual([
      'Bob',
      new Date(Date.UTC(2026, 0, 5)),
      new Date(Date.UTC(2026, 0, 18)),
      16,
      'PRJ-1 Alpha; PRJ-2 Beta',
    ]);
  });

  it('leaves out the Group column when no row has a group, and freezes the first column', async () => {
    const input: CapacityHeatmapInput = {
      ...INPUT,
      granularity: 'month',
      periods: [{ start: '2026-01-01', end: '2026-01-31' }],
      rows: [{ label: 'Ann', capacityHours: [160], demandHours: [100] }],
      overAllocations: [],
    };
    const util = (await readBack(await writeCapacityHeatmapXlsx(input))).getWorksheet('Utilisation');
    expect(util?.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(util?.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(util?.getCell('B2').numFmt).toBe('mmm yyyy');
    expect(util?.getCell('B3').value).toBe(0.625);
  });

  it('refuses figures that do not match the periods', async () => {
    await expect(
      writeCapacityHeatmapXlsx({ ...INPUT, rows: [{ label: 'X', capacityHours: [1], demandHours: [1] }] }),
    ).rejects.toThrow(RangeError);
    await expect(
      writeCapacityHeatmapXlsx({ ...INPUT, periods: [{ start: '5 Jan', end: '2026-01-11' }], rows: [] }),
    ).rejects.toThrow(RangeError);
  });
});

describe('getUtilisationBand', () => {
  it('puts 70% and 100% in green, 110% in amber, above it in red', () => {
    expect([0, 0.69, 0.7, 1, 1.0001, 1.1, 1.11, 5].map((r) => getUtilisationBand(r).fill)).toEqual([
      HEATMAP_BANDS[0].fill,
      HEATMAP_BANDS[0].fill,
      HEATMAP_BANDS[1].fill,
      HEATMAP_BANDS[1].fill,
      HEATMAP_BANDS[2].fill,
      HEATMAP_BANDS[2].fill,
      HEATMAP_BANDS[3].fill,
      HEATMAP_BANDS[3].fill,
    ]);
  });
});
