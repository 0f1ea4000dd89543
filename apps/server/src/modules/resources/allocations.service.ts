import type {
  Allocation,
  CreateAllocationBody,
  StaffingRequest,
  UpdateAllocationBody,
} from '@baton/contracts';
import type { Database } from '@baton/db';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import { auditStamp, recordChange } from '../shared/record-change.ts';
import type { CapacityService } from './capacity.service.ts';
import { DEMAND_STATUSES } from './demand-model.ts';
import type { AllocationListRow, AllocationRow, ResourcesRepository } from './resources.repository.ts';

const snap = (a: AllocationRow) => ({
  resourceId: a.resourceId,
  projectId: a.projectId,
  start: a.start,
  end: a.end,
  hoursPerWeek: a.hoursPerWeek,
  percent: a.percent,
  phases: a.phases,
  notes: a.notes,
});

/** Who works on which project when: allocations, and staffing requests that become them. */
export class AllocationsService {
  constructor(
    private readonly db: Database,
    private readonly repo: ResourcesRepository,
    private readonly access: AccessService,
    private readonly capacity: CapacityService,
    private readonly journal: JournalRepository,
  ) {}

  private toDto(a: AllocationListRow, capacityHoursPerWeek: number): Allocation {
    return {
      ...auditStamp(a),
      resourceId: a.resourceId,
      resourceName: a.resourceName,
      projectId: a.projectId,
      projectCode: a.projectCode,
      projectName: a.projectName,
      start: a.start,
      end: a.end,
      hoursPerWeek: a.hoursPerWeek,
      percent: a.percent,
      phases: a.phases,
      commitment: a.projectStatus === 'proposed' ? 'tentative' : 'committed',
      totalHours: this.capacity.totalHoursOf(a, capacityHoursPerWeek),
      notes: a.notes,
    };
  }

  async list(
    actor: Actor,
    q: {
      resourceId?: string | undefined;
      projectId?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
    },
  ): Promise<Allocation[]> {
    const visible = await this.access.visibility(actor, 'project.read');
    const rows = await this.repo.listAllocations(this.db, {
      resourceIds: q.resourceId ? [q.resourceId] : undefined,
      projectId: q.projectId,
      from: q.from,
      to: q.to,
      visible,
    });
    const { rows: resources } = await this.repo.listResources(
      { ids: [...new Set(rows.map((r) => r.resourceId))] },
      'name',
      null,
    );
    const capacities = new Map(resources.map((r) => [r.id, r.capacityHoursPerWeek]));
    return rows.map((a) => this.toDto(a, capacities.get(a.resourceId) ?? 40));
  }

  async get(id: string): Promise<Allocation> {
    const row = await this.repo.getAllocation(this.db, id);
    if (!row) throw notFound('Allocation');
    const r = await this.repo.getResource(this.db, row.resourceId);
    return this.toDto(row, r?.capacityHoursPerWeek ?? 40);
  }

  private async checkResource(tx: Database, resourceId: string): Promise<void> {
    const r = await this.repo.getResource(tx, resourceId);
    if (!r) throw invalid('resourceId', 'exists', 'no such resource');
    if (r.kind !== 'work')
      throw invalid('resourceId', 'work_resource', 'only people and roles can be allocated');
    if (!r.active) throw invalid('resourceId', 'active', 'this resource is no longer active');
  }

  private async checkProject(tx: Database, projectId: string): Promise<void> {
    const [p] = await this.repo.projectsByIds(tx, [projectId]);
    if (!p) throw invalid('projectId', 'exists', 'no such project');
    if (!DEMAND_STATUSES.has(p.status))
      throw invalid('projectId', 'open', `the project is ${p.status}: it takes no more bookings`);
  }

