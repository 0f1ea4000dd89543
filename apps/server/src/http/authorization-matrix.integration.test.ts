import { ROLES, type Role, roleAllows } from '@baton/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import {
  type Client,
  type Harness,
  makeOrg,
  makeUser,
  type Org,
  signIn,
  startHarness,
} from '../test-support/harness.ts';
import { type Access, lookupAccess, PUBLIC_PREFIXES, ROUTE_ACCESS } from './route-access.ts';

// Walks every registered route × every role × (inside the scope, outside it) and checks that the
// permission table decides: a route with no entry fails the first test.

let h: Harness;
let org: Org;
const clients = new Map<string, Client>();
const NO_SUCH = '00000000-0000-4000-8000-000000000000';
let someUserId = '';
let customFieldId = '';
let taskId = '';
let linkId = '';
let resourceId = '';
let skillId = '';
let allocationId = '';
let staffingId = '';
let riskId = '';
let issueId = '';
let entryId = '';
let changeId = '';
let templateId = '';
let documentId = '';
let auditId = '';
let pmoStandardId = '';
let statusReportId = '';
let complianceItemId = '';
let findingId = '';
let standardId = '';
let deliverableId = '';
let nonConformanceId = '';
let lessonId = '';
let configItemId = '';
let configBaselineId = '';
let stakeholderId = '';
let communicationItemId = '';

/** A throw-away task (and link) in project A, for routes that would delete the shared fixtures. */
async function freshTask(): Promise<{ taskId: string; linkId: string }> {
  const change = await h.services.tasks.create(SYSTEM_ACTOR, org.projectA, { name: `temp ${Math.random()}` });
  const id = change.tasks.find((t) => t.name.startsWith('temp'))?.id ?? '';
  const link = await h.services.tasks.createLink(SYSTEM_ACTOR, {
    predecessorId: taskId,
    successorId: id,
    type: 'FS',
    lagKind: 'working',
    lag: 0,
  });
  return { taskId: id, linkId: link.links[0]?.id ?? '' };
}

