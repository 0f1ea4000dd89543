import type { CommunicationAudience, CommunicationItem, CommunicationRecord } from '@baton/contracts';
import type { CommunicationChannel, CommunicationContent, CommunicationFrequency } from '@baton/core';
import type { Database } from '@baton/db';
import { auditStamp } from '../shared/record-change.ts';
import type {
  CommunicationItemRow,
  CommunicationProjectRef,
  CommunicationRecordRow,
  CommunicationsRepository,
  StakeholderRef,
} from './communications.repository.ts';

/** A stakeholder named on a plan or a record who has since left the register. */
export const REMOVED = '(removed stakeholder)';

export type Audience = { stakeholderIds: string[]; roles: string[]; groups: string[] };

/** The audience as stored (jsonb), read defensively: rows written by hand may miss a list. */
export function audienceOf(r: CommunicationItemRow): Audience {
  const raw = r.audience as Partial<Record<keyof Audience, unknown>>;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return { stakeholderIds: list(raw.stakeholderIds), roles: list(raw.roles), groups: list(raw.groups) };
}

/** Plan items and sent records as the API shows them: with the names of what they refer to. */
export class CommunicationDtos {
  constructor(
    private readonly db: Database,
    private readonly repo: CommunicationsRepository,
  ) {}

  async items(rows: readonly CommunicationItemRow[]): Promise<CommunicationItem[]> {
    const [projects, units, owners, people, counts] = await Promise.all([
      this.repo.projectsByIds(
        this.db,
        rows.map((r) => r.projectId),
      ),
      this.repo.orgUnitNames(
        this.db,
        rows.map((r) => r.orgUnitId),
      ),
      this.repo.userNames(
        this.db,
        rows.map((r) => r.ownerId),
      ),
      this.repo.stakeholdersByIds(
        this.db,
        rows.flatMap((r) => audienceOf(r).stakeholderIds),
      ),
      this.repo.recordCounts(
        this.db,
        rows.map((r) => r.id),
      ),
    ]);
    return rows.map((r) => ({
      ...auditStamp(r),
      ...this.placementOf(r, projects, units),
      title: r.title,
      content: r.content as CommunicationContent,
      description: r.description,
      channel: r.channel as CommunicationChannel,
      frequency: r.frequency as CommunicationFrequency,
      startDate: r.startDate,
      endDate: r.endDate,
      ownerId: r.ownerId,
      ownerName: r.ownerId ? (owners.get(r.ownerId) ?? null) : null,
      audience: this.audience(audienceOf(r), people),
      recordCount: counts.get(r.id) ?? 0,
    }));
  }

  placementOf(
    r: CommunicationItemRow,
    projects: Map<string, CommunicationProjectRef>,
    units: Map<string, string>,
  ) {
    const p = r.projectId ? projects.get(r.projectId) : undefined;
    return {
      projectId: r.projectId,
      projectCode: p?.code ?? null,
      projectName: p?.name ?? null,
      orgUnitId: r.orgUnitId,
      orgUnitName: r.orgUnitId ? (units.get(r.orgUnitId) ?? null) : null,
    };
  }

  private audience(a: Audience, people: Map<string, StakeholderRef>): CommunicationAudience {
    return {
      ...a,
      stakeholders: a.stakeholderIds.map((id) => {
        const s = people.get(id);
        return { id, name: s?.name ?? REMOVED, role: s?.role ?? null };
      }),
    };
  }

  async records(rows: readonly CommunicationRecordRow[]): Promise<CommunicationRecord[]> {
    const [people, senders, periods, files] = await Promise.all([
      this.repo.stakeholdersByIds(
        this.db,
        rows.flatMap((r) => r.recipients),
      ),
      this.repo.userNames(
        this.db,
        rows.map((r) => r.sentBy),
      ),
      this.repo.statusReportPeriods(
        this.db,
        rows.map((r) => r.statusReportId),
      ),
      this.repo.reportFileNames(
        this.db,
        rows.map((r) => r.reportFileId),
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      itemId: r.itemId,
      dueDate: r.dueDate,
      sentAt: r.sentAt.toISOString(),
      sentById: r.sentBy,
      sentByName: r.sentBy ? (senders.get(r.sentBy) ?? null) : null,
      recipients: r.recipients.map((id) => {
        const s = people.get(id);
        return { id, name: s?.name ?? REMOVED, role: s?.role ?? null };
      }),
      summary: r.summary,
      statusReportId: r.statusReportId,
      statusReportPeriod: r.statusReportId ? (periods.get(r.statusReportId) ?? null) : null,
      reportFileId: r.reportFileId,
      reportFileName: r.reportFileId ? (files.get(r.reportFileId) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
    }));
  }
}
