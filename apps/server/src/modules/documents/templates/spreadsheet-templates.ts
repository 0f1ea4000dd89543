import { RISK_RESPONSES, RISK_STATUSES } from '@baton/contracts';
import ExcelJS from 'exceljs';

/** The organisation's risk matrix, so the template's scores and levels agree with Baton's. */
export type RiskScale = {
  size: number;
  mediumFrom: number;
  highFrom: number;
  probabilityLabels: readonly string[];
  impactLabels: readonly string[];
};

type Column = { header: string; key: string; width: number; note: string };

/** Rows prepared with validation and formulas: enough for a project's log, and more can be copied down. */
const ROWS = 200;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };

const RISK_COLUMNS: readonly Column[] = [
  { header: 'ID', key: 'code', width: 10, note: 'Baton gives the code (RSK-…) when the risk is entered.' },
  { header: 'Title', key: 'title', width: 36, note: 'The risk in one line: cause → event → effect.' },
  { header: 'Description', key: 'description', width: 44, note: 'More detail, if needed.' },
  {
    header: 'Category',
    key: 'category',
    width: 16,
    note: 'e.g. schedule, cost, technical, supplier, regulatory.',
  },
  { header: 'Probability', key: 'probability', width: 12, note: 'How likely (see the Scales sheet).' },
  { header: 'Impact', key: 'impact', width: 10, note: 'How bad if it happens (see the Scales sheet).' },
  { header: 'Score', key: 'score', width: 9, note: 'Probability × impact (calculated).' },
  { header: 'Level', key: 'level', width: 10, note: 'Low, medium or high from the score (calculated).' },
  { header: 'Owner', key: 'owner', width: 20, note: 'The one person who watches and responds to it.' },
  { header: 'Response', key: 'response', width: 12, note: RISK_RESPONSES.join(', ') },
  {
    header: 'Mitigation',
    key: 'mitigation',
    width: 40,
    note: 'What is done to reduce probability or impact.',
  },
  { header: 'Trigger', key: 'trigger', width: 30, note: 'The early warning sign that it is happening.' },
  { header: 'Expected by', key: 'expectedBy', width: 13, note: 'When it could happen (a date).' },
  { header: 'Residual probability', key: 'residualProbability', width: 12, note: 'After the response.' },
  { header: 'Residual impact', key: 'residualImpact', width: 12, note: 'After the response.' },
  { header: 'Residual score', key: 'residualScore', width: 10, note: 'Calculated.' },
  { header: 'Status', key: 'status', width: 12, note: RISK_STATUSES.join(', ') },
  {
    header: 'Last reviewed',
    key: 'reviewedAt',
    width: 13,
    note: 'Review open risks at least every 30 days.',
  },
];

const LESSON_COLUMNS: readonly Column[] = [
  { header: 'ID', key: 'code', width: 8, note: 'L-1, L-2, …' },
  { header: 'Title', key: 'title', width: 34, note: 'The lesson in one line.' },
  { header: 'Phase', key: 'phase', width: 14, note: 'The lifecycle phase it happened in.' },
  {
    header: 'Category',
    key: 'category',
    width: 16,
    note: 'e.g. planning, stakeholders, suppliers, technical, governance.',
  },
  { header: 'Kind', key: 'kind', width: 12, note: 'went well: repeat it; improve: do differently.' },
  { header: 'What happened', key: 'whatHappened', width: 44, note: 'The facts, without blame.' },
  { header: 'Impact', key: 'impact', width: 30, note: 'On schedule, cost, quality or people.' },
  { header: 'Root cause', key: 'rootCause', width: 30, note: 'Why it happened.' },
  { header: 'Recommendation', key: 'recommendation', width: 44, note: 'What future projects should do.' },
  { header: 'Owner', key: 'owner', width: 18, note: 'Who takes the recommendation forward.' },
  { header: 'Tags', key: 'tags', width: 20, note: 'Comma-separated words to find it again.' },
  { header: 'Date raised', key: 'raisedOn', width: 13, note: 'A date.' },
];

