import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  expectNoSeriousA11yViolations,
  launchBrowser,
  openPage,
  signInAs,
} from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`, 'latin1');

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

/** A project the PM may change, preferring one that follows a lifecycle (so a deliverable can be chosen). */
async function pickProject(page: Page): Promise<{ id: string; name: string; hasLifecycle: boolean }> {
  const api = await apiClient(page, server.url);
  const projects = (await api('GET', '/projects?status=active&pageSize=100')).items as {
    id: string;
    name: string;
  }[];
  for (const p of projects) {
    const r = await page.request.get(`${server.url}/api/v1/projects/${p.id}/lifecycle`);
    if (r.ok()) return { ...p, hasLifecycle: true };
  }
  const first = projects[0];
  if (!first) throw new Error('the PM sees no active project');
  return { ...first, hasLifecycle: false };
}

describe('Baton clearinghouse', () => {
  it('uploads a document and a new version on a project, downloads it, and refuses a disguised file', async () => {
    const page = await openPage(browser, contexts);
    await signInAs(page, server.url, 'pm@baton.local');
    const project = await pickProject(page);
    await page.goto(`${server.url}/projects/${project.id}?tab=documents`);
    await page.getByRole('tab', { name: 'Documents', selected: true }).waitFor();
    await page.getByRole('heading', { name: 'Documents', exact: true }).waitFor();

    // The first version, linked to a gate deliverable of the project's lifecycle.
    await page.getByRole('button', { name: 'Upload document' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload a document' });
    await dialog.getByLabel('File', { exact: true }).setInputFiles({
      name: 'kick-off-notes.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('version 1'),
    });
    await expect.poll(() => dialog.getByLabel('Title').inputValue()).toBe('kick off notes');
    await dialog.getByLabel('Title').fill('Kick-off notes');
    await dialog.getByLabel('Category').selectOption({ label: 'Minutes' });
    if (project.hasLifecycle) {
      const picker = dialog.getByLabel('Gate deliverable');
      const options = await picker.locator('option').allTextContents();
      const deliverable = options.find((o) => o !== 'None');
      if (deliverable) await picker.selectOption({ label: deliverable });
    }
    await expectNoSeriousA11yViolations(page, 'upload dialog');
    await dialog.getByRole('button', { name: 'Upload', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Kick-off notes/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('v1');

    // A second version.
    await page.getByRole('button', { name: 'New version of Kick-off notes' }).click();
    const versionDialog = page.getByRole('dialog', { name: 'New version of Kick-off notes' });
    const v2 = pdf('version 2, with the actions');
    await versionDialog.getByLabel('File', { exact: true }).setInputFiles({
      name: 'kick-off-notes-v2.pdf',
      mimeType: 'application/pdf',
      buffer: v2,
    });
    await versionDialog.getByLabel('Note').fill('Actions added');
    await versionDialog.getByRole('button', { name: 'Upload version 2' }).click();
    await versionDialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('v2');

    // The history lists both versions, newest first.
    await page.getByRole('button', { name: 'Versions of Kick-off notes' }).click();
    const history = page.getByRole('dialog', { name: 'Versions of Kick-off notes' });
    await history.getByRole('rowheader', { name: 'Version 2' }).waitFor();
    await expect(history.getByRole('rowheader', { name: 'Version 1' }).count()).resolves.toBe(1);
    await expect(history.textContent()).resolves.toContain('Actions added');
    await expectNoSeriousA11yViolations(page, 'version history');
    await history.getByRole('button', { name: 'Close', exact: true }).click();

    // Downloading the current version gives the second file, byte for byte.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Kick-off notes' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kick-off-notes-v2.pdf');
    expect(readFileSync(await download.path()).equals(v2)).toBe(true);
    await expectNoSeriousA11yViolations(page, 'project documents');

    // A web page named .pdf is refused, and the dialog says what Baton found.
    await page.getByRole('button', { name: 'Upload document' }).click();
    const refused = page.getByRole('dialog', { name: 'Upload a document' });
    await refused.getByLabel('File', { exact: true }).setInputFiles({
      name: 'invoice.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<!doctype html><script>alert(1)</script>'),
    });
    await refused.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect.poll(() => refused.getByRole('alert').textContent()).toContain('text/html');
    await refused.getByRole('button', { name: 'Cancel' }).click();
  });

  it('opens the clearinghouse and downloads a template', async () => {
    const page = await openPage(browser, contexts);
    await signInAs(page, server.url, 'pm@baton.local');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clearinghouse' }).click();
    await page.getByRole('heading', { name: 'Clearinghouse', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Download the Project charter template' }).waitFor();
    // the demo's guide is in the library; the PM may read it but not add to it
    await page.getByRole('rowheader', { name: /Preparing a gate review/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Add to library' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'clearinghouse');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the Project charter template' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('project-charter.docx');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);

    // The search keeps its filter in the address.
    await page.getByLabel('Words').fill('charter');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/[?&]q=charter/);
    await page
      .getByRole('table', { name: 'Project documents found' })
      .or(page.getByText('No documents found'))
      .waitFor();
  });
});
