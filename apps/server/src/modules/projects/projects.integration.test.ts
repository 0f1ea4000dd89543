import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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
let admin: Client;

beforeAll(async () => {
  h = await startHarness({ bodyLimitBytes: 64 * 1024 });
  org = await makeOrg(h.services);
  await makeUser(h.services, 'admin@test.io', { role: 'admin', scopeType: 'organisation', scopeId: null });
  admin = await signIn(h.app, 'admin@test.io');
});
afterAll(() => h.close());

async function create(body: Record<string, unknown>) {
  const res = await admin.request('POST', '/api/v1/projects', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function journalCount(projectId: string): Promise<number> {
  const res = await admin.request('GET', `/api/v1/projects/${projectId}/history?pageSize=1`);
  return res.json().total;
}

describe('projects: central repository', () => {
  it('creates with defaults, generated code, placement from the program, and an ETag', async () => {
    const res = await admin.request('POST', '/api/v1/projects', {
      name: 'Warehouse robots',
      programId: org.programA,
      budgetMinor: 12_500_000,
      tags: ['ops', 'ops', 'ai'],
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.code).toMatch(/^PRJ-\d{4}$/);
    expect(p).toMatchObject({
      status: 'proposed',
      version: 1,
      portfolioId: org.portfolioA,
      orgUnitId: org.unitA,
      programName: 'Program A',
      currency: 'EUR',
      priority: 'medium',
      tags: ['ops', 'ai'],
      budgetMinor: 12_500_000,
    });
    expect(p.nextStatuses).toEqual(['approved', 'cancelled']);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/v1/projects/${p.id}`);
    const got = await admin.request('GET', `/api/v1/projects/${p.id}`);
    expect(got.json()).toEqual(p);
  });

  it('defaults to the enterprise PMO without placement', async () => {
    const p = await create({ name: 'Enterprise thing' });
    expect(p.orgUnitId).toBe(org.root);
  });

  it('filters, searches, sorts and pages', async () => {
    await create({
      code: 'SRCH-1',
      name: 'Alpha search target',
      priority: 'critical',
      orgUnitId: org.unitB,
      tags: ['needle'],
    });
    await create({
      code: 'SRCH-2',
      name: 'Beta search target',
      priority: 'low',
      orgUnitId: org.unitB,
      plannedStart: '2027-03-01',
    });
    const bySearch = (await admin.request('GET', '/api/v1/projects?q=search%20target&sort=-code')).json();
    expect(bySearch.items.map((p: { code: string }) => p.code)).toEqual(['SRCH-2', 'SRCH-1']);
    expect(bySearch.total).toBe(2);
    const byTag = (await admin.request('GET', '/api/v1/projects?tag=needle')).json();
    expect(byTag.items.map((p: { code: string }) => p.code)).toEqual(['SRCH-1']);
    const byPriority = (
      await admin.request('GET', `/api/v1/projects?priority=critical&orgUnitId=${org.unitB}`)
    ).json();
    expect(byPriority.items.map((p: { code: string }) => p.code)).toEqual(['SRCH-1']);
    // orgUnitId includes every unit beneath: the root sees A and B
    const underRoot = (
      await admin.request('GET', `/api/v1/projects?orgUnitId=${org.root}&pageSize=500`)
    ).json();
    expect(underRoot.items.some((p: { code: string }) => p.code === 'XA')).toBe(true);
    const page2 = (await admin.request('GET', '/api/v1/projects?pageSize=2&page=2&sort=code')).json();
    const all = (await admin.request('GET', '/api/v1/projects?pageSize=500&sort=code')).json();
    expect(page2.items.map((p: { id: string }) => p.id)).toEqual(
      all.items.slice(2, 4).map((p: { id: string }) => p.id),
    );
    expect(page2.total).toBe(all.total);
    const dated = (
      await admin.request('GET', '/api/v1/projects?startFrom=2027-01-01&startTo=2027-12-31')
    ).json();
    expect(dated.items.map((p: { code: string }) => p.code)).toEqual(['SRCH-2']);
    const summary = (await admin.request('GET', `/api/v1/projects/summary?orgUnitId=${org.unitB}`)).json();
    expect(summary.byStatus.proposed).toBeGreaterThanOrEqual(3);
  });

  it('edits with the version, journals field-level changes, and shows history newest first', async () => {
    const p = await create({ code: 'EDIT-1', name: 'Before', budgetMinor: 100 });
    const res = await admin.request('PATCH', `/api/v1/projects/${p.id}`, {
      version: 1,
      name: 'After',
      budgetMinor: 250,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'After', budgetMinor: 250, version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const history = (await admin.request('GET', `/api/v1/projects/${p.id}/history`)).json();
    expect(history.total).toBe(2);
    expect(history.items[0]).toMatchObject({ action: 'update', actorName: 'admin' });
    expect(history.items[0].changes).toEqual([
      { field: 'budgetMinor', from: 100, to: 250 },
      { field: 'name', from: 'Before', to: 'After' },
    ]);
    expect(history.items[1].action).toBe('create');
  });

  it('answers a stale version with 409 and the current version, writing nothing', async () => {
    const p = await create({ code: 'STALE-1', name: 'x' });
    await admin.request('PATCH', `/api/v1/projects/${p.id}`, { version: 1, name: 'y' });
    const res = await admin.request('PATCH', `/api/v1/projects/${p.id}`, { version: 1, name: 'z' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 409, currentVersion: 2, errors: [{ field: 'version' }] });
    expect((await admin.request('GET', `/api/v1/projects/${p.id}`)).json().name).toBe('y');
    expect(await journalCount(p.id)).toBe(2);
  });

  it('honours If-Match with 412, and needs some version (428)', async () => {
    const p = await create({ code: 'ETAG-1', name: 'x' });
    const wrong = await admin.request(
      'PATCH',
      `/api/v1/projects/${p.id}`,
      { name: 'y' },
      { 'if-match': '"7"' },
    );
    expect(wrong.statusCode).toBe(412);
    expect(wrong.json().currentVersion).toBe(1);
    const right = await admin.request(
      'PATCH',
      `/api/v1/projects/${p.id}`,
      { name: 'y' },
      { 'if-match': '"1"' },
    );
    expect(right.statusCode).toBe(200);
    const none = await admin.request('PATCH', `/api/v1/projects/${p.id}`, { name: 'z' });
    expect(none.statusCode).toBe(428);
    expect(none.json().errors[0].field).toBe('version');
    const garbage = await admin.request(
      'PATCH',
      `/api/v1/projects/${p.id}`,
      { name: 'z' },
      { 'if-match': 'banana' },
    );
    expect(garbage.statusCode).toBe(400);
  });

  it('walks the lifecycle and refuses illegal transitions and reasonless cancels', async () => {
    const p = await create({ code: 'LIFE-1', name: 'x' });
    const skip = await admin.request('POST', `/api/v1/projects/${p.id}/transitions`, {
      version: 1,
      to: 'active',
    });
    expect(skip.statusCode).toBe(422);
    expect(skip.json()).toMatchObject({ errors: [{ field: 'status', rule: 'illegal_transition' }] });
    let v = 1;
    for (const to of ['approved', 'active', 'on_hold', 'active']) {
      const r = await admin.request('POST', `/api/v1/projects/${p.id}/transitions`, { version: v, to });
      expect(r.statusCode, r.body).toBe(200);
      v = r.json().version;
    }
    const noReason = await admin.request('PATCH', `/api/v1/projects/${p.id}`, {
      version: v,
      status: 'cancelled',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'statusReason', rule: 'reason_required' });
    const cancel = await admin.request('PATCH', `/api/v1/projects/${p.id}`, {
      version: v,
      status: 'cancelled',
      statusReason: 'No longer pays',
    });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toMatchObject({
      status: 'cancelled',
      statusReason: 'No longer pays',
      nextStatuses: [],
    });
    const back = await admin.request('POST', `/api/v1/projects/${p.id}/transitions`, {
      version: cancel.json().version,
      to: 'active',
    });
    expect(back.statusCode).toBe(422);
    const history = (await admin.request('GET', `/api/v1/projects/${p.id}/history`)).json();
    expect(history.items.filter((e: { action: string }) => e.action === 'transition')).toHaveLength(5);
  });

  it('lets a sponsor approve but not edit; a project manager edits but cannot approve', async () => {
    await makeUser(h.services, 'sponsor@test.io', {
      role: 'sponsor',
      scopeType: 'org_unit',
      scopeId: org.unitA,
    });
    await makeUser(h.services, 'pm@test.io', {
      role: 'project_manager',
      scopeType: 'org_unit',
      scopeId: org.unitA,
    });
    const sponsor = await signIn(h.app, 'sponsor@test.io');
    const pm = await signIn(h.app, 'pm@test.io');
    const p = await create({ code: 'APPR-1', name: 'x', orgUnitId: org.unitA });
    expect(
      (await pm.request('POST', `/api/v1/projects/${p.id}/transitions`, { version: 1, to: 'approved' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await sponsor.request('PATCH', `/api/v1/projects/${p.id}`, { version: 1, name: 'hijack' })).statusCode,
    ).toBe(403);
    expect(
      (await sponsor.request('POST', `/api/v1/projects/${p.id}/transitions`, { version: 1, to: 'approved' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await sponsor.request('POST', `/api/v1/projects/${p.id}/transitions`, { version: 2, to: 'active' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await pm.request('POST', `/api/v1/projects/${p.id}/transitions`, { version: 2, to: 'active' }))
        .statusCode,
    ).toBe(200);
    // the project manager may not move the project out of the unit where they may edit
    const move = await pm.request('PATCH', `/api/v1/projects/${p.id}`, { version: 3, orgUnitId: org.unitB });
    expect(move.statusCode).toBe(403);
  });

  it('refuses duplicate codes, unknown people and placements that disagree', async () => {
    await create({ code: 'DUP-1', name: 'x' });
    const dup = await admin.request('POST', '/api/v1/projects', { code: 'DUP-1', name: 'ghost-zq' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toMatchObject({ field: 'code', rule: 'unique' });
    const ghost = await admin.request('POST', '/api/v1/projects', {
      name: 'ghost-zq',
      managerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(ghost.statusCode).toBe(422);
    expect(ghost.json().errors[0].field).toBe('managerId');
    const mismatch = await admin.request('POST', '/api/v1/projects', {
      name: 'ghost-zq',
      portfolioId: org.portfolioB,
      programId: org.programA,
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().errors[0].field).toBe('programId');
    const dates = await admin.request('POST', '/api/v1/projects', {
      name: 'ghost-zq',
      plannedStart: '2027-05-01',
      plannedFinish: '2027-04-01',
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().errors[0].field).toBe('plannedFinish');
    const total = (await admin.request('GET', '/api/v1/projects?q=ghost-zq&pageSize=1')).json().total;
    expect(total).toBe(0);
  });

  it('rejects bad input with problem+json naming the field, and writes nothing', async () => {
    const before = (await admin.request('GET', '/api/v1/projects?pageSize=1')).json().total;
    const malformed = await h.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { 'content-type': 'application/json', cookie: '' },
      payload: '{"name": ',
    });
    expect([400, 401]).toContain(malformed.statusCode);
    const cases: [unknown, number, string][] = [
      [{ name: 42 }, 400, 'name'],
      [{ name: 'ok', bogus: true }, 400, 'bogus'],
      [{ name: 'x'.repeat(201) }, 400, 'name'],
      [{ name: 'ok', budgetMinor: 1.5 }, 400, 'budgetMinor'],
      [{ name: 'ok', currency: 'euro' }, 400, 'currency'],
      [{ name: 'ok', plannedStart: '2027-02-30' }, 400, 'plannedStart'],
      [{ name: 'ok', status: 'completed' }, 400, 'status'],
      [{}, 400, 'name'],
    ];
    for (const [body, status, field] of cases) {
      const res = await admin.request('POST', '/api/v1/projects', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res
          .json()
          .errors.map((e: { field: string }) => e.field)
          .join(','),
      ).toContain(field);
    }
    const json = await admin.request('POST', '/api/v1/projects', '{"name": ', {
      'content-type': 'application/json',
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().type).toContain('malformed-json');
    const huge = await admin.request('POST', '/api/v1/projects', {
      name: 'big',
      description: 'x'.repeat(100_000),
    });
    expect(huge.statusCode).toBe(413);
    const unknownId = await admin.request('GET', '/api/v1/projects/00000000-0000-4000-8000-000000000000');
    expect(unknownId.statusCode).toBe(404);
    const badId = await admin.request('GET', '/api/v1/projects/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    const badQuery = await admin.request('GET', '/api/v1/projects?sort=colour');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().errors[0].field).toBe('sort');
    const after = (await admin.request('GET', '/api/v1/projects?pageSize=1')).json().total;
    expect(after).toBe(before);
  });

  it('validates custom fields against the PMO’s definitions', async () => {
    const def = await admin.request('POST', '/api/v1/custom-fields', {
      key: 'risk_class',
      label: 'Risk class',
      type: 'choice',
      options: ['A', 'B'],
    });
    expect(def.statusCode).toBe(201);
    const bad = await admin.request('POST', '/api/v1/projects', {
      name: 'cf',
      customFields: { risk_class: 'C' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'customFields.risk_class' });
    const unknown = await admin.request('POST', '/api/v1/projects', {
      name: 'cf',
      customFields: { colour: 'red' },
    });
    expect(unknown.statusCode).toBe(422);
    const ok = await create({ name: 'cf', customFields: { risk_class: 'A' } });
    expect(ok.customFields).toEqual({ risk_class: 'A' });
    const cleared = await admin.request('PATCH', `/api/v1/projects/${ok.id}`, {
      version: 1,
      customFields: { risk_class: null },
    });
    expect(cleared.json().customFields).toEqual({});
  });

  it('deletes softly: gone from lists and reads, kept in the journal, code reusable', async () => {
    const p = await create({ code: 'DEL-1', name: 'to delete' });
    expect((await admin.request('DELETE', `/api/v1/projects/${p.id}?version=9`)).statusCode).toBe(409);
    expect((await admin.request('DELETE', `/api/v1/projects/${p.id}`)).statusCode).toBe(200);
    expect((await admin.request('GET', `/api/v1/projects/${p.id}`)).statusCode).toBe(404);
    expect((await admin.request('GET', '/api/v1/projects?q=DEL-1')).json().total).toBe(0);
    const journal = (await admin.request('GET', `/api/v1/journal?entityId=${p.id}`)).json();
    expect(journal.items[0]).toMatchObject({ action: 'delete' });
    await create({ code: 'DEL-1', name: 'reused' });
  });

  it('50 parallel PATCHes with the same version: exactly one wins, 49 get 409, one journal entry', async () => {
    const p = await h.services.projects.create(SYSTEM_ACTOR, { code: 'RACE-1', name: 'race' });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@test.io', password: 'correct-horse-battery' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const before = await journalCount(p.id);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`http://127.0.0.1:${port}/api/v1/projects/${p.id}`, {
          method: 'PATCH',
          headers: {
            'content-type': 'application/json',
            cookie,
            'x-csrf-token': csrf,
            origin: `http://127.0.0.1:${port}`,
          },
          body: JSON.stringify({ version: 1, name: `writer ${i}` }),
        }).then((r) => r.status),
      ),
    );
    expect(results.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((s) => s === 409)).toHaveLength(49);
    expect(await journalCount(p.id)).toBe(before + 1);
    expect((await admin.request('GET', `/api/v1/projects/${p.id}`)).json().version).toBe(2);
  });
});
