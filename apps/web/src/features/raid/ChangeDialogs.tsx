import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { projectKeys } from '../../api/projects.ts';
import {
  type ChangeRequest,
  createChangeRequest,
  decideChangeRequest,
  type Rebaseline,
  raidKeys,
} from '../../api/raid.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button } from '../../design/Button.tsx';
import { Dialog } from '../../design/Dialog.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDateTime, getMinorDigits } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import {
  type ChangeDraft,
  type ChangeErrors,
  type DecisionKind,
  emptyChangeDraft,
  formatCostImpact,
  formatMajor,
  formatScheduleImpact,
  previewLevel,
  rebaselineLines,
  toCreateChange,
  validateChange,
  validateChangeDecision,
} from './change-model.ts';
import { CHANGE_LEVEL_LABELS, CHANGE_LEVEL_TONES } from './raid-model.ts';
import { fieldErrorsOf, problemText } from './raid-problems.ts';
import { useChangeThresholds, useProjectChoices } from './raid-queries.ts';

const CLOSED = new Set(['completed', 'cancelled']);

export function LevelOfChange({ level }: { level: ChangeRequest['level'] }) {
  return <Badge tone={CHANGE_LEVEL_TONES[level]}>{CHANGE_LEVEL_LABELS[level]}</Badge>;
}

/** Budget and finish before → after, and the baseline saved: what approving a change did. */
export function RebaselineTable({ rebaseline, currency }: { rebaseline: Rebaseline; currency: string }) {
  const { lines, baseline } = rebaselineLines(rebaseline, currency);
  return (
    <div className="stack-sm">
      <table className="b-table raid-rebaseline">
        <caption className="visually-hidden">What was re-baselined</caption>
        <thead>
          <tr>
            <th scope="col">Re-baselined</th>
            <th scope="col">Before</th>
            <th scope="col">
              <span className="visually-hidden">changed to</span>
            </th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.label}>
              <th scope="row">{l.label}</th>
              <td className="nowrap">{l.before}</td>
              <td className="raid-rebaseline__arrow" aria-hidden="true">
                →
              </td>
              <td className="nowrap raid-rebaseline__after">{l.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="raid-note">{baseline}</p>
    </div>
  );
}

/** The request's impact and routing, as a definition list. */
export function ChangeSummary({ change }: { change: ChangeRequest }) {
  return (
    <dl className="raid-summary">
      <div>
        <dt>Cost impact</dt>
        <dd className="num-strong">{formatCostImpact(change.costImpact, change.currency)}</dd>
      </div>
      <div>
        <dt>Schedule impact</dt>
        <dd className="num-strong">{formatScheduleImpact(change.scheduleImpactDays)}</dd>
      </div>
      <div className="span-all">
        <dt>Routed to</dt>
        <dd>
          <LevelOfChange level={change.level} /> <span className="cell-secondary">{change.routing}</span>
        </dd>
      </div>
      {change.scopeImpact && (
        <div className="span-all">
          <dt>Scope impact</dt>
          <dd className="prose">{change.scopeImpact}</dd>
        </div>
      )}
      {change.benefitsImpact && (
        <div className="span-all">
          <dt>Benefits impact</dt>
          <dd className="prose">{change.benefitsImpact}</dd>
        </div>
      )}
      {change.description && (
        <div className="span-all">
          <dt>Description</dt>
          <dd className="prose">{change.description}</dd>
        </div>
      )}
      <div className="span-all">
        <dt>Requested</dt>
        <dd>
          {change.requestedByName ?? 'Someone'}, {formatDateTime(change.createdAt)}
        </dd>
      </div>
    </dl>
  );
}

/**
 * Approve or reject a change request with a reason. After an approval the dialog stays open to show
 * what was re-baselined: the budget, the planned finish and the schedule baseline saved.
 */
