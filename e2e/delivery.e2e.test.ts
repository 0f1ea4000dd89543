import { describe, expect, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const { url, newPage, signIn, apiOf, shot } = browserSuite('delivery');

const PERIOD = new Date().toISOString().slice(0, 7);
const ALL_GREEN = {
  overall: 'green',
  schedule: 'green',
  cost: 'green',
  scope: 'green',
  risk: 'green',
  resources: 'green',
};

describe('delivery: scheduled reports, notifications, calendar feed', () => {
  it('the director schedules the status overview, runs it now and downloads the saved file', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    await director.goto(`${url()}/reporting/schedules`);
    await director.getByRole('heading', { name: 'Scheduled reports', level: 1 }).waitFor();
    await director.getByText('No scheduled reports yet').waitFor();
    await expectNoSeriousA11yViolations(director, 'scheduled reports, empty');

    await director.getByRole('button', { name: 'New schedule' }).click();
    const dialog = director.getByRole('dialog', { name: 'New report schedule' });
    await dialog.waitFor();
    // Refused without a name, at the field.
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    await dialog.getByText('give the schedule a name').waitFor();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Monday status overview');
    await dialog.getByRole('combobox', { name: 'Report' }).selectOption('status-overview');
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('xlsx');
    await dialog.getByRole('combobox', { name: 'Weekday' }).selectOption('1');
    await dialog.getByRole('combobox', { name: 'Hour' }).selectOption('7');
    await expectNoSeriousA11yViolations(director, 'new schedule dialog');
    await shot(director, 'schedule-dialog');
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = director
      .getByRole('table', { name: 'Report schedules' })
      .getByRole('row')
      .filter({ hasText: 'Monday status overview' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Mondays at 07:00 UTC');
    await expect(row.textContent()).resolves.toContain('Never');

    await row.getByRole('button', { name: 'Run now: Monday status overview' }).click();
    const file = director.getByRole('row').filter({ hasText: /status-overview-\d{4}-\d{2}\.xlsx/ });
    await file.waitFor({ timeout: 30_000 });
    await expect.poll(async () => row.textContent(), { timeout: 10_000 }).toContain('succeeded');
    await expectNoSeriousA11yViolations(director, 'scheduled reports with a saved file');
    await shot(director, 'schedules');
    const [download] = await Promise.all([
      director.waitForEvent('download'),
      file.getByRole('button', { name: /^Download status-overview-/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^status-overview-\d{4}-\d{2}\.xlsx$/);
    // The file filter is in the URL, for a shareable view.
    await director
      .getByRole('combobox', { name: 'Schedule' })
      .selectOption({ label: 'Monday status overview' });
    await director.waitForURL(/schedule=[0-9a-f-]{36}/);
    await file.waitFor();
  });

  it('the director’s bell shows a report the PM submits', async () => {
    const director = await newPage();
    await signIn(director, 'director@baton.local');
    const directorApi = await apiOf(director);
    await directorApi('POST', '/notifications/read-all');
    await director.goto(`${url()}/`);
    await director.getByRole('button', { name: 'Notifications, 0 unread' }).waitFor();

    // The PM starts, fills and submits this month's report of one of their active projects.
    const pm = await newPage();
    await signIn(pm, 'pm@baton.local');
    const pmApi = await apiOf(pm);
    const projects = (await pmApi('GET', '/projects?status=active&pageSize=100')).items as {
      id: string;
      code: string;
    }[];
    let report: { id: string; version: number } | null = null;
    let code = '';
    for (const p of projects) {
      try {
        report = await pmApi('POST', '/status-reports', { projectId: p.id, period: PERIOD });
        code = p.code;
        break;
      } catch {
        // that project already has a report for the month, or the PM may not write it
      }
    }
    expect(report, 'a project the PM can report on this month').not.toBeNull();
    const r = report as { id: string; version: number };
    const filled = await pmApi('PATCH', `/status-reports/${r.id}`, {
      version: r.version,
      summary: 'All on plan (e2e).',
      reported: ALL_GREEN,
    });
    await pmApi('POST', `/status-reports/${r.id}/submit`, { version: filled.version });

    // The demo's own reports notified the director too: this one is named with its month.
    const submitted = new RegExp(`^Status report submitted: ${code} .*— ${PERIOD}$`);
    await director.reload();
    const bell = director.getByRole('button', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    await bell.click();
    const popover = director.getByRole('dialog', { name: 'Notifications' });
    const link = popover.getByRole('link', { name: submitted });
    await link.waitFor();
    await expectNoSeriousA11yViolations(director, 'notification popover');
    await shot(director, 'bell');
    // Escape closes it and gives focus back to the bell.
    await director.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });
    await expect.poll(() => bell.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    // Opening the notification goes to the report and marks it read.
    await bell.click();
    await link.click();
    await director.waitForURL(new RegExp(`/status-reports/${r.id}$`));
    await director.getByRole('button', { name: 'Notifications, 0 unread' }).waitFor();
    await director.goto(`${url()}/notifications`);
    await director.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await director.getByRole('link', { name: submitted }).waitFor();
    await expectNoSeriousA11yViolations(director, 'notifications page');
    await shot(director, 'notifications-page');
  });

  it('the PM creates a calendar feed whose URL serves the milestones as iCalendar', async () => {
    const pm = await newPage();
    await signIn(pm, 'pm@baton.local');
    // A milestone three weeks out in one of the PM's active projects.
    const pmApi = await apiOf(pm);
    const active = (await pmApi('GET', '/projects?status=active&pageSize=100')).items as {
      id: string;
      code: string;
    }[];
    const project = active[0] as { id: string; code: string };
    const day = new Date(Date.now() + 21 * 86_400_000);
    while (day.getUTCDay() !== 3) day.setUTCDate(day.getUTCDate() + 1);
    const date = day.toISOString().slice(0, 10);
    await pmApi('POST', `/projects/${project.id}/tasks`, {
      name: 'Feed check (e2e)',
      milestone: true,
      durationMinutes: 0,
      constraintType: 'MSO',
      constraintDate: `${date}T08:00:00`,
    });
    await pm.goto(`${url()}/account`);
    const card = pm
      .locator('section.b-card')
      .filter({ has: pm.getByRole('heading', { name: 'Calendar feed' }) });
    await card.getByText('You have no calendar feed.').waitFor();
    await card.getByRole('button', { name: 'Create feed URL' }).click();
    const code = card.getByTestId('calendar-feed-url');
    await code.waitFor();
    const feedUrl = (await code.textContent()) ?? '';
    expect(feedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectNoSeriousA11yViolations(pm, 'account page with a calendar feed');
    await shot(pm, 'calendar-feed');
    // Fetched like a calendar app would: no session cookie.
    const res = await fetch(feedUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics).toContain('BEGIN:VEVENT');
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain(`SUMMARY:${project.code} `);
    expect(unfolded).toContain(`DTSTART;VALUE=DATE:${date.replaceAll('-', '')}`);
    // A new URL ends the old one.
    await card.getByRole('button', { name: 'New URL' }).click();
    await expect.poll(async () => (await code.textContent()) !== feedUrl).toBe(true);
    expect((await fetch(feedUrl)).status).toBe(404);
  });
});
