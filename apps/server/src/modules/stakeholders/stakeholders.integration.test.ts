import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  makeOrg,
  makeUser,
  type Org,
  PASSWORD,
  signIn,
  startHarness,
} from '../../test-support/harness.ts';
import { SYSTEM_ACTOR } from '../access/access.service.ts';

let h: Harness;
let org: Org;
let director: Client;
let pmA: Client;
let pmB: Client;
let viewer: Client;
let memberA: Client;
/** Manages unit A's projects and reads unit B's. */
let mixed: Client;

type Item = {
  id: string;
  version: number;
  name: string;
  organisation: string | null;
  influence: number;
  interest: number;
  quadrant: string;
  attitude: string;
  engagementCurrent: string;
  engagementDesired: string;
  engagementGap: number;
  orgUnitId: string;
  orgUnitName: string;
  ownerId: string | null;
  ownerName: string | null;
  projectIds: string[];
  projectCount: number;
  projects: { id: string; code: string }[];
};
type Problem = { status: number; errors?: { field: string; rule: string }[] };

const URL = '/api/v1/stakeholders';

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  const grants = {
    director: { role: 'pmo_director', scopeType: 'organisation', scopeId: null },
    pmA: { role: 'project_manager', scopeType: 'org_unit', scopeId: org.unitA },
    pmB: { role: 'project_manager', scopeType: 'org_unit', scopeId: org.unitB },
    viewer: { role: 'viewer', scopeType: 'organisation', scopeId: null },
    memberA: { role: 'team_member', scopeType: 'org_unit', scopeId: org.unitA },
  } as const;
  for (const [name, grant] of Object.entries(grants))
    await makeUser(h.services, `${name.toLowerCase()}@test.io`, grant);
  director = await signIn(h.app, 'director@test.io');
  pmA = await signIn(h.app, 'pma@test.io');
  pmB = await signIn(h.app, 'pmb@test.io');
  viewer = await signIn(h.app, 'viewer@test.io');
  memberA = await signIn(h.app, 'membera@test.io');
  await h.services.users.create(SYSTEM_ACTOR, {
    email: 'mixed@test.io',
    name: 'Mixed',
    password: PASSWORD,
    grants: [
      { role: 'project_manager', scopeType: 'org_unit', scopeId: org.unitA },
      { role: 'viewer', scopeType: 'org_unit', scopeId: org.unitB },
    ],
  });
  mixed = await signIn(h.app, 'mixed@test.io');
}, 120_000);
afterAll(() => h.close());

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}
const list = async (c: Client, query = '') =>
  (await ok<{ items: Item[] }>(await c.request('GET', `${URL}${query}`))).items;

