import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  createIssue,
  escalateIssue,
  type Issue,
  type IssueStatus,
  raidKeys,
  updateIssue,
} from '../../api/raid.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import {
  emptyIssueDraft,
  type FormErrors,
  type IssueDraft,
  issueDraftOf,
  toCreateIssue,
  toUpdateIssue,
  validateEscalation,
  validateIssue,
} from './entry-model.ts';
import {
  ISSUE_PRIORITIES,
  ISSUE_PRIORITY_LABELS,
  ISSUE_STATUS_LABELS,
  ISSUE_STATUSES,
  toOptions,
} from './raid-model.ts';
import { fieldErrorsOf, isConflict, problemText } from './raid-problems.ts';
import { useOwnerOptions, useProjectChoices } from './raid-queries.ts';

const CLOSED = new Set(['completed', 'cancelled']);

/** Log an issue (on a fixed project, or one chosen), or edit one: status, resolution, owner, due date. */
export function IssueDialog({
  issue,
  projectId: fixedProjectId,
  initialStatus,
  onClose,
}: {
  issue?: Issue | undefined;
  projectId?: string | undefined;
  /** Opened as "Resolve…": the status to start from. */
  initialStatus?: IssueStatus | undefined;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const projects = useProjectChoices();
  const [projectId, setProjectId] = useState(issue?.projectId ?? fixedProjectId ?? '');
  const [draft, setDraft] = useState<IssueDraft>(() => {
    const d = issue ? issueDraftOf(issue) : emptyIssueDraft();
    return initialStatus ? { ...d, status: initialStatus } : d;
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const owners = useOwnerOptions([draft.ownerId]);
  const set = (patch: Partial<IssueDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const resolving = draft.status === 'resolved' || draft.status === 'closed';

  const save = useMutation({
    mutationFn: async () => {
      if (!issue) return createIssue(toCreateIssue(projectId, draft));
      const body = toUpdateIssue(draft, issue);
      return body ? updateIssue(issue.id, body) : issue;
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: raidKeys.issues });
      showToast({
        tone: 'success',
        title: issue ? `${saved.code} saved` : `Issue logged: ${saved.code}`,
        text: `${saved.title} · ${ISSUE_STATUS_LABELS[saved.status]}`,
      });
      onClose();
    },
    onError: (error) => {
      if (isConflict(error)) {
        void queryClient.invalidateQueries({ queryKey: raidKeys.issues });
        setErrors({
          form: 'Someone else changed this issue meanwhile. Close and open it again to see their version.',
        });
        return;
      }
      setErrors({ ...fieldErrorsOf(error), form: problemText(error) });
    },
  });

  const submit = () => {
    const found = validateIssue(draft);
    if (!projectId) found.projectId = 'Choose the project.';
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={issue ? `${issue.code} ${issue.title}` : 'Log an issue'}
      description={
        issue
          ? `${issue.projectCode} ${issue.projectName}`
          : 'Something that is happening now and needs action.'
      }
      onSubmit={submit}
      {...(initialStatus ? { initialFocusSelector: 'textarea[data-resolution]' } : {})}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {issue ? (initialStatus === 'resolved' ? 'Resolve issue' : 'Save issue') : 'Log issue'}
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && (
          <Alert tone="error" title="Not saved">
            {errors.form}
          </Alert>
        )}
        <div className="grid-2">
          {!issue && (
            <Field label="Project" required error={errors.projectId}>
              <Select
                value={projectId}
                disabled={Boolean(fixedProjectId)}
                placeholder={projects.isPending ? 'Loading projects…' : 'Choose a project'}
                options={(projects.data ?? [])
                  .filter((p) => !CLOSED.has(p.status) || p.id === projectId)
                  .map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
                onChange={(e) => setProjectId(e.target.value)}
              />
            </Field>
          )}
          <Field label="Title" required error={errors.title} {...(issue ? { className: 'span-all' } : {})}>
            <Input value={draft.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />
          </Field>
          <Field label="Priority" error={errors.priority}>
            <Select
              value={draft.priority}
              options={toOptions(ISSUE_PRIORITIES, ISSUE_PRIORITY_LABELS)}
              onChange={(e) => set({ priority: e.target.value as IssueDraft['priority'] })}
            />
          </Field>
          <Field label="Owner" error={errors.ownerId}>
            <Select
              value={draft.ownerId}
              placeholder="Nobody yet"
              options={owners}
              onChange={(e) => set({ ownerId: e.target.value })}
            />
          </Field>
          <Field label="Due date" error={errors.dueDate}>
            <Input type="date" value={draft.dueDate} onChange={(e) => set({ dueDate: e.target.value })} />
          </Field>
          {issue && (
            <Field label="Status" error={errors.status}>
              <Select
                value={draft.status}
                options={toOptions(ISSUE_STATUSES, ISSUE_STATUS_LABELS)}
                onChange={(e) => set({ status: e.target.value as IssueStatus })}
              />
            </Field>
          )}
        </div>
        <Field label="Description" error={errors.description}>
          <Textarea
            rows={3}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </Field>
        {issue && (
          <Field
            label="Resolution"
            required={resolving}
            hint="How it was resolved; needed to resolve or close the issue."
            error={errors.resolution}
          >
            <Textarea
              data-resolution
              rows={3}
              value={draft.resolution}
              maxLength={5000}
              onChange={(e) => set({ resolution: e.target.value })}
            />
          </Field>
        )}
      </div>
    </Dialog>
  );
}

/** Raise an issue to its portfolio, with the reason the portfolio needs to act. */
export function EscalateDialog({ issue, onClose }: { issue: Issue; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => escalateIssue(issue.id, { version: issue.version, reason: reason.trim() }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: raidKeys.issues });
      showToast({
        tone: 'success',
        title: `${saved.code} escalated`,
        text: 'It now shows under the issues escalated to portfolios.',
      });
      onClose();
    },
    onError: (e) => {
      if (isConflict(e)) void queryClient.invalidateQueries({ queryKey: raidKeys.issues });
      setError(
        isConflict(e) ? 'Someone else changed this issue meanwhile. Close and try again.' : problemText(e),
      );
    },
  });
  const [reasonError, setReasonError] = useState<string | null>(null);
  const submit = () => {
    const problem = validateEscalation(reason);
    setReasonError(problem);
    if (!problem) save.mutate();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Escalate ${issue.code}`}
      description={`${issue.title} — ${issue.projectCode} ${issue.projectName}. The portfolio sees it with your reason.`}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Escalate to the portfolio
          </Button>
        </>
      }
    >
      <div className="stack">
        {error && (
          <Alert tone="error" title="Not escalated">
            {error}
          </Alert>
        )}
        <Field label="Reason" required error={reasonError} hint="What the portfolio needs to decide or do.">
          <Textarea rows={4} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
