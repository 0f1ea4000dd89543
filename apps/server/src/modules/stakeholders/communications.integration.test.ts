import { addCalendarDays, isoWeekOf } from '@baton/core';
import { journal, stakeholderProjects, stakeholders } from '@baton/db/schema';
import { and, eq } from 'drizzle-orm';
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

let h: Harness;
let org: Org;
let director: Client;
let unitDirector: Client;
let pmA: Client;
let pmB: Client;
let viewerA: Client;
const people = { ceo: '', cfo: '', regulator: '', outsider: '' };
let reportA = '';
let reportB = '';

type Problem = { type: string; detail: string; errors?: { field: string; rule: string; message: string }[] };
type Item = {
  id: string;
  version: number;
  projectId: string | null;
  projectCode: string | null;
  orgUnitId: string | null;
  orgUnitName: string | null;
  title: string;
  description: string | null;
  endDate: string | null;
  ownerId: string | null;
  ownerName: string | null;
  audience: { stakeholderIds: string[]; stakeholders: { name: string }[]; roles: string[]; groups: string[] };
  recordCount: number;
};
type Occurrence = {
  itemId: string;
  dueDate: string;
  week: string;
  status: 'sent' | 'due' | 'overdue';
  title: string;
  record: { id: string; statusReportPeriod: string | null; recipients: { name: string }[] } | null;
};
type Calendar = {
  today: string;
  items: Occurrence[];
  counts: { sent: number; due: number; overdue: number };
};
type Coordination = {
  warnings: {
    stakeholderName: string;
    stakeholderId: string;
    week: string;
    weekStart: string;
    count: number;
    sourceCount: number;
    communications: { title: string; projectCode: string | null; dueDate: string }[];
  }[];
};

const today = new Date().toISOString().slice(0, 10);
const fieldsOf = (res: { json: () => unknown }) =>
  ((res.json() as Problem).errors ?? []).map((e) => e.field).sort();

async function ok<T>(
  res: { statusCode: number; body: string; json: () => unknown },
  status = 200,
): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

async function addStakeholder(name: string, projectIds: string[]): Promise<string> {
  const [row] = await h.services.db
    .insert(stakeholders)
    .values({ name, role: 'Executive', influence: 5, interest: 4 })
    .returning({ id: stakeholders.id });
  if (!row) throw new Error('no stakeholder');
  for (const projectId of projectIds)
    await h.services.db.insert(stakeholderProjects).values({ stakeholderId: row.id, projectId });
  return row.id;
}

const weekly = (projectId: string, title: string, startDate: string, stakeholderIds: string[]) => ({
  projectId,
  title,
  content: 'status_report',
  channel: 'email',
  frequency: 'weekly',
  startDate,
  audience: { stakeholderIds },
});

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  const grant = (
    role: 'pmo_director' | 'project_manager' | 'viewer',
    scopeType: 'organisation' | 'org_unit',
    scopeId: string | null,
  ) => ({ role, scopeType, scopeId });
  await makeUser(h.services, 'director@test.io', grant('pmo_director', 'organisation', null));
  await makeUser(h.services, 'unit@test.io', grant('pmo_director', 'org_unit', org.unitA));
  await makeUser(h.services, 'pma@test.io', grant('project_manager', 'org_unit', org.unitA));
  await makeUser(h.services, 'pmb@test.io', grant('project_manager', 'org_unit', org.unitB));
  await makeUser(h.services, 'viewer@test.io', grant('viewer', 'org_unit', org.unitA));
  director = await signIn(h.app, 'director@test.io');
  unitDirector = await signIn(h.app, 'unit@test.io');
  pmA = await signIn(h.app, 'pma@test.io');
  pmB = await signIn(h.app, 'pmb@test.io');
  viewerA = await signIn(h.app, 'viewer@test.io');
  people.ceo = await addStakeholder('Chief Executive', [org.projectA, org.projectB]);
  people.cfo = await addStakeholder('Chief Financial Officer', [org.projectA]);
  people.regulator = await addStakeholder('Regulator', [org.projectB]);
  people.outsider = await addStakeholder('Outsider', []);
  await activateProject(h.services, org.projectA);
  await activateProject(h.services, org.projectB);
  reportA = (
    await h.services.statusReports.create(SYSTEM_ACTOR, { projectId: org.projectA, period: '2026-01' })
  ).id;
  reportB = (
    await h.services.statusReports.create(SYSTEM_ACTOR, { projectId: org.projectB, period: '2026-01' })
  ).id;
}, 120_000);
afterAll(() => h.close());

