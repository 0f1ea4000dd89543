import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../api/client.ts';
import { type Allocation, deleteAllocation, listAllocations, resourceKeys } from '../../api/resources.ts';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDate } from '../../design/format.ts';
import { SkeletonRows } from '../../design/Skeleton.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { AllocationDialog } from './AllocationDialog.tsx';
import { describeAmount } from './allocation-model.ts';
import { formatHours } from './utilisation.ts';

/** Who works where: the allocations of one resource, or of one project. */
export function AllocationsCard({ resourceId, projectId }: { resourceId?: string; projectId?: string }) {
  const { can } = useSession();
  const canManage = can('allocation.manage');
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const params = { ...(resourceId ? { resourceId } : {}), ...(projectId ? { projectId } : {}) };
  const fixed = params;
  const query = useQuery({
    queryKey: resourceKeys.allocations(params),
    queryFn: ({ signal }) => listAllocations(params, signal),
  });
  const [editing, setEditing] = useState<Allocation | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Allocation | null>(null);
  const remove = useMutation({
    mutationFn: (a: Allocation) => deleteAllocation(a.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
      showToast({ tone: 'success', title: 'Allocation removed' });
      setDeleting(null);
    },
    onError: (e) => showToast({ tone: 'error', title: 'Not removed', text: describeError(e) }),
  });
  const items = query.data?.items ?? [];
  const byProject = Boolean(projectId);

  return (
    <Card
      title="Allocations"
      description={
        byProject ? 'People and roles planned on this project.' : 'The projects this resource is planned on.'
      }
      flush
      actions={
        canManage ? (
          <Button size="sm" variant="primary" onClick={() => setEditing('new')}>
            <span aria-hidden="true">+</span> New allocation
          </Button>
        ) : null
      }
    >
      {query.isError ? (
        <ErrorState
          error={query.error}
          title="Could not load the allocations"
          onRetry={() => query.refetch()}
        />
      ) : query.data && items.length === 0 ? (
        <EmptyState title="No allocations yet">
          {byProject
            ? 'Allocate people or roles to plan this project’s demand.'
            : 'This resource is not planned on any project.'}
        </EmptyState>
      ) : (
        <Table aria-busy={query.isPending || undefined}>
          <caption className="visually-hidden">Allocations</caption>
          <thead>
            <tr>
              <th scope="col">{byProject ? 'Resource' : 'Project'}</th>
              <th scope="col">Period</th>
              <th scope="col">Amount</th>
              <th scope="col" className="num">
                Total h
              </th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {query.isPending ? (
              <SkeletonRows columns={6} rows={3} />
            ) : (
              items.map((a) => (
                <tr key={a.id}>
                  <td>
                    {byProject ? (
                      <Link to={`/resources/${a.resourceId}`}>{a.resourceName}</Link>
                    ) : (
                      <Link to={`/projects/${a.projectId}?tab=resourcing`}>
                        <span className="mono subtle">{a.projectCode}</span> {a.projectName}
                      </Link>
                    )}
                    {a.notes && <span className="cell-sub">{a.notes}</span>}
                  </td>
                  <td className="nowrap">
                    {formatDate(a.start)} – {formatDate(a.end)}
                  </td>
                  <td>{describeAmount(a)}</td>
                  <td className="num">{formatHours(a.totalHours)}</td>
                  <td>
                    <Badge tone={a.commitment === 'committed' ? 'green' : 'amber'} dot>
                      {a.commitment === 'committed' ? 'Committed' : 'Tentative'}
                    </Badge>
                  </td>
                  <td className="num nowrap">
                    {canManage && (
                      <>
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Edit the allocation of ${a.resourceName} on ${a.projectCode}`}
                          onClick={() => setEditing(a)}
                        >
                          Edit
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Remove the allocation of ${a.resourceName} on ${a.projectCode}`}
                          onClick={() => setDeleting(a)}
                        >
                          Remove
                        </Button>
                      </>
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      )}
      {editing && (
        <AllocationDialog
          editing={editing === 'new' ? null : editing}
          fixed={fixed}
          onClose={() => setEditing(null)}
        />
      )}
      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Remove this allocation?"
        description={
          deleting
            ? `${deleting.resourceName} on ${deleting.projectCode}, ${formatDate(deleting.start)} – ${formatDate(deleting.end)}.`
            : undefined
        }
        footer={
          <>
            <Button onClick={() => setDeleting(null)}>Keep it</Button>
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() => deleting && remove.mutate(deleting)}
            >
              Remove allocation
            </Button>
          </>
        }
      />
    </Card>
  );
}
