import {
  ACCENT,
  BAND,
  fit,
  INK,
  instant,
  MUTED,
  money,
  num,
  type PdfOptions,
  type PdfRag,
  RAG_COLOUR,
  RAG_WORD,
  RULE,
  ragMark,
  renderPdf,
} from './pdf-document.ts';

/** One project of the pack as the PDF prints it; money in major units of the project's currency. */
export type PortfolioPackPdfRow = {
  readonly code: string;
  readonly name: string;
  readonly status: string;
  readonly orgUnit: string | null;
  readonly currency: string;
  readonly health: PdfRag;
  readonly spi: number | null;
  readonly cpi: number | null;
  readonly budget: number | null;
  readonly ac: number;
  readonly eac: number;
  readonly percentComplete: number | null;
  readonly forecastFinish: string | null;
  readonly finishVarianceDays: number | null;
  readonly reportedRag: PdfRag | null;
};

export type PortfolioPackPdfInput = {
  readonly title?: string;
  /** What the pack covers, in words ("Whole organisation", "Org unit Digital and its sub-units"…). */
  readonly scope: string;
  readonly statusDate: string;
  /** ISO instant. */
  readonly generatedAt: string;
  readonly rows: readonly PortfolioPackPdfRow[];
  readonly counts: Readonly<Record<PdfRag, number>>;
  /** Per currency, in major units. */
  readonly totals: readonly { currency: string; budget: number; ac: number; eac: number }[];
};

/** Projects per page of the table: fixed, so the page count follows from the number of projects. */
export const PACK_ROWS_PER_PAGE = 27;

/** Pages of a pack: cover, summary, and the table (one page at least, which says when it is empty). */
export function portfolioPackPageCount(rows: number): number {
  return 2 + Math.max(1, Math.ceil(rows / PACK_ROWS_PER_PAGE));
}

const LEFT = 36;
const WIDTH = 770;
type Column = {
  label: string;
  width: number;
  align?: 'left' | 'right';
  cell: (r: PortfolioPackPdfRow, currency: string | null) => string | { rag: PdfRag | null };
};
const ratio = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const amount = (v: number | null, r: PortfolioPackPdfRow, currency: string | null) =>
  currency ? num(v) : money(v, r.currency);

function columns(currency: string | null): Column[] {
  const cur = currency ? ` (${currency})` : '';
  return [
    { label: 'Code', width: 55, cell: (r) => r.code },
    { label: 'Project', width: 120, cell: (r) => r.name },
    { label: 'Status', width: 50, cell: (r) => r.status.replace('_', ' ') },
    { label: 'Org unit', width: 75, cell: (r) => r.orgUnit ?? '—' },
    { label: 'Health', width: 50, cell: (r) => ({ rag: r.health }) },
    { label: 'SPI', width: 32, align: 'right', cell: (r) => ratio(r.spi) },
    { label: 'CPI', width: 32, align: 'right', cell: (r) => ratio(r.cpi) },
    { label: `Budget${cur}`, width: 66, align: 'right', cell: (r, c) => amount(r.budget, r, c) },
    { label: `Actual${cur}`, width: 62, align: 'right', cell: (r, c) => amount(r.ac, r, c) },
    { label: `EAC${cur}`, width: 62, align: 'right', cell: (r, c) => amount(r.eac, r, c) },
    {
      label: '% done',
      width: 34,
      align: 'right',
      cell: (r) => (r.percentComplete === null ? '—' : `${Math.round(r.percentComplete)}`),
    },
    { label: 'Fcst finish', width: 56, cell: (r) => r.forecastFinish ?? '—' },
    {
      label: 'Slip d',
      width: 30,
      align: 'right',
      cell: (r) =>
        r.finishVarianceDays === null ? '—' : `${r.finishVarianceDays > 0 ? '+' : ''}${r.finishVarianceDays}`,
    },
    { label: 'Reported', width: 46, cell: (r) => ({ rag: r.reportedRag }) },
  ];
}