export function ChangeDecideDialog({ change, onClose }: { change: ChangeRequest; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const name = useId();
  const [decision, setDecision] = useState<DecisionKind | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ decision?: string; reason?: string }>({});
  const [result, setResult] = useState<ChangeRequest | null>(null);
  const save = useMutation({
    mutationFn: (body: { decision: DecisionKind; reason: string }) => decideChangeRequest(change.id, body),
    onSuccess: (decided) => {
      void queryClient.invalidateQueries({ queryKey: raidKeys.changes });
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      showToast({
        tone: 'success',
        title: decided.status === 'approved' ? `${decided.code} approved` : `${decided.code} rejected`,
        text:
          decided.status === 'approved'
            ? 'The budget and schedule were re-baselined.'
            : 'The requester sees your reason.',
      });
      if (decided.status === 'approved' && decided.rebaseline) setResult(decided);
      else onClose();
    },
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: raidKeys.changes });
    },
  });
  const submit = () => {
    const problems = validateChangeDecision({ decision, reason });
    setErrors(problems ?? {});
    if (problems || !decision) return;
    save.mutate({ decision, reason: reason.trim() });
  };

  if (result?.rebaseline) {
    return (
      <Dialog
        open
        onClose={onClose}
        title={`${result.code} approved`}
        description={`${result.projectCode} ${result.projectName} was re-baselined in the same step.`}
        footer={
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        }
      >
        <RebaselineTable rebaseline={result.rebaseline} currency={result.currency} />
      </Dialog>
    );
  }

  const errorId = `${name}-decision-error`;
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={`Decide on ${change.code}`}
      description={`${change.title} — ${change.projectCode} ${change.projectName}`}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant={decision === 'reject' ? 'danger' : 'primary'}
            loading={save.isPending}
            disabled={!change.mayDecide}
          >
            {decision === 'approve'
              ? 'Approve and re-baseline'
              : decision === 'reject'
                ? 'Reject change'
                : 'Record decision'}
          </Button>
        </>
      }
    >
      <div className="stack">
        {save.isError && (
          <Alert tone="error" title="The decision was not recorded">
            {problemText(save.error)}
          </Alert>
        )}
        {!change.mayDecide && (
          <Alert tone="warning" title="You may not decide this change">
            {change.routing}.
          </Alert>
        )}
        <ChangeSummary change={change} />
        <fieldset className="raid-choices" aria-describedby={errors.decision ? errorId : undefined}>
          <legend className="b-field__label">
            Decision{' '}
            <span className="b-field__required" aria-hidden="true">
              *
            </span>
          </legend>
          {(
            [
              [
                'approve',
                'Approve',
                'Adds the cost impact to the budget, moves the planned finish and saves a schedule baseline.',
              ],
              ['reject', 'Reject', 'Nothing changes on the project; the reason is kept with the request.'],
            ] as const
          ).map(([value, label, hint]) => (
            <label key={value} className="raid-choice" data-checked={decision === value || undefined}>
              <input
                type="radio"
                name={name}
                value={value}
                checked={decision === value}
                required
                aria-describedby={`${name}-${value}-hint`}
                onChange={() => setDecision(value)}
              />
              <span>
                <span className="raid-choice__label">{label}</span>
                <span className="raid-choice__hint" id={`${name}-${value}-hint`}>
                  {hint}
                </span>
              </span>
            </label>
          ))}
          {errors.decision && (
            <p className="b-field__error" id={errorId}>
              <span aria-hidden="true">⚠</span>
              {errors.decision}
            </p>
          )}
        </fieldset>
        <Field
          label="Reason"
          required
          error={errors.reason}
          hint="Kept with the decision and shown in the history."
        >
          <Textarea rows={3} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}

