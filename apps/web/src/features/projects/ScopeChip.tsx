import { useOrgUnits, usePrograms } from '../../api/queries.ts';
import type { ListState } from './list-params.ts';

/** Shows the hierarchy node (org unit or program) the list is narrowed to, with a way out. */
export function ScopeChip({ state, onClear }: { state: ListState; onClear: () => void }) {
  const units = useOrgUnits();
  const programs = usePrograms();
  const label = state.orgUnitId
    ? `Org unit: ${units.data?.find((u) => u.id === state.orgUnitId)?.name ?? '…'}`
    : `Program: ${programs.data?.find((p) => p.id === state.programId)?.name ?? '…'}`;
  return (
    <span className="scope-chip">
      {label}
      <button type="button" onClick={onClear} aria-label={`Remove filter ${label}`}>
        ✕
      </button>
    </span>
  );
}
