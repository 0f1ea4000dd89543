import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { describeError } from '../../api/client.ts';
import {
  dashboardKeys,
  fetchPortfolioDashboard,
  type PortfolioDashboard,
  refreshDashboards,
} from '../../api/dashboards.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { useToast } from '../../design/Toast.tsx';
import { PortfolioPackDownloads } from '../reports/PortfolioPackDownloads.tsx';
import { Legend, RagBars, XYChart } from './charts.tsx';
import { DashboardFilters, useDashboardParams } from './DashboardFilters.tsx';
import { FigureDetails, FigureTable } from './DataTable.tsx';
import {
  exportName,
  type FigureTable as Figures,
  hours,
  money,
  monthLabel,
  riskLevel,
} from './dashboard-model.ts';
import './dashboards.css';

const DIMENSION_LABELS: Record<string, string> = {
  schedule: 'Schedule',
  cost: 'Cost',
  scope: 'Scope',
  risk: 'Risk',
  resources: 'Resources',
};
const PROBABILITY = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
const IMPACT = ['Minimal', 'Minor', 'Moderate', 'Major', 'Severe'];

function currencyOf(d: PortfolioDashboard): string {
  return d.projects[0]?.currency ?? 'EUR';
}

function healthTable(d: PortfolioDashboard): Figures {
  const rows = [
    { label: 'Overall', ...d.health.overall },
    ...Object.entries(d.health.dimensions).map(([k, v]) => ({ label: DIMENSION_LABELS[k] ?? k, ...v })),
  ];
  return {
    columns: [
      { key: 'label', label: 'Dimension' },
      { key: 'green', label: 'Green', kind: 'integer' },
      { key: 'amber', label: 'Amber', kind: 'integer' },
      { key: 'red', label: 'Red', kind: 'integer' },
      { key: 'unknown', label: 'Not computed', kind: 'integer' },
    ],
    rows,
  };
}

function budgetTable(d: PortfolioDashboard): Figures {
  return {
    columns: [
      { key: 'name', label: 'Portfolio' },
      { key: 'budget', label: 'Budget', kind: 'money' },
      { key: 'actual', label: 'Actual cost', kind: 'money' },
      { key: 'forecast', label: 'Forecast (EAC)', kind: 'money' },
    ],
    rows: [
      ...d.budget.byPortfolio.map((p) => ({
        name: p.code ? `${p.code} ${p.name}` : p.name,
        budget: p.budget / 100,
        actual: p.actual / 100,
        forecast: p.forecast / 100,
      })),
      {
        name: 'Total',
        budget: d.budget.total.budget / 100,
        actual: d.budget.total.actual / 100,
        forecast: d.budget.total.forecast / 100,
      },
    ],
  };
}

function milestoneTable(d: PortfolioDashboard): Figures {
  return {
    columns: [
      { key: 'finish', label: 'Due', kind: 'date' },
      { key: 'project', label: 'Project' },
      { key: 'name', label: 'Milestone' },
      { key: 'baselineFinish', label: 'Baseline', kind: 'date' },
      { key: 'slipDays', label: 'Slip (days)', kind: 'integer' },
    ],
    rows: d.milestones.items.map((m) => ({
      finish: m.finish,
      project: m.projectCode,
      name: m.name,
      baselineFinish: m.baselineFinish,
      slipDays: m.slipDays,
    })),
  };
}

function capacityTable(d: PortfolioDashboard): Figures {
  return {
    columns: [
      { key: 'period', label: 'Month' },
      { key: 'capacityHours', label: 'Capacity (h)', kind: 'number' },
      { key: 'demandHours', label: 'Demand (h)', kind: 'number' },
      { key: 'utilisation', label: 'Utilisation', kind: 'percent' },
    ],
    rows: d.capacity.map((c) => ({ ...c, period: monthLabel(c.period) })),
  };
}

function riskTable(d: PortfolioDashboard): Figures {
  return {
    columns: [
      { key: 'probability', label: 'Probability (1–5)', kind: 'integer' },
      { key: 'impact', label: 'Impact (1–5)', kind: 'integer' },
      { key: 'level', label: 'Level' },
      { key: 'count', label: 'Open risks', kind: 'integer' },
    ],
    rows: d.risks.cells.map((c) => ({ ...c, level: riskLevel(c.probability, c.impact) })),
  };
}

