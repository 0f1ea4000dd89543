import { type Actor, SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';

/** A small, valid one-page PDF (Helvetica text lines), built byte by byte with a correct xref table. */
export function minimalPdf(title: string, lines: readonly string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '-');
  const text = [
    'BT /F1 18 Tf 72 760 Td',
    `(${esc(title)}) Tj`,
    '/F1 11 Tf 0 -28 Td 15 TL',
    ...lines.map((l) => `(${esc(l)}) '`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    `<< /Title (${esc(title)}) /Producer (Baton) >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const GATE_GUIDE = `# Preparing a gate review

Every project that follows the enterprise PMO's stage-gate lifecycle passes four gates. At each gate
the sponsor decides **go**, **hold**, **recycle** or **kill** on the evidence in Baton.

## Before you submit

1. Tick the gate's criteria on the project's Lifecycle tab.
2. Upload each deliverable on the Documents tab and link it to its gate deliverable.
3. Review the risk register: no open risk should be older than 30 days since its last review.

## The evidence the PMO looks at

- The charter and business case (Gate 1), the baselined plan (Gate 2), the signed acceptance
  report (Gate 3) and the closure report (Gate 4).
- Open high risks and open issues, as Baton lists them on the gate review.

Templates for the charter, business case, status report, risk log and lessons learned are on the
Clearinghouse page.
`;

/**
 * Documents for the demo: the first stage-gate project's charter (two versions) and business case,
 * linked to its Gate 1 deliverables, a status report, and a guide in the PMO library.
 */
export async function loadDemoDocuments(
  s: Services,
  ids: { projectIds: readonly string[]; managerId: string; directorId: string },
): Promise<void> {
  const pm: Actor = { ...SYSTEM_ACTOR, userId: ids.managerId };
  const director: Actor = { ...SYSTEM_ACTOR, userId: ids.directorId };
  const stageGate: string[] = [];
  for (const id of ids.projectIds) {
    const lifecycle = await s.governance.lifecycle(id).catch(() => null);
    if (lifecycle?.template.key === 'stage-gate') stageGate.push(id);
    if (stageGate.length === 2) break;
  }
  const [first, second] = stageGate;
  if (first) {
    const project = await s.projects.get(first);
    const lines = (approval: string) => [
      `Project: ${project.code} ${project.name}.`,
      `Purpose: ${project.description ?? 'see the business case.'}`,
      'Objectives: deliver the agreed scope within budget, with no unplanned outage.',
      'Milestones: Gate 1 charter, Gate 2 baseline, Gate 3 acceptance, Gate 4 closure.',
      approval,
    ];
    const charter = await s.documents.uploadProject(
      pm,
      first,
      {
        fileName: 'project-charter-draft.pdf',
        title: 'Project charter',
        category: 'charter',
        phaseKey: 'initiate',
        deliverableKey: 'charter-doc',
        note: 'Draft for the sponsor’s review',
      },
      minimalPdf('Project charter (draft)', lines('For review by the sponsor.')),
    );
    await s.documents.addVersion(
      pm,
      charter.id,
      { fileName: 'project-charter-signed.pdf', note: 'Signed by the sponsor at Gate 1' },
      minimalPdf('Project charter', lines('Approved by the sponsor, the project manager and the PMO.')),
    );
    const businessCase = await s.documentTemplates.file('business-case');
    await s.documents.uploadProject(
      pm,
      first,
      {
        fileName: 'business-case.docx',
        title: 'Business case',
        category: 'business_case',
        phaseKey: 'initiate',
        deliverableKey: 'business-case',
      },
      businessCase.bytes,
    );
    const status = await s.documentTemplates.file('status-report');
    await s.documents.uploadProject(
      pm,
      first,
      { fileName: 'status-report-week-1.docx', title: 'Status report, week 1', category: 'status_report' },
      status.bytes,
    );
  }
  if (second) {
    await s.documents.uploadProject(
      pm,
      second,
      {
        fileName: 'charter.pdf',
        title: 'Project charter',
        category: 'charter',
        phaseKey: 'initiate',
        deliverableKey: 'charter-doc',
      },
      minimalPdf('Project charter', ['Submitted with the Gate 1 review.']),
    );
  }
  await s.documents.uploadLibrary(
    director,
    {
      fileName: 'gate-review-guide.md',
      title: 'Preparing a gate review',
      category: 'guide',
      description: 'What the PMO looks for at each gate of the stage-gate lifecycle.',
    },
    Buffer.from(GATE_GUIDE, 'utf8'),
  );
}
