import { ROLE_LABELS } from '@baton/core';
import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import { isoDate } from '../../api/exports.ts';
import type { User } from '../../api/types.ts';

/** The user list's columns as exported. */
export function userExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Id' },
    { key: 'name', label: 'Name' },
    { key: 'email', label: 'E-mail' },
    { key: 'roles', label: 'Roles' },
    { key: 'status', label: 'Status' },
    { key: 'since', label: 'Since', kind: 'date' },
  ];
}

/** One user as an export row; roles as "Project manager · IT; Viewer" (role and where it applies). */
export function userExportRow(u: User): ExportRow {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    roles:
      u.grants.map((g) => `${ROLE_LABELS[g.role]}${g.scopeName ? ` · ${g.scopeName}` : ''}`).join('; ') ||
      null,
    status: u.active ? 'Active' : 'Deactivated',
    since: isoDate(u.createdAt),
  };
}
