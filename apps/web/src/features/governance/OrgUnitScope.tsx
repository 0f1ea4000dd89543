import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useOrgUnits } from '../../api/queries.ts';
import { Card } from '../../design/Card.tsx';
import { EmptyState } from '../../design/EmptyState.tsx';
import { ErrorState } from '../../design/ErrorState.tsx';
import { Field } from '../../design/Field.tsx';
import { Select } from '../../design/Select.tsx';
import { LoadingState } from '../../design/Spinner.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';

/**
 * The org-unit picker of a page that shows one unit's settings (policies, health rules): the unit is
 * in the address (?unit=), the enterprise PMO by default; the page's body renders for the chosen unit.
 */
export function OrgUnitScope({
  label,
  children,
}: {
  /** The picker bar's accessible name, e.g. "Whose policy". */
  label: string;
  children: (orgUnitId: string) => ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  const units = useOrgUnits();
  const root = units.data?.find((u) => u.parentId === null);
  const unitId = params.get('unit') ?? root?.id ?? null;
  return (
    <div className="stack">
      <section className="filter-bar" aria-label={label}>
        <Field label="Org unit" className="filter-bar__item">
          <Select
            value={unitId ?? ''}
            options={orgUnitOptions(units.data ?? [])}
            onChange={(e) => setParams({ unit: e.target.value })}
          />
        </Field>
      </section>
      {units.isPending ? (
        <LoadingState label="Loading the org units…" />
      ) : units.isError ? (
        <ErrorState
          error={units.error}
          title="Could not load the org units"
          onRetry={() => units.refetch()}
        />
      ) : !unitId ? (
        <Card>
          <EmptyState title="No org units yet">
            Create the enterprise PMO under Organisation first.
          </EmptyState>
        </Card>
      ) : (
        children(unitId)
      )}
    </div>
  );
}
