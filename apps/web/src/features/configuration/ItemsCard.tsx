import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { configurationKeys, listConfigurationItems } from '../../api/configuration.ts';
import type { Project } from '../../api/types.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { SkeletonRows } from '../../design/Skeleton.tsx';
import { Table } from '../../design/Table.tsx';
import { CI_KIND_LABELS, VERSION_STATUS_LABELS, VERSION_STATUS_TONES } from './configuration-model.ts';
import { ItemDialog } from './ItemDialogs.tsx';

/** The project's configuration items: each with its latest version and its approved one. */
export function ItemsCard({
  project,
  mayEdit,
  linkOf,
}: {
  project: Project;
  mayEdit: boolean;
  linkOf: (itemId: string) => string;
}) {
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: configurationKeys.items(project.id),
    queryFn: ({ signal }) => listConfigurationItems(project.id, signal),
  });
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];
  return (
    <Card
      flush
      title="Configuration items"
      description="The deliverables, documents, specifications and components the project keeps under control, with their versions."
      actions={
        mayEdit ? (
          <Button size="sm" variant="primary" onClick={() => setCreating(true)}>
            <span aria-hidden="true">+</span> New item
          </Button>
        ) : null
      }
    >
      {list.isError ? (
        <ErrorState error={list.error} title="Could not load the items" onRetry={() => list.refetch()} />
      ) : !list.isPending && items.length === 0 ? (
        <EmptyState title="No configuration items yet">
          Put the project’s key deliverables, documents, specifications and components under configuration
          control; each starts at version 1, in draft.
        </EmptyState>
      ) : (
        <Table scrollLabel={`Configuration items of ${project.code}`}>
          <caption className="visually-hidden">Configuration items of {project.code}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Kind</th>
              <th scope="col">Latest version</th>
              <th scope="col">Approved version</th>
              <th scope="col">Owner</th>
            </tr>
          </thead>
          <tbody>
            {list.isPending ? (
              <SkeletonRows rows={4} columns={5} />
            ) : (
              items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={linkOf(i.id)} className="cell-name__link">
                      <span className="mono subtle">{i.code}</span> {i.name}
                    </Link>
                    <span className="cell-sub">
                      {i.versionCount} version{i.versionCount === 1 ? '' : 's'}
                    </span>
                  </td>
                  <td>{CI_KIND_LABELS[i.kind]}</td>
                  <td className="nowrap">
                    {i.latestVersion ? (
                      <>
                        {i.latestVersion.label}{' '}
                        <Badge tone={VERSION_STATUS_TONES[i.latestVersion.status]}>
                          {VERSION_STATUS_LABELS[i.latestVersion.status]}
                        </Badge>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="nowrap">
                    {i.approvedVersion ? (
                      <span className="num-strong">{i.approvedVersion.label}</span>
                    ) : (
                      <span className="subtle">None yet</span>
                    )}
                  </td>
                  <td>{i.ownerName ?? <span className="subtle">—</span>}</td>
                </tr>
              ))
            )}
          </tbody>
        </Table>
      )}
      {creating && (
        <ItemDialog
          projectId={project.id}
          onClose={() => setCreating(false)}
          onCreated={(item) => navigate(linkOf(item.id))}
        />
      )}
    </Card>
  );
}
