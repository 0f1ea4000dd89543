import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations } from './support/axe.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');
const PASSWORD = 'baton-demo-2026';
const ADMIN = 'admin@baton.local';
const RESOURCE_MANAGER = 'resources@baton.local';
const MEMBER = 'member@baton.local';
const PROJECT_MANAGER = 'pm@baton.local';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** The Monday of this week (UTC, as the browser context runs in UTC), as YYYY-MM-DD. */
function thisMonday(): string {
  const now = new Date();
  const day = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day))
    .toISOString()
    .slice(0, 10);
}
function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
/** A date as the app writes it in an en-GB browser ("30 Nov 2026"). */
function appDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
}

async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  const found = await findSeriousA11yViolations(page);
  expect(found, `${where}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

/** A small JSON client over the signed-in page's cookies, sending the CSRF header on writes. */
async function apiOf(page: Page) {
  const session = await (await page.request.get(`${server.url}/api/v1/auth/session`)).json();
  const headers = { 'x-csrf-token': session.csrfToken as string };
  const call = async (method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) => {
    const response = await page.request.fetch(`${server.url}/api/v1${path}`, { method, headers, data });
    const body = await response.text();
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()}: ${body}`);
    return JSON.parse(body);
  };
  return call;
}

type ProjectRef = { id: string; code: string; name: string };
let memberProject: ProjectRef;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

  // Set-up through the API as the administrator: Mia's project is managed by Priya, and somebody is
  // over-allocated in the coming weeks (the demo double-books Noah; this makes sure of it).
  const admin = await newPage();
  await signIn(admin, ADMIN);
  const api = await apiOf(admin);
  const users = await api('GET', `/users?q=${encodeURIComponent(PROJECT_MANAGER)}`);
  const priya = users.items.find((u: { email: string }) => u.email === PROJECT_MANAGER);
  // Mia's team-member role is granted on the demo's "Customer portal relaunch": she logs time there.
  const project = (await api('GET', `/projects?q=${encodeURIComponent('Customer portal relaunch')}`))
    .items[0];
  memberProject = { id: project.id, code: project.code, name: project.name };
  if (project.managerId !== priya.id)
    await api('PATCH', `/projects/${project.id}`, { version: project.version, managerId: priya.id });

  const from = thisMonday();
  const to = addDays(from, 83);
  const capacity = await api('GET', `/capacity?from=${from}&to=${to}`);
  if (capacity.overAllocations.length === 0) {
    const someone = (await api('GET', '/resources?kind=person&pageSize=1')).items[0];
    const projects = (await api('GET', '/projects?status=active&pageSize=2')).items;
    for (const p of projects)
      await api('POST', '/allocations', {
        resourceId: someone.id,
        projectId: p.id,
        start: from,
        end: to,
        hoursPerWeek: 32,
      });
  }
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

