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
let pm: Client;
let sponsor: Client;

type Finding = { item: string; kind: string; title: string; detail: string };
type Enforcement = {
  model: string;
  outcome: string;
  warnings: Finding[];
  blocking: Finding[];
  waived: Finding[];
};
type Lifecycle = {
  version: number;
  operatingModel: { model: string; definedAt: string | null; definedAtName: string | null };
  enforcement: Enforcement | null;
  waivers: { id: string; item: string; reason: string; waivedByName: string | null }[];
  phases: { key: string; gateState: { status: string } }[];
  reviews: { evidence: { enforcement?: Enforcement } }[];
};
type Unit = {
  id: string;
  version: number;
  pmoModel: string | null;
  effectivePmoModel: string;
  pmoModelDefinedAt: string | null;
};

const PHASES = [
  {
    key: 'initiate',
    name: 'Initiate',
    gate: {
      name: 'Gate 1: charter',
      criteria: [{ key: 'charter', text: 'Charter approved by the sponsor', required: true }],
      deliverables: [],
    },
  },
  { key: 'execute', name: 'Execute', gate: { name: 'Gate 2: acceptance', criteria: [], deliverables: [] } },
];

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
    scopeType: 'organisation',
    scopeId: null,
  });
  await makeUser(h.services, 'sponsor@test.io', {
    role: 'sponsor',
    scopeType: 'organisation',
    scopeId: null,
  });
  director = await signIn(h.app, 'director@test.io');
  pm = await signIn(h.app, 'pm@test.io');
  sponsor = await signIn(h.app, 'sponsor@test.io');
}, 120_000);
afterAll(() => h.close());

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

const unit = async (id: string) => ok<Unit>(await director.request('GET', `/api/v1/org-units/${id}`));
const lifecycle = async (projectId: string) =>
  ok<Lifecycle>(await pm.request('GET', `/api/v1/projects/${projectId}/lifecycle`));
const submit = async (who: Client, projectId: string, version: number) =>
  who.request('POST', `/api/v1/projects/${projectId}/lifecycle/gates/initiate/submission`, { version });

