import type { CapacityQuery, CapacityReport, OverAllocation } from '@baton/contracts';
import {
  type DayNumber,
  fromDayNumber,
  rankAvailability,
  readFreeHours,
  reconcileHours,
  scanOverAllocations,
  toDayNumber,
  weekdayOf,
} from '@baton/core';
import type { Database } from '@baton/db';
import { writeCapacityHeatmapXlsx } from '@baton/interop';
import { type AccessService, type Actor, coversProject } from '../access/access.service.ts';
import type { ScheduleService } from '../schedule/schedule.service.ts';
import { buildDemandModel, type DemandModel, gridOf, round2, spreadAllocation } from './demand-model.ts';
import type { ResourceFilter, ResourceListRow, ResourcesRepository } from './resources.repository.ts';
import { groupBy, kindOf, rateOn, today } from './resources.service.ts';
import type { TimesheetsRepository } from './timesheets.repository.ts';

type Filter = {
  orgUnitId?: string | undefined;
  skillId?: string | undefined;
  minLevel?: number | undefined;
  resourceId?: string | undefined;
  resourceIds?: readonly string[] | undefined;
  projectId?: string | undefined;
  role?: string | undefined;
};

/** Capacity against demand across every project: the heatmap, over-allocations, availability, reconciliation. */
export class CapacityService {
  constructor(
    private readonly db: Database,
    private readonly repo: ResourcesRepository,
    private readonly timesheets: TimesheetsRepository,
    private readonly access: AccessService,
    private readonly schedule: ScheduleService,
  ) {}

  /** Loads bookings, task assignments, leave and calendars for the resources in a filter and window. */
  async loadModel(from: string, to: string, f: Filter): Promise<DemandModel> {
    const rf: ResourceFilter = { active: true, kind: undefined };
    if (f.orgUnitId) rf.orgUnitIds = await this.access.subtree(f.orgUnitId);
    if (f.skillId) {
      rf.skillId = f.skillId;
      rf.minLevel = f.minLevel;
    }
    if (f.resourceId) rf.ids = [f.resourceId];
    if (f.resourceIds) rf.ids = f.resourceIds;
    if (f.projectId) {
      const [allocs, tasks] = await Promise.all([
        this.repo.listAllocations(this.db, { projectId: f.projectId, from, to }),
        this.repo.assignmentDemand(this.db, { from, to }),
      ]);
      const ids = new Set([
        ...allocs.map((a) => a.resourceId),
        ...tasks.filter((t) => t.projectId === f.projectId).map((t) => t.resourceId),
      ]);
      rf.ids = rf.ids ? rf.ids.filter((id) => ids.has(id)) : [...ids];
    }
    let { rows } = await this.repo.listResources(rf, 'name', null);
    rows = rows.filter(
      (r) => r.kind === 'work' && (!f.role || (r.role ?? '').toLowerCase() === f.role.toLowerCase()),
    );
    // With no filter every resource is in: reading the window alone is cheaper than naming them all.
    const everyone = !rf.orgUnitIds && !rf.skillId && !rf.ids && !f.role;
    const ids = everyone ? null : rows.map((r) => r.id);
    const fromDay = toDayNumber(from);
    const toDay = toDayNumber(to);
    const [leave, allocations, assignments, calendars] = await Promise.all([
      this.repo.leaveOf(this.db, ids, { from, to }),
      this.repo.listAllocations(this.db, { resourceIds: ids ?? undefined, from, to }),
      this.repo.assignmentDemand(this.db, { resourceIds: ids ?? undefined, from, to }),
      this.schedule.workingMinutesByDay([...new Set(rows.map((r) => r.calendarId))], fromDay, toDay),
    ]);
    const taskCalendars = [...new Set(assignments.map((a) => a.calendarId).filter((c): c is string => !!c))];
    const cal = taskCalendars.some((c) => !calendars.calendars.has(c))
      ? await this.schedule.workingMinutesByDay(
          [...new Set([...rows.map((r) => r.calendarId), ...taskCalendars])],
          fromDay,
          toDay,
        )
      : calendars;
    return buildDemandModel({
      fromDay,
      toDay,
      resources: rows,
      leave,
      allocations,
      assignments,
      calendars: cal,
    });
  }

