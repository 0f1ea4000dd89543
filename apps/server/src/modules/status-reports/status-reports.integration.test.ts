import { dueDateOf, lastDuePeriod } from '@baton/core';
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
let member: Client;

type Report = {
  id: string;
  version: number;
  status: string;
  period: string;
  dueDate: string;
  overdue: boolean;
  reported: Record<string, string>;
  computed: {
    overall: string;
    dimensions: Record<string, { rag: string; fired: { rule: string }[] }>;
  } | null;
  figures: Record<string, unknown> | null;
  moves: string[];
  comments: { body: string; decision: string | null; authorName: string | null }[];
  commentCount: number;
};
const today = () => new Date().toISOString().slice(0, 10);
const thisMonth = () => today().slice(0, 7);
const ALL_GREEN = {
  overall: 'green',
  schedule: 'green',
  cost: 'green',
  scope: 'green',
  risk: 'green',
  resources: 'green',
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
  // Project A is executing since the start of the year.
  await h.services.projects.update(
    SYSTEM_ACTOR,
    org.projectA,
    {
      plannedStart: '2026-01-05',
      plannedFinish: '2027-06-30',
    },
    { version: (await h.services.projects.get(org.projectA)).version, source: 'body' },
  );
  await activateProject(h.services, org.projectA);
}, 120_000);
afterAll(() => h.close());

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

