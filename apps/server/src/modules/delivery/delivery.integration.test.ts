import { isoWeekday } from '@baton/core';
import ExcelJS from 'exceljs';
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
import { type SmtpSink, startSmtpSink } from './smtp-sink.test-support.ts';

let h: Harness;
let org: Org;
let smtp: SmtpSink;
let director: Client;
let unitDirector: Client;
let pm: Client;

type Schedule = {
  id: string;
  version: number;
  name: string;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastStatus: string | null;
  lastError: string | null;
  orgUnitId: string | null;
  dayOfWeek: number | null;
  hour: number;
};
type Problem = { errors?: { field: string }[]; detail: string };

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}
const saveWeekly = {
  name: 'Weekly status overview',
  kind: 'status-overview',
  format: 'xlsx',
  cadence: 'weekly',
  dayOfWeek: 1,
  hour: 7,
  delivery: 'save',
};
const fieldOf = async (res: { statusCode: number; json: () => unknown }, status: number) => {
  expect(res.statusCode).toBe(status);
  return ((res.json() as Problem).errors ?? []).map((e) => e.field);
};

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
  await makeUser(h.services, 'unit-director@test.io', {
    role: 'pmo_director',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  await makeUser(h.services, 'pm@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  director = await signIn(h.app, 'director@test.io');
  unitDirector = await signIn(h.app, 'unit-director@test.io');
  pm = await signIn(h.app, 'pm@test.io');
  await h.services.projects.update(
    SYSTEM_ACTOR,
    org.projectA,
    { plannedStart: '2026-01-05', plannedFinish: '2027-06-30' },
    { version: (await h.services.projects.get(org.projectA)).version, source: 'body' },
  );
  await activateProject(h.services, org.projectA);
}, 120_000);
afterAll(async () => {
  await h.close();
  await smtp.close();
});

describe('report schedules', () => {
  let saved: Schedule;

  it('creates a schedule whose next run is in the future, on its weekday and hour', async () => {
    const before = Date.now();
    saved = await ok<Schedule>(await director.request('POST', '/api/v1/report-schedules', saveWeekly), 201);
    const next = new Date(saved.nextRunAt ?? '');
    expect(next.getTime()).toBeGreaterThan(before);
    expect(isoWeekday(next)).toBe(1);
    expect(next.getUTCHours()).toBe(7);
    expect(saved).toMatchObject({ lastRunAt: null, lastStatus: null, orgUnitId: null });
    const kinds = await ok<{ items: { kind: string; formats: string[] }[]; emailEnabled: boolean }>(
      await director.request('GET', '/api/v1/report-kinds'),
    );
    expect(kinds.emailEnabled).toBe(true);
    expect(kinds.items).toContainEqual({
      kind: 'status-overview',
      title: 'Status report overview',
      formats: ['csv', 'xlsx'],
    });
  });

  it('refuses bad schedules, naming the field', async () => {
    const post = (body: object) =>
      director.request('POST', '/api/v1/report-schedules', { ...saveWeekly, ...body });
    expect(await fieldOf(await post({ kind: 'nope' }), 422)).toEqual(['kind']);
    expect(await fieldOf(await post({ format: 'pdf' }), 422)).toEqual(['format']);
    expect(await fieldOf(await post({ delivery: 'email' }), 422)).toEqual(['recipients']);
    expect(await fieldOf(await post({ dayOfWeek: undefined }), 422)).toEqual(['dayOfWeek']);
    expect(await fieldOf(await post({ cadence: 'monthly', dayOfWeek: undefined }), 422)).toEqual([
      'dayOfMonth',
    ]);
    expect(await fieldOf(await post({ cadence: 'monthly', dayOfMonth: 29 }), 400)).toEqual(['dayOfMonth']);
    expect(await fieldOf(await post({ hour: 24 }), 400)).toEqual(['hour']);
    expect(await fieldOf(await post({ delivery: 'email', recipients: ['not-an-address'] }), 400)).toEqual([
      'recipients.0',
    ]);
  });

  it('is the PMO’s: a unit’s director manages only that unit’s schedules; others get 403', async () => {
    expect((await pm.request('GET', '/api/v1/report-schedules')).statusCode).toBe(403);
    expect((await pm.request('POST', '/api/v1/report-schedules', saveWeekly)).statusCode).toBe(403);
    expect((await unitDirector.request('POST', '/api/v1/report-schedules', saveWeekly)).statusCode).toBe(403);
    expect((await unitDirector.request('GET', `/api/v1/report-schedules/${saved.id}`)).statusCode).toBe(403);
    const mine = await ok<Schedule>(
      await unitDirector.request('POST', '/api/v1/report-schedules', {
        ...saveWeekly,
        name: 'Unit A',
        orgUnitId: org.unitA,
      }),
      201,
    );
    const list = await ok<{ items: Schedule[] }>(
      await unitDirector.request('GET', '/api/v1/report-schedules'),
    );
    expect(list.items.map((s) => s.id)).toEqual([mine.id]);
    const all = await ok<{ items: Schedule[] }>(await director.request('GET', '/api/v1/report-schedules'));
    expect(all.items.map((s) => s.name).sort()).toEqual(['Unit A', 'Weekly status overview']);
    // moving it to the root needs the right there
    expect(
      (
        await unitDirector.request('PATCH', `/api/v1/report-schedules/${mine.id}`, {
          version: mine.version,
          orgUnitId: null,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await unitDirector.request('DELETE', `/api/v1/report-schedules/${mine.id}?version=${mine.version}`))
        .statusCode,
    ).toBe(200);
    expect((await unitDirector.request('GET', `/api/v1/report-schedules/${mine.id}`)).statusCode).toBe(404);
  });

  it('runs now and saves the file: downloadable as an attachment, a real XLSX; the owner is told', async () => {
    const { jobId } = await ok<{ jobId: string }>(
      await director.request('POST', `/api/v1/report-schedules/${saved.id}/run`),
      202,
    );
    await h.services.jobs.runUntilIdle();
    const job = await ok<{ status: string; result: { fileId: string } }>(
      await director.request('GET', `/api/v1/jobs/${jobId}`),
    );
    expect(job.status).toBe('succeeded');
    const files = await ok<{
      items: { id: string; fileName: string; contentType: string; scheduleName: string }[];
    }>(await director.request('GET', `/api/v1/report-files?scheduleId=${saved.id}`));
    expect(files.items).toHaveLength(1);
    const file = files.items[0];
    expect(file).toMatchObject({ id: job.result.fileId, scheduleName: 'Weekly status overview' });
    expect(file?.fileName).toMatch(/^status-overview-\d{4}-\d{2}\.xlsx$/);
    const dl = await director.request('GET', `/api/v1/report-files/${file?.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment; filename="status-overview-/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(dl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(1).value).toBe('Code');
    expect(ws?.getRow(2).getCell(1).value).toBe('XA');
    expect((await pm.request('GET', `/api/v1/report-files/${file?.id}`)).statusCode).toBe(403);
    expect((await unitDirector.request('GET', `/api/v1/report-files/${file?.id}`)).statusCode).toBe(403);
    const after = await ok<Schedule>(await director.request('GET', `/api/v1/report-schedules/${saved.id}`));
    expect(after).toMatchObject({ lastStatus: 'succeeded', lastError: null });
    expect(after.lastRunAt).not.toBeNull();
    const notes = await ok<{ items: { kind: string; link: string }[] }>(
      await director.request('GET', '/api/v1/notifications'),
    );
    expect(notes.items[0]).toMatchObject({
      kind: 'report.delivered',
      link: `/reporting/schedules?schedule=${saved.id}`,
    });
  });

  it('e-mails the report as an attachment to every recipient over SMTP', async () => {
    const s = await ok<Schedule>(
      await director.request('POST', '/api/v1/report-schedules', {
        ...saveWeekly,
        name: 'Monthly to the board',
        format: 'csv',
        cadence: 'monthly',
        dayOfMonth: 3,
        delivery: 'email',
        recipients: ['board@test.io', 'cfo@test.io'],
      }),
      201,
    );
    await ok(await director.request('POST', `/api/v1/report-schedules/${s.id}/run`), 202);
    await h.services.jobs.runUntilIdle();
    const [mail] = await smtp.waitFor(1);
    expect(mail?.subject).toMatch(/^Monthly to the board: status-overview-\d{4}-\d{2}\.csv$/);
    const to = mail?.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : [];
    expect(to).toEqual(['board@test.io', 'cfo@test.io']);
    expect(mail?.from?.text).toContain('baton@test.io');
    expect(mail?.text).toContain('https://baton.test.io/reporting/schedules');
    const att = mail?.attachments[0];
    expect(att?.filename).toMatch(/^status-overview-\d{4}-\d{2}\.csv$/);
    expect(att?.contentType).toBe('text/csv');
    const lines = (att?.content.toString('utf8') ?? '').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'Code,Project,Manager,Report status,Overdue,Reported overall,Computed overall,Reported better than computed',
    );
    expect(lines[1]?.startsWith('XA,')).toBe(true);
    const after = await ok<Schedule>(await director.request('GET', `/api/v1/report-schedules/${s.id}`));
    expect(after.lastStatus).toBe('succeeded');
    // no report was saved for an e-mailed one
    const files = await ok<{ items: unknown[] }>(
      await director.request('GET', `/api/v1/report-files?scheduleId=${s.id}`),
    );
    expect(files.items).toEqual([]);
  });

  it('the minute tick queues due schedules and moves them to their next run', async () => {
    const before = await ok<Schedule>(await director.request('GET', `/api/v1/report-schedules/${saved.id}`));
    const due = new Date(new Date(before.nextRunAt ?? '').getTime() + 60_000);
    expect(await h.services.delivery.tick(due)).toBeGreaterThanOrEqual(1);
    const moved = await ok<Schedule>(await director.request('GET', `/api/v1/report-schedules/${saved.id}`));
    expect(new Date(moved.nextRunAt ?? '').getTime() - new Date(before.nextRunAt ?? '').getTime()).toBe(
      7 * 86_400_000,
    );
    await h.services.jobs.runUntilIdle();
    const files = await ok<{ items: unknown[] }>(
      await director.request('GET', `/api/v1/report-files?scheduleId=${saved.id}`),
    );
    expect(files.items).toHaveLength(2);
    // the tick job itself re-queues for the next minute
    await h.services.delivery.enqueueTick();
    await h.services.jobs.runUntilIdle();
    const ticks = await h.services.jobs.list(SYSTEM_ACTOR, { kind: 'report-schedules.tick', limit: 10 });
    expect(ticks.map((j) => j.status).sort()).toEqual(['queued', 'succeeded']);
  });

  it('without SMTP, e-mail schedules are refused and a due one fails with the reason', async () => {
    const list = await ok<{ items: (Schedule & { delivery: string })[] }>(
      await director.request('GET', '/api/v1/report-schedules'),
    );
    const emailed = list.items.find((s) => s.delivery === 'email') as Schedule;
    h.services.mailer.configure({ smtpUrl: null, mailFrom: 'Baton <baton@test.io>', publicUrl: null });
    try {
      const res = await director.request('POST', '/api/v1/report-schedules', {
        ...saveWeekly,
        delivery: 'email',
        recipients: ['board@test.io'],
      });
      expect(await fieldOf(res, 422)).toEqual(['delivery']);
      expect((res.json() as Problem).detail).toContain('SMTP is not configured');
      expect((await director.request('POST', `/api/v1/report-schedules/${emailed.id}/run`)).statusCode).toBe(
        422,
      );
      await expect(h.services.delivery.deliver(emailed.id)).rejects.toThrow('SMTP is not configured');
      const after = await ok<Schedule>(
        await director.request('GET', `/api/v1/report-schedules/${emailed.id}`),
      );
      expect(after).toMatchObject({ lastStatus: 'failed', lastError: 'SMTP is not configured' });
    } finally {
      h.services.mailer.configure({
        smtpUrl: smtp.url,
        mailFrom: 'Baton <baton@test.io>',
        publicUrl: 'https://baton.test.io',
      });
    }
  });
});