function cover(doc: PDFKit.PDFDocument, d: PortfolioPackPdfInput): void {
  const { width, height } = doc.page;
  doc.rect(0, 0, width, 150).fill(ACCENT);
  doc.font('Helvetica-Bold').fontSize(12).fillColor('#ffffff').text('BATON', LEFT, 48, { lineBreak: false });
  doc
    .font('Helvetica-Bold')
    .fontSize(34)
    .fillColor('#ffffff')
    .text(d.title ?? 'Portfolio pack', LEFT, 78, { lineBreak: false });
  const facts: [string, string][] = [
    ['Scope', d.scope],
    ['Status date', d.statusDate],
    ['Projects', String(d.rows.length)],
    ['Generated', instant(d.generatedAt)],
  ];
  let y = 200;
  for (const [label, value] of facts) {
    doc.font('Helvetica').fontSize(11).fillColor(MUTED).text(label, LEFT, y, { lineBreak: false });
    doc
      .font('Helvetica-Bold')
      .fontSize(16)
      .fillColor(INK)
      .text(fit(doc, value, WIDTH - 140), LEFT + 140, y - 3, { lineBreak: false });
    y += 40;
  }
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      'Health, SPI, CPI and EAC are computed by Baton from each project’s baseline, progress, actual costs and RAID log at the status date. EAC is the cost forecast; the forecast finish is the schedule as it stands.',
      LEFT,
      height - 90,
      { width: WIDTH, lineBreak: true },
    );
}

/** Horizontal bars, one per item, scaled to the largest; the value is written beside each bar. */
function bars(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  width: number,
  items: readonly { label: string; value: number; text: string; colour: string }[],
): number {
  const max = Math.max(1, ...items.map((i) => i.value));
  const labelW = 90;
  const barW = width - labelW - 90;
  for (const item of items) {
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(INK)
      .text(item.label, x, y + 3, { lineBreak: false });
    doc.rect(x + labelW, y, barW, 16).fill(BAND);
    const w = item.value > 0 ? Math.max(2, (barW * item.value) / max) : 0;
    if (w > 0) doc.rect(x + labelW, y, w, 16).fill(item.colour);
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor(INK)
      .text(item.text, x + labelW + barW + 8, y + 3, { lineBreak: false });
    y += 26;
  }
  return y;
}

