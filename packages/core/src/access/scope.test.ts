import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, roleAllows } from './roles.ts';
import {
  computeVisibility,
  type Grant,
  grantCovers,
  isAllowed,
  ORGANISATION_PATH,
  type ScopePath,
} from './scope.ts';

const project: ScopePath = { orgUnitIds: ['dept', 'bu', 'root'], portfolioId: 'pf', projectId: 'p1' };

describe('scope coverage', () => {
  it('an org-unit grant covers everything beneath the unit, not beside it', () => {
    expect(grantCovers({ role: 'viewer', scopeType: 'org_unit', scopeId: 'bu' }, project)).toBe(true);
    expect(grantCovers({ role: 'viewer', scopeType: 'org_unit', scopeId: 'other-bu' }, project)).toBe(false);
  });

  it('portfolio and project grants cover only their own', () => {
    expect(grantCovers({ role: 'viewer', scopeType: 'portfolio', scopeId: 'pf' }, project)).toBe(true);
    expect(grantCovers({ role: 'viewer', scopeType: 'portfolio', scopeId: 'pf2' }, project)).toBe(false);
    expect(grantCovers({ role: 'viewer', scopeType: 'project', scopeId: 'p1' }, project)).toBe(true);
    expect(grantCovers({ role: 'viewer', scopeType: 'project', scopeId: 'p2' }, project)).toBe(false);
  });

  it('only organisation grants cover organisation-level targets', () => {
    expect(grantCovers({ role: 'admin', scopeType: 'org_unit', scopeId: 'root' }, ORGANISATION_PATH)).toBe(
      false,
    );
    expect(grantCovers({ role: 'admin', scopeType: 'organisation', scopeId: null }, ORGANISATION_PATH)).toBe(
      true,
    );
  });

  it('needs both the action in the role and the scope', () => {
    const pm: Grant = { role: 'project_manager', scopeType: 'project', scopeId: 'p1' };
    expect(isAllowed([pm], 'project.update', project)).toBe(true);
    expect(isAllowed([pm], 'project.delete', project)).toBe(false);
    expect(isAllowed([pm], 'project.update', { ...project, projectId: 'p2' })).toBe(false);
    expect(isAllowed([], 'project.read', project)).toBe(false);
  });

  it('sponsors read and approve but do not edit', () => {
    expect(roleAllows('sponsor', 'project.approve')).toBe(true);
    expect(roleAllows('sponsor', 'project.update')).toBe(false);
    expect(roleAllows('viewer', 'project.approve')).toBe(false);
  });

  it('visibility agrees with isAllowed for any grants and target', () => {
    const id = fc.constantFrom('a', 'b', 'c');
    const grant = fc.record({
      role: fc.constantFrom(...ROLES),
      scopeType: fc.constantFrom(
        'organisation' as const,
        'org_unit' as const,
        'portfolio' as const,
        'project' as const,
      ),
      scopeId: id,
    });
    const target = fc.record({
      orgUnitIds: fc.uniqueArray(id, { maxLength: 3 }),
      portfolioId: fc.option(id, { nil: null }),
      projectId: fc.option(id, { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 4 }), target, fc.constantFrom(...ACTIONS), (gs, t, action) => {
        const grants: Grant[] = gs.map((g) => (g.scopeType === 'organisation' ? { ...g, scopeId: null } : g));
        const v = computeVisibility(grants, action);
        const viaVisibility = v.all
          ? true
          : t.orgUnitIds.some((u) => v.orgUnitIds.includes(u)) ||
            (t.portfolioId !== null && v.portfolioIds.includes(t.portfolioId)) ||
            (t.projectId !== null && v.projectIds.includes(t.projectId));
        expect(viaVisibility).toBe(isAllowed(grants, action, t));
      }),
    );
  });
});
