import type { Database } from '@baton/db';
import {
  deliverableReviews,
  deliverables,
  lessonsLearned,
  nonConformances,
  projects,
  qualityStandards,
} from '@baton/db/schema';
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Visible } from '../access/access.service.ts';
import { visibleProjects } from '../shared/visibility.repository.ts';

export type StandardRow = typeof qualityStandards.$inferSelect;
export type DeliverableRow = typeof deliverables.$inferSelect;
export type ReviewRow = typeof deliverableReviews.$inferSelect;
export type NonConformanceRow = typeof nonConformances.$inferSelect;
export type LessonRow = typeof lessonsLearned.$inferSelect;
export type LessonHit = LessonRow & { rank: number | null; headline: string | null };

const bump = <T extends { version: unknown }>(t: T) => sql`${t.version} + 1`;

/**
 * The text a lesson is searched by. It must stay the very expression of the GIN index
 * lessons_learned_search_idx (literals inline, not parameters), or PostgreSQL cannot use the index.
 */
const lessonDocument = sql`to_tsvector('english', ${lessonsLearned.title} || ' ' || ${lessonsLearned.whatHappened} || ' ' || coalesce(${lessonsLearned.recommendation}, ''))`;

/** The words of a search, parsed as a web search engine would ("a phrase", -not, or). */
const searchQuery = (q: string) => sql`websearch_to_tsquery('english', ${q})`;

/** "The lesson matches these words", in the form the search index answers. */
export function lessonMatches(q: string): SQL {
  return sql`${lessonDocument} @@ ${searchQuery(q)}`;
}

/** Marks for the matches in a headline: control characters, which no stored text carries. */
export const MATCH_START = '\u0002';
export const MATCH_STOP = '\u0003';
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** Projects visible and not deleted, for joins. */
function liveVisible(v: Visible): SQL {
  const seen = visibleProjects(v);
  return seen ? (and(isNull(projects.deletedAt), seen) as SQL) : isNull(projects.deletedAt);
}

/** Storage of quality standards, deliverables with their reviews, non-conformances and lessons learned. */
export class QualityRepository {
  // ---- standards ----

