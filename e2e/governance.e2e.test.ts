import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations } from './support/axe.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');
const PASSWORD = 'baton-demo-2026';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  const found = await findSeriousA11yViolations(page);
  expect(found, `${where}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

async function apiOf(page: Page) {
  const session = await (await page.request.get(`${server.url}/api/v1/auth/session`)).json();
  const headers = { 'x-csrf-token': session.csrfToken as string };
  return async (method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => {
    const response = await page.request.fetch(`${server.url}/api/v1${path}`, { method, headers, data });
    const body = await response.text();
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()}: ${body}`);
    return JSON.parse(body);
  };
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
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

describe('Baton methodology and stage gates', () => {
  it('takes a project from a template through its first gate to go', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    const api = await apiOf(director);
    // A project without a lifecycle yet gets one from the library on its Lifecycle tab.
    const projects = (await api('GET', '/projects?status=active&pageSize=100')).items as {
      id: string;
      name: string;
    }[];
    let target: { id: string; name: string } | undefined;
    for (const p of projects) {
      const r = await director.request.get(`${server.url}/api/v1/projects/${p.id}/lifecycle`);
      if (r.status() === 404) {
        target = p;
        break;
      }
    }
    expect(target, 'a running project without a lifecycle').toBeDefined();
    const project = target as { id: string; name: string };
    await director.goto(`${server.url}/projects/${project.id}?tab=lifecycle`);
    const picker = director.getByLabel('Lifecycle template');
    await picker.waitFor();
    await expect
      .poll(async () => (await picker.locator('option').allTextContents()).join(' | '))
      .toContain('Predictive (stage-gate)');
    const options = await picker.locator('option').allTextContents();
    const predictive = options.find((o) => o.startsWith('Predictive (stage-gate)'));
    await picker.selectOption({ label: predictive as string });
    await director.getByRole('button', { name: 'Apply', exact: true }).click();
    await director.getByText('Gate 1 — charter').first().waitFor();
    await expectNoSeriousA11yViolations(director, 'project lifecycle');

    // Not ready: submitting is held back while required items are missing.
    const submit = director.getByRole('button', { name: 'Submit for gate review' });
    await expect(submit.isDisabled()).resolves.toBe(true);
    // Each tick is saved before the checklist takes the next one (the controls wait meanwhile).
    const tick = async (box: ReturnType<Page['getByLabel']>) => {
      await expect.poll(async () => box.isEnabled()).toBe(true);
      await box.click();
      await expect.poll(async () => box.isChecked()).toBe(true);
    };
    await tick(director.getByLabel(/Charter approved by the sponsor/));
    await tick(director.getByLabel(/Sponsor and project manager named/));
    for (const name of ['Accept Project charter', 'Accept Business case']) {
      const button = director.getByRole('button', { name });
      await expect.poll(async () => button.isEnabled()).toBe(true);
      await button.click();
      await director
        .getByRole('button', { name: name.replace('Accept', 'Withdraw acceptance of') })
        .waitFor();
    }
    await expect.poll(async () => submit.isDisabled()).toBe(false);
    await submit.click();
    await director
      .getByText(/open high risks?/i)
      .first()
      .waitFor();

    // The gate waits in the reviewers' queue.
    await director.goto(`${server.url}/gate-reviews`);
    await director
      .getByRole('link', { name: new RegExp(project.name) })
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(director, 'gate reviews');
    await director
      .getByRole('link', { name: new RegExp(project.name) })
      .first()
      .click();
    await director.waitForURL(/tab=lifecycle/);
    await director.getByRole('radio', { name: /^Go\b/ }).check();
    await director.getByLabel('Rationale').fill('Charter signed and the business case holds.');
    await director.getByRole('button', { name: 'Record: Go' }).click();
    await director.getByText('Gate passed: go').waitFor();
    const lifecycle = await api('GET', `/projects/${project.id}/lifecycle`);
    expect(lifecycle.currentPhaseKey).toBe('plan');
    expect(lifecycle.reviews[0].decision).toBe('go');
    await director.screenshot({ path: resolve(ARTIFACTS, 'governance-gate-go.png'), fullPage: true });
  });

  it('shows the methodology library and compliance', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    await director.goto(`${server.url}/governance/templates`);
    await director.getByText('Predictive (stage-gate)').first().waitFor();
    await expectNoSeriousA11yViolations(director, 'lifecycle templates');
    await director.goto(`${server.url}/compliance`);
    await director.getByRole('table', { name: 'Compliance of each project with each rule' }).waitFor();
    const rows = director
      .getByRole('table', { name: 'Compliance of each project with each rule' })
      .locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(director, 'compliance');
    await director.screenshot({ path: resolve(ARTIFACTS, 'governance-compliance.png'), fullPage: true });
  });
});
