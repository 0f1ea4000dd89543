import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type Issue, raidKeys, updateIssue } from '../../api/raid.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { PriorityIndicator } from '../../design/PriorityIndicator.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { canEscalate } from './entry-model.ts';
import { EscalateDialog, IssueDialog } from './IssueDialogs.tsx';
import { ISSUE_STATUS_LABELS, ISSUE_STATUS_TONES } from './raid-model.ts';
import { problemText } from './raid-problems.ts';

export type IssueAction = { kind: 'edit' | 'resolve' | 'escalate'; issue: Issue };

/** Issues with their priority, owner, due date and escalation; actions when the user may edit. */
export function IssueTable({
  items,
  caption,
  showProject = true,
  onAction,
}: {
  items: readonly Issue[];
  caption: string;
  showProject?: boolean;
  /** Absent when the user may not change issues. */
  onAction?: ((action: IssueAction) => void) | undefined;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const close = useMutation({
    mutationFn: (i: Issue) => updateIssue(i.id, { version: i.version, status: 'closed' }),
    onSuccess: (i) => {
      void queryClient.invalidateQueries({ queryKey: raidKeys.issues });
      showToast({ tone: 'success', title: `${i.code} closed` });
    },
    onError: (e) => {
      void queryClient.invalidateQueries({ queryKey: raidKeys.issues });
      showToast({ tone: 'error', title: 'Not closed', text: problemText(e) });
    },
  });
  return (
    <Table scrollLabel={caption}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Issue</th>
          {showProject && <th scope="col">Project</th>}
          <th scope="col">Priority</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
          <th scope="col">Escalation</th>
          {onAction && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id}>
            <td className="nowrap mono">{i.code}</td>
            <td className="raid-table__title">
              <span className="cell-name__link">{i.title}</span>
              {i.riskId && (
                <span className="cell-sub">
                  From a risk that occurred:{' '}
                  <Link to={`/risks/${i.riskId}`} className="raid-inline-link">
                    open the risk
                  </Link>
                </span>
              )}
              {i.resolution && <span className="cell-sub">Resolution: {i.resolution}</span>}
            </td>
            {showProject && (
              <td>
                <Link to={`/projects/${i.projectId}?tab=raid`} title={i.projectName}>
                  <span className="mono">{i.projectCode}</span>
                </Link>
                <span className="cell-sub">{i.projectName}</span>
              </td>
            )}
            <td className="nowrap">
              <PriorityIndicator priority={i.priority} />
            </td>
            <td>{i.ownerName ?? <span className="subtle">Unassigned</span>}</td>
            <td className="nowrap">
              {formatDate(i.dueDate)}
              {i.overdue && <span className="cell-sub raid-overdue">Overdue</span>}
            </td>
            <td>
              <Badge tone={ISSUE_STATUS_TONES[i.status]}>{ISSUE_STATUS_LABELS[i.status]}</Badge>
            </td>
            <td>
              {i.escalated ? (
                <>
                  <Badge tone="amber" dot>
                    Escalated
                  </Badge>
                  {i.escalatedAt && <span className="cell-sub">{formatDateTime(i.escalatedAt)}</span>}
                  {i.escalationReason && (
                    <span className="cell-secondary raid-reason">{i.escalationReason}</span>
                  )}
                </>
              ) : (
                <span className="subtle">Not escalated</span>
              )}
            </td>
            {onAction && (
              <td className="nowrap">
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Edit ${i.code} ${i.title}`}
                  onClick={() => onAction({ kind: 'edit', issue: i })}
                >
                  Edit
                </Button>
                {(i.status === 'open' || i.status === 'in_progress') && (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Resolve ${i.code} ${i.title}`}
                    onClick={() => onAction({ kind: 'resolve', issue: i })}
                  >
                    Resolve…
                  </Button>
                )}
                {i.status === 'resolved' && (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Close ${i.code} ${i.title}`}
                    loading={close.isPending && close.variables?.id === i.id}
                    onClick={() => close.mutate(i)}
                  >
                    Close
                  </Button>
                )}
                {canEscalate(i) && (
                  <Button
                    size="sm"
                    aria-label={`Escalate ${i.code} ${i.title}`}
                    onClick={() => onAction({ kind: 'escalate', issue: i })}
                  >
                    Escalate…
                  </Button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The dialog an issue action opens. */
export function IssueActionDialog({ action, onClose }: { action: IssueAction; onClose: () => void }) {
  return action.kind === 'escalate' ? (
    <EscalateDialog issue={action.issue} onClose={onClose} />
  ) : (
    <IssueDialog
      issue={action.issue}
      initialStatus={action.kind === 'resolve' ? 'resolved' : undefined}
      onClose={onClose}
    />
  );
}
