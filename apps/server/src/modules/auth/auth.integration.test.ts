import { apiTokens, sessions } from '@baton/db/schema';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  makeOrg,
  makeUser,
  PASSWORD,
  signIn,
  startHarness,
} from '../../test-support/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    loginRateLimit: { max: 5, windowMs: 60_000 },
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 8,
  });
  await makeOrg(h.services);
  await makeUser(h.services, 'ann@test.io', { role: 'admin', scopeType: 'organisation', scopeId: null });
  await makeUser(h.services, 'bob@test.io', { role: 'viewer', scopeType: 'organisation', scopeId: null });
});
afterAll(() => h.close());

const login = (email: string, password: string, ip = '10.0.0.1') =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });

describe('sign-in and sessions', () => {
  it('sets an http-only SameSite session cookie and returns the user, grants and CSRF token', async () => {
    const res = await login('ANN@test.io', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'baton_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = res.json();
    expect(body.user.email).toBe('ann@test.io');
    expect(body.grants[0]).toMatchObject({ role: 'admin', scopeType: 'organisation' });
    expect(body.csrfToken).toMatch(/^.{40,}$/);
    expect(body.actions).toContain('user.manage');
    // the session is stored hashed: the cookie value is nowhere in the table
    const rows = await h.database.db.select().from(sessions);
    expect(rows.some((r) => r.tokenHash === cookie?.value)).toBe(false);
  });

  it('gives the same 401 for an unknown e-mail and a wrong password', async () => {
    const a = await login('nobody@test.io', 'whatever-password', '10.0.0.2');
    const b = await login('bob@test.io', 'wrong-password!', '10.0.0.2');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().detail).toBe(b.json().detail);
    expect(a.headers['set-cookie']).toBeUndefined();
  });

  it('rate-limits login attempts per address and e-mail with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await login('bob@test.io', 'wrong-password!', '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await login('bob@test.io', PASSWORD, '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect((await login('bob@test.io', PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('requires sign-in on every non-public route', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/projects' });
    expect(res.statusCode).toBe(401);
    expect(res.json().type).toContain('unauthenticated');
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready' });
  });

  it('logs out: the cookie stops working', async () => {
    const c = await signIn(h.app, 'bob@test.io');
    expect((await c.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expect((await c.request('POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await c.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
  });

  it('expires idle sessions and sessions past their absolute lifetime', async () => {
    const idle = await signIn(h.app, 'bob@test.io');
    const absolute = await signIn(h.app, 'ann@test.io');
    await h.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${idle.userId}`,
    );
    await h.database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${absolute.userId}`,
    );
    expect((await idle.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await absolute.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
  });
});

describe('CSRF on cookie-authenticated writes', () => {
  it('refuses a browser write without the token, and a foreign token anywhere', async () => {
    const ann = await signIn(h.app, 'ann@test.io');
    const bob = await signIn(h.app, 'bob@test.io');
    const missing = await ann.request(
      'POST',
      '/api/v1/projects',
      { name: 'csrf' },
      { origin: 'https://evil.example' },
    );
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ type: expect.stringContaining('csrf') });
    const fetchMeta = await ann.request(
      'POST',
      '/api/v1/projects',
      { name: 'csrf' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(fetchMeta.statusCode).toBe(403);
    const foreign = await ann.request(
      'POST',
      '/api/v1/projects',
      { name: 'csrf' },
      { 'x-csrf-token': bob.csrf },
    );
    expect(foreign.statusCode).toBe(403);
    const ok = await ann.request(
      'POST',
      '/api/v1/projects',
      { name: 'csrf ok' },
      { 'x-csrf-token': ann.csrf, origin: 'http://localhost:4000' },
    );
    expect(ok.statusCode).toBe(201);
    expect((await ann.request('GET', '/api/v1/projects?q=csrf')).json().total).toBe(1);
  });
});

describe('passwords and API tokens', () => {
  it('changing the password revokes every other session, keeps this one', async () => {
    await makeUser(h.services, 'carl@test.io', { role: 'viewer', scopeType: 'organisation', scopeId: null });
    const here = await signIn(h.app, 'carl@test.io');
    const elsewhere = await signIn(h.app, 'carl@test.io');
    const wrong = await here.request('POST', '/api/v1/auth/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'a-new-password-1',
    });
    expect(wrong.statusCode).toBe(422);
    const short = await here.request('POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    const ok = await here.request('POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-new-password-1',
    });
    expect(ok.statusCode).toBe(200);
    expect((await here.request('GET', '/api/v1/auth/session')).statusCode).toBe(200);
    expect((await elsewhere.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await login('carl@test.io', PASSWORD, '10.1.1.1')).statusCode).toBe(401);
    expect((await login('carl@test.io', 'a-new-password-1', '10.1.1.1')).statusCode).toBe(200);
  });

  it('issues personal tokens shown once, hashed at rest, usable as Bearer until revoked', async () => {
    const ann = await signIn(h.app, 'ann@test.io');
    const created = await ann.request('POST', '/api/v1/auth/tokens', { name: 'CI', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token.startsWith(prefix)).toBe(true);
    const listed = (await ann.request('GET', '/api/v1/auth/tokens')).json();
    expect(JSON.stringify(listed)).not.toContain(token);
    const stored = await h.database.db.select().from(apiTokens);
    expect(stored.some((t) => t.tokenHash === token)).toBe(false);
    const bearer = { authorization: `Bearer ${token}` };
    const viaToken = await h.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: bearer,
      payload: { name: 'by token' },
    });
    expect(viaToken.statusCode).toBe(201);
    expect((await ann.request('DELETE', `/api/v1/auth/tokens/${id}`)).statusCode).toBe(200);
    const revoked = await h.app.inject({ method: 'GET', url: '/api/v1/projects', headers: bearer });
    expect(revoked.statusCode).toBe(401);
    const junk = await h.app.inject({
      method: 'GET',
      url: '/api/v1/projects',
      headers: { authorization: 'Bearer nonsense' },
    });
    expect(junk.statusCode).toBe(401);
  });

  it('deactivating a user or resetting their password ends their sessions', async () => {
    const ann = await signIn(h.app, 'ann@test.io');
    const dora = await makeUser(h.services, 'dora@test.io', {
      role: 'viewer',
      scopeType: 'organisation',
      scopeId: null,
    });
    const doraClient = await signIn(h.app, 'dora@test.io');
    const res = await ann.request('PATCH', `/api/v1/users/${dora}`, { version: 1, active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect((await doraClient.request('GET', '/api/v1/auth/session')).statusCode).toBe(401);
    expect((await login('dora@test.io', PASSWORD, '10.2.2.2')).statusCode).toBe(401);
  });
});
