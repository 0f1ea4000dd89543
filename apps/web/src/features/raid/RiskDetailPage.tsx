import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../../api/client.ts';
import { fetchRisk, type Risk, type RiskMatrixSettings, raidKeys, updateRisk } from '../../api/raid.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useSession } from '../../app/session-context.ts';
import { Alert } from '../../design/Alert.tsx';
import { Badge } from '../../design/Badge.tsx';
import { Button, ButtonLink } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDate, formatDateTime } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { ActionsEditor } from './ActionsEditor.tsx';
import { LiveScore } from './NewRiskDialog.tsx';
import { ScoreWithLevel } from './RiskBits.tsx';
import {
  PROXIMITY_HINTS,
  PROXIMITY_LABELS,
  RESPONSE_LABELS,
  RESPONSES,
  RISK_STATUS_LABELS,
  RISK_STATUS_TONES,
  RISK_STATUSES,
  ratingOptions,
  SCOPE_LABELS,
  toOptions,
  whereHeld,
} from './raid-model.ts';
import { fieldErrorsOf, isConflict, problemText } from './raid-problems.ts';
import { useOwnerOptions, useProjectChoices, useRiskMatrix } from './raid-queries.ts';
import {
  editDraftOf,
  errorKeyOf,
  type RiskEditDraft,
  type RiskErrors,
  toUpdateRisk,
  validateRiskEdit,
} from './risk-form-model.ts';
import './raid.css';

/** One risk, to re-rate, respond to, review or close. */
export function RiskDetailPage() {
  const { id = '' } = useParams();
  const matrix = useRiskMatrix();
  const query = useQuery({ queryKey: raidKeys.risk(id), queryFn: ({ signal }) => fetchRisk(id, signal) });

  if (query.isPending || matrix.isPending) return <LoadingState label="Loading the risk…" />;
  if (query.isError || matrix.isError) {
    const error = query.error ?? matrix.error;
    if (isApiProblem(error, 404) || isApiProblem(error, 400))
      return (
        <div className="page">
          <EmptyState
            title="Risk not found"
            actions={<ButtonLink to="/risks">Back to the register</ButtonLink>}
          >
            It may have been deleted, or the link is wrong.
          </EmptyState>
        </div>
      );
    return (
      <div className="page">
        <ErrorState
          error={error}
          title="Could not load the risk"
          onRetry={() => {
            void query.refetch();
            void matrix.refetch();
          }}
        />
      </div>
    );
  }
  return <RiskEditor key={`${query.data.id}:${query.data.version}`} risk={query.data} matrix={matrix.data} />;
}

