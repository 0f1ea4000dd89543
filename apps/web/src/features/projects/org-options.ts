import type { OrgUnit } from '../../api/types.ts';
import type { SelectOption } from '../../design/Select.tsx';

/** Org units in tree order, indented by depth, for a <select>. */
export function orgUnitOptions(units: readonly OrgUnit[]): SelectOption[] {
  const children = new Map<string | null, OrgUnit[]>();
  for (const u of units) {
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  const out: SelectOption[] = [];
  // Labels carry the path below the top unit ("Digital PMO › Customer Platforms") so a closed select reads well.
  const walk = (parent: string | null, path: readonly string[]) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push({ value: u.id, label: [...path, u.name].join(' › ') });
      walk(u.id, parent === null ? [] : [...path, u.name]);
    }
  };
  walk(null, []);
  return out;
}