const PROJECT_COLUMNS: Figures['columns'] = [
  { key: 'code', label: 'Code' },
  { key: 'name', label: 'Project' },
  { key: 'status', label: 'Status' },
  { key: 'health', label: 'Health' },
  { key: 'percentComplete', label: '% complete', kind: 'number' },
  { key: 'spi', label: 'SPI', kind: 'number' },
  { key: 'cpi', label: 'CPI', kind: 'number' },
  { key: 'budget', label: 'Budget', kind: 'money' },
  { key: 'ac', label: 'Actual cost', kind: 'money' },
  { key: 'eac', label: 'EAC', kind: 'money' },
  { key: 'finish', label: 'Forecast finish', kind: 'date' },
  { key: 'baselineFinish', label: 'Baseline finish', kind: 'date' },
];

function projectRows(d: PortfolioDashboard) {
  return d.projects.map((p) => ({
    code: p.code,
    name: p.name,
    status: p.status,
    health: p.health ?? 'not computed',
    percentComplete: p.percentComplete,
    spi: p.spi,
    cpi: p.cpi,
    budget: p.budget === null ? null : p.budget / 100,
    ac: p.ac / 100,
    eac: p.eac === null ? null : p.eac / 100,
    finish: p.finish,
    baselineFinish: p.baselineFinish,
  }));
}