describe('Baton resource management', () => {
  let rm: Page;

  it('shows the resource manager the shared pool, filterable through the URL', async () => {
    rm = await newPage();
    await signIn(rm, RESOURCE_MANAGER);
    await rm.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Resource pool' }).click();
    await rm.waitForURL(/\/resources$/);
    const table = rm.getByRole('table', { name: 'Resources' });
    await table.getByRole('link', { name: 'Noah Becker' }).waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(10);
    await table.getByRole('list', { name: 'Skills' }).first().waitFor();
    await expectNoSeriousA11yViolations(rm, 'resource pool');
    await shoot(rm, '40-resource-pool');

    await rm.getByRole('region', { name: 'Resource filters' }).getByLabel('Search').fill('Noah');
    await rm.waitForURL(/q=Noah/);
    await expect.poll(() => table.getByRole('row').count()).toBe(2); // header + Noah
  });

  it('adds a resource through the New resource dialog and opens its page', async () => {
    await rm.goto(`${server.url}/resources`);
    await rm.getByRole('button', { name: 'New resource' }).click();
    const dialog = rm.getByRole('dialog', { name: 'New resource' });
    await dialog.getByRole('button', { name: 'Add resource' }).click();
    await dialog.getByText('Enter a name.').waitFor();
    await dialog.getByLabel('Name', { exact: true }).fill('Eve Example');
    await dialog.getByLabel('Capacity (hours a week)').fill('32');
    await dialog.getByLabel('Job role').fill('Developer');
    await dialog.getByLabel('Add a skill').selectOption({ label: 'TypeScript' });
    await dialog.getByLabel('Level of TypeScript').selectOption('4');
    await dialog.getByLabel('Rate per hour').fill('80');
    await dialog.getByRole('button', { name: 'Add resource' }).click();
    await rm.waitForURL(/\/resources\/[0-9a-f-]{36}$/);
    await rm.getByRole('heading', { level: 1, name: /Eve Example/ }).waitFor();
    await rm.getByRole('list', { name: 'Utilisation by week' }).waitFor();
    await rm.getByText('32 h/week (0.80 FTE)', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(rm, 'resource detail');
    await shoot(rm, '41-resource-detail');
  });

  it('draws the capacity heatmap with over-allocated cells named in words, not colour alone', async () => {
    await rm.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Capacity' }).click();
    await rm.waitForURL(/\/capacity/);
    const grid = rm.getByRole('region', { name: /Utilisation by period/ });
    await grid.getByRole('table').waitFor();
    const hot = grid.locator('td[data-band="critical"], td[data-band="over"]');
    await expect.poll(() => hot.count()).toBeGreaterThan(0);
    expect(await hot.first().textContent()).toMatch(/\d+(\.\d)? of \d+(\.\d)? hours.*%/);
    expect(await hot.first().getAttribute('title')).toMatch(/hours/);
    await rm.getByRole('list', { name: 'Colour legend' }).getByText('Over 110 %').waitFor();
    await rm.getByRole('list', { name: 'Over-allocations' }).getByText('Noah Becker').first().waitFor();
    const exportHref = await rm.getByRole('link', { name: 'Export XLSX' }).getAttribute('href');
    expect(exportHref).toMatch(/^\/api\/v1\/capacity\/export\.xlsx\?from=\d{4}-\d{2}-\d{2}&to=/);
    await expectNoSeriousA11yViolations(rm, 'capacity heatmap');
    await shoot(rm, '42-capacity-heatmap');

    await rm.getByLabel('Periods').selectOption('month');
    await rm.waitForURL(/granularity=month/);
    await grid.getByRole('columnheader').nth(1).waitFor();
    await rm.getByLabel('Periods').selectOption('week');
  });

  it('opens the levelling options of an over-allocation from “Resolve…”', async () => {
    await rm
      .getByRole('button', { name: /^Resolve the over-allocation of Noah Becker/ })
      .first()
      .click();
    await rm.waitForURL(/level=/);
    const dialog = rm.getByRole('dialog', { name: /Resolve Noah Becker’s over-allocation/ });
    const options = dialog.getByRole('region', { name: 'Levelling options' });
    const none = dialog.getByText('No option found');
    await Promise.race([options.waitFor(), none.waitFor()]);
    if (await options.isVisible()) {
      expect(await options.getByRole('article').count()).toBeGreaterThan(0);
      await options
        .getByText(/Resolves \d/)
        .first()
        .waitFor();
    }
    await expectNoSeriousA11yViolations(rm, 'levelling dialog');
    await shoot(rm, '43-levelling-options');
    await rm.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(rm.url()).not.toMatch(/level=/);
  });

  it('walks a timesheet from entry to approval', async () => {
    const monday = thisMonday();
    const member = await newPage();
    await signIn(member, MEMBER);
    await member
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My timesheet' })
      .click();
    await member.getByRole('heading', { level: 1, name: 'My timesheet' }).waitFor();
    await member.getByText(`${appDate(monday)} – ${appDate(addDays(monday, 6))}`).waitFor();

    const label = `${memberProject.code} ${memberProject.name}`;
    await member.getByLabel('Project', { exact: true }).selectOption({ label });
    await member.getByRole('button', { name: 'Add row' }).click();
    await member
      .getByRole('textbox', { name: new RegExp(`^Hours on Mon .* for ${memberProject.code}`) })
      .fill('6');
    await member
      .getByRole('textbox', { name: new RegExp(`^Hours on Tue .* for ${memberProject.code}`) })
      .fill('2.5');
    const totals = member.locator('.timesheet tfoot');
    await totals.getByText('8.5', { exact: true }).waitFor();
    await member.getByRole('button', { name: 'Save', exact: true }).click();
    await member.getByRole('status').filter({ hasText: 'Timesheet saved' }).waitFor();
    await member.getByRole('button', { name: 'Submit for approval' }).click();
    await member.getByRole('status').filter({ hasText: 'Timesheet submitted' }).waitFor();
    await member.locator('.b-badge', { hasText: 'Submitted' }).waitFor();
    await expectNoSeriousA11yViolations(member, 'timesheet');
    await shoot(member, '44-timesheet-submitted');

    const pm = await newPage();
    await signIn(pm, PROJECT_MANAGER);
    await pm.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
    await pm.getByRole('heading', { level: 1, name: 'Timesheet approvals' }).waitFor();
    const approve = pm.getByRole('button', {
      name: `Approve Mia Member, week of ${appDate(monday)}, ${memberProject.code}`,
    });
    await approve.waitFor();
    await pm
      .getByRole('list', { name: new RegExp(`Entries of Mia Member, week of ${appDate(monday)}`) })
      .getByText('2.5 h')
      .waitFor();
    await expectNoSeriousA11yViolations(pm, 'timesheet approvals');
    await shoot(pm, '45-timesheet-approvals');
    await approve.click();
    await pm.getByRole('status').filter({ hasText: 'Hours approved' }).waitFor();
    await approve.waitFor({ state: 'detached' });

    await member.reload();
    await member.locator('.b-badge', { hasText: 'Approved' }).waitFor();
    await member.getByText('Every project manager approved these hours.').waitFor();
    await shoot(member, '46-timesheet-approved');
  });

  it('reconciles planned, assigned and actual hours, and locks a closed period', async () => {
    await rm.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reconciliation' }).click();
    await rm.getByRole('heading', { level: 1, name: 'Reconciliation' }).waitFor();
    const lockCard = rm.locator('section.b-card', {
      has: rm.getByRole('heading', { name: 'Locked periods' }),
    });
    await lockCard.getByText('No period is locked.').waitFor();
    await lockCard.getByLabel('Lock through').fill('2026-01-31');
    await lockCard.getByRole('button', { name: 'Lock', exact: true }).click();
    await rm.getByRole('status').filter({ hasText: 'Period locked' }).waitFor();
    await lockCard.getByText(/^Locked through 31 Jan 2026/).waitFor();
    await expectNoSeriousA11yViolations(rm, 'reconciliation');
    await shoot(rm, '47-reconciliation-lock');
    await lockCard.getByRole('button', { name: 'Unlock all' }).click();
    await lockCard.getByText('No period is locked.').waitFor();
  });
});
