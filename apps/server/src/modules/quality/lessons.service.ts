import type { Lesson } from '@baton/contracts';
import {
  type LessonCategory,
  type LessonKind,
  normaliseTags,
  ORGANISATION_PATH,
  type ScopePath,
} from '@baton/core';
import type { Database } from '@baton/db';
import { invalid, notFound, staleVersion } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { RaidRepository } from '../raid/raid.repository.ts';
import { auditStamp, definedOnly, recordChange } from '../shared/record-change.ts';
import {
  type LessonHit,
  type LessonRow,
  MATCH_START,
  MATCH_STOP,
  type QualityRepository,
} from './quality.repository.ts';

const SNAPSHOT = [
  'projectId',
  'title',
  'category',
  'kind',
  'whatHappened',
  'recommendation',
  'tags',
  'phaseKey',
] as const;
const snapshot = (r: LessonRow) => Object.fromEntries(SNAPSHOT.map((k) => [k, r[k]]));

const MARKED = new RegExp(`${MATCH_START}([^${MATCH_STOP}]*)${MATCH_STOP}`, 'g');

/** A headline with its match marks, as runs of plain and matching text. */
export function excerptOf(headline: string): { text: string; match: boolean }[] {
  const out: { text: string; match: boolean }[] = [];
  let last = 0;
  for (const m of headline.matchAll(MARKED)) {
    if (m.index > last) out.push({ text: headline.slice(last, m.index), match: false });
    out.push({ text: m[1] ?? '', match: true });
    last = m.index + m[0].length;
  }
  if (last < headline.length) out.push({ text: headline.slice(last), match: false });
  return out;
}
/** The lessons-learned register: searchable across every project the user may see, and the organisation's own. */
export class LessonsService {
  constructor(
    private readonly db: Database,
    private readonly repo: QualityRepository,
    private readonly raidRepo: RaidRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
  ) {}

  private async row(id: string): Promise<LessonRow> {
    const row = await this.repo.lesson(this.db, id);
    if (!row) throw notFound('Lesson');
    return row;
  }

  /** Where a lesson sits: its project, or the organisation for an organisation-wide one. */
  async pathOf(id: string): Promise<ScopePath> {
    const row = await this.row(id);
    return row.projectId ? this.access.projectPath(row.projectId) : ORGANISATION_PATH;
  }

  private async dtos(rows: readonly (LessonRow | LessonHit)[]): Promise<Lesson[]> {
    const projects = await this.raidRepo.projectsByIds(this.db, [
      ...new Set(rows.map((r) => r.projectId).filter((x): x is string => !!x)),
    ]);
    const byId = new Map(projects.map((p) => [p.id, p]));
    return rows.map((r) => {
      const p = r.projectId ? byId.get(r.projectId) : undefined;
      const hit = 'rank' in r ? r : null;
      return {
        ...auditStamp(r),
        code: r.code,
        projectId: r.projectId,
        projectCode: p?.code ?? null,
        projectName: p?.name ?? null,
        title: r.title,
        category: r.category as LessonCategory,
        kind: r.kind as LessonKind,
        whatHappened: r.whatHappened,
        recommendation: r.recommendation,
        tags: r.tags,
        phaseKey: r.phaseKey,
        rank: hit?.rank ?? null,
        excerpt: hit?.headline ? excerptOf(hit.headline) : null,
      };
    });
  }

  async list(
    actor: Actor,
    q: {
      q?: string | undefined;
      category?: LessonCategory | undefined;
      kind?: LessonKind | undefined;
      projectId?: string | undefined;
      tag?: string | undefined;
      page: number;
      pageSize: number;
    },
  ) {
    const v = await this.access.visibility(actor, 'project.read');
    const { rows, total } = await this.repo.lessons(this.db, v, {
      q: q.q || undefined,
      category: q.category,
      kind: q.kind,
      projectId: q.projectId,
      tag: q.tag ? normaliseTags([q.tag])[0] : undefined,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: await this.dtos(rows), total, page: q.page, pageSize: q.pageSize };
  }

  async create(
    actor: Actor,
    body: {
      projectId?: string | null | undefined;
      title: string;
      category: LessonCategory;
      kind: LessonKind;
      whatHappened: string;
      recommendation?: string | null | undefined;
      tags?: string[] | undefined;
      phaseKey?: string | null | undefined;
    },
  ): Promise<Lesson> {
    if (body.projectId && (await this.raidRepo.projectsByIds(this.db, [body.projectId])).length === 0)
      throw invalid('projectId', 'exists', 'no such project');
    const row = await this.db.transaction(async (tx) => {
      const code = `LL-${String(await this.projectsRepo.nextSequence(tx, 'lesson')).padStart(4, '0')}`;
      const r = await this.repo.insertLesson(tx, {
        code,
        projectId: body.projectId ?? null,
        title: body.title,
        category: body.category,
        kind: body.kind,
        whatHappened: body.whatHappened,
        recommendation: body.recommendation?.trim() || null,
        tags: normaliseTags(body.tags ?? []),
        phaseKey: body.phaseKey ?? null,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'lesson', id: r.id, action: 'create' },
        null,
        snapshot(r),
      );
      return r;
    });
    return (await this.dtos([row]))[0] as Lesson;
  }

  async update(
    actor: Actor,
    id: string,
    body: {
      version: number;
      title?: string | undefined;
      category?: LessonCategory | undefined;
      kind?: LessonKind | undefined;
      whatHappened?: string | undefined;
      recommendation?: string | null | undefined;
      tags?: string[] | undefined;
      phaseKey?: string | null | undefined;
    },
  ): Promise<Lesson> {
    const before = await this.row(id);
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const { version, tags, recommendation, ...rest } = body;
    const values = {
      ...definedOnly(rest),
      ...(tags !== undefined ? { tags: normaliseTags(tags) } : {}),
      ...(recommendation !== undefined ? { recommendation: recommendation?.trim() || null } : {}),
    };
    const after = await this.db.transaction(async (tx) => {
      const r = await this.repo.updateLesson(tx, id, version, values, actor.userId);
      if (!r) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'lesson', id, action: 'update' },
        snapshot(before),
        snapshot(r),
      );
      return r;
    });
    return (await this.dtos([after]))[0] as Lesson;
  }

  async remove(actor: Actor, id: string, version: number): Promise<void> {
    const before = await this.row(id);
    if (before.version !== version) throw staleVersion(before.version, version);
    await this.db.transaction(async (tx) => {
      const r = await this.repo.updateLesson(tx, id, version, { deletedAt: new Date() }, actor.userId);
      if (!r) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'lesson', id, action: 'delete' },
        snapshot(before),
        null,
      );
    });
  }
}
