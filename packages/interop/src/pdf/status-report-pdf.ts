import {
  ACCENT,
  BAND,
  INK,
  instant,
  MUTED,
  type PdfOptions,
  type PdfRag,
  RAG_COLOUR,
  RULE,
  ragMark,
  renderPdf,
} from './pdf-document.ts';

/** One status report as the PDF prints it; the figures come already formatted. */
export type StatusReportPdfInput = {
  readonly projectCode: string;
  readonly projectName: string;
  readonly period: string;
  readonly status: string;
  readonly dueDate: string;
  readonly submitted: string | null;
  readonly reviewed: string | null;
  /** Narrative sections in order; an empty one prints "Not written." */
  readonly sections: readonly { title: string; text: string | null }[];
  /** Overall first, then each dimension. */
  readonly rag: readonly {
    dimension: string;
    reported: PdfRag | null;
    computed: PdfRag | null;
    mismatch: boolean;
  }[];
  readonly figures: readonly { label: string; value: string }[];
  readonly comments: readonly { author: string | null; at: string; body: string; decision: string | null }[];
  /** ISO instant. */
  readonly generatedAt: string;
};

const LEFT = 48;
const WIDTH = 499;

function heading(doc: PDFKit.PDFDocument, text: string): void {
  // Keep a heading with at least a few lines of what follows it.
  if (doc.y > doc.page.maxY() - 80) doc.addPage();
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(12).fillColor(ACCENT).text(text, LEFT, doc.y, { width: WIDTH });
  doc
    .moveTo(LEFT, doc.y + 2)
    .lineTo(LEFT + WIDTH, doc.y + 2)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.moveDown(0.5);
}

function ragTable(doc: PDFKit.PDFDocument, rows: StatusReportPdfInput['rag']): void {
  const cols = [130, 100, 100, 169];
  let y = doc.y;
  doc.rect(LEFT, y, WIDTH, 18).fill(BAND);
  doc.font('Helvetica-Bold').fontSize(9).fillColor(INK);
  let x = LEFT;
  ['Dimension', 'Reported', 'Computed', 'Mismatch'].forEach((h, i) => {
    doc.text(h, x + 4, y + 5, { lineBreak: false });
    x += cols[i] ?? 0;
  });
  y += 18;
  for (const r of rows) {
    if (y > doc.page.maxY() - 20) {
      doc.addPage();
      y = doc.y;
    }
    x = LEFT;
    doc
      .font(r.dimension === 'Overall' ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor(INK)
      .text(r.dimension, x + 4, y + 5, { lineBreak: false });
    x += cols[0] ?? 0;
    ragMark(doc, r.reported, x + 4, y + 5, 9);
    x += cols[1] ?? 0;
    ragMark(doc, r.computed, x + 4, y + 5, 9);
    x += cols[2] ?? 0;
    if (r.mismatch)
      doc
        .font('Helvetica-Bold')
        .fontSize(9)
        .fillColor(RAG_COLOUR.red)
        .text('! Reported better than computed', x + 4, y + 5, { lineBreak: false });
    y += 18;
    doc
      .moveTo(LEFT, y)
      .lineTo(LEFT + WIDTH, y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
  }
  doc.x = LEFT;
  doc.y = y + 4;
}

function figures(doc: PDFKit.PDFDocument, items: StatusReportPdfInput['figures']): void {
  // Two columns of label and value.
  const colW = WIDTH / 2;
  for (let i = 0; i < items.length; i += 2) {
    if (doc.y > doc.page.maxY() - 20) doc.addPage();
    const y = doc.y;
    items.slice(i, i + 2).forEach((f, j) => {
      const x = LEFT + j * colW;
      doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor(MUTED)
        .text(f.label, x, y, { width: 120, lineBreak: false });
      doc
        .font('Helvetica-Bold')
        .fontSize(9)
        .fillColor(INK)
        .text(f.value, x + 120, y, { width: colW - 130, lineBreak: false });
    });
    doc.x = LEFT;
    doc.y = y + 15;
  }
}

/** One status report as a PDF (A4 portrait): header, RAG reported vs computed, figures, narrative, review. */
export function writeStatusReportPdf(d: StatusReportPdfInput, options: PdfOptions = {}): Promise<Uint8Array> {
  return renderPdf(
    {
      size: 'A4',
      compress: options.compress ?? true,
      margins: { top: 48, bottom: 48, left: LEFT, right: 48 },
      info: {
        Title: `Status report ${d.projectCode} ${d.period}`,
        Author: 'Baton',
        CreationDate: new Date(d.generatedAt),
      },
    },
    (page, pages) =>
      `Baton · status report ${d.projectCode} ${d.period} · generated ${instant(d.generatedAt)} · page ${page} of ${pages}`,
    (doc) => {
      doc.font('Helvetica').fontSize(10).fillColor(MUTED).text('STATUS REPORT', LEFT, 48);
      doc
        .font('Helvetica-Bold')
        .fontSize(20)
        .fillColor(INK)
        .text(`${d.projectCode} — ${d.projectName}`, LEFT, doc.y + 4, { width: WIDTH });
      doc
        .font('Helvetica')
        .fontSize(10)
        .fillColor(INK)
        .text(`Period ${d.period} · status ${d.status} · due ${d.dueDate}`, LEFT, doc.y + 6, {
          width: WIDTH,
        });
      const trail = [
        d.submitted ? `Submitted ${d.submitted}` : null,
        d.reviewed ? `Reviewed ${d.reviewed}` : null,
      ]
        .filter((s) => s !== null)
        .join(' · ');
      if (trail)
        doc
          .font('Helvetica')
          .fontSize(9)
          .fillColor(MUTED)
          .text(trail, LEFT, doc.y + 2, { width: WIDTH });

      heading(doc, 'Health: reported and computed');
      ragTable(doc, d.rag);
      heading(doc, 'Key figures');
      figures(doc, d.figures);
      for (const s of d.sections) {
        heading(doc, s.title);
        const empty = !s.text?.trim();
        doc
          .font(empty ? 'Helvetica-Oblique' : 'Helvetica')
          .fontSize(10)
          .fillColor(empty ? MUTED : INK)
          .text(empty ? 'Not written.' : (s.text as string), LEFT, doc.y, { width: WIDTH, lineGap: 2 });
      }
      heading(doc, 'PMO review');
      if (d.comments.length === 0)
        doc
          .font('Helvetica-Oblique')
          .fontSize(10)
          .fillColor(MUTED)
          .text('No comments.', LEFT, doc.y, { width: WIDTH });
      for (const c of d.comments) {
        const who = `${c.author ?? 'Someone'} · ${c.at}${c.decision ? ` · ${c.decision}` : ''}`;
        doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED).text(who, LEFT, doc.y, { width: WIDTH });
        doc
          .font('Helvetica')
          .fontSize(10)
          .fillColor(INK)
          .text(c.body, LEFT, doc.y + 2, { width: WIDTH, lineGap: 2 });
        doc.moveDown(0.6);
      }
    },
  );
}
