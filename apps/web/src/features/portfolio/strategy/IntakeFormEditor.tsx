import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiProblem } from '../../../api/client.ts';
import {
  fetchIntakeForm,
  type IntakeField,
  type IntakeForm,
  portfolioKeys,
  updateIntakeForm,
} from '../../../api/portfolio.ts';
import { Alert } from '../../../design/Alert.tsx';
import { Badge } from '../../../design/Badge.tsx';
import { Button } from '../../../design/Button.tsx';
import { Card } from '../../../design/Card.tsx';
import { EmptyState } from '../../../design/EmptyState.tsx';
import { ErrorState } from '../../../design/ErrorState.tsx';
import { Field } from '../../../design/Field.tsx';
import { LoadingState } from '../../../design/Spinner.tsx';
import { Table } from '../../../design/Table.tsx';
import { useToast } from '../../../design/Toast.tsx';
import { TagInput } from '../../projects/TagInput.tsx';
import { IntakeFieldDialog } from './IntakeFieldDialog.tsx';
import {
  describeServerFieldError,
  INTAKE_TYPE_LABELS,
  MAX_FIELDS,
  moveItem,
  validateForm,
} from './intake-model.ts';

/** The questions of the proposal intake form, and the categories a proposal can have. */
export function IntakeFormEditor({ canManage }: { canManage: boolean }) {
  const form = useQuery({
    queryKey: portfolioKeys.intakeForm,
    queryFn: ({ signal }) => fetchIntakeForm(signal),
  });
  if (form.isPending) return <LoadingState label="Loading the intake form…" />;
  if (form.isError)
    return (
      <ErrorState error={form.error} title="Could not load the intake form" onRetry={() => form.refetch()} />
    );
  return <IntakeDraft key={form.data.version} form={form.data} canManage={canManage} />;
}

function IntakeDraft({ form, canManage }: { form: IntakeForm; canManage: boolean }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [fields, setFields] = useState<IntakeField[]>(form.fields);
  const [categories, setCategories] = useState<string[]>(form.categories);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const dirty =
    JSON.stringify(fields) !== JSON.stringify(form.fields) ||
    JSON.stringify(categories) !== JSON.stringify(form.categories);

  const save = useMutation({
    mutationFn: () => updateIntakeForm({ version: form.version, fields, categories }),
    onSuccess: (saved) => {
      queryClient.setQueryData(portfolioKeys.intakeForm, saved);
      showToast({ tone: 'success', title: 'Intake form saved', text: `${saved.fields.length} fields` });
    },
    onError: (error) => {
      if (isApiProblem(error, 409)) {
        showToast({
          tone: 'error',
          title: 'Someone else changed the intake form meanwhile',
          text: 'Their version is shown now. Make your changes again if they are still needed.',
        });
        void queryClient.invalidateQueries({ queryKey: portfolioKeys.intakeForm });
      } else if (isApiProblem(error) && error.errors.length > 0) {
        setProblems(error.errors.map((e) => describeServerFieldError(e, fields)));
      } else {
        setProblems([describeError(error)]);
      }
    },
  });

  const submit = () => {
    const found = validateForm(fields, categories);
    setProblems(found);
    if (found.length === 0) save.mutate();
  };

  const move = (index: number, delta: number) => setFields((f) => moveItem(f, index, delta));
  const editingField = typeof editing === 'number' ? (fields[editing] ?? null) : null;

  return (
    <div className="stack">
      {problems.length > 0 && (
        <Alert tone="error" title="The form was not saved">
          <ul className="intake-problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Card
        flush
        title="Intake questions"
        description="Asked on every proposal, in this order, after the standard fields (title, dates, business case)."
        actions={
          canManage && (
            <Button
              variant="primary"
              disabled={fields.length >= MAX_FIELDS}
              onClick={() => setEditing('new')}
            >
              <span aria-hidden="true">+</span> Add field
            </Button>
          )
        }
      >
        {fields.length === 0 ? (
          <EmptyState title="No intake questions">
            Proposals ask only the standard fields.{canManage && ' Add questions such as “Strategic theme”.'}
          </EmptyState>
        ) : (
          <Table>
            <caption className="visually-hidden">Intake form fields, in the order they are asked</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col">Question</th>
                <th scope="col">Key</th>
                <th scope="col">Type</th>
                <th scope="col">Options</th>
                <th scope="col">Required</th>
                {canManage && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {fields.map((f, i) => (
                <tr key={f.key}>
                  <td className="num subtle">{i + 1}</td>
                  <td>
                    <span className="cell-name__link">{f.label}</span>
                    {f.help && <span className="cell-sub">{f.help}</span>}
                  </td>
                  <td className="mono muted">{f.key}</td>
                  <td>
                    <Badge square>{INTAKE_TYPE_LABELS[f.type]}</Badge>
                  </td>
                  <td className="cell-secondary">{f.options?.length ? f.options.join(', ') : '—'}</td>
                  <td>
                    {f.required ? (
                      <Badge tone="amber">Required</Badge>
                    ) : (
                      <span className="subtle">Optional</span>
                    )}
                  </td>
                  {canManage && (
                    <td className="num nowrap">
                      <Button
                        size="sm"
                        variant="ghost"
                        iconOnly
                        aria-label={`Move “${f.label}” up`}
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                      >
                        <span aria-hidden="true">↑</span>
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        iconOnly
                        aria-label={`Move “${f.label}” down`}
                        disabled={i === fields.length - 1}
                        onClick={() => move(i, 1)}
                      >
                        <span aria-hidden="true">↓</span>
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setEditing(i)}>
                        Edit<span className="visually-hidden"> {f.label}</span>
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setFields((all) => all.filter((_, k) => k !== i))}
                      >
                        Remove<span className="visually-hidden"> {f.label}</span>
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card
        title="Proposal categories"
        description="A proposal belongs to one of these, e.g. Regulatory or Growth."
      >
        {canManage ? (
          <Field label="Categories" hint="Type a category and press Enter; ✕ removes one.">
            <TagInput value={categories} onChange={setCategories} />
          </Field>
        ) : categories.length === 0 ? (
          <p className="subtle">No categories.</p>
        ) : (
          <ul className="intake-categories">
            {categories.map((c) => (
              <li key={c}>
                <Badge>{c}</Badge>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canManage && (
        <div className="form-actions">
          {dirty && <span className="subtle intake-dirty">Unsaved changes</span>}
          <Button
            disabled={!dirty || save.isPending}
            onClick={() => {
              setFields(form.fields);
              setCategories(form.categories);
              setProblems([]);
            }}
          >
            Discard changes
          </Button>
          <Button variant="primary" loading={save.isPending} disabled={!dirty} onClick={submit}>
            Save form
          </Button>
        </div>
      )}
      {editing !== null && (
        <IntakeFieldDialog
          field={editingField}
          otherKeys={fields.filter((_, k) => k !== editing).map((f) => f.key)}
          onClose={() => setEditing(null)}
          onDone={(field) => {
            setFields((all) =>
              typeof editing === 'number' ? all.map((f, k) => (k === editing ? field : f)) : [...all, field],
            );
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
