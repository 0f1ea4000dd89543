import { useSearchParams } from 'react-router';
import { useOrgUnits } from '../../api/queries.ts';

/**
 * The org unit a screen is about, kept in the URL (`?unit=`) so the view can be shared; the
 * enterprise PMO (the root unit) while none is chosen.
 */
export function useUnitParam() {
  const [params, setParams] = useSearchParams();
  const units = useOrgUnits();
  const root = units.data?.find((u) => u.parentId === null);
  const unitId = params.get('unit') ?? root?.id ?? null;
  const unit = units.data?.find((u) => u.id === unitId) ?? null;
  /** Chooses a unit, keeping the screen's other URL parameters. */
  const setUnit = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('unit', id);
    setParams(next);
  };
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  return { units, unitId, unit, setUnit, params, setParam };
}
