import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPdf, pdfPageCount, pdfTextOf } from './pdf-inspect.ts';
import {
  PACK_ROWS_PER_PAGE,
  type PortfolioPackPdfInput,
  type PortfolioPackPdfRow,
  portfolioPackPageCount,
  writePortfolioPackPdf,
} from './portfolio-pack-pdf.ts';
import { type StatusReportPdfInput, writeStatusReportPdf } from './status-report-pdf.ts';

const row = (i: number, over: Partial<PortfolioPackPdfRow> = {}): PortfolioPackPdfRow => ({
  code: `P-${String(i).padStart(3, '0')}`,
  name: `Project number ${i}`,
  status: 'active',
  orgUnit: 'Digital',
  currency: 'EUR',
  health: (['green', 'amber', 'red'] as const)[i % 3] ?? 'green',
  spi: 0.9,
  cpi: 1.05,
  budget: 100_000,
  ac: 40_000,
  eac: 95_238,
  percentComplete: 42,
  forecastFinish: '2027-03-31',
  finishVarianceDays: 12,
  reportedRag: i % 2 ? 'green' : null,
  ...over,
});

const pack = (rows: PortfolioPackPdfRow[]): PortfolioPackPdfInput => ({
  scope: 'Whole organisation',
  statusDate: '2026-12-07',
  generatedAt: '2026-12-07T14:05:00.000Z',
  rows,
  counts: {
    green: rows.filter((r) => r.health === 'green').length,
    amber: rows.filter((r) => r.health === 'amber').length,
    red: rows.filter((r) => r.health === 'red').length,
  },
  totals: [
    { currency: 'EUR', budget: 100_000 * rows.length, ac: 40_000 * rows.length, eac: 95_238 * rows.length },
  ],
});

describe('portfolio pack PDF', () => {
  it('has a cover, a summary and the project table, with the figures written out', async () => {
    const bytes = await writePortfolioPackPdf(pack([row(1), row(2, { name: 'Über – café €', spi: null })]), {
      compress: false,
    });
    expect(isPdf(bytes)).toBe(true);
    expect(pdfPageCount(bytes)).toBe(3);
    const text = pdfTextOf(bytes).join('\n');
    for (const s of [
      'Portfolio pack',
      'Whole organisation',
      '2026-12-07',
      '2026-12-07 14:05 UTC',
      'Projects by computed health',
      'Budget, actual and forecast',
      'P-001',
      'Project number 1',
      'Über – café €',
      'Budget (EUR)',
      '100,000',
      '95,238',
      '0.90',
      '1.05',
      '+12',
      'Amber',
      'Red',
      'page 3 of 3',
    ])
      expect(text, s).toContain(s);
  });

  it('repeats the header on every table page and cuts long names instead of wrapping', async () => {
    const rows = Array.from({ length: PACK_ROWS_PER_PAGE * 2 + 1 }, (_, i) =>
      row(i, { name: `A very long project name that cannot fit in its column ${i} ${'x'.repeat(80)}` }),
    );
    const bytes = await writePortfolioPackPdf(pack(rows), { compress: false });
    expect(pdfPageCount(bytes)).toBe(5);
    const text = pdfTextOf(bytes);
    expect(text.filter((t) => t === 'Project').length).toBe(3);
    expect(text.filter((t) => t.startsWith('A very long project name')).every((t) => t.endsWith('…'))).toBe(
      true,
    );
    expect(text).toContain('Projects (3 of 3)');
  });

  it('prints each project’s currency when the projects do not share one', async () => {
    const bytes = await writePortfolioPackPdf(pack([row(1), row(2, { currency: 'USD', budget: null })]), {
      compress: false,
    });
    const text = pdfTextOf(bytes);
    expect(text).toContain('Budget');
    expect(text).toContain('EUR 100,000');
    expect(text).toContain('USD 40,000');
  });

  it('says so when no project is in scope', async () => {
    const bytes = await writePortfolioPackPdf({ ...pack([]), totals: [] }, { compress: false });
    expect(pdfPageCount(bytes)).toBe(3);
    expect(pdfTextOf(bytes).filter((t) => t === 'No projects in scope.').length).toBe(2);
  });

  it('has as many pages as portfolioPackPageCount says, compressed or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 120 }), fc.boolean(), async (n, compress) => {
        const bytes = await writePortfolioPackPdf(pack(Array.from({ length: n }, (_, i) => row(i))), {
          compress,
        });
        expect(isPdf(bytes)).toBe(true);
        expect(pdfPageCount(bytes)).toBe(portfolioPackPageCount(n));
      }),
      { numRuns: 15 },
    );
  });
});

