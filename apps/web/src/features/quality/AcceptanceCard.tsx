import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { governanceKeys } from '../../api/governance.ts';
import { type DeliverableDetail, decideDeliverable, qualityKeys } from '../../api/quality.ts';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDateTime } from '../../design/format.ts';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { isConflict, problemText } from '../raid/raid-problems.ts';

type Decision = 'accept' | 'reject';

/**
 * Acceptance: who accepted and when, once done; before, what blocks it, and for an approver the
 * decision (accept, only when nothing blocks; reject, with a reason).
 */
export function AcceptanceCard({ detail }: { detail: DeliverableDetail }) {
  const id = useId();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; note?: string; form?: string }>({});
  const decide = useMutation({
    mutationFn: (d: Decision) =>
      decideDeliverable(detail.id, { version: detail.version, decision: d, note: note.trim() || null }),
    onSuccess: (saved) => {
      queryClient.setQueryData(qualityKeys.deliverable(detail.id), saved);
      void queryClient.invalidateQueries({ queryKey: qualityKeys.deliverables });
      void queryClient.invalidateQueries({ queryKey: governanceKeys.lifecycle(detail.projectId) });
      showToast({
        tone: 'success',
        title: saved.status === 'accepted' ? `${saved.code} accepted` : `${saved.code} rejected`,
      });
      setDecision(null);
      setNote('');
    },
    onError: (error) => {
      if (isConflict(error))
        void queryClient.invalidateQueries({ queryKey: qualityKeys.deliverable(detail.id) });
      setErrors({ form: problemText(error) });
    },
  });

  if (detail.status === 'accepted')
    return (
      <Card title="Acceptance">
        <Alert tone="success" title={`Accepted by ${detail.acceptedByName ?? 'the system'}`}>
          <p>{detail.acceptedAt ? formatDateTime(detail.acceptedAt) : null}</p>
          {detail.acceptanceNote && <p>“{detail.acceptanceNote}”</p>}
          {detail.gate && (
            <p>
              The gate deliverable {detail.gate.deliverableName ?? detail.gate.deliverableKey} is{' '}
              {detail.gate.accepted ? 'accepted on the lifecycle too.' : 'not accepted on the lifecycle.'}
            </p>
          )}
        </Alert>
      </Card>
    );

  const blocked = detail.blockers.length > 0;
  const mayDecide = can('project.approve') && detail.status === 'in_review';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!decision) found.decision = 'Choose accept or reject.';
    if (decision === 'reject' && !note.trim()) found.note = 'Say why it is rejected.';
    setErrors(found);
    if (decision && Object.keys(found).length === 0) decide.mutate(decision);
  };
  return (
    <Card title="Acceptance">
      <div className="stack">
        {detail.status === 'rejected' && detail.acceptanceNote && (
          <Alert tone="warning" title="Rejected at acceptance">
            {detail.acceptanceNote}
          </Alert>
        )}
        {blocked ? (
          <section aria-labelledby={`${id}-blockers`}>
            <h3 className="q-subtitle" id={`${id}-blockers`}>
              Not ready for acceptance
            </h3>
            <ul className="q-blockers">
              {detail.blockers.map((b) => (
                <li key={`${b.kind}:${b.key ?? ''}`}>{b.message}</li>
              ))}
            </ul>
          </section>
        ) : (
          <p>
            <span aria-hidden="true">✓ </span>
            {detail.status === 'in_review'
              ? 'Nothing blocks acceptance.'
              : 'Nothing blocks acceptance once a passing review puts it back in review.'}
          </p>
        )}
        {mayDecide && (
          <form
            className="stack"
            noValidate
            onSubmit={submit}
            aria-label={`Acceptance decision on ${detail.code}`}
          >
            {errors.form && (
              <Alert tone="error" title="Not recorded">
                {errors.form}
              </Alert>
            )}
            <fieldset className="q-outcome">
              <legend className="b-field__label">Decision</legend>
              <label className="b-checkbox">
                <input
                  type="radio"
                  name={`${id}-decision`}
                  checked={decision === 'accept'}
                  disabled={blocked}
                  onChange={() => setDecision('accept')}
                />
                Accept{blocked ? ' (blocked)' : ''}
              </label>
              <label className="b-checkbox">
                <input
                  type="radio"
                  name={`${id}-decision`}
                  checked={decision === 'reject'}
                  onChange={() => setDecision('reject')}
                />
                Reject
              </label>
              {errors.decision && (
                <p className="b-field__error">
                  <span aria-hidden="true">⚠</span>
                  {errors.decision}
                </p>
              )}
            </fieldset>
            <Field
              label="Acceptance note"
              required={decision === 'reject'}
              error={errors.note}
              hint="Kept with the decision."
            >
              <Textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            </Field>
            <div className="row">
              <Button
                type="submit"
                variant={decision === 'reject' ? 'danger' : 'primary'}
                loading={decide.isPending}
              >
                {decision === 'reject' ? 'Reject deliverable' : 'Accept deliverable'}
              </Button>
            </div>
          </form>
        )}
      </div>
    </Card>
  );
}
