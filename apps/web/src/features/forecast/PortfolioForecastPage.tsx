import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError, isApiProblem } from '../../api/client.ts';
import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import { toMajor } from '../../api/exports.ts';
import {
  fetchJob,
  fetchLatestPortfolioForecast,
  forecastKeys,
  type PortfolioForecastResult,
  startPortfolioForecast,
} from '../../api/forecast.ts';
import { useOrgUnits } from '../../api/queries.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDateTime, formatMoney, formatMoneyCompact } from '../../design/format.ts';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { compactDay, forecastDay, ITERATION_CHOICES, percent, readControls } from './forecast-model.ts';
import './forecast.css';

const DEFAULTS = { iterations: 1000, seed: 1 };
const DONE = new Set(['succeeded', 'failed', 'cancelled']);

function Totals({ result }: { result: PortfolioForecastResult }) {
  const p = result.portfolio;
  if (!p) return null;
  const cur = result.currency;
  const money = (v: number) => (cur ? formatMoneyCompact(v, cur) : v.toLocaleString('en-GB'));
  const items = [
    { label: 'P50 latest finish', value: forecastDay(p.p50Finish) },
    { label: 'P80 latest finish', value: forecastDay(p.p80Finish) },
    { label: 'P90 latest finish', value: forecastDay(p.p90Finish) },
    { label: 'P50 total cost', value: money(p.p50Cost) },
    { label: 'P80 total cost', value: money(p.p80Cost) },
    { label: 'P90 total cost', value: money(p.p90Cost) },
  ];
  return (
    <ul className="kpis fc-portfolio-kpis" aria-label="Portfolio percentiles">
      {items.map((i) => (
        <li key={i.label} className="kpi">
          <span className="kpi__label">{i.label}</span>
          <span className="kpi__value">{i.value}</span>
        </li>
      ))}
    </ul>
  );
}

const COLUMNS: ExportColumn[] = [
  { key: 'code', label: 'Code' },
  { key: 'name', label: 'Project' },
  { key: 'planFinish', label: 'Plan finish', kind: 'date' },
  { key: 'p50Finish', label: 'P50 finish', kind: 'date' },
  { key: 'p80Finish', label: 'P80 finish', kind: 'date' },
  { key: 'p90Finish', label: 'P90 finish', kind: 'date' },
  { key: 'onTime', label: 'On time', kind: 'percent' },
  { key: 'currency', label: 'Currency' },
  { key: 'planCost', label: 'Plan cost', kind: 'money' },
  { key: 'p50Cost', label: 'P50 cost', kind: 'money' },
  { key: 'p80Cost', label: 'P80 cost', kind: 'money' },
  { key: 'p90Cost', label: 'P90 cost', kind: 'money' },
  { key: 'error', label: 'Not forecast because' },
];

function exportRows(result: PortfolioForecastResult): ExportRow[] {
  return result.projects.map((p) => ({
    code: p.projectCode,
    name: p.projectName,
    planFinish: p.planFinish?.slice(0, 10) ?? null,
    p50Finish: p.p50Finish?.slice(0, 10) ?? null,
    p80Finish: p.p80Finish?.slice(0, 10) ?? null,
    p90Finish: p.p90Finish?.slice(0, 10) ?? null,
    onTime: p.probabilityOnTime,
    currency: p.currency,
    planCost: toMajor(p.planCost, p.currency),
    p50Cost: toMajor(p.p50Cost, p.currency),
    p80Cost: toMajor(p.p80Cost, p.currency),
    p90Cost: toMajor(p.p90Cost, p.currency),
    error: p.error,
  }));
}

