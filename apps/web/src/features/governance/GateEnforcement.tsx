import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { describeError } from '../../api/client.ts';
import {
  type GateEnforcement,
  type GateFinding,
  governanceKeys,
  type ProjectLifecycle,
  waiveGateItem,
  withdrawGateWaiver,
} from '../../api/governance.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';

const KIND_WORDS: Record<GateFinding['kind'], string> = {
  criterion: 'Criterion not met',
  deliverable: 'Deliverable not accepted',
  policy: 'PMO policy',
  compliance: 'Compliance rule not met',
};

function FindingText({ f }: { f: GateFinding }) {
  return (
    <>
      <strong>{KIND_WORDS[f.kind]}:</strong> {f.title}
      {f.detail && f.kind !== 'criterion' && f.kind !== 'deliverable' ? (
        <span className="subtle"> — {f.detail}</span>
      ) : null}
    </>
  );
}

/** The PMO's reason for letting the gate pass without one of its items. */
function WaiveDialog({
  projectId,
  phaseKey,
  finding,
  onClose,
}: {
  projectId: string;
  phaseKey: string;
  finding: GateFinding;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const waive = useMutation({
    mutationFn: () => waiveGateItem(projectId, phaseKey, { item: finding.item, reason: reason.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: governanceKeys.lifecycle(projectId) });
      showToast({ tone: 'success', title: `Waived: ${finding.title}` });
      onClose();
    },
    onError: (e) => setError(describeError(e)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Give the reason the PMO lets the gate pass without it.');
      return;
    }
    waive.mutate();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title="Waive a gate item"
      description={<FindingText f={finding} />}
      onSubmit={submit}
      footer={
        <>
          <Button type="button" variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={waive.isPending}>
            Waive
          </Button>
        </>
      }
    >
      <Field label="Reason" error={error ?? undefined} hint="Recorded with the gate and in the audit log.">
        <Textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </Dialog>
  );
}

/**
 * What the operating model makes of the gate in progress: under a supportive model what is unmet is
 * listed as a warning (the gate can be submitted, and the list is recorded with the review); under a
 * controlling or directive model it blocks, item by item, until met or waived by the PMO.
 */
export function GateEnforcementPanel({
  lifecycle,
  phaseKey,
  enforcement,
  mayWaive,
  describedById,
}: {
  lifecycle: ProjectLifecycle;
  phaseKey: string;
  enforcement: GateEnforcement;
  mayWaive: boolean;
  describedById: string;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [waiving, setWaiving] = useState<GateFinding | null>(null);
  const model = lifecycle.operatingModel;
  const waivers = lifecycle.waivers.filter((w) => w.phaseKey === phaseKey);
  const withdraw = useMutation({
    mutationFn: (waiverId: string) => withdrawGateWaiver(lifecycle.projectId, phaseKey, waiverId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: governanceKeys.lifecycle(lifecycle.projectId) });
      showToast({ tone: 'success', title: 'Waiver withdrawn' });
    },
    onError: (e) =>
      showToast({ tone: 'error', title: 'The waiver was not withdrawn', text: describeError(e) }),
  });
  const where = model.definedAtName ? ` (set by ${model.definedAtName})` : ' (the organisation’s default)';

  return (
    <div className="stack" id={describedById}>
      {enforcement.outcome === 'pass' && (
        <p className="gov-ready">
          <span aria-hidden="true">✓ </span>
          {enforcement.waived.length === 0
            ? 'Every required criterion, deliverable and compliance rule is met: the gate can be submitted for review.'
            : 'Everything else is met and the PMO waived the rest: the gate can be submitted for review.'}
        </p>
      )}
      {enforcement.outcome === 'warn' && (
        <Alert
          tone="warning"
          title={`${enforcement.warnings.length} item${enforcement.warnings.length === 1 ? '' : 's'} not met — recorded, not enforced`}
        >
          <p>
            Under the supportive model{where} standards are guidance: the gate can be submitted, and these are
            recorded with the review.
          </p>
          <ul className="gov-blockers">
            {enforcement.warnings.map((f) => (
              <li key={f.item}>
                <FindingText f={f} />
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {enforcement.outcome === 'block' && (
        <div>
          <p className="gov-not-ready">
            Blocked under the {model.label.toLowerCase()} model{where}: {enforcement.blocking.length} item
            {enforcement.blocking.length === 1 ? '' : 's'} must be met or waived by the PMO.
          </p>
          <ul className="gov-blockers gov-findings">
            {enforcement.blocking.map((f) => (
              <li key={f.item}>
                <span>
                  <FindingText f={f} />
                </span>
                {mayWaive && (
                  <Button size="sm" variant="ghost" onClick={() => setWaiving(f)}>
                    Waive<span className="visually-hidden"> {f.title}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {waivers.length > 0 && (
        <section aria-labelledby={`${id}-waived`}>
          <h4 className="gov-section-title" id={`${id}-waived`}>
            Waived by the PMO
          </h4>
          <ul className="gov-blockers gov-findings">
            {waivers.map((w) => {
              const f = enforcement.waived.find((x) => x.item === w.item);
              return (
                <li key={w.id}>
                  <span>
                    {f ? <FindingText f={f} /> : <span className="mono">{w.item}</span>}
                    <span className="gov-meta">
                      {' '}
                      — “{w.reason}”{w.waivedByName ? `, ${w.waivedByName}` : ''}
                    </span>
                  </span>
                  {mayWaive && (
                    <Button
                      size="sm"
                      variant="ghost"
                      loading={withdraw.isPending && withdraw.variables === w.id}
                      onClick={() => withdraw.mutate(w.id)}
                    >
                      Withdraw<span className="visually-hidden"> waiver of {f?.title ?? w.item}</span>
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {waiving && (
        <WaiveDialog
          projectId={lifecycle.projectId}
          phaseKey={phaseKey}
          finding={waiving}
          onClose={() => setWaiving(null)}
        />
      )}
    </div>
  );
}

/** What the review recorded from the operating model at submission: warnings, or the PMO's waivers. */
export function RecordedEnforcement({ enforcement }: { enforcement: GateEnforcement }) {
  if (enforcement.warnings.length === 0 && enforcement.waived.length === 0) return null;
  return (
    <div className="gov-evidence__risks">
      <dt>
        {enforcement.warnings.length ? 'Not met at submission (supportive model)' : 'Waived by the PMO'}
      </dt>
      <dd>
        <ul className="gov-risks">
          {[...enforcement.warnings, ...enforcement.waived].map((f) => (
            <li key={f.item}>
              <FindingText f={f} />
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}
