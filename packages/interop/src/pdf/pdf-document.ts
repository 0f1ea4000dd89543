import PDFDocument from 'pdfkit';

/** A RAG value as the PDFs draw it. */
export type PdfRag = 'green' | 'amber' | 'red';

/** What every PDF takes besides its data: compression off makes the text searchable (tests). */
export type PdfOptions = { readonly compress?: boolean };

export const RAG_COLOUR: Record<PdfRag, string> = { green: '#1e7d32', amber: '#c77700', red: '#c62828' };
export const RAG_WORD: Record<PdfRag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
export const INK = '#1d2433';
export const MUTED = '#5b6475';
export const RULE = '#d5d9e0';
export const BAND = '#f2f4f7';
export const ACCENT = '#2f5fb3';

/**
 * Lays out a document and collects its bytes. Pages are buffered so the footer (page X of Y) can be
 * written once the page count is known; the creation date is the data's, so the same data gives the
 * same file.
 */
export function renderPdf(
  options: PDFKit.PDFDocumentOptions & PdfOptions,
  footer: (page: number, pages: number) => string,
  build: (doc: PDFKit.PDFDocument) => void,
): Promise<Uint8Array> {
  const doc = new PDFDocument({ ...options, bufferPages: true, autoFirstPage: true });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  build(doc);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    // Written into the bottom margin: lift it so pdfkit does not start a new page for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(footer(i + 1, range.count), 36, height - 22, {
        width: width - 72,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** Text cut to a width with an ellipsis, in the current font, so a cell never wraps onto a new line. */
export function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let s = text;
  while (s.length > 1 && doc.widthOfString(`${s}…`) > width) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

/** A coloured dot and the word: the RAG is readable in grey print and by colour-blind readers. */
export function ragMark(doc: PDFKit.PDFDocument, rag: PdfRag | null, x: number, y: number, size = 8): void {
  if (rag === null) {
    doc.font('Helvetica').fontSize(size).fillColor(MUTED).text('—', x, y, { lineBreak: false });
    return;
  }
  doc.circle(x + size * 0.45, y + size * 0.42, size * 0.42).fill(RAG_COLOUR[rag]);
  doc
    .font('Helvetica')
    .fontSize(size)
    .fillColor(INK)
    .text(RAG_WORD[rag], x + size * 1.2, y, { lineBreak: false });
}

/** A number with grouping (en-GB), or a dash for none. */
export function num(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** An amount in major units with its currency, e.g. "EUR 1,250,000". */
export function money(value: number | null | undefined, currency: string): string {
  return value === null || value === undefined ? '—' : `${currency} ${num(value)}`;
}

/** An instant as "2026-12-07 14:05 UTC". */
export function instant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
