import { useState } from 'react';
import type { IntakeField } from '../../../api/portfolio.ts';
import { Button } from '../../../design/Button.tsx';
import { Dialog } from '../../../design/Dialog.tsx';
import { Field } from '../../../design/Field.tsx';
import { Input } from '../../../design/Input.tsx';
import { Select } from '../../../design/Select.tsx';
import { Textarea } from '../../../design/Textarea.tsx';
import {
  draftOf,
  type FieldDraft,
  type FieldErrors,
  fieldOf,
  INTAKE_FIELD_TYPES,
  INTAKE_TYPE_LABELS,
  type IntakeFieldType,
  keyFromLabel,
  validateField,
} from './intake-model.ts';

/** Add a field to the intake form, or change one; the form itself is saved with “Save form”. */
export function IntakeFieldDialog({
  field,
  otherKeys,
  onDone,
  onClose,
}: {
  field: IntakeField | null;
  otherKeys: readonly string[];
  onDone: (field: IntakeField) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<FieldDraft>(() => draftOf(field));
  const [keyTouched, setKeyTouched] = useState(field !== null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = <K extends keyof FieldDraft>(k: K, v: FieldDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = () => {
    const found = validateField(draft, otherKeys);
    setErrors(found);
    if (Object.keys(found).length === 0) onDone(fieldOf(draft));
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={field ? `Edit field “${field.label}”` : 'New intake field'}
      description="Proposers answer these questions when they submit a proposal."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            {field ? 'Apply' : 'Add field'}
          </Button>
        </>
      }
    >
      <div className="stack">
        <Field label="Label" error={errors.label} required>
          <Input
            value={draft.label}
            maxLength={200}
            onChange={(e) => {
              const label = e.target.value;
              setDraft((d) => ({ ...d, label, ...(keyTouched ? {} : { key: keyFromLabel(label) }) }));
            }}
          />
        </Field>
        <div className="grid-2">
          <Field
            label="Key"
            error={errors.key}
            hint="Lower-case letters, digits and _, starting with a letter. Answers are stored under it."
            required
          >
            <Input
              className="mono"
              value={draft.key}
              maxLength={40}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => {
                setKeyTouched(true);
                set('key', e.target.value);
              }}
            />
          </Field>
          <Field label="Type">
            <Select
              value={draft.type}
              onChange={(e) => set('type', e.target.value as IntakeFieldType)}
              options={INTAKE_FIELD_TYPES.map((t) => ({ value: t, label: INTAKE_TYPE_LABELS[t] }))}
            />
          </Field>
        </div>
        {draft.type === 'select' && (
          <Field label="Options" error={errors.options} hint="One option per line." required>
            <Textarea rows={4} value={draft.options} onChange={(e) => set('options', e.target.value)} />
          </Field>
        )}
        <Field label="Help text" error={errors.help} hint="Shown under the question on the proposal form.">
          <Input value={draft.help} maxLength={500} onChange={(e) => set('help', e.target.value)} />
        </Field>
        <label className="b-checkbox">
          <input
            type="checkbox"
            checked={draft.required}
            onChange={(e) => set('required', e.target.checked)}
          />
          Required to submit a proposal
        </label>
      </div>
    </Dialog>
  );
}
