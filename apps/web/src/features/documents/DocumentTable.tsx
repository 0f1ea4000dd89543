import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type ClearinghouseDocument, contentUrl } from '../../api/documents.ts';
import { Button } from '../../design/Button.tsx';
import { formatDateTime } from '../../design/format.ts';
import { Table } from '../../design/Table.tsx';
import { categoryLabel, formatBytes, typeLabel } from './document-model.ts';

export type DocumentColumns = {
  /** The project a document belongs to (search results). */
  project?: boolean;
  /** The gate deliverable it evidences, labelled by the caller (a project's tab). */
  deliverable?: (doc: ClearinghouseDocument) => string | null;
  /** Where a library item applies. */
  orgUnit?: boolean;
};

/** Documents with their current version: what, which version, how big, who uploaded it and when. */
export function DocumentTable({
  items,
  caption,
  columns = {},
  actions,
}: {
  items: readonly ClearinghouseDocument[];
  caption: string;
  columns?: DocumentColumns;
  actions: (doc: ClearinghouseDocument) => ReactNode;
}) {
  return (
    <Table scrollLabel={caption} className="doc-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          {columns.project && <th scope="col">Project</th>}
          <th scope="col">Category</th>
          {columns.deliverable && <th scope="col">Gate deliverable</th>}
          {columns.orgUnit && <th scope="col">Applies to</th>}
          <th scope="col" className="num">
            Version
          </th>
          <th scope="col" className="num">
            Size
          </th>
          <th scope="col">Type</th>
          <th scope="col">Uploaded</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((doc) => (
          <tr key={doc.id}>
            <th scope="row" className="cell-name">
              {doc.title}
              <span className="cell-sub mono">
                {doc.code}
                {doc.latest ? ` · ${doc.latest.fileName}` : ''}
              </span>
            </th>
            {columns.project && (
              <td>
                {doc.projectId ? (
                  <Link to={`/projects/${doc.projectId}?tab=documents`}>
                    <span className="mono">{doc.projectCode}</span> {doc.projectName}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            )}
            <td>{categoryLabel(doc.category)}</td>
            {columns.deliverable && <td>{columns.deliverable(doc) ?? <span className="subtle">—</span>}</td>}
            {columns.orgUnit && <td>{doc.orgUnitName ?? 'The whole organisation'}</td>}
            <td className="num">v{doc.currentVersion}</td>
            <td className="num nowrap">{doc.latest ? formatBytes(doc.latest.sizeBytes) : '—'}</td>
            <td>{doc.latest ? typeLabel(doc.latest.mediaType) : '—'}</td>
            <td className="cell-secondary">
              {doc.latest ? (
                <>
                  {doc.latest.uploadedByName ?? 'Baton'}
                  <span className="cell-sub">{formatDateTime(doc.latest.uploadedAt)}</span>
                </>
              ) : (
                '—'
              )}
            </td>
            <td>
              <div className="row doc-actions">{actions(doc)}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** A link that downloads a stored file (the server sends it as an attachment). */
export function DownloadLink({
  href,
  label,
  children,
}: {
  href: string;
  label: string;
  children?: ReactNode;
}) {
  return (
    <a className="b-button b-button--ghost b-button--sm" href={href} download aria-label={label}>
      {children ?? 'Download'}
    </a>
  );
}

/** What a row's buttons open: a dialog about one document. */
export type DocumentAction = { kind: 'version' | 'history' | 'delete'; doc: ClearinghouseDocument };

/** Download and versions for everyone; a new version and delete for those who may change it. */
export function DocumentActions({
  doc,
  mayEdit,
  onOpen,
}: {
  doc: ClearinghouseDocument;
  mayEdit: boolean;
  onOpen: (action: DocumentAction) => void;
}) {
  const button = (kind: DocumentAction['kind'], text: string, label: string) => (
    <Button size="sm" variant="ghost" aria-label={label} onClick={() => onOpen({ kind, doc })}>
      {text}
    </Button>
  );
  return (
    <>
      <DownloadLink href={contentUrl(doc.id)} label={`Download ${doc.title}`} />
      {button('history', 'Versions', `Versions of ${doc.title}`)}
      {mayEdit && button('version', 'New version', `New version of ${doc.title}`)}
      {mayEdit && button('delete', 'Delete', `Delete ${doc.title}`)}
    </>
  );
}
