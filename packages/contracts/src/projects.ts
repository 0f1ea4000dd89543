import { INITIAL_PROJECT_STATUSES, PROJECT_STATUSES } from '@baton/core';
import { z } from 'zod';
import {
  Audited,
  Code,
  Currency,
  Id,
  Instant,
  IsoDate,
  LongText,
  Name,
  PageQuery,
  pageOf,
  Version,
} from './common.ts';

export const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

const Tag = z.string().trim().min(1).max(40);
const CustomFieldValues = z
  .record(z.string().max(64), z.union([z.string().max(2000), z.number(), z.null()]))
  .describe('Values of the custom fields the PMO defined, by key');
const BudgetMinor = z
  .number()
  .int('whole minor units (cents)')
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .describe('Budget in minor units of the currency (e.g. cents)');

export const Project = z.object({
  ...Audited,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  objectives: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  statusReason: z.string().nullable(),
  nextStatuses: z.array(z.enum(PROJECT_STATUSES)).describe('Statuses this project may move to next'),
  sponsorId: Id.nullable(),
  sponsorName: z.string().nullable(),
  managerId: Id.nullable(),
  managerName: z.string().nullable(),
  orgUnitId: Id,
  orgUnitName: z.string(),
  portfolioId: Id.nullable(),
  portfolioName: z.string().nullable(),
  programId: Id.nullable(),
  programName: z.string().nullable(),
  plannedStart: IsoDate.nullable(),
  plannedFinish: IsoDate.nullable(),
  budgetMinor: z.number().int().nullable(),
  currency: z.string(),
  priority: z.enum(PRIORITIES),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type Project = z.infer<typeof Project>;
export const ProjectPage = pageOf(Project);
export type ProjectPage = z.infer<typeof ProjectPage>;

const editable = {
  name: Name,
  description: LongText.nullable(),
  objectives: LongText.nullable(),
  sponsorId: Id.nullable(),
  managerId: Id.nullable(),
  orgUnitId: Id,
  portfolioId: Id.nullable(),
  programId: Id.nullable(),
  plannedStart: IsoDate.nullable(),
  plannedFinish: IsoDate.nullable(),
  budgetMinor: BudgetMinor.nullable(),
  currency: Currency,
  priority: z.enum(PRIORITIES),
  tags: z.array(Tag).max(30),
  customFields: CustomFieldValues,
};

function datesInOrder(p: {
  plannedStart?: string | null | undefined;
  plannedFinish?: string | null | undefined;
}): boolean {
  return !p.plannedStart || !p.plannedFinish || p.plannedStart <= p.plannedFinish;
}
const DATE_ORDER = { message: 'plannedFinish must not be before plannedStart', path: ['plannedFinish'] };

export const CreateProjectBody = z
  .strictObject({
    code: Code.optional().describe('Unique project code; generated (PRJ-0001…) when left out'),
    name: Name,
    description: editable.description.optional(),
    objectives: editable.objectives.optional(),
    sponsorId: editable.sponsorId.optional(),
    managerId: editable.managerId.optional(),
    orgUnitId: Id.optional().describe('Defaults to the portfolio’s org unit, else the enterprise PMO'),
    portfolioId: editable.portfolioId.optional(),
    programId: editable.programId.optional().describe('Implies its portfolio'),
    plannedStart: editable.plannedStart.optional(),
    plannedFinish: editable.plannedFinish.optional(),
    budgetMinor: editable.budgetMinor.optional(),
    currency: Currency.optional().describe('Defaults to EUR'),
    priority: editable.priority.optional(),
    tags: editable.tags.optional(),
    customFields: editable.customFields.optional(),
    status: z
      .enum(INITIAL_PROJECT_STATUSES)
      .optional()
      .describe('proposed unless registering a running project'),
  })
  .refine(datesInOrder, DATE_ORDER);
export type CreateProjectBody = z.infer<typeof CreateProjectBody>;

export const UpdateProjectBody = z
  .strictObject({
    version: Version.optional().describe('Required unless an If-Match header carries it'),
    code: Code.optional(),
    name: editable.name.optional(),
    description: editable.description.optional(),
    objectives: editable.objectives.optional(),
    sponsorId: editable.sponsorId.optional(),
    managerId: editable.managerId.optional(),
    orgUnitId: editable.orgUnitId.optional(),
    portfolioId: editable.portfolioId.optional(),
    programId: editable.programId.optional(),
    plannedStart: editable.plannedStart.optional(),
    plannedFinish: editable.plannedFinish.optional(),
    budgetMinor: editable.budgetMinor.optional(),
    currency: editable.currency.optional(),
    priority: editable.priority.optional(),
    tags: editable.tags.optional(),
    customFields: editable.customFields.optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
    statusReason: z.string().trim().max(2000).nullable().optional().describe('Required when cancelling'),
  })
  .refine(datesInOrder, DATE_ORDER);
export type UpdateProjectBody = z.infer<typeof UpdateProjectBody>;

export const TransitionBody = z.strictObject({
  version: Version.optional().describe('Required unless an If-Match header carries it'),
  to: z.enum(PROJECT_STATUSES),
  reason: z.string().trim().max(2000).nullable().optional(),
});

export const PROJECT_SORTS = [
  'code',
  'name',
  'status',
  'priority',
  'plannedStart',
  'plannedFinish',
  'budgetMinor',
  'updatedAt',
] as const;
const Sort = z
  .string()
  .regex(
    new RegExp(`^-?(${PROJECT_SORTS.join('|')})$`),
    `one of ${PROJECT_SORTS.join(', ')}, with - for descending`,
  )
  .default('code');
const CsvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const ProjectListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().max(200).optional().describe('Search code, name and description'),
  status: CsvOf(PROJECT_STATUSES).optional().describe('Comma-separated statuses'),
  priority: CsvOf(PRIORITIES).optional(),
  orgUnitId: Id.optional().describe('This unit and every unit beneath it'),
  portfolioId: Id.optional(),
  programId: Id.optional(),
  managerId: Id.optional(),
  sponsorId: Id.optional(),
  tag: z.string().max(40).optional(),
  startFrom: IsoDate.optional(),
  startTo: IsoDate.optional(),
  sort: Sort,
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;

export const FieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export const JournalEntry = z.object({
  id: z.string(),
  at: Instant,
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  entityType: z.string(),
  entityId: Id,
  action: z.string(),
  changes: z.array(FieldChange),
});
export type JournalEntry = z.infer<typeof JournalEntry>;
export const JournalPage = pageOf(JournalEntry);
export const HistoryQuery = z.strictObject({ ...PageQuery });

export const ProjectSummary = z.object({
  total: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
});
