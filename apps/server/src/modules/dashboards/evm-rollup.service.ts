import type { EvmGrouping, EvmRollup, GroupEvm, SCurve } from '@baton/contracts';
import { type EacMethod, type Evm, evmFromTotals, rollUpEvm, sCurve } from '@baton/core';
import type { Database } from '@baton/db';
import { notFound } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { MetricsService } from '../metrics/metrics.service.ts';
import { today } from '../resources/resources.service.ts';
import type { DashboardsRepository, ProjectScope } from './dashboards.repository.ts';

type ProjectFigures = {
  projectId: string;
  code: string;
  name: string;
  currency: string;
  orgUnitId: string;
  portfolioId: string | null;
  programId: string | null;
  evm: Evm;
  computedAt: string | null;
};

const oldest = (xs: readonly (string | null)[]) =>
  xs.reduce<string | null>((m, x) => (x !== null && (m === null || x < m) ? x : m), null);

/** Earned value summed over programs, portfolios and org units, and S-curves of projects and groups. */
export class EvmRollupService {
  constructor(
    private readonly db: Database,
    private readonly repo: DashboardsRepository,
    private readonly metrics: MetricsService,
    private readonly access: AccessService,
  ) {}

  /**
   * Each project's figures: the stored row (as of its last refresh) when no status date is asked
   * for, or measured afresh at the status date asked for.
   */
  private async figures(scope: ProjectScope, statusDate: string | undefined, method: EacMethod) {
    const rows = await this.repo.projectsWithMetrics(this.db, scope);
    if (!statusDate)
      return rows.map(
        (r): ProjectFigures => ({ ...r, evm: evmFromTotals(r, method), computedAt: r.computedAt }),
      );
    const out: ProjectFigures[] = [];
    for (const r of rows)
      out.push({ ...r, evm: await this.metrics.evm(r.projectId, statusDate, method), computedAt: null });
    return out;
  }

  async rollup(
    actor: Actor,
    q: { groupBy: EvmGrouping; statusDate?: string | undefined; eacMethod?: EacMethod | undefined },
  ): Promise<EvmRollup> {
    const method = q.eacMethod ?? 'cpi';
    const visible = await this.access.visibility(actor, 'project.read');
    const figures = await this.figures({ visible }, q.statusDate, method);
    const names = await this.repo.groupNames(this.db, q.groupBy);
    const keyOf = (f: ProjectFigures) =>
      q.groupBy === 'program' ? f.programId : q.groupBy === 'portfolio' ? f.portfolioId : f.orgUnitId;
    const groups = new Map<string | null, ProjectFigures[]>();
    for (const f of figures) {
      const k = keyOf(f);
      groups.set(k, [...(groups.get(k) ?? []), f]);
    }
    const row = (groupId: string | null, members: ProjectFigures[], label?: string) => {
      const g = groupId ? names.get(groupId) : undefined;
      return {
        groupId,
        code: g?.code ?? null,
        name: label ?? g?.name ?? `No ${q.groupBy === 'org-unit' ? 'org unit' : q.groupBy}`,
        projects: members.length,
        currencies: [...new Set(members.map((m) => m.currency))].sort(),
        ...rollUpEvm(
          members.map((m) => m.evm),
          method,
        ),
      };
    };
    const rows = [...groups.entries()]
      .map(([k, members]) => row(k, members))
      .sort((a, b) =>
        a.groupId === null ? 1 : b.groupId === null ? -1 : (a.code ?? '').localeCompare(b.code ?? ''),
      );
    return {
      groupBy: q.groupBy,
      statusDate: q.statusDate ?? today(),
      computedAt: oldest(figures.map((f) => f.computedAt)),
      rows,
      total: row(null, figures, 'All projects'),
    };
  }

  private async scopeOf(kind: EvmGrouping, id: string): Promise<Omit<ProjectScope, 'visible'>> {
    if (kind === 'org-unit') return { orgUnitIds: await this.access.subtree(id) };
    return kind === 'portfolio' ? { portfolioId: id } : { programId: id };
  }

  private async groupScope(actor: Actor, kind: EvmGrouping, id: string): Promise<ProjectScope> {
    const names = await this.repo.groupNames(this.db, kind);
    if (!names.has(id))
      throw notFound(kind === 'org-unit' ? 'Org unit' : kind === 'portfolio' ? 'Portfolio' : 'Program');
    const visible = await this.access.visibility(actor, 'project.read');
    return { visible, ...(await this.scopeOf(kind, id)) };
  }

  async group(
    actor: Actor,
    kind: EvmGrouping,
    id: string,
    q: { statusDate?: string | undefined; eacMethod?: EacMethod | undefined },
  ): Promise<GroupEvm> {
    const method = q.eacMethod ?? 'cpi';
    const scope = await this.groupScope(actor, kind, id);
    const g = (await this.repo.groupNames(this.db, kind)).get(id);
    const figures = await this.figures(scope, q.statusDate, method);
    return {
      kind,
      id,
      code: g?.code ?? null,
      name: g?.name ?? '',
      statusDate: q.statusDate ?? today(),
      computedAt: oldest(figures.map((f) => f.computedAt)),
      total: rollUpEvm(
        figures.map((f) => f.evm),
        method,
      ),
      projects: figures.map((f) => ({
        projectId: f.projectId,
        code: f.code,
        name: f.name,
        currency: f.currency,
        ...f.evm,
      })),
    };
  }

  async projectCurve(
    projectId: string,
    q: { granularity: 'week' | 'month'; statusDate?: string | undefined },
  ): Promise<SCurve> {
    const tasks = await this.repo.tasksForCurve(this.db, [projectId]);
    return sCurve(tasks, q.statusDate ?? today(), q.granularity);
  }

  async groupCurve(
    actor: Actor,
    kind: EvmGrouping,
    id: string,
    q: { granularity: 'week' | 'month'; statusDate?: string | undefined },
  ): Promise<SCurve> {
    const scope = await this.groupScope(actor, kind, id);
    const ids = (await this.repo.projectsWithMetrics(this.db, scope)).map((p) => p.projectId);
    // A group's curve is its projects' curves added up: S-curves are sums, so one pass over all tasks.
    return sCurve(await this.repo.tasksForCurve(this.db, ids), q.statusDate ?? today(), q.granularity);
  }
}
