import type { UseQueryResult } from '@tanstack/react-query';
import type { CommunicationCoordination } from '../../api/communications.ts';
import { Badge } from '../../design/Badge.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDate } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { STATUS_LABELS, STATUS_TONES } from './communication-model.ts';

/** Stakeholders who receive too many communications in one ISO week, with what reaches them. */
export function CommunicationCoordinationCard({
  result,
}: {
  result: UseQueryResult<CommunicationCoordination>;
}) {
  const warnings = result.data?.warnings ?? [];
  const threshold = result.data?.threshold ?? 3;
  return (
    <Card
      title="Coordination"
      description={`Stakeholders who receive ${threshold} or more communications in one week, across projects and the PMO.`}
    >
      {result.isPending ? (
        <LoadingState label="Checking the weeks…" />
      ) : result.isError ? (
        <ErrorState
          error={result.error}
          title="Could not check coordination"
          onRetry={() => result.refetch()}
        />
      ) : warnings.length === 0 ? (
        <EmptyState title="No crowded week" icon="✓">
          No stakeholder receives {threshold} or more communications in one week of this range.
        </EmptyState>
      ) : (
        <ul className="comm-warnings" aria-label="Coordination warnings">
          {warnings.map((w) => (
            <li key={`${w.stakeholderId}|${w.week}`} className="comm-warning">
              <p className="comm-warning__head">
                <span aria-hidden="true">⚠ </span>
                <strong>{w.stakeholderName}</strong> receives {w.count} communications in week{' '}
                {w.week.slice(6)}{' '}
                <span className="subtle">
                  (from {formatDate(w.weekStart)}, {w.sourceCount} source{w.sourceCount === 1 ? '' : 's'})
                </span>
              </p>
              <ul className="comm-warning__list">
                {w.communications.map((c) => (
                  <li key={`${c.itemId}|${c.dueDate}`}>
                    <span className="nowrap">{formatDate(c.dueDate)}</span> · {c.title}{' '}
                    <span className="subtle">
                      {c.projectId ? `${c.projectCode} ${c.projectName}` : 'PMO'}
                    </span>{' '}
                    <Badge tone={STATUS_TONES[c.status]}>{STATUS_LABELS[c.status]}</Badge>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