function summary(doc: PDFKit.PDFDocument, d: PortfolioPackPdfInput): void {
  doc.font('Helvetica-Bold').fontSize(18).fillColor(INK).text('Summary', LEFT, 36, { lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(MUTED)
    .text(`${d.scope} · status date ${d.statusDate}`, LEFT, 60, { lineBreak: false });

  // Health: counts as large figures, then the bar chart of them.
  const half = WIDTH / 2 - 20;
  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text('Projects by computed health', LEFT, 96);
  let x = LEFT;
  for (const rag of ['green', 'amber', 'red'] as const) {
    doc.circle(x + 7, 133, 7).fill(RAG_COLOUR[rag]);
    doc
      .font('Helvetica-Bold')
      .fontSize(22)
      .fillColor(INK)
      .text(String(d.counts[rag]), x + 20, 122, { lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor(MUTED)
      .text(RAG_WORD[rag], x + 20, 148, { lineBreak: false });
    x += 110;
  }
  bars(
    doc,
    LEFT,
    180,
    half,
    (['green', 'amber', 'red'] as const).map((rag) => ({
      label: RAG_WORD[rag],
      value: d.counts[rag],
      text: String(d.counts[rag]),
      colour: RAG_COLOUR[rag],
    })),
  );

  // Money: per currency, budget against actual cost to date and the forecast at completion.
  const mx = LEFT + WIDTH / 2 + 20;
  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text('Budget, actual and forecast', mx, 96);
  let y = 122;
  if (d.totals.length === 0) {
    doc.font('Helvetica').fontSize(10).fillColor(MUTED).text('No projects in scope.', mx, y);
  }
  for (const t of d.totals.slice(0, 4)) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(MUTED).text(t.currency, mx, y, { lineBreak: false });
    y = bars(doc, mx, y + 16, half, [
      { label: 'Budget', value: t.budget, text: num(t.budget), colour: '#7a8699' },
      { label: 'Actual (AC)', value: t.ac, text: num(t.ac), colour: ACCENT },
      {
        label: 'Forecast (EAC)',
        value: t.eac,
        text: num(t.eac),
        colour: t.eac > t.budget ? RAG_COLOUR.red : RAG_COLOUR.green,
      },
    ]);
    y += 8;
  }
  if (d.totals.length > 4)
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(MUTED)
      .text(`${d.totals.length - 4} more currencies: see the table.`, mx, y);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      'Forecast bar in red where the forecast at completion exceeds the budget. Totals add each project in its own currency.',
      LEFT,
      500,
      { width: WIDTH },
    );
}

function tableHeader(doc: PDFKit.PDFDocument, cols: readonly Column[], y: number): void {
  doc.rect(LEFT, y, WIDTH, 18).fill(INK);
  let x = LEFT;
  doc.font('Helvetica-Bold').fontSize(7.5).fillColor('#ffffff');
  for (const c of cols) {
    doc.text(fit(doc, c.label, c.width - 6), x + 3, y + 5, {
      width: c.width - 6,
      align: c.align ?? 'left',
      lineBreak: false,
    });
    x += c.width;
  }
}

function table(doc: PDFKit.PDFDocument, d: PortfolioPackPdfInput): void {
  const currencies = new Set(d.rows.map((r) => r.currency));
  const single = currencies.size <= 1 ? ([...currencies][0] ?? null) : null;
  const cols = columns(single);
  const pages = Math.max(1, Math.ceil(d.rows.length / PACK_ROWS_PER_PAGE));
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .fillColor(INK)
      .text(`Projects${pages > 1 ? ` (${p + 1} of ${pages})` : ''}`, LEFT, 36, { lineBreak: false });
    tableHeader(doc, cols, 62);
    const slice = d.rows.slice(p * PACK_ROWS_PER_PAGE, (p + 1) * PACK_ROWS_PER_PAGE);
    if (slice.length === 0)
      doc
        .font('Helvetica')
        .fontSize(10)
        .fillColor(MUTED)
        .text('No projects in scope.', LEFT + 3, 90);
    let y = 80;
    slice.forEach((r, i) => {
      if (i % 2 === 1) doc.rect(LEFT, y, WIDTH, 17).fill(BAND);
      let x = LEFT;
      for (const c of cols) {
        const v = c.cell(r, single);
        if (typeof v === 'string') {
          doc.font('Helvetica').fontSize(7.5).fillColor(INK);
          doc.text(fit(doc, v, c.width - 6), x + 3, y + 5, {
            width: c.width - 6,
            align: c.align ?? 'left',
            lineBreak: false,
          });
        } else ragMark(doc, v.rag, x + 3, y + 5, 7.5);
        x += c.width;
      }
      y += 17;
    });
    doc
      .moveTo(LEFT, y)
      .lineTo(LEFT + WIDTH, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
  }
}

/** The portfolio pack as a PDF (A4 landscape): cover, summary with charts, and the project table. */
export function writePortfolioPackPdf(
  d: PortfolioPackPdfInput,
  options: PdfOptions = {},
): Promise<Uint8Array> {
  return renderPdf(
    {
      size: 'A4',
      layout: 'landscape',
      compress: options.compress ?? true,
      margins: { top: 36, bottom: 36, left: LEFT, right: 36 },
      info: {
        Title: `${d.title ?? 'Portfolio pack'} — ${d.statusDate}`,
        Author: 'Baton',
        CreationDate: new Date(d.generatedAt),
      },
    },
    (page, pages) =>
      `Baton · ${d.title ?? 'Portfolio pack'} · status date ${d.statusDate} · page ${page} of ${pages}`,
    (doc) => {
      cover(doc, d);
      doc.addPage();
      summary(doc, d);
      table(doc, d);
    },
  );
}
