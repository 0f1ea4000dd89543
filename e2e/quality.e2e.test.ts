import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  expectNoSeriousA11yViolations,
  launchBrowser,
  openPage,
  signInAs,
} from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');

let server: TestServer;
let browser: Browser;
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

describe('Baton quality', () => {
  it('shows a project’s deliverables, the PMO’s standards and searches lessons learned by stem', async () => {
    const director = await openPage(browser, contexts);
    await signInAs(director, server.url, 'director@baton.local');
    const api = await apiClient(director, server.url);
    const projects = (await api('GET', '/projects?pageSize=200')).items as { id: string; name: string }[];
    let withDeliverables: { id: string; name: string } | undefined;
    let first: { name: string } | undefined;
    for (const p of projects) {
      const d = (await api('GET', `/deliverables?projectId=${p.id}`)).items as { name: string }[];
      if (d.length > 0) {
        withDeliverables = p;
        first = d[0];
        break;
      }
    }
    expect(withDeliverables, 'a demo project with deliverables').toBeDefined();
    await director.goto(`${server.url}/projects/${withDeliverables?.id}?tab=quality`);
    await director.getByRole('tab', { name: 'Quality', selected: true }).waitFor();
    await director
      .getByText(first?.name as string)
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(director, 'project quality tab');
    await director.screenshot({ path: resolve(ARTIFACTS, 'quality-project.png'), fullPage: true });

    await director.goto(`${server.url}/quality`);
    await director.getByText('Solution design standard').first().waitFor();
    await expectNoSeriousA11yViolations(director, 'quality standards');

    // "delays" finds the lesson about a delayed onboarding: the search is stemmed, and in the URL.
    await director.goto(`${server.url}/lessons`);
    const search = director.getByRole('searchbox', { name: 'Search', exact: true });
    await search.fill('delays');
    await search.press('Enter');
    await director.waitForURL(/q=delays/);
    await director.getByText('Marketplace onboarding delayed by catalogue data quality').waitFor();
    await expectNoSeriousA11yViolations(director, 'lessons learned search');
    await director.screenshot({ path: resolve(ARTIFACTS, 'quality-lessons.png'), fullPage: true });
  });
});
