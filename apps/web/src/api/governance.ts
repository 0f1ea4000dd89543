import type {
  CreateTemplateBody as CreateTemplateBodySchema,
  GateChecklistBody as GateChecklistBodySchema,
  GateDecisionBody as GateDecisionBodySchema,
  GateQueue as GateQueueSchema,
  GateReview as GateReviewSchema,
  LifecycleTemplate as LifecycleTemplateSchema,
  NewTemplateVersionBody as NewTemplateVersionBodySchema,
  PhaseDefinition as PhaseDefinitionSchema,
  ProjectLifecycle as ProjectLifecycleSchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type LifecycleTemplate = Out<typeof LifecycleTemplateSchema>;
export type Approach = LifecycleTemplate['approach'];
export type PhaseDefinition = Out<typeof PhaseDefinitionSchema>;
export type GateCriterion = PhaseDefinition['gate']['criteria'][number];
export type GateDeliverable = PhaseDefinition['gate']['deliverables'][number];
export type ProjectLifecycle = Out<typeof ProjectLifecycleSchema>;
export type LifecyclePhase = ProjectLifecycle['phases'][number];
export type PhaseStatus = LifecyclePhase['status'];
export type GateState = LifecyclePhase['gateState'];
export type GateStatus = GateState['status'];
export type GateReadiness = LifecyclePhase['readiness'];
export type GateReview = Out<typeof GateReviewSchema>;
export type GateEvidence = GateReview['evidence'];
export type GateDecision = NonNullable<GateReview['decision']>;
export type GateQueueItem = Out<typeof GateQueueSchema>['items'][number];

export type CreateTemplateBody = In<typeof CreateTemplateBodySchema>;
export type NewTemplateVersionBody = In<typeof NewTemplateVersionBodySchema>;
export type GateChecklistBody = In<typeof GateChecklistBodySchema>;
export type GateDecisionBody = In<typeof GateDecisionBodySchema>;

export type TemplateListParams = { projectId?: string; all?: boolean };

export const governanceKeys = {
  all: ['governance'] as const,
  templates: (params: TemplateListParams = {}) => ['governance', 'templates', params] as const,
  template: (id: string) => ['governance', 'template', id] as const,
  queue: ['governance', 'gate-reviews'] as const,
  lifecycle: (projectId: string) => ['governance', 'lifecycle', projectId] as const,
};

const enc = encodeURIComponent;

// ---- the methodology library ----

export function listTemplates(
  params: TemplateListParams = {},
  signal?: AbortSignal,
): Promise<{ items: LifecycleTemplate[] }> {
  return apiFetch('/lifecycle-templates', {
    query: { projectId: params.projectId, all: params.all ? 'true' : undefined },
    signal,
  });
}
export function fetchTemplate(id: string, signal?: AbortSignal): Promise<LifecycleTemplate> {
  return apiFetch(`/lifecycle-templates/${enc(id)}`, { signal });
}
export function createTemplate(body: CreateTemplateBody): Promise<LifecycleTemplate> {
  return apiFetch('/lifecycle-templates', { method: 'POST', body });
}
/** Publishes a new version; projects keep the version they follow until migrated. */
export function createTemplateVersion(id: string, body: NewTemplateVersionBody): Promise<LifecycleTemplate> {
  return apiFetch(`/lifecycle-templates/${enc(id)}/versions`, { method: 'POST', body });
}

// ---- gate reviews ----

/** Gates waiting for a decision, on the projects the user may see. */
export function listGateReviews(signal?: AbortSignal): Promise<{ items: GateQueueItem[] }> {
  return apiFetch('/gate-reviews', { signal });
}

// ---- a project's lifecycle ----

/** The project's phases, gates and reviews; 404 while it follows no lifecycle. */
export function fetchLifecycle(projectId: string, signal?: AbortSignal): Promise<ProjectLifecycle> {
  return apiFetch(`/projects/${enc(projectId)}/lifecycle`, { signal });
}
export function applyTemplate(projectId: string, templateId: string): Promise<ProjectLifecycle> {
  return apiFetch(`/projects/${enc(projectId)}/lifecycle`, { method: 'POST', body: { templateId } });
}
export function migrateLifecycle(
  projectId: string,
  body: { version: number; templateId: string },
): Promise<ProjectLifecycle> {
  return apiFetch(`/projects/${enc(projectId)}/lifecycle/migration`, { method: 'POST', body });
}
export function updateGateChecklist(
  projectId: string,
  phaseKey: string,
  body: GateChecklistBody,
): Promise<ProjectLifecycle> {
  return apiFetch(`/projects/${enc(projectId)}/lifecycle/gates/${enc(phaseKey)}/checklist`, {
    method: 'PUT',
    body,
  });
}
export function submitGate(projectId: string, phaseKey: string, version: number): Promise<ProjectLifecycle> {
  return apiFetch(`/projects/${enc(projectId)}/lifecycle/gates/${enc(phaseKey)}/submission`, {
    method: 'POST',
    body: { version },
  });
}
export function decideGate(
  projectId: string,
  phaseKey: string,
  body: GateDecisionBody,
): Promise<ProjectLifecycle> {
  return apiFetch(`/projects/${enc(projectId)}/lifecycle/gates/${enc(phaseKey)}/decision`, {
    method: 'POST',
    body,
  });
}

// ---- PMO policies down the hierarchy ----

export type UnitPolicy = Out<typeof import('@baton/contracts').UnitPolicy>;
export type PolicySettingRow = UnitPolicy['settings'][number];
export type PolicyUpdateBody = In<typeof import('@baton/contracts').PolicyUpdateBody>;

export const policyKeys = {
  unit: (orgUnitId: string) => ['governance', 'policy', orgUnitId] as const,
};

export function fetchUnitPolicy(orgUnitId: string, signal?: AbortSignal): Promise<UnitPolicy> {
  return apiFetch(`/org-units/${enc(orgUnitId)}/policy`, { signal });
}
export function updateUnitPolicy(orgUnitId: string, body: PolicyUpdateBody): Promise<UnitPolicy> {
  return apiFetch(`/org-units/${enc(orgUnitId)}/policy`, { method: 'PUT', body });
}

// ---- the PMO operating model ----

export type OperatingModel = Out<typeof import('@baton/contracts').OperatingModel>;
export type PmoModel = OperatingModel['model'];
export type GateEnforcement = NonNullable<ProjectLifecycle['enforcement']>;
export type GateFinding = GateEnforcement['blocking'][number];
export type GateWaiver = Out<typeof import('@baton/contracts').GateWaiver>;

export const operatingModelKeys = {
  project: (projectId: string) => ['governance', 'operating-model', projectId] as const,
};

/** The operating model the project works under, where it is set, and its rules. */
export function fetchOperatingModel(projectId: string, signal?: AbortSignal): Promise<OperatingModel> {
  return apiFetch(`/projects/${enc(projectId)}/operating-model`, { signal });
}
/** The PMO waives an unmet item of the gate in progress, with its reason. */
export function waiveGateItem(
  projectId: string,
  phaseKey: string,
  body: { item: string; reason: string },
): Promise<GateWaiver> {
  return apiFetch(`/projects/${enc(projectId)}/lifecycle/gates/${enc(phaseKey)}/waivers`, {
    method: 'POST',
    body,
  });
}
export function withdrawGateWaiver(
  projectId: string,
  phaseKey: string,
  waiverId: string,
): Promise<{ ok: true }> {
  return apiFetch(`/projects/${enc(projectId)}/lifecycle/gates/${enc(phaseKey)}/waivers/${enc(waiverId)}`, {
    method: 'DELETE',
  });
}
