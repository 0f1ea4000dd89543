import { parseMspdi, SMALL_PROJECT_XML, scheduleMspdiXml } from '@baton/interop';
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
let admin: Client;

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  await makeUser(h.services, 'admin@test.io', { role: 'admin', scopeType: 'organisation', scopeId: null });
  admin = await signIn(h.app, 'admin@test.io');
});
afterAll(() => h.close());

type TaskDto = {
  id: string;
  name: string;
  start: string;
  finish: string;
  critical: boolean;
  version: number;
  totalFloatMinutes: number;
  summary: boolean;
  parentId: string | null;
  position: number;
  wbs: string;
};

async function newProject(code: string): Promise<string> {
  return (await h.services.projects.create(SYSTEM_ACTOR, { code, name: code, orgUnitId: org.unitA })).id;
}
async function view(projectId: string) {
  const res = await admin.request('GET', `/api/v1/projects/${projectId}/schedule`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function addTask(projectId: string, body: Record<string, unknown>): Promise<TaskDto> {
  const res = await admin.request('POST', `/api/v1/projects/${projectId}/tasks`, body);
  expect(res.statusCode, res.body).toBe(201);
  const change = res.json();
  return change.tasks.find((t: TaskDto) => t.name === body.name);
}
async function link(predecessorId: string, successorId: string, extra: Record<string, unknown> = {}) {
  return admin.request('POST', '/api/v1/links', { predecessorId, successorId, ...extra });
}
const byName = (v: { tasks: TaskDto[] }, name: string) => v.tasks.find((t) => t.name === name) as TaskDto;

describe('project schedules through the API', () => {
  let p1 = '';
  it('plans tasks, links and a milestone on the Standard calendar, with the critical path', async () => {
    p1 = await newProject('SCH-1');
    const empty = await view(p1);
    expect(empty.tasks).toEqual([]);
    const settings = await admin.request('PATCH', `/api/v1/projects/${p1}/schedule`, {
      version: empty.settings.version,
      start: '2026-01-05T08:00',
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const a = await addTask(p1, { name: 'Design', durationMinutes: 5 * 480 });
    const b = await addTask(p1, { name: 'Build', durationMinutes: 3 * 480 });
    const m = await addTask(p1, { name: 'Go-live', milestone: true });
    const side = await addTask(p1, { name: 'Side work', durationMinutes: 480 });
    expect((await link(a.id, b.id)).statusCode).toBe(201);
    expect((await link(b.id, m.id)).statusCode).toBe(201);
    const v = await view(p1);
    expect(byName(v, 'Design')).toMatchObject({
      start: '2026-01-05T08:00:00',
      finish: '2026-01-09T17:00:00',
      critical: true,
    });
    expect(byName(v, 'Build')).toMatchObject({
      start: '2026-01-12T08:00:00',
      finish: '2026-01-14T17:00:00',
      critical: true,
    });
    expect(byName(v, 'Go-live')).toMatchObject({
      start: '2026-01-14T17:00:00',
      finish: '2026-01-14T17:00:00',
      critical: true,
    });
    expect(byName(v, 'Side work')).toMatchObject({ critical: false, totalFloatMinutes: 7 * 480 });
    expect(v.settings).toMatchObject({
      computedStart: '2026-01-05T08:00:00',
      computedFinish: '2026-01-14T17:00:00',
    });
    expect(v.criticalPaths[0]).toEqual([a.id, b.id, m.id]);
    expect(side.wbs).toBe('4');
  });

  it('refuses a link that closes a loop, naming the tasks, and writes nothing', async () => {
    const v = await view(p1);
    const res = await link(byName(v, 'Go-live').id, byName(v, 'Design').id);
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/loop: .*Design/);
    expect((await view(p1)).links).toHaveLength(2);
    const dup = await link(byName(v, 'Design').id, byName(v, 'Build').id);
    expect(dup.statusCode).toBe(409);
    const self = await link(byName(v, 'Design').id, byName(v, 'Design').id);
    expect(self.statusCode).toBe(422);
  });

  it('edits reschedule what depends on them and return only what moved; stale versions get 409', async () => {
    const v = await view(p1);
    const design = byName(v, 'Design');
    const res = await admin.request('PATCH', `/api/v1/tasks/${design.id}`, {
      version: design.version,
      durationMinutes: 7 * 480,
    });
    expect(res.statusCode, res.body).toBe(200);
    const change = res.json();
    expect(change.tasks.map((t: TaskDto) => t.name).sort()).toEqual([
      'Build',
      'Design',
      'Go-live',
      'Side work',
    ]);
    expect(change.tasks.find((t: TaskDto) => t.name === 'Go-live').finish).toBe('2026-01-16T17:00:00');
    const stale = await admin.request('PATCH', `/api/v1/tasks/${design.id}`, {
      version: design.version,
      durationMinutes: 480,
    });
    expect(stale.statusCode).toBe(409);
    const badDate = await admin.request('PATCH', `/api/v1/tasks/${design.id}`, {
      version: design.version + 1,
      constraintType: 'SNET',
    });
    expect(badDate.statusCode).toBe(422);
    expect(badDate.json().errors[0].field).toBe('constraintDate');
    const history = (await admin.request('GET', `/api/v1/journal?entityId=${design.id}`)).json();
    expect(history.items[0].changes).toEqual([{ field: 'durationMinutes', from: 2400, to: 3360 }]);
  });

  it('constraints that cannot be met show as negative float with the conflict named', async () => {
    const v = await view(p1);
    const m = byName(v, 'Go-live');
    const res = await admin.request('PATCH', `/api/v1/tasks/${m.id}`, {
      version: m.version,
      constraintType: 'MFO',
      constraintDate: '2026-01-13T17:00:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await view(p1);
    expect(byName(after, 'Build').totalFloatMinutes).toBeLessThan(0);
    expect(after.conflicts.length).toBeGreaterThan(0);
    expect(after.conflicts[0].constraint).toBe('MFO');
    const m2 = byName(after, 'Go-live');
    await admin.request('PATCH', `/api/v1/tasks/${m2.id}`, { version: m2.version, constraintType: 'ASAP' });
  });

  it('builds a WBS: children under a summary roll up; indent and outdent', async () => {
    const v = await view(p1);
    const created = await addTask(p1, { name: 'Child of Side work', parentId: byName(v, 'Side work').id });
    expect(created).toMatchObject({ parentId: byName(v, 'Side work').id, wbs: '4.1' });
    expect(byName(await view(p1), 'Side work').summary).toBe(true);
    const phase = await addTask(p1, { name: 'Phase 1', afterId: null });
    expect(phase.position).toBe(1);
    const design = byName(v, 'Design');
    const moved = await admin.request('PATCH', `/api/v1/tasks/${design.id}`, {
      version: (await view(p1)).tasks.find((t: TaskDto) => t.id === design.id).version,
      parentId: phase.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await view(p1);
    const summary = byName(after, 'Phase 1');
    expect(summary.summary).toBe(true);
    expect(byName(after, 'Design')).toMatchObject({ parentId: phase.id, wbs: '1.1' });
    expect(summary.start).toBe(byName(after, 'Design').start);
    expect(summary.finish).toBe(byName(after, 'Design').finish);
    const loop = await admin.request('PATCH', `/api/v1/tasks/${phase.id}`, {
      version: summary.version,
      parentId: design.id,
    });
    expect(loop.statusCode).toBe(422);
  });

  it('saves baselines and reports variance in working time', async () => {
    const saved = await admin.request('POST', `/api/v1/projects/${p1}/baselines`, {});
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ number: 0, name: 'Baseline' });
    const v = await view(p1);
    const build = byName(v, 'Build');
    await admin.request('PATCH', `/api/v1/tasks/${build.id}`, {
      version: build.version,
      durationMinutes: 5 * 480,
      costMinor: 5000,
    });
    const variance = (await admin.request('GET', `/api/v1/projects/${p1}/baselines/0/variance`)).json();
    const row = variance.tasks.find((t: { name: string }) => t.name === 'Build');
    expect(row).toMatchObject({
      startVarianceMinutes: 0,
      finishVarianceMinutes: 960,
      durationVarianceMinutes: 960,
      costVarianceMinor: 5000,
    });
    const goLive = variance.tasks.find((t: { name: string }) => t.name === 'Go-live');
    expect(goLive.finishVarianceMinutes).toBe(960);
    expect((await admin.request('GET', `/api/v1/projects/${p1}/baselines/3/variance`)).statusCode).toBe(404);
    const second = await admin.request('POST', `/api/v1/projects/${p1}/baselines`, { name: 'Re-plan' });
    expect(second.json()).toMatchObject({ number: 1, name: 'Re-plan' });
  });

  it('answers what a slip moves, across projects, and draws the roadmap with cross-project links', async () => {
    const p2 = await newProject('SCH-2');
    const s2 = (await view(p2)).settings;
    await admin.request('PATCH', `/api/v1/projects/${p2}/schedule`, {
      version: s2.version,
      start: '2026-01-05T08:00:00',
    });
    const migrate = await addTask(p2, { name: 'Migrate data', durationMinutes: 2 * 480 });
    const v1 = await view(p1);
    const goLive = byName(v1, 'Go-live');
    expect((await link(goLive.id, migrate.id)).statusCode).toBe(201);
    const v2 = await view(p2);
    const after = byName(v2, 'Migrate data');
    expect(after.start > goLive.finish).toBe(true);
    const design = byName(v1, 'Design');
    const impact = (await admin.request('GET', `/api/v1/tasks/${design.id}/impact?slipDays=2`)).json();
    expect(impact.slipMinutes).toBe(960);
    const migrated = impact.tasks.find((t: { name: string }) => t.name === 'Migrate data');
    expect(migrated).toMatchObject({ startDeltaMinutes: 960, finishDeltaMinutes: 960, projectId: p2 });
    expect(impact.projects.map((p: { code: string }) => p.code).sort()).toEqual(['SCH-1', 'SCH-2']);
    // the slip was only a question: nothing moved
    expect(byName(await view(p2), 'Migrate data').start).toBe(after.start);
    const roadmap = (await admin.request('GET', `/api/v1/roadmap?orgUnitId=${org.unitA}`)).json();
    expect(roadmap.projects.find((p: { code: string }) => p.code === 'SCH-1').milestones[0].name).toBe(
      'Go-live',
    );
    expect(roadmap.links).toHaveLength(1);
    expect(roadmap.links[0]).toMatchObject({
      crossProject: true,
      predecessorName: 'Go-live',
      successorName: 'Migrate data',
    });
    // an edit in project 1 reschedules project 2
    const d = byName(await view(p1), 'Design');
    await admin.request('PATCH', `/api/v1/tasks/${d.id}`, {
      version: d.version,
      durationMinutes: d.version ? 9 * 480 : 0,
    });
    expect(byName(await view(p2), 'Migrate data').start > after.start).toBe(true);
  });

  it('imports a Microsoft Project file with the same dates as scheduling the file directly, and exports it back', async () => {
    const p3 = await newProject('SCH-3');
    const res = await admin.request('POST', `/api/v1/projects/${p3}/schedule/import`, SMALL_PROJECT_XML, {
      'content-type': 'application/xml',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().tasks).toBeGreaterThan(3);
    const direct = scheduleMspdiXml(SMALL_PROJECT_XML);
    if (!direct.ok) throw new Error('fixture does not schedule');
    const v = await view(p3);
    expect(v.problems).toEqual([]);
    // the outline came in: Sketch and Review sit under the Design summary
    const design = byName(v, 'Design');
    expect(design.summary).toBe(true);
    expect(byName(v, 'Sketch')).toMatchObject({ parentId: design.id, wbs: '1.1' });
    for (const row of direct.rows.filter((r) => r.uid !== 0)) {
      const t = v.tasks.find((x: { uid: number }) => x.uid === row.uid);
      expect(t, row.name).toBeDefined();
      expect({ uid: row.uid, start: t.start, finish: t.finish }).toEqual({
        uid: row.uid,
        start: row.start,
        finish: row.finish,
      });
    }
    const exported = await admin.request('GET', `/api/v1/projects/${p3}/schedule/export.xml`);
    expect(exported.headers['content-type']).toContain('application/xml');
    const doc = parseMspdi(exported.body);
    expect(doc.tasks.filter((t) => t.uid !== 0)).toHaveLength(v.tasks.length);
    // and back in: the same plan, the same dates
    const p4 = await newProject('SCH-4');
    expect(
      (
        await admin.request('POST', `/api/v1/projects/${p4}/schedule/import`, exported.body, {
          'content-type': 'application/xml',
        })
      ).statusCode,
    ).toBe(200);
    const v4 = await view(p4);
    const shape = (x: { tasks: TaskDto[]; links: unknown[] }) => ({
      tasks: x.tasks.map((t) => [t.name, t.wbs, t.start, t.finish, t.critical]),
      links: x.links.length,
    });
    expect(v4.problems).toEqual([]);
    expect(shape(v4)).toEqual(shape(v));
  });

  it('moves and deletes report every task whose WBS number changed, and the links removed', async () => {
    const p7 = await newProject('SCH-7');
    expect(
      (
        await admin.request('POST', `/api/v1/projects/${p7}/schedule/import`, SMALL_PROJECT_XML, {
          'content-type': 'application/xml',
        })
      ).statusCode,
    ).toBe(200);
    const v = await view(p7);
    const sketch = byName(v, 'Sketch');
    const moved = await admin.request('PATCH', `/api/v1/tasks/${sketch.id}`, {
      version: sketch.version,
      parentId: null,
      afterId: byName(v, 'Design').id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await view(p7);
    const beforeWbs = new Map(v.tasks.map((t: TaskDto) => [t.id, t.wbs]));
    const changedWbs = after.tasks
      .filter((t: TaskDto) => beforeWbs.get(t.id) !== t.wbs)
      .map((t: TaskDto) => t.id)
      .sort();
    const returned = new Set(moved.json().tasks.map((t: TaskDto) => t.id));
    expect(changedWbs.length).toBeGreaterThan(2);
    for (const id of changedWbs) expect(returned.has(id)).toBe(true);
    const design = byName(after, 'Design');
    const linksOfDesign = after.links.filter((l: { predecessorId: string; successorId: string }) =>
      [design.id, byName(after, 'Review').id].some((id) => id === l.predecessorId || id === l.successorId),
    );
    const removed = await admin.request('DELETE', `/api/v1/tasks/${design.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().removedLinkIds.sort()).toEqual(
      linksOfDesign.map((l: { id: string }) => l.id).sort(),
    );
  });

  it('rejects a bad file naming the element and the reason, writing nothing', async () => {
    const p5 = await newProject('SCH-5');
    await addTask(p5, { name: 'Keep me' });
    const bad = SMALL_PROJECT_XML.replace(
      '<Duration>PT40H0M0S</Duration>',
      '<Duration>forty hours</Duration>',
    );
    expect(bad).not.toBe(SMALL_PROJECT_XML);
    const res = await admin.request('POST', `/api/v1/projects/${p5}/schedule/import`, bad, {
      'content-type': 'application/xml',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/Duration/);
    const notXml = await admin.request('POST', `/api/v1/projects/${p5}/schedule/import`, 'hello', {
      'content-type': 'application/xml',
    });
    expect(notXml.statusCode).toBe(422);
    expect((await view(p5)).tasks.map((t: TaskDto) => t.name)).toEqual(['Keep me']);
  });

  it('exports and imports a CSV task list', async () => {
    const csv = await admin.request('GET', `/api/v1/projects/${p1}/schedule/export.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[0]).toContain('Predecessors');
    const p6 = await newProject('SCH-6');
    const imported = await admin.request('POST', `/api/v1/projects/${p6}/schedule/import-csv`, csv.body, {
      'content-type': 'text/csv',
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const a = await view(p1);
    const b = await view(p6);
    expect(b.tasks.map((t: TaskDto) => t.name)).toEqual(a.tasks.map((t: TaskDto) => t.name));
    const broken = await admin.request('POST', `/api/v1/projects/${p6}/schedule/import-csv`, 'ID,Name\n1,', {
      'content-type': 'text/csv',
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().detail).toMatch(/row/);
  });

  it('only people who may edit the project may change its plan', async () => {
    await makeUser(h.services, 'viewer-a@test.io', {
      role: 'viewer',
      scopeType: 'org_unit',
      scopeId: org.unitA,
    });
    const viewer = await signIn(h.app, 'viewer-a@test.io');
    expect((await viewer.request('GET', `/api/v1/projects/${p1}/schedule`)).statusCode).toBe(200);
    expect((await viewer.request('POST', `/api/v1/projects/${p1}/tasks`, { name: 'x' })).statusCode).toBe(
      403,
    );
    const t = byName(await view(p1), 'Build');
    expect(
      (await viewer.request('PATCH', `/api/v1/tasks/${t.id}`, { version: t.version, name: 'x' })).statusCode,
    ).toBe(403);
    expect((await viewer.request('GET', `/api/v1/projects/${org.projectB}/schedule`)).statusCode).toBe(403);
  });
});
