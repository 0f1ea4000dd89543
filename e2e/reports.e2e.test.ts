import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/browser.ts';
import { ARTIFACTS, browserSuite } from './support/suite.ts';

const { url, newPage, signIn, apiOf, shot } = browserSuite('reports');
const work = mkdtempSync(join(tmpdir(), 'baton-e2e-reports-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type PackRow = { code: string; name: string; health: string; spi: number | null; cpi: number | null };

/**
 * Renders a PDF's first page to PNG with poppler's pdftoppm (installed by .ci/run), keeps a copy
 * with the screenshots, and measures it: its aspect ratio and the share of pixels that are not white.
 */
function renderFirstPage(pdf: Buffer, name: string): { ratio: number; inked: number } {
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, join(work, name)]);
  const bytes = readFileSync(join(work, `${name}.png`));
  writeFileSync(resolve(ARTIFACTS, `reports-${name}.png`), bytes);
  const png = PNG.sync.read(bytes);
  let inked = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i] ?? 255, png.data[i + 1] ?? 255, png.data[i + 2] ?? 255];
    if (r < 235 || g < 235 || b < 235) inked++;
  }
  return { ratio: png.width / png.height, inked: inked / (png.width * png.height) };
}

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

const A4 = 297 / 210;

describe('portfolio pack and PDF exports', () => {
  it('shows the pack with health, SPI and CPI, filters and sorts it in the URL, and downloads it as a PDF', async () => {
    const page = await newPage();
    await signIn(page, 'director@baton.local');
    const api = await apiOf(page);
    const pack = (await api('GET', '/reports/portfolio')) as { rows: PackRow[] };
    expect(pack.rows.length).toBeGreaterThan(10);

    await page.goto(`${url()}/reporting/pack`);
    await page.getByRole('heading', { name: 'Portfolio pack', level: 1 }).waitFor();
    const table = page.getByRole('table');
    await table.waitFor();
    for (const col of ['Health', 'SPI', 'CPI', 'Budget', 'Actual', 'EAC', 'Forecast finish'])
      await expect(
        table.getByRole('columnheader', { name: col, exact: false }).count(),
      ).resolves.toBeGreaterThan(0);
    await expect(table.locator('tbody tr').count()).resolves.toBe(pack.rows.length);
    // A baselined demo project in progress, with its figures as the API computes them.
    const measured = pack.rows.find((r) => r.spi !== null && r.cpi !== null) as PackRow;
    expect(measured, 'a demo project with SPI and CPI').toBeDefined();
    const row = table.locator('tbody tr').filter({ hasText: measured.code });
    await expect(row.textContent()).resolves.toContain((measured.spi as number).toFixed(2));
    await expect(row.textContent()).resolves.toContain((measured.cpi as number).toFixed(2));
    await expect(row.textContent()).resolves.toMatch(/Green|Amber|Red/);
    await expectNoSeriousA11yViolations(page, 'portfolio pack');
    await shot(page, 'pack');

    // Sorting by SPI puts the lowest first and says so in the URL.
    await page.getByRole('button', { name: /^SPI/ }).click();
    await page.waitForURL(/sort=spi/);
    const lowest = [...pack.rows]
      .filter((r) => r.spi !== null)
      .sort((a, b) => (a.spi as number) - (b.spi as number) || a.code.localeCompare(b.code))[0];
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toContain(lowest?.code);

    // Executing projects only: fewer rows, kept in the URL for sharing.
    await page.getByLabel('Project status').selectOption('active,on_hold');
    await page.waitForURL(/status=active%2Con_hold/);
    const executing = (await api('GET', '/reports/portfolio?status=active,on_hold')) as { rows: PackRow[] };
    await expect.poll(() => table.locator('tbody tr').count()).toBe(executing.rows.length);
    await page.reload();
    await expect(page.getByLabel('Project status').inputValue()).resolves.toBe('active,on_hold');

    const pdf = await download(page, () =>
      page.getByRole('button', { name: 'Download the portfolio pack as PDF' }).click(),
    );
    expect(pdf.name).toMatch(/^portfolio-pack-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const cover = renderFirstPage(pdf.bytes, 'pack-page-1');
    // A4 landscape, and a real page: the cover's band and text cover a good part of it.
    expect(cover.ratio).toBeGreaterThan(A4 - 0.02);
    expect(cover.ratio).toBeLessThan(A4 + 0.02);
    expect(cover.inked).toBeGreaterThan(0.15);
    expect(cover.inked).toBeLessThan(0.9);

    const csv = await download(page, () =>
      page.getByRole('button', { name: 'Download the portfolio pack as CSV' }).click(),
    );
    const lines = csv.bytes.toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(executing.rows.length + 1);
    expect(lines[0]).toContain('SPI,CPI');
  });

  it('opens the portfolio dashboard and exports the PDF pack from it', async () => {
    const page = await newPage();
    await signIn(page, 'director@baton.local');
    await page.goto(`${url()}/dashboards/portfolio`);
    await page.getByRole('heading', { name: 'Portfolio dashboard', level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(page, 'portfolio dashboard with the pack downloads');
    const pdf = await download(page, () =>
      page.getByRole('button', { name: 'Download the portfolio pack as PDF' }).click(),
    );
    expect(pdf.name).toMatch(/^portfolio-pack-\d{4}-\d{2}-\d{2}\.pdf$/);
    const cover = renderFirstPage(pdf.bytes, 'dashboard-pack-page-1');
    expect(cover.ratio).toBeGreaterThan(A4 - 0.02);
    expect(cover.ratio).toBeLessThan(A4 + 0.02);
    expect(cover.inked).toBeGreaterThan(0.15);
  });

  it('downloads a demo status report as a PDF', async () => {
    const page = await newPage();
    await signIn(page, 'director@baton.local');
    const api = await apiOf(page);
    const reports = (await api('GET', '/status-reports?status=reviewed')) as {
      items: { id: string; projectCode: string; period: string }[];
    };
    const report = reports.items[0];
    expect(report, 'a reviewed demo status report').toBeDefined();
    const { id, projectCode, period } = report as NonNullable<typeof report>;
    await page.goto(`${url()}/status-reports/${id}`);
    const button = page.getByRole('button', { name: 'Download PDF' });
    await button.waitFor();
    await expectNoSeriousA11yViolations(page, 'status report with its PDF button');
    await shot(page, 'status-report');
    const pdf = await download(page, () => button.click());
    expect(pdf.name).toBe(`status-report-${projectCode}-${period}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const first = renderFirstPage(pdf.bytes, 'status-report-page-1');
    expect(first.ratio).toBeGreaterThan(1 / A4 - 0.02);
    expect(first.ratio).toBeLessThan(1 / A4 + 0.02);
    expect(first.inked).toBeGreaterThan(0.02);
  });
});
