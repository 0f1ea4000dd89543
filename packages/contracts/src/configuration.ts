import { CI_AUDIT_STATUSES, CI_KINDS, CI_VERSION_STATUSES } from '@baton/core';
import { z } from 'zod';
import { Audited, Id, Instant, LongText, Name, Version } from './common.ts';

const Label = z.string().trim().min(1).max(40).describe('How people name the version, e.g. 1.0 or 2.1');
const Notes = z.string().max(2000);

// ---- configuration items and their versions ----

export const CiVersionSummary = z.object({
  id: Id,
  number: z.number().int(),
  label: z.string(),
  status: z.enum(CI_VERSION_STATUSES),
});

export const ConfigurationItemVersion = z.object({
  id: Id,
  number: z.number().int().describe('1, 2, 3 … in order of recording'),
  label: z.string(),
  status: z.enum(CI_VERSION_STATUSES),
  notes: z.string().nullable(),
  changeRequestId: Id.nullable().describe('The approved change that recorded this version'),
  changeRequestCode: z.string().nullable(),
  createdAt: Instant,
  createdByName: z.string().nullable(),
  updatedAt: Instant,
});
export type ConfigurationItemVersion = z.infer<typeof ConfigurationItemVersion>;

export const ConfigurationItem = z.object({
  ...Audited,
  code: z.string().describe('CI-0001 …, unique across the organisation'),
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  name: z.string(),
  kind: z.enum(CI_KINDS),
  description: z.string().nullable(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  versionCount: z.number().int(),
  latestVersion: CiVersionSummary.nullable().describe('The highest-numbered version'),
  approvedVersion: CiVersionSummary.nullable().describe('The one approved version, if any'),
});
export type ConfigurationItem = z.infer<typeof ConfigurationItem>;
export const ConfigurationItemList = z.object({ items: z.array(ConfigurationItem), total: z.number().int() });

export const ConfigurationItemDetail = ConfigurationItem.extend({
  versions: z.array(ConfigurationItemVersion).describe('Newest first'),
  baselines: z
    .array(z.object({ id: Id, name: z.string(), versionNumber: z.number().int(), versionLabel: z.string() }))
    .describe('The baselines that froze a version of the item'),
  changeRequests: z
    .array(
      z.object({
        id: Id,
        code: z.string(),
        title: z.string(),
        status: z.string(),
        note: z.string().nullable(),
        newVersionNumber: z.number().int().nullable(),
      }),
    )
    .describe('The change requests that name the item'),
});
export type ConfigurationItemDetail = z.infer<typeof ConfigurationItemDetail>;

export const CreateConfigurationItemBody = z.strictObject({
  name: Name,
  kind: z.enum(CI_KINDS),
  description: LongText.nullable().optional(),
  ownerId: Id.nullable().optional(),
  label: Label.optional().describe('The first version’s label (1.0 when absent)'),
  notes: Notes.nullable().optional().describe('Notes on the first version'),
});
export const UpdateConfigurationItemBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  kind: z.enum(CI_KINDS).optional(),
  description: LongText.nullable().optional(),
  ownerId: Id.nullable().optional(),
});
export const CreateCiVersionBody = z.strictObject({
  label: Label.optional().describe('The next minor label after the highest one when absent'),
  notes: Notes.nullable().optional(),
});
export const CiVersionParams = z.strictObject({
  id: Id,
  number: z.coerce.number().int().min(1).max(100_000),
});
export const CiVersionTransitionBody = z.strictObject({
  status: z
    .enum(CI_VERSION_STATUSES)
    .describe('draft → in_review → approved, or in_review back to draft; approving supersedes'),
});

// ---- baselines ----

