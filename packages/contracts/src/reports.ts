import { z } from 'zod';
import { Id, Instant, IsoDate } from './common.ts';
import { Period, Rag } from './status-reports.ts';

const Money = z.number().int().describe('Minor units (cents) of the project currency');

export const PortfolioPackFormat = z.enum(['json', 'csv', 'xlsx', 'pdf']);
export type PortfolioPackFormat = z.infer<typeof PortfolioPackFormat>;

export const PortfolioPackQuery = z.strictObject({
  format: PortfolioPackFormat.optional().describe('json (the default) for the screen, or a file'),
  orgUnitId: Id.optional().describe('Only projects of this org unit and its sub-units'),
  portfolioId: Id.optional(),
  programId: Id.optional(),
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, 'comma-separated project statuses such as active,on_hold')
    .optional()
    .describe('Comma-separated project statuses'),
  statusDate: IsoDate.optional().describe('The date the figures are measured at (today when absent)'),
});
export type PortfolioPackQuery = z.infer<typeof PortfolioPackQuery>;

export const PortfolioPackRow = z.object({
  projectId: Id,
  code: z.string(),
  name: z.string(),
  status: z.string(),
  orgUnitName: z.string().nullable(),
  portfolioName: z.string().nullable(),
  programName: z.string().nullable(),
  managerName: z.string().nullable(),
  currency: z.string(),
  health: Rag.describe('Computed overall health'),
  dimensions: z.record(z.string(), Rag).describe('Computed health per dimension'),
  spi: z.number().nullable(),
  cpi: z.number().nullable(),
  bac: Money.describe('Budget at completion: the baseline cost'),
  ev: Money,
  ac: Money.describe('Actual cost to date'),
  eac: Money.describe('Estimate at completion: the cost forecast'),
  eacMethod: z.string(),
  budget: Money.nullable().describe('The approved budget'),
  percentComplete: z.number().nullable().describe('EV / BAC in per cent; null without a baseline'),
  forecastFinish: IsoDate.nullable().describe('Finish of the schedule as it stands'),
  baselineFinish: IsoDate.nullable(),
  finishVarianceDays: z.number().int().nullable().describe('Forecast minus baseline finish, in days'),
  reportedRag: Rag.nullable().describe('Overall RAG of the latest submitted status report'),
  reportedPeriod: Period.nullable(),
});
export type PortfolioPackRow = z.infer<typeof PortfolioPackRow>;

export const PortfolioPack = z.object({
  statusDate: IsoDate,
  generatedAt: Instant,
  scope: z.string().describe('What the pack covers, in words'),
  rows: z.array(PortfolioPackRow),
  counts: z.object({ green: z.number().int(), amber: z.number().int(), red: z.number().int() }),
  totals: z
    .array(z.object({ currency: z.string(), budget: Money, ac: Money, eac: Money, bac: Money }))
    .describe('Sums per currency'),
});
export type PortfolioPack = z.infer<typeof PortfolioPack>;
