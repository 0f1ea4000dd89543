import { PMO_MODEL_LABELS, PMO_MODEL_RULES } from '@baton/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/client.ts';
import { orgKeys, updateOrgUnit } from '../../api/org.ts';
import type { OrgUnit } from '../../api/types.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { useToast } from '../../design/Toast.tsx';

export type PmoModel = OrgUnit['effectivePmoModel'];

/** Badge tones per model, shared by the organisation page and the project header. */
export const PMO_MODEL_TONES = { supportive: 'green', controlling: 'amber', directive: 'red' } as const;

/** Sets the operating model of one org unit, or lets it inherit from the unit above. */
export function OperatingModelDialog({
  unit,
  parentModel,
  onClose,
}: {
  unit: OrgUnit;
  /** What the unit would inherit (the model in force at its parent, or the default at the top). */
  parentModel: PmoModel;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [choice, setChoice] = useState<PmoModel | 'inherit'>(unit.pmoModel ?? 'inherit');
  const save = useMutation({
    mutationFn: () =>
      updateOrgUnit(unit.id, { version: unit.version, pmoModel: choice === 'inherit' ? null : choice }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['governance'] });
      showToast({
        tone: 'success',
        title: `${saved.name} works under the ${PMO_MODEL_LABELS[saved.effectivePmoModel].toLowerCase()} model`,
      });
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const options: { value: PmoModel | 'inherit'; label: string; help: string }[] = [
    {
      value: 'inherit',
      label: `Inherit from above (now ${PMO_MODEL_LABELS[parentModel].toLowerCase()})`,
      help: 'The unit follows whatever the unit above it sets.',
    },
    ...(['supportive', 'controlling', 'directive'] as const).map((m) => ({
      value: m,
      label: PMO_MODEL_LABELS[m],
      help: PMO_MODEL_RULES[m],
    })),
  ];
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Operating model of ${unit.name}`}
      description="How much control the PMO exercises over the projects in this unit and every unit beneath it that does not set its own. The change is recorded in the audit log."
      onSubmit={submit}
      footer={
        <>
          <Button type="button" variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save
          </Button>
        </>
      }
    >
      <fieldset className="om-choices">
        <legend className="visually-hidden">Operating model</legend>
        {options.map((o) => (
          <label key={o.value} className="om-choice">
            <input
              type="radio"
              name="pmo-model"
              value={o.value}
              checked={choice === o.value}
              onChange={() => setChoice(o.value)}
            />
            <span>
              <span className="om-choice__label">{o.label}</span>
              <span className="om-choice__help">{o.help}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {save.isError && (
        <Alert tone="error" title="The operating model was not saved">
          {describeError(save.error)}
        </Alert>
      )}
    </Dialog>
  );
}
