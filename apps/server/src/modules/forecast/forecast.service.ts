import { type Job, PortfolioForecastResult, type ProjectForecast } from '@baton/contracts';
import {
  type CalendarDefinition,
  compileForecastCalendar,
  type ForecastCalendar,
  ForecastInputError,
  type ForecastLink,
  type ForecastOptions,
  type ForecastResult,
  type ForecastRisk,
  type ForecastTask,
  forecastOffsetToDate,
  forecastSampleDates,
  formatLocalDateTime,
  getWorkPosition,
  type LocalMinutes,
  PortfolioForecastAggregator,
  parseLocalDateTime,
  projectSeed,
  riskProbabilityFromRating,
  simulateForecast,
} from '@baton/core';
import type { Database } from '@baton/db';
import { invalid, notFound } from '../../http/problem.ts';
import { type AccessService, type Actor, coversProject } from '../access/access.service.ts';
import type { JobContext, JobsService } from '../jobs/jobs.service.ts';
import type { RisksService } from '../raid/risks.service.ts';
import type { CalendarRow, LinkRow, SettingsRow, TaskRow } from '../schedule/schedule.repository.ts';
import type { ScheduleService } from '../schedule/schedule.service.ts';
import { toEngineCalendar } from '../schedule/schedule-input.ts';
import type { ForecastProjectRow, ForecastRepository, ForecastRiskRow } from './forecast.repository.ts';

export const PORTFOLIO_FORECAST_JOB = 'forecast.portfolio';
/** Projects whose plans are forecast in the portfolio run: approved or running. */
const FORECAST_STATUSES = new Set(['approved', 'active']);
/** Plans loaded per round trip in the portfolio job (bounds memory whatever the portfolio's size). */
const CHUNK = 25;
const ELAPSED_WEEK = 7 * 24 * 60;

type Loaded = {
  project: ForecastProjectRow;
  settings: SettingsRow | undefined;
  tasks: TaskRow[];
  links: LinkRow[];
  calendars: CalendarDefinition[];
  standardCalendarId: string;
  risks: ForecastRiskRow[];
  baselineFinish: string | undefined;
};

type Prepared = {
  input: { tasks: ForecastTask[]; links: ForecastLink[]; risks: ForecastRisk[] };
  options: ForecastOptions;
  calendar: ForecastCalendar;
  estimatedTasks: number;
  target: { date: LocalMinutes; kind: 'baseline' | 'planned' } | null;
};

const fmt = (t: LocalMinutes) => formatLocalDateTime(Math.round(t));
const round = (v: number) => Math.round(v);

/** Seeded Monte Carlo forecasts of a project's finish and cost, and of a portfolio as a background job. */
export class ForecastService {
  constructor(
    private readonly db: Database,
    private readonly repo: ForecastRepository,
    private readonly schedule: ScheduleService,
    private readonly risks: RisksService,
    private readonly access: AccessService,
    private readonly jobs: JobsService,
  ) {
    jobs.register(PORTFOLIO_FORECAST_JOB, (ctx) => this.runPortfolio(ctx));
  }

  /** Forecasts one project now (synchronously: a 1,000-task plan takes well under a second). */
  async project(projectId: string, q: { iterations: number; seed: number }): Promise<ProjectForecast> {
    const [project] = await this.repo.projects(this.db, [projectId]);
    if (!project) throw notFound('Project');
    await this.schedule.ensureScheduled(projectId);
    const [loaded] = await this.load([project]);
    if (!loaded) throw notFound('Project');
    const levels = await this.ratingLevels();
    let prepared: Prepared;
    let r: ForecastResult;
    try {
      prepared = this.prepare(loaded, levels, q.iterations, q.seed);
      r = simulateForecast(prepared.input, prepared.options);
    } catch (e) {
      forecastProblem(e);
    }
    const dates = r.finishDates;
    if (!dates) throw new Error('the forecast was run without a calendar');
    const at = (offset: number) =>
      fmt(forecastOffsetToDate(prepared.calendar, r.finish.deterministic, offset));
    return {
      projectId: project.id,
      projectCode: project.code,
      projectName: project.name,
      currency: project.currency,
      iterations: r.iterations,
      seed: r.seed,
      distribution: r.distribution,
      taskCount: r.taskCount,
      estimatedTasks: prepared.estimatedTasks,
      riskCount: r.riskCount,
      finish: {
        plan: fmt(dates.deterministic),
        target: prepared.target ? fmt(prepared.target.date) : null,
        targetKind: prepared.target?.kind ?? null,
        probabilityOnTime: r.probabilityOnTime,
        mean: fmt(dates.mean),
        min: fmt(dates.min),
        max: fmt(dates.max),
        p10: fmt(dates.p10),
        p50: fmt(dates.p50),
        p80: fmt(dates.p80),
        p90: fmt(dates.p90),
        histogram: r.finish.histogram.map((b) => ({
          from: at(b.from),
          to: at(b.to),
          count: b.count,
          cumulative: b.cumulative,
        })),
      },
      cost: {
        plan: round(r.cost.deterministic),
        budget: project.budgetMinor,
        probabilityWithinBudget: r.probabilityWithinBudget,
        mean: round(r.cost.mean),
        min: round(r.cost.min),
        max: round(r.cost.max),
        p10: round(r.cost.p10),
        p50: round(r.cost.p50),
        p80: round(r.cost.p80),
        p90: round(r.cost.p90),
        histogram: r.cost.histogram.map((b) => ({ ...b, from: round(b.from), to: round(b.to) })),
      },
      tornado: {
        finish: r.tornado.finish.map((d) => ({ ...d })),
        cost: r.tornado.cost.map((d) => ({ ...d })),
      },
    };
  }

