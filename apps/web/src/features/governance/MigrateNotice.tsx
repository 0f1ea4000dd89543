import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  governanceKeys,
  type LifecycleTemplate,
  listTemplates,
  migrateLifecycle,
  type ProjectLifecycle,
} from '../../api/governance.ts';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { activePhase, gateModeOf, migrationPreview } from './lifecycle-model.ts';
import { useLifecycleChange } from './use-lifecycle-change.ts';

function MigrateDialog({
  lifecycle,
  newerVersion,
  onClose,
}: {
  lifecycle: ProjectLifecycle;
  newerVersion: number;
  onClose: () => void;
}) {
  const current = lifecycle.template;
  const versions = useQuery({
    queryKey: governanceKeys.templates({ all: true }),
    queryFn: ({ signal }) => listTemplates({ all: true }, signal),
  });
  const target: LifecycleTemplate | undefined = versions.data?.items.find(
    (t) => t.key === current.key && t.templateVersion === newerVersion,
  );
  const migrate = useLifecycleChange(
    lifecycle.projectId,
    (templateId: string) => migrateLifecycle(lifecycle.projectId, { version: lifecycle.version, templateId }),
    {
      failure: 'The lifecycle was not migrated',
      success: () => `Now following ${current.name} v${newerVersion}`,
    },
  );
  const preview = target ? migrationPreview(current.phases, target.phases) : null;
  const underReview = activePhase(lifecycle);
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Migrate to ${current.name} v${newerVersion}?`}
      description={`The project follows v${current.templateVersion} now.`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={!target}
            loading={migrate.isPending}
            onClick={() => target && migrate.mutate(target.id, { onSuccess: onClose })}
          >
            Migrate to v{newerVersion}
          </Button>
        </>
      }
    >
      {versions.isPending ? (
        <LoadingState label="Loading the new version…" />
      ) : versions.isError ? (
        <ErrorState
          error={versions.error}
          title="Could not load the new version"
          onRetry={() => versions.refetch()}
        />
      ) : !preview ? (
        <Alert tone="error" title="The new version was not found">
          It may apply to another part of the organisation.
        </Alert>
      ) : (
        <div className="stack">
          <p>
            Phases with the same key keep their progress and the checklist items that still exist; the phase
            in progress stays in progress if it remains.
          </p>
          {underReview && gateModeOf(underReview) === 'submitted' && (
            <Alert tone="warning" title={`The ${underReview.gate.name} is under review`}>
              Migrating opens the gate again: it will need to be submitted for review once more.
            </Alert>
          )}
          <dl className="b-dl b-dl--single">
            <div>
              <dt>Kept</dt>
              <dd>{preview.kept.length ? preview.kept.join(', ') : 'None'}</dd>
            </div>
            <div>
              <dt>New in v{newerVersion}</dt>
              <dd>{preview.added.length ? preview.added.join(', ') : 'None'}</dd>
            </div>
            <div>
              <dt>Dropped, with their checklists</dt>
              <dd>{preview.dropped.length ? preview.dropped.join(', ') : 'None'}</dd>
            </div>
          </dl>
        </div>
      )}
    </Dialog>
  );
}

/** "A newer version is available": migrating is a choice, made on purpose. */
export function MigrateNotice({ lifecycle }: { lifecycle: ProjectLifecycle }) {
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const newer = lifecycle.newerVersion;
  // A project stopped at a gate has nothing left to migrate.
  if (newer === null || gateModeOf(activePhase(lifecycle)) === 'stopped') return null;
  return (
    <>
      <Alert tone="warning" title={`Newer version v${newer} available`}>
        <div className="row-between">
          <span>
            {lifecycle.template.name} v{newer} was published; this project keeps v
            {lifecycle.template.templateVersion} until it is migrated.
          </span>
          {can('project.update') && (
            <Button size="sm" onClick={() => setOpen(true)}>
              Migrate…
            </Button>
          )}
        </div>
      </Alert>
      {open && <MigrateDialog lifecycle={lifecycle} newerVersion={newer} onClose={() => setOpen(false)} />}
    </>
  );
}
