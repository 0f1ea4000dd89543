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

let h: Harness;
let org: Org;
let director: Client;
let pm: Client;
let member: Client;
let pmId = '';

type Audit = {
  id: string;
  version: number;
  status: string;
  findings: Finding[];
  findingCounts: Record<string, number>;
};
type Finding = { id: string; version: number; status: string; overdue: boolean; code: string };

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  await makeUser(h.services, 'director@test.io', {
    role: 'pmo_director',
    scopeType: 'organisation',
    scopeId: null,
  });
  pmId = await makeUser(h.services, 'pm@test.io', {
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
}, 120_000);
afterAll(() => h.close());

async function ok<T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

describe('audits and peer reviews', () => {
  it('runs an audit from scheduling to closure, with the audited team acting on findings', async () => {
    let a = await ok<Audit>(
      await director.request('POST', '/api/v1/audits', {
        kind: 'audit',
        title: 'Method compliance audit',
        projectId: org.projectA,
        scope: 'Gate records and the risk register',
        scheduledFor: '2026-11-02',
      }),
      201,
    );
    expect(a.status).toBe('scheduled');
    // The project manager may not schedule or run audits.
    expect(
      (
        await pm.request('POST', `/api/v1/audits/${a.id}/transition`, {
          version: a.version,
          to: 'in_progress',
        })
      ).statusCode,
    ).toBe(403);
    // Findings wait for the audit to start.
    const early = await director.request('POST', `/api/v1/audits/${a.id}/findings`, {
      title: 'x',
      severity: 'low',
    });
    expect(early.statusCode).toBe(422);
    a = await ok(
      await director.request('POST', `/api/v1/audits/${a.id}/transition`, {
        version: a.version,
        to: 'in_progress',
      }),
    );
    a = await ok(
      await director.request('POST', `/api/v1/audits/${a.id}/findings`, {
        title: 'Risk register not reviewed since September',
        severity: 'high',
        dueDate: '2026-11-20',
      }),
      201,
    );
    let f = a.findings[0] as Finding;
    expect(f).toMatchObject({ status: 'open', overdue: true });
    // Planning needs the action, an owner and a due date — named.
    const plan = await pm.request('POST', `/api/v1/audit-findings/${f.id}/transition`, {
      version: f.version,
      to: 'action_planned',
    });
    expect(plan.statusCode).toBe(422);
    expect(plan.body).toContain('a corrective action, an owner');
    // The audited team plans; it may not rewrite what the finding says.
    expect(
      (await pm.request('PATCH', `/api/v1/audit-findings/${f.id}`, { version: f.version, severity: 'low' }))
        .statusCode,
    ).toBe(403);
    f = await ok(
      await pm.request('PATCH', `/api/v1/audit-findings/${f.id}`, {
        version: f.version,
        ownerId: pmId,
        correctiveAction: 'Monthly risk review in the project board',
      }),
    );
    f = await ok(
      await pm.request('POST', `/api/v1/audit-findings/${f.id}/transition`, {
        version: f.version,
        to: 'action_planned',
      }),
    );
    f = await ok(
      await pm.request('POST', `/api/v1/audit-findings/${f.id}/transition`, {
        version: f.version,
        to: 'resolved',
      }),
    );
    expect(f.overdue).toBe(false);
    // Only the auditors close (verify) it.
    expect(
      (
        await pm.request('POST', `/api/v1/audit-findings/${f.id}/transition`, {
          version: f.version,
          to: 'closed',
        })
      ).statusCode,
    ).toBe(403);
    // Closing the audit waits for its findings; reporting needs a summary.
    a = await ok(await director.request('GET', `/api/v1/audits/${a.id}`));
    const noSummary = await director.request('POST', `/api/v1/audits/${a.id}/transition`, {
      version: a.version,
      to: 'reported',
    });
    expect(noSummary.statusCode).toBe(422);
    a = await ok(
      await director.request('POST', `/api/v1/audits/${a.id}/transition`, {
        version: a.version,
        to: 'reported',
        summary: 'One high finding.',
      }),
    );
    const blocked = await director.request('POST', `/api/v1/audits/${a.id}/transition`, {
      version: a.version,
      to: 'closed',
    });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.body).toContain('1 finding is not closed yet');
    f = await ok(
      await director.request('POST', `/api/v1/audit-findings/${f.id}/transition`, {
        version: f.version,
        to: 'closed',
        note: 'Seen in the November board minutes',
      }),
    );
    a = await ok(await director.request('GET', `/api/v1/audits/${a.id}`));
    a = await ok(
      await director.request('POST', `/api/v1/audits/${a.id}/transition`, {
        version: a.version,
        to: 'closed',
      }),
    );
    expect(a.status).toBe('closed');
    // A closed audit's findings are a record.
    const reopen = await director.request('POST', `/api/v1/audit-findings/${f.id}/transition`, {
      version: f.version,
      to: 'action_planned',
      note: 'x',
    });
    expect(reopen.statusCode).toBe(422);
    expect(reopen.body).toContain('no longer change');
    // Stale versions conflict.
    expect(
      (await director.request('PATCH', `/api/v1/audits/${a.id}`, { version: 1, title: 'x' })).statusCode,
    ).toBe(409);
  });

  it('lists what the user may see, filters the tracker, and feeds compliance', async () => {
    const b = await ok<Audit>(
      await director.request('POST', '/api/v1/audits', {
        kind: 'peer_review',
        title: 'Peer review B',
        projectId: org.projectB,
        scheduledFor: '2026-11-10',
      }),
      201,
    );
    const started = await ok<Audit>(
      await director.request('POST', `/api/v1/audits/${b.id}/transition`, {
        version: b.version,
        to: 'in_progress',
      }),
    );
    await ok(
      await director.request('POST', `/api/v1/audits/${b.id}/findings`, {
        title: 'No lessons recorded',
        severity: 'critical',
        dueDate: '2026-11-15',
      }),
      201,
    );
    expect(started.status).toBe('in_progress');
    const mine = await ok<{ items: { projectId: string }[] }>(await pm.request('GET', '/api/v1/audits'));
    expect(mine.items.every((x) => x.projectId === org.projectA)).toBe(true);
    const all = await ok<{ items: unknown[] }>(
      await director.request('GET', '/api/v1/audits?kind=peer_review'),
    );
    expect(all.items).toHaveLength(1);
    const overdue = await ok<{ items: Finding[] }>(
      await director.request('GET', '/api/v1/audit-findings?overdue=true'),
    );
    expect(overdue.items.map((x) => x.code)).toHaveLength(1);
    expect(
      (
        await member.request('POST', '/api/v1/audits', {
          kind: 'audit',
          title: 'x',
          projectId: org.projectA,
          scheduledFor: '2026-12-01',
        })
      ).statusCode,
    ).toBe(403);
    const bad = await director.request('POST', '/api/v1/audits', {
      kind: 'audit',
      title: 'x',
      projectId: org.projectA,
      orgUnitId: org.unitA,
      scheduledFor: '2026-12-01',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('orgUnitId');
    const findings = await h.services.audits.openFindingsByProject();
    expect(findings.get(org.projectB)).toEqual({ open: 1, overdueHigh: 1 });
    expect(findings.get(org.projectA)).toBeUndefined();
  });
});
