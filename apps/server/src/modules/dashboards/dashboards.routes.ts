import {
  EvmRollup,
  EvmRollupQuery,
  GroupEvm,
  GroupEvmQuery,
  IdParams,
  KpiQuery,
  KpiSeries,
  PortfolioDashboard,
  PortfolioDashboardQuery,
  RefreshAccepted,
  SCurve,
  SCurveQuery,
  Scorecard,
  ScorecardQuery,
  SnapshotBody,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

const GROUPS = [
  { kind: 'portfolio', base: '/api/v1/portfolios', what: 'a portfolio' },
  { kind: 'program', base: '/api/v1/programs', what: 'a program' },
  { kind: 'org-unit', base: '/api/v1/org-units', what: 'an org unit (and every unit beneath it)' },
] as const;

export function registerDashboardRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Dashboards'];
  r.add({
    method: 'GET',
    url: '/api/v1/dashboards/portfolio',
    summary:
      'Portfolio dashboard: health, budget vs actual vs forecast, milestones, capacity vs demand, risks, projects',
    tags,
    cache: true,
    schema: { querystring: PortfolioDashboardQuery, response: { 200: PortfolioDashboard } },
    handler: async (req, _reply, actor) => s.dashboards.portfolio(actor, req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/dashboards/scorecard',
    summary: 'Executive scorecard: per org unit, this month’s KPIs and their trend against last month',
    tags,
    cache: true,
    schema: { querystring: ScorecardQuery, response: { 200: Scorecard } },
    handler: async (req, _reply, actor) => s.kpis.scorecard(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/dashboards/refresh',
    summary: 'Recompute every project’s stored figures now (a background job)',
    tags,
    status: 202,
    schema: { response: { 202: RefreshAccepted } },
    handler: async (_req, _reply, actor) => ({
      job: toJob(await s.projectMetrics.refreshAllLater(actor.userId)),
    }),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/kpis',
    summary:
      'KPIs per month from the monthly snapshots: on time, on budget, success rate, throughput, cycle time, utilisation',
    tags,
    cache: true,
    schema: { querystring: KpiQuery, response: { 200: KpiSeries } },
    handler: async (req, _reply, actor) => s.kpis.series(actor, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/kpis/snapshots',
    summary: 'Freeze every project’s figures for a closed month (a background job)',
    tags,
    status: 202,
    schema: { body: SnapshotBody, response: { 202: RefreshAccepted } },
    handler: async (req, _reply, actor) => ({
      job: toJob(await s.kpis.snapshotLater(req.body.period, actor.userId)),
    }),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/evm/rollup',
    summary: 'Earned value summed by program, portfolio or org unit, the indices recomputed from the sums',
    tags: ['Reporting'],
    schema: { querystring: EvmRollupQuery, response: { 200: EvmRollup } },
    handler: async (req, _reply, actor) => s.evmRollup.rollup(actor, req.query),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/evm/s-curve',
    summary: 'A project’s S-curve: cumulative PV, EV and AC per week or month, with the status date marked',
    tags: ['Reporting'],
    schema: { params: IdParams, querystring: SCurveQuery, response: { 200: SCurve } },
    handler: async (req) => s.evmRollup.projectCurve(req.params.id, req.query),
  });
  for (const g of GROUPS) {
    r.add({
      method: 'GET',
      url: `${g.base}/:id/evm`,
      summary: `Earned value of ${g.what}: the total and each project`,
      tags: ['Reporting'],
      schema: { params: IdParams, querystring: GroupEvmQuery, response: { 200: GroupEvm } },
      handler: async (req, _reply, actor) => s.evmRollup.group(actor, g.kind, req.params.id, req.query),
    });
    r.add({
      method: 'GET',
      url: `${g.base}/:id/evm/s-curve`,
      summary: `The S-curve of ${g.what}: its projects’ cumulative PV, EV and AC added up`,
      tags: ['Reporting'],
      schema: { params: IdParams, querystring: SCurveQuery, response: { 200: SCurve } },
      handler: async (req, _reply, actor) => s.evmRollup.groupCurve(actor, g.kind, req.params.id, req.query),
    });
  }
}

function toJob(row: {
  id: string;
  kind: string;
  status: string;
  progress: number;
  progressMessage: string | null;
  result: Record<string, unknown> | null;
  error: string | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as 'queued',
    progress: row.progress,
    progressMessage: row.progressMessage,
    result: row.result ?? null,
    error: row.error,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