  async standards(
    db: Database,
    f: { deliverableType?: string | undefined; includeRetired?: boolean },
  ): Promise<StandardRow[]> {
    const where: SQL[] = [];
    if (f.deliverableType) where.push(eq(qualityStandards.deliverableType, f.deliverableType));
    if (!f.includeRetired) where.push(isNull(qualityStandards.retiredAt));
    return db
      .select()
      .from(qualityStandards)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(qualityStandards.deliverableType), asc(qualityStandards.name));
  }

  async standard(db: Database, id: string): Promise<StandardRow | null> {
    const [row] = await db.select().from(qualityStandards).where(eq(qualityStandards.id, id));
    return row ?? null;
  }

  async standardNames(db: Database, ids: readonly (string | null)[]): Promise<Map<string, string>> {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (list.length === 0) return new Map();
    const rows = await db
      .select({ id: qualityStandards.id, name: qualityStandards.name })
      .from(qualityStandards)
      .where(inArray(qualityStandards.id, list));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async insertStandard(tx: Database, values: typeof qualityStandards.$inferInsert): Promise<StandardRow> {
    const [row] = await tx.insert(qualityStandards).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateStandard(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof qualityStandards.$inferInsert>,
    actorId: string | null,
  ): Promise<StandardRow | null> {
    const [row] = await tx
      .update(qualityStandards)
      .set({ ...values, version: bump(qualityStandards), updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(qualityStandards.id, id), eq(qualityStandards.version, version)))
      .returning();
    return row ?? null;
  }

  // ---- deliverables and reviews ----

  /** Live deliverables on projects the caller may see, by due date. */
  async deliverables(
    db: Database,
    v: Visible,
    f: { projectId?: string | undefined; statuses?: readonly string[] | undefined },
  ): Promise<DeliverableRow[]> {
    const where: SQL[] = [isNull(deliverables.deletedAt), liveVisible(v)];
    if (f.projectId) where.push(eq(deliverables.projectId, f.projectId));
    if (f.statuses) where.push(inArray(deliverables.status, [...f.statuses]));
    const rows = await db
      .select({ d: deliverables })
      .from(deliverables)
      .innerJoin(projects, eq(projects.id, deliverables.projectId))
      .where(and(...where))
      .orderBy(sql`${deliverables.dueDate} asc nulls last`, asc(deliverables.code));
    return rows.map((r) => r.d);
  }

  async deliverable(db: Database, id: string): Promise<DeliverableRow | null> {
    const [row] = await db
      .select()
      .from(deliverables)
      .where(and(eq(deliverables.id, id), isNull(deliverables.deletedAt)));
    return row ?? null;
  }

  /** Code and name of deliverables (deleted ones too: a non-conformance keeps naming its deliverable). */
  async deliverableRefs(db: Database, ids: readonly (string | null)[]) {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (list.length === 0) return new Map<string, { code: string; name: string; projectId: string }>();
    const rows = await db
      .select({
        id: deliverables.id,
        code: deliverables.code,
        name: deliverables.name,
        projectId: deliverables.projectId,
      })
      .from(deliverables)
      .where(inArray(deliverables.id, list));
    return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name, projectId: r.projectId }]));
  }

  async insertDeliverable(tx: Database, values: typeof deliverables.$inferInsert): Promise<DeliverableRow> {
    const [row] = await tx.insert(deliverables).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateDeliverable(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof deliverables.$inferInsert>,
    actorId: string | null,
  ): Promise<DeliverableRow | null> {
    const [row] = await tx
      .update(deliverables)
      .set({ ...values, version: bump(deliverables), updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(deliverables.id, id), eq(deliverables.version, version), isNull(deliverables.deletedAt)))
      .returning();
    return row ?? null;
  }

  async reviews(db: Database, deliverableId: string): Promise<ReviewRow[]> {
    return db
      .select()
      .from(deliverableReviews)
      .where(eq(deliverableReviews.deliverableId, deliverableId))
      .orderBy(desc(deliverableReviews.at), desc(deliverableReviews.id));
  }

  async reviewCounts(db: Database, deliverableIds: readonly string[]): Promise<Map<string, number>> {
    if (deliverableIds.length === 0) return new Map();
    const rows = await db
      .select({ id: deliverableReviews.deliverableId, n: sql<number>`count(*)` })
      .from(deliverableReviews)
      .where(inArray(deliverableReviews.deliverableId, [...deliverableIds]))
      .groupBy(deliverableReviews.deliverableId);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }

  async insertReview(tx: Database, values: typeof deliverableReviews.$inferInsert): Promise<ReviewRow> {
    const [row] = await tx.insert(deliverableReviews).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  // ---- non-conformances ----

  async nonConformances(
    db: Database,
    v: Visible,
    f: {
      projectId?: string | undefined;
      deliverableId?: string | undefined;
      statuses?: readonly string[] | undefined;
    },
  ): Promise<NonConformanceRow[]> {
    const where: SQL[] = [isNull(nonConformances.deletedAt), liveVisible(v)];
    if (f.projectId) where.push(eq(nonConformances.projectId, f.projectId));
    if (f.deliverableId) where.push(eq(nonConformances.deliverableId, f.deliverableId));
    if (f.statuses) where.push(inArray(nonConformances.status, [...f.statuses]));
    const rows = await db
      .select({ n: nonConformances })
      .from(nonConformances)
      .innerJoin(projects, eq(projects.id, nonConformances.projectId))
      .where(and(...where))
      .orderBy(
        sql`case ${nonConformances.status} when 'closed' then 1 else 0 end`,
        sql`case ${nonConformances.severity} when 'critical' then 0 when 'major' then 1 else 2 end`,
        desc(nonConformances.code),
      );
    return rows.map((r) => r.n);
  }

  async nonConformance(db: Database, id: string): Promise<NonConformanceRow | null> {
    const [row] = await db
      .select()
      .from(nonConformances)
      .where(and(eq(nonConformances.id, id), isNull(nonConformances.deletedAt)));
    return row ?? null;
  }

  async insertNonConformance(
    tx: Database,
    values: typeof nonConformances.$inferInsert,
  ): Promise<NonConformanceRow> {
    const [row] = await tx.insert(nonConformances).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateNonConformance(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof nonConformances.$inferInsert>,
    actorId: string | null,
  ): Promise<NonConformanceRow | null> {
    const [row] = await tx
      .update(nonConformances)
      .set({ ...values, version: bump(nonConformances), updatedAt: new Date(), updatedBy: actorId })
      .where(
        and(
          eq(nonConformances.id, id),
          eq(nonConformances.version, version),
          isNull(nonConformances.deletedAt),
        ),
      )
      .returning();
    return row ?? null;
  }

  // ---- lessons learned ----

  /**
   * Lessons of the projects the caller may see and the organisation-wide ones, filtered; with words,
   * only those matching them (full-text, English stemming), most relevant first, each with its
   * best passage.
   */
  async lessons(
    db: Database,
    v: Visible,
    f: {
      q?: string | undefined;
      category?: string | undefined;
      kind?: string | undefined;
      projectId?: string | undefined;
      tag?: string | undefined;
      limit: number;
      offset: number;
    },
  ): Promise<{ rows: LessonHit[]; total: number }> {
    const query = f.q ? searchQuery(f.q) : null;
    const where: SQL[] = [
      isNull(lessonsLearned.deletedAt),
      or(isNull(lessonsLearned.projectId), liveVisible(v)) as SQL,
    ];
    if (f.q) where.push(lessonMatches(f.q));
    if (f.category) where.push(eq(lessonsLearned.category, f.category));
    if (f.kind) where.push(eq(lessonsLearned.kind, f.kind));
    if (f.projectId) where.push(eq(lessonsLearned.projectId, f.projectId));
    if (f.tag) where.push(sql`${lessonsLearned.tags} @> ${JSON.stringify([f.tag])}::jsonb`);
    const rank = query ? sql<number>`ts_rank(${lessonDocument}, ${query})` : sql<null>`null`;
    const headline = query
      ? sql<string>`ts_headline('english', ${lessonsLearned.whatHappened} || ' ' || coalesce(${lessonsLearned.recommendation}, ''), ${query}, ${HEADLINE_OPTIONS})`
      : sql<null>`null`;
    const rows = await db
      .select({
        l: lessonsLearned,
        rank,
        headline,
        total: sql<number>`count(*) over ()`,
      })
      .from(lessonsLearned)
      .leftJoin(projects, eq(projects.id, lessonsLearned.projectId))
      .where(and(...where))
      .orderBy(
        ...(query ? [sql`${rank} desc`] : []),
        desc(lessonsLearned.createdAt),
        desc(lessonsLearned.code),
      )
      .limit(f.limit)
      .offset(f.offset);
    return {
      rows: rows.map((r) => ({
        ...r.l,
        rank: r.rank === null ? null : Number(r.rank),
        headline: r.headline,
      })),
      total: Number(rows[0]?.total ?? 0),
    };
  }

  async lesson(db: Database, id: string): Promise<LessonRow | null> {
    const [row] = await db
      .select()
      .from(lessonsLearned)
      .where(and(eq(lessonsLearned.id, id), isNull(lessonsLearned.deletedAt)));
    return row ?? null;
  }

  async insertLesson(tx: Database, values: typeof lessonsLearned.$inferInsert): Promise<LessonRow> {
    const [row] = await tx.insert(lessonsLearned).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async updateLesson(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof lessonsLearned.$inferInsert>,
    actorId: string | null,
  ): Promise<LessonRow | null> {
    const [row] = await tx
      .update(lessonsLearned)
      .set({ ...values, version: bump(lessonsLearned), updatedAt: new Date(), updatedBy: actorId })
      .where(
        and(eq(lessonsLearned.id, id), eq(lessonsLearned.version, version), isNull(lessonsLearned.deletedAt)),
      )
      .returning();
    return row ?? null;
  }
}
