import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/browser.ts';
import { ARTIFACTS, browserSuite } from './support/suite.ts';

const { url, newPage, signIn, apiOf, shot } = browserSuite('governance');

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
      const r = await director.request.get(`${url()}/api/v1/projects/${p.id}/lifecycle`);
      if (
        r.status() === 404 &&
        (await api('GET', `/projects/${p.id}/operating-model`)).model === 'controlling'
      ) {
        target = p;
        break;
      }
    }
    expect(target, 'a running project under a controlling PMO, without a lifecycle').toBeDefined();
    const project = target as { id: string; name: string };
    await director.goto(`${url()}/projects/${project.id}?tab=lifecycle`);
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
    // Under the controlling model the compliance rules the project fails block the gate too: the
    // PMO (the director) waives each with a reason.
    for (;;) {
      const waive = director.getByRole('button', { name: /^Waive / });
      if ((await waive.count()) === 0) break;
      await waive.first().click();
      const dialog = director.getByRole('dialog', { name: 'Waive a gate item' });
      await dialog.getByLabel('Reason').fill('Accepted by the PMO for this gate.');
      const before = await waive.count();
      await dialog.getByRole('button', { name: 'Waive' }).click();
      await expect.poll(async () => waive.count()).toBeLessThan(before);
    }
    await expect.poll(async () => submit.isDisabled()).toBe(false);
    await submit.click();
    await director
      .getByText(/open high risks?/i)
      .first()
      .waitFor();

    // The gate waits in the reviewers' queue.
    await director.goto(`${url()}/gate-reviews`);
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

    // The same project goes on: a risk shared at its portfolio is raised; it materialises as an issue
    // that is escalated to the portfolio; a change over the thresholds is approved and re-baselines.
    const detail = await api('GET', `/projects/${project.id}`);
    expect(detail.portfolioId, 'the project sits in a portfolio').toBeTruthy();
    const shared = await api('POST', '/risks', {
      portfolioId: detail.portfolioId,
      projectIds: [project.id],
      title: 'Shared integration team overbooked (chain)',
      probability: 4,
      impact: 4,
    });
    expect(shared).toMatchObject({ score: 16, level: 'high' });
    const issue = await api('POST', '/issues', {
      projectId: project.id,
      title: 'Integration work slipping (chain)',
      priority: 'high',
      riskId: shared.id,
    });
    await api('POST', `/issues/${issue.id}/escalation`, {
      version: issue.version,
      reason: 'The portfolio must rebalance the integration team.',
    });
    await director.goto(`${url()}/projects/${project.id}?tab=raid`);
    const sharedRow = director
      .getByRole('row')
      .filter({ hasText: 'Shared integration team overbooked (chain)' });
    await sharedRow.waitFor();
    await expect(sharedRow.textContent()).resolves.toContain('Shared');
    await director.goto(`${url()}/issues`);
    await director.getByRole('row').filter({ hasText: 'Integration work slipping (chain)' }).waitFor();

    const change = await api('POST', '/change-requests', {
      projectId: project.id,
      title: 'Add a second integration team (chain)',
      costImpact: 60000,
      scheduleImpactDays: 15,
    });
    expect(change.status).toBe('submitted');
    const before = await api('GET', `/projects/${project.id}`);
    await director.goto(`${url()}/change-requests`);
    await director.getByRole('button', { name: new RegExp(`^Decide on ${change.code} `) }).click();
    const decide = director.getByRole('dialog', { name: `Decide on ${change.code}` });
    await decide.getByRole('radio', { name: /^Approve/ }).check();
    await decide.getByRole('textbox', { name: 'Reason' }).fill('Cheaper than the delay.');
    await decide.getByRole('button', { name: 'Approve and re-baseline' }).click();
    await director
      .getByRole('dialog', { name: `${change.code} approved` })
      .getByRole('table', { name: 'What was re-baselined' })
      .waitFor();
    const after = await api('GET', `/projects/${project.id}`);
    expect(after.budgetMinor - before.budgetMinor).toBe(60_000 * 100);
    expect((Date.parse(after.plannedFinish) - Date.parse(before.plannedFinish)) / 86_400_000).toBe(15);
  });

  it('shows PMO policies down the hierarchy and saves a tighter one', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    await director.goto(`${url()}/governance/policies`);
    const table = director.getByRole('table');
    await table.getByText('Enterprise PMO').first().waitFor();
    await expectNoSeriousA11yViolations(director, 'PMO policies');
    // The Digital PMO may not relax the period the enterprise PMO fixed at 30 days.
    const unit = director.getByLabel('Org unit');
    const digital = (await unit.locator('option').allTextContents()).find((o) => o.startsWith('Digital'));
    await unit.selectOption({ label: digital as string });
    await director.waitForURL(/unit=/);
    // The router renders the new unit in a transition, after the URL has changed: wait for it.
    await director.getByRole('heading', { name: /^In force at Digital/ }).waitFor();
    const days = director.getByLabel(/reviewed at least every … days: value/);
    await days.fill('45');
    await director.getByText('Enterprise PMO fixes this at 30 or stricter.').waitFor();
    await days.fill('14');
    await director.getByRole('button', { name: 'Save policy' }).click();
    await director.getByText(/Policy of Digital.* saved/).waitFor();
    await expect
      .poll(async () => director.getByRole('row').filter({ hasText: 'risk register' }).textContent())
      .toContain('14 days');
    await director.screenshot({ path: resolve(ARTIFACTS, 'governance-policies.png'), fullPage: true });
  });

  it('sets a unit’s own health rules, refusing thresholds in the wrong order, and inherits again', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    await director.goto(`${url()}/governance/health-rules`);
    await director.getByRole('heading', { name: 'In force at Enterprise PMO' }).waitFor();
    await director.getByText('Baton’s defaults', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(director, 'health rules');
    const unit = director.getByLabel('Org unit');
    const digital = (await unit.locator('option').allTextContents()).find((o) => o.startsWith('Digital'));
    await unit.selectOption({ label: digital as string });
    await director.getByRole('heading', { name: /^In force at Digital/ }).waitFor();
    // Red above amber for SPI (lower is worse) is refused before it is sent.
    const red = director.getByLabel('Schedule performance (SPI): red threshold');
    await red.fill('0.99');
    await director.getByText('red must be at or below amber').waitFor();
    const save = director.getByRole('button', { name: /^Save rules for Digital/ });
    expect(await save.isDisabled()).toBe(true);
    await red.fill('0.9');
    await director.getByLabel('Schedule performance (SPI): amber threshold').fill('0.98');
    await save.click();
    await director.getByText(/Health rules of Digital.* saved/).waitFor();
    await director.getByText(/^Set by Digital/).waitFor();
    await shot(director, 'health-rules');
    await director.getByRole('button', { name: 'Inherit from above' }).click();
    await director.getByText(/inherits its health rules again/).waitFor();
    await director.getByText('Baton’s defaults', { exact: true }).waitFor();
  });

  it('shows the methodology library and compliance', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    await director.goto(`${url()}/governance/templates`);
    await director.getByText('Predictive (stage-gate)').first().waitFor();
    await expectNoSeriousA11yViolations(director, 'lifecycle templates');
    await director.goto(`${url()}/compliance`);
    await director.getByRole('table', { name: 'Compliance of each project with each rule' }).waitFor();
    const rows = director
      .getByRole('table', { name: 'Compliance of each project with each rule' })
      .locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(director, 'compliance');
    await director.screenshot({ path: resolve(ARTIFACTS, 'governance-compliance.png'), fullPage: true });
  });
});
