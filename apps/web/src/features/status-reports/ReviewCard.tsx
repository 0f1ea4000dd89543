import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { reviewStatusReport, type StatusReportDetail } from '../../api/status-reports.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Field } from '../../design/Field.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { isConflict } from '../raid/raid-problems.ts';
import { ProblemAlert } from '../standards/ProblemAlert.tsx';
import { adoptReport, refreshReport } from './report-cache.ts';
import { fieldMessages, formatPeriod } from './status-report-model.ts';

type Decision = 'accept' | 'return';

/** The PMO accepts a submitted report, or returns it to the project team saying what to change. */
export function ReviewCard({ report }: { report: StatusReportDetail }) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const [comment, setComment] = useState('');
  const review = useMutation({
    mutationFn: (decision: Decision) =>
      reviewStatusReport(report.id, {
        version: report.version,
        decision,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    onSuccess: (next, decision) => {
      adoptReport(client, next);
      setComment('');
      showToast({
        tone: 'success',
        title:
          decision === 'accept'
            ? `Report for ${formatPeriod(next.period)} accepted`
            : `Report for ${formatPeriod(next.period)} returned to the project team`,
      });
    },
    onError: (error) => {
      if (isConflict(error)) refreshReport(client, report.id);
    },
  });
  const commentError = fieldMessages(review.error).comment;
  const busy = (d: Decision) => review.isPending && review.variables === d;
  return (
    <Card
      title="PMO review"
      description="Accept the report, or return it to the project team with what to change; they submit it again."
    >
      <form className="stack" noValidate onSubmit={(e) => e.preventDefault()} aria-label="PMO review">
        {review.isError && !commentError && (
          <ProblemAlert
            error={review.error}
            title={review.variables === 'accept' ? 'Not accepted' : 'Not returned'}
            shownFields={['comment']}
          />
        )}
        <Field
          label="Review comment"
          hint="Needed to return the report; it is added to the comments below with the decision."
          error={commentError}
        >
          <Textarea
            rows={3}
            maxLength={10_000}
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
              if (commentError) review.reset();
            }}
          />
        </Field>
        <div className="row">
          <Button
            variant="primary"
            loading={busy('accept')}
            disabled={review.isPending}
            onClick={() => review.mutate('accept')}
          >
            Accept
          </Button>
          <Button
            loading={busy('return')}
            disabled={review.isPending}
            onClick={() => review.mutate('return')}
          >
            Return to the project team
          </Button>
        </div>
      </form>
    </Card>
  );
}
