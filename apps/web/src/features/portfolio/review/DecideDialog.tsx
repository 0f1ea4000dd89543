import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { describeError } from '../../../api/client.ts';
import {
  portfolioKeys,
  type ReviewDecisionKind,
  type ReviewItem,
  recordDecision,
} from '../../../api/portfolio.ts';
import { Alert } from '../../../design/Alert.tsx';
import { Button } from '../../../design/Button.tsx';
import { Dialog } from '../../../design/Dialog.tsx';
import { Field } from '../../../design/Field.tsx';
import { Textarea } from '../../../design/Textarea.tsx';
import { useToast } from '../../../design/Toast.tsx';
import {
  DECISION_HINTS,
  DECISION_KINDS,
  DECISION_LABELS,
  HEALTH_LABELS,
  validateDecision,
} from './review-model.ts';

const TOAST_TITLES: Record<ReviewDecisionKind, string> = {
  continue: 'Decision recorded: continue',
  rescope: 'Decision recorded: re-scope',
  pause: 'Project paused',
  stop: 'Project stopped',
};

/** Records a review decision on one running project: continue, re-scope, pause or stop, with a reason. */
export function DecideDialog({ item, onClose }: { item: ReviewItem; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const name = useId();
  const [decision, setDecision] = useState<ReviewDecisionKind | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; reason?: string }>({});
  const save = useMutation({
    mutationFn: (body: { decision: ReviewDecisionKind; reason: string }) =>
      recordDecision({ projectId: item.projectId, ...body }),
    onSuccess: (_d, body) => {
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.review });
      void queryClient.invalidateQueries({ queryKey: ['portfolio', 'decisions'] });
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      showToast({ tone: 'success', title: TOAST_TITLES[body.decision], text: `${item.code} ${item.name}` });
      onClose();
    },
  });
  const submit = () => {
    const problems = validateDecision({ decision, reason });
    setErrors(problems ?? {});
    if (problems || !decision) return;
    save.mutate({ decision, reason: reason.trim() });
  };
  const errorId = `${name}-decision-error`;
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Decide on ${item.code}`}
      description={`${item.name} · ${HEALTH_LABELS[item.health]}${item.flags.length ? ` · ${item.flags.length} flag${item.flags.length === 1 ? '' : 's'}` : ''}`}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant={decision === 'stop' ? 'danger' : 'primary'} loading={save.isPending}>
            {decision ? `Record: ${DECISION_LABELS[decision]}` : 'Record decision'}
          </Button>
        </>
      }
    >
      <div className="stack">
        {save.isError && (
          <Alert tone="error" title="The decision was not recorded">
            {describeError(save.error)}
          </Alert>
        )}
        {item.flags.length > 0 && (
          <div>
            <p className="b-field__label">Why it was flagged</p>
            <ul className="review-flags cell-secondary">
              {item.flags.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </div>
        )}
        <fieldset className="review-choices" aria-describedby={errors.decision ? errorId : undefined}>
          <legend className="b-field__label">
            Decision{' '}
            <span className="b-field__required" aria-hidden="true">
              *
            </span>
          </legend>
          {DECISION_KINDS.map((kind) => (
            <label key={kind} className="review-choice" data-checked={decision === kind || undefined}>
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
                <span className="review-choice__label">{DECISION_LABELS[kind]}</span>
                <span className="review-choice__hint" id={`${name}-${kind}-hint`}>
                  {DECISION_HINTS[kind]}
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
          label="Reason"
          required
          error={errors.reason}
          hint="Kept with the decision and shown in the review history."
        >
          <Textarea rows={3} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
