import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/browser.ts';
import { ARTIFACTS, browserSuite } from './support/suite.ts';

const { url, newPage, signIn, apiOf, shot } = browserSuite('standards');

const TITLE = 'Monthly risk review with the sponsor (e2e)';
const ITEM = 'Risk register walked through with the sponsor this month (e2e)';
const REASON = 'Digital runs weekly risk huddles with the product owners instead (e2e).';

type Unit = { id: string; name: string; parentId: string | null };

describe('PMO standards and the compliance checklist', () => {
  it('publishes and revises a standard, waives its item at a unit, and has a project attest it', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    const api = await apiOf(director);

    // ---- the standards in force at the enterprise PMO ----
    await director.goto(`${url()}/governance/standards`);
    await director.getByRole('heading', { name: 'In force at Enterprise PMO' }).waitFor();
    await expectNoSeriousA11yViolations(director, 'PMO standards');
    await shot(director, 'list');

    // A new standard starts as a draft, version 1.
    await director.getByRole('button', { name: 'New standard' }).click();
    const create = director.getByRole('dialog', { name: 'New standard' });
    await create.getByRole('combobox', { name: 'Kind' }).selectOption('procedure');
    await create.getByRole('textbox', { name: 'Title', exact: true }).fill(TITLE);
    await create
      .getByRole('textbox', { name: 'Text', exact: true })
      .fill('Once a month:\n- walk the register with the sponsor\n- <b>record</b> what was agreed');
    await create.getByRole('checkbox', { name: /^Overridable/ }).check();
    await expectNoSeriousA11yViolations(director, 'new standard dialog');
    await create.getByRole('button', { name: 'Create draft' }).click();
    await director.waitForURL(/\/governance\/standards\/[0-9a-f-]{36}$/);
    const v1Id = new URL(director.url()).pathname.split('/').pop() as string;
    const v1 = await api('GET', `/standards/${v1Id}`);
    expect(v1).toMatchObject({ standardVersion: 1, status: 'draft', overridable: true, kind: 'procedure' });
    const key = v1.key as string;
    await director.getByRole('heading', { name: new RegExp(TITLE.replace(/[()]/g, '\\$&')) }).waitFor();
    // The text is shown as written, never as HTML.
    await director.getByText('- <b>record</b> what was agreed', { exact: false }).waitFor();
    await expectNoSeriousA11yViolations(director, 'a draft standard');

    await director.getByRole('button', { name: 'Publish', exact: true }).click();
    await director.getByRole('button', { name: 'Revise', exact: true }).waitFor();
    expect((await api('GET', `/standards/${v1Id}`)).status).toBe('published');

    // Revising starts version 2 as a draft and opens it.
    await director.getByRole('button', { name: 'Revise', exact: true }).click();
    await director.waitForURL((url) => !url.pathname.endsWith(v1Id));
    const v2Id = new URL(director.url()).pathname.split('/').pop() as string;
    await director.getByRole('button', { name: 'Publish', exact: true }).waitFor();
    const versions = director.getByRole('list', { name: `Versions of ${key}` });
    await versions.getByRole('link', { name: 'v1' }).waitFor();
    // Someone else changes the draft meanwhile: publishing the version shown is refused, inline.
    const draft = await api('GET', `/standards/${v2Id}`);
    await api('PATCH', `/standards/${v2Id}`, { version: draft.version, title: `${TITLE} ` });
    await director.getByRole('button', { name: 'Publish', exact: true }).click();
    await director
      .getByRole('alert')
      .filter({ hasText: 'Not published' })
      .getByText(/changed by someone else/)
      .waitFor();
    await director.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = director.getByRole('dialog', { name: `Edit ${key} v2` });
    await edit
      .getByRole('textbox', { name: 'Text', exact: true })
      .fill('Once a month, and before every gate:\n- walk the register with the sponsor');
    await edit.getByRole('button', { name: 'Save draft' }).click();
    await director.getByText('and before every gate', { exact: false }).waitFor();
    await director.getByRole('button', { name: 'Publish', exact: true }).click();
    await director.getByRole('button', { name: 'Revise', exact: true }).waitFor();
    // v2 is in force; v1 is superseded.
    await expect
      .poll(async () => versions.getByRole('listitem').filter({ hasText: 'v1' }).textContent())
      .toContain('Superseded');
    await expect(versions.getByRole('listitem').filter({ hasText: 'v2' }).textContent()).resolves.toContain(
      'Published',
    );
    await expectNoSeriousA11yViolations(director, 'a published standard');
    await shot(director, 'detail');
    const v2 = await api('GET', `/standards/${v2Id}`);
    expect(v2.versions.map((v: { status: string }) => v.status).sort()).toEqual(['published', 'superseded']);

    // ---- a checklist item tied to it, at the enterprise PMO ----
    await director.goto(`${url()}/governance/checklist`);
    await director.getByRole('heading', { name: 'Checklist at Enterprise PMO' }).waitFor();
    await director.getByRole('button', { name: 'Add item' }).click();
    const add = director.getByRole('dialog', { name: 'Add a checklist item' });
    await add.getByRole('textbox', { name: 'What the project attests' }).fill(ITEM);
    const standardSelect = add.getByRole('combobox', { name: 'Standard' });
    await expect
      .poll(async () => (await standardSelect.locator('option').allTextContents()).join(' | '))
      .toContain(key);
    await standardSelect.selectOption(key);
    await add.getByRole('checkbox', { name: /^Overridable/ }).check();
    await add.getByRole('button', { name: 'Add item' }).click();
    const itemRow = director.getByRole('row').filter({ hasText: ITEM });
    await itemRow.waitFor();
    await expect(itemRow.textContent()).resolves.toContain(key);
    await expectNoSeriousA11yViolations(director, 'compliance checklist');

    // ---- the Digital unit waives it, then lifts the waiver ----
    const units = (await api('GET', '/org-units')).items as Unit[];
    const digital = units.find((u) => u.name.startsWith('Digital')) as Unit;
    expect(digital, 'the Digital unit of the demo').toBeDefined();
    const picker = director.getByRole('combobox', { name: 'Org unit' });
    const digitalLabel = (await picker.locator('option').allTextContents()).find((o) =>
      o.startsWith('Digital'),
    );
    await picker.selectOption({ label: digitalLabel as string });
    await director.waitForURL(/unit=/);
    // The router renders the new unit in a transition, after the URL has changed: wait for it.
    await director.getByRole('heading', { name: `Checklist at ${digital.name}` }).waitFor();
    const digitalRow = director.getByRole('row').filter({ hasText: ITEM });
    await expect(digitalRow.textContent()).resolves.toContain('inherited');
    await digitalRow.getByRole('button', { name: /^Waive for this unit/ }).click();
    const waive = director.getByRole('dialog', { name: `Waive for ${digital.name}` });
    await waive.getByRole('textbox', { name: 'Reason' }).fill(REASON);
    await expectNoSeriousA11yViolations(director, 'waive dialog');
    await waive.getByRole('button', { name: 'Waive', exact: true }).click();
    await digitalRow.getByRole('button', { name: /^Lift waiver/ }).waitFor();
    await expect(digitalRow.textContent()).resolves.toContain(REASON);
    await expectNoSeriousA11yViolations(director, 'checklist with a waiver');
    await shot(director, 'checklist-waived');

    // While waived, the projects of the unit's subtree do not attest it.
    const beneath = new Set([digital.id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const u of units)
        if (u.parentId && beneath.has(u.parentId) && !beneath.has(u.id)) {
          beneath.add(u.id);
          grew = true;
        }
    }
    const running = (await api('GET', '/projects?status=active&pageSize=100')).items as {
      id: string;
      name: string;
      orgUnitId: string;
    }[];
    const project = running.find((p) => beneath.has(p.orgUnitId));
    expect(project, 'an active project beneath the Digital unit').toBeDefined();
    const projectId = (project as { id: string }).id;
    const waived = await api('GET', `/projects/${projectId}/compliance-checks`);
    expect(waived.items.map((c: { text: string }) => c.text)).not.toContain(ITEM);

    await digitalRow.getByRole('button', { name: /^Lift waiver/ }).click();
    await digitalRow.getByRole('button', { name: /^Waive for this unit/ }).waitFor();
    await expect(digitalRow.textContent()).resolves.not.toContain(REASON);

    // ---- the project manager attests it on the project's Compliance tab ----
    const pm = await newPage();
    await signIn(pm, 'pm@baton.local');
    await pm.goto(`${url()}/projects/${projectId}?tab=compliance`);
    await pm.getByRole('heading', { name: 'PMO checklist' }).waitFor();
    const rules = pm.getByRole('table', { name: 'The project’s result for each compliance rule' });
    const checklistRule = rules.getByRole('row').filter({ hasText: 'PMO checklist' });
    await checklistRule.waitFor();
    const ruleBefore = await checklistRule.textContent();
    const scoreBefore = (await api('GET', `/projects/${projectId}/compliance`)).project;
    const check = pm.getByRole('listitem').filter({ hasText: ITEM });
    await expect(check.textContent()).resolves.toContain('Not attested');
    await expectNoSeriousA11yViolations(pm, 'project compliance');
    await check.getByRole('button', { name: /^Attest/ }).click();
    const attest = pm.getByRole('dialog', { name: 'Attest a checklist item' });
    await attest.getByRole('radio', { name: 'Met', exact: true }).check();
    await attest.getByRole('textbox', { name: 'Note' }).fill('Walked through with Sam on the 3rd.');
    await expectNoSeriousA11yViolations(pm, 'attest dialog');
    await attest.getByRole('button', { name: 'Save attestation' }).click();
    await check.getByText('Walked through with Sam on the 3rd.').waitFor();
    await expect(check.textContent()).resolves.toContain('Met');
    await expect(check.textContent()).resolves.toContain('Priya Manager');
    // The checklist rule and the score follow.
    await expect.poll(async () => checklistRule.textContent()).not.toBe(ruleBefore);
    const scoreAfter = (await api('GET', `/projects/${projectId}/compliance`)).project;
    const checklist = (p: { results: { rule: string; detail: string }[] }) =>
      p.results.find((r) => r.rule === 'checklist')?.detail;
    expect(checklist(scoreAfter)).not.toBe(checklist(scoreBefore));
    expect(scoreAfter.score).toBeGreaterThanOrEqual(scoreBefore.score);
    await pm.getByText(`${scoreAfter.score} %`, { exact: true }).waitFor();
    await shot(pm, 'project-compliance');

    // The compliance report shows the checklist as one more rule.
    await director.goto(`${url()}/compliance`);
    const report = director.getByRole('table', { name: 'Compliance of each project with each rule' });
    await report.getByRole('columnheader', { name: /checklist/i }).waitFor();
    const scroller = director.getByRole('region', { name: 'Compliance by project and rule' });
    await scroller.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    await scroller.screenshot({ path: resolve(ARTIFACTS, 'standards-compliance-report.png') });
  });

  it('lets a unit replace an overridable standard from above, and retires it', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    const api = await apiOf(director);
    const above = await api('POST', '/standards', {
      kind: 'guideline',
      title: 'Status reports every fortnight (e2e)',
      body: 'Send the status report every other Friday.',
      overridable: true,
    });
    await api('POST', `/standards/${above.id}/publish`, { version: above.version });
    const units = (await api('GET', '/org-units')).items as Unit[];
    const digital = units.find((u) => u.name.startsWith('Digital')) as Unit;

    await director.goto(`${url()}/governance/standards?unit=${digital.id}`);
    await director.getByRole('heading', { name: `In force at ${digital.name}` }).waitFor();
    const inherited = director.getByRole('row').filter({ hasText: 'Status reports every fortnight (e2e)' });
    await expect(inherited.textContent()).resolves.toContain('inherited');
    await director.getByRole('button', { name: 'New standard' }).click();
    const create = director.getByRole('dialog', { name: 'New standard' });
    await create
      .getByRole('textbox', { name: 'Title', exact: true })
      .fill('Weekly status in the sprint review (e2e)');
    const replaces = create.getByRole('combobox', { name: 'Replaces' });
    await expect
      .poll(async () => (await replaces.locator('option').allTextContents()).join(' | '))
      .toContain(above.key);
    await replaces.selectOption(above.key);
    await create.getByRole('button', { name: 'Create draft' }).click();
    await director.getByRole('button', { name: 'Publish', exact: true }).click();
    await director.getByRole('button', { name: 'Retire', exact: true }).waitFor();
    await director.getByText(`${above.key} Status reports every fortnight (e2e)`).first().waitFor();

    // At the Digital unit the replacement is in force, and the standard from above is listed as replaced.
    await director.goto(`${url()}/governance/standards?unit=${digital.id}`);
    const replaced = director.getByRole('region', { name: 'Replaced standards' });
    await replaced.getByRole('row').filter({ hasText: above.key }).waitFor();
    await expect(replaced.textContent()).resolves.toContain('Weekly status in the sprint review (e2e)');
    await expect(
      director
        .getByRole('region', { name: `Standards in force at ${digital.name}` })
        .getByRole('link', { name: above.key, exact: true })
        .count(),
    ).resolves.toBe(0);
    await expectNoSeriousA11yViolations(director, 'standards with a replacement');
    await shot(director, 'replaced');

    // Retiring the replacement puts the standard from above back in force beneath Digital.
    await director
      .getByRole('region', { name: `Standards in force at ${digital.name}` })
      .getByRole('link', { name: 'Weekly status in the sprint review (e2e)' })
      .click();
    await director.getByRole('button', { name: 'Retire', exact: true }).click();
    const confirm = director.getByRole('dialog', { name: /^Retire STD-\d+ v1\?$/ });
    await expectNoSeriousA11yViolations(director, 'retire dialog');
    await confirm.getByRole('button', { name: 'Retire', exact: true }).click();
    await director.getByText('This standard is no longer in force anywhere.').waitFor();
    await expect(director.getByRole('button', { name: 'Revise', exact: true }).count()).resolves.toBe(0);
    const atDigital = await api('GET', `/standards?orgUnitId=${digital.id}`);
    expect(atDigital.inForce.map((x: { key: string }) => x.key)).toContain(above.key);
  });

  it('shows the project manager the standards read-only', async () => {
    const pm = await newPage();
    await signIn(pm, 'pm@baton.local');
    await pm.goto(`${url()}/governance/standards`);
    await pm.getByRole('heading', { name: 'In force at Enterprise PMO' }).waitFor();
    await expect(pm.getByRole('button', { name: 'New standard' }).count()).resolves.toBe(0);
    await pm.goto(`${url()}/governance/checklist`);
    await pm.getByRole('heading', { name: 'Checklist at Enterprise PMO' }).waitFor();
    await expect(pm.getByRole('button', { name: 'Add item' }).count()).resolves.toBe(0);
  });
});
