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
let sponsor: Client;

type Json = Record<string, unknown> & { id: string; version: number };
type Lifecycle = {
  version: number;
  currentPhaseKey: string | null;
  newerVersion: number | null;
  phases: { key: string; status: string; gateState: { status: string }; readiness: { ready: boolean } }[];
  reviews: { decision: string | null; evidence: { openHighRisks: unknown[]; missingCriteria: string[] } }[];
  template: { templateVersion: number };
};

const PHASES = [
  {
    key: 'initiate',
    name: 'Initiate',
    gate: {
      name: 'Gate 1: charter',
      criteria: [
        { key: 'charter', text: 'Charter approved by the sponsor', required: true },
        { key: 'stakeholders', text: 'Stakeholders identified', required: false },
      ],
      deliverables: [{ key: 'business-case', name: 'Business case', required: true }],
    },
  },
  {
    key: 'plan',
    name: 'Plan',
    gate: {
      name: 'Gate 2: baseline',
      criteria: [{ key: 'baseline', text: 'Baseline set', required: true }],
      deliverables: [],
    },
  },
  { key: 'execute', name: 'Execute', gate: { name: 'Gate 3: acceptance', criteria: [], deliverables: [] } },
];

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
    scopeId: org.unitB,
  });
  await makeUser(h.services, 'pm@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  await makeUser(h.services, 'sponsor@test.io', {
    role: 'sponsor',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  director = await signIn(h.app, 'director@test.io');
  buDirector = await signIn(h.app, 'bu@test.io');
  pm = await signIn(h.app, 'pm@test.io');
  sponsor = await signIn(h.app, 'sponsor@test.io');
}, 120_000);
afterAll(() => h.close());

async function ok<T = Json>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

