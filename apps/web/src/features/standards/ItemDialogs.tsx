import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { complianceKeys } from '../../api/compliance.ts';
import {
  type ComplianceItem,
  createComplianceItem,
  fetchStandardsAt,
  standardKeys,
  updateComplianceItem,
  waiveComplianceItem,
} from '../../api/standards.ts';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { fieldErrorsOf, isConflict } from '../raid/raid-problems.ts';
import { ProblemAlert } from './ProblemAlert.tsx';
import { standardOptions } from './standards-model.ts';

type Unit = { id: string; name: string };

function useRefreshChecklist() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: standardKeys.all });
    void client.invalidateQueries({ queryKey: complianceKeys.all });
  };
}

/** Adds a manual checklist item at a unit, or changes one of the unit's own. */
export function ItemDialog({
  unit,
  item,
  onClose,
}: {
  unit: Unit;
  item?: ComplianceItem;
  onClose: () => void;
}) {
  const refresh = useRefreshChecklist();
  const { showToast } = useToast();
  const [text, setText] = useState(item?.text ?? '');
  const [standardKey, setStandardKey] = useState(item?.standardKey ?? '');
  const [overridable, setOverridable] = useState(item?.overridable ?? false);
  const [missing, setMissing] = useState(false);
  const standards = useQuery({
    queryKey: standardKeys.atUnit({ orgUnitId: unit.id }),
    queryFn: ({ signal }) => fetchStandardsAt({ orgUnitId: unit.id }, signal),
  });
  const options = standardOptions(standards.data?.inForce ?? []);
  if (item?.standardKey && !options.some((o) => o.value === item.standardKey))
    options.unshift({
      value: item.standardKey,
      label: `${item.standardKey} ${item.standardTitle ?? ''}`.trim(),
    });
  const save = useMutation({
    mutationFn: () => {
      const fields = { text: text.trim(), standardKey: standardKey || null, overridable };
      return item
        ? updateComplianceItem(item.id, { version: item.version, ...fields })
        : createComplianceItem({ orgUnitId: unit.id, ...fields });
    },
    onSuccess: () => {
      refresh();
      showToast({
        tone: 'success',
        title: item ? 'Checklist item saved' : `Checklist item added at ${unit.name}`,
      });
      onClose();
    },
    onError: (error) => {
      if (isConflict(error)) refresh();
    },
  });
  const serverErrors = save.isError ? fieldErrorsOf(save.error) : {};
  return (
    <Dialog
      open
      onClose={onClose}
      title={item ? 'Edit checklist item' : 'Add a checklist item'}
      description={`Every project at ${unit.name} and beneath it attests it, unless a unit between waives it.`}
      onSubmit={() => {
        if (!text.trim()) return setMissing(true);
        setMissing(false);
        save.mutate();
      }}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {item ? 'Save item' : 'Add item'}
          </Button>
        </>
      }
    >
      <div className="stack">
        {save.isError && (
          <ProblemAlert
            error={save.error}
            title={item ? 'Not saved' : 'Not added'}
            shownFields={['text', 'standardKey']}
          />
        )}
        <Field
          label="What the project attests"
          required
          error={missing ? 'Say what the project must attest.' : serverErrors.text}
        >
          <Textarea rows={3} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <Field
          label="Standard"
          hint="The standard in force here that the item checks."
          error={serverErrors.standardKey}
        >
          <Select
            value={standardKey}
            placeholder="None"
            options={options}
            onChange={(e) => setStandardKey(e.target.value)}
          />
        </Field>
        <label className="b-checkbox">
          <input type="checkbox" checked={overridable} onChange={(e) => setOverridable(e.target.checked)} />
          Overridable: units beneath may waive it
        </label>
      </div>
    </Dialog>
  );
}

/** Waives an inherited, overridable item for a unit (and everything beneath it), with the reason. */
export function WaiveDialog({
  unit,
  item,
  onClose,
}: {
  unit: Unit;
  item: ComplianceItem;
  onClose: () => void;
}) {
  const refresh = useRefreshChecklist();
  const { showToast } = useToast();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () => waiveComplianceItem(unit.id, { itemId: item.id, reason: reason.trim() }),
    onSuccess: () => {
      refresh();
      showToast({ tone: 'success', title: `Waived for ${unit.name}` });
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Waive for ${unit.name}`}
      description={item.text}
      onSubmit={() => {
        if (!reason.trim()) return setMissing(true);
        setMissing(false);
        save.mutate();
      }}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Waive
          </Button>
        </>
      }
    >
      <div className="stack">
        <p className="subtle">
          Set by {item.orgUnitName}. Projects at {unit.name} and beneath it no longer attest it; the reason is
          shown with the item.
        </p>
        {save.isError && <ProblemAlert error={save.error} title="Not waived" shownFields={['reason']} />}
        <Field
          label="Reason"
          required
          error={
            missing
              ? 'Say why it does not apply here.'
              : save.isError
                ? fieldErrorsOf(save.error).reason
                : undefined
          }
        >
          <Textarea rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
