import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  type CalendarParams,
  communicationKeys,
  fetchCommunicationCalendar,
  listCommunicationItems,
  type OccurrenceStatus,
} from '../../api/communications.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { CommunicationCalendarTable } from './CommunicationCalendarTable.tsx';
import { CommunicationItemDialog } from './CommunicationItemDialog.tsx';
import { CommunicationPlanTable } from './CommunicationPlanTable.tsx';
import { STATUS_LABELS, STATUS_LIST, shiftDate, todayIso } from './communication-model.ts';
import './communications.css';

/** How far back and ahead the project's calendar looks. */
const BACK_DAYS = 90;
const AHEAD_DAYS = 90;

function CalendarCard({ project, mayEdit }: { project: Project; mayEdit: boolean }) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('commStatus');
  // Unsent ones by default: what the project still owes its audience.
  const status: OccurrenceStatus | 'open' | 'all' =
    raw === 'all' || STATUS_LIST.includes(raw as OccurrenceStatus)
      ? (raw as OccurrenceStatus | 'all')
      : 'open';
  const today = todayIso();
  const query: CalendarParams = {
    from: shiftDate(today, -BACK_DAYS),
    to: shiftDate(today, AHEAD_DAYS),
    projectId: project.id,
  };
  const calendar = useQuery({
    queryKey: communicationKeys.calendar(query),
    queryFn: ({ signal }) => fetchCommunicationCalendar(query, signal),
  });
  const all = calendar.data?.items ?? [];
  const shown =
    status === 'all'
      ? all
      : status === 'open'
        ? all.filter((o) => o.status !== 'sent')
        : all.filter((o) => o.status === status);
  const choose = (s: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (s === 'open') next.delete('commStatus');
        else next.set('commStatus', s);
        return next;
      },
      { replace: true },
    );
  const chips: { id: typeof status; label: string; count: number }[] = [
    { id: 'open', label: 'Not sent', count: all.filter((o) => o.status !== 'sent').length },
    ...STATUS_LIST.map((s) => ({
      id: s,
      label: STATUS_LABELS[s],
      count: all.filter((o) => o.status === s).length,
    })),
    { id: 'all', label: 'All', count: all.length },
  ];
  return (
    <Card
      flush
      title="Calendar"
      description={`Due communications from ${BACK_DAYS} days back to ${AHEAD_DAYS} days ahead.`}
    >
      {calendar.isPending ? (
        <LoadingState label="Loading the calendar…" />
      ) : calendar.isError ? (
        <ErrorState
          error={calendar.error}
          title="Could not load the calendar"
          onRetry={() => calendar.refetch()}
        />
      ) : all.length === 0 ? (
        <EmptyState title="Nothing due">Plan a communication above and its due dates appear here.</EmptyState>
      ) : (
        <div className="comm-calendar">
          <fieldset className="chip-group comm-calendar__chips">
            <legend className="visually-hidden">Show communications by status</legend>
            {chips.map((c) => (
              <button
                key={c.id}
                type="button"
                className="b-chip"
                aria-pressed={status === c.id}
                onClick={() => choose(c.id)}
              >
                {c.label}
                <span className="b-chip__count">{c.count}</span>
              </button>
            ))}
          </fieldset>
          {shown.length === 0 ? (
            <EmptyState title="None with this status" icon="✓" />
          ) : (
            <CommunicationCalendarTable
              items={shown}
              caption={`Due communications of ${project.code}`}
              showProject={false}
              mayRecord={() => mayEdit}
            />
          )}
        </div>
      )}
    </Card>
  );
}

/** A project's communication plan, its calendar of due communications, and recording what was sent. */
export function ProjectCommunicationsTab({ project }: { project: Project }) {
  const { can } = useSession();
  const closed = project.status === 'completed' || project.status === 'cancelled';
  const mayEdit = can('project.update');
  const params = { projectId: project.id };
  const plan = useQuery({
    queryKey: communicationKeys.items(params),
    queryFn: ({ signal }) => listCommunicationItems(params, signal),
  });
  const [planning, setPlanning] = useState(false);
  const items = plan.data?.items ?? [];
  return (
    <div className="stack">
      <Card
        flush
        title="Communication plan"
        description="What goes to whom, how and how often; Baton turns it into the calendar below."
        actions={
          mayEdit && !closed ? (
            <Button size="sm" variant="primary" onClick={() => setPlanning(true)}>
              <span aria-hidden="true">+</span> Plan communication
            </Button>
          ) : null
        }
      >
        {plan.isPending ? (
          <LoadingState label="Loading the plan…" />
        ) : plan.isError ? (
          <ErrorState error={plan.error} title="Could not load the plan" onRetry={() => plan.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No communication planned">
            {closed
              ? `${project.code} is closed: it plans no more communications.`
              : 'Plan the status reports, steering minutes and updates its stakeholders expect.'}
          </EmptyState>
        ) : (
          <CommunicationPlanTable
            items={items}
            caption={`Communication plan of ${project.code}`}
            project={project}
            mayEdit={mayEdit}
          />
        )}
      </Card>
      {closed ? null : <CalendarCard project={project} mayEdit={mayEdit} />}
      {planning && <CommunicationItemDialog project={project} onClose={() => setPlanning(false)} />}
    </div>
  );
}
