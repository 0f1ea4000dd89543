import { CapacityQuery, CapacityReport } from '@baton/contracts';
import { calendars } from '@baton/db/schema';
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
import { STANDARD_CALENDAR } from '../schedule/schedule-input.ts';

let h: Harness;
let org: Org;
let admin: Client;
let pmA: Client;
let member: Client;
let memberUserId = '';

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  await makeUser(h.services, 'admin@test.io', { role: 'admin', scopeType: 'organisation', scopeId: null });
  await makeUser(h.services, 'pm.a@test.io', {
    role: 'project_manager',
    scopeType: 'org_unit',
    scopeId: org.unitA,
  });
  memberUserId = await makeUser(h.services, 'member@test.io', {
    role: 'team_member',
    scopeType: 'project',
    scopeId: org.projectA,
  });
  await makeUser(h.services, 'loner@test.io', {
    role: 'team_member',
    scopeType: 'project',
    scopeId: org.projectA,
  });
  admin = await signIn(h.app, 'admin@test.io');
  pmA = await signIn(h.app, 'pm.a@test.io');
  member = await signIn(h.app, 'member@test.io');
}, 120_000);
afterAll(() => h.close());

async function ok(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as Record<string, unknown> & { id: string; version: number };
}

async function person(body: Record<string, unknown>) {
  return ok(await admin.request('POST', '/api/v1/resources', body), 201);
}

async function project(code: string, plannedStart: string, status?: 'approved' | 'active') {
  return h.services.projects.create(SYSTEM_ACTOR, {
    code,
    name: `Project ${code}`,
    orgUnitId: org.unitA,
    plannedStart,
    ...(status ? { status } : {}),
  });
}

async function task(projectId: string, name: string, days: number) {
  const change = await h.services.tasks.create(SYSTEM_ACTOR, projectId, {
    name,
    durationMinutes: days * 480,
  });
  const t = change.tasks.find((x) => x.name === name);
  if (!t) throw new Error('task not created');
  return t;
}

async function assign(taskId: string, resourceId: string) {
  const current = await ok(await admin.request('GET', `/api/v1/tasks/${taskId}/assignments`));
  return ok(
    await admin.request('PUT', `/api/v1/tasks/${taskId}/assignments`, {
      taskVersion: current.taskVersion,
      assignments: [{ resourceId }],
    }),
  );
}

type Period = { start: string; capacityHours: number; demandHours: number; tentativeHours: number };
type Row = { resourceId: string | null; label: string; periods: Period[] };
type Over = { resourceId: string; start: string; end: string; excessHours: number; projectIds: string[] };

/**
 * The heatmap writes its own JSON (a `jsonBody` route, not encoded through the schema): hold the
 * bytes to the schema (field for field, in its order) and to the report the service builds.
 */
async function expectCapacityJson(
  target: Harness,
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  query: string,
) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(JSON.stringify(CapacityReport.parse(JSON.parse(res.body)))).toBe(res.body);
  const q = CapacityQuery.parse(Object.fromEntries(new URLSearchParams(query)));
  expect(res.body).toBe(JSON.stringify(await target.services.capacity.report(q)));
}

async function capacity(query: string) {
  const res = await admin.request('GET', `/api/v1/capacity?${query}`);
  await expectCapacityJson(h, res, query);
  // A second read is served from the read cache, byte for byte.
  expect((await admin.request('GET', `/api/v1/capacity?${query}`)).body).toBe(res.body);
  return (await ok(res)) as unknown as { rows: Row[]; overAllocations: Over[] };
}

