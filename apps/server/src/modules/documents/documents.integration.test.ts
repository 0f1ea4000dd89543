import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase, restoreBackup, writeBackup } from '@baton/db';
import { checkUpload, zipEntryNames } from '@baton/interop';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
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

const LIMIT = 1_048_576;
let h: Harness;
let org: Org;
let director: Client;
let unitDirector: Client;
let pm: Client;
let member: Client;
let viewerB: Client;

type Doc = {
  id: string;
  version: number;
  code: string;
  title: string;
  category: string;
  currentVersion: number;
  phaseKey: string | null;
  deliverableKey: string | null;
  latest: {
    versionNo: number;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    uploadedByName: string | null;
    fileName: string;
  };
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n', 'latin1');
const HTML = Buffer.from('  <!DOCTYPE html><html><script>alert(document.cookie)</script></html>');
const SVG = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
  return `?${q.toString()}`;
}

/** A raw-body upload, as the web client sends it. */
function upload(
  client: Client,
  url: string,
  bytes: Buffer,
  params: Record<string, string | undefined>,
  contentType = 'application/octet-stream',
) {
  return client.request('POST', `${url}${query(params)}`, bytes, { 'content-type': contentType });
}

beforeAll(async () => {
  h = await startHarness({ documentMaxBytes: LIMIT });
  org = await makeOrg(h.services);
  const grant = (role: 'pmo_director' | 'project_manager' | 'team_member' | 'viewer', unit: string | null) =>
    unit
      ? { role, scopeType: 'org_unit' as const, scopeId: unit }
      : { role, scopeType: 'organisation' as const, scopeId: null };
  await makeUser(h.services, 'director@test.io', grant('pmo_director', null));
  await makeUser(h.services, 'unit-director@test.io', grant('pmo_director', org.unitA));
  await makeUser(h.services, 'pm@test.io', grant('project_manager', org.unitA));
  await makeUser(h.services, 'member@test.io', grant('team_member', org.unitA));
  await makeUser(h.services, 'viewer-b@test.io', grant('viewer', org.unitB));
  director = await signIn(h.app, 'director@test.io');
  unitDirector = await signIn(h.app, 'unit-director@test.io');
  pm = await signIn(h.app, 'pm@test.io');
  member = await signIn(h.app, 'member@test.io');
  viewerB = await signIn(h.app, 'viewer-b@test.io');
  const template = await h.services.governance.createTemplate(SYSTEM_ACTOR, {
    key: 'gates',
    name: 'Gates',
    approach: 'predictive',
    orgUnitId: null,
    phases: [
      {
        key: 'initiate',
        name: 'Initiate',
        gate: {
          name: 'Gate 1',
          criteria: [],
          deliverables: [
            { key: 'charter-doc', name: 'Project charter', required: true },
            { key: 'business-case', name: 'Business case', required: true },
          ],
        },
      },
      { key: 'plan', name: 'Plan', gate: { name: 'Gate 2', criteria: [], deliverables: [] } },
    ],
  });
  await h.services.governance.apply(SYSTEM_ACTOR, org.projectA, template.id);
}, 120_000);
afterAll(() => h.close());

