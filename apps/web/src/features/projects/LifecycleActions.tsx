import type { ProjectStatus } from '@baton/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiProblem } from '../../api/client.ts';
import { projectKeys, transitionProject } from '../../api/projects.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Button, type ButtonVariant } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';

function actionLabel(from: ProjectStatus, to: ProjectStatus): string {
  switch (to) {
    case 'approved':
      return 'Approve';
    case 'active':
      return from === 'on_hold' ? 'Resume' : 'Start';
    case 'on_hold':
      return 'Put on hold';
    case 'completed':
      return 'Complete';
    case 'cancelled':
      return 'Cancel project';
    default:
      return to;
  }
}

function doneMessage(from: ProjectStatus, to: ProjectStatus): string {
  const verb: Record<ProjectStatus, string> = {
    proposed: 'proposed',
    approved: 'approved',
    active: from === 'on_hold' ? 'resumed' : 'started',
    on_hold: 'put on hold',
    completed: 'completed',
    cancelled: 'cancelled',
  };
  return `Project ${verb[to]}`;
}

function variantOf(to: ProjectStatus): ButtonVariant {
  if (to === 'cancelled') return 'ghost';
  if (to === 'approved' || to === 'active' || to === 'completed') return 'primary';
  return 'secondary';
}

/** Buttons for the statuses this project may move to next; cancelling asks for a reason. */
export function LifecycleActions({ project }: { project: Project }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [cancelOpen, setCancelOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const move = useMutation({
    mutationFn: (args: { to: ProjectStatus; reason: string | null }) =>
      transitionProject(project.id, { version: project.version, to: args.to, reason: args.reason }),
    onSuccess: (p, args) => {
      queryClient.setQueryData(projectKeys.detail(p.id), p);
      void queryClient.invalidateQueries({ queryKey: projectKeys.all, refetchType: 'none' });
      setCancelOpen(false);
      setReason('');
      showToast({
        tone: 'success',
        title: doneMessage(project.status, args.to),
        text: `${p.code} · ${p.name}`,
      });
    },
    onError: async (error) => {
      if (isApiProblem(error, 409)) {
        await queryClient.invalidateQueries({ queryKey: projectKeys.detail(project.id) });
        showToast({
          tone: 'error',
          title: 'The project changed meanwhile',
          text: 'It has been reloaded; check it and try again.',
        });
        setCancelOpen(false);
        return;
      }
      if (isApiProblem(error) && error.messageFor('statusReason')) {
        setReasonError(error.messageFor('statusReason') ?? null);
        return;
      }
      showToast({ tone: 'error', title: 'Could not change the status', text: describeError(error) });
    },
  });

  if (!(can('project.update') || can('project.approve')) || project.nextStatuses.length === 0) return null;
  const ordered = [...project.nextStatuses].sort((a, b) =>
    a === 'cancelled' ? 1 : b === 'cancelled' ? -1 : 0,
  );

  return (
    <>
      {ordered.map((to) => (
        <Button
          key={to}
          variant={variantOf(to)}
          loading={move.isPending && move.variables?.to === to}
          disabled={move.isPending}
          onClick={() => {
            if (to === 'cancelled') {
              setReasonError(null);
              setCancelOpen(true);
            } else move.mutate({ to, reason: null });
          }}
        >
          {actionLabel(project.status, to)}
        </Button>
      ))}
      <Dialog
        open={cancelOpen}
        onClose={() => setCancelOpen(false)}
        title={`Cancel ${project.code}?`}
        description="Cancelling is final: a cancelled project cannot be reopened. The reason is kept in the project’s history."
        onSubmit={() => {
          if (!reason.trim()) {
            setReasonError('Say why the project is cancelled.');
            return;
          }
          move.mutate({ to: 'cancelled', reason: reason.trim() });
        }}
        footer={
          <>
            <Button onClick={() => setCancelOpen(false)}>Keep project</Button>
            <Button type="submit" variant="danger" loading={move.isPending}>
              Cancel project
            </Button>
          </>
        }
      >
        <Field label="Reason" required error={reasonError}>
          <Textarea value={reason} rows={4} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </Dialog>
    </>
  );
}