describe('resource pool', () => {
  it('adds a person from {name, capacityHoursPerWeek} with the defaults, and rejects bad input', async () => {
    const p = await person({ name: 'Pat Part-time', capacityHoursPerWeek: 20 });
    expect(p).toMatchObject({ kind: 'person', fte: 0.5, active: true, skills: [], rates: [], leave: [] });
    const missing = await admin.request('POST', '/api/v1/resources', { name: 'No capacity' });
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().errors[0].field).toBe('capacityHoursPerWeek');
    const tooMuch = await admin.request('POST', '/api/v1/resources', {
      name: 'X',
      capacityHoursPerWeek: 200,
    });
    expect(tooMuch.json().errors[0]).toMatchObject({ field: 'capacityHoursPerWeek' });
    const unknown = await admin.request('POST', '/api/v1/resources', {
      name: 'X',
      capacityHoursPerWeek: 1,
      salary: 1,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'salary', rule: 'unknown_field' });
    const badDates = await admin.request('POST', '/api/v1/resources', {
      name: 'X',
      capacityHoursPerWeek: 40,
      employmentStart: '2027-02-01',
      employmentEnd: '2027-01-01',
    });
    expect(badDates.json().errors[0].field).toBe('employmentEnd');
    const { total } = (await ok(await admin.request('GET', '/api/v1/resources?q=X'))) as unknown as {
      total: number;
    };
    expect(total).toBe(0);
  });

  it('keeps a skills catalogue with levels, filters by skill and level, and refuses stale versions', async () => {
    const ts = await ok(
      await admin.request('POST', '/api/v1/skills', { name: 'TypeScript', category: 'Engineering' }),
      201,
    );
    const dup = await admin.request('POST', '/api/v1/skills', { name: 'typescript' });
    expect(dup.statusCode).toBe(409);
    const ann = await person({
      name: 'Ann Expert',
      capacityHoursPerWeek: 40,
      role: 'Developer',
      orgUnitId: org.unitA,
    });
    const ben = await person({
      name: 'Ben Junior',
      capacityHoursPerWeek: 40,
      role: 'Developer',
      orgUnitId: org.unitA,
    });
    await ok(
      await admin.request('PUT', `/api/v1/resources/${ann.id}/skills`, {
        version: ann.version,
        skills: [{ skillId: ts.id, level: 5 }],
      }),
    );
    await ok(
      await admin.request('PUT', `/api/v1/resources/${ben.id}/skills`, {
        version: ben.version,
        skills: [{ skillId: ts.id, level: 2 }],
      }),
    );
    const stale = await admin.request('PUT', `/api/v1/resources/${ben.id}/skills`, {
      version: ben.version,
      skills: [],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(ben.version + 1);
    const badLevel = await admin.request('PUT', `/api/v1/resources/${ben.id}/skills`, {
      version: ben.version + 1,
      skills: [{ skillId: ts.id, level: 6 }],
    });
    expect(badLevel.json().errors[0].field).toBe('skills.0.level');
    const experts = (await ok(
      await admin.request('GET', `/api/v1/resources?skillId=${ts.id}&minLevel=3`),
    )) as unknown as {
      items: { name: string; skills: { level: number }[] }[];
    };
    expect(experts.items.map((r) => r.name)).toEqual(['Ann Expert']);
    const history = await ok(
      await admin.request('GET', `/api/v1/journal?entityType=resource&entityId=${ben.id}`),
    );
    const changes = (
      history.items as { action: string; changes: { field: string; to: unknown }[] }[]
    ).flatMap((e) => e.changes);
    expect(changes).toContainEqual(expect.objectContaining({ field: 'skills', to: 'TypeScript:2' }));
  });

  it('imports a CSV pool all-or-nothing, with a dry run first and every bad cell named', async () => {
    const csv =
      'Name,Kind,Role,Capacity Hours Per Week,Rate,Currency,Rate Effective From,Skills\n' +
      'Cara Import,person,Analyst,32,90.50,EUR,2026-01-01,Business analysis:4; TypeScript:2\n' +
      'Tester (TBD),role,Tester,40,,,,\n';
    const dry = await ok(
      await admin.request('POST', '/api/v1/resources/import', { format: 'csv', content: csv, dryRun: true }),
    );
    expect(dry).toMatchObject({ dryRun: true, created: 2, updated: 0, skillsCreated: 1, rows: 2 });
    const none = (await ok(await admin.request('GET', '/api/v1/resources?q=Cara'))) as unknown as {
      total: number;
    };
    expect(none.total).toBe(0);
    const bad = await admin.request('POST', '/api/v1/resources/import', {
      format: 'csv',
      content: 'Name,Capacity Hours Per Week\nDora,lots\n,40\n',
    });
    expect(bad.statusCode).toBe(422);
    const fields = (bad.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields.some((f) => f.includes('row 2'))).toBe(true);
    expect(fields.some((f) => f.includes('row 3'))).toBe(true);
    const done = await ok(
      await admin.request('POST', '/api/v1/resources/import', { format: 'csv', content: csv }),
    );
    expect(done).toMatchObject({ dryRun: false, created: 2 });
    const cara = (await ok(await admin.request('GET', '/api/v1/resources?q=Cara'))) as unknown as {
      items: {
        capacityHoursPerWeek: number;
        currentRate: { rateMinor: number } | null;
        skills: { skillName: string; level: number }[];
      }[];
    };
    expect(cara.items[0]).toMatchObject({ capacityHoursPerWeek: 32, currentRate: { rateMinor: 9050 } });
    expect(cara.items[0]?.skills.map((s) => `${s.skillName}:${s.level}`).sort()).toEqual([
      'Business analysis:4',
      'TypeScript:2',
    ]);
    const exported = await admin.request('GET', '/api/v1/resources/export.csv');
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body).toContain('Cara Import');
  });
});

