import type {
  Baseline as BaselineSchema,
  BaselineVariance as BaselineVarianceSchema,
  CreateBaselineBody as CreateBaselineBodySchema,
  CreateLinkBody as CreateLinkBodySchema,
  CreateTaskBody as CreateTaskBodySchema,
  ImpactResult as ImpactResultSchema,
  ImportResult as ImportResultSchema,
  ProjectScheduleView as ProjectScheduleViewSchema,
  Roadmap as RoadmapSchema,
  ScheduleChange as ScheduleChangeSchema,
  SetTaskAssignmentsBody as SetTaskAssignmentsBodySchema,
  TaskAssignmentList as TaskAssignmentListSchema,
  TaskLink as TaskLinkSchema,
  Task as TaskSchema,
  UpdateLinkBody as UpdateLinkBodySchema,
  UpdateScheduleSettingsBody as UpdateScheduleSettingsBodySchema,
  UpdateTaskBody as UpdateTaskBodySchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type Task = Out<typeof TaskSchema>;
export type TaskLink = Out<typeof TaskLinkSchema>;
export type ScheduleView = Out<typeof ProjectScheduleViewSchema>;
export type ScheduleChange = Out<typeof ScheduleChangeSchema>;
export type ScheduleSettings = ScheduleView['settings'];
export type ScheduleProblem = ScheduleView['problems'][number];
export type ScheduleConflict = ScheduleView['conflicts'][number];
export type Baseline = Out<typeof BaselineSchema>;
export type BaselineVariance = Out<typeof BaselineVarianceSchema>;
export type TaskVariance = BaselineVariance['tasks'][number];
export type ImpactResult = Out<typeof ImpactResultSchema>;
export type ImportResult = Out<typeof ImportResultSchema>;
export type Roadmap = Out<typeof RoadmapSchema>;
export type RoadmapProject = Roadmap['projects'][number];
export type TaskAssignmentList = Out<typeof TaskAssignmentListSchema>;
export type TaskAssignment = TaskAssignmentList['items'][number];
export type LinkType = TaskLink['type'];
export type ConstraintType = Task['constraintType'];

export type CreateTaskBody = In<typeof CreateTaskBodySchema>;
export type UpdateTaskBody = In<typeof UpdateTaskBodySchema>;
export type CreateLinkBody = In<typeof CreateLinkBodySchema>;
export type UpdateLinkBody = In<typeof UpdateLinkBodySchema>;
export type CreateBaselineBody = In<typeof CreateBaselineBodySchema>;
export type UpdateScheduleSettingsBody = In<typeof UpdateScheduleSettingsBodySchema>;
export type SetTaskAssignmentsBody = In<typeof SetTaskAssignmentsBodySchema>;

export type RoadmapFilters = { portfolioId?: string; orgUnitId?: string; programId?: string };

export const scheduleKeys = {
  all: ['schedule'] as const,
  view: (projectId: string) => ['schedule', 'view', projectId] as const,
  baselines: (projectId: string) => ['schedule', 'baselines', projectId] as const,
  variance: (projectId: string, number: number) => ['schedule', 'variance', projectId, number] as const,
  impact: (taskId: string, slipDays: number, mode: string) =>
    ['schedule', 'impact', taskId, slipDays, mode] as const,
  assignments: (taskId: string) => ['schedule', 'assignments', taskId] as const,
  roadmap: (filters: RoadmapFilters) => ['schedule', 'roadmap', filters] as const,
};

const enc = encodeURIComponent;

export function fetchSchedule(projectId: string, signal?: AbortSignal): Promise<ScheduleView> {
  return apiFetch(`/projects/${enc(projectId)}/schedule`, { signal });
}

export function updateScheduleSettings(
  projectId: string,
  body: UpdateScheduleSettingsBody,
): Promise<ScheduleChange> {
  return apiFetch(`/projects/${enc(projectId)}/schedule`, { method: 'PATCH', body });
}

export function createTask(projectId: string, body: CreateTaskBody): Promise<ScheduleChange> {
  return apiFetch(`/projects/${enc(projectId)}/tasks`, { method: 'POST', body });
}

export function updateTask(taskId: string, body: UpdateTaskBody): Promise<ScheduleChange> {
  return apiFetch(`/tasks/${enc(taskId)}`, { method: 'PATCH', body });
}

export function deleteTask(taskId: string): Promise<ScheduleChange> {
  return apiFetch(`/tasks/${enc(taskId)}`, { method: 'DELETE' });
}

export function createLink(body: CreateLinkBody): Promise<ScheduleChange> {
  return apiFetch('/links', { method: 'POST', body });
}

export function updateLink(linkId: string, body: UpdateLinkBody): Promise<ScheduleChange> {
  return apiFetch(`/links/${enc(linkId)}`, { method: 'PATCH', body });
}

export function deleteLink(linkId: string): Promise<ScheduleChange> {
  return apiFetch(`/links/${enc(linkId)}`, { method: 'DELETE' });
}

export function fetchTaskAssignments(taskId: string, signal?: AbortSignal): Promise<TaskAssignmentList> {
  return apiFetch(`/tasks/${enc(taskId)}/assignments`, { signal });
}

/** Replaces who does the task's work; the task's version goes up and its plan is rescheduled. */
export function setTaskAssignments(
  taskId: string,
  body: SetTaskAssignmentsBody,
): Promise<TaskAssignmentList> {
  return apiFetch(`/tasks/${enc(taskId)}/assignments`, { method: 'PUT', body });
}

export function listBaselines(projectId: string, signal?: AbortSignal): Promise<{ items: Baseline[] }> {
  return apiFetch(`/projects/${enc(projectId)}/baselines`, { signal });
}

export function createBaseline(projectId: string, body: CreateBaselineBody): Promise<Baseline> {
  return apiFetch(`/projects/${enc(projectId)}/baselines`, { method: 'POST', body });
}

export function fetchVariance(
  projectId: string,
  number: number,
  signal?: AbortSignal,
): Promise<BaselineVariance> {
  return apiFetch(`/projects/${enc(projectId)}/baselines/${number}/variance`, { signal });
}

export function fetchImpact(
  taskId: string,
  slipDays: number,
  mode: 'finish' | 'start',
  signal?: AbortSignal,
): Promise<ImpactResult> {
  return apiFetch(`/tasks/${enc(taskId)}/impact`, { query: { slipDays, mode }, signal });
}

export function fetchRoadmap(filters: RoadmapFilters, signal?: AbortSignal): Promise<Roadmap> {
  return apiFetch('/roadmap', { query: filters, signal });
}

export function scheduleExportUrl(projectId: string, format: 'xml' | 'csv'): string {
  return `/api/v1/projects/${enc(projectId)}/schedule/export.${format}`;
}

/** Replaces the plan with a Microsoft Project (MSPDI) file; the body is the XML text itself. */
export function importMspdi(projectId: string, xml: string): Promise<ImportResult> {
  return apiFetch(`/projects/${enc(projectId)}/schedule/import`, {
    method: 'POST',
    raw: { text: xml, contentType: 'application/xml' },
  });
}

function byPosition(a: Task, b: Task): number {
  return a.position - b.position;
}

/** True when every task's outline number follows from its parent and its place among its siblings. */
function outlineConsistent(tasks: readonly Task[]): boolean {
  const wbs = new Map<string, string>();
  const counts = new Map<string | null, number>();
  for (const t of tasks) {
    const n = (counts.get(t.parentId) ?? 0) + 1;
    counts.set(t.parentId, n);
    const expected = t.parentId ? `${wbs.get(t.parentId) ?? '?'}.${n}` : String(n);
    if (expected !== t.wbs) return false;
    wbs.set(t.id, expected);
  }
  return true;
}

/**
 * Folds what one edit changed into the cached plan: tasks and links replaced by id, removed ids
 * dropped (with the links that pointed at removed tasks), tasks re-sorted by position. `stale` says
 * the result looks inconsistent (two tasks claim one position, or outline numbers no longer follow
 * the outline when they did before): the change left something out, and the caller should refetch.
 */
export function mergeScheduleChange(
  view: ScheduleView,
  change: ScheduleChange,
): { view: ScheduleView; stale: boolean } {
  const removedTasks = new Set(change.removedTaskIds);
  const tasks = new Map<string, Task>();
  for (const t of view.tasks) if (!removedTasks.has(t.id)) tasks.set(t.id, t);
  for (const t of change.tasks) if (!removedTasks.has(t.id)) tasks.set(t.id, t);
  const sorted = [...tasks.values()].sort(byPosition);
  let stale = false;
  for (let i = 1; i < sorted.length && !stale; i++) {
    if (sorted[i]?.position === sorted[i - 1]?.position) stale = true;
  }
  const before = new Map(view.tasks.map((t) => [t.id, t]));
  const structural =
    change.removedTaskIds.length > 0 ||
    change.tasks.some((t) => {
      const old = before.get(t.id);
      return !old || old.parentId !== t.parentId || old.position !== t.position;
    });
  if (!stale && structural && outlineConsistent(view.tasks) && !outlineConsistent(sorted)) stale = true;

  const removedLinks = new Set(change.removedLinkIds);
  const links = new Map<string, TaskLink>();
  const keep = (l: TaskLink) =>
    !removedLinks.has(l.id) && !removedTasks.has(l.predecessorId) && !removedTasks.has(l.successorId);
  for (const l of view.links) if (keep(l)) links.set(l.id, l);
  for (const l of change.links) if (keep(l)) links.set(l.id, l);

  return {
    stale,
    view: {
      ...view,
      settings: change.settings,
      tasks: sorted,
      links: [...links.values()],
      criticalPaths: change.criticalPaths,
      conflicts: change.conflicts,
      problems: change.problems,
    },
  };
}
