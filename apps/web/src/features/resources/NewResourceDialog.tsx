import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError, isApiProblem } from '../../api/client.ts';
import { createResource, resourceKeys } from '../../api/resources.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { useToast } from '../../design/Toast.tsx';
import { ResourceFields } from './ResourceFields.tsx';
import {
  EMPTY_RESOURCE_FORM,
  errorsFromProblem,
  type RateDraft,
  type ResourceFormErrors,
  toCreateBody,
  validateResourceForm,
} from './resource-form-model.ts';
import { type SkillDraft, SkillLevelsEditor } from './SkillLevelsEditor.tsx';
import { todayIso } from './week-dates.ts';

export function NewResourceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { showToast } = useToast();
  const [state, setState] = useState(EMPTY_RESOURCE_FORM);
  const [skills, setSkills] = useState<SkillDraft[]>([]);
  const [rate, setRate] = useState<RateDraft>(() => ({
    amount: '',
    currency: 'EUR',
    effectiveFrom: todayIso(),
  }));
  const [errors, setErrors] = useState<ResourceFormErrors>({});

  const mutation = useMutation({
    mutationFn: createResource,
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
      showToast({ tone: 'success', title: 'Resource added', text: `${r.name} is in the pool.` });
      setState(EMPTY_RESOURCE_FORM);
      setSkills([]);
      setErrors({});
      onClose();
      navigate(`/resources/${r.id}`);
    },
    onError: (error) =>
      setErrors(
        isApiProblem(error) && error.errors.length > 0
          ? { ...errorsFromProblem(error.errors), form: error.detail ?? error.title }
          : { form: describeError(error) },
      ),
  });

  const submit = () => {
    const found = validateResourceForm(state);
    const body = toCreateBody(state, skills, rate);
    if ('rateError' in body) found.rate = body.rateError;
    setErrors(found);
    if (Object.keys(found).length === 0 && !('rateError' in body)) mutation.mutate(body);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title="New resource"
      description="A person, or a generic role to plan with until someone is named."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Add resource
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <ResourceFields state={state} onChange={setState} errors={errors} />
        <fieldset className="fieldset">
          <legend>Skills</legend>
          <SkillLevelsEditor idBase="new-resource-skill" value={skills} onChange={setSkills} />
        </fieldset>
        <fieldset className="fieldset">
          <legend>First cost rate (optional)</legend>
          <div className="grid-3">
            <Field label="Rate per hour" error={errors.rate}>
              <Input
                inputMode="decimal"
                value={rate.amount}
                onChange={(e) => setRate({ ...rate, amount: e.target.value })}
              />
            </Field>
            <Field label="Currency">
              <Input
                value={rate.currency}
                maxLength={3}
                onChange={(e) => setRate({ ...rate, currency: e.target.value.toUpperCase() })}
              />
            </Field>
            <Field label="Applies from">
              <Input
                type="date"
                value={rate.effectiveFrom}
                onChange={(e) => setRate({ ...rate, effectiveFrom: e.target.value })}
              />
            </Field>
          </div>
        </fieldset>
      </div>
    </Dialog>
  );
}
