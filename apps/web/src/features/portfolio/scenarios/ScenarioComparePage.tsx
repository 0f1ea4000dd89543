import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { compareScenarios, listScenarios, portfolioKeys, type Scenario } from '../../../api/portfolio.ts';
import { PageHeader } from '../../../app/PageHeader.tsx';
import { Alert } from '../../../design/Alert.tsx';
import { Button, ButtonLink } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { Select } from '../../../design/Select.tsx';
import { LoadingState } from '../../../design/Spinner.tsx';
import { useCurrency } from '../use-strategy.ts';
import { CompareCapacity } from './CompareCapacity.tsx';
import { CompareInputs } from './CompareInputs.tsx';
import { CompareProjects } from './CompareProjects.tsx';
import { CompareTotals } from './CompareTotals.tsx';
import { readPair, withPair } from './compare-model.ts';
import './compare.css';

function optionLabel(s: Scenario): string {
  const notes = [s.status === 'committed' ? 'committed' : null, s.result ? null : 'not optimised'].filter(
    Boolean,
  );
  return notes.length ? `${s.name} (${notes.join(', ')})` : s.name;
}

function OptimiseFirst({ id, name }: { id: string; name: string }) {
  return (
    <Alert tone="warning" title={`Optimise ${name} first`}>
      It has no result to compare yet. <Link to={`/portfolio/scenarios/${id}`}>Open {name}</Link> and run the
      optimiser.
    </Alert>
  );
}

/** Two scenarios side by side: totals, which proposals each selects, capacity used and differing inputs. */
export function ScenarioComparePage() {
  const currency = useCurrency();
  const [params, setParams] = useSearchParams();
  const { a, b } = readPair(params);
  const list = useQuery({
    queryKey: portfolioKeys.scenarios,
    queryFn: ({ signal }) => listScenarios(signal),
  });
  const scenarios = list.data?.items ?? [];
  const sa = a ? scenarios.find((s) => s.id === a) : undefined;
  const sb = b ? scenarios.find((s) => s.id === b) : undefined;
  const unoptimised = [sa, sb].filter(
    (s, k, all): s is Scenario => s !== undefined && !s.result && all.indexOf(s) === k,
  );
  const ready = Boolean(a && b && sa && sb && a !== b && unoptimised.length === 0);
  const diff = useQuery({
    queryKey: portfolioKeys.compare(a ?? '', b ?? ''),
    queryFn: ({ signal }) => compareScenarios(a ?? '', b ?? '', signal),
    enabled: ready,
  });
  const choose = (side: 'a' | 'b', id: string) => setParams(withPair(params, { a, b, [side]: id || null }));
  const options = scenarios.map((s) => ({ value: s.id, label: optionLabel(s) }));
  const stale = [sa, sb].filter((s): s is Scenario => Boolean(s?.result && s.resultStale));
  const missing = [a && list.isSuccess && !sa ? 'A' : null, b && list.isSuccess && !sb ? 'B' : null].filter(
    Boolean,
  );

  let body: ReactNode;
  if (list.isPending)
    body = (
      <Card>
        <LoadingState label="Loading scenarios…" />
      </Card>
    );
  else if (list.isError)
    body = (
      <Card>
        <ErrorState error={list.error} title="Could not load the scenarios" onRetry={() => list.refetch()} />
      </Card>
    );
  else if (!a || !b)
    body = (
      <Card>
        <EmptyState title="Pick two scenarios to compare">
          Choose scenario A and scenario B above. The link of this page keeps the pair, to share it.
        </EmptyState>
      </Card>
    );
  else if (missing.length > 0)
    body = (
      <Alert tone="error" title="Scenario not found">
        Scenario {missing.join(' and ')} no longer exists; pick another.
      </Alert>
    );
  else if (a === b)
    body = (
      <Alert tone="warning" title="Pick two different scenarios">
        A and B are the same scenario: choose another one for B.
      </Alert>
    );
  else if (unoptimised.length > 0)
    body = (
      <div className="stack">
        {unoptimised.map((s) => (
          <OptimiseFirst key={s.id} id={s.id} name={s.name} />
        ))}
      </div>
    );
  else if (diff.isPending)
    body = (
      <Card>
        <LoadingState label="Comparing the scenarios…" />
      </Card>
    );
  else if (diff.isError)
    body = (
      <Card>
        <ErrorState
          error={diff.error}
          title="Could not compare the scenarios"
          onRetry={() => diff.refetch()}
        />
      </Card>
    );
  else {
    const d = diff.data;
    const noResult = [d.a, d.b].filter((s) => s.totals === null);
    body =
      noResult.length > 0 ? (
        <div className="stack">
          {noResult.map((s) => (
            <OptimiseFirst key={s.id} id={s.id} name={s.name} />
          ))}
        </div>
      ) : (
        <div className="stack">
          {stale.map((s) => (
            <Alert key={s.id} title={`${s.name} changed since it was optimised`}>
              The comparison uses its last result.{' '}
              <Link to={`/portfolio/scenarios/${s.id}`}>Optimise {s.name} again</Link> to compare its current
              inputs.
            </Alert>
          ))}
          <CompareTotals diff={d} currency={currency} />
          <CompareProjects diff={d} currency={currency} />
          <CompareCapacity diff={d} />
          <CompareInputs diff={d} currency={currency} />
        </div>
      );
  }

  return (
    <div className="page">
      <PageHeader
        title="Compare scenarios"
        subtitle="Two what-if portfolios side by side: what each selects, what it costs and what it asks of the teams."
        actions={<ButtonLink to="/portfolio/scenarios">All scenarios</ButtonLink>}
      />
      <div className="stack">
        <section className="filter-bar compare-picker" aria-label="Scenarios to compare">
          <div className="filter-bar__item filter-bar__item--grow">
            <label htmlFor="compare-a" className="filter-bar__label">
              Scenario A
            </label>
            <Select
              id="compare-a"
              value={a ?? ''}
              placeholder="Choose scenario A"
              options={options}
              disabled={!list.isSuccess}
              onChange={(e) => choose('a', e.target.value)}
            />
          </div>
          <div className="filter-bar__item filter-bar__item--end">
            <Button
              onClick={() => setParams(withPair(params, { a: b, b: a }))}
              disabled={!a && !b}
              aria-label="Swap scenarios A and B"
            >
              <span aria-hidden="true">⇄</span> Swap
            </Button>
          </div>
          <div className="filter-bar__item filter-bar__item--grow">
            <label htmlFor="compare-b" className="filter-bar__label">
              Scenario B
            </label>
            <Select
              id="compare-b"
              value={b ?? ''}
              placeholder="Choose scenario B"
              options={options}
              disabled={!list.isSuccess}
              onChange={(e) => choose('b', e.target.value)}
            />
          </div>
        </section>
        {body}
      </div>
    </div>
  );
}
