import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '../../api/client.ts';
import {
  applyLevelling,
  fetchLevellingOptions,
  type LevellingOption,
  resourceKeys,
} from '../../api/resources.ts';
import { scheduleKeys } from '../../api/schedule.ts';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge, type BadgeTone } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDate } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { useToast } from '../../design/Toast.tsx';
import { formatHours } from './utilisation.ts';

const KINDS: Record<LevellingOption['action']['kind'], { label: string; tone: BadgeTone }> = {
  'delay-within-float': { label: 'Delay within float', tone: 'green' },
  'delay-beyond-float': { label: 'Delay beyond float', tone: 'amber' },
  'reassign-task': { label: 'Reassign task', tone: 'blue' },
  'reassign-allocation': { label: 'Reassign allocation', tone: 'blue' },
};

function OptionCard({
  option,
  onApply,
  canApply,
}: {
  option: LevellingOption;
  onApply: () => void;
  canApply: boolean;
}) {
  const kind = KINDS[option.action.kind];
  return (
    <article className="levelling-option" aria-label={option.summary}>
      <div className="levelling-option__head">
        <div>
          <Badge tone={kind.tone}>{kind.label}</Badge> <strong>{option.summary}</strong>
          <div className="muted">
            <span className="mono">{option.projectCode}</span> · {option.subject}
          </div>
        </div>
        {canApply && (
          <Button size="sm" onClick={onApply} aria-label={`Apply: ${option.summary}`}>
            Apply…
          </Button>
        )}
      </div>
      <dl className="levelling-option__facts">
        <div>
          <dt className="visually-hidden">Resolves</dt>
          <dd>Resolves {formatHours(option.resolvedExcessHours)} h</dd>
        </div>
        <div>
          <dt className="visually-hidden">Remaining</dt>
          <dd>{formatHours(option.remainingExcessHours)} h remain</dd>
        </div>
        {option.finishChanges.length === 0 ? (
          <div>
            <dt className="visually-hidden">Finish dates</dt>
            <dd>No finish date moves</dd>
          </div>
        ) : (
          option.finishChanges.map((f) => (
            <div key={f.projectId}>
              <dt className="visually-hidden">Finish of {f.projectCode}</dt>
              <dd>
                {f.projectCode} finish {formatDate(f.finishBefore)} → {formatDate(f.finishAfter)}
                {f.slipWorkingDays > 0 ? ` (+${f.slipWorkingDays} working days)` : ''}
              </dd>
            </div>
          ))
        )}
      </dl>
    </article>
  );
}

/** The ways to resolve one over-allocation, and applying one after a confirmation. */
export function LevellingDialog({
  resourceId,
  start,
  end,
  onClose,
}: {
  resourceId: string;
  start: string;
  end: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const { can } = useSession();
  const [confirming, setConfirming] = useState<LevellingOption | null>(null);
  const query = useQuery({
    queryKey: resourceKeys.levelling(resourceId, start, end),
    queryFn: ({ signal }) => fetchLevellingOptions(resourceId, start, end, signal),
  });
  const apply = useMutation({
    mutationFn: (o: LevellingOption) => applyLevelling(o.action),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
      void queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
      showToast({ tone: 'success', title: 'Levelling applied', text: result.summary });
      onClose();
    },
  });
  const proposal = query.data;

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={proposal ? `Resolve ${proposal.resourceName}’s over-allocation` : 'Resolve the over-allocation'}
      description={
        proposal
          ? `${formatDate(proposal.start)} – ${formatDate(proposal.end)}: ${formatHours(proposal.excessHours)} h above capacity.`
          : `${formatDate(start)} – ${formatDate(end)}`
      }
      footer={
        confirming ? (
          <>
            <Button onClick={() => setConfirming(null)} disabled={apply.isPending}>
              Back to the options
            </Button>
            <Button variant="primary" loading={apply.isPending} onClick={() => apply.mutate(confirming)}>
              Apply this change
            </Button>
          </>
        ) : (
          <Button onClick={onClose}>Close</Button>
        )
      }
    >
      {query.isPending ? (
        <LoadingState label="Working out the options…" />
      ) : query.isError ? (
        <ErrorState
          error={query.error}
          title="Could not work out the options"
          onRetry={() => query.refetch()}
        />
      ) : confirming ? (
        <div className="stack">
          <Alert tone="warning" title="Apply this change?">
            {`${confirming.summary}. It changes ${confirming.projectCode}${
              confirming.finishChanges.some((f) => f.slipWorkingDays > 0) ? ' and moves a finish date' : ''
            }; the change is recorded in the journal.`}
          </Alert>
          {apply.isError && <Alert tone="error">{describeError(apply.error)}</Alert>}
          <OptionCard option={confirming} onApply={() => undefined} canApply={false} />
        </div>
      ) : proposal && proposal.options.length === 0 ? (
        <EmptyState title="No option found">
          Nothing can be delayed or reassigned to remove this excess. Change the allocations by hand.
        </EmptyState>
      ) : (
        <section aria-label="Levelling options">
          {proposal?.options.map((o) => (
            <OptionCard
              key={`${o.action.kind}-${o.action.taskId ?? ''}-${o.action.allocationId ?? ''}-${o.action.toResourceId ?? ''}-${o.action.delayDays ?? ''}`}
              option={o}
              canApply={can('allocation.manage')}
              onApply={() => setConfirming(o)}
            />
          ))}
        </section>
      )}
    </Dialog>
  );
}
