import { useMemo } from 'react';
import {
  useCustomFields,
  useOrgUnits,
  usePortfolios,
  usePrograms,
  useUserDirectory,
} from '../../api/queries.ts';
import type { NameLookup } from './field-labels.ts';

const byId = (items: readonly { id: string; name: string }[] | undefined) =>
  new Map((items ?? []).map((x) => [x.id, x.name] as const));

/** Id → name maps from the reference data the app already caches. */
export function useNameLookup(currency: string): NameLookup {
  const users = useUserDirectory();
  const units = useOrgUnits();
  const portfolios = usePortfolios();
  const programs = usePrograms();
  const fields = useCustomFields();
  return useMemo(
    () => ({
      users: byId(users.data),
      orgUnits: byId(units.data),
      portfolios: byId(portfolios.data),
      programs: byId(programs.data),
      customFields: fields.data ?? [],
      currency,
    }),
    [users.data, units.data, portfolios.data, programs.data, fields.data, currency],
  );
}
