import type { CreateRiskBody, Risk, UpdateRiskBody } from '@baton/contracts';
import type { ScopePath } from '@baton/core';
import {
  checkRiskMatrix,
  heatMap,
  proximityOf,
  type RiskMatrix,
  riskLevel,
  riskScore,
  validRating,
} from '@baton/core';
import type { Database } from '@baton/db';
import { forbidden, invalid, notFound, staleVersion } from '../../http/problem.ts';
import { type AccessService, type Actor, coversProject, type Visible } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import { today } from '../resources/resources.service.ts';
import { definedOnly, recordChange } from '../shared/record-change.ts';
import type { RaidRepository, RaidSettingsRow, RiskRow } from './raid.repository.ts';

const DAY = 86_400_000;

export function matrixOf(s: RaidSettingsRow): RiskMatrix {
  return { size: s.matrixSize, mediumFrom: s.mediumFrom, highFrom: s.highFrom };
}

export function settingsDto(s: RaidSettingsRow) {
  return {
    version: s.version,
    size: s.matrixSize,
    mediumFrom: s.mediumFrom,
    highFrom: s.highFrom,
    probabilityLabels: s.probabilityLabels,
    impactLabels: s.impactLabels,
    updatedAt: s.updatedAt.toISOString(),
  };
}

function snapshot(r: RiskRow, links: readonly string[]): Record<string, unknown> {
  return {
    title: r.title,
    description: r.description,
    projectId: r.projectId,
    portfolioId: r.portfolioId,
    orgUnitId: r.orgUnitId,
    projectIds: [...links].sort(),
    category: r.category,
    probability: r.probability,
    impact: r.impact,
    residualProbability: r.residualProbability,
    residualImpact: r.residualImpact,
    expectedBy: r.expectedBy,
    ownerId: r.ownerId,
    response: r.response,
    mitigation: r.mitigation,
    actions: r.actions,
    trigger: r.trigger,
    status: r.status,
    scheduleImpactDays: r.scheduleImpactDays,
    costImpactMinor: r.costImpactMinor,
    probabilityPercent: r.probabilityPercent,
  };
}

