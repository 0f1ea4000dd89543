import { queryRows } from '@baton/db';
import { lessonsLearned } from '@baton/db/schema';
import { sql } from 'drizzle-orm';
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
import { lessonMatches } from './quality.repository.ts';

let h: Harness;
let org: Org;
let director: Client;
let unitDirector: Client;
let otherDirector: Client;
let pm: Client;
let sponsor: Client;

type Json = Record<string, unknown> & { id: string; version: number };
type Detail = Json & {
  code: string;
  status: string;
  standardName: string | null;
  checklist: { key: string; itemKey: string; required: boolean; standardName: string }[];
  blockers: { kind: string; key: string | null; message: string }[];
  acceptanceCriteria: { key: string; text: string; met: boolean }[];
  acceptedByName: string | null;
  acceptedAt: string | null;
  gate: { accepted: boolean; acceptedBy: string | null; deliverableName: string | null } | null;
  reviews: { outcome: string; reviewerName: string | null }[];
};
type Problem = { type: string; detail: string; errors?: { field: string; rule: string; message: string }[] };

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  const grant = (role: 'pmo_director' | 'project_manager' | 'sponsor', scopeId: string | null) => ({
    role,
    scopeType: scopeId ? ('org_unit' as const) : ('organisation' as const),
    scopeId,
  });
  await makeUser(h.services, 'director@test.io', grant('pmo_director', null));
  await makeUser(h.services, 'unit@test.io', grant('pmo_director', org.unitA));
  await makeUser(h.services, 'other@test.io', grant('pmo_director', org.unitB));
  await makeUser(h.services, 'pm@test.io', grant('project_manager', org.unitA));
  await makeUser(h.services, 'sponsor@test.io', grant('sponsor', org.unitA));
  director = await signIn(h.app, 'director@test.io');
  unitDirector = await signIn(h.app, 'unit@test.io');
  otherDirector = await signIn(h.app, 'other@test.io');
  pm = await signIn(h.app, 'pm@test.io');
  sponsor = await signIn(h.app, 'sponsor@test.io');
}, 120_000);
afterAll(() => h.close());

