import type { KpiPoint as KpiPointDto, KpiQuery, KpiSeries, Scorecard, ScorecardRow } from '@baton/contracts';
import {
  KPI_HIGHER_IS_BETTER,
  type KpiKey,
  type KpiProject,
  kpiPoint,
  kpiTrend,
  periodBounds,
  shiftPeriod,
  type UnitHours,
} from '@baton/core';
import type { Database } from '@baton/db';
import { invalid } from '../../http/problem.ts';
import type { Actor } from '../access/access.service.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { MetricsService } from '../metrics/metrics.service.ts';
import type { CapacityService } from '../resources/capacity.service.ts';
import { today } from '../resources/resources.service.ts';
import { type DashboardsRepository, DELIVERY_STATUSES } from './dashboards.repository.ts';
import type { DashboardsService } from './dashboards.service.ts';

const KEYS = Object.keys(KPI_HIGHER_IS_BETTER) as KpiKey[];
const CLOSED = new Set(['completed', 'cancelled']);

/** A deterministic pseudo-random sequence (mulberry32), for the demo history. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * KPIs over time from project_snapshots (each project's figures frozen at the end of every closed
 * month by the 'kpi.snapshot' job), and the executive scorecard: this month's live KPIs per org unit
 * against last month's snapshot.
 */
export class KpisService {
  constructor(
    private readonly db: Database,
    private readonly repo: DashboardsRepository,
    private readonly metrics: MetricsService,
    private readonly capacity: CapacityService,
    private readonly dashboards: DashboardsService,
    private readonly jobs: JobsService,
  ) {}

  register(): void {
    this.jobs.register('kpi.snapshot', async (ctx) => {
      const period = String(ctx.job.payload.period);
      return { period, projects: await this.snapshot(period, (f) => ctx.progress(f)) };
    });
  }

  private closedPeriod(period: string): void {
    if (period >= today().slice(0, 7))
      throw invalid('period', 'closed', 'must be a month that has ended (snapshots freeze closed months)');
  }

  /** Queues the snapshot of a closed month. */
  snapshotLater(period: string, createdBy: string | null = null) {
    this.closedPeriod(period);
    return this.jobs.enqueue('kpi.snapshot', { period }, { dedupeKey: `kpi:${period}`, createdBy });
  }

  /** At start: the last closed month gets its snapshot if it has none yet. */
  async ensureLastMonth(): Promise<void> {
    const period = shiftPeriod(today().slice(0, 7), -1);
    if (!(await this.repo.snapshotExists(this.db, period))) await this.snapshotLater(period);
  }

  /** Capacity and demand hours per org unit (of the resources' own unit) in a month. */
  async unitHours(period: string): Promise<Map<string, UnitHours>> {
    const { start, end } = periodBounds(period);
    const report = await this.capacity.report({
      from: start,
      to: end,
      granularity: 'month',
      groupBy: 'org_unit',
      includeTentative: 'true',
    });
    const out = new Map<string, UnitHours>();
    for (const r of report.rows) {
      if (r.groupId === 'none') continue;
      out.set(r.groupId, {
        orgUnitId: r.groupId,
        capacityHours: r.capacityHours,
        demandHours: r.demandHours,
      });
    }
    return out;
  }

  /** Freezes every project's figures at the end of a closed month. Returns how many were written. */
  async snapshot(period: string, progress?: (fraction: number) => Promise<void>): Promise<number> {
    this.closedPeriod(period);
    const { end } = periodBounds(period);
    const projects = await this.repo.projectsWithMetrics(this.db, { visible: { all: true } });
    const closed = await this.repo.closeDates(this.db);
    const hours = await this.unitHours(period);
    for (const [i, p] of projects.entries()) {
      const facts = await this.repo.projectFacts(this.db, p.projectId);
      if (!facts) continue;
      const { health, evm } = await this.metrics.health(p.projectId, end);
      const closedOn = closed.get(p.projectId) ?? null;
      // A project closed after the month ended was still running at its end.
      const status = CLOSED.has(p.status) && closedOn && closedOn > end ? 'active' : p.status;
      const baselined = evm.bac > 0;
      const h = hours.get(p.orgUnitId);
      await this.repo.upsertSnapshot(this.db, {
        period,
        projectId: p.projectId,
        takenAt: new Date(),
        status,
        orgUnitId: p.orgUnitId,
        portfolioId: p.portfolioId,
        programId: p.programId,
        health: health.overall,
        bacMinor: evm.bac,
        evMinor: evm.ev,
        acMinor: evm.ac,
        eacMinor: baselined ? evm.eac : null,
        budgetMinor: facts.budgetMinor,
        spi: baselined ? evm.spi : null,
        cpi: baselined && evm.ac > 0 ? evm.cpi : null,
        finish: facts.finish,
        baselineFinish: facts.baselineFinish,
        figures: {
          pv: evm.pv,
          plannedStart: p.plannedStart,
          closedOn: closedOn && closedOn <= end ? closedOn : null,
          unitCapacityHours: h?.capacityHours ?? 0,
          unitDemandHours: h?.demandHours ?? 0,
        },
      });
      if (progress) await progress((i + 1) / projects.length);
    }
    return projects.length;
  }

