import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type Issue,
  listIssues,
  listRaidEntries,
  listRisks,
  type RaidEntry,
  type RaidEntryKind,
  raidKeys,
} from '../../api/raid.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDate } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { DUE_LABELS } from './entry-model.ts';
import { IssueDialog } from './IssueDialogs.tsx';
import { type IssueAction, IssueActionDialog, IssueTable } from './IssueTable.tsx';
import { NewRiskDialog } from './NewRiskDialog.tsx';
import { RaidEntryDialog } from './RaidEntryDialog.tsx';
import { RiskTable } from './RiskTable.tsx';
import {
  ENTRY_KIND_LABELS,
  ENTRY_KINDS,
  ENTRY_STATUS_LABELS,
  ENTRY_STATUS_TONES,
  plural,
} from './raid-model.ts';
import { useRiskMatrix } from './raid-queries.ts';
import './raid.css';

const ADD_LABELS: Record<RaidEntryKind, string> = {
  assumption: 'New assumption',
  decision: 'New decision',
  dependency: 'New dependency',
};

function RisksSection({ project, mayEdit }: { project: Project; mayEdit: boolean }) {
  const matrix = useRiskMatrix();
  const params = { projectId: project.id };
  const list = useQuery({
    queryKey: raidKeys.riskList(params),
    queryFn: ({ signal }) => listRisks(params, signal),
  });
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];
  const shared = items.filter((r) => r.scope !== 'project').length;
  return (
    <Card
      flush
      title="Risks"
      description={
        list.data
          ? `${plural(items.length - shared, 'own risk')} and ${plural(shared, 'shared risk')} linked from a portfolio or org unit.`
          : 'The project’s own risks and the shared risks linked to it.'
      }
      actions={
        <>
          <Link to={`/risks?projectId=${project.id}`} className="raid-note">
            Open in the register
          </Link>
          {mayEdit && matrix.data && (
            <Button size="sm" variant="primary" onClick={() => setCreating(true)}>
              <span aria-hidden="true">+</span> New risk
            </Button>
          )}
        </>
      }
    >
      {list.isPending || matrix.isPending ? (
        <LoadingState label="Loading risks…" />
      ) : list.isError || matrix.isError ? (
        <ErrorState
          error={list.error ?? matrix.error}
          title="Could not load the risks"
          onRetry={() => {
            void list.refetch();
            void matrix.refetch();
          }}
        />
      ) : items.length === 0 ? (
        <EmptyState title="No risks yet">Raise the uncertainties that could affect this project.</EmptyState>
      ) : (
        <RiskTable
          items={items}
          matrix={matrix.data}
          caption={`Risks of ${project.code}, highest score first`}
          showWhere={false}
          projectId={project.id}
        />
      )}
      {creating && matrix.data && (
        <NewRiskDialog matrix={matrix.data} fixedProjectId={project.id} onClose={() => setCreating(false)} />
      )}
    </Card>
  );
}

function IssuesSection({ project, mayEdit }: { project: Project; mayEdit: boolean }) {
  const params = { projectId: project.id };
  const list = useQuery({
    queryKey: raidKeys.issueList(params),
    queryFn: ({ signal }) => listIssues(params, signal),
  });
  const [action, setAction] = useState<IssueAction | null>(null);
  const [logging, setLogging] = useState(false);
  const items: Issue[] = list.data?.items ?? [];
  const open = items.filter((i) => i.status === 'open' || i.status === 'in_progress').length;
  return (
    <Card
      flush
      title="Issues"
      description={
        list.data ? `${plural(open, 'open issue')} of ${items.length}.` : 'What is going wrong now.'
      }
      actions={
        mayEdit ? (
          <Button size="sm" variant="primary" onClick={() => setLogging(true)}>
            <span aria-hidden="true">+</span> Log an issue
          </Button>
        ) : null
      }
    >
      {list.isPending ? (
        <LoadingState label="Loading issues…" />
      ) : list.isError ? (
        <ErrorState error={list.error} title="Could not load the issues" onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No issues">
          Log problems as they happen; escalate those the portfolio must act on.
        </EmptyState>
      ) : (
        <IssueTable
          items={items}
          caption={`Issues of ${project.code}`}
          showProject={false}
          onAction={mayEdit ? setAction : undefined}
        />
      )}
      {action && <IssueActionDialog action={action} onClose={() => setAction(null)} />}
      {logging && <IssueDialog projectId={project.id} onClose={() => setLogging(false)} />}
    </Card>
  );
}

