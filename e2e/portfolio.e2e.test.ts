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
const TITLE = 'Chatbot for customer service (e2e)';
const PLANNED = 'Next 12 months — planned budget';
const CUT = 'Next 12 months — budget cut 30 %';

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

describe('Baton portfolio management', () => {
  let director: Page;

  beforeAll(async () => {
    director = await newPage();
    await signIn(director, DIRECTOR);
  });

  it('takes a proposal through the intake form and the board’s review', async () => {
    const pm = await newPage();
    await signIn(pm, PROJECT_MANAGER);
    await pm.goto(`${server.url}/portfolio/proposals`);
    await pm.getByRole('table').first().waitFor();
    await expectNoSeriousA11yViolations(pm, 'proposal list');
    await pm.getByRole('link', { name: 'New proposal' }).first().click();
    await pm.getByRole('heading', { name: 'New proposal' }).waitFor();
    await pm.getByLabel('Title').fill(TITLE);
    await pm.getByLabel('Earliest start').fill('2027-02');
    await pm.getByLabel('Latest start').fill('2027-05');
    // Submitting without the required question answered is refused next to the question.
    await pm.getByRole('button', { name: 'Save and submit' }).click();
    await pm
      .getByText(/required|answer/i)
      .first()
      .waitFor();
    expect(new URL(pm.url()).pathname).toBe('/portfolio/proposals/new');

    const caseGrid = pm
      .locator('fieldset, section')
      .filter({ hasText: 'Fill several months at once' })
      .first();
    await caseGrid.getByLabel('Capex / month').fill('20000');
    await caseGrid.getByLabel('Benefit / month').fill('18000');
    await caseGrid.getByRole('button', { name: /^Fill \d+ months?$/ }).click();
    const theme = pm.getByLabel('Strategic theme');
    await theme.selectOption({ index: 1 });
    await expectNoSeriousA11yViolations(pm, 'intake form');
    await pm.getByRole('button', { name: 'Save and submit' }).click();
    await pm.getByText('Proposal submitted').waitFor();
    await pm.waitForURL(/\/portfolio\/proposals\/[0-9a-f-]{36}/);
    const proposalUrl = pm.url();
    await pm.getByRole('heading', { name: TITLE }).waitFor();
    // The business case is turned into NPV, IRR and payback.
    await pm.getByText('NPV').first().waitFor();
    await shoot(pm, 'portfolio-proposal-submitted');
    // The proposer cannot decide on their own proposal.
    await expect(pm.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);

    await director.goto(proposalUrl);
    await director.getByRole('button', { name: 'Start review' }).click();
    await director.getByText('Review started').waitFor();
    await director.getByRole('button', { name: 'Approve' }).click();
    await director.getByText('Proposal approved').waitFor();
    await director.getByRole('tab', { name: 'History' }).click();
    await director
      .getByRole('tabpanel')
      .getByText(/approved/i)
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(director, 'proposal history');
  });

  it('weighs the objectives in pairs with the consistency ratio shown live', async () => {
    await director.goto(`${server.url}/portfolio/strategy?tab=ahp`);
    const pair = director.getByLabel(/compared with/).first();
    await pair.waitFor();
    await director.getByText('Consistency ratio CR').waitFor();
    const crCell = director
      .locator('dt', { hasText: 'Consistency ratio CR' })
      .locator('xpath=following-sibling::dd');
    const before = (await crCell.textContent()) ?? '';
    const original = await pair.inputValue();
    // Reverse the first judgement to its opposite extreme: the comparisons now contradict each other.
    await pair.selectOption('1/9');
    await director.getByText('Inconsistent — revise the comparisons').waitFor();
    await expect.poll(async () => crCell.textContent()).not.toBe(before);
    await shoot(director, 'portfolio-ahp-inconsistent');
    await expectNoSeriousA11yViolations(director, 'AHP editor');
    await pair.selectOption(original);
    await expect.poll(async () => crCell.textContent()).toBe(before);
  });

  it('shows the scoring matrix and the value × risk × cost bubble chart', async () => {
    await director.goto(`${server.url}/portfolio/scoring`);
    await director.getByRole('table').first().waitFor();
    const bubbles = director.locator('svg a[aria-label]');
    await expect.poll(async () => bubbles.count()).toBeGreaterThan(0);
    expect(await bubbles.first().getAttribute('aria-label')).toMatch(/risk/i);
    await shoot(director, 'portfolio-scoring');
    await expectNoSeriousA11yViolations(director, 'scoring');
  });

  it('records a review decision on a running project', async () => {
    await director.goto(`${server.url}/portfolio/review?show=all`);
    const decide = director.getByRole('button', { name: /^Decide on / }).first();
    await decide.waitFor();
    const label = (await decide.getAttribute('aria-label')) ?? '';
    const code = label.replace('Decide on ', '').split(' ')[0] as string;
    await decide.click();
    const dialog = director.getByRole('dialog', { name: `Decide on ${code}` });
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    // Nothing is recorded without a decision and a reason.
    await dialog.locator('.b-field__error').first().waitFor();
    await dialog.getByLabel(/^Continue/).check();
    await dialog.getByLabel('Reason').fill('On track after the re-plan; keep going.');
    await expectNoSeriousA11yViolations(director, 'review decision dialog');
    await dialog.getByRole('button', { name: 'Record: Continue' }).click();
    await director.getByText('Decision recorded: continue').waitFor();
    await director.getByText('On track after the re-plan; keep going.').first().waitFor();
    await shoot(director, 'portfolio-review');
    await expectNoSeriousA11yViolations(director, 'review');
  });

  it('optimises a scenario: the heuristic answer, then a proven optimum with its explanations', async () => {
    await director.goto(`${server.url}/portfolio/scenarios`);
    await director.getByRole('link', { name: PLANNED }).click();
    await director.getByRole('heading', { name: PLANNED }).waitFor();
    await director.getByRole('button', { name: 'Optimise', exact: true }).first().click();
    // The run is followed on the page (and in the URL, so a reload keeps following it).
    await director.getByText('Done: proven optimal').waitFor({ timeout: 60_000 });
    expect(new URL(director.url()).searchParams.get('run')).toBeTruthy();
    await expect(director.getByText('Heuristic answer').first().isVisible()).resolves.toBe(true);

    const selected = director.getByRole('table', { name: 'Selected proposals' });
    await selected.waitFor();
    expect(await selected.locator('tbody tr').count()).toBeGreaterThan(0);
    // Every candidate left out carries its reason.
    const excluded = director.getByRole('table', { name: 'Proposals left out, with the reason' });
    const reasons = await excluded.locator('tbody tr td.result-reason').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason.trim().length).toBeGreaterThan(10);
    await director.getByRole('region', { name: 'Use of budget and capacity by month' }).waitFor();
    await shoot(director, 'portfolio-scenario-answer');
    await expectNoSeriousA11yViolations(director, 'scenario answer');
  });

  it('traces the efficient frontier with 20 points', async () => {
    await director.getByRole('tab', { name: 'Efficient frontier' }).click();
    await director.getByRole('button', { name: /Trace the frontier/ }).click();
    await director.getByText('Done: 20 points').waitFor({ timeout: 90_000 });
    const points = director.getByRole('table', { name: 'Efficient frontier points' }).locator('tbody tr');
    await expect(points.count()).resolves.toBe(20);
    // The chart's points are reachable by keyboard and say what they are.
    const first = director.locator('circle.frontier__point').first();
    await first.focus();
    expect(await first.getAttribute('aria-label')).toMatch(/^Budget .+: total score [\d.]+, \d+ projects/);
    await shoot(director, 'portfolio-frontier');
    await expectNoSeriousA11yViolations(director, 'frontier');
  });

  it('edits a scenario’s inputs, and the answer is marked stale until optimised again', async () => {
    await director.goto(`${server.url}/portfolio/scenarios`);
    await director.getByRole('link', { name: CUT }).click();
    await director.getByRole('tab', { name: 'Inputs' }).click();
    await director.getByLabel('Budget', { exact: true }).fill('abc');
    await director.getByRole('button', { name: 'Save inputs' }).click();
    await director.getByText('“abc” is not an amount.').waitFor();
    await director.getByLabel('Budget', { exact: true }).fill('180000');
    await director.getByRole('button', { name: 'Save inputs' }).click();
    await director.getByText('Inputs saved').waitFor();
    await expectNoSeriousA11yViolations(director, 'scenario inputs');
    await director.getByRole('button', { name: 'Optimise', exact: true }).first().click();
    await director.getByText(/^Done: /).waitFor({ timeout: 60_000 });
  });

  it('compares two scenarios side by side', async () => {
    await director.goto(`${server.url}/portfolio/scenarios`);
    await director.getByLabel(`Compare ${PLANNED}`).check();
    await director.getByLabel(`Compare ${CUT}`).check();
    await director.getByRole('button', { name: /Compare the two chosen/ }).click();
    await director.waitForURL(/\/portfolio\/scenarios\/compare\?a=.+&b=.+/);
    await director.getByRole('heading', { name: 'Compare scenarios' }).waitFor();
    await director.locator('table').first().waitFor();
    await shoot(director, 'portfolio-compare');
    await expectNoSeriousA11yViolations(director, 'compare');
  });

  it('commits a scenario: its proposals are approved with planned starts and projects', async () => {
    await director.goto(`${server.url}/portfolio/scenarios`);
    await director.getByRole('link', { name: PLANNED }).click();
    const selected = director.getByRole('table', { name: 'Selected proposals' });
    await selected.waitFor();
    const codes = (await selected.locator('tbody tr td:first-child .mono').allTextContents()).map((c) =>
      c.trim(),
    );
    expect(codes.length).toBeGreaterThan(0);
    await director.getByRole('button', { name: 'Commit…' }).click();
    const dialog = director.getByRole('dialog', { name: `Commit “${PLANNED}”?` });
    await dialog.waitFor();
    for (const code of codes) await dialog.getByText(code).waitFor();
    await dialog.getByRole('button', { name: 'Commit scenario' }).click();
    await director.getByText('Scenario committed').waitFor();
    await director.getByRole('heading', { name: PLANNED }).getByText('Committed').waitFor();
    await shoot(director, 'portfolio-committed');

    const api = await apiOf(director);
    const proposals = (await api('GET', '/proposals?status=approved')).items as {
      code: string;
      plannedStart: string | null;
      projectId: string | null;
    }[];
    for (const code of codes) {
      const p = proposals.find((x) => x.code === code);
      expect(p, code).toBeDefined();
      expect(p?.plannedStart).toMatch(/^\d{4}-\d{2}$/);
      expect(p?.projectId).toBeTruthy();
    }
  });
});
