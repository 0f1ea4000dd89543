import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiProblem } from '../../../api/client.ts';
import { createObjective, type StrategicObjective, updateObjective } from '../../../api/portfolio.ts';
import { Alert } from '../../../design/Alert.tsx';
import { Button } from '../../../design/Button.tsx';
import { Dialog } from '../../../design/Dialog.tsx';
import { Field } from '../../../design/Field.tsx';
import { Input } from '../../../design/Input.tsx';
import { Textarea } from '../../../design/Textarea.tsx';
import { useStrategyChange } from './use-strategy-change.ts';

type Errors = Partial<Record<'name' | 'description' | 'directWeight' | 'form', string>>;

/** Create an objective, or edit one (objective given). */
export function ObjectiveDialog({
  objective,
  onClose,
}: {
  objective: StrategicObjective | null;
  onClose: () => void;
}) {
  const { saved, showToast } = useStrategyChange();
  const [name, setName] = useState(objective?.name ?? '');
  const [description, setDescription] = useState(objective?.description ?? '');
  const [weight, setWeight] = useState(
    objective?.directWeight === null ? '' : String(objective?.directWeight ?? ''),
  );
  const [errors, setErrors] = useState<Errors>({});

  const save = useMutation({
    mutationFn: (directWeight: number | null) => {
      const body = { name: name.trim(), description: description.trim() || null, directWeight };
      return objective
        ? updateObjective(objective.id, { version: objective.version, ...body })
        : createObjective(body);
    },
    onSuccess: (o) => {
      saved();
      showToast({ tone: 'success', title: objective ? 'Objective saved' : 'Objective added', text: o.name });
      onClose();
    },
    onError: (error) => {
      if (isApiProblem(error, 409)) {
        saved();
        setErrors({
          form: 'Someone else changed this objective meanwhile. Close this dialog and open it again to see their version.',
        });
      } else if (isApiProblem(error) && error.errors.length > 0) {
        setErrors({
          ...(error.messageFor('name') ? { name: `Name: ${error.messageFor('name')}` } : {}),
          ...(error.messageFor('description') ? { description: error.messageFor('description') ?? '' } : {}),
          ...(error.messageFor('directWeight')
            ? { directWeight: error.messageFor('directWeight') ?? '' }
            : {}),
          form: error.detail ?? error.title,
        });
      } else setErrors({ form: describeError(error) });
    },
  });

  const submit = () => {
    const found: Errors = {};
    if (!name.trim()) found.name = 'Give the objective a name.';
    const w = weight.trim() === '' ? null : Number(weight.replace(',', '.'));
    if (w !== null && (!Number.isFinite(w) || w < 0 || w > 100))
      found.directWeight = 'A number from 0 to 100, or empty.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(w);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={objective ? `Edit “${objective.name}”` : 'New strategic objective'}
      description="Proposals are rated 0–5 on how much they contribute to each active objective."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {objective ? 'Save objective' : 'Add objective'}
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <Field label="Name" error={errors.name} required>
          <Input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="Description" error={errors.description}>
          <Textarea
            rows={3}
            value={description}
            maxLength={10_000}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        <Field
          label="Direct weight"
          error={errors.directWeight}
          hint="0–100, relative to the other objectives; used when objectives are weighted directly."
        >
          <Input
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step="any"
            className="strategy-number"
            value={weight}
            onChange={(e) => setWeight(e.target.value)}
          />
        </Field>
      </div>
    </Dialog>
  );
}
