import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { applyTemplate, governanceKeys, listTemplates } from '../../api/governance.ts';
import { useSession } from '../../app/session-context.ts';
import { Button, ButtonLink } from '../../design/Button.tsx';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { templateOptions } from './lifecycle-model.ts';
import { APPROACH_LABELS, definedAt, plural } from './template-model.ts';
import { useLifecycleChange } from './use-lifecycle-change.ts';

/** A project without a lifecycle: the templates that apply to it, and "Apply" for those who may. */
export function ApplyLifecycle({ projectId, projectName }: { projectId: string; projectName: string }) {
  const { can } = useSession();
  const mayApply = can('project.update');
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const templates = useQuery({
    queryKey: governanceKeys.templates({ projectId }),
    queryFn: ({ signal }) => listTemplates({ projectId }, signal),
  });
  const apply = useLifecycleChange(projectId, (templateId: string) => applyTemplate(projectId, templateId), {
    failure: 'The lifecycle was not applied',
    success: (_id, l) => `${projectName} now follows ${l.template.name}`,
  });

  if (templates.isPending)
    return (
      <Card>
        <LoadingState label="Loading the lifecycle templates…" />
      </Card>
    );
  if (templates.isError)
    return (
      <Card>
        <ErrorState
          error={templates.error}
          title="Could not load the lifecycle templates"
          onRetry={() => templates.refetch()}
        />
      </Card>
    );
  const items = templates.data.items;
  const selected = items.find((t) => t.id === chosen) ?? null;
  if (items.length === 0)
    return (
      <Card>
        <EmptyState
          title="No lifecycle yet"
          actions={
            can('governance.manage') ? (
              <ButtonLink to="/governance/templates">Open the methodology library</ButtonLink>
            ) : undefined
          }
        >
          No lifecycle template applies to this project’s part of the organisation yet.
        </EmptyState>
      </Card>
    );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen) {
      setError('Choose a template.');
      return;
    }
    apply.mutate(chosen);
  };
  return (
    <Card>
      <EmptyState
        title="No lifecycle yet"
        actions={
          mayApply ? (
            <form className="gov-apply" noValidate onSubmit={submit}>
              <Field label="Lifecycle template" error={error} required>
                <Select
                  value={chosen}
                  placeholder="Choose a template…"
                  options={templateOptions(items)}
                  onChange={(e) => {
                    setChosen(e.target.value);
                    setError(null);
                  }}
                />
              </Field>
              <Button type="submit" variant="primary" loading={apply.isPending}>
                Apply
              </Button>
            </form>
          ) : undefined
        }
      >
        {mayApply
          ? 'Choose the methodology this project follows: its phases, gates and checklists come from the template.'
          : `${plural(items.length, 'template applies', 'templates apply')} to this project; a project manager can apply one.`}
      </EmptyState>
      {selected && (
        <div className="gov-apply__preview">
          <p className="gov-meta">
            {APPROACH_LABELS[selected.approach]} · {definedAt(selected)}
            {selected.description ? ` · ${selected.description}` : ''}
          </p>
          <ol className="gov-apply__phases">
            {selected.phases.map((p) => (
              <li key={p.key}>
                <strong>{p.name}</strong> — {p.gate.name} (
                {plural(p.gate.criteria.length, 'criterion', 'criteria')},{' '}
                {plural(p.gate.deliverables.length, 'deliverable')})
              </li>
            ))}
          </ol>
        </div>
      )}
    </Card>
  );
}
