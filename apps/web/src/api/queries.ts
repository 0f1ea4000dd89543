import { useQuery } from '@tanstack/react-query';
import { customFieldKeys, listCustomFields } from './custom-fields.ts';
import { listOrgUnits, listPortfolios, listPrograms, orgKeys } from './org.ts';
import { listUsers, userKeys } from './users.ts';

const REFERENCE_STALE_MS = 60_000;

export function useOrgUnits() {
  return useQuery({
    queryKey: orgKeys.units,
    queryFn: ({ signal }) => listOrgUnits(signal).then((r) => r.items),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function usePortfolios() {
  return useQuery({
    queryKey: orgKeys.portfolios,
    queryFn: ({ signal }) => listPortfolios(signal).then((r) => r.items),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function usePrograms() {
  return useQuery({
    queryKey: orgKeys.programs,
    queryFn: ({ signal }) => listPrograms(signal).then((r) => r.items),
    staleTime: REFERENCE_STALE_MS,
  });
}

/** Everyone, for pickers and for showing names in place of ids. */
export function useUserDirectory() {
  return useQuery({
    queryKey: userKeys.directory,
    queryFn: ({ signal }) => listUsers({ pageSize: 500 }, signal).then((r) => r.items),
    staleTime: REFERENCE_STALE_MS,
  });
}

export function useCustomFields() {
  return useQuery({
    queryKey: customFieldKeys.all,
    queryFn: ({ signal }) => listCustomFields(signal).then((r) => r.items),
    staleTime: REFERENCE_STALE_MS,
  });
}
