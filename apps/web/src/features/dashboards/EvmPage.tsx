import { useQuery } from '@tanstack/react-query';
import { dashboardKeys, type EvmGrouping, fetchEvmRollup, fetchSCurve } from '../../api/dashboards.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDateTime } from '../../design/format.ts';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useDashboardParams } from './DashboardFilters.tsx';
import { exportName, money } from './dashboard-model.ts';
import { EVM_COLUMNS, evmRow } from './EvmFiguresTable.tsx';
import { SCurveChart } from './SCurveChart.tsx';
import './dashboards.css';

const GROUPINGS: { value: EvmGrouping; label: string }[] = [
  { value: 'portfolio', label: 'Portfolio' },
  { value: 'program', label: 'Program' },
  { value: 'org-unit', label: 'Org unit' },
];
const readGrouping = (v: string | null): EvmGrouping =>
  v === 'program' || v === 'org-unit' ? v : 'portfolio';

function GroupCurve({
  groupBy,
  id,
  name,
  currency,
  granularity,
}: {
  groupBy: EvmGrouping;
  id: string;
  name: string;
  currency: string;
  granularity: 'week' | 'month';
}) {
  const q = useQuery({
    queryKey: dashboardKeys.curve(groupBy, id, granularity),
    queryFn: ({ signal }) => fetchSCurve(groupBy, id, granularity, signal),
  });
  if (q.isPending) return <LoadingState label="Loading the S-curve…" />;
  if (q.isError)
    return <ErrorState error={q.error} title="Could not load the S-curve" onRetry={() => q.refetch()} />;
  if (q.data.points.length === 0)
    return <EmptyState title="No baseline to draw">The S-curve needs projects with a Baseline 0.</EmptyState>;
  return <SCurveChart curve={q.data} currency={currency} name={name} />;
}

/** Earned value rolled up by portfolio, program or org unit, with the S-curve of the group picked. */
export function EvmPage() {
  const p = useDashboardParams();
  const groupBy = readGrouping(p.params.get('groupBy'));
  const granularity = p.params.get('granularity') === 'week' ? 'week' : 'month';
  const query = useQuery({
    queryKey: dashboardKeys.rollup(groupBy, null),
    queryFn: ({ signal }) => fetchEvmRollup(groupBy, null, signal),
  });
  const d = query.data;
  const groups = d?.rows.filter((r) => r.groupId !== null) ?? [];
  // Without a choice in the URL, the first group with a baseline to draw.
  const picked =
    groups.find((r) => r.groupId === p.params.get('id')) ?? groups.find((r) => r.bac > 0) ?? groups[0];
  const table = d && {
    columns: [
      { key: 'name', label: GROUPINGS.find((g) => g.value === groupBy)?.label ?? 'Group' },
      { key: 'projects', label: 'Projects', kind: 'integer' as const },
      ...EVM_COLUMNS,
    ],
    rows: [...d.rows, d.total].map((r) => ({
      name: r.code ? `${r.code} ${r.name}` : r.name,
      projects: r.projects,
      ...evmRow(r),
    })),
  };
  return (
    <div className={p.large ? 'page dash-page is-large' : 'page dash-page'}>
      <PageHeader
        title="Earned value"
        subtitle={
          d
            ? `Summed over the projects of each group; SPI, CPI, EAC and TCPI recomputed from the sums. Figures as of ${d.computedAt ? formatDateTime(d.computedAt) : 'not computed yet'}.`
            : 'Earned value summed by portfolio, program or org unit.'
        }
      />
      <div className="stack">
        <section className="filter-bar" aria-label="Grouping">
          <Field label="Group by" className="filter-bar__item">
            <Select
              value={groupBy}
              options={GROUPINGS}
              onChange={(e) => {
                p.set('id', null);
                p.set('groupBy', e.target.value);
              }}
            />
          </Field>
          <Field label="S-curve periods" className="filter-bar__item">
            <Select
              value={granularity}
              options={[
                { value: 'month', label: 'Months' },
                { value: 'week', label: 'Weeks' },
              ]}
              onChange={(e) => p.set('granularity', e.target.value)}
            />
          </Field>
          {groups.length > 0 && (
            <Field label="S-curve of" className="filter-bar__item">
              <Select
                value={picked?.groupId ?? ''}
                options={groups.map((g) => ({
                  value: g.groupId ?? '',
                  label: g.code ? `${g.code} ${g.name}` : g.name,
                }))}
                onChange={(e) => p.set('id', e.target.value)}
              />
            </Field>
          )}
        </section>
        {query.isPending ? (
          <Card>
            <LoadingState label="Loading earned value…" />
          </Card>
        ) : query.isError ? (
          <Card>
            <ErrorState
              error={query.error}
              title="Could not load earned value"
              onRetry={() => query.refetch()}
            />
          </Card>
        ) : !d || d.rows.length === 0 || !table ? (
          <Card>
            <EmptyState title="No project here">
              Earned value shows once projects have a Baseline 0.
            </EmptyState>
          </Card>
        ) : (
          <>
            {picked?.groupId && (
              <Card
                title={`S-curve: ${picked.name}`}
                description={`BAC ${money(picked.bac, picked.currencies[0] ?? 'EUR')}, EAC ${money(picked.eac, picked.currencies[0] ?? 'EUR')} (${picked.eacMethod}).`}
              >
                <GroupCurve
                  groupBy={groupBy}
                  id={picked.groupId}
                  name={picked.name}
                  currency={picked.currencies[0] ?? 'EUR'}
                  granularity={granularity}
                />
              </Card>
            )}
            <Card
              flush
              title="Roll-up"
              description={`EAC by ${d.total.eacMethod}.`}
              actions={
                <ExportButtons
                  fileName={exportName(`evm-by-${groupBy}`, d.statusDate)}
                  what="the earned-value roll-up"
                  {...table}
                />
              }
            >
              <Table className="dash-table" scrollLabel={`Earned value by ${groupBy}`}>
                <caption className="visually-hidden">Earned value by {groupBy}</caption>
                <thead>
                  <tr>
                    {table.columns
                      .filter((c) => c.key !== 'eacMethod')
                      .map((c) => (
                        <th key={c.key} scope="col" className={c.kind ? 'num' : undefined}>
                          {c.label}
                        </th>
                      ))}
                  </tr>
                </thead>
                <tbody>
                  {[...d.rows, d.total].map((r) => (
                    <tr
                      key={r.groupId ?? `none-${r.name}`}
                      className={r === d.total ? 'dash-table__total' : undefined}
                    >
                      <th scope="row">{r.code ? `${r.code} ${r.name}` : r.name}</th>
                      <td className="num">{r.projects}</td>
                      {(['bac', 'pv', 'ev', 'ac', 'sv', 'cv'] as const).map((k) => (
                        <td key={k} className="num">
                          {money(r[k], r.currencies[0] ?? 'EUR')}
                        </td>
                      ))}
                      <td className="num">{r.spi?.toFixed(2) ?? '—'}</td>
                      <td className="num">{r.cpi?.toFixed(2) ?? '—'}</td>
                      {(['eac', 'etc', 'vac'] as const).map((k) => (
                        <td key={k} className="num">
                          {money(r[k], r.currencies[0] ?? 'EUR')}
                        </td>
                      ))}
                      <td className="num">{r.tcpi?.toFixed(2) ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </Card>
          </>
        )}
      </div>
    </div>
  );
}
