import {
  ACCEPTANCE_DECISIONS,
  DELIVERABLE_STATUSES,
  LESSON_CATEGORIES,
  LESSON_KINDS,
  NC_SEVERITIES,
  NC_STATUSES,
  REVIEW_OUTCOMES,
} from '@baton/core';
import { z } from 'zod';
import { Audited, Id, Instant, IsoDate, LongText, Name, PageQuery, pageOf, Version } from './common.ts';

const Key = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _, starting with a letter');
const DeliverableType = Key.describe('A kind of deliverable, e.g. design or test-report');
const ItemText = z.string().trim().min(1).max(500);
const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

// ---- quality standards: a checklist per deliverable type, at an org unit and for everything beneath ----

export const QualityChecklistItem = z.strictObject({
  key: Key,
  text: ItemText,
  required: z.boolean().default(true),
});

export const QualityStandard = z.object({
  ...Audited,
  deliverableType: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  orgUnitId: Id.nullable().describe('Where it is defined; it applies beneath (null: the whole organisation)'),
  orgUnitName: z.string().nullable(),
  checklist: z.array(QualityChecklistItem),
  retired: z.boolean(),
  retiredAt: Instant.nullable(),
});
export type QualityStandard = z.infer<typeof QualityStandard>;
export const QualityStandardList = z.object({ items: z.array(QualityStandard) });
export const QualityStandardQuery = z.strictObject({
  deliverableType: DeliverableType.optional(),
  projectId: Id.optional().describe('Only the standards that apply to this project’s org unit chain'),
  retired: z.enum(['true', 'false']).optional().describe('true: include retired standards'),
});
export const CreateQualityStandardBody = z.strictObject({
  deliverableType: DeliverableType,
  name: Name,
  description: LongText.nullable().optional(),
  orgUnitId: Id.nullable().optional(),
  checklist: z.array(QualityChecklistItem).min(1).max(50),
});
export const UpdateQualityStandardBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  description: LongText.nullable().optional(),
  checklist: z.array(QualityChecklistItem).min(1).max(50).optional(),
  retired: z
    .boolean()
    .optional()
    .describe('true retires the standard (it no longer applies); false restores it'),
});

// ---- deliverables, their peer reviews and acceptance ----

export const AcceptanceCriterion = z.object({ key: z.string(), text: z.string(), met: z.boolean() });
const AcceptanceCriterionInput = z.strictObject({
  key: Key.optional().describe('Kept across edits; given one when absent'),
  text: ItemText,
  met: z.boolean().default(false),
});

export const GateLink = z
  .object({
    phaseKey: z.string(),
    deliverableKey: z.string(),
    phaseName: z.string().nullable(),
    deliverableName: z.string().nullable(),
    accepted: z.boolean().describe('Whether the lifecycle gate deliverable is accepted'),
    acceptedBy: z.string().nullable(),
    acceptedAt: z.string().nullable(),
  })
  .describe('The lifecycle gate deliverable this deliverable is');

export const Deliverable = z.object({
  ...Audited,
  code: z.string(),
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  name: z.string(),
  deliverableType: z.string(),
  description: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  overdue: z.boolean(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  standardId: Id.nullable().describe('The most specific quality standard that applies'),
  standardName: z.string().nullable(),
  acceptanceCriteria: z.array(AcceptanceCriterion),
  status: z.enum(DELIVERABLE_STATUSES),
  gate: GateLink.nullable(),
  reviewCount: z.number().int(),
  acceptedAt: Instant.nullable(),
  acceptedByName: z.string().nullable(),
  acceptanceNote: z.string().nullable(),
});
export type Deliverable = z.infer<typeof Deliverable>;
export const DeliverableList = z.object({ items: z.array(Deliverable), total: z.number().int() });

export const EffectiveChecklistItem = z.object({
  key: z.string().describe('standardId:itemKey — what review results are keyed by'),
  standardId: Id,
  standardName: z.string(),
  itemKey: z.string(),
  text: z.string(),
  required: z.boolean(),
});
export const ReviewResult = z.object({ passed: z.boolean(), note: z.string().nullable().optional() });
export const DeliverableReview = z.object({
  id: Id,
  reviewerId: Id.nullable(),
  reviewerName: z.string().nullable(),
  at: Instant,
  outcome: z.enum(REVIEW_OUTCOMES),
  results: z.record(z.string(), ReviewResult),
  comments: z.string().nullable(),
});
export type DeliverableReview = z.infer<typeof DeliverableReview>;
export const AcceptanceBlocker = z.object({
  kind: z.enum(['no-review', 'review-rework', 'item-failed', 'item-unchecked', 'criterion-unmet']),
  key: z.string().nullable(),
  message: z.string(),
});
export const DeliverableDetail = Deliverable.extend({
  standards: z.array(
    z.object({ id: Id, name: z.string(), orgUnitId: Id.nullable(), orgUnitName: z.string().nullable() }),
  ),
  checklist: z.array(EffectiveChecklistItem).describe('The union of every standard that applies'),
  reviews: z.array(DeliverableReview).describe('Newest first'),
  blockers: z.array(AcceptanceBlocker).describe('What stands between it and acceptance; empty: it may be'),
});
export type DeliverableDetail = z.infer<typeof DeliverableDetail>;

export const DeliverableQuery = z.strictObject({
  projectId: Id.optional(),
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, 'comma-separated statuses')
    .optional(),
});
export const CreateDeliverableBody = z.strictObject({
  projectId: Id,
  name: Name,
  deliverableType: DeliverableType,
  description: LongText.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  ownerId: Id.nullable().optional(),
  acceptanceCriteria: z.array(AcceptanceCriterionInput).max(40).optional(),
  phaseKey: Key.nullable().optional().describe('With deliverableKey: the lifecycle gate deliverable it is'),
  deliverableKey: Key.nullable().optional(),
});
export const UpdateDeliverableBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  deliverableType: DeliverableType.optional(),
  description: LongText.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  ownerId: Id.nullable().optional(),
  acceptanceCriteria: z.array(AcceptanceCriterionInput).max(40).optional(),
  phaseKey: Key.nullable().optional(),
  deliverableKey: Key.nullable().optional(),
});
export const DeleteQualityItemQuery = VersionQuery;
export const CreateReviewBody = z.strictObject({
  version: Version,
  results: z
    .record(
      z.string().max(120),
      z.strictObject({ passed: z.boolean(), note: z.string().trim().max(2000).nullable().optional() }),
    )
    .describe('Per checklist item (its effective key): passed, with a note'),
  outcome: z.enum(REVIEW_OUTCOMES),
  comments: LongText.nullable().optional(),
});
export const AcceptanceBody = z.strictObject({
  version: Version,
  decision: z.enum(ACCEPTANCE_DECISIONS),
  note: z.string().trim().max(5000).nullable().optional().describe('Required when rejecting'),
});

