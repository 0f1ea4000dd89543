import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type MouseEvent, useId, useState } from 'react';
import {
  type Rag,
  type StatusReportDetail,
  submitStatusReport,
  updateStatusReport,
} from '../../api/status-reports.ts';
import { Alert } from '../../design/Alert.tsx';
import { Button } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { Field } from '../../design/Field.tsx';
import { Textarea } from '../../design/Textarea.tsx';
import { useToast } from '../../design/Toast.tsx';
import { isConflict } from '../raid/raid-problems.ts';
import { ProblemAlert } from '../standards/ProblemAlert.tsx';
import { RagBadge } from './RagBadge.tsx';
import { adoptReport, refreshReport } from './report-cache.ts';
import {
  computedRagOf,
  dimensionLabel,
  draftOf,
  FORM_FIELDS,
  fieldMessages,
  formatPeriod,
  isDraftChanged,
  NARRATIVE_FIELDS,
  RAG_FIELDS,
  RAG_LABELS,
  RAG_LIST,
  type RagField,
  type ReportDraft,
  toUpdateBody,
} from './status-report-model.ts';

const controlIdOf = (formId: string, field: string) => `${formId}-${field.replace('.', '-')}`;

/** Moves focus to the control a message is about (an error summary's links). */
function focusControl(event: MouseEvent<HTMLAnchorElement>, id: string) {
  event.preventDefault();
  document.getElementById(id)?.focus();
}

