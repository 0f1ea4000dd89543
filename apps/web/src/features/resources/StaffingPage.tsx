import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../api/client.ts';
import { exportFileName } from '../../api/exports.ts';
import {
  fetchCandidates,
  fillStaffingRequest,
  listStaffingRequests,
  resourceKeys,
  type StaffingRequest,
} from '../../api/resources.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { formatDate } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { AvailabilityResults } from './AvailabilityResults.tsx';
import { staffingExportColumns, staffingExportRow } from './resource-export.ts';
import './resources.css';

function Candidates({ request, onFilled }: { request: StaffingRequest; onFilled: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const { can } = useSession();
  const query = useQuery({
    queryKey: resourceKeys.candidates(request.id),
    queryFn: ({ signal }) => fetchCandidates(request.id, signal),
  });
  const fill = useMutation({
    mutationFn: (resourceId: string) => fillStaffingRequest(request.id, request.version, resourceId),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
      showToast({
        tone: 'success',
        title: 'Request filled',
        text: `${r.resourceName ?? 'The resource'} is now allocated to ${r.projectCode}.`,
      });
      onFilled();
    },
    onError: (e) => showToast({ tone: 'error', title: 'Not filled', text: describeError(e) }),
  });
  return (
    <Card
      flush
      title={`Candidates for ${request.role} on ${request.projectCode}`}
      description={`${request.hoursPerWeek} h a week, ${formatDate(request.start)} – ${formatDate(request.end)}${request.skills.length ? ` · ${request.skills.map((s) => `${s.skillName} ≥ ${s.minLevel}`).join(', ')}` : ''}`}
    >
      {query.isPending ? (
        <LoadingState label="Ranking candidates…" />
      ) : query.isError ? (
        <ErrorState error={query.error} title="Could not rank candidates" onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title="No candidates">Nobody in the pool has these skills and free time.</EmptyState>
      ) : (
        <AvailabilityResults
          items={query.data.items}
          caption={`Candidates for ${request.role}, best fit first`}
          action={(m) =>
            can('allocation.manage') ? (
              <Button
                size="sm"
                loading={fill.isPending && fill.variables === m.resourceId}
                onClick={() => fill.mutate(m.resourceId)}
              >
                Fill with {m.name}
              </Button>
            ) : null
          }
        />
      )}
    </Card>
  );
}

/** Open requests for people across every project, with ranked candidates for the one chosen. */
export function StaffingPage() {
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('request');
  const query = useQuery({
    queryKey: resourceKeys.staffing({ status: 'open' }),
    queryFn: ({ signal }) => listStaffingRequests({ status: 'open' }, signal),
  });
  const items = query.data?.items ?? [];
  const selected = items.find((r) => r.id === selectedId) ?? null;
  const select = (id: string | null) => setParams(id ? { request: id } : {});

  return (
    <div className="page">
      <PageHeader
        title="Staffing"
        subtitle="Open requests for people, across every project."
        actions={
          <ExportButtons
            fileName={exportFileName('staffing-requests')}
            what="staffing requests"
            columns={staffingExportColumns()}
            rows={items.map(staffingExportRow)}
            disabled={items.length === 0}
          />
        }
      />
      <div className="stack">
        <Card flush as="div">
          {query.isPending ? (
            <LoadingState label="Loading requests…" />
          ) : query.isError ? (
            <ErrorState
              error={query.error}
              title="Could not load the requests"
              onRetry={() => query.refetch()}
            />
          ) : items.length === 0 ? (
            <EmptyState title="No open requests">
              When a project asks for someone, the request appears here.
            </EmptyState>
          ) : (
            <Table>
              <caption className="visually-hidden">Open staffing requests</caption>
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col">Role</th>
                  <th scope="col">Skills</th>
                  <th scope="col">Period</th>
                  <th scope="col" className="num">
                    h/week
                  </th>
                  <th scope="col">Requested by</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id} aria-selected={r.id === selectedId || undefined}>
                    <td>
                      <Link to={`/projects/${r.projectId}?tab=resourcing`}>
                        <span className="mono subtle">{r.projectCode}</span> {r.projectName}
                      </Link>
                    </td>
                    <td>{r.role}</td>
                    <td className="cell-secondary">
                      {r.skills.map((s) => `${s.skillName} ≥ ${s.minLevel}`).join(', ') || '—'}
                    </td>
                    <td className="nowrap">
                      {formatDate(r.start)} – {formatDate(r.end)}
                    </td>
                    <td className="num">{r.hoursPerWeek}</td>
                    <td className="cell-secondary">{r.requestedBy ?? '—'}</td>
                    <td className="num">
                      <Button
                        size="sm"
                        variant={r.id === selectedId ? 'primary' : 'secondary'}
                        aria-pressed={r.id === selectedId}
                        onClick={() => select(r.id === selectedId ? null : r.id)}
                      >
                        Candidates
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        {selected && <Candidates key={selected.id} request={selected} onFilled={() => select(null)} />}
      </div>
    </div>
  );
}