describe('the stakeholder register', () => {
  it('creates a stakeholder from the minimal body, with every default, and journals it', async () => {
    const s = await ok<Item>(
      await director.request('POST', URL, { name: 'Ada Sponsor', influence: 4, interest: 5 }),
      201,
    );
    expect(s).toMatchObject({
      name: 'Ada Sponsor',
      influence: 4,
      interest: 5,
      quadrant: 'manage_closely',
      attitude: 'neutral',
      engagementCurrent: 'neutral',
      engagementDesired: 'supportive',
      engagementGap: 1,
      orgUnitId: org.root,
      orgUnitName: 'Enterprise PMO',
      ownerId: null,
      projectIds: [],
      projectCount: 0,
      version: 1,
    });
    const journal = await ok<{ items: { action: string; entityId: string; changes: { field: string }[] }[] }>(
      await director.request('GET', `/api/v1/journal?entityType=stakeholder&entityId=${s.id}`),
    );
    expect(journal.items.map((e) => e.action)).toEqual(['create']);
    expect(journal.items[0]?.changes.map((c) => c.field)).toContain('influence');
    const one = await ok<Item>(await director.request('GET', `${URL}/${s.id}`));
    expect(one.id).toBe(s.id);
  });

  it('places each rating pair in its quadrant, high meaning 4 or 5, and filters by quadrant', async () => {
    const cases: [number, number, string][] = [
      [1, 1, 'monitor'],
      [3, 3, 'monitor'],
      [3, 4, 'keep_informed'],
      [1, 5, 'keep_informed'],
      [4, 3, 'keep_satisfied'],
      [5, 1, 'keep_satisfied'],
      [4, 4, 'manage_closely'],
      [5, 5, 'manage_closely'],
    ];
    const made: Item[] = [];
    for (const [influence, interest, quadrant] of cases) {
      const s = await ok<Item>(
        await director.request('POST', URL, { name: `Grid ${influence}/${interest}`, influence, interest }),
        201,
      );
      expect(s.quadrant, `${influence}/${interest}`).toBe(quadrant);
      made.push(s);
    }
    for (const quadrant of ['monitor', 'keep_informed', 'keep_satisfied', 'manage_closely']) {
      const names = (await list(director, `?quadrant=${quadrant}&q=Grid`)).map((s) => s.name).sort();
      const expected = cases
        .filter((c) => c[2] === quadrant)
        .map(([i, n]) => `Grid ${i}/${n}`)
        .sort();
      expect(names, quadrant).toEqual(expected);
    }
    // Moving across the boundary moves the quadrant.
    const edge = made[1] as Item;
    const moved = await ok<Item>(
      await director.request('PATCH', `${URL}/${edge.id}`, { version: edge.version, interest: 4 }),
    );
    expect(moved.quadrant).toBe('keep_informed');
  });

  it('links projects, lists by project, and replaces the links wholesale', async () => {
    const regulator = await ok<Item>(
      await director.request('POST', URL, {
        name: 'Financial regulator',
        organisation: 'Conduct Authority',
        influence: 5,
        interest: 3,
        projectIds: [org.projectA, org.projectB],
      }),
      201,
    );
    expect(regulator.projectIds.sort()).toEqual([org.projectA, org.projectB].sort());
    expect(regulator.projectCount).toBe(2);
    expect(regulator.projects.map((p) => p.code)).toEqual(['XA', 'XB']);
    expect((await list(director, `?projectId=${org.projectA}`)).map((s) => s.id)).toContain(regulator.id);
    expect((await list(director, '?q=conduct')).map((s) => s.id)).toEqual([regulator.id]);
    // A unit's project manager sees it, but only the projects of their unit.
    const seenByA = (await list(pmA)).find((s) => s.id === regulator.id);
    expect(seenByA?.projectIds).toEqual([org.projectA]);
    expect(seenByA?.projectCount).toBe(1);

    const onlyB = await ok<Item>(
      await director.request('PATCH', `${URL}/${regulator.id}`, {
        version: regulator.version,
        projectIds: [org.projectB],
      }),
    );
    expect(onlyB.projectIds).toEqual([org.projectB]);
    expect((await list(director, `?projectId=${org.projectA}`)).map((s) => s.id)).not.toContain(regulator.id);
    expect((await list(director, `?projectId=${org.projectB}`)).map((s) => s.id)).toContain(regulator.id);
    // Now it is on unit B's project only, registered at the root: unit A no longer sees it.
    expect((await list(pmA)).map((s) => s.id)).not.toContain(regulator.id);
    expect((await pmA.request('GET', `${URL}/${regulator.id}`)).statusCode).toBe(404);
    const journal = await ok<{ items: { action: string; changes: { field: string }[] }[] }>(
      await director.request('GET', `/api/v1/journal?entityType=stakeholder&entityId=${regulator.id}`),
    );
    expect(journal.items[0]?.action).toBe('update');
    expect(journal.items[0]?.changes.map((c) => c.field)).toEqual(['projectIds']);
  });

  it('refuses a stale version with 409', async () => {
    const s = await ok<Item>(
      await director.request('POST', URL, { name: 'Stale', influence: 2, interest: 2 }),
      201,
    );
    await ok(await director.request('PATCH', `${URL}/${s.id}`, { version: s.version, notes: 'First edit' }));
    const res = await director.request('PATCH', `${URL}/${s.id}`, {
      version: s.version,
      notes: 'Second edit',
    });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { currentVersion: number }).currentVersion).toBe(s.version + 1);
    expect((await director.request('DELETE', `${URL}/${s.id}?version=${s.version}`)).statusCode).toBe(409);
  });

  it('names the field it refuses: 400 for ratings off the scale, 422 for unknown projects', async () => {
    for (const body of [
      { name: 'Zero', influence: 0, interest: 3 },
      { name: 'Six', influence: 6, interest: 3 },
      { name: 'Half', influence: 2.5, interest: 3 },
    ]) {
      const res = await director.request('POST', URL, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect((res.json() as Problem).errors?.map((e) => e.field)).toEqual(['influence']);
    }
    const interest = await director.request('POST', URL, { name: 'Six', influence: 3, interest: 6 });
    expect(interest.statusCode).toBe(400);
    expect((interest.json() as Problem).errors?.map((e) => e.field)).toEqual(['interest']);
    const noName = await director.request('POST', URL, { influence: 3, interest: 3 });
    expect((noName.json() as Problem).errors?.map((e) => e.field)).toEqual(['name']);
    const unknown = await director.request('POST', URL, {
      name: 'Nowhere',
      influence: 3,
      interest: 3,
      projectIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(422);
    expect((unknown.json() as Problem).errors?.map((e) => e.field)).toEqual(['projectIds']);
    const s = await ok<Item>(
      await director.request('POST', URL, { name: 'Patchable', influence: 3, interest: 3 }),
      201,
    );
    const badPatch = await director.request('PATCH', `${URL}/${s.id}`, {
      version: s.version,
      projectIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(badPatch.statusCode).toBe(422);
    expect((badPatch.json() as Problem).errors?.map((e) => e.field)).toEqual(['projectIds']);
    const badUnit = await director.request('POST', URL, {
      name: 'Unit',
      influence: 3,
      interest: 3,
      orgUnitId: '00000000-0000-4000-8000-000000000000',
    });
    expect((badUnit.json() as Problem).errors?.map((e) => e.field)).toEqual(['orgUnitId']);
    expect((await director.request('GET', `${URL}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(
      404,
    );
  });

  it('refuses with 403 whoever may not change the projects concerned', async () => {
    const body = { name: 'Union rep', influence: 3, interest: 5, projectIds: [org.projectA] };
    expect((await viewer.request('POST', URL, body)).statusCode).toBe(403);
    expect((await memberA.request('POST', URL, body)).statusCode).toBe(403);
    // Unit B's manager may not put a stakeholder on unit A's project, nor one on no project at the root.
    expect((await pmB.request('POST', URL, body)).statusCode).toBe(403);
    expect((await pmA.request('POST', URL, { name: 'PMO only', influence: 2, interest: 2 })).statusCode).toBe(
      403,
    );
    // …but unit A's manager may, and may register one at their own unit.
    const rep = await ok<Item>(await pmA.request('POST', URL, body), 201);
    await ok(
      await pmA.request('POST', URL, {
        name: 'Unit A works council',
        influence: 2,
        interest: 4,
        orgUnitId: org.unitA,
      }),
      201,
    );
    // Unit B's manager neither sees nor changes it, and may not link it to their project.
    expect((await pmB.request('GET', `${URL}/${rep.id}`)).statusCode).toBe(404);
    const patch = await pmB.request('PATCH', `${URL}/${rep.id}`, {
      version: rep.version,
      projectIds: [org.projectA, org.projectB],
    });
    expect(patch.statusCode).toBe(403);
    // Unit A's manager may not link it to unit B's project either.
    expect(
      (
        await pmA.request('PATCH', `${URL}/${rep.id}`, {
          version: rep.version,
          projectIds: [org.projectA, org.projectB],
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await viewer.request('PATCH', `${URL}/${rep.id}`, { version: rep.version, notes: 'x' })).statusCode,
    ).toBe(403);
    expect((await viewer.request('DELETE', `${URL}/${rep.id}`)).statusCode).toBe(403);
    // Once it is on unit B's project too, unit A's manager may no longer delete it (it would vanish from B).
    const shared = await ok<Item>(
      await director.request('PATCH', `${URL}/${rep.id}`, {
        version: rep.version,
        projectIds: [org.projectA, org.projectB],
      }),
    );
    expect((await pmA.request('DELETE', `${URL}/${rep.id}`)).statusCode).toBe(403);
    // Someone who sees unit B's project but may not change it may not unlink it.
    expect(
      (await mixed.request('PATCH', `${URL}/${rep.id}`, { version: shared.version, projectIds: [] }))
        .statusCode,
    ).toBe(403);
    // Unit A's manager may unlink their own project: the link to unit B's, which they cannot see, stays.
    expect((await ok<Item>(await pmA.request('GET', `${URL}/${rep.id}`))).projectIds).toEqual([org.projectA]);
    const unlinked = await ok<Item>(
      await pmA.request('PATCH', `${URL}/${rep.id}`, { version: shared.version, projectIds: [] }),
    );
    expect(unlinked.projectIds).toEqual([]);
    expect((await ok<Item>(await director.request('GET', `${URL}/${rep.id}`))).projectIds).toEqual([
      org.projectB,
    ]);
  });

  it('deletes a stakeholder from the register and every project, and journals it', async () => {
    const s = await ok<Item>(
      await pmA.request('POST', URL, {
        name: 'Short-lived',
        influence: 1,
        interest: 1,
        projectIds: [org.projectA],
      }),
      201,
    );
    await ok(await pmA.request('DELETE', `${URL}/${s.id}?version=${s.version}`));
    expect((await director.request('GET', `${URL}/${s.id}`)).statusCode).toBe(404);
    expect((await list(director, `?projectId=${org.projectA}`)).map((x) => x.id)).not.toContain(s.id);
    const journal = await ok<{ items: { action: string }[] }>(
      await director.request('GET', `/api/v1/journal?entityType=stakeholder&entityId=${s.id}`),
    );
    expect(journal.items.map((e) => e.action)).toEqual(['delete', 'create']);
    expect((await director.request('DELETE', `${URL}/${s.id}`)).statusCode).toBe(404);
  });
});
