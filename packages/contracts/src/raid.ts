import { z } from 'zod';
import { Audited, Id, Instant, IsoDate, LongText, Name, Version } from './common.ts';

// ---- the risk matrix the PMO configures ----

export const RiskMatrixSettings = z.object({
  version: Version,
  size: z.number().int().describe('Levels of probability and of impact (default 5)'),
  mediumFrom: z.number().int().describe('Scores from this value are medium'),
  highFrom: z.number().int().describe('Scores from this value are high'),
  probabilityLabels: z.array(z.string()),
  impactLabels: z.array(z.string()),
  updatedAt: Instant,
});
export type RiskMatrixSettings = z.infer<typeof RiskMatrixSettings>;
export const UpdateRiskMatrixBody = z.strictObject({
  version: Version,
  size: z.number().int().min(3).max(10).optional(),
  mediumFrom: z.number().int().min(2).max(100).optional(),
  highFrom: z.number().int().min(2).max(100).optional(),
  probabilityLabels: z.array(z.string().trim().min(1).max(60)).min(3).max(10).optional(),
  impactLabels: z.array(z.string().trim().min(1).max(60)).min(3).max(10).optional(),
});

// ---- risks: a project's own, or shared at a portfolio or org unit and linked to projects ----

export const RISK_STATUSES = ['open', 'monitoring', 'occurred', 'closed'] as const;
export const RISK_RESPONSES = ['avoid', 'mitigate', 'transfer', 'accept', 'escalate'] as const;
export const RISK_LEVEL_VALUES = ['low', 'medium', 'high'] as const;
const Rating = z.number().int().min(1).max(10).describe('1 … the matrix size (5 by default)');

export const MitigationAction = z.strictObject({
  id: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(500),
  ownerId: Id.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  done: z.boolean().default(false),
});
export type MitigationAction = z.infer<typeof MitigationAction>;

export const Risk = z.object({
  ...Audited,
  code: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  scope: z.enum(['project', 'portfolio', 'org_unit']).describe('Where the risk is held'),
  projectId: Id.nullable().describe('The project that owns it (scope project)'),
  projectCode: z.string().nullable(),
  projectName: z.string().nullable(),
  portfolioId: Id.nullable(),
  portfolioName: z.string().nullable(),
  orgUnitId: Id.nullable(),
  orgUnitName: z.string().nullable(),
  projectIds: z.array(Id).describe('Projects a shared risk is linked to'),
  linkedProjects: z.array(z.object({ id: Id, code: z.string(), name: z.string() })),
  category: z.string().nullable(),
  probability: z.number().int(),
  impact: z.number().int(),
  score: z.number().int().describe('probability × impact'),
  level: z.enum(RISK_LEVEL_VALUES),
  residualProbability: z.number().int().nullable(),
  residualImpact: z.number().int().nullable(),
  residualScore: z.number().int().nullable(),
  residualLevel: z.enum(RISK_LEVEL_VALUES).nullable(),
  scheduleImpactDays: z
    .number()
    .int()
    .nullable()
    .describe('Working days the finish slips if the risk occurs (Monte Carlo forecasts)'),
  costImpactMinor: z.number().int().nullable().describe('Cost if the risk occurs, minor units'),
  probabilityPercent: z
    .number()
    .int()
    .nullable()
    .describe('Chance it occurs, 0–100 %; when null, forecasts map the probability rating to a percentage'),
  expectedBy: IsoDate.nullable().describe('When it could happen'),
  proximity: z.enum(['now', 'imminent', 'near', 'far', 'unknown']),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  response: z.enum(RISK_RESPONSES).nullable(),
  mitigation: z.string().nullable(),
  actions: z.array(MitigationAction),
  trigger: z.string().nullable(),
  status: z.enum(RISK_STATUSES),
  reviewedAt: Instant.nullable().describe('When it was last reviewed'),
});
export type Risk = z.infer<typeof Risk>;
export const RiskList = z.object({ items: z.array(Risk), total: z.number().int() });
export const RiskQuery = z.strictObject({
  projectId: Id.optional().describe('A project’s own risks and the shared risks linked to it'),
  portfolioId: Id.optional(),
  orgUnitId: Id.optional(),
  status: z
    .string()
    .regex(/^[a-z]+(,[a-z]+)*$/, 'comma-separated statuses')
    .optional(),
  level: z.enum(RISK_LEVEL_VALUES).optional(),
  shared: z.enum(['true', 'false']).optional().describe('true: only risks held at a portfolio or org unit'),
  q: z.string().max(200).optional(),
});

