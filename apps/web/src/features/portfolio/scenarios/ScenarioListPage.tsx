import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { listScenarios, portfolioKeys, type Scenario } from '../../../api/portfolio.ts';
import { PageHeader } from '../../../app/PageHeader.tsx';
import { useSession } from '../../../app/session-context.ts';
import { Badge } from '../../../design/Badge.tsx';
import { Button } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { formatRelative } from '../../../design/format.ts';
import { LoadingState } from '../../../design/Spinner.tsx';
import { Table } from '../../../design/Table.tsx';
import {
  addMonths,
  formatMajorCompact,
  formatMonth,
  formatPercent,
  formatScore,
} from '../portfolio-format.ts';
import { useCurrency } from '../use-strategy.ts';
import { NewScenarioDialog } from './NewScenarioDialog.tsx';
import { budgetPerMonth, upliftOverRanking } from './scenario-model.ts';
import './scenarios.css';

function ResultCell({ s }: { s: Scenario }) {
  if (!s.result) return <span className="subtle">Not optimised yet</span>;
  const r = s.result;
  const uplift = upliftOverRanking(r);
  return (
    <span className="stack-sm">
      <span>
        {r.status === 'infeasible' ? (
          <Badge tone="red">Infeasible</Badge>
        ) : (
          <>
            <span className="num-strong">{formatScore(r.objective)}</span>{' '}
            <span className="subtle">
              {s.objective === 'npv' ? 'NPV' : 'score'} · {r.totals.count} selected
            </span>
          </>
        )}
      </span>
      <span className="cell-secondary">
        {r.status === 'optimal' ? 'proven optimal' : `gap ${formatPercent(r.gap, 2)}`}
        {uplift !== null && r.status !== 'infeasible' && ` · ${formatPercent(uplift)} over ranking`}
        {s.resultStale && ' · inputs changed since'}
      </span>
    </span>
  );
}

/** Every scenario, its last answer, and a way to compare two of them. */
export function ScenarioListPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const currency = useCurrency();
  const [creating, setCreating] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const query = useQuery({
    queryKey: portfolioKeys.scenarios,
    queryFn: ({ signal }) => listScenarios(signal),
  });
  const items = query.data?.items ?? [];
  const toggle = (id: string, on: boolean) =>
    setPicked((p) => (on ? [...p.filter((x) => x !== id), id].slice(-2) : p.filter((x) => x !== id)));

  return (
    <div className="page">
      <PageHeader
        title="Scenarios"
        subtitle="What-ifs of the portfolio: which proposals to start, and when, under a budget and the people available."
        actions={
          <>
            <Button
              disabled={picked.length !== 2}
              onClick={() => navigate(`/portfolio/scenarios/compare?a=${picked[0]}&b=${picked[1]}`)}
            >
              Compare {picked.length === 2 ? 'the two chosen' : '(choose two)'}
            </Button>
            {can('portfolio.manage') && (
              <Button variant="primary" onClick={() => setCreating(true)}>
                New scenario
              </Button>
            )}
          </>
        }
      />
      <Card flush as="div">
        {query.isPending ? (
          <LoadingState label="Loading scenarios…" />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            title="Could not load the scenarios"
            onRetry={() => query.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState
            title="No scenarios yet"
            actions={
              can('portfolio.manage') ? (
                <Button variant="primary" onClick={() => setCreating(true)}>
                  New scenario
                </Button>
              ) : undefined
            }
          >
            A scenario sets a budget and a horizon; Baton then finds the best selection of proposals.
          </EmptyState>
        ) : (
          <Table>
            <caption className="visually-hidden">Scenarios</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Compare</span>
                </th>
                <th scope="col">Scenario</th>
                <th scope="col">Horizon</th>
                <th scope="col" className="num">
                  Budget
                </th>
                <th scope="col">Last answer</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => {
                const total = budgetPerMonth(s.budget, s.periods).reduce((a, b) => a + b, 0);
                return (
                  <tr key={s.id}>
                    <td>
                      <input
                        type="checkbox"
                        className="scenario-pick"
                        aria-label={`Compare ${s.name}`}
                        checked={picked.includes(s.id)}
                        onChange={(e) => toggle(s.id, e.target.checked)}
                      />
                    </td>
                    <td>
                      <Link to={`/portfolio/scenarios/${s.id}`} className="cell-name__link">
                        {s.name}
                      </Link>
                      {s.description && <div className="cell-secondary">{s.description}</div>}
                    </td>
                    <td className="nowrap">
                      {formatMonth(s.startMonth)} – {formatMonth(addMonths(s.startMonth, s.periods - 1))}
                    </td>
                    <td className="num nowrap">
                      {formatMajorCompact(total, currency)}
                      <div className="cell-secondary">
                        {formatMajorCompact(s.budget[0] ?? 0, currency)}/month
                        {s.budget.length > 1 ? ' at first' : ''}
                      </div>
                    </td>
                    <td>
                      <ResultCell s={s} />
                    </td>
                    <td>
                      {s.status === 'committed' ? (
                        <span className="stack-sm">
                          <Badge tone="green" dot>
                            Committed
                          </Badge>
                          {s.committedAt && (
                            <span className="cell-secondary">
                              {formatRelative(s.committedAt)}
                              {s.committedByName ? ` by ${s.committedByName}` : ''}
                            </span>
                          )}
                        </span>
                      ) : (
                        <Badge tone="gray" dot>
                          Draft
                        </Badge>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
      {creating && <NewScenarioDialog open onClose={() => setCreating(false)} />}
    </div>
  );
}
