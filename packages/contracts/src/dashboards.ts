import { z } from 'zod';
import { Id, Instant, IsoDate } from './common.ts';
import { Job } from './jobs.ts';

const Money = z.number().int().describe('Minor units (cents)');
const Share = z.number().min(0).describe('A fraction, 0–1');
const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM')
  .describe('A calendar month, YYYY-MM');
const EacMethod = z
  .enum(['cpi', 'cpi-spi', 'atypical'])
  .optional()
  .describe('How EAC is forecast (BAC / CPI by default); the formula used is named in eacMethod');

export const EVM_GROUPINGS = ['program', 'portfolio', 'org-unit'] as const;
export type EvmGrouping = (typeof EVM_GROUPINGS)[number];

/** The earned-value figures of a project or a group (summed, then the indices recomputed from the sums). */
export const EvmFigures = z.object({
  bac: Money.describe('Budget at completion: the Baseline 0 cost'),
  pv: Money.describe('Planned value at the status date'),
  ev: Money.describe('Earned value'),
  ac: Money.describe('Actual cost'),
  sv: Money.describe('Schedule variance EV − PV'),
  cv: Money.describe('Cost variance EV − AC'),
  spi: z.number().nullable().describe('EV / PV'),
  cpi: z.number().nullable().describe('EV / AC'),
  eac: Money.describe('Estimate at completion'),
  eacMethod: z.string().describe('The formula EAC was forecast with'),
  etc: Money.describe('Estimate to complete EAC − AC'),
  vac: Money.describe('Variance at completion BAC − EAC'),
  tcpi: z.number().nullable().describe('(BAC − EV) / (BAC − AC)'),
});
export type EvmFigures = z.infer<typeof EvmFigures>;

export const EvmRollupQuery = z.strictObject({
  groupBy: z.enum(EVM_GROUPINGS).default('portfolio'),
  statusDate: IsoDate.optional().describe('The date measured at (today when absent)'),
  eacMethod: EacMethod,
});
export const GroupEvmQuery = z.strictObject({
  statusDate: IsoDate.optional().describe('The date measured at (today when absent)'),
  eacMethod: EacMethod,
});

export const EvmRollupRow = EvmFigures.extend({
  groupId: Id.nullable().describe('The program, portfolio or org unit; null for projects outside any'),
  code: z.string().nullable(),
  name: z.string(),
  projects: z.number().int(),
  currencies: z.array(z.string()).describe('Currencies of the projects summed (one, normally)'),
});
export type EvmRollupRow = z.infer<typeof EvmRollupRow>;
export const EvmRollup = z.object({
  groupBy: z.enum(EVM_GROUPINGS),
  statusDate: IsoDate,
  computedAt: Instant.nullable().describe(
    'Oldest stored figures used (null when computed live for a status date)',
  ),
  rows: z.array(EvmRollupRow),
  total: EvmRollupRow,
});
export type EvmRollup = z.infer<typeof EvmRollup>;

export const ProjectEvmRow = EvmFigures.extend({
  projectId: Id,
  code: z.string(),
  name: z.string(),
  currency: z.string(),
});
export const GroupEvm = z.object({
  kind: z.enum(EVM_GROUPINGS),
  id: Id,
  code: z.string().nullable(),
  name: z.string(),
  statusDate: IsoDate,
  computedAt: Instant.nullable().describe(
    'Oldest stored figures used (null when computed live for a status date)',
  ),
  total: EvmFigures,
  projects: z.array(ProjectEvmRow),
});
export type GroupEvm = z.infer<typeof GroupEvm>;

export const SCurveQuery = z.strictObject({
  granularity: z.enum(['week', 'month']).default('month'),
  statusDate: IsoDate.optional().describe('The date measured at (today when absent)'),
});
export const SCurvePoint = z.object({
  start: IsoDate,
  end: IsoDate,
  pv: Money.describe('Cumulative planned value at the period end'),
  ev: Money.nullable().describe('Cumulative earned value (null after the status date)'),
  ac: Money.nullable().describe('Cumulative actual cost (null after the status date)'),
});
export const SCurve = z.object({
  statusDate: IsoDate,
  granularity: z.enum(['week', 'month']),
  statusIndex: z.number().int().describe('The period holding the status date (−1 when outside)'),
  points: z.array(SCurvePoint),
});
export type SCurve = z.infer<typeof SCurve>;

const optionalId = Id.optional();
export const PortfolioDashboardQuery = z.strictObject({
  orgUnitId: optionalId.describe('Projects of this unit and every unit beneath it'),
  portfolioId: optionalId,
  programId: optionalId,
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(100)
    .describe('How many projects the project list holds (worst health first)'),
});
export type PortfolioDashboardQuery = z.infer<typeof PortfolioDashboardQuery>;