  async series(actor: Actor, q: KpiQuery): Promise<KpiSeries> {
    const to = q.to ?? shiftPeriod(today().slice(0, 7), -1);
    const from = q.from ?? shiftPeriod(to, -11);
    const { scope } = await this.dashboards.scopeOf(actor, { orgUnitId: q.orgUnitId });
    const rows = await this.repo.snapshots(
      this.db,
      { visible: scope.visible, orgUnitIds: scope.orgUnitIds },
      from,
      to,
    );
    const byPeriod = new Map<string, typeof rows>();
    for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
    const points: KpiPointDto[] = [];
    for (let p = from; p <= to; p = shiftPeriod(p, 1)) {
      const list = byPeriod.get(p) ?? [];
      points.push({
        ...this.pointOf(p, list, { toleranceDays: q.toleranceDays }),
        snapshotted: list.length > 0,
      });
    }
    return { from, to, toleranceDays: q.toleranceDays, points };
  }

  /** A period's KPIs from snapshot rows: the units' hours counted once per unit. */
  private pointOf(
    period: string,
    rows: Awaited<ReturnType<DashboardsRepository['snapshots']>>,
    options: { toleranceDays: number },
  ) {
    const hours = new Map<string, UnitHours>();
    for (const r of rows)
      hours.set(r.orgUnitId, {
        orgUnitId: r.orgUnitId,
        capacityHours: r.unitCapacityHours,
        demandHours: r.unitDemandHours,
      });
    return kpiPoint(period, rows, [...hours.values()], options);
  }

