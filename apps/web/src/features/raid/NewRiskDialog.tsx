import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useOrgUnits, usePortfolios } from '../../api/queries.ts';
import { createRisk, type RiskMatrixSettings, raidKeys } from '../../api/raid.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';
import { LevelBadge } from './RiskBits.tsx';
import { LEVEL_LABELS, RESPONSE_LABELS, RESPONSES, ratingOptions, toOptions } from './raid-model.ts';
import { fieldErrorsOf, problemText } from './raid-problems.ts';
import { useOwnerOptions, useProjectChoices } from './raid-queries.ts';
import {
  emptyRiskDraft,
  liveRating,
  type NewRiskDraft,
  type RiskErrors,
  type RiskWhere,
  toCreateRisk,
  validateNewRisk,
} from './risk-form-model.ts';

const WHERE: { value: RiskWhere; label: string; hint: string }[] = [
  { value: 'project', label: 'A project', hint: 'The project’s own risk, in its RAID log.' },
  {
    value: 'portfolio',
    label: 'Shared at a portfolio',
    hint: 'Held by the portfolio and shown in each linked project’s log.',
  },
  {
    value: 'org_unit',
    label: 'Shared at an org unit',
    hint: 'Held by the unit (the enterprise PMO, a department) and linked to projects.',
  },
];

const CLOSED = new Set(['completed', 'cancelled']);

/** The live score and level of the ratings chosen, announced as they change. */
export function LiveScore({
  probability,
  impact,
  matrix,
  label = 'Score',
}: {
  probability: string;
  impact: string;
  matrix: RiskMatrixSettings;
  label?: string;
}) {
  const rating = liveRating(probability, impact, matrix);
  return (
    <output className="raid-live-score" aria-live="polite">
      <span className="raid-live-score__label">{label}</span>
      {rating ? (
        <>
          <span className="raid-score__value">
            {probability} × {impact} = {rating.score}
          </span>
          <LevelBadge level={rating.level} />
          <span className="visually-hidden">{LEVEL_LABELS[rating.level]} level</span>
        </>
      ) : (
        <span className="subtle">Choose probability and impact</span>
      )}
    </output>
  );
}