  async create(actor: Actor, body: CreateAllocationBody): Promise<Allocation> {
    const id = await this.db.transaction(async (tx) => {
      await this.checkResource(tx, body.resourceId);
      await this.checkProject(tx, body.projectId);
      const row = await this.repo.insertAllocation(tx, {
        resourceId: body.resourceId,
        projectId: body.projectId,
        start: body.start,
        end: body.end,
        hoursPerWeek: body.hoursPerWeek ?? null,
        percent: body.percent ?? null,
        phases: body.phases ?? [],
        notes: body.notes ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'allocation', id: row.id, action: 'create' },
        null,
        snap(row),
      );
      return row.id;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, body: UpdateAllocationBody): Promise<Allocation> {
    await this.db.transaction(async (tx) => {
      const before = await this.repo.getAllocation(tx, id);
      if (!before) throw notFound('Allocation');
      if (before.version !== body.version) throw staleVersion(before.version, body.version);
      if (body.resourceId) await this.checkResource(tx, body.resourceId);
      const next = {
        resourceId: body.resourceId ?? before.resourceId,
        start: body.start ?? before.start,
        end: body.end ?? before.end,
        hoursPerWeek: body.hoursPerWeek !== undefined ? body.hoursPerWeek : before.hoursPerWeek,
        percent: body.percent !== undefined ? body.percent : before.percent,
        phases: body.phases !== undefined ? (body.phases ?? []) : before.phases,
        notes: body.notes !== undefined ? body.notes : before.notes,
      };
      // Switching how the amount is given replaces the old way.
      if (body.hoursPerWeek !== undefined && body.hoursPerWeek !== null)
        Object.assign(next, { percent: null, phases: [] });
      if (body.percent !== undefined && body.percent !== null)
        Object.assign(next, { hoursPerWeek: null, phases: [] });
      if (body.phases?.length) Object.assign(next, { hoursPerWeek: null, percent: null });
      if (next.end < next.start) throw invalid('end', 'after_start', 'end must not be before start');
      const amounts =
        [next.hoursPerWeek, next.percent].filter((x) => x !== null).length + (next.phases.length ? 1 : 0);
      if (amounts !== 1)
        throw invalid('hoursPerWeek', 'one_amount', 'give exactly one of hoursPerWeek, percent or phases');
      if (next.phases.some((p) => p.start < next.start || p.end > next.end))
        throw invalid('phases', 'inside', 'every phase must lie inside start–end');
      const after = await this.repo.updateAllocation(tx, id, body.version, next, actor.userId);
      if (!after) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'allocation', id, action: 'update' },
        snap(before),
        snap(after),
      );
    });
    return this.get(id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await this.repo.getAllocation(tx, id);
      if (!before) throw notFound('Allocation');
      await this.repo.deleteAllocation(tx, id);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'allocation', id, action: 'delete' },
        snap(before),
        null,
      );
    });
  }

  async projectOfAllocation(id: string): Promise<string> {
    const p = await this.repo.projectOfAllocation(this.db, id);
    if (!p) throw notFound('Allocation');
    return p;
  }

  // ---- staffing requests ----

  private async staffingDtos(
    rows: Awaited<ReturnType<ResourcesRepository['listStaffing']>>,
  ): Promise<StaffingRequest[]> {
    const skillIds = [...new Set(rows.flatMap((r) => r.skills.map((s) => s.skillId)))];
    const names = new Map((await this.repo.skillsByIds(this.db, skillIds)).map((s) => [s.id, s.name]));
    return rows.map((r) => ({
      ...auditStamp(r),
      projectId: r.projectId,
      projectCode: r.projectCode,
      projectName: r.projectName,
      role: r.role,
      skills: r.skills.map((s) => ({
        skillId: s.skillId,
        skillName: names.get(s.skillId) ?? '',
        minLevel: s.minLevel,
      })),
      start: r.start,
      end: r.end,
      hoursPerWeek: r.hoursPerWeek,
      status: r.status === 'filled' ? 'filled' : r.status === 'cancelled' ? 'cancelled' : 'open',
      resourceId: r.resourceId,
      resourceName: r.resourceName,
      allocationId: r.allocationId,
      notes: r.notes,
      requestedBy: r.requestedBy,
    }));
  }

  async listStaffing(actor: Actor, q: { status?: string | undefined; projectId?: string | undefined }) {
    const visible = await this.access.visibility(actor, 'project.read');
    return this.staffingDtos(await this.repo.listStaffing(this.db, { ...q, visible }));
  }

  async getStaffing(id: string): Promise<StaffingRequest> {
    const [row] = await this.staffingDtos(await this.repo.listStaffing(this.db, { ids: [id] }));
    if (!row) throw notFound('Staffing request');
    return row;
  }

  async projectOfStaffing(id: string): Promise<string> {
    const p = await this.repo.projectOfStaffing(this.db, id);
    if (!p) throw notFound('Staffing request');
    return p;
  }

  async createStaffing(
    actor: Actor,
    body: {
      projectId: string;
      role: string;
      skills?: { skillId: string; minLevel: number }[] | undefined;
      start: string;
      end: string;
      hoursPerWeek: number;
      notes?: string | null | undefined;
    },
  ): Promise<StaffingRequest> {
    const id = await this.db.transaction(async (tx) => {
      await this.checkProject(tx, body.projectId);
      const skills = body.skills ?? [];
      const found = await this.repo.skillsByIds(
        tx,
        skills.map((s) => s.skillId),
      );
      const missing = skills.findIndex((s) => !found.some((f) => f.id === s.skillId));
      if (missing >= 0)
        throw invalid(`skills.${missing}.skillId`, 'exists', 'no such skill in the catalogue');
      const row = await this.repo.insertStaffing(tx, {
        projectId: body.projectId,
        role: body.role,
        skills,
        start: body.start,
        end: body.end,
        hoursPerWeek: body.hoursPerWeek,
        notes: body.notes ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'staffing_request', id: row.id, action: 'create' },
        null,
        {
          role: row.role,
          start: row.start,
          end: row.end,
          hoursPerWeek: row.hoursPerWeek,
        },
      );
      return row.id;
    });
    return this.getStaffing(id);
  }

  /** Ranked people who could fill a request: its first skill at the level asked, free for its hours. */
  async candidates(id: string) {
    const r = await this.getStaffing(id);
    const first = r.skills[0];
    return this.capacity.availability({
      from: r.start,
      to: r.end,
      skillId: first?.skillId,
      minLevel: first?.minLevel ?? 1,
      hoursPerWeek: r.hoursPerWeek,
      limit: 20,
    });
  }

  /** Fills a request with a named person: books them on the project, in one change. */
  async fillStaffing(
    actor: Actor,
    id: string,
    body: { version: number; resourceId: string },
  ): Promise<StaffingRequest> {
    const request = await this.getStaffing(id);
    const resource = await this.repo.getResource(this.db, body.resourceId);
    if (!resource) throw invalid('resourceId', 'exists', 'no such resource');
    if (
      resource.orgUnitId &&
      !this.access.allows(actor, ['allocation.manage'], await this.access.orgUnitPath(resource.orgUnitId))
    )
      throw forbidden('You may not book people of that org unit.');
    await this.db.transaction(async (tx) => {
      if (request.status !== 'open') throw conflict(`This request is already ${request.status}.`);
      await this.checkResource(tx, body.resourceId);
      const allocation = await this.repo.insertAllocation(tx, {
        resourceId: body.resourceId,
        projectId: request.projectId,
        start: request.start,
        end: request.end,
        hoursPerWeek: request.hoursPerWeek,
        notes: `Fills the request for a ${request.role}`,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      const after = await this.repo.updateStaffing(
        tx,
        id,
        body.version,
        { status: 'filled', resourceId: body.resourceId, allocationId: allocation.id },
        actor.userId,
      );
      if (!after) throw staleVersion(request.version, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'allocation', id: allocation.id, action: 'create' },
        null,
        snap(allocation),
      );
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'staffing_request', id, action: 'fill' },
        { status: 'open', resourceId: null },
        { status: 'filled', resourceId: body.resourceId },
      );
    });
    return this.getStaffing(id);
  }

  async cancelStaffing(
    actor: Actor,
    id: string,
    body: { version: number; reason?: string | null | undefined },
  ) {
    const request = await this.getStaffing(id);
    await this.db.transaction(async (tx) => {
      if (request.status !== 'open') throw conflict(`This request is already ${request.status}.`);
      const after = await this.repo.updateStaffing(
        tx,
        id,
        body.version,
        {
          status: 'cancelled',
          notes: body.reason
            ? `${request.notes ? `${request.notes}\n` : ''}Cancelled: ${body.reason}`
            : request.notes,
        },
        actor.userId,
      );
      if (!after) throw staleVersion(request.version, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'staffing_request', id, action: 'cancel' },
        { status: 'open' },
        { status: 'cancelled', reason: body.reason ?? null },
      );
    });
    return this.getStaffing(id);
  }
}
