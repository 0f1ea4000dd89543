import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import {
  type Client,
  type Harness,
  makeOrg,
  makeUser,
  type Org,
  signIn,
  startHarness,
} from '../test-support/harness.ts';

let h: Harness;
let org: Org;
let admin: Client;

beforeAll(async () => {
  h = await startHarness({ readCache: true });
  org = await makeOrg(h.services);
  await makeUser(h.services, 'admin@test.io', { role: 'admin', scopeType: 'organisation', scopeId: null });
  admin = await signIn(h.app, 'admin@test.io');
});
afterAll(() => h.close());

const codes = async () =>
  (
    (await admin.request('GET', '/api/v1/projects?pageSize=500&sort=code')).json().items as { code: string }[]
  ).map((p) => p.code);

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const until = Date.now() + 5000;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('read cache', () => {
  it('a write through the API is visible to the very next read', async () => {
    expect(await codes()).toEqual(['XA', 'XB']);
    expect((await admin.request('POST', '/api/v1/projects', { code: 'XC', name: 'C' })).statusCode).toBe(201);
    expect(await codes()).toEqual(['XA', 'XB', 'XC']);
    const p = (await admin.request('GET', '/api/v1/projects?q=XC')).json().items[0];
    await admin.request('PATCH', `/api/v1/projects/${p.id}`, { version: p.version, name: 'C renamed' });
    expect((await admin.request('GET', '/api/v1/projects?q=XC')).json().items[0].name).toBe('C renamed');
  });

  it('a write by another process (straight to the database) reaches the cache through NOTIFY', async () => {
    expect(await codes()).not.toContain('XD');
    await h.services.projects.create(SYSTEM_ACTOR, { code: 'XD', name: 'D', orgUnitId: org.unitB });
    expect(await eventually(codes, (c) => c.includes('XD'))).toContain('XD');
  });

  it('a revoked grant stops working without waiting for the cache', async () => {
    const id = await makeUser(h.services, 'pm@test.io', {
      role: 'project_manager',
      scopeType: 'org_unit',
      scopeId: org.unitA,
    });
    const pm = await signIn(h.app, 'pm@test.io');
    expect((await pm.request('GET', '/api/v1/projects')).json().total).toBe(1);
    const user = (await admin.request('GET', `/api/v1/users/${id}`)).json();
    await admin.request('DELETE', `/api/v1/users/${id}/grants/${user.grants[0].id}`);
    expect((await pm.request('GET', '/api/v1/projects')).statusCode).toBe(403);
  });
});