async function ok<T = Json>(res: { statusCode: number; body: string; json: () => unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}
const problem = (res: { json: () => unknown }) => res.json() as Problem;

describe('quality standards', () => {
  it('apply at their unit and beneath: a unit adds items, the organisation’s stay', async () => {
    const orgWide = await ok(
      await director.request('POST', '/api/v1/quality-standards', {
        deliverableType: 'design',
        name: 'Design standard',
        checklist: [
          { key: 'reviewed', text: 'Reviewed by an architect' },
          { key: 'diagrams', text: 'Diagrams up to date', required: false },
        ],
      }),
      201,
    );
    expect(orgWide).toMatchObject({ orgUnitId: null, retired: false });
    // A unit's PMO sets a stricter standard for its own unit only.
    const refused = await otherDirector.request('POST', '/api/v1/quality-standards', {
      deliverableType: 'design',
      name: 'Not theirs',
      orgUnitId: org.unitA,
      checklist: [{ key: 'x', text: 'X' }],
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (
        await pm.request('POST', '/api/v1/quality-standards', {
          deliverableType: 'design',
          name: 'PM standard',
          orgUnitId: org.unitA,
          checklist: [{ key: 'x', text: 'X' }],
        })
      ).statusCode,
    ).toBe(403);
    const stricter = await ok(
      await unitDirector.request('POST', '/api/v1/quality-standards', {
        deliverableType: 'design',
        name: 'Unit A design standard',
        orgUnitId: org.unitA,
        checklist: [{ key: 'security', text: 'Threat model reviewed' }],
      }),
      201,
    );
    expect(stricter.orgUnitName).toBe('Unit A');

    const forA = await ok<{ items: Json[] }>(
      await pm.request('GET', `/api/v1/quality-standards?projectId=${org.projectA}`),
    );
    expect(forA.items.map((s) => s.name).sort()).toEqual(['Design standard', 'Unit A design standard']);
    const forB = await ok<{ items: Json[] }>(
      await pm.request('GET', `/api/v1/quality-standards?projectId=${org.projectB}`),
    );
    expect(forB.items.map((s) => s.name)).toEqual(['Design standard']);

    // Only the unit's own PMO (or one above) changes its standard; retiring takes it out of force.
    expect(
      (
        await otherDirector.request('PATCH', `/api/v1/quality-standards/${stricter.id}`, {
          version: stricter.version,
          retired: true,
        })
      ).statusCode,
    ).toBe(403);
    const temp = await ok(
      await unitDirector.request('POST', '/api/v1/quality-standards', {
        deliverableType: 'design',
        name: 'Temporary',
        orgUnitId: org.unitA,
        checklist: [{ key: 'temp', text: 'Temporary check' }],
      }),
      201,
    );
    const retired = await ok(
      await director.request('PATCH', `/api/v1/quality-standards/${temp.id}`, {
        version: temp.version,
        retired: true,
      }),
    );
    expect(retired).toMatchObject({ retired: true, version: temp.version + 1 });
    const after = await ok<{ items: Json[] }>(
      await pm.request('GET', `/api/v1/quality-standards?projectId=${org.projectA}`),
    );
    expect(after.items.map((s) => s.name)).not.toContain('Temporary');
    const withRetired = await ok<{ items: Json[] }>(
      await pm.request('GET', '/api/v1/quality-standards?retired=true&deliverableType=design'),
    );
    expect(withRetired.items.map((s) => s.name)).toContain('Temporary');
  });

  it('refuses a checklist with a repeated key, naming it', async () => {
    const res = await director.request('POST', '/api/v1/quality-standards', {
      deliverableType: 'charter',
      name: 'Bad',
      checklist: [
        { key: 'a', text: 'A' },
        { key: 'a', text: 'Again' },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(problem(res).errors?.[0]?.field).toBe('checklist.1.key');
  });
});

describe('deliverables, reviews and acceptance', () => {
  let gated: Detail;
  const passAll = (d: Detail): Record<string, { passed: boolean; note?: string | null }> =>
    Object.fromEntries(d.checklist.map((i) => [i.key, { passed: true, note: null }]));

  beforeAll(async () => {
    const template = await ok(
      await director.request('POST', '/api/v1/lifecycle-templates', {
        key: 'qgates',
        name: 'Quality gates',
        approach: 'predictive',
        phases: [
          {
            key: 'initiate',
            name: 'Initiate',
            gate: {
              name: 'Gate 1',
              criteria: [],
              deliverables: [{ key: 'design-doc', name: 'Solution design', required: true }],
            },
          },
        ],
      }),
      201,
    );
    await ok(
      await pm.request('POST', `/api/v1/projects/${org.projectA}/lifecycle`, { templateId: template.id }),
      201,
    );
  });

  it('names the fields it refuses', async () => {
    const res = await pm.request('POST', '/api/v1/deliverables', {
      projectId: org.projectA,
      name: '',
      deliverableType: 'Not A Key',
    });
    // A malformed body is 400; a well-formed one that breaks a rule is 422: both name the fields.
    expect(res.statusCode).toBe(400);
    const fields = (problem(res).errors ?? []).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'deliverableType']));
    const badGate = await pm.request('POST', '/api/v1/deliverables', {
      projectId: org.projectA,
      name: 'Design',
      deliverableType: 'design',
      phaseKey: 'initiate',
      deliverableKey: 'nope',
    });
    expect(badGate.statusCode).toBe(422);
    expect(problem(badGate).errors?.[0]?.field).toBe('deliverableKey');
    const halfGate = await pm.request('POST', '/api/v1/deliverables', {
      projectId: org.projectA,
      name: 'Design',
      deliverableType: 'design',
      phaseKey: 'initiate',
    });
    expect(problem(halfGate).errors?.[0]?.field).toBe('deliverableKey');
  });

  it('gives a deliverable the united checklist of its standards, and says what blocks it', async () => {
    gated = await ok<Detail>(
      await pm.request('POST', '/api/v1/deliverables', {
        projectId: org.projectA,
        name: 'Solution design',
        deliverableType: 'design',
        dueDate: '2027-03-31',
        ownerId: pm.userId,
        acceptanceCriteria: [{ text: 'Signed off by the design authority' }],
        phaseKey: 'initiate',
        deliverableKey: 'design-doc',
      }),
      201,
    );
    expect(gated.code).toMatch(/^DLV-\d{4}$/);
    expect(gated.status).toBe('planned');
    expect(gated.standardName).toBe('Unit A design standard');
    expect(gated.checklist.map((i) => [i.itemKey, i.required])).toEqual([
      ['reviewed', true],
      ['diagrams', false],
      ['security', true],
    ]);
    expect(gated.acceptanceCriteria).toEqual([
      { key: 'c1', text: 'Signed off by the design authority', met: false },
    ]);
    expect(gated.blockers.map((b) => b.kind)).toEqual(['no-review', 'criterion-unmet']);
    expect(gated.gate).toMatchObject({ accepted: false, deliverableName: 'Solution design' });
    const list = await ok<{ items: Detail[] }>(
      await pm.request('GET', `/api/v1/deliverables?projectId=${org.projectA}`),
    );
    expect(list.items.map((d) => d.code)).toContain(gated.code);
  });

  it('a PM records a passing review; the sponsor accepts it and the lifecycle gate deliverable with it', async () => {
    let d = await ok<Detail>(
      await pm.request('POST', `/api/v1/deliverables/${gated.id}/reviews`, {
        version: gated.version,
        results: passAll(gated),
        outcome: 'pass',
        comments: 'Clear and complete.',
      }),
      201,
    );
    expect(d.status).toBe('in_review');
    expect(d.reviews[0]).toMatchObject({ outcome: 'pass', reviewerName: 'pm' });
    expect(d.blockers.map((b) => b.kind)).toEqual(['criterion-unmet']);
    const blocked = await sponsor.request('POST', `/api/v1/deliverables/${d.id}/acceptance`, {
      version: d.version,
      decision: 'accept',
    });
    expect(blocked.statusCode).toBe(422);
    expect(problem(blocked).errors).toEqual([
      expect.objectContaining({ field: 'acceptanceCriteria.c1', rule: 'criterion-unmet' }),
    ]);
    d = await ok<Detail>(
      await pm.request('PATCH', `/api/v1/deliverables/${d.id}`, {
        version: d.version,
        acceptanceCriteria: d.acceptanceCriteria.map((c) => ({ ...c, met: true })),
      }),
    );
    expect(d.blockers).toEqual([]);
    // A project manager does not accept.
    const asPm = await pm.request('POST', `/api/v1/deliverables/${d.id}/acceptance`, {
      version: d.version,
      decision: 'accept',
    });
    expect(asPm.statusCode).toBe(403);
    const accepted = await ok<Detail>(
      await sponsor.request('POST', `/api/v1/deliverables/${d.id}/acceptance`, {
        version: d.version,
        decision: 'accept',
        note: 'Meets the brief.',
      }),
    );
    expect(accepted).toMatchObject({
      status: 'accepted',
      acceptedByName: 'sponsor',
      acceptanceNote: 'Meets the brief.',
    });
    expect(Date.now() - Date.parse(accepted.acceptedAt ?? '')).toBeLessThan(60_000);
    expect(accepted.gate).toMatchObject({ accepted: true, acceptedBy: 'sponsor' });
    const lifecycle = await ok<{ phases: { gateState: { deliverables: Record<string, Json> } }[] }>(
      await pm.request('GET', `/api/v1/projects/${org.projectA}/lifecycle`),
    );
    expect(lifecycle.phases[0]?.gateState.deliverables['design-doc']).toMatchObject({
      accepted: true,
      acceptedBy: 'sponsor',
    });
    // Accepted is final.
    const again = await pm.request('PATCH', `/api/v1/deliverables/${d.id}`, {
      version: accepted.version,
      name: 'Renamed',
    });
    expect(again.statusCode).toBe(422);
    const history = await ok<{ items: { action: string; entityId: string }[] }>(
      await director.request('GET', `/api/v1/journal?entityType=deliverable&entityId=${d.id}`),
    );
    expect(history.items.map((e) => e.action)).toEqual(['accept', 'update', 'review', 'create']);
  });

  it('refuses acceptance while a required item failed, and takes a rejected deliverable back into review', async () => {
    let d = await ok<Detail>(
      await pm.request('POST', '/api/v1/deliverables', {
        projectId: org.projectA,
        name: 'Integration design',
        deliverableType: 'design',
      }),
      201,
    );
    const results = passAll(d);
    const security = d.checklist.find((i) => i.itemKey === 'security')?.key as string;
    results[security] = { passed: false, note: 'No threat model yet' };
    d = await ok<Detail>(
      await pm.request('POST', `/api/v1/deliverables/${d.id}/reviews`, {
        version: d.version,
        results,
        outcome: 'pass',
      }),
      201,
    );
    expect(d.status).toBe('in_review');
    const refused = await sponsor.request('POST', `/api/v1/deliverables/${d.id}/acceptance`, {
      version: d.version,
      decision: 'accept',
    });
    expect(refused.statusCode).toBe(422);
    const body = problem(refused);
    expect(body.type).toMatch(/acceptance-blocked$/);
    expect(body.errors).toEqual([
      {
        field: `checklist.${security}`,
        rule: 'item-failed',
        message: 'Failed in the latest review: Threat model reviewed',
      },
    ]);
    // Rejecting needs a reason; then the next review takes it back into review.
    const noNote = await sponsor.request('POST', `/api/v1/deliverables/${d.id}/acceptance`, {
      version: d.version,
      decision: 'reject',
    });
    expect(problem(noNote).errors?.[0]?.field).toBe('note');
    d = await ok<Detail>(
      await sponsor.request('POST', `/api/v1/deliverables/${d.id}/acceptance`, {
        version: d.version,
        decision: 'reject',
        note: 'Threat model missing.',
      }),
    );
    expect(d).toMatchObject({ status: 'rejected', acceptanceNote: 'Threat model missing.' });
    const fromRejected = await sponsor.request('POST', `/api/v1/deliverables/${d.id}/acceptance`, {
      version: d.version,
      decision: 'accept',
    });
    expect(fromRejected.statusCode).toBe(422);
    d = await ok<Detail>(
      await pm.request('POST', `/api/v1/deliverables/${d.id}/reviews`, {
        version: d.version,
        results: { ...results, [security]: { passed: false } },
        outcome: 'rework',
      }),
      201,
    );
    expect(d.status).toBe('rejected');
    expect(d.blockers.map((b) => b.kind)).toEqual(['review-rework', 'item-failed']);
    d = await ok<Detail>(
      await pm.request('POST', `/api/v1/deliverables/${d.id}/reviews`, {
        version: d.version,
        results: passAll(d),
        outcome: 'pass',
      }),
      201,
    );
    expect(d).toMatchObject({ status: 'in_review', blockers: [] });
    const unknownItem = await pm.request('POST', `/api/v1/deliverables/${d.id}/reviews`, {
      version: d.version,
      results: { 'no:such': { passed: true } },
      outcome: 'pass',
    });
    expect(problem(unknownItem).errors?.[0]?.field).toBe('results.no:such');
    const stale = await sponsor.request('POST', `/api/v1/deliverables/${d.id}/acceptance`, {
      version: d.version - 1,
      decision: 'accept',
    });
    expect(stale.statusCode).toBe(409);
    // Deleting needs the current version; it is gone from the register after.
    expect((await pm.request('DELETE', `/api/v1/deliverables/${d.id}`)).statusCode).toBe(400);
    await ok(await pm.request('DELETE', `/api/v1/deliverables/${d.id}?version=${d.version}`));
    expect((await pm.request('GET', `/api/v1/deliverables/${d.id}`)).statusCode).toBe(404);
  });

  it('shows a project’s deliverables only to those who see the project', async () => {
    await ok(
      await director.request('POST', '/api/v1/deliverables', {
        projectId: org.projectB,
        name: 'B design',
        deliverableType: 'design',
      }),
      201,
    );
    const seen = await ok<{ items: Detail[] }>(await pm.request('GET', '/api/v1/deliverables'));
    expect(seen.items.every((d) => d.projectId === org.projectA)).toBe(true);
    const all = await ok<{ items: Detail[] }>(await director.request('GET', '/api/v1/deliverables'));
    expect(all.items.some((d) => d.projectId === org.projectB)).toBe(true);
  });
});

describe('non-conformances', () => {
  it('go open → in progress → closed, and close only with a corrective action', async () => {
    let nc = await ok(
      await pm.request('POST', '/api/v1/non-conformances', {
        projectId: org.projectA,
        title: 'Test evidence missing for release 2',
        severity: 'major',
        dueDate: '2027-02-15',
      }),
      201,
    );
    expect(nc).toMatchObject({
      code: expect.stringMatching(/^NC-\d{4}$/),
      status: 'open',
      projectCode: 'XA',
    });
    const skip = await pm.request('POST', `/api/v1/non-conformances/${nc.id}/transition`, {
      version: nc.version,
      to: 'closed',
      correctiveAction: 'x',
    });
    expect(skip.statusCode).toBe(422);
    expect(problem(skip).errors?.[0]?.field).toBe('to');
    nc = await ok(
      await pm.request('POST', `/api/v1/non-conformances/${nc.id}/transition`, {
        version: nc.version,
        to: 'in_progress',
      }),
    );
    const noAction = await pm.request('POST', `/api/v1/non-conformances/${nc.id}/transition`, {
      version: nc.version,
      to: 'closed',
    });
    expect(noAction.statusCode).toBe(422);
    expect(problem(noAction).errors?.[0]).toMatchObject({ field: 'correctiveAction', rule: 'required' });
    nc = await ok(
      await pm.request('PATCH', `/api/v1/non-conformances/${nc.id}`, {
        version: nc.version,
        correctiveAction: 'Test evidence attached to every release ticket; checked at the release gate.',
      }),
    );
    nc = await ok(
      await pm.request('POST', `/api/v1/non-conformances/${nc.id}/transition`, {
        version: nc.version,
        to: 'closed',
      }),
    );
    expect(nc).toMatchObject({ status: 'closed', closedByName: 'pm', overdue: false });
    const frozen = await pm.request('PATCH', `/api/v1/non-conformances/${nc.id}`, {
      version: nc.version,
      title: 'Changed',
    });
    expect(frozen.statusCode).toBe(422);
    const list = await ok<{ items: Json[] }>(
      await pm.request('GET', `/api/v1/non-conformances?projectId=${org.projectA}`),
    );
    expect(list.items.map((i) => i.id)).toContain(nc.id);
  });

  it('ties a non-conformance to a deliverable of the same project only', async () => {
    const b = await ok<Detail>(
      await director.request('POST', '/api/v1/deliverables', {
        projectId: org.projectB,
        name: 'B report',
        deliverableType: 'test-report',
      }),
      201,
    );
    const res = await director.request('POST', '/api/v1/non-conformances', {
      projectId: org.projectA,
      deliverableId: b.id,
      title: 'Wrong project',
      severity: 'minor',
    });
    expect(problem(res).errors?.[0]).toMatchObject({ field: 'deliverableId', rule: 'same_project' });
  });
});

describe('lessons learned', () => {
  const add = (c: Client, body: Record<string, unknown>) =>
    c.request('POST', '/api/v1/lessons', { category: 'schedule', kind: 'improve', ...body });

  beforeAll(async () => {
    for (const [client, body] of [
      [
        pm,
        {
          projectId: org.projectA,
          title: 'Vendor delayed the hardware',
          whatHappened:
            'The vendor delayed delivery of the servers by six weeks; delays cascaded into testing.',
          recommendation: 'Order long-lead hardware before the design gate.',
          tags: ['Vendor', 'hardware'],
        },
      ],
      [
        pm,
        {
          projectId: org.projectA,
          title: 'Weekly demos kept the sponsor close',
          category: 'stakeholders',
          kind: 'keep',
          whatHappened:
            'A short demo every Friday meant no surprises at acceptance; one delay was caught early.',
          tags: ['sponsor'],
        },
      ],
      [
        director,
        {
          projectId: org.projectB,
          title: 'Data migration underestimated',
          category: 'planning',
          whatHappened: 'Cleansing took three times the estimate.',
          tags: ['data'],
        },
      ],
      [
        director,
        {
          title: 'Book test environments early',
          category: 'resourcing',
          whatHappened: 'Shared test environments were booked out and teams waited.',
          recommendation: 'Reserve them at planning.',
          tags: ['environments'],
        },
      ],
    ] as const)
      await ok(await add(client, body), 201);
  });

  it('finds by stemmed words and ranks the closer match first', async () => {
    const found = await ok<{ items: Json[]; total: number }>(
      await pm.request('GET', '/api/v1/lessons?q=delays'),
    );
    expect(found.items.map((l) => l.title)).toEqual([
      'Vendor delayed the hardware',
      'Weekly demos kept the sponsor close',
    ]);
    expect(found.total).toBe(2);
    const [first, second] = found.items as (Json & {
      rank: number;
      excerpt: { text: string; match: boolean }[];
    })[];
    expect(first?.rank).toBeGreaterThan(second?.rank ?? 0);
    expect(first?.excerpt.filter((e) => e.match).map((e) => e.text.toLowerCase())).toContain('delayed');
    const none = await ok<{ items: Json[] }>(await pm.request('GET', '/api/v1/lessons?q=kubernetes'));
    expect(none.items).toEqual([]);
  });

  it('filters by category, kind, tag and project, and shows organisation-wide lessons to all', async () => {
    const titles = async (c: Client, query: string) =>
      (await ok<{ items: Json[] }>(await c.request('GET', `/api/v1/lessons${query}`))).items.map(
        (l) => l.title,
      );
    expect(await titles(pm, '?kind=keep')).toEqual(['Weekly demos kept the sponsor close']);
    expect(await titles(pm, '?tag=VENDOR')).toEqual(['Vendor delayed the hardware']);
    expect(await titles(pm, '?category=resourcing')).toEqual(['Book test environments early']);
    // The PM sees unit A's project and the organisation's lessons, not project B's.
    expect((await titles(pm, '')).sort()).toEqual([
      'Book test environments early',
      'Vendor delayed the hardware',
      'Weekly demos kept the sponsor close',
    ]);
    expect(await titles(director, `?projectId=${org.projectB}`)).toEqual(['Data migration underestimated']);
    const bad = await pm.request('GET', '/api/v1/lessons?category=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.[0]?.field).toBe('category');
  });

  it('asks for project.update on the organisation for an organisation-wide lesson', async () => {
    expect((await add(pm, { title: 'Org lesson', whatHappened: 'x' })).statusCode).toBe(403);
    const created = await ok(
      await add(pm, { projectId: org.projectA, title: 'To remove', whatHappened: 'x' }),
      201,
    );
    const edited = await ok(
      await pm.request('PATCH', `/api/v1/lessons/${created.id}`, {
        version: created.version,
        tags: [' A ', 'a'],
      }),
    );
    expect(edited.tags).toEqual(['a']);
    await ok(await pm.request('DELETE', `/api/v1/lessons/${created.id}?version=${edited.version}`));
    expect((await pm.request('PATCH', `/api/v1/lessons/${created.id}`, { version: 1 })).statusCode).toBe(404);
  });

  it('searches with the expression of the full-text index', async () => {
    const plan = await h.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<Record<string, string>>(
        tx,
        sql`explain select ${lessonsLearned.id} from ${lessonsLearned} where ${lessonMatches('delays')}`,
      );
    });
    expect(plan.map((r) => Object.values(r)[0]).join('\n')).toContain('lessons_learned_search_idx');
  });
});
