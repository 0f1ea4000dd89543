import {
  AhpEvaluateBody,
  AhpResult,
  CommitScenarioBody,
  CreateCommentBody,
  CreateObjectiveBody,
  CreateProposalBody,
  CreateScenarioBody,
  HistoryQuery,
  IdParams,
  IntakeForm,
  JournalPage,
  Ok,
  Proposal,
  ProposalComment,
  ProposalCommentList,
  ProposalList,
  ProposalQuery,
  ProposalTransitionBody,
  ReviewDecision,
  ReviewDecisionBody,
  ReviewDecisionList,
  ReviewList,
  Run,
  SaveAhpBody,
  Scenario,
  ScenarioCompareQuery,
  ScenarioDiff,
  ScenarioList,
  ScoringMatrix,
  StartRunBody,
  StrategicObjective,
  StrategySettings,
  UpdateIntakeFormBody,
  UpdateObjectiveBody,
  UpdateProposalBody,
  UpdateScenarioBody,
  UpdateStrategyBody,
} from '@baton/contracts';
import { z } from 'zod';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';
import { evaluateAhp } from './strategy.service.ts';

const DecisionQuery = z.strictObject({ projectId: z.uuid().optional() });
/** The optimiser's input as `baton portfolio optimize` reads it. */
const ProblemJson = z
  .object({
    periods: z.number(),
    budget: z.array(z.number()),
    budgetByCategory: z.record(z.string(), z.array(z.number())).optional(),
    capacity: z.record(z.string(), z.array(z.number())),
    projects: z.array(z.looseObject({ id: z.string(), value: z.number() })),
  })
  .describe('PortfolioProblem (see docs/portfolio-engine.md)');

