import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { fetchTimesheet, timesheetKeys } from '../../api/resources.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { addDays, isIsoDate, mondayOf, todayIso } from '../resources/week-dates.ts';
import { TimesheetEditor } from './TimesheetEditor.tsx';
import { TimesheetStatusBadge } from './TimesheetStatusBadge.tsx';
import '../resources/resources.css';

/** My week: hours per project and day, saved and submitted for approval. */
export function TimesheetPage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('week');
  const thisMonday = mondayOf(todayIso());
  const monday = isIsoDate(requested) ? mondayOf(requested) : thisMonday;
  const query = useQuery({
    queryKey: timesheetKeys.week(monday),
    queryFn: ({ signal }) => fetchTimesheet(monday, undefined, signal),
  });
  const go = (week: string) => setParams(week === thisMonday ? {} : { week });
  const sheet = query.data;

  return (
    <div className="page">
      <PageHeader
        title="My timesheet"
        subtitle={
          sheet
            ? `${sheet.resourceName} · ${sheet.totalHours} hours this week`
            : 'Log the hours you worked, project by project.'
        }
        actions={
          <nav className="week-nav" aria-label="Week">
            <Button size="sm" onClick={() => go(addDays(monday, -7))}>
              <span aria-hidden="true">‹</span> Previous week
            </Button>
            <span className="week-nav__label" aria-live="polite">
              {formatDate(monday)} – {formatDate(addDays(monday, 6))}
            </span>
            <Button size="sm" onClick={() => go(addDays(monday, 7))}>
              Next week <span aria-hidden="true">›</span>
            </Button>
            {monday !== thisMonday && (
              <Button size="sm" variant="ghost" onClick={() => go(thisMonday)}>
                This week
              </Button>
            )}
          </nav>
        }
      />
      {query.isPending ? (
        <LoadingState label="Loading the week…" />
      ) : query.isError ? (
        <ErrorState
          error={query.error}
          title="Could not load the timesheet"
          onRetry={() => query.refetch()}
        />
      ) : (
        <div className="stack">
          <div className="row">
            <span>Status:</span> <TimesheetStatusBadge status={query.data.status} />
            {query.data.submittedAt && (
              <span className="muted">submitted {formatDateTime(query.data.submittedAt)}</span>
            )}
          </div>
          {query.data.locked && (
            <Alert tone="warning" title="This week is locked">
              The period is closed for time logging; the hours can no longer change.
            </Alert>
          )}
          {query.data.status === 'rejected' && (
            <Alert tone="error" title="Sent back for changes">
              {query.data.rejectionReason ?? 'A project manager rejected these hours.'} Correct them and
              submit again.
            </Alert>
          )}
          {query.data.status === 'approved' && (
            <Alert tone="success" title="Approved">
              Every project manager approved these hours.
            </Alert>
          )}
          {query.data.decisions.length > 0 && (
            <ul className="stack-sm" aria-label="Decisions">
              {query.data.decisions.map((d) => (
                <li key={`${d.projectId}-${d.decidedAt}`} className="muted">
                  <span className="mono">{d.projectCode}</span>:{' '}
                  {d.decision === 'approve' ? 'approved' : 'rejected'}
                  {d.decidedBy ? ` by ${d.decidedBy}` : ''} · {formatDateTime(d.decidedAt)}
                  {d.reason ? ` — “${d.reason}”` : ''}
                </li>
              ))}
            </ul>
          )}
          <TimesheetEditor
            key={`${query.data.weekStart}-${query.data.version}-${query.data.status}`}
            sheet={query.data}
          />
        </div>
      )}
    </div>
  );
}
