import { shiftPeriod } from '@baton/core';
import { queryRows } from '@baton/db';
import { sql } from 'drizzle-orm';
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
import { SYSTEM_ACTOR } from '../access/access.service.ts';

let h: Harness;
let org: Org;
let director: Client;
let pm: Client;
let outsider: Client;
type Task = { id: string; version: number; name: string; finish: string | null };
const TODAY = new Date().toISOString().slice(0, 10);
const MONTH = TODAY.slice(0, 7);
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

/** Runs the queued figure refreshes now (they wait a few seconds to gather a burst of edits). */
async function refreshNow() {
  await h.database.db.execute(
    sql`update jobs set run_at = now() where status = 'queued' and kind like 'metrics.%'`,
  );
  await h.services.jobs.runUntilIdle();
}

let milestoneBaseline = '';
let milestoneFinish = '';

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  await makeUser(h.services, 'director@dash.io', {
    role: 'pmo_director',
    scopeType: 'organisation',
    scopeId: null,
  });
  await makeUser(h.services, 'pm@dash.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  await makeUser(h.services, 'out@dash.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitB,
  });
  director = await signIn(h.app, 'director@dash.io');
  pm = await signIn(h.app, 'pm@dash.io');
  outsider = await signIn(h.app, 'out@dash.io');

  // Project A: two tasks of ten working days (Mon 2 – Fri 13 Nov), 1,000.00 each, and a milestone
  // ten days from today; baselined, then 600 and 200 spent, 40 % and 30 % done, the milestone slipped.
  const base = `/api/v1/projects/${org.projectA}`;
  const sched = await ok<{ settings: { version: number } }>(await pm.request('GET', `${base}/schedule`));
  await ok(
    await pm.request('PATCH', `${base}/schedule`, {
      version: sched.settings.version,
      start: '2026-11-02T08:00:00',
    }),
  );
  const byName = async (name: string) =>
    (await ok<{ tasks: Task[] }>(await pm.request('GET', `${base}/schedule`))).tasks.find(
      (t) => t.name === name,
    ) as Task;
  for (const name of ['Design', 'Build'])
    await ok(
      await pm.request('POST', `${base}/tasks`, { name, durationMinutes: 4800, costMinor: 100_000 }),
      201,
    );
  await ok(
    await pm.request('POST', `${base}/tasks`, {
      name: 'Go-live',
      milestone: true,
      durationMinutes: 0,
      constraintType: 'SNET',
      constraintDate: `${addDays(TODAY, 10)}T08:00:00`,
    }),
    201,
  );
  await ok(await pm.request('POST', `${base}/baselines`, { number: 0 }), 201);
  milestoneBaseline = ((await byName('Go-live')).finish ?? '').slice(0, 10);
  const [design, build] = [await byName('Design'), await byName('Build')];
  await h.database.db.transaction((tx) =>
    h.services.schedule.bookActuals(tx, SYSTEM_ACTOR, [
      { taskId: design.id, minutes: 0, costMinor: 60_000, firstDate: '2026-11-02' },
      { taskId: build.id, minutes: 0, costMinor: 20_000, firstDate: '2026-11-02' },
    ]),
  );
  for (const [name, pct] of [
    ['Design', 40],
    ['Build', 30],
  ] as const) {
    const t = await byName(name);
    await ok(
      await pm.request('PATCH', `/api/v1/tasks/${t.id}`, { version: t.version, percentComplete: pct }),
    );
  }
  const live = await byName('Go-live');
  await ok(
    await pm.request('PATCH', `/api/v1/tasks/${live.id}`, {
      version: live.version,
      constraintDate: `${addDays(TODAY, 17)}T08:00:00`,
    }),
  );
  milestoneFinish = ((await byName('Go-live')).finish ?? '').slice(0, 10);
  // Budgets 2,500 and 1,000; both projects under way.
  for (const [id, budgetMinor] of [
    [org.projectA, 250_000],
    [org.projectB, 100_000],
  ] as const) {
    let p = await h.services.projects.get(id);
    p = await h.services.projects.update(
      SYSTEM_ACTOR,
      id,
      { budgetMinor },
      { version: p.version, source: 'body' },
    );
    await activateProject(h.services, id);
  }
  await ok(
    await pm.request('POST', '/api/v1/risks', {
      title: 'Vendor late',
      projectId: org.projectA,
      probability: 4,
      impact: 5,
    }),
    201,
  );
  await ok(
    await director.request('POST', '/api/v1/risks', {
      title: 'Budget freeze',
      portfolioId: org.portfolioB,
      probability: 2,
      impact: 3,
    }),
    201,
  );
  await refreshNow();
}, 180_000);
afterAll(() => h.close());

