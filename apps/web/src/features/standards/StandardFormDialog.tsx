import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  createStandard,
  fetchStandardsAt,
  type PmoStandard,
  type StandardKind,
  standardKeys,
  updateStandard,
} from '../../api/standards.ts';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { fieldErrorsOf, isConflict } from '../raid/raid-problems.ts';
import { ProblemAlert } from './ProblemAlert.tsx';
import {
  draftOfStandard,
  emptyDraft,
  KIND_OPTIONS,
  replaceableOptions,
  type StandardDraft,
  toCreateBody,
  toUpdateBody,
  validateStandardDraft,
  versionLabel,
} from './standards-model.ts';

const SHOWN_FIELDS = ['kind', 'title', 'body', 'replacesKey', 'effectiveFrom'] as const;

/**
 * A new standard (a draft at the unit), or the edit of a draft: its kind, title, text, whether units
 * beneath may replace it, which standard from above it replaces, and from when it applies.
 */
export function StandardFormDialog({
  unit,
  standard,
  onClose,
  onSaved,
}: {
  /** Where a new standard is defined (an edit keeps its unit). */
  unit: { id: string; name: string };
  standard?: PmoStandard;
  onClose: () => void;
  onSaved: (saved: PmoStandard) => void;
}) {
  const client = useQueryClient();
  const [draft, setDraft] = useState<StandardDraft>(() =>
    standard ? draftOfStandard(standard) : emptyDraft(),
  );
  const [attempted, setAttempted] = useState(false);
  const atUnit = useQuery({
    queryKey: standardKeys.atUnit({ orgUnitId: unit.id }),
    queryFn: ({ signal }) => fetchStandardsAt({ orgUnitId: unit.id }, signal),
  });
  const replaceable = replaceableOptions(
    atUnit.data?.inForce ?? [],
    standard?.replacesKey ? { key: standard.replacesKey, title: standard.replacesTitle } : null,
  );
  const save = useMutation({
    mutationFn: () =>
      standard
        ? updateStandard(standard.id, toUpdateBody(standard.version, draft))
        : createStandard(toCreateBody(unit.id, draft)),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: standardKeys.all });
      onSaved(saved);
    },
    onError: (error) => {
      if (isConflict(error)) void client.invalidateQueries({ queryKey: standardKeys.all });
    },
  });
  const serverErrors = save.isError ? fieldErrorsOf(save.error) : {};
  const errors: Record<string, string | undefined> = {
    ...serverErrors,
    ...(attempted ? validateStandardDraft(draft) : {}),
  };
  const set = <K extends keyof StandardDraft>(key: K, value: StandardDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (save.isError) save.reset();
  };
  const submit = () => {
    setAttempted(true);
    if (Object.keys(validateStandardDraft(draft)).length === 0) save.mutate();
  };
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={standard ? `Edit ${versionLabel(standard)}` : 'New standard'}
      description={
        standard
          ? `A draft of ${standard.orgUnitName}; it changes nothing in force until it is published.`
          : `Defined at ${unit.name}, for it and every unit and project beneath it. It starts as a draft.`
      }
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {standard ? 'Save draft' : 'Create draft'}
          </Button>
        </>
      }
    >
      <div className="stack">
        {save.isError && (
          <ProblemAlert
            error={save.error}
            title={standard ? 'Not saved' : 'Not created'}
            shownFields={SHOWN_FIELDS}
          />
        )}
        <div className="grid-2">
          <Field label="Kind" error={errors.kind}>
            <Select
              value={draft.kind}
              options={KIND_OPTIONS}
              onChange={(e) => set('kind', e.target.value as StandardKind)}
            />
          </Field>
          <Field
            label="Effective from"
            hint="Leave empty: from its publication."
            error={errors.effectiveFrom}
          >
            <Input
              type="date"
              value={draft.effectiveFrom}
              onChange={(e) => set('effectiveFrom', e.target.value)}
            />
          </Field>
        </div>
        <Field label="Title" required error={errors.title}>
          <Input value={draft.title} maxLength={200} onChange={(e) => set('title', e.target.value)} />
        </Field>
        <Field label="Text" hint="What the standard requires, as plain text or Markdown." error={errors.body}>
          <Textarea
            rows={10}
            className="std-body-input"
            value={draft.body}
            onChange={(e) => set('body', e.target.value)}
          />
        </Field>
        {(replaceable.length > 0 || errors.replacesKey) && (
          <Field
            label="Replaces"
            hint="A standard of a unit above that this one replaces beneath this unit (only those left overridable)."
            error={errors.replacesKey}
          >
            <Select
              value={draft.replacesKey}
              placeholder="Nothing: it adds to the standards above"
              options={replaceable}
              onChange={(e) => set('replacesKey', e.target.value)}
            />
          </Field>
        )}
        <label className="b-checkbox">
          <input
            type="checkbox"
            checked={draft.overridable}
            onChange={(e) => set('overridable', e.target.checked)}
          />
          Overridable: units beneath may replace it, or waive its checklist items
        </label>
      </div>
    </Dialog>
  );
}
