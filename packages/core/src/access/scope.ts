import { type Action, type Role, roleAllows, type ScopeType } from './roles.ts';

/** A role held by a user at a scope; scopeId is null for the organisation. */
export type Grant = { role: Role; scopeType: ScopeType; scopeId: string | null };

/**
 * Where a thing sits: the org units containing it (itself first when it is one, then each parent up to the
 * root), its portfolio and its project. An organisation-level target has all of these empty.
 */
export type ScopePath = {
  orgUnitIds: readonly string[];
  portfolioId: string | null;
  projectId: string | null;
};

export const ORGANISATION_PATH: ScopePath = { orgUnitIds: [], portfolioId: null, projectId: null };

/** True when a grant's scope contains the target. */
export function grantCovers(grant: Grant, target: ScopePath): boolean {
  switch (grant.scopeType) {
    case 'organisation':
      return true;
    case 'org_unit':
      return grant.scopeId !== null && target.orgUnitIds.includes(grant.scopeId);
    case 'portfolio':
      return grant.scopeId !== null && grant.scopeId === target.portfolioId;
    case 'project':
      return grant.scopeId !== null && grant.scopeId === target.projectId;
  }
}

/** Decides whether a user with these grants may perform the action on the target. */
export function isAllowed(grants: readonly Grant[], action: Action, target: ScopePath): boolean {
  return grants.some((g) => roleAllows(g.role, action) && grantCovers(g, target));
}

/** The grants that carry an action, for filtering lists to what the user may see. */
export type Visibility =
  | { all: true }
  | { all: false; orgUnitIds: string[]; portfolioIds: string[]; projectIds: string[] };

/** Summarises where a user may perform an action: everywhere, or a set of units, portfolios and projects. */
export function computeVisibility(grants: readonly Grant[], action: Action): Visibility {
  const v = { orgUnitIds: [] as string[], portfolioIds: [] as string[], projectIds: [] as string[] };
  for (const g of grants) {
    if (!roleAllows(g.role, action)) continue;
    if (g.scopeType === 'organisation') return { all: true };
    if (g.scopeId === null) continue;
    if (g.scopeType === 'org_unit') v.orgUnitIds.push(g.scopeId);
    else if (g.scopeType === 'portfolio') v.portfolioIds.push(g.scopeId);
    else v.projectIds.push(g.scopeId);
  }
  return { all: false, ...v };
}
