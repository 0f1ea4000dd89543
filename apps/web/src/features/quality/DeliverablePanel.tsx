import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiProblem } from '../../api/client.ts';
import {
  type DeliverableDetail,
  type DeliverableReview,
  fetchDeliverable,
  qualityKeys,
  updateDeliverable,
} from '../../api/quality.ts';
import type { Project } from '../../api/types.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { LoadingState } from '../../design/Spinner.tsx';
import { useToast } from '../../design/Toast.tsx';
import { problemText } from '../raid/raid-problems.ts';
import { AcceptanceCard } from './AcceptanceCard.tsx';
import { DeliverableDialog } from './DeliverableDialog.tsx';
import { NonConformancesCard } from './NonConformancesCard.tsx';
import {
  DELIVERABLE_STATUS_LABELS,
  DELIVERABLE_STATUS_TONES,
  humanise,
  OUTCOME_LABELS,
  reviewTally,
} from './quality-model.ts';
import { ReviewForm } from './ReviewForm.tsx';

function Verdict({ result }: { result: DeliverableReview['results'][string] | undefined }) {
  if (!result) return <span className="q-verdict">Not checked</span>;
  return result.passed ? (
    <span className="q-verdict q-verdict--pass">
      <span aria-hidden="true">✓ </span>Passed
    </span>
  ) : (
    <span className="q-verdict q-verdict--fail">
      <span aria-hidden="true">✗ </span>Failed
    </span>
  );
}