function RagFieldset({
  formId,
  field,
  value,
  computed,
  error,
  onChange,
}: {
  formId: string;
  field: RagField;
  value: Rag | undefined;
  computed: Rag | null;
  error: string | undefined;
  onChange: (rag: Rag) => void;
}) {
  const errorId = `${controlIdOf(formId, `reported.${field}`)}-error`;
  return (
    <fieldset
      className="sr-rag-row"
      data-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="sr-rag-row__name">
        {dimensionLabel(field)}{' '}
        <span className="b-field__required" aria-hidden="true">
          *
        </span>
      </legend>
      <div className="sr-rag-row__options">
        {RAG_LIST.map((rag, n) => (
          <label key={rag} className="b-checkbox sr-rag-option" data-rag={rag}>
            <input
              type="radio"
              id={n === 0 ? controlIdOf(formId, `reported.${field}`) : undefined}
              name={`${formId}-${field}`}
              value={rag}
              checked={value === rag}
              onChange={() => onChange(rag)}
            />
            <span className="sr-rag-option__swatch" aria-hidden="true" />
            {RAG_LABELS[rag]}
          </label>
        ))}
      </div>
      <span className="sr-rag-row__computed">
        Computed <RagBadge rag={computed} none="not computed" />
      </span>
      {error && (
        <p className="b-field__error sr-rag-row__error" id={errorId}>
          <span aria-hidden="true">⚠</span>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The project team's part of a draft or a returned report: the narrative and the RAG they report,
 * saved as they go and submitted to the PMO. The server says what is missing, field by field.
 */
export function ReportForm({ report }: { report: StatusReportDetail }) {
  const client = useQueryClient();
  const { showToast } = useToast();
  const formId = useId().replace(/:/g, '');
  // The version the edits started from: saving with it is refused when someone saved in between.
  const [base, setBase] = useState(report);
  const [draft, setDraft] = useState<ReportDraft>(() => draftOf(report));
  const changed = isDraftChanged(draft, draftOf(base));
  if (report.version !== base.version && !changed) {
    // A newer version arrived and nothing was typed here: show it.
    setBase(report);
    setDraft(draftOf(report));
  }
  const adopt = (saved: StatusReportDetail) => {
    adoptReport(client, saved);
    setBase(saved);
    setDraft(draftOf(saved));
  };
  const save = useMutation({
    mutationFn: () => updateStatusReport(report.id, toUpdateBody(base.version, draft)),
    onSuccess: (saved) => {
      adopt(saved);
      showToast({ tone: 'success', title: 'Draft saved' });
    },
    onError: (error) => {
      if (isConflict(error)) refreshReport(client, report.id);
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      let current = base;
      if (changed) {
        current = await updateStatusReport(report.id, toUpdateBody(base.version, draft));
        adopt(current);
      }
      return submitStatusReport(report.id, current.version);
    },
    onSuccess: (submitted) => {
      adopt(submitted);
      showToast({
        tone: 'success',
        title: `Report for ${formatPeriod(submitted.period)} submitted`,
        text: 'The PMO reviews it next.',
      });
    },
    onError: (error) => {
      if (isConflict(error)) refreshReport(client, report.id);
    },
  });
  const failed = save.error ?? submit.error;
  const messages = fieldMessages(failed);
  const shown = FORM_FIELDS.filter((f) => messages[f]);
  const set = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setRag = (field: RagField, rag: Rag) =>
    setDraft((d) => ({ ...d, reported: { ...d.reported, [field]: rag } }));
  const reload = () => {
    save.reset();
    submit.reset();
    setBase(report);
    setDraft(draftOf(report));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.reset();
    submit.mutate();
  };
  const busy = save.isPending || submit.isPending;
  const labelOf = (field: string) =>
    NARRATIVE_FIELDS.find((f) => f.field === field)?.label ??
    `Reported RAG, ${dimensionLabel(field.replace('reported.', '')).toLowerCase()}`;

  return (
    <form className="stack" noValidate onSubmit={onSubmit} aria-label="Status report">
      {failed &&
        (shown.length > 0 ? (
          <Alert tone="error" title={submit.isError ? 'Not submitted' : 'Not saved'}>
            <p>
              {shown.length === 1 ? 'One thing needs' : `${shown.length} things need`} attention before the
              report can go to the PMO:
            </p>
            <ul className="sr-problems">
              {shown.map((f) => (
                <li key={f}>
                  <a
                    href={`#${controlIdOf(formId, f)}`}
                    onClick={(e) => focusControl(e, controlIdOf(formId, f))}
                  >
                    {labelOf(f)}
                  </a>
                  : {messages[f]}
                </li>
              ))}
            </ul>
          </Alert>
        ) : (
          <div className="stack-sm">
            <ProblemAlert
              error={failed}
              title={submit.isError ? 'Not submitted' : 'Not saved'}
              shownFields={FORM_FIELDS}
            />
            {isConflict(failed) && (
              <div className="row">
                <Button size="sm" onClick={reload}>
                  Discard my changes and show the latest
                </Button>
              </div>
            )}
          </div>
        ))}
      <Card title="Narrative" description="What happened this period, in the project team’s words.">
        <div className="stack">
          {NARRATIVE_FIELDS.map((f) => (
            <Field
              key={f.field}
              id={controlIdOf(formId, f.field)}
              label={f.label}
              hint={f.hint}
              required={f.field === 'summary'}
              error={messages[f.field]}
            >
              <Textarea
                rows={f.field === 'summary' ? 4 : 3}
                maxLength={10_000}
                value={draft[f.field]}
                onChange={(e) => set({ [f.field]: e.target.value })}
              />
            </Field>
          ))}
        </div>
      </Card>
      <Card
        title="Reported RAG"
        description="Rate the project overall and on each dimension, in your judgement; Baton’s computed rating is beside each."
      >
        <div className="sr-rag-rows">
          {RAG_FIELDS.map((f) => (
            <RagFieldset
              key={f}
              formId={formId}
              field={f}
              value={draft.reported[f]}
              computed={computedRagOf(report.computed, f)}
              error={messages[`reported.${f}`]}
              onChange={(rag) => setRag(f, rag)}
            />
          ))}
        </div>
      </Card>
      <div className="form-actions sr-form-actions">
        <span className="subtle" aria-live="polite">
          {changed ? 'Unsaved changes' : 'All changes saved'}
        </span>
        <Button
          loading={save.isPending}
          disabled={busy || !changed}
          onClick={() => {
            submit.reset();
            save.mutate();
          }}
        >
          Save draft
        </Button>
        <Button type="submit" variant="primary" loading={submit.isPending} disabled={busy}>
          Submit to the PMO
        </Button>
      </div>
    </form>
  );
}
