import { z } from 'zod';
import { Audited, Code, Id, LongText, Name, Version } from './common.ts';

export const ORG_UNIT_KINDS = ['enterprise_pmo', 'business_unit_pmo', 'department'] as const;
export const PMO_MODEL_VALUES = ['supportive', 'controlling', 'directive'] as const;
export const PmoModelValue = z
  .enum(PMO_MODEL_VALUES)
  .describe(
    'supportive: standards are guidance (unmet gate items warn and are recorded); controlling: they block until met or waived by the PMO; directive: the PMO also owns phase transitions and gate decisions',
  );

export const OrgUnit = z.object({
  ...Audited,
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORG_UNIT_KINDS),
  parentId: Id.nullable(),
  description: z.string().nullable(),
  projectCount: z.number().int().describe('Projects in this unit and every unit beneath it'),
  pmoModel: PmoModelValue.nullable().describe('The operating model this unit sets; null inherits from above'),
  effectivePmoModel: PmoModelValue.describe('The operating model in force here'),
  pmoModelDefinedAt: Id.nullable().describe('The unit whose setting is in force (null: the default)'),
});
export type OrgUnit = z.infer<typeof OrgUnit>;
export const OrgUnitList = z.object({ items: z.array(OrgUnit) });

export const CreateOrgUnitBody = z.strictObject({
  code: Code,
  name: Name,
  kind: z.enum(ORG_UNIT_KINDS).default('department'),
  parentId: Id.nullable().default(null),
  description: LongText.nullable().default(null),
  pmoModel: PmoModelValue.nullable().default(null),
});
export const UpdateOrgUnitBody = z.strictObject({
  version: Version.optional().describe(
    'The version you changed; when given, a newer stored version refuses the change (409). Without it the change applies to whatever is stored.',
  ),
  code: Code.optional(),
  name: Name.optional(),
  kind: z.enum(ORG_UNIT_KINDS).optional(),
  parentId: Id.nullable().optional(),
  description: LongText.nullable().optional(),
  pmoModel: PmoModelValue.nullable()
    .optional()
    .describe('Set the operating model here (null: inherit from the unit above); journalled'),
});

export const Portfolio = z.object({
  ...Audited,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  orgUnitId: Id,
  ownerId: Id.nullable(),
  projectCount: z.number().int(),
});
export type Portfolio = z.infer<typeof Portfolio>;
export const PortfolioList = z.object({ items: z.array(Portfolio) });
export const CreatePortfolioBody = z.strictObject({
  code: Code,
  name: Name,
  description: LongText.nullable().default(null),
  orgUnitId: Id.optional().describe('Defaults to the enterprise PMO'),
  ownerId: Id.nullable().default(null),
});
export const UpdatePortfolioBody = z.strictObject({
  version: Version,
  code: Code.optional(),
  name: Name.optional(),
  description: LongText.nullable().optional(),
  orgUnitId: Id.optional(),
  ownerId: Id.nullable().optional(),
});

export const Program = z.object({
  ...Audited,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  portfolioId: Id,
  managerId: Id.nullable(),
  projectCount: z.number().int(),
});
export type Program = z.infer<typeof Program>;
export const ProgramList = z.object({ items: z.array(Program) });
export const ProgramListQuery = z.strictObject({ portfolioId: Id.optional() });
export const CreateProgramBody = z.strictObject({
  code: Code,
  name: Name,
  description: LongText.nullable().default(null),
  portfolioId: Id,
  managerId: Id.nullable().default(null),
});
export const UpdateProgramBody = z.strictObject({
  version: Version,
  code: Code.optional(),
  name: Name.optional(),
  description: LongText.nullable().optional(),
  portfolioId: Id.optional(),
  managerId: Id.nullable().optional(),
});
