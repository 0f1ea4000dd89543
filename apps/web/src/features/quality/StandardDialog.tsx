import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createStandard, type QualityStandard, qualityKeys, updateStandard } from '../../api/quality.ts';
import { useOrgUnits } from '../../api/queries.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { fieldErrorsOf, isConflict, problemText } from '../raid/raid-problems.ts';
import { humanise, keyChecklist, toTypeKey } from './quality-model.ts';

type Row = { key?: string; text: string; required: boolean };
type Errors = Record<string, string>;
const OTHER = '__other';

/** Define a standard for a deliverable type at an org unit (or the whole organisation), or edit one. */
export function StandardDialog({
  standard,
  types,
  onClose,
}: {
  standard?: QualityStandard;
  types: readonly string[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const units = useOrgUnits();
  const [type, setType] = useState(standard?.deliverableType ?? types[0] ?? OTHER);
  const [newType, setNewType] = useState('');
  const [name, setName] = useState(standard?.name ?? '');
  const [description, setDescription] = useState(standard?.description ?? '');
  const [orgUnitId, setOrgUnitId] = useState(standard?.orgUnitId ?? '');
  const [rows, setRows] = useState<Row[]>(standard?.checklist ?? [{ text: '', required: true }]);
  const [errors, setErrors] = useState<Errors>({});
  const deliverableType = type === OTHER ? toTypeKey(newType) : type;

  const save = useMutation({
    mutationFn: () => {
      const checklist = keyChecklist(rows);
      const fields = { name: name.trim(), description: description.trim() || null, checklist };
      return standard
        ? updateStandard(standard.id, { version: standard.version, ...fields })
        : createStandard({ ...fields, deliverableType, orgUnitId: orgUnitId || null });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: qualityKeys.all });
      showToast({
        tone: 'success',
        title: standard ? `${saved.name} saved` : `Standard defined: ${saved.name}`,
      });
      onClose();
    },
    onError: (error) => {
      if (isConflict(error)) void queryClient.invalidateQueries({ queryKey: qualityKeys.all });
      setErrors({
        ...fieldErrorsOf(error, (f) => (f.startsWith('checklist') ? 'checklist' : f)),
        form: problemText(error),
      });
    },
  });
  const submit = () => {
    const found: Errors = {};
    if (!name.trim()) found.name = 'Name the standard.';
    if (!deliverableType) found.deliverableType = 'Name the deliverable type.';
    if (!rows.some((r) => r.text.trim())) found.checklist = 'Add at least one checklist item.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const setRow = (i: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={standard ? `Edit ${standard.name}` : 'New quality standard'}
      description={
        standard
          ? `${humanise(standard.deliverableType)} · ${standard.orgUnitName ?? 'Whole organisation'}`
          : 'Its checklist applies to every deliverable of the type at the unit and beneath it, on top of the standards above.'
      }
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {standard ? 'Save standard' : 'Define standard'}
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
        {!standard && (
          <div className="grid-2">
            <Field
              label="Deliverable type"
              required
              error={type === OTHER ? undefined : errors.deliverableType}
            >
              <Select
                value={type}
                options={[
                  ...types.map((t) => ({ value: t, label: humanise(t) })),
                  { value: OTHER, label: 'A new type…' },
                ]}
                onChange={(e) => setType(e.target.value)}
              />
            </Field>
            {type === OTHER && (
              <Field label="New type" required error={errors.deliverableType} hint="For example: test report">
                <Input value={newType} maxLength={40} onChange={(e) => setNewType(e.target.value)} />
              </Field>
            )}
            <Field label="Applies at" hint="And to everything beneath it.">
              <Select
                value={orgUnitId}
                placeholder="Whole organisation"
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                onChange={(e) => setOrgUnitId(e.target.value)}
              />
            </Field>
          </div>
        )}
        <Field label="Name" required error={errors.name}>
          <Input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Description">
          <Textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <fieldset className="fieldset q-criteria">
          <legend className="b-field__label">Checklist</legend>
          {rows.map((r, i) => (
            <div key={r.key ?? i} className="q-criteria__row">
              <Input
                aria-label={`Checklist item ${i + 1}`}
                value={r.text}
                maxLength={500}
                onChange={(e) => setRow(i, { text: e.target.value })}
              />
              <label className="b-checkbox">
                <input
                  type="checkbox"
                  checked={r.required}
                  onChange={(e) => setRow(i, { required: e.target.checked })}
                />
                Required
              </label>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove checklist item ${i + 1}`}
                onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            </div>
          ))}
          {errors.checklist && (
            <p className="b-field__error">
              <span aria-hidden="true">⚠</span>
              {errors.checklist}
            </p>
          )}
          <div>
            <Button size="sm" onClick={() => setRows((all) => [...all, { text: '', required: true }])}>
              <span aria-hidden="true">+</span> Add item
            </Button>
          </div>
        </fieldset>
      </div>
    </Dialog>
  );
}
