import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '@baton/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiProblem } from '../../api/client.ts';
import { createCustomField, customFieldKeys, updateCustomField } from '../../api/custom-fields.ts';
import type { CustomField } from '../../api/types.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';

export const TYPE_LABELS: Record<CustomFieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  choice: 'Choice (list)',
  user: 'Person',
};

type Errors = Partial<Record<'key' | 'label' | 'options' | 'description' | 'form', string>>;

const keyFromLabel = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 64);

/** Create a field (editing passes the field): key and type are fixed once created. */
export function CustomFieldDialog({ field, onClose }: { field: CustomField | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const editing = field !== null;
  const [label, setLabel] = useState(field?.label ?? '');
  const [key, setKey] = useState(field?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(editing);
  const [type, setType] = useState<CustomFieldType>(field?.type ?? 'text');
  const [required, setRequired] = useState(field?.required ?? false);
  const [options, setOptions] = useState((field?.options ?? []).join('\n'));
  const [description, setDescription] = useState(field?.description ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const optionList = options
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);

  const save = useMutation({
    mutationFn: () =>
      field
        ? updateCustomField(field.id, {
            version: field.version,
            label: label.trim(),
            required,
            options: type === 'choice' ? optionList : [],
            description: description.trim() || null,
          })
        : createCustomField({
            key,
            label: label.trim(),
            type,
            required,
            options: type === 'choice' ? optionList : [],
            description: description.trim() || null,
          }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: customFieldKeys.all });
      showToast({ tone: 'success', title: editing ? 'Field saved' : 'Field created', text: saved.label });
      onClose();
    },
    onError: (error) => {
      if (isApiProblem(error, 409) && error.currentVersion !== undefined) {
        void queryClient.invalidateQueries({ queryKey: customFieldKeys.all });
        setErrors({
          form: 'Someone else changed this field meanwhile. Close this dialog and open it again to see their version.',
        });
      } else if (isApiProblem(error) && error.errors.length > 0) {
        const m = (f: string) => error.messageFor(f);
        setErrors({
          ...(m('key') ? { key: `Key: ${m('key')}` } : {}),
          ...(m('label') ? { label: `Label: ${m('label')}` } : {}),
          ...(m('options') ? { options: m('options') ?? '' } : {}),
          form: error.detail ?? error.title,
        });
      } else if (isApiProblem(error, 409)) {
        setErrors({ key: 'Another field already uses this key.' });
      } else setErrors({ form: describeError(error) });
    },
  });

  const submit = () => {
    const found: Errors = {};
    if (!label.trim()) found.label = 'Give the field a label.';
    if (!editing && !/^[a-z][a-z0-9_]{0,63}$/.test(key)) {
      found.key = 'Lower-case letters, digits and underscores, starting with a letter.';
    }
    if (type === 'choice' && optionList.length === 0)
      found.options = 'A choice field needs at least one option.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={editing ? `Edit “${field.label}”` : 'New custom field'}
      description="Custom fields appear on every project’s form and overview."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {editing ? 'Save field' : 'Create field'}
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <Field label="Label" error={errors.label} required>
          <Input
            value={label}
            maxLength={100}
            onChange={(e) => {
              setLabel(e.target.value);
              if (!keyTouched) setKey(keyFromLabel(e.target.value));
            }}
          />
        </Field>
        <div className="grid-2">
          <Field
            label="Key"
            error={errors.key}
            hint={editing ? 'Fixed once created.' : 'Used in the API and exports.'}
            required
          >
            <Input
              className="mono"
              value={key}
              disabled={editing}
              onChange={(e) => {
                setKeyTouched(true);
                setKey(e.target.value);
              }}
            />
          </Field>
          <Field label="Type" hint={editing ? 'Fixed once created.' : undefined}>
            <Select
              value={type}
              disabled={editing}
              onChange={(e) => setType(e.target.value as CustomFieldType)}
              options={CUSTOM_FIELD_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
            />
          </Field>
        </div>
        {type === 'choice' && (
          <Field label="Options" error={errors.options} hint="One option per line." required>
            <Textarea rows={4} value={options} onChange={(e) => setOptions(e.target.value)} />
          </Field>
        )}
        <Field label="Description" hint="Shown under the field on the project form.">
          <Input value={description} maxLength={1000} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <label className="b-checkbox">
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
          Required on every project
        </label>
      </div>
    </Dialog>
  );
}
