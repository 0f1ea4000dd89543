import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  type CalendarParams,
  type CommunicationOccurrence,
  communicationKeys,
  fetchCommunicationCalendar,
  fetchCommunicationCoordination,
  listCommunicationItems,
  type OccurrenceStatus,
} from '../../api/communications.ts';
import { exportFileName } from '../../api/exports.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { useProjectChoices } from '../raid/raid-queries.ts';
import { CommunicationCalendarTable } from './CommunicationCalendarTable.tsx';
import { CommunicationCoordinationCard } from './CommunicationCoordinationCard.tsx';
import { CommunicationItemDialog } from './CommunicationItemDialog.tsx';
import { CommunicationPlanTable } from './CommunicationPlanTable.tsx';
import {
  type CalendarSearch,
  calendarExportColumns,
  calendarExportRow,
  crowdedOccurrences,
  filterByProject,
  rangeProblem,
  readCalendarSearch,
  STATUS_LABELS,
  STATUS_LIST,
  todayIso,
  writeCalendarSearch,
} from './communication-model.ts';
import './communications.css';

function CalendarFilters({
  search,
  onChange,
}: {
  search: CalendarSearch;
  onChange: (c: Partial<CalendarSearch>) => void;
}) {
  const projects = useProjectChoices();
  return (
    <section className="filter-bar" aria-label="Filter the communications calendar">
      <div className="filter-bar__item">
        <label htmlFor="comm-from" className="filter-bar__label">
          From
        </label>
        <Input
          id="comm-from"
          type="date"
          controlSize="sm"
          value={search.from}
          onChange={(e) => e.target.value && onChange({ from: e.target.value })}
        />
      </div>
      <div className="filter-bar__item">
        <label htmlFor="comm-to" className="filter-bar__label">
          To
        </label>
        <Input
          id="comm-to"
          type="date"
          controlSize="sm"
          value={search.to}
          onChange={(e) => e.target.value && onChange({ to: e.target.value })}
        />
      </div>
      <div className="filter-bar__item filter-bar__item--grow">
        <label htmlFor="comm-project" className="filter-bar__label">
          From project
        </label>
        <Select
          id="comm-project"
          controlSize="sm"
          value={search.projectId}
          placeholder="All projects and the PMO"
          onChange={(e) => onChange({ projectId: e.target.value })}
        >
          <option value="pmo">The PMO’s own communications</option>
          {(projects.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} {p.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="filter-bar__item">
        <label htmlFor="comm-status" className="filter-bar__label">
          Status
        </label>
        <Select
          id="comm-status"
          controlSize="sm"
          value={search.status}
          placeholder="Any status"
          options={STATUS_LIST.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          onChange={(e) => onChange({ status: e.target.value as OccurrenceStatus | '' })}
        />
      </div>
      {(search.projectId || search.status) && (
        <div className="filter-bar__item filter-bar__item--end">
          <Button size="sm" variant="ghost" onClick={() => onChange({ projectId: '', status: '' })}>
            Clear
          </Button>
        </div>
      )}
    </section>
  );
}

/** The PMOs' own plan items (no project): a portfolio pack, an executive newsletter. */
function PmoPlanCard({ mayEdit, onPlan }: { mayEdit: boolean; onPlan: () => void }) {
  const list = useQuery({
    queryKey: communicationKeys.items({}),
    queryFn: ({ signal }) => listCommunicationItems({}, signal),
  });
  const items = (list.data?.items ?? []).filter((i) => i.projectId === null);
  if (!mayEdit && list.isSuccess && items.length === 0) return null;
  return (
    <Card
      flush
      title="The PMO’s own plan"
      description="Communications the PMO sends itself, beside the projects’ plans."
      actions={
        mayEdit ? (
          <Button size="sm" onClick={onPlan}>
            <span aria-hidden="true">+</span> Plan PMO communication
          </Button>
        ) : null
      }
    >
      {list.isPending ? (
        <LoadingState label="Loading the PMO’s plan…" />
      ) : list.isError ? (
        <ErrorState error={list.error} title="Could not load the PMO’s plan" onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No PMO communication planned">
          Plan the portfolio pack or an executive briefing; it joins the calendar below.
        </EmptyState>
      ) : (
        <CommunicationPlanTable
          items={items}
          caption="The PMO’s own communications"
          project={null}
          mayEdit={mayEdit}
        />
      )}
    </Card>
  );
}

/**
 * The PMO's calendar of due communications across every project the user may see and the PMOs' own:
 * overdue ones flagged, and the stakeholders whose week is crowded.
 */
export function CommunicationsPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const search = readCalendarSearch(params, todayIso());
  const problem = rangeProblem(search.from, search.to);
  const projectId = search.projectId && search.projectId !== 'pmo' ? search.projectId : undefined;
  const query: CalendarParams = {
    from: search.from,
    to: search.to,
    ...(projectId ? { projectId } : {}),
    ...(search.status ? { status: search.status } : {}),
  };
  const calendar = useQuery({
    queryKey: communicationKeys.calendar(query),
    queryFn: ({ signal }) => fetchCommunicationCalendar(query, signal),
    enabled: problem === null,
    placeholderData: keepPreviousData,
  });
  const range = { from: search.from, to: search.to };
  const coordination = useQuery({
    queryKey: communicationKeys.coordination(range),
    queryFn: ({ signal }) => fetchCommunicationCoordination(range, signal),
    enabled: problem === null,
    placeholderData: keepPreviousData,
  });
  const [planning, setPlanning] = useState(false);
  const change = (c: Partial<CalendarSearch>) =>
    setParams((p) => writeCalendarSearch(p, c), { replace: true });
  const items = useMemo(
    () => filterByProject(calendar.data?.items ?? [], search.projectId),
    [calendar.data, search.projectId],
  );
  const crowded = useMemo(() => crowdedOccurrences(coordination.data?.warnings ?? []), [coordination.data]);
  const mayRecord = (o: CommunicationOccurrence) =>
    o.projectId ? can('project.update') : can('governance.manage');
  const counts = { overdue: 0, due: 0, sent: 0 };
  for (const o of items) counts[o.status] += 1;
  return (
    <div className="page">
      <PageHeader
        title="Communications"
        subtitle="Every planned communication due across the projects you may see and the PMO’s own: what was sent, what is due, what is late."
        actions={
          <ExportButtons
            fileName={exportFileName('communications')}
            what="communications"
            columns={calendarExportColumns()}
            disabled={items.length === 0}
            rows={items.map(calendarExportRow)}
          />
        }
      />
      <div className="stack">
        <CalendarFilters search={search} onChange={change} />
        {problem ? (
          <Alert tone="error" title="Choose another range">
            {problem}
          </Alert>
        ) : (
          <>
            <p className="subtle" aria-live="polite">
              {calendar.data
                ? `${items.length} due in this range: ${counts.overdue} overdue, ${counts.due} due, ${counts.sent} sent.`
                : ' '}
            </p>
            <CommunicationCoordinationCard result={coordination} />
            <Card flush title="Calendar">
              {calendar.isPending ? (
                <LoadingState label="Loading the calendar…" />
              ) : calendar.isError ? (
                <ErrorState
                  error={calendar.error}
                  title="Could not load the calendar"
                  onRetry={() => calendar.refetch()}
                />
              ) : items.length === 0 ? (
                <EmptyState
                  title={search.projectId || search.status ? 'Nothing matches' : 'Nothing due in this range'}
                >
                  {search.projectId || search.status
                    ? 'Try another project or status, or clear the filters.'
                    : 'Projects plan their communications in their Communications tab.'}
                </EmptyState>
              ) : (
                <CommunicationCalendarTable
                  items={items}
                  caption="Due communications by week"
                  showProject
                  crowded={crowded}
                  mayRecord={mayRecord}
                />
              )}
            </Card>
          </>
        )}
        <PmoPlanCard mayEdit={can('governance.manage')} onPlan={() => setPlanning(true)} />
      </div>
      {planning && <CommunicationItemDialog project={null} onClose={() => setPlanning(false)} />}
    </div>
  );
}
