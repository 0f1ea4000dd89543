import type { Database } from '@baton/db';
import type { AccessService } from '../access/access.service.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { MetricsService } from '../metrics/metrics.service.ts';
import type { CapacityService } from '../resources/capacity.service.ts';
import { setChangeListener } from '../shared/record-change.ts';
import { DashboardsRepository } from './dashboards.repository.ts';
import { DashboardsService } from './dashboards.service.ts';
import { EvmRollupService } from './evm-rollup.service.ts';
import { KpisService } from './kpis.service.ts';
import { ProjectMetricsService } from './project-metrics.service.ts';

/**
 * Dashboards, earned-value roll-ups and KPIs, wired together; their jobs are registered with the
 * queue here, and the figures upkeep listens to every recorded change.
 */
export function createDashboardServices(deps: {
  db: Database;
  access: AccessService;
  jobs: JobsService;
  metrics: MetricsService;
  capacity: CapacityService;
}) {
  const { db, access, jobs, metrics, capacity } = deps;
  const repo = new DashboardsRepository();
  const projectMetrics = new ProjectMetricsService(db, repo, metrics, jobs);
  const dashboards = new DashboardsService(db, repo, access, capacity);
  const kpis = new KpisService(db, repo, metrics, capacity, dashboards, jobs);
  // After each full refresh the last closed month gets its snapshot, if it has none yet.
  projectMetrics.register(() => kpis.ensureLastMonth());
  kpis.register();
  setChangeListener(projectMetrics.onChange);
  return {
    projectMetrics,
    dashboards,
    kpis,
    evmRollup: new EvmRollupService(db, repo, metrics, access),
  };
}
