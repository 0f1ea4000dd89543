import { z } from 'zod';
import { Audited, Currency, Id, Instant, IsoDate, LongText, Name, Version } from './common.ts';

// ---- months: the portfolio's period ----

export const YearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .describe('A calendar month, YYYY-MM');
const Money = z.number().int().min(0).max(1e15).describe('Minor units of the organisation’s currency');
const Rating = z.number().int().min(1).max(5);
const Profile = z.array(z.number().finite().min(0).max(1e12)).max(120);

// ---- strategy: objectives, their weights (direct or AHP), scoring criteria ----

export const CRITERIA = ['value', 'alignment', 'risk', 'urgency'] as const;
export type Criterion = (typeof CRITERIA)[number];
export const CriteriaWeights = z
  .strictObject({
    value: z.number().min(0).max(1),
    alignment: z.number().min(0).max(1),
    risk: z.number().min(0).max(1),
    urgency: z.number().min(0).max(1),
  })
  .describe('Weights of the four scoring criteria; normalised to sum 1 when scores are computed');
export type CriteriaWeights = z.infer<typeof CriteriaWeights>;

export const StrategicObjective = z.object({
  ...Audited,
  name: z.string(),
  description: z.string().nullable(),
  directWeight: z.number().nullable().describe('The weight set directly (used when weighting = direct)'),
  weight: z.number().describe('The weight in effect, from direct weights or AHP; objectives sum to 1'),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type StrategicObjective = z.infer<typeof StrategicObjective>;

export const CreateObjectiveBody = z.strictObject({
  name: Name,
  description: LongText.nullable().optional(),
  directWeight: z.number().min(0).max(100).nullable().optional(),
});
export const UpdateObjectiveBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  description: LongText.nullable().optional(),
  directWeight: z.number().min(0).max(100).nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});

export const AhpResult = z.object({
  weights: z.array(z.number()).describe('Principal eigenvector, normalised to sum 1, in matrix order'),
  lambdaMax: z.number(),
  ci: z.number().describe('Consistency index (λmax − n) / (n − 1)'),
  cr: z.number().nullable().describe('Consistency ratio CI / RI; null for n ≤ 2 (always consistent)'),
  consistent: z.boolean().describe('CR ≤ 0.1'),
});
export type AhpResult = z.infer<typeof AhpResult>;

const AhpValue = z
  .number()
  .positive()
  .min(1 / 9)
  .max(9);
export const AhpMatrix = z
  .array(z.array(AhpValue).min(1).max(15))
  .min(1)
  .max(15)
  .describe('Pairwise comparisons on Saaty’s 1/9 … 9 scale: a[i][j] = how much more i matters than j');
export const AhpEvaluateBody = z.strictObject({ matrix: AhpMatrix });
export const SaveAhpBody = z.strictObject({
  version: Version,
  objectiveIds: z.array(Id).min(1).max(15),
  matrix: AhpMatrix,
});

export const StrategySettings = z.object({
  version: Version,
  weighting: z.enum(['direct', 'ahp']),
  criteria: CriteriaWeights,
  discountRate: z.number().describe('Annual discount rate for NPV, e.g. 0.08'),
  currency: Currency,
  ahp: z
    .object({ objectiveIds: z.array(Id), matrix: z.array(z.array(z.number())), result: AhpResult })
    .nullable(),
  objectives: z.array(StrategicObjective),
  updatedAt: Instant,
});
export type StrategySettings = z.infer<typeof StrategySettings>;
export const UpdateStrategyBody = z.strictObject({
  version: Version,
  weighting: z.enum(['direct', 'ahp']).optional(),
  criteria: CriteriaWeights.optional(),
  discountRate: z.number().min(0).max(1).optional(),
  currency: Currency.optional(),
});

// ---- the intake form the PMO configures ----

export const INTAKE_FIELD_TYPES = ['text', 'longtext', 'number', 'select', 'date', 'boolean'] as const;
export const IntakeField = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _, starting with a letter'),
  label: z.string().trim().min(1).max(200),
  type: z.enum(INTAKE_FIELD_TYPES),
  required: z.boolean(),
  options: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  help: z.string().max(500).optional(),
});
export type IntakeField = z.infer<typeof IntakeField>;
export const IntakeForm = z.object({
  version: Version,
  fields: z.array(IntakeField),
  categories: z.array(z.string()).describe('Proposal categories offered, e.g. Regulatory, Growth'),
  updatedAt: Instant,
});
export type IntakeForm = z.infer<typeof IntakeForm>;
export const UpdateIntakeFormBody = z.strictObject({
  version: Version,
  fields: z.array(IntakeField).max(40),
  categories: z.array(z.string().trim().min(1).max(100)).max(40),
});

