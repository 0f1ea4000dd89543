import type { PortfolioDashboard, PortfolioDashboardQuery } from '@baton/contracts';
import { periodBounds, type ScopePath, shiftPeriod } from '@baton/core';
import type { Database } from '@baton/db';
import { forbidden } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { CapacityService } from '../resources/capacity.service.ts';
import { today } from '../resources/resources.service.ts';
import { type DashboardsRepository, DELIVERY_STATUSES, type ProjectScope } from './dashboards.repository.ts';
import { addDays } from './project-metrics.service.ts';

const DIMENSIONS = ['schedule', 'cost', 'scope', 'risk', 'resources'] as const;
const MILESTONES_LISTED = 200;
const DAY = 86_400_000;

/** Where a dashboard's filters point, checked against what the caller may read. */
export type DashboardFilter = {
  orgUnitId?: string | undefined;
  portfolioId?: string | undefined;
  programId?: string | undefined;
};

/** The portfolio dashboard: one aggregation over the stored figures of the projects in scope. */
export class DashboardsService {
  constructor(
    private readonly db: Database,
    private readonly repo: DashboardsRepository,
    private readonly access: AccessService,
    private readonly capacity: CapacityService,
  ) {}

  /**
   * The scope of a filtered view: what the caller may see, inside the unit (and every unit beneath
   * it), portfolio or program asked for. A filter on something the caller holds no read access to
   * is refused rather than shown empty.
   */
  async scopeOf(
    actor: Actor,
    f: DashboardFilter,
  ): Promise<{ scope: ProjectScope; capacityUnit: string | null }> {
    const visible = await this.access.visibility(actor, 'project.read');
    const check = (path: ScopePath) => {
      if (!visible.all && !this.access.allows(actor, ['project.read'], path))
        throw forbidden('You may not read the projects of this scope.');
      return path;
    };
    let capacityUnit: string | null = null;
    const scope: ProjectScope = { visible, statuses: DELIVERY_STATUSES };
    if (f.programId) {
      capacityUnit = check(await this.access.programPath(f.programId)).orgUnitIds[0] ?? null;
      scope.programId = f.programId;
    }
    if (f.portfolioId) {
      capacityUnit = check(await this.access.portfolioPath(f.portfolioId)).orgUnitIds[0] ?? null;
      scope.portfolioId = f.portfolioId;
    }
    if (f.orgUnitId) {
      check(await this.access.orgUnitPath(f.orgUnitId));
      capacityUnit = f.orgUnitId;
      scope.orgUnitIds = await this.access.subtree(f.orgUnitId);
    }
    return { scope, capacityUnit };
  }

  async portfolio(actor: Actor, q: PortfolioDashboardQuery): Promise<PortfolioDashboard> {
    const { scope, capacityUnit } = await this.scopeOf(actor, q);
    const day = today();
    const in30 = addDays(day, 30);
    const in90 = addDays(day, 90);
    // Risks held above projects count where they are held: a portfolio's in its view, a unit's in
    // its unit's; the unfiltered view of someone who sees everything shows them all.
    const everything = scope.visible.all && !q.orgUnitId && !q.portfolioId && !q.programId;
    // Independent reads, run side by side (on PostgreSQL each takes a pooled connection).
    const [health, byPortfolio, counts, milestones, cells, projects, capacity] = await Promise.all([
      this.repo.healthCounts(this.db, scope),
      this.repo.budgetByPortfolio(this.db, scope),
      this.repo.milestoneCounts(this.db, scope, day, in30, in90),
      this.repo.milestones(this.db, scope, day, in90, MILESTONES_LISTED),
      this.repo.riskCells(this.db, scope, {
        portfolioIds: q.portfolioId ? [q.portfolioId] : everything ? 'all' : null,
        orgUnitIds:
          q.orgUnitId && !q.portfolioId && !q.programId
            ? (scope.orgUnitIds ?? null)
            : everything
              ? 'all'
              : null,
      }),
      this.repo.projectsWithMetrics(this.db, scope, q.limit),
      this.capacityByMonth(capacityUnit, day),
    ]);

    const rag = () => ({ green: 0, amber: 0, red: 0, unknown: 0 });
    const overall = rag();
    let projectCount = 0;
    let computedAt: string | null = null;
    for (const r of health.overall) {
      const k = (r.rag in overall ? r.rag : 'unknown') as keyof typeof overall;
      overall[k] += r.n;
      projectCount += r.n;
      if (r.oldest && (!computedAt || r.oldest < computedAt)) computedAt = r.oldest;
    }
    const dimensions: Record<string, ReturnType<typeof rag>> = {};
    for (const d of DIMENSIONS) {
      const c = rag();
      for (const r of health.dims)
        if (r.dim === d && (r.rag === 'green' || r.rag === 'amber' || r.rag === 'red')) c[r.rag] += r.n;
      c.unknown = projectCount - c.green - c.amber - c.red;
      dimensions[d] = c;
    }
    const total = byPortfolio.reduce(
      (t, p) => ({
        budget: t.budget + p.budget,
        actual: t.actual + p.actual,
        forecast: t.forecast + p.forecast,
        bac: t.bac + p.bac,
      }),
      { budget: 0, actual: 0, forecast: 0, bac: 0 },
    );
    return {
      asOf: day,
      computedAt,
      projectCount,
      health: { overall, dimensions },
      budget: { total, byPortfolio },
      milestones: {
        ...counts,
        items: milestones.map((m) => ({
          ...m,
          slipDays: m.baselineFinish
            ? Math.round(
                (Date.parse(`${m.finish}T00:00:00Z`) - Date.parse(`${m.baselineFinish}T00:00:00Z`)) / DAY,
              )
            : null,
          within: m.finish <= in30 ? ('30' as const) : ('90' as const),
        })),
      },
      capacity,
      risks: { total: cells.reduce((s, c) => s + c.count, 0), cells },
      projects: projects.map(({ orgUnitId: _u, plannedStart: _s, ...p }) => p),
    };
  }

  /** Capacity and demand hours of a unit's people (everyone's when null), this month and the next five. */
  async capacityByMonth(orgUnitId: string | null, day: string) {
    const first = day.slice(0, 7);
    const last = shiftPeriod(first, 5);
    const report = await this.capacity.report({
      from: periodBounds(first).start,
      to: periodBounds(last).end,
      granularity: 'month',
      groupBy: 'org_unit',
      includeTentative: 'true',
      ...(orgUnitId ? { orgUnitId } : {}),
    });
    return report.periods.map((p, i) => {
      let capacityHours = 0;
      let demandHours = 0;
      for (const r of report.rows) {
        capacityHours += r.periods[i]?.capacityHours ?? 0;
        demandHours += r.periods[i]?.demandHours ?? 0;
      }
      const round = (x: number) => Math.round(x * 100) / 100;
      return {
        period: p.start.slice(0, 7),
        capacityHours: round(capacityHours),
        demandHours: round(demandHours),
        utilisation: capacityHours > 0 ? Math.round((demandHours / capacityHours) * 10_000) / 10_000 : null,
      };
    });
  }
}
