import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listDecisions, portfolioKeys, type ReviewItem } from '../../../api/portfolio.ts';
import { Badge } from '../../../design/Badge.tsx';
import { Card } from '../../../design/Card.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { formatDateTime } from '../../../design/format.ts';
import { LoadingState } from '../../../design/Spinner.tsx';
import { Table } from '../../../design/Table.tsx';
import { DECISION_LABELS, DECISION_TONES, decisionProject, newestFirst } from './review-model.ts';

/** Every review decision recorded, newest first. */
export function DecisionsCard({ items }: { items: readonly ReviewItem[] }) {
  const query = useQuery({
    queryKey: portfolioKeys.decisions(),
    queryFn: ({ signal }) => listDecisions(undefined, signal),
  });
  const byId = new Map(items.map((i) => [i.projectId, i]));
  const decisions = newestFirst(query.data?.items ?? []);
  return (
    <Card
      flush
      title="Decisions"
      description="What the portfolio review decided on each project, and why; newest first."
    >
      {query.isPending ? (
        <LoadingState label="Loading decisions…" />
      ) : query.isError ? (
        <ErrorState
          error={query.error}
          title="Could not load the decisions"
          onRetry={() => query.refetch()}
        />
      ) : decisions.length === 0 ? (
        <EmptyState title="No decisions yet">Decisions recorded in the review appear here.</EmptyState>
      ) : (
        <Table>
          <caption className="visually-hidden">Review decisions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Project</th>
              <th scope="col">Decision</th>
              <th scope="col">Reason</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => {
              const project = decisionProject(d, byId.get(d.projectId));
              return (
                <tr key={d.id}>
                  <td className="nowrap">{formatDateTime(d.decidedAt)}</td>
                  <td className="cell-name">
                    <Link to={`/projects/${d.projectId}`} className="cell-name__link">
                      {project.code && <span className="mono">{project.code}</span>} {project.name}
                    </Link>
                  </td>
                  <td>
                    <Badge tone={DECISION_TONES[d.decision]}>{DECISION_LABELS[d.decision]}</Badge>
                  </td>
                  <td className="cell-secondary review-reason">{d.reason}</td>
                  <td className="nowrap">{d.decidedByName ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
