import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { exportFileName } from '../../api/exports.ts';
import { usePortfolios } from '../../api/queries.ts';
import { type IssueListParams, listIssues, raidKeys } from '../../api/raid.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { TabPanel, Tabs } from '../../design/Tabs.tsx';
import { IssueDialog } from './IssueDialogs.tsx';
import { type IssueAction, IssueActionDialog, IssueTable } from './IssueTable.tsx';
import { issueExportColumns, issueExportRow } from './raid-export.ts';
import { plural } from './raid-model.ts';
import './raid.css';

type View = 'escalated' | 'open';
const LIVE = 'open,in_progress';

function readIssueView(value: string | null): View {
  return value === 'open' ? 'open' : 'escalated';
}

/** Issues across projects: by default those escalated to the portfolios, else every open one. */
export function IssuesPage() {
  const { can } = useSession();
  const mayEdit = can('project.update');
  const [params, setParams] = useSearchParams();
  const view = readIssueView(params.get('view'));
  const portfolioId = params.get('portfolioId') ?? '';
  const portfolios = usePortfolios();
  const query: IssueListParams = {
    status: LIVE,
    ...(view === 'escalated' ? { escalated: 'true' } : {}),
    ...(portfolioId ? { portfolioId } : {}),
  };
  const list = useQuery({
    queryKey: raidKeys.issueList(query),
    queryFn: ({ signal }) => listIssues(query, signal),
    placeholderData: keepPreviousData,
  });
  const [action, setAction] = useState<IssueAction | null>(null);
  const [logging, setLogging] = useState(false);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key !== 'view' });
  };
  const items = list.data?.items ?? [];
  const caption = view === 'escalated' ? 'Open issues escalated to portfolios' : 'Open issues';

  return (
    <div className="page">
      <PageHeader
        title="Issues"
        subtitle="What is going wrong now on the projects, and what was raised to the portfolios to act on."
        actions={
          <>
            <ExportButtons
              fileName={exportFileName(view === 'escalated' ? 'issues-escalated' : 'issues-open')}
              what="issues"
              columns={issueExportColumns()}
              rows={items.map(issueExportRow)}
              disabled={items.length === 0}
            />
            {mayEdit ? (
              <Button variant="primary" onClick={() => setLogging(true)}>
                <span aria-hidden="true">+</span> Log an issue
              </Button>
            ) : null}
          </>
        }
      />
      <div className="stack">
        <Tabs
          idBase="issues"
          label="Issue views"
          items={[
            { id: 'escalated', label: 'Escalated to portfolios' },
            { id: 'open', label: 'All open' },
          ]}
          value={view}
          onChange={(v) => setParam('view', v === 'escalated' ? null : v)}
        />
        <TabPanel idBase="issues" id={view}>
          <div className="stack">
            <section className="filter-bar raid-toolbar" aria-label="Issue filters">
              <p className="subtle raid-note">
                {list.data ? `${plural(items.length, 'issue')}, most recently changed first.` : ' '}
              </p>
              <div className="filter-bar__item">
                <label htmlFor="issues-portfolio" className="filter-bar__label">
                  Portfolio
                </label>
                <Select
                  id="issues-portfolio"
                  controlSize="sm"
                  value={portfolioId}
                  placeholder="Any portfolio"
                  options={(portfolios.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                  onChange={(e) => setParam('portfolioId', e.target.value || null)}
                />
              </div>
            </section>
            <Card flush as="div">
              {list.isPending ? (
                <LoadingState label="Loading issues…" />
              ) : list.isError ? (
                <ErrorState
                  error={list.error}
                  title="Could not load the issues"
                  onRetry={() => list.refetch()}
                />
              ) : items.length === 0 ? (
                <EmptyState
                  title={view === 'escalated' ? 'Nothing is escalated' : 'No open issues'}
                  icon="✓"
                  actions={
                    view === 'escalated' ? (
                      <Button onClick={() => setParam('view', 'open')}>Show all open issues</Button>
                    ) : null
                  }
                >
                  {view === 'escalated'
                    ? 'No project has raised an open issue to its portfolio.'
                    : 'Issues logged on projects appear here until they are resolved.'}
                </EmptyState>
              ) : (
                <IssueTable items={items} caption={caption} onAction={mayEdit ? setAction : undefined} />
              )}
            </Card>
          </div>
        </TabPanel>
      </div>
      {action && <IssueActionDialog action={action} onClose={() => setAction(null)} />}
      {logging && <IssueDialog onClose={() => setLogging(false)} />}
    </div>
  );
}
