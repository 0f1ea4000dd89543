import type { Services } from '../services.ts';

/**
 * Demo dashboards: every project's figures computed now (so the portfolio dashboard is full before
 * the job worker gets to them) and twelve months of snapshots behind them, so the KPI charts and the
 * scorecard's trends have a history to show.
 */
export async function loadDemoSnapshots(s: Services): Promise<void> {
  await s.projectMetrics.refreshAll();
  await s.kpis.seedDemoHistory(12);
}
