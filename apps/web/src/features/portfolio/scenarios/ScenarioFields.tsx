import { Button } from '../../../design/Button.tsx';
import { Field } from '../../../design/Field.tsx';
import { Input } from '../../../design/Input.tsx';
import { Select } from '../../../design/Select.tsx';
import { Textarea } from '../../../design/Textarea.tsx';
import { PROPOSAL_STATUS_LABELS } from '../portfolio-format.ts';
import {
  CANDIDATE_STATUSES,
  type CandidateStatus,
  capacityLine,
  type ScenarioDraft,
  type ScenarioDraftErrors,
} from './scenario-model.ts';

const OBJECTIVES = [
  { value: 'score', label: 'Total weighted score (strategy)' },
  { value: 'npv', label: 'Total net present value' },
];
const CAPACITY_FROM = [
  { value: 'pool', label: 'Free hours of the resource pool' },
  { value: 'manual', label: 'Only the hours given below' },
];

/** The inputs of a scenario: horizon, what is maximised, budgets, capacity and candidates. */
export function ScenarioFields({
  draft,
  onChange,
  errors,
  currency,
  compact = false,
  disabled = false,
}: {
  draft: ScenarioDraft;
  onChange: (next: ScenarioDraft) => void;
  errors: ScenarioDraftErrors;
  currency: string;
  /** Only the essentials (the new-scenario dialog). */
  compact?: boolean;
  disabled?: boolean;
}) {
  const set = <K extends keyof ScenarioDraft>(key: K, value: ScenarioDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const toggleStatus = (s: CandidateStatus, on: boolean) =>
    set(
      'statuses',
      CANDIDATE_STATUSES.filter((x) => (x === s ? on : draft.statuses.includes(x))),
    );
  const budgetHint = `${currency} per month. One amount for every month, or one per month separated by “;”.`;

  return (
    <div className="stack">
      <div className="grid-2">
        <Field label="Name" required error={errors.name}>
          <Input value={draft.name} disabled={disabled} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field label="Maximise" error={errors.objective}>
          <Select
            value={draft.objective}
            disabled={disabled}
            options={OBJECTIVES}
            onChange={(e) => set('objective', e.target.value as ScenarioDraft['objective'])}
          />
        </Field>
        <Field label="First month" required error={errors.startMonth}>
          <Input
            type="month"
            value={draft.startMonth}
            disabled={disabled}
            onChange={(e) => set('startMonth', e.target.value)}
          />
        </Field>
        <Field label="Months in the horizon" required error={errors.periods}>
          <Input
            type="number"
            min={1}
            max={60}
            value={draft.periods}
            disabled={disabled}
            onChange={(e) => set('periods', e.target.value)}
          />
        </Field>
        <Field label="Budget" required hint={budgetHint} error={errors.budget} className="span-all">
          <Input
            inputMode="decimal"
            value={draft.budget}
            disabled={disabled}
            placeholder="250000"
            onChange={(e) => set('budget', e.target.value)}
          />
        </Field>
      </div>
      {!compact && (
        <>
          <Field label="Description" error={errors.description}>
            <Textarea
              rows={2}
              value={draft.description}
              disabled={disabled}
              onChange={(e) => set('description', e.target.value)}
            />
          </Field>
          <fieldset className="fieldset">
            <legend>Budgets by category</legend>
            <label className="b-checkbox">
              <input
                type="checkbox"
                checked={draft.byCategory}
                disabled={disabled}
                onChange={(e) => set('byCategory', e.target.checked)}
              />
              Limit capital and operating spend separately as well
            </label>
            {draft.byCategory && (
              <div className="grid-2">
                <Field label="Capex budget" hint={budgetHint} error={errors.capex}>
                  <Input
                    inputMode="decimal"
                    value={draft.capex}
                    disabled={disabled}
                    onChange={(e) => set('capex', e.target.value)}
                  />
                </Field>
                <Field label="Opex budget" hint={budgetHint} error={errors.opex}>
                  <Input
                    inputMode="decimal"
                    value={draft.opex}
                    disabled={disabled}
                    onChange={(e) => set('opex', e.target.value)}
                  />
                </Field>
              </div>
            )}
          </fieldset>
          <fieldset className="fieldset">
            <legend>Capacity</legend>
            <div className="grid-2">
              <Field label="Capacity comes from" error={errors.capacityFrom}>
                <Select
                  value={draft.capacityFrom}
                  disabled={disabled}
                  options={CAPACITY_FROM}
                  onChange={(e) => set('capacityFrom', e.target.value as ScenarioDraft['capacityFrom'])}
                />
              </Field>
              <Field
                label="Capacity factor (%)"
                hint="Scales every capacity figure: 80 = a fifth of the people unavailable."
                error={errors.capacityFactor}
              >
                <Input
                  inputMode="decimal"
                  value={draft.capacityFactor}
                  disabled={disabled}
                  onChange={(e) => set('capacityFactor', e.target.value)}
                />
              </Field>
            </div>
            <div className="stack-sm">
              <p className="subtle">
                {draft.capacityFrom === 'pool'
                  ? 'Hours given here replace the pool’s free hours for that role or skill.'
                  : 'Only these roles and skills are limited.'}
              </p>
              {errors.capacity && (
                <p className="b-field__error" role="alert">
                  {errors.capacity}
                </p>
              )}
              {draft.capacity.map((line, i) => (
                <div className="scenario-capacity-line" key={line.id}>
                  <Field label={`Role or skill ${i + 1}`}>
                    <Input
                      value={line.key}
                      disabled={disabled}
                      onChange={(e) =>
                        set(
                          'capacity',
                          draft.capacity.map((l, j) => (j === i ? { ...l, key: e.target.value } : l)),
                        )
                      }
                    />
                  </Field>
                  <Field label={`Hours per month ${i + 1}`}>
                    <Input
                      inputMode="decimal"
                      value={line.hours}
                      disabled={disabled}
                      onChange={(e) =>
                        set(
                          'capacity',
                          draft.capacity.map((l, j) => (j === i ? { ...l, hours: e.target.value } : l)),
                        )
                      }
                    />
                  </Field>
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={disabled}
                    aria-label={`Remove capacity line ${i + 1}${line.key ? ` (${line.key})` : ''}`}
                    onClick={() =>
                      set(
                        'capacity',
                        draft.capacity.filter((_, j) => j !== i),
                      )
                    }
                  >
                    Remove
                  </Button>
                </div>
              ))}
              <div>
                <Button
                  size="sm"
                  disabled={disabled}
                  onClick={() => set('capacity', [...draft.capacity, capacityLine()])}
                >
                  Add a capacity line
                </Button>
              </div>
            </div>
          </fieldset>
        </>
      )}
      <fieldset className="fieldset">
        <legend>Candidates: proposals that are</legend>
        <div className="row">
          {CANDIDATE_STATUSES.map((s) => (
            <label key={s} className="b-checkbox">
              <input
                type="checkbox"
                checked={draft.statuses.includes(s)}
                disabled={disabled}
                onChange={(e) => toggleStatus(s, e.target.checked)}
              />
              {PROPOSAL_STATUS_LABELS[s]}
            </label>
          ))}
        </div>
        {errors.statuses && (
          <p className="b-field__error" role="alert">
            {errors.statuses}
          </p>
        )}
      </fieldset>
    </div>
  );
}
