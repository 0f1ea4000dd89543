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
let director: Client;
let pm: Client;
let member: Client;

type Standard = {
  id: string;
  key: string;
  version: number;
  standardVersion: number;
  status: string;
  overridable: boolean;
  replacesKey: string | null;
};
type AtUnit = {
  orgUnitId: string;
  inForce: (Standard & { inherited: boolean })[];
  replaced: { key: string; byKey: string }[];
  drafts: Standard[];
};
type Item = {
  id: string;
  version: number;
  text: string;
  inherited: boolean;
  waiver: { reason: string } | null;
};
type Checks = {
  items: { itemId: string; met: boolean | null; note: string | null }[];
  met: number;
  total: number;
};

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  await makeUser(h.services, 'director@test.io', {
    role: 'pmo_director',
    scopeType: 'organisation',
    scopeId: null,
  });
  await makeUser(h.services, 'pm@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  await makeUser(h.services, 'member@test.io', {
    role: 'team_member',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  director = await signIn(h.app, 'director@test.io');
  pm = await signIn(h.app, 'pm@test.io');
  member = await signIn(h.app, 'member@test.io');
}, 120_000);
afterAll(() => h.close());

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

describe('PMO standards down the hierarchy', () => {
  let reporting: Standard;
  let risk: Standard;

  it('writes, publishes and revises a standard; a published version never changes', async () => {
    reporting = await ok<Standard>(
      await director.request('POST', '/api/v1/standards', {
        kind: 'standard',
        title: 'Status reporting',
        body: 'Every project reports monthly.',
        overridable: true,
      }),
      201,
    );
    expect(reporting).toMatchObject({ standardVersion: 1, status: 'draft' });
    expect(reporting.key).toMatch(/^STD-\d{3}$/);
    // A draft is not in force yet.
    let root = await ok<AtUnit>(await director.request('GET', '/api/v1/standards'));
    expect(root.inForce).toHaveLength(0);
    expect(root.drafts.map((d) => d.id)).toEqual([reporting.id]);
    reporting = await ok<Standard>(
      await director.request('PATCH', `/api/v1/standards/${reporting.id}`, {
        version: reporting.version,
        body: 'Every project reports by the 5th working day of the month.',
      }),
    );
    reporting = await ok<Standard>(
      await director.request('POST', `/api/v1/standards/${reporting.id}/publish`, {
        version: reporting.version,
      }),
    );
    expect(reporting.status).toBe('published');
    const edit = await director.request('PATCH', `/api/v1/standards/${reporting.id}`, {
      version: reporting.version,
      title: 'Changed',
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('revise it');
    const v2 = await ok<Standard>(
      await director.request('POST', `/api/v1/standards/${reporting.id}/revise`, {
        version: reporting.version,
      }),
      201,
    );
    expect(v2).toMatchObject({ key: reporting.key, standardVersion: 2, status: 'draft' });
    // One draft at a time.
    const again = await director.request('POST', `/api/v1/standards/${reporting.id}/revise`, {
      version: reporting.version,
    });
    expect(again.statusCode).toBe(422);
    const published = await ok<Standard>(
      await director.request('POST', `/api/v1/standards/${v2.id}/publish`, { version: v2.version }),
    );
    const detail = await ok<Standard & { versions: { standardVersion: number; status: string }[] }>(
      await director.request('GET', `/api/v1/standards/${published.id}`),
    );
    expect(detail.versions.map((v) => `${v.standardVersion}:${v.status}`)).toEqual([
      '1:superseded',
      '2:published',
    ]);
    root = await ok<AtUnit>(await director.request('GET', '/api/v1/standards'));
    expect(root.inForce.map((s) => `${s.key}v${s.standardVersion}`)).toEqual([`${reporting.key}v2`]);
    reporting = published;
  });

  it('lets a unit replace only an overridable standard of a unit above', async () => {
    risk = await ok<Standard>(
      await director.request('POST', '/api/v1/standards', {
        kind: 'policy',
        title: 'Risk management',
        body: 'Risks are reviewed monthly.',
      }),
      201,
    );
    risk = await ok<Standard>(
      await director.request('POST', `/api/v1/standards/${risk.id}/publish`, { version: risk.version }),
    );
    const refused = await director.request('POST', '/api/v1/standards', {
      orgUnitId: org.unitA,
      kind: 'policy',
      title: 'Our own risk management',
      body: 'Quarterly.',
      replacesKey: risk.key,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ field: 'replacesKey', rule: 'overridable' });
    let own = await ok<Standard>(
      await director.request('POST', '/api/v1/standards', {
        orgUnitId: org.unitA,
        kind: 'procedure',
        title: 'Unit A status reporting',
        body: 'Weekly, in the unit’s format.',
        replacesKey: reporting.key,
      }),
      201,
    );
    own = await ok<Standard>(
      await director.request('POST', `/api/v1/standards/${own.id}/publish`, { version: own.version }),
    );
    const a = await ok<AtUnit>(await pm.request('GET', `/api/v1/standards?orgUnitId=${org.unitA}`));
    expect(a.inForce.map((s) => [s.key, s.inherited]).sort()).toEqual(
      [
        [own.key, false],
        [risk.key, true],
      ].sort(),
    );
    expect(a.replaced).toEqual([expect.objectContaining({ key: reporting.key, byKey: own.key })]);
    // For a project: its unit's view. Unit B still follows the enterprise standard.
    const forProject = await ok<AtUnit>(
      await pm.request('GET', `/api/v1/standards?projectId=${org.projectA}`),
    );
    expect(forProject.orgUnitId).toBe(org.unitA);
    const b = await ok<AtUnit>(await director.request('GET', `/api/v1/standards?orgUnitId=${org.unitB}`));
    expect(b.inForce.map((s) => s.key).sort()).toEqual([reporting.key, risk.key].sort());
    // Retired: no longer in force.
    const retired = await ok<Standard>(
      await director.request('POST', `/api/v1/standards/${risk.id}/retire`, { version: risk.version }),
    );
    expect(retired.status).toBe('retired');
    const b2 = await ok<AtUnit>(await director.request('GET', `/api/v1/standards?orgUnitId=${org.unitB}`));
    expect(b2.inForce.map((s) => s.key)).toEqual([reporting.key]);
  });

  it('authorises by where the standard sits and names bad input', async () => {
    expect(
      (await pm.request('POST', '/api/v1/standards', { kind: 'standard', title: 'x', body: 'y' })).statusCode,
    ).toBe(403);
    expect(
      (await pm.request('POST', `/api/v1/standards/${reporting.id}/retire`, { version: 1 })).statusCode,
    ).toBe(403);
    const bad = await director.request('POST', '/api/v1/standards', { kind: 'rule', title: '', body: 'y' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['kind', 'title']);
    const stale = await director.request('POST', `/api/v1/standards/${reporting.id}/retire`, {
      version: reporting.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    expect((await director.request('GET', `/api/v1/standards/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('the manual compliance checklist', () => {
  let fixed: Item;
  let waivable: Item;

  it('defines items at the enterprise PMO, which a unit may waive only where overridable', async () => {
    fixed = await ok<Item>(
      await director.request('POST', '/api/v1/compliance-items', { text: 'Sponsor signed the charter' }),
      201,
    );
    waivable = await ok<Item>(
      await director.request('POST', '/api/v1/compliance-items', {
        text: 'Lessons-learned session held at each gate',
        overridable: true,
      }),
      201,
    );
    const noStd = await director.request('POST', '/api/v1/compliance-items', {
      text: 'x',
      standardKey: 'STD-999',
    });
    expect(noStd.statusCode).toBe(422);
    const refused = await director.request('POST', `/api/v1/org-units/${org.unitA}/compliance-waivers`, {
      itemId: fixed.id,
      reason: 'We do it differently',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].message).toContain('not overridable');
    const own = await director.request('POST', `/api/v1/org-units/${org.root}/compliance-waivers`, {
      itemId: waivable.id,
      reason: 'x',
    });
    expect(own.statusCode).toBe(422);
    expect(
      (
        await pm.request('POST', `/api/v1/org-units/${org.unitA}/compliance-waivers`, {
          itemId: waivable.id,
          reason: 'r',
        })
      ).statusCode,
    ).toBe(403);
    const list = await ok<{ items: Item[] }>(
      await director.request('POST', `/api/v1/org-units/${org.unitB}/compliance-waivers`, {
        itemId: waivable.id,
        reason: 'Unit B holds one retrospective per quarter instead',
      }),
      201,
    );
    expect(list.items.find((i) => i.id === waivable.id)?.waiver?.reason).toContain('per quarter');
    expect(list.items.every((i) => i.inherited)).toBe(true);
    const a = await ok<{ items: Item[] }>(
      await pm.request('GET', `/api/v1/compliance-items?orgUnitId=${org.unitA}`),
    );
    expect(a.items.map((i) => [i.text, i.waiver])).toEqual([
      ['Sponsor signed the charter', null],
      ['Lessons-learned session held at each gate', null],
    ]);
  });

  it('has each project attest its items, which count in its compliance score', async () => {
    const p = await h.services.projects.get(org.projectA);
    await h.services.projects.transition(SYSTEM_ACTOR, org.projectA, 'approved', null, {
      version: p.version,
      source: 'body',
    });
    const before = await ok<{ project: { score: number; results: { rule: string; detail: string }[] } }>(
      await pm.request('GET', `/api/v1/projects/${org.projectA}/compliance`),
    );
    expect(before.project.results.find((r) => r.rule === 'checklist')?.detail).toBe('0 of 2 attested');
    let checks = await ok<Checks>(
      await pm.request('GET', `/api/v1/projects/${org.projectA}/compliance-checks`),
    );
    expect(checks).toMatchObject({ met: 0, total: 2 });
    expect(checks.items.every((i) => i.met === null)).toBe(true);
    // A team member reads but may not attest.
    expect(
      (
        await member.request('PUT', `/api/v1/projects/${org.projectA}/compliance-checks/${fixed.id}`, {
          met: true,
        })
      ).statusCode,
    ).toBe(403);
    checks = await ok<Checks>(
      await pm.request('PUT', `/api/v1/projects/${org.projectA}/compliance-checks/${fixed.id}`, {
        met: true,
        note: 'Signed on 3 November',
      }),
    );
    checks = await ok<Checks>(
      await pm.request('PUT', `/api/v1/projects/${org.projectA}/compliance-checks/${waivable.id}`, {
        met: false,
      }),
    );
    expect(checks).toMatchObject({ met: 1, total: 2 });
    expect(checks.items.find((i) => i.itemId === fixed.id)?.note).toBe('Signed on 3 November');
    const after = await ok<{
      project: {
        score: number;
        results: { rule: string; detail: string; applicable: boolean; passed: boolean }[];
      };
    }>(await pm.request('GET', `/api/v1/projects/${org.projectA}/compliance`));
    const auto = after.project.results.filter((r) => r.applicable && r.rule !== 'checklist');
    const autoMet = auto.filter((r) => r.passed).length;
    expect(after.project.results.find((r) => r.rule === 'checklist')?.detail).toBe('1 of 2 attested');
    expect(after.project.score).toBe(Math.round((100 * (autoMet + 1)) / (auto.length + 2)));
    const report = await ok<{ projects: { projectId: string; score: number }[] }>(
      await director.request('GET', '/api/v1/compliance'),
    );
    expect(report.projects.find((r) => r.projectId === org.projectA)?.score).toBe(after.project.score);
    // Project B sits in unit B, which waived the second item: only one applies there.
    const b = await ok<Checks>(
      await director.request('GET', `/api/v1/projects/${org.projectB}/compliance-checks`),
    );
    expect(b.items.map((i) => i.itemId)).toEqual([fixed.id]);
    const off = await director.request(
      'PUT',
      `/api/v1/projects/${org.projectB}/compliance-checks/${waivable.id}`,
      {
        met: true,
      },
    );
    expect(off.statusCode).toBe(422);
  });

  it('lifts a waiver, and retires an item so it no longer applies', async () => {
    const lifted = await ok<{ items: Item[] }>(
      await director.request('DELETE', `/api/v1/org-units/${org.unitB}/compliance-waivers/${waivable.id}`),
    );
    expect(lifted.items.every((i) => i.waiver === null)).toBe(true);
    expect(
      (await director.request('DELETE', `/api/v1/org-units/${org.unitB}/compliance-waivers/${waivable.id}`))
        .statusCode,
    ).toBe(404);
    const retired = await ok<Item & { retiredAt: string | null }>(
      await director.request('PATCH', `/api/v1/compliance-items/${waivable.id}`, {
        version: waivable.version,
        retired: true,
      }),
    );
    expect(retired.retiredAt).not.toBeNull();
    const checks = await ok<Checks>(
      await pm.request('GET', `/api/v1/projects/${org.projectA}/compliance-checks`),
    );
    expect(checks).toMatchObject({ met: 1, total: 1 });
    const all = await ok<{ items: Item[] }>(
      await director.request('GET', '/api/v1/compliance-items?includeRetired=true'),
    );
    expect(all.items).toHaveLength(2);
    const journal = await ok<{ items: { action: string }[] }>(
      await director.request('GET', `/api/v1/journal?entityType=compliance_item&entityId=${waivable.id}`),
    );
    expect(journal.items.map((e) => e.action).sort()).toEqual(['create', 'lift-waiver', 'retire', 'waive']);
  });
});
