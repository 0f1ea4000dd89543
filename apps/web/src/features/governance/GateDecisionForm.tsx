import { type FormEvent, useId, useState } from 'react';
import { decideGate, type GateDecision, type ProjectLifecycle } from '../../api/governance.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Field } from '../../design/Field.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import {
  DECISION_LABELS,
  DECISIONS,
  decisionHint,
  RATIONALE_MAX,
  validateDecision,
} from './lifecycle-model.ts';
import { useLifecycleChange } from './use-lifecycle-change.ts';

const TOASTS: Record<GateDecision, string> = {
  go: 'Gate passed: go',
  hold: 'Gate put on hold',
  recycle: 'Gate recycled: the phase goes on',
  kill: 'Project stopped at the gate',
};

/** The approvers' decision on a submitted gate: go, hold, recycle or kill, with the rationale. */
export function GateDecisionForm({
  lifecycle,
  phaseKey,
  gateName,
  projectName,
}: {
  lifecycle: ProjectLifecycle;
  phaseKey: string;
  gateName: string;
  projectName: string;
}) {
  const name = useId();
  const [decision, setDecision] = useState<GateDecision | null>(null);
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; rationale?: string }>({});
  const lastPhase = lifecycle.phases[lifecycle.phases.length - 1]?.key === phaseKey;
  const decide = useLifecycleChange(
    lifecycle.projectId,
    (body: { decision: GateDecision; rationale: string }) =>
      decideGate(lifecycle.projectId, phaseKey, { version: lifecycle.version, ...body }),
    { failure: 'The decision was not recorded', success: (body) => TOASTS[body.decision] },
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = validateDecision({ decision, rationale });
    setErrors(problems ?? {});
    if (problems || !decision) return;
    decide.mutate({ decision, rationale: rationale.trim() });
  };
  const errorId = `${name}-decision-error`;
  return (
    <form className="gov-decision" noValidate onSubmit={submit} aria-labelledby={`${name}-title`}>
      <h3 className="gov-section-title" id={`${name}-title`}>
        Decision on the {gateName}
      </h3>
      <fieldset className="gov-choices" aria-describedby={errors.decision ? errorId : undefined}>
        <legend className="b-field__label">
          Decision{' '}
          <span className="b-field__required" aria-hidden="true">
            *
          </span>
        </legend>
        {DECISIONS.map((kind) => (
          <label
            key={kind}
            className="gov-choice"
            data-kind={kind}
            data-checked={decision === kind || undefined}
          >
            <input
              type="radio"
              name={name}
              value={kind}
              checked={decision === kind}
              required
              aria-describedby={`${name}-${kind}-hint`}
              onChange={() => setDecision(kind)}
            />
            <span>
              <span className="gov-choice__label">{DECISION_LABELS[kind]}</span>
              <span className="gov-choice__hint" id={`${name}-${kind}-hint`}>
                {decisionHint(kind, lastPhase)}
              </span>
            </span>
          </label>
        ))}
        {errors.decision && (
          <p className="b-field__error" id={errorId}>
            <span aria-hidden="true">⚠</span>
            {errors.decision}
          </p>
        )}
      </fieldset>
      <Field
        label="Rationale"
        required
        error={errors.rationale}
        hint="Kept with the review and shown in the gate history."
      >
        <Textarea
          rows={3}
          value={rationale}
          maxLength={RATIONALE_MAX}
          onChange={(e) => setRationale(e.target.value)}
        />
      </Field>
      {decision === 'kill' && (
        <Alert tone="error" title="Kill cancels the project">
          {projectName} will be cancelled, with your rationale as the reason. Its remaining phases will not
          start.
        </Alert>
      )}
      <div className="row">
        <Button type="submit" variant={decision === 'kill' ? 'danger' : 'primary'} loading={decide.isPending}>
          {decision === 'kill'
            ? 'Kill and cancel the project'
            : decision
              ? `Record: ${DECISION_LABELS[decision]}`
              : 'Record decision'}
        </Button>
      </div>
    </form>
  );
}