const RagCounts = z.object({
  green: z.number().int(),
  amber: z.number().int(),
  red: z.number().int(),
  unknown: z.number().int().describe('Projects without computed figures yet'),
});
export const DashboardProject = z.object({
  projectId: Id,
  code: z.string(),
  name: z.string(),
  status: z.string(),
  portfolioId: Id.nullable(),
  programId: Id.nullable(),
  currency: z.string(),
  health: z.enum(['green', 'amber', 'red']).nullable(),
  dimensions: z.record(z.string(), z.string()),
  bac: Money,
  pv: Money,
  ev: Money,
  ac: Money,
  eac: Money.nullable(),
  budget: Money.nullable(),
  spi: z.number().nullable(),
  cpi: z.number().nullable(),
  finish: IsoDate.nullable(),
  baselineFinish: IsoDate.nullable(),
  percentComplete: z.number().nullable(),
  computedAt: Instant.nullable(),
});
export type DashboardProject = z.infer<typeof DashboardProject>;
export const DashboardMilestone = z.object({
  taskId: Id,
  projectId: Id,
  projectCode: z.string(),
  name: z.string(),
  finish: IsoDate,
  baselineFinish: IsoDate.nullable(),
  slipDays: z
    .number()
    .int()
    .nullable()
    .describe('Days the forecast lies after the baseline (negative: early)'),
  within: z.enum(['30', '90']).describe('Due within the next 30 days, or 31–90'),
});
export const BudgetFigures = z.object({
  budget: Money,
  actual: Money,
  forecast: Money.describe('EAC'),
  bac: Money,
});
export const PortfolioDashboard = z.object({
  asOf: IsoDate,
  computedAt: Instant.nullable().describe('The oldest computation behind these figures'),
  projectCount: z.number().int(),
  health: z.object({
    overall: RagCounts,
    dimensions: z.record(z.string(), RagCounts),
  }),
  budget: z.object({
    total: BudgetFigures,
    byPortfolio: z.array(
      BudgetFigures.extend({ portfolioId: Id.nullable(), code: z.string().nullable(), name: z.string() }),
    ),
  }),
  milestones: z.object({
    next30: z.number().int(),
    next90: z.number().int(),
    items: z.array(DashboardMilestone),
  }),
  capacity: z.array(
    z.object({
      period: Month,
      capacityHours: z.number(),
      demandHours: z.number(),
      utilisation: z.number().nullable(),
    }),
  ),
  risks: z.object({
    total: z.number().int(),
    cells: z
      .array(z.object({ probability: z.number().int(), impact: z.number().int(), count: z.number().int() }))
      .describe('Open and monitored risks by probability × impact score (1–5); empty cells left out'),
  }),
  projects: z.array(DashboardProject),
});
export type PortfolioDashboard = z.infer<typeof PortfolioDashboard>;

export const KpiQuery = z
  .strictObject({
    from: Month.optional().describe('First month (twelve months back when absent)'),
    to: Month.optional().describe('Last month (the last closed month when absent)'),
    orgUnitId: optionalId,
    toleranceDays: z.coerce
      .number()
      .int()
      .min(0)
      .max(365)
      .default(7)
      .describe('Days late still counted on time'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'to must not be before from', path: ['to'] })
  .refine((q) => !q.from || !q.to || monthsApart(q.from, q.to) < 60, {
    message: 'at most sixty months at a time',
    path: ['to'],
  });
function monthsApart(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}
export type KpiQuery = z.infer<typeof KpiQuery>;
export const KpiPoint = z.object({
  period: Month,
  snapshotted: z.boolean().describe('False when no snapshot was taken for the month'),
  inFlight: z.number().int(),
  onTime: z.number().int(),
  onTimeEligible: z.number().int(),
  onTimeShare: Share.nullable(),
  onBudget: z.number().int(),
  onBudgetEligible: z.number().int(),
  onBudgetShare: Share.nullable(),
  throughput: z.number().int(),
  succeeded: z.number().int(),
  successRate: Share.nullable(),
  cycleTimeDays: z.number().nullable(),
  capacityHours: z.number(),
  demandHours: z.number(),
  utilisation: z.number().nullable(),
});
export type KpiPoint = z.infer<typeof KpiPoint>;
export const KpiSeries = z.object({
  from: Month,
  to: Month,
  toleranceDays: z.number().int(),
  points: z.array(KpiPoint),
});
export type KpiSeries = z.infer<typeof KpiSeries>;

export const ScorecardQuery = z.strictObject({ orgUnitId: optionalId });
const Trend = z.object({
  delta: z.number().nullable(),
  direction: z.enum(['up', 'down', 'flat', 'unknown']),
  better: z.boolean().nullable().describe('Whether the move is for the better (null: flat or unknown)'),
});
export const KPI_KEYS = [
  'onTimeShare',
  'onBudgetShare',
  'successRate',
  'throughput',
  'cycleTimeDays',
  'utilisation',
] as const;
export const ScorecardRow = z.object({
  orgUnitId: Id.nullable().describe('null for the total'),
  code: z.string().nullable(),
  name: z.string(),
  projects: z.number().int(),
  health: RagCounts,
  current: KpiPoint,
  previous: KpiPoint.nullable(),
  trends: z.record(z.enum(KPI_KEYS), Trend),
});
export type ScorecardRow = z.infer<typeof ScorecardRow>;
export const Scorecard = z.object({
  asOf: IsoDate,
  period: Month.describe('The current month (live figures)'),
  previousPeriod: Month.describe('The month compared with (its snapshot)'),
  computedAt: Instant.nullable(),
  total: ScorecardRow,
  units: z.array(ScorecardRow),
});
export type Scorecard = z.infer<typeof Scorecard>;

export const SnapshotBody = z.strictObject({
  period: Month.describe('A closed month to freeze every project’s figures for'),
});
export const RefreshAccepted = z.object({ job: Job });