describe('project documents', () => {
  it('uploads a first version linked to a gate deliverable, keeping the type Baton found', async () => {
    const res = await upload(pm, `/api/v1/projects/${org.projectA}/documents`, PDF, {
      fileName: 'Charter.pdf',
      title: 'Project charter',
      category: 'charter',
      phaseKey: 'initiate',
      deliverableKey: 'charter-doc',
      note: 'Signed by the sponsor',
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json() as Doc;
    expect(doc).toMatchObject({
      code: expect.stringMatching(/^DOC-\d{4}$/),
      title: 'Project charter',
      category: 'charter',
      currentVersion: 1,
      phaseKey: 'initiate',
      deliverableKey: 'charter-doc',
      latest: {
        versionNo: 1,
        mediaType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: sha(PDF),
        uploadedByName: 'pm',
      },
    });
    const list = (await member.request('GET', `/api/v1/projects/${org.projectA}/documents`)).json()
      .items as Doc[];
    expect(list.map((d) => d.id)).toContain(doc.id);
    expect(await h.services.documents.presentDeliverables(org.projectA)).toEqual([
      { phaseKey: 'initiate', deliverableKey: 'charter-doc', documentCount: 1 },
    ]);
    // a text file sent as text/csv arrives as bytes, not decoded text: Latin-1 survives exactly
    const csv = Buffer.from('Risk,Owner\nLieferverzug,M\xfcller\n', 'latin1');
    const sent = await upload(
      pm,
      `/api/v1/projects/${org.projectA}/documents`,
      csv,
      { fileName: 'risks.csv', title: 'Risks' },
      'text/csv',
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const back = await pm.request('GET', `/api/v1/documents/${(sent.json() as Doc).id}/content`);
    expect(back.rawPayload.equals(csv)).toBe(true);
    expect(back.headers['content-type']).toBe('text/csv');
  });

  it('adds versions, lists them newest first and serves each as a safe download', async () => {
    const created = (
      await upload(pm, `/api/v1/projects/${org.projectA}/documents`, PDF, {
        fileName: 'case.pdf',
        title: 'Business case',
      })
    ).json() as Doc;
    const template = await pm.request('GET', '/api/v1/document-templates/business-case');
    expect(template.statusCode).toBe(200);
    const v2bytes = template.rawPayload;
    const v2 = await upload(pm, `/api/v1/documents/${created.id}/versions`, v2bytes, {
      fileName: 'Geschäftsfall — v2.docx',
      note: 'Costs updated',
    });
    expect(v2.statusCode, v2.body).toBe(201);
    const after = v2.json() as Doc;
    expect(after.currentVersion).toBe(2);
    expect(after.version).toBe(created.version + 1);
    expect(after.latest.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const versions = (await member.request('GET', `/api/v1/documents/${created.id}/versions`)).json()
      .items as {
      versionNo: number;
      note: string | null;
      contentUrl: string;
    }[];
    expect(versions.map((v) => v.versionNo)).toEqual([2, 1]);
    expect(versions[0]?.note).toBe('Costs updated');

    const first = await member.request('GET', versions[1]?.contentUrl ?? '');
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.equals(PDF)).toBe(true);
    expect(first.headers['content-type']).toBe('application/pdf');
    const current = await member.request('GET', `/api/v1/documents/${created.id}/content`);
    expect(current.rawPayload.equals(v2bytes)).toBe(true);
    expect(current.headers['content-disposition']).toBe(
      `attachment; filename="Gesch_ftsfall _ v2.docx"; filename*=UTF-8''${encodeURIComponent('Geschäftsfall — v2.docx')}`,
    );
    expect(current.headers['x-content-type-options']).toBe('nosniff');
    expect(current.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(String(current.headers['content-type'])).not.toContain('html');
    expect(current.headers.etag).toBe(`"${sha(v2bytes)}"`);
    expect(
      (await member.request('GET', `/api/v1/documents/${created.id}/versions/3/content`)).statusCode,
    ).toBe(404);
  });

  it('refuses a file over the limit with 413 naming the limit', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(LIMIT, 0x20)]);
    const res = await upload(pm, `/api/v1/projects/${org.projectA}/documents`, big, {
      fileName: 'big.pdf',
      title: 'Big',
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('1 MiB (1048576 bytes)');
    // the limit applies to new versions too, and through the service for callers other than HTTP
    const doc = (await h.services.documents.listProject(org.projectA)).items[0] as Doc;
    const v = await upload(pm, `/api/v1/documents/${doc.id}/versions`, big, { fileName: 'big.pdf' });
    expect(v.statusCode).toBe(413);
    await expect(
      h.services.documents.uploadProject(
        SYSTEM_ACTOR,
        org.projectA,
        { fileName: 'big.pdf', title: 'Big' },
        big,
      ),
    ).rejects.toMatchObject({ status: 413 });
  });

  it('refuses HTML, SVG and an executable disguised as a PDF with 415 naming what it found', async () => {
    const url = `/api/v1/projects/${org.projectA}/documents`;
    const cases: [Buffer, string][] = [
      [HTML, 'text/html'],
      [SVG, 'image/svg+xml'],
      [EXE, 'application/vnd.microsoft.portable-executable'],
    ];
    for (const [bytes, found] of cases) {
      const res = await upload(pm, url, bytes, { fileName: 'report.pdf', title: 'Report' });
      expect(res.statusCode, found).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toContain(found);
      expect(res.json().type).toContain('unsupported-document-type');
    }
    const exe = await upload(pm, url, EXE, { fileName: 'setup.exe', title: 'Setup' });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().errors[0].field).toBe('fileName');
    // sent as HTML: refused before the body is read
    const asHtml = await upload(pm, url, HTML, { fileName: 'page.txt', title: 'Page' }, 'text/html');
    expect(asHtml.statusCode).toBe(415);
    const names = (await h.services.documents.listProject(org.projectA)).items.map((d) => d.title);
    expect(names).not.toContain('Report');
  });

  it('lets only those who may change the project write, and only those who read it read', async () => {
    const url = `/api/v1/projects/${org.projectA}/documents`;
    const denied = await upload(member, url, PDF, { fileName: 'x.pdf', title: 'By a team member' });
    expect(denied.statusCode).toBe(403);
    expect((await member.request('GET', url)).statusCode).toBe(200);
    expect((await viewerB.request('GET', url)).statusCode).toBe(403);
    expect(
      (await upload(pm, `/api/v1/projects/${org.projectB}/documents`, PDF, { fileName: 'x.pdf', title: 'X' }))
        .statusCode,
    ).toBe(403);
    const anonymous = await h.app.inject({
      method: 'POST',
      url: `${url}${query({ fileName: 'x.pdf', title: 'X' })}`,
      payload: PDF,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(anonymous.statusCode).toBe(401);
    const doc = (await h.services.documents.listProject(org.projectA)).items[0] as Doc;
    expect((await viewerB.request('GET', `/api/v1/documents/${doc.id}`)).statusCode).toBe(403);
    expect((await viewerB.request('GET', `/api/v1/documents/${doc.id}/content`)).statusCode).toBe(403);
    const patch = await member.request('PATCH', `/api/v1/documents/${doc.id}`, {
      version: doc.version,
      title: 'Mine',
    });
    expect(patch.statusCode).toBe(403);
    expect(
      (await upload(member, `/api/v1/documents/${doc.id}/versions`, PDF, { fileName: 'x.pdf' })).statusCode,
    ).toBe(403);
  });

  it('validates metadata: both halves of a gate link, and that the lifecycle has them', async () => {
    const url = `/api/v1/projects/${org.projectA}/documents`;
    const half = await upload(pm, url, PDF, { fileName: 'a.pdf', title: 'A', phaseKey: 'initiate' });
    expect(half.statusCode).toBe(422);
    expect(half.json().errors[0].field).toBe('deliverableKey');
    const ghost = await upload(pm, url, PDF, {
      fileName: 'a.pdf',
      title: 'A',
      phaseKey: 'initiate',
      deliverableKey: 'nope',
    });
    expect(ghost.statusCode).toBe(422);
    expect(ghost.json().errors[0]).toMatchObject({ field: 'deliverableKey', rule: 'exists' });
    const noPhase = await upload(pm, url, PDF, {
      fileName: 'a.pdf',
      title: 'A',
      phaseKey: 'close',
      deliverableKey: 'x',
    });
    expect(noPhase.json().errors[0]).toMatchObject({ field: 'phaseKey', rule: 'exists' });
    const noLifecycle = await upload(director, `/api/v1/projects/${org.projectB}/documents`, PDF, {
      fileName: 'a.pdf',
      title: 'A',
      phaseKey: 'initiate',
      deliverableKey: 'charter-doc',
    });
    expect(noLifecycle.statusCode).toBe(422);
    expect(noLifecycle.json().errors[0].rule).toBe('lifecycle');
    // shape errors are 400, naming the field
    const noTitle = await upload(pm, url, PDF, { fileName: 'a.pdf' });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().errors[0].field).toBe('title');
    expect((await upload(pm, url, PDF, { fileName: '../etc/a.pdf', title: 'A' })).statusCode).toBe(400);
    const empty = await upload(pm, url, Buffer.alloc(0), { fileName: 'a.pdf', title: 'A' });
    expect(empty.statusCode).toBe(422);

    const doc = (
      await upload(pm, url, PDF, { fileName: 'm.pdf', title: 'Minutes', category: 'minutes' })
    ).json() as Doc;
    const wrongCategory = await pm.request('PATCH', `/api/v1/documents/${doc.id}`, {
      version: doc.version,
      category: 'guide',
    });
    expect(wrongCategory.statusCode).toBe(422);
    const linked = await pm.request('PATCH', `/api/v1/documents/${doc.id}`, {
      version: doc.version,
      title: 'Kick-off minutes',
      phaseKey: 'initiate',
      deliverableKey: 'business-case',
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({
      title: 'Kick-off minutes',
      deliverableKey: 'business-case',
      version: doc.version + 1,
    });
    const stale = await pm.request('PATCH', `/api/v1/documents/${doc.id}`, {
      version: doc.version,
      title: 'Late',
    });
    expect(stale.statusCode).toBe(409);
    const unlinked = await pm.request('PATCH', `/api/v1/documents/${doc.id}`, {
      version: doc.version + 1,
      phaseKey: null,
      deliverableKey: null,
    });
    expect(unlinked.json()).toMatchObject({ phaseKey: null, deliverableKey: null });
  });

  it('soft-deletes at the version seen: gone from lists, downloads and gate evidence', async () => {
    const url = `/api/v1/projects/${org.projectA}/documents`;
    const doc = (
      await upload(pm, url, PDF, {
        fileName: 'c.pdf',
        title: 'Second charter',
        phaseKey: 'initiate',
        deliverableKey: 'charter-doc',
      })
    ).json() as Doc;
    const before = await h.services.documents.presentDeliverables(org.projectA);
    expect(before.find((d) => d.deliverableKey === 'charter-doc')?.documentCount).toBe(2);
    expect((await pm.request('DELETE', `/api/v1/documents/${doc.id}`)).statusCode).toBe(400);
    expect((await pm.request('DELETE', `/api/v1/documents/${doc.id}?version=99`)).statusCode).toBe(409);
    expect(
      (await member.request('DELETE', `/api/v1/documents/${doc.id}?version=${doc.version}`)).statusCode,
    ).toBe(403);
    const gone = await pm.request('DELETE', `/api/v1/documents/${doc.id}?version=${doc.version}`);
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await pm.request('GET', `/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await pm.request('GET', `/api/v1/documents/${doc.id}/content`)).statusCode).toBe(404);
    expect((await pm.request('GET', url)).json().items.map((d: Doc) => d.id)).not.toContain(doc.id);
    const after = await h.services.documents.presentDeliverables(org.projectA);
    expect(after.find((d) => d.deliverableKey === 'charter-doc')?.documentCount).toBe(1);
    const journal = (await director.request('GET', `/api/v1/journal?entityId=${doc.id}`)).json();
    expect(JSON.stringify(journal)).toContain('delete');
  });

  it('searches documents across the projects the caller may see', async () => {
    const found = (await pm.request('GET', '/api/v1/documents?q=charter')).json();
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((d: Doc & { projectCode: string }) => d.projectCode === 'XA')).toBe(true);
    expect((await viewerB.request('GET', '/api/v1/documents?q=charter')).json().total).toBe(0);
    const byCategory = (await pm.request('GET', '/api/v1/documents?category=charter')).json();
    expect(byCategory.items.every((d: Doc) => d.category === 'charter')).toBe(true);
    // LIKE wildcards in the words match themselves
    expect((await pm.request('GET', '/api/v1/documents?q=%25')).json().total).toBe(0);
  });
});

describe('the PMO library', () => {
  it('is written by the PMO where it is granted and read by everyone who reads projects', async () => {
    const url = '/api/v1/library/documents';
    const guide = await upload(director, url, Buffer.from('# Gate reviews\n\nHow to prepare.\n'), {
      fileName: 'gate-guide.md',
      title: 'Guide to gate reviews',
      category: 'guide',
    });
    expect(guide.statusCode, guide.body).toBe(201);
    expect(guide.json()).toMatchObject({
      projectId: null,
      orgUnitId: null,
      category: 'guide',
      latest: { mediaType: 'text/markdown' },
    });
    const unitPolicy = await upload(unitDirector, url, PDF, {
      fileName: 'policy.pdf',
      title: 'Unit A procurement policy',
      category: 'policy',
      orgUnitId: org.unitA,
    });
    expect(unitPolicy.statusCode, unitPolicy.body).toBe(201);
    expect(
      (await upload(unitDirector, url, PDF, { fileName: 'p.pdf', title: 'Everywhere' })).statusCode,
    ).toBe(403);
    expect(
      (await upload(pm, url, PDF, { fileName: 'p.pdf', title: 'PM', orgUnitId: org.unitA })).statusCode,
    ).toBe(403);
    expect(
      (await upload(director, url, PDF, { fileName: 'p.pdf', title: 'Charter?', category: 'charter' }))
        .statusCode,
    ).toBe(400);

    const all = (await viewerB.request('GET', url)).json().items as Doc[];
    expect(all.map((d) => d.title)).toEqual(
      expect.arrayContaining(['Guide to gate reviews', 'Unit A procurement policy']),
    );
    const forB = (await viewerB.request('GET', `${url}?orgUnitId=${org.unitB}`)).json().items as Doc[];
    expect(forB.map((d) => d.title)).toEqual(['Guide to gate reviews']);
    const policy = unitPolicy.json() as Doc;
    // anyone who reads projects reads the library, wherever the item is filed
    expect((await viewerB.request('GET', `/api/v1/documents/${policy.id}/content`)).statusCode).toBe(200);
    // a project manager changes projects, not the library
    const byPm = await pm.request('PATCH', `/api/v1/documents/${policy.id}`, {
      version: policy.version,
      title: 'Mine',
    });
    expect(byPm.statusCode).toBe(403);
    const moved = await unitDirector.request('PATCH', `/api/v1/documents/${policy.id}`, {
      version: policy.version,
      orgUnitId: null,
    });
    expect(moved.statusCode).toBe(403);
    const v2 = await upload(unitDirector, `/api/v1/documents/${policy.id}/versions`, PDF, {
      fileName: 'policy-v2.pdf',
    });
    expect(v2.json()).toMatchObject({ currentVersion: 2 });
    expect((await viewerB.request('GET', '/api/v1/documents?q=procurement')).json().total).toBe(0); // search: projects only
  });
});

describe('templates', () => {
  it('lists five templates and serves valid Word and Excel files', async () => {
    const list = (await member.request('GET', '/api/v1/document-templates')).json().items as {
      key: string;
      fileName: string;
      mediaType: string;
      downloadUrl: string;
    }[];
    expect(list.map((t) => t.key)).toEqual([
      'charter',
      'business-case',
      'status-report',
      'risk-log',
      'lessons-learned',
    ]);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/document-templates' })).statusCode).toBe(401);
    for (const t of list) {
      const res = await member.request('GET', t.downloadUrl);
      expect(res.statusCode, t.key).toBe(200);
      expect(res.headers['content-type']).toBe(t.mediaType);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${t.fileName}`);
      const bytes = res.rawPayload;
      expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
      // Baton's own check takes its templates back once filled in
      expect(checkUpload(t.fileName, bytes)).toMatchObject({ ok: true, mediaType: t.mediaType });
      if (t.fileName.endsWith('.docx')) {
        expect(zipEntryNames(bytes)).toContain('word/document.xml');
        continue;
      }
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer,
      );
      const sheet = wb.worksheets[0];
      if (!sheet) throw new Error(`${t.key}: no worksheet`);
      const headers = (sheet.getRow(1).values as unknown[]).filter(Boolean);
      if (t.key === 'risk-log') {
        expect(headers).toEqual(
          expect.arrayContaining([
            'Probability',
            'Impact',
            'Score',
            'Level',
            'Owner',
            'Response',
            'Trigger',
            'Status',
            'Mitigation',
          ]),
        );
        const score = sheet.getCell('G2').value as { formula?: string };
        expect(score.formula).toContain('E2*F2');
        expect(wb.getWorksheet('Scales')?.rowCount).toBeGreaterThanOrEqual(5);
      } else {
        expect(headers).toEqual(
          expect.arrayContaining(['What happened', 'Recommendation', 'Phase', 'Root cause']),
        );
      }
    }
    expect((await member.request('GET', '/api/v1/document-templates/nope')).statusCode).toBe(400);
  });
});

describe('backups', () => {
  it('a restored database serves every version byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-docs-'));
    try {
      // every byte value, and enough of them to need TOAST storage
      const binary = Buffer.concat([
        PDF,
        Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
        Buffer.alloc(300_000, 0xab),
      ]);
      const doc = (
        await upload(pm, `/api/v1/projects/${org.projectA}/documents`, binary, {
          fileName: 'scan.pdf',
          title: 'Scan',
        })
      ).json() as Doc;
      const file = join(dir, 'backup.jsonl.gz');
      await writeBackup(h.database.db, file);
      const target = await openTestDatabase();
      try {
        await restoreBackup(target.db, file);
        const { app } = await buildApp({
          database: target,
          config: { ...loadConfig({}), webDist: null },
          logger: false,
        });
        try {
          const restored = await signIn(app, 'pm@test.io');
          const res = await restored.request('GET', `/api/v1/documents/${doc.id}/content`);
          expect(res.statusCode).toBe(200);
          expect(res.rawPayload.equals(binary)).toBe(true);
          const versions = (await restored.request('GET', `/api/v1/documents/${doc.id}/versions`)).json()
            .items;
          expect(versions[0].sha256).toBe(sha(binary));
        } finally {
          await app.close();
        }
      } finally {
        await target.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
