import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiProblem } from '../../api/client.ts';
import { type Allocation, createAllocation, resourceKeys, updateAllocation } from '../../api/resources.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import {
  type AllocationDraft,
  type AllocationErrors,
  type AmountMode,
  draftOf,
  emptyAllocationDraft,
  toCreateAllocation,
  toUpdateAllocation,
  validateAllocation,
} from './allocation-model.ts';
import { PhaseRows } from './PhaseRows.tsx';
import { useProjectDirectory, useResourceDirectory } from './resource-queries.ts';
import { addDays, mondayOf, todayIso } from './week-dates.ts';

const MODES: { value: AmountMode; label: string }[] = [
  { value: 'hours', label: 'Hours a week' },
  { value: 'percent', label: '% of capacity' },
  { value: 'phases', label: 'Time-phased' },
];

function initial(
  editing: Allocation | null,
  fixed: { resourceId?: string; projectId?: string },
): AllocationDraft {
  if (editing) return draftOf(editing);
  const start = mondayOf(todayIso());
  return emptyAllocationDraft(fixed, start, addDays(start, 12 * 7 - 1));
}

/** Create or edit one allocation; the resource or the project is fixed by where it was opened. */
export function AllocationDialog({
  editing,
  fixed,
  onClose,
}: {
  editing: Allocation | null;
  fixed: { resourceId?: string; projectId?: string };
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const resources = useResourceDirectory();
  const projects = useProjectDirectory();
  const [draft, setDraft] = useState(() => initial(editing, fixed));
  const [errors, setErrors] = useState<AllocationErrors>({});
  const set = (patch: Partial<AllocationDraft>) => setDraft({ ...draft, ...patch });

  const save = useMutation({
    mutationFn: (d: AllocationDraft) =>
      editing
        ? updateAllocation(editing.id, toUpdateAllocation(d, editing.version))
        : createAllocation(toCreateAllocation(d)),
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
      showToast({
        tone: 'success',
        title: editing ? 'Allocation saved' : 'Allocation added',
        text: `${a.resourceName} on ${a.projectCode}.`,
      });
      onClose();
    },
    onError: (error) => {
      if (isApiProblem(error, 409) && error.currentVersion !== undefined) {
        void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
        setErrors({
          form: 'Someone else changed this allocation meanwhile. Close and open it again to see their version.',
        });
        return;
      }
      const amount = isApiProblem(error) ? error.messageFor('hoursPerWeek') : undefined;
      setErrors({ form: describeError(error), ...(amount ? { amount } : {}) });
    },
  });

  const submit = () => {
    const found = validateAllocation(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(draft);
  };

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={editing ? `Allocation of ${editing.resourceName} on ${editing.projectCode}` : 'New allocation'}
      description="Demand from a project proposed but not yet approved counts as tentative."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {editing ? 'Save allocation' : 'Add allocation'}
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <div className="grid-2">
          <Field label="Resource" error={errors.resourceId} required>
            <Select
              value={draft.resourceId}
              disabled={Boolean(fixed.resourceId)}
              placeholder="Choose a person or role"
              options={(resources.data ?? []).map((r) => ({
                value: r.id,
                label: r.role ? `${r.name} (${r.role})` : r.name,
              }))}
              onChange={(e) => set({ resourceId: e.target.value })}
            />
          </Field>
          <Field label="Project" error={errors.projectId} required>
            <Select
              value={draft.projectId}
              disabled={Boolean(fixed.projectId) || Boolean(editing)}
              placeholder="Choose a project"
              options={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
              onChange={(e) => set({ projectId: e.target.value })}
            />
          </Field>
          <Field label="First day" error={errors.start} required>
            <Input type="date" value={draft.start} onChange={(e) => set({ start: e.target.value })} />
          </Field>
          <Field label="Last day" error={errors.end} required>
            <Input type="date" value={draft.end} onChange={(e) => set({ end: e.target.value })} />
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend>How much</legend>
          <div className="stack-sm">
            <div className="row" role="radiogroup" aria-label="Amount given as">
              {MODES.map((m) => (
                <label key={m.value} className="b-checkbox">
                  <input
                    type="radio"
                    name="alloc-mode"
                    checked={draft.mode === m.value}
                    onChange={() => set({ mode: m.value })}
                  />
                  {m.label}
                </label>
              ))}
            </div>
            {draft.mode === 'hours' && (
              <Field label="Hours a week" error={errors.amount} required>
                <Input
                  inputMode="decimal"
                  value={draft.hours}
                  onChange={(e) => set({ hours: e.target.value })}
                />
              </Field>
            )}
            {draft.mode === 'percent' && (
              <Field label="Share of the resource’s capacity (%)" error={errors.amount} required>
                <Input
                  inputMode="decimal"
                  value={draft.percent}
                  onChange={(e) => set({ percent: e.target.value })}
                />
              </Field>
            )}
            {draft.mode === 'phases' && (
              <PhaseRows
                phases={draft.phases}
                onChange={(phases) => set({ phases })}
                error={errors.phases}
                fallback={draft}
              />
            )}
          </div>
        </fieldset>
        <Field label="Notes">
          <Textarea rows={2} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />
        </Field>
      </div>
    </Dialog>
  );
}
