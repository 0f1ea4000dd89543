import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../../api/client.ts';
import { fetchProject, projectKeys } from '../../api/projects.ts';
import { fetchStatusReport, type StatusReportDetail, statusReportKeys } from '../../api/status-reports.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Badge } from '../../design/Badge.tsx';
import { ButtonLink } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { CommentsCard } from './CommentsCard.tsx';
import { RagBadge, ReportStatusBadge } from './RagBadge.tsx';
import { ReportForm } from './ReportForm.tsx';
import {
  ComputedHealthCard,
  FiguresCard,
  MismatchBanner,
  ReportReadOnly,
  ReviewNotice,
} from './ReportPanels.tsx';
import { ReviewCard } from './ReviewCard.tsx';
import { dueText, formatPeriod, reportActions } from './status-report-model.ts';
import './status-reports.css';
import { DescriptionItem } from '../../design/DescriptionItem.tsx';
import { StatusReportPdfButton } from '../reports/StatusReportPdfButton.tsx';

function DetailsCard({ report }: { report: StatusReportDetail }) {
  return (
    <Card title="Details">
      <dl className="b-dl b-dl--single">
        <DescriptionItem label="Status">
          <ReportStatusBadge status={report.status} />
        </DescriptionItem>
        <DescriptionItem label="Period">{formatPeriod(report.period)}</DescriptionItem>
        <DescriptionItem label="Due">
          {formatDate(report.dueDate)} {report.overdue && <Badge tone="red">Overdue</Badge>}
        </DescriptionItem>
        <DescriptionItem label="Reported overall">
          <RagBadge rag={report.reported.overall} none="Not reported" />
        </DescriptionItem>
        <DescriptionItem label="Submitted">
          {report.submittedAt
            ? `${formatDateTime(report.submittedAt)}${report.submittedByName ? ` by ${report.submittedByName}` : ''}`
            : 'Not yet'}
        </DescriptionItem>
        <DescriptionItem label="Reviewed">
          {report.reviewedAt
            ? `${formatDateTime(report.reviewedAt)}${report.reviewedByName ? ` by ${report.reviewedByName}` : ''}`
            : 'Not yet'}
        </DescriptionItem>
        <DescriptionItem label="Last changed">{formatDateTime(report.updatedAt)}</DescriptionItem>
      </dl>
    </Card>
  );
}

function ReportView({ report }: { report: StatusReportDetail }) {
  const { can } = useSession();
  const project = useQuery({
    queryKey: projectKeys.detail(report.projectId),
    queryFn: ({ signal }) => fetchProject(report.projectId, signal),
  });
  const actions = reportActions(report, {
    edit: can('project.update') && project.data?.status !== 'cancelled',
    review: can('governance.manage'),
  });
  const projectPath = `/projects/${report.projectId}`;
  return (
    <div className="page">
      <PageHeader
        documentTitle={`${report.projectCode} status report, ${formatPeriod(report.period)}`}
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/projects">Projects</Link>
            <span aria-hidden="true">/</span>
            <Link to={projectPath} className="mono">
              {report.projectCode}
            </Link>
            <span aria-hidden="true">/</span>
            <Link to={`${projectPath}?tab=status`}>Status reports</Link>
          </nav>
        }
        title={
          <span className="title-with-badge">
            Status report: {formatPeriod(report.period)}
            <ReportStatusBadge status={report.status} />
            {report.overdue && <Badge tone="red">Overdue</Badge>}
          </span>
        }
        subtitle={`${report.projectName} · ${dueText(report)}`}
        actions={<StatusReportPdfButton reportId={report.id} />}
      />
      <div className="stack">
        <MismatchBanner report={report} />
        <ReviewNotice report={report} />
        <div className="overview">
          <div className="stack">
            {actions.includes('edit') ? (
              <ReportForm key={`${report.id}-${report.status}`} report={report} />
            ) : (
              <ReportReadOnly report={report} />
            )}
            {actions.includes('review') && <ReviewCard report={report} />}
            <CommentsCard report={report} />
          </div>
          <div className="stack">
            <ComputedHealthCard report={report} />
            <FiguresCard report={report} currency={project.data?.currency ?? 'EUR'} />
            <DetailsCard report={report} />
          </div>
        </div>
      </div>
    </div>
  );
}

/** One month's status report of a project: narrative, reported and computed health, review and comments. */
export function StatusReportPage() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: statusReportKeys.detail(id),
    queryFn: ({ signal }) => fetchStatusReport(id, signal),
  });
  if (query.isPending) return <LoadingState label="Loading the status report…" />;
  if (query.isError) {
    if (isApiProblem(query.error, 404) || isApiProblem(query.error, 400))
      return (
        <div className="page">
          <EmptyState
            title="Status report not found"
            actions={<ButtonLink to="/reporting/status">Back to the status reports</ButtonLink>}
          >
            It may have been removed, or the link is wrong.
          </EmptyState>
        </div>
      );
    return (
      <div className="page">
        <ErrorState
          error={query.error}
          title="Could not load the status report"
          onRetry={() => query.refetch()}
        />
      </div>
    );
  }
  return <ReportView key={query.data.id} report={query.data} />;
}
