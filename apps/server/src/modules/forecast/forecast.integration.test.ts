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
let outsider: Client;
const DAY = 480;
type TaskDto = { id: string; name: string; version: number };
const ids: Record<string, string> = {};

async function addTask(body: Record<string, unknown>): Promise<TaskDto> {
  const res = await pm.request('POST', `/api/v1/projects/${org.projectA}/tasks`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().tasks.find((t: TaskDto) => t.name === body.name);
}
async function task(name: string): Promise<TaskDto> {
  const res = await pm.request('GET', `/api/v1/projects/${org.projectA}/schedule`);
  return res.json().tasks.find((t: TaskDto) => t.name === name);
}
async function forecast(query = '') {
  const res = await pm.request('GET', `/api/v1/projects/${org.projectA}/forecast${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

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
  await makeUser(h.services, 'outsider@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitB,
  });
  director = await signIn(h.app, 'director@test.io');
  pm = await signIn(h.app, 'pm@test.io');
  member = await signIn(h.app, 'member@test.io');
  outsider = await signIn(h.app, 'outsider@test.io');
  let p = await h.services.projects.update(
    SYSTEM_ACTOR,
    org.projectA,
    { plannedStart: '2026-01-05', plannedFinish: '2026-01-16', budgetMinor: 1_000_000 },
    { version: (await h.services.projects.get(org.projectA)).version, source: 'body' },
  );
  p = await h.services.projects.transition(SYSTEM_ACTOR, org.projectA, 'approved', null, {
    version: p.version,
    source: 'body',
  });
  const view = await pm.request('GET', `/api/v1/projects/${org.projectA}/schedule`);
  const settings = await pm.request('PATCH', `/api/v1/projects/${org.projectA}/schedule`, {
    version: view.json().settings.version,
    start: '2026-01-05T08:00',
  });
  expect(settings.statusCode, settings.body).toBe(200);
  // Design (5 d) → Build (3 d); Docs (2 d) in parallel; costs 400,000 + 300,000 + 100,000.
  const design = await addTask({ name: 'Design', durationMinutes: 5 * DAY, costMinor: 400_000 });
  const build = await addTask({ name: 'Build', durationMinutes: 3 * DAY, costMinor: 300_000 });
  const docs = await addTask({ name: 'Docs', durationMinutes: 2 * DAY, costMinor: 100_000 });
  ids.design = design.id;
  ids.build = build.id;
  ids.docs = docs.id;
  const link = await pm.request('POST', '/api/v1/links', { predecessorId: design.id, successorId: build.id });
  expect(link.statusCode, link.body).toBe(201);
}, 120_000);
afterAll(() => h.close());

describe('Monte Carlo forecasts', () => {
  it('a plan without spread or risks forecasts exactly the schedule engine’s dates and the planned cost', async () => {
    const f = await forecast('?iterations=500&seed=3');
    expect(f).toMatchObject({
      iterations: 500,
      seed: 3,
      distribution: 'triangular',
      taskCount: 3,
      riskCount: 0,
    });
    expect(f.finish.plan).toBe('2026-01-14T17:00:00');
    for (const k of ['min', 'p10', 'p50', 'p80', 'p90', 'max'])
      expect(f.finish[k]).toBe('2026-01-14T17:00:00');
    expect(f.finish).toMatchObject({
      target: '2026-01-16T17:00:00',
      targetKind: 'planned',
      probabilityOnTime: 1,
    });
    expect(f.cost).toMatchObject({ plan: 800_000, p50: 800_000, p90: 800_000, budget: 1_000_000 });
    expect(f.cost.probabilityWithinBudget).toBe(1);
    expect(f.tornado).toEqual({ finish: [], cost: [] });
  });

  it('three-point estimates are written through the task API and validated against the most likely value', async () => {
    const design = await task('Design');
    const bad = await pm.request('PATCH', `/api/v1/tasks/${design.id}`, {
      version: design.version,
      optimisticMinutes: 6 * DAY,
    });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().errors[0].field).toBe('optimisticMinutes');
    const negative = await pm.request('PATCH', `/api/v1/tasks/${design.id}`, {
      version: design.version,
      costLowMinor: -1,
    });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain('costLowMinor');
    const ok = await pm.request('PATCH', `/api/v1/tasks/${design.id}`, {
      version: design.version,
      optimisticMinutes: 4 * DAY,
      pessimisticMinutes: 10 * DAY,
      costLowMinor: 350_000,
      costHighMinor: 700_000,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await pm.request('GET', `/api/v1/projects/${org.projectA}/schedule`))
      .json()
      .tasks.find((t: TaskDto) => t.name === 'Design');
    expect(after).toMatchObject({
      optimisticMinutes: 4 * DAY,
      pessimisticMinutes: 10 * DAY,
      costLowMinor: 350_000,
      costHighMinor: 700_000,
    });
    // Shortening the most likely duration below the optimistic one is refused too.
    const shorter = await pm.request('PATCH', `/api/v1/tasks/${design.id}`, {
      version: after.version,
      durationMinutes: 3 * DAY,
    });
    expect(shorter.statusCode).toBe(422);
    expect(shorter.json().errors[0].field).toBe('optimisticMinutes');
  });

  it('with spread: percentiles are ordered, later than the plan, the estimated task leads the tornado; same seed, same figures', async () => {
    const f = await forecast('?iterations=2000&seed=42');
    expect(f.estimatedTasks).toBe(1);
    expect(f.finish.plan).toBe('2026-01-14T17:00:00');
    expect(f.finish.p10 <= f.finish.p50 && f.finish.p50 <= f.finish.p80 && f.finish.p80 <= f.finish.p90).toBe(
      true,
    );
    // Triangular(4, 5, 10) days: 5 days is only its 17th percentile, so P50 lies after the plan.
    expect(f.finish.p50 > f.finish.plan).toBe(true);
    expect(f.finish.p90 <= '2026-01-20T17:00:00').toBe(true);
    expect(f.finish.probabilityOnTime).toBeGreaterThan(0);
    expect(f.finish.probabilityOnTime).toBeLessThan(1);
    expect(f.tornado.finish[0]).toMatchObject({ kind: 'duration', id: ids.design, name: 'Design' });
    expect(f.tornado.cost[0]).toMatchObject({ kind: 'cost', id: ids.design });
    expect(f.finish.histogram.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(2000);
    expect(await forecast('?iterations=2000&seed=42')).toEqual(f);
    const other = await forecast('?iterations=2000&seed=43');
    expect(other.cost.mean).not.toBe(f.cost.mean);
  });

  it('a certain risk moves every percentile by its impact in working days and adds its cost', async () => {
    const before = await forecast('?iterations=1000&seed=5');
    const bad = await pm.request('POST', '/api/v1/risks', {
      projectId: org.projectA,
      title: 'Supplier insolvent',
      probability: 3,
      impact: 4,
      probabilityPercent: 150,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('probabilityPercent');
    const res = await pm.request('POST', '/api/v1/risks', {
      projectId: org.projectA,
      title: 'Supplier insolvent',
      probability: 3,
      impact: 4,
      probabilityPercent: 100,
      scheduleImpactDays: 2,
      costImpactMinor: 50_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      probabilityPercent: 100,
      scheduleImpactDays: 2,
      costImpactMinor: 50_000,
    });
    const after = await forecast('?iterations=1000&seed=5');
    expect(after.riskCount).toBe(1);
    expect(after.cost.p50).toBe(before.cost.p50 + 50_000);
    expect(after.cost.plan).toBe(before.cost.plan);
    // P50 shifts by two working days on the Standard calendar (a weekend may fall in between).
    const days = (a: string, b: string) => {
      let n = 0;
      for (let d = new Date(`${a.slice(0, 10)}T00:00:00Z`); d < new Date(`${b.slice(0, 10)}T00:00:00Z`); ) {
        d.setUTCDate(d.getUTCDate() + 1);
        if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n++;
      }
      return n;
    };
    expect(days(before.finish.p50, after.finish.p50)).toBe(2);
    expect(after.finish.p50.slice(11)).toBe(before.finish.p50.slice(11));
    // A rated risk without a percentage gets the midpoint of its band: rating 2 of 5 → 30 %.
    const rated = await pm.request('POST', '/api/v1/risks', {
      projectId: org.projectA,
      title: 'Key person leaves',
      probability: 2,
      impact: 3,
      costImpactMinor: 100_000,
    });
    expect(rated.statusCode, rated.body).toBe(201);
    const withRated = await forecast('?iterations=4000&seed=5');
    expect(withRated.riskCount).toBe(2);
    const hitShare = (withRated.cost.mean - after.cost.mean) / 100_000;
    expect(hitShare).toBeGreaterThan(0.25);
    expect(hitShare).toBeLessThan(0.35);
  });

  it('refuses bad query parameters, naming them', async () => {
    const few = await pm.request('GET', `/api/v1/projects/${org.projectA}/forecast?iterations=50`);
    expect(few.statusCode).toBe(400);
    expect(few.json().errors[0].field).toBe('iterations');
    const seed = await pm.request('GET', `/api/v1/projects/${org.projectA}/forecast?seed=1.5`);
    expect(seed.statusCode).toBe(400);
    expect(seed.json().errors[0].field).toBe('seed');
    const unknown = await pm.request('GET', `/api/v1/projects/${org.projectA}/forecast?runs=5`);
    expect(unknown.statusCode).toBe(400);
    // A project without tasks has nothing to simulate: 422 naming the project.
    const empty = await director.request('GET', `/api/v1/projects/${org.projectB}/forecast?iterations=100`);
    expect(empty.statusCode, empty.body).toBe(422);
    expect(empty.json().errors[0]).toMatchObject({ field: 'projectId', rule: 'tasks' });
  });

  it('is readable where the project is, and forbidden outside that scope', async () => {
    const seen = await member.request('GET', `/api/v1/projects/${org.projectA}/forecast?iterations=100`);
    expect(seen.statusCode, seen.body).toBe(200);
    const denied = await outsider.request('GET', `/api/v1/projects/${org.projectA}/forecast?iterations=100`);
    expect(denied.statusCode).toBe(403);
    const missing = await director.request(
      'GET',
      '/api/v1/projects/00000000-0000-4000-8000-000000000000/forecast?iterations=100',
    );
    expect([403, 404]).toContain(missing.statusCode);
  });

  it('runs the portfolio forecast as a job over the projects the caller sees, from queue to result', async () => {
    const none = await pm.request('GET', '/api/v1/forecasts/portfolio/latest');
    expect(none.statusCode).toBe(404);
    const bad = await pm.request('POST', '/api/v1/forecasts/portfolio', { iterations: 10 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('iterations');
    const res = await pm.request('POST', '/api/v1/forecasts/portfolio', { iterations: 500, seed: 9 });
    expect(res.statusCode, res.body).toBe(202);
    const job = res.json();
    expect(job).toMatchObject({ kind: 'forecast.portfolio', status: 'queued' });
    await h.services.jobs.runUntilIdle();
    const done = await pm.request('GET', `/api/v1/jobs/${job.id}`);
    expect(done.json()).toMatchObject({ status: 'succeeded', progress: 1 });
    const latest = await pm.request('GET', '/api/v1/forecasts/portfolio/latest');
    expect(latest.statusCode, latest.body).toBe(200);
    const { result } = latest.json();
    // Project B (unit B, not approved) is neither visible to this PM nor executing.
    expect(result.projects.map((p: { projectId: string }) => p.projectId)).toEqual([org.projectA]);
    const a = result.projects[0];
    expect(a.error).toBeNull();
    expect(a.planFinish).toBe('2026-01-14T17:00:00');
    expect(a.p50Finish <= a.p80Finish && a.p80Finish <= a.p90Finish).toBe(true);
    expect(a.p50Cost).toBeGreaterThanOrEqual(a.planCost);
    // One project: the portfolio's percentiles are that project's.
    expect(result.portfolio).toMatchObject({
      projects: 1,
      p50Finish: a.p50Finish,
      p90Finish: a.p90Finish,
      p50Cost: a.p50Cost,
    });
    expect(result.currency).toBe('EUR');
    // The outsider's own run sees nothing to forecast, and the PM's result stays the PM's.
    const theirs = await outsider.request('POST', '/api/v1/forecasts/portfolio', {});
    expect(theirs.statusCode).toBe(202);
    await h.services.jobs.runUntilIdle();
    const theirLatest = (await outsider.request('GET', '/api/v1/forecasts/portfolio/latest')).json();
    expect(theirLatest.result.projects).toEqual([]);
    expect(theirLatest.result.portfolio).toBeNull();
    const peek = await outsider.request('GET', `/api/v1/jobs/${job.id}`);
    expect(peek.statusCode).toBe(403);
  });
});
