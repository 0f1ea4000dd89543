import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { collectPages, exportFileName, MAX_PAGE_SIZE } from '../../api/exports.ts';
import { listResources, RESOURCE_EXPORT_URL, resourceKeys } from '../../api/resources.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { formatNumber } from '../../design/format.ts';
import { Pagination } from '../../design/Pagination.tsx';
import { ImportResourcesDialog } from './ImportResourcesDialog.tsx';
import { NewResourceDialog } from './NewResourceDialog.tsx';
import { PoolFilterBar } from './PoolFilterBar.tsx';
import {
  applyPoolChange,
  hasPoolFilters,
  type PoolChange,
  readPoolState,
  toPoolParams,
} from './pool-params.ts';
import { ResourceTable } from './ResourceTable.tsx';
import { resourceExportColumns, resourceExportRow } from './resource-export.ts';
import './resources.css';

/** The shared pool: every person and generic role, with their capacity, skills and rate. */
export function ResourcePoolPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readPoolState(params), [params]);
  const { can } = useSession();
  const canManage = can('resource.manage');
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const query = toPoolParams(state);
  const list = useQuery({
    queryKey: resourceKeys.list(query),
    queryFn: ({ signal }) => listResources(query, signal),
    placeholderData: keepPreviousData,
  });
  const change = (c: PoolChange) => setParams(applyPoolChange(params, c));
  const clear = () => setParams(new URLSearchParams());
  const total = list.data?.total ?? 0;
  const filtered = hasPoolFilters(state);

  return (
    <div className="page">
      <PageHeader
        title="Resource pool"
        subtitle={
          list.data
            ? `${formatNumber(total)} ${total === 1 ? 'resource' : 'resources'}${filtered ? ' match these filters' : ' in the shared pool'}`
            : 'One shared pool of people and roles across every project.'
        }
        actions={
          <>
            <ExportButtons
              fileName={exportFileName('resources')}
              what="resources"
              columns={resourceExportColumns()}
              disabled={total === 0}
              rows={async () => {
                // Every page of the filtered pool, not only the page on screen.
                const all = await collectPages(
                  (page, pageSize) => listResources({ ...query, page, pageSize }),
                  MAX_PAGE_SIZE,
                );
                return all.map(resourceExportRow);
              }}
            />
            {/* The whole pool in the columns Import reads, for a round trip through a spreadsheet. */}
            <a className="b-button b-button--secondary" href={RESOURCE_EXPORT_URL} download>
              Export for import
            </a>
            {canManage && <Button onClick={() => setDialog('import')}>Import…</Button>}
            {canManage && (
              <Button variant="primary" onClick={() => setDialog('new')}>
                <span aria-hidden="true">+</span> New resource
              </Button>
            )}
          </>
        }
      />
      <div className="stack">
        <PoolFilterBar state={state} onChange={change} onClear={clear} />
        <Card flush as="div">
          {list.isError ? (
            <ErrorState error={list.error} title="Could not load the pool" onRetry={() => list.refetch()} />
          ) : list.data && list.data.items.length === 0 ? (
            filtered ? (
              <EmptyState
                title="No resources match"
                icon="⌕"
                actions={<Button onClick={clear}>Clear filters</Button>}
              >
                Try a broader search or remove a filter.
              </EmptyState>
            ) : (
              <EmptyState
                title="The pool is empty"
                actions={
                  canManage ? (
                    <Button variant="primary" onClick={() => setDialog('new')}>
                      New resource
                    </Button>
                  ) : null
                }
              >
                Add people and generic roles one by one, or import them from a spreadsheet.
              </EmptyState>
            )
          ) : (
            <>
              <ResourceTable
                resources={list.data?.items ?? []}
                loading={list.isPending}
                caption="Resources"
              />
              <Pagination
                label="Resource list pages"
                page={state.page}
                pageSize={state.pageSize}
                total={total}
                onPageChange={(page) => change({ page: String(page) })}
                onPageSizeChange={(size) => change({ pageSize: String(size) })}
              />
            </>
          )}
        </Card>
      </div>
      <NewResourceDialog open={dialog === 'new'} onClose={() => setDialog(null)} />
      <ImportResourcesDialog open={dialog === 'import'} onClose={() => setDialog(null)} />
    </div>
  );
}