function ProjectTable({ result }: { result: PortfolioForecastResult }) {
  const day = (v: string | null) => (v ? compactDay(v) : '—');
  // Forecast projects first; those that could not be forecast (no plan yet) after them.
  const rows = [...result.projects].sort((a, b) => Number(a.error !== null) - Number(b.error !== null));
  const money = (v: number | null, cur: string) => (v === null ? '—' : formatMoney(v, cur));
  return (
    <Table className="fc-table" aria-label="Forecast per project" scrollLabel="Forecast per project">
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">Plan finish</th>
          <th scope="col">P50</th>
          <th scope="col">P80</th>
          <th scope="col">P90</th>
          <th scope="col" className="num">
            On time
          </th>
          <th scope="col" className="num">
            Plan cost
          </th>
          <th scope="col" className="num">
            P50 cost
          </th>
          <th scope="col" className="num">
            P90 cost
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.projectId}>
            <td>
              <Link to={`/projects/${p.projectId}?tab=forecast`}>
                {p.projectCode} {p.projectName}
              </Link>
              {p.error && <div className="fc-muted">Not forecast: {p.error}</div>}
            </td>
            <td>{day(p.planFinish)}</td>
            <td>{day(p.p50Finish)}</td>
            <td>{day(p.p80Finish)}</td>
            <td>{day(p.p90Finish)}</td>
            <td className="num">{percent(p.probabilityOnTime)}</td>
            <td className="num">{money(p.planCost, p.currency)}</td>
            <td className="num">{money(p.p50Cost, p.currency)}</td>
            <td className="num">{money(p.p90Cost, p.currency)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Portfolio Monte Carlo forecast: started as a background job, its progress, then per project and in total. */
export function PortfolioForecastPage() {
  const [params, setParams] = useSearchParams();
  const { iterations, seed } = readControls(params, DEFAULTS);
  const orgUnitId = params.get('unit') || null;
  const jobId = params.get('job');
  const units = useOrgUnits();
  const client = useQueryClient();
  const setParam = (key: string, value: string | null) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p, { replace: true });
  };
  const latest = useQuery({
    queryKey: forecastKeys.latest,
    queryFn: ({ signal }) => fetchLatestPortfolioForecast(signal),
    retry: (n, e) => !isApiProblem(e, 404) && n < 2,
  });
  const job = useQuery({
    queryKey: forecastKeys.job(jobId ?? ''),
    queryFn: ({ signal }) => fetchJob(jobId ?? '', signal),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && DONE.has(q.state.data.status) ? false : 1000),
  });
  const running = job.data && !DONE.has(job.data.status);
  const finished = job.data?.status === 'succeeded' ? job.data.id : null;
  useEffect(() => {
    // The job just finished: its result is now the latest forecast.
    if (finished) void client.invalidateQueries({ queryKey: forecastKeys.latest });
  }, [finished, client]);
  const start = useMutation({
    mutationFn: () => startPortfolioForecast({ iterations, seed, ...(orgUnitId ? { orgUnitId } : {}) }),
    onSuccess: (j) => setParam('job', j.id),
  });
  const none = latest.isError && isApiProblem(latest.error, 404);
  return (
    <div className="page">
      <PageHeader
        title="Portfolio forecast"
        subtitle="Monte Carlo finish and cost of every approved or active project you can see, from three-point estimates and quantified risks."
      />
      <div className="stack">
        <Card title="Run a forecast">
          <form
            className="fc-controls"
            aria-label="Portfolio forecast settings"
            onSubmit={(e) => {
              e.preventDefault();
              start.mutate();
            }}
          >
            <Field label="Org unit">
              <Select
                value={orgUnitId ?? ''}
                placeholder="The whole organisation"
                options={orgUnitOptions(units.data ?? [])}
                onChange={(e) => setParam('unit', e.target.value || null)}
              />
            </Field>
            <Field label="Iterations">
              <Select
                value={String(iterations)}
                options={[...new Set([...ITERATION_CHOICES.slice(0, 3), iterations])]
                  .sort((a, b) => a - b)
                  .map((n) => ({ value: String(n), label: n.toLocaleString('en-GB') }))}
                onChange={(e) => setParam('iterations', e.target.value)}
              />
            </Field>
            <Button type="submit" variant="primary" disabled={start.isPending || !!running}>
              {running ? 'Forecast running…' : 'Start portfolio forecast'}
            </Button>
          </form>
          {start.isError && (
            <Alert tone="error" title="The forecast could not be started">
              {describeError(start.error)}
            </Alert>
          )}
          {job.data && (
            <div className="stack" aria-live="polite">
              <label htmlFor="fc-progress">
                {job.data.status === 'succeeded'
                  ? 'Forecast finished'
                  : job.data.status === 'failed'
                    ? `Forecast failed: ${job.data.error ?? 'unknown error'}`
                    : `Forecast ${job.data.status}${job.data.progressMessage ? `: ${job.data.progressMessage}` : ''}`}
              </label>
              <progress id="fc-progress" className="fc-progress" max={1} value={job.data.progress} />
            </div>
          )}
        </Card>
        {latest.isPending ? (
          <Card>
            <LoadingState label="Loading the latest forecast…" />
          </Card>
        ) : none ? (
          <EmptyState title="No portfolio forecast yet">
            Start one above: it runs in the background and this page shows its progress.
          </EmptyState>
        ) : latest.isError ? (
          <ErrorState
            error={latest.error}
            title="Could not load the forecast"
            onRetry={() => latest.refetch()}
          />
        ) : (
          <Card
            title="Latest forecast"
            description={`${latest.data.result.iterations.toLocaleString('en-GB')} iterations, seed ${latest.data.result.seed}, computed ${formatDateTime(latest.data.result.computedAt)}. Portfolio finish is the latest project finish in each iteration; its cost the sum.`}
            actions={
              <ExportButtons
                fileName={`portfolio-forecast-${latest.data.result.computedAt.slice(0, 10)}`}
                what="the portfolio forecast"
                columns={COLUMNS}
                rows={exportRows(latest.data.result)}
              />
            }
          >
            {latest.data.result.projects.length === 0 ? (
              <EmptyState title="No project to forecast">
                No approved or active project is visible to you in this scope.
              </EmptyState>
            ) : (
              <>
                {latest.data.result.currency === null && (
                  <Alert tone="warning" title="Mixed currencies">
                    The projects use different currencies: the total cost adds their amounts as they are.
                  </Alert>
                )}
                <Totals result={latest.data.result} />
                <ProjectTable result={latest.data.result} />
              </>
            )}
          </Card>
        )}
      </div>
    </div>
  );
}