export const ConfigurationBaselineEntry = z.object({
  itemId: Id,
  code: z.string(),
  name: z.string(),
  kind: z.enum(CI_KINDS),
  versionId: Id,
  versionNumber: z.number().int(),
  versionLabel: z.string(),
});
export const ConfigurationBaseline = z.object({
  id: Id,
  projectId: Id,
  projectCode: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: Instant,
  createdByName: z.string().nullable(),
  items: z.array(ConfigurationBaselineEntry).describe('The frozen version of each item, by item code'),
});
export type ConfigurationBaseline = z.infer<typeof ConfigurationBaseline>;
export const ConfigurationBaselineList = z.object({ items: z.array(ConfigurationBaseline) });
export const CreateConfigurationBaselineBody = z.strictObject({
  name: Name,
  description: LongText.nullable().optional(),
  itemIds: z
    .array(Id)
    .max(1000)
    .optional()
    .describe('Freeze only these items (all of the project’s when absent or empty)'),
  skipUnapproved: z
    .boolean()
    .default(false)
    .describe('Leave out items without an approved version instead of refusing (422)'),
});

// ---- the configuration audit ----

const VersionRef = z.object({ id: Id, number: z.number().int(), label: z.string() });
export const ConfigurationAuditLine = z.object({
  itemId: Id,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z
    .enum(CI_AUDIT_STATUSES)
    .describe(
      'matches: the approved version is the frozen one; changed: a later approved version recorded by an approved change; unexplained: a later approved version no approved change recorded; added: not in the baseline; no-approved-version: never approved',
    ),
  baselineVersion: VersionRef.nullable(),
  approvedVersion: VersionRef.nullable(),
  changeRequests: z
    .array(z.object({ id: Id, code: z.string() }))
    .describe('The approved changes that recorded versions of the item since the baseline'),
});
export type ConfigurationAuditLine = z.infer<typeof ConfigurationAuditLine>;
export const ConfigurationAuditSummary = z.object({
  matches: z.number().int(),
  changed: z.number().int(),
  unexplained: z.number().int(),
  added: z.number().int(),
  noApprovedVersion: z.number().int(),
  total: z.number().int(),
});
const AuditBaselineRef = z
  .object({ id: Id, name: z.string(), createdAt: Instant })
  .nullable()
  .describe('The baseline audited against (null: the project has none)');

export const ProjectConfigurationAudit = z.object({
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  baseline: AuditBaselineRef,
  items: z.array(ConfigurationAuditLine),
  summary: ConfigurationAuditSummary,
});
export type ProjectConfigurationAudit = z.infer<typeof ProjectConfigurationAudit>;
export const ProjectConfigurationAuditQuery = z.strictObject({
  baselineId: Id.optional().describe('The baseline to audit against (the newest when absent)'),
});

export const PmoConfigurationAudit = z.object({
  projects: z.array(
    ProjectConfigurationAudit.extend({ orgUnitId: Id, orgUnitName: z.string(), projectStatus: z.string() }),
  ),
  summary: ConfigurationAuditSummary.describe('Over every line shown'),
});
export type PmoConfigurationAudit = z.infer<typeof PmoConfigurationAudit>;
export const PmoConfigurationAuditQuery = z.strictObject({
  orgUnitId: Id.optional().describe('Only projects of this org unit and the units beneath it'),
  status: z
    .string()
    .regex(/^[a-z-]+(,[a-z-]+)*$/, 'comma-separated audit statuses')
    .optional()
    .describe('Only lines in these audit statuses (e.g. changed,unexplained)'),
  projectStatus: z.string().optional().describe('Comma-separated project statuses'),
});

// ---- the items a change request touches ----

export const ChangeRequestConfigurationItem = z.object({
  itemId: Id,
  code: z.string(),
  name: z.string(),
  kind: z.enum(CI_KINDS),
  note: z.string().nullable(),
  approvedVersion: CiVersionSummary.nullable().describe('The item’s approved version now'),
  newVersion: CiVersionSummary.nullable().describe('The version approving the change recorded'),
});
export const ChangeRequestConfigurationItems = z.object({
  changeRequestId: Id,
  code: z.string(),
  status: z.string(),
  projectId: Id,
  items: z.array(ChangeRequestConfigurationItem),
});
export type ChangeRequestConfigurationItems = z.infer<typeof ChangeRequestConfigurationItems>;
export const PutChangeRequestItemsBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        itemId: Id,
        note: z.string().trim().max(500).nullable().optional().describe('What the change does to it'),
      }),
    )
    .max(200),
});
