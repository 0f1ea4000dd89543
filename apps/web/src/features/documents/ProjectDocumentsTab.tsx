import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiProblem } from '../../api/client.ts';
import { documentKeys, listProjectDocuments } from '../../api/documents.ts';
import { fetchLifecycle, governanceKeys } from '../../api/governance.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Button, ButtonLink } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import {
  DeleteDocumentDialog,
  NewVersionDialog,
  UploadDocumentDialog,
  VersionHistoryDialog,
} from './DocumentDialogs.tsx';
import { type DocumentAction, DocumentActions, DocumentTable } from './DocumentTable.tsx';
import { deliverableLabel, deliverableOptions } from './document-model.ts';
import './documents.css';

type Open = { kind: 'upload' } | DocumentAction | null;

/** A project's documents: upload, new versions, history, downloads; each may evidence a gate deliverable. */
export function ProjectDocumentsTab({ project }: { project: Project }) {
  const { can } = useSession();
  const canEdit = can('project.update');
  const [open, setOpen] = useState<Open>(null);
  const docs = useQuery({
    queryKey: documentKeys.project(project.id),
    queryFn: ({ signal }) => listProjectDocuments(project.id, signal),
  });
  // The same query as the Lifecycle tab; a project without a lifecycle answers 404.
  const lifecycle = useQuery({
    queryKey: governanceKeys.lifecycle(project.id),
    queryFn: ({ signal }) => fetchLifecycle(project.id, signal),
  });
  const phases = lifecycle.data ?? null;
  const deliverables = deliverableOptions(phases);
  const noLifecycle = isApiProblem(lifecycle.error, 404);

  return (
    <div className="stack">
      <Card
        flush
        title="Documents"
        description={
          noLifecycle
            ? 'Charters, plans, reports and deliverables, each with its versions.'
            : 'Charters, plans, reports and deliverables, each with its versions. Link a document to a gate deliverable so the gate review sees it.'
        }
        actions={
          <>
            <ButtonLink size="sm" to="/documents">
              Templates
            </ButtonLink>
            {canEdit && (
              <Button size="sm" variant="primary" onClick={() => setOpen({ kind: 'upload' })}>
                <span aria-hidden="true">+</span> Upload document
              </Button>
            )}
          </>
        }
      >
        {docs.isPending ? (
          <LoadingState label="Loading documents…" />
        ) : docs.isError ? (
          <ErrorState
            error={docs.error}
            title="Could not load the documents"
            onRetry={() => docs.refetch()}
          />
        ) : docs.data.items.length === 0 ? (
          <EmptyState title="No documents yet">
            Upload the charter, business case and other deliverables; the Clearinghouse has templates to start
            from.
          </EmptyState>
        ) : (
          <DocumentTable
            items={docs.data.items}
            caption={`Documents of ${project.code}`}
            columns={{ deliverable: (d) => deliverableLabel(phases, d.phaseKey, d.deliverableKey) }}
            actions={(doc) => <DocumentActions doc={doc} mayEdit={canEdit} onOpen={setOpen} />}
          />
        )}
      </Card>
      {open?.kind === 'upload' && (
        <UploadDocumentDialog
          target={{ kind: 'project', projectId: project.id, deliverables }}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'version' && <NewVersionDialog doc={open.doc} onClose={() => setOpen(null)} />}
      {open?.kind === 'history' && <VersionHistoryDialog doc={open.doc} onClose={() => setOpen(null)} />}
      {open?.kind === 'delete' && <DeleteDocumentDialog doc={open.doc} onClose={() => setOpen(null)} />}
    </div>
  );
}
