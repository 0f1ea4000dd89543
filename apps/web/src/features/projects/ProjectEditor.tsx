import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, isApiProblem } from '../../api/client.ts';
import { fetchProject, projectKeys, updateProject } from '../../api/projects.ts';
import { useCustomFields } from '../../api/queries.ts';
import type { Project } from '../../api/types.ts';
import { useToast } from '../../design/Toast.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { ProjectForm } from './ProjectForm.tsx';
import {
  diffChanges,
  errorsFromProblem,
  type FormErrors,
  formStateOf,
  type ProjectChanges,
  type ProjectFormState,
  validateForm,
} from './project-form-model.ts';

/** The Edit tab: saves only what changed, with the version it started from; a 409 opens the conflict dialog. */
export function ProjectEditor({ project, onDone }: { project: Project; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const fields = useCustomFields();
  const [base, setBase] = useState(() => ({ state: formStateOf(project), version: project.version }));
  const [state, setState] = useState<ProjectFormState>(base.state);
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState<{ current: Project | null; changes: ProjectChanges } | null>(null);

  const saved = (p: Project) => {
    queryClient.setQueryData(projectKeys.detail(p.id), p);
    // Lists, history and hierarchy counts refresh in the background; the person moves on at once.
    void queryClient.invalidateQueries({ queryKey: projectKeys.all, refetchType: 'none' });
    void queryClient.invalidateQueries({ queryKey: ['org'] });
    setConflict(null);
    showToast({ tone: 'success', title: 'Changes saved', text: `${p.code} is now at version ${p.version}.` });
    onDone();
  };

  const save = useMutation({
    mutationFn: (args: { version: number; changes: ProjectChanges }) =>
      updateProject(project.id, { version: args.version, ...args.changes }),
    onSuccess: saved,
    onError: async (error, args) => {
      if (isApiProblem(error, 409) && error.currentVersion !== undefined) {
        setConflict({ current: null, changes: args.changes });
        try {
          const current = await fetchProject(project.id);
          setConflict({ current, changes: args.changes });
        } catch (e) {
          setConflict(null);
          setErrors({ '(root)': describeError(e) });
        }
        return;
      }
      setErrors(
        isApiProblem(error) && error.errors.length > 0
          ? errorsFromProblem(error.errors)
          : { '(root)': describeError(error) },
      );
      setAttempt((n) => n + 1);
    },
  });

  const submit = () => {
    const defs = fields.data ?? [];
    const found = validateForm(state, defs, false);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const changes = diffChanges(base.state, state, defs);
    if (Object.keys(changes).length === 0) {
      showToast({ title: 'Nothing to save', text: 'You have not changed any field.' });
      return;
    }
    save.mutate({ version: base.version, changes });
  };

  const reloadTheirs = () => {
    const current = conflict?.current;
    if (!current) return;
    queryClient.setQueryData(projectKeys.detail(current.id), current);
    const fresh = formStateOf(current);
    setBase({ state: fresh, version: current.version });
    setState(fresh);
    setErrors({});
    setConflict(null);
    showToast({ title: 'Reloaded', text: 'You are now editing the latest saved version.' });
  };

  const overwrite = () => {
    if (!conflict?.current) return;
    save.mutate({ version: conflict.current.version, changes: conflict.changes });
  };

  return (
    <>
      <ProjectForm
        state={state}
        onChange={setState}
        errors={errors}
        onErrorsChange={setErrors}
        attempt={attempt}
        creating={false}
        submitting={save.isPending && !conflict}
        onSubmit={submit}
        onCancel={onDone}
        submitLabel="Save changes"
      />
      <ConflictDialog
        open={conflict !== null}
        current={conflict?.current ?? null}
        mine={conflict?.changes ?? {}}
        busy={save.isPending}
        onReload={reloadTheirs}
        onOverwrite={overwrite}
        onClose={() => setConflict(null)}
      />
    </>
  );
}
