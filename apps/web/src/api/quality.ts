import type {
  AcceptanceBody as AcceptanceBodySchema,
  CreateDeliverableBody as CreateDeliverableBodySchema,
  CreateLessonBody as CreateLessonBodySchema,
  CreateNonConformanceBody as CreateNonConformanceBodySchema,
  CreateQualityStandardBody as CreateQualityStandardBodySchema,
  CreateReviewBody as CreateReviewBodySchema,
  DeliverableDetail as DeliverableDetailSchema,
  DeliverableList as DeliverableListSchema,
  LessonPage as LessonPageSchema,
  NonConformance as NonConformanceSchema,
  NonConformanceTransitionBody as NonConformanceTransitionBodySchema,
  QualityStandard as QualityStandardSchema,
  UpdateDeliverableBody as UpdateDeliverableBodySchema,
  UpdateLessonBody as UpdateLessonBodySchema,
  UpdateNonConformanceBody as UpdateNonConformanceBodySchema,
  UpdateQualityStandardBody as UpdateQualityStandardBodySchema,
} from '@baton/contracts';
import { apiFetch, type QueryValue } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type QualityStandard = Out<typeof QualityStandardSchema>;
export type ChecklistItem = QualityStandard['checklist'][number];
export type DeliverableDetail = Out<typeof DeliverableDetailSchema>;
export type Deliverable = Out<typeof DeliverableListSchema>['items'][number];
export type DeliverableStatus = Deliverable['status'];
export type EffectiveItem = DeliverableDetail['checklist'][number];
export type DeliverableReview = DeliverableDetail['reviews'][number];
export type AcceptanceBlocker = DeliverableDetail['blockers'][number];
export type AcceptanceCriterion = Deliverable['acceptanceCriteria'][number];
export type GateLink = NonNullable<Deliverable['gate']>;
export type ReviewOutcome = DeliverableReview['outcome'];
export type NonConformance = Out<typeof NonConformanceSchema>;
export type NonConformanceStatus = NonConformance['status'];
export type NonConformanceSeverity = NonConformance['severity'];
export type LessonPage = Out<typeof LessonPageSchema>;
export type Lesson = LessonPage['items'][number];
export type LessonCategory = Lesson['category'];
export type LessonKind = Lesson['kind'];

export type CreateQualityStandardBody = In<typeof CreateQualityStandardBodySchema>;
export type UpdateQualityStandardBody = In<typeof UpdateQualityStandardBodySchema>;
export type CreateDeliverableBody = In<typeof CreateDeliverableBodySchema>;
export type UpdateDeliverableBody = In<typeof UpdateDeliverableBodySchema>;
export type CreateReviewBody = In<typeof CreateReviewBodySchema>;
export type AcceptanceBody = In<typeof AcceptanceBodySchema>;
export type CreateNonConformanceBody = In<typeof CreateNonConformanceBodySchema>;
export type UpdateNonConformanceBody = In<typeof UpdateNonConformanceBodySchema>;
export type NonConformanceTransitionBody = In<typeof NonConformanceTransitionBodySchema>;
export type CreateLessonBody = In<typeof CreateLessonBodySchema>;
export type UpdateLessonBody = In<typeof UpdateLessonBodySchema>;

export type StandardListParams = { deliverableType?: string; projectId?: string; retired?: 'true' };
export type DeliverableListParams = { projectId?: string; status?: string };
export type NonConformanceListParams = { projectId?: string; deliverableId?: string; status?: string };
export type LessonListParams = {
  q?: string;
  category?: LessonCategory;
  kind?: LessonKind;
  projectId?: string;
  tag?: string;
  page?: number;
  pageSize?: number;
};

export const qualityKeys = {
  all: ['quality'] as const,
  standards: (params: StandardListParams = {}) => ['quality', 'standards', params] as const,
  deliverables: ['quality', 'deliverables'] as const,
  deliverableList: (params: DeliverableListParams) => ['quality', 'deliverables', 'list', params] as const,
  deliverable: (id: string) => ['quality', 'deliverables', 'detail', id] as const,
  nonConformances: ['quality', 'non-conformances'] as const,
  nonConformanceList: (params: NonConformanceListParams) =>
    ['quality', 'non-conformances', 'list', params] as const,
  lessons: ['quality', 'lessons'] as const,
  lessonList: (params: LessonListParams) => ['quality', 'lessons', 'list', params] as const,
};

