import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { exportFileName } from '../../api/exports.ts';
import { fetchReconciliation, type ReconciliationParams, resourceKeys } from '../../api/resources.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { formatMoney } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { SkeletonRows } from '../../design/Skeleton.tsx';
import { Table } from '../../design/Table.tsx';
import { reconciliationExportColumns, reconciliationExportRow } from '../resources/resource-export.ts';
import { formatHours } from '../resources/utilisation.ts';
import { addDays, isIsoDate, mondayOf, todayIso } from '../resources/week-dates.ts';
import '../resources/resources.css';
import { useSession } from '../../app/session-context.ts';
import { TimesheetLockCard } from './TimesheetLockCard.tsx';

function readParams(
  params: URLSearchParams,
  today: string,
): Required<Pick<ReconciliationParams, 'from' | 'to' | 'groupBy'>> {
  const from = params.get('from');
  const to = params.get('to');
  const start = isIsoDate(from) ? from : addDays(mondayOf(today), -28);
  const end = isIsoDate(to) && to >= start ? to : addDays(mondayOf(today), 6);
  return { from: start, to: end, groupBy: params.get('groupBy') === 'project' ? 'project' : 'resource' };
}

/** Planned (allocations) against assigned (schedules) against actual (approved timesheets). */
export function ReconciliationPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const q = readParams(params, todayIso());
  const query = useQuery({
    queryKey: resourceKeys.reconciliation(q),
    queryFn: ({ signal }) => fetchReconciliation(q, signal),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next);
  };
  const byProject = q.groupBy === 'project';
  const rows = query.data?.rows ?? [];
  const totals = query.data?.totals;

  return (
    <div className="page">
      <PageHeader
        title="Reconciliation"
        subtitle="Planned hours (allocations) against assigned hours (schedules) against actual hours (approved timesheets)."
        actions={
          <ExportButtons
            fileName={exportFileName(`reconciliation-${q.from}-to-${q.to}`)}
            what="the reconciliation"
            columns={reconciliationExportColumns(q.groupBy)}
            rows={rows.map(reconciliationExportRow)}
            disabled={rows.length === 0}
          />
        }
      />
      <div className="stack">
        <section className="filter-bar" aria-label="Reconciliation filters">
          <div className="filter-bar__item">
            <label htmlFor="rec-from" className="filter-bar__label">
              From
            </label>
            <Input
              id="rec-from"
              type="date"
              controlSize="sm"
              value={q.from}
              onChange={(e) => isIsoDate(e.target.value) && set('from', e.target.value)}
            />
          </div>
          <div className="filter-bar__item">
            <label htmlFor="rec-to" className="filter-bar__label">
              To
            </label>
            <Input
              id="rec-to"
              type="date"
              controlSize="sm"
              value={q.to}
              onChange={(e) => isIsoDate(e.target.value) && set('to', e.target.value)}
            />
          </div>
          <div className="filter-bar__item">
            <label htmlFor="rec-group" className="filter-bar__label">
              Rows
            </label>
            <Select
              id="rec-group"
              controlSize="sm"
              value={q.groupBy}
              options={[
                { value: 'resource', label: 'By resource' },
                { value: 'project', label: 'By project' },
              ]}
              onChange={(e) => set('groupBy', e.target.value)}
            />
          </div>
        </section>
        <Card flush as="div">
          {query.isError ? (
            <ErrorState
              error={query.error}
              title="Could not load the reconciliation"
              onRetry={() => query.refetch()}
            />
          ) : query.data && rows.length === 0 ? (
            <EmptyState title="Nothing to reconcile">
              No planned, assigned or logged hours in this window.
            </EmptyState>
          ) : (
            <Table aria-busy={query.isPending || undefined}>
              <caption className="visually-hidden">Planned, assigned and actual hours</caption>
              <thead>
                <tr>
                  <th scope="col">{byProject ? 'Project' : 'Resource'}</th>
                  <th scope="col" className="num">
                    Planned h
                  </th>
                  <th scope="col" className="num">
                    Assigned h
                  </th>
                  <th scope="col" className="num">
                    Actual h
                  </th>
                  <th scope="col" className="num">
                    Pending h
                  </th>
                  <th scope="col" className="num">
                    Actual cost
                  </th>
                  <th scope="col">Flags</th>
                </tr>
              </thead>
              <tbody>
                {query.isPending ? (
                  <SkeletonRows columns={7} />
                ) : (
                  rows.map((r) => (
                    <tr key={`${r.resourceId ?? ''}-${r.projectId ?? ''}`}>
                      <td>
                        {byProject
                          ? `${r.projectCode ?? ''} ${r.projectName ?? ''}`
                          : (r.resourceName ?? '—')}
                      </td>
                      <td className="num">{formatHours(r.plannedHours)}</td>
                      <td className="num">{formatHours(r.assignedHours)}</td>
                      <td className="num num-strong">{formatHours(r.actualHours)}</td>
                      <td className="num">{formatHours(r.pendingHours)}</td>
                      <td className="num">{r.currency ? formatMoney(r.actualCostMinor, r.currency) : '—'}</td>
                      <td>
                        {r.flags.length === 0 ? (
                          <span className="subtle">—</span>
                        ) : (
                          <ul className="flag-list">
                            {r.flags.map((f) => (
                              <li key={f}>
                                <Badge tone="amber">{f}</Badge>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
              {totals && (
                <tfoot>
                  <tr>
                    <th scope="row">Total</th>
                    <td className="num">{formatHours(totals.plannedHours)}</td>
                    <td className="num">{formatHours(totals.assignedHours)}</td>
                    <td className="num">{formatHours(totals.actualHours)}</td>
                    <td className="num">{formatHours(totals.pendingHours)}</td>
                    <td />
                    <td />
                  </tr>
                </tfoot>
              )}
            </Table>
          )}
        </Card>
        {can('resource.manage') && <TimesheetLockCard />}
      </div>
    </div>
  );
}