function RiskEditor({ risk, matrix }: { risk: Risk; matrix: RiskMatrixSettings }) {
  const { can } = useSession();
  const mayEdit = can('project.update');
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const projects = useProjectChoices();
  const [draft, setDraft] = useState<RiskEditDraft>(() => editDraftOf(risk));
  const [errors, setErrors] = useState<RiskErrors>({});
  const owners = useOwnerOptions([draft.ownerId, ...draft.actions.map((a) => a.ownerId)]);
  const held = whereHeld(risk);
  const set = (patch: Partial<RiskEditDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const saved = (r: Risk, title: string) => {
    queryClient.setQueryData(raidKeys.risk(r.id), r);
    void queryClient.invalidateQueries({ queryKey: raidKeys.risks });
    showToast({ tone: 'success', title, text: `${r.code} is now at version ${r.version}.` });
  };
  const onError = (error: unknown) => {
    if (isConflict(error)) {
      showToast({
        tone: 'error',
        title: 'Someone else changed this risk',
        text: 'The latest version is loaded; make your change again.',
      });
      void queryClient.invalidateQueries({ queryKey: raidKeys.risk(risk.id) });
      return;
    }
    setErrors({ ...fieldErrorsOf(error, errorKeyOf), form: problemText(error) });
  };
  const save = useMutation({
    mutationFn: (body: NonNullable<ReturnType<typeof toUpdateRisk>>) => updateRisk(risk.id, body),
    onSuccess: (r) => saved(r, 'Risk saved'),
    onError,
  });
  // Reviewing also saves what was changed on the page: the review is of the risk as it now reads.
  const review = useMutation({
    mutationFn: (body: NonNullable<ReturnType<typeof toUpdateRisk>>) =>
      updateRisk(risk.id, { ...body, reviewed: true }),
    onSuccess: (r) => saved(r, 'Marked reviewed'),
    onError,
  });
  const markReviewed = () => {
    const found = validateRiskEdit(draft, matrix.size);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    review.mutate(toUpdateRisk(draft, risk, matrix.size) ?? { version: risk.version });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateRiskEdit(draft, matrix.size);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = toUpdateRisk(draft, risk, matrix.size);
    if (!body) {
      showToast({ title: 'Nothing to save', text: 'You have not changed anything.' });
      return;
    }
    save.mutate(body);
  };

  const ratings = (labels: readonly string[], placeholder?: string) => ({
    options: ratingOptions(labels, matrix.size),
    ...(placeholder ? { placeholder } : {}),
  });
  const linkable = (projects.data ?? []).filter(
    (p) =>
      draft.projectIds.includes(p.id) ||
      (p.status !== 'completed' &&
        p.status !== 'cancelled' &&
        (risk.scope !== 'portfolio' || p.portfolioId === risk.portfolioId)),
  );

  return (
    <div className="page">
      <PageHeader
        documentTitle={`${risk.code} ${risk.title}`}
        eyebrow={
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/risks">Risk register</Link>
            <span aria-hidden="true">/</span>
            <span className="mono">{risk.code}</span>
          </nav>
        }
        title={
          <span className="title-with-badge">
            {risk.title}
            <ScoreWithLevel score={risk.score} level={risk.level} />
            <Badge tone={RISK_STATUS_TONES[risk.status]}>{RISK_STATUS_LABELS[risk.status]}</Badge>
          </span>
        }
        subtitle={
          <>
            {held.scope === 'project' ? (
              <>
                Project risk of{' '}
                {risk.projectId ? (
                  <Link to={`/projects/${risk.projectId}?tab=raid`} className="raid-inline-link">
                    {risk.projectCode} {risk.projectName}
                  </Link>
                ) : (
                  held.label
                )}
              </>
            ) : (
              <>
                Shared at the {SCOPE_LABELS[held.scope].toLowerCase()} {held.label}
                {held.linked.length > 0
                  ? `, linked to ${held.linked.join(', ')}`
                  : ', not linked to projects yet'}
              </>
            )}
            {' · '}
            {risk.reviewedAt ? `Last reviewed ${formatDateTime(risk.reviewedAt)}` : 'Never reviewed'}
          </>
        }
        actions={
          mayEdit ? (
            <Button onClick={markReviewed} loading={review.isPending}>
              <span aria-hidden="true">✓</span> Mark reviewed
            </Button>
          ) : null
        }
      />
      <form className="stack" onSubmit={submit} noValidate aria-label={`Edit ${risk.code}`}>
        {errors.form && (
          <Alert tone="error" title="Not saved">
            {errors.form}
          </Alert>
        )}
        {!mayEdit && (
          <Alert title="Read only">
            You can see this risk; changing it needs the right to edit its project.
          </Alert>
        )}
        <fieldset className="raid-plain-fieldset" disabled={!mayEdit}>
          <div className="raid-detail">
            <div className="stack">
              <Card
                title="Rating"
                description="Re-rate as things change; the residual rating is after the response."
              >
                <div className="stack">
                  <div className="grid-3 raid-rating-row">
                    <Field label="Probability" required error={errors.probability}>
                      <Select
                        value={draft.probability}
                        {...ratings(matrix.probabilityLabels)}
                        onChange={(e) => set({ probability: e.target.value })}
                      />
                    </Field>
                    <Field label="Impact" required error={errors.impact}>
                      <Select
                        value={draft.impact}
                        {...ratings(matrix.impactLabels)}
                        onChange={(e) => set({ impact: e.target.value })}
                      />
                    </Field>
                    <LiveScore probability={draft.probability} impact={draft.impact} matrix={matrix} />
                  </div>
                  <div className="grid-3 raid-rating-row">
                    <Field label="Residual probability" error={errors.residualProbability}>
                      <Select
                        value={draft.residualProbability}
                        {...ratings(matrix.probabilityLabels, 'Not rated')}
                        onChange={(e) => set({ residualProbability: e.target.value })}
                      />
                    </Field>
                    <Field label="Residual impact" error={errors.residualImpact}>
                      <Select
                        value={draft.residualImpact}
                        {...ratings(matrix.impactLabels, 'Not rated')}
                        onChange={(e) => set({ residualImpact: e.target.value })}
                      />
                    </Field>
                    <LiveScore
                      label="Residual score"
                      probability={draft.residualProbability}
                      impact={draft.residualImpact}
                      matrix={matrix}
                    />
                  </div>
                  <div className="grid-3 raid-rating-row">
                    <Field
                      label="Schedule impact (working days)"
                      error={errors.scheduleImpactDays}
                      hint="The slip if it occurs, for forecasts"
                    >
                      <Input
                        inputMode="numeric"
                        value={draft.scheduleImpactDays}
                        onChange={(e) => set({ scheduleImpactDays: e.target.value })}
                      />
                    </Field>
                    <Field label="Cost impact" error={errors.costImpactMinor} hint="The cost if it occurs">
                      <Input
                        inputMode="decimal"
                        value={draft.costImpact}
                        onChange={(e) => set({ costImpact: e.target.value })}
                      />
                    </Field>
                    <Field
                      label="Probability %"
                      error={errors.probabilityPercent}
                      hint="Empty: taken from the probability rating"
                    >
                      <Input
                        inputMode="numeric"
                        value={draft.probabilityPercent}
                        onChange={(e) => set({ probabilityPercent: e.target.value })}
                      />
                    </Field>
                  </div>
                </div>
              </Card>
              <Card title="Response">
                <div className="stack">
                  <Field label="Response" error={errors.response}>
                    <Select
                      value={draft.response}
                      placeholder="Not decided"
                      options={toOptions(RESPONSES, RESPONSE_LABELS)}
                      onChange={(e) => set({ response: e.target.value as RiskEditDraft['response'] })}
                    />
                  </Field>
                  <Field label="Mitigation" error={errors.mitigation}>
                    <Textarea
                      rows={3}
                      value={draft.mitigation}
                      onChange={(e) => set({ mitigation: e.target.value })}
                    />
                  </Field>
                  <ActionsEditor
                    actions={draft.actions}
                    owners={owners}
                    errors={errors}
                    disabled={!mayEdit}
                    onChange={(actions) => set({ actions })}
                  />
                </div>
              </Card>
            </div>
            <div className="stack">
              <Card title="Details">
                <div className="stack">
                  <Field label="Title" required error={errors.title}>
                    <Input
                      value={draft.title}
                      maxLength={200}
                      onChange={(e) => set({ title: e.target.value })}
                    />
                  </Field>
                  <Field label="Status" error={errors.status}>
                    <Select
                      value={draft.status}
                      options={toOptions(RISK_STATUSES, RISK_STATUS_LABELS)}
                      onChange={(e) => set({ status: e.target.value as RiskEditDraft['status'] })}
                    />
                  </Field>
                  <Field label="Owner" error={errors.ownerId}>
                    <Select
                      value={draft.ownerId}
                      placeholder="Nobody yet"
                      options={owners}
                      onChange={(e) => set({ ownerId: e.target.value })}
                    />
                  </Field>
                  <Field
                    label="Expected by"
                    hint={`Proximity now: ${PROXIMITY_LABELS[risk.proximity]} (${PROXIMITY_HINTS[risk.proximity]}).`}
                    error={errors.expectedBy}
                  >
                    <Input
                      type="date"
                      value={draft.expectedBy}
                      onChange={(e) => set({ expectedBy: e.target.value })}
                    />
                  </Field>
                  <Field label="Trigger" hint="The sign that it is about to happen." error={errors.trigger}>
                    <Input value={draft.trigger} onChange={(e) => set({ trigger: e.target.value })} />
                  </Field>
                  <Field label="Category" error={errors.category}>
                    <Input
                      value={draft.category}
                      maxLength={100}
                      onChange={(e) => set({ category: e.target.value })}
                    />
                  </Field>
                  <Field label="Description" error={errors.description}>
                    <Textarea
                      rows={3}
                      value={draft.description}
                      onChange={(e) => set({ description: e.target.value })}
                    />
                  </Field>
                </div>
              </Card>
              {risk.scope !== 'project' && (
                <Card
                  title="Linked projects"
                  description="The shared risk shows in each linked project’s RAID log."
                >
                  {errors.projectIds && (
                    <p className="b-field__error">
                      <span aria-hidden="true">⚠</span>
                      {errors.projectIds}
                    </p>
                  )}
                  {projects.isPending ? (
                    <LoadingState label="Loading projects…" />
                  ) : (
                    <fieldset className="raid-plain-fieldset">
                      <legend className="visually-hidden">Linked projects</legend>
                      <ul className="raid-links raid-links--tall">
                        {linkable.map((p) => (
                          <li key={p.id}>
                            <label className="b-checkbox">
                              <input
                                type="checkbox"
                                checked={draft.projectIds.includes(p.id)}
                                onChange={(e) =>
                                  set({
                                    projectIds: e.target.checked
                                      ? [...draft.projectIds, p.id]
                                      : draft.projectIds.filter((x) => x !== p.id),
                                  })
                                }
                              />
                              <span className="mono">{p.code}</span> {p.name}
                            </label>
                          </li>
                        ))}
                      </ul>
                    </fieldset>
                  )}
                </Card>
              )}
              <p className="subtle raid-note">
                Raised {formatDate(risk.createdAt.slice(0, 10))} · updated {formatDateTime(risk.updatedAt)} ·
                version {risk.version}
              </p>
            </div>
          </div>
        </fieldset>
        {mayEdit && (
          <div className="form-actions">
            <Button type="submit" variant="primary" loading={save.isPending}>
              Save changes
            </Button>
            <Button
              onClick={() => {
                setDraft(editDraftOf(risk));
                setErrors({});
              }}
            >
              Discard changes
            </Button>
          </div>
        )}
      </form>
    </div>
  );
}
