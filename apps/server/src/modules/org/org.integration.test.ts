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

let h: Harness;
let org: Org;
let admin: Client;

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  await makeUser(h.services, 'admin@test.io', { role: 'admin', scopeType: 'organisation', scopeId: null });
  admin = await signIn(h.app, 'admin@test.io');
});
afterAll(() => h.close());

describe('org units, portfolios, programs', () => {
  it('lists the hierarchy with project counts that include every unit beneath', async () => {
    const units = (await admin.request('GET', '/api/v1/org-units')).json().items as {
      id: string;
      projectCount: number;
      parentId: string | null;
    }[];
    const byId = new Map(units.map((u) => [u.id, u]));
    expect(byId.get(org.root)?.projectCount).toBe(2);
    expect(byId.get(org.unitA)).toMatchObject({ projectCount: 1, parentId: org.root });
    const portfolios = (await admin.request('GET', '/api/v1/portfolios')).json().items as {
      id: string;
      projectCount: number;
    }[];
    expect(portfolios.find((p) => p.id === org.portfolioA)?.projectCount).toBe(1);
    const programs = (await admin.request('GET', '/api/v1/programs')).json().items as {
      id: string;
      projectCount: number;
    }[];
    expect(programs.find((p) => p.id === org.programA)?.projectCount).toBe(1);
  });

  it('counts only the projects the caller may see', async () => {
    await makeUser(h.services, 'viewer-b@test.io', {
      role: 'viewer',
      scopeType: 'org_unit',
      scopeId: org.unitB,
    });
    const viewer = await signIn(h.app, 'viewer-b@test.io');
    const units = (await viewer.request('GET', '/api/v1/org-units')).json().items as {
      id: string;
      projectCount: number;
    }[];
    expect(units.find((u) => u.id === org.root)?.projectCount).toBe(1);
    expect(units.find((u) => u.id === org.unitA)?.projectCount).toBe(0);
  });

  it('creates beneath a parent, refuses a second top unit, a duplicate code and a cycle', async () => {
    const child = await admin.request('POST', '/api/v1/org-units', {
      code: 'UA1',
      name: 'Dept A1',
      parentId: org.unitA,
    });
    expect(child.statusCode).toBe(201);
    expect(child.json()).toMatchObject({ kind: 'department', parentId: org.unitA, version: 1 });
    const top = await admin.request('POST', '/api/v1/org-units', { code: 'TOP2', name: 'Another top' });
    expect(top.statusCode).toBe(422);
    expect(top.json().errors[0].field).toBe('parentId');
    const dup = await admin.request('POST', '/api/v1/org-units', {
      code: 'UA1',
      name: 'x',
      parentId: org.unitA,
    });
    expect(dup.statusCode).toBe(409);
    const cycle = await admin.request('PATCH', `/api/v1/org-units/${org.unitA}`, {
      version: 1,
      parentId: child.json().id,
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().errors[0]).toMatchObject({ field: 'parentId', rule: 'no_cycle' });
    const rename = await admin.request('PATCH', `/api/v1/org-units/${org.unitA}`, {
      version: 1,
      name: 'Unit A renamed',
    });
    expect(rename.json()).toMatchObject({ name: 'Unit A renamed', version: 2 });
    const stale = await admin.request('PATCH', `/api/v1/org-units/${org.unitA}`, {
      version: 1,
      name: 'again',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('deletes only empty containers', async () => {
    expect((await admin.request('DELETE', `/api/v1/org-units/${org.unitB}`)).statusCode).toBe(409);
    expect((await admin.request('DELETE', `/api/v1/portfolios/${org.portfolioA}`)).statusCode).toBe(409);
    const empty = await admin.request('POST', '/api/v1/portfolios', {
      code: 'EMPTY',
      name: 'Empty',
      orgUnitId: org.unitB,
    });
    expect(empty.statusCode).toBe(201);
    expect((await admin.request('DELETE', `/api/v1/portfolios/${empty.json().id}`)).statusCode).toBe(200);
    expect((await admin.request('GET', `/api/v1/portfolios/${empty.json().id}`)).statusCode).toBe(404);
  });

  it('programs belong to a portfolio and filter by it', async () => {
    const p = await admin.request('POST', '/api/v1/programs', {
      code: 'PGB',
      name: 'Program B',
      portfolioId: org.portfolioB,
    });
    expect(p.statusCode).toBe(201);
    const list = (await admin.request('GET', `/api/v1/programs?portfolioId=${org.portfolioB}`)).json().items;
    expect(list.map((x: { code: string }) => x.code)).toEqual(['PGB']);
    const missing = await admin.request('POST', '/api/v1/programs', {
      code: 'PGC',
      name: 'C',
      portfolioId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(422);
  });

  it('a portfolio manager manages only their own portfolio', async () => {
    await makeUser(h.services, 'pfm@test.io', {
      role: 'portfolio_manager',
      scopeType: 'portfolio',
      scopeId: org.portfolioA,
    });
    const pfm = await signIn(h.app, 'pfm@test.io');
    expect(
      (await pfm.request('PATCH', `/api/v1/portfolios/${org.portfolioA}`, { version: 1, name: 'Mine' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await pfm.request('PATCH', `/api/v1/portfolios/${org.portfolioB}`, { version: 1, name: 'Theirs' }))
        .statusCode,
    ).toBe(403);
    const projects = (await pfm.request('GET', '/api/v1/projects'))
      .json()
      .items.map((x: { code: string }) => x.code);
    expect(projects).toEqual(['XA']);
  });

  it('users: admins create with grants, duplicates refused, grants added and removed, all journalled', async () => {
    const created = await admin.request('POST', '/api/v1/users', {
      email: 'New.Person@Test.io',
      name: 'New Person',
      password: 'long-enough-pw',
      grants: [{ role: 'project_manager', scopeType: 'org_unit', scopeId: org.unitA }],
    });
    expect(created.statusCode).toBe(201);
    const u = created.json();
    expect(u.email).toBe('new.person@test.io');
    expect(u.grants[0]).toMatchObject({ role: 'project_manager', scopeName: 'Unit A renamed' });
    const dup = await admin.request('POST', '/api/v1/users', {
      email: 'new.person@test.io',
      name: 'x',
      password: 'long-enough-pw',
    });
    expect(dup.statusCode).toBe(409);
    const badScope = await admin.request('POST', `/api/v1/users/${u.id}/grants`, {
      role: 'viewer',
      scopeType: 'org_unit',
      scopeId: null,
    });
    expect(badScope.statusCode).toBe(400);
    const ghostScope = await admin.request('POST', `/api/v1/users/${u.id}/grants`, {
      role: 'viewer',
      scopeType: 'portfolio',
      scopeId: '00000000-0000-4000-8000-000000000000',
    });
    expect(ghostScope.statusCode).toBe(422);
    const added = await admin.request('POST', `/api/v1/users/${u.id}/grants`, {
      role: 'viewer',
      scopeType: 'organisation',
    });
    expect(added.statusCode).toBe(201);
    const again = await admin.request('POST', `/api/v1/users/${u.id}/grants`, {
      role: 'viewer',
      scopeType: 'organisation',
    });
    expect(again.statusCode).toBe(409);
    const grantId = added.json().grants.find((g: { role: string }) => g.role === 'viewer').id;
    const removed = await admin.request('DELETE', `/api/v1/users/${u.id}/grants/${grantId}`);
    expect(removed.json().grants).toHaveLength(1);
    const journal = (await admin.request('GET', `/api/v1/journal?entityId=${u.id}`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(journal).toEqual(['revoke_grant', 'grant', 'grant', 'create']);
    const search = (await admin.request('GET', '/api/v1/users?q=new%20person')).json();
    expect(search.total).toBe(1);
  });
});
