import ExcelJS from 'exceljs';

/** What the capacity heatmap workbook shows: per row and period, capacity and demand in hours. */
export type CapacityHeatmapInput = {
  readonly title: string;
  readonly granularity: 'day' | 'week' | 'month';
  /** Each period's first and last day, YYYY-MM-DD. */
  readonly periods: readonly { readonly start: string; readonly end: string }[];
  readonly rows: readonly {
    readonly label: string;
    readonly group?: string | null;
    /** One number per period. */
    readonly capacityHours: readonly number[];
    readonly demandHours: readonly number[];
  }[];
  readonly overAllocations: readonly {
    readonly label: string;
    readonly start: string;
    readonly end: string;
    readonly excessHours: number;
    readonly projects: readonly string[];
  }[];
};

/** The utilisation bands and their colours (ARGB), as Excel's own "Good / Neutral / Bad" styles. */
export const HEATMAP_BANDS = [
  { label: 'under 70%', upTo: 0.7, fill: 'FFDDEBF7', font: 'FF1F3864' },
  { label: '70–100%', upTo: 1, fill: 'FFC6EFCE', font: 'FF006100' },
  { label: '100–110%', upTo: 1.1, fill: 'FFFFEB9C', font: 'FF9C5700' },
  { label: 'over 110%', upTo: Number.POSITIVE_INFINITY, fill: 'FFFFC7CE', font: 'FF9C0006' },
] as const;

/** The text shown where there is demand but no capacity: any percentage would be made up. */
export const NO_CAPACITY_TEXT = 'over';
const NO_CAPACITY_BAND = HEATMAP_BANDS[3];
const IDLE_FILL = 'FFF2F2F2';
const HEADER_FILL = 'FFD9D9D9';
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The colours of a utilisation ratio (demand / capacity); 70% is green, 100% green, 110% amber. */
export function getUtilisationBand(ratio: number): (typeof HEATMAP_BANDS)[number] {
  return HEATMAP_BANDS.find((b, i) => (i === 0 ? ratio < b.upTo : ratio <= b.upTo)) ?? NO_CAPACITY_BAND;
}

function toDate(iso: string, what: string): Date {
  const m = DATE.exec(iso);
  if (!m) throw new RangeError(`${what} "${iso}" is not a date YYYY-MM-DD`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = solid(HEADER_FILL);
  });
}

const widthOf = (texts: readonly string[], min: number, max: number): number =>
  Math.min(
    max,
    texts.reduce((w, t) => Math.max(w, t.length + 2), min),
  );

