import type { ExportColumn, ExportRow } from '../../api/exports.ts';
import type { Stakeholder } from '../../api/stakeholders.ts';
import { ATTITUDE_LABELS, ENGAGEMENT_LABELS, QUADRANT_LABELS } from './stakeholder-model.ts';

/** The register's columns as exported: everything the table and the dialog show. */
export function stakeholderExportColumns(): ExportColumn[] {
  return [
    { key: 'id', label: 'Id' },
    { key: 'name', label: 'Name' },
    { key: 'role', label: 'Role' },
    { key: 'organisation', label: 'Organisation' },
    { key: 'email', label: 'E-mail' },
    { key: 'phone', label: 'Phone' },
    { key: 'influence', label: 'Influence', kind: 'integer' },
    { key: 'interest', label: 'Interest', kind: 'integer' },
    { key: 'quadrant', label: 'Quadrant' },
    { key: 'attitude', label: 'Attitude' },
    { key: 'engagementCurrent', label: 'Engagement now' },
    { key: 'engagementDesired', label: 'Engagement desired' },
    { key: 'owner', label: 'Relationship owner' },
    { key: 'registeredAt', label: 'Registered at' },
    { key: 'projectCount', label: 'Projects', kind: 'integer' },
    { key: 'projects', label: 'Project codes' },
    { key: 'notes', label: 'Notes' },
  ];
}

export function stakeholderExportRow(s: Stakeholder): ExportRow {
  return {
    id: s.id,
    name: s.name,
    role: s.role,
    organisation: s.organisation,
    email: s.email,
    phone: s.phone,
    influence: s.influence,
    interest: s.interest,
    quadrant: QUADRANT_LABELS[s.quadrant],
    attitude: ATTITUDE_LABELS[s.attitude],
    engagementCurrent: ENGAGEMENT_LABELS[s.engagementCurrent],
    engagementDesired: ENGAGEMENT_LABELS[s.engagementDesired],
    owner: s.ownerName,
    registeredAt: s.orgUnitName,
    projectCount: s.projectCount,
    projects: s.projects.map((p) => p.code).join(', ') || null,
    notes: s.notes,
  };
}
