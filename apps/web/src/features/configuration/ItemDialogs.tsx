import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  addConfigurationVersion,
  type ConfigurationItem,
  type ConfigurationItemKind,
  configurationKeys,
  createConfigurationItem,
  updateConfigurationItem,
} from '../../api/configuration.ts';
import { useUserDirectory } from '../../api/queries.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { fieldErrorsOf, problemText } from '../raid/raid-problems.ts';
import { CI_KIND_LABELS, CI_KIND_LIST } from './configuration-model.ts';

type Draft = { name: string; kind: ConfigurationItemKind | ''; description: string; ownerId: string };
type Errors = Partial<Record<'name' | 'kind' | 'label' | 'ownerId' | 'form', string>>;

const KIND_OPTIONS = CI_KIND_LIST.map((k) => ({ value: k, label: CI_KIND_LABELS[k] }));

/** Puts a new item under configuration control, or edits one (name, kind, description, owner). */
export function ItemDialog({
  projectId,
  item,
  onClose,
  onCreated,
}: {
  projectId: string;
  item?: ConfigurationItem | undefined;
  onClose: () => void;
  onCreated?: (item: ConfigurationItem) => void;
}) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const people = useUserDirectory();
  const [draft, setDraft] = useState<Draft>({
    name: item?.name ?? '',
    kind: item?.kind ?? '',
    description: item?.description ?? '',
    ownerId: item?.ownerId ?? '',
  });
  const [label, setLabel] = useState('1.0');
  const [errors, setErrors] = useState<Errors>({});
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = useMutation({
    mutationFn: () => {
      const common = {
        name: draft.name.trim(),
        kind: draft.kind as ConfigurationItemKind,
        description: draft.description.trim() || null,
        ownerId: draft.ownerId || null,
      };
      return item
        ? updateConfigurationItem(item.id, { version: item.version, ...common })
        : createConfigurationItem(projectId, { ...common, label: label.trim() || '1.0' });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: configurationKeys.all });
      showToast({
        tone: 'success',
        title: item ? `${saved.code} saved` : `${saved.code} is under configuration control`,
        ...(item ? {} : { text: `Version 1 (${saved.latestVersion?.label ?? '1.0'}) is a draft.` }),
      });
      if (!item) onCreated?.(saved);
      onClose();
    },
    onError: (error) => setErrors({ ...fieldErrorsOf(error), form: problemText(error) }),
  });
  const submit = () => {
    const found: Errors = {};
    if (!draft.name.trim()) found.name = 'Give the item a name.';
    if (!draft.kind) found.kind = 'Choose what kind of item it is.';
    if (!item && label.trim().length > 40) found.label = 'At most 40 characters.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={item ? `Edit ${item.code}` : 'New configuration item'}
      description={
        item
          ? 'Its versions change only through their own steps.'
          : 'A deliverable, document, specification or component the project keeps under control. It starts at version 1, in draft.'
      }
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {item ? 'Save' : 'Add item'}
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && (
          <Alert tone="error" title="Not saved">
            {errors.form}
          </Alert>
        )}
        <Field label="Name" required error={errors.name}>
          <Input value={draft.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <div className="grid-2">
          <Field label="Kind" required error={errors.kind}>
            <Select
              value={draft.kind}
              placeholder="Choose a kind"
              options={KIND_OPTIONS}
              onChange={(e) => set({ kind: e.target.value as ConfigurationItemKind | '' })}
            />
          </Field>
          <Field label="Owner" error={errors.ownerId}>
            <Select
              value={draft.ownerId}
              placeholder={people.isPending ? 'Loading people…' : 'No owner'}
              options={(people.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              onChange={(e) => set({ ownerId: e.target.value })}
            />
          </Field>
        </div>
        {!item && (
          <Field label="First version’s label" hint="How people will name version 1." error={errors.label}>
            <Input value={label} maxLength={40} onChange={(e) => setLabel(e.target.value)} />
          </Field>
        )}
        <Field label="Description">
          <Textarea
            rows={3}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </Field>
      </div>
    </Dialog>
  );
}

/** Records the item's next version as a draft; the label defaults to the next minor one. */
export function NewVersionDialog({
  item,
  suggestedLabel,
  onClose,
}: {
  item: ConfigurationItem;
  suggestedLabel: string;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const [label, setLabel] = useState(suggestedLabel);
  const [notes, setNotes] = useState('');
  const save = useMutation({
    mutationFn: () =>
      addConfigurationVersion(item.id, {
        ...(label.trim() ? { label: label.trim() } : {}),
        notes: notes.trim() || null,
      }),
    onSuccess: (detail) => {
      client.setQueryData(configurationKeys.item(item.id), detail);
      void client.invalidateQueries({ queryKey: configurationKeys.all });
      const v = detail.versions[0];
      showToast({ tone: 'success', title: `Version ${v?.number ?? ''} (${v?.label ?? ''}) drafted` });
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`New version of ${item.code}`}
      description={item.name}
      onSubmit={() => save.mutate()}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Draft version
          </Button>
        </>
      }
    >
      <div className="stack">
        {save.isError && (
          <Alert tone="error" title="Not recorded">
            {problemText(save.error)}
          </Alert>
        )}
        <Field label="Label" hint="Leave as suggested for the next minor version.">
          <Input value={label} maxLength={40} onChange={(e) => setLabel(e.target.value)} />
        </Field>
        <Field label="What changes" hint="Optional.">
          <Textarea rows={3} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
