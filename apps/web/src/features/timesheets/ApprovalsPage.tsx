import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiProblem } from '../../api/client.ts';
import {
  decideTimesheet,
  listTimesheetApprovals,
  type TimesheetApprovalItem,
  timesheetKeys,
} from '../../api/resources.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { formatHours } from '../resources/utilisation.ts';
import { addDays, formatDayMonth, formatWeekday } from '../resources/week-dates.ts';
import '../resources/resources.css';

type Decision = { item: TimesheetApprovalItem; decision: 'approve' | 'reject'; reason: string | null };

function itemLabel(i: TimesheetApprovalItem): string {
  return `${i.resourceName}, week of ${formatDate(i.weekStart)}, ${i.projectCode}`;
}

function ApprovalCard({
  item,
  busy,
  onApprove,
  onReject,
}: {
  item: TimesheetApprovalItem;
  busy: boolean;
  onApprove: () => void;
  onReject: () => void;
}) {
  const entries = [...item.entries].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Card
      className="approval-item"
      headingLevel={2}
      title={`${item.resourceName} · ${formatDate(item.weekStart)} – ${formatDate(addDays(item.weekStart, 6))}`}
      description={`${item.projectCode} ${item.projectName} · ${formatHours(item.hours)} hours${item.submittedAt ? ` · submitted ${formatDateTime(item.submittedAt)}` : ''}`}
      actions={
        <>
          <Button size="sm" onClick={onReject} disabled={busy} aria-label={`Reject ${itemLabel(item)}`}>
            Reject…
          </Button>
          <Button
            size="sm"
            variant="primary"
            loading={busy}
            onClick={onApprove}
            aria-label={`Approve ${itemLabel(item)}`}
          >
            Approve
          </Button>
        </>
      }
    >
      <ul className="stack-sm" aria-label={`Entries of ${itemLabel(item)}`}>
        {entries.map((e) => (
          <li key={e.id}>
            <strong>
              {formatWeekday(e.date)} {formatDayMonth(e.date)}
            </strong>{' '}
            · {formatHours(e.hours)} h{e.taskName ? ` · ${e.taskName}` : ''}
            {e.note ? <span className="muted"> — {e.note}</span> : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Submitted hours on the projects this person manages, to approve or send back with a reason. */
export function ApprovalsPage() {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const query = useQuery({
    queryKey: timesheetKeys.approvals,
    queryFn: ({ signal }) => listTimesheetApprovals(signal),
  });
  const [rejecting, setRejecting] = useState<TimesheetApprovalItem | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (d: Decision) =>
      decideTimesheet(d.item.projectId, {
        timesheetId: d.item.timesheetId,
        version: d.item.version,
        decision: d.decision,
        reason: d.reason,
      }),
    onSuccess: (_r, d) => {
      void queryClient.invalidateQueries({ queryKey: timesheetKeys.all });
      showToast({
        tone: 'success',
        title: d.decision === 'approve' ? 'Hours approved' : 'Hours sent back',
        text: itemLabel(d.item),
      });
      setRejecting(null);
      setReason('');
    },
    onError: (e) => {
      const stale = isApiProblem(e, 409) && e.currentVersion !== undefined;
      if (isApiProblem(e, 409)) void queryClient.invalidateQueries({ queryKey: timesheetKeys.approvals });
      showToast({
        tone: 'error',
        title: 'Not recorded',
        text: stale ? 'The timesheet changed meanwhile; the list has been refreshed.' : describeError(e),
      });
    },
  });
  const items = query.data?.items ?? [];

  return (
    <div className="page page--narrow">
      <PageHeader title="Timesheet approvals" subtitle="Hours submitted on the projects you manage." />
      {query.isPending ? (
        <LoadingState label="Loading submitted hours…" />
      ) : query.isError ? (
        <ErrorState
          error={query.error}
          title="Could not load the approvals"
          onRetry={() => query.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing to approve" icon="✓">
          Submitted timesheets for your projects appear here.
        </EmptyState>
      ) : (
        <div>
          {items.map((item) => (
            <ApprovalCard
              key={`${item.timesheetId}-${item.projectId}`}
              item={item}
              busy={decide.isPending && decide.variables?.item === item}
              onApprove={() => decide.mutate({ item, decision: 'approve', reason: null })}
              onReject={() => {
                setRejecting(item);
                setReasonError(null);
              }}
            />
          ))}
        </div>
      )}
      <Dialog
        open={rejecting !== null}
        onClose={() => setRejecting(null)}
        title="Send these hours back"
        description={rejecting ? itemLabel(rejecting) : undefined}
        onSubmit={() => {
          if (!reason.trim()) return setReasonError('Say what needs to change.');
          if (rejecting) decide.mutate({ item: rejecting, decision: 'reject', reason: reason.trim() });
        }}
        footer={
          <>
            <Button onClick={() => setRejecting(null)}>Cancel</Button>
            <Button type="submit" variant="danger" loading={decide.isPending}>
              Reject hours
            </Button>
          </>
        }
      >
        <div className="stack">
          {decide.isError && <Alert tone="error">{describeError(decide.error)}</Alert>}
          <Field
            label="Reason"
            error={reasonError}
            required
            hint="The team member sees this on their timesheet."
          >
            <Textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
        </div>
      </Dialog>
    </div>
  );
}
