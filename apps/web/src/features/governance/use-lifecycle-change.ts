import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError, isApiProblem } from '../../api/client.ts';
import { governanceKeys, type ProjectLifecycle } from '../../api/governance.ts';
import { projectKeys } from '../../api/projects.ts';
import { useToast } from '../../design/Toast.tsx';

/**
 * A change to a project's lifecycle: on success the answer replaces the cached lifecycle and the
 * gate queue, the library's counts and the project are fetched again; a 409 says someone else
 * changed it first (their version is loaded); anything else is a toast with the server's sentence.
 */
export function useLifecycleChange<V>(
  projectId: string,
  run: (vars: V) => Promise<ProjectLifecycle>,
  options: {
    failure: string;
    success?: (vars: V, lifecycle: ProjectLifecycle) => string | null;
    /** The lifecycle to show while the change is saved; put back as it was if the change fails. */
    optimistic?: (vars: V, current: ProjectLifecycle) => ProjectLifecycle;
  },
) {
  const key = governanceKeys.lifecycle(projectId);
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  return useMutation({
    mutationFn: run,
    onMutate: async (vars) => {
      const before = queryClient.getQueryData<ProjectLifecycle>(key);
      if (!options.optimistic || !before) return { before: undefined };
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData(key, options.optimistic(vars, before));
      return { before };
    },
    onSuccess: (lifecycle, vars) => {
      queryClient.setQueryData(key, lifecycle);
      void queryClient.invalidateQueries({ queryKey: governanceKeys.queue });
      void queryClient.invalidateQueries({ queryKey: ['governance', 'templates'] });
      void queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) });
      const title = options.success?.(vars, lifecycle);
      if (title) showToast({ tone: 'success', title });
    },
    onError: (error, _vars, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      if (isApiProblem(error, 409)) {
        showToast({
          tone: 'error',
          title: 'Someone else changed this lifecycle meanwhile',
          text: 'Their version is shown now. Make your change again if it is still needed.',
        });
        void queryClient.invalidateQueries({ queryKey: key });
      } else {
        showToast({ tone: 'error', title: options.failure, text: describeError(error) });
      }
    },
  });
}
