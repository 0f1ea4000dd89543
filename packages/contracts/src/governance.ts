import { z } from 'zod';
import { Audited, Id, Instant, LongText, Name, Version } from './common.ts';

const Key = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _, starting with a letter');

export const GateCriterion = z.strictObject({
  key: Key,
  text: z.string().trim().min(1).max(500),
  required: z.boolean().default(true),
});
export const GateDeliverable = z.strictObject({
  key: Key,
  name: z.string().trim().min(1).max(200),
  required: z.boolean().default(true),
});
export const PhaseDefinition = z.strictObject({
  key: Key,
  name: z.string().trim().min(1).max(200),
  gate: z.strictObject({
    name: z.string().trim().min(1).max(200),
    criteria: z.array(GateCriterion).max(40).default([]),
    deliverables: z.array(GateDeliverable).max(40).default([]),
  }),
});

export const LifecycleTemplate = z.object({
  ...Audited,
  key: z.string().describe('Stable across versions'),
  templateVersion: z.number().int().describe('1, 2, … — a new version is a new row'),
  latest: z.boolean().describe('Whether this is the newest version of the template'),
  name: z.string(),
  approach: z.enum(['predictive', 'agile', 'hybrid']),
  description: z.string().nullable(),
  orgUnitId: Id.nullable().describe(
    'Where it is defined; it applies to everything beneath (null: the whole organisation)',
  ),
  orgUnitName: z.string().nullable(),
  phases: z.array(PhaseDefinition),
  projectCount: z.number().int().describe('Projects following this version'),
});
export type LifecycleTemplate = z.infer<typeof LifecycleTemplate>;
export const LifecycleTemplateList = z.object({ items: z.array(LifecycleTemplate) });
export const TemplateQuery = z.strictObject({
  projectId: Id.optional().describe('Only the latest versions that apply to this project’s org unit'),
  all: z.enum(['true', 'false']).optional().describe('true: every version, not only the latest'),
});
export const CreateTemplateBody = z.strictObject({
  key: Key,
  name: Name,
  approach: z.enum(['predictive', 'agile', 'hybrid']),
  description: LongText.nullable().optional(),
  orgUnitId: Id.nullable().optional(),
  phases: z.array(PhaseDefinition).min(1).max(20),
});
export const NewTemplateVersionBody = z.strictObject({
  name: Name.optional(),
  description: LongText.nullable().optional(),
  phases: z.array(PhaseDefinition).min(1).max(20),
});

const GateState = z.object({
  status: z.enum(['open', 'submitted', 'hold', 'passed', 'killed']),
  criteria: z.record(z.string(), z.object({ met: z.boolean(), note: z.string().optional() })),
  deliverables: z.record(
    z.string(),
    z.object({
      accepted: z.boolean(),
      acceptedBy: z.string().nullable().optional(),
      acceptedAt: z.string().optional(),
    }),
  ),
});
export const GateFinding = z.object({
  item: z
    .string()
    .describe('kind:key — the handle a waiver names (criterion:charter, compliance:status-report…)'),
  kind: z.enum(['criterion', 'deliverable', 'policy', 'compliance']),
  title: z.string(),
  detail: z.string(),
});
export const PmoModelName = z.enum(['supportive', 'controlling', 'directive']);
export const GateEnforcement = z.object({
  model: PmoModelName,
  outcome: z
    .enum(['pass', 'warn', 'block'])
    .describe('pass: nothing unmet; warn: unmet but allowed (supportive); block: unmet and enforced'),
  warnings: z.array(GateFinding),
  blocking: z.array(GateFinding),
  waived: z.array(GateFinding),
});
export const OperatingModel = z.object({
  projectId: Id.optional(),
  model: PmoModelName,
  label: z.string(),
  rules: z.string().describe('The rules people work under, in a sentence'),
  definedAt: Id.nullable().describe('The org unit whose setting is in force (null: the default)'),
  definedAtName: z.string().nullable(),
});
export const GateWaiver = z.object({
  id: Id,
  projectId: Id,
  phaseKey: z.string(),
  item: z.string(),
  reason: z.string(),
  waivedByName: z.string().nullable(),
  createdAt: Instant,
});
export const GateWaiverList = z.object({ items: z.array(GateWaiver) });
export const CreateGateWaiverBody = z.strictObject({
  item: z
    .string()
    .regex(
      /^(criterion|deliverable|policy|compliance):[A-Za-z0-9:_-]{1,80}$/,
      'kind:key, e.g. compliance:status-report',
    ),
  reason: z.string().trim().min(1).max(2000),
});
export const GateEvidence = z.object({
  criteriaMet: z.number().int(),
  criteriaTotal: z.number().int(),
  missingCriteria: z.array(z.string()),
  deliverablesAccepted: z.number().int(),
  deliverablesTotal: z.number().int(),
  missingDeliverables: z.array(z.string()),
  projectStatus: z.string(),
  openHighRisks: z.array(z.object({ id: Id, code: z.string(), title: z.string(), score: z.number().int() })),
  openIssues: z.number().int(),
  documents: z
    .array(
      z.object({
        deliverableKey: z.string(),
        name: z.string(),
        required: z.boolean(),
        documentCount: z.number().int(),
      }),
    )
    .default([])
    .describe('Documents present for each of the gate’s deliverables'),
  enforcement: GateEnforcement.optional().describe(
    'The operating model at submission: what was unmet and warned, or waived by the PMO',
  ),
});
export const GateReview = z.object({
  id: Id,
  projectId: Id,
  phaseKey: z.string(),
  phaseName: z.string(),
  submittedAt: Instant,
  submittedByName: z.string().nullable(),
  evidence: GateEvidence,
  decision: z.enum(['go', 'hold', 'recycle', 'kill']).nullable(),
  rationale: z.string().nullable(),
  decidedAt: Instant.nullable(),
  decidedByName: z.string().nullable(),
});
export type GateReview = z.infer<typeof GateReview>;
export const ProjectLifecycle = z.object({
  projectId: Id,
  version: Version,
  template: LifecycleTemplate,
  phases: z.array(
    PhaseDefinition.extend({
      status: z.enum(['pending', 'active', 'done']),
      gateState: GateState,
      readiness: z.object({
        ready: z.boolean(),
        missingCriteria: z.array(z.string()),
        missingDeliverables: z.array(z.string()),
      }),
    }),
  ),
  currentPhaseKey: z.string().nullable(),
  operatingModel: OperatingModel,
  enforcement: GateEnforcement.nullable().describe(
    'The gate in progress under the operating model: what warns, blocks, or was waived (null when no phase is active)',
  ),
  waivers: z.array(GateWaiver).describe('The PMO’s waivers on this project’s gates'),
  newerVersion: z
    .number()
    .int()
    .nullable()
    .describe('A newer version of the template exists; migrate on purpose'),
  reviews: z.array(GateReview).describe('Gate reviews, newest first'),
});
export type ProjectLifecycle = z.infer<typeof ProjectLifecycle>;
export const ApplyTemplateBody = z.strictObject({ templateId: Id });
export const MigrateLifecycleBody = z.strictObject({ version: Version, templateId: Id });
export const GateChecklistBody = z.strictObject({
  version: Version,
  criteria: z
    .record(z.string(), z.object({ met: z.boolean(), note: z.string().max(2000).optional() }))
    .optional(),
  deliverables: z.record(z.string(), z.object({ accepted: z.boolean() })).optional(),
});
export const SubmitGateBody = z.strictObject({ version: Version });
export const GateDecisionBody = z.strictObject({
  version: Version,
  decision: z.enum(['go', 'hold', 'recycle', 'kill']),
  rationale: z.string().trim().min(1).max(5000),
});
export const GateQueue = z.object({
  items: z.array(GateReview.extend({ projectCode: z.string(), projectName: z.string() })),
});