  async report(q: CapacityQuery): Promise<CapacityReport> {
    const model = await this.loadModel(q.from, q.to, q);
    const { grid, periods, projectIds } = gridOf(model, q.granularity);
    const filter = { includeTentative: q.includeTentative === 'true' };
    const P = periods.count;
    const periodList = Array.from({ length: P }, (_, p) => ({
      start: fromDayNumber(periods.starts[p] as number),
      end: fromDayNumber(periods.ends[p] as number),
    }));
    const cellsOf = (
      cap: (p: number) => number,
      committed: (p: number) => number,
      tentative: (p: number) => number,
    ) =>
      periodList.map((period, p) => {
        const c = cap(p);
        const demand = committed(p) + (filter.includeTentative ? tentative(p) : 0);
        return {
          start: period.start,
          end: period.end,
          capacityHours: round2(c),
          demandHours: round2(demand),
          committedHours: round2(committed(p)),
          tentativeHours: round2(tentative(p)),
          utilisation: c > 0 ? Math.round((demand / c) * 1000) / 1000 : null,
        };
      });
    const rowOf = (
      groupId: string,
      label: string,
      resource: ResourceListRow | null,
      members: readonly number[],
    ): CapacityReport['rows'][number] => {
      const sum = (arr: Float64Array, p: number) =>
        members.reduce((s, r) => s + (arr[r * P + p] as number), 0);
      const cells = cellsOf(
        (p) => sum(grid.capacity, p),
        (p) => sum(grid.committed, p),
        (p) => sum(grid.tentative, p),
      );
      return {
        resourceId: resource?.id ?? null,
        groupId,
        label,
        kind: resource ? kindOf(resource) : null,
        periods: cells,
        capacityHours: round2(cells.reduce((s, c) => s + c.capacityHours, 0)),
        demandHours: round2(cells.reduce((s, c) => s + c.demandHours, 0)),
      };
    };
    const all = model.resources.map((_, i) => i);
    let rows: CapacityReport['rows'];
    if (q.groupBy === 'resource') {
      rows = model.resources.map((r, i) => rowOf(r.id, r.name, r, [i]));
    } else if (q.groupBy === 'role') {
      const by = groupBy(all, (i) => model.resources[i]?.role ?? '');
      rows = [...by.entries()]
        .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
        .map(([role, members]) => rowOf(role || 'none', role || 'No role', null, members));
    } else if (q.groupBy === 'org_unit') {
      const by = groupBy(all, (i) => model.resources[i]?.orgUnitId ?? '');
      rows = [...by.entries()].map(([id, members]) =>
        rowOf(id || 'none', model.resources[members[0] ?? 0]?.orgUnitName ?? 'No org unit', null, members),
      );
      rows.sort((a, b) => a.label.localeCompare(b.label));
    } else {
      const skills = await this.repo.skillsOf(
        this.db,
        model.resources.map((r) => r.id),
      );
      const index = new Map(model.resources.map((r, i) => [r.id, i]));
      const by = groupBy(skills, (s) => s.skillId);
      rows = [...by.values()]
        .map((list) =>
          rowOf(
            list[0]?.skillId ?? '',
            list[0]?.skillName ?? '',
            null,
            list.map((s) => index.get(s.resourceId) ?? -1).filter((i) => i >= 0),
          ),
        )
        .sort((a, b) => a.label.localeCompare(b.label));
    }
    const runs = scanOverAllocations(grid, { ...filter, toleranceHours: 0.01 });
    const projects = new Map(
      (await this.repo.projectsByIds(this.db, projectIds)).map((p) => [p.id, p] as const),
    );
    const overAllocations: OverAllocation[] = runs.map((run) => {
      const r = model.resources[run.resource] as ResourceListRow;
      const hoursBy = new Map<string, number>();
      for (
        let k = grid.byResourceOffset[run.resource] as number;
        k < (grid.byResourceOffset[run.resource + 1] as number);
        k++
      ) {
        const d = grid.byResource[k] as number;
        if (!filter.includeTentative && grid.demands.tentative[d]) continue;
        const pid = projectIds[grid.demands.project[d] as number] as string;
        const fp = grid.demands.firstPeriod[d] as number;
        for (let j = grid.demands.offset[d] as number; j < (grid.demands.offset[d + 1] as number); j++) {
          const p = fp + j - (grid.demands.offset[d] as number);
          if (p >= run.firstPeriod && p <= run.lastPeriod)
            hoursBy.set(pid, (hoursBy.get(pid) ?? 0) + (grid.demands.hours[j] as number));
        }
      }
      const list = run.projects
        .map((pi) => projectIds[pi] as string)
        .filter((id) => (hoursBy.get(id) ?? 0) > 0);
      return {
        resourceId: r.id,
        resourceName: r.name,
        start: periodList[run.firstPeriod]?.start ?? q.from,
        end: periodList[run.lastPeriod]?.end ?? q.to,
        excessHours: round2(run.excessHours),
        peakExcessHours: round2(run.peakExcessHours),
        projectIds: list,
        projects: list.map((id) => ({
          id,
          code: projects.get(id)?.code ?? '',
          name: projects.get(id)?.name ?? '',
          hours: round2(hoursBy.get(id) ?? 0),
        })),
      };
    });
    return {
      from: q.from,
      to: q.to,
      granularity: q.granularity,
      groupBy: q.groupBy,
      periods: periodList,
      rows,
      overAllocations,
    };
  }