type Where = 'org' | 'inside' | 'outside';

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  someUserId = await makeUser(h.services, 'someone@test.io');
  const first = await h.services.tasks.create(SYSTEM_ACTOR, org.projectA, { name: 'Fixture task' });
  taskId = first.tasks[0]?.id ?? '';
  const second = await h.services.tasks.create(SYSTEM_ACTOR, org.projectA, { name: 'Fixture successor' });
  const successor = second.tasks.find((t) => t.name === 'Fixture successor')?.id ?? '';
  const fixtureLink = {
    predecessorId: taskId,
    successorId: successor,
    type: 'FS' as const,
    lagKind: 'working' as const,
    lag: 0,
  };
  linkId = (await h.services.tasks.createLink(SYSTEM_ACTOR, fixtureLink)).links[0]?.id ?? '';
  customFieldId = (
    await h.services.customFields.create(SYSTEM_ACTOR, {
      key: 'k',
      label: 'K',
      type: 'text',
      required: false,
      options: [],
      description: null,
    })
  ).id;
  const resource = await h.services.resources.create(SYSTEM_ACTOR, {
    name: 'Fixture person',
    capacityHoursPerWeek: 40,
    orgUnitId: org.unitA,
  });
  resourceId = resource.id;
  skillId = (await h.services.resources.createSkill(SYSTEM_ACTOR, { name: 'Fixture skill' })).id;
  allocationId = (
    await h.services.allocations.create(SYSTEM_ACTOR, {
      resourceId,
      projectId: org.projectA,
      start: '2027-01-04',
      end: '2027-01-31',
      hoursPerWeek: 10,
    })
  ).id;
  staffingId = (
    await h.services.allocations.createStaffing(SYSTEM_ACTOR, {
      projectId: org.projectA,
      role: 'Developer',
      start: '2027-01-04',
      end: '2027-01-31',
      hoursPerWeek: 10,
    })
  ).id;
  riskId = (
    await h.services.risks.create(SYSTEM_ACTOR, {
      projectId: org.projectA,
      title: 'Risk',
      probability: 2,
      impact: 2,
      status: 'open',
    })
  ).id;
  issueId = (
    await h.services.issues.createIssue(SYSTEM_ACTOR, {
      projectId: org.projectA,
      title: 'Issue',
      priority: 'low',
    })
  ).id;
  entryId = (
    await h.services.issues.createEntry(SYSTEM_ACTOR, {
      projectId: org.projectA,
      kind: 'assumption',
      title: 'A',
    })
  ).id;
  changeId = (
    await h.services.changes.create(SYSTEM_ACTOR, {
      projectId: org.projectA,
      title: 'Change',
      costImpact: 1,
      scheduleImpactDays: 0,
    })
  ).id;
  templateId = (
    await h.services.governance.createTemplate(SYSTEM_ACTOR, {
      key: 'matrix',
      name: 'Matrix',
      approach: 'predictive',
      orgUnitId: org.unitA,
      phases: [
        { key: 'initiate', name: 'Initiate', gate: { name: 'Gate 1', criteria: [], deliverables: [] } },
      ],
    })
  ).id;
  const audit = await h.services.audits.create(SYSTEM_ACTOR, {
    kind: 'audit',
    title: 'Matrix audit',
    projectId: org.projectA,
    scheduledFor: '2027-01-04',
  });
  auditId = audit.id;
  await h.services.audits.transition(SYSTEM_ACTOR, auditId, { version: audit.version, to: 'in_progress' });
  findingId = (
    await h.services.audits.addFinding(SYSTEM_ACTOR, auditId, { title: 'Matrix finding', severity: 'low' })
  ).findings[0]?.id as string;
  documentId = (
    await h.services.documents.uploadProject(
      SYSTEM_ACTOR,
      org.projectA,
      { fileName: 'fixture.txt', title: 'Fixture document' },
      Buffer.from('fixture'),
    )
  ).id;
  pmoStandardId = (
    await h.services.standards.create(SYSTEM_ACTOR, {
      kind: 'standard',
      title: 'Matrix PMO standard',
      body: 'Text',
      orgUnitId: org.unitA,
    })
  ).id;
  {
    const p = await h.services.projects.get(org.projectA);
    if (p.status === 'proposed')
      await h.services.projects.transition(SYSTEM_ACTOR, org.projectA, 'approved', null, {
        version: p.version,
        source: 'body',
      });
    statusReportId = (
      await h.services.statusReports.create(SYSTEM_ACTOR, { projectId: org.projectA, period: '2026-01' })
    ).id;
  }
  complianceItemId = (
    await h.services.standards.createItem(SYSTEM_ACTOR, { text: 'Matrix item', orgUnitId: org.unitA })
  ).id;
  standardId = (
    await h.services.qualityStandards.create(SYSTEM_ACTOR, {
      deliverableType: 'design',
      name: 'Matrix standard',
      orgUnitId: org.unitA,
      checklist: [{ key: 'reviewed', text: 'Reviewed', required: true }],
    })
  ).id;
  deliverableId = (
    await h.services.deliverables.create(SYSTEM_ACTOR, {
      projectId: org.projectA,
      name: 'Matrix deliverable',
      deliverableType: 'design',
    })
  ).id;
  nonConformanceId = (
    await h.services.nonConformances.create(SYSTEM_ACTOR, {
      projectId: org.projectA,
      title: 'Matrix non-conformance',
      severity: 'minor',
    })
  ).id;
  lessonId = (
    await h.services.lessons.create(SYSTEM_ACTOR, {
      projectId: org.projectA,
      title: 'Matrix lesson',
      category: 'quality',
      kind: 'keep',
      whatHappened: 'Something worth keeping.',
    })
  ).id;
  stakeholderId = (
    await h.services.stakeholders.create(SYSTEM_ACTOR, {
      name: 'Matrix stakeholder',
      influence: 4,
      interest: 4,
      projectIds: [org.projectA],
    })
  ).id;
  communicationItemId = (
    await h.services.communications.create(SYSTEM_ACTOR, {
      projectId: org.projectA,
      title: 'Matrix communication',
      content: 'status_report',
      channel: 'email',
      frequency: 'weekly',
      startDate: '2027-01-04',
      audience: { roles: ['Sponsor'] },
    })
  ).id;
  {
    const item = await h.services.configuration.create(SYSTEM_ACTOR, org.projectA, {
      name: 'Matrix item',
      kind: 'document',
    });
    configItemId = item.id;
    await h.services.configuration.transition(SYSTEM_ACTOR, item.id, 1, 'in_review');
    await h.services.configuration.transition(SYSTEM_ACTOR, item.id, 1, 'approved');
    configBaselineId = (
      await h.services.configurationBaselines.create(SYSTEM_ACTOR, org.projectA, { name: 'Matrix baseline' })
    ).id;
  }
  for (const role of ROLES) {
    const grants: Record<Where, { scopeType: 'organisation' | 'org_unit'; scopeId: string | null }> = {
      org: { scopeType: 'organisation', scopeId: null },
      inside: { scopeType: 'org_unit', scopeId: org.unitA },
      outside: { scopeType: 'org_unit', scopeId: org.unitB },
    };
    for (const [where, g] of Object.entries(grants) as [Where, (typeof grants)[Where]][]) {
      const email = `${role}.${where}@test.io`;
      await makeUser(h.services, email, { role, ...g });
      clients.set(`${role}/${where}`, await signIn(h.app, email));
    }
  }
}, 240_000);
afterAll(() => h.close());

