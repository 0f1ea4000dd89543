import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../../api/client.ts';
import { addComment, listComments, type Proposal, portfolioKeys } from '../../../api/portfolio.ts';
import { useSession } from '../../../app/session-context.ts';
import { Button } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { Field } from '../../../design/Field.tsx';
import { formatDateTime, formatRelative } from '../../../design/format.ts';
import { LoadingState } from '../../../design/Spinner.tsx';
import { Textarea } from '../../../design/Textarea.tsx';
import { useToast } from '../../../design/Toast.tsx';

/** The discussion of a proposal, oldest first, with a box to add to it. */
export function ProposalComments({ proposal }: { proposal: Proposal }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const query = useQuery({
    queryKey: portfolioKeys.comments(proposal.id),
    queryFn: ({ signal }) => listComments(proposal.id, signal),
  });
  const post = useMutation({
    mutationFn: (text: string) => addComment(proposal.id, text),
    onSuccess: () => {
      setBody('');
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.comments(proposal.id) });
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.proposal(proposal.id) });
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.history(proposal.id) });
      showToast({ tone: 'success', title: 'Comment added', text: proposal.code });
    },
    onError: (e) => setError(describeError(e)),
  });
  const canComment = can('proposal.create') || can('portfolio.manage');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = body.trim();
    if (!text) {
      setError('Write something first.');
      return;
    }
    post.mutate(text);
  };

  return (
    <div className="stack proposal-comments">
      {query.isPending ? (
        <LoadingState label="Loading comments…" />
      ) : query.isError ? (
        <ErrorState error={query.error} title="Could not load the comments" onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState title="No comments yet" icon="✎">
          Questions and answers about the proposal appear here, oldest first.
        </EmptyState>
      ) : (
        <ol className="proposal-comment-list" aria-label="Comments, oldest first">
          {query.data.items.map((c) => (
            <li key={c.id} className="proposal-comment">
              <p className="proposal-comment__head">
                <strong>{c.authorName ?? 'Someone'}</strong>
                <time dateTime={c.createdAt} title={formatDateTime(c.createdAt)} className="subtle">
                  {formatRelative(c.createdAt)}
                </time>
              </p>
              <p className="prose">{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <Card title="Add a comment" headingLevel={2}>
          <form className="stack-sm" onSubmit={submit} noValidate aria-label="Add a comment">
            <Field label="Comment" error={error} hint="Everyone who can see the proposal can read it.">
              <Textarea
                rows={3}
                maxLength={10_000}
                value={body}
                onChange={(e) => {
                  setBody(e.target.value);
                  if (error) setError(null);
                }}
              />
            </Field>
            <div className="row">
              <Button type="submit" variant="primary" loading={post.isPending}>
                Post comment
              </Button>
            </div>
          </form>
        </Card>
      )}
    </div>
  );
}
