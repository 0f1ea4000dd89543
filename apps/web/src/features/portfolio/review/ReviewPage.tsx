import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { fetchReview, portfolioKeys, type ReviewItem } from '../../../api/portfolio.ts';
import { PageHeader } from '../../../app/PageHeader.tsx';
import { useSession } from '../../../app/session-context.ts';
import { Button } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { formatDate } from '../../../design/format.ts';
import { Select } from '../../../design/Select.tsx';
import { LoadingState } from '../../../design/Spinner.tsx';
import { useCurrency } from '../use-strategy.ts';
import { DecideDialog } from './DecideDialog.tsx';
import { DecisionsCard } from './DecisionsCard.tsx';
import { ReviewTable } from './ReviewTable.tsx';
import { filterItems, type ReviewShow, readShow, summaryLine } from './review-model.ts';
import './review.css';

/** Running projects measured on cost, schedule and benefits: the candidates to stop or re-scope, and decisions. */
export function ReviewPage() {
  const { can } = useSession();
  const currency = useCurrency();
  const [params, setParams] = useSearchParams();
  const query = useQuery({ queryKey: portfolioKeys.review, queryFn: ({ signal }) => fetchReview(signal) });
  const [deciding, setDeciding] = useState<ReviewItem | null>(null);
  const items = query.data?.items ?? [];
  const candidateCount = items.filter((i) => i.candidate).length;
  const show = readShow(params.get('show'), candidateCount);
  const visible = filterItems(items, show);
  const setShow = (value: ReviewShow) => {
    const next = new URLSearchParams(params);
    next.set('show', value);
    setParams(next, { replace: true });
  };
  const mayDecide = can('portfolio.manage');

  return (
    <div className="page">
      <PageHeader
        title="Portfolio review"
        subtitle="Running projects measured on cost, schedule and benefits, to decide which continue and which to stop or re-scope."
      />
      <div className="stack">
        {query.isPending ? (
          <Card>
            <LoadingState label="Loading the review…" />
          </Card>
        ) : query.isError ? (
          <Card>
            <ErrorState
              error={query.error}
              title="Could not load the review"
              onRetry={() => query.refetch()}
            />
          </Card>
        ) : items.length === 0 ? (
          <Card>
            <EmptyState title="No running projects to review">
              Active and on-hold projects appear here with their cost, schedule and benefits.
            </EmptyState>
          </Card>
        ) : (
          <>
            <section className="filter-bar review-toolbar" aria-label="Review filter">
              <p className="review-summary">{summaryLine(items, formatDate(query.data.asOf))}</p>
              <div className="filter-bar__item">
                <label htmlFor="review-show" className="filter-bar__label">
                  Show
                </label>
                <Select
                  id="review-show"
                  controlSize="sm"
                  value={show}
                  options={[
                    { value: 'candidates', label: `Candidates only (${candidateCount})` },
                    { value: 'all', label: `All running (${items.length})` },
                  ]}
                  onChange={(e) => setShow(e.target.value === 'all' ? 'all' : 'candidates')}
                />
              </div>
            </section>
            <Card flush as="div">
              {visible.length === 0 ? (
                <EmptyState
                  title="No candidates to stop or re-scope"
                  icon="✓"
                  actions={<Button onClick={() => setShow('all')}>Show all running projects</Button>}
                >
                  Every running project is within its cost, schedule and benefit thresholds.
                </EmptyState>
              ) : (
                <ReviewTable
                  items={visible}
                  currency={currency}
                  caption={
                    show === 'candidates'
                      ? 'Candidates to stop or re-scope, worst health first'
                      : 'Running projects, worst health first'
                  }
                  onDecide={mayDecide ? setDeciding : undefined}
                />
              )}
            </Card>
          </>
        )}
        {!query.isError && <DecisionsCard items={items} />}
      </div>
      {deciding && (
        <DecideDialog key={deciding.projectId} item={deciding} onClose={() => setDeciding(null)} />
      )}
    </div>
  );
}