function HeatMap({ d }: { d: PortfolioDashboard }) {
  const count = (p: number, i: number) =>
    d.risks.cells.find((c) => c.probability === p && c.impact === i)?.count ?? 0;
  return (
    <div className="b-table-wrap">
      <table className="dash-heat">
        <caption className="visually-hidden">
          Open risks by probability (rows, most likely first) and impact (columns): {d.risks.total} in all
        </caption>
        <thead>
          <tr>
            <td />
            {IMPACT.map((l, i) => (
              <th key={l} scope="col">
                {i + 1} {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[5, 4, 3, 2, 1].map((p) => (
            <tr key={p}>
              <th scope="row">
                {p} {PROBABILITY[p - 1]}
              </th>
              {[1, 2, 3, 4, 5].map((i) => {
                const n = count(p, i);
                const level = riskLevel(p, i);
                return (
                  <td key={i} className={`dash-heat__cell dash-heat--${level}${n ? ' has-risks' : ''}`}>
                    <span className="dash-heat__count">{n || '·'}</span>
                    <span className="dash-heat__level">{level}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Summary({ d }: { d: PortfolioDashboard }) {
  const cur = currencyOf(d);
  const items = [
    { label: 'Projects in delivery', value: String(d.projectCount) },
    { label: 'Red', value: String(d.health.overall.red) },
    { label: 'Milestones next 30 days', value: String(d.milestones.next30) },
    { label: 'Budget', value: money(d.budget.total.budget, cur) },
    { label: 'Forecast (EAC)', value: money(d.budget.total.forecast, cur) },
    { label: 'Open risks', value: String(d.risks.total) },
  ];
  return (
    <ul className="kpis dash-kpis" aria-label="Summary">
      {items.map((i) => (
        <li key={i.label} className="kpi">
          <span className="kpi__label">{i.label}</span>
          <span className="kpi__value">{i.value}</span>
        </li>
      ))}
    </ul>
  );
}

function Dashboard({ d, filter }: { d: PortfolioDashboard; filter: Record<string, string | null> }) {
  const cur = currencyOf(d);
  const day = d.asOf;
  const budget = budgetTable(d);
  return (
    <>
      <Summary d={d} />
      <div className="dash-grid">
        <Card title="Health" description="Computed RAG of each project, overall and per dimension.">
          <RagBars
            title={`Health of ${d.projectCount} projects: ${d.health.overall.green} green, ${d.health.overall.amber} amber, ${d.health.overall.red} red`}
            rows={healthTable(d).rows.map((r) => ({
              label: String(r.label),
              green: Number(r.green),
              amber: Number(r.amber),
              red: Number(r.red),
              unknown: Number(r.unknown),
            }))}
          />
          <FigureDetails
            caption="Projects by computed health"
            table={healthTable(d)}
            fileName={exportName('health', day)}
            what="the health distribution"
          />
        </Card>
        <Card
          title="Budget, actual and forecast"
          description="Per portfolio: the budget, what has been spent, and the estimate at completion."
        >
          <XYChart
            title="Budget, actual cost and forecast (EAC) by portfolio"
            labels={d.budget.byPortfolio.map((p) => p.code ?? 'None')}
            bars={[
              { label: 'Budget', tone: 's1', values: d.budget.byPortfolio.map((p) => p.budget) },
              { label: 'Actual cost', tone: 's2', values: d.budget.byPortfolio.map((p) => p.actual) },
              { label: 'Forecast (EAC)', tone: 's3', values: d.budget.byPortfolio.map((p) => p.forecast) },
            ]}
            format={(v) => money(v, cur)}
          />
          <Legend
            series={[
              { label: 'Budget', tone: 's1' },
              { label: 'Actual cost', tone: 's2' },
              { label: 'Forecast (EAC)', tone: 's3' },
            ]}
          />
          <FigureDetails
            caption="Budget, actual and forecast by portfolio"
            table={budget}
            fileName={exportName('budget', day)}
            what="budget vs actual vs forecast"
          />
        </Card>
        <Card
          title="Capacity and demand"
          description="Hours of the scope’s people, this month and the next five."
        >
          <XYChart
            title="Capacity (bars) and demand (line) in hours per month"
            labels={d.capacity.map((c) => monthLabel(c.period))}
            bars={[{ label: 'Capacity', tone: 's4', values: d.capacity.map((c) => c.capacityHours) }]}
            lines={[{ label: 'Demand', tone: 's2', values: d.capacity.map((c) => c.demandHours) }]}
            format={hours}
          />
          <Legend
            series={[
              { label: 'Capacity', tone: 's4' },
              { label: 'Demand', tone: 's2', line: true },
            ]}
          />
          <FigureDetails
            caption="Capacity and demand per month"
            table={capacityTable(d)}
            fileName={exportName('capacity', day)}
            what="capacity vs demand"
          />
        </Card>
        <Card
          title="Risk heat map"
          description={`${d.risks.total} open or monitored risks by probability × impact.`}
        >
          <HeatMap d={d} />
          <FigureDetails
            caption="Open risks by probability and impact"
            table={riskTable(d)}
            fileName={exportName('risks', day)}
            what="the risk heat map"
          />
        </Card>
      </div>
      <Card
        title="Milestones due"
        description={`${d.milestones.next30} in the next 30 days, ${d.milestones.next90} in the next 90.`}
        actions={
          <ExportButtons
            fileName={exportName('milestones', day)}
            what="the milestones"
            {...milestoneTable(d)}
          />
        }
      >
        {d.milestones.items.length === 0 ? (
          <EmptyState title="No milestone due in the next 90 days" icon="◇">
            Open milestones of the projects in scope show here with their slip against the baseline.
          </EmptyState>
        ) : (
          <FigureTable
            caption="Milestones due in the next 90 days, soonest first"
            table={milestoneTable(d)}
            format={(key, v) =>
              key === 'slipDays' && typeof v === 'number'
                ? v > 0
                  ? `${v} late`
                  : v < 0
                    ? `${-v} early`
                    : 'on time'
                : null
            }
          />
        )}
      </Card>
      <Card
        flush
        title="Projects"
        description="Worst health first, with their stored figures."
        actions={
          <ExportButtons
            fileName={exportName('portfolio-projects', day)}
            what="the project table"
            columns={PROJECT_COLUMNS}
            rows={async () => projectRows(await fetchPortfolioDashboard({ ...filter, limit: 10_000 }))}
          />
        }
      >
        {d.projects.length === 0 ? (
          <EmptyState title="No project in delivery here">
            Approved, active and on-hold projects show here.
          </EmptyState>
        ) : (
          <div className="b-table-wrap">
            <table className="b-table dash-table">
              <caption className="visually-hidden">
                Projects in delivery with their earned-value figures
              </caption>
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col">Health</th>
                  <th scope="col" className="num">
                    % complete
                  </th>
                  <th scope="col" className="num">
                    SPI
                  </th>
                  <th scope="col" className="num">
                    CPI
                  </th>
                  <th scope="col" className="num">
                    Budget
                  </th>
                  <th scope="col" className="num">
                    EAC
                  </th>
                  <th scope="col">Forecast finish</th>
                  <th scope="col">Baseline finish</th>
                </tr>
              </thead>
              <tbody>
                {d.projects.map((p) => (
                  <tr key={p.projectId}>
                    <td className="cell-name">
                      <Link className="cell-name__link" to={`/projects/${p.projectId}`}>
                        <span className="mono subtle">{p.code}</span> {p.name}
                      </Link>
                    </td>
                    <td>
                      {p.health ? (
                        <Badge tone={p.health}>{p.health[0]?.toUpperCase() + p.health.slice(1)}</Badge>
                      ) : (
                        <span className="subtle">Not computed</span>
                      )}
                    </td>
                    <td className="num">
                      {p.percentComplete === null ? '—' : `${Math.round(p.percentComplete)} %`}
                    </td>
                    <td className="num">{p.spi?.toFixed(2) ?? '—'}</td>
                    <td className="num">{p.cpi?.toFixed(2) ?? '—'}</td>
                    <td className="num">{money(p.budget, p.currency)}</td>
                    <td className="num">{money(p.eac, p.currency)}</td>
                    <td>{formatDate(p.finish)}</td>
                    <td>{formatDate(p.baselineFinish)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}

/**
 * The PMO's landing: the portfolio at a glance from the stored figures of every project in delivery.
 * Filters (org unit, portfolio, program) and the projector text size are in the URL.
 */
export function PortfolioDashboardPage() {
  const p = useDashboardParams();
  const { can } = useSession();
  const { showToast } = useToast();
  const client = useQueryClient();
  const filter = { orgUnitId: p.orgUnitId, portfolioId: p.portfolioId, programId: p.programId };
  const query = useQuery({
    queryKey: dashboardKeys.portfolio(filter),
    queryFn: ({ signal }) => fetchPortfolioDashboard(filter, signal),
  });
  const refresh = useMutation({
    mutationFn: refreshDashboards,
    onSuccess: () => {
      showToast({
        title: 'Recomputing every project’s figures',
        text: 'The dashboard updates when it is done.',
        tone: 'success',
      });
      setTimeout(() => void client.invalidateQueries({ queryKey: dashboardKeys.all }), 4000);
    },
    onError: (e) =>
      showToast({ title: 'Could not start the refresh', text: describeError(e), tone: 'error' }),
  });
  return (
    <div className={p.large ? 'page dash-page is-large' : 'page dash-page'}>
      <PageHeader
        title="Portfolio dashboard"
        subtitle={
          query.data
            ? `Figures as of ${query.data.computedAt ? formatDateTime(query.data.computedAt) : 'not computed yet'} · projects approved, active or on hold.`
            : 'Health, money, milestones, capacity and risks of the projects in delivery.'
        }
        actions={
          <>
            <PortfolioPackDownloads filters={filter} />
            {can('governance.manage') && (
              <Button loading={refresh.isPending} onClick={() => refresh.mutate()}>
                Recompute figures
              </Button>
            )}
          </>
        }
      />
      <div className="stack">
        <DashboardFilters />
        {query.isPending ? (
          <Card>
            <LoadingState label="Loading the dashboard…" />
          </Card>
        ) : query.isError ? (
          <Card>
            <ErrorState
              error={query.error}
              title="Could not load the dashboard"
              onRetry={() => query.refetch()}
            />
          </Card>
        ) : query.data.projectCount === 0 ? (
          <Card>
            <EmptyState title="No project in delivery here">
              Approved, active and on-hold projects in this scope show here once there are some.
            </EmptyState>
          </Card>
        ) : (
          <Dashboard d={query.data} filter={filter} />
        )}
      </div>
    </div>
  );
}
