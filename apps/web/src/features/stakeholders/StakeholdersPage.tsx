import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { exportFileName } from '../../api/exports.ts';
import { listStakeholders, type Stakeholder, stakeholderKeys } from '../../api/stakeholders.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { TabPanel, Tabs } from '../../design/Tabs.tsx';
import { StakeholderDeleteDialog } from './StakeholderDeleteDialog.tsx';
import { StakeholderDialog } from './StakeholderDialog.tsx';
import { StakeholderFilters } from './StakeholderFilters.tsx';
import { StakeholderGrid } from './StakeholderGrid.tsx';
import { StakeholderTable } from './StakeholderTable.tsx';
import { StakeholderTouches } from './StakeholderTouches.tsx';
import { stakeholderExportColumns, stakeholderExportRow } from './stakeholder-export.ts';
import {
  hasStakeholderFilters,
  readStakeholderSearch,
  STAKEHOLDER_VIEWS,
  type StakeholderSearch,
  type StakeholderView,
  toStakeholderQuery,
  VIEW_LABELS,
  writeStakeholderSearch,
} from './stakeholder-model.ts';
import './stakeholders.css';

/**
 * The portfolio-wide stakeholder register: everyone with a stake in the projects the user may see,
 * as a table, on the power/interest grid, or by how many projects touch them. Filters and the view
 * live in the URL.
 */
export function StakeholdersPage() {
  const { can } = useSession();
  const mayEdit = can('project.update');
  const [params, setParams] = useSearchParams();
  const search = readStakeholderSearch(params);
  const query = toStakeholderQuery(search);
  const list = useQuery({
    queryKey: stakeholderKeys.list(query),
    queryFn: ({ signal }) => listStakeholders(query, signal),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<Stakeholder | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Stakeholder | null>(null);
  const change = useCallback(
    (c: Partial<StakeholderSearch>) => setParams((p) => writeStakeholderSearch(p, c), { replace: true }),
    [setParams],
  );
  const items = list.data?.items ?? [];
  const filtered = hasStakeholderFilters(search);
  const count = `${items.length} stakeholder${items.length === 1 ? '' : 's'}`;

  const body = () => {
    if (list.isPending) return <LoadingState label="Loading stakeholders…" />;
    if (list.isError)
      return (
        <ErrorState
          error={list.error}
          title="Could not load the stakeholders"
          onRetry={() => list.refetch()}
        />
      );
    if (items.length === 0)
      return (
        <Card>
          <EmptyState
            title={filtered ? 'No stakeholder matches' : 'No stakeholders yet'}
            actions={
              filtered ? (
                <Button onClick={() => change({ q: '', quadrant: '', attitude: '', projectId: '' })}>
                  Clear filters
                </Button>
              ) : mayEdit ? (
                <Button variant="primary" onClick={() => setEditing('new')}>
                  Register a stakeholder
                </Button>
              ) : null
            }
          >
            {filtered
              ? 'Change or clear the filters to see more.'
              : 'Register the sponsors, regulators, unions and customers your projects answer to.'}
          </EmptyState>
        </Card>
      );
    if (search.view === 'grid')
      return (
        <Card
          title="Power/interest grid"
          description="Each dot is a stakeholder, coloured by attitude; choose one to open it. High means 4 or 5."
        >
          <StakeholderGrid
            stakeholders={items}
            onOpen={setEditing}
            quadrant={search.quadrant}
            onQuadrant={(quadrant) => change({ quadrant })}
          />
        </Card>
      );
    if (search.view === 'touches') return <StakeholderTouches stakeholders={items} onOpen={setEditing} />;
    return (
      <Card flush title="Register" description={`${count}, by name.`}>
        <StakeholderTable
          items={items}
          caption="Stakeholders, by name"
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
                      onClick={() => setDeleting(s)}
                      aria-label={`Delete ${s.name}`}
                    >
                      Delete
                    </Button>
                  </>
                )
              : undefined
          }
        />
      </Card>
    );
  };

  return (
    <div className="page">
      <PageHeader
        title="Stakeholders"
        subtitle="One register for every project: who has a stake, how much they can sway and care, and who looks after them."
        actions={
          <>
            <ExportButtons
              fileName={exportFileName('stakeholders')}
              what="stakeholders"
              columns={stakeholderExportColumns()}
              rows={items.map(stakeholderExportRow)}
              disabled={items.length === 0}
            />
            {mayEdit ? (
              <Button variant="primary" onClick={() => setEditing('new')}>
                <span aria-hidden="true">+</span> Register stakeholder
              </Button>
            ) : null}
          </>
        }
      />
      <div className="stack">
        <StakeholderFilters search={search} onChange={change} />
        <p className="subtle" aria-live="polite">
          {list.data ? `${count}${filtered ? ' match the filters' : ''}.` : ' '}
        </p>
        <Tabs<StakeholderView>
          idBase="stakeholders"
          label="Views of the register"
          items={STAKEHOLDER_VIEWS.map((id) => ({ id, label: VIEW_LABELS[id] }))}
          value={search.view}
          onChange={(view) => change({ view })}
        />
        <TabPanel idBase="stakeholders" id={search.view}>
          {body()}
        </TabPanel>
      </div>
      {editing && (
        <StakeholderDialog
          stakeholder={editing === 'new' ? null : editing}
          readOnly={!mayEdit}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && <StakeholderDeleteDialog stakeholder={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}
