import type { GateReview } from '../../api/governance.ts';
import { Badge } from '../../design/Badge.tsx';
import { Card } from '../../design/Card.tsx';
import { formatDateTime } from '../../design/format.ts';
import { DECISION_LABELS, DECISION_TONES, evidenceLine } from './lifecycle-model.ts';

/** Every gate review of the project, newest first: what was submitted, and what was decided and why. */
export function GateHistory({ reviews }: { reviews: readonly GateReview[] }) {
  return (
    <Card title="Gate review history" description="Newest first">
      {reviews.length === 0 ? (
        <p className="subtle">
          No gate reviews yet. Each submission for review, and its decision, is kept here.
        </p>
      ) : (
        <ol className="gov-history">
          {reviews.map((r) => (
            <li key={r.id} className="gov-history__item">
              <div className="gov-history__head">
                <span className="gov-history__phase">{r.phaseName}</span>
                {r.decision ? (
                  <Badge tone={DECISION_TONES[r.decision]}>{DECISION_LABELS[r.decision]}</Badge>
                ) : (
                  <Badge tone="blue">Awaiting decision</Badge>
                )}
              </div>
              <p className="gov-meta">
                Submitted {r.submittedByName ? `by ${r.submittedByName} ` : ''}on{' '}
                {formatDateTime(r.submittedAt)} · {evidenceLine(r.evidence)}
              </p>
              {r.decision && (
                <>
                  <p className="gov-meta">
                    Decided{r.decidedByName ? ` by ${r.decidedByName}` : ''}
                    {r.decidedAt ? ` on ${formatDateTime(r.decidedAt)}` : ''}
                  </p>
                  {r.rationale && <p className="gov-rationale">{r.rationale}</p>}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