/** A request for the route that, once authorised, changes nothing (it fails validation or finds nothing). */
async function requestFor(method: string, url: string): Promise<{ url: string; body?: unknown }> {
  const temp =
    method === 'DELETE' && (url === '/api/v1/tasks/:id' || url === '/api/v1/links/:id')
      ? await freshTask()
      : null;
  // Deletes that would succeed get a throw-away row of their own, so the shared fixtures survive.
  const fresh: Record<string, () => Promise<string>> = {
    '/api/v1/allocations/:id': async () =>
      (
        await h.services.allocations.create(SYSTEM_ACTOR, {
          resourceId,
          projectId: org.projectA,
          start: '2027-02-01',
          end: '2027-02-07',
          hoursPerWeek: 1,
        })
      ).id,
    '/api/v1/resources/:id': async () =>
      (
        await h.services.resources.create(SYSTEM_ACTOR, {
          name: 'Temp',
          capacityHoursPerWeek: 1,
          orgUnitId: org.unitA,
        })
      ).id,
    '/api/v1/skills/:id': async () =>
      (await h.services.resources.createSkill(SYSTEM_ACTOR, { name: `Temp ${Math.random()}` })).id,
    '/api/v1/communication-records/:id': async () => {
      const item = await h.services.communications.create(SYSTEM_ACTOR, {
        projectId: org.projectA,
        title: 'Temp communication',
        content: 'custom',
        channel: 'email',
        frequency: 'once',
        startDate: '2027-01-04',
        audience: { roles: ['Sponsor'] },
      });
      const record = await h.services.communications.recordSent(SYSTEM_ACTOR, item.id, {
        dueDate: '2027-01-04',
      });
      return record.id;
    },
  };
  fresh['/api/v1/configuration-items/:id'] = async () =>
    (await h.services.configuration.create(SYSTEM_ACTOR, org.projectA, { name: 'Temp', kind: 'component' }))
      .id;
  fresh['/api/v1/configuration-baselines/:id'] = async () =>
    (
      await h.services.configurationBaselines.create(SYSTEM_ACTOR, org.projectA, {
        name: `Temp ${Math.random()}`,
        itemIds: [configItemId],
      })
    ).id;
  const throwaway = method === 'DELETE' && fresh[url] ? await fresh[url]() : null;
  const ids: Record<string, string> = {
    '/api/v1/tasks/:id': temp?.taskId ?? taskId,
    '/api/v1/links/:id': temp?.linkId ?? linkId,
    '/api/v1/projects/:id': org.projectA,
    '/api/v1/org-units/:id': org.unitA,
    '/api/v1/portfolios/:id': org.portfolioA,
    '/api/v1/programs/:id': org.programA,
    '/api/v1/users/:id': someUserId,
    '/api/v1/custom-fields/:id': customFieldId,
    '/api/v1/resources/:id': (url === '/api/v1/resources/:id' && throwaway) || resourceId,
    '/api/v1/skills/:id': throwaway ?? skillId,
    '/api/v1/allocations/:id': throwaway ?? allocationId,
    '/api/v1/staffing-requests/:id': staffingId,
    '/api/v1/risks/:id': riskId,
    '/api/v1/issues/:id': issueId,
    '/api/v1/raid-entries/:id': entryId,
    '/api/v1/change-requests/:id': changeId,
    '/api/v1/lifecycle-templates/:id': templateId,
    '/api/v1/documents/:id': documentId,
    '/api/v1/audits/:id': auditId,
    '/api/v1/audit-findings/:id': findingId,
    '/api/v1/quality-standards/:id': standardId,
    '/api/v1/standards/:id': pmoStandardId,
    '/api/v1/status-reports/:id': statusReportId,
    '/api/v1/compliance-items/:id': complianceItemId,
    '/api/v1/deliverables/:id': deliverableId,
    '/api/v1/non-conformances/:id': nonConformanceId,
    '/api/v1/lessons/:id': lessonId,
    '/api/v1/configuration-items/:id':
      (url === '/api/v1/configuration-items/:id' && throwaway) || configItemId,
    '/api/v1/configuration-baselines/:id':
      (url === '/api/v1/configuration-baselines/:id' && throwaway) || configBaselineId,
    '/api/v1/stakeholders/:id': stakeholderId,
    '/api/v1/communication-items/:id': communicationItemId,
    '/api/v1/communication-records/:id': throwaway ?? NO_SUCH,
    '/api/v1/timesheets/:id': NO_SUCH,
    '/api/v1/auth/tokens/:id': NO_SUCH,
    '/api/v1/jobs/:id': NO_SUCH,
    '/api/v1/notifications/:id': NO_SUCH,
    '/api/v1/report-schedules/:id': NO_SUCH,
    '/api/v1/report-files/:id': NO_SUCH,
  };
  let path = url
    .replace(':grantId', NO_SUCH)
    .replace(':number', '0')
    .replace(':itemId', NO_SUCH)
    .replace(':phaseKey', 'initiate')
    .replace(':versionNo', '1')
    .replace(':key', 'charter');
  for (const [prefix, id] of Object.entries(ids)) {
    if (path.startsWith(prefix)) path = path.replace(':id', id);
  }
  const queries: Record<string, string> = {
    'GET /api/v1/capacity': '?from=2027-01-04&to=2027-01-31',
    'GET /api/v1/capacity/export.xlsx': '?from=2027-01-04&to=2027-01-31',
    'GET /api/v1/availability': '?from=2027-01-04&to=2027-01-31',
    'GET /api/v1/levelling/options': `?resourceId=${resourceId}&start=2027-01-04&end=2027-01-31`,
    'GET /api/v1/reconciliation': '?from=2027-01-04&to=2027-01-31',
    'GET /api/v1/timesheets': '?week=2027-01-04',
    'GET /api/v1/raid-entries': `?projectId=${org.projectA}`,
    'DELETE /api/v1/resources/:id/rates/:itemId': '?version=1',
    'DELETE /api/v1/resources/:id/leave/:itemId': '?version=1',
    // a raw upload's placement is in its query string; its JSON body is then refused (415)
    'POST /api/v1/library/documents': `?orgUnitId=${org.unitA}`,
    // an impossible version: refused before the service, so the shared fixture survives
    'DELETE /api/v1/stakeholders/:id': '?version=0',
  };
  path += queries[`${method} ${url}`] ?? '';
  if (method === 'GET') return { url: path };
  if (method === 'DELETE') {
    // deleting a project with a stale version, or a unit/portfolio/program that still has children: 409
    return { url: path.startsWith('/api/v1/projects/') ? `${path}?version=999` : path };
  }
  const bodies: Record<string, unknown> = {
    'POST /api/v1/projects': { orgUnitId: org.unitA },
    'POST /api/v1/portfolios': { orgUnitId: org.unitA },
    'POST /api/v1/programs': { portfolioId: org.portfolioA },
    'POST /api/v1/org-units': { parentId: org.unitA },
    'POST /api/v1/links': { successorId: taskId },
    'POST /api/v1/resources': { orgUnitId: org.unitA },
    'POST /api/v1/allocations': { projectId: org.projectA },
    'POST /api/v1/staffing-requests': { projectId: org.projectA },
    'POST /api/v1/risks': { projectId: org.projectA },
    'POST /api/v1/issues': { projectId: org.projectA },
    'POST /api/v1/raid-entries': { projectId: org.projectA },
    'POST /api/v1/change-requests': { projectId: org.projectA },
    'POST /api/v1/lifecycle-templates': { orgUnitId: org.unitA },
    'POST /api/v1/quality-standards': { orgUnitId: org.unitA },
    'POST /api/v1/deliverables': { projectId: org.projectA },
    'POST /api/v1/non-conformances': { projectId: org.projectA },
    'POST /api/v1/lessons': { projectId: org.projectA },
    'POST /api/v1/communication-items': { projectId: org.projectA },
    'POST /api/v1/audits': { projectId: org.projectA },
    'POST /api/v1/standards': { orgUnitId: org.unitA },
    'POST /api/v1/status-reports': { projectId: org.projectA },
    'POST /api/v1/compliance-items': { orgUnitId: org.unitA },
    // an empty label fails validation, so no version is recorded
    'POST /api/v1/configuration-items/:id/versions': { label: '' },
  };
  return { url: path, body: bodies[`${method} ${url}`] ?? {} };
}

