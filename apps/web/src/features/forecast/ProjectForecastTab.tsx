import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiProblem } from '../../api/client.ts';
import {
  type ForecastDriver,
  fetchProjectForecast,
  forecastKeys,
  type ProjectForecast,
} from '../../api/forecast.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatMoney, formatMoneyCompact } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { DistributionChart } from './DistributionChart.tsx';
import {
  daysBetween,
  forecastDay,
  ITERATION_CHOICES,
  percent,
  readControls,
  slipLabel,
} from './forecast-model.ts';
import { TornadoChart } from './TornadoChart.tsx';
import './forecast.css';

const DEFAULTS = { iterations: 5000, seed: 1 };
const NOISE = 0.05;
const epoch = (local: string) => Date.parse(`${local.slice(0, 19)}Z`);
const shortDay = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(ms));

/** Iterations and seed, kept in the URL so a forecast can be shared and reproduced. */
function Controls({ iterations, seed }: { iterations: number; seed: number }) {
  const [params, setParams] = useSearchParams();
  const [seedText, setSeedText] = useState(String(seed));
  useEffect(() => setSeedText(String(seed)), [seed]);
  const seedOk = /^-?\d{1,10}$/.test(seedText.trim()) && Math.abs(Number(seedText)) <= 2_147_483_647;
  const apply = (next: { iterations?: number; seed?: number }) => {
    const p = new URLSearchParams(params);
    p.set('iterations', String(next.iterations ?? iterations));
    p.set('seed', String(next.seed ?? seed));
    setParams(p, { replace: false });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (seedOk) apply({ seed: Number(seedText) });
  };
  return (
    <form className="fc-controls" onSubmit={submit} aria-label="Forecast settings">
      <Field label="Iterations">
        <Select
          value={String(iterations)}
          options={[...new Set([...ITERATION_CHOICES, iterations])]
            .sort((a, b) => a - b)
            .map((n) => ({ value: String(n), label: n.toLocaleString('en-GB') }))}
          onChange={(e) => apply({ iterations: Number(e.target.value) })}
        />
      </Field>
      <Field label="Seed" error={seedOk ? undefined : 'A whole number'} hint="Same seed, same figures">
        <Input value={seedText} inputMode="numeric" onChange={(e) => setSeedText(e.target.value)} />
      </Field>
      <Button type="submit" disabled={!seedOk}>
        Run
      </Button>
    </form>
  );
}

function FinishCards({ f }: { f: ProjectForecast }) {
  const fin = f.finish;
  const against = fin.target ?? fin.plan;
  const items = [
    { label: 'P50 finish', value: fin.p50 },
    { label: 'P80 finish', value: fin.p80 },
    { label: 'P90 finish', value: fin.p90 },
  ];
  return (
    <ul className="kpis fc-kpis" aria-label="Finish percentiles">
      {items.map((i) => (
        <li key={i.label} className="kpi">
          <span className="kpi__label">{i.label}</span>
          <span className="kpi__value">{forecastDay(i.value)}</span>
          <span className="fc-kpi__hint">
            {slipLabel(daysBetween(against, i.value))} against the {fin.target ? fin.targetKind : 'plan'}
          </span>
        </li>
      ))}
      <li className="kpi">
        <span className="kpi__label">On time</span>
        <span className="kpi__value">{percent(fin.probabilityOnTime)}</span>
        <span className="fc-kpi__hint">
          {fin.target ? `chance of finishing by ${forecastDay(fin.target)}` : 'no baseline or planned finish'}
        </span>
      </li>
    </ul>
  );
}

