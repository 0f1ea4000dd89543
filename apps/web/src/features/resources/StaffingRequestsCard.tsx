import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { listStaffingRequests, resourceKeys } from '../../api/resources.ts';
import { useSession } from '../../app/session-context.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDate } from '../../design/format.ts';
import { SkeletonRows } from '../../design/Skeleton.tsx';
import { Table } from '../../design/Table.tsx';
import { StaffingRequestDialog } from './StaffingRequestDialog.tsx';
import { StaffingStatusBadge } from './StaffingStatusBadge.tsx';

/** A project's requests for people, and a way to make a new one. */
export function StaffingRequestsCard({ projectId }: { projectId: string }) {
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const params = { projectId };
  const query = useQuery({
    queryKey: resourceKeys.staffing(params),
    queryFn: ({ signal }) => listStaffingRequests(params, signal),
  });
  const items = query.data?.items ?? [];
  return (
    <Card
      title="Staffing requests"
      description="People asked of the resource managers for this project."
      flush
      actions={
        can('allocation.manage') ? (
          <Button size="sm" onClick={() => setCreating(true)}>
            <span aria-hidden="true">+</span> New staffing request
          </Button>
        ) : null
      }
    >
      {query.isError ? (
        <ErrorState error={query.error} title="Could not load the requests" onRetry={() => query.refetch()} />
      ) : query.data && items.length === 0 ? (
        <EmptyState title="No staffing requests">
          Ask for a role with the skills it needs, for a period.
        </EmptyState>
      ) : (
        <Table aria-busy={query.isPending || undefined}>
          <caption className="visually-hidden">Staffing requests</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Skills</th>
              <th scope="col">Period</th>
              <th scope="col" className="num">
                h/week
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {query.isPending ? (
              <SkeletonRows columns={5} rows={2} />
            ) : (
              items.map((r) => (
                <tr key={r.id}>
                  <td>
                    {can('resource.manage') && r.status === 'open' ? (
                      <Link to={`/staffing?request=${r.id}`}>{r.role}</Link>
                    ) : (
                      r.role
                    )}
                  </td>
                  <td className="cell-secondary">
                    {r.skills.map((s) => `${s.skillName} ≥ ${s.minLevel}`).join(', ') || '—'}
                  </td>
                  <td className="nowrap">
                    {formatDate(r.start)} – {formatDate(r.end)}
                  </td>
                  <td className="num">{r.hoursPerWeek}</td>
                  <td>
                    <StaffingStatusBadge status={r.status} />
                    {r.resourceName && <span className="cell-sub">{r.resourceName}</span>}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      )}
      {creating && <StaffingRequestDialog projectId={projectId} onClose={() => setCreating(false)} />}
    </Card>
  );
}
