import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError, isApiProblem } from '../../../api/client.ts';
import { createScenario, portfolioKeys } from '../../../api/portfolio.ts';
import { Alert } from '../../../design/Alert.tsx';
import { Button } from '../../../design/Button.tsx';
import { Dialog } from '../../../design/Dialog.tsx';
import { useToast } from '../../../design/Toast.tsx';
import { addMonths, currentMonth } from '../portfolio-format.ts';
import { useCurrency } from '../use-strategy.ts';
import { ScenarioFields } from './ScenarioFields.tsx';
import {
  draftErrorsFromProblem,
  emptyDraft,
  parseDraft,
  type ScenarioDraftErrors,
} from './scenario-model.ts';

/** Creates a scenario from its essentials; the rest is edited on the scenario's Inputs tab. */
export function NewScenarioDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { showToast } = useToast();
  const currency = useCurrency();
  const [draft, setDraft] = useState(() => emptyDraft(addMonths(currentMonth(), 1)));
  const [errors, setErrors] = useState<ScenarioDraftErrors>({});
  const mutation = useMutation({
    mutationFn: createScenario,
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.scenarios });
      showToast({
        tone: 'success',
        title: 'Scenario created',
        text: `Optimise “${s.name}” to see its answer.`,
      });
      onClose();
      navigate(`/portfolio/scenarios/${s.id}`);
    },
    onError: (error) =>
      setErrors(
        isApiProblem(error) && error.errors.length > 0
          ? { ...draftErrorsFromProblem(error.errors), form: error.detail ?? error.title }
          : { form: describeError(error) },
      ),
  });
  const submit = () => {
    const parsed = parseDraft(draft);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    mutation.mutate(parsed.value);
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      wide
      title="New scenario"
      description="A what-if: the horizon, the budget and which proposals compete. Capacity comes from the resource pool; refine it after."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={mutation.isPending}>
            Create scenario
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <ScenarioFields draft={draft} onChange={setDraft} errors={errors} currency={currency} compact />
      </div>
    </Dialog>
  );
}