/** The Monday on or before a date (UTC). */
function mondayOf(d: Date): Date {
  const day = (d.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
}

/** The central risk register: project risks and shared risks held at a portfolio or an org unit. */
export class RisksService {
  constructor(
    private readonly db: Database,
    private readonly repo: RaidRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  async settings() {
    return settingsDto(await this.repo.settings(this.db));
  }

  async updateSettings(
    actor: Actor,
    body: {
      version: number;
      size?: number | undefined;
      mediumFrom?: number | undefined;
      highFrom?: number | undefined;
      probabilityLabels?: string[] | undefined;
      impactLabels?: string[] | undefined;
    },
  ) {
    const before = await this.repo.settings(this.db);
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const next = {
      size: body.size ?? before.matrixSize,
      mediumFrom: body.mediumFrom ?? before.mediumFrom,
      highFrom: body.highFrom ?? before.highFrom,
    };
    const problem = checkRiskMatrix(next);
    if (problem) {
      const [field = 'size', ...rest] = problem.split(': ');
      throw invalid(field, 'matrix', rest.join(': '));
    }
    const probabilityLabels = body.probabilityLabels ?? before.probabilityLabels;
    const impactLabels = body.impactLabels ?? before.impactLabels;
    if (probabilityLabels.length !== next.size)
      throw invalid('probabilityLabels', 'size', `give ${next.size} labels, one per level`);
    if (impactLabels.length !== next.size)
      throw invalid('impactLabels', 'size', `give ${next.size} labels, one per level`);
    const open = (await this.repo.risks(this.db, {})).filter(
      (r) => r.probability > next.size || r.impact > next.size,
    );
    if (open.length > 0)
      throw invalid(
        'size',
        'in-use',
        `${open.length} risk${open.length === 1 ? ' is' : 's are'} rated above ${next.size} (e.g. ${open[0]?.code}): re-rate them first`,
      );
    return this.db.transaction(async (tx) => {
      const after = await this.repo.updateSettings(
        tx,
        body.version,
        {
          matrixSize: next.size,
          mediumFrom: next.mediumFrom,
          highFrom: next.highFrom,
          probabilityLabels,
          impactLabels,
        },
        actor.userId,
      );
      if (!after) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'raid_settings', id: '00000000-0000-0000-0000-000000000001', action: 'update' },
        settingsDto(before),
        settingsDto(after),
      );
      return settingsDto(after);
    });
  }

  /** Where a risk sits, for the permission table: its project, or the portfolio or unit holding it. */
  async pathOf(id: string): Promise<ScopePath> {
    const r = await this.repo.risk(this.db, id);
    if (!r) throw notFound('Risk');
    return this.pathOfHome(r);
  }

  private pathOfHome(r: Pick<RiskRow, 'projectId' | 'portfolioId' | 'orgUnitId'>): Promise<ScopePath> {
    if (r.projectId) return this.access.projectPath(r.projectId);
    if (r.portfolioId) return this.access.portfolioPath(r.portfolioId);
    return this.access.orgUnitOrRootPath(r.orgUnitId);
  }

  /** Where a new risk will sit, from its body (before validation: malformed ids count as absent). */
  async newPath(body: {
    projectId?: string | null | undefined;
    portfolioId?: string | null | undefined;
    orgUnitId?: string | null | undefined;
  }) {
    try {
      return await this.pathOfHome({
        projectId: body.projectId ?? null,
        portfolioId: body.projectId ? null : (body.portfolioId ?? null),
        orgUnitId: body.orgUnitId ?? null,
      });
    } catch {
      throw invalid(
        body.projectId ? 'projectId' : body.portfolioId ? 'portfolioId' : 'orgUnitId',
        'exists',
        'no such project, portfolio or org unit',
      );
    }
  }

  private async visibleTo(
    actor: Actor,
    projects: ReadonlyMap<string, { id: string; orgUnitId: string; portfolioId: string | null }>,
  ): Promise<(r: RiskRow, links: readonly string[]) => boolean> {
    const v: Visible = await this.access.visibility(actor, 'project.read');
    if (v.all) return () => true;
    return (r, links) => {
      if (r.portfolioId && v.portfolioIds.includes(r.portfolioId)) return true;
      if (r.orgUnitId && v.orgUnitIds.includes(r.orgUnitId)) return true;
      // A project risk by its project; a shared one also through any project it is linked to.
      return [r.projectId, ...links].some((id) => {
        const p = id ? projects.get(id) : undefined;
        return p ? coversProject(v, p) : false;
      });
    };
  }

  async list(
    actor: Actor,
    q: {
      projectId?: string | undefined;
      portfolioId?: string | undefined;
      orgUnitId?: string | undefined;
      status?: string | undefined;
      level?: 'low' | 'medium' | 'high' | undefined;
      shared?: 'true' | 'false' | undefined;
      q?: string | undefined;
    },
  ): Promise<{ items: Risk[]; total: number }> {
    const settings = await this.repo.settings(this.db);
    const rows = await this.repo.risks(this.db, {
      projectId: q.projectId,
      portfolioId: q.portfolioId,
      orgUnitId: q.orgUnitId,
      shared: q.shared === undefined ? undefined : q.shared === 'true',
    });
    const links = await this.repo.links(
      this.db,
      rows.map((r) => r.id),
    );
    const visible = await this.visibleTo(actor, await this.projectsOf(rows, links));
    const statuses = q.status?.split(',');
    const needle = q.q?.trim().toLowerCase();
    const m = matrixOf(settings);
    const kept = rows.filter(
      (r) =>
        visible(r, links.get(r.id) ?? []) &&
        (!statuses || statuses.includes(r.status)) &&
        (!q.level || riskLevel(riskScore(r.probability, r.impact), m) === q.level) &&
        (!needle || r.title.toLowerCase().includes(needle) || r.code.toLowerCase().includes(needle)),
    );
    const items = await this.dtos(kept, links, settings);
    items.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
    return { items, total: items.length };
  }

  private async projectsOf(rows: readonly RiskRow[], links: Map<string, string[]>) {
    const ids = new Set<string>();
    for (const r of rows) {
      if (r.projectId) ids.add(r.projectId);
      for (const id of links.get(r.id) ?? []) ids.add(id);
    }
    return new Map((await this.repo.projectsByIds(this.db, [...ids])).map((p) => [p.id, p]));
  }

  async get(actor: Actor, id: string): Promise<Risk> {
    const r = await this.repo.risk(this.db, id);
    if (!r) throw notFound('Risk');
    const links = await this.repo.links(this.db, [id]);
    const visible = await this.visibleTo(actor, await this.projectsOf([r], links));
    if (!visible(r, links.get(id) ?? [])) throw notFound('Risk');
    const [dto] = await this.dtos([r], links, await this.repo.settings(this.db));
    return dto as Risk;
  }

  private async dtos(
    rows: readonly RiskRow[],
    links: Map<string, string[]>,
    settings: RaidSettingsRow,
  ): Promise<Risk[]> {
    const m = matrixOf(settings);
    const projectIds = new Set<string>();
    for (const r of rows) {
      if (r.projectId) projectIds.add(r.projectId);
      for (const id of links.get(r.id) ?? []) projectIds.add(id);
    }
    const [projects, owners, portfolios, units] = await Promise.all([
      this.repo.projectsByIds(this.db, [...projectIds]),
      this.repo.userNames(
        this.db,
        rows.map((r) => r.ownerId),
      ),
      this.repo.portfolioNames(
        this.db,
        rows.map((r) => r.portfolioId),
      ),
      this.repo.orgUnitNames(
        this.db,
        rows.map((r) => r.orgUnitId),
      ),
    ]);
    const byId = new Map(projects.map((p) => [p.id, p]));
    const now = today();
    return rows.map((r) => {
      const score = riskScore(r.probability, r.impact);
      const residualScore =
        r.residualProbability !== null && r.residualImpact !== null
          ? riskScore(r.residualProbability, r.residualImpact)
          : null;
      const linked = (links.get(r.id) ?? []).map((id) => byId.get(id)).filter((p) => !!p);
      const home = r.projectId ? byId.get(r.projectId) : undefined;
      return {
        id: r.id,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        code: r.code,
        title: r.title,
        description: r.description,
        scope: r.projectId ? 'project' : r.portfolioId ? 'portfolio' : 'org_unit',
        projectId: r.projectId,
        projectCode: home?.code ?? null,
        projectName: home?.name ?? null,
        portfolioId: r.portfolioId,
        portfolioName: r.portfolioId ? (portfolios.get(r.portfolioId)?.name ?? null) : null,
        orgUnitId: r.orgUnitId,
        orgUnitName: r.orgUnitId ? (units.get(r.orgUnitId) ?? null) : null,
        projectIds: linked.map((p) => p.id),
        linkedProjects: linked.map((p) => ({ id: p.id, code: p.code, name: p.name })),
        category: r.category,
        probability: r.probability,
        impact: r.impact,
        score,
        level: riskLevel(score, m),
        residualProbability: r.residualProbability,
        residualImpact: r.residualImpact,
        residualScore,
        residualLevel: residualScore === null ? null : riskLevel(residualScore, m),
        scheduleImpactDays: r.scheduleImpactDays,
        costImpactMinor: r.costImpactMinor,
        probabilityPercent: r.probabilityPercent,
        expectedBy: r.expectedBy,
        proximity: proximityOf(r.expectedBy, now),
        ownerId: r.ownerId,
        ownerName: r.ownerId ? (owners.get(r.ownerId) ?? null) : null,
        response: r.response as Risk['response'],
        mitigation: r.mitigation,
        actions: (r.actions ?? []) as Risk['actions'],
        trigger: r.trigger,
        status: r.status as Risk['status'],
        reviewedAt: r.reviewedAt?.toISOString() ?? null,
      } satisfies Risk;
    });
  }

  private async checkFields(
    body: {
      probability?: number | undefined;
      impact?: number | undefined;
      residualProbability?: number | null | undefined;
      residualImpact?: number | null | undefined;
      ownerId?: string | null | undefined;
      projectIds?: string[] | undefined;
    },
    m: RiskMatrix,
    home: { projectId: string | null },
  ): Promise<void> {
    for (const f of ['probability', 'impact', 'residualProbability', 'residualImpact'] as const) {
      const v = body[f];
      if (v !== undefined && v !== null && !validRating(v, m))
        throw invalid(f, 'matrix', `from 1 to ${m.size}`);
    }
    if (body.ownerId && !(await this.repo.userExists(this.db, body.ownerId)))
      throw invalid('ownerId', 'exists', 'no such user');
    if (body.projectIds?.length) {
      if (home.projectId)
        throw invalid(
          'projectIds',
          'shared',
          'only a risk held at a portfolio or org unit links to projects',
        );
      const found = await this.repo.projectsByIds(this.db, body.projectIds);
      const missing = body.projectIds.find((id) => !found.some((p) => p.id === id));
      if (missing) throw invalid('projectIds', 'exists', `no such project: ${missing}`);
    }
  }

  async create(actor: Actor, body: CreateRiskBody): Promise<Risk> {
    const settings = await this.repo.settings(this.db);
    const m = matrixOf(settings);
    const home = {
      projectId: body.projectId ?? null,
      portfolioId: body.portfolioId ?? null,
      orgUnitId: body.orgUnitId ?? null,
    };
    if (home.projectId && (await this.repo.projectsByIds(this.db, [home.projectId])).length === 0)
      throw invalid('projectId', 'exists', 'no such project');
    if (home.portfolioId && !(await this.repo.portfolio(this.db, home.portfolioId)))
      throw invalid('portfolioId', 'exists', 'no such portfolio');
    if (home.orgUnitId && (await this.repo.orgUnitNames(this.db, [home.orgUnitId])).size === 0)
      throw invalid('orgUnitId', 'exists', 'no such org unit');
    await this.checkFields(body, m, home);
    const projectIds = [...new Set(body.projectIds ?? [])];
    // Linking a shared risk to a project is a change to that project's register: it needs the right there.
    for (const id of projectIds)
      if (!this.access.allows(actor, ['project.update'], await this.access.projectPath(id)))
        throw forbidden('You may not add risks to one of the linked projects.');
    const id = await this.db.transaction(async (tx) => {
      const code = `RSK-${String(await this.projectsRepo.nextSequence(tx, 'risk')).padStart(3, '0')}`;
      const row = await this.repo.insertRisk(tx, {
        code,
        title: body.title,
        description: body.description ?? null,
        ...home,
        category: body.category ?? null,
        probability: body.probability,
        impact: body.impact,
        residualProbability: body.residualProbability ?? null,
        residualImpact: body.residualImpact ?? null,
        expectedBy: body.expectedBy ?? null,
        ownerId: body.ownerId ?? null,
        response: body.response ?? null,
        mitigation: body.mitigation ?? null,
        actions: (body.actions ?? []) as Record<string, unknown>[],
        trigger: body.trigger ?? null,
        status: body.status,
        scheduleImpactDays: body.scheduleImpactDays ?? null,
        costImpactMinor: body.costImpactMinor ?? null,
        probabilityPercent: body.probabilityPercent ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await this.repo.setLinks(tx, row.id, projectIds);
      await this.repo.addHistory(tx, row);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'risk', id: row.id, action: 'create' },
        null,
        snapshot(row, projectIds),
      );
      return row.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, body: UpdateRiskBody): Promise<Risk> {
    const before = await this.repo.risk(this.db, id);
    if (!before) throw notFound('Risk');
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const settings = await this.repo.settings(this.db);
    await this.checkFields(body, matrixOf(settings), before);
    const oldLinks = (await this.repo.links(this.db, [id])).get(id) ?? [];
    const newLinks = body.projectIds ? [...new Set(body.projectIds)] : oldLinks;
    for (const pid of newLinks.filter((x) => !oldLinks.includes(x)))
      if (!this.access.allows(actor, ['project.update'], await this.access.projectPath(pid)))
        throw forbidden('You may not add risks to one of the linked projects.');
    const { version, projectIds: _links, reviewed, actions, ...rest } = body;
    await this.db.transaction(async (tx) => {
      const after = await this.repo.updateRisk(
        tx,
        id,
        version,
        {
          ...definedOnly(rest),
          ...(actions ? { actions: actions as Record<string, unknown>[] } : {}),
          ...(reviewed ? { reviewedAt: new Date() } : {}),
        },
        actor.userId,
      );
      if (!after) throw staleVersion(before.version + 1, version);
      if (body.projectIds) await this.repo.setLinks(tx, id, newLinks);
      if (
        after.probability !== before.probability ||
        after.impact !== before.impact ||
        after.status !== before.status
      )
        await this.repo.addHistory(tx, after);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'risk', id, action: reviewed ? 'review' : 'update' },
        snapshot(before, oldLinks),
        snapshot(after, newLinks),
      );
    });
    return this.get(actor, id);
  }

  /** Heat map of the open risks listed, counts by level, and the 12-week trend of open risks by level. */
  async summary(actor: Actor, q: Parameters<RisksService['list']>[1]) {
    const settings = await this.repo.settings(this.db);
    const m = matrixOf(settings);
    const all = await this.list(actor, { ...q, status: undefined });
    const open = all.items.filter((r) => r.status === 'open' || r.status === 'monitoring');
    const byLevel = { low: 0, medium: 0, high: 0 };
    for (const r of open) byLevel[r.level] += 1;
    // The trend: each risk's rating and status at the end of each of the last 12 weeks.
    const ids = all.items.map((r) => r.id);
    const thisMonday = mondayOf(new Date());
    const weeks = Array.from({ length: 12 }, (_, k) => new Date(thisMonday.getTime() - (11 - k) * 7 * DAY));
    const start = weeks[0] as Date;
    const [before, during] = await Promise.all([
      this.repo.ratingsBefore(this.db, ids, start),
      this.repo.history(this.db, ids, start),
    ]);
    const state = new Map(before.map((h) => [h.riskId, h]));
    let k = 0;
    const trend = weeks.map((monday) => {
      const end = new Date(monday.getTime() + 7 * DAY);
      while (k < during.length && (during[k]?.at as Date) < end) {
        const h = during[k] as (typeof during)[number];
        state.set(h.riskId, h);
        k += 1;
      }
      const counts = { low: 0, medium: 0, high: 0 };
      for (const h of state.values()) {
        if (h.status !== 'open' && h.status !== 'monitoring') continue;
        counts[riskLevel(riskScore(h.probability, h.impact), m)] += 1;
      }
      return { week: monday.toISOString().slice(0, 10), ...counts };
    });
    return { matrix: settingsDto(settings), heatMap: heatMap(open, m), byLevel, trend };
  }
}
