import { labelForNewVersion } from '@baton/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiProblem } from '../../api/client.ts';
import {
  type CiVersionStatus,
  type ConfigurationItemDetail,
  configurationKeys,
  deleteConfigurationItem,
  fetchConfigurationItem,
  transitionConfigurationVersion,
} from '../../api/configuration.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDateTime } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { problemText } from '../raid/raid-problems.ts';
import {
  CI_KIND_LABELS,
  VERSION_STATUS_LABELS,
  VERSION_STATUS_TONES,
  versionActions,
  versionText,
} from './configuration-model.ts';
import { ItemDialog, NewVersionDialog } from './ItemDialogs.tsx';

function VersionsTable({ detail, mayEdit }: { detail: ConfigurationItemDetail; mayEdit: boolean }) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const { can } = useSession();
  const mayApprove = can('project.approve') || can('change.approve');
  const move = useMutation({
    mutationFn: (m: { number: number; to: CiVersionStatus }) =>
      transitionConfigurationVersion(detail.id, m.number, m.to),
    onSuccess: (next, m) => {
      client.setQueryData(configurationKeys.item(detail.id), next);
      void client.invalidateQueries({ queryKey: configurationKeys.all });
      showToast({
        tone: 'success',
        title: `Version ${m.number} ${VERSION_STATUS_LABELS[m.to].toLowerCase()}`,
        ...(m.to === 'approved' ? { text: 'Any version approved before it is now superseded.' } : {}),
      });
    },
    onError: (error) => {
      void client.invalidateQueries({ queryKey: configurationKeys.item(detail.id) });
      showToast({ tone: 'error', title: 'The version did not move', text: problemText(error) });
    },
  });
  return (
    <Table scrollLabel={`Versions of ${detail.code}`}>
      <caption className="visually-hidden">Versions of {detail.code}, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Status</th>
          <th scope="col">Notes</th>
          <th scope="col">Recorded</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {detail.versions.map((v) => {
          const actions = versionActions(v.status).filter((a) => (a.approval ? mayApprove : mayEdit));
          return (
            <tr key={v.id}>
              <td className="nowrap">
                <span className="num-strong">{v.label}</span> <span className="subtle">v{v.number}</span>
              </td>
              <td>
                <Badge tone={VERSION_STATUS_TONES[v.status]} dot>
                  {VERSION_STATUS_LABELS[v.status]}
                </Badge>
                {v.changeRequestCode && (
                  <span className="cell-sub">
                    by <span className="mono">{v.changeRequestCode}</span>
                  </span>
                )}
              </td>
              <td className={v.notes ? undefined : 'subtle'}>{v.notes ?? '—'}</td>
              <td className="nowrap">
                {formatDateTime(v.createdAt)}
                {v.createdByName && <span className="cell-sub">{v.createdByName}</span>}
              </td>
              <td className="nowrap">
                <div className="row">
                  {actions.map((a) => (
                    <Button
                      key={a.to}
                      size="sm"
                      variant={a.to === 'approved' ? 'primary' : 'secondary'}
                      loading={
                        move.isPending && move.variables?.number === v.number && move.variables.to === a.to
                      }
                      disabled={move.isPending}
                      aria-label={`${a.label}: ${detail.code} ${v.label}`}
                      onClick={() => move.mutate({ number: v.number, to: a.to })}
                    >
                      {a.label}
                    </Button>
                  ))}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/** One item: what it is, its version history with the moves open to the reader, and where it is used. */
export function ItemPanel({
  project,
  itemId,
  mayEdit,
  backTo,
}: {
  project: Project;
  itemId: string;
  mayEdit: boolean;
  backTo: string;
}) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: configurationKeys.item(itemId),
    queryFn: ({ signal }) => fetchConfigurationItem(itemId, signal),
  });
  const [editing, setEditing] = useState(false);
  const [versioning, setVersioning] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteConfigurationItem(itemId),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: configurationKeys.all });
      showToast({ tone: 'success', title: 'Item deleted' });
      navigate(backTo);
    },
    onError: (error) => showToast({ tone: 'error', title: 'Not deleted', text: problemText(error) }),
  });
  const back = (
    <Link to={backTo} className="subtle">
      ← All configuration items of {project.code}
    </Link>
  );
  if (query.isPending) return <LoadingState label="Loading the item…" />;
  if (query.isError)
    return (
      <div className="stack">
        {back}
        {isApiProblem(query.error, 404) ? (
          <EmptyState title="No such configuration item">It may have been deleted.</EmptyState>
        ) : (
          <ErrorState error={query.error} title="Could not load the item" onRetry={() => query.refetch()} />
        )}
      </div>
    );
  const d = query.data;
  if (d.projectId !== project.id)
    return (
      <div className="stack">
        {back}
        <EmptyState title="Not an item of this project" />
      </div>
    );
  const open = d.versions.find((v) => v.status === 'draft' || v.status === 'in_review');
  const deletable =
    d.versions.every((v) => v.status === 'draft' || v.status === 'in_review') &&
    d.baselines.length === 0 &&
    d.changeRequests.length === 0;
  return (
    <div className="stack">
      {back}
      <Card
        title={
          <>
            <span className="mono subtle">{d.code}</span> {d.name}
          </>
        }
        description={`${CI_KIND_LABELS[d.kind]} · owner ${d.ownerName ?? 'none'} · approved ${versionText(d.approvedVersion)}`}
        actions={
          mayEdit ? (
            <>
              <Button size="sm" onClick={() => setEditing(true)}>
                Edit
              </Button>
              {deletable && (
                <Button size="sm" variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
                  Delete
                </Button>
              )}
            </>
          ) : null
        }
      >
        {d.description ? <p className="prose">{d.description}</p> : <p className="subtle">No description.</p>}
      </Card>
      <Card
        flush
        title="Versions"
        description={
          open
            ? `Version ${open.number} (${open.label}) is ${VERSION_STATUS_LABELS[open.status].toLowerCase()}: finish it before recording another.`
            : 'Approving a version supersedes the one approved before it; an approved change records its own.'
        }
        actions={
          mayEdit ? (
            <Button size="sm" variant="primary" disabled={Boolean(open)} onClick={() => setVersioning(true)}>
              <span aria-hidden="true">+</span> New version
            </Button>
          ) : null
        }
      >
        <VersionsTable detail={d} mayEdit={mayEdit} />
      </Card>
      <Card title="Baselines and changes">
        <div className="grid-2">
          <section aria-label="Baselines">
            <h3 className="b-field__label">Frozen in</h3>
            {d.baselines.length === 0 ? (
              <p className="subtle">No baseline yet.</p>
            ) : (
              <ul>
                {d.baselines.map((b) => (
                  <li key={b.id}>
                    {b.name}: {b.versionLabel} <span className="subtle">(v{b.versionNumber})</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-label="Change requests">
            <h3 className="b-field__label">Named by change requests</h3>
            {d.changeRequests.length === 0 ? (
              <p className="subtle">None.</p>
            ) : (
              <ul>
                {d.changeRequests.map((c) => (
                  <li key={c.id}>
                    <Link to={`/projects/${project.id}?tab=changes`}>
                      <span className="mono">{c.code}</span> {c.title}
                    </Link>{' '}
                    <span className="subtle">
                      {c.status}
                      {c.newVersionNumber !== null && `, recorded v${c.newVersionNumber}`}
                      {c.note && ` — ${c.note}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </Card>
      {editing && <ItemDialog projectId={project.id} item={d} onClose={() => setEditing(false)} />}
      {versioning && (
        <NewVersionDialog
          item={d}
          suggestedLabel={labelForNewVersion(d.versions.map((v) => v.label))}
          onClose={() => setVersioning(false)}
        />
      )}
    </div>
  );
}
