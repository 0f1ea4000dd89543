import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { exportFileName } from '../../api/exports.ts';
import {
  listStakeholders,
  type Stakeholder,
  stakeholderKeys,
  updateStakeholder,
} from '../../api/stakeholders.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { useToast } from '../../design/Toast.tsx';
import { problemText } from '../raid/raid-problems.ts';
import { StakeholderDialog } from './StakeholderDialog.tsx';
import { StakeholderGrid } from './StakeholderGrid.tsx';
import { StakeholderLinkDialog } from './StakeholderLinkDialog.tsx';
import { StakeholderTable } from './StakeholderTable.tsx';
import { stakeholderExportColumns, stakeholderExportRow } from './stakeholder-export.ts';
import { withoutProject } from './stakeholder-model.ts';
import './stakeholders.css';

/** A project's stakeholders: on the power/interest grid and in a table; add, create, unlink. */
export function ProjectStakeholdersTab({ project }: { project: Project }) {
  const { can } = useSession();
  const mayEdit = can('project.update');
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const params = { projectId: project.id };
  const list = useQuery({
    queryKey: stakeholderKeys.list(params),
    queryFn: ({ signal }) => listStakeholders(params, signal),
  });
  const [editing, setEditing] = useState<Stakeholder | 'new' | null>(null);
  const [linking, setLinking] = useState(false);
  const unlink = useMutation({
    mutationFn: (s: Stakeholder) => updateStakeholder(s.id, withoutProject(s, project.id)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: stakeholderKeys.all });
      showToast({
        tone: 'success',
        title: 'Removed from the project',
        text: `${saved.name} stays in the register.`,
      });
    },
    onError: (e) => showToast({ tone: 'error', title: 'Could not remove', text: problemText(e) }),
  });
  const items = list.data?.items ?? [];
  const actions = mayEdit ? (
    <>
      <Button size="sm" onClick={() => setLinking(true)}>
        Add from register
      </Button>
      <Button size="sm" variant="primary" onClick={() => setEditing('new')}>
        <span aria-hidden="true">+</span> New stakeholder
      </Button>
    </>
  ) : null;
  return (
    <div className="stack">
      {list.isPending ? (
        <LoadingState label="Loading stakeholders…" />
      ) : list.isError ? (
        <ErrorState
          error={list.error}
          title="Could not load the stakeholders"
          onRetry={() => list.refetch()}
        />
      ) : items.length === 0 ? (
        <Card title="Stakeholders" actions={actions}>
          <EmptyState title="No stakeholders on this project yet">
            Add the sponsor, the regulators and the people the change touches — from the shared register or
            new.
          </EmptyState>
        </Card>
      ) : (
        <>
          <Card
            title="Power/interest grid"
            description={`The ${items.length} stakeholder${items.length === 1 ? '' : 's'} of ${project.code}; choose a dot to open one.`}
          >
            <StakeholderGrid
              stakeholders={items}
              onOpen={setEditing}
              caption={`Stakeholders of ${project.code} by influence (rows, highest first) and interest (columns)`}
            />
          </Card>
          <Card
            flush
            title="Stakeholders"
            description="Shared with other projects where the count says so; removing one here keeps it in the register."
            actions={
              <>
                <ExportButtons
                  fileName={exportFileName(`stakeholders-${project.code}`)}
                  what={`stakeholders of ${project.code}`}
                  columns={stakeholderExportColumns()}
                  rows={items.map(stakeholderExportRow)}
                />
                {actions}
              </>
            }
          >
            <StakeholderTable
              items={items}
              caption={`Stakeholders of ${project.code}, by name`}
              onOpen={setEditing}
              actions={
                mayEdit
                  ? (s) => (
                      <>
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => setEditing(s)}
                          aria-label={`Edit ${s.name}`}
                        >
                          Edit
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          loading={unlink.isPending && unlink.variables?.id === s.id}
                          onClick={() => unlink.mutate(s)}
                          aria-label={`Remove ${s.name} from ${project.code}`}
                        >
                          Remove
                        </Button>
                      </>
                    )
                  : undefined
              }
            />
          </Card>
        </>
      )}
      {editing && (
        <StakeholderDialog
          stakeholder={editing === 'new' ? null : editing}
          projectId={project.id}
          readOnly={!mayEdit}
          onClose={() => setEditing(null)}
        />
      )}
      {linking && <StakeholderLinkDialog project={project} onClose={() => setLinking(false)} />}
    </div>
  );
}
