import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type ChangeRequestConfigurationItems,
  configurationKeys,
  fetchChangeRequestItems,
  listConfigurationItems,
  putChangeRequestItems,
} from '../../api/configuration.ts';
import { listChangeRequests, raidKeys } from '../../api/raid.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { problemText } from '../raid/raid-problems.ts';
import { versionText } from './configuration-model.ts';

/** Chooses the project's items a change touches, each with an optional note. */
function NameItemsDialog({
  project,
  current,
  onClose,
}: {
  project: Project;
  current: ChangeRequestConfigurationItems;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const items = useQuery({
    queryKey: configurationKeys.items(project.id),
    queryFn: ({ signal }) => listConfigurationItems(project.id, signal),
  });
  const [notes, setNotes] = useState<ReadonlyMap<string, string>>(
    () => new Map(current.items.map((i) => [i.itemId, i.note ?? ''])),
  );
  const save = useMutation({
    mutationFn: () =>
      putChangeRequestItems(current.changeRequestId, {
        items: [...notes].map(([itemId, note]) => ({ itemId, note: note.trim() || null })),
      }),
    onSuccess: (next) => {
      void client.invalidateQueries({ queryKey: configurationKeys.all });
      showToast({
        tone: 'success',
        title: `${current.code} names ${next.items.length} item${next.items.length === 1 ? '' : 's'}`,
      });
      onClose();
    },
  });
  const toggle = (id: string) =>
    setNotes((m) => {
      const next = new Map(m);
      if (next.has(id)) next.delete(id);
      else next.set(id, '');
      return next;
    });
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={`Items ${current.code} touches`}
      description="Approving the change records the next version of each, approved, with the change."
      onSubmit={() => save.mutate()}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save items
          </Button>
        </>
      }
    >
      <div className="stack">
        {save.isError && (
          <Alert tone="error" title="Not saved">
            {problemText(save.error)}
          </Alert>
        )}
        {items.isPending ? (
          <LoadingState label="Loading the items…" />
        ) : items.isError ? (
          <ErrorState error={items.error} title="Could not load the items" onRetry={() => items.refetch()} />
        ) : items.data.items.length === 0 ? (
          <EmptyState title="No configuration items">
            Add items on the project’s Configuration tab first.
          </EmptyState>
        ) : (
          <ul className="ci-choices">
            {items.data.items.map((i) => (
              <li key={i.id} className="stack-sm">
                <label className="b-checkbox">
                  <input type="checkbox" checked={notes.has(i.id)} onChange={() => toggle(i.id)} />
                  <span>
                    <span className="mono subtle">{i.code}</span> {i.name}{' '}
                    <span className="subtle">
                      {i.approvedVersion
                        ? `approved ${versionText(i.approvedVersion)}`
                        : 'no approved version'}
                    </span>
                  </span>
                </label>
                {notes.has(i.id) && (
                  <Field label={`What the change does to ${i.code}`}>
                    <Input
                      controlSize="sm"
                      maxLength={500}
                      value={notes.get(i.id) ?? ''}
                      onChange={(e) => setNotes((m) => new Map(m).set(i.id, e.target.value))}
                    />
                  </Field>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}

/**
 * The configuration items a change request of the project touches (the change chosen in the URL,
 * `cr`), the versions its approval recorded, and naming them while the change is undecided.
 */
export function ChangeItemsCard({ project }: { project: Project }) {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const listParams = { projectId: project.id };
  const changes = useQuery({
    queryKey: raidKeys.changeList(listParams),
    queryFn: ({ signal }) => listChangeRequests(listParams, signal),
  });
  const all = changes.data?.items ?? [];
  const chosenId = params.get('cr') ?? all.find((c) => c.status === 'submitted')?.id ?? all[0]?.id ?? '';
  const chosen = all.find((c) => c.id === chosenId);
  const items = useQuery({
    // The change's version is in the key: deciding it elsewhere (the decision dialog) refetches.
    queryKey: [...configurationKeys.changeItems(chosenId), chosen?.version ?? 0],
    queryFn: ({ signal }) => fetchChangeRequestItems(chosenId, signal),
    enabled: chosenId !== '',
  });
  const [naming, setNaming] = useState(false);
  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('cr', id);
    setParams(next, { replace: true });
  };
  const data = items.data;
  const mayName = can('project.update') && data?.status === 'submitted';
  return (
    <Card
      flush
      title="Configuration items touched"
      description="Name the items a change touches; approving it records their next versions."
      actions={
        mayName ? (
          <Button size="sm" onClick={() => setNaming(true)}>
            Name items…
          </Button>
        ) : null
      }
    >
      {changes.isPending ? (
        <LoadingState label="Loading change requests…" />
      ) : changes.isError ? (
        <ErrorState
          error={changes.error}
          title="Could not load the changes"
          onRetry={() => changes.refetch()}
        />
      ) : all.length === 0 ? (
        <EmptyState title="No change requests">Submit a change first.</EmptyState>
      ) : (
        <div className="stack">
          <div className="ci-audit-head">
            <Field label="Change request" className="filter-bar__item">
              <Select
                value={chosenId}
                options={all.map((c) => ({ value: c.id, label: `${c.code} ${c.title} (${c.status})` }))}
                onChange={(e) => choose(e.target.value)}
              />
            </Field>
          </div>
          {items.isPending ? (
            <LoadingState label="Loading the items…" />
          ) : items.isError ? (
            <ErrorState
              error={items.error}
              title="Could not load the items"
              onRetry={() => items.refetch()}
            />
          ) : items.data.items.length === 0 ? (
            <EmptyState title="No items named">
              {mayName ? 'Name the configuration items this change touches.' : 'This change names no item.'}
            </EmptyState>
          ) : (
            <Table scrollLabel={`Items ${items.data.code} touches`}>
              <caption className="visually-hidden">Configuration items {items.data.code} touches</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">What the change does</th>
                  <th scope="col">Approved now</th>
                  <th scope="col">Recorded by the change</th>
                </tr>
              </thead>
              <tbody>
                {items.data.items.map((i) => (
                  <tr key={i.itemId}>
                    <td>
                      <Link to={`?tab=configuration&ci=${i.itemId}`}>
                        <span className="mono subtle">{i.code}</span> {i.name}
                      </Link>
                    </td>
                    <td className={i.note ? undefined : 'subtle'}>{i.note ?? '—'}</td>
                    <td className="nowrap">{versionText(i.approvedVersion)}</td>
                    <td className="nowrap">
                      {i.newVersion ? (
                        versionText(i.newVersion)
                      ) : (
                        <span className="subtle">
                          {items.data.status === 'submitted' ? 'On approval' : '—'}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
      )}
      {naming && data && (
        <NameItemsDialog project={project} current={data} onClose={() => setNaming(false)} />
      )}
    </Card>
  );
}
