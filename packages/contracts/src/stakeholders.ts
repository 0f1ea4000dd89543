import { ENGAGEMENT_LEVELS, STAKEHOLDER_ATTITUDES, STAKEHOLDER_QUADRANTS } from '@baton/core';
import { z } from 'zod';
import { Audited, Id, LongText, Name, Version } from './common.ts';

// ---- the stakeholder register: one per organisation, each stakeholder on any number of projects ----

const Rating = z.number().int().min(1).max(5);
const ShortText = z.string().trim().min(1).max(200);
const StakeholderEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());
const Phone = z.string().trim().min(1).max(40);
const Quadrant = z
  .enum(STAKEHOLDER_QUADRANTS)
  .describe(
    'Power/interest grid, high = 4 or 5: manage_closely (influence and interest high), keep_satisfied (influence high), keep_informed (interest high), monitor',
  );

export const StakeholderProjectRef = z.object({ id: Id, code: z.string(), name: z.string() });

export const Stakeholder = z.object({
  ...Audited,
  name: z.string(),
  role: z.string().nullable(),
  organisation: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  influence: Rating,
  interest: Rating,
  quadrant: Quadrant,
  attitude: z.enum(STAKEHOLDER_ATTITUDES),
  engagementCurrent: z.enum(ENGAGEMENT_LEVELS),
  engagementDesired: z.enum(ENGAGEMENT_LEVELS),
  engagementGap: z
    .number()
    .int()
    .describe('Steps from current to desired engagement: > 0 to be raised, < 0 more engaged than needed'),
  ownerId: Id.nullable().describe('The user who owns the relationship'),
  ownerName: z.string().nullable(),
  orgUnitId: Id.describe('Where the stakeholder is registered (the enterprise PMO unless told otherwise)'),
  orgUnitName: z.string(),
  notes: z.string().nullable(),
  projectIds: z.array(Id).describe('The projects the stakeholder is on, among those the caller may see'),
  projectCount: z.number().int().describe('How many of those projects touch the stakeholder'),
  projects: z.array(StakeholderProjectRef),
});
export type Stakeholder = z.infer<typeof Stakeholder>;
export const StakeholderList = z.object({ items: z.array(Stakeholder) });

export const StakeholderQuery = z.strictObject({
  projectId: Id.optional().describe('Only the stakeholders of this project'),
  quadrant: z.enum(STAKEHOLDER_QUADRANTS).optional(),
  attitude: z.enum(STAKEHOLDER_ATTITUDES).optional(),
  q: z.string().trim().max(200).optional().describe('Part of the name or the organisation'),
});

const ProjectIds = z.array(Id).max(500).describe('The projects the stakeholder is on (the whole set)');

export const CreateStakeholderBody = z.strictObject({
  name: Name,
  influence: Rating.describe('1 (none) to 5 (decisive)'),
  interest: Rating.describe('1 (none) to 5 (vital)'),
  role: ShortText.nullable().optional(),
  organisation: ShortText.nullable().optional(),
  email: StakeholderEmail.nullable().optional(),
  phone: Phone.nullable().optional(),
  attitude: z.enum(STAKEHOLDER_ATTITUDES).optional().describe('Default neutral'),
  engagementCurrent: z.enum(ENGAGEMENT_LEVELS).optional().describe('Default neutral'),
  engagementDesired: z.enum(ENGAGEMENT_LEVELS).optional().describe('Default supportive'),
  ownerId: Id.nullable().optional(),
  orgUnitId: Id.optional().describe('Default: the enterprise PMO (the root unit)'),
  notes: LongText.nullable().optional(),
  projectIds: ProjectIds.optional(),
});

export const UpdateStakeholderBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  influence: Rating.optional(),
  interest: Rating.optional(),
  role: ShortText.nullable().optional(),
  organisation: ShortText.nullable().optional(),
  email: StakeholderEmail.nullable().optional(),
  phone: Phone.nullable().optional(),
  attitude: z.enum(STAKEHOLDER_ATTITUDES).optional(),
  engagementCurrent: z.enum(ENGAGEMENT_LEVELS).optional(),
  engagementDesired: z.enum(ENGAGEMENT_LEVELS).optional(),
  ownerId: Id.nullable().optional(),
  orgUnitId: Id.optional(),
  notes: LongText.nullable().optional(),
  projectIds: ProjectIds.optional().describe('Replaces the links wholesale'),
});

export const DeleteStakeholderQuery = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('When given, the delete fails with 409 if the stakeholder changed since'),
});
