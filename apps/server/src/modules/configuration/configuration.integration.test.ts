import { sql } from 'drizzle-orm';
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
let director: Client;
let pm: Client;
let sponsor: Client;
let member: Client;
let outsider: Client;

type VersionSummary = { id: string; number: number; label: string; status: string };
type Item = {
  id: string;
  version: number;
  code: string;
  name: string;
  latestVersion: VersionSummary | null;
  approvedVersion: VersionSummary | null;
  versionCount: number;
};
type Detail = Item & {
  versions: (VersionSummary & { changeRequestId: string | null; changeRequestCode: string | null })[];
  baselines: { id: string; name: string; versionNumber: number }[];
  changeRequests: { code: string; newVersionNumber: number | null }[];
};
type Baseline = { id: string; name: string; items: { code: string; versionNumber: number }[] };
type AuditLine = {
  code: string;
  status: string;
  baselineVersion: { number: number } | null;
  approvedVersion: { number: number; label: string } | null;
  changeRequests: { code: string }[];
};
type Summary = Record<string, number>;
type Audit = { baseline: { id: string; name: string } | null; items: AuditLine[]; summary: Summary };
type PmoAudit = { projects: (Audit & { projectId: string })[]; summary: Summary };
type ChangeItems = {
  status: string;
  items: { code: string; note: string | null; newVersion: VersionSummary | null }[];
};

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  const unitA = { scopeType: 'org_unit' as const, scopeId: org.unitA };
  await makeUser(h.services, 'director@test.io', {
    role: 'pmo_director',
    scopeType: 'organisation',
    scopeId: null,
  });
  await makeUser(h.services, 'pm@test.io', { role: 'project_manager', ...unitA });
  await makeUser(h.services, 'sponsor@test.io', { role: 'sponsor', ...unitA });
  await makeUser(h.services, 'member@test.io', { role: 'team_member', ...unitA });
  await makeUser(h.services, 'outsider@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitB,
  });
  director = await signIn(h.app, 'director@test.io');
  pm = await signIn(h.app, 'pm@test.io');
  sponsor = await signIn(h.app, 'sponsor@test.io');
  member = await signIn(h.app, 'member@test.io');
  outsider = await signIn(h.app, 'outsider@test.io');
}, 120_000);
afterAll(() => h.close());

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

const createItem = (client: Client, projectId: string, name: string, kind = 'document') =>
  client.request('POST', `/api/v1/projects/${projectId}/configuration-items`, { name, kind });
const move = (client: Client, itemId: string, number: number, status: string) =>
  client.request('POST', `/api/v1/configuration-items/${itemId}/versions/${number}/transition`, { status });

/** A new item of project A taken to an approved version 1. */
async function approvedItem(name: string, kind = 'document'): Promise<Item> {
  const item = await ok<Item>(await createItem(pm, org.projectA, name, kind), 201);
  await ok(await move(pm, item.id, 1, 'in_review'));
  return ok<Item>(await move(sponsor, item.id, 1, 'approved'));
}

async function submitChange(title: string): Promise<{ id: string; code: string }> {
  return ok(
    await pm.request('POST', '/api/v1/change-requests', {
      projectId: org.projectA,
      title,
      costImpact: 1,
      scheduleImpactDays: 0,
    }),
    201,
  );
}

