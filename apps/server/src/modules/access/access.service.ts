import {
  type Action,
  computeVisibility,
  type Grant,
  isAllowed,
  ORGANISATION_PATH,
  roleAllows,
  type ScopePath,
} from '@baton/core';
import { forbidden, invalid, notFound } from '../../http/problem.ts';
import type { AccessRepository, GrantDetail } from './access.repository.ts';

/** Who is acting, as the services see it. */
export type Actor = {
  /** null for the system itself */
  userId: string | null;
  grants: readonly Grant[];
  requestId: string | null;
};

/** The system itself (demo loader, CLI on a stopped server): journal entries carry no user. */
export const SYSTEM_ACTOR: Actor = {
  userId: null,
  grants: [{ role: 'admin', scopeType: 'organisation', scopeId: null }],
  requestId: null,
};

export type Visible =
  | { all: true }
  | { all: false; orgUnitIds: string[]; portfolioIds: string[]; projectIds: string[] };

/** True when a project lies inside what a visibility covers (the in-memory twin of visibleProjects). */
export function coversProject(
  v: Visible,
  p: { id: string; orgUnitId: string; portfolioId: string | null },
): boolean {
  return (
    v.all ||
    v.projectIds.includes(p.id) ||
    v.orgUnitIds.includes(p.orgUnitId) ||
    (p.portfolioId !== null && v.portfolioIds.includes(p.portfolioId))
  );
}

/** Answers "may this actor do that, there?" and "where is this thing?". */
export class AccessService {
  constructor(private readonly repo: AccessRepository) {}

  grantsOf(userId: string): Promise<Grant[]> {
    return this.repo.grantsOf(userId);
  }

  holdsAnywhere(actor: Actor, actions: readonly Action[]): boolean {
    return actor.grants.some((g) => actions.some((a) => roleAllows(g.role, a)));
  }

  allows(actor: Actor, actions: readonly Action[], path: ScopePath): boolean {
    return actions.some((a) => isAllowed(actor.grants, a, path));
  }

  require(actor: Actor, action: Action, path: ScopePath, detail?: string): void {
    if (!isAllowed(actor.grants, action, path)) throw forbidden(detail);
  }

  /** Where the actor may perform the action, with org units expanded to their whole subtrees. */
  async visibility(actor: Actor, action: Action): Promise<Visible> {
    const v = computeVisibility(actor.grants, action);
    if (v.all) return v;
    return { ...v, orgUnitIds: await this.repo.orgUnitSubtree(v.orgUnitIds) };
  }

  subtree(orgUnitId: string): Promise<string[]> {
    return this.repo.orgUnitSubtree([orgUnitId]);
  }

  async rootOrgUnitId(): Promise<string> {
    const id = await this.repo.rootOrgUnitId();
    if (!id)
      throw invalid('orgUnitId', 'required', 'there is no org unit yet: create the enterprise PMO first');
    return id;
  }

  /** The path of an org unit, or of the enterprise PMO for things filed under no unit (such as a resource). */
  async orgUnitOrRootPath(orgUnitId: string | null): Promise<ScopePath> {
    return this.orgUnitPath(orgUnitId ?? (await this.rootOrgUnitId()));
  }

  async orgUnitPath(orgUnitId: string): Promise<ScopePath> {
    const chain = await this.repo.orgUnitChain(orgUnitId);
    if (chain.length === 0) throw notFound('Org unit');
    return { orgUnitIds: chain, portfolioId: null, projectId: null };
  }

  async portfolioPath(portfolioId: string): Promise<ScopePath> {
    const orgUnitId = await this.repo.portfolioOrgUnit(portfolioId);
    if (!orgUnitId) throw notFound('Portfolio');
    return { orgUnitIds: await this.repo.orgUnitChain(orgUnitId), portfolioId, projectId: null };
  }

  async programPath(programId: string): Promise<ScopePath> {
    const p = await this.repo.programPlacement(programId);
    if (!p) throw notFound('Program');
    return {
      orgUnitIds: await this.repo.orgUnitChain(p.orgUnitId),
      portfolioId: p.portfolioId,
      projectId: null,
    };
  }

  async projectPath(projectId: string): Promise<ScopePath> {
    const p = await this.repo.projectPlacement(projectId);
    if (!p) throw notFound('Project');
    return { orgUnitIds: await this.repo.orgUnitChain(p.orgUnitId), portfolioId: p.portfolioId, projectId };
  }

  /** Where a project would sit, from the org unit / portfolio / program it names (defaults filled in). */
  async placement(input: {
    orgUnitId?: string | null | undefined;
    portfolioId?: string | null | undefined;
    programId?: string | null | undefined;
  }): Promise<{ orgUnitId: string; portfolioId: string | null; programId: string | null; path: ScopePath }> {
    let portfolioId = input.portfolioId ?? null;
    const programId = input.programId ?? null;
    if (programId) {
      const program = await this.repo.programPlacement(programId);
      if (!program) throw invalid('programId', 'exists', 'no such program');
      if (portfolioId && portfolioId !== program.portfolioId) {
        throw invalid('programId', 'same_portfolio', 'the program belongs to another portfolio');
      }
      portfolioId = program.portfolioId;
    }
    let orgUnitId = input.orgUnitId ?? null;
    if (portfolioId) {
      const unit = await this.repo.portfolioOrgUnit(portfolioId);
      if (!unit) throw invalid('portfolioId', 'exists', 'no such portfolio');
      orgUnitId ??= unit;
    }
    if (orgUnitId) {
      if (!(await this.repo.orgUnitExists(orgUnitId)))
        throw invalid('orgUnitId', 'exists', 'no such org unit');
    } else {
      orgUnitId = await this.rootOrgUnitId();
    }
    const chain = await this.repo.orgUnitChain(orgUnitId);
    return { orgUnitId, portfolioId, programId, path: { orgUnitIds: chain, portfolioId, projectId: null } };
  }

  async newOrgUnitPath(parentId: string | null | undefined): Promise<ScopePath> {
    if (!parentId) return ORGANISATION_PATH;
    const chain = await this.repo.orgUnitChain(parentId);
    if (chain.length === 0) throw invalid('parentId', 'exists', 'no such org unit');
    return { orgUnitIds: chain, portfolioId: null, projectId: null };
  }

  async newPortfolioPath(orgUnitId: string | null | undefined): Promise<ScopePath> {
    const id = orgUnitId ?? (await this.rootOrgUnitId());
    const chain = await this.repo.orgUnitChain(id);
    if (chain.length === 0) throw invalid('orgUnitId', 'exists', 'no such org unit');
    return { orgUnitIds: chain, portfolioId: null, projectId: null };
  }

  async newProgramPath(portfolioId: string): Promise<ScopePath> {
    const unit = await this.repo.portfolioOrgUnit(portfolioId);
    if (!unit) throw invalid('portfolioId', 'exists', 'no such portfolio');
    return { orgUnitIds: await this.repo.orgUnitChain(unit), portfolioId, projectId: null };
  }

  /** A user's grants with ids and scope names, for showing and revoking them. */
  async grantDetails(userId: string): Promise<Omit<GrantDetail, 'userId'>[]> {
    return (await this.repo.grantDetails([userId])).map(({ userId: _u, ...g }) => g);
  }

  grantDetailsOf(userIds: readonly string[]): Promise<GrantDetail[]> {
    return this.repo.grantDetails(userIds);
  }
}
