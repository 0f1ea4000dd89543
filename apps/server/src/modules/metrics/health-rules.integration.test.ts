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

let h: Harness;
let org: Org;
let director: Client;
let unitDirector: Client;
let pm: Client;

type Rule = {
  key: string;
  title: string;
  dimension: string;
  fact: string;
  direction: string;
  amber: number;
  red: number;
  enabled: boolean;
  nullIsRed?: boolean;
};
type UnitRules = {
  version: number;
  own: boolean;
  definedAt: string | null;
  definedAtName: string | null;
  rules: Rule[];
  defaults: Rule[];
  facts: { key: string }[];
};
type Health = { health: { dimensions: Record<string, { rag: string; fired: { rule: string }[] }> } };

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  await makeUser(h.services, 'director@rules.io', {
    role: 'pmo_director',
    scopeType: 'organisation',
    scopeId: null,
  });
  await makeUser(h.services, 'bu@rules.io', {
    role: 'pmo_director',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  await makeUser(h.services, 'pm@rules.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  // Project A is executing, so it owes status reports (and never having sent one is stale).
  await activateProject(h.services, org.projectA);
  director = await signIn(h.app, 'director@rules.io');
  unitDirector = await signIn(h.app, 'bu@rules.io');
  pm = await signIn(h.app, 'pm@rules.io');
}, 120_000);
afterAll(() => h.close());

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}
const scopeOfA = async () =>
  (await ok<Health>(await pm.request('GET', `/api/v1/projects/${org.projectA}/health`))).health.dimensions
    .scope;

describe('health rules the PMO configures', () => {
  it('starts from Baton’s defaults, with the facts a rule can read', async () => {
    const a = await ok<UnitRules>(await pm.request('GET', `/api/v1/org-units/${org.unitA}/health-rules`));
    expect(a).toMatchObject({ own: false, definedAt: null, version: 0 });
    expect(a.rules).toEqual(a.defaults);
    expect(a.rules.map((r) => r.key)).toContain('float-consumed');
    expect(a.facts.map((f) => f.key)).toContain('floatConsumedPercent');
    // Never reported: the default stale-status rule makes scope red.
    expect((await scopeOfA())?.fired.map((f) => f.rule)).toEqual(['stale-status']);
  });

  it('applies the enterprise PMO’s rules below it, and a unit’s own set in its place', async () => {
    const root = await ok<UnitRules>(
      await director.request('GET', `/api/v1/org-units/${org.root}/health-rules`),
    );
    const relaxed = root.rules.map((r) => (r.key === 'stale-status' ? { ...r, enabled: false } : r));
    await ok(
      await director.request('PUT', `/api/v1/org-units/${org.root}/health-rules`, {
        version: 0,
        rules: relaxed,
      }),
    );
    let a = await ok<UnitRules>(await pm.request('GET', `/api/v1/org-units/${org.unitA}/health-rules`));
    expect(a).toMatchObject({ own: false, definedAt: org.root });
    expect(a.rules.find((r) => r.key === 'stale-status')?.enabled).toBe(false);
    expect((await scopeOfA())?.rag).toBe('green');

    // The unit sets its own: a report is stale after 10 days, and never reporting is red again.
    const strict = a.defaults.map((r) => (r.key === 'stale-status' ? { ...r, amber: 5, red: 10 } : r));
    a = await ok<UnitRules>(
      await unitDirector.request('PUT', `/api/v1/org-units/${org.unitA}/health-rules`, {
        version: 0,
        rules: strict,
      }),
    );
    expect(a).toMatchObject({ own: true, definedAt: org.unitA, version: 1 });
    expect((await scopeOfA())?.rag).toBe('red');

    // Dropping it inherits the enterprise set again.
    a = await ok<UnitRules>(
      await unitDirector.request('DELETE', `/api/v1/org-units/${org.unitA}/health-rules?version=1`),
    );
    expect(a).toMatchObject({ own: false, definedAt: org.root });
    expect((await scopeOfA())?.rag).toBe('green');
    const journal = await ok<{ items: { action: string }[] }>(
      await director.request('GET', `/api/v1/journal?entityType=health_rules&entityId=${org.unitA}`),
    );
    expect(journal.items.map((e) => e.action).sort()).toEqual(['create', 'delete']);
  });

  it('refuses thresholds in the wrong order, an unknown fact, a stale version and a project manager', async () => {
    const a = await ok<UnitRules>(await pm.request('GET', `/api/v1/org-units/${org.unitA}/health-rules`));
    const wrong = a.defaults.map((r) => (r.key === 'spi' ? { ...r, amber: 0.8, red: 0.9 } : r));
    const res = await unitDirector.request('PUT', `/api/v1/org-units/${org.unitA}/health-rules`, {
      version: 0,
      rules: wrong,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'rules.0.red' });
    const unknown = await unitDirector.request('PUT', `/api/v1/org-units/${org.unitA}/health-rules`, {
      version: 0,
      rules: [{ ...a.defaults[0], fact: 'mood' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('rules.0.fact');
    const stale = await director.request('PUT', `/api/v1/org-units/${org.root}/health-rules`, {
      version: 0,
      rules: a.defaults,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (
        await pm.request('PUT', `/api/v1/org-units/${org.unitA}/health-rules`, {
          version: 0,
          rules: a.defaults,
        })
      ).statusCode,
    ).toBe(403);
    // A unit director cannot change the enterprise PMO's rules.
    expect(
      (
        await unitDirector.request('PUT', `/api/v1/org-units/${org.root}/health-rules`, {
          version: 1,
          rules: a.defaults,
        })
      ).statusCode,
    ).toBe(403);
  });
});