/** Raise a risk: on a project, or shared at a portfolio or org unit and linked to projects. */
export function NewRiskDialog({
  matrix,
  fixedProjectId,
  onClose,
}: {
  matrix: RiskMatrixSettings;
  /** Opened from a project's RAID tab: the risk belongs to it. */
  fixedProjectId?: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const name = useId();
  const projects = useProjectChoices();
  const portfolios = usePortfolios();
  const units = useOrgUnits();
  const [draft, setDraft] = useState<NewRiskDraft>(() =>
    emptyRiskDraft(fixedProjectId ? { projectId: fixedProjectId } : {}),
  );
  const [errors, setErrors] = useState<RiskErrors>({});
  const owners = useOwnerOptions([draft.ownerId]);
  const set = (patch: Partial<NewRiskDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    const keys = Object.keys(patch);
    if (keys.some((k) => k in errors))
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))));
  };

  const save = useMutation({
    mutationFn: (d: NewRiskDraft) => createRisk(toCreateRisk(d, matrix.size)),
    onSuccess: (risk) => {
      void queryClient.invalidateQueries({ queryKey: raidKeys.risks });
      showToast({
        tone: 'success',
        title: `Risk raised: ${risk.code}`,
        text: `Score ${risk.score}, ${LEVEL_LABELS[risk.level].toLowerCase()} — ${risk.title}`,
      });
      onClose();
    },
    onError: (error) => {
      const fields = fieldErrorsOf(error);
      setErrors({ ...fields, form: problemText(error) });
    },
  });

  const submit = () => {
    const found = validateNewRisk(draft, matrix.size);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(draft);
  };

  const allProjects = (projects.data ?? []).filter((p) => !CLOSED.has(p.status));
  const projectOptions = allProjects.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }));
  const linkable =
    draft.where === 'portfolio' && draft.portfolioId
      ? allProjects.filter((p) => p.portfolioId === draft.portfolioId || draft.projectIds.includes(p.id))
      : allProjects;
  const toggleLink = (id: string, on: boolean) =>
    set({ projectIds: on ? [...draft.projectIds, id] : draft.projectIds.filter((x) => x !== id) });
  const ratings = (labels: readonly string[]) => ratingOptions(labels, matrix.size);

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title="New risk"
      description={`Rated on the ${matrix.size} × ${matrix.size} matrix: probability × impact gives the score and its level.`}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Raise risk
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && (
          <Alert tone="error" title="The risk was not raised">
            {errors.form}
          </Alert>
        )}
        {!fixedProjectId && (
          <fieldset className="raid-choices">
            <legend className="b-field__label">Held at</legend>
            {WHERE.map((w) => (
              <label
                key={w.value}
                className="raid-choice"
                data-checked={draft.where === w.value || undefined}
              >
                <input
                  type="radio"
                  name={`${name}-where`}
                  value={w.value}
                  checked={draft.where === w.value}
                  aria-describedby={`${name}-${w.value}-hint`}
                  onChange={() => set({ where: w.value })}
                />
                <span>
                  <span className="raid-choice__label">{w.label}</span>
                  <span className="raid-choice__hint" id={`${name}-${w.value}-hint`}>
                    {w.hint}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="grid-2">
          {draft.where === 'project' ? (
            <Field label="Project" required error={errors.projectId}>
              <Select
                value={draft.projectId}
                disabled={Boolean(fixedProjectId)}
                placeholder={projects.isPending ? 'Loading projects…' : 'Choose a project'}
                options={projectOptions}
                onChange={(e) => set({ projectId: e.target.value })}
              />
            </Field>
          ) : draft.where === 'portfolio' ? (
            <Field label="Portfolio" required error={errors.portfolioId}>
              <Select
                value={draft.portfolioId}
                placeholder="Choose a portfolio"
                options={(portfolios.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                onChange={(e) => set({ portfolioId: e.target.value })}
              />
            </Field>
          ) : (
            <Field label="Org unit" required error={errors.orgUnitId}>
              <Select
                value={draft.orgUnitId}
                placeholder="Choose an org unit"
                options={orgUnitOptions(units.data ?? [])}
                onChange={(e) => set({ orgUnitId: e.target.value })}
              />
            </Field>
          )}
          <Field label="Title" required error={errors.title}>
            <Input value={draft.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />
          </Field>
        </div>
        {draft.where !== 'project' && (
          <fieldset className="fieldset">
            <legend>Linked projects</legend>
            <p className="b-field__hint raid-links__hint">
              The risk shows in each linked project’s RAID log. Linking needs the right to edit that project.
              {draft.where === 'portfolio' &&
                !draft.portfolioId &&
                ' Choose a portfolio to list its projects.'}
            </p>
            {errors.projectIds && (
              <p className="b-field__error">
                <span aria-hidden="true">⚠</span>
                {errors.projectIds}
              </p>
            )}
            {draft.where === 'portfolio' && !draft.portfolioId ? null : linkable.length === 0 ? (
              <p className="subtle">No open projects here.</p>
            ) : (
              <ul className="raid-links">
                {linkable.map((p) => (
                  <li key={p.id}>
                    <label className="b-checkbox">
                      <input
                        type="checkbox"
                        checked={draft.projectIds.includes(p.id)}
                        onChange={(e) => toggleLink(p.id, e.target.checked)}
                      />
                      <span className="mono">{p.code}</span> {p.name}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        )}
        <div className="grid-3 raid-rating-row">
          <Field label="Probability" required error={errors.probability}>
            <Select
              value={draft.probability}
              placeholder="Choose…"
              options={ratings(matrix.probabilityLabels)}
              onChange={(e) => set({ probability: e.target.value })}
            />
          </Field>
          <Field label="Impact" required error={errors.impact}>
            <Select
              value={draft.impact}
              placeholder="Choose…"
              options={ratings(matrix.impactLabels)}
              onChange={(e) => set({ impact: e.target.value })}
            />
          </Field>
          <LiveScore probability={draft.probability} impact={draft.impact} matrix={matrix} />
        </div>
        <div className="grid-2">
          <Field label="Owner">
            <Select
              value={draft.ownerId}
              placeholder="Nobody yet"
              options={owners}
              onChange={(e) => set({ ownerId: e.target.value })}
            />
          </Field>
          <Field
            label="Expected by"
            hint="When it could happen: sets its proximity."
            error={errors.expectedBy}
          >
            <Input
              type="date"
              value={draft.expectedBy}
              onChange={(e) => set({ expectedBy: e.target.value })}
            />
          </Field>
          <Field label="Response">
            <Select
              value={draft.response}
              placeholder="Not decided"
              options={toOptions(RESPONSES, RESPONSE_LABELS)}
              onChange={(e) => set({ response: e.target.value as NewRiskDraft['response'] })}
            />
          </Field>
          <Field label="Category" error={errors.category}>
            <Input
              value={draft.category}
              maxLength={100}
              placeholder="Supplier, technical, people…"
              onChange={(e) => set({ category: e.target.value })}
            />
          </Field>
        </div>
        <Field label="Mitigation" error={errors.mitigation}>
          <Textarea rows={2} value={draft.mitigation} onChange={(e) => set({ mitigation: e.target.value })} />
        </Field>
        <Field label="Trigger" hint="The sign that the risk is about to happen." error={errors.trigger}>
          <Input value={draft.trigger} maxLength={2000} onChange={(e) => set({ trigger: e.target.value })} />
        </Field>
        <Field label="Description" error={errors.description}>
          <Textarea
            rows={2}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </Field>
      </div>
    </Dialog>
  );
}
