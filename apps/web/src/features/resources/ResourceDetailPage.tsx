import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../../api/client.ts';
import { fetchResource, resourceKeys } from '../../api/resources.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { ButtonLink } from '../../design/Button.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatMoney } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { AllocationsCard } from './AllocationsCard.tsx';
import { CapacityStrip } from './CapacityStrip.tsx';
import { LeaveCard } from './LeaveCard.tsx';
import { RatesCard } from './RatesCard.tsx';
import { ResourceEditCard } from './ResourceEditCard.tsx';
import { KIND_LABELS } from './resource-queries.ts';
import { SkillsCard } from './SkillsCard.tsx';
import { formatHours } from './utilisation.ts';
import './resources.css';

export function ResourceDetailPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const canEdit = can('resource.manage');
  const query = useQuery({
    queryKey: resourceKeys.detail(id),
    queryFn: ({ signal }) => fetchResource(id, signal),
  });

  if (query.isPending) return <LoadingState label="Loading resource…" />;
  if (query.isError) {
    return (
      <div className="page">
        {isApiProblem(query.error, 404) || isApiProblem(query.error, 400) ? (
          <EmptyState
            title="Resource not found"
            actions={<ButtonLink to="/resources">Back to the pool</ButtonLink>}
          >
            It may have been removed, or the link is wrong.
          </EmptyState>
        ) : (
          <ErrorState
            error={query.error}
            title="Could not load the resource"
            onRetry={() => query.refetch()}
          />
        )}
      </div>
    );
  }
  const r = query.data;
  return (
    <div className="page">
      <PageHeader
        documentTitle={r.name}
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/resources">Resource pool</Link>
            <span aria-hidden="true">/</span>
            <span>{r.name}</span>
          </nav>
        }
        title={
          <span className="title-with-badge">
            {r.name}
            <Badge tone={r.kind === 'person' ? 'blue' : 'violet'}>{KIND_LABELS[r.kind] ?? r.kind}</Badge>
            {!r.active && <Badge>Inactive</Badge>}
          </span>
        }
        subtitle={[
          r.role,
          r.orgUnitName,
          `${formatHours(r.capacityHoursPerWeek)} h/week (${r.fte.toFixed(2)} FTE)`,
          r.currentRate ? `${formatMoney(r.currentRate.rateMinor, r.currentRate.currency)}/h` : null,
          r.userName ? `signs in as ${r.userName}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      />
      <div className="stack">
        <CapacityStrip resourceId={r.id} />
        <AllocationsCard resourceId={r.id} />
        <div className="detail-grid">
          <ResourceEditCard key={`${r.id}-${r.version}`} resource={r} canEdit={canEdit} />
          <div className="stack">
            <SkillsCard key={`${r.id}-${r.version}`} resource={r} canEdit={canEdit} />
            <RatesCard resource={r} canEdit={canEdit} />
            <LeaveCard resource={r} canEdit={canEdit} />
          </div>
        </div>
      </div>
    </div>
  );
}
