import { useId } from 'react';
import { Button } from '../../design/Button.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import {
  CRITERION_MAX,
  type CriterionDraft,
  type DeliverableDraft,
  type DraftErrors,
  emptyCriterion,
  emptyDeliverable,
  emptyPhase,
  KEY_HINT,
  KEY_MAX,
  keyFromText,
  MAX_ITEMS,
  moveItem,
  NAME_MAX,
  type PhaseDraft,
  phaseErrorCount,
} from './template-model.ts';

/** A key that follows its name while nobody typed one: empty, or what the previous name gave. */
function followKey(key: string, oldName: string, newName: string): string {
  return key === '' || key === keyFromText(oldName) ? keyFromText(newName) : key;
}

/** One input of a row (criterion or deliverable), labelled for screen readers, with its error below. */
function RowInput({
  label,
  value,
  error,
  onChange,
  maxLength,
  mono = false,
}: {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  maxLength: number;
  mono?: boolean;
}) {
  const id = useId();
  return (
    <span className="gov-row__cell">
      <Input
        controlSize="sm"
        className={mono ? 'mono' : undefined}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={value}
        maxLength={maxLength}
        autoComplete="off"
        spellCheck={mono ? false : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <span className="b-field__error" id={`${id}-error`}>
          <span aria-hidden="true">⚠</span>
          {error}
        </span>
      )}
    </span>
  );
}

type Row = CriterionDraft | DeliverableDraft;

