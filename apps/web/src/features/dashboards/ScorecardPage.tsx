import { useQuery } from '@tanstack/react-query';
import { dashboardKeys, fetchScorecard, type ScorecardRow } from '../../api/dashboards.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDateTime } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { DashboardFilters, useDashboardParams } from './DashboardFilters.tsx';
import { FigureDetails } from './DataTable.tsx';
import { exportName, monthLabel, percent, trendText } from './dashboard-model.ts';
import './dashboards.css';

type Kpi = {
  key: keyof ScorecardRow['trends'];
  label: string;
  kind: 'share' | 'count' | 'days';
  show: (v: number | null) => string;
};
export const SCORECARD_KPIS: readonly Kpi[] = [
  { key: 'onTimeShare', label: 'On time', kind: 'share', show: percent },
  { key: 'onBudgetShare', label: 'On budget', kind: 'share', show: percent },
  { key: 'successRate', label: 'Success rate', kind: 'share', show: percent },
  { key: 'throughput', label: 'Closed', kind: 'count', show: (v) => (v === null ? '—' : String(v)) },
  {
    key: 'cycleTimeDays',
    label: 'Cycle time',
    kind: 'days',
    show: (v) => (v === null ? '—' : `${Math.round(v)} d`),
  },
  { key: 'utilisation', label: 'Utilisation', kind: 'share', show: percent },
];

function Trend({ row, kpi }: { row: ScorecardRow; kpi: Kpi }) {
  const t = row.trends[kpi.key];
  if (!t) return null;
  const text = trendText(t, kpi.kind);
  return (
    <span className={`dash-trend dash-trend--${text.tone}`}>
      <span aria-hidden="true">{text.arrow}</span> {text.words}
    </span>
  );
}

function UnitCard({ row, big }: { row: ScorecardRow; big?: boolean }) {
  return (
    <Card
      className={big ? 'dash-score dash-score--total' : 'dash-score'}
      title={row.code ? `${row.name}` : row.name}
      description={`${row.projects} projects in delivery: ${row.health.green} green, ${row.health.amber} amber, ${row.health.red} red`}
      headingLevel={big ? 2 : 3}
    >
      <ul className="dash-score__kpis" aria-label={`KPIs of ${row.name}`}>
        {SCORECARD_KPIS.map((k) => (
          <li key={k.key} className="dash-score__kpi">
            <span className="kpi__label">{k.label}</span>
            <span className="dash-score__value">{k.show(row.current[k.key])}</span>
            <Trend row={row} kpi={k} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The executive scorecard: per org unit, this month’s KPIs in big numbers with their trend. */
export function ScorecardPage() {
  const p = useDashboardParams();
  const query = useQuery({
    queryKey: dashboardKeys.scorecard(p.orgUnitId),
    queryFn: ({ signal }) => fetchScorecard(p.orgUnitId, signal),
  });
  const d = query.data;
  const table = d && {
    columns: [
      { key: 'unit', label: 'Org unit' },
      { key: 'projects', label: 'Projects', kind: 'integer' as const },
      ...SCORECARD_KPIS.flatMap((k) => [
        {
          key: k.key,
          label: `${k.label} (${monthLabel(d.period)})`,
          kind: k.kind === 'share' ? ('percent' as const) : ('number' as const),
        },
        {
          key: `${k.key}Prev`,
          label: `${k.label} (${monthLabel(d.previousPeriod)})`,
          kind: k.kind === 'share' ? ('percent' as const) : ('number' as const),
        },
      ]),
    ],
    rows: [d.total, ...d.units].map((r) => ({
      unit: r.name,
      projects: r.projects,
      ...Object.fromEntries(
        SCORECARD_KPIS.flatMap((k) => [
          [k.key, r.current[k.key]],
          [`${k.key}Prev`, r.previous?.[k.key] ?? null],
        ]),
      ),
    })),
  };
  return (
    <div className={p.large ? 'page dash-page is-large' : 'page dash-page'}>
      <PageHeader
        title="Executive scorecard"
        subtitle={
          d
            ? `${monthLabel(d.period)} to date against ${monthLabel(d.previousPeriod)}. Figures as of ${d.computedAt ? formatDateTime(d.computedAt) : 'not computed yet'}.`
            : 'This month’s KPIs per org unit against last month.'
        }
      />
      <div className="stack">
        <DashboardFilters show={['unit']} />
        {query.isPending ? (
          <Card>
            <LoadingState label="Loading the scorecard…" />
          </Card>
        ) : query.isError ? (
          <Card>
            <ErrorState
              error={query.error}
              title="Could not load the scorecard"
              onRetry={() => query.refetch()}
            />
          </Card>
        ) : !d || d.total.projects === 0 ? (
          <Card>
            <EmptyState title="No project in delivery here">
              The scorecard fills in once projects are under way.
            </EmptyState>
          </Card>
        ) : (
          <>
            <UnitCard row={d.total} big />
            <div className="dash-score-grid">
              {d.units.map((u) => (
                <UnitCard key={u.orgUnitId} row={u} />
              ))}
            </div>
            {table && (
              <Card title="All figures">
                <FigureDetails
                  caption="Scorecard figures per unit, this month and last"
                  table={table}
                  fileName={exportName('scorecard', d.asOf)}
                  what="the scorecard"
                />
              </Card>
            )}
          </>
        )}
      </div>
    </div>
  );
}
