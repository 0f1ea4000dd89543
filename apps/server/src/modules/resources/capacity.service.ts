import type { CapacityQuery, CapacityReport, OverAllocation } from '@baton/contracts';
import {
  type DayNumber,
  fromDayNumber,
  type PeriodGranularity,
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
import { type CapacityTable, tableToReport, writeCapacityReportJson } from './capacity-json.ts';
import {
  buildDemandGrid,
  buildDemandModel,
  DEMAND_STATUSES,
  type DemandGrid,
  type DemandInputs,
  type DemandModel,
  round2,
  spreadAllocation,
} from './demand-model.ts';
import type { CapacityResourceRow, ResourceFilter, ResourcesRepository } from './resources.repository.ts';
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

  /** The per-day model of a filter and window (levelling and reconciliation read days). */
  async loadModel(from: string, to: string, f: Filter): Promise<DemandModel> {
    return buildDemandModel(await this.loadInputs(from, to, f));
  }

  /** The capacity grid of a filter and window at a granularity (the report, availability). */
  async loadGrid(from: string, to: string, f: Filter, granularity: PeriodGranularity): Promise<DemandGrid> {
    return buildDemandGrid(await this.loadInputs(from, to, f), granularity);
  }

  /** Reads bookings, task assignments, leave and calendars for the resources in a filter and window. */
  private async loadInputs(from: string, to: string, f: Filter): Promise<DemandInputs> {
    const rf: ResourceFilter = { active: true, kind: undefined };
    if (f.orgUnitId) rf.orgUnitIds = await this.access.subtree(f.orgUnitId);
    if (f.skillId) {
      rf.skillId = f.skillId;
      rf.minLevel = f.minLevel;
    }
    if (f.resourceId) rf.ids = [f.resourceId];
    if (f.resourceIds) rf.ids = f.resourceIds;
    if (f.projectId) {
      const ids = new Set(
        await this.repo.resourcesWithDemandIn(this.db, { projectId: f.projectId, from, to }),
      );
      rf.ids = rf.ids ? rf.ids.filter((id) => ids.has(id)) : [...ids];
    }
    const role = f.role?.toLowerCase();
    const fromDay = toDayNumber(from);
    const toDay = toDayNumber(to);
    const resourcesRead = this.repo
      .capacityResources(this.db, rf)
      .then((list) => (role ? list.filter((r) => (r.role ?? '').toLowerCase() === role) : list));
    const demandOf = (ids: readonly string[] | null) =>
      Promise.all([
        this.repo.leaveInWindow(this.db, ids, { from, to }),
        this.repo.allocationDemand(this.db, { resourceIds: ids, from, to }),
        this.repo.assignmentLoad(this.db, { resourceIds: ids, from, to }),
      ]);
    // With no filter every resource is in: reading the window alone is cheaper than naming them all,
    // and the demand is read alongside the resources instead of after them.
    const everyone = !rf.orgUnitIds && !rf.skillId && !rf.ids && !f.role;
    // The organisation's calendar is read at once; another read only if a resource has its own.
    const standardRead = this.schedule.workingMinutesByDay([], fromDay, toDay);
    standardRead.catch(() => undefined);
    const [rows, [leave, allocations, assignments], calendars] = await Promise.all([
      resourcesRead,
      everyone ? demandOf(null) : resourcesRead.then((list) => demandOf(list.map((r) => r.id))),
      resourcesRead.then((list) => {
        const own = [...new Set(list.map((r) => r.calendarId).filter((c): c is string => !!c))];
        // After the first read, which creates the Standard calendar if there is none yet.
        return own.length
          ? standardRead.then(() => this.schedule.workingMinutesByDay(own, fromDay, toDay))
          : standardRead;
      }),
    ]);
    const taskCalendars = [...new Set(assignments.map((a) => a.calendarId).filter((c): c is string => !!c))];
    const cal = taskCalendars.some((c) => !calendars.calendars.has(c))
      ? await this.schedule.workingMinutesByDay(
          [...new Set([...rows.map((r) => r.calendarId), ...taskCalendars])],
          fromDay,
          toDay,
        )
      : calendars;
    return { fromDay, toDay, resources: rows, leave, allocations, assignments, calendars: cal };
  }

  /** The capacity report: capacity against demand per row and period, and the over-allocations. */
  async report(q: CapacityQuery): Promise<CapacityReport> {
    return tableToReport(await this.table(q));
  }

  /** The same report as its JSON text (UTF-8), exactly JSON.stringify of {@link report}, written without the objects. */
  async reportJson(q: CapacityQuery): Promise<Buffer> {
    return writeCapacityReportJson(await this.table(q));
  }

  private async table(q: CapacityQuery): Promise<CapacityTable> {
    const inputs = await this.loadInputs(q.from, q.to, q);
    // Codes and names of the projects with demand, asked for before the grid is built and read
    // once it and the rows are: the query runs while they are computed.
    const namesRead = this.repo.projectNames(this.db, projectsWithDemand(inputs));
    namesRead.catch(() => undefined);
    const { grid, periods, projectIds, resources } = buildDemandGrid(inputs, q.granularity);
    const filter = { includeTentative: q.includeTentative === 'true' };
    const withTentative = filter.includeTentative;
    const P = periods.count;
    const periodList = Array.from({ length: P }, (_, p) => ({
      start: fromDayNumber(periods.starts[p] as number),
      end: fromDayNumber(periods.ends[p] as number),
    }));
    const runs = scanOverAllocations(grid, { ...filter, toleranceHours: 0.01 });
    const d = grid.demands;
    // Each run's projects with their hours within it, from the resource's demands (summed per
    // project in one scratch column, cleared after each run).
    const hoursOf = new Float64Array(grid.projectCount);
    const named = runs.map((run) => {
      const from = grid.byResourceOffset[run.resource] as number;
      const to = grid.byResourceOffset[run.resource + 1] as number;
      for (let k = from; k < to; k++) {
        const i = grid.byResource[k] as number;
        if (!withTentative && d.tentative[i]) continue;
        const pi = d.project[i] as number;
        const fp = d.firstPeriod[i] as number;
        const off = d.offset[i] as number;
        const end = d.offset[i + 1] as number;
        for (let j = off; j < end; j++) {
          const p = fp + j - off;
          if (p >= run.firstPeriod && p <= run.lastPeriod)
            hoursOf[pi] = (hoursOf[pi] as number) + (d.hours[j] as number);
        }
      }
      const list: string[] = [];
      const hours: number[] = [];
      for (const pi of run.projects)
        if ((hoursOf[pi] as number) > 0) {
          list.push(projectIds[pi] as string);
          hours.push(hoursOf[pi] as number);
        }
      for (let k = from; k < to; k++) hoursOf[d.project[grid.byResource[k] as number] as number] = 0;
      return { run, list, hours };
    });
    // One row per resource or group; its cells are columns (row g, period p at g * P + p).
    type Row = { label: string; groupId: string; resource: CapacityResourceRow | null; members: number[] };
    const all = resources.map((_, i) => i);
    let groups: Row[];
    if (q.groupBy === 'resource') {
      groups = resources.map((r, i) => ({ groupId: r.id, label: r.name, resource: r, members: [i] }));
    } else if (q.groupBy === 'role') {
      const by = groupBy(all, (i) => resources[i]?.role ?? '');
      groups = [...by.entries()]
        .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
        .map(([role, members]) => ({
          groupId: role || 'none',
          label: role || 'No role',
          resource: null,
          members,
        }));
    } else if (q.groupBy === 'org_unit') {
      const by = groupBy(all, (i) => resources[i]?.orgUnitId ?? '');
      groups = [...by.entries()].map(([id, members]) => ({
        groupId: id || 'none',
        label: resources[members[0] ?? 0]?.orgUnitName ?? 'No org unit',
        resource: null,
        members,
      }));
      groups.sort((a, b) => a.label.localeCompare(b.label));
    } else {
      const skills = await this.repo.skillsOf(
        this.db,
        resources.map((r) => r.id),
      );
      const index = new Map(resources.map((r, i) => [r.id, i]));
      const by = groupBy(skills, (s) => s.skillId);
      groups = [...by.values()]
        .map((list) => ({
          groupId: list[0]?.skillId ?? '',
          label: list[0]?.skillName ?? '',
          resource: null,
          members: list.map((s) => index.get(s.resourceId) ?? -1).filter((i) => i >= 0),
        }))
        .sort((a, b) => a.label.localeCompare(b.label));
    }
    const G = groups.length;
    const capacity = new Float64Array(G * P);
    const demand = new Float64Array(G * P);
    const committed = new Float64Array(G * P);
    const tentative = new Float64Array(G * P);
    const utilisation = new Float64Array(G * P);
    const rows: CapacityTable['rows'] = new Array(G);
    for (let g = 0; g < G; g++) {
      const { members, resource, groupId, label } = groups[g] as Row;
      let capacityTotal = 0;
      let demandTotal = 0;
      for (let p = 0; p < P; p++) {
        // Members summed in order, per period.
        let c = 0;
        let com = 0;
        let ten = 0;
        for (let m = 0; m < members.length; m++) {
          const i = (members[m] as number) * P + p;
          c += grid.capacity[i] as number;
          com += grid.committed[i] as number;
          ten += grid.tentative[i] as number;
        }
        const asked = com + (withTentative ? ten : 0);
        const o = g * P + p;
        const capacityHours = round2(c);
        const demandHours = round2(asked);
        capacity[o] = capacityHours;
        demand[o] = demandHours;
        committed[o] = round2(com);
        tentative[o] = round2(ten);
        utilisation[o] = c > 0 ? Math.round((asked / c) * 1000) / 1000 : Number.NaN;
        capacityTotal += capacityHours;
        demandTotal += demandHours;
      }
      rows[g] = {
        resourceId: resource?.id ?? null,
        groupId,
        label,
        kind: resource ? kindOf(resource) : null,
        capacityHours: round2(capacityTotal),
        demandHours: round2(demandTotal),
      };
    }

    const projects = new Map((await namesRead).map((p) => [p.id, p] as const));
    const overAllocations: OverAllocation[] = named.map(({ run, list, hours }) => {
      const r = resources[run.resource] as CapacityResourceRow;
      return {
        resourceId: r.id,
        resourceName: r.name,
        start: periodList[run.firstPeriod]?.start ?? q.from,
        end: periodList[run.lastPeriod]?.end ?? q.to,
        excessHours: round2(run.excessHours),
        peakExcessHours: round2(run.peakExcessHours),
        projectIds: list,
        projects: list.map((id, k) => ({
          id,
          code: projects.get(id)?.code ?? '',
          name: projects.get(id)?.name ?? '',
          hours: round2(hours[k] as number),
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
      capacity,
      demand,
      committed,
      tentative,
      utilisation,
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
    const { grid, periods, resources } = await this.loadGrid(
      q.from,
      q.to,
      { ...q, minLevel: q.minLevel },
      'week',
    );
    const skills = q.skillId
      ? await this.repo.skillsOf(
          this.db,
          resources.map((r) => r.id),
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
    const candidates = resources.map((r, i) => ({
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
        const r = resources[m.resource] as CapacityResourceRow;
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
      // The cell's days run from window day cell.first; only those before today are due.
      const dueDays = Math.min(elapsedDays - cell.first, cell.allocated.length);
      for (let k = 0; k < dueDays; k++) {
        a.plannedToDate += cell.allocated[k] as number;
        a.assignedToDate += cell.assigned[k] as number;
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

/** The projects with demand in the inputs (their bookings or task work count), each once. */
function projectsWithDemand(inputs: DemandInputs): string[] {
  const ids = new Set<string>();
  for (const a of inputs.allocations) ids.add(a.projectId);
  for (const t of inputs.assignments) if (DEMAND_STATUSES.has(t.projectStatus)) ids.add(t.projectId);
  return [...ids];
}

const MISMATCH_TEXT = {
  'actual-vs-planned': 'actual hours differ from the booked (planned) hours',
  'actual-vs-assigned': 'actual hours differ from the task work assigned',
  'assigned-vs-planned': 'task work assigned differs from the booked (planned) hours',
} as const;
