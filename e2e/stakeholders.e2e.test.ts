import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const { url, newPage, signIn, apiOf, shot } = browserSuite('stakeholders');

describe('stakeholders, communications and configuration', () => {
  it('registers a stakeholder whose quadrant follows influence and interest, shared across projects', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    const api = await apiOf(director);
    await director.goto(`${url()}/stakeholders`);
    await director.getByRole('heading', { name: 'Stakeholders', level: 1 }).waitFor();
    await director.getByRole('button', { name: /Register stakeholder/ }).click();
    const dialog = director.getByRole('dialog', { name: 'Register a stakeholder' });
    await dialog.getByLabel('Name').fill('Harbour Authority (e2e)');
    await dialog.getByLabel('Influence').selectOption('5');
    await dialog.getByLabel('Interest').selectOption('2');
    await dialog.getByText('Keep satisfied').waitFor();
    await expectNoSeriousA11yViolations(director, 'stakeholder dialog');
    await dialog.getByRole('button', { name: 'Register stakeholder' }).click();
    await director.getByRole('row').filter({ hasText: 'Harbour Authority (e2e)' }).waitFor();
    const listed = (await api('GET', '/stakeholders?q=Harbour')).items as {
      name: string;
      quadrant: string;
    }[];
    expect(listed.find((s) => s.name === 'Harbour Authority (e2e)')?.quadrant).toBe('keep_satisfied');
    await expectNoSeriousA11yViolations(director, 'stakeholder register');
    await director.getByRole('tab', { name: 'Power/interest grid' }).click();
    await expectNoSeriousA11yViolations(director, 'power/interest grid');
    await shot(director, 'grid');
  });

  it('shows the communications calendar across projects and each project’s plan, configuration and audit', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    const api = await apiOf(director);
    await director.goto(`${url()}/communications`);
    await director.getByRole('heading', { name: 'Communications', level: 1 }).waitFor();
    await director.locator('table tbody tr').first().waitFor();
    await expectNoSeriousA11yViolations(director, 'communications calendar');
    await shot(director, 'communications');

    const items = (await api('GET', '/communication-items')).items as { projectId: string | null }[];
    const planned = items.find((i) => i.projectId)?.projectId as string;
    expect(planned, 'a demo project with a communication plan').toBeTruthy();
    await director.goto(`${url()}/projects/${planned}?tab=communications`);
    await director.getByRole('tabpanel').locator('table tbody tr').first().waitFor();
    await expectNoSeriousA11yViolations(director, 'project communications tab');

    await director.goto(`${url()}/configuration`);
    await director.getByRole('heading', { name: 'Configuration', level: 1 }).waitFor();
    await director.locator('table tbody tr').first().waitFor();
    await expectNoSeriousA11yViolations(director, 'configuration audit across projects');
    await shot(director, 'configuration');
  });
});
