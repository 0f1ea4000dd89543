import type {
  AhpResult as AhpResultSchema,
  CreateProposalBody as CreateProposalBodySchema,
  CreateScenarioBody as CreateScenarioBodySchema,
  IntakeForm as IntakeFormSchema,
  ProposalComment as ProposalCommentSchema,
  Proposal as ProposalSchema,
  ReviewDecision as ReviewDecisionSchema,
  ReviewItem as ReviewItemSchema,
  Run as RunSchema,
  ScenarioDiff as ScenarioDiffSchema,
  Scenario as ScenarioSchema,
  ScoringMatrix as ScoringMatrixSchema,
  StrategySettings as StrategySettingsSchema,
  UpdateIntakeFormBody as UpdateIntakeFormBodySchema,
  UpdateProposalBody as UpdateProposalBodySchema,
  UpdateScenarioBody as UpdateScenarioBodySchema,
  UpdateStrategyBody as UpdateStrategyBodySchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';
import type { JournalEntry, Page } from './types.ts';

type Out<T extends { _output: unknown }> = T['_output'];
type In<T extends { _input: unknown }> = T['_input'];

export type StrategySettings = Out<typeof StrategySettingsSchema>;
export type StrategicObjective = StrategySettings['objectives'][number];
export type CriteriaWeights = StrategySettings['criteria'];
export type AhpResult = Out<typeof AhpResultSchema>;
export type IntakeForm = Out<typeof IntakeFormSchema>;
export type IntakeField = IntakeForm['fields'][number];
export type Proposal = Out<typeof ProposalSchema>;
export type ProposalStatus = Proposal['status'];
export type BusinessCasePeriod = Proposal['businessCase'][number];
export type DemandLine = Proposal['demand'][number];
export type ProposalComment = Out<typeof ProposalCommentSchema>;
export type ScoringMatrix = Out<typeof ScoringMatrixSchema>;
export type ScoringRow = ScoringMatrix['rows'][number];
export type Scenario = Out<typeof ScenarioSchema>;
export type ScenarioResult = NonNullable<Scenario['result']>;
export type SelectedProposal = ScenarioResult['selected'][number];
export type ExcludedProposal = ScenarioResult['excluded'][number];
export type BindingConstraint = ScenarioResult['binding'][number];
export type ScenarioOverride = Scenario['overrides'][number];
export type FrontierPoint = NonNullable<Scenario['frontier']>[number];
export type Run = Out<typeof RunSchema>;
export type RunProgress = Run['progress'][number];
export type ScenarioDiff = Out<typeof ScenarioDiffSchema>;
export type ReviewItem = Out<typeof ReviewItemSchema>;
export type ReviewDecision = Out<typeof ReviewDecisionSchema>;
export type ReviewDecisionKind = ReviewDecision['decision'];

export type UpdateStrategyBody = In<typeof UpdateStrategyBodySchema>;
export type UpdateIntakeFormBody = In<typeof UpdateIntakeFormBodySchema>;
export type CreateProposalBody = In<typeof CreateProposalBodySchema>;
export type UpdateProposalBody = In<typeof UpdateProposalBodySchema>;
export type CreateScenarioBody = In<typeof CreateScenarioBodySchema>;
export type UpdateScenarioBody = In<typeof UpdateScenarioBodySchema>;
export type StartRunBody = {
  kind: Run['kind'];
  timeLimitSeconds?: number;
  gap?: number;
  points?: number;
};

export type ProposalListParams = { status?: string; q?: string; sort?: 'rank' | 'code' | 'updated' };

export const portfolioKeys = {
  all: ['portfolio'] as const,
  strategy: ['portfolio', 'strategy'] as const,
  intakeForm: ['portfolio', 'intake-form'] as const,
  proposals: (params: ProposalListParams) => ['portfolio', 'proposals', params] as const,
  proposal: (id: string) => ['portfolio', 'proposal', id] as const,
  comments: (id: string) => ['portfolio', 'proposal', id, 'comments'] as const,
  history: (id: string) => ['portfolio', 'proposal', id, 'history'] as const,
  scoring: ['portfolio', 'scoring'] as const,
  scenarios: ['portfolio', 'scenarios'] as const,
  scenario: (id: string) => ['portfolio', 'scenario', id] as const,
  run: (id: string) => ['portfolio', 'run', id] as const,
  compare: (a: string, b: string) => ['portfolio', 'compare', a, b] as const,
  review: ['portfolio', 'review'] as const,
  decisions: (projectId?: string) => ['portfolio', 'decisions', projectId ?? 'all'] as const,
};

const enc = encodeURIComponent;

// ---- strategy ----

export function fetchStrategy(signal?: AbortSignal): Promise<StrategySettings> {
  return apiFetch('/portfolio/strategy', { signal });
}
export function updateStrategy(body: UpdateStrategyBody): Promise<StrategySettings> {
  return apiFetch('/portfolio/strategy', { method: 'PATCH', body });
}
export function createObjective(body: {
  name: string;
  description?: string | null;
  directWeight?: number | null;
}): Promise<StrategicObjective> {
  return apiFetch('/portfolio/objectives', { method: 'POST', body });
}
export function updateObjective(
  id: string,
  body: {
    version: number;
    name?: string;
    description?: string | null;
    directWeight?: number | null;
    sortOrder?: number;
    active?: boolean;
  },
): Promise<StrategicObjective> {
  return apiFetch(`/portfolio/objectives/${enc(id)}`, { method: 'PATCH', body });
}
export function deleteObjective(id: string): Promise<unknown> {
  return apiFetch(`/portfolio/objectives/${enc(id)}`, { method: 'DELETE' });
}
export function evaluateAhp(matrix: number[][], signal?: AbortSignal): Promise<AhpResult> {
  return apiFetch('/portfolio/ahp/evaluate', { method: 'POST', body: { matrix }, signal });
}
export function saveAhp(body: {
  version: number;
  objectiveIds: string[];
  matrix: number[][];
}): Promise<StrategySettings> {
  return apiFetch('/portfolio/strategy/ahp', { method: 'PUT', body });
}

// ---- intake ----

export function fetchIntakeForm(signal?: AbortSignal): Promise<IntakeForm> {
  return apiFetch('/portfolio/intake-form', { signal });
}
export function updateIntakeForm(body: UpdateIntakeFormBody): Promise<IntakeForm> {
  return apiFetch('/portfolio/intake-form', { method: 'PUT', body });
}
export function listProposals(
  params: ProposalListParams,
  signal?: AbortSignal,
): Promise<{ items: Proposal[]; total: number }> {
  return apiFetch('/proposals', { query: params, signal });
}
export function fetchProposal(id: string, signal?: AbortSignal): Promise<Proposal> {
  return apiFetch(`/proposals/${enc(id)}`, { signal });
}
export function createProposal(body: CreateProposalBody): Promise<Proposal> {
  return apiFetch('/proposals', { method: 'POST', body });
}
export function updateProposal(id: string, body: UpdateProposalBody): Promise<Proposal> {
  return apiFetch(`/proposals/${enc(id)}`, { method: 'PATCH', body });
}
export function deleteProposal(id: string): Promise<unknown> {
  return apiFetch(`/proposals/${enc(id)}`, { method: 'DELETE' });
}
export function transitionProposal(
  id: string,
  body: { version: number; to: ProposalStatus; reason?: string },
): Promise<Proposal> {
  return apiFetch(`/proposals/${enc(id)}/transitions`, { method: 'POST', body });
}
export function listComments(id: string, signal?: AbortSignal): Promise<{ items: ProposalComment[] }> {
  return apiFetch(`/proposals/${enc(id)}/comments`, { signal });
}
export function addComment(id: string, body: string): Promise<ProposalComment> {
  return apiFetch(`/proposals/${enc(id)}/comments`, { method: 'POST', body: { body } });
}
export function fetchProposalHistory(id: string, signal?: AbortSignal): Promise<Page<JournalEntry>> {
  return apiFetch(`/proposals/${enc(id)}/history`, { query: { pageSize: 200 }, signal });
}
export function fetchScoring(signal?: AbortSignal): Promise<ScoringMatrix> {
  return apiFetch('/portfolio/scoring', { signal });
}

// ---- scenarios ----

export function listScenarios(signal?: AbortSignal): Promise<{ items: Scenario[] }> {
  return apiFetch('/portfolio/scenarios', { signal });
}
export function fetchScenario(id: string, signal?: AbortSignal): Promise<Scenario> {
  return apiFetch(`/portfolio/scenarios/${enc(id)}`, { signal });
}
export function createScenario(body: CreateScenarioBody): Promise<Scenario> {
  return apiFetch('/portfolio/scenarios', { method: 'POST', body });
}
export function updateScenario(id: string, body: UpdateScenarioBody): Promise<Scenario> {
  return apiFetch(`/portfolio/scenarios/${enc(id)}`, { method: 'PATCH', body });
}
export function deleteScenario(id: string): Promise<unknown> {
  return apiFetch(`/portfolio/scenarios/${enc(id)}`, { method: 'DELETE' });
}
export function startRun(scenarioId: string, body: StartRunBody): Promise<Run> {
  return apiFetch(`/portfolio/scenarios/${enc(scenarioId)}/runs`, { method: 'POST', body });
}
export function fetchRun(id: string, signal?: AbortSignal): Promise<Run> {
  return apiFetch(`/portfolio/runs/${enc(id)}`, { signal });
}
export function commitScenario(id: string, version: number): Promise<Scenario> {
  return apiFetch(`/portfolio/scenarios/${enc(id)}/commit`, { method: 'POST', body: { version } });
}
export function compareScenarios(a: string, b: string, signal?: AbortSignal): Promise<ScenarioDiff> {
  return apiFetch('/portfolio/scenarios/compare', { query: { a, b }, signal });
}

// ---- review ----

export function fetchReview(signal?: AbortSignal): Promise<{ items: ReviewItem[]; asOf: string }> {
  return apiFetch('/portfolio/review', { signal });
}
export function listDecisions(
  projectId?: string,
  signal?: AbortSignal,
): Promise<{ items: ReviewDecision[] }> {
  return apiFetch('/portfolio/review/decisions', { query: { projectId }, signal });
}
export function recordDecision(body: {
  projectId: string;
  decision: ReviewDecisionKind;
  reason: string;
}): Promise<ReviewDecision> {
  return apiFetch('/portfolio/review/decisions', { method: 'POST', body });
}