/** The criteria or the deliverables of one gate: rows of key, text or name, and required. */
function GateRows<R extends Row>({
  kind,
  phaseLabel,
  rows,
  path,
  errors,
  onChange,
}: {
  kind: 'criteria' | 'deliverables';
  phaseLabel: string;
  rows: readonly R[];
  path: string;
  errors: DraftErrors;
  onChange: (rows: R[], touched?: string) => void;
}) {
  const one = kind === 'criteria' ? 'Criterion' : 'Deliverable';
  const textField = kind === 'criteria' ? 'text' : 'name';
  const textOf = (r: Row) => ('text' in r ? r.text : r.name);
  const set = (i: number, patch: Partial<CriterionDraft & DeliverableDraft>, touched: string) =>
    onChange(
      rows.map((r, j) => (j === i ? { ...r, ...patch } : r)),
      touched,
    );
  const add = () => onChange([...rows, (kind === 'criteria' ? emptyCriterion() : emptyDeliverable()) as R]);
  return (
    <fieldset className="gov-rows">
      <legend className="gov-rows__legend">
        {kind === 'criteria' ? 'Criteria' : 'Deliverables'} <span className="subtle">({rows.length})</span>
      </legend>
      {errors[`${path}`] && (
        <p className="b-field__error">
          <span aria-hidden="true">⚠</span>
          {errors[path]}
        </p>
      )}
      {rows.length > 0 && (
        <div className="gov-row gov-row--head" aria-hidden="true">
          <span>Key</span>
          <span>{kind === 'criteria' ? 'Criterion' : 'Name'}</span>
          <span />
          <span />
        </div>
      )}
      {rows.map((r, i) => {
        const label = `${phaseLabel}, ${one.toLowerCase()} ${i + 1}`;
        const text = textOf(r);
        return (
          <div key={r.id} className="gov-row">
            <RowInput
              label={`${label} key`}
              mono
              value={r.key}
              maxLength={KEY_MAX}
              error={errors[`${path}.${i}.key`]}
              onChange={(key) => set(i, { key }, `${path}.${i}.key`)}
            />
            <RowInput
              label={`${label} ${kind === 'criteria' ? 'text' : 'name'}`}
              value={text}
              maxLength={kind === 'criteria' ? CRITERION_MAX : NAME_MAX}
              error={errors[`${path}.${i}.${textField}`]}
              onChange={(value) =>
                set(
                  i,
                  { [textField]: value, key: followKey(r.key, text, value) },
                  `${path}.${i}.${textField}`,
                )
              }
            />
            <label className="b-checkbox gov-row__required">
              <input
                type="checkbox"
                checked={r.required}
                onChange={(e) => set(i, { required: e.target.checked }, `${path}.${i}.required`)}
              />
              <span className="visually-hidden">{label} required</span>
              <span aria-hidden="true">Required</span>
            </label>
            <Button
              size="sm"
              variant="ghost"
              iconOnly
              aria-label={`Remove ${label}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              <span aria-hidden="true">✕</span>
            </Button>
          </div>
        );
      })}
      <div>
        <Button size="sm" variant="ghost" onClick={add} disabled={rows.length >= MAX_ITEMS}>
          + Add {one.toLowerCase()}
        </Button>
      </div>
    </fieldset>
  );
}

/**
 * The phases of a template, in order: add, remove and reorder them; per phase its key, name and
 * gate, with the gate's criteria and deliverables.
 */
export function PhaseEditor({
  phases,
  errors,
  onChange,
  maxPhases,
}: {
  phases: readonly PhaseDraft[];
  errors: DraftErrors;
  /** touched: the path edited, whose old error no longer applies; none for structural changes. */
  onChange: (phases: PhaseDraft[], touched?: string) => void;
  maxPhases: number;
}) {
  const setPhase = (i: number, patch: Partial<PhaseDraft>, touched?: string) =>
    onChange(
      phases.map((p, j) => (j === i ? { ...p, ...patch } : p)),
      touched,
    );
  return (
    <div className="gov-phases">
      {phases.map((p, i) => {
        const at = `phases.${i}`;
        const label = `Phase ${i + 1}`;
        const problems = phaseErrorCount(errors, i);
        return (
          <fieldset key={p.id} className="gov-phase-edit">
            <legend className="gov-phase-edit__legend">
              {label}
              {p.name.trim() ? `: ${p.name.trim()}` : ''}
              {problems > 0 && (
                <span className="gov-phase-edit__problems">
                  {' '}
                  — {problems} problem{problems === 1 ? '' : 's'}
                </span>
              )}
            </legend>
            <div className="gov-phase-edit__tools">
              <Button
                size="sm"
                variant="ghost"
                disabled={i === 0}
                aria-label={`Move ${label} up`}
                onClick={() => onChange(moveItem(phases, i, -1))}
              >
                <span aria-hidden="true">↑</span> Up
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={i === phases.length - 1}
                aria-label={`Move ${label} down`}
                onClick={() => onChange(moveItem(phases, i, 1))}
              >
                <span aria-hidden="true">↓</span> Down
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={phases.length === 1}
                aria-label={`Remove ${label}`}
                onClick={() => onChange(phases.filter((_, j) => j !== i))}
              >
                Remove
              </Button>
            </div>
            <div className="grid-3">
              <Field label="Phase name" required error={errors[`${at}.name`]}>
                <Input
                  value={p.name}
                  maxLength={NAME_MAX}
                  onChange={(e) =>
                    setPhase(
                      i,
                      { name: e.target.value, key: followKey(p.key, p.name, e.target.value) },
                      `${at}.name`,
                    )
                  }
                />
              </Field>
              <Field label="Phase key" required error={errors[`${at}.key`]} hint={KEY_HINT}>
                <Input
                  className="mono"
                  value={p.key}
                  maxLength={KEY_MAX}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => setPhase(i, { key: e.target.value }, `${at}.key`)}
                />
              </Field>
              <Field label="Gate name" required error={errors[`${at}.gate.name`]}>
                <Input
                  value={p.gateName}
                  maxLength={NAME_MAX}
                  onChange={(e) => setPhase(i, { gateName: e.target.value }, `${at}.gate.name`)}
                />
              </Field>
            </div>
            <GateRows
              kind="criteria"
              phaseLabel={label}
              rows={p.criteria}
              path={`${at}.gate.criteria`}
              errors={errors}
              onChange={(criteria, touched) => setPhase(i, { criteria }, touched)}
            />
            <GateRows
              kind="deliverables"
              phaseLabel={label}
              rows={p.deliverables}
              path={`${at}.gate.deliverables`}
              errors={errors}
              onChange={(deliverables, touched) => setPhase(i, { deliverables }, touched)}
            />
          </fieldset>
        );
      })}
      {errors.phases && (
        <p className="b-field__error">
          <span aria-hidden="true">⚠</span>
          {errors.phases}
        </p>
      )}
      <div>
        <Button onClick={() => onChange([...phases, emptyPhase()])} disabled={phases.length >= maxPhases}>
          + Add phase
        </Button>
      </div>
    </div>
  );
}
