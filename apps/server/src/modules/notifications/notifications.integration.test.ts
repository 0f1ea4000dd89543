import { dueDateOf, lastDuePeriod, shiftPeriod } from '@baton/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activateProject,
  type Client,
  type Harness,
  makeOrg,
  makeUser,
  type Org,
  signIn,
  startHarness,
} from '../../test-support/harness.ts';
import { SYSTEM_ACTOR } from '../access/access.service.ts';
import { type SmtpSink, startSmtpSink } from '../delivery/smtp-sink.test-support.ts';

let h: Harness;
let org: Org;
let smtp: SmtpSink;
let director: Client;
let unitBDirector: Client;
let pm: Client;
let pmId = '';

type Note = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: string | null;
};
type Notes = { items: Note[]; unread: number };
const today = () => new Date().toISOString().slice(0, 10);
const ALL_GREEN = {
  overall: 'green',
  schedule: 'green',
  cost: 'green',
  scope: 'green',
  risk: 'green',
  resources: 'green',
};

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}
const notes = async (c: Client, q = '') => ok<Notes>(await c.request('GET', `/api/v1/notifications${q}`));

beforeAll(async () => {
  smtp = await startSmtpSink();
  h = await startHarness({
    smtpUrl: smtp.url,
    mailFrom: 'Baton <baton@test.io>',
    publicUrl: 'https://baton.test.io',
  });
  org = await makeOrg(h.services);
  await makeUser(h.services, 'director@test.io', {
    role: 'pmo_director',
    scopeType: 'organisation',
    scopeId: null,
  });
  await makeUser(h.services, 'director-b@test.io', {
    role: 'pmo_director',
    scopeType: 'org_unit',
    scopeId: org.unitB,
  });
  pmId = await makeUser(h.services, 'pm@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  director = await signIn(h.app, 'director@test.io');
  unitBDirector = await signIn(h.app, 'director-b@test.io');
  pm = await signIn(h.app, 'pm@test.io');
  await h.services.projects.update(
    SYSTEM_ACTOR,
    org.projectA,
    { plannedStart: '2026-01-05', plannedFinish: '2027-06-30', managerId: pmId },
    { version: (await h.services.projects.get(org.projectA)).version, source: 'body' },
  );
  await activateProject(h.services, org.projectA);
}, 120_000);
afterAll(async () => {
  await h.close();
  await smtp.close();
});

describe('notifications of status reports', () => {
  let reportId = '';

  it('tells the PMO of the project’s unit chain when a report is submitted, not the one who submitted', async () => {
    const period = today().slice(0, 7);
    const r = await ok<{ id: string; version: number }>(
      await pm.request('POST', '/api/v1/status-reports', { projectId: org.projectA, period }),
      201,
    );
    reportId = r.id;
    const filled = await ok<{ version: number }>(
      await pm.request('PATCH', `/api/v1/status-reports/${r.id}`, {
        version: r.version,
        summary: 'On track.',
        reported: ALL_GREEN,
      }),
    );
    await ok(await pm.request('POST', `/api/v1/status-reports/${r.id}/submit`, { version: filled.version }));
    const d = await notes(director);
    expect(d.unread).toBe(1);
    expect(d.items[0]).toMatchObject({
      kind: 'status-report.submitted',
      title: expect.stringContaining('Status report submitted: XA'),
      link: `/status-reports/${r.id}`,
      readAt: null,
    });
    expect(d.items[0]?.title).toContain(period);
    // the director of the other unit is not in project A's chain; the PM acted
    expect((await notes(unitBDirector)).unread).toBe(0);
    expect((await notes(pm)).unread).toBe(0);
  });

  it('tells the project manager when the PMO returns the report, with the comment, and of comments', async () => {
    const r = await ok<{ version: number }>(
      await director.request('GET', `/api/v1/status-reports/${reportId}`),
    );
    await ok(
      await director.request('POST', `/api/v1/status-reports/${reportId}/review`, {
        version: r.version,
        decision: 'return',
        comment: 'Explain the cost variance.',
      }),
    );
    await ok(
      await director.request('POST', `/api/v1/status-reports/${reportId}/comments`, {
        body: 'See the EVM tab.',
      }),
      201,
    );
    const p = await notes(pm);
    expect(p.unread).toBe(2);
    expect(p.items.map((n) => [n.kind, n.body])).toEqual([
      ['status-report.commented', 'See the EVM tab.'],
      ['status-report.returned', 'Explain the cost variance.'],
    ]);
    // the director commented: not told of their own comment
    expect((await notes(director)).items.map((n) => n.kind)).toEqual(['status-report.submitted']);
  });

  it('marks one read, then all; someone else’s notification is not found', async () => {
    const p = await notes(pm);
    const first = p.items[0] as Note;
    const other = (await notes(director)).items[0] as Note;
    expect((await director.request('POST', `/api/v1/notifications/${first.id}/read`)).statusCode).toBe(404);
    expect((await pm.request('POST', `/api/v1/notifications/${other.id}/read`)).statusCode).toBe(404);
    const read = await ok<Note>(await pm.request('POST', `/api/v1/notifications/${first.id}/read`));
    expect(read.readAt).not.toBeNull();
    const unreadOnly = await notes(pm, '?unread=true');
    expect(unreadOnly).toMatchObject({ unread: 1 });
    expect(unreadOnly.items.map((n) => n.id)).not.toContain(first.id);
    expect(await ok(await pm.request('POST', '/api/v1/notifications/read-all'))).toEqual({ updated: 1 });
    expect((await notes(pm)).unread).toBe(0);
    // the director's own stays unread
    expect((await notes(director)).unread).toBe(1);
    expect((await pm.request('GET', '/api/v1/notifications?limit=0')).statusCode).toBe(400);
  });
});

describe('status report reminders', () => {
  it('reminds the manager of a missing report once when overdue, in-app and by e-mail, however often it runs', async () => {
    const missing = lastDuePeriod(today(), 5);
    const first = await h.services.reminders.run();
    expect(first.notified).toBeGreaterThanOrEqual(1);
    const again = await h.services.reminders.run();
    expect(again).toEqual({ notified: 0, emailed: 0 });
    const overdue = (await notes(pm)).items.filter((n) => n.kind === 'status-report.overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({
      link: `/projects/${org.projectA}?tab=status&period=${missing}`,
      body: `It was due on ${dueDateOf(missing, 5)}.`,
    });
    const mails = await smtp.waitFor(1);
    const mail = mails.find((m) => m.subject?.includes('overdue'));
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('pm@test.io');
    expect(mail?.from?.text).toContain('baton@test.io');
    expect(mail?.text).toContain(
      `https://baton.test.io/projects/${org.projectA}?tab=status&period=${missing}`,
    );
  });

  it('reminds of the next report a few days before it is due while it is not in', async () => {
    const next = shiftPeriod(lastDuePeriod(today(), 5), 1);
    const due = dueDateOf(next, 5);
    const twoBefore = new Date(Date.parse(`${due}T00:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
    // The report of `next` (this month) was returned to the PM: it is not in, so the reminder goes out.
    expect(next).toBe(today().slice(0, 7));
    await h.services.reminders.run(twoBefore);
    const soon = (await notes(pm)).items.filter((n) => n.kind === 'status-report.due-soon');
    expect(soon).toHaveLength(1);
    expect(soon[0]?.body).toBe(`Due on ${due}.`);
    // 10 days before is outside the lead time: nothing new
    const tenBefore = new Date(Date.parse(`${due}T00:00:00Z`) - 10 * 86_400_000).toISOString().slice(0, 10);
    expect((await h.services.reminders.run(tenBefore)).notified).toBe(0);
  });

  it('runs as the daily job and queues the next day', async () => {
    await h.services.reminders.enqueueFor(today(), new Date());
    expect(await h.services.jobs.runUntilIdle()).toBeGreaterThanOrEqual(1);
    const jobs = await h.services.jobs.list(SYSTEM_ACTOR, { kind: 'status-report.reminders', limit: 10 });
    expect(jobs.map((j) => j.status).sort()).toEqual(['queued', 'succeeded']);
  });
});
