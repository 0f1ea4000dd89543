import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { apiClient, launchBrowser, openPage, signInAs } from './browser.ts';
import { startTestServer, type TestServer } from './server.ts';

/** Where e2e screenshots go (kept by CI as artifacts). */
export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

/**
 * One e2e file's Baton server and browser, started before its tests and closed after them, with
 * the helpers every file uses. Screenshots are named `<prefix>-<name>.png`.
 */
export function browserSuite(prefix: string) {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  const url = (): string => {
    if (!server) throw new Error('The test server has not started');
    return server.url;
  };
  return {
    url,
    newPage: (): Promise<Page> => {
      if (!browser) throw new Error('The browser has not started');
      return openPage(browser, contexts);
    },
    signIn: (page: Page, email: string) => signInAs(page, url(), email),
    apiOf: (page: Page) => apiClient(page, url()),
    /**
     * The whole screen. The shell keeps its top bar fixed, which a stitched full-page capture
     * repeats mid-page: the window is grown to the page's height for the shot instead.
     */
    shot: async (page: Page, name: string) => {
      const size = page.viewportSize() ?? { width: 1440, height: 900 };
      const height = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document
            .documentElement.scrollHeight,
      );
      await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
      await page.screenshot({ path: resolve(ARTIFACTS, `${prefix}-${name}.png`) });
      await page.setViewportSize(size);
    },
  };
}