// ---- proposals (intake) and their business case ----

export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'approved',
  'rejected',
  'deferred',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const BusinessCasePeriod = z.strictObject({
  capexMinor: Money,
  opexMinor: Money,
  benefitMinor: Money,
});
export type BusinessCasePeriod = z.infer<typeof BusinessCasePeriod>;
export const DemandLine = z.strictObject({
  key: z.string().trim().min(1).max(100).describe('A job role (e.g. Developer) or a skill name'),
  kind: z.enum(['role', 'skill']),
  hours: Profile.describe('Hours needed per month, month 0 = the month the project starts'),
});
export type DemandLine = z.infer<typeof DemandLine>;

export const Financials = z.object({
  totalCostMinor: z.number(),
  totalBenefitMinor: z.number(),
  npvMinor: z.number().describe('Net present value at the strategy’s discount rate'),
  irr: z.number().nullable().describe('Internal rate of return, annualised; null when there is none'),
  paybackMonths: z.number().nullable().describe('Months from start until cumulative net flow ≥ 0'),
});
export type Financials = z.infer<typeof Financials>;
export const Scores = z.object({
  value: z.number(),
  alignment: z.number(),
  risk: z.number(),
  urgency: z.number(),
  total: z.number().describe('Weighted total, 0–100'),
});
export type Scores = z.infer<typeof Scores>;

const proposalFields = {
  description: LongText.nullable(),
  category: z.string().trim().max(100).nullable(),
  orgUnitId: Id.nullable(),
  portfolioId: Id.nullable(),
  sponsorId: Id.nullable(),
  earliestStart: YearMonth,
  latestStart: YearMonth,
  riskRating: Rating.describe('1 = low risk … 5 = very high'),
  urgency: Rating.describe('1 = can wait … 5 = now'),
  mandatory: z.boolean().describe('Regulatory or otherwise required: always selected'),
  businessCase: z.array(BusinessCasePeriod).max(120).describe('Per month from the start'),
  demand: z.array(DemandLine).max(40),
  alignment: z
    .record(z.string(), z.number().int().min(0).max(5))
    .describe('Objective id → contribution 0 (none) … 5 (extreme)'),
  requires: z.array(Id).max(50).describe('Proposals this one cannot go ahead without'),
  excludes: z.array(Id).max(50).describe('Proposals that cannot go ahead together with this one'),
  answers: z.record(z.string(), z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()])),
};
const startOrder = (v: { earliestStart?: string | undefined; latestStart?: string | undefined }): boolean =>
  !v.earliestStart || !v.latestStart || v.earliestStart <= v.latestStart;
const START_ORDER = { message: 'latestStart must not be before earliestStart', path: ['latestStart'] };

export const Proposal = z.object({
  ...Audited,
  code: z.string(),
  title: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  statusReason: z.string().nullable(),
  ...proposalFields,
  orgUnitName: z.string().nullable(),
  portfolioName: z.string().nullable(),
  sponsorName: z.string().nullable(),
  proposerId: Id.nullable(),
  proposerName: z.string().nullable(),
  financials: Financials,
  scores: Scores,
  rank: z.number().int().nullable().describe('Rank by total score among open proposals'),
  plannedStart: YearMonth.nullable().describe('Set when a committed scenario selects it'),
  projectId: Id.nullable().describe('The project created when it was committed'),
  commentCount: z.number().int(),
  nextStatuses: z.array(z.enum(PROPOSAL_STATUSES)),
});
export type Proposal = z.infer<typeof Proposal>;
export const ProposalList = z.object({ items: z.array(Proposal), total: z.number().int() });
export const ProposalQuery = z.strictObject({
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, 'comma-separated statuses')
    .optional()
    .describe('Comma-separated statuses'),
  q: z.string().max(200).optional(),
  sort: z.enum(['rank', 'code', 'updated']).default('rank'),
});

export const CreateProposalBody = z
  .strictObject({
    title: Name,
    description: proposalFields.description.optional(),
    category: proposalFields.category.optional(),
    orgUnitId: proposalFields.orgUnitId.optional(),
    portfolioId: proposalFields.portfolioId.optional(),
    sponsorId: proposalFields.sponsorId.optional(),
    earliestStart: YearMonth,
    latestStart: YearMonth,
    riskRating: Rating.default(3),
    urgency: Rating.default(3),
    mandatory: z.boolean().default(false),
    businessCase: proposalFields.businessCase.default([]),
    demand: proposalFields.demand.default([]),
    alignment: proposalFields.alignment.default({}),
    requires: proposalFields.requires.default([]),
    excludes: proposalFields.excludes.default([]),
    answers: proposalFields.answers.default({}),
  })
  .refine(startOrder, START_ORDER);
