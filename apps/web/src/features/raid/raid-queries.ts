import { useQuery } from '@tanstack/react-query';
import { listProjects, projectKeys } from '../../api/projects.ts';
import { useUserDirectory } from '../../api/queries.ts';
import { fetchChangeThresholds, fetchRiskMatrix, raidKeys } from '../../api/raid.ts';
import type { SelectOption } from '../../design/Select.tsx';

const STALE_MS = 60_000;

/** The PMO's risk matrix: size, level thresholds and labels. */
export function useRiskMatrix() {
  return useQuery({
    queryKey: raidKeys.settings,
    queryFn: ({ signal }) => fetchRiskMatrix(signal),
    staleTime: STALE_MS,
  });
}

/** The limits up to which a project manager decides a change. */
export function useChangeThresholds() {
  return useQuery({
    queryKey: raidKeys.thresholds,
    queryFn: ({ signal }) => fetchChangeThresholds(signal),
    staleTime: STALE_MS,
  });
}

/** Projects, for pickers (the first 500 by code; the same cache as the other pickers). */
export function useProjectChoices() {
  const params = { pageSize: 500, sort: 'code' } as const;
  return useQuery({
    queryKey: projectKeys.list(params),
    queryFn: ({ signal }) => listProjects(params, signal).then((r) => r.items),
    staleTime: STALE_MS,
  });
}

/** People to own an item: the active users, and whoever owns it now even if inactive. */
export function useOwnerOptions(current: readonly (string | null | undefined)[] = []): SelectOption[] {
  const users = useUserDirectory();
  return (users.data ?? [])
    .filter((u) => u.active || current.includes(u.id))
    .map((u) => ({ value: u.id, label: u.name }));
}
