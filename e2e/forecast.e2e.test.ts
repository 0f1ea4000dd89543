import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const { url, newPage, signIn, apiOf, shot } = browserSuite('forecast');

type Forecast = {
  taskCount: number;
  riskCount: number;
  estimatedTasks: number;
  finish: { p50: string; p80: string; p90: string; plan: string };
  cost: { p50: number; p90: number };
  tornado: { finish: { name: string }[] };
};

describe('Monte Carlo forecasts', () => {
  it('shows a project’s forecast, reproducibly for a seed kept in the URL, and the portfolio run', async () => {
    const page = await newPage();
    await signIn(page, 'director@baton.local');
    const api = await apiOf(page);

    // A demo project with a plan, three-point estimates and a quantified risk.
    const active = (await api('GET', '/projects?status=active&pageSize=100')).items as {
      id: string;
      name: string;
    }[];
    let project: (typeof active)[number] | undefined;
    for (const p of active) {
      // A project without a plan answers 422 (nothing to forecast): skip it.
      const f = (await api('GET', `/projects/${p.id}/forecast?iterations=200`).catch(
        () => null,
      )) as Forecast | null;
      if (f && f.taskCount > 0 && f.riskCount > 0 && f.estimatedTasks > 0) {
        project = p;
        break;
      }
    }
    expect(project, 'a demo project with estimates and a quantified risk').toBeDefined();
    const { id, name } = project as (typeof active)[number];

    // ---- the Forecast tab, seed 7 ----
    await page.goto(`${url()}/projects/${id}?tab=forecast&iterations=1000&seed=7`);
    const cards = page.getByRole('list', { name: 'Finish percentiles' });
    await cards.waitFor();
    await page.getByRole('img', { name: new RegExp(`^Finish date distribution of ${name}`) }).waitFor();
    await page.getByRole('img', { name: new RegExp(`^Cost distribution of ${name}`) }).waitFor();
    await page.getByRole('img', { name: /^Drivers of the finish/ }).waitFor();
    const first = await cards.textContent();
    const costFirst = await page.getByRole('list', { name: 'Cost percentiles' }).textContent();
    const seven = (await api('GET', `/projects/${id}/forecast?iterations=1000&seed=7`)) as Forecast;
    // The cards show the API's figures: P50 finish as a day, and the risk among the drivers.
    const day = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${seven.finish.p50.slice(0, 10)}T00:00:00Z`));
    expect(first).toContain(day);
    expect(seven.tornado.finish.some((d) => /^RSK-/.test(d.name))).toBe(true);
    await expectNoSeriousA11yViolations(page, 'project Forecast tab');
    await shot(page, 'project-tab');

    // ---- another seed through the form: the URL keeps it ----
    const seed = page.getByLabel('Seed');
    await seed.fill('8');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.waitForURL(/seed=8/);
    await cards.waitFor();
    const eight = (await api('GET', `/projects/${id}/forecast?iterations=1000&seed=8`)) as Forecast;
    expect(eight.finish.plan).toBe(seven.finish.plan);

    // ---- back to seed 7 by URL: the very same figures ----
    await page.goto(`${url()}/projects/${id}?tab=forecast&iterations=1000&seed=7`);
    await cards.waitFor();
    await page.getByRole('img', { name: /^Drivers of the finish/ }).waitFor();
    expect(await cards.textContent()).toBe(first);
    expect(await page.getByRole('list', { name: 'Cost percentiles' }).textContent()).toBe(costFirst);
    expect(await api('GET', `/projects/${id}/forecast?iterations=1000&seed=7`)).toEqual(seven);

    // ---- the portfolio forecast: started, its progress, then its result ----
    await page.goto(`${url()}/reporting/forecast`);
    await page.getByRole('heading', { name: 'Portfolio forecast', level: 1 }).waitFor();
    await page.getByText('No portfolio forecast yet').waitFor();
    await expectNoSeriousA11yViolations(page, 'portfolio forecast, empty');
    await page.getByRole('button', { name: 'Start portfolio forecast' }).click();
    await page.waitForURL(/job=[0-9a-f-]{36}/);
    await page.getByText('Forecast finished').waitFor({ timeout: 120_000 });
    const table = page.getByRole('table', { name: 'Forecast per project' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(2);
    await expect(table.textContent()).resolves.toContain(name);
    await page.getByRole('list', { name: 'Portfolio percentiles' }).waitFor();
    await page.getByRole('button', { name: /Export the portfolio forecast as CSV/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'portfolio forecast, result');
    await shot(page, 'portfolio');
  }, 300_000);
});
