import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const { url, newPage, signIn, apiOf, shot } = browserSuite('operating-model');

describe('the PMO operating model', () => {
  it('switches a unit from supportive to controlling, and a gate that only warned is blocked', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    const api = await apiOf(director);
    // A running project under a supportive unit (the demo's Operations PMO), not yet on a lifecycle.
    const projects = (await api('GET', '/projects?status=active&pageSize=100')).items as {
      id: string;
      name: string;
    }[];
    let target: { id: string; name: string; unitId: string; unitName: string } | undefined;
    for (const p of projects) {
      const model = await api('GET', `/projects/${p.id}/operating-model`);
      const lifecycle = await director.request.get(`${url()}/api/v1/projects/${p.id}/lifecycle`);
      if (model.model === 'supportive' && lifecycle.status() === 404) {
        target = { ...p, unitId: model.definedAt, unitName: model.definedAtName };
        break;
      }
    }
    expect(target, 'a running project under a supportive unit, without a lifecycle').toBeDefined();
    const project = target as NonNullable<typeof target>;

    await director.goto(`${url()}/projects/${project.id}?tab=lifecycle`);
    await director.getByText('PMO model: Supportive').waitFor();
    const picker = director.getByLabel('Lifecycle template');
    await picker.waitFor();
    await expect
      .poll(async () => (await picker.locator('option').allTextContents()).join(' | '))
      .toContain('Predictive (stage-gate)');
    const options = await picker.locator('option').allTextContents();
    await picker.selectOption({
      label: options.find((o) => o.startsWith('Predictive (stage-gate)')) as string,
    });
    await director.getByRole('button', { name: 'Apply', exact: true }).click();
    await director.getByText('Gate 1 — charter').first().waitFor();

    // Supportive: the unmet items are listed as a warning, and the gate can still be submitted.
    await director.getByText(/not met — recorded, not enforced/).waitFor();
    await director
      .getByText(/Criterion not met:/)
      .first()
      .waitFor();
    const submit = director.getByRole('button', { name: 'Submit for gate review' });
    await expect.poll(async () => submit.isDisabled()).toBe(false);
    await expectNoSeriousA11yViolations(director, 'gate under a supportive model');
    await shot(director, 'supportive-warns');

    // The PMO switches the unit to controlling on the organisation page.
    await director.goto(`${url()}/organisation`);
    await director.getByRole('button', { name: `Operating model of ${project.unitName}` }).click();
    const dialog = director.getByRole('dialog', { name: `Operating model of ${project.unitName}` });
    await dialog.getByRole('radio', { name: /^Controlling/ }).check();
    await expectNoSeriousA11yViolations(director, 'operating model dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await director.getByText(`${project.unitName} works under the controlling model`).waitFor();
    const unit = await api('GET', `/org-units/${project.unitId}`);
    expect(unit).toMatchObject({ pmoModel: 'controlling', effectivePmoModel: 'controlling' });

    // The same gate is now blocked until met or waived.
    await director.goto(`${url()}/projects/${project.id}?tab=lifecycle`);
    await director.getByText('PMO model: Controlling').waitFor();
    await director.getByText(/Blocked under the controlling model/).waitFor();
    await expect.poll(async () => submit.isDisabled()).toBe(true);
    const { version } = await api('GET', `/projects/${project.id}/lifecycle`);
    await expect(
      api('POST', `/projects/${project.id}/lifecycle/gates/initiate/submission`, { version }),
    ).rejects.toThrow(/→ 422: .*controlling/);

    // The PMO can waive an item, with its reason; it is listed as waived.
    const waive = director.getByRole('button', { name: /^Waive / }).first();
    await waive.click();
    const waiveDialog = director.getByRole('dialog', { name: 'Waive a gate item' });
    await waiveDialog.getByLabel('Reason').fill('The steering committee accepted the charter verbally.');
    await waiveDialog.getByRole('button', { name: 'Waive' }).click();
    await director.getByText('Waived by the PMO').waitFor();
    await director.getByText(/steering committee accepted the charter verbally/).waitFor();
    await expectNoSeriousA11yViolations(director, 'gate under a controlling model');
    await shot(director, 'controlling-blocks');
  });
});