describe('the PMO operating model', () => {
  let templateId = '';

  it('is controlling by default, set per unit with PATCH pmoModel, inherited below and journalled', async () => {
    const root = await unit(org.root);
    expect(root).toMatchObject({ pmoModel: null, effectivePmoModel: 'controlling', pmoModelDefinedAt: null });
    // The enterprise PMO sets directive; Unit A inherits it until it sets its own.
    await ok(await director.request('PATCH', `/api/v1/org-units/${org.root}`, { pmoModel: 'directive' }));
    expect(await unit(org.unitA)).toMatchObject({
      pmoModel: null,
      effectivePmoModel: 'directive',
      pmoModelDefinedAt: org.root,
    });
    const a = await ok<Unit>(
      await director.request('PATCH', `/api/v1/org-units/${org.unitA}`, { pmoModel: 'supportive' }),
    );
    expect(a).toMatchObject({
      pmoModel: 'supportive',
      effectivePmoModel: 'supportive',
      pmoModelDefinedAt: org.unitA,
    });
    // null inherits again; the enterprise goes back to the default.
    await ok(await director.request('PATCH', `/api/v1/org-units/${org.root}`, { pmoModel: null }));
    expect((await unit(org.unitB)).effectivePmoModel).toBe('controlling');
    expect((await unit(org.unitA)).effectivePmoModel).toBe('supportive');

    const bad = await director.request('PATCH', `/api/v1/org-units/${org.unitA}`, {
      pmoModel: 'laissez-faire',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('pmoModel');
    // Only the PMO sets it; a stale version is refused when one is given.
    expect(
      (await pm.request('PATCH', `/api/v1/org-units/${org.unitA}`, { pmoModel: 'directive' })).statusCode,
    ).toBe(403);
    const stale = await director.request('PATCH', `/api/v1/org-units/${org.unitA}`, {
      version: 1,
      pmoModel: 'directive',
    });
    expect(stale.statusCode).toBe(409);

    const journal = await ok<{
      items: { action: string; changes: { field: string; from: unknown; to: unknown }[] }[];
    }>(await director.request('GET', `/api/v1/journal?entityType=org_unit&entityId=${org.unitA}`));
    expect(
      journal.items.some((e) =>
        e.changes.some((c) => c.field === 'pmoModel' && c.from === null && c.to === 'supportive'),
      ),
    ).toBe(true);

    const seen = await ok<{ model: string; definedAtName: string; rules: string }>(
      await pm.request('GET', `/api/v1/projects/${org.projectA}/operating-model`),
    );
    expect(seen).toMatchObject({ model: 'supportive', definedAtName: 'Unit A' });
    expect(seen.rules).toMatch(/guidance/);
  });

  it('supportive: an unmet gate is submitted, and what is missing is recorded with the review', async () => {
    templateId = (
      await ok<{ id: string }>(
        await director.request('POST', '/api/v1/lifecycle-templates', {
          key: 'om-gates',
          name: 'Operating model gates',
          approach: 'predictive',
          phases: PHASES,
        }),
        201,
      )
    ).id;
    let l = await ok<Lifecycle>(
      await pm.request('POST', `/api/v1/projects/${org.projectA}/lifecycle`, { templateId }),
      201,
    );
    expect(l.enforcement?.outcome).toBe('warn');
    expect(l.enforcement?.warnings.map((w) => w.item)).toContain('criterion:charter');
    l = await ok<Lifecycle>(await submit(pm, org.projectA, l.version));
    expect(l.phases[0]?.gateState.status).toBe('submitted');
    const recorded = l.reviews[0]?.evidence.enforcement;
    expect(recorded?.model).toBe('supportive');
    expect(recorded?.warnings.map((w) => w.item)).toContain('criterion:charter');
  });

  it('controlling: the same gate is blocked until met or waived by the PMO with a reason', async () => {
    await activateProject(h.services, org.projectB);
    let l = await ok<Lifecycle>(
      await pm.request('POST', `/api/v1/projects/${org.projectB}/lifecycle`, { templateId }),
      201,
    );
    expect(l.operatingModel).toMatchObject({ model: 'controlling', definedAt: null });
    expect(l.enforcement?.outcome).toBe('block');
    const blocking = l.enforcement?.blocking.map((f) => f.item) ?? [];
    expect(blocking).toContain('criterion:charter');
    // A running project without a manager fails that compliance rule too: it blocks as well.
    expect(blocking).toContain('compliance:manager');

    const refused = await submit(pm, org.projectB, l.version);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Charter approved by the sponsor');
    expect(refused.body).toContain('Project manager named');
    expect(refused.body).toContain('controlling');

    const url = `/api/v1/projects/${org.projectB}/lifecycle/gates/initiate/waivers`;
    // Project managers cannot waive; an item the gate meets cannot be waived; a reason is required.
    expect((await pm.request('POST', url, { item: 'criterion:charter', reason: 'x' })).statusCode).toBe(403);
    const notUnmet = await director.request('POST', url, { item: 'criterion:nothing', reason: 'x' });
    expect(notUnmet.statusCode).toBe(422);
    expect(notUnmet.body).toContain('criterion:charter');
    expect((await director.request('POST', url, { item: 'criterion:charter', reason: ' ' })).statusCode).toBe(
      400,
    );

    for (const item of blocking)
      await ok(
        await director.request('POST', url, { item, reason: `Accepted by the PMO board: ${item}` }),
        201,
      );
    expect(
      (await director.request('POST', url, { item: 'criterion:charter', reason: 'again' })).statusCode,
    ).toBe(409);
    const waivers = await ok<{ items: { item: string; waivedByName: string }[] }>(
      await pm.request('GET', url),
    );
    expect(waivers.items.map((w) => w.item).sort()).toEqual([...blocking].sort());

    l = await lifecycle(org.projectB);
    expect(l.enforcement?.outcome).toBe('pass');
    expect(l.enforcement?.waived.map((f) => f.item).sort()).toEqual([...blocking].sort());
    l = await ok<Lifecycle>(await submit(pm, org.projectB, l.version));
    expect(l.reviews[0]?.evidence.enforcement?.waived.map((f) => f.item)).toContain('criterion:charter');

    // Withdrawing a waiver is the PMO's, and journalled.
    const first = (await lifecycle(org.projectB)).waivers[0];
    await ok(await director.request('DELETE', `${url}/${first?.id}`));
    expect((await lifecycle(org.projectB)).waivers).toHaveLength(blocking.length - 1);
  });

  it('directive: the PMO decides gates and takes transitions; project managers propose', async () => {
    await ok(await director.request('PATCH', `/api/v1/org-units/${org.unitA}`, { pmoModel: 'directive' }));
    const l = await lifecycle(org.projectA);
    expect(l.operatingModel.model).toBe('directive');
    // The sponsor could decide under the other models; now only the PMO can.
    const bySponsor = await sponsor.request(
      'POST',
      `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/decision`,
      {
        version: l.version,
        decision: 'go',
        rationale: 'Looks fine to me.',
      },
    );
    expect(bySponsor.statusCode).toBe(403);
    expect(bySponsor.body).toContain('directive');
    const byPmo = await ok<Lifecycle>(
      await director.request('POST', `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/decision`, {
        version: l.version,
        decision: 'go',
        rationale: 'The PMO board approves the charter.',
      }),
    );
    expect(byPmo.phases[0]?.gateState.status).toBe('passed');

    const project = await ok<{ version: number }>(
      await pm.request('GET', `/api/v1/projects/${org.projectA}`),
    );
    const byPm = await pm.request('POST', `/api/v1/projects/${org.projectA}/transitions`, {
      version: project.version,
      to: 'cancelled',
      reason: 'No longer needed',
    });
    expect(byPm.statusCode).toBe(403);
    expect(byPm.body).toContain('propose');
    await ok(
      await director.request('POST', `/api/v1/projects/${org.projectA}/transitions`, {
        version: project.version,
        to: 'cancelled',
        reason: 'The PMO stops it',
      }),
    );
  });
});