describe('capacity against demand', () => {
  let pat = '';
  let projectC = '';
  it('counts allocations against capacity per week and names the projects of an over-allocation', async () => {
    pat = (await person({ name: 'Pat Full', capacityHoursPerWeek: 40, role: 'Engineer' })).id;
    projectC = (await project('XC', '2027-03-01', 'approved')).id;
    const contract = await admin.request('POST', '/api/v1/allocations', {
      resourceId: pat,
      projectId: projectC,
      start: '2027-03-01',
      end: '2027-03-14',
      hoursPerWeek: 30,
    });
    const a = await ok(contract, 201);
    expect(a).toMatchObject({ commitment: 'committed', totalHours: 60 });
    await ok(
      await admin.request('POST', '/api/v1/allocations', {
        resourceId: pat,
        projectId: org.projectB,
        start: '2027-03-08',
        end: '2027-03-21',
        hoursPerWeek: 20,
      }),
      201,
    );
    const r = await capacity(
      `from=2027-03-01&to=2027-03-21&granularity=week&groupBy=resource&resourceId=${pat}`,
    );
    const row = r.rows.find((x) => x.resourceId === pat);
    expect(row?.periods.map((p) => [p.start, p.capacityHours, p.demandHours])).toEqual([
      ['2027-03-01', 40, 30],
      ['2027-03-08', 40, 50],
      ['2027-03-15', 40, 20],
    ]);
    expect(r.overAllocations).toEqual([
      expect.objectContaining({
        resourceId: pat,
        start: '2027-03-08',
        end: '2027-03-14',
        excessHours: 10,
        projectIds: [projectC, org.projectB],
      }),
    ]);
    // Project B is only proposed: without tentative demand nobody is over-allocated.
    const committed = await capacity(
      `from=2027-03-01&to=2027-03-21&resourceId=${pat}&includeTentative=false`,
    );
    expect(committed.overAllocations).toEqual([]);
    expect(committed.rows[0]?.periods[1]?.tentativeHours).toBe(20);
  });

  it('takes part-time, leave and employment dates into capacity, by day, week and month', async () => {
    const p = await person({ name: 'Lee Leave', capacityHoursPerWeek: 20, employmentStart: '2027-03-03' });
    await ok(
      await admin.request('POST', `/api/v1/resources/${p.id}/leave`, {
        version: p.version,
        start: '2027-03-11',
        end: '2027-03-12',
      }),
      201,
    );
    const r = await capacity(`from=2027-03-01&to=2027-03-14&granularity=week&resourceId=${p.id}`);
    expect(r.rows[0]?.periods.map((x) => x.capacityHours)).toEqual([12, 12]);
    const days = await capacity(`from=2027-03-01&to=2027-03-07&granularity=day&resourceId=${p.id}`);
    expect(days.rows[0]?.periods.map((x) => x.capacityHours)).toEqual([0, 0, 4, 4, 4, 0, 0]);
    const month = await capacity(`from=2027-04-01&to=2027-04-30&granularity=month&resourceId=${p.id}`);
    expect(month.rows[0]?.periods[0]?.capacityHours).toBe(88); // 22 working days × 4 h
    const bad = await admin.request('GET', '/api/v1/capacity?from=2027-03-10&to=2027-03-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('to');
  });

  it('counts task assignments from the schedule, without double counting a booking on the same project', async () => {
    const projectD = (await project('XD', '2027-04-05', 'active')).id;
    const sam = (await person({ name: 'Sam Tasks', capacityHoursPerWeek: 40 })).id;
    const t = await task(projectD, 'Build it', 5);
    await assign(t.id, sam);
    await ok(
      await admin.request('POST', '/api/v1/allocations', {
        resourceId: sam,
        projectId: projectD,
        start: '2027-04-05',
        end: '2027-04-18',
        hoursPerWeek: 16,
      }),
      201,
    );
    const r = await capacity(`from=2027-04-05&to=2027-04-18&resourceId=${sam}`);
    expect(r.rows[0]?.periods.map((p) => p.demandHours)).toEqual([40, 16]);
    const byRole = await capacity('from=2027-03-01&to=2027-03-21&groupBy=role');
    const engineers = byRole.rows.find((x) => x.label === 'Engineer');
    expect(engineers?.periods[1]?.demandHours).toBe(50);
  });

  it('finds who is free half-time with a skill, best fit first', async () => {
    const skill = await ok(await admin.request('POST', '/api/v1/skills', { name: 'Rust' }), 201);
    const busy = await person({
      name: 'Rae Busy',
      capacityHoursPerWeek: 40,
      skills: [{ skillId: skill.id, level: 4 }],
    });
    await person({
      name: 'Fay Free',
      capacityHoursPerWeek: 40,
      skills: [{ skillId: skill.id, level: 3 }],
    });
    await person({ name: 'Gus Green', capacityHoursPerWeek: 40, skills: [{ skillId: skill.id, level: 1 }] });
    const projectE = (await project('XE', '2027-05-03', 'approved')).id;
    await ok(
      await admin.request('POST', '/api/v1/allocations', {
        resourceId: busy.id,
        projectId: projectE,
        start: '2027-05-03',
        end: '2027-05-30',
        percent: 75,
      }),
      201,
    );
    const res = (await ok(
      await admin.request(
        'GET',
        `/api/v1/availability?from=2027-05-03&to=2027-05-30&skillId=${skill.id}&minLevel=3&fraction=0.5`,
      ),
    )) as unknown as {
      neededHoursPerWeek: number;
      items: { name: string; fullyFree: boolean; coverage: number }[];
    };
    expect(res.neededHoursPerWeek).toBe(20);
    expect(res.items.map((i) => i.name)).toEqual(['Fay Free', 'Rae Busy']);
    expect(res.items[0]).toMatchObject({ fullyFree: true, coverage: 1 });
    expect(res.items[1]?.coverage).toBe(0.5);
  });

  it('exports the heatmap as an XLSX workbook', async () => {
    const res = await admin.request('GET', '/api/v1/capacity/export.xlsx?from=2027-03-01&to=2027-03-21');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('capacity without the read cache', () => {
  let plain: Harness;
  beforeAll(async () => {
    plain = await startHarness({ readCache: false });
  }, 120_000);
  afterAll(() => plain.close());

  it('sends the JSON the report gives, by every grouping and granularity, with tentative demand or not', async () => {
    const o = await makeOrg(plain.services);
    await makeUser(plain.services, 'admin@plain.io', {
      role: 'admin',
      scopeType: 'organisation',
      scopeId: null,
    });
    const c = await signIn(plain.app, 'admin@plain.io');
    const skill = await ok(await c.request('POST', '/api/v1/skills', { name: 'Welding' }), 201);
    const ids: string[] = [];
    for (const [name, hours, role] of [
      ['Ana “Quote” Ölz', 40, 'Engineer'],
      ['Bo Part', 20, null],
    ] as const) {
      const r = await ok(
        await c.request('POST', '/api/v1/resources', {
          name,
          capacityHoursPerWeek: hours,
          role,
          orgUnitId: o.unitA,
          skills: [{ skillId: skill.id, level: 3 }],
        }),
        201,
      );
      ids.push(r.id);
    }
    const approved = await plain.services.projects.create(SYSTEM_ACTOR, {
      code: 'PL1',
      name: 'Plain one',
      orgUnitId: o.unitA,
      plannedStart: '2027-03-01',
      status: 'approved',
    });
    for (const [resourceId, projectId, start, end, hoursPerWeek] of [
      [ids[0], approved.id, '2027-03-03', '2027-03-24', 30],
      [ids[0], o.projectB, '2027-03-08', '2027-04-02', 16],
      [ids[1], approved.id, '2027-02-24', '2027-03-12', 25],
    ] as const)
      await ok(
        await c.request('POST', '/api/v1/allocations', { resourceId, projectId, start, end, hoursPerWeek }),
        201,
      );
    for (const groupBy of ['resource', 'role', 'skill', 'org_unit'])
      for (const granularity of ['day', 'week', 'month'])
        for (const includeTentative of ['true', 'false']) {
          const query = `from=2027-02-24&to=2027-04-04&granularity=${granularity}&groupBy=${groupBy}&includeTentative=${includeTentative}`;
          await expectCapacityJson(plain, await c.request('GET', `/api/v1/capacity?${query}`), query);
        }
    const over = JSON.parse(
      (await c.request('GET', '/api/v1/capacity?from=2027-02-24&to=2027-04-04')).body,
    ) as CapacityReport;
    expect(over.overAllocations.length).toBeGreaterThan(0);
    expect(over.rows.map((r) => r.label)).toEqual(['Ana “Quote” Ölz', 'Bo Part']);
  });
});

describe('capacity on a resource calendar', () => {
  it('spreads capacity and bookings over the working days of the resource’s own calendar', async () => {
    const [calendar] = await h.database.db
      .insert(calendars)
      .values({
        name: 'Four days',
        projectId: null,
        baseCalendarId: null,
        definition: {
          ...STANDARD_CALENDAR,
          name: 'Four days',
          weekDays: STANDARD_CALENDAR.weekDays.map((d) =>
            d.dayType === 6 ? { dayType: 6, working: false, times: [] } : d,
          ),
        } as unknown as Record<string, unknown>,
      })
      .returning();
    const p = await person({ name: 'Fay Four', capacityHoursPerWeek: 40 });
    await ok(
      await admin.request('PATCH', `/api/v1/resources/${p.id}`, {
        version: p.version,
        calendarId: calendar?.id,
      }),
    );
    const projectF = (await project('XF', '2027-05-03', 'active')).id;
    await ok(
      await admin.request('POST', '/api/v1/allocations', {
        resourceId: p.id,
        projectId: projectF,
        start: '2027-05-03',
        end: '2027-05-09',
        hoursPerWeek: 20,
      }),
      201,
    );
    const days = await capacity(`from=2027-05-03&to=2027-05-09&granularity=day&resourceId=${p.id}`);
    // Monday to Thursday: 10 h each, bookings 5 h a day; Friday off.
    expect(days.rows[0]?.periods.map((x) => [x.capacityHours, x.demandHours])).toEqual([
      [10, 5],
      [10, 5],
      [10, 5],
      [10, 5],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('levelling', () => {
  it('proposes a delay within float first, and applies it as one journalled change', async () => {
    const kim = (await person({ name: 'Kim Level', capacityHoursPerWeek: 40, role: 'Welder' })).id;
    await person({ name: 'Kai Spare', capacityHoursPerWeek: 40, role: 'Welder' });
    const p1 = (await project('XL1', '2027-06-07', 'active')).id;
    const p2 = (await project('XL2', '2027-06-07', 'active')).id;
    await task(p1, 'Long frame', 10);
    const short = await task(p1, 'Short weld', 5);
    const other = await task(p2, 'Urgent weld', 5);
    await assign(short.id, kim);
    await assign(other.id, kim);
    const before = await capacity(`from=2027-06-07&to=2027-06-20&resourceId=${kim}`);
    expect(before.overAllocations[0]).toMatchObject({ start: '2027-06-07', excessHours: 40 });
    const proposal = (await ok(
      await admin.request(
        'GET',
        `/api/v1/levelling/options?resourceId=${kim}&start=2027-06-07&end=2027-06-13`,
      ),
    )) as unknown as {
      excessHours: number;
      options: {
        action: { kind: string; taskId?: string; delayDays?: number };
        remainingExcessHours: number;
        finishChanges: unknown[];
      }[];
    };
    expect(proposal.excessHours).toBe(40);
    const first = proposal.options[0];
    expect(first?.action).toMatchObject({ kind: 'delay-within-float', taskId: short.id, delayDays: 5 });
    expect(first?.remainingExcessHours).toBe(0);
    expect(first?.finishChanges).toEqual([]);
    expect(proposal.options.some((o) => o.action.kind === 'reassign-task')).toBe(true);
    const viewer = await signIn(h.app, 'member@test.io');
    const refused = await viewer.request('POST', '/api/v1/levelling/apply', { action: first?.action });
    expect(refused.statusCode).toBe(403);
    const applied = await ok(
      await admin.request('POST', '/api/v1/levelling/apply', { action: first?.action }),
    );
    expect(applied.journalEntityId).toBe(short.id);
    const after = await capacity(`from=2027-06-07&to=2027-06-20&resourceId=${kim}`);
    expect(after.overAllocations).toEqual([]);
    const plan = await ok(await admin.request('GET', `/api/v1/projects/${p1}/schedule`));
    const moved = (plan.tasks as { id: string; constraintType: string; start: string }[]).find(
      (t) => t.id === short.id,
    );
    expect(moved).toMatchObject({ constraintType: 'SNET', start: '2027-06-14T08:00:00' });
  });
});

describe('timesheets', () => {
  let mine = '';
  let taskId = '';
  it('needs a resource linked to the login', async () => {
    const loner = await signIn(h.app, 'loner@test.io');
    const res = await loner.request('GET', '/api/v1/timesheets?week=2027-03-03');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('not linked');
  });

  it('walks a week from entry to approval; approved hours become task actuals and cost', async () => {
    const me = await person({
      name: 'Mo Member',
      capacityHoursPerWeek: 40,
      userId: memberUserId,
      rate: { rateMinor: 10_000, currency: 'EUR', effectiveFrom: '2026-01-01' },
    });
    mine = me.id;
    const t = await task(org.projectA, 'Logged work', 10);
    taskId = t.id;
    await assign(t.id, mine);
    const empty = await ok(await member.request('GET', '/api/v1/timesheets?week=2027-03-03'));
    expect(empty).toMatchObject({
      id: null,
      version: 0,
      weekStart: '2027-03-01',
      status: 'draft',
      entries: [],
    });
    const badDay = await member.request('PUT', '/api/v1/timesheets', {
      week: '2027-03-01',
      version: 0,
      entries: [{ projectId: org.projectA, date: '2027-03-09', hours: 4 }],
    });
    expect(badDay.json().errors[0].field).toBe('entries.0.date');
    const foreign = await member.request('PUT', '/api/v1/timesheets', {
      week: '2027-03-01',
      version: 0,
      entries: [{ projectId: org.projectB, date: '2027-03-02', hours: 4 }],
    });
    expect(foreign.json().errors[0].field).toBe('entries.0.projectId');
    const saved = await ok(
      await member.request('PUT', '/api/v1/timesheets', {
        week: '2027-03-01',
        version: 0,
        entries: [
          { projectId: org.projectA, taskId, date: '2027-03-01', hours: 6 },
          { projectId: org.projectA, taskId, date: '2027-03-02', hours: 7.5 },
        ],
      }),
    );
    expect(saved).toMatchObject({ status: 'draft', totalHours: 13.5, version: 1 });
    const submitted = await ok(
      await member.request('POST', `/api/v1/timesheets/${saved.id}/submit`, { version: saved.version }),
    );
    expect(submitted.status).toBe('submitted');
    const frozen = await member.request('PUT', '/api/v1/timesheets', {
      week: '2027-03-01',
      version: submitted.version,
      entries: [],
    });
    expect(frozen.statusCode).toBe(409);
    const queue = (await ok(await pmA.request('GET', '/api/v1/timesheet-approvals'))) as unknown as {
      items: { timesheetId: string; version: number; projectId: string; hours: number }[];
    };
    const item = queue.items.find((i) => i.timesheetId === saved.id);
    expect(item).toMatchObject({ projectId: org.projectA, hours: 13.5 });
    const noReason = await pmA.request('POST', `/api/v1/projects/${org.projectA}/timesheet-decisions`, {
      timesheetId: saved.id,
      version: item?.version,
      decision: 'reject',
    });
    expect(noReason.json().errors[0].field).toBe('reason');
    const approved = await ok(
      await pmA.request('POST', `/api/v1/projects/${org.projectA}/timesheet-decisions`, {
        timesheetId: saved.id,
        version: item?.version,
        decision: 'approve',
      }),
    );
    expect(approved.status).toBe('approved');
    const plan = await ok(await admin.request('GET', `/api/v1/projects/${org.projectA}/schedule`));
    const logged = (plan.tasks as { id: string; actualStart: string | null; percentComplete: number }[]).find(
      (x) => x.id === taskId,
    );
    expect(logged).toMatchObject({ actualStart: '2027-03-01T08:00:00', percentComplete: 17 }); // 13.5 h of 80 h
    const rec = (await ok(
      await admin.request(
        'GET',
        `/api/v1/reconciliation?from=2027-03-01&to=2027-03-07&groupBy=resource&resourceId=${mine}`,
      ),
    )) as unknown as { rows: { actualHours: number; actualCostMinor: number; assignedHours: number }[] };
    expect(rec.rows[0]).toMatchObject({ actualHours: 13.5, actualCostMinor: 135_000 });
  });

  it('locks periods: nothing in a locked week changes', async () => {
    await ok(await admin.request('PUT', '/api/v1/timesheet-lock', { lockedThrough: '2027-03-14' }));
    const locked = await ok(await member.request('GET', '/api/v1/timesheets?week=2027-03-08'));
    expect(locked.locked).toBe(true);
    const res = await member.request('PUT', '/api/v1/timesheets', {
      week: '2027-03-08',
      version: 0,
      entries: [{ projectId: org.projectA, date: '2027-03-08', hours: 1 }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('week');
    const unlockedWeek = await member.request('PUT', '/api/v1/timesheets', {
      week: '2027-03-15',
      version: 0,
      entries: [{ projectId: org.projectA, taskId, date: '2027-03-15', hours: 2 }],
    });
    expect(unlockedWeek.statusCode).toBe(200);
  });
});