describe('communication plan items', () => {
  it('creates an item from a minimal body, with defaults, and journals it', async () => {
    const item = await ok<Item>(
      await pmA.request(
        'POST',
        '/api/v1/communication-items',
        weekly(org.projectA, 'Weekly status', today, [people.cfo]),
      ),
      201,
    );
    expect(item).toMatchObject({
      projectId: org.projectA,
      projectCode: 'XA',
      orgUnitId: null,
      description: null,
      endDate: null,
      ownerId: pmA.userId,
      ownerName: 'pma',
      recordCount: 0,
      version: 1,
    });
    expect(item.audience).toEqual({
      stakeholderIds: [people.cfo],
      stakeholders: [{ id: people.cfo, name: 'Chief Financial Officer', role: 'Executive' }],
      roles: [],
      groups: [],
    });
    const entries = await h.services.db
      .select()
      .from(journal)
      .where(and(eq(journal.entityType, 'communication_item'), eq(journal.entityId, item.id)));
    expect(entries.map((e) => e.action)).toEqual(['create']);
    const listed = await ok<{ items: Item[] }>(
      await viewerA.request('GET', `/api/v1/communication-items?projectId=${org.projectA}`),
    );
    expect(listed.items.map((i) => i.id)).toContain(item.id);
    expect((await pmB.request('GET', '/api/v1/communication-items')).json().items).not.toContainEqual(
      expect.objectContaining({ id: item.id }),
    );
  });

  it('refuses malformed bodies with 400 naming each field', async () => {
    const res = await pmA.request('POST', '/api/v1/communication-items', {
      projectId: org.projectA,
      content: 'gossip',
      channel: 'email',
      frequency: 'daily',
      startDate: '2026-13-01',
      audience: { stakeholderIds: ['not-a-uuid'] },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(
      expect.arrayContaining(['title', 'content', 'frequency', 'startDate', 'audience.stakeholderIds.0']),
    );
    const calendar = await pmA.request('GET', '/api/v1/communications/calendar?from=2026-01-01');
    expect(calendar.statusCode).toBe(400);
    expect(fieldsOf(calendar)).toContain('to');
  });

  it('refuses inconsistent plans with 422 naming the field', async () => {
    const base = weekly(org.projectA, 'Bad', '2026-03-01', [people.cfo]);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, endDate: '2026-02-01' }, 'endDate', 'after_start'],
      [{ ...base, audience: {} }, 'audience', 'required'],
      [{ ...base, audience: { stakeholderIds: [people.regulator] } }, 'audience.stakeholderIds', 'linked'],
      [{ ...base, orgUnitId: org.unitA }, 'orgUnitId', 'exclusive'],
      [{ ...base, ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId', 'exists'],
    ];
    for (const [body, field, rule] of cases) {
      const res = await pmA.request('POST', '/api/v1/communication-items', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect((res.json() as Problem).errors).toEqual([expect.objectContaining({ field, rule })]);
    }
  });

  it('permissions: project.update on the project; a PMO item needs governance.manage at its unit', async () => {
    const body = weekly(org.projectA, 'Not yours', '2026-03-01', [people.cfo]);
    expect((await viewerA.request('POST', '/api/v1/communication-items', body)).statusCode).toBe(403);
    expect((await pmB.request('POST', '/api/v1/communication-items', body)).statusCode).toBe(403);
    const pmo = {
      title: 'Unit A portfolio pack',
      content: 'portfolio_pack',
      channel: 'report',
      frequency: 'monthly',
      startDate: '2026-01-31',
      audience: { groups: ['Unit A board'] },
    };
    // No grant at the enterprise PMO (the default unit), then no governance.manage at unit A.
    expect((await pmA.request('POST', '/api/v1/communication-items', pmo)).statusCode).toBe(403);
    const refused = await pmA.request('POST', '/api/v1/communication-items', {
      ...pmo,
      orgUnitId: org.unitA,
    });
    expect(refused.statusCode).toBe(403);
    expect((refused.json() as Problem).detail).toMatch(/governance\.manage/);
    const created = await ok<Item>(
      await unitDirector.request('POST', '/api/v1/communication-items', { ...pmo, orgUnitId: org.unitA }),
      201,
    );
    expect(created).toMatchObject({ projectId: null, orgUnitId: org.unitA, orgUnitName: 'Unit A' });
    expect((await pmA.request('GET', `/api/v1/communication-items/${created.id}`)).statusCode).toBe(200);
    expect((await pmB.request('GET', `/api/v1/communication-items/${created.id}`)).statusCode).toBe(403);
    const patch = { version: created.version, title: 'Renamed' };
    expect((await pmA.request('PATCH', `/api/v1/communication-items/${created.id}`, patch)).statusCode).toBe(
      403,
    );
    expect(
      (
        await ok<Item>(
          await unitDirector.request('PATCH', `/api/v1/communication-items/${created.id}`, patch),
        )
      ).title,
    ).toBe('Renamed');
  });
});

describe('the calendar', () => {
  it('expands a plan through the API: monthly on the 31st clamps to each month’s end', async () => {
    const item = await ok<Item>(
      await pmA.request('POST', '/api/v1/communication-items', {
        ...weekly(org.projectA, 'Steering minutes', '2030-01-31', [people.cfo]),
        content: 'steering_minutes',
        channel: 'meeting',
        frequency: 'monthly',
        endDate: '2030-04-30',
      }),
      201,
    );
    const cal = await ok<Calendar>(
      await pmA.request(
        'GET',
        `/api/v1/communications/calendar?from=2030-01-01&to=2030-12-31&projectId=${org.projectA}`,
      ),
    );
    const mine = cal.items.filter((o) => o.itemId === item.id);
    expect(mine.map((o) => o.dueDate)).toEqual(['2030-01-31', '2030-02-28', '2030-03-31', '2030-04-30']);
    expect(mine.every((o) => o.status === 'due')).toBe(true);
    expect(mine[1]?.week).toBe(isoWeekOf('2030-02-28').key);
  });

  it('records occurrences as sent, flags overdue ones, refuses non-occurrences and duplicates', async () => {
    const start = addCalendarDays(today, -21);
    const item = await ok<Item>(
      await pmA.request(
        'POST',
        '/api/v1/communication-items',
        weekly(org.projectA, 'Sponsor update', start, [people.cfo, people.ceo]),
      ),
      201,
    );
    const range = `from=${start}&to=${today}&projectId=${org.projectA}`;
    const statuses = async () =>
      (await ok<Calendar>(await pmA.request('GET', `/api/v1/communications/calendar?${range}`))).items
        .filter((o) => o.itemId === item.id)
        .map((o) => [o.dueDate, o.status]);
    expect(await statuses()).toEqual([
      [start, 'overdue'],
      [addCalendarDays(today, -14), 'overdue'],
      [addCalendarDays(today, -7), 'overdue'],
      [today, 'due'],
    ]);

    const sentOn = addCalendarDays(today, -14);
    const record = await ok<{ id: string; recipients: { name: string }[]; statusReportPeriod: string }>(
      await pmA.request('POST', `/api/v1/communication-items/${item.id}/records`, {
        dueDate: sentOn,
        summary: 'Sent with the January report',
        statusReportId: reportA,
      }),
      201,
    );
    // Without recipients, it went to the item's stakeholders.
    expect(record.recipients.map((r) => r.name)).toEqual(['Chief Financial Officer', 'Chief Executive']);
    expect(record.statusReportPeriod).toBe('2026-01');
    expect(await statuses()).toEqual([
      [start, 'overdue'],
      [sentOn, 'sent'],
      [addCalendarDays(today, -7), 'overdue'],
      [today, 'due'],
    ]);
    const overdueOnly = await ok<Calendar>(
      await pmA.request('GET', `/api/v1/communications/calendar?${range}&status=overdue`),
    );
    expect(overdueOnly.items.every((o) => o.status === 'overdue')).toBe(true);
    expect(overdueOnly.items.filter((o) => o.itemId === item.id)).toHaveLength(2);
    expect(overdueOnly.counts.sent).toBeGreaterThanOrEqual(1);

    const notOne = await pmA.request('POST', `/api/v1/communication-items/${item.id}/records`, {
      dueDate: addCalendarDays(today, -13),
    });
    expect(notOne.statusCode).toBe(422);
    expect((notOne.json() as Problem).errors?.[0]).toMatchObject({ field: 'dueDate', rule: 'occurrence' });
    expect((notOne.json() as Problem).detail).toContain(sentOn);

    const again = await pmA.request('POST', `/api/v1/communication-items/${item.id}/records`, {
      dueDate: sentOn,
    });
    expect(again.statusCode).toBe(409);
    expect((again.json() as Problem).errors?.[0]?.field).toBe('dueDate');

    const wrongReport = await pmA.request('POST', `/api/v1/communication-items/${item.id}/records`, {
      dueDate: start,
      statusReportId: reportB,
    });
    expect((wrongReport.json() as Problem).errors?.[0]).toMatchObject({ field: 'statusReportId' });
    const future = await pmA.request('POST', `/api/v1/communication-items/${item.id}/records`, {
      dueDate: start,
      sentAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect((future.json() as Problem).errors?.[0]).toMatchObject({ field: 'sentAt', rule: 'not_future' });
    const stranger = await pmA.request('POST', `/api/v1/communication-items/${item.id}/records`, {
      dueDate: start,
      recipients: ['00000000-0000-4000-8000-000000000000'],
    });
    expect((stranger.json() as Problem).errors?.[0]).toMatchObject({ field: 'recipients', rule: 'exists' });
    expect(
      (await pmB.request('POST', `/api/v1/communication-items/${item.id}/records`, { dueDate: start }))
        .statusCode,
    ).toBe(403);

    // A change of cadence that would strand the record is refused; a stale version is a conflict.
    const current = await ok<Item>(await pmA.request('GET', `/api/v1/communication-items/${item.id}`));
    expect(current.recordCount).toBe(1);
    const strand = await pmA.request('PATCH', `/api/v1/communication-items/${item.id}`, {
      version: current.version,
      frequency: 'biweekly',
    });
    expect((strand.json() as Problem).errors?.[0]).toMatchObject({
      field: 'frequency',
      rule: 'keeps_records',
    });
    const stale = await pmA.request('PATCH', `/api/v1/communication-items/${item.id}`, {
      version: current.version + 5,
      title: 'Late',
    });
    expect(stale.statusCode).toBe(409);

    // Deleting the record makes the occurrence overdue again.
    expect((await pmB.request('DELETE', `/api/v1/communication-records/${record.id}`)).statusCode).toBe(403);
    await ok(await pmA.request('DELETE', `/api/v1/communication-records/${record.id}`));
    expect((await statuses())[1]).toEqual([sentOn, 'overdue']);
    const recordJournal = await h.services.db
      .select()
      .from(journal)
      .where(and(eq(journal.entityType, 'communication_record'), eq(journal.entityId, record.id)));
    expect(recordJournal.map((e) => e.action)).toEqual(['create', 'delete']);

    // Deleting the item takes its calendar and its records with it, each kept in the journal.
    const kept = await ok<{ id: string }>(
      await pmA.request('POST', `/api/v1/communication-items/${item.id}/records`, { dueDate: start }),
      201,
    );
    expect(
      (await pmA.request('DELETE', `/api/v1/communication-items/${item.id}?version=${current.version + 1}`))
        .statusCode,
    ).toBe(409);
    await ok(
      await pmA.request('DELETE', `/api/v1/communication-items/${item.id}?version=${current.version}`),
    );
    expect(await statuses()).toEqual([]);
    const keptJournal = await h.services.db
      .select()
      .from(journal)
      .where(and(eq(journal.entityType, 'communication_record'), eq(journal.entityId, kept.id)));
    expect(keptJournal.map((e) => e.action)).toEqual(['create', 'delete']);
    expect((await pmA.request('GET', `/api/v1/communication-items/${item.id}`)).statusCode).toBe(404);
  });

  it('limits the range, naming the field', async () => {
    const backwards = await pmA.request(
      'GET',
      '/api/v1/communications/calendar?from=2026-02-01&to=2026-01-01',
    );
    expect((backwards.json() as Problem).errors?.[0]).toMatchObject({ field: 'to', rule: 'after_from' });
    const long = await pmA.request(
      'GET',
      '/api/v1/communications/coordination?from=2026-01-01&to=2027-01-03',
    );
    expect(long.statusCode).toBe(422);
    expect((long.json() as Problem).errors?.[0]).toMatchObject({ field: 'to', rule: 'range' });
    expect(
      (await pmA.request('GET', '/api/v1/communications/calendar?from=2026-01-01&to=2027-01-02')).statusCode,
    ).toBe(200);
  });
});

describe('coordination across projects', () => {
  it('flags a stakeholder with three communications in one ISO week, listing them', async () => {
    // 2031-03-03 is a Monday: three sends to the chief executive that week, from A, B and the PMO.
    const monday = '2031-03-03';
    expect(isoWeekOf(monday).monday).toBe(monday);
    await ok(
      await pmA.request(
        'POST',
        '/api/v1/communication-items',
        weekly(org.projectA, 'A weekly', monday, [people.ceo, people.cfo]),
      ),
      201,
    );
    await ok(
      await pmB.request(
        'POST',
        '/api/v1/communication-items',
        weekly(org.projectB, 'B weekly', addCalendarDays(monday, 2), [people.ceo, people.regulator]),
      ),
      201,
    );
    await ok(
      await director.request('POST', '/api/v1/communication-items', {
        title: 'Portfolio pack',
        content: 'portfolio_pack',
        channel: 'report',
        frequency: 'once',
        startDate: addCalendarDays(monday, 4),
        audience: { stakeholderIds: [people.ceo, people.outsider], groups: ['Executive board'] },
      }),
      201,
    );
    const range = `from=${monday}&to=${addCalendarDays(monday, 13)}`;
    const result = await ok<Coordination>(
      await director.request('GET', `/api/v1/communications/coordination?${range}`),
    );
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({
      stakeholderId: people.ceo,
      stakeholderName: 'Chief Executive',
      week: isoWeekOf(monday).key,
      weekStart: monday,
      count: 3,
      sourceCount: 3,
    });
    expect(result.warnings[0]?.communications.map((c) => [c.title, c.projectCode])).toEqual([
      ['A weekly', 'XA'],
      ['B weekly', 'XB'],
      ['Portfolio pack', null],
    ]);
    // The next week only A and B send: two is under the threshold, unless it is two.
    const lower = await ok<Coordination>(
      await director.request('GET', `/api/v1/communications/coordination?${range}&threshold=2`),
    );
    // (the finance officer also gets project A's open-ended weekly status, planned above)
    const next = isoWeekOf(addCalendarDays(monday, 7)).key;
    expect(lower.warnings.map((w) => `${w.week} ${w.stakeholderName} ${w.count}`).sort()).toEqual([
      `${isoWeekOf(monday).key} Chief Executive 3`,
      `${isoWeekOf(monday).key} Chief Financial Officer 2`,
      `${next} Chief Executive 2`,
      `${next} Chief Financial Officer 2`,
    ]);
    // Each PM sees only what their grants cover: one project's sends do not make three.
    expect(
      (await ok<Coordination>(await pmB.request('GET', `/api/v1/communications/coordination?${range}`)))
        .warnings,
    ).toEqual([]);
    const bad = await director.request('GET', `/api/v1/communications/coordination?${range}&threshold=1`);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['threshold']);
  });

  it('offers the stakeholders linked to a project as its audience', async () => {
    const linked = await ok<{ items: { name: string }[] }>(
      await pmA.request('GET', `/api/v1/communications/audience?projectId=${org.projectA}`),
    );
    expect(linked.items.map((s) => s.name)).toEqual(['Chief Executive', 'Chief Financial Officer']);
    expect(
      (await pmB.request('GET', `/api/v1/communications/audience?projectId=${org.projectA}`)).statusCode,
    ).toBe(403);
    const seenByB = await ok<{ items: { name: string }[] }>(
      await pmB.request('GET', '/api/v1/communications/audience'),
    );
    expect(seenByB.items.map((s) => s.name)).toEqual(['Chief Executive', 'Regulator']);
  });
});
