import { useId } from 'react';
import {
  type GateChecklistBody,
  type LifecyclePhase,
  type ProjectLifecycle,
  submitGate,
  updateGateChecklist,
} from '../../api/governance.ts';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { formatDateTime } from '../../design/format.ts';
import { GateChecklist } from './GateChecklist.tsx';
import { GateDecisionForm } from './GateDecisionForm.tsx';
import { GateEnforcementPanel } from './GateEnforcement.tsx';
import { GateEvidence } from './GateEvidence.tsx';
import {
  blockersOf,
  criterionPatch,
  DECIDED_WORDS,
  deliverablePatch,
  GATE_STATUS_LABELS,
  GATE_STATUS_TONES,
  gateModeOf,
  pendingReview,
  withChecklistPatch,
} from './lifecycle-model.ts';
import { useLifecycleChange } from './use-lifecycle-change.ts';

/** The last decided review of a phase, for "why is this gate on hold / open again". */
function lastDecided(lifecycle: ProjectLifecycle, phaseKey: string) {
  return lifecycle.reviews.find((r) => r.phaseKey === phaseKey && r.decision !== null) ?? null;
}

/**
 * The gate of the phase in progress: its checklist while open (or on hold), the evidence and the
 * decision form once submitted, or why the project stopped here.
 */
export function ActiveGateCard({
  lifecycle,
  phase,
  projectName,
}: {
  lifecycle: ProjectLifecycle;
  phase: LifecyclePhase;
  projectName: string;
}) {
  const { can } = useSession();
  const id = useId();
  const mayUpdate = can('project.update');
  const mayApprove = can('project.approve');
  const mode = gateModeOf(phase);
  const projectId = lifecycle.projectId;
  const checklist = useLifecycleChange(
    projectId,
    (patch: Omit<GateChecklistBody, 'version'>) =>
      updateGateChecklist(projectId, phase.key, { version: lifecycle.version, ...patch }),
    {
      failure: 'The checklist was not saved',
      optimistic: (patch, current) => withChecklistPatch(current, phase.key, patch),
    },
  );
  const submit = useLifecycleChange(projectId, () => submitGate(projectId, phase.key, lifecycle.version), {
    failure: 'The gate was not submitted',
    success: () => `${phase.gate.name} submitted for review`,
  });
  const review = pendingReview(lifecycle, phase.key);
  const decided = lastDecided(lifecycle, phase.key);
  const blockers = blockersOf(phase.readiness);
  const enforcement = lifecycle.enforcement;
  // The lifecycle carries the enforcement of the phase in progress (null only when none is active);
  // should it be missing, the readiness alone decides.
  const blocked = enforcement ? enforcement.outcome === 'block' : !phase.readiness.ready;
  // Under a directive model the PMO decides the gates; the project proposes by submitting.
  const directive = lifecycle.operatingModel.model === 'directive';
  const mayDecide = directive ? can('governance.manage') : mayApprove;

  return (
    <Card
      title={
        <span className="title-with-badge">
          {phase.gate.name}
          <Badge tone={GATE_STATUS_TONES[phase.gateState.status]}>
            {GATE_STATUS_LABELS[phase.gateState.status]}
          </Badge>
        </span>
      }
      description={`The gate that closes the ${phase.name} phase`}
    >
      <div className="stack">
        {mode === 'stopped' && (
          <Alert tone="error" title={`The project was stopped at the ${phase.gate.name}`}>
            {decided?.rationale && <p className="gov-rationale">{decided.rationale}</p>}
            {decided && (
              <p className="gov-meta">
                Decided{decided.decidedByName ? ` by ${decided.decidedByName}` : ''}
                {decided.decidedAt ? ` on ${formatDateTime(decided.decidedAt)}` : ''}
              </p>
            )}
          </Alert>
        )}
        {mode === 'checklist' &&
          decided &&
          (decided.decision === 'hold' || decided.decision === 'recycle') && (
            <Alert
              tone={decided.decision === 'hold' ? 'warning' : 'info'}
              title={
                decided.decision === 'hold'
                  ? 'The gate is on hold: submit it again when ready'
                  : 'The gate was recycled: the phase goes on'
              }
            >
              {decided.rationale && <p className="gov-rationale">{decided.rationale}</p>}
              <p className="gov-meta">
                {DECIDED_WORDS[decided.decision]}
                {decided.decidedByName ? ` by ${decided.decidedByName}` : ''}
                {decided.decidedAt ? ` on ${formatDateTime(decided.decidedAt)}` : ''}
              </p>
            </Alert>
          )}

        {mode === 'submitted' && (
          <>
            {review ? <GateEvidence review={review} /> : <p className="subtle">The gate is under review.</p>}
            {mayDecide ? (
              <GateDecisionForm
                key={lifecycle.version}
                lifecycle={lifecycle}
                phaseKey={phase.key}
                gateName={phase.gate.name}
                projectName={projectName}
              />
            ) : (
              <Alert title="Waiting for a decision">
                {directive
                  ? 'Under the directive model the PMO decides the gate: go, hold, recycle or kill. The checklist is frozen meanwhile.'
                  : 'An approver decides the gate: go, hold, recycle or kill. The checklist is frozen meanwhile.'}
              </Alert>
            )}
            <details className="gov-details">
              <summary>Checklist as submitted</summary>
              <GateChecklist phase={phase} editable={false} />
            </details>
          </>
        )}

        {mode === 'checklist' && (
          <>
            <GateChecklist
              phase={phase}
              editable={mayUpdate}
              busy={checklist.isPending || submit.isPending}
              onCriterion={(key, met) => checklist.mutate(criterionPatch(phase, key, met))}
              onDeliverable={(key, accepted) => checklist.mutate(deliverablePatch(key, accepted))}
            />
            <section className="gov-readiness" aria-labelledby={`${id}-readiness`}>
              <h3 className="gov-section-title" id={`${id}-readiness`}>
                Readiness
              </h3>
              {enforcement ? (
                <GateEnforcementPanel
                  lifecycle={lifecycle}
                  phaseKey={phase.key}
                  enforcement={enforcement}
                  mayWaive={can('governance.manage')}
                  describedById={`${id}-blockers`}
                />
              ) : (
                <p className="subtle" id={`${id}-blockers`}>
                  {blockers.join('; ')}
                </p>
              )}
              {mayUpdate && (
                <div className="row">
                  <Button
                    variant="primary"
                    disabled={blocked || checklist.isPending}
                    loading={submit.isPending}
                    aria-describedby={`${id}-blockers`}
                    onClick={() => submit.mutate(undefined)}
                  >
                    Submit for gate review
                  </Button>
                </div>
              )}
            </section>
          </>
        )}
      </div>
    </Card>
  );
}

/** A phase other than the one in progress: its gate, read-only — what was met, and who accepted what. */
export function PhaseGateCard({ phase }: { phase: LifecyclePhase }) {
  return (
    <Card
      title={
        <span className="title-with-badge">
          {phase.gate.name}
          <Badge tone={phase.status === 'done' ? 'green' : 'gray'}>
            {phase.status === 'done' ? 'Passed' : 'Not started'}
          </Badge>
        </span>
      }
      description={
        phase.status === 'done'
          ? `The gate that closed the ${phase.name} phase`
          : `The gate that will close the ${phase.name} phase`
      }
    >
      <GateChecklist phase={phase} editable={false} />
    </Card>
  );
}
