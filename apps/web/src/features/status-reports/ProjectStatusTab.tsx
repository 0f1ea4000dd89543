import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiProblem } from '../../api/client.ts';
import {
  createStatusReport,
  listStatusReports,
  type StatusReport,
  statusReportKeys,
} from '../../api/status-reports.ts';
import type { Project } from '../../api/types.ts';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { useToast } from '../../design/Toast.tsx';
import { ProblemAlert } from '../standards/ProblemAlert.tsx';
import { MismatchBadge, RagBadge, ReportStatusBadge } from './RagBadge.tsx';
import { currentPeriod, fieldMessages, formatPeriod, isPeriod, sortReports } from './status-report-model.ts';
import './status-reports.css';

export const reportPath = (id: string) => `/status-reports/${id}`;

function NewReportForm({ project, reports }: { project: Project; reports: readonly StatusReport[] }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { showToast } = useToast();
  const [params] = useSearchParams();
  const asked = params.get('period');
  const [period, setPeriod] = useState(isPeriod(asked) ? asked : currentPeriod());
  const [invalid, setInvalid] = useState(false);
  const create = useMutation({
    mutationFn: () => createStatusReport({ projectId: project.id, period }),
    onSuccess: (report) => {
      void client.invalidateQueries({ queryKey: statusReportKeys.all });
      client.setQueryData(statusReportKeys.detail(report.id), report);
      showToast({ tone: 'success', title: `Draft report for ${formatPeriod(report.period)} started` });
      navigate(reportPath(report.id));
    },
    onError: (error) => {
      if (isApiProblem(error, 409)) void client.invalidateQueries({ queryKey: statusReportKeys.all });
    },
  });
  const existing = reports.find((r) => r.period === period);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isPeriod(period)) return setInvalid(true);
    setInvalid(false);
    create.mutate();
  };
  const exists = isApiProblem(create.error, 409);
  // A refusal for the period shows at the field; "one exists already" is said in full below, with a link.
  const periodError = invalid
    ? 'Choose a month, such as 2026-03.'
    : exists
      ? undefined
      : fieldMessages(create.error).period;
  return (
    <form className="stack-sm" noValidate onSubmit={submit} aria-label="New status report">
      <div className="filter-bar">
        <Field label="Period" className="filter-bar__item" error={periodError}>
          <Input
            type="month"
            required
            value={period}
            onChange={(e) => {
              setPeriod(e.target.value);
              create.reset();
            }}
          />
        </Field>
        <Button type="submit" variant="primary" loading={create.isPending}>
          <span aria-hidden="true">+</span> New report
        </Button>
      </div>
      {create.isError && !periodError && (
        <ProblemAlert
          error={create.error}
          title={exists ? 'A report for this period exists already' : 'Not started'}
          shownFields={exists ? [] : ['period']}
        />
      )}
      {exists && existing && (
        <p>
          <Link className="sr-inline-link" to={reportPath(existing.id)}>
            Open the report for {formatPeriod(existing.period)}
          </Link>
        </p>
      )}
    </form>
  );
}

function ReportsTable({ project, reports }: { project: Project; reports: readonly StatusReport[] }) {
  return (
    <Table scrollLabel={`Status reports of ${project.code}`}>
      <caption className="visually-hidden">Status reports of {project.code}, newest period first</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col">Status</th>
          <th scope="col">Reported</th>
          <th scope="col">Computed</th>
          <th scope="col">Mismatch</th>
          <th scope="col">Due</th>
          <th scope="col">Submitted</th>
          <th scope="col" className="num">
            Comments
          </th>
        </tr>
      </thead>
      <tbody>
        {sortReports(reports).map((r) => (
          <tr key={r.id}>
            <td className="nowrap">
              <Link className="cell-name__link" to={reportPath(r.id)}>
                {formatPeriod(r.period)}
              </Link>
            </td>
            <td>
              <ReportStatusBadge status={r.status} />
            </td>
            <td>
              <RagBadge rag={r.reported.overall} none="Not reported" />
            </td>
            <td>
              <RagBadge rag={r.computed?.overall} none="Not computed" />
            </td>
            <td>
              <MismatchBadge mismatch={r.mismatches.length > 0} />
            </td>
            <td className="nowrap">
              {formatDate(r.dueDate)} {r.overdue && <Badge tone="red">Overdue</Badge>}
            </td>
            <td>
              {r.submittedAt ? (
                <>
                  {formatDateTime(r.submittedAt)}
                  {r.submittedByName && <span className="cell-sub">by {r.submittedByName}</span>}
                </>
              ) : (
                <span className="subtle">Not yet</span>
              )}
            </td>
            <td className="num">{r.commentCount}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * A project's monthly status reports, newest first, each with its status, the RAG reported beside
 * the one Baton computed, and whether it is late; the project team starts the next one here.
 */
export function ProjectStatusTab({ project }: { project: Project }) {
  const { can } = useSession();
  // Proposed, completed and cancelled projects do not report status.
  const mayStart =
    can('project.update') &&
    (project.status === 'approved' || project.status === 'active' || project.status === 'on_hold');
  const params = { projectId: project.id };
  const list = useQuery({
    queryKey: statusReportKeys.list(params),
    queryFn: ({ signal }) => listStatusReports(params, signal),
  });
  const reports = list.data?.items ?? [];
  return (
    <div className="stack">
      <Card
        flush
        title="Status reports"
        description="One a month: the narrative and the RAG the project reports, beside the health Baton computes from its figures."
      >
        {mayStart && (
          <div className="sr-card-toolbar">
            <NewReportForm project={project} reports={reports} />
          </div>
        )}
        {list.isPending ? (
          <LoadingState label="Loading the status reports…" />
        ) : list.isError ? (
          <ErrorState
            error={list.error}
            title="Could not load the status reports"
            onRetry={() => list.refetch()}
          />
        ) : reports.length === 0 ? (
          <EmptyState title="No status reports yet">
            {mayStart
              ? 'Start this month’s report: Baton fills in its figures and computed health.'
              : project.status === 'proposed'
                ? 'Projects report their status once approved.'
                : 'The project team has not written a status report yet.'}
          </EmptyState>
        ) : (
          <ReportsTable project={project} reports={reports} />
        )}
      </Card>
    </div>
  );
}
