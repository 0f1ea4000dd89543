import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { complianceKeys } from '../../api/compliance.ts';
import { type ComplianceCheck, putComplianceCheck, standardKeys } from '../../api/standards.ts';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { ProblemAlert } from './ProblemAlert.tsx';

/** The project team says whether it meets one checklist item, with an optional note. */
export function AttestDialog({
  projectId,
  check,
  onClose,
}: {
  projectId: string;
  check: ComplianceCheck;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const id = useId();
  const [met, setMet] = useState<boolean | null>(check.met);
  const [note, setNote] = useState(check.note ?? '');
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: (value: boolean) =>
      putComplianceCheck(projectId, check.itemId, { met: value, note: note.trim() || null }),
    onSuccess: (next, value) => {
      client.setQueryData(standardKeys.checks(projectId), next);
      void client.invalidateQueries({ queryKey: complianceKeys.all });
      showToast({ tone: 'success', title: value ? 'Attested: met' : 'Attested: not met' });
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title="Attest a checklist item"
      description={check.text}
      onSubmit={() => {
        if (met === null) return setMissing(true);
        setMissing(false);
        save.mutate(met);
      }}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save attestation
          </Button>
        </>
      }
    >
      <div className="stack">
        {save.isError && <ProblemAlert error={save.error} title="Not saved" />}
        <fieldset className="std-attest" aria-describedby={missing ? `${id}-error` : undefined}>
          <legend className="b-field__label">
            Does the project meet it?{' '}
            <span className="b-field__required" aria-hidden="true">
              *
            </span>
          </legend>
          <label className="b-checkbox">
            <input type="radio" name={`${id}-met`} checked={met === true} onChange={() => setMet(true)} />
            Met
          </label>
          <label className="b-checkbox">
            <input type="radio" name={`${id}-met`} checked={met === false} onChange={() => setMet(false)} />
            Not met
          </label>
          {missing && (
            <p className="b-field__error" id={`${id}-error`}>
              <span aria-hidden="true">⚠</span>
              Choose met or not met.
            </p>
          )}
        </fieldset>
        <Field label="Note" hint="Optional: the evidence, or what is missing.">
          <Textarea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
