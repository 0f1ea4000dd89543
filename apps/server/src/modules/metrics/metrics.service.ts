import {
  computeHealth,
  type EacMethod,
  type Evm,
  earnedValue,
  type Health,
  type HealthFacts,
} from '@baton/core';
import type { Database } from '@baton/db';
import { notFound } from '../../http/problem.ts';
import { SYSTEM_ACTOR } from '../access/access.service.ts';
import type { RaidRepository } from '../raid/raid.repository.ts';
import type { RisksService } from '../raid/risks.service.ts';
import { today } from '../resources/resources.service.ts';
import type { MetricsRepository } from './metrics.repository.ts';

const DAY = 86_400_000;
type ProjectEvm = Evm & { statusDate: string; currency: string };
const dayOf = (d: string | null) => (d ? d.slice(0, 10) : null);

/**
 * Earned value from the baseline, progress and actual costs, and the computed health of a project
 * from it and from the RAID log and status reporting.
 */
export class MetricsService {
  constructor(
    private readonly db: Database,
    private readonly repo: MetricsRepository,
    private readonly raidRepo: RaidRepository,
    private readonly risks: RisksService,
  ) {}

  async evm(projectId: string, statusDate?: string, method: EacMethod = 'cpi'): Promise<ProjectEvm> {
    const p = await this.repo.project(this.db, projectId);
    if (!p) throw notFound('Project');
    const date = statusDate ?? today();
    const rows = await this.repo.tasksWithBaseline(this.db, projectId);
    const r = earnedValue(
      rows.map((t) => ({
        summary: t.summary,
        baselineStart: dayOf(t.baseline?.start ?? null),
        baselineFinish: dayOf(t.baseline?.finish ?? null),
        baselineCostMinor: t.baseline?.costMinor ?? 0,
        percentComplete: t.percentComplete,
        actualCostMinor: t.actualCostMinor,
      })),
      date,
      method,
    );
    return { ...r, statusDate: date, currency: p.currency };
  }

  /**
   * The facts the health rules read, as of a date. `inReport` is set when the health goes into
   * a status report being written: that report is the status report, so it is not stale.
   */
  async facts(
    projectId: string,
    asOf: string,
    inReport = false,
  ): Promise<{ facts: HealthFacts; evm: ProjectEvm }> {
    const [evm, rows, high, issues, changes, last] = await Promise.all([
      this.evm(projectId, asOf),
      this.repo.tasksWithBaseline(this.db, projectId),
      this.risks.list(SYSTEM_ACTOR, { projectId, status: 'open,monitoring', level: 'high' }),
      this.raidRepo.issues(this.db, { projectId }),
      this.raidRepo.changes(this.db, { projectId, statuses: ['submitted'] }),
      this.repo.lastSubmitted(this.db, projectId),
    ]);
    const slips = rows
      .filter((t) => t.milestone && t.finish && t.baseline?.finish)
      .map((t) =>
        Math.round(
          (Date.parse(dayOf(t.finish) as string) - Date.parse(dayOf(t.baseline?.finish ?? null) as string)) /
            DAY,
        ),
      );
    const baselined = evm.bac > 0;
    const budget = (await this.repo.project(this.db, projectId))?.budgetMinor ?? null;
    const progress = baselined ? (100 * evm.ev) / evm.bac : null;
    const spent = budget ? (100 * evm.ac) / budget : null;
    const facts: HealthFacts = {
      spi: baselined ? evm.spi : null,
      cpi: baselined && evm.ac > 0 ? evm.cpi : null,
      milestoneSlipDays: slips.length ? Math.max(...slips) : null,
      openHighRisks: high.total,
      overdueIssues: issues.filter(
        (i) => (i.status === 'open' || i.status === 'in_progress') && i.dueDate !== null && i.dueDate < asOf,
      ).length,
      burnAheadPoints: progress !== null && spent !== null ? Math.round(spent - progress) : null,
      daysSinceStatusReport: inReport
        ? 0
        : last
          ? Math.floor((Date.parse(`${asOf}T23:59:59Z`) - last.getTime()) / DAY)
          : null,
      changesPending: changes.length,
      // Over-allocation per project is not derived here yet: unknown, so the rule does not fire.
      overAllocatedPeople: null,
    };
    return { facts, evm };
  }

  async health(
    projectId: string,
    asOf?: string,
    inReport = false,
  ): Promise<{ health: Health; facts: HealthFacts; evm: ProjectEvm }> {
    const { facts, evm } = await this.facts(projectId, asOf ?? today(), inReport);
    return { health: computeHealth(facts), facts, evm };
  }
}
