import type {
  CommunicationAudienceCandidates as CommunicationAudienceCandidatesSchema,
  CommunicationCalendar as CommunicationCalendarSchema,
  CommunicationCoordination as CommunicationCoordinationSchema,
  CommunicationItem as CommunicationItemSchema,
  CommunicationRecord as CommunicationRecordSchema,
  CreateCommunicationItemBody as CreateCommunicationItemBodySchema,
  CreateCommunicationRecordBody as CreateCommunicationRecordBodySchema,
  UpdateCommunicationItemBody as UpdateCommunicationItemBodySchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type CommunicationItem = Out<typeof CommunicationItemSchema>;
export type CommunicationContent = CommunicationItem['content'];
export type CommunicationChannel = CommunicationItem['channel'];
export type CommunicationFrequency = CommunicationItem['frequency'];
export type CommunicationAudience = CommunicationItem['audience'];
export type CommunicationRecord = Out<typeof CommunicationRecordSchema>;
export type CommunicationCalendar = Out<typeof CommunicationCalendarSchema>;
export type CommunicationOccurrence = CommunicationCalendar['items'][number];
export type OccurrenceStatus = CommunicationOccurrence['status'];
export type CommunicationCoordination = Out<typeof CommunicationCoordinationSchema>;
export type CoordinationWarning = CommunicationCoordination['warnings'][number];
export type AudienceCandidate = Out<typeof CommunicationAudienceCandidatesSchema>['items'][number];

export type CreateCommunicationItemBody = In<typeof CreateCommunicationItemBodySchema>;
export type UpdateCommunicationItemBody = In<typeof UpdateCommunicationItemBodySchema>;
export type CreateCommunicationRecordBody = In<typeof CreateCommunicationRecordBodySchema>;

export type CommunicationItemParams = { projectId?: string; orgUnitId?: string };
export type CalendarParams = {
  from: string;
  to: string;
  projectId?: string;
  orgUnitId?: string;
  status?: OccurrenceStatus;
};
export type CoordinationParams = { from: string; to: string; threshold?: number };

export const communicationKeys = {
  all: ['communications'] as const,
  items: (params: CommunicationItemParams) => ['communications', 'items', params] as const,
  calendar: (params: CalendarParams) => ['communications', 'calendar', params] as const,
  coordination: (params: CoordinationParams) => ['communications', 'coordination', params] as const,
  audience: (projectId: string | null) => ['communications', 'audience', projectId] as const,
};

const enc = encodeURIComponent;

/** Plan items of the visible projects and the PMOs' own (of one project, or one unit and beneath). */
export function listCommunicationItems(
  params: CommunicationItemParams,
  signal?: AbortSignal,
): Promise<{ items: CommunicationItem[] }> {
  return apiFetch('/communication-items', { query: params, signal });
}
export function createCommunicationItem(body: CreateCommunicationItemBody): Promise<CommunicationItem> {
  return apiFetch('/communication-items', { method: 'POST', body });
}
export function updateCommunicationItem(
  id: string,
  body: UpdateCommunicationItemBody,
): Promise<CommunicationItem> {
  return apiFetch(`/communication-items/${enc(id)}`, { method: 'PATCH', body });
}
export function deleteCommunicationItem(id: string, version: number): Promise<{ ok: true }> {
  return apiFetch(`/communication-items/${enc(id)}`, { method: 'DELETE', query: { version } });
}
/** Records one occurrence as sent (422 when the date is not one of the plan's; 409 when recorded). */
export function recordCommunication(
  itemId: string,
  body: CreateCommunicationRecordBody,
): Promise<CommunicationRecord> {
  return apiFetch(`/communication-items/${enc(itemId)}/records`, { method: 'POST', body });
}
export function deleteCommunicationRecord(id: string): Promise<{ ok: true }> {
  return apiFetch(`/communication-records/${enc(id)}`, { method: 'DELETE' });
}
/** The due communications in a range (≤ 366 days), each sent, due or overdue. */
export function fetchCommunicationCalendar(
  params: CalendarParams,
  signal?: AbortSignal,
): Promise<CommunicationCalendar> {
  return apiFetch('/communications/calendar', { query: params, signal });
}
/** Stakeholders receiving too many communications in one ISO week across projects. */
export function fetchCommunicationCoordination(
  params: CoordinationParams,
  signal?: AbortSignal,
): Promise<CommunicationCoordination> {
  return apiFetch('/communications/coordination', { query: params, signal });
}
/** Stakeholders a plan may address: a project's linked ones, or every one the user may see. */
export function fetchAudienceCandidates(
  projectId: string | null,
  signal?: AbortSignal,
): Promise<{ items: AudienceCandidate[] }> {
  return apiFetch('/communications/audience', { query: projectId ? { projectId } : {}, signal });
}
