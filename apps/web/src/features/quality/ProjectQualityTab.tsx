import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { type DeliverableStatus, listDeliverables, qualityKeys } from '../../api/quality.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { DeliverableDialog } from './DeliverableDialog.tsx';
import { DeliverablePanel } from './DeliverablePanel.tsx';
import { DeliverableStatusChips, DeliverableTable } from './DeliverableTable.tsx';
import { NonConformancesCard } from './NonConformancesCard.tsx';
import './quality.css';

function DeliverablesCard({ project, mayEdit }: { project: Project; mayEdit: boolean }) {
  const params = { projectId: project.id };
  const list = useQuery({
    queryKey: qualityKeys.deliverableList(params),
    queryFn: ({ signal }) => listDeliverables(params, signal),
  });
  const [status, setStatus] = useState<DeliverableStatus | null>(null);
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];
  const shown = status ? items.filter((d) => d.status === status) : items;
  return (
    <Card
      flush
      title="Deliverables"
      description="What the project hands over, checked against the PMO’s quality standards and accepted by an approver."
      actions={
        mayEdit ? (
          <Button size="sm" variant="primary" onClick={() => setCreating(true)}>
            <span aria-hidden="true">+</span> New deliverable
          </Button>
        ) : null
      }
    >
      {list.isPending ? (
        <LoadingState label="Loading deliverables…" />
      ) : list.isError ? (
        <ErrorState
          error={list.error}
          title="Could not load the deliverables"
          onRetry={() => list.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title="No deliverables yet">
          Plan the deliverables of {project.code}; each gets the checklist of its type’s standards.
        </EmptyState>
      ) : (
        <div className="q-register">
          <div className="q-register__chips">
            <DeliverableStatusChips items={items} selected={status} onChange={setStatus} />
          </div>
          {shown.length === 0 ? (
            <EmptyState title="None with this status" />
          ) : (
            <DeliverableTable
              items={shown}
              caption={`Deliverables of ${project.code}`}
              linkOf={(d) => `?tab=quality&deliverable=${d.id}`}
            />
          )}
        </div>
      )}
      {creating && <DeliverableDialog project={project} onClose={() => setCreating(false)} />}
    </Card>
  );
}

/** A project's quality: its deliverables register (or one deliverable) and its non-conformances. */
export function ProjectQualityTab({ project }: { project: Project }) {
  const { can } = useSession();
  const [params] = useSearchParams();
  const mayEdit = can('project.update') && project.status !== 'cancelled';
  const deliverableId = params.get('deliverable');
  if (deliverableId)
    return (
      <DeliverablePanel
        key={deliverableId}
        project={project}
        deliverableId={deliverableId}
        mayEdit={mayEdit}
      />
    );
  return (
    <div className="stack">
      <DeliverablesCard project={project} mayEdit={mayEdit} />
      <NonConformancesCard project={project} mayEdit={mayEdit} />
    </div>
  );
}
