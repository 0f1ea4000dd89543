import { stakeholderQuadrant } from '@baton/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useOrgUnits } from '../../api/queries.ts';
import {
  createStakeholder,
  type EngagementLevel,
  type Stakeholder,
  type StakeholderAttitude,
  stakeholderKeys,
  updateStakeholder,
} from '../../api/stakeholders.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { fieldErrorsOf, isConflict, problemText } from '../raid/raid-problems.ts';
import { useOwnerOptions } from '../raid/raid-queries.ts';
import { StakeholderProjectPicker } from './StakeholderProjectPicker.tsx';
import {
  ATTITUDE_LABELS,
  ATTITUDE_LIST,
  ENGAGEMENT_LABELS,
  ENGAGEMENT_LIST,
  emptyStakeholderForm,
  QUADRANT_HINTS,
  QUADRANT_LABELS,
  QUADRANT_TONES,
  RATING_OPTIONS,
  type StakeholderForm,
  stakeholderFormOf,
  toCreateStakeholderBody,
  toOptions,
  toUpdateStakeholderBody,
  validateStakeholderForm,
} from './stakeholder-model.ts';

type Errors = Record<string, string>;

/**
 * Register a stakeholder, or look at and change one. On a project's tab a new stakeholder starts
 * linked to the project. Read-only for someone who may not change projects.
 */
