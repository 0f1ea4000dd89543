import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { collectPages, exportFileName, MAX_PAGE_SIZE } from '../../api/exports.ts';
import { fetchJournal } from '../../api/projects.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { formatDateTime } from '../../design/format.ts';
import { Pagination } from '../../design/Pagination.tsx';
import { SkeletonRows } from '../../design/Skeleton.tsx';
import { Table } from '../../design/Table.tsx';
import { expandChanges, labelOfField } from '../projects/field-labels.ts';
import { JournalChanges } from '../projects/ProjectHistory.tsx';
import { useNameLookup } from '../projects/use-name-lookup.ts';
import { journalExportColumns, journalExportRow } from './journal-export.ts';

const ENTITY_LABELS: Record<string, string> = {
  project: 'Project',
  user: 'User',
  org_unit: 'Org unit',
  portfolio: 'Portfolio',
  program: 'Program',
  custom_field: 'Custom field',
};

export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = [10, 25, 50, 100].includes(Number(params.get('pageSize')))
    ? Number(params.get('pageSize'))
    : 25;
  const lookup = useNameLookup('EUR');
  const query = useQuery({
    queryKey: ['journal', page, pageSize],
    queryFn: ({ signal }) => fetchJournal(page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
  const go = (next: { page?: number; pageSize?: number }) => {
    const p = new URLSearchParams(params);
    p.set('page', String(next.page ?? 1));
    if (next.pageSize) p.set('pageSize', String(next.pageSize));
    setParams(p);
  };

  return (
    <div className="page">
      <PageHeader
        title="Audit log"
        subtitle="Every change to the organisation’s records, newest first."
        actions={
          <ExportButtons
            fileName={exportFileName('audit-log')}
            what="the audit log"
            columns={journalExportColumns()}
            disabled={(query.data?.total ?? 0) === 0}
            rows={async () => {
              // The whole log, newest first (up to the export's 100,000 rows).
              const all = await collectPages((p, size) => fetchJournal(p, size), MAX_PAGE_SIZE);
              return all.map((e) => journalExportRow(e, lookup, ENTITY_LABELS));
            }}
          />
        }
      />
      <Card flush as="div">
        {query.isError ? (
          <ErrorState
            error={query.error}
            title="Could not load the audit log"
            onRetry={() => query.refetch()}
          />
        ) : query.data && query.data.items.length === 0 ? (
          <EmptyState title="Nothing recorded yet" />
        ) : (
          <>
            <Table>
              <caption className="visually-hidden">Audit log</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Record</th>
                  <th scope="col">Changes</th>
                </tr>
              </thead>
              <tbody>
                {query.isPending ? (
                  <SkeletonRows columns={5} />
                ) : (
                  query.data.items.map((e) => (
                    <tr key={e.id}>
                      <td className="nowrap cell-secondary">{formatDateTime(e.at)}</td>
                      <td className="nowrap">{e.actorName ?? <span className="subtle">System</span>}</td>
                      <td>
                        <Badge square>{e.action}</Badge>
                      </td>
                      <td className="nowrap">
                        {e.entityType === 'project' ? (
                          <Link to={`/projects/${e.entityId}?tab=history`}>Project</Link>
                        ) : e.entityType === 'user' ? (
                          <Link to={`/users/${e.entityId}`}>{lookup.users.get(e.entityId) ?? 'User'}</Link>
                        ) : (
                          (ENTITY_LABELS[e.entityType] ?? e.entityType)
                        )}
                      </td>
                      <td>
                        {e.changes.length > 4 ? (
                          <details>
                            <summary>
                              {expandChanges(e.changes)
                                .slice(0, 4)
                                .map((c) => labelOfField(c.field, lookup))
                                .join(', ')}
                              …
                            </summary>
                            <JournalChanges entry={e} lookup={lookup} />
                          </details>
                        ) : (
                          <JournalChanges entry={e} lookup={lookup} />
                        )}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </Table>
            <Pagination
              label="Audit log pages"
              page={page}
              pageSize={pageSize}
              total={query.data?.total ?? 0}
              onPageChange={(p) => go({ page: p, pageSize })}
              onPageSizeChange={(s) => go({ page: 1, pageSize: s })}
            />
          </>
        )}
      </Card>
    </div>
  );
}
