import type { Database } from '@baton/db';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { MetricsService } from '../metrics/metrics.service.ts';
import { today } from '../resources/resources.service.ts';
import type { ChangeListener } from '../shared/record-change.ts';
import type { DashboardsRepository } from './dashboards.repository.ts';

/** A change is folded into the figures a few seconds later, so a burst of edits costs one refresh. */
export const REFRESH_DELAY_MS = 3_000;
/** The nightly refresh runs at this hour (UTC), when the day's status date moves on. */
const NIGHTLY_HOUR_UTC = 2;
/** How far ahead a project's open milestones are kept with its figures (the dashboard shows 90 days). */
const MILESTONE_HORIZON_DAYS = 120;
const DAY = 86_400_000;

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The next nightly run after `now`. */
export function nextNightly(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), NIGHTLY_HOUR_UTC));
  return d.getTime() > now.getTime() ? d : new Date(d.getTime() + DAY);
}

/**
 * Keeps project_metrics — one row per project: its earned value, computed health and facts, budget,
 * forecast and baseline finish, and its open milestones — fresh, so that dashboards aggregate rows
 * instead of computing projects. Every recorded change to a project queues a deduplicated
 * 'metrics.refresh' job (in the change's own transaction); 'metrics.refresh-all' runs at start and
 * nightly, when the status date moves on.
 */
export class ProjectMetricsService {
  constructor(
    private readonly db: Database,
    private readonly repo: DashboardsRepository,
    private readonly metrics: MetricsService,
    private readonly jobs: JobsService,
  ) {}

  /** The recordChange listener: queues the refresh of the project a change is about. */
  readonly onChange: ChangeListener = async (tx, entity, before, after) => {
    const projectId = await this.repo.projectOfChange(tx, entity, before, after);
    if (!projectId) return;
    await this.repo.queueJob(
      tx,
      'metrics.refresh',
      { projectId },
      `metrics:${projectId}`,
      new Date(Date.now() + REFRESH_DELAY_MS),
    );
  };

  /** Registers the job handlers. */
  register(onAllRefreshed?: () => Promise<void>): void {
    this.jobs.register('metrics.refresh', async (ctx) => {
      const projectId = String(ctx.job.payload.projectId);
      return { projectId, refreshed: await this.refresh(projectId) };
    });
    this.jobs.register('metrics.refresh-all', async (ctx) => {
      const ids = await this.repo.projectIds(this.db);
      for (const [i, id] of ids.entries()) {
        if (i % 20 === 0 && (await ctx.cancelled())) break;
        await this.refresh(id);
        await ctx.progress((i + 1) / ids.length, `${i + 1} of ${ids.length} projects`);
      }
      await this.scheduleNightly();
      await onAllRefreshed?.();
      return { projects: ids.length };
    });
  }

  /** Queues a refresh of every project now (at start, or when the PMO asks). */
  refreshAllLater(createdBy: string | null = null) {
    return this.jobs.enqueue('metrics.refresh-all', {}, { dedupeKey: 'metrics:all', createdBy });
  }

  /** Makes sure tonight's refresh is queued. */
  async scheduleNightly(now = new Date()): Promise<void> {
    const at = nextNightly(now);
    await this.jobs.enqueue(
      'metrics.refresh-all',
      { nightly: true },
      { dedupeKey: `metrics:nightly:${at.toISOString().slice(0, 10)}`, runAt: at },
    );
  }

  /** Recomputes every project's row at once (the demo loader, tests). */
  async refreshAll(): Promise<number> {
    const ids = await this.repo.projectIds(this.db);
    for (const id of ids) await this.refresh(id);
    return ids.length;
  }

  /** Recomputes one project's row as of today; false when the project is gone. */
  async refresh(projectId: string, asOf = today()): Promise<boolean> {
    const p = await this.repo.projectFacts(this.db, projectId);
    if (!p || p.deleted) {
      await this.repo.deleteMetrics(this.db, projectId);
      return false;
    }
    const [{ health, facts, evm }, tasks] = await Promise.all([
      this.metrics.health(projectId, asOf),
      this.repo.tasksForCurve(this.db, [projectId]),
    ]);
    const horizon = addDays(asOf, MILESTONE_HORIZON_DAYS);
    const milestones = tasks
      .filter(
        (t) => t.milestone && t.percentComplete < 100 && t.finish && t.finish >= asOf && t.finish <= horizon,
      )
      .map((t) => ({ taskId: t.taskId, name: t.name, finish: t.finish, baselineFinish: t.baselineFinish }));
    const baselined = evm.bac > 0;
    await this.repo.upsertMetrics(this.db, {
      projectId,
      asOf,
      computedAt: new Date(),
      health: health.overall,
      dimensions: Object.fromEntries(Object.entries(health.dimensions).map(([k, d]) => [k, d.rag])),
      bacMinor: evm.bac,
      pvMinor: evm.pv,
      evMinor: evm.ev,
      acMinor: evm.ac,
      eacMinor: baselined ? evm.eac : null,
      spi: baselined ? evm.spi : null,
      cpi: baselined && evm.ac > 0 ? evm.cpi : null,
      budgetMinor: p.budgetMinor,
      finish: p.finish,
      baselineFinish: p.baselineFinish,
      percentComplete: baselined ? Math.round((10_000 * evm.ev) / evm.bac) / 100 : null,
      facts: { ...facts, eacMethod: evm.eacMethod, currency: evm.currency, milestones },
    });
    return true;
  }
}
