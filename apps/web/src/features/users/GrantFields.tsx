import { ROLE_LABELS, ROLES, type Role, SCOPE_TYPES, type ScopeType } from '@baton/core';
import { useQuery } from '@tanstack/react-query';
import { listProjects, projectKeys } from '../../api/projects.ts';
import { useOrgUnits, usePortfolios } from '../../api/queries.ts';
import { Field } from '../../design/Field.tsx';
import { Select } from '../../design/Select.tsx';
import { orgUnitOptions } from '../projects/org-options.ts';

export type GrantDraft = { role: Role; scopeType: ScopeType; scopeId: string };

export const SCOPE_LABELS: Record<ScopeType, string> = {
  organisation: 'Whole organisation',
  org_unit: 'Org unit (and beneath)',
  portfolio: 'Portfolio',
  project: 'Project',
};

export const emptyGrant = (): GrantDraft => ({ role: 'viewer', scopeType: 'organisation', scopeId: '' });

const ALL_PROJECTS = { sort: 'code', page: 1, pageSize: 500 };

/** Role, scope type and the scope itself (org unit, portfolio or project). */
export function GrantFields({
  value,
  onChange,
  scopeError,
}: {
  value: GrantDraft;
  onChange: (g: GrantDraft) => void;
  scopeError?: string | null | undefined;
}) {
  const units = useOrgUnits();
  const portfolios = usePortfolios();
  const projects = useQuery({
    queryKey: projectKeys.list(ALL_PROJECTS),
    queryFn: ({ signal }) => listProjects(ALL_PROJECTS, signal),
    enabled: value.scopeType === 'project',
  });
  const scopeOptions =
    value.scopeType === 'org_unit'
      ? orgUnitOptions(units.data ?? [])
      : value.scopeType === 'portfolio'
        ? (portfolios.data ?? []).map((p) => ({ value: p.id, label: p.name }))
        : value.scopeType === 'project'
          ? (projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))
          : [];
  return (
    <div className="grid-3">
      <Field label="Role">
        <Select
          value={value.role}
          onChange={(e) => onChange({ ...value, role: e.target.value as Role })}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
      </Field>
      <Field label="Scope">
        <Select
          value={value.scopeType}
          onChange={(e) => onChange({ ...value, scopeType: e.target.value as ScopeType, scopeId: '' })}
          options={SCOPE_TYPES.map((s) => ({ value: s, label: SCOPE_LABELS[s] }))}
        />
      </Field>
      {value.scopeType !== 'organisation' && (
        <Field
          label={SCOPE_LABELS[value.scopeType].replace(' (and beneath)', '')}
          error={scopeError}
          required
        >
          <Select
            value={value.scopeId}
            onChange={(e) => onChange({ ...value, scopeId: e.target.value })}
            placeholder="Choose…"
            options={scopeOptions}
          />
        </Field>
      )}
    </div>
  );
}
