import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef } from 'react';
import {
  type IntakeForm,
  listProposals,
  portfolioKeys,
  type StrategicObjective,
} from '../../../api/portfolio.ts';
import { useOrgUnits, usePortfolios, useUserDirectory } from '../../../api/queries.ts';
import { Alert } from '../../../design/Alert.tsx';
import { Button } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { Field } from '../../../design/Field.tsx';
import { Input } from '../../../design/Input.tsx';
import { Select } from '../../../design/Select.tsx';
import { Textarea } from '../../../design/Textarea.tsx';
import { orgUnitOptions } from '../../projects/org-options.ts';
import { formatPercent, RISK_LABELS } from '../portfolio-format.ts';
import { BusinessCaseGrid, type GridChange } from './BusinessCaseGrid.tsx';
import { DemandGrid } from './DemandGrid.tsx';
import { DependencyPicker } from './DependencyPicker.tsx';
import { IntakeAnswerInput } from './IntakeAnswerInput.tsx';
import {
  ALIGNMENT_LABELS,
  type FormErrors,
  hasErrorUnder,
  type ProposalFormState,
  URGENCY_LABELS,
  withoutErrors,
} from './proposal-form-model.ts';

export type SubmitMode = 'save' | 'submit';

export type ProposalFormProps = {
  state: ProposalFormState;
  onChange: (state: ProposalFormState) => void;
  errors: FormErrors;
  /** Drops the errors of fields the person has just edited. */
  onErrorsChange: (errors: FormErrors) => void;
  /** Bumped on every failed submit, to move focus to the first error. */
  attempt: number;
  intake: IntakeForm;
  objectives: readonly StrategicObjective[];
  currency: string;
  /** The proposal being edited, which cannot depend on itself; null when creating. */
  selfId: string | null;
  /** Which button's action is running. */
  pending: SubmitMode | null;
  /** The default button (Enter): saves as it is. */
  saveLabel: string;
  /** When given, a second button saves and then submits the proposal to the board. */
  submitLabel?: string | undefined;
  onSubmit: (mode: SubmitMode) => void;
  onCancel: () => void;
  /** The form's accessible name. */
  label: string;
};

const RATINGS = [1, 2, 3, 4, 5];