const report = (over: Partial<StatusReportPdfInput> = {}): StatusReportPdfInput => ({
  projectCode: 'ERP-01',
  projectName: 'ERP renewal',
  period: '2026-11',
  status: 'reviewed',
  dueDate: '2026-12-05',
  submitted: '2026-12-03 by Pat Manager',
  reviewed: '2026-12-04 by Dana Director',
  sections: [
    { title: 'Summary', text: 'Data migration is on track.' },
    { title: 'Accomplishments', text: 'Cut-over rehearsal done.' },
    { title: 'Next steps', text: null },
    { title: 'Decisions needed', text: 'Approve the extra test week.' },
  ],
  rag: [
    { dimension: 'Overall', reported: 'green', computed: 'amber', mismatch: true },
    { dimension: 'Schedule', reported: 'amber', computed: 'amber', mismatch: false },
    { dimension: 'Cost', reported: null, computed: 'green', mismatch: false },
  ],
  figures: [
    { label: 'SPI', value: '0.92' },
    { label: 'CPI', value: '1.04' },
    { label: 'EAC', value: 'EUR 1,250,000' },
  ],
  comments: [
    {
      author: 'Dana Director',
      at: '2026-12-04 10:00 UTC',
      body: 'Accepted; watch the test week.',
      decision: 'accepted',
    },
  ],
  generatedAt: '2026-12-07T14:05:00.000Z',
  ...over,
});

describe('status report PDF', () => {
  it('prints the header, reported against computed RAG with the mismatch, figures, narrative and review', async () => {
    const bytes = await writeStatusReportPdf(report(), { compress: false });
    expect(isPdf(bytes)).toBe(true);
    expect(pdfPageCount(bytes)).toBe(1);
    const text = pdfTextOf(bytes).join('\n');
    for (const s of [
      'ERP-01 — ERP renewal',
      'Period 2026-11 · status reviewed · due 2026-12-05',
      'Submitted 2026-12-03 by Pat Manager',
      'Health: reported and computed',
      '! Reported better than computed',
      'Green',
      'Amber',
      'EUR 1,250,000',
      'Data migration is on track.',
      'Not written.',
      'Approve the extra test week.',
      'PMO review',
      'Accepted; watch the test week.',
      'page 1 of 1',
    ])
      expect(text, s).toContain(s);
    expect(text.match(/! Reported better than computed/g)?.length).toBe(1);
  });

  it('gives the same bytes for the same data (the creation date is the data’s)', async () => {
    const a = await writeStatusReportPdf(report());
    const b = await writeStatusReportPdf(report());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await writeStatusReportPdf(report({ generatedAt: '2026-12-08T09:00:00.000Z' }));
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('flows a long narrative over more pages and numbers them all', async () => {
    const long = Array.from({ length: 150 }, (_, i) => `Line ${i} of a long account of the month.`).join(
      '\n',
    );
    const bytes = await writeStatusReportPdf(report({ sections: [{ title: 'Summary', text: long }] }), {
      compress: false,
    });
    const pages = pdfPageCount(bytes);
    expect(pages).toBeGreaterThan(2);
    const text = pdfTextOf(bytes).join('\n');
    expect(text).toContain('Line 149 of a long account');
    expect(text).toContain(`page ${pages} of ${pages}`);
  });
});
