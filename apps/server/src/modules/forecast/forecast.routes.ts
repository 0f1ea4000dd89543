import {
  ForecastQuery,
  IdParams,
  Job,
  PortfolioForecastBody,
  PortfolioForecastLatest,
  ProjectForecast,
} from '@baton/contracts';
import type { RouteRegistrar } from '../../http/routes.ts';
import type { Services } from '../../services.ts';

export function registerForecastRoutes(r: RouteRegistrar, s: Services): void {
  const tags = ['Forecasts'];
  r.add({
    method: 'GET',
    url: '/api/v1/projects/:id/forecast',
    summary:
      'Monte Carlo forecast of a project: P10–P90 finish and cost from three-point estimates and quantified risks, with the tornado of drivers (seeded: the same seed gives the same figures)',
    tags,
    schema: { params: IdParams, querystring: ForecastQuery, response: { 200: ProjectForecast } },
    handler: async (req) => s.forecast.project(req.params.id, req.query),
  });
  r.add({
    method: 'POST',
    url: '/api/v1/forecasts/portfolio',
    summary:
      'Queue a Monte Carlo forecast of every approved or active project the caller sees (a background job; poll GET /api/v1/jobs/{id})',
    tags,
    status: 202,
    schema: { body: PortfolioForecastBody, response: { 202: Job } },
    handler: async (req, _reply, actor) => s.forecast.startPortfolio(actor, req.body),
  });
  r.add({
    method: 'GET',
    url: '/api/v1/forecasts/portfolio/latest',
    summary: 'The newest finished portfolio forecast of the caller',
    tags,
    schema: { response: { 200: PortfolioForecastLatest } },
    handler: async (_req, _reply, actor) => s.forecast.latestPortfolio(actor),
  });
}
