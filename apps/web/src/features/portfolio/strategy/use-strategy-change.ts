import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { describeError, isApiProblem } from '../../../api/client.ts';
import { portfolioKeys, type StrategySettings } from '../../../api/portfolio.ts';
import { useToast } from '../../../design/Toast.tsx';

/**
 * What every strategy change does afterwards: on success the new settings replace the cached ones
 * and everything scored against them (proposals, scoring, scenarios) is fetched again; a 409 says
 * someone else saved first, and the screen reloads their version.
 */
export function useStrategyChange() {
  const queryClient = useQueryClient();
  const { showToast } = useToast();

  const saved = useCallback(
    (settings?: StrategySettings) => {
      if (settings) queryClient.setQueryData(portfolioKeys.strategy, settings);
      void queryClient.invalidateQueries({ queryKey: portfolioKeys.all });
    },
    [queryClient],
  );

  const failed = useCallback(
    (title: string) => (error: unknown) => {
      if (isApiProblem(error, 409) && error.currentVersion !== undefined) {
        showToast({
          tone: 'error',
          title: 'Someone else changed the strategy meanwhile',
          text: 'Their version is shown now. Make your change again if it is still needed.',
        });
        void queryClient.invalidateQueries({ queryKey: portfolioKeys.all });
      } else {
        showToast({ tone: 'error', title, text: describeError(error) });
      }
    },
    [queryClient, showToast],
  );

  return { saved, failed, showToast };
}