export type CreateProposalBody = z.infer<typeof CreateProposalBody>;
export const UpdateProposalBody = z
  .strictObject({
    version: Version,
    title: Name.optional(),
    description: proposalFields.description.optional(),
    category: proposalFields.category.optional(),
    orgUnitId: proposalFields.orgUnitId.optional(),
    portfolioId: proposalFields.portfolioId.optional(),
    sponsorId: proposalFields.sponsorId.optional(),
    earliestStart: YearMonth.optional(),
    latestStart: YearMonth.optional(),
    riskRating: Rating.optional(),
    urgency: Rating.optional(),
    mandatory: z.boolean().optional(),
    businessCase: proposalFields.businessCase.optional(),
    demand: proposalFields.demand.optional(),
    alignment: proposalFields.alignment.optional(),
    requires: proposalFields.requires.optional(),
    excludes: proposalFields.excludes.optional(),
    answers: proposalFields.answers.optional(),
  })
  .refine(startOrder, START_ORDER);
export type UpdateProposalBody = z.infer<typeof UpdateProposalBody>;
export const ProposalTransitionBody = z.strictObject({
  version: Version,
  to: z.enum(PROPOSAL_STATUSES),
  reason: z.string().trim().max(2000).optional().describe('Required to reject or defer'),
});

export const ProposalComment = z.object({
  id: Id,
  proposalId: Id,
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: Instant,
});
export type ProposalComment = z.infer<typeof ProposalComment>;
export const ProposalCommentList = z.object({ items: z.array(ProposalComment) });
export const CreateCommentBody = z.strictObject({ body: z.string().trim().min(1).max(10_000) });

export const ScoringMatrix = z.object({
  objectives: z.array(StrategicObjective),
  criteria: CriteriaWeights,
  rows: z.array(
    z.object({
      proposalId: Id,
      code: z.string(),
      title: z.string(),
      status: z.enum(PROPOSAL_STATUSES),
      alignment: z.record(z.string(), z.number()),
      scores: Scores,
      financials: Financials,
      riskRating: z.number().int(),
      rank: z.number().int(),
    }),
  ),
});
export type ScoringMatrix = z.infer<typeof ScoringMatrix>;

// ---- scenarios: constraints + overrides, optimised, compared, committed ----

export const ScenarioOverride = z.strictObject({
  proposalId: Id,
  mandatory: z.boolean().optional(),
  forcedOut: z.boolean().optional(),
  value: z.number().min(0).max(1e12).optional().describe('Replaces the proposal’s value in this scenario'),
  earliestStart: YearMonth.optional(),
  latestStart: YearMonth.optional(),
});
export type ScenarioOverride = z.infer<typeof ScenarioOverride>;

const scenarioFields = {
  description: LongText.nullable(),
  startMonth: YearMonth.describe('Period 0 of the horizon'),
  periods: z.number().int().min(1).max(60).describe('Months in the horizon'),
  objective: z
    .enum(['score', 'npv'])
    .describe('What is maximised: total weighted score, or total NPV (in major units)'),
  budget: z
    .array(z.number().min(0).max(1e13))
    .max(60)
    .describe('Budget per month in major units; one number applies to every month'),
  budgetByCategory: z
    .strictObject({
      capex: z.array(z.number().min(0).max(1e13)).max(60).optional(),
      opex: z.array(z.number().min(0).max(1e13)).max(60).optional(),
    })
    .nullable(),
  capacityFrom: z
    .enum(['pool', 'manual'])
    .describe(
      'pool: free hours of the pool by role/skill per month, after committed work; manual: capacity as given',
    ),
  capacity: z
    .record(z.string(), z.array(z.number().min(0).max(1e9)).max(60))
    .describe('Hours per month by role or skill key; with pool, replaces the pool figure for that key'),
  capacityFactor: z.number().min(0).max(10).describe('Scales every capacity figure (what-if)'),
  statuses: z
    .array(z.enum(['submitted', 'under_review', 'approved', 'deferred']))
    .min(1)
    .describe('Which proposals are candidates'),
  overrides: z.array(ScenarioOverride).max(2000),
};

