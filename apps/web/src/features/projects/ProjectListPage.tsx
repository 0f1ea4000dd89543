import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { collectPages, exportFileName, MAX_PAGE_SIZE } from '../../api/exports.ts';
import { fetchProjectSummary, listProjects, projectKeys } from '../../api/projects.ts';
import { useOrgUnits, usePortfolios, usePrograms } from '../../api/queries.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Button, ButtonLink } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { formatNumber } from '../../design/format.ts';
import { Pagination } from '../../design/Pagination.tsx';
import { applyListChange, hasFilters, readListState, toFilters, toListParams } from './list-params.ts';
import { ProjectFilterBar } from './ProjectFilterBar.tsx';
import { ProjectTable } from './ProjectTable.tsx';
import { projectExportColumns, projectExportRow } from './project-export.ts';
import { StatusChips } from './StatusChips.tsx';

export function ProjectListPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readListState(params), [params]);
  const { can } = useSession();
  const listParams = toListParams(state);
  const summaryFilters = toFilters(state, true);

  const list = useQuery({
    queryKey: projectKeys.list(listParams),
    queryFn: ({ signal }) => listProjects(listParams, signal),
    placeholderData: keepPreviousData,
  });
  const summary = useQuery({
    queryKey: projectKeys.summary(summaryFilters),
    queryFn: ({ signal }) => fetchProjectSummary(summaryFilters, signal),
    placeholderData: keepPreviousData,
  });

  const units = useOrgUnits();
  const portfolios = usePortfolios();
  const programs = usePrograms();
  const scopeName =
    (state.orgUnitId && units.data?.find((u) => u.id === state.orgUnitId)?.name) ||
    (state.portfolioId && portfolios.data?.find((p) => p.id === state.portfolioId)?.name) ||
    (state.programId && programs.data?.find((p) => p.id === state.programId)?.name) ||
    null;

  const change = (c: Parameters<typeof applyListChange>[1]) => setParams(applyListChange(params, c));
  const clearAll = () => {
    const next = new URLSearchParams();
    if (params.get('sort')) next.set('sort', params.get('sort') ?? '');
    if (params.get('pageSize')) next.set('pageSize', params.get('pageSize') ?? '');
    setParams(next);
  };

  const total = list.data?.total ?? 0;
  const scopeQuery = new URLSearchParams(
    Object.entries({
      orgUnitId: state.orgUnitId,
      portfolioId: state.portfolioId,
      programId: state.programId,
    }).filter(([, v]) => v !== ''),
  ).toString();
  const newProjectUrl = scopeQuery ? `/projects/new?${scopeQuery}` : '/projects/new';
  const title = scopeName ? `Projects · ${scopeName}` : 'Projects';

  return (
    <div className="page">
      <PageHeader
        title={title}
        subtitle={
          list.data
            ? `${formatNumber(total)} ${total === 1 ? 'project' : 'projects'}${hasFilters(state) ? ' match these filters' : ' you can see'}`
            : 'Every project you can see, across the PMO hierarchy.'
        }
        actions={
          <>
            <ExportButtons
              fileName={exportFileName('projects')}
              what="projects"
              columns={projectExportColumns()}
              disabled={total === 0}
              rows={async () => {
                // Every page of the filtered, sorted list, not only the page on screen.
                const filtered = { ...toFilters(state), sort: state.sort };
                const all = await collectPages(
                  (page, pageSize) => listProjects({ ...filtered, page, pageSize }),
                  MAX_PAGE_SIZE,
                );
                return all.map(projectExportRow);
              }}
            />
            {can('project.create') ? (
              <ButtonLink to={newProjectUrl} variant="primary">
                <span aria-hidden="true">+</span> New project
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <div className="stack">
        <StatusChips
          summary={summary.data}
          loading={summary.isPending}
          selected={state.status}
          onChange={(status) => change({ status: status.join(',') || null })}
        />
        <ProjectFilterBar state={state} onChange={change} onClear={clearAll} />
        <Card flush as="div">
          {list.isError ? (
            <ErrorState error={list.error} title="Could not load projects" onRetry={() => list.refetch()} />
          ) : list.data && list.data.items.length === 0 ? (
            hasFilters(state) ? (
              <EmptyState
                title="No projects match"
                icon="⌕"
                actions={<Button onClick={clearAll}>Clear filters</Button>}
              >
                Try a broader search or remove a filter.
              </EmptyState>
            ) : (
              <EmptyState
                title="No projects yet"
                actions={
                  can('project.create') ? (
                    <ButtonLink to={newProjectUrl} variant="primary">
                      New project
                    </ButtonLink>
                  ) : null
                }
              >
                Projects you can see will be listed here.
              </EmptyState>
            )
          ) : (
            <>
              <ProjectTable
                projects={list.data?.items ?? []}
                loading={list.isPending}
                sort={state.sort}
                onSort={(sort) => change({ sort })}
                caption={title}
              />
              <Pagination
                label="Project list pages"
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
    </div>
  );
}
