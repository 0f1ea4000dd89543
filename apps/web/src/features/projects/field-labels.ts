import { ROLE_LABELS, type Role } from '@baton/core';
import type { CustomField } from '../../api/types.ts';
import { formatDate, formatMoney } from '../../design/format.ts';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../design/labels.ts';

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  code: 'Code',
  name: 'Name',
  description: 'Description',
  objectives: 'Objectives',
  status: 'Status',
  statusReason: 'Status reason',
  sponsorId: 'Sponsor',
  managerId: 'Manager',
  orgUnitId: 'Org unit',
  portfolioId: 'Portfolio',
  programId: 'Program',
  plannedStart: 'Planned start',
  plannedFinish: 'Planned finish',
  budgetMinor: 'Budget',
  currency: 'Currency',
  priority: 'Priority',
  tags: 'Tags',
  customFields: 'Custom fields',
  email: 'E-mail',
  active: 'Active',
  role: 'Role',
  parentId: 'Parent',
  ownerId: 'Owner',
  kind: 'Kind',
  label: 'Label',
  key: 'Key',
  type: 'Type',
  required: 'Required',
  options: 'Options',
};

/** Names for the ids a change may carry, so people read "Dana Director" rather than a UUID. */
export type NameLookup = {
  users: ReadonlyMap<string, string>;
  orgUnits: ReadonlyMap<string, string>;
  portfolios: ReadonlyMap<string, string>;
  programs: ReadonlyMap<string, string>;
  customFields: readonly CustomField[];
  currency: string;
};

export function labelOfField(field: string, lookup: NameLookup): string {
  if (field.startsWith('customFields.')) {
    const key = field.slice('customFields.'.length);
    return lookup.customFields.find((d) => d.key === key)?.label ?? key;
  }
  return FIELD_LABELS[field] ?? field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

function nameOr(map: ReadonlyMap<string, string>, id: string): string {
  return map.get(id) ?? `Unknown (${id.slice(0, 8)})`;
}

/** A journal or form value in words. */
export function formatFieldValue(field: string, value: unknown, lookup: NameLookup): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(String).join(', ');
  if (field.startsWith('customFields.')) {
    const def = lookup.customFields.find((d) => `customFields.${d.key}` === field);
    if (def?.type === 'user' && typeof value === 'string') return nameOr(lookup.users, value);
    if (def?.type === 'date' && typeof value === 'string') return formatDate(value);
    return String(value);
  }
  switch (field) {
    case 'sponsorId':
    case 'managerId':
    case 'ownerId':
      return typeof value === 'string' ? nameOr(lookup.users, value) : String(value);
    case 'orgUnitId':
    case 'parentId':
      return typeof value === 'string' ? nameOr(lookup.orgUnits, value) : String(value);
    case 'portfolioId':
      return typeof value === 'string' ? nameOr(lookup.portfolios, value) : String(value);
    case 'programId':
      return typeof value === 'string' ? nameOr(lookup.programs, value) : String(value);
    case 'plannedStart':
    case 'plannedFinish':
      return typeof value === 'string' ? formatDate(value) : String(value);
    case 'budgetMinor':
      return typeof value === 'number' ? formatMoney(value, lookup.currency) : String(value);
    case 'status':
      return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? String(value);
    case 'priority':
      return PRIORITY_LABELS[value as keyof typeof PRIORITY_LABELS] ?? String(value);
    case 'role':
      return ROLE_LABELS[value as Role] ?? String(value);
    case 'grant': {
      const g = value as { role?: string; scopeType?: string };
      const scope =
        g.scopeType === 'organisation' || !g.scopeType ? 'whole organisation' : g.scopeType.replace('_', ' ');
      return g.role ? `${ROLE_LABELS[g.role as Role] ?? g.role} · ${scope}` : JSON.stringify(value);
    }
    case 'active':
    case 'required':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/** Splits a change of the whole customFields object into one change per key that differs. */
export function expandChanges(
  changes: readonly { field: string; from: unknown; to: unknown }[],
): { field: string; from: unknown; to: unknown }[] {
  const out: { field: string; from: unknown; to: unknown }[] = [];
  for (const c of changes) {
    const isRecord = (v: unknown): v is Record<string, unknown> =>
      typeof v === 'object' && v !== null && !Array.isArray(v);
    if (
      c.field === 'customFields' &&
      (isRecord(c.from) || c.from === null) &&
      (isRecord(c.to) || c.to === null)
    ) {
      const from = isRecord(c.from) ? c.from : {};
      const to = isRecord(c.to) ? c.to : {};
      for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
        if (JSON.stringify(from[key] ?? null) !== JSON.stringify(to[key] ?? null)) {
          out.push({ field: `customFields.${key}`, from: from[key] ?? null, to: to[key] ?? null });
        }
      }
    } else {
      out.push(c);
    }
  }
  return out;
}
