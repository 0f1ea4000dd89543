import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { capacityExportUrl, fetchCapacity, type OverAllocation, resourceKeys } from '../../api/resources.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Button } from '../../design/Button.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { CapacityFilterBar } from './CapacityFilterBar.tsx';
import { CapacityGrid } from './CapacityGrid.tsx';
import { applyCapacityChange, readCapacityState, toCapacityParams } from './capacity-params.ts';
import { LevellingDialog } from './LevellingDialog.tsx';
import { OverAllocationList } from './OverAllocationList.tsx';
import { UtilisationLegend } from './UtilisationLegend.tsx';
import { todayIso } from './week-dates.ts';
import './resources.css';

/** Capacity against demand across every project: the heatmap, its over-allocations, and levelling. */
export function CapacityPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readCapacityState(params, todayIso()), [params]);
  const query = toCapacityParams(state);
  const report = useQuery({
    queryKey: resourceKeys.capacity(query),
    queryFn: ({ signal }) => fetchCapacity(query, signal),
    placeholderData: keepPreviousData,
  });
  const change = (c: Parameters<typeof applyCapacityChange>[1]) => setParams(applyCapacityChange(params, c));
  const level = params.get('level');
  const [levelResource, levelStart, levelEnd] = (level ?? '').split('~');
  const resolve = (o: OverAllocation) => {
    const next = new URLSearchParams(params);
    next.set('level', `${o.resourceId}~${o.start}~${o.end}`);
    setParams(next);
  };
  const closeLevelling = () => {
    const next = new URLSearchParams(params);
    next.delete('level');
    setParams(next);
  };
  const data = report.data;
  const filtered = Boolean(state.orgUnitId || state.skillId || state.resourceId);

  return (
    <div className="page">
      <PageHeader
        title="Capacity"
        subtitle="Capacity against demand across every project, from allocations and task assignments."
        actions={
          <a className="b-button b-button--secondary" href={capacityExportUrl(query)} download>
            Export XLSX
          </a>
        }
      />
      <div className="stack">
        <CapacityFilterBar state={state} onChange={change} />
        {state.resourceId && (
          <div className="row">
            <span className="scope-chip">
              One resource only
              <button
                type="button"
                aria-label="Show every resource"
                onClick={() => change({ resourceId: null })}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </span>
          </div>
        )}
        <UtilisationLegend />
        {report.isPending ? (
          <LoadingState label="Loading capacity…" />
        ) : report.isError ? (
          <ErrorState
            error={report.error}
            title="Could not load the capacity"
            onRetry={() => report.refetch()}
          />
        ) : !data || data.rows.length === 0 ? (
          <EmptyState
            title={filtered ? 'No resources match these filters' : 'No capacity to show'}
            actions={
              filtered ? (
                <Button onClick={() => setParams(new URLSearchParams())}>Clear filters</Button>
              ) : null
            }
          >
            The heatmap shows the resources of the pool with their capacity and demand in the window.
          </EmptyState>
        ) : (
          <div className="capacity-layout">
            <CapacityGrid report={data} caption="Utilisation by period" />
            <OverAllocationList items={data.overAllocations} onResolve={resolve} />
          </div>
        )}
      </div>
      {levelResource && levelStart && levelEnd && (
        <LevellingDialog
          resourceId={levelResource}
          start={levelStart}
          end={levelEnd}
          onClose={closeLevelling}
        />
      )}
    </div>
  );
}