  /** The heatmap as an XLSX workbook. */
  async heatmapXlsx(q: CapacityQuery): Promise<Uint8Array> {
    const r = await this.report(q);
    return writeCapacityHeatmapXlsx({
      title: `Capacity ${q.from} – ${q.to} by ${q.groupBy.replace('_', ' ')}`,
      granularity: q.granularity,
      periods: r.periods,
      rows: r.rows.map((row) => ({
        label: row.label,
        group: row.kind,
        capacityHours: row.periods.map((p) => p.capacityHours),
        demandHours: row.periods.map((p) => p.demandHours),
      })),
      overAllocations: r.overAllocations.map((o) => ({
        label: o.resourceName,
        start: o.start,
        end: o.end,
        excessHours: o.excessHours,
        projects: o.projects.map((p) => `${p.code} ${p.name} (${p.hours} h)`),
      })),
    });
  }

  /** "Who with skill X at level ≥ N is free H hours a week from A to B", ranked by fit. */
  async availability(q: {
    from: string;
    to: string;
    skillId?: string | undefined;
    minLevel: number;
    hoursPerWeek?: number | undefined;
    fraction?: number | undefined;
    orgUnitId?: string | undefined;
    role?: string | undefined;
    limit: number;
  }) {
    const needed = q.hoursPerWeek ?? (q.fraction ?? 1) * 40;
    const model = await this.loadModel(q.from, q.to, { ...q, minLevel: q.minLevel });
    const { grid, periods } = gridOf(model, 'week');
    const skills = q.skillId
      ? await this.repo.skillsOf(
          this.db,
          model.resources.map((r) => r.id),
        )
      : [];
    const levelOf = new Map(
      skills.filter((s) => s.skillId === q.skillId).map((s) => [s.resourceId, s.level]),
    );
    // A clipped first or last week needs only its share of the weekly hours.
    const need = new Float64Array(periods.count);
    for (let p = 0; p < periods.count; p++) {
      let days = 0;
      for (let d = periods.starts[p] as number; d <= (periods.ends[p] as number); d++) {
        const w = weekdayOf(d);
        if (w >= 1 && w <= 5) days++;
      }
      need[p] = (needed * days) / 5;
    }
    const filter = { includeTentative: true };
    const candidates = model.resources.map((r, i) => ({
      resource: i,
      skillLevel: q.skillId ? (levelOf.get(r.id) ?? null) : null,
      freeHours: readFreeHours(grid, i, 0, periods.count - 1, filter),
      capacityHours: grid.capacity.slice(i * periods.count, (i + 1) * periods.count),
    }));
    const ranked = rankAvailability(candidates, {
      hoursPerPeriod: need,
      minLevel: q.skillId ? q.minLevel : 0,
    });
    const weeks = Math.max(1, periods.count);
    return {
      neededHoursPerWeek: round2(needed),
      items: ranked.slice(0, q.limit).map((m) => {
        const r = model.resources[m.resource] as ResourceListRow;
        const free = candidates[m.resource]?.freeHours ?? new Float64Array(0);
        return {
          resourceId: r.id,
          name: r.name,
          kind: kindOf(r),
          role: r.role,
          orgUnitName: r.orgUnitName,
          skillLevel: m.skillLevel,
          fit: Math.round(m.fit * 1000) / 1000,
          coverage: Math.round(m.coverage * 1000) / 1000,
          fullyFree: m.fullyFree,
          freeHoursPerWeek: round2(free.reduce((s, x) => s + Math.max(0, x), 0) / weeks),
          shortWeeks: m.shortPeriods.map((p) => fromDayNumber(periods.starts[p] as number)),
        };
      }),
    };
  }

