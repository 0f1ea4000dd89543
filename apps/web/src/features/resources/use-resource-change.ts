import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError, isApiProblem } from '../../api/client.ts';
import { type ResourceDetail, resourceKeys } from '../../api/resources.ts';
import { useToast } from '../../design/Toast.tsx';

/**
 * A change to one part of a resource (skills, a rate, leave) that carries the resource's version:
 * on success the new resource replaces the cached one; on 409 the page reloads it and says so.
 */
export function useResourceChange<A>(
  resourceId: string,
  run: (args: A) => Promise<ResourceDetail | unknown>,
  successTitle: string,
) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  return useMutation({
    mutationFn: run,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'id' in result && 'version' in result)
        queryClient.setQueryData(resourceKeys.detail(resourceId), result);
      void queryClient.invalidateQueries({ queryKey: resourceKeys.detail(resourceId) });
      void queryClient.invalidateQueries({ queryKey: ['resources', 'list'], refetchType: 'none' });
      showToast({ tone: 'success', title: successTitle });
    },
    onError: (error) => {
      if (isApiProblem(error, 409) && error.currentVersion !== undefined) {
        void queryClient.invalidateQueries({ queryKey: resourceKeys.detail(resourceId) });
        showToast({
          tone: 'error',
          title: 'Someone else changed this resource',
          text: 'The page now shows their version; make your change again.',
        });
        return;
      }
      showToast({ tone: 'error', title: 'Not saved', text: describeError(error) });
    },
  });
}
