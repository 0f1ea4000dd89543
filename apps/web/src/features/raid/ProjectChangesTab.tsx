import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type ChangeRequest, listChangeRequests, raidKeys } from '../../api/raid.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { ChangeItemsCard } from '../configuration/ChangeItemsCard.tsx';
import { ChangeDecideDialog, ChangeRequestDialog } from './ChangeDialogs.tsx';
import { ChangeTable } from './ChangeTable.tsx';
import { formatMajor, splitQueue } from './change-model.ts';
import { plural } from './raid-model.ts';
import { useChangeThresholds } from './raid-queries.ts';
import './raid.css';

/** A project's change requests: submit one, see where it is routed, decide those within your authority. */
export function ProjectChangesTab({ project }: { project: Project }) {
  const { can } = useSession();
  const closed = project.status === 'completed' || project.status === 'cancelled';
  const maySubmit = can('project.update') && !closed;
  const thresholds = useChangeThresholds();
  const params = { projectId: project.id };
  const list = useQuery({
    queryKey: raidKeys.changeList(params),
    queryFn: ({ signal }) => listChangeRequests(params, signal),
  });
  const [submitting, setSubmitting] = useState(false);
  const [deciding, setDeciding] = useState<ChangeRequest | null>(null);
  const { waiting, decided } = splitQueue(list.data?.items ?? []);
  const t = thresholds.data;

  return (
    <div className="stack">
      <Card
        flush
        title="Change requests"
        description={
          t
            ? `The project manager decides changes up to ${formatMajor(t.projectManagerCostLimit, project.currency)} and ${plural(t.projectManagerDaysLimit, 'day')}; larger ones go to the change board.`
            : 'Changes to scope, cost, schedule or benefits.'
        }
        actions={
          maySubmit ? (
            <Button size="sm" variant="primary" onClick={() => setSubmitting(true)}>
              <span aria-hidden="true">+</span> Submit a change
            </Button>
          ) : null
        }
      >
        {list.isPending ? (
          <LoadingState label="Loading change requests…" />
        ) : list.isError ? (
          <ErrorState
            error={list.error}
            title="Could not load the change requests"
            onRetry={() => list.refetch()}
          />
        ) : waiting.length + decided.length === 0 ? (
          <EmptyState title="No change requests">
            {closed
              ? `${project.code} is ${project.status}: it takes no more changes.`
              : 'Submit a change when scope, cost or dates need to move; approving it re-baselines the project.'}
          </EmptyState>
        ) : (
          <ChangeTable
            items={[...waiting, ...decided]}
            caption={`Change requests of ${project.code}: ${plural(waiting.length, 'waiting')}, ${plural(decided.length, 'decided', 'decided')}`}
            showProject={false}
            onDecide={setDeciding}
          />
        )}
      </Card>
      <ChangeItemsCard project={project} />
      {submitting && <ChangeRequestDialog projectId={project.id} onClose={() => setSubmitting(false)} />}
      {deciding && (
        <ChangeDecideDialog key={deciding.id} change={deciding} onClose={() => setDeciding(null)} />
      )}
    </div>
  );
}
