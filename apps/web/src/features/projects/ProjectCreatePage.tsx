import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { describeError, isApiProblem } from '../../api/client.ts';
import { createProject, projectKeys } from '../../api/projects.ts';
import { useCustomFields } from '../../api/queries.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useToast } from '../../design/Toast.tsx';
import { ProjectForm } from './ProjectForm.tsx';
import {
  emptyFormState,
  errorsFromProblem,
  type FormErrors,
  type ProjectFormState,
  toCreateBody,
  validateForm,
} from './project-form-model.ts';

export function ProjectCreatePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const fields = useCustomFields();
  const [state, setState] = useState<ProjectFormState>(() =>
    emptyFormState({
      orgUnitId: params.get('orgUnitId') ?? '',
      portfolioId: params.get('portfolioId') ?? '',
      programId: params.get('programId') ?? '',
    }),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);

  const mutation = useMutation({
    mutationFn: () => createProject(toCreateBody(state, fields.data ?? [])),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(project.id), project);
      void queryClient.invalidateQueries({ queryKey: projectKeys.all, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: ['org'] });
      showToast({ tone: 'success', title: 'Project created', text: `${project.code} · ${project.name}` });
      navigate(`/projects/${project.id}`);
    },
    onError: (error) => {
      if (isApiProblem(error) && error.errors.length > 0) {
        setErrors(errorsFromProblem(error.errors));
      } else {
        setErrors({ '(root)': describeError(error) });
      }
      setAttempt((n) => n + 1);
    },
  });

  const submit = () => {
    const found = validateForm(state, fields.data ?? [], true);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    mutation.mutate();
  };

  return (
    <div className="page page--narrow">
      <PageHeader
        eyebrow={
          <nav aria-label="Breadcrumb">
            <Link to="/projects">Projects</Link> <span aria-hidden="true">/</span> New
          </nav>
        }
        title="New project"
        subtitle="Register a project in the PMO’s central repository. It starts as Proposed."
      />
      <ProjectForm
        state={state}
        onChange={setState}
        errors={errors}
        onErrorsChange={setErrors}
        attempt={attempt}
        creating
        submitting={mutation.isPending}
        onSubmit={submit}
        onCancel={() => navigate(-1)}
        submitLabel="Create project"
      />
    </div>
  );
}
