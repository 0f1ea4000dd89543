import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
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

const ARTIFACTS = resolve(import.meta.dirname, 'artifacts');
const DIRECTOR = 'director@baton.local';
const PROJECT_MANAGER = 'pm@baton.local';
const RISK = 'Vendor API rate limits throttle the nightly load (e2e)';
const SHARED_RISK = 'Shared data platform licence renegotiation (e2e)';
const ISSUE = 'Source system owners miss the data-mapping workshops (e2e)';
const REASON = 'Needs the portfolio board to instruct the source system owners.';
const CHANGE = 'Add real-time event streaming (e2e)';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** A small JSON client over the signed-in page's cookies. */
const newPage = () => openPage(browser, contexts);
const signIn = (page: Page, email: string) => signInAs(page, server.url, email);
const apiOf = (page: Page) => apiClient(page, server.url);

/** The status of a request made with the page's cookies (for the refusals). */
async function statusOf(page: Page, method: 'POST', path: string, data: unknown): Promise<number> {
  const session = await (await page.request.get(`${server.url}/api/v1/auth/session`)).json();
  const response = await page.request.fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': session.csrfToken as string },
    data,
  });
  return response.status();
}

type ProjectRef = {
  id: string;
  code: string;
  name: string;
  portfolioId: string;
  budgetMinor: number;
  plannedFinish: string;
};
let own: ProjectRef;
let sibling: ProjectRef;
let portfolioName: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startTestServer();
  browser = await launchBrowser();

  // Set-up through the API as the director: a running project of Priya's, in the unit where she is
  // project manager and in a portfolio, and a second project of the same portfolio.
  const admin = await newPage();
  await signIn(admin, DIRECTOR);
  const api = await apiOf(admin);
  const users = await api('GET', `/users?q=${encodeURIComponent(PROJECT_MANAGER)}`);
  const priya = users.items.find((u: { email: string }) => u.email === PROJECT_MANAGER);
  const session = await (await admin.request.get(`${server.url}/api/v1/auth/session`)).json();
  expect(session.actions).toContain('change.approve');
  const units = (await api('GET', '/org-units')).items as { id: string; name: string }[];
  const unit = units.find((u) => u.name === 'Digital & Technology PMO');
  expect(unit).toBeDefined();
  const mine = (
    await api(
      'GET',
      `/projects?managerId=${priya.id}&orgUnitId=${unit?.id}&status=approved,active&pageSize=100`,
    )
  ).items as ProjectRef[];
  const all = (await api('GET', '/projects?status=approved,active&pageSize=200')).items as ProjectRef[];
  const pick = mine.find(
    (p) =>
      p.portfolioId &&
      p.budgetMinor !== null &&
      p.plannedFinish &&
      all.some((q) => q.id !== p.id && q.portfolioId === p.portfolioId),
  );
  expect(pick, 'a running project of Priya’s in a portfolio').toBeDefined();
  own = pick as ProjectRef;
  sibling = all.find((q) => q.id !== own.id && q.portfolioId === own.portfolioId) as ProjectRef;
  const portfolios = (await api('GET', '/portfolios')).items as { id: string; name: string }[];
  portfolioName = portfolios.find((p) => p.id === own.portfolioId)?.name ?? '';
  expect(portfolioName).not.toBe('');
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