  async scorecard(actor: Actor, q: { orgUnitId?: string | undefined }): Promise<Scorecard> {
    const { scope } = await this.dashboards.scopeOf(actor, { orgUnitId: q.orgUnitId });
    const day = today();
    const period = day.slice(0, 7);
    const previousPeriod = shiftPeriod(period, -1);
    const units = await this.repo.orgUnits(this.db);
    const top = q.orgUnitId ?? units.find((u) => u.parent_id === null)?.id ?? null;
    const children = units.filter((u) => u.parent_id === top);
    const below = (id: string): Set<string> => {
      const out = new Set([id]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const u of units)
          if (u.parent_id && out.has(u.parent_id) && !out.has(u.id)) {
            out.add(u.id);
            grew = true;
          }
      }
      return out;
    };
    const live = await this.repo.projectsWithMetrics(this.db, {
      visible: scope.visible,
      orgUnitIds: scope.orgUnitIds,
    });
    const closed = await this.repo.closeDates(
      this.db,
      live.filter((p) => CLOSED.has(p.status)).map((p) => p.projectId),
    );
    const liveKpi: (KpiProject & { health: string | null })[] = live.map((p) => ({
      projectId: p.projectId,
      orgUnitId: p.orgUnitId,
      status: p.status,
      budgetMinor: p.budget,
      eacMinor: p.eac,
      acMinor: p.ac,
      finish: p.finish,
      baselineFinish: p.baselineFinish,
      plannedStart: p.plannedStart,
      closedOn: closed.get(p.projectId) ?? null,
      health: DELIVERY_STATUSES.includes(p.status as (typeof DELIVERY_STATUSES)[number]) ? p.health : 'n/a',
    }));
    const hours = await this.unitHours(period);
    const snaps = await this.repo.snapshots(
      this.db,
      { visible: scope.visible, orgUnitIds: scope.orgUnitIds },
      previousPeriod,
      previousPeriod,
    );
    const options = { toleranceDays: 7 };
    const rowOf = (
      unit: { id: string; code: string; name: string } | null,
      ids: Set<string> | null,
    ): ScorecardRow => {
      const inUnit = <T extends { orgUnitId: string }>(xs: readonly T[]) =>
        ids ? xs.filter((x) => ids.has(x.orgUnitId)) : [...xs];
      const mine = inUnit(liveKpi);
      const current = {
        ...kpiPoint(period, mine, inUnit([...hours.values()]), options),
        snapshotted: false,
      };
      const prevRows = inUnit(snaps);
      const previous = prevRows.length
        ? { ...this.pointOf(previousPeriod, prevRows, options), snapshotted: true }
        : null;
      const health = { green: 0, amber: 0, red: 0, unknown: 0 };
      for (const p of mine) {
        if (p.health === 'n/a') continue;
        if (p.health === 'green' || p.health === 'amber' || p.health === 'red') health[p.health]++;
        else health.unknown++;
      }
      return {
        orgUnitId: unit?.id ?? null,
        code: unit?.code ?? null,
        name: unit?.name ?? 'Enterprise total',
        projects: health.green + health.amber + health.red + health.unknown,
        health,
        current,
        previous,
        trends: Object.fromEntries(
          KEYS.map((k) => [k, kpiTrend(k, current[k], previous ? previous[k] : null)]),
        ) as ScorecardRow['trends'],
      };
    };
    const computedAt = live.reduce<string | null>(
      (m, p) => (p.computedAt && (!m || p.computedAt < m) ? p.computedAt : m),
      null,
    );
    const totalUnit = q.orgUnitId ? (units.find((u) => u.id === q.orgUnitId) ?? null) : null;
    return {
      asOf: day,
      period,
      previousPeriod,
      computedAt,
      total: rowOf(totalUnit, q.orgUnitId ? below(q.orgUnitId) : null),
      units: children.map((u) => rowOf(u, below(u.id))),
    };
  }

  /**
   * Demo history: twelve closed months of plausible snapshots for every project that had started,
   * drifting towards today's figures, so that the KPI charts have a past to show.
   */
  async seedDemoHistory(months = 12): Promise<number> {
    const rand = seeded(20261207);
    const now = today().slice(0, 7);
    const projects = await this.repo.projectsWithMetrics(this.db, { visible: { all: true } });
    const units = new Map<string, number>();
    let written = 0;
    for (const [i, p] of projects.entries()) {
      if (p.status === 'proposed' || !p.plannedStart) continue;
      if (!units.has(p.orgUnitId)) units.set(p.orgUnitId, 1600 + Math.round(rand() * 8) * 160);
      const baselineFinish = p.baselineFinish ?? p.finish;
      // Closed projects closed some months back, spread over the year.
      const closedMonth = CLOSED.has(p.status) ? shiftPeriod(now, -1 - (i % (months - 1))) : null;
      const closedOn = closedMonth ? `${closedMonth}-${String(8 + (i % 18)).padStart(2, '0')}` : null;
      const slipEnd =
        baselineFinish && p.finish ? (Date.parse(p.finish) - Date.parse(baselineFinish)) / 86_400_000 : 0;
      const budget = p.budget;
      for (let k = months; k >= 1; k--) {
        const period = shiftPeriod(now, -k);
        const { end } = periodBounds(period);
        if (p.plannedStart > end) continue;
        const t = (months - k + 1) / months;
        const slip = Math.round(slipEnd * t + (rand() - 0.5) * 12);
        const eacRatio = (p.eac && budget ? p.eac / budget : 1) * (0.94 + t * 0.06) + (rand() - 0.5) * 0.06;
        const isClosed = closedMonth !== null && period >= closedMonth;
        const capacity = units.get(p.orgUnitId) ?? 1600;
        // A closed project finished on its close day, against a baseline some days either side, and
        // cost what it cost: some succeed, some do not.
        const closedFigures =
          isClosed && closedOn
            ? {
                finish: closedOn,
                baselineFinish: addDaysTo(closedOn, ((i * 7) % 30) - 14),
                eacMinor: budget ? Math.round(budget * (0.85 + (i % 5) * 0.06)) : null,
              }
            : null;
        await this.repo.upsertSnapshot(this.db, {
          period,
          projectId: p.projectId,
          takenAt: new Date(Date.parse(`${end}T23:00:00Z`)),
          status: isClosed ? p.status : 'active',
          orgUnitId: p.orgUnitId,
          portfolioId: p.portfolioId,
          programId: p.programId,
          health: slip > 14 || eacRatio > 1.1 ? 'red' : slip > 5 || eacRatio > 1.02 ? 'amber' : 'green',
          bacMinor: Math.round(p.bac),
          evMinor: Math.round(p.ev * t),
          acMinor: Math.round(p.ac * t),
          eacMinor: budget ? Math.round(budget * eacRatio) : p.eac,
          budgetMinor: budget,
          spi: p.spi,
          cpi: p.cpi,
          finish: baselineFinish ? addDaysTo(baselineFinish, slip) : p.finish,
          baselineFinish,
          ...(closedFigures ?? {}),
          figures: {
            plannedStart: p.plannedStart,
            closedOn: isClosed ? closedOn : null,
            unitCapacityHours: capacity,
            unitDemandHours: Math.round(capacity * (0.78 + 0.2 * Math.sin((k + i) / 2) ** 2 + rand() * 0.08)),
            demo: true,
          },
        });
        written++;
      }
    }
    return written;
  }
}

const addDaysTo = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
