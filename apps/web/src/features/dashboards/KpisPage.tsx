import { useQuery } from '@tanstack/react-query';
import { dashboardKeys, fetchKpis, type KpiPoint } from '../../api/dashboards.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { XYChart } from './charts.tsx';
import { DashboardFilters, useDashboardParams } from './DashboardFilters.tsx';
import { FigureDetails } from './DataTable.tsx';
import { exportName, monthLabel, percent } from './dashboard-model.ts';
import './dashboards.css';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
type Def = {
  key: keyof KpiPoint;
  label: string;
  what: string;
  share: boolean;
  format: (v: number) => string;
};
const KPIS: readonly Def[] = [
  {
    key: 'onTimeShare',
    label: 'On time',
    what: 'Share of projects in flight forecast to finish within 7 days of the baseline finish',
    share: true,
    format: (v) => percent(v),
  },
  {
    key: 'onBudgetShare',
    label: 'On budget',
    what: 'Share of projects in flight whose EAC is within the budget',
    share: true,
    format: (v) => percent(v),
  },
  {
    key: 'successRate',
    label: 'Success rate',
    what: 'Completed on time and within budget, of all projects closed that month',
    share: true,
    format: (v) => percent(v),
  },
  {
    key: 'throughput',
    label: 'Throughput',
    what: 'Projects completed or cancelled in the month',
    share: false,
    format: (v) => String(Math.round(v)),
  },
  {
    key: 'cycleTimeDays',
    label: 'Cycle time',
    what: 'Median days from planned start to close of those closed',
    share: false,
    format: (v) => `${Math.round(v)} d`,
  },
  {
    key: 'utilisation',
    label: 'Utilisation',
    what: 'Demand hours over capacity hours of the units’ people',
    share: true,
    format: (v) => percent(v),
  },
];

/** KPIs over time: one line chart per KPI, a month per point, from the monthly snapshots. */
export function KpisPage() {
  const p = useDashboardParams();
  const from = MONTH.test(p.params.get('from') ?? '') ? p.params.get('from') : null;
  const to = MONTH.test(p.params.get('to') ?? '') ? p.params.get('to') : null;
  const q = { from, to, orgUnitId: p.orgUnitId };
  const query = useQuery({ queryKey: dashboardKeys.kpis(q), queryFn: ({ signal }) => fetchKpis(q, signal) });
  const d = query.data;
  const labels = d?.points.map((x) => monthLabel(x.period)) ?? [];
  return (
    <div className={p.large ? 'page dash-page is-large' : 'page dash-page'}>
      <PageHeader
        title="KPIs over time"
        subtitle="From each month’s snapshot of every project, taken when the month closes."
      />
      <div className="stack">
        <div className="dash-filter-row">
          <DashboardFilters show={['unit']} />
          <section className="filter-bar" aria-label="Months">
            <Field label="From" className="filter-bar__item">
              <Input
                type="month"
                value={from ?? d?.from ?? ''}
                onChange={(e) => MONTH.test(e.target.value) && p.set('from', e.target.value)}
              />
            </Field>
            <Field label="To" className="filter-bar__item">
              <Input
                type="month"
                value={to ?? d?.to ?? ''}
                onChange={(e) => MONTH.test(e.target.value) && p.set('to', e.target.value)}
              />
            </Field>
          </section>
        </div>
        {query.isPending ? (
          <Card>
            <LoadingState label="Loading the KPIs…" />
          </Card>
        ) : query.isError ? (
          <Card>
            <ErrorState error={query.error} title="Could not load the KPIs" onRetry={() => query.refetch()} />
          </Card>
        ) : !d || d.points.every((x) => !x.snapshotted) ? (
          <Card>
            <EmptyState title="No snapshot in these months">
              Every project’s figures are frozen when a month closes; the charts fill in from then on.
            </EmptyState>
          </Card>
        ) : (
          <>
            <div className="dash-kpi-grid">
              {KPIS.map((k) => (
                <Card key={k.key} title={k.label} description={k.what} headingLevel={2}>
                  <XYChart
                    title={`${k.label} per month, ${labels[0]} to ${labels.at(-1)}`}
                    labels={labels}
                    lines={[
                      {
                        label: k.label,
                        tone: 's1',
                        values: d.points.map((x) => (x.snapshotted ? (x[k.key] as number | null) : null)),
                      },
                    ]}
                    format={k.format}
                    maxLabels={6}
                    integer={k.key === 'throughput'}
                    {...(k.share ? { maxY: 1 } : {})}
                  />
                </Card>
              ))}
            </div>
            <Card title="All figures">
              <FigureDetails
                caption="KPIs per month"
                fileName={exportName('kpis', d.to)}
                what="the KPIs"
                table={{
                  columns: [
                    { key: 'period', label: 'Month' },
                    { key: 'inFlight', label: 'In flight', kind: 'integer' },
                    ...KPIS.map((k) => ({
                      key: k.key,
                      label: k.label,
                      kind: k.share ? ('percent' as const) : ('number' as const),
                    })),
                  ],
                  rows: d.points.map((x) => ({
                    period: x.period,
                    inFlight: x.snapshotted ? x.inFlight : null,
                    ...Object.fromEntries(
                      KPIS.map((k) => [k.key, x.snapshotted ? (x[k.key] as number | null) : null]),
                    ),
                  })),
                }}
              />
            </Card>
          </>
        )}
      </div>
    </div>
  );
}