const riskFields = {
  description: LongText.nullable().optional(),
  category: z.string().trim().max(100).nullable().optional(),
  residualProbability: Rating.nullable().optional(),
  residualImpact: Rating.nullable().optional(),
  expectedBy: IsoDate.nullable().optional(),
  ownerId: Id.nullable().optional(),
  response: z.enum(RISK_RESPONSES).nullable().optional(),
  mitigation: LongText.nullable().optional(),
  actions: z.array(MitigationAction).max(50).optional(),
  trigger: z.string().max(2000).nullable().optional(),
  scheduleImpactDays: z.number().int().min(0).max(3650).nullable().optional(),
  costImpactMinor: z.number().int().min(0).nullable().optional(),
  probabilityPercent: z.number().int().min(0).max(100).nullable().optional(),
};
export const CreateRiskBody = z
  .strictObject({
    title: Name,
    projectId: Id.optional().describe('A project risk'),
    portfolioId: Id.optional().describe('A shared risk held at a portfolio'),
    orgUnitId: Id.optional().describe('A shared risk held at an org unit'),
    projectIds: z.array(Id).max(200).optional().describe('Projects a shared risk is linked to'),
    probability: Rating,
    impact: Rating,
    status: z.enum(RISK_STATUSES).default('open'),
    ...riskFields,
  })
  .refine((v) => [v.projectId, v.portfolioId, v.orgUnitId].filter(Boolean).length === 1, {
    message: 'give exactly one of projectId, portfolioId or orgUnitId',
    path: ['projectId'],
  });
export type CreateRiskBody = z.infer<typeof CreateRiskBody>;
export const UpdateRiskBody = z.strictObject({
  version: Version,
  title: Name.optional(),
  projectIds: z.array(Id).max(200).optional(),
  probability: Rating.optional(),
  impact: Rating.optional(),
  status: z.enum(RISK_STATUSES).optional(),
  reviewed: z.literal(true).optional().describe('Marks the risk reviewed now'),
  ...riskFields,
});
export type UpdateRiskBody = z.infer<typeof UpdateRiskBody>;

export const RiskSummary = z.object({
  matrix: RiskMatrixSettings,
  heatMap: z
    .array(z.array(z.number().int()))
    .describe('Open risks per cell: heatMap[probability − 1][impact − 1]'),
  byLevel: z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int() }),
  trend: z
    .array(
      z.object({
        week: IsoDate.describe('Monday of the week'),
        low: z.number().int(),
        medium: z.number().int(),
        high: z.number().int(),
      }),
    )
    .describe('Open risks by level at the end of each of the last 12 weeks'),
});

// ---- issues, with escalation ----

export const ISSUE_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const ISSUE_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export const Issue = z.object({
  ...Audited,
  code: z.string(),
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  portfolioId: Id.nullable(),
  title: z.string(),
  description: z.string().nullable(),
  priority: z.enum(ISSUE_PRIORITIES),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  overdue: z.boolean(),
  status: z.enum(ISSUE_STATUSES),
  resolution: z.string().nullable(),
  riskId: Id.nullable().describe('The risk it came from, when a risk occurred'),
  escalated: z.boolean().describe('Raised to the portfolio'),
  escalationReason: z.string().nullable(),
  escalatedAt: Instant.nullable(),
});
export type Issue = z.infer<typeof Issue>;
export const IssueList = z.object({ items: z.array(Issue), total: z.number().int() });
export const IssueQuery = z.strictObject({
  projectId: Id.optional(),
  portfolioId: Id.optional(),
  escalated: z.enum(['true', 'false']).optional(),
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, 'comma-separated statuses')
    .optional(),
});
export const CreateIssueBody = z.strictObject({
  projectId: Id,
  title: Name,
  description: LongText.nullable().optional(),
  priority: z.enum(ISSUE_PRIORITIES).default('medium'),
  ownerId: Id.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  riskId: Id.nullable().optional(),
});
export const UpdateIssueBody = z.strictObject({
  version: Version,
  title: Name.optional(),
  description: LongText.nullable().optional(),
  priority: z.enum(ISSUE_PRIORITIES).optional(),
  ownerId: Id.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  status: z.enum(ISSUE_STATUSES).optional(),
  resolution: z.string().max(5000).nullable().optional(),
});
export const EscalateIssueBody = z.strictObject({
  version: Version,
  reason: z.string().trim().min(1).max(2000),
});

// ---- assumptions, decisions, dependencies: the rest of the RAID log ----