function EntryDetails({ entry }: { entry: RaidEntry }) {
  if (entry.kind === 'decision')
    return (
      <>
        {entry.decidedOn || entry.decidedBy ? (
          <span>
            {[entry.decidedBy, entry.decidedOn ? formatDate(entry.decidedOn) : null]
              .filter(Boolean)
              .join(', ')}
          </span>
        ) : (
          <span className="subtle">Not recorded</span>
        )}
        {entry.rationale && <span className="cell-secondary raid-reason">{entry.rationale}</span>}
      </>
    );
  if (entry.kind === 'dependency')
    return entry.dependsOnProjectId ? (
      <Link to={`/projects/${entry.dependsOnProjectId}?tab=raid`} className="mono">
        {entry.dependsOnProjectCode ?? 'Project'}
      </Link>
    ) : entry.externalParty ? (
      <span>{entry.externalParty}</span>
    ) : (
      <span className="subtle">Not said</span>
    );
  return null;
}

function EntrySection({
  project,
  kind,
  items,
  mayEdit,
  onAdd,
  onEdit,
}: {
  project: Project;
  kind: RaidEntryKind;
  items: readonly RaidEntry[];
  mayEdit: boolean;
  onAdd: () => void;
  onEdit: (e: RaidEntry) => void;
}) {
  const labels = ENTRY_KIND_LABELS[kind];
  const detailHeading = kind === 'decision' ? 'Decided' : kind === 'dependency' ? 'Depends on' : null;
  return (
    <Card
      flush={items.length > 0}
      title={labels.many}
      description={
        items.length > 0
          ? plural(items.length, labels.one.toLowerCase(), labels.many.toLowerCase())
          : undefined
      }
      actions={
        mayEdit ? (
          <Button size="sm" onClick={onAdd}>
            <span aria-hidden="true">+</span> {ADD_LABELS[kind]}
          </Button>
        ) : null
      }
    >
      {items.length === 0 ? (
        <EmptyState title={`No ${labels.many.toLowerCase()}`}>
          Nothing recorded for {project.code} yet.
        </EmptyState>
      ) : (
        <Table>
          <caption className="visually-hidden">
            {labels.many} of {project.code}
          </caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">{labels.one}</th>
              {detailHeading && <th scope="col">{detailHeading}</th>}
              <th scope="col">Owner</th>
              <th scope="col">{DUE_LABELS[kind]}</th>
              <th scope="col">Status</th>
              {mayEdit && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td className="nowrap mono">{e.code}</td>
                <td className="raid-table__title">
                  <span className="cell-name__link">{e.title}</span>
                  {e.description && <span className="cell-sub">{e.description}</span>}
                </td>
                {detailHeading && (
                  <td>
                    <EntryDetails entry={e} />
                  </td>
                )}
                <td>{e.ownerName ?? <span className="subtle">Unassigned</span>}</td>
                <td className="nowrap">{formatDate(e.dueDate)}</td>
                <td>
                  <Badge tone={ENTRY_STATUS_TONES[e.status]}>{ENTRY_STATUS_LABELS[e.status]}</Badge>
                </td>
                {mayEdit && (
                  <td className="num">
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Edit ${e.code} ${e.title}`}
                      onClick={() => onEdit(e)}
                    >
                      Edit
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

/** A project's RAID log: risks (own and shared), issues, assumptions, decisions and dependencies. */
export function ProjectRaidTab({ project }: { project: Project }) {
  const { can } = useSession();
  const mayEdit = can('project.update') && project.status !== 'cancelled';
  const params = { projectId: project.id };
  const entries = useQuery({
    queryKey: raidKeys.entryList(params),
    queryFn: ({ signal }) => listRaidEntries(params, signal),
  });
  const [editing, setEditing] = useState<{ kind: RaidEntryKind; entry?: RaidEntry } | null>(null);
  return (
    <div className="stack">
      <RisksSection project={project} mayEdit={mayEdit} />
      <IssuesSection project={project} mayEdit={mayEdit} />
      {entries.isPending ? (
        <Card>
          <LoadingState label="Loading assumptions, decisions and dependencies…" />
        </Card>
      ) : entries.isError ? (
        <Card>
          <ErrorState
            error={entries.error}
            title="Could not load the assumptions, decisions and dependencies"
            onRetry={() => entries.refetch()}
          />
        </Card>
      ) : (
        ENTRY_KINDS.map((kind) => (
          <EntrySection
            key={kind}
            project={project}
            kind={kind}
            items={entries.data.items.filter((e) => e.kind === kind)}
            mayEdit={mayEdit}
            onAdd={() => setEditing({ kind })}
            onEdit={(entry) => setEditing({ kind, entry })}
          />
        ))
      )}
      {editing && (
        <RaidEntryDialog
          projectId={project.id}
          kind={editing.kind}
          entry={editing.entry}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