function CostCards({ f }: { f: ProjectForecast }) {
  const c = f.cost;
  const cur = f.currency;
  const items = [
    { label: 'P50 cost', value: c.p50 },
    { label: 'P80 cost', value: c.p80 },
    { label: 'P90 cost', value: c.p90 },
  ];
  return (
    <ul className="kpis fc-kpis" aria-label="Cost percentiles">
      {items.map((i) => (
        <li key={i.label} className="kpi">
          <span className="kpi__label">{i.label}</span>
          <span className="kpi__value">{formatMoney(i.value, cur)}</span>
          <span className="fc-kpi__hint">
            {c.budget !== null
              ? `${i.value > c.budget ? 'over' : 'within'} budget ${formatMoneyCompact(c.budget, cur)}`
              : `plan ${formatMoneyCompact(c.plan, cur)}`}
          </span>
        </li>
      ))}
      <li className="kpi">
        <span className="kpi__label">Within budget</span>
        <span className="kpi__value">{percent(c.probabilityWithinBudget)}</span>
        <span className="fc-kpi__hint">
          {c.budget === null ? 'no budget set' : 'chance of costing at most the budget'}
        </span>
      </li>
    </ul>
  );
}

function PercentileTable({ f }: { f: ProjectForecast }) {
  const rows = [
    ['Plan (no risks, most likely)', f.finish.plan, f.cost.plan],
    ['P10', f.finish.p10, f.cost.p10],
    ['P50', f.finish.p50, f.cost.p50],
    ['Mean', f.finish.mean, f.cost.mean],
    ['P80', f.finish.p80, f.cost.p80],
    ['P90', f.finish.p90, f.cost.p90],
  ] as const;
  return (
    <Table aria-label="Forecast percentiles">
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Finish</th>
          <th scope="col" className="num">
            Cost
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, finish, cost]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{forecastDay(finish)}</td>
            <td className="num">{formatMoney(cost, f.currency)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function DriverTable({ f }: { f: ProjectForecast }) {
  const all = [...f.tornado.finish, ...f.tornado.cost].filter(
    (d, i, list) => list.findIndex((x) => x.id === d.id && x.kind === d.kind) === i,
  );
  return (
    <Table aria-label="Drivers and their rank correlation">
      <thead>
        <tr>
          <th scope="col">Driver</th>
          <th scope="col">Kind</th>
          <th scope="col" className="num">
            With finish
          </th>
          <th scope="col" className="num">
            With cost
          </th>
        </tr>
      </thead>
      <tbody>
        {all.map((d) => (
          <tr key={`${d.kind}-${d.id}`}>
            <td>{d.name}</td>
            <td>{d.kind}</td>
            <td className="num">{d.finishCorrelation.toFixed(2)}</td>
            <td className="num">{d.costCorrelation.toFixed(2)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The project page's "Forecast" tab: Monte Carlo finish and cost percentiles, distributions and drivers. */
export function ProjectForecastTab({ project }: { project: { id: string; name: string } }) {
  const [params] = useSearchParams();
  const { iterations, seed } = readControls(params, DEFAULTS);
  const query = useQuery({
    queryKey: forecastKeys.project(project.id, iterations, seed),
    queryFn: ({ signal }) => fetchProjectForecast(project.id, iterations, seed, signal),
    staleTime: 60_000,
  });
  const controls = <Controls iterations={iterations} seed={seed} />;
  if (query.isPending)
    return (
      <div className="stack">
        {controls}
        <LoadingState label={`Running ${iterations.toLocaleString('en-GB')} iterations…`} />
      </div>
    );
  if (query.isError) {
    if (isApiProblem(query.error, 422))
      return (
        <div className="stack">
          {controls}
          <EmptyState title="This plan cannot be forecast yet">{query.error.message}</EmptyState>
        </div>
      );
    return (
      <div className="stack">
        {controls}
        <ErrorState error={query.error} title="Could not run the forecast" onRetry={() => query.refetch()} />
      </div>
    );
  }
  const f = query.data;
  if (f.taskCount === 0)
    return (
      <div className="stack">
        {controls}
        <EmptyState title="Nothing to forecast">
          Add tasks on the Schedule tab: the forecast simulates them.
        </EmptyState>
      </div>
    );
  // Rank correlations this small are sampling noise at these iteration counts: the charts leave them out.
  const strong = (list: readonly ForecastDriver[], key: 'finishCorrelation' | 'costCorrelation') =>
    list.filter((d) => Math.abs(d[key]) >= NOISE);
  const finishDrivers = strong(f.tornado.finish, 'finishCorrelation');
  const costDrivers = strong(f.tornado.cost, 'costCorrelation');
  const finishMarkers = [
    { value: epoch(f.finish.plan), label: 'Plan', tone: 'plan' as const },
    ...(f.finish.target ? [{ value: epoch(f.finish.target), label: 'Target', tone: 'target' as const }] : []),
    { value: epoch(f.finish.p50), label: 'P50', tone: 'p50' as const },
    { value: epoch(f.finish.p80), label: 'P80', tone: 'p80' as const },
    { value: epoch(f.finish.p90), label: 'P90', tone: 'p90' as const },
  ];
  const costMarkers = [
    { value: f.cost.plan, label: 'Plan', tone: 'plan' as const },
    ...(f.cost.budget !== null ? [{ value: f.cost.budget, label: 'Budget', tone: 'target' as const }] : []),
    { value: f.cost.p50, label: 'P50', tone: 'p50' as const },
    { value: f.cost.p80, label: 'P80', tone: 'p80' as const },
    { value: f.cost.p90, label: 'P90', tone: 'p90' as const },
  ];
  return (
    <div className="stack">
      {controls}
      {f.estimatedTasks === 0 && f.riskCount === 0 && (
        <Alert title="No uncertainty entered yet">
          No task has an optimistic or pessimistic duration and no open risk has a schedule or cost impact, so
          every iteration is the plan. Add three-point estimates on the Schedule tab and impacts on the RAID
          tab.
        </Alert>
      )}
      <Card
        title="Finish"
        description={`${f.iterations.toLocaleString('en-GB')} iterations, seed ${f.seed}; plan ${forecastDay(f.finish.plan)}. ${f.estimatedTasks} of ${f.taskCount} tasks have three-point estimates; ${f.riskCount} quantified risks.`}
      >
        <FinishCards f={f} />
        <DistributionChart
          title={`Finish date distribution of ${project.name}`}
          description={`P50 ${forecastDay(f.finish.p50)}, P80 ${forecastDay(f.finish.p80)}, P90 ${forecastDay(f.finish.p90)}; plan ${forecastDay(f.finish.plan)}.`}
          bins={f.finish.histogram.map((b) => ({ ...b, from: epoch(b.from), to: epoch(b.to) }))}
          markers={finishMarkers}
          format={shortDay}
        />
      </Card>
      <Card
        title="Cost"
        description={`Spent so far plus the simulated remaining cost and risk costs, in ${f.currency}.`}
      >
        <CostCards f={f} />
        <DistributionChart
          title={`Cost distribution of ${project.name}`}
          description={`P50 ${formatMoney(f.cost.p50, f.currency)}, P80 ${formatMoney(f.cost.p80, f.currency)}, P90 ${formatMoney(f.cost.p90, f.currency)}.`}
          bins={f.cost.histogram}
          markers={costMarkers}
          format={(v) => formatMoneyCompact(v, f.currency)}
        />
      </Card>
      <Card
        title="Drivers"
        description="What moves the finish and the cost most: Spearman rank correlation with the outcome."
      >
        {finishDrivers.length === 0 && costDrivers.length === 0 ? (
          <p className="fc-muted">
            No driver moves the outcome: enter three-point estimates or risk impacts.
          </p>
        ) : (
          <div className="fc-tornados">
            {finishDrivers.length > 0 && (
              <figure>
                <figcaption>Finish</figcaption>
                <TornadoChart
                  title="Drivers of the finish"
                  drivers={finishDrivers}
                  measure="finishCorrelation"
                />
              </figure>
            )}
            {costDrivers.length > 0 && (
              <figure>
                <figcaption>Cost</figcaption>
                <TornadoChart title="Drivers of the cost" drivers={costDrivers} measure="costCorrelation" />
              </figure>
            )}
            <p className="fc-muted">
              Drivers with a correlation below {NOISE} either way are left out (noise).
            </p>
          </div>
        )}
      </Card>
      <details className="fc-details">
        <summary>Figures as tables</summary>
        <PercentileTable f={f} />
        {(f.tornado.finish.length > 0 || f.tornado.cost.length > 0) && <DriverTable f={f} />}
      </details>
    </div>
  );
}
