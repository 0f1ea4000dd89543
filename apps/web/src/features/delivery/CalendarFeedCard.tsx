import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type CalendarFeedCreated,
  calendarFeedKey,
  createCalendarFeed,
  getCalendarFeed,
  revokeCalendarFeed,
} from '../../api/calendar.ts';
import { describeError } from '../../api/client.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDateTime } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { useToast } from '../../design/Toast.tsx';

/** The feed URL as a calendar app needs it: absolute, on this server when no public URL is configured. */
const absolute = (c: CalendarFeedCreated) =>
  c.url.startsWith('http') ? c.url : `${window.location.origin}${c.path}`;

/** On the account page: create, rotate or revoke the secret URL of the user's milestone calendar. */
export function CalendarFeedCard() {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const state = useQuery({ queryKey: calendarFeedKey, queryFn: ({ signal }) => getCalendarFeed(signal) });
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: calendarFeedKey });

  const create = useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: (c) => {
      setCreated(absolute(c));
      setCopied(false);
      void refresh();
    },
    onError: (e) => showToast({ tone: 'error', title: 'Could not create the feed', text: describeError(e) }),
  });
  const revoke = useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => {
      setCreated(null);
      setConfirmRevoke(false);
      showToast({ tone: 'success', title: 'Calendar feed revoked', text: 'Its URL no longer works.' });
      void refresh();
    },
    onError: (e) => showToast({ tone: 'error', title: 'Could not revoke the feed', text: describeError(e) }),
  });
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created);
      setCopied(true);
    } catch {
      showToast({ tone: 'error', title: 'Copy failed', text: 'Select the URL and copy it by hand.' });
    }
  };

  const exists = state.data?.exists ?? false;
  return (
    <Card
      title="Calendar feed"
      description="The milestones of the projects you may see (3 months back, 12 ahead) in your calendar app, as an iCalendar subscription. Anyone with the URL can read the feed: keep it private."
    >
      <div className="stack">
        {created && (
          <Alert tone="warning" title="Copy your feed URL now">
            <p>
              Baton shows it only this once. Subscribe to it in Outlook, Google Calendar or Apple Calendar.
            </p>
            <div className="token-box">
              <code data-testid="calendar-feed-url">{created}</code>
              <Button onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>
              <Button variant="ghost" onClick={() => setCreated(null)}>
                Done
              </Button>
            </div>
          </Alert>
        )}
        {state.isPending ? (
          <LoadingState />
        ) : state.isError ? (
          <ErrorState error={state.error} onRetry={() => state.refetch()} />
        ) : state.data.exists ? (
          <p>
            Your feed has been active since {formatDateTime(state.data.createdAt ?? '')}. A new URL stops the
            old one working.
          </p>
        ) : (
          <p className="subtle">You have no calendar feed.</p>
        )}
        {state.isSuccess && (
          <div className="row">
            <Button
              variant={exists ? 'secondary' : 'primary'}
              onClick={() => create.mutate()}
              disabled={create.isPending}
            >
              {exists ? 'New URL' : 'Create feed URL'}
            </Button>
            {exists && (
              <Button variant="ghost" onClick={() => setConfirmRevoke(true)}>
                Revoke
              </Button>
            )}
          </div>
        )}
      </div>
      <Dialog
        open={confirmRevoke}
        onClose={() => setConfirmRevoke(false)}
        title="Revoke the calendar feed?"
        description="Calendars subscribed to it stop receiving milestones."
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirmRevoke(false)}>
              Cancel
            </Button>
            <Button variant="danger" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
              Revoke
            </Button>
          </>
        }
      />
    </Card>
  );
}
