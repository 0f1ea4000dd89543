import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { exportFileName } from '../../../api/exports.ts';
import { fetchScoring, portfolioKeys } from '../../../api/portfolio.ts';
import { PageHeader } from '../../../app/PageHeader.tsx';
import { useSession } from '../../../app/session-context.ts';
import { ButtonLink } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { ExportButtons } from '../../../design/ExportButtons.tsx';
import { LoadingState } from '../../../design/Spinner.tsx';
import { scoringExportColumns, scoringExportRow } from '../portfolio-export.ts';
import { useCurrency } from '../use-strategy.ts';
import { BubbleChart } from './BubbleChart.tsx';
import type { YMode } from './bubble-layout.ts';
import { ScoringMatrixTable } from './ScoringMatrixTable.tsx';
import { nextSort, parseSort, type SortKey, sortParam, sortRows } from './scoring-model.ts';
import './scoring.css';

const Y_MODES: { id: YMode; label: string }[] = [
  { id: 'value', label: 'Value score' },
  { id: 'npv', label: 'NPV' },
];

/** How the open proposals score against the strategy: the matrix, and value × risk × cost. */
export function ScoringPage() {
  const [params, setParams] = useSearchParams();
  const { can } = useSession();
  const currency = useCurrency();
  const sort = parseSort(params.get('sort'));
  const mode: YMode = params.get('y') === 'npv' ? 'npv' : 'value';
  const query = useQuery({ queryKey: portfolioKeys.scoring, queryFn: ({ signal }) => fetchScoring(signal) });

  const update = (key: string, value: string | null) => {
    const p = new URLSearchParams(params);
    if (value === null) p.delete(key);
    else p.set(key, value);
    setParams(p, { replace: true });
  };
  const onSort = (key: SortKey) => update('sort', sortParam(nextSort(sort, key)));
  const objectives = (query.data?.objectives ?? [])
    .filter((o) => o.active)
    .sort((a, b) => a.sortOrder - b.sortOrder);
  const sortedRows = query.data ? sortRows(query.data.rows, sort) : [];

  return (
    <div className="page">
      <PageHeader
        title="Scoring"
        subtitle="How the open proposals score against the strategy: alignment with each objective, the weighted criteria, NPV and cost."
        actions={
          <>
            <ExportButtons
              fileName={exportFileName('scoring-matrix')}
              what="the scoring matrix"
              columns={scoringExportColumns(objectives)}
              rows={sortedRows.map((r) => scoringExportRow(r, objectives, currency))}
              disabled={sortedRows.length === 0}
            />
            <ButtonLink to="/portfolio/strategy?tab=criteria">
              {can('strategy.manage') ? 'Change weights' : 'Scoring criteria'}
            </ButtonLink>
          </>
        }
      />
      {query.isPending ? (
        <LoadingState label="Scoring the proposals…" />
      ) : query.isError ? (
        <ErrorState error={query.error} title="Could not load the scores" onRetry={() => query.refetch()} />
      ) : query.data.rows.length === 0 ? (
        <Card as="div">
          <EmptyState
            title="No open proposals to score"
            actions={<ButtonLink to="/portfolio/proposals">Go to proposals</ButtonLink>}
          >
            Proposals appear here once they are drafted or submitted, until they are approved into projects or
            rejected.
          </EmptyState>
        </Card>
      ) : (
        <div className="stack">
          <Card
            flush
            title="Scoring matrix"
            description="Select a column heading to sort. The weighted total combines the four criteria with the weights shown under their names."
          >
            <ScoringMatrixTable
              rows={sortedRows}
              objectives={objectives}
              criteria={query.data.criteria}
              sort={sort}
              onSort={onSort}
              currency={currency}
            />
          </Card>
          <Card
            title="Value, risk and cost"
            description="Top left are the quick wins: high value at low risk. Bubble area shows the total cost; colours and the legend show the status."
            actions={
              <fieldset className="bubble-mode">
                <legend className="visually-hidden">Vertical axis</legend>
                <span className="bubble-mode__label" aria-hidden="true">
                  Vertical axis:
                </span>
                {Y_MODES.map((m) => (
                  <button
                    key={m.id}
                    type="button"
                    className="b-chip"
                    aria-pressed={mode === m.id}
                    onClick={() => update('y', m.id === 'value' ? null : m.id)}
                  >
                    {m.label}
                  </button>
                ))}
              </fieldset>
            }
          >
            <BubbleChart rows={query.data.rows} mode={mode} currency={currency} />
          </Card>
        </div>
      )}
    </div>
  );
}
