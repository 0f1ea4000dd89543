import { useId } from 'react';
import type { LifecyclePhase } from '../../api/governance.ts';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { formatDateTime } from '../../design/format.ts';
import { checklistCounts } from './lifecycle-model.ts';

function RequiredBadge({ required }: { required: boolean }) {
  return required ? <Badge tone="blue">Required</Badge> : <Badge>Optional</Badge>;
}

/**
 * A gate's criteria and deliverables. Editable: criteria are checkboxes and deliverables have
 * Accept / Withdraw; otherwise the state is shown in words.
 */
export function GateChecklist({
  phase,
  editable,
  busy = false,
  onCriterion,
  onDeliverable,
}: {
  phase: LifecyclePhase;
  editable: boolean;
  /** A change is being saved: the controls wait for it (every change carries the version). */
  busy?: boolean;
  onCriterion?: (key: string, met: boolean) => void;
  onDeliverable?: (key: string, accepted: boolean) => void;
}) {
  const id = useId();
  const counts = checklistCounts(phase);
  const g = phase.gateState;
  const { criteria, deliverables } = phase.gate;
  return (
    <div className="gov-checklist">
      <section aria-labelledby={`${id}-criteria`}>
        <h3 className="gov-checklist__title" id={`${id}-criteria`}>
          Criteria{' '}
          <span className="gov-checklist__count">
            {counts.criteriaMet} of {counts.criteriaTotal} met
          </span>
        </h3>
        {criteria.length === 0 ? (
          <p className="subtle">This gate has no criteria.</p>
        ) : (
          <ul className="gov-items">
            {criteria.map((c) => {
              const state = g.criteria[c.key];
              const met = state?.met === true;
              return (
                <li key={c.key} className="gov-item" data-done={met || undefined}>
                  {editable ? (
                    <label className="b-checkbox gov-item__check">
                      <input
                        type="checkbox"
                        checked={met}
                        disabled={busy}
                        onChange={(e) => onCriterion?.(c.key, e.target.checked)}
                      />
                      <span>
                        {c.text}
                        {c.required && <span className="visually-hidden"> (required)</span>}
                      </span>
                    </label>
                  ) : (
                    <span className="gov-item__static">
                      <span className="gov-item__mark" aria-hidden="true">
                        {met ? '✓' : '○'}
                      </span>
                      <span>
                        {c.text}
                        <span className="visually-hidden">{met ? ': met' : ': not met'}</span>
                      </span>
                    </span>
                  )}
                  <span className="gov-item__meta">
                    <RequiredBadge required={c.required} />
                    {!editable && <span className="gov-item__state">{met ? 'Met' : 'Not met'}</span>}
                  </span>
                  {state?.note && <p className="gov-item__note">{state.note}</p>}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${id}-deliverables`}>
        <h3 className="gov-checklist__title" id={`${id}-deliverables`}>
          Deliverables{' '}
          <span className="gov-checklist__count">
            {counts.deliverablesAccepted} of {counts.deliverablesTotal} accepted
          </span>
        </h3>
        {deliverables.length === 0 ? (
          <p className="subtle">This gate asks for no deliverables.</p>
        ) : (
          <ul className="gov-items">
            {deliverables.map((d) => {
              const state = g.deliverables[d.key];
              const accepted = state?.accepted === true;
              return (
                <li key={d.key} className="gov-item" data-done={accepted || undefined}>
                  <span className="gov-item__static">
                    <span className="gov-item__mark" aria-hidden="true">
                      {accepted ? '✓' : '○'}
                    </span>
                    <span>
                      <span className="gov-item__name">{d.name}</span>
                      <span className="gov-item__who">
                        {accepted
                          ? `Accepted${state?.acceptedBy ? ` by ${state.acceptedBy}` : ''}${state?.acceptedAt ? `, ${formatDateTime(state.acceptedAt)}` : ''}`
                          : 'Not accepted yet'}
                      </span>
                    </span>
                  </span>
                  <span className="gov-item__meta">
                    <RequiredBadge required={d.required} />
                    {editable &&
                      (accepted ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={busy}
                          aria-label={`Withdraw acceptance of ${d.name}`}
                          onClick={() => onDeliverable?.(d.key, false)}
                        >
                          Withdraw
                        </Button>
                      ) : (
                        <Button
                          size="sm"
                          disabled={busy}
                          aria-label={`Accept ${d.name}`}
                          onClick={() => onDeliverable?.(d.key, true)}
                        >
                          Accept
                        </Button>
                      ))}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
