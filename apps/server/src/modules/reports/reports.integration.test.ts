import { PortfolioPack } from '@baton/contracts';
import { isPdf, pdfPageCount, portfolioPackPageCount } from '@baton/interop';
import ExcelJS from 'exceljs';
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
import { statusReportPdfInput } from './portfolio-pack.service.ts';

let h: Harness;
let org: Org;
let director: Client;
let pm: Client;
let outsider: Client;
let nobody: Client;
let reportId: string;
type Task = { id: string; version: number; name: string };
type Res = { statusCode: number; body: string; json: () => unknown };

async function ok<T>(res: Res, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

const AT = '2026-11-06';
const pack = async (c: Client, query = '') =>
  PortfolioPack.parse(await ok(await c.request('GET', `/api/v1/reports/portfolio?statusDate=${AT}${query}`)));

beforeAll(async () => {
  h = await startHarness();
  org = await makeOrg(h.services);
  await makeUser(h.services, 'dir@test.io', {
    role: 'pmo_director',
    scopeType: 'organisation',
    scopeId: null,
  });
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
  await makeUser(h.services, 'nobody@test.io');
  director = await signIn(h.app, 'dir@test.io');
  pm = await signIn(h.app, 'pm@test.io');
  outsider = await signIn(h.app, 'out@test.io');
  nobody = await signIn(h.app, 'nobody@test.io');

  // Project A: two independent ten-day tasks (Mon 2 – Fri 13 Nov) of 1,000.00 each, baselined, then
  // 600 + 200 of actual cost and 40 % / 30 % progress; a budget of 2,500.00.
  const base = `/api/v1/projects/${org.projectA}`;
  const sched = await ok<{ settings: { version: number } }>(await pm.request('GET', `${base}/schedule`));
  await ok(
    await pm.request('PATCH', `${base}/schedule`, {
      version: sched.settings.version,
      start: '2026-11-02T08:00:00',
    }),
  );
  for (const name of ['Design', 'Build'])
    await ok(
      await pm.request('POST', `${base}/tasks`, { name, durationMinutes: 4800, costMinor: 100_000 }),
      201,
    );
  await ok(await pm.request('POST', `${base}/baselines`, { number: 0 }), 201);
  const byName = async (name: string) =>
    (await ok<{ tasks: Task[] }>(await pm.request('GET', `${base}/schedule`))).tasks.find(
      (t) => t.name === name,
    ) as Task;
  const [design, build] = [await byName('Design'), await byName('Build')];
  await h.database.db.transaction((tx) =>
    h.services.schedule.bookActuals(tx, SYSTEM_ACTOR, [
      { taskId: design.id, minutes: 0, costMinor: 60_000, firstDate: '2026-11-02' },
      { taskId: build.id, minutes: 0, costMinor: 20_000, firstDate: '2026-11-02' },
    ]),
  );
  const d2 = await byName('Design');
  await ok(await pm.request('PATCH', `/api/v1/tasks/${d2.id}`, { version: d2.version, percentComplete: 40 }));
  const b2 = await byName('Build');
  // Build also takes five working days more than baselined: it now finishes Fri 20 Nov.
  await ok(
    await pm.request('PATCH', `/api/v1/tasks/${b2.id}`, {
      version: b2.version,
      percentComplete: 30,
      durationMinutes: 7200,
    }),
  );
  const project = await ok<{ version: number }>(await pm.request('GET', base));
  await ok(await pm.request('PATCH', base, { version: project.version, budgetMinor: 250_000 }));

  // Active, with a submitted report for October that says green.
  await activateProject(h.services, org.projectA);
  let r = await ok<{ id: string; version: number }>(
    await pm.request('POST', '/api/v1/status-reports', { projectId: org.projectA, period: '2026-10' }),
    201,
  );
  r = await ok(
    await pm.request('PATCH', `/api/v1/status-reports/${r.id}`, {
      version: r.version,
      summary: 'Design under way.',
      nextSteps: 'Start the build.',
      reported: {
        overall: 'green',
        schedule: 'green',
        cost: 'amber',
        scope: 'green',
        risk: 'green',
        resources: 'green',
      },
    }),
  );
  r = await ok(await pm.request('POST', `/api/v1/status-reports/${r.id}/submit`, { version: r.version }));
  await ok(
    await director.request('POST', `/api/v1/status-reports/${r.id}/review`, {
      version: r.version,
      decision: 'accept',
      comment: 'Thanks; watch the build.',
    }),
  );
  reportId = r.id;
}, 120_000);
afterAll(() => h.close());

describe('portfolio pack rows', () => {
  it('computes each project’s figures at the status date, as hand-computed', async () => {
    const p = await pack(director);
    expect(p.statusDate).toBe(AT);
    expect(p.scope).toBe('Whole organisation');
    expect(p.rows.map((r) => r.code)).toEqual(['XA', 'XB']);
    const a = p.rows[0];
    // At Fri 6 Nov half the baseline is due (PV 1,000); earned 400 + 300, spent 800.
    expect(a).toMatchObject({
      projectId: org.projectA,
      name: 'Project A',
      status: 'active',
      orgUnitName: 'Unit A',
      portfolioName: 'Portfolio A',
      programName: 'Program A',
      currency: 'EUR',
      spi: 0.7,
      cpi: 0.875,
      bac: 200_000,
      ev: 70_000,
      ac: 80_000,
      eac: 228_571, // 200,000 / 0.875
      eacMethod: 'BAC / CPI',
      budget: 250_000,
      percentComplete: 35,
      forecastFinish: '2026-11-20',
      baselineFinish: '2026-11-13',
      finishVarianceDays: 7,
      reportedRag: 'green',
      reportedPeriod: '2026-10',
    });
    // The same health the project's own health endpoint computes at that date.
    const own = await ok<{ health: { overall: string; dimensions: Record<string, { rag: string }> } }>(
      await director.request('GET', `/api/v1/projects/${org.projectA}/health?asOf=${AT}`),
    );
    expect(a?.health).toBe(own.health.overall);
    expect(a?.dimensions).toEqual(
      Object.fromEntries(Object.entries(own.health.dimensions).map(([k, d]) => [k, d.rag])),
    );
    expect(a?.dimensions.schedule).toBe('red'); // SPI 0.70 is below 0.85
    // Project B has no plan: no SPI, CPI, finish or report.
    expect(p.rows[1]).toMatchObject({
      code: 'XB',
      spi: null,
      cpi: null,
      bac: 0,
      ac: 0,
      percentComplete: null,
      forecastFinish: null,
      baselineFinish: null,
      finishVarianceDays: null,
      reportedRag: null,
    });
    const healthOfB = p.rows[1]?.health as 'green' | 'amber' | 'red';
    const counts = { green: 0, amber: 0, red: 0 };
    counts[a?.health as 'green']++;
    counts[healthOfB]++;
    expect(p.counts).toEqual(counts);
    expect(p.totals).toEqual([{ currency: 'EUR', budget: 250_000, ac: 80_000, eac: 228_571, bac: 200_000 }]);
  });

  it('filters by org unit (with sub-units), portfolio, program and status, and to what the user sees', async () => {
    const codes = async (c: Client, q: string) => (await pack(c, q)).rows.map((r) => r.code);
    expect(await codes(director, `&orgUnitId=${org.unitB}`)).toEqual(['XB']);
    expect(await codes(director, `&orgUnitId=${org.root}`)).toEqual(['XA', 'XB']);
    expect(await codes(director, `&portfolioId=${org.portfolioB}`)).toEqual(['XB']);
    expect(await codes(director, `&programId=${org.programA}`)).toEqual(['XA']);
    expect(await codes(director, '&status=active,on_hold')).toEqual(['XA']);
    expect(await codes(director, '&status=proposed')).toEqual(['XB']);
    // The project manager of unit A sees only its project, whatever the filter asks for.
    const mine = await pack(pm);
    expect(mine.rows.map((r) => r.code)).toEqual(['XA']);
    expect(mine.scope).toBe('The projects you may see');
    expect(await codes(pm, `&orgUnitId=${org.unitB}`)).toEqual([]);
    expect(await codes(outsider, '')).toEqual(['XB']);
    expect(
      (await director.request('GET', `/api/v1/reports/portfolio?orgUnitId=${org.unitB}`)).statusCode,
    ).toBe(200);
  });

  it('refuses a user without project.read anywhere, and bad queries naming the field', async () => {
    expect((await nobody.request('GET', '/api/v1/reports/portfolio')).statusCode).toBe(403);
    expect((await nobody.request('GET', '/api/v1/reports/portfolio?format=pdf')).statusCode).toBe(403);
    for (const [query, field, status] of [
      ['statusDate=2026-13-01', 'statusDate', 400],
      ['format=docx', 'format', 400],
      ['orgUnitId=nope', 'orgUnitId', 400],
      ['status=Active!', 'status', 400],
      ['colour=red', 'colour', 400],
      ['orgUnitId=00000000-0000-4000-8000-000000000000', 'orgUnitId', 422],
      ['portfolioId=00000000-0000-4000-8000-000000000000', 'portfolioId', 422],
      ['programId=00000000-0000-4000-8000-000000000000', 'programId', 422],
    ] as const) {
      const res = await director.request('GET', `/api/v1/reports/portfolio?${query}`);
      expect(res.statusCode, query).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json() as { detail: string; errors?: { field: string }[] };
      expect(`${body.detail} ${JSON.stringify(body.errors ?? [])}`, query).toContain(field);
    }
  });
});

describe('portfolio pack files', () => {
  it('writes a CSV with one row per project, money in major units', async () => {
    const res = await director.request('GET', `/api/v1/reports/portfolio?format=csv&statusDate=${AT}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="portfolio-pack-${AT}.csv"`);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    const header = (lines[0] as string).split(',');
    const a = Object.fromEntries((lines[1] as string).split(',').map((v, i) => [header[i], v]));
    expect(a).toMatchObject({
      Code: 'XA',
      Health: expect.stringMatching(/^(green|amber|red)$/),
      Schedule: 'red',
      SPI: '0.7',
      CPI: '0.875',
      BAC: '2000',
      Actual: '800',
      EAC: '2285.71',
      Budget: '2500',
      '% complete': '35',
      'Forecast finish': '2026-11-20',
      'Baseline finish': '2026-11-13',
      'Finish variance (days)': '7',
      'Reported RAG': 'green',
    });
    expect((lines[2] as string).startsWith('XB,')).toBe(true);
  });

  it('writes an XLSX with a summary sheet and the projects as numbers', async () => {
    const res = await director.request('GET', `/api/v1/reports/portfolio?format=xlsx&statusDate=${AT}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Projects']);
    const summary = new Map<string, unknown>();
    wb.getWorksheet('Summary')?.eachRow((row, n) => {
      if (n > 1)
        summary.set(
          `${row.getCell(1).value}${row.getCell(2).value ? ` ${row.getCell(2).value}` : ''}`,
          row.getCell(3).value,
        );
    });
    expect(summary.get('Projects')).toBe(2);
    expect(summary.get('Total budget EUR')).toBe(2500);
    expect(summary.get('Total actual EUR')).toBe(800);
    expect(summary.get('Total EAC EUR')).toBe(2285.71);
    const projects = wb.getWorksheet('Projects');
    if (!projects) throw new Error('no Projects sheet');
    const header = (projects.getRow(1).values as unknown[]).slice(1);
    const col = (label: string) => header.indexOf(label) + 1;
    const row = projects.getRow(2);
    expect(row.getCell(col('Code')).value).toBe('XA');
    expect(row.getCell(col('SPI')).value).toBe(0.7);
    expect(row.getCell(col('EAC')).value).toBe(2285.71);
    expect(row.getCell(col('% complete')).value).toBe(0.35);
    expect(projects.rowCount).toBe(3);
  });

  it('writes a PDF pack with cover, summary and table pages', async () => {
    const res = await director.request('GET', `/api/v1/reports/portfolio?format=pdf&statusDate=${AT}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="portfolio-pack-${AT}.pdf"`);
    const bytes = new Uint8Array(res.rawPayload);
    expect(isPdf(bytes)).toBe(true);
    expect(pdfPageCount(bytes)).toBe(portfolioPackPageCount(2));
    expect(portfolioPackPageCount(2)).toBe(3);
  });

  it('gives the scheduled-report feature the pack as a file, as the system sees it', async () => {
    const csv = await h.services.reports.portfolioPackFile({ format: 'csv', orgUnitId: org.unitA });
    expect(csv.fileName).toMatch(/^portfolio-pack-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.bytes).trimEnd().split('\r\n');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['\uFEFFCode', 'XA']);
    const all = await h.services.reports.portfolioPackFile({ format: 'pdf', orgUnitId: null });
    expect(isPdf(all.bytes)).toBe(true);
    expect(all.contentType).toBe('application/pdf');
  });
});

describe('the portfolio pack on a schedule', () => {
  it('is a report kind schedules can save as a PDF', async () => {
    const s = await director.request('POST', '/api/v1/report-schedules', {
      name: 'Monthly pack',
      kind: 'portfolio-pack',
      format: 'pdf',
      cadence: 'monthly',
      dayOfMonth: 1,
      hour: 6,
      delivery: 'save',
    });
    expect(s.statusCode, s.body).toBe(201);
    const id = (s.json() as { id: string }).id;
    expect((await director.request('POST', `/api/v1/report-schedules/${id}/run`)).statusCode).toBe(202);
    await h.services.jobs.runUntilIdle();
    const files = (await director.request('GET', `/api/v1/report-files?scheduleId=${id}`)).json() as {
      items: { id: string; fileName: string }[];
    };
    expect(files.items.map((f) => f.fileName)).toEqual([expect.stringMatching(/^portfolio-pack-.*\.pdf$/)]);
    const file = await director.request('GET', `/api/v1/report-files/${files.items[0]?.id}`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(isPdf(new Uint8Array(file.rawPayload))).toBe(true);
    const bad = await director.request('POST', '/api/v1/report-schedules', {
      name: 'Pack as Word',
      kind: 'portfolio-pack',
      format: 'docx',
      cadence: 'monthly',
      dayOfMonth: 1,
      hour: 6,
      delivery: 'save',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('format');
  });
});

describe('status report PDF', () => {
  it('downloads one report as a PDF for those who may read the project', async () => {
    const res = await pm.request('GET', `/api/v1/status-reports/${reportId}/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="status-report-XA-2026-10.pdf"');
    const bytes = new Uint8Array(res.rawPayload);
    expect(isPdf(bytes)).toBe(true);
    expect(pdfPageCount(bytes)).toBe(1);
    expect((await outsider.request('GET', `/api/v1/status-reports/${reportId}/pdf`)).statusCode).toBe(403);
    expect(
      (await pm.request('GET', '/api/v1/status-reports/00000000-0000-4000-8000-000000000000/pdf')).statusCode,
    ).toBe(404);
  });

  it('prints reported against computed RAG per dimension with the mismatch flag, figures and the review', async () => {
    const dto = await h.services.statusReports.get(reportId);
    const input = statusReportPdfInput(dto, '2026-12-07T10:00:00.000Z');
    expect(input.rag.map((r) => r.dimension)).toEqual([
      'Overall',
      'Schedule',
      'Cost',
      'Scope',
      'Risk',
      'Resources',
    ]);
    expect(input.rag[0]).toMatchObject({ dimension: 'Overall', reported: 'green' });
    const computed = dto.computed;
    expect(computed).not.toBeNull();
    for (const row of input.rag) {
      const key = row.dimension.toLowerCase();
      expect(row.computed).toBe(key === 'overall' ? computed?.overall : computed?.dimensions[key]?.rag);
      expect(row.mismatch).toBe(dto.mismatches.some((m) => m.dimension === key));
    }
    expect(input.rag.some((r) => r.mismatch)).toBe(dto.mismatches.length > 0);
    expect(input.sections).toContainEqual({ title: 'Next steps', text: 'Start the build.' });
    expect(input.comments).toMatchObject([{ body: 'Thanks; watch the build.', decision: 'accepted' }]);
    const f = Object.fromEntries(input.figures.map((x) => [x.label, x.value]));
    // The report for October was measured on 31 Oct, before the plan started: nothing due or earned.
    expect(f['BAC (baseline cost)']).toBe('EUR 2,000');
    expect(f['Actual cost (AC)']).toBe(`EUR ${((dto.figures?.ac as number) / 100).toLocaleString('en-GB')}`);
  });
});
