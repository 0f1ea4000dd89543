import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiProblem } from '../../api/client.ts';
import { fetchLifecycle, governanceKeys } from '../../api/governance.ts';
import {
  createDeliverable,
  type DeliverableDetail,
  listStandards,
  qualityKeys,
  updateDeliverable,
} from '../../api/quality.ts';
import type { Project } from '../../api/types.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { fieldErrorsOf, isConflict, problemText } from '../raid/raid-problems.ts';
import { useOwnerOptions } from '../raid/raid-queries.ts';
import { deliverableTypesOf, humanise, toTypeKey } from './quality-model.ts';

const OTHER = '__other';
type Criterion = { key?: string; text: string; met: boolean };
type Errors = Record<string, string>;

/** The gate deliverables of the project's lifecycle, as "phase/deliverable" options (none without one). */
function useGateOptions(projectId: string) {
  const lifecycle = useQuery({
    queryKey: governanceKeys.lifecycle(projectId),
    queryFn: ({ signal }) =>
      fetchLifecycle(projectId, signal).catch((e: unknown) => {
        if (isApiProblem(e, 404)) return null;
        throw e;
      }),
  });
  return (lifecycle.data?.phases ?? []).flatMap((p) =>
    p.gate.deliverables.map((d) => ({ value: `${p.key}/${d.key}`, label: `${p.name} — ${d.name}` })),
  );
}

/** Plan a deliverable of a project, or change one: its type decides which standards' checklist applies. */
export function DeliverableDialog({
  project,
  deliverable,
  onClose,
}: {
  project: Project;
  deliverable?: DeliverableDetail;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { showToast } = useToast();
  const standards = useQuery({
    queryKey: qualityKeys.standards({ projectId: project.id }),
    queryFn: ({ signal }) => listStandards({ projectId: project.id }, signal),
  });
  const types = deliverableTypesOf(standards.data?.items ?? []);
  const gates = useGateOptions(project.id);
  const [name, setName] = useState(deliverable?.name ?? '');
  const [type, setType] = useState(deliverable?.deliverableType ?? '');
  const [otherType, setOtherType] = useState('');
  const [ownerId, setOwnerId] = useState(deliverable?.ownerId ?? '');
  const [dueDate, setDueDate] = useState(deliverable?.dueDate ?? '');
  const [description, setDescription] = useState(deliverable?.description ?? '');
  const [gate, setGate] = useState(
    deliverable?.gate ? `${deliverable.gate.phaseKey}/${deliverable.gate.deliverableKey}` : '',
  );
  const [criteria, setCriteria] = useState<Criterion[]>(deliverable?.acceptanceCriteria ?? []);
  const [errors, setErrors] = useState<Errors>({});
  const owners = useOwnerOptions([ownerId]);
  const typeChoices = [...new Set([...types, ...(deliverable ? [deliverable.deliverableType] : [])])];
  const chosenType = type === OTHER ? toTypeKey(otherType) : type;

  const save = useMutation({
    mutationFn: () => {
      const [phaseKey = null, deliverableKey = null] = gate ? gate.split('/') : [];
      const fields = {
        name: name.trim(),
        deliverableType: chosenType,
        description: description.trim() || null,
        dueDate: dueDate || null,
        ownerId: ownerId || null,
        acceptanceCriteria: criteria
          .filter((c) => c.text.trim())
          .map((c) => ({ ...(c.key ? { key: c.key } : {}), text: c.text.trim(), met: c.met })),
        phaseKey,
        deliverableKey,
      };
      return deliverable
        ? updateDeliverable(deliverable.id, { version: deliverable.version, ...fields })
        : createDeliverable({ projectId: project.id, ...fields });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: qualityKeys.deliverables });
      showToast({
        tone: 'success',
        title: deliverable ? `${saved.code} saved` : `Deliverable planned: ${saved.code}`,
      });
      onClose();
      if (!deliverable) navigate(`?tab=quality&deliverable=${saved.id}`);
    },
    onError: (error) => {
      if (isConflict(error)) {
        void queryClient.invalidateQueries({ queryKey: qualityKeys.deliverables });
        setErrors({ form: 'Someone else changed this deliverable meanwhile. Close and open it again.' });
        return;
      }
      setErrors({
        ...fieldErrorsOf(error, (f) => (f === 'phaseKey' || f === 'deliverableKey' ? 'gate' : f)),
        form: problemText(error),
      });
    },
  });

  const submit = () => {
    const found: Errors = {};
    if (!name.trim()) found.name = 'Give the deliverable a name.';
    if (!chosenType) found.deliverableType = type === OTHER ? 'Name the type.' : 'Choose the type.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const setCriterion = (i: number, patch: Partial<Criterion>) =>
    setCriteria((all) => all.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={deliverable ? `Edit ${deliverable.code}` : 'New deliverable'}
      description={`${project.code} ${project.name}`}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {deliverable ? 'Save deliverable' : 'Plan deliverable'}
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
        <Field label="Name" required error={errors.name}>
          <Input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </Field>
        <div className="grid-2">
          <Field
            label="Type"
            required
            error={type === OTHER ? undefined : errors.deliverableType}
            hint="The standards for this type, here and above, give its checklist."
          >
            <Select
              value={type}
              placeholder={standards.isPending ? 'Loading types…' : 'Choose a type'}
              options={[
                ...typeChoices.map((t) => ({ value: t, label: humanise(t) })),
                { value: OTHER, label: 'Another type…' },
              ]}
              onChange={(e) => setType(e.target.value)}
            />
          </Field>
          {type === OTHER && (
            <Field
              label="Other type"
              required
              error={errors.deliverableType}
              hint="No standard applies to it yet."
            >
              <Input value={otherType} maxLength={40} onChange={(e) => setOtherType(e.target.value)} />
            </Field>
          )}
          <Field label="Owner">
            <Select
              value={ownerId}
              placeholder="Unassigned"
              options={owners}
              onChange={(e) => setOwnerId(e.target.value)}
            />
          </Field>
          <Field label="Due" error={errors.dueDate}>
            <Input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </Field>
          {gates.length > 0 && (
            <Field
              label="Lifecycle gate deliverable"
              error={errors.gate}
              hint="Accepting this deliverable accepts that gate deliverable too."
            >
              <Select
                value={gate}
                placeholder="None"
                options={gates}
                onChange={(e) => setGate(e.target.value)}
              />
            </Field>
          )}
        </div>
        <Field label="Description">
          <Textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <fieldset className="fieldset q-criteria">
          <legend className="b-field__label">Acceptance criteria</legend>
          {criteria.length === 0 && <p className="subtle">None: add what the approver will check.</p>}
          {criteria.map((c, i) => (
            <div key={c.key ?? i} className="q-criteria__row">
              <Input
                aria-label={`Acceptance criterion ${i + 1}`}
                value={c.text}
                maxLength={500}
                onChange={(e) => setCriterion(i, { text: e.target.value })}
              />
              <label className="b-checkbox">
                <input
                  type="checkbox"
                  checked={c.met}
                  onChange={(e) => setCriterion(i, { met: e.target.checked })}
                />
                Met
              </label>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove acceptance criterion ${i + 1}`}
                onClick={() => setCriteria((all) => all.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            </div>
          ))}
          <div>
            <Button size="sm" onClick={() => setCriteria((all) => [...all, { text: '', met: false }])}>
              <span aria-hidden="true">+</span> Add criterion
            </Button>
          </div>
        </fieldset>
      </div>
    </Dialog>
  );
}
