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
let pmA: Client;
let pmB: Client;

/** The first Wednesday at least n days ahead: a working day, so the milestone stays on it. */
const inDays = (n: number) => {
  const d = new Date(Date.now() + n * 86_400_000);
  while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const compact = (d: string) => d.replaceAll('-', '');
/** The content lines of an iCalendar text, unfolded (RFC 5545 §3.1). */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n');
const events = (text: string) => {
  const out: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const line of unfold(text)) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT' && cur) {
      out.push(cur);
      cur = null;
    } else if (cur) {
      const i = line.indexOf(':');
      cur[line.slice(0, i)] = line.slice(i + 1);
    }
  }
  return out;
};

async function milestone(projectId: string, name: string, date: string) {
  await h.services.tasks.create(SYSTEM_ACTOR, projectId, {
    name,
    milestone: true,
    durationMinutes: 0,
    constraintType: 'MSO',
    constraintDate: `${date}T08:00:00`,
  });
}

beforeAll(async () => {
  h = await startHarness({ publicUrl: 'https://baton.test.io' });
  org = await makeOrg(h.services);
  await makeUser(h.services, 'pm-a@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  await makeUser(h.services, 'pm-b@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitB,
  });
  pmA = await signIn(h.app, 'pm-a@test.io');
  pmB = await signIn(h.app, 'pm-b@test.io');
  await milestone(org.projectA, 'Go-live', inDays(30));
  await milestone(org.projectA, 'Too far ahead', inDays(500));
  await milestone(org.projectB, 'B launch', inDays(40));
  await h.services.scheduleAnalysis.saveBaseline(SYSTEM_ACTOR, org.projectA, { number: 0, name: 'Baseline' });
}, 120_000);
afterAll(() => h.close());

describe('calendar feed', () => {
  let url = '';

  it('has none at first; creating one returns the secret URL once', async () => {
    expect((await pmA.request('GET', '/api/v1/calendar-feed')).json()).toEqual({
      exists: false,
      createdAt: null,
    });
    const res = await pmA.request('POST', '/api/v1/calendar-feed');
    expect(res.statusCode).toBe(201);
    const body = res.json() as { url: string; path: string };
    expect(body.url).toMatch(/^https:\/\/baton\.test\.io\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(body.url.endsWith(body.path)).toBe(true);
    url = body.path;
    const state = (await pmA.request('GET', '/api/v1/calendar-feed')).json() as Record<string, unknown>;
    expect(state.exists).toBe(true);
    expect(JSON.stringify(state)).not.toContain(url.slice(17, 60));
  });

  it('serves the milestones the owner may read as all-day VEVENTs, without a session', async () => {
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const lines = unfold(res.body);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter(Boolean).at(-1)).toBe('END:VCALENDAR');
    const evs = events(res.body);
    expect(evs.map((e) => e.SUMMARY)).toEqual(['XA Project A: Go-live']);
    const ev = evs[0] as Record<string, string>;
    expect(ev['DTSTART;VALUE=DATE']).toBe(compact(inDays(30)));
    expect(ev['DTEND;VALUE=DATE']).toBe(compact(dayAfter(inDays(30))));
    expect(ev.UID).toMatch(/^milestone-[0-9a-f-]{36}@baton\.test\.io$/);
    expect(ev.DESCRIPTION).toContain(`Baseline: ${inDays(30)}.`);
    expect(ev['URL;VALUE=URI']).toBe(`https://baton.test.io/projects/${org.projectA}?tab=schedule`);
    // The same UID on the next fetch: calendar apps update the event rather than duplicating it.
    expect(events((await h.app.inject({ method: 'GET', url })).body)[0]?.UID).toBe(ev.UID);
  });

  it('respects visibility: unit B’s manager sees only unit B’s milestones', async () => {
    const { path } = (await pmB.request('POST', '/api/v1/calendar-feed')).json() as { path: string };
    const evs = events((await h.app.inject({ method: 'GET', url: path })).body);
    expect(evs.map((e) => e.SUMMARY)).toEqual(['XB Project B: B launch']);
    expect(evs[0]?.DESCRIPTION).toContain('Baseline: none.');
  });

  it('rotation invalidates the old URL; revoking ends the feed', async () => {
    const { path } = (await pmA.request('POST', '/api/v1/calendar-feed')).json() as { path: string };
    expect(path).not.toBe(url);
    expect((await h.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    expect((await pmA.request('DELETE', '/api/v1/calendar-feed')).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await pmA.request('DELETE', '/api/v1/calendar-feed')).statusCode).toBe(404);
    expect((await pmA.request('GET', '/api/v1/calendar-feed')).json()).toMatchObject({ exists: false });
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/calendar/not-a-token.ics' })).statusCode).toBe(
      400,
    );
  });
});