export const SelectedProposal = z.object({
  proposalId: Id,
  code: z.string(),
  title: z.string(),
  start: YearMonth,
  startIndex: z.number().int(),
  value: z.number(),
  costMinor: z.number(),
  riskRating: z.number().int(),
});
export const ConstraintRef = z.object({
  kind: z.enum(['budget', 'category', 'capacity']),
  key: z.string().nullable(),
  period: z.number().int(),
  month: YearMonth,
});
export const BindingConstraint = ConstraintRef.extend({
  used: z.number(),
  limit: z.number(),
  shadowPrice: z.number().nullable().describe('Value gained per extra unit (LP relaxation)'),
});
export const ExcludedProposal = z.object({
  proposalId: Id,
  code: z.string(),
  title: z.string(),
  reason: z.string(),
  kind: z.enum(['forced-out', 'requires', 'excludes', 'budget', 'category', 'capacity', 'value']),
  blocking: z.array(ConstraintRef.extend({ shortfall: z.number() })),
  valueToEnter: z.number().nullable(),
});
export const Usage = z.object({
  key: z.string().nullable(),
  kind: z.enum(['budget', 'category', 'capacity']),
  used: z.array(z.number()),
  limit: z.array(z.number()),
});
export const ScenarioResult = z.object({
  status: z.enum(['optimal', 'feasible', 'infeasible']),
  objective: z.number(),
  bound: z.number(),
  gap: z.number(),
  selected: z.array(SelectedProposal),
  binding: z.array(BindingConstraint),
  excluded: z.array(ExcludedProposal),
  conflicts: z.array(z.string()),
  heuristic: z.object({ objective: z.number(), bound: z.number(), gap: z.number(), elapsedMs: z.number() }),
  ranking: z.object({ objective: z.number() }).describe('A plain value/cost ranking on the same inputs'),
  totals: z.object({
    value: z.number(),
    costMinor: z.number(),
    npvMinor: z.number(),
    meanRisk: z.number().nullable(),
    count: z.number().int(),
  }),
  usage: z.array(Usage),
  candidates: z.number().int(),
  elapsedMs: z.number(),
  solvedAt: Instant,
});
export type ScenarioResult = z.infer<typeof ScenarioResult>;
export const FrontierPoint = z.object({
  budgetFactor: z.number(),
  totalBudget: z.number(),
  value: z.number(),
  bound: z.number(),
  gap: z.number(),
  selectedCount: z.number().int(),
  selectedIds: z.array(Id),
});
export type FrontierPoint = z.infer<typeof FrontierPoint>;

export const Scenario = z.object({
  ...Audited,
  name: z.string(),
  ...scenarioFields,
  status: z.enum(['draft', 'committed']),
  result: ScenarioResult.nullable(),
  resultStale: z.boolean().describe('Inputs changed since the result was computed'),
  frontier: z.array(FrontierPoint).nullable(),
  committedAt: Instant.nullable(),
  committedByName: z.string().nullable(),
});
export type Scenario = z.infer<typeof Scenario>;
export const ScenarioList = z.object({ items: z.array(Scenario) });
export const CreateScenarioBody = z.strictObject({
  name: Name,
  description: scenarioFields.description.optional(),
  startMonth: YearMonth,
  periods: scenarioFields.periods.default(12),
  objective: scenarioFields.objective.default('score'),
  budget: scenarioFields.budget.min(1),
  budgetByCategory: scenarioFields.budgetByCategory.default(null),
  capacityFrom: scenarioFields.capacityFrom.default('pool'),
  capacity: scenarioFields.capacity.default({}),
  capacityFactor: scenarioFields.capacityFactor.default(1),
  statuses: scenarioFields.statuses.default(['submitted', 'under_review', 'approved']),
  overrides: scenarioFields.overrides.default([]),
});
export type CreateScenarioBody = z.infer<typeof CreateScenarioBody>;
export const UpdateScenarioBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  description: scenarioFields.description.optional(),
  startMonth: YearMonth.optional(),
  periods: scenarioFields.periods.optional(),
  objective: scenarioFields.objective.optional(),
  budget: scenarioFields.budget.min(1).optional(),
  budgetByCategory: scenarioFields.budgetByCategory.optional(),
  capacityFrom: scenarioFields.capacityFrom.optional(),
  capacity: scenarioFields.capacity.optional(),
  capacityFactor: scenarioFields.capacityFactor.optional(),
  statuses: scenarioFields.statuses.optional(),
  overrides: scenarioFields.overrides.optional(),
});
export type UpdateScenarioBody = z.infer<typeof UpdateScenarioBody>;
export const CommitScenarioBody = z.strictObject({ version: Version });

