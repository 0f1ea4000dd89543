import type {
  EvmGrouping as EvmGroupingType,
  EvmRollup as EvmRollupSchema,
  GroupEvm as GroupEvmSchema,
  KpiSeries as KpiSeriesSchema,
  PortfolioDashboard as PortfolioDashboardSchema,
  ProjectEvm as ProjectEvmSchema,
  SCurve as SCurveSchema,
  Scorecard as ScorecardSchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];

export type PortfolioDashboard = Out<typeof PortfolioDashboardSchema>;
export type DashboardProject = PortfolioDashboard['projects'][number];
export type DashboardMilestone = PortfolioDashboard['milestones']['items'][number];
export type RagCounts = PortfolioDashboard['health']['overall'];
export type Scorecard = Out<typeof ScorecardSchema>;
export type ScorecardRow = Scorecard['units'][number];
export type KpiSeries = Out<typeof KpiSeriesSchema>;
export type KpiPoint = KpiSeries['points'][number];
export type EvmRollup = Out<typeof EvmRollupSchema>;
export type EvmRollupRow = EvmRollup['rows'][number];
export type GroupEvm = Out<typeof GroupEvmSchema>;
export type SCurve = Out<typeof SCurveSchema>;
export type EvmGrouping = EvmGroupingType;

export type DashboardFilter = {
  orgUnitId?: string | null;
  portfolioId?: string | null;
  programId?: string | null;
};

export const dashboardKeys = {
  all: ['dashboards'] as const,
  portfolio: (f: DashboardFilter) => ['dashboards', 'portfolio', f] as const,
  scorecard: (orgUnitId: string | null) => ['dashboards', 'scorecard', orgUnitId] as const,
  kpis: (p: { from: string | null; to: string | null; orgUnitId: string | null }) =>
    ['dashboards', 'kpis', p] as const,
  project: (id: string) => ['dashboards', 'project-evm', id] as const,
  rollup: (groupBy: EvmGrouping, statusDate: string | null) =>
    ['dashboards', 'rollup', groupBy, statusDate] as const,
  curve: (scope: string, id: string, granularity: string) =>
    ['dashboards', 'curve', scope, id, granularity] as const,
};

export function fetchPortfolioDashboard(f: DashboardFilter & { limit?: number }, signal?: AbortSignal) {
  return apiFetch<PortfolioDashboard>('/dashboards/portfolio', {
    query: { orgUnitId: f.orgUnitId, portfolioId: f.portfolioId, programId: f.programId, limit: f.limit },
    signal,
  });
}

export function fetchScorecard(orgUnitId: string | null, signal?: AbortSignal) {
  return apiFetch<Scorecard>('/dashboards/scorecard', { query: { orgUnitId }, signal });
}

export function fetchKpis(
  p: { from: string | null; to: string | null; orgUnitId: string | null },
  signal?: AbortSignal,
) {
  return apiFetch<KpiSeries>('/kpis', { query: p, signal });
}

export function fetchEvmRollup(groupBy: EvmGrouping, statusDate: string | null, signal?: AbortSignal) {
  return apiFetch<EvmRollup>('/evm/rollup', { query: { groupBy, statusDate }, signal });
}

const GROUP_PATHS: Record<EvmGrouping, string> = {
  portfolio: 'portfolios',
  program: 'programs',
  'org-unit': 'org-units',
};

/** The S-curve of a project (scope 'project') or of a program, portfolio or org unit. */
export function fetchSCurve(
  scope: EvmGrouping | 'project',
  id: string,
  granularity: 'week' | 'month',
  signal?: AbortSignal,
) {
  const base = scope === 'project' ? 'projects' : GROUP_PATHS[scope];
  return apiFetch<SCurve>(`/${base}/${id}/evm/s-curve`, { query: { granularity }, signal });
}

export function refreshDashboards() {
  return apiFetch<{ job: { id: string } }>('/dashboards/refresh', { method: 'POST' });
}

export type ProjectEvm = Out<typeof ProjectEvmSchema>;

export function fetchProjectEvm(projectId: string, signal?: AbortSignal) {
  return apiFetch<ProjectEvm>(`/projects/${projectId}/evm`, { signal });
}
