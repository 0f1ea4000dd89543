import { journal, tasks } from '@baton/db/schema';
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
let member: Client;

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
  await makeUser(h.services, 'member@test.io', {
    role: 'team_member',
    scopeType: 'project',
    scopeId: org.projectA,
  });
  director = await signIn(h.app, 'director@test.io');
  pm = await signIn(h.app, 'pm@test.io');
  member = await signIn(h.app, 'member@test.io');
}, 120_000);
afterAll(() => h.close());

async function ok(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Json;
}

const month = (n: number) => {
  const d = new Date(Date.UTC(2031, n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** A proposal with `months` months costing `cost` thousand a month and earning `benefit` thousand. */
function proposalBody(title: string, extra: Record<string, unknown> = {}) {
  const months = (extra.months as number | undefined) ?? 3;
  const cost = (extra.cost as number | undefined) ?? 100;
  const { months: _m, cost: _c, ...rest } = extra;
  return {
    title,
    earliestStart: month(0),
    latestStart: month(2),
    businessCase: Array.from({ length: months }, (_, k) => ({
      capexMinor: cost * 100_000,
      opexMinor: 0,
      benefitMinor: k === months - 1 ? cost * months * 150_000 : 0,
    })),
    demand: [{ key: 'Developer', kind: 'role', hours: Array.from({ length: months }, () => 100) }],
    ...rest,
  };
}

async function propose(client: Client, title: string, extra: Record<string, unknown> = {}) {
  return ok(await client.request('POST', '/api/v1/proposals', proposalBody(title, extra)), 201);
}

async function moveTo(id: string, path: string[], as = director) {
  let p = await ok(await as.request('GET', `/api/v1/proposals/${id}`));
  for (const to of path)
    p = await ok(await as.request('POST', `/api/v1/proposals/${id}/transitions`, { version: p.version, to }));
  return p;
}

describe('strategy: objectives, AHP and the intake form', () => {
  it('weights objectives by pairwise comparison, flags an inconsistent matrix and names a bad cell', async () => {
    const names = ['Revenue', 'Cost', 'Compliance'];
    const objectives: Json[] = [];
    for (const name of names)
      objectives.push(
        await ok(await director.request('POST', '/api/v1/portfolio/objectives', { name }), 201),
      );
    // a[0][1] = 3, a[1][2] = 3 but a[0][2] = 1/3: a cycle of preferences, far from consistent.
    const cyclic = [
      [1, 3, 1 / 3],
      [1 / 3, 1, 3],
      [3, 1 / 3, 1],
    ];
    const bad = await ok(
      await director.request('POST', '/api/v1/portfolio/ahp/evaluate', { matrix: cyclic }),
    );
    expect(bad.consistent).toBe(false);
    expect(bad.cr as number).toBeGreaterThan(0.1);
    const notReciprocal = await director.request('POST', '/api/v1/portfolio/ahp/evaluate', {
      matrix: [
        [1, 3, 1],
        [1 / 2, 1, 1],
        [1, 1, 1],
      ],
    });
    expect(notReciprocal.statusCode).toBe(422);
    expect(notReciprocal.body).toContain('matrix[1][0]');

    // w = (0.6, 0.3, 0.1): a consistent matrix a_ij = w_i / w_j gives back exactly these weights.
    const w = [0.6, 0.3, 0.1];
    const matrix = w.map((wi) => w.map((wj) => wi / wj));
    const before = await ok(await director.request('GET', '/api/v1/portfolio/strategy'));
    const saved = await ok(
      await director.request('PUT', '/api/v1/portfolio/strategy/ahp', {
        version: before.version,
        objectiveIds: objectives.map((o) => o.id),
        matrix,
      }),
    );
    expect(saved.weighting).toBe('ahp');
    const weights = (saved.objectives as { id: string; weight: number }[]).map((o) => o.weight);
    weights.forEach((x, i) => {
      expect(x).toBeCloseTo(w[i] as number, 3);
    });
    expect((saved.ahp as { result: { cr: number } }).result.cr).toBeCloseTo(0, 6);
    // Only the strategy owner changes it.
    expect((await pm.request('POST', '/api/v1/portfolio/objectives', { name: 'Mine' })).statusCode).toBe(403);
  });

  it('configures intake questions and enforces the required ones at submission', async () => {
    const form = await ok(await director.request('GET', '/api/v1/portfolio/intake-form'));
    const dup = await director.request('PUT', '/api/v1/portfolio/intake-form', {
      version: form.version,
      categories: ['Growth', 'Regulatory'],
      fields: [
        { key: 'theme', label: 'Theme', type: 'text', required: true },
        { key: 'theme', label: 'Theme again', type: 'text', required: false },
      ],
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('fields[1].key');
    await ok(
      await director.request('PUT', '/api/v1/portfolio/intake-form', {
        version: form.version,
        categories: ['Growth', 'Regulatory'],
        fields: [
          { key: 'theme', label: 'Theme', type: 'select', required: true, options: ['Digital', 'Ops'] },
          { key: 'budget_owner', label: 'Budget owner', type: 'text', required: false },
        ],
      }),
    );
    const p = await propose(pm, 'Needs answers', { category: 'Growth' });
    const submit = await pm.request('POST', `/api/v1/proposals/${p.id}/transitions`, {
      version: p.version,
      to: 'submitted',
    });
    expect(submit.statusCode).toBe(422);
    expect(submit.body).toContain('answers.theme');
    const wrong = await pm.request('PATCH', `/api/v1/proposals/${p.id}`, {
      version: p.version,
      answers: { theme: 'Space' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Digital, Ops');
    const answered = await ok(
      await pm.request('PATCH', `/api/v1/proposals/${p.id}`, {
        version: p.version,
        answers: { theme: 'Digital' },
      }),
    );
    const submitted = await ok(
      await pm.request('POST', `/api/v1/proposals/${p.id}/transitions`, {
        version: answered.version,
        to: 'submitted',
      }),
    );
    expect(submitted.status).toBe('submitted');
    // Restore an unconstrained form for the tests below.
    const now = await ok(await director.request('GET', '/api/v1/portfolio/intake-form'));
    await ok(
      await director.request('PUT', '/api/v1/portfolio/intake-form', {
        version: now.version,
        categories: ['Growth', 'Regulatory'],
        fields: [],
      }),
    );
  });
});

describe('proposals: business case, workflow, comments', () => {
  it('computes NPV, IRR and payback from the monthly business case', async () => {
    const strategy = await ok(await director.request('GET', '/api/v1/portfolio/strategy'));
    const rate = strategy.discountRate as number;
    const p = await ok(
      await pm.request('POST', '/api/v1/proposals', {
        title: 'Finance check',
        earliestStart: month(0),
        latestStart: month(0),
        businessCase: [
          { capexMinor: 10_000_000, opexMinor: 0, benefitMinor: 0 },
          { capexMinor: 0, opexMinor: 0, benefitMinor: 6_000_000 },
          { capexMinor: 0, opexMinor: 0, benefitMinor: 6_000_000 },
        ],
      }),
      201,
    );
    const f = p.financials as {
      npvMinor: number;
      irr: number;
      paybackMonths: number;
      totalCostMinor: number;
    };
    const m = (1 + rate) ** (1 / 12) - 1;
    expect(f.totalCostMinor).toBe(10_000_000);
    expect(f.npvMinor).toBeCloseTo(-10_000_000 + 6_000_000 / (1 + m) + 6_000_000 / (1 + m) ** 2, -1);
    // Monthly IRR solves −100 + 60y + 60y² = 0 for y = 1 / (1 + irr).
    const y = (-60 + Math.sqrt(60 * 60 + 4 * 60 * 100)) / (2 * 60);
    expect(f.irr).toBeCloseTo((1 / y) ** 12 - 1, 3);
    expect(f.paybackMonths).toBeCloseTo(1 + 40 / 60, 1);
  });

  it('lets the proposer submit but only the board decide; rejecting needs a reason', async () => {
    const p = await propose(pm, 'Workflow');
    expect(p.status).toBe('draft');
    expect(p.nextStatuses).toEqual(['submitted']);
    const s = await ok(
      await pm.request('POST', `/api/v1/proposals/${p.id}/transitions`, {
        version: p.version,
        to: 'submitted',
      }),
    );
    const approve = await pm.request('POST', `/api/v1/proposals/${p.id}/transitions`, {
      version: s.version,
      to: 'under_review',
    });
    expect(approve.statusCode).toBe(403);
    const review = await ok(
      await director.request('POST', `/api/v1/proposals/${p.id}/transitions`, {
        version: s.version,
        to: 'under_review',
      }),
    );
    const noReason = await director.request('POST', `/api/v1/proposals/${p.id}/transitions`, {
      version: review.version,
      to: 'rejected',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('reason');
    const illegal = await director.request('POST', `/api/v1/proposals/${p.id}/transitions`, {
      version: review.version,
      to: 'draft',
    });
    expect(illegal.statusCode).toBe(422);
    // Under review, the proposer can no longer edit it.
    expect(
      (await pm.request('PATCH', `/api/v1/proposals/${p.id}`, { version: review.version, title: 'X' }))
        .statusCode,
    ).toBe(403);
    await ok(await member.request('POST', `/api/v1/proposals/${p.id}/comments`, { body: 'Nice' }), 403);
    const c = await ok(
      await pm.request('POST', `/api/v1/proposals/${p.id}/comments`, { body: 'Ready for review' }),
      201,
    );
    expect(c.authorName).toBeTruthy();
    const list = await ok(await member.request('GET', `/api/v1/proposals/${p.id}/comments`));
    expect((list.items as unknown[]).length).toBe(1);
    const history = await ok(await director.request('GET', `/api/v1/proposals/${p.id}/history`));
    expect((history.items as { action: string }[]).map((e) => e.action)).toEqual(
      expect.arrayContaining(['create', 'transition', 'comment']),
    );
  });

  it('rejects bad input with the field named, and writes nothing', async () => {
    const before = await ok(await director.request('GET', '/api/v1/proposals'));
    const order = await pm.request('POST', '/api/v1/proposals', {
      ...proposalBody('Backwards'),
      earliestStart: month(3),
      latestStart: month(1),
    });
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain('latestStart');
    const dep = await pm.request('POST', '/api/v1/proposals', {
      ...proposalBody('Dangling'),
      requires: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(dep.statusCode).toBe(422);
    expect(dep.body).toContain('requires[0]');
    const neg = await pm.request('POST', '/api/v1/proposals', {
      ...proposalBody('Negative'),
      businessCase: [{ capexMinor: -5, opexMinor: 0, benefitMinor: 0 }],
    });
    expect(neg.statusCode).toBe(400);
    expect(neg.body).toContain('businessCase');
    const after = await ok(await director.request('GET', '/api/v1/proposals'));
    expect(after.total).toBe(before.total);
  });
});

describe('scenarios: optimise, explain, compare, commit', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    // Budget 250 a month for 6 months; capacity 200 Developer hours a month. A: 100/month × 3,
    // value by score; B and C each 100/month × 3; B excludes C; D is mandatory; E needs 300 hours.
    for (const name of ['A', 'B', 'C', 'D', 'E']) {
      const extra: Record<string, unknown> = { orgUnitId: org.unitA };
      if (name === 'D') Object.assign(extra, { mandatory: true, cost: 50 });
      if (name === 'E')
        Object.assign(extra, { demand: [{ key: 'Developer', kind: 'role', hours: [300, 300, 300] }] });
      const p = await propose(pm, `Candidate ${name}`, extra);
      ids[name] = p.id;
    }
    const b = await ok(await director.request('GET', `/api/v1/proposals/${ids.B}`));
    await ok(
      await director.request('PATCH', `/api/v1/proposals/${ids.B}`, {
        version: b.version,
        excludes: [ids.C],
      }),
    );
    for (const name of ['A', 'B', 'C', 'D', 'E'])
      await moveTo(ids[name] as string, ['submitted', 'under_review'], director);
  });

  async function scenario(name: string, budget: number[], extra: Record<string, unknown> = {}) {
    return ok(
      await director.request('POST', '/api/v1/portfolio/scenarios', {
        name,
        startMonth: month(0),
        periods: 6,
        budget,
        capacityFrom: 'manual',
        capacity: { Developer: [200] },
        statuses: ['under_review'],
        ...extra,
      }),
      201,
    );
  }

  async function optimise(id: string) {
    const run = await ok(
      await director.request('POST', `/api/v1/portfolio/scenarios/${id}/runs`, { kind: 'optimise' }),
      202,
    );
    expect((run.progress as { phase: string }[])[0]?.phase).toBe('heuristic');
    const done = await h.services.scenarios.settle(run.id);
    expect(done.state, done.error ?? '').toBe('done');
    return done;
  }

  it('selects within budget and capacity, reports the bound and explains every exclusion', async () => {
    const s = await scenario('Tight', [250_000]);
    const run = await optimise(s.id);
    const r = run.result as NonNullable<typeof run.result>;
    expect(r.status).toBe('optimal');
    expect(r.gap).toBeLessThanOrEqual(1e-4);
    expect(r.bound).toBeGreaterThanOrEqual(r.objective - 1e-6);
    const chosen = new Set(r.selected.map((x) => x.proposalId));
    expect(chosen.has(ids.D as string)).toBe(true);
    expect(chosen.has(ids.B as string) && chosen.has(ids.C as string)).toBe(false);
    expect(chosen.has(ids.E as string)).toBe(false);
    // Every month's use is within its limit.
    for (const u of r.usage)
      u.used.forEach((v, k) => {
        expect(v).toBeLessThanOrEqual((u.limit[k] as number) + 1e-6);
      });
    const e = r.excluded.find((x) => x.proposalId === ids.E);
    expect(e?.kind).toBe('capacity');
    expect(e?.reason).toMatch(/Developer/);
    // Explanations speak of months and proposal codes, not period numbers and ids.
    expect(e?.reason).toMatch(/\d{4}-\d{2}/);
    for (const x of r.excluded) expect(x.reason).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    for (const x of r.excluded) expect(x.reason.length).toBeGreaterThan(10);
    expect(r.objective).toBeGreaterThanOrEqual(r.ranking.objective - 1e-6);
    const saved = await ok(await director.request('GET', `/api/v1/portfolio/scenarios/${s.id}`));
    expect(saved.result).not.toBeNull();
    expect(saved.resultStale).toBe(false);
    const problem = await ok(await director.request('GET', `/api/v1/portfolio/scenarios/${s.id}/problem`));
    const inModel = (problem.projects as { id: string }[]).map((x) => x.id);
    expect(inModel).toEqual(expect.arrayContaining(Object.values(ids)));
    expect(inModel.length).toBe(r.candidates);
  });

  it('reports an infeasible mandatory set with the constraint in conflict', async () => {
    const s = await scenario('Too little', [20_000]);
    const run = await optimise(s.id);
    expect(run.result?.status).toBe('infeasible');
    expect(run.result?.conflicts.length).toBeGreaterThan(0);
  });

  it('compares two scenarios: proposals in and out, and the deltas', async () => {
    const small = await scenario('Small', [150_000]);
    const large = await scenario('Large', [400_000], { capacity: { Developer: [400] } });
    await optimise(small.id);
    await optimise(large.id);
    const diff = await ok(
      await director.request('GET', `/api/v1/portfolio/scenarios/compare?a=${small.id}&b=${large.id}`),
    );
    const onlyB = diff.onlyInB as { proposalId: string }[];
    expect(onlyB.length).toBeGreaterThan(0);
    expect((diff.deltas as { value: number }).value).toBeGreaterThan(0);
    expect((diff.constraints as { field: string }[]).map((c) => c.field)).toEqual(
      expect.arrayContaining(['budget', 'capacity']),
    );
    const none = await scenario('Unsolved', [100_000]);
    const unsolved = await director.request(
      'GET',
      `/api/v1/portfolio/scenarios/compare?a=${none.id}&b=${large.id}`,
    );
    expect(unsolved.statusCode).toBe(422);
  });

  it('commits a scenario in one change: proposals approved with planned starts, projects opened', async () => {
    const s = await scenario('Commit me', [250_000]);
    await optimise(s.id);
    // A change to a candidate makes the result stale: committing is refused until it is re-run.
    const d = await ok(await director.request('GET', `/api/v1/proposals/${ids.A}`));
    await ok(
      await director.request('PATCH', `/api/v1/proposals/${ids.A}`, { version: d.version, urgency: 5 }),
    );
    const stale = await ok(await director.request('GET', `/api/v1/portfolio/scenarios/${s.id}`));
    expect(stale.resultStale).toBe(true);
    expect(
      (
        await director.request('POST', `/api/v1/portfolio/scenarios/${s.id}/commit`, {
          version: stale.version,
        })
      ).statusCode,
    ).toBe(409);
    await optimise(s.id);
    const fresh = await ok(await director.request('GET', `/api/v1/portfolio/scenarios/${s.id}`));
    expect(
      (await member.request('POST', `/api/v1/portfolio/scenarios/${s.id}/commit`, { version: fresh.version }))
        .statusCode,
    ).toBe(403);
    const committed = await ok(
      await director.request('POST', `/api/v1/portfolio/scenarios/${s.id}/commit`, {
        version: fresh.version,
      }),
    );
    expect(committed.status).toBe('committed');
    const selected = (fresh.result as { selected: { proposalId: string; start: string }[] }).selected;
    expect(selected.length).toBeGreaterThan(0);
    for (const x of selected) {
      const p = await ok(await director.request('GET', `/api/v1/proposals/${x.proposalId}`));
      expect(p.status).toBe('approved');
      expect(p.plannedStart).toBe(x.start);
      const project = await ok(await director.request('GET', `/api/v1/projects/${p.projectId}`));
      expect(project.status).toBe('approved');
      expect(project.plannedStart).toBe(`${x.start}-01`);
    }
    const again = await director.request('POST', `/api/v1/portfolio/scenarios/${s.id}/commit`, {
      version: committed.version,
    });
    expect(again.statusCode).toBe(422);
    // Everything the commit did is one change: its journal entries share one request id.
    const entries = await h.services.db
      .select({ requestId: journal.requestId, entityType: journal.entityType, action: journal.action })
      .from(journal)
      .where(inArray(journal.entityId, [s.id, ...selected.map((x) => x.proposalId)]));
    const commitEntries = entries.filter((e) => e.action === 'commit');
    expect(commitEntries.length).toBe(selected.length + 1);
    expect(new Set(commitEntries.map((e) => e.requestId)).size).toBe(1);
    expect(commitEntries[0]?.requestId).toBeTruthy();
  });

  it('keeps an answer current when the frontier is traced after it', async () => {
    const s = await scenario('Answer then frontier', [250_000]);
    await optimise(s.id);
    const run = await ok(
      await director.request('POST', `/api/v1/portfolio/scenarios/${s.id}/runs`, {
        kind: 'frontier',
        points: 4,
      }),
      202,
    );
    const done = await h.services.scenarios.settle(run.id);
    expect(done.state, done.error ?? '').toBe('done');
    const after = await ok(await director.request('GET', `/api/v1/portfolio/scenarios/${s.id}`));
    expect(after.frontier).toHaveLength(4);
    expect(after.result).not.toBeNull();
    expect(after.resultStale).toBe(false);
    // Changing an input afterwards still makes it stale.
    const edited = await ok(
      await director.request('PATCH', `/api/v1/portfolio/scenarios/${s.id}`, {
        version: after.version,
        budget: [240_000],
      }),
    );
    expect(edited.resultStale).toBe(true);
  });

  it('keeps team members to reading', async () => {
    expect((await member.request('GET', '/api/v1/portfolio/scenarios')).statusCode).toBe(200);
    const res = await member.request('POST', '/api/v1/portfolio/scenarios', {
      name: 'No',
      startMonth: month(0),
      budget: [1],
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('review of running projects', () => {
  it('flags an over-cost project and stops it on decision', async () => {
    const p = await h.services.projects.create(SYSTEM_ACTOR, {
      code: 'REV-1',
      name: 'Overrunning',
      orgUnitId: org.unitA,
      status: 'active',
      plannedStart: '2031-01-06',
      budgetMinor: 10_000_000,
    });
    const change = await h.services.tasks.create(SYSTEM_ACTOR, p.id, {
      name: 'Build',
      durationMinutes: 4800,
    });
    const t = change.tasks.find((x) => x.name === 'Build');
    if (!t) throw new Error('no task');
    // Half done, having spent 90 % of the budget: CPI 0.56.
    await h.services.db
      .update(tasks)
      .set({ percentComplete: 50, actualCostMinor: 9_000_000 })
      .where(eq(tasks.id, t.id));
    const list = await ok(await director.request('GET', '/api/v1/portfolio/review'));
    const item = (
      list.items as {
        projectId: string;
        health: string;
        costPerformanceIndex: number;
        candidate: boolean;
        flags: string[];
      }[]
    ).find((i) => i.projectId === p.id);
    expect(item?.costPerformanceIndex).toBeCloseTo(0.56, 2);
    expect(item?.health).toBe('red');
    expect(item?.candidate).toBe(true);
    expect(item?.flags.join(' ')).toMatch(/CPI/);
    const noReason = await director.request('POST', '/api/v1/portfolio/review/decisions', {
      projectId: p.id,
      decision: 'stop',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const d = await ok(
      await director.request('POST', '/api/v1/portfolio/review/decisions', {
        projectId: p.id,
        decision: 'stop',
        reason: 'Costs exceed what its benefits justify.',
      }),
      201,
    );
    expect(d.decision).toBe('stop');
    const project = await ok(await director.request('GET', `/api/v1/projects/${p.id}`));
    expect(project.status).toBe('cancelled');
    const decisions = await ok(
      await director.request('GET', `/api/v1/portfolio/review/decisions?projectId=${p.id}`),
    );
    expect((decisions.items as unknown[]).length).toBe(1);
  });
});
