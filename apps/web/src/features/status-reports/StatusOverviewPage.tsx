import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { exportFileName } from '../../api/exports.ts';
import { useOrgUnits } from '../../api/queries.ts';
import {
  fetchReportingOverview,
  type ReportingOverview,
  statusReportKeys,
} from '../../api/status-reports.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { MismatchBadge, RagBadge, ReportStatusBadge } from './RagBadge.tsx';
import { statusOverviewExportColumns, statusOverviewExportRow } from './status-overview-export.ts';
import {
  filterRows,
  formatPeriod,
  isPeriod,
  OVERVIEW_SHOWS,
  type OverviewShow,
  readShow,
  rowLink,
  shiftPeriod,
  showCounts,
  sortRows,
} from './status-report-model.ts';
import './status-reports.css';

function Counts({ data }: { data: ReportingOverview }) {
  const c = data.counts;
  const items = [
    { label: 'Expected', value: c.expected, hint: 'executing projects' },
    { label: 'Submitted', value: c.submitted, hint: 'submitted or reviewed' },
    { label: 'Overdue', value: c.overdue, hint: `not submitted by ${formatDate(data.dueDate)}` },
    { label: 'Mismatched', value: c.mismatched, hint: 'reported better than the figures' },
  ];
  return (
    <ul className="kpis sr-kpis" aria-label={`Counts for ${formatPeriod(data.period)}`}>
      {items.map((i) => (
        <li key={i.label} className="kpi">
          <span className="kpi__label">{i.label}</span>
          <span className="kpi__value">{i.value}</span>
          <span className="sr-kpi__hint">{i.hint}</span>
        </li>
      ))}
    </ul>
  );
}

function ShowChips({
  data,
  show,
  onChange,
}: {
  data: ReportingOverview;
  show: OverviewShow;
  onChange: (show: OverviewShow) => void;
}) {
  const counts = showCounts(data.rows);
  return (
    <fieldset className="chip-group">
      <legend className="visually-hidden">Show projects</legend>
      {OVERVIEW_SHOWS.map((s) => (
        <button
          key={s.value}
          type="button"
          className="b-chip"
          aria-pressed={show === s.value}
          onClick={() => onChange(s.value)}
        >
          {s.label}
          <span className="b-chip__count">{counts[s.value]}</span>
        </button>
      ))}
    </fieldset>
  );
}

