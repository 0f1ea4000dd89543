import { z } from 'zod';
import { Id, Instant } from './common.ts';
import { Job } from './jobs.ts';
import { LocalDateTime } from './schedule.ts';

const Iterations = z.coerce
  .number()
  .int()
  .min(100)
  .max(50_000)
  .describe('Monte Carlo iterations, 100–50,000');
const Seed = z.coerce
  .number()
  .int()
  .min(-2_147_483_648)
  .max(2_147_483_647)
  .describe('Seed of the random stream: the same seed gives the same figures');

export const ForecastQuery = z.strictObject({
  iterations: Iterations.default(5000),
  seed: Seed.default(1),
});

const Share = z.number().min(0).max(1);

export const FinishBin = z.object({
  from: LocalDateTime,
  to: LocalDateTime,
  count: z.number().int(),
  cumulative: Share.describe('Share of iterations finishing by `to`'),
});
export const CostBin = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number().int(),
  cumulative: Share.describe('Share of iterations costing at most `to`'),
});

export const ForecastDriver = z
  .object({
    kind: z.enum(['duration', 'cost', 'risk']),
    id: Id,
    name: z.string(),
    finishCorrelation: z.number().min(-1).max(1),
    costCorrelation: z.number().min(-1).max(1),
  })
  .describe('A driver and its Spearman rank correlation with the finish and with the cost');

export const FinishForecast = z.object({
  plan: LocalDateTime.describe('The schedule engine’s finish for the plan (most likely durations, no risks)'),
  target: LocalDateTime.nullable().describe('Baseline finish, else the project’s planned finish'),
  targetKind: z.enum(['baseline', 'planned']).nullable(),
  probabilityOnTime: Share.nullable(),
  mean: LocalDateTime,
  min: LocalDateTime,
  max: LocalDateTime,
  p10: LocalDateTime,
  p50: LocalDateTime,
  p80: LocalDateTime,
  p90: LocalDateTime,
  histogram: z.array(FinishBin),
});
export const CostForecast = z.object({
  plan: z.number().describe('Spent plus most likely remaining cost, no risks (minor units)'),
  budget: z.number().nullable(),
  probabilityWithinBudget: Share.nullable(),
  mean: z.number(),
  min: z.number(),
  max: z.number(),
  p10: z.number(),
  p50: z.number(),
  p80: z.number(),
  p90: z.number(),
  histogram: z.array(CostBin),
});

export const ProjectForecast = z
  .object({
    projectId: Id,
    projectCode: z.string(),
    projectName: z.string(),
    currency: z.string(),
    iterations: z.number().int(),
    seed: z.number().int(),
    distribution: z.literal('triangular'),
    taskCount: z.number().int().describe('Work tasks simulated (summaries excluded)'),
    estimatedTasks: z.number().int().describe('Tasks with a three-point duration'),
    riskCount: z.number().int().describe('Open risks with a quantified schedule or cost impact'),
    finish: FinishForecast,
    cost: CostForecast,
    tornado: z.object({
      finish: z.array(ForecastDriver).describe('Top 10 drivers of the finish'),
      cost: z.array(ForecastDriver).describe('Top 10 drivers of the cost'),
    }),
  })
  .describe('A seeded Monte Carlo forecast of a project’s finish and cost');
export type ProjectForecast = z.infer<typeof ProjectForecast>;

export const PortfolioForecastBody = z.strictObject({
  iterations: Iterations.default(1000),
  seed: Seed.default(1),
  orgUnitId: Id.optional().describe('Only projects in this org unit and beneath'),
  portfolioId: Id.optional().describe('Only projects of this portfolio'),
});

export const PortfolioForecastProject = z.object({
  projectId: Id,
  projectCode: z.string(),
  projectName: z.string(),
  currency: z.string(),
  planFinish: LocalDateTime.nullable(),
  p50Finish: LocalDateTime.nullable(),
  p80Finish: LocalDateTime.nullable(),
  p90Finish: LocalDateTime.nullable(),
  planCost: z.number().nullable(),
  p50Cost: z.number().nullable(),
  p80Cost: z.number().nullable(),
  p90Cost: z.number().nullable(),
  probabilityOnTime: Share.nullable(),
  error: z
    .string()
    .nullable()
    .describe('Why the project could not be forecast (it is left out of the totals)'),
});
export const PortfolioForecastResult = z
  .object({
    iterations: z.number().int(),
    seed: z.number().int(),
    orgUnitId: Id.nullable(),
    portfolioId: Id.nullable(),
    computedAt: Instant,
    currency: z.string().nullable().describe('Currency of the totals; null when the projects mix currencies'),
    projects: z.array(PortfolioForecastProject),
    portfolio: z
      .object({
        projects: z.number().int(),
        planFinish: LocalDateTime,
        p10Finish: LocalDateTime,
        p50Finish: LocalDateTime,
        p80Finish: LocalDateTime,
        p90Finish: LocalDateTime,
        planCost: z.number(),
        p10Cost: z.number(),
        p50Cost: z.number(),
        p80Cost: z.number(),
        p90Cost: z.number(),
      })
      .nullable()
      .describe('Latest finish and total cost across the projects, per iteration; null with no project'),
  })
  .describe('A portfolio Monte Carlo forecast: per project and for the portfolio');
export type PortfolioForecastResult = z.infer<typeof PortfolioForecastResult>;

export const PortfolioForecastLatest = z.object({
  job: Job,
  result: PortfolioForecastResult,
});