describe('Baton RAID and change control', () => {
  let pm: Page;
  let director: Page;

  beforeAll(async () => {
    pm = await newPage();
    await signIn(pm, PROJECT_MANAGER);
    director = await newPage();
    await signIn(director, DIRECTOR);
  });

  it('the project manager raises a risk on their project and sees its score and level', async () => {
    await pm.goto(`${server.url}/projects/${own.id}?tab=raid`);
    await pm.getByRole('tab', { name: 'RAID', selected: true }).waitFor();
    await pm.getByRole('heading', { name: 'Risks' }).waitFor();
    await expectNoSeriousA11yViolations(pm, 'project RAID tab');
    await pm.getByRole('button', { name: 'New risk' }).click();
    const dialog = pm.getByRole('dialog', { name: 'New risk' });
    // Nothing is raised without a title and both ratings.
    await dialog.getByRole('button', { name: 'Raise risk' }).click();
    await dialog.getByText('Give the risk a title.').waitFor();
    await dialog.getByLabel('Title').fill(RISK);
    await dialog.getByLabel('Probability').selectOption('4');
    await dialog.getByLabel('Impact').selectOption('3');
    // The score and level show as the ratings are chosen, labelled with the matrix's words.
    await expect(dialog.getByLabel('Probability').locator('option:checked').textContent()).resolves.toBe(
      '4 · Likely',
    );
    const live = dialog.locator('output');
    await expect.poll(async () => live.textContent()).toContain('4 × 3 = 12');
    await expect(live.textContent()).resolves.toContain('High');
    await expectNoSeriousA11yViolations(pm, 'new risk dialog');
    await shoot(pm, 'raid-new-risk');
    await dialog.getByRole('button', { name: 'Raise risk' }).click();
    await pm.getByText(/^Risk raised: RSK-\d+$/).waitFor();
    const row = pm.getByRole('row').filter({ hasText: RISK });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/12\s*High/);

    // In the central register, the heat map's cell filters the list, and the filter is in the URL.
    await pm.goto(`${server.url}/risks`);
    const cell = pm.getByRole('button', {
      name: /open risks? at probability 4 · Likely, impact 3 · Moderate/,
    });
    await cell.waitFor();
    await expect(cell.textContent()).resolves.toMatch(/^\d+\s*High/);
    await cell.click();
    await pm.waitForURL((url) => url.searchParams.get('p') === '4' && url.searchParams.get('i') === '3');
    await expect.poll(async () => cell.getAttribute('aria-pressed')).toBe('true');
    await pm.getByRole('link', { name: RISK }).waitFor();
    await pm
      .getByText(/rated probability 4 · Likely × impact 3 · Moderate/)
      .first()
      .waitFor();
    await pm.getByText('Show the figures as a table').click();
    await pm.getByRole('table', { name: 'Open risks by level per week' }).waitFor();
    await shoot(pm, 'raid-register');
    await expectNoSeriousA11yViolations(pm, 'risk register');

    // The risk's own page: re-rate, add a mitigation action, mark it reviewed.
    await pm.getByRole('link', { name: RISK }).click();
    await pm.getByRole('heading', { level: 1, name: new RegExp(RISK.replace(/[()]/g, '\\$&')) }).waitFor();
    await pm.getByLabel('Impact', { exact: true }).selectOption('2');
    await pm.getByLabel('Response', { exact: true }).selectOption('mitigate');
    await pm.getByRole('button', { name: 'Add an action' }).click();
    await pm.getByLabel('Action 1', { exact: true }).fill('Agree a higher rate limit with the vendor');
    await pm.getByRole('button', { name: 'Save changes' }).click();
    await pm.getByText('Risk saved').waitFor();
    await pm
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /8\s*Medium/ })
      .waitFor();
    await pm.getByRole('button', { name: 'Mark reviewed' }).click();
    await pm.getByText('Marked reviewed').waitFor();
    await pm.getByText(/Last reviewed/).waitFor();
    await shoot(pm, 'raid-risk-detail');
    await expectNoSeriousA11yViolations(pm, 'risk detail');
  });

  it('the director shares a risk at a portfolio with two projects; it shows in their RAID logs', async () => {
    await director.goto(`${server.url}/risks`);
    await director.getByRole('button', { name: 'New risk' }).first().click();
    const dialog = director.getByRole('dialog', { name: 'New risk' });
    await dialog.getByRole('radio', { name: /Shared at a portfolio/ }).check();
    await dialog.getByLabel('Portfolio', { exact: true }).selectOption({ label: portfolioName });
    await dialog.getByLabel('Title').fill(SHARED_RISK);
    await dialog.getByRole('checkbox', { name: new RegExp(`^${own.code} `) }).check();
    await dialog.getByRole('checkbox', { name: new RegExp(`^${sibling.code} `) }).check();
    await dialog.getByLabel('Probability').selectOption('3');
    await dialog.getByLabel('Impact').selectOption('3');
    await expect.poll(async () => dialog.locator('output').textContent()).toContain('3 × 3 = 9');
    await expectNoSeriousA11yViolations(director, 'new shared risk dialog');
    await dialog.getByRole('button', { name: 'Raise risk' }).click();
    await director.getByText(/^Risk raised: RSK-\d+$/).waitFor();
    const row = director.getByRole('row').filter({ hasText: SHARED_RISK });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(portfolioName);
    await expect(row.textContent()).resolves.toContain(own.code);

    await director.goto(`${server.url}/projects/${sibling.id}?tab=raid`);
    const shared = director.getByRole('row').filter({ hasText: SHARED_RISK });
    await shared.waitFor();
    await expect(shared.textContent()).resolves.toContain('Shared');
    await expect(shared.textContent()).resolves.toContain(portfolioName);
    await shoot(director, 'raid-project-shared-risk');
    await expectNoSeriousA11yViolations(director, 'project RAID tab with a shared risk');
  });

  it('the project manager escalates an issue; the director sees it under escalated issues', async () => {
    await pm.goto(`${server.url}/projects/${own.id}?tab=raid`);
    await pm.getByRole('button', { name: 'Log an issue' }).click();
    const dialog = pm.getByRole('dialog', { name: 'Log an issue' });
    await dialog.getByLabel('Title').fill(ISSUE);
    await dialog.getByLabel('Priority').selectOption('high');
    await dialog.getByRole('button', { name: 'Log issue' }).click();
    await pm.getByText(/^Issue logged: ISS-\d+$/).waitFor();
    const escalate = pm.getByRole('button', {
      name: new RegExp(`^Escalate ISS-\\d+ ${ISSUE.replace(/[()]/g, '\\$&')}`),
    });
    await escalate.click();
    const escalation = pm.getByRole('dialog', { name: /^Escalate ISS-/ });
    // The reason is required.
    await escalation.getByRole('button', { name: 'Escalate to the portfolio' }).click();
    await escalation.getByText('Say why the portfolio needs to act.').waitFor();
    await escalation.getByRole('textbox', { name: 'Reason' }).fill(REASON);
    await expectNoSeriousA11yViolations(pm, 'escalate dialog');
    await escalation.getByRole('button', { name: 'Escalate to the portfolio' }).click();
    await pm.getByText(/^ISS-\d+ escalated$/).waitFor();

    await director.goto(`${server.url}/issues`);
    await director.getByRole('tab', { name: 'Escalated to portfolios', selected: true }).waitFor();
    const row = director.getByRole('row').filter({ hasText: ISSUE });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(REASON);
    await expect(row.textContent()).resolves.toContain('Escalated');
    await shoot(director, 'raid-escalated-issues');
    await expectNoSeriousA11yViolations(director, 'escalated issues');
  });

  it('a change over the thresholds goes to the change board: the director approves and it re-baselines', async () => {
    await pm.goto(`${server.url}/projects/${own.id}?tab=changes`);
    await pm.getByRole('button', { name: 'Submit a change' }).click();
    const dialog = pm.getByRole('dialog', { name: 'Submit a change request' });
    await dialog.getByLabel('Title').fill(CHANGE);
    await dialog.getByLabel(/^Cost impact/).fill('50000');
    await dialog.getByLabel(/^Schedule impact/).fill('20');
    await dialog.getByLabel('Scope impact').fill('Streaming for three source systems.');
    // Routed live from the PMO's thresholds.
    await expect.poll(async () => dialog.locator('output').textContent()).toContain('Change board');
    await expectNoSeriousA11yViolations(pm, 'submit change dialog');
    await dialog.getByRole('button', { name: 'Submit change request' }).click();
    await pm.getByText(/^Change request submitted: CR-\d+$/).waitFor();
    const row = pm.getByRole('row').filter({ hasText: CHANGE });
    await row.waitFor();
    const code = ((await row.locator('td').first().textContent()) ?? '').trim();
    expect(code).toMatch(/^CR-\d+$/);
    await expect(row.textContent()).resolves.toContain('For the change board');
    // The project manager has no way to decide it, and the API refuses.
    await expect(pm.getByRole('button', { name: new RegExp(`^Decide on ${code} `) }).count()).resolves.toBe(
      0,
    );
    const pmApi = await apiOf(pm);
    const change = (await pmApi('GET', `/change-requests?projectId=${own.id}&status=submitted`)).items.find(
      (c: { code: string }) => c.code === code,
    );
    expect(change.mayDecide).toBe(false);
    await expect(
      statusOf(pm, 'POST', `/change-requests/${change.id}/decision`, { decision: 'approve', reason: 'Mine' }),
    ).resolves.toBe(403);
    await shoot(pm, 'raid-project-changes');
    await expectNoSeriousA11yViolations(pm, 'project changes tab');
    await pm.goto(`${server.url}/change-requests`);
    await pm.getByRole('row').filter({ hasText: CHANGE }).waitFor();
    await expect(pm.getByRole('button', { name: new RegExp(`^Decide on ${code} `) }).count()).resolves.toBe(
      0,
    );

    const directorApi = await apiOf(director);
    const before = await directorApi('GET', `/projects/${own.id}`);
    await director.goto(`${server.url}/change-requests`);
    await director.getByRole('tab', { name: 'Waiting for a decision', selected: true }).waitFor();
    await expectNoSeriousA11yViolations(director, 'change board queue');
    await director.getByRole('button', { name: new RegExp(`^Decide on ${code} `) }).click();
    const decide = director.getByRole('dialog', { name: `Decide on ${code}` });
    await decide.getByText('+€50,000').waitFor();
    await decide.getByText('+20 days').waitFor();
    await decide.getByRole('button', { name: 'Record decision' }).click();
    await decide.getByText('Choose approve or reject.').waitFor();
    await decide.getByRole('radio', { name: /^Approve/ }).check();
    await decide
      .getByRole('textbox', { name: 'Reason' })
      .fill('Needed for the real-time use cases; funded from contingency.');
    await expectNoSeriousA11yViolations(director, 'decide dialog');
    await decide.getByRole('button', { name: 'Approve and re-baseline' }).click();

    // The dialog shows what approving re-baselined: budget and planned finish, before and after.
    const result = director.getByRole('dialog', { name: `${code} approved` });
    const table = result.getByRole('table', { name: 'What was re-baselined' });
    await table.waitFor();
    const budget = table.getByRole('row').filter({ hasText: 'Budget' }).locator('td');
    const finish = table.getByRole('row').filter({ hasText: 'Planned finish' }).locator('td');
    const [budgetBefore, , budgetAfter] = await budget.allTextContents();
    const [finishBefore, , finishAfter] = await finish.allTextContents();
    expect(budgetBefore).toMatch(/^€[\d,]+/);
    expect(budgetAfter).not.toBe(budgetBefore);
    expect(finishAfter).not.toBe(finishBefore);
    await shoot(director, 'raid-change-approved');
    await expectNoSeriousA11yViolations(director, 're-baseline result');
    const after = await directorApi('GET', `/projects/${own.id}`);
    expect(after.budgetMinor - before.budgetMinor).toBe(50_000 * 100);
    expect((Date.parse(after.plannedFinish) - Date.parse(before.plannedFinish)) / 86_400_000).toBe(20);
    await result.getByRole('button', { name: 'Done' }).click();

    await director.getByRole('tab', { name: 'Decided' }).click();
    await director.waitForURL((url) => url.searchParams.get('view') === 'decided');
    const decided = director.getByRole('row').filter({ hasText: CHANGE });
    await decided.waitFor();
    await expect(decided.textContent()).resolves.toContain('Approved');
    await expect(decided.textContent()).resolves.toMatch(/Budget €[\d,.]+ → €[\d,.]+/);
    await shoot(director, 'raid-changes-decided');
    await expectNoSeriousA11yViolations(director, 'decided changes');
  });

  it('the PMO director configures the risk matrix and change thresholds', async () => {
    await director.goto(`${server.url}/governance/settings`);
    await director.getByRole('heading', { name: 'Risk matrix' }).waitFor();
    await director.getByLabel('High from score').fill('10');
    // The preview follows the thresholds: score 10 (2 × 5) is now high.
    await director
      .getByRole('cell', { name: /^10\s*H/ })
      .first()
      .waitFor();
    await director.getByRole('button', { name: 'Save risk matrix' }).click();
    await director.getByText('Risk matrix saved').waitFor();
    await director.getByLabel('Project manager’s cost limit').fill('15000');
    await director.getByRole('button', { name: 'Save thresholds' }).click();
    await director.getByText('Change thresholds saved').waitFor();
    await shoot(director, 'raid-governance-settings');
    await expectNoSeriousA11yViolations(director, 'governance settings');
    // The project manager has no such page.
    await expect(pm.getByRole('link', { name: 'Governance settings' }).count()).resolves.toBe(0);
  });
});
