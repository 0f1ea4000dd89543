import { journal, risks } from '@baton/db/schema';
import { eq, inArray } from 'drizzle-orm';
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
let pmB: Client;
let member: Client;
let sponsor: Client;

type Json = Record<string, unknown> & { id: string; version: number };

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
  await makeUser(h.services, 'pmb@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitB,
  });
  await makeUser(h.services, 'member@test.io', {
    role: 'team_member',
    scopeType: 'project',
    scopeId: org.projectA,
  });
  await makeUser(h.services, 'sponsor@test.io', {
    role: 'sponsor',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  director = await signIn(h.app, 'director@test.io');
  pm = await signIn(h.app, 'pm@test.io');
  pmB = await signIn(h.app, 'pmb@test.io');
  member = await signIn(h.app, 'member@test.io');
  sponsor = await signIn(h.app, 'sponsor@test.io');
  // Project A gets a budget, a finish and a plan to re-baseline.
  const p = await h.services.projects.get(org.projectA);
  await h.services.projects.update(
    SYSTEM_ACTOR,
    org.projectA,
    { version: p.version, budgetMinor: 10_000_000, plannedStart: '2031-01-06', plannedFinish: '2031-06-30' },
    { version: p.version, source: 'body' },
  );
}, 120_000);
afterAll(() => h.close());

async function ok(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Json;
}