  /** Planned (bookings) against assigned (task work) against actual (approved timesheets), per person or project. */
  async reconciliation(
    actor: Actor,
    q: {
      from: string;
      to: string;
      groupBy: 'resource' | 'project';
      resourceId?: string | undefined;
      projectId?: string | undefined;
    },
  ) {
    const model = await this.loadModel(q.from, q.to, { resourceId: q.resourceId, projectId: q.projectId });
    const ids = model.resources.map((r) => r.id);
    const [logged, rates] = await Promise.all([
      this.timesheets.loggedHours(this.db, {
        from: q.from,
        to: q.to,
        resourceIds: ids,
        projectId: q.projectId,
      }),
      this.repo.ratesOf(this.db, ids),
    ]);
    const visible = await this.access.visibility(actor, 'project.read');
    const ratesBy = groupBy(rates, (r) => r.resourceId);
    const elapsedDays = Math.max(0, toDayNumber(today()) - model.fromDay + 1);
    type Acc = {
      planned: number;
      assigned: number;
      /** Up to today: actual hours can only be compared with what was due by now. */
      plannedToDate: number;
      assignedToDate: number;
      actual: number;
      pending: number;
      cost: number;
      currency: string | null;
    };
    const acc = new Map<string, Acc & { resourceId: string; projectId: string }>();
    const get = (resourceId: string, projectId: string) => {
      const key = `${resourceId}|${projectId}`;
      let a = acc.get(key);
      if (!a) {
        a = {
          resourceId,
          projectId,
          planned: 0,
          assigned: 0,
          plannedToDate: 0,
          assignedToDate: 0,
          actual: 0,
          pending: 0,
          cost: 0,
          currency: null,
        };
        acc.set(key, a);
      }
      return a;
    };
    for (const cell of model.cells) {
      if (q.projectId && cell.projectId !== q.projectId) continue;
      const a = get(model.resources[cell.resource]?.id ?? '', cell.projectId);
      a.planned += cell.allocated.reduce((s, x) => s + x, 0);
      a.assigned += cell.assigned.reduce((s, x) => s + x, 0);
      for (let d = 0; d < Math.min(elapsedDays, cell.allocated.length); d++) {
        a.plannedToDate += cell.allocated[d] as number;
        a.assignedToDate += cell.assigned[d] as number;
      }
    }
    for (const l of logged) {
      const a = get(l.resourceId, l.projectId);
      if (l.status === 'approved') {
        a.actual += l.hours;
        const rate = rateOn(ratesBy.get(l.resourceId) ?? [], l.date);
        if (rate) {
          a.cost += Math.round(l.hours * rate.rateMinor);
          a.currency = rate.currency;
        }
      } else if (l.status === 'pending') a.pending += l.hours;
    }
    const projectIds = [...new Set([...acc.values()].map((a) => a.projectId))];
    const projects = new Map((await this.repo.projectsByIds(this.db, projectIds)).map((p) => [p.id, p]));
    const names = new Map(model.resources.map((r) => [r.id, r.name]));
    const grouped = new Map<string, Acc & { resourceId: string | null; projectId: string | null }>();
    for (const a of acc.values()) {
      const project = projects.get(a.projectId);
      if (!project || !coversProject(visible, project)) continue;
      const key = q.groupBy === 'resource' ? a.resourceId : a.projectId;
      const g = grouped.get(key) ?? {
        resourceId: q.groupBy === 'resource' ? a.resourceId : null,
        projectId: q.groupBy === 'project' ? a.projectId : null,
        planned: 0,
        assigned: 0,
        plannedToDate: 0,
        assignedToDate: 0,
        actual: 0,
        pending: 0,
        cost: 0,
        currency: null,
      };
      g.planned += a.planned;
      g.assigned += a.assigned;
      g.plannedToDate += a.plannedToDate;
      g.assignedToDate += a.assignedToDate;
      g.actual += a.actual;
      g.pending += a.pending;
      g.cost += a.cost;
      g.currency = g.currency ?? a.currency;
      grouped.set(key, g);
    }
    const list = [...grouped.entries()];
    // Actual hours are held against what was due by today; bookings against task work over the window.
    const toDate = reconcileHours(
      list.map(([key, g]) => ({
        key,
        planned: g.plannedToDate,
        assigned: g.assignedToDate,
        actual: g.actual,
      })),
    ).rows;
    const whole = reconcileHours(
      list.map(([key, g]) => ({ key, planned: g.planned, assigned: g.assigned, actual: g.actual })),
    ).rows;
    const rows = list.map(([, g], i) => {
      const flags = [
        ...(toDate[i]?.mismatches ?? []).filter((m) => m !== 'assigned-vs-planned'),
        ...(whole[i]?.mismatches ?? []).filter((m) => m === 'assigned-vs-planned'),
      ];
      const p = g.projectId ? projects.get(g.projectId) : undefined;
      return {
        resourceId: g.resourceId,
        resourceName: g.resourceId ? (names.get(g.resourceId) ?? null) : null,
        projectId: g.projectId,
        projectCode: p?.code ?? null,
        projectName: p?.name ?? null,
        plannedHours: round2(g.planned),
        assignedHours: round2(g.assigned),
        actualHours: round2(g.actual),
        pendingHours: round2(g.pending),
        actualCostMinor: Math.round(g.cost),
        currency: g.currency,
        actualVsPlanned: round2(g.actual - g.plannedToDate),
        actualVsAssigned: round2(g.actual - g.assignedToDate),
        assignedVsPlanned: round2(g.assigned - g.planned),
        flags: flags.map((m) => MISMATCH_TEXT[m]),
      };
    });
    rows.sort((a, b) =>
      (a.resourceName ?? a.projectCode ?? '').localeCompare(b.resourceName ?? b.projectCode ?? ''),
    );
    const total = (k: 'plannedHours' | 'assignedHours' | 'actualHours' | 'pendingHours') =>
      round2(rows.reduce((s, r) => s + r[k], 0));
    return {
      from: q.from,
      to: q.to,
      groupBy: q.groupBy,
      rows,
      totals: {
        plannedHours: total('plannedHours'),
        assignedHours: total('assignedHours'),
        actualHours: total('actualHours'),
        pendingHours: total('pendingHours'),
      },
    };
  }

  /** Spreads one allocation over the resource's working days and sums it (for the allocation's totalHours). */
  totalHoursOf(a: Parameters<typeof spreadAllocation>[0], capacityHoursPerWeek: number): number {
    const s = spreadAllocation(a, capacityHoursPerWeek, {
      workingWeekdays: [false, true, true, true, true, true, false],
      holidays: new Set<DayNumber>(),
    });
    return round2(s.hours.reduce((x, y) => x + y, 0));
  }
}

const MISMATCH_TEXT = {
  'actual-vs-planned': 'actual hours differ from the booked (planned) hours',
  'actual-vs-assigned': 'actual hours differ from the task work assigned',
  'assigned-vs-planned': 'task work assigned differs from the booked (planned) hours',
} as const;
