import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { exportFileName } from '../../api/exports.ts';
import { fetchRiskSummary, listRisks, raidKeys } from '../../api/raid.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { NewRiskDialog } from './NewRiskDialog.tsx';
import { RiskFilterBar } from './RiskFilterBar.tsx';
import { RiskHeatMap } from './RiskHeatMap.tsx';
import { RiskTable } from './RiskTable.tsx';
import { RiskTrendChart } from './RiskTrendChart.tsx';
import { riskExportColumns, riskExportRow } from './raid-export.ts';
import { LEVEL_LABELS, levelOf, plural, ratingLabel } from './raid-model.ts';
import { useRiskMatrix } from './raid-queries.ts';
import {
  applyRegister,
  filterByCell,
  hasRegisterFilters,
  type RegisterChange,
  readRegister,
  toListParams,
  toSummaryParams,
} from './register-params.ts';
import './raid.css';

/** The central risk register across projects, portfolios and org units, with its heat map and trend. */
export function RiskRegisterPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const matrix = useRiskMatrix();
  const size = matrix.data?.size ?? 5;
  const state = readRegister(params, size);
  const listParams = toListParams(state);
  const summaryParams = toSummaryParams(state);
  const list = useQuery({
    queryKey: raidKeys.riskList(listParams),
    queryFn: ({ signal }) => listRisks(listParams, signal),
    placeholderData: keepPreviousData,
  });
  const summary = useQuery({
    queryKey: raidKeys.riskSummary(summaryParams),
    queryFn: ({ signal }) => fetchRiskSummary(summaryParams, signal),
    placeholderData: keepPreviousData,
  });
  const [creating, setCreating] = useState(false);

  const change = useCallback(
    (c: RegisterChange) => setParams((p) => applyRegister(p, c), { replace: true }),
    [setParams],
  );
  const clear = () => setParams(new URLSearchParams(), { replace: true });

  const items = filterByCell(list.data?.items ?? [], state.cell);
  const m = summary.data?.matrix ?? matrix.data;
  const cellText =
    state.cell && m
      ? `probability ${ratingLabel(m.probabilityLabels, state.cell.probability)} × impact ${ratingLabel(m.impactLabels, state.cell.impact)} (score ${state.cell.probability * state.cell.impact}, ${LEVEL_LABELS[levelOf(state.cell.probability, state.cell.impact, m)].toLowerCase()})`
      : null;

  return (
    <div className="page">
      <PageHeader
        title="Risk register"
        subtitle="Every project’s risks and the risks shared at portfolios and org units, rated on the PMO’s probability × impact matrix."
        actions={
          <>
            <ExportButtons
              fileName={exportFileName('risks')}
              what="risks"
              columns={riskExportColumns()}
              rows={items.map(riskExportRow)}
              disabled={items.length === 0}
            />
            {can('project.update') && matrix.data ? (
              <Button variant="primary" onClick={() => setCreating(true)}>
                <span aria-hidden="true">+</span> New risk
              </Button>
            ) : null}
          </>
        }
      />
      <div className="stack">
        <RiskFilterBar state={state} onChange={change} onClear={clear} />
        <div className="raid-overview">
          <Card
            title="Heat map"
            description="Open and monitored risks by rating. Choose a cell to list its risks."
            className="raid-overview__heat"
          >
            {summary.isPending ? (
              <LoadingState label="Loading the heat map…" />
            ) : summary.isError ? (
              <ErrorState
                error={summary.error}
                title="Could not load the heat map"
                onRetry={() => summary.refetch()}
              />
            ) : (
              <RiskHeatMap
                matrix={summary.data.matrix}
                counts={summary.data.heatMap}
                selected={state.cell}
                onSelect={(cell) => change({ cell })}
              />
            )}
          </Card>
          <Card
            title="Trend"
            description="Open risks by level at the end of each of the last 12 weeks."
            className="raid-overview__trend"
          >
            {summary.isPending ? (
              <LoadingState label="Loading the trend…" />
            ) : summary.isError ? (
              <ErrorState
                error={summary.error}
                title="Could not load the trend"
                onRetry={() => summary.refetch()}
              />
            ) : (
              <RiskTrendChart trend={summary.data.trend} />
            )}
          </Card>
        </div>
        <Card
          flush
          title="Risks"
          description={
            list.data
              ? `${plural(items.length, 'risk')}${cellText ? ` rated ${cellText}` : ''}, highest score first.`
              : undefined
          }
          actions={
            state.cell ? (
              <Button size="sm" onClick={() => change({ cell: null })}>
                Show all cells
              </Button>
            ) : null
          }
        >
          {list.isPending || matrix.isPending ? (
            <LoadingState label="Loading risks…" />
          ) : list.isError || matrix.isError ? (
            <ErrorState
              error={list.error ?? matrix.error}
              title="Could not load the risks"
              onRetry={() => {
                void list.refetch();
                void matrix.refetch();
              }}
            />
          ) : items.length === 0 ? (
            <EmptyState
              title={hasRegisterFilters(state) ? 'No risks match these filters' : 'No open risks'}
              actions={
                hasRegisterFilters(state) ? (
                  <Button onClick={clear}>Clear filters</Button>
                ) : can('project.update') ? (
                  <Button variant="primary" onClick={() => setCreating(true)}>
                    New risk
                  </Button>
                ) : null
              }
            >
              {hasRegisterFilters(state)
                ? 'Change or clear the filters to see more.'
                : 'Raise a risk on a project, or share one across a portfolio.'}
            </EmptyState>
          ) : (
            <RiskTable
              items={items}
              matrix={matrix.data}
              caption={cellText ? `Risks rated ${cellText}` : 'Risks, highest score first'}
            />
          )}
        </Card>
      </div>
      {creating && matrix.data && <NewRiskDialog matrix={matrix.data} onClose={() => setCreating(false)} />}
    </div>
  );
}
