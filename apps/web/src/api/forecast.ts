import type {
  Job as JobSchema,
  PortfolioForecastLatest as PortfolioForecastLatestSchema,
  ProjectForecast as ProjectForecastSchema,
} from '@baton/contracts';
import { apiFetch } from './client.ts';

type Out<T extends { _output: unknown }> = T['_output'];

export type ProjectForecast = Out<typeof ProjectForecastSchema>;
export type ForecastDriver = ProjectForecast['tornado']['finish'][number];
export type PortfolioForecastLatest = Out<typeof PortfolioForecastLatestSchema>;
export type PortfolioForecastResult = PortfolioForecastLatest['result'];
export type PortfolioForecastRow = PortfolioForecastResult['projects'][number];
export type ForecastJob = Out<typeof JobSchema>;

export const forecastKeys = {
  all: ['forecast'] as const,
  project: (id: string, iterations: number, seed: number) =>
    ['forecast', 'project', id, iterations, seed] as const,
  latest: ['forecast', 'portfolio', 'latest'] as const,
  job: (id: string) => ['forecast', 'job', id] as const,
};

export function fetchProjectForecast(id: string, iterations: number, seed: number, signal?: AbortSignal) {
  return apiFetch<ProjectForecast>(`/projects/${id}/forecast`, { query: { iterations, seed }, signal });
}

export function startPortfolioForecast(body: { iterations: number; seed: number; orgUnitId?: string }) {
  return apiFetch<ForecastJob>('/forecasts/portfolio', { method: 'POST', body });
}

export function fetchLatestPortfolioForecast(signal?: AbortSignal) {
  return apiFetch<PortfolioForecastLatest>('/forecasts/portfolio/latest', { signal });
}

export function fetchJob(id: string, signal?: AbortSignal) {
  return apiFetch<ForecastJob>(`/jobs/${id}`, { signal });
}