export const StartRunBody = z.strictObject({
  kind: z.enum(['optimise', 'frontier']),
  timeLimitSeconds: z.number().min(0.1).max(300).default(20),
  gap: z.number().min(0).max(0.5).default(0.0001),
  points: z.number().int().min(2).max(60).default(20).describe('Frontier points'),
});
export const RunProgress = z.object({
  phase: z.enum(['heuristic', 'mip', 'frontier']),
  objective: z.number().nullable(),
  bound: z.number().nullable(),
  gap: z.number().nullable(),
  elapsedMs: z.number(),
  pointsDone: z.number().int().nullable(),
});
export const Run = z.object({
  id: Id,
  scenarioId: Id,
  kind: z.enum(['optimise', 'frontier']),
  state: z.enum(['running', 'done', 'failed']),
  progress: z
    .array(RunProgress)
    .describe('Snapshots, oldest first: the heuristic answer, then the MIP improving it'),
  heuristic: z
    .object({ objective: z.number(), bound: z.number(), gap: z.number(), elapsedMs: z.number() })
    .nullable(),
  result: ScenarioResult.nullable(),
  frontier: z.array(FrontierPoint).nullable(),
  error: z.string().nullable(),
  startedAt: Instant,
  finishedAt: Instant.nullable(),
});
export type Run = z.infer<typeof Run>;

export const ScenarioCompareQuery = z.strictObject({ a: Id, b: Id });
export const ScenarioDiff = z.object({
  a: z.object({ id: Id, name: z.string(), totals: ScenarioResult.shape.totals.nullable() }),
  b: z.object({ id: Id, name: z.string(), totals: ScenarioResult.shape.totals.nullable() }),
  onlyInA: z.array(SelectedProposal),
  onlyInB: z.array(SelectedProposal),
  inBoth: z.array(
    z.object({
      proposalId: Id,
      code: z.string(),
      title: z.string(),
      startA: YearMonth,
      startB: YearMonth,
      shiftMonths: z.number().int(),
    }),
  ),
  deltas: z.object({
    value: z.number(),
    costMinor: z.number(),
    npvMinor: z.number(),
    meanRisk: z.number().nullable(),
    count: z.number().int(),
  }),
  capacity: z.array(
    z.object({
      key: z.string(),
      months: z.array(YearMonth),
      usedA: z.array(z.number()),
      usedB: z.array(z.number()),
    }),
  ),
  constraints: z
    .array(z.object({ field: z.string(), a: z.string(), b: z.string() }))
    .describe('Inputs that differ'),
});
export type ScenarioDiff = z.infer<typeof ScenarioDiff>;

// ---- review of running projects: candidates to stop or re-scope ----

export const REVIEW_DECISIONS = ['continue', 'rescope', 'pause', 'stop'] as const;
export const ReviewItem = z.object({
  projectId: Id,
  code: z.string(),
  name: z.string(),
  status: z.string(),
  health: z.enum(['green', 'amber', 'red']),
  budgetMinor: z.number().nullable(),
  actualCostMinor: z.number(),
  percentComplete: z.number().nullable(),
  costPerformanceIndex: z.number().nullable().describe('Earned value / actual cost'),
  finishSlipDays: z.number().nullable().describe('Current finish against the first baseline'),
  expectedBenefitMinor: z.number().nullable().describe('From the proposal it came from'),
  remainingNpvMinor: z.number().nullable().describe('Benefits still to come minus cost still to spend'),
  flags: z.array(z.string()),
  candidate: z.boolean().describe('Underperforms: a candidate to stop or re-scope'),
  lastDecision: z
    .object({
      decision: z.enum(REVIEW_DECISIONS),
      reason: z.string(),
      decidedAt: Instant,
      decidedByName: z.string().nullable(),
    })
    .nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;
export const ReviewList = z.object({ items: z.array(ReviewItem), asOf: IsoDate });
export const ReviewDecisionBody = z.strictObject({
  projectId: Id,
  decision: z.enum(REVIEW_DECISIONS),
  reason: z.string().trim().min(1).max(2000),
});
export const ReviewDecision = z.object({
  id: Id,
  projectId: Id,
  decision: z.enum(REVIEW_DECISIONS),
  reason: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
  decidedAt: Instant,
  decidedByName: z.string().nullable(),
});
export const ReviewDecisionList = z.object({ items: z.array(ReviewDecision) });
