import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { exportFileName } from '../../api/exports.ts';
import { governanceKeys, listGateReviews } from '../../api/governance.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { ButtonLink } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { ExportButtons } from '../../design/ExportButtons.tsx';
import { formatDateTime, formatRelative } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { Table } from '../../design/Table.tsx';
import { gateQueueExportColumns, gateQueueExportRow } from './gate-export.ts';
import { projectStatusLabel } from './lifecycle-model.ts';
import { plural } from './template-model.ts';
import './governance.css';

/** Gates waiting for a decision, oldest first, with the evidence each was submitted with. */
export function GateReviewsPage() {
  const { can } = useSession();
  const query = useQuery({
    queryKey: governanceKeys.queue,
    queryFn: ({ signal }) => listGateReviews(signal),
  });
  const items = query.data?.items ?? [];
  const mayDecide = can('project.approve');
  return (
    <div className="page">
      <PageHeader
        title="Gate reviews"
        subtitle="Stage gates submitted for review and waiting for a decision: go, hold, recycle or kill."
        actions={
          <ExportButtons
            fileName={exportFileName('gate-reviews')}
            what="gate reviews"
            columns={gateQueueExportColumns()}
            rows={items.map(gateQueueExportRow)}
            disabled={items.length === 0}
          />
        }
      />
      <Card flush as="div">
        {query.isPending ? (
          <LoadingState label="Loading the gate reviews…" />
        ) : query.isError ? (
          <ErrorState
            error={query.error}
            title="Could not load the gate reviews"
            onRetry={() => query.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState title="No gates waiting for a decision" icon="✓">
            When a project submits a gate for review, it appears here with its evidence.
          </EmptyState>
        ) : (
          <>
            <p className="gov-queue-summary">
              {plural(items.length, 'gate')} waiting
              {items[0]
                ? `, ${items.length > 1 ? 'the oldest ' : ''}submitted ${formatRelative(items[0].submittedAt)}`
                : ''}
              .
            </p>
            <Table className="gov-queue" scrollLabel="Gates waiting for a decision">
              <caption className="visually-hidden">Gates waiting for a decision, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col">Phase</th>
                  <th scope="col">Submitted</th>
                  <th scope="col" className="num">
                    Criteria met
                  </th>
                  <th scope="col" className="num">
                    Deliverables accepted
                  </th>
                  <th scope="col">Open high risks</th>
                  <th scope="col" className="num">
                    Open issues
                  </th>
                  <th scope="col">Project status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => {
                  const e = r.evidence;
                  const to = `/projects/${r.projectId}?tab=lifecycle`;
                  return (
                    <tr key={r.id}>
                      <td className="cell-name">
                        <Link to={to} className="cell-name__link">
                          <span className="mono">{r.projectCode}</span> {r.projectName}
                        </Link>
                      </td>
                      <td>{r.phaseName}</td>
                      <td className="nowrap">
                        <span title={formatDateTime(r.submittedAt)}>{formatRelative(r.submittedAt)}</span>
                        {r.submittedByName && <span className="cell-sub">by {r.submittedByName}</span>}
                      </td>
                      <td className="num">
                        {e.criteriaMet} / {e.criteriaTotal}
                      </td>
                      <td className="num">
                        {e.deliverablesAccepted} / {e.deliverablesTotal}
                      </td>
                      <td>
                        {e.openHighRisks.length === 0 ? (
                          <span className="subtle">None</span>
                        ) : (
                          <>
                            <strong className="gov-high">{e.openHighRisks.length}</strong>
                            <span className="cell-sub">
                              {e.openHighRisks.map((risk) => (
                                <span key={risk.id} className="mono gov-risk-code" title={risk.title}>
                                  {risk.code}
                                </span>
                              ))}
                            </span>
                          </>
                        )}
                      </td>
                      <td className="num">{e.openIssues}</td>
                      <td>{projectStatusLabel(e.projectStatus)}</td>
                      <td className="nowrap">
                        <ButtonLink
                          size="sm"
                          to={to}
                          aria-label={`${mayDecide ? 'Review and decide' : 'Open'} the ${r.phaseName} gate of ${r.projectCode} ${r.projectName}`}
                        >
                          {mayDecide ? 'Review…' : 'Open'}
                        </ButtonLink>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          </>
        )}
      </Card>
    </div>
  );
}