/** The effective checklist, by standard, with the latest review's verdict on each item. */
function ChecklistCard({ detail }: { detail: DeliverableDetail }) {
  const latest = detail.reviews[0];
  return (
    <Card
      title="Quality checklist"
      description={
        detail.standards.length === 0
          ? 'No quality standard applies to this type of deliverable.'
          : `From ${detail.standards.map((s) => `${s.name} (${s.orgUnitName ?? 'whole organisation'})`).join(' and ')}.`
      }
    >
      {detail.checklist.length === 0 ? (
        <p className="subtle">Nothing to check: a passing review and the acceptance criteria decide.</p>
      ) : (
        <ul className="q-items">
          {detail.checklist.map((i) => {
            const r = latest?.results[i.key];
            return (
              <li key={i.key} className="q-item" data-state={r ? (r.passed ? 'pass' : 'fail') : undefined}>
                <span className="q-item__text">
                  {i.text}
                  <span className="cell-sub">{i.standardName}</span>
                </span>
                <span className="q-item__meta">
                  {i.required ? <Badge tone="blue">Required</Badge> : <Badge>Optional</Badge>}
                  {latest && <Verdict result={r} />}
                </span>
                {r?.note && <p className="q-item__note">{r.note}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

/** The acceptance criteria; whoever edits the project ticks them off. */
function CriteriaCard({ detail, editable }: { detail: DeliverableDetail; editable: boolean }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const save = useMutation({
    mutationFn: (criteria: DeliverableDetail['acceptanceCriteria']) =>
      updateDeliverable(detail.id, { version: detail.version, acceptanceCriteria: criteria }),
    onSuccess: (saved) => {
      queryClient.setQueryData(qualityKeys.deliverable(detail.id), saved);
      void queryClient.invalidateQueries({ queryKey: qualityKeys.deliverables });
    },
    onError: (error) => {
      void queryClient.invalidateQueries({ queryKey: qualityKeys.deliverable(detail.id) });
      showToast({ tone: 'error', title: 'Not saved', text: problemText(error) });
    },
  });
  const met = detail.acceptanceCriteria.filter((c) => c.met).length;
  return (
    <Card
      title="Acceptance criteria"
      description={
        detail.acceptanceCriteria.length ? `${met} of ${detail.acceptanceCriteria.length} met.` : undefined
      }
    >
      {detail.acceptanceCriteria.length === 0 ? (
        <p className="subtle">None were set: the review’s checklist alone decides.</p>
      ) : (
        <ul className="q-items">
          {detail.acceptanceCriteria.map((c) => (
            <li key={c.key} className="q-item" data-state={c.met ? 'pass' : undefined}>
              {editable ? (
                <label className="b-checkbox q-item__text">
                  <input
                    type="checkbox"
                    checked={c.met}
                    disabled={save.isPending}
                    onChange={(e) =>
                      save.mutate(
                        detail.acceptanceCriteria.map((x) =>
                          x.key === c.key ? { ...x, met: e.target.checked } : x,
                        ),
                      )
                    }
                  />
                  <span>{c.text}</span>
                </label>
              ) : (
                <span className="q-item__text">
                  <span aria-hidden="true">{c.met ? '✓ ' : '○ '}</span>
                  {c.text}
                  <span className="visually-hidden">{c.met ? ': met' : ': not met'}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ReviewsCard({ detail }: { detail: DeliverableDetail }) {
  return (
    <Card title="Peer reviews" description={detail.reviews.length ? 'Newest first.' : undefined}>
      {detail.reviews.length === 0 ? (
        <p className="subtle">No review yet.</p>
      ) : (
        <ol className="q-reviews">
          {detail.reviews.map((r) => {
            const t = reviewTally(detail.checklist, r);
            return (
              <li key={r.id} className="q-review">
                <p className="q-review__head">
                  <Badge tone={r.outcome === 'pass' ? 'green' : 'amber'}>{OUTCOME_LABELS[r.outcome]}</Badge>{' '}
                  <strong>{r.reviewerName ?? 'Someone'}</strong>, {formatDateTime(r.at)}
                </p>
                <p className="subtle">
                  {t.passed} passed, {t.failed} failed{t.unchecked ? `, ${t.unchecked} not checked` : ''}
                </p>
                {r.comments && <p>{r.comments}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

/** One deliverable: its checklist, criteria, reviews, acceptance and non-conformances. */
export function DeliverablePanel({
  project,
  deliverableId,
  mayEdit,
}: {
  project: Project;
  deliverableId: string;
  mayEdit: boolean;
}) {
  const query = useQuery({
    queryKey: qualityKeys.deliverable(deliverableId),
    queryFn: ({ signal }) => fetchDeliverable(deliverableId, signal),
  });
  const [editing, setEditing] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const back = (
    <Link to="?tab=quality" className="q-back">
      <span aria-hidden="true">← </span>All deliverables
    </Link>
  );
  if (query.isPending) return <LoadingState label="Loading the deliverable…" />;
  if (query.isError)
    return (
      <div className="stack">
        {back}
        {isApiProblem(query.error, 404) ? (
          <Card>
            <EmptyState title="Deliverable not found">It may have been deleted.</EmptyState>
          </Card>
        ) : (
          <ErrorState
            error={query.error}
            title="Could not load the deliverable"
            onRetry={() => query.refetch()}
          />
        )}
      </div>
    );
  const d = query.data;
  const open = d.status !== 'accepted';
  return (
    <div className="stack">
      {back}
      <Card
        title={
          <span className="title-with-badge">
            <span className="mono">{d.code}</span> {d.name}
            <Badge tone={DELIVERABLE_STATUS_TONES[d.status]}>{DELIVERABLE_STATUS_LABELS[d.status]}</Badge>
          </span>
        }
        description={d.description ?? undefined}
        actions={
          mayEdit && open ? (
            <>
              <Button size="sm" onClick={() => setEditing(true)}>
                Edit
              </Button>
              {!reviewing && (
                <Button size="sm" variant="primary" onClick={() => setReviewing(true)}>
                  Record a review
                </Button>
              )}
            </>
          ) : null
        }
      >
        <dl className="b-dl q-facts">
          <div>
            <dt>Type</dt>
            <dd>{humanise(d.deliverableType)}</dd>
          </div>
          <div>
            <dt>Owner</dt>
            <dd>{d.ownerName ?? 'Unassigned'}</dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd>
              {formatDate(d.dueDate)} {d.overdue && <Badge tone="red">Overdue</Badge>}
            </dd>
          </div>
          <div>
            <dt>Gate deliverable</dt>
            <dd>
              {d.gate ? (
                <>
                  {d.gate.deliverableName ?? d.gate.deliverableKey} ({d.gate.phaseName ?? d.gate.phaseKey}
                  {d.gate.accepted ? ', accepted on the gate' : ''})
                </>
              ) : (
                'None'
              )}
            </dd>
          </div>
        </dl>
      </Card>
      {reviewing && open && <ReviewForm detail={d} onDone={() => setReviewing(false)} />}
      <AcceptanceCard detail={d} />
      <div className="q-columns">
        <ChecklistCard detail={d} />
        <div className="stack">
          <CriteriaCard detail={d} editable={mayEdit && open} />
          <ReviewsCard detail={d} />
        </div>
      </div>
      <NonConformancesCard project={project} mayEdit={mayEdit} deliverable={d} />
      {editing && <DeliverableDialog project={project} deliverable={d} onClose={() => setEditing(false)} />}
    </div>
  );
}
