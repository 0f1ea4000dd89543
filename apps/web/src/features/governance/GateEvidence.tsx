import type { GateReview } from '../../api/governance.ts';
import { formatDateTime } from '../../design/format.ts';
import { RecordedEnforcement } from './GateEnforcement.tsx';
import { projectStatusLabel } from './lifecycle-model.ts';

/** What the reviewers see: the checklist as submitted, the project's status, open high risks and issues. */
export function GateEvidence({ review }: { review: GateReview }) {
  const e = review.evidence;
  return (
    <section className="gov-evidence" aria-label="Evidence submitted for the gate review">
      <p className="gov-evidence__by">
        Submitted {review.submittedByName ? `by ${review.submittedByName} ` : ''}on{' '}
        {formatDateTime(review.submittedAt)}
      </p>
      <dl className="gov-evidence__grid">
        <div>
          <dt>Criteria met</dt>
          <dd>
            {e.criteriaMet} of {e.criteriaTotal}
          </dd>
        </div>
        <div>
          <dt>Deliverables accepted</dt>
          <dd>
            {e.deliverablesAccepted} of {e.deliverablesTotal}
          </dd>
        </div>
        <div>
          <dt>Project status</dt>
          <dd>{projectStatusLabel(e.projectStatus)}</dd>
        </div>
        <div>
          <dt>Open issues</dt>
          <dd>{e.openIssues}</dd>
        </div>
        {e.documents.length > 0 && (
          <div className="gov-evidence__risks">
            <dt>Documents present</dt>
            <dd>
              <ul className="gov-risks">
                {e.documents.map((d) => (
                  <li key={d.deliverableKey}>
                    {d.name}:{' '}
                    {d.documentCount === 0
                      ? 'none'
                      : `${d.documentCount} document${d.documentCount === 1 ? '' : 's'}`}
                    {d.required && d.documentCount === 0 ? ' (required deliverable)' : ''}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div className="gov-evidence__risks">
          <dt>Open high risks</dt>
          <dd>
            {e.openHighRisks.length === 0 ? (
              'None'
            ) : (
              <ul className="gov-risks">
                {e.openHighRisks.map((r) => (
                  <li key={r.id}>
                    <span className="mono">{r.code}</span> {r.title}{' '}
                    <span className="gov-risks__score">score {r.score}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {e.enforcement && <RecordedEnforcement enforcement={e.enforcement} />}
      </dl>
      {(e.missingCriteria.length > 0 || e.missingDeliverables.length > 0) && (
        <div className="gov-evidence__missing">
          <p className="b-field__label">Missing at submission</p>
          <ul>
            {e.missingCriteria.map((c) => (
              <li key={`c-${c}`}>Criterion: {c}</li>
            ))}
            {e.missingDeliverables.map((d) => (
              <li key={`d-${d}`}>Deliverable: {d}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