function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly Column[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.note = c.note;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

const letter = (columns: readonly Column[], key: string): string => {
  const i = columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return String.fromCharCode(65 + i);
};

function listValidation(values: readonly string[]): ExcelJS.DataValidation {
  return { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] };
}

function ratingValidation(size: number): ExcelJS.DataValidation {
  return {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [1, size],
    showErrorMessage: true,
    errorTitle: 'Rating',
    error: `A whole number from 1 to ${size}.`,
  };
}

const dateValidation: ExcelJS.DataValidation = {
  type: 'date',
  operator: 'greaterThan',
  allowBlank: true,
  formulae: [new Date(Date.UTC(2000, 0, 1))],
};

/** The risk log: the columns of a Baton risk, with ratings checked against the matrix and scores calculated. */
export async function buildRiskLogXlsx(scale: RiskScale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Baton PMO';
  wb.title = 'Risk log';
  const ws = addSheet(wb, 'Risk log', RISK_COLUMNS);
  const col = (key: string) => letter(RISK_COLUMNS, key);
  const [p, i, rp, ri] = [
    col('probability'),
    col('impact'),
    col('residualProbability'),
    col('residualImpact'),
  ];
  for (let r = 2; r <= ROWS + 1; r++) {
    const row = ws.getRow(r);
    row.getCell('score').value = {
      formula: `IF(AND(ISNUMBER(${p}${r}),ISNUMBER(${i}${r})),${p}${r}*${i}${r},"")`,
    };
    row.getCell('level').value = {
      formula: `IF(${col('score')}${r}="","",IF(${col('score')}${r}>=${scale.highFrom},"high",IF(${col('score')}${r}>=${scale.mediumFrom},"medium","low")))`,
    };
    row.getCell('residualScore').value = {
      formula: `IF(AND(ISNUMBER(${rp}${r}),ISNUMBER(${ri}${r})),${rp}${r}*${ri}${r},"")`,
    };
    for (const key of ['probability', 'impact', 'residualProbability', 'residualImpact'])
      row.getCell(key).dataValidation = ratingValidation(scale.size);
    row.getCell('response').dataValidation = listValidation(RISK_RESPONSES);
    row.getCell('status').dataValidation = listValidation(RISK_STATUSES);
    for (const key of ['expectedBy', 'reviewedAt']) {
      row.getCell(key).dataValidation = dateValidation;
      row.getCell(key).numFmt = 'yyyy-mm-dd';
    }
  }
  const scales = wb.addWorksheet('Scales');
  scales.columns = [
    { header: 'Rating', key: 'rating', width: 8 },
    { header: 'Probability', key: 'probability', width: 24 },
    { header: 'Impact', key: 'impact', width: 24 },
  ];
  scales.getRow(1).font = { bold: true };
  for (let n = 1; n <= scale.size; n++) {
    scales.addRow({
      rating: n,
      probability: scale.probabilityLabels[n - 1] ?? '',
      impact: scale.impactLabels[n - 1] ?? '',
    });
  }
  scales.addRow([]);
  scales.addRow(['Level', 'Score', '']).font = { bold: true };
  scales.addRow(['low', `below ${scale.mediumFrom}`]);
  scales.addRow(['medium', `${scale.mediumFrom} to ${scale.highFrom - 1}`]);
  scales.addRow(['high', `${scale.highFrom} and above`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The lessons-learned log, filled in through the project and at closure. */
export async function buildLessonsLearnedXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Baton PMO';
  wb.title = 'Lessons learned';
  const ws = addSheet(wb, 'Lessons learned', LESSON_COLUMNS);
  for (let r = 2; r <= ROWS + 1; r++) {
    const row = ws.getRow(r);
    row.getCell('kind').dataValidation = listValidation(['went well', 'improve']);
    row.getCell('raisedOn').dataValidation = dateValidation;
    row.getCell('raisedOn').numFmt = 'yyyy-mm-dd';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
