import type { Database } from '@baton/db';
import { documents, documentVersions, projects } from '@baton/db/schema';
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Visible } from '../access/access.service.ts';
import { visibleProjects } from '../shared/visibility.repository.ts';

export type DocumentRow = typeof documents.$inferSelect;
/** A version without its bytes: what lists and headers need. */
export type VersionMeta = Omit<typeof documentVersions.$inferSelect, 'content'>;
export type VersionContent = VersionMeta & { content: Buffer };

const live = isNull(documents.deletedAt);
const bump = sql`${documents.version} + 1`;

const META = {
  id: documentVersions.id,
  documentId: documentVersions.documentId,
  versionNo: documentVersions.versionNo,
  fileName: documentVersions.fileName,
  mediaType: documentVersions.mediaType,
  sizeBytes: documentVersions.sizeBytes,
  sha256: documentVersions.sha256,
  note: documentVersions.note,
  uploadedAt: documentVersions.uploadedAt,
  uploadedBy: documentVersions.uploadedBy,
};

/** bytea arrives as a Buffer from node-postgres and as a Uint8Array from PGlite. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new Error('document content is not binary');
}

/** `%`, `_` and `\` match themselves in an ILIKE pattern. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type SearchFilter = {
  q?: string | undefined;
  projectId?: string | undefined;
  category?: string | undefined;
  phaseKey?: string | undefined;
  limit: number;
  offset: number;
};

/** Storage of the clearinghouse: documents and their versions, the bytes in the database. */
export class DocumentsRepository {
  async document(db: Database, id: string): Promise<DocumentRow | null> {
    const [row] = await db
      .select()
      .from(documents)
      .where(and(eq(documents.id, id), live));
    return row ?? null;
  }

  /** A project's documents, newest first. */
  async ofProject(db: Database, projectId: string): Promise<DocumentRow[]> {
    return db
      .select()
      .from(documents)
      .where(and(eq(documents.projectId, projectId), live))
      .orderBy(desc(documents.updatedAt), asc(documents.code));
  }

  /** Items of the PMO library, optionally only those filed at one of the org units (or at none). */
  async library(
    db: Database,
    filter: { orgUnitIds?: readonly string[] | undefined; category?: string | undefined },
  ): Promise<DocumentRow[]> {
    return db
      .select()
      .from(documents)
      .where(
        and(
          isNull(documents.projectId),
          live,
          filter.orgUnitIds
            ? or(
                isNull(documents.orgUnitId),
                filter.orgUnitIds.length ? inArray(documents.orgUnitId, [...filter.orgUnitIds]) : sql`false`,
              )
            : undefined,
          filter.category ? eq(documents.category, filter.category) : undefined,
        ),
      )
      .orderBy(asc(documents.category), asc(documents.title));
  }

  /** Project documents on projects the caller may see, matching the filter, newest first. */
  async search(
    db: Database,
    visible: Visible,
    f: SearchFilter,
  ): Promise<{ rows: DocumentRow[]; total: number }> {
    const words = f.q ? `%${likeEscape(f.q)}%` : null;
    const where = and(
      live,
      isNotNull(documents.projectId),
      isNull(projects.deletedAt),
      visibleProjects(visible),
      f.projectId ? eq(documents.projectId, f.projectId) : undefined,
      f.category ? eq(documents.category, f.category) : undefined,
      f.phaseKey ? eq(documents.phaseKey, f.phaseKey) : undefined,
      words
        ? or(ilike(documents.title, words), ilike(documents.code, words), ilike(documents.description, words))
        : undefined,
    );
    const [rows, totals] = await Promise.all([
      db
        .select({ d: documents })
        .from(documents)
        .innerJoin(projects, eq(projects.id, documents.projectId))
        .where(where)
        .orderBy(desc(documents.updatedAt), asc(documents.code))
        .limit(f.limit)
        .offset(f.offset),
      db
        .select({ n: count() })
        .from(documents)
        .innerJoin(projects, eq(projects.id, documents.projectId))
        .where(where),
    ]);
    return { rows: rows.map((r) => r.d), total: Number(totals[0]?.n ?? 0) };
  }

