import {
  computeHealth,
  DEFAULT_HEALTH_RULES,
  type EacMethod,
  type Evm,
  earnedValue,
  floatConsumedPercent,
  type Health,
  type HealthFacts,
  type HealthRule,
} from '@baton/core';
import type { Database } from '@baton/db';
import { notFound } from '../../http/problem.ts';
import { SYSTEM_ACTOR } from '../access/access.service.ts';
import type { RaidRepository } from '../raid/raid.repository.ts';
import type { RisksService } from '../raid/risks.service.ts';
import { today } from '../resources/resources.service.ts';
import type { MetricsRepository } from './metrics.repository.ts';

/** The window ahead in which over-allocated people count against a project's resources health. */
const OVER_ALLOCATION_WINDOW_DAYS = 28;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
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
    const [p, rows] = await Promise.all([
      this.repo.project(this.db, projectId),
      this.repo.tasksWithBaseline(this.db, projectId),
    ]);
    if (!p) throw notFound('Project');
    return evmOf(p.currency, rows, statusDate ?? today(), method);
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
    // The project and its tasks against the baseline are read once: EVM and the schedule facts share them.
    const [project, rows, high, issues, changes, last, overAllocatedPeople] = await Promise.all([
      this.repo.project(this.db, projectId),
      this.repo.tasksWithBaseline(this.db, projectId),
      this.risks.list(SYSTEM_ACTOR, { projectId, status: 'open,monitoring', level: 'high' }),
      this.raidRepo.issues(this.db, { projectId }),
      this.raidRepo.changes(this.db, { projectId, statuses: ['submitted'] }),
      this.repo.lastSubmitted(this.db, projectId),
      // People with demand on this project who are over-allocated in the four weeks from the date.
      this.overAllocated
        ? this.overAllocated(projectId, asOf, addDays(asOf, OVER_ALLOCATION_WINDOW_DAYS - 1))
        : Promise.resolve(null),
    ]);
    const slips = rows
      .filter((t) => t.milestone && t.finish && t.baseline?.finish)
      .map((t) =>
        Math.round(
          (Date.parse(dayOf(t.finish) as string) - Date.parse(dayOf(t.baseline?.finish ?? null) as string)) /
            DAY,
        ),
      );
    if (!project) throw notFound('Project');
    const evm = evmOf(project.currency, rows, asOf, 'cpi');
    const baselined = evm.bac > 0;
    const budget = project?.budgetMinor ?? null;
    const latest = (days: (string | null)[]) =>
      days.reduce<string | null>((a, d) => (d && (!a || d > a) ? d : a), null);
    const work = rows.filter((t) => !t.summary);
    const baselineFinish = latest(work.map((t) => dayOf(t.baseline?.finish ?? null)));
    const progress = baselined ? (100 * evm.ev) / evm.bac : null;
    const spent = budget ? (100 * evm.ac) / budget : null;
    const facts: HealthFacts = {
      spi: baselined ? evm.spi : null,
      cpi: baselined && evm.ac > 0 ? evm.cpi : null,
      milestoneSlipDays: slips.length ? Math.max(...slips) : null,
      floatConsumedPercent: floatConsumedPercent(
        project.plannedFinish,
        baselineFinish,
        latest(work.map((t) => dayOf(t.finish))),
      ),
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
      overAllocatedPeople,
      // Only an executing project owes status reports: for the others, not reporting is not stale.
      notApplicable:
        project.status === 'active' || project.status === 'on_hold' ? [] : ['daysSinceStatusReport'],
    };
    return { facts, evm };
  }

  async health(
    projectId: string,
    asOf?: string,
    inReport = false,
  ): Promise<{
    health: Health;
    facts: Omit<HealthFacts, 'notApplicable'>;
    notApplicable: string[];
    evm: ProjectEvm;
  }> {
    const [{ facts, evm }, rules] = await Promise.all([
      this.facts(projectId, asOf ?? today(), inReport),
      this.rulesFor ? this.rulesFor(projectId) : DEFAULT_HEALTH_RULES,
    ]);
    const { notApplicable = [], ...values } = facts;
    return { health: computeHealth(facts, rules), facts: values, notApplicable: [...notApplicable], evm };
  }

  private rulesFor?: (projectId: string) => Promise<readonly HealthRule[]>;
  private overAllocated?: (projectId: string, from: string, to: string) => Promise<number>;

  /** Wired after construction: how many of a project's people are over-allocated in a window. */
  connectOverAllocation(source: (projectId: string, from: string, to: string) => Promise<number>): void {
    this.overAllocated = source;
  }

  /** Wired after construction: the PMO's rules in force for a project (the defaults otherwise). */
  connectRules(source: (projectId: string) => Promise<readonly HealthRule[]>): void {
    this.rulesFor = source;
  }
}

/** Earned value of a project's tasks against their baseline at a status date. */
function evmOf(
  currency: string,
  rows: Awaited<ReturnType<MetricsRepository['tasksWithBaseline']>>,
  date: string,
  method: EacMethod,
): ProjectEvm {
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
  return { ...r, statusDate: date, currency };
}
