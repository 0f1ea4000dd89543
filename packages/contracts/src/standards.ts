import { z } from 'zod';
import { Audited, Id, Instant, IsoDate, Name, Version } from './common.ts';

const KINDS = ['standard', 'policy', 'procedure', 'guideline'] as const;
const STATUSES = ['draft', 'published', 'superseded', 'retired'] as const;
const Body = z.string().max(100_000).describe('The text of the standard (Markdown)');

export const PmoStandard = z.object({
  ...Audited,
  key: z.string().describe('Stable across versions, e.g. STD-004'),
  standardVersion: z.number().int().describe('1 for the first edition, 2 for the next…'),
  kind: z.enum(KINDS),
  title: z.string(),
  body: z.string(),
  orgUnitId: Id,
  orgUnitName: z.string(),
  overridable: z
    .boolean()
    .describe('Whether a unit beneath may replace it with its own standard (or waive its checklist items)'),
  replacesKey: z
    .string()
    .nullable()
    .describe('The key of a standard above that this one replaces beneath its unit'),
  replacesTitle: z.string().nullable(),
  status: z.enum(STATUSES),
  publishedAt: Instant.nullable(),
  publishedByName: z.string().nullable(),
  effectiveFrom: IsoDate.nullable(),
  checklistCount: z.number().int().describe('Manual compliance items tied to this standard'),
});
export type PmoStandard = z.infer<typeof PmoStandard>;

export const StandardInForce = PmoStandard.extend({
  inherited: z.boolean().describe('Defined at a unit above the one asked about'),
});

export const StandardsAtUnit = z.object({
  orgUnitId: Id,
  orgUnitName: z.string(),
  inForce: z.array(StandardInForce).describe('The newest published version of every standard in force there'),
  replaced: z
    .array(
      z.object({
        key: z.string(),
        title: z.string(),
        orgUnitName: z.string(),
        byKey: z.string(),
        byTitle: z.string(),
        byOrgUnitName: z.string(),
      }),
    )
    .describe('Standards of units above that a unit on the way down replaced'),
  drafts: z.array(PmoStandard).describe('Drafts defined at this very unit'),
});

export const StandardsQuery = z.strictObject({
  orgUnitId: Id.optional().describe('The unit asked about (the enterprise PMO when absent)'),
  projectId: Id.optional().describe('Or: the standards in force for a project'),
});

export const StandardDetail = PmoStandard.extend({
  versions: z.array(
    z.object({
      id: Id,
      standardVersion: z.number().int(),
      status: z.enum(STATUSES),
      title: z.string(),
      publishedAt: Instant.nullable(),
      publishedByName: z.string().nullable(),
    }),
  ),
});

export const CreateStandardBody = z.strictObject({
  orgUnitId: Id.optional().describe('Where it is defined (the enterprise PMO when absent)'),
  kind: z.enum(KINDS),
  title: Name,
  body: Body,
  overridable: z.boolean().optional(),
  replacesKey: z.string().max(32).nullable().optional(),
  effectiveFrom: IsoDate.nullable().optional(),
});

export const UpdateStandardBody = z.strictObject({
  version: Version,
  kind: z.enum(KINDS).optional(),
  title: Name.optional(),
  body: Body.optional(),
  overridable: z.boolean().optional(),
  replacesKey: z.string().max(32).nullable().optional(),
  effectiveFrom: IsoDate.nullable().optional(),
});

export const StandardActionBody = z.strictObject({ version: Version });

export const ComplianceItem = z.object({
  ...Audited,
  text: z.string(),
  orgUnitId: Id,
  orgUnitName: z.string(),
  standardKey: z.string().nullable(),
  standardTitle: z.string().nullable(),
  overridable: z.boolean().describe('Whether a unit beneath may waive it'),
  retiredAt: Instant.nullable(),
  inherited: z.boolean().describe('Defined at a unit above the one asked about'),
  waiver: z
    .object({ orgUnitId: Id, orgUnitName: z.string(), reason: z.string(), createdAt: Instant })
    .nullable()
    .describe('Waived for the unit asked about (by it or a unit between)'),
});
export type ComplianceItem = z.infer<typeof ComplianceItem>;

export const ComplianceItemList = z.object({
  orgUnitId: Id,
  orgUnitName: z.string(),
  items: z.array(ComplianceItem),
});
export const ComplianceItemsQuery = z.strictObject({
  orgUnitId: Id.optional().describe('The unit asked about (the enterprise PMO when absent)'),
  includeRetired: z.enum(['true', 'false']).optional(),
});

export const CreateComplianceItemBody = z.strictObject({
  orgUnitId: Id.optional().describe('Where it is defined (the enterprise PMO when absent)'),
  text: z.string().trim().min(1).max(500),
  standardKey: z.string().max(32).nullable().optional(),
  overridable: z.boolean().optional(),
});
export const UpdateComplianceItemBody = z.strictObject({
  version: Version,
  text: z.string().trim().min(1).max(500).optional(),
  standardKey: z.string().max(32).nullable().optional(),
  overridable: z.boolean().optional(),
  retired: z.boolean().optional().describe('A retired item no longer applies to any project'),
});

export const WaiverBody = z.strictObject({
  itemId: Id,
  reason: z.string().trim().min(1).max(2_000),
});
export const WaiverParams = z.strictObject({ id: Id, itemId: Id });

export const ComplianceCheck = z.object({
  itemId: Id,
  text: z.string(),
  orgUnitName: z.string(),
  standardKey: z.string().nullable(),
  standardTitle: z.string().nullable(),
  met: z.boolean().nullable().describe('null: not yet attested'),
  note: z.string().nullable(),
  checkedAt: Instant.nullable(),
  checkedByName: z.string().nullable(),
});
export const ProjectComplianceChecks = z.object({
  projectId: Id,
  items: z.array(ComplianceCheck),
  met: z.number().int(),
  total: z.number().int(),
});
export const CheckParams = z.strictObject({ id: Id, itemId: Id });
export const PutCheckBody = z.strictObject({
  met: z.boolean(),
  note: z.string().max(2_000).nullable().optional(),
});