export function ProposalForm({
  state,
  onChange,
  errors,
  onErrorsChange,
  attempt,
  intake,
  objectives,
  currency,
  selfId,
  pending,
  saveLabel,
  submitLabel,
  onSubmit,
  onCancel,
  label,
}: ProposalFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const units = useOrgUnits();
  const portfolios = usePortfolios();
  const users = useUserDirectory();
  const others = useQuery({
    queryKey: portfolioKeys.proposals({ sort: 'code' }),
    queryFn: ({ signal }) => listProposals({ sort: 'code' }, signal),
  });

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const clear = (exact: string[], below: string[] = []) => {
    const next = withoutErrors(errors, exact, below);
    if (Object.keys(next).length !== Object.keys(errors).length) onErrorsChange(next);
  };
  const set = <K extends keyof ProposalFormState>(key: K, value: ProposalFormState[K]) => {
    clear([key]);
    onChange({ ...state, [key]: value });
  };
  const grid = (patch: Partial<ProposalFormState>, change: GridChange) => {
    clear(change.exact, change.below);
    onChange({ ...state, ...patch });
  };

  const choices = (others.data?.items ?? []).filter((p) => p.id !== selfId);
  const active = [...objectives].filter((o) => o.active).sort((a, b) => a.sortOrder - b.sortOrder);
  const categories = [
    ...(state.category && !intake.categories.includes(state.category) ? [state.category] : []),
    ...intake.categories,
  ];
  const userOptions = (users.data ?? [])
    .filter((u) => u.active || u.id === state.sponsorId)
    .map((u) => ({ value: u.id, label: u.name }));
  const errorCount = Object.keys(errors).length;
  const rootError = errors['(root)'];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit('save');
  };

  return (
    <form ref={formRef} className="stack proposal-form" onSubmit={submit} noValidate aria-label={label}>
      {errorCount > 0 && (
        <Alert
          tone="error"
          title={
            rootError ??
            `Please correct ${errorCount === 1 ? 'the field' : `${errorCount} fields`} marked below.`
          }
        >
          {rootError && errorCount > 1 ? 'Other fields marked below need attention too.' : null}
        </Alert>
      )}

      <Card title="Basics" description="What is proposed, and when it could start.">
        <div className="grid-2">
          <Field label="Title" error={errors.title} required className="span-all">
            <Input value={state.title} onChange={(e) => set('title', e.target.value)} maxLength={200} />
          </Field>
          <Field
            label="Description"
            error={errors.description}
            className="span-all"
            hint="The problem, the idea, and what changes when it is done."
          >
            <Textarea
              value={state.description}
              rows={4}
              maxLength={10_000}
              onChange={(e) => set('description', e.target.value)}
            />
          </Field>
          <Field label="Category" error={errors.category}>
            <Select
              value={state.category}
              onChange={(e) => set('category', e.target.value)}
              placeholder="— None —"
              options={categories.map((c) => ({ value: c, label: c }))}
            />
          </Field>
          <div className="grid-2 proposal-form__pair">
            <Field label="Earliest start" error={errors.earliestStart} required>
              <Input
                type="month"
                value={state.earliestStart}
                onChange={(e) => {
                  const earliestStart = e.target.value;
                  clear(['earliestStart', 'latestStart']);
                  onChange({
                    ...state,
                    earliestStart,
                    // Keep the window valid when the earliest start moves past the latest.
                    latestStart:
                      earliestStart && state.latestStart && state.latestStart < earliestStart
                        ? earliestStart
                        : state.latestStart,
                  });
                }}
              />
            </Field>
            <Field label="Latest start" error={errors.latestStart} required>
              <Input
                type="month"
                value={state.latestStart}
                min={state.earliestStart || undefined}
                onChange={(e) => set('latestStart', e.target.value)}
              />
            </Field>
          </div>
          <div className="grid-2 proposal-form__pair">
            <Field label="Risk" error={errors.riskRating} hint="How likely it goes wrong, and how badly.">
              <Select
                value={String(state.riskRating)}
                onChange={(e) => set('riskRating', Number(e.target.value))}
                options={RATINGS.map((n) => ({ value: String(n), label: `${n} — ${RISK_LABELS[n]}` }))}
              />
            </Field>
            <Field label="Urgency" error={errors.urgency} hint="How soon it must start.">
              <Select
                value={String(state.urgency)}
                onChange={(e) => set('urgency', Number(e.target.value))}
                options={RATINGS.map((n) => ({ value: String(n), label: `${n} — ${URGENCY_LABELS[n]}` }))}
              />
            </Field>
          </div>
          <div className="proposal-form__check">
            <label className="b-checkbox">
              <input
                type="checkbox"
                checked={state.mandatory}
                onChange={(e) => set('mandatory', e.target.checked)}
                aria-describedby="proposal-mandatory-hint"
              />
              Mandatory
            </label>
            <p className="b-field__hint" id="proposal-mandatory-hint">
              Regulatory or otherwise required: every scenario selects it.
            </p>
          </div>
        </div>
      </Card>

      <Card title="Ownership" description="Optional: who sponsors it and where it would sit.">
        <div className="grid-3">
          <Field label="Sponsor" error={errors.sponsorId}>
            <Select
              value={state.sponsorId}
              onChange={(e) => set('sponsorId', e.target.value)}
              placeholder="— Nobody yet —"
              options={userOptions}
            />
          </Field>
          <Field label="Org unit" error={errors.orgUnitId}>
            <Select
              value={state.orgUnitId}
              onChange={(e) => set('orgUnitId', e.target.value)}
              placeholder="— None —"
              options={orgUnitOptions(units.data ?? [])}
            />
          </Field>
          <Field label="Portfolio" error={errors.portfolioId}>
            <Select
              value={state.portfolioId}
              onChange={(e) => set('portfolioId', e.target.value)}
              placeholder="— None —"
              options={(portfolios.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Field>
        </div>
      </Card>

      <Card
        title="Business case"
        description={`Costs and benefits per month from the earliest start, in ${currency}. NPV, IRR and payback are computed from these.`}
      >
        {errors.businessCase && (
          <p className="b-field__error proposal-form__section-error" role="alert">
            <span aria-hidden="true">⚠</span>
            {errors.businessCase}
          </p>
        )}
        <BusinessCaseGrid
          rows={state.businessCase}
          start={state.earliestStart}
          currency={currency}
          errors={errors}
          onChange={(businessCase, change) => grid({ businessCase }, change)}
        />
      </Card>

      <Card
        title="Resource demand"
        description="Hours per month the project needs, by job role or skill; the scenarios check them against capacity."
      >
        {errors.demand && (
          <p className="b-field__error proposal-form__section-error" role="alert">
            <span aria-hidden="true">⚠</span>
            {errors.demand}
          </p>
        )}
        <DemandGrid
          state={state}
          start={state.earliestStart}
          errors={errors}
          onChange={(next, change) => grid(next, change)}
        />
      </Card>

      <Card
        title="Strategic alignment"
        description="How much the proposal contributes to each strategic objective, from 0 (not at all) to 5 (extremely). The weights come from the strategy."
      >
        {errors.alignment && (
          <p className="b-field__error proposal-form__section-error" role="alert">
            <span aria-hidden="true">⚠</span>
            {errors.alignment}
          </p>
        )}
        {active.length === 0 ? (
          <p className="subtle">The strategy has no active objectives yet.</p>
        ) : (
          <div className="grid-2">
            {active.map((o) => (
              <Field
                key={o.id}
                label={
                  <>
                    {o.name} <span className="proposal-weight">weight {formatPercent(o.weight)}</span>
                  </>
                }
                hint={o.description ?? undefined}
                error={errors[`alignment.${o.id}`]}
              >
                <Select
                  value={String(state.alignment[o.id] ?? 0)}
                  onChange={(e) => {
                    clear(['alignment', `alignment.${o.id}`]);
                    onChange({ ...state, alignment: { ...state.alignment, [o.id]: Number(e.target.value) } });
                  }}
                  options={[0, 1, 2, 3, 4, 5].map((n) => ({
                    value: String(n),
                    label: `${n} — ${ALIGNMENT_LABELS[n]}`,
                  }))}
                />
              </Field>
            ))}
          </div>
        )}
      </Card>

      <Card
        title="Dependencies"
        description="Other proposals this one relates to; the optimiser respects both."
      >
        <div className="grid-2">
          <DependencyPicker
            label="Requires"
            hint="Cannot go ahead without these."
            value={state.requires}
            choices={choices}
            unavailable={state.excludes}
            error={errors.requires}
            loading={others.isPending}
            onChange={(ids) => set('requires', ids)}
          />
          <DependencyPicker
            label="Excludes"
            hint="Cannot go ahead together with these (e.g. alternatives)."
            value={state.excludes}
            choices={choices}
            unavailable={state.requires}
            error={errors.excludes}
            loading={others.isPending}
            onChange={(ids) => set('excludes', ids)}
          />
        </div>
      </Card>

      {intake.fields.length > 0 && (
        <Card
          title="Additional questions"
          description="Asked by your PMO of every proposal. Those marked * must be answered before it is submitted."
        >
          <div className="grid-2">
            {intake.fields.map((f) => (
              <Field
                key={f.key}
                label={f.label}
                required={f.required}
                hint={f.help}
                error={errors[`answers.${f.key}`]}
                className={f.type === 'longtext' ? 'span-all' : ''}
              >
                <IntakeAnswerInput
                  field={f}
                  value={state.answers[f.key] ?? ''}
                  onChange={(v) => {
                    clear([`answers.${f.key}`]);
                    onChange({ ...state, answers: { ...state.answers, [f.key]: v } });
                  }}
                />
              </Field>
            ))}
          </div>
        </Card>
      )}

      <div className="form-actions">
        {hasErrorUnder(errors, 'businessCase') || hasErrorUnder(errors, 'demand') ? (
          <span className="proposal-form__actions-note b-field__error">
            <span aria-hidden="true">⚠</span>Check the grids above.
          </span>
        ) : null}
        <Button onClick={onCancel} disabled={pending !== null}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant={submitLabel ? 'secondary' : 'primary'}
          loading={pending === 'save'}
          disabled={pending !== null}
        >
          {saveLabel}
        </Button>
        {submitLabel && (
          <Button
            variant="primary"
            loading={pending === 'submit'}
            disabled={pending !== null}
            onClick={() => onSubmit('submit')}
          >
            {submitLabel}
          </Button>
        )}
      </div>
    </form>
  );
}