export const ComplianceQuery = z.strictObject({ orgUnitId: Id.optional() });
export const ComplianceReport = z.object({
  asOf: z.string(),
  rules: z.array(z.object({ key: z.string(), title: z.string() })),
  projects: z.array(
    z.object({
      projectId: Id,
      code: z.string(),
      name: z.string(),
      status: z.string(),
      orgUnitId: Id,
      orgUnitName: z.string(),
      score: z.number().int().nullable().describe('Per cent of the applicable rules met'),
      target: z.number().int().describe('The minimum score the PMO policy in force expects'),
      belowTarget: z.boolean(),
      results: z.array(
        z.object({ rule: z.string(), applicable: z.boolean(), passed: z.boolean(), detail: z.string() }),
      ),
    }),
  ),
  units: z.array(
    z.object({
      orgUnitId: Id,
      name: z.string(),
      score: z.number().int().nullable().describe('Mean score of its projects (and its sub-units’)'),
      projectCount: z.number().int(),
    }),
  ),
});
export type ComplianceReport = z.infer<typeof ComplianceReport>;
export const ProjectCompliance = z.object({
  asOf: z.string(),
  rules: ComplianceReport.shape.rules,
  project: ComplianceReport.shape.projects.element
    .nullable()
    .describe('null when no rule applies to the project yet (e.g. a proposal)'),
});

const PolicySettingValue = z.strictObject({
  value: z.union([z.number().int(), z.boolean()]),
  overridable: z.boolean().describe('Whether units beneath may relax it (they may always tighten it)'),
});
export const PolicyUpdateBody = z.strictObject({
  version: z.number().int().min(0).describe('0 for a unit without a policy yet'),
  settings: z
    .strictObject({
      riskReviewDays: PolicySettingValue.optional(),
      minimumComplianceScore: PolicySettingValue.optional(),
      statusReportDueDays: PolicySettingValue.optional(),
      blockGoWithOpenHighRisks: PolicySettingValue.optional(),
      requireGateDocuments: PolicySettingValue.optional(),
    })
    .describe('The unit’s own settings; one left out is inherited from above'),
});
export const UnitPolicy = z.object({
  orgUnitId: Id,
  orgUnitName: z.string(),
  version: z.number().int(),
  settings: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      kind: z.enum(['number', 'flag']),
      direction: z.enum(['lower-is-stricter', 'higher-is-stricter', 'true-is-stricter']),
      min: z.number().optional(),
      max: z.number().optional(),
      unit: z.string().optional(),
      defaultValue: z.union([z.number(), z.boolean()]),
      own: z.object({ value: z.union([z.number(), z.boolean()]), overridable: z.boolean() }).nullable(),
      effective: z.union([z.number(), z.boolean()]).describe('In force at this unit'),
      definedAt: Id.nullable().describe('The unit whose setting is in force (null: Baton’s default)'),
      definedAtName: z.string().nullable(),
      limitFromAbove: z
        .union([z.number(), z.boolean()])
        .nullable()
        .describe('The loosest value this unit may set, fixed by a unit above (null: free)'),
      limitFromAboveName: z.string().nullable(),
      overruled: z.string().nullable().describe('Why this unit’s own setting is not in force'),
    }),
  ),
});
export const ProjectPolicy = z.object({
  riskReviewDays: z.number().int(),
  minimumComplianceScore: z.number().int(),
  statusReportDueDays: z.number().int(),
  blockGoWithOpenHighRisks: z.boolean(),
  requireGateDocuments: z.boolean(),
});
