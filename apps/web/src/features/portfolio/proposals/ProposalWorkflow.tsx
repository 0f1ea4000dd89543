import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiProblem } from '../../../api/client.ts';
import {
  type Proposal,
  type ProposalStatus,
  portfolioKeys,
  transitionProposal,
} from '../../../api/portfolio.ts';
import { Button, type ButtonVariant } from '../../../design/Button.tsx';
import { Dialog } from '../../../design/Dialog.tsx';
import { Field } from '../../../design/Field.tsx';
import { Textarea } from '../../../design/Textarea.tsx';
import { useToast } from '../../../design/Toast.tsx';
import { PROPOSAL_STATUS_LABELS, TRANSITION_VERBS } from '../portfolio-format.ts';

/** Moves that need a reason, kept in the proposal's history. */
const NEEDS_REASON: ReadonlySet<ProposalStatus> = new Set(['rejected', 'deferred']);
/** Buttons left to right: forward moves first, the way back and rejection last. */
const ORDER: readonly ProposalStatus[] = [
  'submitted',
  'under_review',
  'approved',
  'deferred',
  'draft',
  'rejected',
];

function variantOf(to: ProposalStatus): ButtonVariant {
  if (to === 'approved' || to === 'submitted' || to === 'under_review') return 'primary';
  if (to === 'rejected') return 'danger';
  if (to === 'draft') return 'ghost';
  return 'secondary';
}

const DONE: Record<ProposalStatus, string> = {
  draft: 'Returned to draft',
  submitted: 'Proposal submitted',
  under_review: 'Review started',
  approved: 'Proposal approved',
  rejected: 'Proposal rejected',
  deferred: 'Proposal deferred',
};

/** The workflow buttons for the statuses this person may move the proposal to. */
export function ProposalWorkflow({ proposal }: { proposal: Proposal }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [asking, setAsking] = useState<ProposalStatus | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const move = useMutation({
    mutationFn: (args: { to: ProposalStatus; reason?: string }) =>
      transitionProposal(proposal.id, {
        version: proposal.version,
        to: args.to,
        ...(args.reason ? { reason: args.reason } : {}),
      }),
    onSuccess: (p, args) => {
      queryClient.setQueryData(portfolioKeys.proposal(p.id), p);
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.all, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.history(p.id) });
      setAsking(null);
      setReason('');
      showToast({ tone: 'success', title: DONE[args.to], text: `${p.code} · ${p.title}` });
    },
    onError: async (error) => {
      if (isApiProblem(error, 409)) {
        setAsking(null);
        showToast({
          tone: 'error',
          title: 'The proposal was changed by someone else',
          text: 'It has been reloaded; check it and try again.',
        });
        await queryClient.invalidateQueries({ queryKey: portfolioKeys.proposal(proposal.id) });
        return;
      }
      if (isApiProblem(error) && error.messageFor('reason')) {
        setReasonError(error.messageFor('reason') ?? null);
        return;
      }
      const details = isApiProblem(error) ? error.errors.map((e) => e.message).join(' ') : '';
      showToast({
        tone: 'error',
        title: 'Could not change the status',
        text: details ? `${details.charAt(0).toUpperCase()}${details.slice(1)}` : describeError(error),
      });
    },
  });

  if (proposal.nextStatuses.length === 0) return null;
  const ordered = ORDER.filter((s) => proposal.nextStatuses.includes(s));
  const open = (to: ProposalStatus) => {
    setReason('');
    setReasonError(null);
    setAsking(to);
  };
  const confirm = () => {
    if (!asking) return;
    if (!reason.trim()) {
      setReasonError(
        asking === 'rejected' ? 'Say why the proposal is rejected.' : 'Say why the proposal is deferred.',
      );
      return;
    }
    move.mutate({ to: asking, reason: reason.trim() });
  };

  return (
    <>
      {ordered.map((to) => (
        <Button
          key={to}
          variant={variantOf(to)}
          loading={move.isPending && move.variables?.to === to && asking === null}
          disabled={move.isPending}
          onClick={() => (NEEDS_REASON.has(to) ? open(to) : move.mutate({ to }))}
        >
          {TRANSITION_VERBS[to]}
        </Button>
      ))}
      <Dialog
        open={asking !== null}
        onClose={() => setAsking(null)}
        title={asking ? `${TRANSITION_VERBS[asking]} ${proposal.code}?` : ''}
        description={
          asking === 'rejected'
            ? 'A rejected proposal is closed for good. The reason is shown on the proposal and kept in its history.'
            : 'A deferred proposal waits for a later round; it can be reviewed or resubmitted. The reason is kept in its history.'
        }
        onSubmit={confirm}
        footer={
          <>
            <Button onClick={() => setAsking(null)} disabled={move.isPending}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={asking === 'rejected' ? 'danger' : 'primary'}
              loading={move.isPending}
            >
              {asking ? TRANSITION_VERBS[asking] : ''}
            </Button>
          </>
        }
      >
        <Field label="Reason" required error={reasonError}>
          <Textarea
            value={reason}
            rows={4}
            maxLength={2000}
            onChange={(e) => {
              setReason(e.target.value);
              if (reasonError) setReasonError(null);
            }}
          />
        </Field>
        {asking && (
          <p className="subtle proposal-dialog-note">Status after this: {PROPOSAL_STATUS_LABELS[asking]}.</p>
        )}
      </Dialog>
    </>
  );
}