function expectedAllowed(access: Access, role: Role, where: Where): boolean {
  if (access.kind !== 'action') return true;
  const actions = typeof access.action === 'string' ? [access.action] : access.action;
  const holds = actions.some((a) => roleAllows(role, a));
  if (!holds) return false;
  if (access.scope === 'anywhere') return true;
  if (access.scope === 'organisation') return where === 'org';
  return where !== 'outside';
}

describe('authorisation matrix', () => {
  it('every registered route has an entry in the permission table, and every entry a route', () => {
    const registered = h.registrar.routes.map((r) => `${r.method} ${r.url}`);
    const all = h.app.printRoutes({ commonPrefix: false });
    expect(all.length).toBeGreaterThan(0);
    for (const r of h.registrar.routes)
      expect(lookupAccess(r.method, r.url), `${r.method} ${r.url}`).toBeDefined();
    expect(new Set(registered)).toEqual(new Set(Object.keys(ROUTE_ACCESS)));
  });

  it('no route outside the registrar except the public API docs', () => {
    const seen: string[] = [];
    for (const line of h.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const m = /(\/\S*)/.exec(line.replace(/[└├│─ ]+/g, ' '));
      if (m?.[1]?.startsWith('/api/')) seen.push(m[1]);
    }
    const known = new Set(h.registrar.routes.map((r) => r.url));
    const unknown = seen.filter((u) => !known.has(u) && !PUBLIC_PREFIXES.some((p) => u.startsWith(p)));
    expect(unknown).toEqual([]);
  });

  it('refuses every non-public route without sign-in', async () => {
    for (const r of h.registrar.routes) {
      if (r.access.kind === 'public') continue;
      const req = await requestFor(r.method, r.url);
      const res = await h.app.inject({
        method: r.method,
        url: req.url,
        ...(req.body ? { payload: req.body as object } : {}),
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  for (const role of ROLES) {
    it(`role ${role}: allowed exactly where the table says, inside and outside its scope`, async () => {
      const mismatches: string[] = [];
      for (const r of h.registrar.routes) {
        if (r.url === '/api/v1/auth/logout' || r.url === '/api/v1/auth/login') continue; // would end or replace the session
        for (const where of ['org', 'inside', 'outside'] as const) {
          const client = clients.get(`${role}/${where}`);
          if (!client) throw new Error('missing client');
          const req = await requestFor(r.method, r.url);
          const res = await client.request(r.method, req.url, req.body);
          const allowed = expectedAllowed(r.access, role, where);
          const got = res.statusCode;
          const ok = allowed ? got !== 403 && got !== 401 && got < 500 : got === 403;
          if (!ok)
            mismatches.push(
              `${r.method} ${r.url} as ${role}@${where}: expected ${allowed ? 'allowed' : '403'}, got ${got} ${res.body.slice(0, 120)}`,
            );
        }
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('lists show only what the grant covers', async () => {
    const codes = async (key: string) => {
      const client = clients.get(key);
      if (!client) throw new Error(`no client ${key}`);
      const items = (await client.request('GET', '/api/v1/projects?pageSize=500')).json().items as {
        code: string;
      }[];
      return items.map((p) => p.code).sort();
    };
    expect(await codes('viewer/org')).toEqual(['XA', 'XB']);
    expect(await codes('viewer/inside')).toEqual(['XA']);
    expect(await codes('viewer/outside')).toEqual(['XB']);
  });
});
