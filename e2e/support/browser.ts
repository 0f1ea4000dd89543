import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { findSeriousA11yViolations } from './axe.ts';

export const DEMO_PASSWORD = 'baton-demo-2026';

/** Debian's Chromium, headless, with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}

/** A page in a fresh en-GB, UTC context at 1440 × 900; the context is kept to close after. */
export async function openPage(
  browser: Browser,
  contexts: BrowserContext[],
  timeoutMs = 20_000,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  return page;
}

/** Signs in through the form with a demo login. */
export async function signInAs(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  const found = await findSeriousA11yViolations(page);
  expect(found, `${where}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

/** A small JSON client over the signed-in page's cookies, sending the CSRF header on writes. */
export async function apiClient(page: Page, baseUrl: string) {
  const session = await (await page.request.get(`${baseUrl}/api/v1/auth/session`)).json();
  const headers = { 'x-csrf-token': session.csrfToken as string };
  return async (method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, data?: unknown) => {
    const response = await page.request.fetch(`${baseUrl}/api/v1${path}`, { method, headers, data });
    const body = await response.text();
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()}: ${body}`);
    return JSON.parse(body);
  };
}
