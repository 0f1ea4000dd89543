import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type ChangeThresholdSettings,
  type RiskMatrixSettings,
  raidKeys,
  updateChangeThresholds,
  updateRiskMatrix,
} from '../../api/raid.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { formatDateTime } from '../../design/format.ts';
import { Input } from '../../design/Input.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { useToast } from '../../design/Toast.tsx';
import { LEVEL_LABELS, LEVELS, levelGrid, plural } from './raid-model.ts';
import { fieldErrorsOf, isConflict, problemText } from './raid-problems.ts';
import { useChangeThresholds, useRiskMatrix } from './raid-queries.ts';
import {
  draftMatrix,
  levelCounts,
  type MatrixDraft,
  type MatrixErrors,
  matrixDraftOf,
  resizeLabels,
  type ThresholdDraft,
  type ThresholdErrors,
  thresholdDraftOf,
  toMatrixBody,
  toThresholdBody,
  validateMatrix,
  validateThresholds,
} from './settings-model.ts';
import './raid.css';

const SIZES = [3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ value: String(n), label: `${n} × ${n}` }));

/** The matrix the draft describes, every cell with its score and level. */
function LevelPreview({ draft }: { draft: MatrixDraft }) {
  const m = draftMatrix(draft);
  if (!m)
    return (
      <p className="subtle raid-note" role="status">
        Correct the size and thresholds to see the preview.
      </p>
    );
  const grid = levelGrid(m);
  const counts = levelCounts(m);
  const ratings = Array.from({ length: m.size }, (_, k) => m.size - k);
  const impacts = Array.from({ length: m.size }, (_, k) => k + 1);
  return (
    <div className="stack-sm">
      <table className="raid-preview">
        <caption className="visually-hidden">
          Preview: the level of each score, probability rows from {m.size} down to 1, impact columns from 1 to{' '}
          {m.size}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <abbr title="Probability, rows">P</abbr> \ <abbr title="Impact, columns">I</abbr>
            </th>
            {impacts.map((i) => (
              <th key={i} scope="col" title={draft.impactLabels[i - 1]}>
                {i}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ratings.map((p) => (
            <tr key={p}>
              <th scope="row" title={draft.probabilityLabels[p - 1]}>
                {p}
              </th>
              {impacts.map((i) => {
                const level = grid[p - 1]?.[i - 1] ?? 'low';
                return (
                  <td key={i} className={`raid-level--${level}`}>
                    {p * i}
                    <span className="raid-preview__level">{LEVEL_LABELS[level].charAt(0)}</span>
                    <span className="visually-hidden"> {LEVEL_LABELS[level]}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="raid-legend" aria-label="Cells per level">
        {LEVELS.map((level) => (
          <li key={level} className="raid-legend__item">
            <span className={`raid-swatch raid-level--${level}`} aria-hidden="true" />
            <span>
              <strong>
                {LEVEL_LABELS[level]} ({LEVEL_LABELS[level].charAt(0)})
              </strong>{' '}
              {plural(counts[level], 'cell')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function MatrixForm({ settings }: { settings: RiskMatrixSettings }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [draft, setDraft] = useState<MatrixDraft>(() => matrixDraftOf(settings));
  const [errors, setErrors] = useState<MatrixErrors>({});
  // New settings from the server (saved here or elsewhere) replace the draft unless it was edited.
  const [base, setBase] = useState(settings);
  if (base !== settings) {
    if (JSON.stringify(draft) === JSON.stringify(matrixDraftOf(base))) setDraft(matrixDraftOf(settings));
    setBase(settings);
  }
  const set = (patch: Partial<MatrixDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const size = Number(draft.size);

  const save = useMutation({
    mutationFn: (body: NonNullable<ReturnType<typeof toMatrixBody>>) => updateRiskMatrix(body),
    onSuccess: (s) => {
      queryClient.setQueryData(raidKeys.settings, s);
      // The thresholds share the version; the register's levels and heat map change with the matrix.
      void queryClient.invalidateQueries({ queryKey: raidKeys.thresholds });
      void queryClient.invalidateQueries({ queryKey: raidKeys.risks });
      setDraft(matrixDraftOf(s));
      setErrors({});
      showToast({
        tone: 'success',
        title: 'Risk matrix saved',
        text: `${s.size} × ${s.size}, version ${s.version}.`,
      });
    },
    onError: async (error) => {
      if (isConflict(error)) {
        showToast({
          tone: 'error',
          title: 'Someone else changed the settings',
          text: 'The latest settings are loaded; make your change again.',
        });
        await queryClient.invalidateQueries({ queryKey: raidKeys.thresholds });
        await queryClient.invalidateQueries({ queryKey: raidKeys.settings });
        const fresh = queryClient.getQueryData<RiskMatrixSettings>(raidKeys.settings);
        if (fresh) setDraft(matrixDraftOf(fresh));
        return;
      }
      setErrors({ ...fieldErrorsOf(error), form: problemText(error) });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateMatrix(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const latest = queryClient.getQueryData<RiskMatrixSettings>(raidKeys.settings) ?? settings;
    const body = toMatrixBody(draft, latest);
    if (!body) {
      showToast({ title: 'Nothing to save', text: 'The matrix is as saved.' });
      return;
    }
    save.mutate(body);
  };

  const labelInputs = (key: 'probabilityLabels' | 'impactLabels', title: string) => (
    <fieldset className="fieldset">
      <legend>{title}</legend>
      <div className="stack-sm">
        {errors[key] && (
          <p className="b-field__error">
            <span aria-hidden="true">⚠</span>
            {errors[key]}
          </p>
        )}
        {draft[key].map((label, k) => (
          <Field
            // biome-ignore lint/suspicious/noArrayIndexKey: one input per level, identified by its position
            key={k}
            label={`${title.replace(' labels', '')} ${k + 1}`}
            error={errors[`${key}.${k}`]}
          >
            <Input
              controlSize="sm"
              value={label}
              maxLength={60}
              onChange={(e) => set({ [key]: draft[key].map((l, j) => (j === k ? e.target.value : l)) })}
            />
          </Field>
        ))}
      </div>
    </fieldset>
  );

  return (
    <Card
      title="Risk matrix"
      description={`Risks are rated for probability and impact from 1 to the size; their product is the score. Saved ${formatDateTime(settings.updatedAt)}.`}
    >
      <form className="stack" onSubmit={submit} noValidate aria-label="Risk matrix">
        {errors.form && (
          <Alert tone="error" title="Not saved">
            {errors.form}
          </Alert>
        )}
        <div className="grid-3">
          <Field label="Size" error={errors.size} hint="Levels of probability and of impact.">
            <Select
              value={draft.size}
              options={SIZES}
              onChange={(e) => {
                const n = Number(e.target.value);
                set({
                  size: e.target.value,
                  probabilityLabels: resizeLabels(draft.probabilityLabels, n),
                  impactLabels: resizeLabels(draft.impactLabels, n),
                });
              }}
            />
          </Field>
          <Field label="Medium from score" required error={errors.mediumFrom}>
            <Input
              inputMode="numeric"
              value={draft.mediumFrom}
              onChange={(e) => set({ mediumFrom: e.target.value })}
            />
          </Field>
          <Field label="High from score" required error={errors.highFrom}>
            <Input
              inputMode="numeric"
              value={draft.highFrom}
              onChange={(e) => set({ highFrom: e.target.value })}
            />
          </Field>
        </div>
        <p className="subtle raid-note">
          Scores run from 1 to {Number.isFinite(size) ? size * size : '…'}: below “medium from” a risk is low.
        </p>
        <div>
          <p className="b-field__label">Preview</p>
          <LevelPreview draft={draft} />
        </div>
        <div className="raid-labels">
          {labelInputs('probabilityLabels', 'Probability labels')}
          {labelInputs('impactLabels', 'Impact labels')}
        </div>
        <div className="raid-form-actions">
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save risk matrix
          </Button>
          <Button
            onClick={() => {
              setDraft(
                matrixDraftOf(queryClient.getQueryData<RiskMatrixSettings>(raidKeys.settings) ?? settings),
              );
              setErrors({});
            }}
          >
            Discard changes
          </Button>
        </div>
      </form>
    </Card>
  );
}

function ThresholdsForm({ thresholds }: { thresholds: ChangeThresholdSettings }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [draft, setDraft] = useState<ThresholdDraft>(() => thresholdDraftOf(thresholds));
  const [errors, setErrors] = useState<ThresholdErrors & { form?: string }>({});
  // New thresholds from the server (saved here or elsewhere) replace the draft unless it was edited.
  const [base, setBase] = useState(thresholds);
  if (base !== thresholds) {
    if (JSON.stringify(draft) === JSON.stringify(thresholdDraftOf(base)))
      setDraft(thresholdDraftOf(thresholds));
    setBase(thresholds);
  }
  const save = useMutation({
    mutationFn: (body: NonNullable<ReturnType<typeof toThresholdBody>>) => updateChangeThresholds(body),
    onSuccess: (t) => {
      queryClient.setQueryData(raidKeys.thresholds, t);
      void queryClient.invalidateQueries({ queryKey: raidKeys.settings });
      void queryClient.invalidateQueries({ queryKey: raidKeys.changes });
      setDraft(thresholdDraftOf(t));
      setErrors({});
      showToast({ tone: 'success', title: 'Change thresholds saved', text: `Version ${t.version}.` });
    },
    onError: async (error) => {
      if (isConflict(error)) {
        showToast({
          tone: 'error',
          title: 'Someone else changed the settings',
          text: 'The latest settings are loaded; make your change again.',
        });
        await queryClient.invalidateQueries({ queryKey: raidKeys.settings });
        await queryClient.invalidateQueries({ queryKey: raidKeys.thresholds });
        const fresh = queryClient.getQueryData<ChangeThresholdSettings>(raidKeys.thresholds);
        if (fresh) setDraft(thresholdDraftOf(fresh));
        return;
      }
      setErrors({ ...fieldErrorsOf(error), form: problemText(error) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateThresholds(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const latest = queryClient.getQueryData<ChangeThresholdSettings>(raidKeys.thresholds) ?? thresholds;
    const body = toThresholdBody(draft, latest);
    if (!body) {
      showToast({ title: 'Nothing to save', text: 'The thresholds are as saved.' });
      return;
    }
    save.mutate(body);
  };
  return (
    <Card
      title="Change thresholds"
      description="Up to these limits (either sign counts by its size) the project manager decides a change; above either, the change board."
    >
      <form className="stack" onSubmit={submit} noValidate aria-label="Change thresholds">
        {errors.form && (
          <Alert tone="error" title="Not saved">
            {errors.form}
          </Alert>
        )}
        <Field
          label="Project manager’s cost limit"
          required
          hint="In major units of each project’s currency, e.g. 10000 for €10,000."
          error={errors.projectManagerCostLimit}
        >
          <Input
            inputMode="decimal"
            value={draft.costLimit}
            onChange={(e) => setDraft({ ...draft, costLimit: e.target.value })}
          />
        </Field>
        <Field
          label="Project manager’s schedule limit (days)"
          required
          hint="Calendar days the planned finish may move."
          error={errors.projectManagerDaysLimit}
        >
          <Input
            inputMode="numeric"
            value={draft.daysLimit}
            onChange={(e) => setDraft({ ...draft, daysLimit: e.target.value })}
          />
        </Field>
        <div className="raid-form-actions">
          <Button type="submit" variant="primary" loading={save.isPending}>
            Save thresholds
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** The PMO's governance settings: the risk matrix and the change-control thresholds. */
export function GovernanceSettingsPage() {
  const matrix = useRiskMatrix();
  const thresholds = useChangeThresholds();
  return (
    <div className="page">
      <PageHeader
        title="Governance settings"
        subtitle="How risks are rated and who decides change requests, for the whole organisation."
      />
      <div className="raid-settings">
        {matrix.isPending ? (
          <Card>
            <LoadingState label="Loading the risk matrix…" />
          </Card>
        ) : matrix.isError ? (
          <Card>
            <ErrorState
              error={matrix.error}
              title="Could not load the risk matrix"
              onRetry={() => matrix.refetch()}
            />
          </Card>
        ) : (
          <MatrixForm settings={matrix.data} />
        )}
        {thresholds.isPending ? (
          <Card>
            <LoadingState label="Loading the thresholds…" />
          </Card>
        ) : thresholds.isError ? (
          <Card>
            <ErrorState
              error={thresholds.error}
              title="Could not load the thresholds"
              onRetry={() => thresholds.refetch()}
            />
          </Card>
        ) : (
          <ThresholdsForm thresholds={thresholds.data} />
        )}
      </div>
    </div>
  );
}
