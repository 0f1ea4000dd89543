import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const { url, newPage, signIn, apiOf, shot } = browserSuite('dashboards');

type Dashboard = {
  projectCount: number;
  health: { overall: { green: number; amber: number; red: number } };
  projects: { code: string; name: string }[];
};

describe('dashboards', () => {
  it('the director reads the portfolio dashboard, filters it by a portfolio and exports the projects', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    const api = await apiOf(director);
    const all = (await api('GET', '/dashboards/portfolio')) as Dashboard;
    expect(all.projectCount, 'demo projects in delivery').toBeGreaterThan(5);

    await director.goto(`${url()}/dashboards/portfolio`);
    await director.getByRole('heading', { name: 'Portfolio dashboard', level: 1 }).waitFor();
    await director.getByRole('img', { name: /^Health of \d+ projects/ }).waitFor();
    const summary = director.getByRole('list', { name: 'Summary' });
    await expect(summary.textContent()).resolves.toContain(`Projects in delivery${all.projectCount}`);
    for (const chart of [
      'Budget, actual cost and forecast (EAC) by portfolio',
      'Capacity (bars) and demand (line) in hours per month',
    ])
      await director.getByRole('img', { name: chart }).waitFor();
    await director.getByRole('table', { name: /^Open risks by probability/ }).waitFor();
    await expect(director.getByRole('heading', { name: 'Milestones due' }).isVisible()).resolves.toBe(true);
    await expectNoSeriousA11yViolations(director, 'portfolio dashboard');
    await director.setViewportSize({ width: 1366, height: 768 });
    await shot(director, 'portfolio-1366');
    await director.setViewportSize({ width: 1920, height: 1080 });
    await director.getByRole('combobox', { name: 'Text size' }).selectOption({ label: 'Projector (large)' });
    await director.waitForURL(/view=large/);
    await shot(director, 'portfolio-1920-large');

    // A portfolio through the URL: only its projects.
    const portfolios = (await api('GET', '/portfolios')).items as { id: string; code: string }[];
    const dt = portfolios.find((p) => p.code === 'DT') as { id: string };
    const only = (await api('GET', `/dashboards/portfolio?portfolioId=${dt.id}`)) as Dashboard;
    expect(only.projectCount).toBeGreaterThan(0);
    expect(only.projectCount).toBeLessThan(all.projectCount);
    await director.goto(`${url()}/dashboards/portfolio?portfolio=${dt.id}`);
    // The picker shows the URL's portfolio once the portfolios have loaded.
    await expect
      .poll(async () => director.getByRole('combobox', { name: 'Portfolio' }).inputValue())
      .toBe(dt.id);
    await expect
      .poll(async () => director.getByRole('list', { name: 'Summary' }).textContent())
      .toContain(`Projects in delivery${only.projectCount}`);
    const first = only.projects[0] as { code: string };
    await director.getByRole('link', { name: new RegExp(`^${first.code} `) }).waitFor();

    const [download] = await Promise.all([
      director.waitForEvent('download'),
      director.getByRole('button', { name: 'Export the project table as XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^portfolio-projects-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = readFileSync((await download.path()) as string);
    // An XLSX is a zip: "PK", and it carries the workbook.
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('xl/workbook.xml'))).toBe(true);
  });

  it('the director opens the scorecard, the KPIs over time and earned value', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    await director.goto(`${url()}/dashboards/scorecard`);
    await director.getByRole('heading', { name: 'Executive scorecard', level: 1 }).waitFor();
    await director.getByRole('heading', { name: 'Enterprise total' }).waitFor();
    const total = director.getByRole('list', { name: 'KPIs of Enterprise total' });
    await expect(total.textContent()).resolves.toMatch(/On time\d+ %/);
    await director.getByRole('heading', { name: 'Digital & Technology PMO' }).waitFor();
    await expectNoSeriousA11yViolations(director, 'scorecard');
    await director.setViewportSize({ width: 1366, height: 768 });
    await shot(director, 'scorecard-1366');

    await director.getByRole('link', { name: 'KPIs' }).click();
    await director.getByRole('heading', { name: 'KPIs over time', level: 1 }).waitFor();
    for (const k of ['On time', 'On budget', 'Success rate', 'Throughput', 'Cycle time', 'Utilisation'])
      await director.getByRole('img', { name: new RegExp(`^${k} per month`) }).waitFor();
    // Twelve demo months: a line with a point per month.
    const points = await director.locator('svg[aria-labelledby] circle').count();
    expect(points).toBeGreaterThanOrEqual(6 * 10);
    await expectNoSeriousA11yViolations(director, 'KPIs');
    await director.setViewportSize({ width: 1920, height: 1080 });
    await shot(director, 'kpis-1920');

    await director.goto(`${url()}/dashboards/evm?groupBy=portfolio`);
    await director.getByRole('heading', { name: 'Earned value', level: 1 }).waitFor();
    await director.getByRole('img', { name: /^S-curve of / }).waitFor();
    await director.getByRole('table', { name: 'Earned value by portfolio' }).waitFor();
    await expectNoSeriousA11yViolations(director, 'earned value');
    await director.setViewportSize({ width: 1366, height: 768 });
    await shot(director, 'evm-1366');
  });
});