describe('risks', () => {
  it('scores probability × impact and levels it on the default matrix', async () => {
    const r = await ok(
      await pm.request('POST', '/api/v1/risks', {
        projectId: org.projectA,
        title: 'Key supplier fails',
        probability: 4,
        impact: 3,
      }),
      201,
    );
    expect(r).toMatchObject({
      score: 12,
      level: 'high',
      scope: 'project',
      code: expect.stringMatching(/^RSK-\d{3}$/),
    });
    const low = await ok(
      await pm.request('POST', '/api/v1/risks', {
        projectId: org.projectA,
        title: 'Rain',
        probability: 2,
        impact: 2,
      }),
      201,
    );
    expect(low).toMatchObject({ score: 4, level: 'low' });
    const medium = await ok(
      await pm.request('POST', '/api/v1/risks', {
        projectId: org.projectA,
        title: 'Scope creep',
        probability: 3,
        impact: 2,
      }),
      201,
    );
    expect(medium.level).toBe('medium');
    // Re-rating moves the level and records the rating for the trend.
    const after = await ok(
      await pm.request('PATCH', `/api/v1/risks/${low.id}`, {
        version: low.version,
        probability: 5,
        impact: 5,
        reviewed: true,
      }),
    );
    expect(after).toMatchObject({ score: 25, level: 'high' });
    expect(after.reviewedAt).toBeTruthy();
  });

  it('refuses ratings off the matrix and names the field, writing nothing', async () => {
    const before = (await h.services.db.select().from(risks)).length;
    const bad = await pm.request('POST', '/api/v1/risks', {
      projectId: org.projectA,
      title: 'X',
      probability: 6,
      impact: 1,
    });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain('probability');
    const none = await director.request('POST', '/api/v1/risks', {
      title: 'Nowhere',
      probability: 1,
      impact: 1,
    });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('exactly one of projectId, portfolioId or orgUnitId');
    const two = await director.request('POST', '/api/v1/risks', {
      projectId: org.projectA,
      portfolioId: org.portfolioA,
      title: 'Both',
      probability: 1,
      impact: 1,
    });
    expect(two.statusCode).toBe(400);
    expect((await h.services.db.select().from(risks)).length).toBe(before);
  });

  it('holds a shared risk at a portfolio, linked to projects, listed with each project’s own', async () => {
    const shared = await ok(
      await director.request('POST', '/api/v1/risks', {
        portfolioId: org.portfolioA,
        title: 'Cloud provider price rise',
        probability: 3,
        impact: 4,
        projectIds: [org.projectA, org.projectB],
        response: 'mitigate',
        mitigation: 'Negotiate a three-year commitment',
      }),
      201,
    );
    expect(shared).toMatchObject({
      scope: 'portfolio',
      portfolioName: 'Portfolio A',
      score: 12,
      level: 'high',
    });
    expect((shared.linkedProjects as { code: string }[]).map((p) => p.code).sort()).toEqual(['XA', 'XB']);
    const listA = await ok(await member.request('GET', `/api/v1/risks?projectId=${org.projectA}`));
    const codes = (listA.items as { id: string; scope: string }[]).map((r) => r.id);
    expect(codes).toContain(shared.id);
    expect((listA.items as { scope: string }[]).some((r) => r.scope === 'project')).toBe(true);
    // Project B's manager sees it through the link, but not project A's own risks.
    const listB = await ok(await pmB.request('GET', '/api/v1/risks'));
    const items = listB.items as { id: string; projectId: string | null }[];
    expect(items.map((r) => r.id)).toContain(shared.id);
    expect(items.some((r) => r.projectId === org.projectA)).toBe(false);
    // Linking a shared risk to a project one may not change is refused.
    const refused = await pm.request('POST', '/api/v1/risks', {
      orgUnitId: org.unitA,
      title: 'Unit-wide',
      probability: 2,
      impact: 2,
      projectIds: [org.projectB],
    });
    expect(refused.statusCode).toBe(403);
    // The summary counts open risks by cell and level.
    const summary = await ok(
      await director.request('GET', `/api/v1/risks/summary?projectId=${org.projectA}`),
    );
    const heat = summary.heatMap as number[][];
    expect(heat.flat().reduce((a, b) => a + b, 0)).toBe(
      Object.values(summary.byLevel as Record<string, number>).reduce((a, b) => a + b, 0),
    );
    expect(heat[2]?.[3]).toBeGreaterThanOrEqual(1);
    expect((summary.trend as unknown[]).length).toBe(12);
  });

  it('keeps team members to reading the register', async () => {
    expect(
      (
        await member.request('POST', '/api/v1/risks', {
          projectId: org.projectA,
          title: 'M',
          probability: 1,
          impact: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect((await member.request('GET', `/api/v1/risks?projectId=${org.projectA}`)).statusCode).toBe(200);
  });
});

describe('issues and the rest of the RAID log', () => {
  it('logs an issue and escalates it to the portfolio once, with the reason', async () => {
    const i = await ok(
      await pm.request('POST', '/api/v1/issues', {
        projectId: org.projectA,
        title: 'Test environment down',
        priority: 'high',
        dueDate: '2020-01-01',
      }),
      201,
    );
    expect(i).toMatchObject({ status: 'open', escalated: false, overdue: true });
    const e = await ok(
      await pm.request('POST', `/api/v1/issues/${i.id}/escalation`, {
        version: i.version,
        reason: 'Blocks the release',
      }),
    );
    expect(e).toMatchObject({ escalated: true, escalationReason: 'Blocks the release' });
    const again = await pm.request('POST', `/api/v1/issues/${i.id}/escalation`, {
      version: e.version,
      reason: 'x',
    });
    expect(again.statusCode).toBe(422);
    const escalated = await ok(await director.request('GET', '/api/v1/issues?escalated=true'));
    expect((escalated.items as { id: string }[]).map((x) => x.id)).toContain(i.id);
  });

  it('records assumptions, decisions and dependencies, checking what each may carry', async () => {
    const d = await ok(
      await pm.request('POST', '/api/v1/raid-entries', {
        projectId: org.projectA,
        kind: 'dependency',
        title: 'Needs the new API gateway',
        dependsOnProjectId: org.projectB,
        dueDate: '2031-03-01',
      }),
      201,
    );
    expect(d).toMatchObject({ code: expect.stringMatching(/^DEP-/), dependsOnProjectCode: 'XB' });
    const bad = await pm.request('POST', '/api/v1/raid-entries', {
      projectId: org.projectA,
      kind: 'assumption',
      title: 'x',
      dependsOnProjectId: org.projectB,
    });
    expect(bad.statusCode).toBe(422);
    await ok(
      await pm.request('POST', '/api/v1/raid-entries', {
        projectId: org.projectA,
        kind: 'decision',
        title: 'Buy, not build',
        decidedOn: '2030-12-01',
        decidedBy: 'Steering committee',
        rationale: 'Time to market',
      }),
      201,
    );
    const list = await ok(await member.request('GET', `/api/v1/raid-entries?projectId=${org.projectA}`));
    expect((list.items as { kind: string }[]).map((x) => x.kind).sort()).toEqual(['decision', 'dependency']);
  });
});

describe('change control', () => {
  it('starts submitted and routes by the PMO’s thresholds', async () => {
    const small = await ok(
      await pm.request('POST', '/api/v1/change-requests', {
        projectId: org.projectA,
        title: 'Extra report',
        costImpact: 2_000,
        scheduleImpactDays: 2,
      }),
      201,
    );
    expect(small).toMatchObject({ status: 'submitted', level: 'project_manager', mayDecide: true });
    const big = await ok(
      await pm.request('POST', '/api/v1/change-requests', {
        projectId: org.projectA,
        title: 'New module',
        costImpact: 50_000,
        scheduleImpactDays: 15,
      }),
      201,
    );
    expect(big).toMatchObject({ level: 'change_board', mayDecide: false });
    expect(big.routing).toMatch(/change board/);
  });

  it('gives 403 to a decider below the change’s level, and re-baselines on approval in one step', async () => {
    const cr = await ok(
      await pm.request('POST', '/api/v1/change-requests', {
        projectId: org.projectA,
        title: 'Integrate the CRM',
        costImpact: 25_000,
        scheduleImpactDays: 14,
      }),
      201,
    );
    const refused = await pm.request('POST', `/api/v1/change-requests/${cr.id}/decision`, {
      decision: 'approve',
      reason: 'fine by me',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('change board');
    // Nobody outside the project may decide either.
    expect(
      (
        await pmB.request('POST', `/api/v1/change-requests/${cr.id}/decision`, {
          decision: 'reject',
          reason: 'no',
        })
      ).statusCode,
    ).toBe(403);
    const before = await h.services.projects.get(org.projectA);
    const approved = await ok(
      await sponsor.request('POST', `/api/v1/change-requests/${cr.id}/decision`, {
        decision: 'approve',
        reason: 'Worth it for the sales team',
      }),
    );
    expect(approved.status).toBe('approved');
    const after = await h.services.projects.get(org.projectA);
    expect(after.budgetMinor).toBe((before.budgetMinor ?? 0) + 2_500_000);
    expect(after.plannedFinish).toBe('2031-07-14');
    expect(approved.rebaseline).toMatchObject({
      budgetBeforeMinor: before.budgetMinor,
      budgetAfterMinor: after.budgetMinor,
      finishBefore: '2031-06-30',
      finishAfter: '2031-07-14',
    });
    // The decision and the re-baseline are one change: their journal entries share a request id.
    const entries = await h.services.db
      .select()
      .from(journal)
      .where(inArray(journal.entityId, [cr.id, org.projectA]));
    const step = entries.filter((e) => e.action === 'rebaseline' || e.action === 'approve');
    expect(step.map((e) => e.action).sort()).toEqual(['approve', 'rebaseline']);
    expect(new Set(step.map((e) => e.requestId)).size).toBe(1);
    // Decided once only.
    const twice = await sponsor.request('POST', `/api/v1/change-requests/${cr.id}/decision`, {
      decision: 'reject',
      reason: 'changed my mind',
    });
    expect(twice.statusCode).toBe(422);
  });

  it('lets the project manager decide within the limits, and the PMO move the limits', async () => {
    const cr = await ok(
      await pm.request('POST', '/api/v1/change-requests', {
        projectId: org.projectA,
        title: 'Rename a field',
        costImpact: 0,
        scheduleImpactDays: 1,
      }),
      201,
    );
    const rejected = await ok(
      await pm.request('POST', `/api/v1/change-requests/${cr.id}/decision`, {
        decision: 'reject',
        reason: 'Not needed',
      }),
    );
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: 'Not needed', rebaseline: null });
    const t = await ok(await director.request('GET', '/api/v1/change-thresholds'));
    expect(
      (
        await pm.request('PATCH', '/api/v1/change-thresholds', {
          version: t.version,
          projectManagerCostLimit: 1,
        })
      ).statusCode,
    ).toBe(403);
    await ok(
      await director.request('PATCH', '/api/v1/change-thresholds', {
        version: t.version,
        projectManagerCostLimit: 100_000,
      }),
    );
    const now = await ok(
      await pm.request('POST', '/api/v1/change-requests', {
        projectId: org.projectA,
        title: 'Bigger, now within limits',
        costImpact: 50_000,
        scheduleImpactDays: 5,
      }),
      201,
    );
    expect(now.level).toBe('project_manager');
    const bad = await pm.request('POST', '/api/v1/change-requests', {
      projectId: org.projectA,
      title: 'Bad',
      costImpact: 'lots',
      scheduleImpactDays: 1.5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('costImpact');
    const rows = await h.services.db
      .select()
      .from(journal)
      .where(eq(journal.entityType, 'change_thresholds'));
    expect(rows.length).toBe(1);
  });
});
