import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/browser.ts';
import { ARTIFACTS, browserSuite } from './support/suite.ts';

const { url, newPage, signIn, apiOf } = browserSuite('audits');
const TITLE = 'Benefits tracking audit (e2e)';
const FINDING = 'Benefits owner not named (e2e)';

describe('Baton audits and peer reviews', () => {
  it('schedules an audit, records a finding, has it actioned by the PM, verifies it and closes the audit', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    await director.goto(`${url()}/audits`);
    await director.getByRole('tab', { name: 'In progress', selected: true }).waitFor();
    await director.getByText('Risk and change control audit').waitFor();
    await expectNoSeriousA11yViolations(director, 'audits in progress');

    // Schedule one for the PM's project.
    const pmApi = async () => {
      const pm = await newPage();
      await signIn(pm, 'pm@baton.local');
      return pm;
    };
    // An active project the PM manages (the audited team).
    const pm = await pmApi();
    const mine = await apiOf(pm);
    const session = await mine('GET', '/auth/session');
    const projects = (await mine('GET', '/projects?status=active&pageSize=100')).items as {
      id: string;
      code: string;
      name: string;
      managerId: string | null;
    }[];
    const project = (projects.find((p) => p.managerId === session.user.id) ?? projects[0]) as {
      id: string;
      code: string;
      name: string;
    };
    await director.getByRole('button', { name: 'Schedule an audit' }).click();
    const dialog = director.getByRole('dialog', { name: 'Schedule an audit or peer review' });
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.getByText('Choose the project.').waitFor();
    await expect.poll(async () => dialog.getByLabel('Project').locator('option').count()).toBeGreaterThan(1);
    await dialog.getByLabel('Project').selectOption({ label: `${project.code} ${project.name}` });
    await dialog.getByLabel('Title').fill(TITLE);
    await dialog.getByLabel('Date').fill('2026-12-01');
    await expectNoSeriousA11yViolations(director, 'schedule dialog');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await director.waitForURL(/\/audits\/[0-9a-f-]{36}$/);
    const auditUrl = director.url();
    await director.getByRole('heading', { name: new RegExp(TITLE.replace(/[()]/g, '\\$&')) }).waitFor();
    await director.getByRole('button', { name: 'Start the audit' }).click();
    await director.getByRole('button', { name: 'Record a finding' }).click();
    const record = director.getByRole('dialog', { name: 'Record a finding' });
    await record.getByLabel('Finding').fill(FINDING);
    await record.getByLabel('Severity').selectOption('high');
    await record.getByRole('button', { name: 'Record finding' }).click();
    const row = director.getByRole('row').filter({ hasText: FINDING });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Open');
    // Closing waits for the finding.
    await director.getByLabel('Summary').fill('Benefits are tracked, but one owner is missing.');
    await director.getByRole('button', { name: 'Report' }).click();
    await expect
      .poll(async () => director.getByRole('button', { name: 'Close the audit' }).isDisabled())
      .toBe(true);
    await director.getByText('Closing waits for 1 finding to be closed.').waitFor();
    await expectNoSeriousA11yViolations(director, 'audit with an open finding');

    // The project manager plans the corrective action and resolves it.
    await pm.goto(auditUrl);
    await pm.getByRole('button', { name: /^Plan the action for FND-/ }).click();
    const plan = pm.getByRole('dialog', { name: /^Plan the action for FND-/ });
    await plan.getByLabel('Corrective action').fill('Name the benefits owner in the business case.');
    await expect
      .poll(async () => plan.getByLabel('Action owner').locator('option').count())
      .toBeGreaterThan(1);
    await plan.getByLabel('Action owner').selectOption({ label: 'Priya Manager' });
    await plan.getByLabel('Action due').fill('2027-01-15');
    await plan.getByRole('button', { name: 'Save plan' }).click();
    const pmRow = pm.getByRole('row').filter({ hasText: FINDING });
    await expect.poll(async () => pmRow.textContent()).toContain('Action planned');
    await pmRow.getByRole('button', { name: /^Mark resolved: FND-/ }).click();
    await expect.poll(async () => pmRow.textContent()).toContain('Resolved');
    // Closing is for the auditors only.
    await expect(pmRow.getByRole('button', { name: /^Close \(verified\)/ }).count()).resolves.toBe(0);

    // The director verifies it, and the audit closes.
    await director.reload();
    const verified = director.getByRole('row').filter({ hasText: FINDING });
    await verified.getByRole('button', { name: /^Close \(verified\): FND-/ }).click();
    await expect.poll(async () => verified.textContent()).toContain('Closed');
    await director.getByRole('button', { name: 'Close the audit' }).click();
    await director.getByText('Closed', { exact: true }).first().waitFor();
    await director.screenshot({ path: resolve(ARTIFACTS, 'audit-closed.png'), fullPage: true });

    // The tracker lists the finding as closed.
    await director.goto(`${url()}/audits?view=findings`);
    const tracked = director.getByRole('row').filter({ hasText: FINDING });
    await tracked.waitFor();
    await expect(tracked.textContent()).resolves.toContain('Closed');
    await expectNoSeriousA11yViolations(director, 'corrective actions');
    await director.getByLabel('Only overdue').click();
    await director.waitForURL(/overdue=true/);
    await director.getByRole('row').filter({ hasText: 'High risks not reviewed for seven weeks' }).waitFor();
    await director.screenshot({ path: resolve(ARTIFACTS, 'audit-tracker.png'), fullPage: true });
  });
});