describe('configuration items and versions', () => {
  let item: Item;

  it('creates an item at version 1 in draft, with a code of its own', async () => {
    item = await ok<Item>(await createItem(pm, org.projectA, 'Solution design'), 201);
    expect(item.code).toMatch(/^CI-\d{4}$/);
    expect(item.latestVersion).toMatchObject({ number: 1, label: '1.0', status: 'draft' });
    expect(item.approvedVersion).toBeNull();
    const second = await ok<Item>(await createItem(pm, org.projectA, 'Interface spec', 'specification'), 201);
    expect(Number(second.code.slice(3))).toBe(Number(item.code.slice(3)) + 1);
    const list = await ok<{ items: Item[]; total: number }>(
      await member.request('GET', `/api/v1/projects/${org.projectA}/configuration-items`),
    );
    expect(list.items.map((i) => i.code)).toEqual([item.code, second.code]);
    const journal = await ok<{ items: { action: string }[] }>(
      await director.request('GET', `/api/v1/journal?entityType=configuration_item&entityId=${item.id}`),
    );
    expect(journal.items.map((e) => e.action)).toEqual(['create']);
  });

  it('refuses bad bodies (400), readers writing and outsiders reading (403), stale edits (409)', async () => {
    expect((await createItem(pm, org.projectA, 'X', 'spaceship')).statusCode).toBe(400);
    expect((await createItem(member, org.projectA, 'Mine')).statusCode).toBe(403);
    expect((await outsider.request('GET', `/api/v1/configuration-items/${item.id}`)).statusCode).toBe(403);
    expect(
      (await outsider.request('GET', `/api/v1/projects/${org.projectA}/configuration-items`)).statusCode,
    ).toBe(403);
    const renamed = await ok<Item>(
      await pm.request('PATCH', `/api/v1/configuration-items/${item.id}`, {
        version: item.version,
        name: 'Solution design (HLD)',
      }),
    );
    expect(renamed.name).toBe('Solution design (HLD)');
    const stale = await pm.request('PATCH', `/api/v1/configuration-items/${item.id}`, {
      version: item.version,
      name: 'Again',
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await pm.request('POST', `/api/v1/configuration-items/${item.id}/versions/0/transition`, {}))
        .statusCode,
    ).toBe(400);
  });

  it('moves draft → in review → approved; approving needs the approver', async () => {
    const skip = await move(pm, item.id, 1, 'approved');
    expect(skip.statusCode).toBe(403);
    await ok(await move(pm, item.id, 1, 'in_review'));
    expect((await move(pm, item.id, 1, 'approved')).statusCode).toBe(403);
    expect((await move(member, item.id, 1, 'draft')).statusCode).toBe(403);
    // Back to draft and to review again.
    await ok(await move(pm, item.id, 1, 'draft'));
    const direct = await move(sponsor, item.id, 1, 'approved');
    expect(direct.statusCode).toBe(409);
    expect(direct.json().detail).toContain('in review');
    await ok(await move(pm, item.id, 1, 'in_review'));
    const approved = await ok<Detail>(await move(sponsor, item.id, 1, 'approved'));
    expect(approved.approvedVersion).toMatchObject({ number: 1, label: '1.0' });
    const again = await move(director, item.id, 1, 'draft');
    expect(again.statusCode).toBe(409);
    expect((await move(director, item.id, 9, 'in_review')).statusCode).toBe(404);
    expect((await move(director, item.id, 1, 'superseded')).statusCode).toBe(409);
  });

  it('keeps one open version at a time and one approved version per item', async () => {
    const v2 = await ok<Detail>(
      await pm.request('POST', `/api/v1/configuration-items/${item.id}/versions`, { notes: 'New section' }),
      201,
    );
    expect(v2.versions[0]).toMatchObject({ number: 2, label: '1.1', status: 'draft' });
    const open = await pm.request('POST', `/api/v1/configuration-items/${item.id}/versions`, {});
    expect(open.statusCode).toBe(409);
    await ok(await move(pm, item.id, 2, 'in_review'));
    const after = await ok<Detail>(await move(director, item.id, 2, 'approved'));
    expect(after.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect(after.approvedVersion?.number).toBe(2);
    const dup = await pm.request('POST', `/api/v1/configuration-items/${item.id}/versions`, { label: '1.0' });
    expect(dup.statusCode).toBe(422);
    const v3 = await ok<Detail>(
      await pm.request('POST', `/api/v1/configuration-items/${item.id}/versions`, { label: '2.0' }),
      201,
    );
    expect(v3.versions[0]).toMatchObject({ number: 3, label: '2.0', status: 'draft' });
    expect(v3.approvedVersion?.number).toBe(2);
    const journal = await ok<{ items: { action: string }[] }>(
      await director.request('GET', `/api/v1/journal?entityType=configuration_item&entityId=${item.id}`),
    );
    expect(journal.items.map((e) => e.action)).toContain('approve-version');
  });

  it('deletes only an item that never left draft', async () => {
    const approved = await move(pm, item.id, 3, 'in_review');
    expect(approved.statusCode).toBe(200);
    expect((await pm.request('DELETE', `/api/v1/configuration-items/${item.id}`)).statusCode).toBe(409);
    const scratch = await ok<Item>(await createItem(pm, org.projectA, 'Scratch'), 201);
    await ok(await pm.request('DELETE', `/api/v1/configuration-items/${scratch.id}`));
    expect((await pm.request('GET', `/api/v1/configuration-items/${scratch.id}`)).statusCode).toBe(404);
  });
});

describe('baselines, change requests and the audit', () => {
  let design: Item;
  let api: Item;
  let build: Item;
  let manual: Item;
  let baseline: Baseline;
  let otherItem: Item;
  let change: { id: string; code: string };

  it('refuses a baseline while an item lacks an approved version, naming it (422)', async () => {
    // A project of its own items: project B, run by the director.
    otherItem = await ok<Item>(await createItem(director, org.projectB, 'B design'), 201);
    const refused = await director.request(
      'POST',
      `/api/v1/projects/${org.projectB}/configuration-baselines`,
      {
        name: 'B1',
      },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain(otherItem.code);
    expect(refused.json().errors[0]).toMatchObject({ field: 'items', rule: 'approved-version' });
    const empty = await director.request('POST', `/api/v1/projects/${org.projectB}/configuration-baselines`, {
      name: 'B1',
      skipUnapproved: true,
    });
    expect(empty.statusCode).toBe(422);
    await ok(await move(director, otherItem.id, 1, 'in_review'));
    await ok(await move(director, otherItem.id, 1, 'approved'));
    await ok(
      await director.request('POST', `/api/v1/projects/${org.projectB}/configuration-baselines`, {
        name: 'B1',
      }),
      201,
    );
  });

  it('freezes the approved versions, leaving out the unapproved when asked', async () => {
    design = await approvedItem('Design baseline doc');
    api = await approvedItem('API specification', 'specification');
    build = await approvedItem('Build', 'component');
    manual = await ok<Item>(await createItem(pm, org.projectA, 'User manual', 'deliverable'), 201);
    const all = await pm.request('POST', `/api/v1/projects/${org.projectA}/configuration-baselines`, {
      name: 'Design baseline',
    });
    expect(all.statusCode).toBe(422);
    expect(all.json().detail).toContain(manual.code);
    baseline = await ok<Baseline>(
      await pm.request('POST', `/api/v1/projects/${org.projectA}/configuration-baselines`, {
        name: 'Design baseline',
        itemIds: [design.id, api.id, build.id, manual.id],
        skipUnapproved: true,
      }),
      201,
    );
    expect(baseline.items.map((i) => [i.code, i.versionNumber])).toEqual([
      [design.code, 1],
      [api.code, 1],
      [build.code, 1],
    ]);
    const dup = await pm.request('POST', `/api/v1/projects/${org.projectA}/configuration-baselines`, {
      name: 'Design baseline',
      itemIds: [design.id],
    });
    expect(dup.statusCode).toBe(409);
    const foreign = await pm.request('POST', `/api/v1/projects/${org.projectA}/configuration-baselines`, {
      name: 'Foreign',
      itemIds: [otherItem.id],
    });
    expect(foreign.statusCode).toBe(422);
    expect(
      (
        await member.request('POST', `/api/v1/projects/${org.projectA}/configuration-baselines`, {
          name: 'M',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a baseline is frozen: no PATCH, and only the PMO deletes one', async () => {
    const patch = await pm.request('PATCH', `/api/v1/configuration-baselines/${baseline.id}`, {
      name: 'New',
    });
    expect(patch.statusCode).toBe(404);
    const scratch = await ok<Baseline>(
      await pm.request('POST', `/api/v1/projects/${org.projectA}/configuration-baselines`, {
        name: 'Scratch',
        itemIds: [design.id],
      }),
      201,
    );
    expect((await pm.request('DELETE', `/api/v1/configuration-baselines/${scratch.id}`)).statusCode).toBe(
      403,
    );
    await ok(await director.request('DELETE', `/api/v1/configuration-baselines/${scratch.id}`));
    expect((await pm.request('GET', `/api/v1/configuration-baselines/${scratch.id}`)).statusCode).toBe(404);
    const still = await ok<Baseline>(
      await member.request('GET', `/api/v1/configuration-baselines/${baseline.id}`),
    );
    expect(still.items).toHaveLength(3);
    // A baselined item stays.
    const kept = await pm.request('DELETE', `/api/v1/configuration-items/${design.id}`);
    expect(kept.statusCode).toBe(409);
  });

  it('a change names its own project’s items while undecided', async () => {
    change = await submitChange('Rework the design for the new API');
    const url = `/api/v1/change-requests/${change.id}/configuration-items`;
    expect((await pm.request('PUT', url, {})).statusCode).toBe(400);
    expect((await member.request('PUT', url, { items: [] })).statusCode).toBe(403);
    expect((await outsider.request('GET', url)).statusCode).toBe(403);
    const twice = await pm.request('PUT', url, { items: [{ itemId: design.id }, { itemId: design.id }] });
    expect(twice.statusCode).toBe(422);
    const foreign = await pm.request('PUT', url, { items: [{ itemId: otherItem.id }] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0]).toMatchObject({ field: 'items.0.itemId', rule: 'same-project' });
    const named = await ok<ChangeItems>(
      await pm.request('PUT', url, { items: [{ itemId: design.id, note: 'New interface chapter' }] }),
    );
    expect(named.items).toEqual([
      expect.objectContaining({ code: design.code, note: 'New interface chapter', newVersion: null }),
    ]);
    expect((await member.request('GET', url)).statusCode).toBe(200);
  });

  it('approving the change records each item’s next version, approved, in the same step', async () => {
    const decided = await pm.request('POST', `/api/v1/change-requests/${change.id}/decision`, {
      decision: 'approve',
      reason: 'Agreed at the design review',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const d = await ok<Detail>(await pm.request('GET', `/api/v1/configuration-items/${design.id}`));
    expect(d.versions.map((v) => [v.number, v.label, v.status, v.changeRequestCode])).toEqual([
      [2, '1.1', 'approved', change.code],
      [1, '1.0', 'superseded', null],
    ]);
    expect(d.changeRequests).toEqual([expect.objectContaining({ code: change.code, newVersionNumber: 2 })]);
    expect(d.baselines).toEqual([expect.objectContaining({ name: 'Design baseline', versionNumber: 1 })]);
    const items = await ok<ChangeItems>(
      await pm.request('GET', `/api/v1/change-requests/${change.id}/configuration-items`),
    );
    expect(items.status).toBe('approved');
    expect(items.items[0]?.newVersion).toMatchObject({ number: 2, status: 'approved' });
    const late = await pm.request('PUT', `/api/v1/change-requests/${change.id}/configuration-items`, {
      items: [],
    });
    expect(late.statusCode).toBe(409);
  });

  it('audits every item against the baseline: matches, changed, unexplained, added, no approved version', async () => {
    // The build gets a new approved version outside change control; a new item is approved later.
    await ok(await pm.request('POST', `/api/v1/configuration-items/${build.id}/versions`, {}), 201);
    await ok(await move(pm, build.id, 2, 'in_review'));
    await ok(await move(sponsor, build.id, 2, 'approved'));
    const later = await approvedItem('Test plan');
    const audit = await ok<Audit>(
      await member.request('GET', `/api/v1/projects/${org.projectA}/configuration-audit`),
    );
    expect(audit.baseline?.name).toBe('Design baseline');
    const by = new Map(audit.items.map((l) => [l.code, l]));
    expect(by.get(api.code)?.status).toBe('matches');
    expect(by.get(design.code)).toMatchObject({
      status: 'changed',
      baselineVersion: { number: 1 },
      approvedVersion: { number: 2, label: '1.1' },
      changeRequests: [{ code: change.code }],
    });
    expect(by.get(build.code)).toMatchObject({ status: 'unexplained', changeRequests: [] });
    expect(by.get(later.code)?.status).toBe('added');
    expect(by.get(manual.code)?.status).toBe('no-approved-version');
    // The first describe's items: one approved (not in the baseline), one only ever in draft.
    expect(audit.summary).toEqual({
      matches: 1,
      changed: 1,
      unexplained: 1,
      added: 2,
      noApprovedVersion: 2,
      total: 7,
    });
    const foreign = await ok<{ items: Baseline[] }>(
      await director.request('GET', `/api/v1/projects/${org.projectB}/configuration-baselines`),
    );
    const wrong = await pm.request(
      'GET',
      `/api/v1/projects/${org.projectA}/configuration-audit?baselineId=${foreign.items[0]?.id}`,
    );
    expect(wrong.statusCode).toBe(422);
    const chosen = await ok<Audit>(
      await pm.request(
        'GET',
        `/api/v1/projects/${org.projectA}/configuration-audit?baselineId=${baseline.id}`,
      ),
    );
    expect(chosen.baseline?.id).toBe(baseline.id);
  });

  it('gives the PMO the audit of every project it reads, filtered', async () => {
    const all = await ok<PmoAudit>(await director.request('GET', '/api/v1/configuration/audit'));
    expect(all.projects.map((p) => p.projectId).sort()).toEqual([org.projectA, org.projectB].sort());
    expect(all.projects.find((p) => p.projectId === org.projectB)?.summary).toMatchObject({ matches: 1 });
    const differences = await ok<PmoAudit>(
      await director.request('GET', '/api/v1/configuration/audit?status=changed,unexplained'),
    );
    expect(differences.projects.map((p) => p.projectId)).toEqual([org.projectA]);
    expect(differences.summary).toMatchObject({ changed: 1, unexplained: 1, total: 2 });
    const unitB = await ok<PmoAudit>(
      await director.request('GET', `/api/v1/configuration/audit?orgUnitId=${org.unitB}`),
    );
    expect(unitB.projects.map((p) => p.projectId)).toEqual([org.projectB]);
    const mine = await ok<PmoAudit>(await pm.request('GET', '/api/v1/configuration/audit'));
    expect(mine.projects.map((p) => p.projectId)).toEqual([org.projectA]);
    const theirs = await ok<PmoAudit>(await outsider.request('GET', '/api/v1/configuration/audit'));
    expect(theirs.projects.map((p) => p.projectId)).toEqual([org.projectB]);
    expect((await director.request('GET', '/api/v1/configuration/audit?status=lost')).statusCode).toBe(422);
  });

  it('a failed approval leaves nothing half-written', async () => {
    const first = await approvedItem('Rollback one');
    const second = await approvedItem('Rollback two');
    const cr = await submitChange('Touches two items');
    await ok(
      await pm.request('PUT', `/api/v1/change-requests/${cr.id}/configuration-items`, {
        items: [{ itemId: first.id }, { itemId: second.id }],
      }),
    );
    const budgetBefore = (
      await ok<{ budgetMinor: number | null }>(await pm.request('GET', `/api/v1/projects/${org.projectA}`))
    ).budgetMinor;
    // The database refuses to record the second item's new version, after the first was written.
    const db = h.database.db;
    await db.execute(
      sql.raw(`CREATE FUNCTION ci_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'refused for the test'; END; $$`),
    );
    await db.execute(
      sql.raw(`CREATE TRIGGER ci_test_refuse BEFORE UPDATE ON change_request_items FOR EACH ROW
        WHEN (NEW.item_id = '${second.id}') EXECUTE FUNCTION ci_test_refuse()`),
    );
    const failed = await pm.request('POST', `/api/v1/change-requests/${cr.id}/decision`, {
      decision: 'approve',
      reason: 'Go',
    });
    expect(failed.statusCode).toBe(500);
    await db.execute(sql.raw('DROP TRIGGER ci_test_refuse ON change_request_items'));
    await db.execute(sql.raw('DROP FUNCTION ci_test_refuse()'));
    const one = await ok<Detail>(await pm.request('GET', `/api/v1/configuration-items/${first.id}`));
    expect(one.versions.map((v) => [v.number, v.status])).toEqual([[1, 'approved']]);
    const crAfter = await ok<{ status: string }>(await pm.request('GET', `/api/v1/change-requests/${cr.id}`));
    expect(crAfter.status).toBe('submitted');
    const project = await ok<{ budgetMinor: number | null }>(
      await pm.request('GET', `/api/v1/projects/${org.projectA}`),
    );
    expect(project.budgetMinor).toBe(budgetBefore);
    const journal = await ok<{ items: { action: string }[] }>(
      await director.request('GET', `/api/v1/journal?entityType=configuration_item&entityId=${first.id}`),
    );
    expect(journal.items.map((e) => e.action)).not.toContain('change-version');
    // With the database willing, the same approval goes through whole.
    await ok(
      await pm.request('POST', `/api/v1/change-requests/${cr.id}/decision`, {
        decision: 'approve',
        reason: 'Go',
      }),
    );
    const items = await ok<ChangeItems>(
      await pm.request('GET', `/api/v1/change-requests/${cr.id}/configuration-items`),
    );
    expect(items.items.map((i) => i.newVersion?.number)).toEqual([2, 2]);
    const two = await ok<Detail>(await pm.request('GET', `/api/v1/configuration-items/${second.id}`));
    expect(two.versions.filter((v) => v.status === 'approved')).toHaveLength(1);
  });
});
