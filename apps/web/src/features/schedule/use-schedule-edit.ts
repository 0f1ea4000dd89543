import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { describeError, isApiProblem } from '../../api/client.ts';
import {
  mergeScheduleChange,
  type ScheduleChange,
  type ScheduleView,
  scheduleKeys,
} from '../../api/schedule.ts';
import { useToast } from '../../design/Toast.tsx';

export type ScheduleEdit = {
  /** Runs one write; merges its ScheduleChange into the cached plan. Null when it failed (a toast says why). */
  edit: (write: () => Promise<ScheduleChange>, failure?: string) => Promise<ScheduleChange | null>;
  /** Folds a change already received into the cache; refetches the plan when the change left something out. */
  apply: (change: ScheduleChange) => Promise<void>;
  pending: boolean;
};

/** Edits of one project's plan: each answer is merged into the cache instead of refetching the plan. */
export function useScheduleEdit(projectId: string): ScheduleEdit {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [inFlight, setInFlight] = useState(0);

  const apply = useCallback(
    async (change: ScheduleChange) => {
      const key = scheduleKeys.view(projectId);
      // A refetch that started before this edit would bring back the plan without it: stop it,
      // merge, and fetch again afterwards.
      const wasFetching = queryClient.isFetching({ queryKey: key }) > 0;
      if (wasFetching) await queryClient.cancelQueries({ queryKey: key });
      let stale = false;
      queryClient.setQueryData<ScheduleView>(key, (view) => {
        if (!view) return view;
        const merged = mergeScheduleChange(view, change);
        stale = merged.stale;
        return merged.view;
      });
      // Awaited, so that a series of edits (indenting several tasks) works on the corrected plan.
      if (stale || wasFetching) await queryClient.invalidateQueries({ queryKey: key });
    },
    [projectId, queryClient],
  );

  const edit = useCallback(
    async (write: () => Promise<ScheduleChange>, failure = 'Could not change the plan') => {
      setInFlight((n) => n + 1);
      try {
        const change = await write();
        await apply(change);
        return change;
      } catch (error) {
        if (isApiProblem(error, 409)) {
          showToast({
            tone: 'error',
            title: 'Someone else changed this task',
            text: 'The plan was reloaded with their changes. Make your edit again.',
          });
          void queryClient.invalidateQueries({ queryKey: scheduleKeys.view(projectId) });
        } else {
          showToast({ tone: 'error', title: failure, text: describeError(error) });
        }
        return null;
      } finally {
        setInFlight((n) => n - 1);
      }
    },
    [apply, projectId, queryClient, showToast],
  );

  return { edit, apply, pending: inFlight > 0 };
}
