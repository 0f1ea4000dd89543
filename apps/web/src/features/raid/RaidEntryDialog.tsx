import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  createRaidEntry,
  type RaidEntry,
  type RaidEntryKind,
  raidKeys,
  updateRaidEntry,
} from '../../api/raid.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import {
  DUE_LABELS,
  type EntryDraft,
  emptyEntryDraft,
  entryDraftOf,
  type FormErrors,
  toCreateEntry,
  toUpdateEntry,
  validateEntry,
} from './entry-model.ts';
import { ENTRY_KIND_LABELS, ENTRY_STATUS_LABELS, ENTRY_STATUSES, toOptions } from './raid-model.ts';
import { fieldErrorsOf, isConflict, problemText } from './raid-problems.ts';
import { useOwnerOptions, useProjectChoices } from './raid-queries.ts';

const HINTS: Record<RaidEntryKind, string> = {
  assumption: 'Something taken as true for planning, to be validated.',
  decision: 'A decision taken on the project, who took it and why.',
  dependency: 'Something the project needs from another project or from outside.',
};

/** Add or edit an assumption, a decision or a dependency of a project. */
export function RaidEntryDialog({
  projectId,
  kind,
  entry,
  onClose,
}: {
  projectId: string;
  kind: RaidEntryKind;
  entry?: RaidEntry | undefined;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const projects = useProjectChoices();
  const [draft, setDraft] = useState<EntryDraft>(() => (entry ? entryDraftOf(entry) : emptyEntryDraft(kind)));
  const [errors, setErrors] = useState<FormErrors>({});
  const owners = useOwnerOptions([draft.ownerId]);
  const set = (patch: Partial<EntryDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const label = ENTRY_KIND_LABELS[kind].one;

  const save = useMutation({
    mutationFn: async () => {
      if (!entry) return createRaidEntry(toCreateEntry(projectId, draft));
      const body = toUpdateEntry(draft, entry);
      return body ? updateRaidEntry(entry.id, body) : entry;
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: raidKeys.entries });
      showToast({
        tone: 'success',
        title: entry ? `${saved.code} saved` : `${label} added: ${saved.code}`,
        text: saved.title,
      });
      onClose();
    },
    onError: (error) => {
      if (isConflict(error)) {
        void queryClient.invalidateQueries({ queryKey: raidKeys.entries });
        setErrors({
          form: 'Someone else changed this entry meanwhile. Close and open it again to see their version.',
        });
        return;
      }
      setErrors({ ...fieldErrorsOf(error), form: problemText(error) });
    },
  });
  const submit = () => {
    const found = validateEntry(draft, projectId);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={entry ? `${entry.code} ${entry.title}` : `New ${label.toLowerCase()}`}
      description={HINTS[kind]}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {entry ? 'Save' : `Add ${label.toLowerCase()}`}
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
        <Field label="Title" required error={errors.title}>
          <Input value={draft.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />
        </Field>
        <div className="grid-2">
          <Field label="Status" error={errors.status}>
            <Select
              value={draft.status}
              options={toOptions(ENTRY_STATUSES, ENTRY_STATUS_LABELS)}
              onChange={(e) => set({ status: e.target.value as EntryDraft['status'] })}
            />
          </Field>
          <Field label="Owner" error={errors.ownerId}>
            <Select
              value={draft.ownerId}
              placeholder="Nobody yet"
              options={owners}
              onChange={(e) => set({ ownerId: e.target.value })}
            />
          </Field>
          <Field label={DUE_LABELS[kind]} error={errors.dueDate}>
            <Input type="date" value={draft.dueDate} onChange={(e) => set({ dueDate: e.target.value })} />
          </Field>
          {kind === 'decision' && (
            <>
              <Field label="Decided on" error={errors.decidedOn}>
                <Input
                  type="date"
                  value={draft.decidedOn}
                  onChange={(e) => set({ decidedOn: e.target.value })}
                />
              </Field>
              <Field
                label="Decided by"
                hint="A person or a body: the steering committee…"
                error={errors.decidedBy}
              >
                <Input
                  value={draft.decidedBy}
                  maxLength={200}
                  onChange={(e) => set({ decidedBy: e.target.value })}
                />
              </Field>
            </>
          )}
          {kind === 'dependency' && (
            <>
              <Field label="Depends on project" error={errors.dependsOnProjectId}>
                <Select
                  value={draft.dependsOnProjectId}
                  placeholder="No project"
                  options={(projects.data ?? [])
                    .filter((p) => p.id !== projectId)
                    .map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
                  onChange={(e) => set({ dependsOnProjectId: e.target.value })}
                />
              </Field>
              <Field label="Outside party" hint="A supplier, a regulator…" error={errors.externalParty}>
                <Input
                  value={draft.externalParty}
                  maxLength={200}
                  onChange={(e) => set({ externalParty: e.target.value })}
                />
              </Field>
            </>
          )}
        </div>
        {kind === 'decision' && (
          <Field label="Rationale" error={errors.rationale}>
            <Textarea rows={2} value={draft.rationale} onChange={(e) => set({ rationale: e.target.value })} />
          </Field>
        )}
        <Field label="Description" error={errors.description}>
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