export function StakeholderDialog({
  stakeholder,
  projectId,
  readOnly = false,
  onClose,
}: {
  /** null: a new stakeholder. */
  stakeholder: Stakeholder | null;
  projectId?: string;
  readOnly?: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const units = useOrgUnits();
  const [form, setForm] = useState<StakeholderForm>(() =>
    stakeholder ? stakeholderFormOf(stakeholder) : emptyStakeholderForm(projectId),
  );
  const owners = useOwnerOptions([stakeholder?.ownerId]);
  const [errors, setErrors] = useState<Errors>({});
  const set = <K extends keyof StakeholderForm>(key: K, value: StakeholderForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      stakeholder
        ? updateStakeholder(stakeholder.id, toUpdateStakeholderBody(form, stakeholder))
        : createStakeholder(toCreateStakeholderBody(form)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: stakeholderKeys.all });
      showToast({
        tone: 'success',
        title: stakeholder ? 'Stakeholder saved' : 'Stakeholder registered',
        text: `${saved.name}: ${QUADRANT_LABELS[saved.quadrant].toLowerCase()}.`,
      });
      onClose();
    },
    onError: (error) =>
      setErrors({
        ...fieldErrorsOf(error),
        form: isConflict(error)
          ? 'Someone changed this stakeholder meanwhile. Close the dialog and open it again to see their changes.'
          : problemText(error),
      }),
  });
  const submit = () => {
    if (readOnly) return;
    const found = validateStakeholderForm(form);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const quadrant = stakeholderQuadrant(Number(form.influence), Number(form.interest));
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={stakeholder ? stakeholder.name : 'Register a stakeholder'}
      description={
        stakeholder
          ? `Registered at ${stakeholder.orgUnitName}; on ${stakeholder.projectCount} project${stakeholder.projectCount === 1 ? '' : 's'} you can see.`
          : 'A person or body with a stake in projects. One record serves every project it touches.'
      }
      onSubmit={submit}
      footer={
        readOnly ? (
          <Button onClick={onClose}>Close</Button>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" loading={save.isPending}>
              {stakeholder ? 'Save changes' : 'Register stakeholder'}
            </Button>
          </>
        )
      }
    >
      <div className="stack">
        {errors.form && (
          <Alert tone="error" title="Not saved">
            {errors.form}
          </Alert>
        )}
        <div className="grid-2">
          <Field label="Name" required error={errors.name}>
            <Input
              value={form.name}
              maxLength={200}
              disabled={readOnly}
              onChange={(e) => set('name', e.target.value)}
            />
          </Field>
          <Field label="Role" error={errors.role} hint="Sponsor, regulator, union representative…">
            <Input
              value={form.role}
              maxLength={200}
              disabled={readOnly}
              onChange={(e) => set('role', e.target.value)}
            />
          </Field>
          <Field label="Organisation" error={errors.organisation}>
            <Input
              value={form.organisation}
              maxLength={200}
              disabled={readOnly}
              onChange={(e) => set('organisation', e.target.value)}
            />
          </Field>
          <Field label="Relationship owner" error={errors.ownerId}>
            <Select
              value={form.ownerId}
              placeholder="Unassigned"
              options={owners}
              disabled={readOnly}
              onChange={(e) => set('ownerId', e.target.value)}
            />
          </Field>
          <Field label="E-mail" error={errors.email}>
            <Input
              type="email"
              value={form.email}
              maxLength={254}
              disabled={readOnly}
              onChange={(e) => set('email', e.target.value)}
            />
          </Field>
          <Field label="Phone" error={errors.phone}>
            <Input
              type="tel"
              value={form.phone}
              maxLength={40}
              disabled={readOnly}
              onChange={(e) => set('phone', e.target.value)}
            />
          </Field>
          <Field label="Influence" required error={errors.influence} hint="Power over the projects’ outcome.">
            <Select
              value={form.influence}
              options={RATING_OPTIONS}
              disabled={readOnly}
              onChange={(e) => set('influence', e.target.value)}
            />
          </Field>
          <Field
            label="Interest"
            required
            error={errors.interest}
            hint="How much the outcome matters to them."
          >
            <Select
              value={form.interest}
              options={RATING_OPTIONS}
              disabled={readOnly}
              onChange={(e) => set('interest', e.target.value)}
            />
          </Field>
        </div>
        <p className="sh-preview" aria-live="polite">
          Quadrant: <Badge tone={QUADRANT_TONES[quadrant]}>{QUADRANT_LABELS[quadrant]}</Badge>{' '}
          <span className="subtle">{QUADRANT_HINTS[quadrant]}</span>
        </p>
        <div className="grid-3">
          <Field label="Attitude" error={errors.attitude}>
            <Select
              value={form.attitude}
              options={toOptions(ATTITUDE_LIST, ATTITUDE_LABELS)}
              disabled={readOnly}
              onChange={(e) => set('attitude', e.target.value as StakeholderAttitude)}
            />
          </Field>
          <Field label="Engagement now" error={errors.engagementCurrent}>
            <Select
              value={form.engagementCurrent}
              options={toOptions(ENGAGEMENT_LIST, ENGAGEMENT_LABELS)}
              disabled={readOnly}
              onChange={(e) => set('engagementCurrent', e.target.value as EngagementLevel)}
            />
          </Field>
          <Field label="Engagement desired" error={errors.engagementDesired}>
            <Select
              value={form.engagementDesired}
              options={toOptions(ENGAGEMENT_LIST, ENGAGEMENT_LABELS)}
              disabled={readOnly}
              onChange={(e) => set('engagementDesired', e.target.value as EngagementLevel)}
            />
          </Field>
        </div>
        <Field
          label="Registered at"
          error={errors.orgUnitId}
          hint="Who keeps the record: people who may change projects there may edit it."
        >
          <Select
            value={form.orgUnitId}
            {...(stakeholder ? {} : { placeholder: 'The enterprise PMO' })}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            disabled={readOnly}
            onChange={(e) => set('orgUnitId', e.target.value)}
          />
        </Field>
        <StakeholderProjectPicker
          value={form.projectIds}
          onChange={(ids) => set('projectIds', ids)}
          disabled={readOnly}
          error={errors.projectIds}
        />
        <Field label="Notes" error={errors.notes}>
          <Textarea
            rows={3}
            value={form.notes}
            disabled={readOnly}
            onChange={(e) => set('notes', e.target.value)}
          />
        </Field>
      </div>
    </Dialog>
  );
}
