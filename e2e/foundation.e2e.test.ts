import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations } from './support/axe.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');
const ADMIN = { email: 'admin@baton.local', password: 'baton-demo-2026' };

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
}

async function expectNoSeriousA11yViolations(where: string): Promise<void> {
  const found = await findSeriousA11yViolations(page);
  expect(found, `${where}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

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
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('Baton web foundation', () => {
  const stamp = Date.now().toString(36).toUpperCase();
  const code = `E2E-${stamp}`;
  const name = `Satellite uplink ${stamp}`;
  let projectUrl = '';

  it('sends a visitor to sign-in, rejects a wrong password inline, and returns them where they were going', async () => {
    await page.goto(`${server.url}/projects`);
    await page.waitForURL(/\/sign-in\?next=%2Fprojects$/);
    await page.getByRole('heading', { name: 'Sign in to your PMO' }).waitFor();
    await expectNoSeriousA11yViolations('sign-in page');
    await shoot('01-sign-in');

    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/projects`);
    await page.getByRole('heading', { level: 1, name: 'Projects' }).waitFor();
  });

  it('shows the server’s retry message when sign-in is rate-limited', async () => {
    const login = page.request;
    const email = 'someone.else@baton.local';
    let status = 0;
    for (let i = 0; i < 20 && status !== 429; i++) {
      status = (
        await login.post(`${server.url}/api/v1/auth/login`, { data: { email, password: 'wrong-password' } })
      ).status();
    }
    expect(status).toBe(429);
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /Too many attempts: try again in \d+ s/ })
      .waitFor();

    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${server.url}/projects`);
  });

  it('lists projects with status counts, sortable headers and an accessible layout', async () => {
    const table = page.getByRole('table', { name: 'Projects' });
    await table.getByRole('link').first().waitFor();
    await page.getByRole('button', { name: /^Active \d+/ }).waitFor();
    expect(await table.getByRole('columnheader', { name: /Code/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    await table.getByRole('button', { name: /Name/ }).click();
    await page.waitForURL(/sort=name/);
    await table.locator('th[aria-sort="ascending"]', { hasText: 'Name' }).waitFor();
    await expectNoSeriousA11yViolations('project list');
    await shoot('02-project-list');
  });

  it('creates a project through the form', async () => {
    await page.getByRole('link', { name: /New project/ }).click();
    await page.getByRole('heading', { level: 1, name: 'New project' }).waitFor();

    // Client-side validation first: a name is required.
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByText('Give the project a name.').waitFor();

    await page.getByLabel('Code', { exact: true }).fill(code);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page
      .getByLabel('Description', { exact: true })
      .fill('Ground-station uplink for the field-service fleet.');
    await page.getByLabel('Portfolio', { exact: true }).selectOption({ label: 'Digital Transformation' });
    await page.getByLabel('Priority', { exact: true }).selectOption('high');
    await page.getByLabel('Planned start', { exact: true }).fill('2027-03-01');
    await page.getByLabel('Planned finish', { exact: true }).fill('2027-12-15');
    await page.getByLabel('Budget', { exact: true }).fill('125000.50');
    await page.getByLabel('Tags', { exact: true }).fill('satellite,');
    await shoot('03-new-project-form');
    await page.getByRole('button', { name: 'Create project' }).click();

    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('€125,000.50').waitFor();
    projectUrl = page.url();
    expect(projectUrl).toMatch(/\/projects\/[0-9a-f-]{36}$/);
  });

  it('finds the new project in the list through the global search and opens it', async () => {
    await page.getByRole('searchbox', { name: 'Search projects' }).fill(code);
    await page.getByRole('searchbox', { name: 'Search projects' }).press('Enter');
    await page.waitForURL(new RegExp(`/projects\\?q=${code}$`));
    const link = page.getByRole('table', { name: 'Projects' }).getByRole('link', { name });
    await link.waitFor();
    await page.getByText('1–1 of 1').waitFor();
    await link.click();
    await page.waitForURL(projectUrl);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    await expectNoSeriousA11yViolations('project detail');
    await shoot('04-project-detail');
  });

  it('edits a field and shows the change, field by field, in the History tab', async () => {
    await page.getByRole('tab', { name: 'Edit' }).click();
    await page.waitForURL(/tab=edit/);
    const nameBox = page.getByRole('textbox', { name: 'Name' });
    await nameBox.fill(`${name} (revised)`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: `${name} (revised)` }).waitFor();

    await page.getByRole('tab', { name: 'History' }).click();
    await page.waitForURL(/tab=history/);
    const latest = page
      .getByRole('list', { name: /Project history/ })
      .getByRole('listitem')
      .first();
    await latest.getByText('edited the project').waitFor();
    await latest.getByText('Ada Admin').waitFor();
    await latest.getByText(name, { exact: true }).waitFor();
    await latest.getByText(`${name} (revised)`, { exact: true }).waitFor();
    await expectNoSeriousA11yViolations('project history');
    await shoot('05-project-history');
  });

  it('shows the conflict dialog when someone else saved meanwhile, and can overwrite', async () => {
    await page.getByRole('tab', { name: 'Edit' }).click();
    const budget = page.getByLabel('Budget', { exact: true });
    await budget.waitFor();

    // Someone else changes the project behind this form's back.
    const session = await (await page.request.get(`${server.url}/api/v1/auth/session`)).json();
    const id = projectUrl.split('/').pop() ?? '';
    const current = await (await page.request.get(`${server.url}/api/v1/projects/${id}`)).json();
    const other = await page.request.patch(`${server.url}/api/v1/projects/${id}`, {
      headers: { 'x-csrf-token': session.csrfToken },
      data: { version: current.version, priority: 'low' },
    });
    expect(other.status()).toBe(200);

    await budget.fill('99000');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Someone else changed this project' });
    await dialog.getByRole('button', { name: 'Overwrite with my changes' }).waitFor();
    await shoot('06-conflict-dialog');
    await dialog.getByRole('button', { name: 'Overwrite with my changes' }).click();
    await page.getByText('€99,000').first().waitFor();
    // Their change (priority) survives; only the fields this person edited were re-sent.
    await page.getByRole('definition').filter({ hasText: /^Low$/ }).waitFor();
  });
  it('keeps the dashboard and admin screens free of serious accessibility problems, and signs out', async () => {
    const screens: [string, string, string][] = [
      ['/', 'Recently changed', '07-home'],
      ['/organisation', 'Programs', '08-organisation'],
      ['/users', 'Ada Admin', '09-users'],
      ['/custom-fields', 'Strategic theme', '10-custom-fields'],
      ['/account', 'Personal API tokens', '11-account'],
      ['/audit', 'Audit log', '12-audit-log'],
    ];
    for (const [path, text, shot] of screens) {
      await page.goto(`${server.url}${path}`);
      await page.getByText(text).first().waitFor();
      await page.getByRole('status').filter({ hasText: 'Loading' }).first().waitFor({ state: 'detached' });
      await expectNoSeriousA11yViolations(path);
      await shoot(shot);
    }
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${server.url}/projects`);
    await page.waitForURL(/\/sign-in\?next=/);
  });

  it('exports every row of the filtered project list as CSV and XLSX, not only the page shown', async () => {
    // Signed out by the test before: sign in again, onto a filtered list shown 5 rows a page.
    await page.goto(`${server.url}/projects?status=active,approved&pageSize=5`);
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/projects\?/);
    const subtitle = page.getByText(/^\d+ projects? match these filters$/);
    await subtitle.waitFor();
    const total = Number(((await subtitle.textContent()) ?? '').split(' ')[0]);
    const fromApi = await page.evaluate(async () => {
      const res = await fetch('/api/v1/projects?status=active,approved&pageSize=1');
      return ((await res.json()) as { total: number }).total;
    });
    expect(total).toBe(fromApi);
    expect(total).toBeGreaterThan(5);
    const table = page.getByRole('table', { name: 'Projects' });
    await table.getByRole('link').first().waitFor();
    expect(await table.locator('tbody tr').count()).toBe(5);
    await shoot('13-project-export');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export projects as CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^projects-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await csv.path(), 'utf8');
    // RFC 4180 records: a line break inside quotes belongs to the field, not a new record.
    const records: string[] = [];
    let current = '';
    let quoted = false;
    for (const ch of text.replace(/^\uFEFF/, '')) {
      if (ch === '"') quoted = !quoted;
      if (ch === '\n' && !quoted) {
        records.push(current.replace(/\r$/, ''));
        current = '';
      } else current += ch;
    }
    if (current !== '') records.push(current);
    expect(records[0]).toBe(
      'Id,Code,Name,Status,Priority,Org unit,Portfolio,Program,Manager,Start,Finish,Budget,Currency',
    );
    expect(records.length - 1).toBe(total);
    const firstCode = (await table.locator('tbody tr').first().locator('td').first().textContent())?.trim();
    expect(records[1]?.split(',')[1]).toBe(firstCode);
    expect(records.slice(1).every((r) => /,(Active|Approved),/.test(r))).toBe(true);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export projects as XLSX' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^projects-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = readFileSync(await xlsx.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