export const RAID_ENTRY_KINDS = ['assumption', 'decision', 'dependency'] as const;
export const RAID_ENTRY_STATUSES = ['open', 'confirmed', 'invalid', 'closed'] as const;
export const RaidEntry = z.object({
  ...Audited,
  code: z.string(),
  kind: z.enum(RAID_ENTRY_KINDS),
  projectId: Id,
  title: z.string(),
  description: z.string().nullable(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(RAID_ENTRY_STATUSES),
  dueDate: IsoDate.nullable().describe('Assumption: validate by; dependency: needed by'),
  decidedOn: IsoDate.nullable().describe('Decision: when it was taken'),
  decidedBy: z.string().nullable().describe('Decision: who took it'),
  rationale: z.string().nullable(),
  dependsOnProjectId: Id.nullable().describe('Dependency: on another project'),
  dependsOnProjectCode: z.string().nullable(),
  externalParty: z.string().nullable().describe('Dependency: on a party outside the organisation'),
});
export type RaidEntry = z.infer<typeof RaidEntry>;
export const RaidEntryList = z.object({ items: z.array(RaidEntry) });
export const RaidEntryQuery = z.strictObject({ projectId: Id, kind: z.enum(RAID_ENTRY_KINDS).optional() });
const entryFields = {
  description: LongText.nullable().optional(),
  ownerId: Id.nullable().optional(),
  status: z.enum(RAID_ENTRY_STATUSES).optional(),
  dueDate: IsoDate.nullable().optional(),
  decidedOn: IsoDate.nullable().optional(),
  decidedBy: z.string().max(200).nullable().optional(),
  rationale: LongText.nullable().optional(),
  dependsOnProjectId: Id.nullable().optional(),
  externalParty: z.string().max(200).nullable().optional(),
};
export const CreateRaidEntryBody = z.strictObject({
  projectId: Id,
  kind: z.enum(RAID_ENTRY_KINDS),
  title: Name,
  ...entryFields,
});
export const UpdateRaidEntryBody = z.strictObject({
  version: Version,
  title: Name.optional(),
  ...entryFields,
});

// ---- change control ----

export const CHANGE_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export const ChangeThresholdSettings = z.object({
  version: Version,
  projectManagerCostLimit: z
    .number()
    .describe('Cost impact the project manager may approve up to (major units)'),
  projectManagerDaysLimit: z
    .number()
    .int()
    .describe('Schedule impact in days the project manager may approve up to'),
  updatedAt: Instant,
});
export const UpdateChangeThresholdsBody = z.strictObject({
  version: Version,
  projectManagerCostLimit: z.number().min(0).max(1e12).optional(),
  projectManagerDaysLimit: z.number().int().min(0).max(3650).optional(),
});
export const ChangeRequest = z.object({
  ...Audited,
  code: z.string(),
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  scopeImpact: z.string().nullable(),
  costImpact: z
    .number()
    .describe('Change to the budget, major units of the project’s currency (+ costs more)'),
  scheduleImpactDays: z.number().int().describe('Calendar days the finish moves (+ later)'),
  benefitsImpact: z.string().nullable(),
  currency: z.string(),
  status: z.enum(CHANGE_STATUSES),
  level: z.enum(['project_manager', 'change_board']).describe('Who may decide it'),
  routing: z.string().describe('Why it is routed there'),
  requestedById: Id.nullable(),
  requestedByName: z.string().nullable(),
  decidedAt: Instant.nullable(),
  decidedByName: z.string().nullable(),
  decisionReason: z.string().nullable(),
  rebaseline: z
    .object({
      budgetBeforeMinor: z.number().nullable(),
      budgetAfterMinor: z.number().nullable(),
      finishBefore: IsoDate.nullable(),
      finishAfter: IsoDate.nullable(),
      baselineNumber: z.number().int().nullable(),
    })
    .nullable()
    .describe('What approving it changed'),
  mayDecide: z.boolean().describe('Whether the signed-in user has the authority to decide it'),
});
export type ChangeRequest = z.infer<typeof ChangeRequest>;
export const ChangeRequestList = z.object({ items: z.array(ChangeRequest), total: z.number().int() });
export const ChangeRequestQuery = z.strictObject({
  projectId: Id.optional(),
  status: z
    .string()
    .regex(/^[a-z]+(,[a-z]+)*$/, 'comma-separated statuses')
    .optional(),
  level: z.enum(['project_manager', 'change_board']).optional(),
});
export const CreateChangeRequestBody = z.strictObject({
  projectId: Id,
  title: Name,
  description: LongText.nullable().optional(),
  scopeImpact: LongText.nullable().optional(),
  costImpact: z.number().min(-1e12).max(1e12),
  scheduleImpactDays: z.number().int().min(-3650).max(3650),
  benefitsImpact: LongText.nullable().optional(),
});
export const ChangeDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(1).max(2000),
});
