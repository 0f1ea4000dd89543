import { type FormEvent, useEffect, useRef } from 'react';
import {
  useCustomFields,
  useOrgUnits,
  usePortfolios,
  usePrograms,
  useUserDirectory,
} from '../../api/queries.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Field } from '../../design/Field.tsx';
import { getMinorDigits } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { PRIORITY_LABELS, PRIORITY_ORDER } from '../../design/labels.ts';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { CustomFieldInput } from './CustomFieldInput.tsx';
import { orgUnitOptions } from './org-options.ts';
import type { FormErrors, ProjectFormState } from './project-form-model.ts';
import { TagInput } from './TagInput.tsx';

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'JPY', 'CAD', 'AUD'];

export type ProjectFormProps = {
  state: ProjectFormState;
  onChange: (state: ProjectFormState) => void;
  errors: FormErrors;
  /** Drops the error of fields the person has just edited. */
  onErrorsChange: (errors: FormErrors) => void;
  /** Bumped on every failed submit, to move focus to the first error. */
  attempt: number;
  creating: boolean;
  submitting: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  submitLabel: string;
};

export function ProjectForm({
  state,
  onChange,
  errors,
  onErrorsChange,
  attempt,
  creating,
  submitting,
  onSubmit,
  onCancel,
  submitLabel,
}: ProjectFormProps) {
  const units = useOrgUnits();
  const portfolios = usePortfolios();
  const programs = usePrograms();
  const users = useUserDirectory();
  const fields = useCustomFields();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const clear = (...keys: string[]) => {
    if (!keys.some((k) => k in errors) && !('(root)' in errors)) return;
    const next = { ...errors };
    for (const k of [...keys, '(root)']) delete next[k];
    onErrorsChange(next);
  };
  const errorKeyOf: Partial<Record<keyof ProjectFormState, string>> = { budget: 'budgetMinor' };
  const set = <K extends keyof ProjectFormState>(key: K, value: ProjectFormState[K]) => {
    clear(errorKeyOf[key] ?? key);
    onChange({ ...state, [key]: value });
  };
  const setCustom = (key: string, value: string) => {
    clear(`customFields.${key}`);
    onChange({ ...state, custom: { ...state.custom, [key]: value } });
  };

  const programChoices = (programs.data ?? []).filter(
    (p) => !state.portfolioId || p.portfolioId === state.portfolioId,
  );
  const userOptions = (users.data ?? [])
    .filter((u) => u.active || u.id === state.sponsorId || u.id === state.managerId)
    .map((u) => ({ value: u.id, label: u.name }));
  const errorCount = Object.keys(errors).length;
  const rootError = errors['(root)'];
  const currency = /^[A-Za-z]{3}$/.test(state.currency) ? state.currency.toUpperCase() : 'EUR';
  const digits = getMinorDigits(currency);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };

  return (
    <form ref={formRef} className="stack project-form" onSubmit={submit} noValidate aria-label={submitLabel}>
      {errorCount > 0 && (
        <Alert
          tone="error"
          title={
            rootError ??
            `Please correct ${errorCount === 1 ? 'the field' : `${errorCount} fields`} marked below.`
          }
        />
      )}
      <Card title="Basics" headingLevel={2}>
        <div className="grid-2">
          <Field
            label="Code"
            error={errors.code}
            hint={creating ? 'Leave empty to get the next free code (PRJ-0001…).' : undefined}
            required={!creating}
          >
            <Input
              value={state.code}
              onChange={(e) => set('code', e.target.value)}
              maxLength={32}
              className="mono"
            />
          </Field>
          <Field label="Name" error={errors.name} required>
            <Input value={state.name} onChange={(e) => set('name', e.target.value)} maxLength={200} />
          </Field>
          <Field label="Description" error={errors.description} className="span-all">
            <Textarea
              value={state.description}
              rows={3}
              onChange={(e) => set('description', e.target.value)}
            />
          </Field>
          <Field
            label="Objectives"
            error={errors.objectives}
            className="span-all"
            hint="What success looks like."
          >
            <Textarea value={state.objectives} rows={3} onChange={(e) => set('objectives', e.target.value)} />
          </Field>
        </div>
      </Card>

      <Card
        title="Ownership"
        description="Where the project sits in the PMO hierarchy and who is accountable."
      >
        <div className="grid-3">
          <Field
            label="Org unit"
            error={errors.orgUnitId}
            required={!creating}
            hint={creating ? 'Defaults to the portfolio’s org unit.' : undefined}
          >
            <Select
              value={state.orgUnitId}
              onChange={(e) => set('orgUnitId', e.target.value)}
              placeholder={creating ? 'Default' : 'Choose…'}
              options={orgUnitOptions(units.data ?? [])}
            />
          </Field>
          <Field label="Portfolio" error={errors.portfolioId}>
            <Select
              value={state.portfolioId}
              onChange={(e) => {
                const portfolioId = e.target.value;
                const keepProgram = (programs.data ?? []).some(
                  (p) => p.id === state.programId && p.portfolioId === portfolioId,
                );
                onChange({ ...state, portfolioId, programId: keepProgram ? state.programId : '' });
              }}
              placeholder="— None —"
              options={(portfolios.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Field>
          <Field
            label="Program"
            error={errors.programId}
            hint={state.portfolioId ? undefined : 'Choosing a program also sets its portfolio.'}
          >
            <Select
              value={state.programId}
              onChange={(e) => {
                const programId = e.target.value;
                const program = (programs.data ?? []).find((p) => p.id === programId);
                onChange({
                  ...state,
                  programId,
                  portfolioId: program ? program.portfolioId : state.portfolioId,
                });
              }}
              placeholder="— None —"
              options={programChoices.map((p) => ({ value: p.id, label: p.name }))}
            />
          </Field>
          <Field label="Sponsor" error={errors.sponsorId}>
            <Select
              value={state.sponsorId}
              onChange={(e) => set('sponsorId', e.target.value)}
              placeholder="— Nobody —"
              options={userOptions}
            />
          </Field>
          <Field label="Project manager" error={errors.managerId}>
            <Select
              value={state.managerId}
              onChange={(e) => set('managerId', e.target.value)}
              placeholder="— Nobody —"
              options={userOptions}
            />
          </Field>
          <Field label="Priority" error={errors.priority} required>
            <Select
              value={state.priority}
              onChange={(e) => set('priority', e.target.value as ProjectFormState['priority'])}
              options={PRIORITY_ORDER.map((p) => ({ value: p, label: PRIORITY_LABELS[p] }))}
            />
          </Field>
        </div>
      </Card>

      <Card title="Plan and budget">
        <div className="grid-3">
          <Field label="Planned start" error={errors.plannedStart}>
            <Input
              type="date"
              value={state.plannedStart}
              onChange={(e) => set('plannedStart', e.target.value)}
            />
          </Field>
          <Field label="Planned finish" error={errors.plannedFinish}>
            <Input
              type="date"
              value={state.plannedFinish}
              min={state.plannedStart || undefined}
              onChange={(e) => set('plannedFinish', e.target.value)}
            />
          </Field>
          <div className="money-field">
            <Field
              label="Budget"
              error={errors.budgetMinor}
              hint={digits > 0 ? `In ${currency}, up to ${digits} decimals.` : `In whole ${currency}.`}
            >
              <Input
                inputMode="decimal"
                value={state.budget}
                placeholder="0"
                onChange={(e) => set('budget', e.target.value)}
                className="num"
              />
            </Field>
            <Field label="Currency" error={errors.currency}>
              <Select value={state.currency} onChange={(e) => set('currency', e.target.value)}>
                {[...new Set([state.currency, ...CURRENCIES])].filter(Boolean).map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field
            label="Tags"
            error={errors.tags}
            className="span-all"
            hint="Press Enter or type a comma to add a tag."
          >
            <TagInput value={state.tags} onChange={(tags) => set('tags', tags)} />
          </Field>
        </div>
      </Card>

      {(fields.data ?? []).length > 0 && (
        <Card title="Custom fields" description="Fields your PMO defined for every project.">
          <div className="grid-3">
            {(fields.data ?? []).map((def) => (
              <Field
                key={def.id}
                label={def.label}
                required={def.required}
                error={errors[`customFields.${def.key}`]}
                hint={def.description ?? undefined}
              >
                <CustomFieldInput
                  def={def}
                  value={state.custom[def.key] ?? ''}
                  onChange={(v) => setCustom(def.key, v)}
                  users={users.data ?? []}
                />
              </Field>
            ))}
          </div>
        </Card>
      )}

      <div className="form-actions">
        <Button onClick={onCancel} disabled={submitting}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={submitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
