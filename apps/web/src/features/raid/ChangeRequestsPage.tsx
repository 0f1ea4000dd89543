import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { exportFileName } from '../../api/exports.ts';
import { type ChangeListParams, type ChangeRequest, listChangeRequests, raidKeys } from '../../api/raid.ts';
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
import { ChangeDecideDialog, ChangeRequestDialog } from './ChangeDialogs.tsx';
import { ChangeTable } from './ChangeTable.tsx';
import { splitQueue } from './change-model.ts';
import { changeExportColumns, changeExportRow } from './raid-export.ts';
import { CHANGE_LEVEL_LABELS, plural } from './raid-model.ts';
import './raid.css';

type View = 'queue' | 'decided';

/** The change board's queue: submitted requests across projects, who may decide them, and the history. */
export function ChangeRequestsPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'decided' ? 'decided' : 'queue';
  const levelParam = params.get('level');
  const level = levelParam === 'change_board' || levelParam === 'project_manager' ? levelParam : undefined;
  const mine = params.get('mine') === '1';
  const query: ChangeListParams = {
    status: view === 'queue' ? 'submitted' : 'approved,rejected,withdrawn',
    ...(level ? { level } : {}),
  };
  const list = useQuery({
    queryKey: raidKeys.changeList(query),
    queryFn: ({ signal }) => listChangeRequests(query, signal),
    placeholderData: keepPreviousData,
  });
  const [deciding, setDeciding] = useState<ChangeRequest | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: key !== 'view' });
  };
  const { waiting, decided } = splitQueue(list.data?.items ?? []);
  const all = view === 'queue' ? waiting : decided;
  const items = view === 'queue' && mine ? all.filter((c) => c.mayDecide) : all;
  const caption =
    view === 'queue' ? 'Change requests waiting for a decision' : 'Decided change requests, newest first';

  return (
    <div className="page">
      <PageHeader
        title="Change requests"
        subtitle="Changes to scope, cost, schedule or benefits, routed by the PMO’s thresholds to the project manager or the change board."
        actions={
          <>
            <ExportButtons
              fileName={exportFileName(
                view === 'queue' ? 'change-requests-waiting' : 'change-requests-decided',
              )}
              what="change requests"
              columns={changeExportColumns()}
              rows={items.map(changeExportRow)}
              disabled={items.length === 0}
            />
            {can('project.update') ? (
              <Button variant="primary" onClick={() => setSubmitting(true)}>
                <span aria-hidden="true">+</span> Submit a change
              </Button>
            ) : null}
          </>
        }
      />
      <div className="stack">
        <Tabs
          idBase="changes"
          label="Change request views"
          items={[
            { id: 'queue', label: 'Waiting for a decision' },
            { id: 'decided', label: 'Decided' },
          ]}
          value={view}
          onChange={(v) => setParam('view', v === 'queue' ? null : v)}
        />
        <TabPanel idBase="changes" id={view}>
          <div className="stack">
            <section className="filter-bar raid-toolbar" aria-label="Change request filters">
              <p className="subtle raid-note">
                {list.data
                  ? view === 'queue'
                    ? `${plural(items.length, 'request')} waiting; ${plural(waiting.filter((c) => c.mayDecide).length, 'is', 'are')} yours to decide.`
                    : `${plural(items.length, 'decision')}, newest first.`
                  : ' '}
              </p>
              <div className="row">
                {view === 'queue' && (
                  <label className="b-checkbox">
                    <input
                      type="checkbox"
                      checked={mine}
                      onChange={(e) => setParam('mine', e.target.checked ? '1' : null)}
                    />
                    Only those I may decide
                  </label>
                )}
                <div className="filter-bar__item">
                  <label htmlFor="changes-level" className="filter-bar__label">
                    Routed to
                  </label>
                  <Select
                    id="changes-level"
                    controlSize="sm"
                    value={level ?? ''}
                    placeholder="Anyone"
                    options={[
                      { value: 'change_board', label: CHANGE_LEVEL_LABELS.change_board },
                      { value: 'project_manager', label: CHANGE_LEVEL_LABELS.project_manager },
                    ]}
                    onChange={(e) => setParam('level', e.target.value || null)}
                  />
                </div>
              </div>
            </section>
            <Card flush as="div">
              {list.isPending ? (
                <LoadingState label="Loading change requests…" />
              ) : list.isError ? (
                <ErrorState
                  error={list.error}
                  title="Could not load the change requests"
                  onRetry={() => list.refetch()}
                />
              ) : items.length === 0 ? (
                <EmptyState
                  title={view === 'queue' ? 'Nothing waiting for a decision' : 'No decisions yet'}
                  icon={view === 'queue' ? '✓' : '◇'}
                  actions={
                    mine || level ? (
                      <Button onClick={() => setParams(view === 'queue' ? {} : { view })}>
                        Clear filters
                      </Button>
                    ) : null
                  }
                >
                  {view === 'queue'
                    ? 'Submitted change requests appear here until they are approved or rejected.'
                    : 'Approved and rejected change requests appear here with the reason.'}
                </EmptyState>
              ) : (
                <ChangeTable items={items} caption={caption} onDecide={setDeciding} />
              )}
            </Card>
          </div>
        </TabPanel>
      </div>
      {deciding && (
        <ChangeDecideDialog key={deciding.id} change={deciding} onClose={() => setDeciding(null)} />
      )}
      {submitting && <ChangeRequestDialog onClose={() => setSubmitting(false)} />}
    </div>
  );
}