describe('methodology and stage gates', () => {
  let templateId = '';

  it('defines templates at a unit for everything beneath it, and refuses duplicate keys by name', async () => {
    const t = await ok(
      await director.request('POST', '/api/v1/lifecycle-templates', {
        key: 'predictive',
        name: 'Predictive (waterfall)',
        approach: 'predictive',
        phases: PHASES,
      }),
      201,
    );
    templateId = t.id;
    expect(t).toMatchObject({ templateVersion: 1, latest: true, orgUnitId: null });
    const dup = await director.request('POST', '/api/v1/lifecycle-templates', {
      key: 'bad',
      name: 'Bad',
      approach: 'agile',
      phases: [PHASES[0], PHASES[0]],
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('phases.1.key');
    // A business-unit PMO defines templates for its unit only.
    const bu = await ok(
      await buDirector.request('POST', '/api/v1/lifecycle-templates', {
        key: 'agile-b',
        name: 'Agile (unit B)',
        approach: 'agile',
        orgUnitId: org.unitB,
        phases: [PHASES[2]],
      }),
      201,
    );
    expect(
      (
        await buDirector.request('POST', '/api/v1/lifecycle-templates', {
          key: 'agile-a',
          name: 'x',
          approach: 'agile',
          orgUnitId: org.unitA,
          phases: [PHASES[2]],
        })
      ).statusCode,
    ).toBe(403);
    const forA = await ok<{ items: { id: string }[] }>(
      await pm.request('GET', `/api/v1/lifecycle-templates?projectId=${org.projectA}`),
    );
    expect(forA.items.map((x) => x.id)).toEqual([templateId]);
    const applied = await pm.request('POST', `/api/v1/projects/${org.projectA}/lifecycle`, {
      templateId: bu.id,
    });
    expect(applied.statusCode).toBe(422);
  });

  it('takes a project through its gates: checklist, submission with evidence, go from a reviewer', async () => {
    let l = await ok<Lifecycle>(
      await pm.request('POST', `/api/v1/projects/${org.projectA}/lifecycle`, { templateId }),
      201,
    );
    expect(l.currentPhaseKey).toBe('initiate');
    expect(l.phases.map((p) => p.status)).toEqual(['active', 'pending', 'pending']);
    await h.services.risks.create(SYSTEM_ACTOR, {
      projectId: org.projectA,
      title: 'Sponsor leaves',
      probability: 4,
      impact: 4,
      status: 'open',
    });
    // Not ready: the required criterion and deliverable are missing, and both are named.
    const early = await pm.request(
      'POST',
      `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/submission`,
      {
        version: l.version,
      },
    );
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('Charter approved by the sponsor');
    expect(early.body).toContain('Business case (deliverable)');
    l = await ok<Lifecycle>(
      await pm.request('PUT', `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/checklist`, {
        version: l.version,
        criteria: { charter: { met: true } },
        deliverables: { 'business-case': { accepted: true } },
      }),
    );
    expect(l.phases[0]?.readiness.ready).toBe(true);
    const bogus = await pm.request(
      'PUT',
      `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/checklist`,
      {
        version: l.version,
        criteria: { nonsense: { met: true } },
      },
    );
    expect(bogus.statusCode).toBe(422);
    // Skipping ahead is refused: the next phase cannot be submitted while this one is active.
    expect(
      (
        await pm.request('POST', `/api/v1/projects/${org.projectA}/lifecycle/gates/plan/submission`, {
          version: l.version,
        })
      ).statusCode,
    ).toBe(422);
    l = await ok<Lifecycle>(
      await pm.request('POST', `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/submission`, {
        version: l.version,
      }),
    );
    expect(l.phases[0]?.gateState.status).toBe('submitted');
    expect(l.reviews[0]?.evidence.openHighRisks.length).toBe(1);
    const queue = await ok<{ items: { projectId: string }[] }>(
      await sponsor.request('GET', '/api/v1/gate-reviews'),
    );
    expect(queue.items.map((x) => x.projectId)).toContain(org.projectA);
    // The project manager cannot decide their own gate; the sponsor can.
    expect(
      (
        await pm.request('POST', `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/decision`, {
          version: l.version,
          decision: 'go',
          rationale: 'self-approval',
        })
      ).statusCode,
    ).toBe(403);
    l = await ok<Lifecycle>(
      await sponsor.request('POST', `/api/v1/projects/${org.projectA}/lifecycle/gates/initiate/decision`, {
        version: l.version,
        decision: 'go',
        rationale: 'Charter and business case are sound.',
      }),
    );
    expect(l.currentPhaseKey).toBe('plan');
    expect(l.phases.map((p) => p.status)).toEqual(['done', 'active', 'pending']);
    expect(l.reviews[0]?.decision).toBe('go');
  });

  it('keeps a project on its template version until it is migrated on purpose', async () => {
    const v2 = await ok(
      await director.request('POST', `/api/v1/lifecycle-templates/${templateId}/versions`, {
        phases: [PHASES[0], PHASES[1], { ...PHASES[2], key: 'deliver', name: 'Deliver' }, PHASES[2]],
      }),
      201,
    );
    expect(v2).toMatchObject({ templateVersion: 2, latest: true });
    let l = await ok<Lifecycle>(await pm.request('GET', `/api/v1/projects/${org.projectA}/lifecycle`));
    expect(l.template.templateVersion).toBe(1);
    // Not while a gate waits for its decision.
    await h.services.governance.checklist(SYSTEM_ACTOR, org.projectA, 'plan', {
      version: l.version,
      criteria: { baseline: { met: true } },
    });
    l = await ok<Lifecycle>(await pm.request('GET', `/api/v1/projects/${org.projectA}/lifecycle`));
    l = await ok<Lifecycle>(
      await pm.request('POST', `/api/v1/projects/${org.projectA}/lifecycle/gates/plan/submission`, {
        version: l.version,
      }),
    );
    const blocked = await pm.request('POST', `/api/v1/projects/${org.projectA}/lifecycle/migration`, {
      version: l.version,
      templateId: v2.id,
    });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.body).toContain('under review');
    l = await ok<Lifecycle>(
      await sponsor.request('POST', `/api/v1/projects/${org.projectA}/lifecycle/gates/plan/decision`, {
        version: l.version,
        decision: 'recycle',
        rationale: 'Baseline needs the new module first.',
      }),
    );
    expect(l.newerVersion).toBe(2);
    l = await ok<Lifecycle>(
      await pm.request('POST', `/api/v1/projects/${org.projectA}/lifecycle/migration`, {
        version: l.version,
        templateId: v2.id,
      }),
    );
    expect(l.template.templateVersion).toBe(2);
    expect(l.newerVersion).toBeNull();
    expect(l.phases.map((p) => [p.key, p.status])).toEqual([
      ['initiate', 'done'],
      ['plan', 'active'],
      ['deliver', 'pending'],
      ['execute', 'pending'],
    ]);
  });

  it('cancels the project with the reason when a gate is killed', async () => {
    let l = await ok<Lifecycle>(
      await pm
        .request('POST', `/api/v1/projects/${org.projectB}/lifecycle`, { templateId })
        .then(async (r) =>
          r.statusCode === 403
            ? director.request('POST', `/api/v1/projects/${org.projectB}/lifecycle`, { templateId })
            : r,
        ),
      201,
    );
    l = await ok<Lifecycle>(
      await director.request('PUT', `/api/v1/projects/${org.projectB}/lifecycle/gates/initiate/checklist`, {
        version: l.version,
        criteria: { charter: { met: true } },
        deliverables: { 'business-case': { accepted: true } },
      }),
    );
    l = await ok<Lifecycle>(
      await director.request('POST', `/api/v1/projects/${org.projectB}/lifecycle/gates/initiate/submission`, {
        version: l.version,
      }),
    );
    l = await ok<Lifecycle>(
      await director.request('POST', `/api/v1/projects/${org.projectB}/lifecycle/gates/initiate/decision`, {
        version: l.version,
        decision: 'kill',
        rationale: 'The market moved; the case no longer holds.',
      }),
    );
    expect(l.phases[0]?.gateState.status).toBe('killed');
    const p = await h.services.projects.get(org.projectB);
    expect(p.status).toBe('cancelled');
    expect(p.statusReason).toContain('The market moved');
  });

  it('scores compliance per project and per unit from what Baton knows', async () => {
    const a = await h.services.projects.get(org.projectA);
    await h.services.projects.transition(SYSTEM_ACTOR, org.projectA, 'approved', null, {
      version: a.version,
      source: 'body',
    });
    const report = await ok<{
      projects: {
        projectId: string;
        score: number | null;
        results: { rule: string; applicable: boolean; passed: boolean }[];
      }[];
      units: { orgUnitId: string; score: number | null }[];
    }>(await director.request('GET', '/api/v1/compliance'));
    const row = report.projects.find((p) => p.projectId === org.projectA);
    expect(row, 'project A is approved, so it is scored').toBeDefined();
    const rule = (k: string) => row?.results.find((r) => r.rule === k);
    expect(rule('lifecycle')).toMatchObject({ applicable: true, passed: true });
    expect(rule('charter')).toMatchObject({ passed: true });
    // Not executing yet: the baseline and risk-review rules do not apply.
    expect(rule('baseline')?.applicable).toBe(false);
    // Nobody is named as its manager: one of the three applicable rules fails.
    expect(rule('manager')).toMatchObject({ applicable: true, passed: false });
    expect(row?.score).toBe(67);
    expect(report.units.find((u) => u.orgUnitId === org.unitA)?.score).toBe(67);
    // Project B was cancelled at its gate: closed projects are not scored.
    expect(report.projects.some((p) => p.projectId === org.projectB)).toBe(false);
    // A project manager sees only their unit's projects.
    const mine = await ok<{ projects: { projectId: string }[] }>(
      await pm.request('GET', '/api/v1/compliance'),
    );
    expect(mine.projects.every((p) => p.projectId !== org.projectB)).toBe(true);
  });
});