  /** The current version of each document, without the bytes. */
  async currentVersions(db: Database, rows: readonly DocumentRow[]): Promise<Map<string, VersionMeta>> {
    const withVersion = rows.filter((r) => r.currentVersion > 0);
    if (withVersion.length === 0) return new Map();
    const found = await db
      .select(META)
      .from(documentVersions)
      .where(
        or(
          ...withVersion.map((r) =>
            and(eq(documentVersions.documentId, r.id), eq(documentVersions.versionNo, r.currentVersion)),
          ),
        ),
      );
    return new Map(found.map((v) => [v.documentId, v]));
  }

  /** Every version of a document, newest first, without the bytes. */
  async versions(db: Database, documentId: string): Promise<VersionMeta[]> {
    return db
      .select(META)
      .from(documentVersions)
      .where(eq(documentVersions.documentId, documentId))
      .orderBy(desc(documentVersions.versionNo));
  }

  async content(db: Database, documentId: string, versionNo: number): Promise<VersionContent | null> {
    const [row] = await db
      .select({ ...META, content: documentVersions.content })
      .from(documentVersions)
      .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.versionNo, versionNo)));
    return row ? { ...row, content: toBuffer(row.content) } : null;
  }

  async insertDocument(tx: Database, values: typeof documents.$inferInsert): Promise<DocumentRow> {
    const [row] = await tx.insert(documents).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  async insertVersion(
    tx: Database,
    values: Omit<typeof documentVersions.$inferInsert, 'id' | 'uploadedAt'>,
  ): Promise<VersionMeta> {
    const [row] = await tx.insert(documentVersions).values(values).returning(META);
    if (!row) throw new Error('insert returned nothing');
    return row;
  }

  /** Moves a document to its next version number (locking the row until the transaction ends). */
  async advance(tx: Database, id: string, actorId: string | null): Promise<DocumentRow | null> {
    const [row] = await tx
      .update(documents)
      .set({
        currentVersion: sql`${documents.currentVersion} + 1`,
        version: bump,
        updatedAt: new Date(),
        updatedBy: actorId,
      })
      .where(and(eq(documents.id, id), live))
      .returning();
    return row ?? null;
  }

  /** Changes a document at the version the caller saw; null when it moved on (or is gone). */
  async update(
    tx: Database,
    id: string,
    version: number,
    values: Partial<typeof documents.$inferInsert>,
    actorId: string | null,
  ): Promise<DocumentRow | null> {
    const [row] = await tx
      .update(documents)
      .set({ ...values, version: bump, updatedAt: new Date(), updatedBy: actorId })
      .where(and(eq(documents.id, id), eq(documents.version, version), live))
      .returning();
    return row ?? null;
  }

  /** Per gate deliverable of a project, how many live documents with a version evidence it. */
  async presentDeliverables(
    db: Database,
    projectId: string,
  ): Promise<{ phaseKey: string; deliverableKey: string; documentCount: number }[]> {
    const rows = await db
      .select({ phaseKey: documents.phaseKey, deliverableKey: documents.deliverableKey, n: count() })
      .from(documents)
      .where(
        and(
          eq(documents.projectId, projectId),
          live,
          sql`${documents.currentVersion} > 0`,
          isNotNull(documents.phaseKey),
          isNotNull(documents.deliverableKey),
        ),
      )
      .groupBy(documents.phaseKey, documents.deliverableKey)
      .orderBy(asc(documents.phaseKey), asc(documents.deliverableKey));
    return rows.map((r) => ({
      phaseKey: r.phaseKey as string,
      deliverableKey: r.deliverableKey as string,
      documentCount: Number(r.n),
    }));
  }
}
