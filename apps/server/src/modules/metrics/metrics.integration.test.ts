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
let pm: Client;
let outsider: Client;
type Task = { id: string; version: number };

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  await makeUser(h.services, 'pm@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  await makeUser(h.services, 'out@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitB,
  });
  pm = await signIn(h.app, 'pm@test.io');
  outsider = await signIn(h.app, 'out@test.io');
}, 120_000);
afterAll(() => h.close());

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

describe('earned value and computed health', () => {
  it('measures a baselined project at a status date, and explains its health', async () => {
    const base = `/api/v1/projects/${org.projectA}`;
    const sched = await ok<{ settings: { version: number } }>(await pm.request('GET', `${base}/schedule`));
    await ok(
      await pm.request('PATCH', `${base}/schedule`, {
        version: sched.settings.version,
        start: '2026-11-02T08:00:00',
      }),
    );
    // Two independent tasks of ten working days (Mon 2 – Fri 13 Nov), 1,000.00 each.
    type View = { tasks: (Task & { name: string })[] };
    const byName = async (name: string) =>
      (await ok<View>(await pm.request('GET', `${base}/schedule`))).tasks.find(
        (t) => t.name === name,
      ) as Task;
    for (const name of ['Design', 'Build'])
      await ok(
        await pm.request('POST', `${base}/tasks`, { name, durationMinutes: 4800, costMinor: 100_000 }),
        201,
      );
    await ok(await pm.request('POST', `${base}/baselines`, { number: 0 }), 201);
    // Actual costs 600 and 200 booked as approved time would book them, then progress 40 % and 30 %.
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
    // At Fri 6 Nov: half the plan is due (PV 1,000), 700 earned, 800 spent.
    const evm = await ok<Record<string, unknown>>(
      await pm.request('GET', `${base}/evm?statusDate=2026-11-06`),
    );
    expect(evm).toMatchObject({
      statusDate: '2026-11-06',
      bac: 200_000,
      pv: 100_000,
      ev: 70_000,
      ac: 80_000,
      sv: -30_000,
      cv: -10_000,
      spi: 0.7,
      cpi: 0.875,
      eac: 228_571,
      etc: 148_571,
      vac: -28_571,
      tcpi: 1.0833,
    });
    const other = await ok<{ eac: number; eacMethod: string }>(
      await pm.request('GET', `${base}/evm?statusDate=2026-11-06&eacMethod=atypical`),
    );
    expect(other).toMatchObject({ eac: 210_000, eacMethod: 'AC + (BAC − EV)' });
    expect((await pm.request('GET', `${base}/evm?statusDate=2026-11-31`)).statusCode).toBe(400);
    expect((await outsider.request('GET', `${base}/evm`)).statusCode).toBe(403);
    const health = await ok<{
      health: {
        overall: string;
        dimensions: Record<string, { rag: string; fired: { rule: string; explanation: string }[] }>;
      };
      facts: Record<string, number | null>;
    }>(await pm.request('GET', `${base}/health?asOf=2026-11-06`));
    expect(health.facts).toMatchObject({
      spi: 0.7,
      cpi: 0.875,
      openHighRisks: 0,
      daysSinceStatusReport: null,
    });
    expect(health.health.dimensions.schedule?.rag).toBe('red');
    expect(health.health.dimensions.schedule?.fired.map((f) => f.explanation)).toContain(
      'Schedule performance (SPI) 0.70 is below the red threshold 0.85',
    );
    expect(health.health.dimensions.cost?.rag).toBe('amber');
    // Never reported, but not executing yet: it owes no reports, so status staleness does not apply.
    expect(health.health.dimensions.scope?.fired).toEqual([]);
    expect((health as unknown as { notApplicable: string[] }).notApplicable).toEqual([
      'daysSinceStatusReport',
    ]);
    expect(health.health.overall).toBe('red');

    // Committed to finish on Mon 23 Nov: ten days of margin after the baselined Fri 13 Nov, none used.
    const project = await ok<{ version: number }>(await pm.request('GET', base));
    await ok(await pm.request('PATCH', base, { version: project.version, plannedFinish: '2026-11-23' }));
    const margin = async () =>
      (
        await ok<{ facts: { floatConsumedPercent: number | null } }>(
          await pm.request('GET', `${base}/health`),
        )
      ).facts.floatConsumedPercent;
    expect(await margin()).toBe(0);
    // Build takes five working days more and now finishes Fri 20 Nov: 7 of the 10 days are used up.
    const longer = await byName('Build');
    await ok(
      await pm.request('PATCH', `/api/v1/tasks/${longer.id}`, {
        version: longer.version,
        durationMinutes: 7200,
      }),
    );
    expect(await margin()).toBe(70);
  });

  it('pre-fills a status report with the computed health and flags a green report as mismatched', async () => {
    await activateProject(h.services, org.projectA);
    let r = await ok<{
      id: string;
      version: number;
      computed: { overall: string } | null;
      figures: Record<string, unknown> | null;
      mismatches: { dimension: string }[];
    }>(
      await pm.request('POST', '/api/v1/status-reports', { projectId: org.projectA, period: '2026-11' }),
      201,
    );
    // November is over: the health is measured at its end, when the whole plan was due.
    expect(r.computed?.overall).toBe('red');
    expect(r.figures).toMatchObject({ bac: 200_000, pv: 200_000, ev: 70_000 });
    r = await ok(
      await pm.request('PATCH', `/api/v1/status-reports/${r.id}`, {
        version: r.version,
        summary: 'All fine.',
        reported: {
          overall: 'green',
          schedule: 'green',
          cost: 'green',
          scope: 'green',
          risk: 'green',
          resources: 'green',
        },
      }),
    );
    r = await ok(await pm.request('POST', `/api/v1/status-reports/${r.id}/submit`, { version: r.version }));
    expect(r.mismatches.map((m) => m.dimension)).toEqual(
      expect.arrayContaining(['overall', 'schedule', 'cost']),
    );
    const list = await ok<{ items: { id: string }[] }>(
      await pm.request('GET', '/api/v1/status-reports?mismatch=true'),
    );
    expect(list.items.map((i) => i.id)).toEqual([r.id]);
  });

  it('counts the project’s people over-allocated in the next four weeks against its resources', async () => {
    const base = `/api/v1/projects/${org.projectA}`;
    const people = async () =>
      await ok<{
        facts: { overAllocatedPeople: number | null };
        health: { dimensions: Record<string, { rag: string }> };
      }>(await pm.request('GET', `${base}/health`));
    expect((await people()).facts.overAllocatedPeople).toBe(0);
    const start = new Date().toISOString().slice(0, 10);
    const end = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const person = await h.services.resources.create(SYSTEM_ACTOR, {
      name: 'Ada Overbooked',
      capacityHoursPerWeek: 40,
      orgUnitId: org.unitA,
    });
    await h.services.allocations.create(SYSTEM_ACTOR, {
      resourceId: person.id,
      projectId: org.projectA,
      start,
      end,
      hoursPerWeek: 60,
    });
    const after = await people();
    expect(after.facts.overAllocatedPeople).toBe(1);
    expect(after.health.dimensions.resources?.rag).toBe('amber');
  });
});
