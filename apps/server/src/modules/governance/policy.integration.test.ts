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
let buDirector: Client;
let pm: Client;

type Setting = {
  key: string;
  own: { value: unknown; overridable: boolean } | null;
  effective: unknown;
  definedAtName: string | null;
  limitFromAbove: unknown;
  overruled: string | null;
};
type Policy = { version: number; settings: Setting[] };
const setting = (p: Policy, key: string) => p.settings.find((s) => s.key === key) as Setting;

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  await makeUser(h.services, 'director@test.io', {
    role: 'pmo_director',
    scopeType: 'organisation',
    scopeId: null,
  });
  await makeUser(h.services, 'bu@test.io', {
    role: 'pmo_director',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  await makeUser(h.services, 'pm@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  director = await signIn(h.app, 'director@test.io');
  buDirector = await signIn(h.app, 'bu@test.io');
  pm = await signIn(h.app, 'pm@test.io');
}, 120_000);
afterAll(() => h.close());

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

describe('PMO policies down the hierarchy', () => {
  it('starts from Baton’s defaults', async () => {
    const p = await ok<Policy>(await pm.request('GET', `/api/v1/org-units/${org.unitA}/policy`));
    expect(p.version).toBe(0);
    expect(setting(p, 'riskReviewDays')).toMatchObject({ own: null, effective: 30, definedAtName: null });
    expect(await ok(await pm.request('GET', `/api/v1/projects/${org.projectA}/policy`))).toEqual({
      riskReviewDays: 30,
      minimumComplianceScore: 80,
      statusReportDueDays: 5,
      blockGoWithOpenHighRisks: false,
      requireGateDocuments: false,
    });
  });

  it('applies the enterprise PMO’s settings beneath it; a unit may tighten, and relax only what is overridable', async () => {
    await ok(
      await director.request('PUT', `/api/v1/org-units/${org.root}/policy`, {
        version: 0,
        settings: {
          riskReviewDays: { value: 30, overridable: false },
          minimumComplianceScore: { value: 70, overridable: true },
          blockGoWithOpenHighRisks: { value: true, overridable: false },
        },
      }),
    );
    // Relaxing the fixed review period is refused, naming the setting and who fixed it.
    const relax = await buDirector.request('PUT', `/api/v1/org-units/${org.unitA}/policy`, {
      version: 0,
      settings: { riskReviewDays: { value: 45, overridable: true } },
    });
    expect(relax.statusCode).toBe(422);
    expect(relax.body).toContain('settings.riskReviewDays.value');
    expect(relax.body).toContain('Enterprise PMO fixes');
    const flag = await buDirector.request('PUT', `/api/v1/org-units/${org.unitA}/policy`, {
      version: 0,
      settings: { blockGoWithOpenHighRisks: { value: false, overridable: true } },
    });
    expect(flag.statusCode).toBe(422);
    // Tightening the period and relaxing the overridable score both stand.
    const a = await ok<Policy>(
      await buDirector.request('PUT', `/api/v1/org-units/${org.unitA}/policy`, {
        version: 0,
        settings: {
          riskReviewDays: { value: 14, overridable: true },
          minimumComplianceScore: { value: 60, overridable: true },
        },
      }),
    );
    expect(a.version).toBe(1);
    expect(setting(a, 'riskReviewDays')).toMatchObject({
      effective: 14,
      definedAtName: 'Unit A',
      limitFromAbove: 30,
    });
    expect(setting(a, 'minimumComplianceScore')).toMatchObject({ effective: 60, limitFromAbove: null });
    expect(setting(a, 'blockGoWithOpenHighRisks')).toMatchObject({
      effective: true,
      definedAtName: 'Enterprise PMO',
    });
    expect(await ok(await pm.request('GET', `/api/v1/projects/${org.projectA}/policy`))).toMatchObject({
      riskReviewDays: 14,
      minimumComplianceScore: 60,
      blockGoWithOpenHighRisks: true,
    });
    // Unit B, untouched, inherits the enterprise settings.
    expect(await ok(await director.request('GET', `/api/v1/projects/${org.projectB}/policy`))).toMatchObject({
      riskReviewDays: 30,
      minimumComplianceScore: 70,
    });
  });

  it('shows a unit’s setting overruled when the unit above later fixes it tighter', async () => {
    const root = await ok<Policy>(await director.request('GET', `/api/v1/org-units/${org.root}/policy`));
    await ok(
      await director.request('PUT', `/api/v1/org-units/${org.root}/policy`, {
        version: root.version,
        settings: {
          riskReviewDays: { value: 7, overridable: false },
          minimumComplianceScore: { value: 70, overridable: true },
        },
      }),
    );
    const a = await ok<Policy>(await pm.request('GET', `/api/v1/org-units/${org.unitA}/policy`));
    expect(setting(a, 'riskReviewDays')).toMatchObject({ own: { value: 14 }, effective: 7 });
    expect(setting(a, 'riskReviewDays').overruled).toContain('Enterprise PMO fixes this at 7');
  });

  it('refuses bad values, stale versions and people without governance rights', async () => {
    const bad = await director.request('PUT', `/api/v1/org-units/${org.unitB}/policy`, {
      version: 0,
      settings: { riskReviewDays: { value: 0, overridable: true } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('settings.riskReviewDays.value');
    const unknown = await director.request('PUT', `/api/v1/org-units/${org.unitB}/policy`, {
      version: 0,
      settings: { nope: { value: 1, overridable: true } },
    });
    expect(unknown.statusCode).toBe(400);
    const stale = await buDirector.request('PUT', `/api/v1/org-units/${org.unitA}/policy`, {
      version: 0,
      settings: {},
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await pm.request('PUT', `/api/v1/org-units/${org.unitA}/policy`, { version: 1, settings: {} }))
        .statusCode,
    ).toBe(403);
    expect(
      (await buDirector.request('PUT', `/api/v1/org-units/${org.unitB}/policy`, { version: 0, settings: {} }))
        .statusCode,
    ).toBe(403);
  });

  it('holds gates to the policy: documents before submission, no go with open high risks', async () => {
    const template = await h.services.governance.createTemplate(SYSTEM_ACTOR, {
      key: 'gated',
      name: 'Gated',
      approach: 'predictive',
      phases: [
        {
          key: 'initiate',
          name: 'Initiate',
          gate: {
            name: 'Gate 1',
            criteria: [],
            deliverables: [{ key: 'charter', name: 'Charter', required: true }],
          },
        },
        { key: 'deliver', name: 'Deliver', gate: { name: 'Gate 2', criteria: [], deliverables: [] } },
      ],
    });
    let l = await ok<{ version: number }>(
      await pm.request('POST', `/api/v1/projects/${org.projectA}/lifecycle`, { templateId: template.id }),
      201,
    );
    l = await ok(
      await pm.request('PUT', `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/checklist`, {
        version: l.version,
        deliverables: { charter: { accepted: true } },
      }),
    );
    const a = await ok<Policy>(await buDirector.request('GET', `/api/v1/org-units/${org.unitA}/policy`));
    await ok(
      await buDirector.request('PUT', `/api/v1/org-units/${org.unitA}/policy`, {
        version: a.version,
        settings: {
          requireGateDocuments: { value: true, overridable: false },
          blockGoWithOpenHighRisks: { value: true, overridable: false },
        },
      }),
    );
    const early = await pm.request(
      'POST',
      `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/submission`,
      {
        version: l.version,
      },
    );
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('none yet for Charter');
    const q = new URLSearchParams({
      fileName: 'charter.txt',
      title: 'Charter',
      phaseKey: 'initiate',
      deliverableKey: 'charter',
    });
    const up = await pm.request(
      'POST',
      `/api/v1/projects/${org.projectA}/documents?${q}`,
      Buffer.from('The charter, signed.\n'),
      {
        'content-type': 'application/octet-stream',
      },
    );
    expect(up.statusCode, up.body).toBe(201);
    const submitted = await ok<{ version: number; reviews: { evidence: { documents: unknown[] } }[] }>(
      await pm.request('POST', `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/submission`, {
        version: l.version,
      }),
    );
    expect(submitted.reviews[0]?.evidence.documents).toEqual([
      { deliverableKey: 'charter', name: 'Charter', required: true, documentCount: 1 },
    ]);
    // The unit's policy blocks a go while high risks are open.
    await h.services.risks.create(SYSTEM_ACTOR, {
      projectId: org.projectA,
      title: 'Vendor fails',
      probability: 5,
      impact: 5,
      status: 'open',
    });
    const go = await director.request(
      'POST',
      `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/decision`,
      {
        version: submitted.version,
        decision: 'go',
        rationale: 'Looks fine',
      },
    );
    expect(go.statusCode).toBe(422);
    expect(go.body).toContain('Vendor fails');
    await ok(
      await director.request('POST', `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/decision`, {
        version: submitted.version,
        decision: 'hold',
        rationale: 'Bring the vendor risk down first',
      }),
    );
  });
});