/** Submit a change request: its impact on scope, cost, schedule and benefits; routed by the thresholds. */
export function ChangeRequestDialog({
  projectId: fixedProjectId,
  onClose,
}: {
  projectId?: string | undefined;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const projects = useProjectChoices();
  const thresholds = useChangeThresholds();
  const [draft, setDraft] = useState<ChangeDraft>(() => emptyChangeDraft(fixedProjectId));
  const [errors, setErrors] = useState<ChangeErrors>({});
  const set = (patch: Partial<ChangeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const project = (projects.data ?? []).find((p) => p.id === draft.projectId);
  const currency = project?.currency ?? 'EUR';
  const level = previewLevel(draft, currency, thresholds.data);
  const save = useMutation({
    mutationFn: () => createChangeRequest(toCreateChange(draft, currency)),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: raidKeys.changes });
      showToast({
        tone: 'success',
        title: `Change request submitted: ${c.code}`,
        text: c.level === 'change_board' ? 'It goes to the change board.' : 'The project manager decides it.',
      });
      onClose();
    },
    onError: (error) => setErrors({ ...fieldErrorsOf(error), form: problemText(error) }),
  });
  const submit = () => {
    const found = validateChange(draft, currency);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const t = thresholds.data;
  const digits = getMinorDigits(currency);

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title="Submit a change request"
      description="The cost and schedule impact decide who approves it: the project manager within the PMO’s limits, the change board above them."
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={save.isPending}>
            Submit change request
          </Button>
        </>
      }
    >
      <div className="stack">
        {errors.form && (
          <Alert tone="error" title="Not submitted">
            {errors.form}
          </Alert>
        )}
        <div className="grid-2">
          <Field label="Project" required error={errors.projectId}>
            <Select
              value={draft.projectId}
              disabled={Boolean(fixedProjectId)}
              placeholder={projects.isPending ? 'Loading projects…' : 'Choose a project'}
              options={(projects.data ?? [])
                .filter((p) => !CLOSED.has(p.status) || p.id === draft.projectId)
                .map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
              onChange={(e) => set({ projectId: e.target.value })}
            />
          </Field>
          <Field label="Title" required error={errors.title}>
            <Input value={draft.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />
          </Field>
          <Field
            label={`Cost impact (${currency})`}
            required
            hint={`Change to the budget in ${currency}${digits > 0 ? '' : ', whole units'}: negative when it saves money.`}
            error={errors.costImpact}
          >
            <Input
              inputMode="decimal"
              value={draft.costImpact}
              onChange={(e) => set({ costImpact: e.target.value })}
            />
          </Field>
          <Field
            label="Schedule impact (days)"
            required
            hint="Calendar days the planned finish moves: negative when earlier."
            error={errors.scheduleImpactDays}
          >
            <Input
              inputMode="numeric"
              value={draft.scheduleImpactDays}
              onChange={(e) => set({ scheduleImpactDays: e.target.value })}
            />
          </Field>
        </div>
        <output className="raid-live-score" aria-live="polite">
          <span className="raid-live-score__label">Routed to</span>
          {level ? (
            <>
              <LevelOfChange level={level} />
              {t && (
                <span className="cell-secondary">
                  {level === 'change_board'
                    ? `above the project manager’s limits of ${formatMajor(t.projectManagerCostLimit, currency)} or ${t.projectManagerDaysLimit} days`
                    : `within the project manager’s limits of ${formatMajor(t.projectManagerCostLimit, currency)} and ${t.projectManagerDaysLimit} days`}
                </span>
              )}
            </>
          ) : (
            <span className="subtle">Enter the cost and schedule impact</span>
          )}
        </output>
        <Field label="Scope impact" error={errors.scopeImpact}>
          <Textarea
            rows={2}
            value={draft.scopeImpact}
            onChange={(e) => set({ scopeImpact: e.target.value })}
          />
        </Field>
        <Field label="Benefits impact" error={errors.benefitsImpact}>
          <Textarea
            rows={2}
            value={draft.benefitsImpact}
            onChange={(e) => set({ benefitsImpact: e.target.value })}
          />
        </Field>
        <Field label="Description" error={errors.description}>
          <Textarea
            rows={2}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </Field>
      </div>
    </Dialog>
  );
}
