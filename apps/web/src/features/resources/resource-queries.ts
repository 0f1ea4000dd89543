import { useQuery } from '@tanstack/react-query';
import { listProjects, projectKeys } from '../../api/projects.ts';
import { listResources, listSkills, resourceKeys } from '../../api/resources.ts';
import type { SelectOption } from '../../design/Select.tsx';

/** Every skill of the organisation, for pickers. */
export function useSkills() {
  return useQuery({
    queryKey: resourceKeys.skills,
    queryFn: ({ signal }) => listSkills(signal).then((r) => r.items),
    staleTime: 60_000,
  });
}

export const LEVEL_LABELS: Readonly<Record<number, string>> = {
  1: '1 · Aware',
  2: '2 · Beginner',
  3: '3 · Practitioner',
  4: '4 · Advanced',
  5: '5 · Expert',
};

export const LEVEL_OPTIONS: readonly SelectOption[] = [1, 2, 3, 4, 5].map((n) => ({
  value: String(n),
  label: LEVEL_LABELS[n] ?? String(n),
}));

export const KIND_LABELS: Readonly<Record<string, string>> = {
  person: 'Person',
  role: 'Generic role',
  material: 'Material',
  cost: 'Cost',
};

/** Active resources, for pickers (the first 500 by name). */
export function useResourceDirectory() {
  const params = { pageSize: 500, sort: 'name' } as const;
  return useQuery({
    queryKey: resourceKeys.list(params),
    queryFn: ({ signal }) => listResources(params, signal).then((r) => r.items),
    staleTime: 60_000,
  });
}

/** Projects, for pickers (the first 500 by code). */
export function useProjectDirectory() {
  const params = { pageSize: 500, sort: 'code' } as const;
  return useQuery({
    queryKey: projectKeys.list(params),
    queryFn: ({ signal }) => listProjects(params, signal).then((r) => r.items),
    staleTime: 60_000,
  });
}
