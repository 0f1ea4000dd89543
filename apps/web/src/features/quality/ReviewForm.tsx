import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import {
  type DeliverableDetail,
  qualityKeys,
  type ReviewOutcome,
  reviewDeliverable,
} from '../../api/quality.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { isConflict, problemText } from '../raid/raid-problems.ts';
import {
  emptyReview,
  type ReviewDraft,
  type ReviewErrors,
  suggestedOutcome,
  toReviewBody,
  validateReview,
} from './quality-model.ts';

const OUTCOMES: { value: ReviewOutcome; label: string; hint: string }[] = [
  { value: 'pass', label: 'Pass', hint: 'It goes forward for acceptance.' },
  { value: 'rework', label: 'Rework', hint: 'It goes back to its owner (rejected) until the next review.' },
];

/** A peer review: pass or fail on each checklist item, with a note, and the outcome. */
export function ReviewForm({ detail, onDone }: { detail: DeliverableDetail; onDone: () => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [draft, setDraft] = useState<ReviewDraft>(() => emptyReview(detail));
  const [errors, setErrors] = useState<ReviewErrors & { form?: string }>({});
  const setItem = (key: string, patch: Partial<ReviewDraft['items'][string]>) =>
    setDraft((d) => ({
      ...d,
      items: { ...d.items, [key]: { ...(d.items[key] ?? { passed: null, note: '' }), ...patch } },
    }));
  const record = useMutation({
    mutationFn: () => reviewDeliverable(detail.id, toReviewBody(detail, draft)),
    onSuccess: (saved) => {
      queryClient.setQueryData(qualityKeys.deliverable(detail.id), saved);
      void queryClient.invalidateQueries({ queryKey: qualityKeys.deliverables });
      showToast({
        tone: 'success',
        title: 'Review recorded',
        text: `${saved.code} is now ${saved.status.replace('_', ' ')}.`,
      });
      onDone();
    },
    onError: (error) => {
      if (isConflict(error))
        void queryClient.invalidateQueries({ queryKey: qualityKeys.deliverable(detail.id) });
      setErrors({ form: problemText(error) });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateReview(detail, draft);
    setErrors(found);
    if (Object.keys(found).length === 0) record.mutate();
  };
  const suggestion = suggestedOutcome(detail, draft);

  return (
    <Card
      title="Record a peer review"
      description="Judge each item of the checklist against the deliverable."
    >
      <form className="stack" noValidate onSubmit={submit} aria-label={`Peer review of ${detail.code}`}>
        {errors.form && (
          <Alert tone="error" title="Not recorded">
            {errors.form}
          </Alert>
        )}
        {detail.checklist.length === 0 ? (
          <p className="subtle">No standard applies to this type: record the outcome alone.</p>
        ) : (
          <ul className="q-items">
            {detail.checklist.map((item, n) => {
              const v = draft.items[item.key] ?? { passed: null, note: '' };
              const group = `${id}-item-${n}`;
              return (
                <li key={item.key} className="q-item">
                  <fieldset className="q-judge">
                    <legend className="q-item__text">
                      {item.text}{' '}
                      {item.required ? <Badge tone="blue">Required</Badge> : <Badge>Optional</Badge>}
                    </legend>
                    <label className="b-checkbox">
                      <input
                        type="radio"
                        name={group}
                        checked={v.passed === true}
                        onChange={() => setItem(item.key, { passed: true })}
                      />
                      Pass
                    </label>
                    <label className="b-checkbox">
                      <input
                        type="radio"
                        name={group}
                        checked={v.passed === false}
                        onChange={() => setItem(item.key, { passed: false })}
                      />
                      Fail
                    </label>
                    <Input
                      controlSize="sm"
                      className="q-judge__note"
                      aria-label={`Note on: ${item.text}`}
                      placeholder="Note (optional)"
                      value={v.note}
                      maxLength={2000}
                      onChange={(e) => setItem(item.key, { note: e.target.value })}
                    />
                  </fieldset>
                </li>
              );
            })}
          </ul>
        )}
        {errors.items && (
          <p className="b-field__error">
            <span aria-hidden="true">⚠</span>
            {errors.items}
          </p>
        )}
        <fieldset className="q-outcome">
          <legend className="b-field__label">
            Outcome{' '}
            <span className="b-field__required" aria-hidden="true">
              *
            </span>
          </legend>
          {OUTCOMES.map((o) => (
            <label key={o.value} className="b-checkbox">
              <input
                type="radio"
                name={`${id}-outcome`}
                checked={draft.outcome === o.value}
                onChange={() => setDraft((d) => ({ ...d, outcome: o.value }))}
              />
              <span>
                {o.label} <span className="subtle">— {o.hint}</span>
              </span>
            </label>
          ))}
          {suggestion === 'rework' && draft.outcome === 'pass' && (
            <p className="subtle">
              A required item failed: the deliverable cannot be accepted on this review.
            </p>
          )}
          {errors.outcome && (
            <p className="b-field__error">
              <span aria-hidden="true">⚠</span>
              {errors.outcome}
            </p>
          )}
        </fieldset>
        <Field label="Comments">
          <Textarea
            rows={2}
            value={draft.comments}
            onChange={(e) => setDraft((d) => ({ ...d, comments: e.target.value }))}
          />
        </Field>
        <div className="row">
          <Button type="submit" variant="primary" loading={record.isPending}>
            Record review
          </Button>
          <Button onClick={onDone}>Cancel</Button>
        </div>
      </form>
    </Card>
  );
}
