import { apiFetch } from './client.ts';
import type {
  CreateProjectBody,
  JournalEntry,
  Page,
  Project,
  ProjectFilters,
  ProjectSummary,
  TransitionBody,
  UpdateProjectBody,
} from './types.ts';

export type ProjectListParams = ProjectFilters & { sort?: string; page?: number; pageSize?: number };

export const projectKeys = {
  all: ['projects'] as const,
  list: (params: ProjectListParams) => ['projects', 'list', params] as const,
  summary: (filters: ProjectFilters) => ['projects', 'summary', filters] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  history: (id: string) => ['projects', 'history', id] as const,
};

export function listProjects(params: ProjectListParams, signal?: AbortSignal): Promise<Page<Project>> {
  return apiFetch('/projects', { query: params, signal });
}

export function fetchProjectSummary(filters: ProjectFilters, signal?: AbortSignal): Promise<ProjectSummary> {
  return apiFetch('/projects/summary', { query: filters, signal });
}

export function fetchProject(id: string, signal?: AbortSignal): Promise<Project> {
  return apiFetch(`/projects/${encodeURIComponent(id)}`, { signal });
}

export function createProject(body: CreateProjectBody): Promise<Project> {
  return apiFetch('/projects', { method: 'POST', body });
}

export function updateProject(id: string, body: UpdateProjectBody): Promise<Project> {
  return apiFetch(`/projects/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function transitionProject(id: string, body: TransitionBody): Promise<Project> {
  return apiFetch(`/projects/${encodeURIComponent(id)}/transitions`, { method: 'POST', body });
}

export function fetchProjectHistory(id: string, signal?: AbortSignal): Promise<Page<JournalEntry>> {
  return apiFetch(`/projects/${encodeURIComponent(id)}/history`, { query: { pageSize: 200 }, signal });
}

export function fetchJournal(
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<Page<JournalEntry>> {
  return apiFetch('/journal', { query: { page, pageSize }, signal });
}