  /** Queues the portfolio forecast over the approved and active projects the caller may see. */
  async startPortfolio(
    actor: Actor,
    body: {
      iterations: number;
      seed: number;
      orgUnitId?: string | undefined;
      portfolioId?: string | undefined;
    },
  ): Promise<Job> {
    const v = await this.access.visibility(actor, 'project.read');
    const units = body.orgUnitId ? new Set(await this.access.subtree(body.orgUnitId)) : null;
    const ids = (await this.repo.projects(this.db))
      .filter(
        (p) =>
          FORECAST_STATUSES.has(p.status) &&
          coversProject(v, p) &&
          (!units || units.has(p.orgUnitId)) &&
          (!body.portfolioId || p.portfolioId === body.portfolioId),
      )
      .map((p) => p.id);
    const job = await this.jobs.enqueue(
      PORTFOLIO_FORECAST_JOB,
      {
        projectIds: ids,
        iterations: body.iterations,
        seed: body.seed,
        orgUnitId: body.orgUnitId ?? null,
        portfolioId: body.portfolioId ?? null,
      },
      { createdBy: actor.userId, maxAttempts: 1 },
    );
    return this.jobs.get(actor, job.id);
  }

  /**
   * The newest finished portfolio forecast the caller may see: their own (the job list is theirs;
   * an organisation administrator's list holds everyone's, as GET /jobs does).
   */
  async latestPortfolio(actor: Actor): Promise<{ job: Job; result: PortfolioForecastResult }> {
    const jobs = await this.jobs.list(actor, { kind: PORTFOLIO_FORECAST_JOB, limit: 50 });
    const job = jobs.find((j) => j.status === 'succeeded' && j.result);
    if (!job?.result) throw notFound('Portfolio forecast');
    return { job, result: PortfolioForecastResult.parse(job.result) };
  }

  private async runPortfolio(ctx: JobContext): Promise<Record<string, unknown>> {
    const payload = ctx.job.payload as {
      projectIds: string[];
      iterations: number;
      seed: number;
      orgUnitId: string | null;
      portfolioId: string | null;
    };
    const ids = payload.projectIds;
    const levels = await this.ratingLevels();
    const agg = new PortfolioForecastAggregator(payload.iterations);
    const rows: PortfolioForecastResult['projects'] = [];
    const currencies = new Set<string>();
    let done = 0;
    await ctx.progress(0, `0 of ${ids.length} projects`);
    for (let i = 0; i < ids.length; i += CHUNK) {
      if (await ctx.cancelled()) break;
      const projects = await this.repo.projects(this.db, ids.slice(i, i + CHUNK));
      for (const p of projects) await this.schedule.ensureScheduled(p.id);
      for (const loaded of await this.load(projects)) {
        const p = loaded.project;
        try {
          const prepared = this.prepare(loaded, levels, payload.iterations, projectSeed(payload.seed, p.id));
          const r = simulateForecast(prepared.input, {
            ...prepared.options,
            keepSamples: true,
            tornadoSize: 0,
          });
          const dates = r.finishDates;
          if (!dates || !r.samples) throw new Error('the forecast kept no samples');
          agg.add(forecastSampleDates(r, prepared.calendar), r.samples.cost, {
            finish: dates.deterministic,
            cost: r.cost.deterministic,
          });
          currencies.add(p.currency);
          rows.push({
            projectId: p.id,
            projectCode: p.code,
            projectName: p.name,
            currency: p.currency,
            planFinish: fmt(dates.deterministic),
            p50Finish: fmt(dates.p50),
            p80Finish: fmt(dates.p80),
            p90Finish: fmt(dates.p90),
            planCost: round(r.cost.deterministic),
            p50Cost: round(r.cost.p50),
            p80Cost: round(r.cost.p80),
            p90Cost: round(r.cost.p90),
            probabilityOnTime: r.probabilityOnTime,
            error: null,
          });
        } catch (e) {
          if (
            !(e instanceof ForecastInputError) &&
            !(e instanceof PlanNotScheduledError) &&
            !(e instanceof NothingToForecastError)
          )
            throw e;
          rows.push({
            projectId: p.id,
            projectCode: p.code,
            projectName: p.name,
            currency: p.currency,
            planFinish: null,
            p50Finish: null,
            p80Finish: null,
            p90Finish: null,
            planCost: null,
            p50Cost: null,
            p80Cost: null,
            p90Cost: null,
            probabilityOnTime: null,
            error: e.message,
          });
        }
        done++;
      }
      await ctx.progress(done / Math.max(1, ids.length), `${done} of ${ids.length} projects`);
    }
    const total = agg.result();
    const result: PortfolioForecastResult = {
      iterations: payload.iterations,
      seed: payload.seed,
      orgUnitId: payload.orgUnitId,
      portfolioId: payload.portfolioId,
      computedAt: new Date().toISOString(),
      currency: currencies.size === 1 ? ([...currencies][0] as string) : null,
      projects: rows,
      portfolio: total
        ? {
            projects: total.projects,
            planFinish: fmt(total.finish.deterministic),
            p10Finish: fmt(total.finish.p10),
            p50Finish: fmt(total.finish.p50),
            p80Finish: fmt(total.finish.p80),
            p90Finish: fmt(total.finish.p90),
            planCost: round(total.cost.deterministic),
            p10Cost: round(total.cost.p10),
            p50Cost: round(total.cost.p50),
            p80Cost: round(total.cost.p80),
            p90Cost: round(total.cost.p90),
          }
        : null,
    };
    return result as unknown as Record<string, unknown>;
  }

