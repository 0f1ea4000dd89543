import { z } from 'zod';
import { Audited, Id, Instant, IsoDate, LongText, Version } from './common.ts';

export const Rag = z.enum(['green', 'amber', 'red']);
const STATUSES = ['draft', 'submitted', 'returned', 'reviewed'] as const;
export const Period = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM')
  .describe('Reporting period: a calendar month, YYYY-MM');

export const ReportedRag = z
  .strictObject({
    overall: Rag.optional(),
    schedule: Rag.optional(),
    cost: Rag.optional(),
    scope: Rag.optional(),
    risk: Rag.optional(),
    resources: Rag.optional(),
  })
  .describe('The RAG the project manager reports, overall and per dimension');

const FiredRule = z.object({
  rule: z.string(),
  title: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  threshold: z.union([z.number(), z.string(), z.null()]),
  rag: Rag,
  explanation: z.string(),
});
export const ComputedHealth = z
  .object({
    overall: Rag,
    dimensions: z.record(z.string(), z.object({ rag: Rag, fired: z.array(FiredRule) })),
  })
  .describe('Baton’s computed health: per dimension, with the rules that fired and their values');

export const StatusReport = z.object({
  ...Audited,
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  period: Period,
  dueDate: IsoDate,
  overdue: z.boolean(),
  status: z.enum(STATUSES),
  summary: z.string().nullable(),
  accomplishments: z.string().nullable(),
  nextSteps: z.string().nullable(),
  decisionsNeeded: z.string().nullable(),
  reported: ReportedRag,
  computed: ComputedHealth.nullable().describe('Live while a draft; frozen when submitted'),
  figures: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('The figures Baton pre-filled (EVM, milestones, risks…)'),
  mismatches: z
    .array(z.object({ dimension: z.string(), reported: Rag, computed: Rag }))
    .describe('Where the report is better than the figures: reported green, computed amber or red'),
  submittedAt: Instant.nullable(),
  submittedByName: z.string().nullable(),
  reviewedAt: Instant.nullable(),
  reviewedByName: z.string().nullable(),
  moves: z.array(z.enum(STATUSES)),
  commentCount: z.number().int(),
});
export type StatusReport = z.infer<typeof StatusReport>;

export const StatusReportComment = z.object({
  id: Id,
  authorName: z.string().nullable(),
  body: z.string(),
  decision: z.enum(['accepted', 'returned']).nullable(),
  createdAt: Instant,
});
export const StatusReportDetail = StatusReport.extend({ comments: z.array(StatusReportComment) });
export const StatusReportList = z.object({ items: z.array(StatusReport), total: z.number().int() });
export const StatusReportQuery = z.strictObject({
  projectId: Id.optional(),
  period: Period.optional(),
  status: z.string().optional().describe('Comma-separated statuses'),
  mismatch: z.enum(['true', 'false']).optional().describe('Only those reported better than computed'),
});

export const CreateStatusReportBody = z.strictObject({
  projectId: Id,
  period: Period,
});
export const UpdateStatusReportBody = z.strictObject({
  version: Version,
  summary: LongText.nullable().optional(),
  accomplishments: LongText.nullable().optional(),
  nextSteps: LongText.nullable().optional(),
  decisionsNeeded: LongText.nullable().optional(),
  reported: ReportedRag.optional(),
});
export const SubmitStatusReportBody = z.strictObject({ version: Version });
export const ReviewStatusReportBody = z.strictObject({
  version: Version,
  decision: z.enum(['accept', 'return']),
  comment: z.string().trim().max(10_000).optional().describe('Needed when returning the report'),
});
export const StatusReportCommentBody = z.strictObject({ body: z.string().trim().min(1).max(10_000) });

export const ReportingOverviewQuery = z.strictObject({
  period: Period.optional().describe('The period asked about (the newest one already due when absent)'),
  orgUnitId: Id.optional(),
});
export const ReportingOverview = z.object({
  period: Period,
  dueDate: IsoDate,
  rows: z.array(
    z.object({
      projectId: Id,
      code: z.string(),
      name: z.string(),
      managerName: z.string().nullable(),
      reportId: Id.nullable(),
      status: z.enum([...STATUSES, 'missing']),
      overdue: z.boolean(),
      reportedOverall: Rag.nullable(),
      computedOverall: Rag.nullable(),
      mismatch: z.boolean(),
    }),
  ),
  counts: z.object({
    expected: z.number().int(),
    submitted: z.number().int().describe('Submitted or reviewed'),
    overdue: z.number().int(),
    mismatched: z.number().int(),
  }),
});

export const EvmQuery = z.strictObject({
  statusDate: IsoDate.optional().describe('The date measured at (today when absent)'),
  eacMethod: z
    .enum(['cpi', 'cpi-spi', 'atypical'])
    .optional()
    .describe('How EAC is forecast (BAC / CPI by default)'),
});
const Money = z.number().int().describe('Minor units (cents) of the project currency');
export const ProjectEvm = z.object({
  statusDate: IsoDate,
  currency: z.string(),
  bac: Money.describe('Budget at completion: the baseline cost'),
  pv: Money.describe('Planned value at the status date'),
  ev: Money.describe('Earned value: baseline cost × physical % complete'),
  ac: Money.describe('Actual cost to date'),
  sv: Money,
  cv: Money,
  spi: z.number().nullable(),
  cpi: z.number().nullable(),
  eac: Money,
  eacMethod: z.string().describe('The formula EAC was forecast with'),
  etc: Money,
  vac: Money,
  tcpi: z.number().nullable(),
});
export const HealthQuery = z.strictObject({ asOf: IsoDate.optional() });
export const ProjectHealth = z.object({
  asOf: IsoDate,
  health: ComputedHealth,
  facts: z.record(z.string(), z.number().nullable()).describe('The values the rules read'),
  notApplicable: z
    .array(z.string())
    .describe(
      'Facts that do not apply to the project (their rules never fire), e.g. status reporting before it executes',
    ),
  evm: ProjectEvm,
});