/** Writes the capacity heatmap as an XLSX workbook: Utilisation (coloured %), Hours, Over-allocations. */
export async function writeCapacityHeatmapXlsx(input: CapacityHeatmapInput): Promise<Uint8Array> {
  const periodStarts = input.periods.map((p, i) => toDate(p.start, `period ${i + 1} start`));
  input.periods.forEach((p, i) => {
    if (toDate(p.end, `period ${i + 1} end`) < (periodStarts[i] ?? 0))
      throw new RangeError(`period ${i + 1} ends before it starts`);
  });
  for (const r of input.rows) {
    if (r.capacityHours.length !== periodStarts.length || r.demandHours.length !== periodStarts.length)
      throw new RangeError(`row "${r.label}" needs one capacity and one demand figure per period`);
  }
  const withGroup = input.rows.some((r) => (r.group ?? '') !== '');
  const labelHeads = withGroup ? ['Resource', 'Group'] : ['Resource'];
  // No group is an empty cell, not an empty string, so Excel's blanks filter finds it.
  const labelsOf = (r: CapacityHeatmapInput['rows'][number]): (string | null)[] =>
    withGroup ? [r.label, r.group || null] : [r.label];
  const dateFormat = input.granularity === 'month' ? 'mmm yyyy' : 'yyyy-mm-dd';
  const labelWidth = widthOf(
    input.rows.map((r) => r.label),
    12,
    50,
  );
  const groupWidth = widthOf(
    input.rows.map((r) => r.group ?? ''),
    10,
    30,
  );

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Baton';
  workbook.title = input.title;

  // Utilisation: title in row 1, header in row 2; the labels and the header stay in view.
  const util = workbook.addWorksheet('Utilisation', {
    views: [{ state: 'frozen', xSplit: labelHeads.length, ySplit: 2 }],
  });
  util.getCell(1, 1).value = input.title;
  util.getCell(1, 1).font = { bold: true, size: 14 };
  const utilHeader = util.addRow([...labelHeads, ...periodStarts]);
  styleHeader(utilHeader);
  periodStarts.forEach((_, p) => {
    utilHeader.getCell(labelHeads.length + 1 + p).numFmt = dateFormat;
  });
  for (const r of input.rows) {
    const row = util.addRow(labelsOf(r));
    r.capacityHours.forEach((capacity, p) => {
      const demand = r.demandHours[p] ?? 0;
      const cell = row.getCell(labelHeads.length + 1 + p);
      if (capacity > 0) {
        const ratio = demand / capacity;
        const band = getUtilisationBand(ratio);
        cell.value = ratio;
        cell.numFmt = '0%';
        cell.fill = solid(band.fill);
        cell.font = { color: { argb: band.font } };
      } else if (demand > 0) {
        cell.value = NO_CAPACITY_TEXT;
        cell.alignment = { horizontal: 'right' };
        cell.fill = solid(NO_CAPACITY_BAND.fill);
        cell.font = { bold: true, color: { argb: NO_CAPACITY_BAND.font } };
        cell.note = `${demand} h of demand and no capacity`;
      } else cell.fill = solid(IDLE_FILL);
    });
  }
  util.addRow([]);
  const legend = util.addRow([
    'Legend',
    ...HEATMAP_BANDS.map((b) => b.label),
    `${NO_CAPACITY_TEXT}: no capacity`,
  ]);
  legend.getCell(1).font = { bold: true };
  [...HEATMAP_BANDS, NO_CAPACITY_BAND].forEach((b, i) => {
    const cell = legend.getCell(i + 2);
    cell.fill = solid(b.fill);
    cell.font = { color: { argb: b.font } };
  });
  util.getColumn(1).width = labelWidth;
  if (withGroup) util.getColumn(2).width = groupWidth;
  periodStarts.forEach((_, p) => {
    util.getColumn(labelHeads.length + 1 + p).width = 12;
  });

  // Hours: two rows per resource (capacity, then demand), so the pair sits together and filters by Measure.
  const hours = workbook.addWorksheet('Hours', {
    views: [{ state: 'frozen', xSplit: labelHeads.length + 1, ySplit: 1 }],
  });
  const hoursHeader = hours.addRow([...labelHeads, 'Measure', ...periodStarts]);
  styleHeader(hoursHeader);
  periodStarts.forEach((_, p) => {
    hoursHeader.getCell(labelHeads.length + 2 + p).numFmt = dateFormat;
  });
  for (const r of input.rows) {
    for (const [measure, values] of [
      ['Capacity', r.capacityHours],
      ['Demand', r.demandHours],
    ] as const) {
      const row = hours.addRow([...labelsOf(r), measure, ...values]);
      values.forEach((_, p) => {
        row.getCell(labelHeads.length + 2 + p).numFmt = '#,##0.0';
      });
    }
  }
  hours.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: labelHeads.length + 1 } };
  hours.getColumn(1).width = labelWidth;
  if (withGroup) hours.getColumn(2).width = groupWidth;
  hours.getColumn(labelHeads.length + 1).width = 10;
  periodStarts.forEach((_, p) => {
    hours.getColumn(labelHeads.length + 2 + p).width = 12;
  });

  // Over-allocations: one row per run of over-allocated periods.
  const over = workbook.addWorksheet('Over-allocations', {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  styleHeader(over.addRow(['Resource', 'Start', 'End', 'Excess hours', 'Projects']));
  for (const o of input.overAllocations) {
    const row = over.addRow([
      o.label,
      toDate(o.start, 'over-allocation start'),
      toDate(o.end, 'over-allocation end'),
      o.excessHours,
      o.projects.join('; '),
    ]);
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.getCell(3).numFmt = 'yyyy-mm-dd';
    row.getCell(4).numFmt = '#,##0.0';
  }
  over.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 5 } };
  over.getColumn(1).width = widthOf(
    input.overAllocations.map((o) => o.label),
    12,
    50,
  );
  over.getColumn(2).width = 12;
  over.getColumn(3).width = 12;
  over.getColumn(4).width = 14;
  over.getColumn(5).width = widthOf(
    input.overAllocations.map((o) => o.projects.join('; ')),
    20,
    80,
  );

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