type Dashboard = {
  computedAt: string | null;
  projectCount: number;
  health: { overall: Record<string, number>; dimensions: Record<string, Record<string, number>> };
  budget: {
    total: Record<string, number>;
    byPortfolio: { code: string | null; budget: number; actual: number; forecast: number }[];
  };
  milestones: { next30: number; next90: number; items: Record<string, unknown>[] };
  capacity: { period: string; capacityHours: number }[];
  risks: { total: number; cells: { probability: number; impact: number; count: number }[] };
  projects: Record<string, unknown>[];
};

describe('project figures upkeep', () => {
  it('queues one refresh per changed project, in the change’s transaction, and keeps the row fresh', async () => {
    const rows = await queryRows<{ project_id: string; ev_minor: string | number; health: string }>(
      h.database.db,
      sql`select project_id, ev_minor, health from project_metrics`,
    );
    expect(rows.map((r) => r.project_id).sort()).toEqual([org.projectA, org.projectB].sort());
    const design = (
      await ok<{ tasks: Task[] }>(await pm.request('GET', `/api/v1/projects/${org.projectA}/schedule`))
    ).tasks.find((t) => t.name === 'Design') as Task;
    await ok(
      await pm.request('PATCH', `/api/v1/tasks/${design.id}`, {
        version: design.version,
        percentComplete: 100,
      }),
    );
    const queued = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from jobs where kind = 'metrics.refresh' and status = 'queued' and dedupe_key = ${`metrics:${org.projectA}`}`,
    );
    expect(queued[0]?.n).toBe(1);
    const before = await ok<Dashboard>(await director.request('GET', '/api/v1/dashboards/portfolio'));
    expect(before.projects.find((p) => p.projectId === org.projectA)).toMatchObject({ ev: 70_000 });
    await refreshNow();
    const after = await ok<Dashboard>(await director.request('GET', '/api/v1/dashboards/portfolio'));
    // Design done (1,000) + Build 30 % (300): EV 1,300; the row was recomputed after the edit.
    expect(after.projects.find((p) => p.projectId === org.projectA)).toMatchObject({ ev: 130_000 });
    expect(Date.parse(after.computedAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(before.computedAt ?? '') - 1000,
    );
    // Back to 40 % for the figures below.
    const again = (
      await ok<{ tasks: Task[] }>(await pm.request('GET', `/api/v1/projects/${org.projectA}/schedule`))
    ).tasks.find((t) => t.name === 'Design') as Task;
    await ok(
      await pm.request('PATCH', `/api/v1/tasks/${again.id}`, { version: again.version, percentComplete: 40 }),
    );
    await refreshNow();
  });

  it('lets the PMO force a full refresh, and nobody else', async () => {
    const r = await ok<{ job: { id: string; kind: string; status: string } }>(
      await director.request('POST', '/api/v1/dashboards/refresh'),
      202,
    );
    expect(r.job).toMatchObject({ kind: 'metrics.refresh-all', status: 'queued' });
    expect((await pm.request('POST', '/api/v1/dashboards/refresh')).statusCode).toBe(403);
    await h.services.jobs.runUntilIdle();
    const done = await ok<{ status: string; result: { projects: number } }>(
      await director.request('GET', `/api/v1/jobs/${r.job.id}`),
    );
    expect(done).toMatchObject({ status: 'succeeded', result: { projects: 2 } });
  });
});

describe('portfolio dashboard', () => {
  it('aggregates the stored figures of the projects in scope', async () => {
    const d = await ok<Dashboard>(await director.request('GET', '/api/v1/dashboards/portfolio'));
    expect(d.projectCount).toBe(2);
    // A at today: the whole plan is due (PV 2,000) but only 700 earned: SPI 0.35 → red.
    const a = d.projects.find((p) => p.projectId === org.projectA);
    expect(a).toMatchObject({
      code: 'XA',
      status: 'active',
      health: 'red',
      bac: 200_000,
      pv: 200_000,
      ev: 70_000,
      ac: 80_000,
      eac: 228_571,
      budget: 250_000,
      spi: 0.35,
      cpi: 0.875,
      percentComplete: 35,
      baselineFinish: milestoneBaseline,
      finish: milestoneFinish,
    });
    // Neither has reported status: stale reporting makes both red; only A has a schedule to judge.
    expect(d.health.overall).toEqual({ green: 0, amber: 0, red: 2, unknown: 0 });
    expect(d.health.dimensions.schedule).toEqual({ green: 1, amber: 0, red: 1, unknown: 0 });
    // Budget 2,500 + 1,000; spent 800; forecast A's EAC 2,285.71 + B's budget (no EAC yet).
    expect(d.budget.total).toEqual({ budget: 350_000, actual: 80_000, forecast: 328_571, bac: 200_000 });
    expect(d.budget.byPortfolio).toEqual([
      {
        portfolioId: org.portfolioA,
        code: 'PFA',
        name: 'Portfolio A',
        budget: 250_000,
        actual: 80_000,
        forecast: 228_571,
        bac: 200_000,
      },
      {
        portfolioId: org.portfolioB,
        code: 'PFB',
        name: 'Portfolio B',
        budget: 100_000,
        actual: 0,
        forecast: 100_000,
        bac: 0,
      },
    ]);
    const slip = Math.round((Date.parse(milestoneFinish) - Date.parse(milestoneBaseline)) / 86_400_000);
    expect(slip).toBeGreaterThan(0);
    expect(d.milestones).toEqual({
      next30: 1,
      next90: 1,
      items: [
        {
          taskId: expect.any(String),
          projectId: org.projectA,
          projectCode: 'XA',
          name: 'Go-live',
          finish: milestoneFinish,
          baselineFinish: milestoneBaseline,
          slipDays: slip,
          within: '30',
        },
      ],
    });
    expect(d.risks).toEqual({
      total: 2,
      cells: [
        { probability: 4, impact: 5, count: 1 },
        { probability: 2, impact: 3, count: 1 },
      ],
    });
    expect(d.capacity.map((c) => c.period)).toEqual([0, 1, 2, 3, 4, 5].map((i) => shiftPeriod(MONTH, i)));
  });

  it('filters by portfolio, program and unit, and only to what the caller may see', async () => {
    const b = await ok<Dashboard>(
      await director.request('GET', `/api/v1/dashboards/portfolio?portfolioId=${org.portfolioB}`),
    );
    expect(b.projects.map((p) => p.code)).toEqual(['XB']);
    expect(b.risks.cells).toEqual([{ probability: 2, impact: 3, count: 1 }]);
    const prog = await ok<Dashboard>(
      await director.request('GET', `/api/v1/dashboards/portfolio?programId=${org.programA}`),
    );
    expect(prog.projects.map((p) => p.code)).toEqual(['XA']);
    const mine = await ok<Dashboard>(await pm.request('GET', '/api/v1/dashboards/portfolio'));
    expect(mine.projects.map((p) => p.code)).toEqual(['XA']);
    expect(mine.risks.total).toBe(1);
    expect((await pm.request('GET', `/api/v1/dashboards/portfolio?orgUnitId=${org.unitB}`)).statusCode).toBe(
      403,
    );
    expect((await outsider.request('GET', `/api/v1/portfolios/${org.portfolioA}/evm`)).statusCode).toBe(403);
    const bad = await director.request('GET', '/api/v1/dashboards/portfolio?orgUnitId=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('orgUnitId');
    const limit = await director.request('GET', '/api/v1/dashboards/portfolio?limit=0');
    expect(limit.statusCode).toBe(400);
    expect(limit.body).toContain('limit');
  });
});

describe('earned value roll-ups and S-curves', () => {
  it('sums the projects and recomputes the indices from the sums, naming the EAC method', async () => {
    const r = await ok<{ rows: Record<string, unknown>[]; total: Record<string, unknown> }>(
      await director.request('GET', '/api/v1/evm/rollup?groupBy=org-unit&eacMethod=atypical'),
    );
    expect(r.rows.map((x) => x.code)).toEqual(['UA', 'UB']);
    expect(r.rows[0]).toMatchObject({
      projects: 1,
      bac: 200_000,
      ev: 70_000,
      ac: 80_000,
      eac: 210_000,
      eacMethod: 'AC + (BAC − EV)',
    });
    expect(r.total).toMatchObject({
      projects: 2,
      bac: 200_000,
      pv: 200_000,
      ev: 70_000,
      ac: 80_000,
      spi: 0.35,
      cpi: 0.875,
    });
    const at = await ok<{ statusDate: string; computedAt: string | null; rows: Record<string, unknown>[] }>(
      await director.request('GET', '/api/v1/evm/rollup?groupBy=portfolio&statusDate=2026-11-06'),
    );
    expect(at.computedAt).toBeNull();
    expect(at.rows.find((x) => x.code === 'PFA')).toMatchObject({
      pv: 100_000,
      ev: 70_000,
      spi: 0.7,
      eac: 228_571,
      eacMethod: 'BAC / CPI',
    });
    const g = await ok<{ total: Record<string, unknown>; projects: { code: string }[] }>(
      await pm.request('GET', `/api/v1/programs/${org.programA}/evm?statusDate=2026-11-06`),
    );
    expect(g.total).toMatchObject({ bac: 200_000, pv: 100_000, ev: 70_000, ac: 80_000, tcpi: 1.0833 });
    expect(g.projects.map((p) => p.code)).toEqual(['XA']);
    const u = await ok<{ projects: { code: string }[] }>(
      await director.request('GET', `/api/v1/org-units/${org.root}/evm`),
    );
    expect(u.projects.map((p) => p.code).sort()).toEqual(['XA', 'XB']);
    expect((await director.request('GET', '/api/v1/evm/rollup?groupBy=team')).body).toContain('groupBy');
    expect(
      (await director.request('GET', '/api/v1/portfolios/00000000-0000-4000-8000-000000000000/evm'))
        .statusCode,
    ).toBe(404);
  });

  it('draws cumulative PV, EV and AC per week with the status date marked', async () => {
    const c = await ok<{
      statusIndex: number;
      points: { start: string; pv: number; ev: number | null; ac: number | null }[];
    }>(
      await pm.request(
        'GET',
        `/api/v1/projects/${org.projectA}/evm/s-curve?granularity=week&statusDate=2026-11-06`,
      ),
    );
    expect(c.statusIndex).toBe(0);
    expect(c.points.slice(0, 2)).toEqual([
      { start: '2026-11-02', end: '2026-11-08', pv: 100_000, ev: 70_000, ac: 80_000 },
      { start: '2026-11-09', end: '2026-11-15', pv: 200_000, ev: null, ac: null },
    ]);
    const g = await ok<{ points: { pv: number }[] }>(
      await director.request(
        'GET',
        `/api/v1/portfolios/${org.portfolioA}/evm/s-curve?granularity=month&statusDate=2026-11-30`,
      ),
    );
    expect(g.points[0]).toEqual({
      start: '2026-11-01',
      end: '2026-11-30',
      pv: 200_000,
      ev: 70_000,
      ac: 80_000,
    });
    expect((await outsider.request('GET', `/api/v1/projects/${org.projectA}/evm/s-curve`)).statusCode).toBe(
      403,
    );
    const bad = await pm.request('GET', `/api/v1/projects/${org.projectA}/evm/s-curve?granularity=day`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('granularity');
  });
});

describe('KPIs over time and the scorecard', () => {
  const last = shiftPeriod(MONTH, -1);

  it('freezes a closed month into snapshots and computes its KPIs from them', async () => {
    const current = await director.request('POST', '/api/v1/kpis/snapshots', { period: MONTH });
    expect(current.statusCode).toBe(422);
    expect(current.body).toContain('period');
    expect((await director.request('POST', '/api/v1/kpis/snapshots', { period: '2026-13' })).statusCode).toBe(
      400,
    );
    expect((await pm.request('POST', '/api/v1/kpis/snapshots', { period: last })).statusCode).toBe(403);
    await ok(await director.request('POST', '/api/v1/kpis/snapshots', { period: last }), 202);
    await h.services.jobs.runUntilIdle();
    const k = await ok<{ from: string; to: string; points: Record<string, unknown>[] }>(
      await director.request('GET', `/api/v1/kpis?from=${shiftPeriod(last, -1)}&to=${last}`),
    );
    expect(k.points).toHaveLength(2);
    expect(k.points[0]).toMatchObject({ snapshotted: false, inFlight: 0, onTimeShare: null });
    // Both in flight; only A has dates (5–7 days late: within the 7-day tolerance) and an EAC ≤ budget.
    expect(k.points[1]).toMatchObject({
      period: last,
      snapshotted: true,
      inFlight: 2,
      onTime: 1,
      onTimeEligible: 1,
      onTimeShare: 1,
      onBudget: 1,
      onBudgetEligible: 1,
      throughput: 0,
      successRate: null,
      utilisation: null,
    });
    const strict = await ok<{ points: { onTimeShare: number | null }[] }>(
      await director.request('GET', `/api/v1/kpis?from=${last}&to=${last}&toleranceDays=0`),
    );
    expect(strict.points[0]?.onTimeShare).toBe(0);
    const mine = await ok<{ points: { inFlight: number }[] }>(
      await pm.request('GET', `/api/v1/kpis?from=${last}&to=${last}`),
    );
    expect(mine.points[0]?.inFlight).toBe(1);
    const order = await director.request('GET', '/api/v1/kpis?from=2026-10&to=2026-09');
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain('to');
  });

  it('shows each unit’s KPIs now against last month', async () => {
    const s = await ok<{
      period: string;
      previousPeriod: string;
      total: { projects: number; health: Record<string, number>; previous: unknown };
      units: {
        code: string;
        projects: number;
        current: { inFlight: number; onTimeShare: number | null };
        trends: Record<string, { direction: string }>;
      }[];
    }>(await director.request('GET', '/api/v1/dashboards/scorecard'));
    expect(s.period).toBe(MONTH);
    expect(s.previousPeriod).toBe(last);
    expect(s.total.projects).toBe(2);
    expect(s.units.map((u) => u.code)).toEqual(['UA', 'UB']);
    expect(s.units[0]).toMatchObject({ projects: 1, current: { inFlight: 1, onTimeShare: 1 } });
    expect(s.units[0]?.trends.onTimeShare?.direction).toBe('flat');
    expect((await pm.request('GET', `/api/v1/dashboards/scorecard?orgUnitId=${org.unitB}`)).statusCode).toBe(
      403,
    );
  });
});