// ---- non-conformances with their corrective actions ----

export const NonConformance = z.object({
  ...Audited,
  code: z.string(),
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  deliverableId: Id.nullable(),
  deliverableCode: z.string().nullable(),
  deliverableName: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  severity: z.enum(NC_SEVERITIES),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  overdue: z.boolean(),
  correctiveAction: z.string().nullable(),
  status: z.enum(NC_STATUSES),
  closedAt: Instant.nullable(),
  closedByName: z.string().nullable(),
});
export type NonConformance = z.infer<typeof NonConformance>;
export const NonConformanceList = z.object({ items: z.array(NonConformance), total: z.number().int() });
export const NonConformanceQuery = z.strictObject({
  projectId: Id.optional(),
  deliverableId: Id.optional(),
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, 'comma-separated statuses')
    .optional(),
});
export const CreateNonConformanceBody = z.strictObject({
  projectId: Id,
  deliverableId: Id.nullable().optional(),
  title: Name,
  description: LongText.nullable().optional(),
  severity: z.enum(NC_SEVERITIES),
  ownerId: Id.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  correctiveAction: LongText.nullable().optional(),
});
export const UpdateNonConformanceBody = z.strictObject({
  version: Version,
  deliverableId: Id.nullable().optional(),
  title: Name.optional(),
  description: LongText.nullable().optional(),
  severity: z.enum(NC_SEVERITIES).optional(),
  ownerId: Id.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  correctiveAction: LongText.nullable().optional(),
});
export const NonConformanceTransitionBody = z.strictObject({
  version: Version,
  to: z.enum(NC_STATUSES),
  correctiveAction: LongText.nullable().optional().describe('Recorded with the move (closing needs one)'),
});

// ---- lessons learned, searchable across every project ----

export const Lesson = z.object({
  ...Audited,
  code: z.string(),
  projectId: Id.nullable().describe('null: organisation-wide'),
  projectCode: z.string().nullable(),
  projectName: z.string().nullable(),
  title: z.string(),
  category: z.enum(LESSON_CATEGORIES),
  kind: z.enum(LESSON_KINDS),
  whatHappened: z.string(),
  recommendation: z.string().nullable(),
  tags: z.array(z.string()),
  phaseKey: z.string().nullable(),
  rank: z.number().nullable().describe('Relevance to the search (ts_rank); null without one'),
  excerpt: z
    .array(z.object({ text: z.string(), match: z.boolean() }))
    .nullable()
    .describe('With a search: the best passage, split into matching and other text'),
});
export type Lesson = z.infer<typeof Lesson>;
export const LessonPage = pageOf(Lesson);
export const LessonQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Words to search (web-search syntax: "phrase", -not, or)'),
  category: z.enum(LESSON_CATEGORIES).optional(),
  kind: z.enum(LESSON_KINDS).optional(),
  projectId: Id.optional(),
  tag: z.string().trim().max(60).optional(),
  ...PageQuery,
});
const Tags = z.array(z.string().trim().min(1).max(60)).max(20);
export const CreateLessonBody = z.strictObject({
  projectId: Id.nullable().optional().describe('Absent or null: an organisation-wide lesson'),
  title: Name,
  category: z.enum(LESSON_CATEGORIES),
  kind: z.enum(LESSON_KINDS),
  whatHappened: z.string().trim().min(1).max(10_000),
  recommendation: LongText.nullable().optional(),
  tags: Tags.optional(),
  phaseKey: Key.nullable().optional(),
});
export const UpdateLessonBody = z.strictObject({
  version: Version,
  title: Name.optional(),
  category: z.enum(LESSON_CATEGORIES).optional(),
  kind: z.enum(LESSON_KINDS).optional(),
  whatHappened: z.string().trim().min(1).max(10_000).optional(),
  recommendation: LongText.nullable().optional(),
  tags: Tags.optional(),
  phaseKey: Key.nullable().optional(),
});