  private async ratingLevels(): Promise<number> {
    return (await this.risks.settings()).size;
  }

  /** Plans, settings, calendars, risks and baselines of some projects, in a handful of queries. */
  private async load(projects: readonly ForecastProjectRow[]): Promise<Loaded[]> {
    const ids = projects.map((p) => p.id);
    const repo = this.schedule.repo;
    const [settings, taskRows, linkRows, calendarRows, risks, baselines, standardCalendarId] =
      await Promise.all([
        repo.settings(this.db, ids),
        repo.tasksOf(this.db, ids),
        repo.linksOf(this.db, ids),
        repo.calendarsFor(this.db, ids),
        this.repo.quantifiedRisks(this.db, ids),
        this.repo.baselineFinishes(this.db, ids),
        this.schedule.standardCalendarId(this.db),
      ]);
    const calendars = (await repo.calendarsWithBases(this.db, calendarRows, [])).map((c: CalendarRow) =>
      toEngineCalendar(c),
    );
    return projects.map((project) => ({
      project,
      settings: settings.find((s) => s.projectId === project.id),
      tasks: taskRows.filter((t) => t.projectId === project.id),
      // Only links inside the project: a cross-project driver is held at the date the schedule gave it.
      links: linkRows
        .filter((l) => l.predecessorProjectId === project.id && l.successorProjectId === project.id)
        .map((l) => l.link),
      calendars,
      standardCalendarId,
      risks: risks.get(project.id) ?? [],
      baselineFinish: baselines.get(project.id),
    }));
  }

