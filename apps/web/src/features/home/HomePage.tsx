import { PROJECT_STATUSES } from '@baton/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchProjectSummary, listProjects, projectKeys } from '../../api/projects.ts';
import { usePortfolios } from '../../api/queries.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSignedInSession } from '../../app/session-context.ts';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatNumber, formatRelative } from '../../design/format.ts';
import { STATUS_LABELS } from '../../design/labels.ts';
import { Skeleton } from '../../design/Skeleton.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { StatusBadge } from '../../design/StatusBadge.tsx';

const RECENT = { sort: '-updatedAt', page: 1, pageSize: 8 };

export function HomePage() {
  const session = useSignedInSession();
  const summary = useQuery({
    queryKey: projectKeys.summary({}),
    queryFn: ({ signal }) => fetchProjectSummary({}, signal),
  });
  const recent = useQuery({
    queryKey: projectKeys.list(RECENT),
    queryFn: ({ signal }) => listProjects(RECENT, signal),
  });
  const portfolios = usePortfolios();
  const firstName = session.user.name.split(' ')[0] ?? session.user.name;
  // Counted through the project summary, so the numbers match what this person can see in the list.
  const perPortfolio = useQueries({
    queries: (portfolios.data ?? []).map((p) => ({
      queryKey: projectKeys.summary({ portfolioId: p.id }),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchProjectSummary({ portfolioId: p.id }, signal),
    })),
  });
  const portfolioCounts = (portfolios.data ?? []).map((p, i) => ({
    ...p,
    count: perPortfolio[i]?.data?.total ?? null,
  }));
  const maxPortfolio = Math.max(1, ...portfolioCounts.map((p) => p.count ?? 0));

  return (
    <div className="page">
      <PageHeader
        title={`Good to see you, ${firstName}`}
        documentTitle="Home"
        subtitle="Where the PMO’s projects stand today."
      />
      <div className="stack">
        <section aria-labelledby="by-status">
          <h2 id="by-status" className="visually-hidden">
            Projects by status
          </h2>
          {summary.isError ? (
            <Card as="div">
              <ErrorState
                error={summary.error}
                title="Could not load the counts"
                onRetry={() => summary.refetch()}
              />
            </Card>
          ) : (
            <div className="kpis">
              <Link className="kpi" to="/projects">
                <span className="kpi__label">All projects</span>
                <span className="kpi__value">
                  {summary.data ? formatNumber(summary.data.total) : <Skeleton width={48} height={28} />}
                </span>
              </Link>
              {PROJECT_STATUSES.map((s) => (
                <Link key={s} className="kpi" to={`/projects?status=${s}`}>
                  <span className="kpi__label">
                    <span className={`status-dot status-dot--${s}`} aria-hidden="true" />
                    {STATUS_LABELS[s]}
                  </span>
                  <span className="kpi__value">
                    {summary.data ? (
                      formatNumber(summary.data.byStatus[s] ?? 0)
                    ) : (
                      <Skeleton width={32} height={28} />
                    )}
                  </span>
                </Link>
              ))}
            </div>
          )}
        </section>
        <div className="dashboard-grid">
          <Card title="Projects per portfolio" description="Projects in each portfolio you can see.">
            {portfolios.isPending ? (
              <LoadingState />
            ) : portfolios.isError ? (
              <ErrorState error={portfolios.error} onRetry={() => portfolios.refetch()} />
            ) : portfolios.data.length === 0 ? (
              <EmptyState title="No portfolios yet">Create portfolios under Organisation.</EmptyState>
            ) : (
              <ul className="bars">
                {[...portfolioCounts]
                  .sort((a, b) => (b.count ?? 0) - (a.count ?? 0))
                  .map((p) => (
                    <li key={p.id}>
                      <div className="bar__head">
                        <Link to={`/projects?portfolioId=${p.id}`}>{p.name}</Link>
                        <span className="num muted">{p.count === null ? '…' : formatNumber(p.count)}</span>
                      </div>
                      <div className="bar__track" aria-hidden="true">
                        <div
                          className="bar__fill"
                          style={{ width: `${((p.count ?? 0) / maxPortfolio) * 100}%` }}
                        />
                      </div>
                    </li>
                  ))}
              </ul>
            )}
          </Card>
          <Card
            title="Recently changed"
            description="The latest edits across your projects."
            flush
            actions={<Link to="/projects?sort=-updatedAt">View all</Link>}
          >
            {recent.isPending ? (
              <LoadingState />
            ) : recent.isError ? (
              <ErrorState error={recent.error} onRetry={() => recent.refetch()} />
            ) : recent.data.items.length === 0 ? (
              <EmptyState title="No projects yet" />
            ) : (
              <ul className="recent">
                {recent.data.items.map((p) => (
                  <li key={p.id} className="recent__item">
                    <div className="recent__body">
                      <Link className="recent__title" to={`/projects/${p.id}`}>
                        {p.name}
                      </Link>
                      <span className="recent__meta">
                        <span className="mono">{p.code}</span> · {p.managerName ?? 'No manager'} · updated{' '}
                        {formatRelative(p.updatedAt)}
                      </span>
                    </div>
                    <StatusBadge status={p.status} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
