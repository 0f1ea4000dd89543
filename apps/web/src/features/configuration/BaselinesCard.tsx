import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type ConfigurationBaseline,
  configurationKeys,
  createConfigurationBaseline,
  deleteConfigurationBaseline,
  listConfigurationBaselines,
  listConfigurationItems,
} from '../../api/configuration.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDateTime } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { problemText } from '../raid/raid-problems.ts';

/** Freezes the approved version of the chosen items (all by default) under a name. */
function FreezeBaselineDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const items = useQuery({
    queryKey: configurationKeys.items(project.id),
    queryFn: ({ signal }) => listConfigurationItems(project.id, signal),
  });
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [skip, setSkip] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const all = items.data?.items ?? [];
  const chosen = all.filter((i) => !left.has(i.id));
  const unapproved = chosen.filter((i) => !i.approvedVersion);
  const save = useMutation({
    mutationFn: () =>
      createConfigurationBaseline(project.id, {
        name: name.trim(),
        description: description.trim() || null,
        ...(left.size > 0 ? { itemIds: chosen.map((i) => i.id) } : {}),
        skipUnapproved: skip,
      }),
    onSuccess: (b) => {
      void client.invalidateQueries({ queryKey: configurationKeys.all });
      showToast({ tone: 'success', title: `Baseline “${b.name}” frozen`, text: `${b.items.length} items.` });
      onClose();
    },
  });
  const toggle = (id: string) =>
    setLeft((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title="Freeze a configuration baseline"
      description="Records the approved version of each chosen item. A baseline never changes afterwards."
      onSubmit={() => {
        if (!name.trim()) return setNameError('Name the baseline.');
        setNameError(null);
        save.mutate();
      }}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending} disabled={chosen.length === 0}>
            Freeze baseline
          </Button>
        </>
      }
    >
      <div className="stack">
        {save.isError && (
          <Alert tone="error" title="Not frozen">
            {problemText(save.error)}
          </Alert>
        )}
        <Field label="Name" required error={nameError}>
          <Input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Description">
          <Textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        {items.isPending ? (
          <LoadingState label="Loading the items…" />
        ) : items.isError ? (
          <ErrorState error={items.error} title="Could not load the items" onRetry={() => items.refetch()} />
        ) : (
          <fieldset className="fieldset">
            <legend className="b-field__label">
              Items ({chosen.length} of {all.length})
            </legend>
            <ul className="ci-choices">
              {all.map((i) => (
                <li key={i.id}>
                  <label className="b-checkbox">
                    <input type="checkbox" checked={!left.has(i.id)} onChange={() => toggle(i.id)} />
                    <span>
                      <span className="mono subtle">{i.code}</span> {i.name}{' '}
                      <span className={i.approvedVersion ? 'subtle' : 'ci-warning'}>
                        {i.approvedVersion ? `approved ${i.approvedVersion.label}` : 'no approved version'}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {unapproved.length > 0 && (
          <label className="b-checkbox">
            <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} />
            Leave out the {unapproved.length} item{unapproved.length === 1 ? '' : 's'} without an approved
            version
          </label>
        )}
      </div>
    </Dialog>
  );
}

function BaselineRow({ b, mayDelete }: { b: ConfigurationBaseline; mayDelete: boolean }) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const remove = useMutation({
    mutationFn: () => deleteConfigurationBaseline(b.id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: configurationKeys.all });
      showToast({ tone: 'success', title: `Baseline “${b.name}” deleted` });
    },
    onError: (error) => showToast({ tone: 'error', title: 'Not deleted', text: problemText(error) }),
  });
  return (
    <li className="ci-baseline">
      <div className="row-between">
        <span>
          <span className="num-strong">{b.name}</span>{' '}
          <span className="subtle">
            {formatDateTime(b.createdAt)}
            {b.createdByName && ` · ${b.createdByName}`}
          </span>
        </span>
        {mayDelete && (
          <Button
            size="sm"
            variant="ghost"
            loading={remove.isPending}
            aria-label={`Delete baseline ${b.name}`}
            onClick={() => remove.mutate()}
          >
            Delete
          </Button>
        )}
      </div>
      {b.description && <p className="subtle">{b.description}</p>}
      <p className="ci-baseline__items">
        {b.items.map((i) => `${i.code} ${i.versionLabel}`).join(' · ') || 'No items'}
      </p>
    </li>
  );
}

/** The project's frozen baselines, newest first; "Freeze baseline" for those who change the project. */
export function BaselinesCard({ project, mayEdit }: { project: Project; mayEdit: boolean }) {
  const { can } = useSession();
  const list = useQuery({
    queryKey: configurationKeys.baselines(project.id),
    queryFn: ({ signal }) => listConfigurationBaselines(project.id, signal),
  });
  const [freezing, setFreezing] = useState(false);
  return (
    <Card
      title="Baselines"
      description="Named, frozen sets of approved versions. Only the PMO deletes one taken by mistake."
      actions={
        mayEdit ? (
          <Button size="sm" onClick={() => setFreezing(true)}>
            Freeze baseline…
          </Button>
        ) : null
      }
    >
      {list.isPending ? (
        <LoadingState label="Loading baselines…" />
      ) : list.isError ? (
        <ErrorState error={list.error} title="Could not load the baselines" onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title="No baseline yet">
          Freeze one when the items’ approved versions should be the reference the audit checks against.
        </EmptyState>
      ) : (
        <ul className="ci-baselines">
          {list.data.items.map((b) => (
            <BaselineRow key={b.id} b={b} mayDelete={can('governance.manage')} />
          ))}
        </ul>
      )}
      {freezing && <FreezeBaselineDialog project={project} onClose={() => setFreezing(false)} />}
    </Card>
  );
}