function OverviewTable({ data, show }: { data: ReportingOverview; show: OverviewShow }) {
  const rows = sortRows(filterRows(data.rows, show));
  if (rows.length === 0)
    return (
      <EmptyState title="No project to show" icon="✓">
        {show === 'missing'
          ? 'Every executing project has started its report for this period.'
          : show === 'overdue'
            ? 'No report for this period is overdue.'
            : show === 'mismatch'
              ? 'No project reported itself better than its figures.'
              : 'No executing project here.'}
      </EmptyState>
    );
  return (
    <Table scrollLabel={`Status reports for ${formatPeriod(data.period)}`}>
      <caption className="visually-hidden">
        Status reports of the executing projects for {formatPeriod(data.period)}, those needing attention
        first
      </caption>
      <thead>
        <tr>
          <th scope="col">Project</th>
          <th scope="col">Manager</th>
          <th scope="col">Status</th>
          <th scope="col">Overdue</th>
          <th scope="col">Reported</th>
          <th scope="col">Computed</th>
          <th scope="col">Mismatch</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.projectId} data-overdue={r.overdue || undefined}>
            <td className="cell-name">
              <Link className="cell-name__link" to={rowLink(r, data.period)}>
                <span className="mono subtle">{r.code}</span> {r.name}
                <span className="visually-hidden">
                  {r.reportId ? ': open the report' : ': no report yet, open the project’s Status tab'}
                </span>
              </Link>
            </td>
            <td>{r.managerName ?? <span className="subtle">—</span>}</td>
            <td>
              <ReportStatusBadge status={r.status} />
            </td>
            <td>
              {r.overdue ? (
                <Badge tone="red">Overdue</Badge>
              ) : (
                <span className="subtle">
                  <span aria-hidden="true">—</span>
                  <span className="visually-hidden">Not overdue</span>
                </span>
              )}
            </td>
            <td>
              <RagBadge rag={r.reportedOverall} none="Not reported" />
            </td>
            <td>
              <RagBadge rag={r.computedOverall} none="Not computed" />
            </td>
            <td>
              <MismatchBadge mismatch={r.mismatch} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * The PMO's view of a month's status reports: every executing project with where its report stands,
 * late ones and those reported better than Baton's figures first. Period, unit and filter are in the URL.
 */
export function StatusOverviewPage() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('period');
  const period = isPeriod(asked) ? asked : null;
  const orgUnitId = params.get('unit');
  const show = readShow(params.get('show'));
  const units = useOrgUnits();
  const query = useQuery({
    queryKey: statusReportKeys.overview({ period, orgUnitId }),
    queryFn: ({ signal }) => fetchReportingOverview({ period, orgUnitId }, signal),
  });
  const data = query.data;
  const shownPeriod = period ?? data?.period ?? '';
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: key === 'show' });
  };
  // What the table shows: the chosen filter chip, those needing attention first.
  const shownRows = data ? sortRows(filterRows(data.rows, show)) : [];
  return (
    <div className="page">
      <PageHeader
        title="Status reports"
        subtitle="Every executing project’s monthly report: whether it is in, and where the RAG it reports is better than what Baton computes from its figures."
        actions={
          <ExportButtons
            fileName={exportFileName(`status-reports-${data?.period ?? 'period'}`)}
            what="the status reports overview"
            columns={statusOverviewExportColumns()}
            rows={shownRows.map((r) => statusOverviewExportRow(r, data?.period ?? ''))}
            disabled={shownRows.length === 0}
          />
        }
      />
      <div className="stack">
        <section className="filter-bar" aria-label="Which reports">
          <div className="sr-period">
            <Button
              iconOnly
              aria-label="Previous month"
              disabled={!shownPeriod}
              onClick={() => setParam('period', shiftPeriod(shownPeriod, -1))}
            >
              <span aria-hidden="true">‹</span>
            </Button>
            <Field label="Period" className="filter-bar__item">
              <Input
                type="month"
                value={shownPeriod}
                onChange={(e) => {
                  if (isPeriod(e.target.value)) setParam('period', e.target.value);
                }}
              />
            </Field>
            <Button
              iconOnly
              aria-label="Next month"
              disabled={!shownPeriod}
              onClick={() => setParam('period', shiftPeriod(shownPeriod, 1))}
            >
              <span aria-hidden="true">›</span>
            </Button>
          </div>
          <Field label="Org unit" className="filter-bar__item">
            <Select
              value={orgUnitId ?? ''}
              placeholder="The whole organisation"
              options={orgUnitOptions(units.data ?? [])}
              onChange={(e) => setParam('unit', e.target.value)}
            />
          </Field>
        </section>
        {query.isPending ? (
          <Card>
            <LoadingState label="Loading the status reports…" />
          </Card>
        ) : query.isError ? (
          <Card>
            <ErrorState
              error={query.error}
              title="Could not load the status reports"
              onRetry={() => query.refetch()}
            />
          </Card>
        ) : (
          <>
            <Counts data={query.data} />
            <Card
              flush
              title={`Reports for ${formatPeriod(query.data.period)}`}
              description={`Due ${formatDate(query.data.dueDate)}.`}
            >
              {query.data.rows.length === 0 ? (
                <EmptyState title="No executing projects here">
                  Active projects are expected to report every month; they show here once there are some.
                </EmptyState>
              ) : (
                <div className="sr-register">
                  <div className="sr-register__chips">
                    <ShowChips
                      data={query.data}
                      show={show}
                      onChange={(s) => setParam('show', s === 'all' ? null : s)}
                    />
                  </div>
                  <OverviewTable data={query.data} show={show} />
                </div>
              )}
            </Card>
          </>
        )}
      </div>
    </div>
  );
}