  /**
   * Turns a stored, scheduled plan into the engine's input. Offsets are working minutes of the
   * project calendar from the engine's project start; tasks already started, done or held by a
   * dated constraint are released no earlier than where the schedule placed them, and the engine's
   * finish anchors the dates.
   */
  private prepare(l: Loaded, levels: number, iterations: number, seed: number): Prepared {
    if (!l.tasks.some((t) => !t.summary)) throw new NothingToForecastError(l.project.code);
    const s = l.settings;
    const start = s?.computedStart ? parseLocalDateTime(s.computedStart) : undefined;
    const finish = s?.computedFinish ? parseLocalDateTime(s.computedFinish) : undefined;
    if (!s || start === undefined || finish === undefined || (s.issues as unknown[]).length > 0)
      throw new PlanNotScheduledError(l.project.code);
    const calendar = compileForecastCalendar(l.calendars, s.calendarId ?? l.standardCalendarId, start);
    const w0 = getWorkPosition(calendar, start);
    const offsetOf = (text: string | null) => {
      const t = text ? parseLocalDateTime(text) : undefined;
      return t === undefined ? undefined : getWorkPosition(calendar, t) - w0;
    };
    const elapsedScale = s.minutesPerWeek / ELAPSED_WEEK;
    const durationOf = new Map<string, number>();
    let estimatedTasks = 0;
    const tasks: ForecastTask[] = l.tasks.map((t) => {
      // An elapsed task's minutes run round the clock; on the project calendar they are fewer.
      const scale = t.elapsed ? elapsedScale : 1;
      const d = Math.round(t.durationMinutes * scale);
      durationOf.set(t.id, d);
      const optimistic =
        t.optimisticMinutes === null ? null : Math.min(d, Math.round(t.optimisticMinutes * scale));
      const pessimistic =
        t.pessimisticMinutes === null ? null : Math.max(d, Math.round(t.pessimisticMinutes * scale));
      if (!t.summary && (optimistic !== null || pessimistic !== null)) estimatedTasks++;
      const done = t.actualFinish !== null || t.percentComplete >= 100;
      const started = !done && (t.actualStart !== null || t.percentComplete > 0);
      const remaining = done
        ? 0
        : started
          ? Math.round((t.remainingMinutes ?? t.durationMinutes * (1 - t.percentComplete / 100)) * scale)
          : d;
      const finishOffset = offsetOf(t.finish);
      const startOffset = offsetOf(t.start);
      const release = done
        ? finishOffset
        : started && finishOffset !== undefined
          ? finishOffset - remaining
          : t.constraintType !== 'ASAP' && t.constraintType !== 'ALAP'
            ? startOffset
            : undefined;
      return {
        id: t.id,
        name: t.name,
        ...(t.parentId ? { parentId: t.parentId } : {}),
        durationMinutes: d,
        optimisticMinutes: optimistic,
        pessimisticMinutes: pessimistic,
        percentComplete: done ? 100 : t.percentComplete,
        ...(started ? { remainingMinutes: remaining } : {}),
        ...(release !== undefined ? { earliestStartMinutes: Math.max(0, release) } : {}),
        costMinor: t.costMinor,
        costLowMinor: t.costLowMinor === null ? null : Math.min(t.costMinor, t.costLowMinor),
        costHighMinor: t.costHighMinor === null ? null : Math.max(t.costMinor, t.costHighMinor),
        ...(t.actualCostMinor > 0 ? { actualCostMinor: t.actualCostMinor } : {}),
      };
    });
    const links: ForecastLink[] = l.links.map((k) => {
      const predDuration = durationOf.get(k.predecessorId) ?? 0;
      const lagMinutes =
        k.lagKind === 'working'
          ? k.lag
          : k.lagKind === 'elapsed'
            ? k.lag * elapsedScale
            : k.lagKind === 'percent'
              ? (k.lag * predDuration) / 100
              : ((k.lag * predDuration) / 100) * elapsedScale;
      return { from: k.predecessorId, to: k.successorId, type: k.type as ForecastLink['type'], lagMinutes };
    });
    const risks: ForecastRisk[] = l.risks.map((r) => ({
      id: r.id,
      name: `${r.code} ${r.title}`,
      probability:
        r.probabilityPercent !== null
          ? r.probabilityPercent / 100
          : riskProbabilityFromRating(r.probability, levels),
      scheduleImpactDays: r.scheduleImpactDays,
      costImpactMinor: r.costImpactMinor,
    }));
    const baseline = l.baselineFinish ? parseLocalDateTime(l.baselineFinish) : undefined;
    const planned = l.project.plannedFinish
      ? parseLocalDateTime(`${l.project.plannedFinish}T17:00:00`)
      : undefined;
    const target =
      baseline !== undefined
        ? { date: baseline, kind: 'baseline' as const }
        : planned !== undefined
          ? { date: planned, kind: 'planned' as const }
          : null;
    const cal: ForecastCalendar = { calendar, start, plannedFinish: finish };
    return {
      input: { tasks, links, risks },
      options: {
        iterations,
        seed,
        minutesPerDay: s.minutesPerDay,
        calendar: cal,
        ...(target ? { targetFinish: target.date } : {}),
        ...(l.project.budgetMinor !== null ? { budgetMinor: l.project.budgetMinor } : {}),
      },
      calendar: cal,
      estimatedTasks,
      target,
    };
  }
}

/** The project's plan has no valid schedule to forecast from (a cycle, a missing date). */
export class PlanNotScheduledError extends Error {
  constructor(code: string) {
    super(`project ${code} has no valid schedule to forecast (see its schedule problems)`);
    this.name = 'PlanNotScheduledError';
  }
}

/** The project has no work tasks yet: there is nothing to simulate. */
export class NothingToForecastError extends Error {
  constructor(code: string) {
    super(`project ${code} has no tasks to forecast: plan its work on the Schedule tab first`);
    this.name = 'NothingToForecastError';
  }
}

/** Maps engine input errors to 422 problems naming the field. */
export function forecastProblem(e: unknown): never {
  if (e instanceof ForecastInputError) throw invalid(e.field, 'forecast', e.message);
  if (e instanceof PlanNotScheduledError) throw invalid('projectId', 'scheduled', e.message);
  if (e instanceof NothingToForecastError) throw invalid('projectId', 'tasks', e.message);
  throw e;
}