describe('status reports', () => {
  let r: Report;

  it('starts a month’s report as a draft due after the month, once per project and month', async () => {
    r = await ok<Report>(
      await pm.request('POST', '/api/v1/status-reports', { projectId: org.projectA, period: thisMonth() }),
      201,
    );
    expect(r).toMatchObject({ status: 'draft', period: thisMonth(), moves: ['submitted'] });
    // The project never reported before, but the report being written is its status report:
    // the computed health does not call it stale (a project's health outside a report does).
    expect(r.figures?.daysSinceStatusReport).toBe(0);
    expect(
      Object.values(r.computed?.dimensions ?? {}).flatMap((d) => d.fired.map((f) => f.rule)),
    ).not.toContain('stale-status');
    const outside = await ok<{ facts: { daysSinceStatusReport: number | null } }>(
      await pm.request('GET', `/api/v1/projects/${org.projectA}/health`),
    );
    expect(outside.facts.daysSinceStatusReport).toBeNull();
    // Due 5 days (the default policy) after the month's last day.
    const end = new Date(Date.UTC(Number(thisMonth().slice(0, 4)), Number(thisMonth().slice(5, 7)), 0));
    expect(r.dueDate).toBe(new Date(end.getTime() + 5 * 86_400_000).toISOString().slice(0, 10));
    const again = await pm.request('POST', '/api/v1/status-reports', {
      projectId: org.projectA,
      period: thisMonth(),
    });
    expect(again.statusCode).toBe(409);
    const future = await pm.request('POST', '/api/v1/status-reports', {
      projectId: org.projectA,
      period: '2099-01',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].field).toBe('period');
    const proposed = await director.request('POST', '/api/v1/status-reports', {
      projectId: org.projectB,
      period: thisMonth(),
    });
    expect(proposed.statusCode).toBe(422);
    expect(
      (await member.request('POST', '/api/v1/status-reports', { projectId: org.projectA, period: '2026-02' }))
        .statusCode,
    ).toBe(403);
    const bad = await pm.request('POST', '/api/v1/status-reports', {
      projectId: org.projectA,
      period: '2026-13',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses to submit an incomplete report, naming what is missing', async () => {
    r = await ok<Report>(
      await pm.request('PATCH', `/api/v1/status-reports/${r.id}`, {
        version: r.version,
        reported: { overall: 'green', schedule: 'amber' },
      }),
    );
    const res = await pm.request('POST', `/api/v1/status-reports/${r.id}/submit`, { version: r.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'summary',
      'reported.cost',
      'reported.scope',
      'reported.risk',
      'reported.resources',
    ]);
    const stale = await pm.request('PATCH', `/api/v1/status-reports/${r.id}`, {
      version: r.version - 1,
      summary: 'x',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('is submitted, returned by the PMO with a comment, resubmitted and accepted', async () => {
    r = await ok<Report>(
      await pm.request('PATCH', `/api/v1/status-reports/${r.id}`, {
        version: r.version,
        summary: 'Design signed off; build started.',
        accomplishments: 'Design review passed.',
        reported: ALL_GREEN,
      }),
    );
    r = await ok<Report>(
      await pm.request('POST', `/api/v1/status-reports/${r.id}/submit`, { version: r.version }),
    );
    expect(r).toMatchObject({ status: 'submitted', moves: ['reviewed', 'returned'] });
    // Submitted: the narrative is frozen.
    expect(
      (await pm.request('PATCH', `/api/v1/status-reports/${r.id}`, { version: r.version, summary: 'x' }))
        .statusCode,
    ).toBe(409);
    // Only the PMO reviews; returning needs a comment.
    expect(
      (
        await pm.request('POST', `/api/v1/status-reports/${r.id}/review`, {
          version: r.version,
          decision: 'accept',
        })
      ).statusCode,
    ).toBe(403);
    const silent = await director.request('POST', `/api/v1/status-reports/${r.id}/review`, {
      version: r.version,
      decision: 'return',
    });
    expect(silent.statusCode).toBe(422);
    expect(silent.json().errors[0].field).toBe('comment');
    r = await ok<Report>(
      await director.request('POST', `/api/v1/status-reports/${r.id}/review`, {
        version: r.version,
        decision: 'return',
        comment: 'Cost is green although the vendor invoice is late: explain.',
      }),
    );
    expect(r.status).toBe('returned');
    expect(r.comments[0]).toMatchObject({ decision: 'returned', body: expect.stringContaining('vendor') });
    r = await ok<Report>(
      await pm.request('PATCH', `/api/v1/status-reports/${r.id}`, {
        version: r.version,
        reported: { ...ALL_GREEN, cost: 'amber' },
      }),
    );
    r = await ok<Report>(
      await pm.request('POST', `/api/v1/status-reports/${r.id}/submit`, { version: r.version }),
    );
    r = await ok<Report>(
      await director.request('POST', `/api/v1/status-reports/${r.id}/review`, {
        version: r.version,
        decision: 'accept',
      }),
    );
    expect(r).toMatchObject({ status: 'reviewed', moves: [] });
    r = await ok<Report>(
      await member.request('POST', `/api/v1/status-reports/${r.id}/comments`, { body: 'Thanks!' }),
      201,
    );
    expect(r.commentCount).toBe(2);
    const journal = await ok<{ items: { action: string }[] }>(
      await director.request('GET', `/api/v1/journal?entityType=status_report&entityId=${r.id}`),
    );
    expect(journal.items.map((e) => e.action).sort()).toEqual(
      ['accept', 'create', 'return', 'submit', 'submit', 'update', 'update', 'update'].sort(),
    );
  });

  it('lists reports by period and shows who owes one, and compliance asks for the one last due', async () => {
    const list = await ok<{ items: Report[] }>(
      await pm.request('GET', `/api/v1/status-reports?projectId=${org.projectA}`),
    );
    expect(list.items.map((i) => i.id)).toEqual([r.id]);
    const due = lastDuePeriod(today(), 5);
    let overview = await ok<{
      period: string;
      rows: { projectId: string; status: string; overdue: boolean }[];
      counts: Record<string, number>;
    }>(await director.request('GET', '/api/v1/reporting/overview'));
    expect(overview.period).toBe(due);
    expect(overview.rows).toEqual([
      expect.objectContaining({ projectId: org.projectA, status: 'missing', overdue: true }),
    ]);
    expect(overview.counts).toMatchObject({ expected: 1, submitted: 0, overdue: 1 });
    const rule = async () =>
      (
        await ok<{
          project: { results: { rule: string; applicable: boolean; passed: boolean; detail: string }[] };
        }>(await pm.request('GET', `/api/v1/projects/${org.projectA}/compliance`))
      ).project.results.find((x) => x.rule === 'status-report');
    expect(await rule()).toMatchObject({
      applicable: true,
      passed: false,
      detail: `No report submitted for ${due}`,
    });
    let late = await ok<Report>(
      await pm.request('POST', '/api/v1/status-reports', { projectId: org.projectA, period: due }),
      201,
    );
    expect(late.overdue).toBe(true);
    late = await ok<Report>(
      await pm.request('PATCH', `/api/v1/status-reports/${late.id}`, {
        version: late.version,
        summary: 'Late, sorry.',
        reported: ALL_GREEN,
      }),
    );
    late = await ok<Report>(
      await pm.request('POST', `/api/v1/status-reports/${late.id}/submit`, { version: late.version }),
    );
    expect(late.overdue).toBe(false);
    expect(await rule()).toMatchObject({ passed: true, detail: `Report for ${due} submitted` });
    overview = await ok(await director.request('GET', `/api/v1/reporting/overview?period=${due}`));
    expect(overview.counts).toMatchObject({ expected: 1, submitted: 1, overdue: 0 });
    // Other units' projects stay out of a project manager's overview.
    const b = await ok<{ rows: unknown[] }>(
      await pm.request('GET', `/api/v1/reporting/overview?orgUnitId=${org.unitB}`),
    );
    expect(b.rows).toEqual([]);
  });

  it('heads the overview with the period and due date of the enterprise PMO’s own policy', async () => {
    await ok(
      await director.request('PUT', `/api/v1/org-units/${org.root}/policy`, {
        version: 0,
        settings: { statusReportDueDays: { value: 20, overridable: true } },
      }),
    );
    const overview = await ok<{ period: string; dueDate: string }>(
      await director.request('GET', '/api/v1/reporting/overview'),
    );
    expect(overview.period).toBe(lastDuePeriod(today(), 20));
    expect(overview.dueDate).toBe(dueDateOf(overview.period, 20));
  });
});
