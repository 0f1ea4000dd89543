import type {
  ConfigurationBaseline,
  PmoConfigurationAudit,
  ProjectConfigurationAudit,
} from '@baton/contracts';
import {
  auditConfiguration,
  CI_AUDIT_STATUSES,
  type CiAuditStatus,
  type ConfigurationItemKind,
  type ConfigurationVersionStatus,
  type ScopePath,
  selectBaselineVersions,
  summariseAudit,
} from '@baton/core';
import type { Database } from '@baton/db';
import { conflict, invalid, notFound, ProblemError } from '../../http/problem.ts';
import { type AccessService, type Actor, coversProject } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import { isUniqueViolation, recordChange } from '../shared/record-change.ts';
import type {
  BaselineEntryRow,
  BaselineRow,
  CiProjectRef,
  CiRow,
  CiVersionRow,
  ConfigurationRepository,
} from './configuration.repository.ts';

const asAuditVersion = (v: CiVersionRow) => ({
  id: v.id,
  itemId: v.itemId,
  number: v.number,
  label: v.label,
  status: v.status as ConfigurationVersionStatus,
  changeRequestId: v.changeRequestId,
});

/**
 * Configuration baselines — named, frozen sets of item versions that never change once taken — and
 * the configuration audit: each item's approved version against a baseline, with the approved changes
 * that explain a difference. The PMO sees the audit of every project it may read in one place.
 */
