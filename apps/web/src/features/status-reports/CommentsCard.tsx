import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { addStatusReportComment, type StatusReportDetail } from '../../api/status-reports.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDateTime } from '../../design/format.ts';
import { Textarea } from '../../design/Textarea.tsx';
import { ProblemAlert } from '../standards/ProblemAlert.tsx';
import { adoptReport } from './report-cache.ts';
import { fieldMessages } from './status-report-model.ts';

const DECISION_LABELS = { accepted: 'Accepted', returned: 'Returned' } as const;

/** The thread on a report: the PMO's review decisions and anyone's comments, oldest first. */
export function CommentsCard({ report }: { report: StatusReportDetail }) {
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const post = useMutation({
    mutationFn: () => addStatusReportComment(report.id, body.trim()),
    onSuccess: (next) => {
      adoptReport(client, next);
      setBody('');
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!body.trim()) return setEmpty(true);
    setEmpty(false);
    post.mutate();
  };
  const error = empty ? 'Write the comment first.' : fieldMessages(post.error).body;
  const count = report.comments.length;
  return (
    <Card
      title="Comments"
      description={count === 0 ? undefined : `${count} comment${count === 1 ? '' : 's'}`}
    >
      <div className="stack">
        {count === 0 ? (
          <p className="subtle">No comments yet.</p>
        ) : (
          <ol className="sr-comments" aria-label="Comments on the report">
            {report.comments.map((c) => (
              <li key={c.id} className="sr-comment">
                <div className="sr-comment__head">
                  <span className="sr-comment__author">{c.authorName ?? 'Someone'}</span>
                  {c.decision && (
                    <Badge tone={c.decision === 'accepted' ? 'green' : 'amber'}>
                      {DECISION_LABELS[c.decision]}
                    </Badge>
                  )}
                  <time className="sr-comment__time" dateTime={c.createdAt}>
                    {formatDateTime(c.createdAt)}
                  </time>
                </div>
                <p className="sr-text sr-comment__body">{c.body}</p>
              </li>
            ))}
          </ol>
        )}
        <form className="stack-sm" noValidate onSubmit={submit} aria-label="Add a comment">
          {post.isError && !error && (
            <ProblemAlert error={post.error} title="Not posted" shownFields={['body']} />
          )}
          <Field label="New comment" error={error}>
            <Textarea
              rows={2}
              maxLength={10_000}
              value={body}
              onChange={(e) => {
                setBody(e.target.value);
                setEmpty(false);
              }}
            />
          </Field>
          <div className="row">
            <Button type="submit" loading={post.isPending}>
              Post comment
            </Button>
          </div>
        </form>
      </div>
    </Card>
  );
}