export function registerPortfolioRoutes(r: RouteRegistrar, s: Services): void {
  const strategy = ['Portfolio strategy'];
  r.add({
    method: 'GET',
    url: '/api/v1/portfolio/strategy',
    summary: 'Strategic objectives with their weights, scoring criteria, discount rate, the AHP matrix',
    tags: strategy,
    schema: { response: { 200: StrategySettings } },
    handler: async () => s.strategy.get(),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/portfolio/strategy',
    summary: 'Change the weighting mode, criteria weights, discount rate or currency',
    tags: strategy,
    schema: { body: UpdateStrategyBody, response: { 200: StrategySettings } },
    handler: async (req, _reply, actor) => s.strategy.update(actor, req.body),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/portfolio/objectives',
    summary: 'Add a strategic objective (business driver)',
    tags: strategy,
    status: 201,
    schema: { body: CreateObjectiveBody, response: { 200: StrategicObjective } },
    handler: async (req, _reply, actor) => s.strategy.createObjective(actor, req.body),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/portfolio/objectives/:id',
    summary: 'Change an objective',
    tags: strategy,
    schema: { params: IdParams, body: UpdateObjectiveBody, response: { 200: StrategicObjective } },
    handler: async (req, _reply, actor) => s.strategy.updateObjective(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/portfolio/objectives/:id',
    summary: 'Delete an objective',
    tags: strategy,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.strategy.deleteObjective(actor, req.params.id);
      return { ok: true as const };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/portfolio/ahp/evaluate',
    summary: 'Weights and consistency ratio of a pairwise comparison matrix (nothing is saved)',
    tags: strategy,
    schema: { body: AhpEvaluateBody, response: { 200: AhpResult } },
    handler: async (req) => evaluateAhp(req.body.matrix),
  });
  r.add({
    method: 'PUT',
    url: '/api/v1/portfolio/strategy/ahp',
    summary: 'Save the pairwise comparison of objectives and weight them by AHP',
    tags: strategy,
    schema: { body: SaveAhpBody, response: { 200: StrategySettings } },
    handler: async (req, _reply, actor) => s.strategy.saveAhp(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/portfolio/intake-form',
    summary: 'The questions the PMO asks of every proposal, and its categories',
    tags: strategy,
    schema: { response: { 200: IntakeForm } },
    handler: async () => s.strategy.intakeForm(),
  });
  r.add({
    method: 'PUT',
    url: '/api/v1/portfolio/intake-form',
    summary: 'Configure the intake form',
    tags: strategy,
    schema: { body: UpdateIntakeFormBody, response: { 200: IntakeForm } },
    handler: async (req, _reply, actor) => s.strategy.updateIntakeForm(actor, req.body),
  });

  const intake = ['Proposals'];
  r.add({
    method: 'GET',
    url: '/api/v1/proposals',
    summary: 'Proposals with their business case, financials, scores and rank',
    tags: intake,
    cache: true,
    schema: { querystring: ProposalQuery, response: { 200: ProposalList } },
    handler: async (req, _reply, actor) => s.proposals.list(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/proposals',
    summary: 'Propose a project (a draft until submitted)',
    tags: intake,
    status: 201,
    schema: { body: CreateProposalBody, response: { 200: Proposal } },
    handler: async (req, _reply, actor) => s.proposals.create(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/proposals/:id',
    summary: 'One proposal',
    tags: intake,
    schema: { params: IdParams, response: { 200: Proposal } },
    handler: async (req, _reply, actor) => s.proposals.get(actor, req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/proposals/:id',
    summary: 'Change a proposal (its proposer until review; the board until a decision)',
    tags: intake,
    schema: { params: IdParams, body: UpdateProposalBody, response: { 200: Proposal } },
    handler: async (req, _reply, actor) => s.proposals.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/proposals/:id',
    summary: 'Delete a draft',
    tags: intake,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.proposals.remove(actor, req.params.id);
      return { ok: true as const };
    },
  });
  r.add({
    method: 'POST',
    url: '/api/v1/proposals/:id/transitions',
    summary: 'Submit, review, approve, reject or defer a proposal',
    tags: intake,
    schema: { params: IdParams, body: ProposalTransitionBody, response: { 200: Proposal } },
    handler: async (req, _reply, actor) => s.proposals.transition(actor, req.params.id, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/proposals/:id/comments',
    summary: 'The discussion of a proposal',
    tags: intake,
    schema: { params: IdParams, response: { 200: ProposalCommentList } },
    handler: async (req) => ({ items: await s.proposals.comments(req.params.id) }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/proposals/:id/comments',
    summary: 'Comment on a proposal',
    tags: intake,
    status: 201,
    schema: { params: IdParams, body: CreateCommentBody, response: { 200: ProposalComment } },
    handler: async (req, _reply, actor) => s.proposals.comment(actor, req.params.id, req.body.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/proposals/:id/history',
    summary: 'The proposal’s journal (newest first)',
    tags: intake,
    schema: { params: IdParams, querystring: HistoryQuery, response: { 200: JournalPage } },
    handler: async (req) => s.proposals.history(req.params.id, req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/portfolio/scoring',
    summary: 'The scoring matrix: open proposals × objectives and criteria, ranked',
    tags: intake,
    cache: true,
    schema: { response: { 200: ScoringMatrix } },
    handler: async () => s.proposals.scoring(),
  });

  const scenarios = ['Portfolio scenarios'];
  r.add({
    method: 'GET',
    url: '/api/v1/portfolio/scenarios',
    summary: 'Saved scenarios with their last result',
    tags: scenarios,
    schema: { response: { 200: ScenarioList } },
    handler: async () => ({ items: await s.scenarios.list() }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/portfolio/scenarios',
    summary: 'Save a scenario: horizon, budgets, capacity, candidates and overrides',
    tags: scenarios,
    status: 201,
    schema: { body: CreateScenarioBody, response: { 200: Scenario } },
    handler: async (req, _reply, actor) => s.scenarios.create(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/portfolio/scenarios/compare',
    summary: 'Two scenarios side by side: proposals in and out, start shifts, capacity, deltas',
    tags: scenarios,
    schema: { querystring: ScenarioCompareQuery, response: { 200: ScenarioDiff } },
    handler: async (req) => s.scenarios.compare(req.query.a, req.query.b),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/portfolio/scenarios/:id',
    summary: 'One scenario',
    tags: scenarios,
    schema: { params: IdParams, response: { 200: Scenario } },
    handler: async (req) => s.scenarios.get(req.params.id),
  });
  r.add({
    method: 'PATCH',
    url: '/api/v1/portfolio/scenarios/:id',
    summary: 'Change a scenario',
    tags: scenarios,
    schema: { params: IdParams, body: UpdateScenarioBody, response: { 200: Scenario } },
    handler: async (req, _reply, actor) => s.scenarios.update(actor, req.params.id, req.body),
  });
  r.add({
    method: 'DELETE',
    url: '/api/v1/portfolio/scenarios/:id',
    summary: 'Delete a scenario that is not committed',
    tags: scenarios,
    schema: { params: IdParams, response: { 200: Ok } },
    handler: async (req, _reply, actor) => {
      await s.scenarios.remove(actor, req.params.id);
      return { ok: true as const };
    },
  });
  r.add({
    method: 'GET',
    url: '/api/v1/portfolio/scenarios/:id/problem',
    summary: 'The scenario as optimiser input (the JSON `baton portfolio optimize` reads)',
    tags: scenarios,
    schema: { params: IdParams, response: { 200: ProblemJson } },
    handler: async (req) => s.scenarios.problem(req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/portfolio/scenarios/:id/runs',
    summary: 'Optimise a scenario (or trace its efficient frontier); poll the run for progress',
    tags: scenarios,
    status: 202,
    schema: { params: IdParams, body: StartRunBody, response: { 200: Run } },
    handler: async (req, _reply, actor) => s.scenarios.startRun(actor, req.params.id, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/portfolio/runs/:id',
    summary: 'A run’s progress: the heuristic answer, then the solver’s objective, bound and gap',
    tags: scenarios,
    schema: { params: IdParams, response: { 200: Run } },
    handler: async (req) => s.scenarios.getRun(req.params.id),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/portfolio/scenarios/:id/commit',
    summary: 'Commit: approve the selected proposals, set their planned starts, open their projects',
    tags: scenarios,
    schema: { params: IdParams, body: CommitScenarioBody, response: { 200: Scenario } },
    handler: async (req, _reply, actor) => s.scenarios.commit(actor, req.params.id, req.body.version),
  });

  const review = ['Portfolio review'];
  r.add({
    method: 'GET',
    url: '/api/v1/portfolio/review',
    summary: 'Running projects measured on cost, schedule and benefits: candidates to stop or re-scope',
    tags: review,
    schema: { response: { 200: ReviewList } },
    handler: async (_req, _reply, actor) => s.review.list(actor),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/portfolio/review/decisions',
    summary: 'Review decisions, newest first',
    tags: review,
    schema: { querystring: DecisionQuery, response: { 200: ReviewDecisionList } },
    handler: async (req) => ({ items: await s.review.decisions(req.query.projectId) }),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/portfolio/review/decisions',
    summary: 'Record a review decision (stop cancels the project, pause puts it on hold)',
    tags: review,
    status: 201,
    schema: { body: ReviewDecisionBody, response: { 200: ReviewDecision } },
    handler: async (req, _reply, actor) => s.review.decide(actor, req.body),
  });
}