const enc = encodeURIComponent;
const asQuery = (params: object) => params as Readonly<Record<string, QueryValue>>;

// ---- standards ----

export function listStandards(
  params: StandardListParams = {},
  signal?: AbortSignal,
): Promise<{ items: QualityStandard[] }> {
  return apiFetch('/quality-standards', { query: asQuery(params), signal });
}
export function createStandard(body: CreateQualityStandardBody): Promise<QualityStandard> {
  return apiFetch('/quality-standards', { method: 'POST', body });
}
export function updateStandard(id: string, body: UpdateQualityStandardBody): Promise<QualityStandard> {
  return apiFetch(`/quality-standards/${enc(id)}`, { method: 'PATCH', body });
}

// ---- deliverables, reviews and acceptance ----

export function listDeliverables(
  params: DeliverableListParams,
  signal?: AbortSignal,
): Promise<{ items: Deliverable[]; total: number }> {
  return apiFetch('/deliverables', { query: asQuery(params), signal });
}
export function fetchDeliverable(id: string, signal?: AbortSignal): Promise<DeliverableDetail> {
  return apiFetch(`/deliverables/${enc(id)}`, { signal });
}
export function createDeliverable(body: CreateDeliverableBody): Promise<DeliverableDetail> {
  return apiFetch('/deliverables', { method: 'POST', body });
}
export function updateDeliverable(id: string, body: UpdateDeliverableBody): Promise<DeliverableDetail> {
  return apiFetch(`/deliverables/${enc(id)}`, { method: 'PATCH', body });
}
export function deleteDeliverable(id: string, version: number): Promise<{ ok: true }> {
  return apiFetch(`/deliverables/${enc(id)}`, { method: 'DELETE', query: { version } });
}
export function reviewDeliverable(id: string, body: CreateReviewBody): Promise<DeliverableDetail> {
  return apiFetch(`/deliverables/${enc(id)}/reviews`, { method: 'POST', body });
}
export function decideDeliverable(id: string, body: AcceptanceBody): Promise<DeliverableDetail> {
  return apiFetch(`/deliverables/${enc(id)}/acceptance`, { method: 'POST', body });
}

// ---- non-conformances ----

export function listNonConformances(
  params: NonConformanceListParams,
  signal?: AbortSignal,
): Promise<{ items: NonConformance[]; total: number }> {
  return apiFetch('/non-conformances', { query: asQuery(params), signal });
}
export function createNonConformance(body: CreateNonConformanceBody): Promise<NonConformance> {
  return apiFetch('/non-conformances', { method: 'POST', body });
}
export function updateNonConformance(id: string, body: UpdateNonConformanceBody): Promise<NonConformance> {
  return apiFetch(`/non-conformances/${enc(id)}`, { method: 'PATCH', body });
}
export function transitionNonConformance(
  id: string,
  body: NonConformanceTransitionBody,
): Promise<NonConformance> {
  return apiFetch(`/non-conformances/${enc(id)}/transition`, { method: 'POST', body });
}

// ---- lessons learned ----

export function listLessons(params: LessonListParams, signal?: AbortSignal): Promise<LessonPage> {
  return apiFetch('/lessons', { query: asQuery(params), signal });
}
export function createLesson(body: CreateLessonBody): Promise<Lesson> {
  return apiFetch('/lessons', { method: 'POST', body });
}
export function updateLesson(id: string, body: UpdateLessonBody): Promise<Lesson> {
  return apiFetch(`/lessons/${enc(id)}`, { method: 'PATCH', body });
}
export function deleteLesson(id: string, version: number): Promise<{ ok: true }> {
  return apiFetch(`/lessons/${enc(id)}`, { method: 'DELETE', query: { version } });
}
