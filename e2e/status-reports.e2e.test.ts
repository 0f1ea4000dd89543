import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const { url, newPage, signIn, apiOf, shot } = browserSuite('status-reports');

type Unit = { id: string; name: string; parentId: string | null };
type Rag = 'green' | 'amber' | 'red';
type Report = {
  id: string;
  status: string;
  computed: { overall: Rag; dimensions: Record<string, { rag: Rag }> } | null;
  mismatches: { dimension: string; reported: Rag; computed: Rag }[];
};

const DIMENSIONS = ['Overall', 'Schedule', 'Cost', 'Scope', 'Risk', 'Resources'];
const SUMMARY = 'Build on plan; the data migration rehearsal passed on the 12th (e2e).';
const RETURN_COMMENT = 'Say why schedule is green while the milestones slip (e2e).';
const PERIOD = (() => {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
})();
/** The period as the en-GB browser names it: "March 2026". */
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
  new Date(`${PERIOD}-01T00:00:00Z`),
);

describe('status reports', () => {
  it('is written and submitted by the PM, returned and accepted by the PMO', async () => {
    const pm = await newPage();
    await signIn(pm, 'pm@baton.local');
    const pmApi = await apiOf(pm);

    // An active project of the PM's unit (Digital) without a report for this month.
    const units = (await pmApi('GET', '/org-units')).items as Unit[];
    const digital = units.find((u) => u.name.startsWith('Digital')) as Unit;
    const beneath = new Set([digital.id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const u of units)
        if (u.parentId && beneath.has(u.parentId) && !beneath.has(u.id)) {
          beneath.add(u.id);
          grew = true;
        }
    }
    const active = (
      (await pmApi('GET', '/projects?status=active&pageSize=100')).items as {
        id: string;
        code: string;
        name: string;
        orgUnitId: string;
      }[]
    ).filter((p) => beneath.has(p.orgUnitId));
    let project: (typeof active)[number] | undefined;
    for (const p of active) {
      const existing = await pmApi('GET', `/status-reports?projectId=${p.id}&period=${PERIOD}`);
      if (existing.total === 0) {
        project = p;
        break;
      }
    }
    expect(project, `an active Digital project without a report for ${PERIOD}`).toBeDefined();
    const { id: projectId, code } = project as (typeof active)[number];

    // ---- the project's Status tab ----
    await pm.goto(`${url()}/projects/${projectId}?tab=status`);
    await pm.getByRole('heading', { name: 'Status reports' }).waitFor();
    const period = pm.getByLabel('Period', { exact: true });
    await expect(period.inputValue()).resolves.toBe(PERIOD);
    await expectNoSeriousA11yViolations(pm, 'project Status tab');
    await shot(pm, 'project-tab');
    await pm.getByRole('button', { name: 'New report' }).click();
    await pm.waitForURL(/\/status-reports\/[0-9a-f-]{36}$/);
    const reportId = new URL(pm.url()).pathname.split('/').pop() as string;

    // ---- the draft, with Baton's computed health pre-filled ----
    await pm.getByRole('heading', { name: 'Computed health' }).waitFor();
    const draft = (await pmApi('GET', `/status-reports/${reportId}`)) as Report;
    expect(draft.status).toBe('draft');
    expect(draft.computed, 'the computed health of the new draft').not.toBeNull();
    const computed = draft.computed as NonNullable<Report['computed']>;
    const health = pm.getByRole('list', { name: 'Computed health per dimension' });
    for (const [dimension, h] of Object.entries(computed.dimensions)) {
      const label = dimension.charAt(0).toUpperCase() + dimension.slice(1);
      await expect(
        health
          .getByRole('listitem')
          .filter({ hasText: new RegExp(`^${label}`) })
          .first()
          .textContent(),
      ).resolves.toContain(h.rag.charAt(0).toUpperCase() + h.rag.slice(1));
    }
    await pm.getByRole('heading', { name: 'Figures' }).waitFor();
    await expectNoSeriousA11yViolations(pm, 'a draft status report');

    // Submitting it empty: every missing field is named, at the field.
    await pm.getByRole('button', { name: 'Submit to the PMO' }).click();
    const problems = pm.getByRole('alert').filter({ hasText: 'Not submitted' });
    await problems.waitFor();
    await expect(problems.getByRole('listitem').count()).resolves.toBe(7);
    const summary = pm.getByRole('textbox', { name: 'Summary' });
    await expect(summary.getAttribute('aria-invalid')).resolves.toBe('true');
    await pm.getByText('Write the summary of the period.').first().waitFor();
    for (const d of DIMENSIONS) {
      const group = pm.getByRole('group', { name: d, exact: true });
      await expect(group.locator('.b-field__error').count()).resolves.toBe(1);
    }
    await expectNoSeriousA11yViolations(pm, 'a status report refused');
    await shot(pm, 'draft-refused');

    // Written and reported all green, then submitted.
    await summary.fill(SUMMARY);
    await pm
      .getByRole('textbox', { name: 'Accomplishments' })
      .fill('Migration rehearsal; two sprints closed.');
    await pm.getByRole('textbox', { name: 'Next steps' }).fill('Cut-over planning with operations.');
    await pm.getByRole('textbox', { name: 'Decisions needed' }).fill('None this month.');
    for (const d of DIMENSIONS)
      await pm.getByRole('group', { name: d, exact: true }).getByRole('radio', { name: 'Green' }).check();
    await pm.getByRole('button', { name: 'Submit to the PMO' }).click();
    await pm.getByRole('heading', { name: 'Reported RAG' }).waitFor();
    await pm.getByRole('heading', { level: 1 }).filter({ hasText: 'Submitted' }).waitFor();
    const submitted = (await pmApi('GET', `/status-reports/${reportId}`)) as Report;
    expect(submitted.status).toBe('submitted');
    const banner = pm.getByRole('region', { name: 'Reported better than the figures' });
    if (submitted.mismatches.length > 0) {
      // Reported green everywhere: wherever Baton says amber or red, the banner says so.
      await banner.waitFor();
      for (const m of submitted.mismatches)
        await banner.getByText(`Reported green — the figures say ${m.computed}`).first().waitFor();
    } else {
      expect(Object.values(submitted.computed?.dimensions ?? {}).every((d) => d.rag === 'green')).toBe(true);
      await expect(banner.count()).resolves.toBe(0);
    }
    await expect(pm.getByRole('button', { name: 'Submit to the PMO' }).count()).resolves.toBe(0);
    await pm.getByText(SUMMARY).waitFor();
    await expectNoSeriousA11yViolations(pm, 'a submitted status report');
    await shot(pm, 'submitted');

    // ---- the PMO's overview ----
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    // It opens on the newest month already due, with the demo's reports.
    await director.goto(`${url()}/reporting/status`);
    const due = await (await apiOf(director))('GET', '/reporting/overview');
    const dueMonth = new Intl.DateTimeFormat('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${due.period}-01T00:00:00Z`));
    await director.getByRole('heading', { name: `Reports for ${dueMonth}` }).waitFor();
    await expect(director.getByLabel('Period', { exact: true }).inputValue()).resolves.toBe(due.period);
    await expectNoSeriousA11yViolations(director, 'status reports overview, the month due');
    await shot(director, 'overview-due');
    // Choosing the month writes the URL; the new month renders after it.
    await director.getByLabel('Period', { exact: true }).fill(PERIOD);
    await director.waitForURL(new RegExp(`period=${PERIOD}`));
    await director.getByRole('heading', { name: `Reports for ${MONTH}` }).waitFor();
    const row = director.getByRole('row').filter({ hasText: code });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Submitted');
    await expect(row.textContent()).resolves.toContain('Green');
    await expect(director.getByRole('list', { name: /^Counts for / }).textContent()).resolves.toMatch(
      /Expected\d+/,
    );
    await expectNoSeriousA11yViolations(director, 'status reports overview');
    await shot(director, 'overview');
    if (submitted.mismatches.length > 0) {
      await director.getByRole('button', { name: /^Mismatch/ }).click();
      await director.waitForURL(/show=mismatch/);
      await expect(row.textContent()).resolves.toContain('Better than the figures');
    }
    // The filter narrows the rows in place: the submitted one is not missing.
    await director.getByRole('button', { name: /^Missing/ }).click();
    await director.waitForURL(/show=missing/);
    await expect.poll(async () => row.count()).toBe(0);
    // A project without a report leads to its Status tab, the period chosen for the new report.
    const missing = director.getByRole('row').filter({ hasText: 'Missing' }).first();
    await missing.getByRole('link').click();
    await director.waitForURL(new RegExp(`tab=status&period=${PERIOD}$`));
    await director.getByRole('heading', { name: 'Status reports', exact: true }).waitFor();
    await expect(director.getByLabel('Period', { exact: true }).inputValue()).resolves.toBe(PERIOD);
    await director.goBack();
    await director.waitForURL(/show=missing/);
    await director.getByRole('button', { name: /^All/ }).click();
    await row.waitFor();
    await row.getByRole('link').click();
    await director.waitForURL(new RegExp(`/status-reports/${reportId}$`));

    // Returning needs a comment.
    await director.getByRole('heading', { name: 'PMO review' }).waitFor();
    await director.getByRole('button', { name: 'Return to the project team' }).click();
    await director.getByText('Say what the project manager should change.').waitFor();
    await director.getByRole('textbox', { name: 'Review comment' }).fill(RETURN_COMMENT);
    await expectNoSeriousA11yViolations(director, 'status report under review');
    await director.getByRole('button', { name: 'Return to the project team' }).click();
    await director.getByRole('heading', { level: 1 }).filter({ hasText: 'Returned' }).waitFor();
    await expect(director.getByRole('heading', { name: 'PMO review' }).count()).resolves.toBe(0);

    // ---- the PM sees it returned, with the comment, and resubmits ----
    await pm.reload();
    await pm.getByRole('heading', { level: 1 }).filter({ hasText: 'Returned' }).waitFor();
    const returned = pm.getByRole('status').filter({ hasText: /^Returned by Dana Director/ });
    await returned.getByText(RETURN_COMMENT).waitFor();
    const thread = pm.getByRole('list', { name: 'Comments on the report' });
    await thread.getByRole('listitem').filter({ hasText: RETURN_COMMENT }).getByText('Returned').waitFor();
    await expectNoSeriousA11yViolations(pm, 'a returned status report');
    await shot(pm, 'returned');
    await expect(pm.getByRole('textbox', { name: 'Summary' }).inputValue()).resolves.toBe(SUMMARY);
    await pm
      .getByRole('textbox', { name: 'Summary' })
      .fill(`${SUMMARY} Schedule: the two milestones slip by a week; the cut-over date holds.`);
    await pm.getByRole('button', { name: 'Save draft' }).click();
    await pm.getByText('All changes saved').waitFor();
    await pm.getByRole('textbox', { name: 'New comment' }).fill('Explained the slip in the summary.');
    await pm.getByRole('button', { name: 'Post comment' }).click();
    await thread.getByText('Explained the slip in the summary.').waitFor();
    await pm.getByRole('button', { name: 'Submit to the PMO' }).click();
    await pm.getByRole('heading', { level: 1 }).filter({ hasText: 'Submitted' }).waitFor();
    await pm.getByText(/the cut-over date holds/).waitFor();

    // ---- the director accepts ----
    await director.reload();
    await director.getByRole('heading', { name: 'PMO review' }).waitFor();
    await director.getByRole('button', { name: 'Accept', exact: true }).click();
    await director.getByRole('heading', { level: 1 }).filter({ hasText: 'Reviewed' }).waitFor();
    await director.getByText(/^Accepted by Dana Director/).waitFor();
    const accepted = (await pmApi('GET', `/status-reports/${reportId}`)) as Report;
    expect(accepted.status).toBe('reviewed');
    await expectNoSeriousA11yViolations(director, 'an accepted status report');
    await shot(director, 'accepted');

    // The project's tab lists it as reviewed.
    await pm.goto(`${url()}/projects/${projectId}?tab=status`);
    const listed = pm.getByRole('row').filter({ has: pm.getByRole('link', { name: MONTH, exact: true }) });
    await expect.poll(async () => listed.textContent()).toContain('Reviewed');
  });

  it('shows the sponsor a report read-only, and lets them comment', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    const directorApi = await apiOf(director);
    const sponsor = await newPage();
    await signIn(sponsor, 'sponsor@baton.local');
    const sponsorApi = await apiOf(sponsor);
    // A report of one of the sponsor's projects: one already there, or this month's, started by the PMO.
    let id = ((await sponsorApi('GET', '/status-reports')).items as Report[])[0]?.id;
    if (!id) {
      const mine = (await sponsorApi('GET', '/projects?status=active&pageSize=100')).items as {
        id: string;
      }[];
      expect(mine.length, 'an active project of the sponsor').toBeGreaterThan(0);
      id = (await directorApi('POST', '/status-reports', { projectId: mine[0]?.id, period: PERIOD })).id;
    }
    await sponsor.goto(`${url()}/status-reports/${id}`);
    await sponsor.getByRole('heading', { name: 'Computed health' }).waitFor();
    await sponsor.getByRole('heading', { name: 'Report', exact: true }).waitFor();
    await expect(sponsor.getByRole('button', { name: 'Submit to the PMO' }).count()).resolves.toBe(0);
    await expect(sponsor.getByRole('button', { name: 'Save draft' }).count()).resolves.toBe(0);
    await expect(sponsor.getByRole('heading', { name: 'PMO review' }).count()).resolves.toBe(0);
    await expect(sponsor.getByRole('radio').count()).resolves.toBe(0);
    await sponsor
      .getByRole('textbox', { name: 'New comment' })
      .fill('Read before the steering committee (e2e).');
    await sponsor.getByRole('button', { name: 'Post comment' }).click();
    await sponsor
      .getByRole('list', { name: 'Comments on the report' })
      .getByText('Read before the steering committee (e2e).')
      .waitFor();
    await expectNoSeriousA11yViolations(sponsor, 'a status report, read-only');
    await shot(sponsor, 'read-only');
  });
});
