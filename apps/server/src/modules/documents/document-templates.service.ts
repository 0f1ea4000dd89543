import { DOCUMENT_TEMPLATE_KEYS, type DocumentTemplate } from '@baton/contracts';
import { DOCUMENT_KIND_INFO } from '@baton/interop';
import {
  buildLessonsLearnedXlsx,
  buildRiskLogXlsx,
  type RiskScale,
} from './templates/spreadsheet-templates.ts';
import {
  buildBusinessCaseDocx,
  buildCharterDocx,
  buildStatusReportDocx,
} from './templates/word-templates.ts';

type TemplateKey = (typeof DOCUMENT_TEMPLATE_KEYS)[number];
type Entry = Omit<DocumentTemplate, 'key' | 'downloadUrl'> & {
  build: (scale: () => Promise<RiskScale>) => Promise<Buffer>;
};

const DOCX = DOCUMENT_KIND_INFO.docx.mediaType;
const XLSX = DOCUMENT_KIND_INFO.xlsx.mediaType;

const CATALOGUE: Readonly<Record<TemplateKey, Entry>> = {
  charter: {
    name: 'Project charter',
    description:
      'Purpose, objectives, scope, deliverables, milestones, budget, stakeholders, governance and sign-off.',
    fileName: 'project-charter.docx',
    mediaType: DOCX,
    category: 'charter',
    build: () => buildCharterDocx(),
  },
  'business-case': {
    name: 'Business case',
    description:
      'Strategic fit, options with do-nothing, costs by year, benefits with owners, NPV, IRR and payback.',
    fileName: 'business-case.docx',
    mediaType: DOCX,
    category: 'business_case',
    build: () => buildBusinessCaseDocx(),
  },
  'status-report': {
    name: 'Status report',
    description: 'RAG by dimension, progress, milestones, budget, top risks and issues, decisions needed.',
    fileName: 'status-report.docx',
    mediaType: DOCX,
    category: 'status_report',
    build: () => buildStatusReportDocx(),
  },
  'risk-log': {
    name: 'Risk log',
    description:
      'The fields of a Baton risk: probability, impact, score, level, owner, response, trigger, status…',
    fileName: 'risk-log.xlsx',
    mediaType: XLSX,
    category: 'risk_log',
    build: async (scale) => buildRiskLogXlsx(await scale()),
  },
  'lessons-learned': {
    name: 'Lessons learned',
    description: 'What happened, impact, root cause and recommendation, by phase and category.',
    fileName: 'lessons-learned.xlsx',
    mediaType: XLSX,
    category: 'lessons_learned',
    build: () => buildLessonsLearnedXlsx(),
  },
};

/** The PMO's standard templates, generated on request (the risk log from the organisation's risk matrix). */
export class DocumentTemplatesService {
  constructor(private readonly riskScale: () => Promise<RiskScale>) {}

  list(): { items: DocumentTemplate[] } {
    return {
      items: DOCUMENT_TEMPLATE_KEYS.map((key) => {
        const { build: _build, ...entry } = CATALOGUE[key];
        return { key, ...entry, downloadUrl: `/api/v1/document-templates/${key}` };
      }),
    };
  }

  async file(key: TemplateKey): Promise<{ bytes: Buffer; fileName: string; mediaType: string }> {
    const entry = CATALOGUE[key];
    return { bytes: await entry.build(this.riskScale), fileName: entry.fileName, mediaType: entry.mediaType };
  }
}