export class ConfigurationBaselinesService {
  constructor(
    private readonly db: Database,
    private readonly repo: ConfigurationRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  async pathOf(id: string): Promise<ScopePath> {
    return this.access.projectPath((await this.row(id)).projectId);
  }

  private async row(id: string): Promise<BaselineRow> {
    const row = await this.repo.baseline(this.db, id);
    if (!row) throw notFound('Configuration baseline');
    return row;
  }

  private async project(id: string): Promise<CiProjectRef> {
    const [p] = await this.repo.projectsByIds(this.db, [id]);
    if (!p) throw notFound('Project');
    return p;
  }

  private async dtos(rows: readonly BaselineRow[]): Promise<ConfigurationBaseline[]> {
    const entries = await this.repo.baselineEntries(
      this.db,
      rows.map((r) => r.id),
    );
    const [projects, names, versions, items] = await Promise.all([
      this.repo.projectsByIds(this.db, [...new Set(rows.map((r) => r.projectId))]),
      this.repo.userNames(
        this.db,
        rows.map((r) => r.createdBy),
      ),
      this.repo.versionsByIds(this.db, [...new Set(entries.map((e) => e.versionId))]),
      this.repo.items(this.db, [...new Set(rows.map((r) => r.projectId))]),
    ]);
    const codeOf = new Map(projects.map((p) => [p.id, p.code]));
    const versionBy = new Map(versions.map((v) => [v.id, v]));
    const itemBy = new Map(items.map((i) => [i.id, i]));
    return rows.map((r) => ({
      id: r.id,
      projectId: r.projectId,
      projectCode: codeOf.get(r.projectId) ?? '',
      name: r.name,
      description: r.description,
      createdAt: r.createdAt.toISOString(),
      createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
      items: entries
        .filter((e) => e.baselineId === r.id)
        .flatMap((e) => {
          const item = itemBy.get(e.itemId);
          const v = versionBy.get(e.versionId);
          if (!item || !v) return [];
          return [
            {
              itemId: item.id,
              code: item.code,
              name: item.name,
              kind: item.kind as ConfigurationItemKind,
              versionId: v.id,
              versionNumber: v.number,
              versionLabel: v.label,
            },
          ];
        })
        .sort((a, b) => a.code.localeCompare(b.code)),
    }));
  }

  /** The project's baselines, newest first. */
  async list(projectId: string): Promise<{ items: ConfigurationBaseline[] }> {
    await this.project(projectId);
    return { items: await this.dtos(await this.repo.baselines(this.db, [projectId])) };
  }

  async get(id: string): Promise<ConfigurationBaseline> {
    return (await this.dtos([await this.row(id)]))[0] as ConfigurationBaseline;
  }

  /**
   * Freezes the approved version of every item of the project (or of the chosen ones). An item
   * without an approved version is refused (422 naming it), or left out when the body says so.
   */
  async create(
    actor: Actor,
    projectId: string,
    body: {
      name: string;
      description?: string | null | undefined;
      itemIds?: readonly string[] | undefined;
      skipUnapproved?: boolean | undefined;
    },
  ): Promise<ConfigurationBaseline> {
    await this.project(projectId);
    if (await this.repo.baselineNameTaken(this.db, projectId, body.name))
      throw conflict(`The project already has a baseline named “${body.name}”.`, [
        { field: 'name', rule: 'unique', message: 'another baseline of the project has this name' },
      ]);
    const row = await this.db
      .transaction(async (tx) => {
        const items = await this.repo.items(tx, [projectId]);
        const chosen = body.itemIds ?? [];
        for (const [i, id] of chosen.entries())
          if (!items.some((x) => x.id === id))
            throw invalid(`itemIds.${i}`, 'same-project', 'not a configuration item of this project');
        for (const item of items) await this.repo.lockItem(tx, item.id);
        const versions = await this.repo.versions(
          tx,
          items.map((i) => i.id),
        );
        const { entries, missing } = selectBaselineVersions(items, versions.map(asAuditVersion), chosen);
        if (missing.length > 0 && !body.skipUnapproved) {
          const codes = missing.map((id) => items.find((x) => x.id === id)?.code ?? id);
          throw new ProblemError(
            422,
            'validation',
            `${codes.join(', ')} ${codes.length === 1 ? 'has' : 'have'} no approved version to freeze: approve ${codes.length === 1 ? 'it' : 'them'} first, or leave ${codes.length === 1 ? 'it' : 'them'} out (skipUnapproved).`,
            codes.map((code) => ({
              field: 'items',
              rule: 'approved-version',
              message: `${code} has no approved version`,
            })),
          );
        }
        if (entries.length === 0)
          throw invalid(
            chosen.length > 0 ? 'itemIds' : 'items',
            'not-empty',
            'no item with an approved version to freeze',
          );
        const created = await this.repo.insertBaseline(
          tx,
          {
            projectId,
            name: body.name,
            description: body.description ?? null,
            createdBy: actor.userId,
          },
          entries,
        );
        const versionBy = new Map(versions.map((v) => [v.id, v]));
        await recordChange(
          this.journal,
          tx,
          actor,
          { type: 'configuration_baseline', id: created.id, action: 'create' },
          null,
          {
            projectId,
            name: created.name,
            items: entries.map((e) => {
              const item = items.find((x) => x.id === e.itemId) as CiRow;
              return `${item.code} ${versionBy.get(e.versionId)?.label ?? ''}`.trim();
            }),
            leftOut: missing.map((id) => items.find((x) => x.id === id)?.code ?? id),
          },
        );
        return created;
      })
      .catch((e: unknown) => {
        if (isUniqueViolation(e)) throw conflict(`The project already has a baseline named “${body.name}”.`);
        throw e;
      });
    return this.get(row.id);
  }

  /** A baseline never changes; the PMO (governance.manage) may delete one taken by mistake. */
  async remove(actor: Actor, id: string): Promise<{ ok: true }> {
    const before = await this.get(id);
    await this.db.transaction(async (tx) => {
      await this.repo.deleteBaseline(tx, id);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'configuration_baseline', id, action: 'delete', projectId: before.projectId },
        { name: before.name, items: before.items.map((i) => `${i.code} ${i.versionLabel}`) },
        null,
      );
    });
    return { ok: true };
  }

  // ---- the configuration audit ----

  /** Audits projects against one baseline each (the given one, or each project's newest). */
  private async audits(
    projects: readonly CiProjectRef[],
    baselineOf: (projectId: string, baselines: readonly BaselineRow[]) => BaselineRow | null,
    /** The projects' items when the caller has read them already. */
    preloaded?: Awaited<ReturnType<ConfigurationRepository['items']>>,
  ): Promise<ProjectConfigurationAudit[]> {
    const ids = projects.map((p) => p.id);
    const wanted = new Set(ids);
    const [items, baselines] = await Promise.all([
      preloaded ? preloaded.filter((i) => wanted.has(i.projectId)) : this.repo.items(this.db, ids),
      this.repo.baselines(this.db, ids),
    ]);
    const chosen = new Map(projects.map((p) => [p.id, baselineOf(p.id, baselines)]));
    const [versions, entries] = await Promise.all([
      this.repo.versions(
        this.db,
        items.map((i) => i.id),
      ),
      this.repo.baselineEntries(
        this.db,
        [...chosen.values()].filter((b): b is BaselineRow => b !== null).map((b) => b.id),
      ),
    ]);
    const changes = await this.repo.changes(this.db, [
      ...new Set(versions.map((v) => v.changeRequestId).filter((x): x is string => !!x)),
    ]);
    // Grouped once, so the central view over many projects stays linear.
    const itemsOf = groupBy(items, (i) => i.projectId);
    const projectOfItem = new Map(items.map((i) => [i.id, i.projectId]));
    const versionsOf = groupBy(versions, (v) => projectOfItem.get(v.itemId) ?? '');
    const entriesOf = groupBy(entries, (e: BaselineEntryRow) => e.baselineId);
    return projects.map((p) => {
      const baseline = chosen.get(p.id) ?? null;
      const audit = auditConfiguration({
        items: itemsOf.get(p.id) ?? [],
        versions: (versionsOf.get(p.id) ?? []).map(asAuditVersion),
        baseline: baseline
          ? {
              id: baseline.id,
              name: baseline.name,
              createdAt: baseline.createdAt.toISOString(),
              entries: entriesOf.get(baseline.id) ?? [],
            }
          : null,
        changes,
      });
      return { projectId: p.id, projectCode: p.code, projectName: p.name, ...audit };
    });
  }

  /** One project's audit against a baseline of its own (the newest when none is named). */
  async projectAudit(projectId: string, baselineId?: string | undefined): Promise<ProjectConfigurationAudit> {
    const project = await this.project(projectId);
    if (baselineId) {
      const b = await this.repo.baseline(this.db, baselineId);
      if (!b || b.projectId !== projectId)
        throw invalid('baselineId', 'same-project', 'not a configuration baseline of this project');
    }
    const [audit] = await this.audits([project], (id, all) => {
      const mine = all.filter((b) => b.projectId === id);
      return (baselineId ? mine.find((b) => b.id === baselineId) : mine[0]) ?? null;
    });
    return audit as ProjectConfigurationAudit;
  }

  /**
   * The PMO's central view: every project the actor may read that keeps configuration items, each
   * against its newest baseline; filtered by org unit (and beneath), project status and audit status.
   */
  async pmoAudit(
    actor: Actor,
    q: { orgUnitId?: string | undefined; status?: string | undefined; projectStatus?: string | undefined },
  ): Promise<PmoConfigurationAudit> {
    const statuses = q.status ? q.status.split(',') : null;
    const unknown = statuses?.find((s) => !(CI_AUDIT_STATUSES as readonly string[]).includes(s));
    if (unknown)
      throw invalid('status', 'enum', `${unknown} is not an audit status (${CI_AUDIT_STATUSES.join(', ')})`);
    const [visible, all, units] = await Promise.all([
      this.access.visibility(actor, 'project.read'),
      this.repo.liveProjects(this.db),
      this.repo.unitNames(this.db),
    ]);
    const subtree = q.orgUnitId ? new Set(await this.access.subtree(q.orgUnitId)) : null;
    const projectStatuses = q.projectStatus ? new Set(q.projectStatus.split(',')) : null;
    const allItems = await this.repo.items(this.db);
    const withItems = new Set(allItems.map((i) => i.projectId));
    const projects = all.filter(
      (p) =>
        withItems.has(p.id) &&
        coversProject(visible, p) &&
        (!subtree || subtree.has(p.orgUnitId)) &&
        (!projectStatuses || projectStatuses.has(p.status)),
    );
    const audits = await this.audits(
      projects,
      (id, baselines) => baselines.find((b) => b.projectId === id) ?? null,
      allItems,
    );
    const byId = new Map(projects.map((p) => [p.id, p]));
    const shown = audits
      .map((a) => {
        const items = statuses
          ? a.items.filter((l) => statuses.includes(l.status as CiAuditStatus))
          : a.items;
        const p = byId.get(a.projectId) as CiProjectRef;
        return {
          ...a,
          items,
          summary: summariseAudit(items),
          orgUnitId: p.orgUnitId,
          orgUnitName: units.get(p.orgUnitId) ?? '',
          projectStatus: p.status,
        };
      })
      .filter((a) => a.items.length > 0);
    return { projects: shown, summary: summariseAudit(shown.flatMap((a) => a.items)) };
  }
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
