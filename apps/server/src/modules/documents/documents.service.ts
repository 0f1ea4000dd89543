import { createHash } from 'node:crypto';
import {
  type Document,
  type DocumentVersion,
  LIBRARY_CATEGORIES,
  PROJECT_DOCUMENT_CATEGORIES,
} from '@baton/contracts';
import type { ScopePath } from '@baton/core';
import type { Database } from '@baton/db';
import { checkUpload } from '@baton/interop';
import { invalid, notFound, ProblemError, staleVersion, tooLarge } from '../../http/problem.ts';
import type { AccessService, Actor } from '../access/access.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import type { ProjectsRepository } from '../projects/projects.repository.ts';
import type { RaidRepository } from '../raid/raid.repository.ts';
import { recordChange } from '../shared/record-change.ts';
import type { DocumentRow, DocumentsRepository, VersionMeta } from './documents.repository.ts';

/**
 * The deliverables of each gate of the lifecycle a project follows (phase key → deliverable keys), or
 * null when it follows none. Given as a function so that governance can in turn ask this service
 * which deliverables have documents.
 */
export type GateDeliverableLookup = (
  projectId: string,
) => Promise<ReadonlyMap<string, ReadonlySet<string>> | null>;

export type DocumentLimits = { maxBytes: number };

/** What an upload carries besides its bytes. */
export type UploadMeta = {
  fileName: string;
  title: string;
  category?: string | undefined;
  description?: string | undefined;
  note?: string | undefined;
  phaseKey?: string | undefined;
  deliverableKey?: string | undefined;
  orgUnitId?: string | undefined;
};

export type DocumentContent = {
  bytes: Buffer;
  fileName: string;
  mediaType: string;
  sha256: string;
  versionNo: number;
};

function snapshot(r: DocumentRow): Record<string, unknown> {
  return {
    code: r.code,
    projectId: r.projectId,
    orgUnitId: r.orgUnitId,
    category: r.category,
    title: r.title,
    description: r.description,
    phaseKey: r.phaseKey,
    deliverableKey: r.deliverableKey,
    currentVersion: r.currentVersion,
  };
}

const versionSnapshot = (v: VersionMeta) => ({
  versionNo: v.versionNo,
  fileName: v.fileName,
  mediaType: v.mediaType,
  sizeBytes: v.sizeBytes,
  sha256: v.sha256,
  note: v.note,
});

/**
 * The clearinghouse: versioned project documents (optionally evidencing a gate deliverable) and the
 * PMO's library. The bytes live in the database, checked by type and size before they are kept.
 */
export class DocumentsService {
  constructor(
    private readonly db: Database,
    private readonly repo: DocumentsRepository,
    private readonly projectsRepo: ProjectsRepository,
    private readonly raidRepo: RaidRepository,
    private readonly access: AccessService,
    private readonly journal: JournalRepository,
    private readonly gateDeliverables: GateDeliverableLookup,
    readonly limits: DocumentLimits,
  ) {}

  // ---- where a document sits, for the permission table ----

  private async row(id: string): Promise<DocumentRow> {
    const row = await this.repo.document(this.db, id);
    if (!row) throw notFound('Document');
    return row;
  }

  private writePath(row: DocumentRow): Promise<ScopePath> {
    return row.projectId
      ? this.access.projectPath(row.projectId)
      : this.access.orgUnitOrRootPath(row.orgUnitId);
  }

  /**
   * A project document sits in its project; a library item is read by anyone who reads projects
   * anywhere, and written where it is filed (its org unit, else the enterprise PMO).
   */
  async pathOf(id: string, read: boolean): Promise<ScopePath | 'anywhere'> {
    const row = await this.row(id);
    if (read && !row.projectId) return 'anywhere';
    return this.writePath(row);
  }

  async newLibraryPath(orgUnitId: string | null | undefined): Promise<ScopePath> {
    return this.access.orgUnitOrRootPath(orgUnitId ?? null).catch(() => {
      throw invalid('orgUnitId', 'exists', 'no such org unit');
    });
  }

  /** Project documents need project.update on the project; library items governance.manage where filed. */
  private async requireWrite(actor: Actor, row: DocumentRow): Promise<void> {
    const path = await this.writePath(row);
    if (row.projectId) this.access.require(actor, 'project.update', path);
    else
      this.access.require(
        actor,
        'governance.manage',
        path,
        'Changing the PMO library needs governance.manage where the item is filed.',
      );
  }

  // ---- reading ----

  private async dtos(rows: readonly DocumentRow[]): Promise<Document[]> {
    if (rows.length === 0) return [];
    const current = await this.repo.currentVersions(this.db, rows);
    const [projects, units, users] = await Promise.all([
      this.raidRepo.projectsByIds(this.db, [
        ...new Set(rows.map((r) => r.projectId).filter((x): x is string => !!x)),
      ]),
      this.raidRepo.orgUnitNames(
        this.db,
        rows.map((r) => r.orgUnitId),
      ),
      this.raidRepo.userNames(
        this.db,
        [...current.values()].map((v) => v.uploadedBy),
      ),
    ]);
    const projectById = new Map(projects.map((p) => [p.id, p]));
    return rows.map((r) => {
      const project = r.projectId ? projectById.get(r.projectId) : undefined;
      const latest = current.get(r.id);
      return {
        id: r.id,
        version: r.version,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        code: r.code,
        projectId: r.projectId,
        projectCode: project?.code ?? null,
        projectName: project?.name ?? null,
        orgUnitId: r.orgUnitId,
        orgUnitName: r.orgUnitId ? (units.get(r.orgUnitId) ?? null) : null,
        category: r.category,
        title: r.title,
        description: r.description,
        phaseKey: r.phaseKey,
        deliverableKey: r.deliverableKey,
        currentVersion: r.currentVersion,
        latest: latest ? this.versionDto(latest, users) : null,
      };
    });
  }

  private versionDto(v: VersionMeta, users: ReadonlyMap<string, string>): DocumentVersion {
    return {
      versionNo: v.versionNo,
      fileName: v.fileName,
      mediaType: v.mediaType,
      sizeBytes: v.sizeBytes,
      sha256: v.sha256,
      note: v.note,
      uploadedAt: v.uploadedAt.toISOString(),
      uploadedById: v.uploadedBy,
      uploadedByName: v.uploadedBy ? (users.get(v.uploadedBy) ?? null) : null,
      contentUrl: `/api/v1/documents/${v.documentId}/versions/${v.versionNo}/content`,
    };
  }

  async get(id: string): Promise<Document> {
    return (await this.dtos([await this.row(id)]))[0] as Document;
  }

  async listProject(projectId: string): Promise<{ items: Document[] }> {
    return { items: await this.dtos(await this.repo.ofProject(this.db, projectId)) };
  }

  async listLibrary(q: { orgUnitId?: string | undefined; category?: string | undefined }) {
    const orgUnitIds = q.orgUnitId ? (await this.access.orgUnitPath(q.orgUnitId)).orgUnitIds : undefined;
    return { items: await this.dtos(await this.repo.library(this.db, { orgUnitIds, category: q.category })) };
  }

  /** Project documents across the projects the actor may read. */
  async search(
    actor: Actor,
    q: {
      q?: string | undefined;
      projectId?: string | undefined;
      category?: string | undefined;
      phaseKey?: string | undefined;
      page: number;
      pageSize: number;
    },
  ) {
    const visible = await this.access.visibility(actor, 'project.read');
    const { rows, total } = await this.repo.search(this.db, visible, {
      q: q.q || undefined,
      projectId: q.projectId,
      category: q.category,
      phaseKey: q.phaseKey,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return { items: await this.dtos(rows), total, page: q.page, pageSize: q.pageSize };
  }

  async versions(id: string): Promise<{ items: DocumentVersion[] }> {
    await this.row(id);
    const rows = await this.repo.versions(this.db, id);
    const users = await this.raidRepo.userNames(
      this.db,
      rows.map((v) => v.uploadedBy),
    );
    return { items: rows.map((v) => this.versionDto(v, users)) };
  }

  /** The bytes of one version (the current one when none is named). */
  async content(id: string, versionNo?: number): Promise<DocumentContent> {
    const row = await this.row(id);
    const n = versionNo ?? row.currentVersion;
    const v = n > 0 ? await this.repo.content(this.db, id, n) : null;
    if (!v) throw notFound(`Version ${n} of ${row.code}`);
    return { bytes: v.content, fileName: v.fileName, mediaType: v.mediaType, sha256: v.sha256, versionNo: n };
  }

  /** Gate deliverables of a project with at least one live document that has a version. */
  presentDeliverables(
    projectId: string,
  ): Promise<Array<{ phaseKey: string; deliverableKey: string; documentCount: number }>> {
    return this.repo.presentDeliverables(this.db, projectId);
  }

  // ---- checks on what arrives ----

  /** Size, then type by name and content; the media type kept is the one Baton determined. */
  private checkFile(fileName: string, bytes: Buffer | undefined): { bytes: Buffer; mediaType: string } {
    const body = bytes ?? Buffer.alloc(0);
    if (body.length > this.limits.maxBytes) throw tooLarge(this.limits.maxBytes, 'a document');
    const check = checkUpload(fileName, body);
    if (check.ok) return { bytes: body, mediaType: check.mediaType };
    if (check.reason === 'empty')
      throw invalid('body', 'required', 'the file is empty: send its bytes as the body');
    throw new ProblemError(415, 'unsupported-document-type', check.message, [
      {
        field: check.reason === 'extension' ? 'fileName' : 'body',
        rule: 'document-type',
        message: check.found ? `found ${check.found.mediaType}` : 'extension not accepted',
      },
    ]);
  }

  private checkCategory(category: string, library: boolean): void {
    const allowed: readonly string[] = library ? LIBRARY_CATEGORIES : PROJECT_DOCUMENT_CATEGORIES;
    if (!allowed.includes(category))
      throw invalid(
        'category',
        'enum',
        `a ${library ? 'library item' : 'project document'} is one of: ${allowed.join(', ')}`,
      );
  }

  /** A gate link names both the phase and the deliverable, and both exist in the project's lifecycle. */
  private async checkGateLink(
    projectId: string,
    phaseKey: string | null | undefined,
    deliverableKey: string | null | undefined,
  ): Promise<void> {
    if (!phaseKey && !deliverableKey) return;
    if (!phaseKey) throw invalid('phaseKey', 'required', 'name the phase of the deliverable too');
    if (!deliverableKey) throw invalid('deliverableKey', 'required', 'name the deliverable of the phase too');
    const phases = await this.gateDeliverables(projectId);
    if (!phases) throw invalid('phaseKey', 'lifecycle', 'the project follows no lifecycle yet');
    const deliverables = phases.get(phaseKey);
    if (!deliverables)
      throw invalid('phaseKey', 'exists', `the project's lifecycle has no phase "${phaseKey}"`);
    if (!deliverables.has(deliverableKey))
      throw invalid(
        'deliverableKey',
        'exists',
        `the gate of phase "${phaseKey}" has no deliverable "${deliverableKey}"`,
      );
  }

  // ---- writing ----

  private async create(
    actor: Actor,
    place: { projectId: string | null; orgUnitId: string | null },
    meta: UploadMeta,
    bytes: Buffer | undefined,
  ): Promise<Document> {
    const file = this.checkFile(meta.fileName, bytes);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const row = await this.db.transaction(async (tx) => {
      const code = `DOC-${String(await this.projectsRepo.nextSequence(tx, 'document')).padStart(4, '0')}`;
      const doc = await this.repo.insertDocument(tx, {
        code,
        projectId: place.projectId,
        orgUnitId: place.orgUnitId,
        category: meta.category ?? 'other',
        title: meta.title,
        description: meta.description || null,
        phaseKey: meta.phaseKey ?? null,
        deliverableKey: meta.deliverableKey ?? null,
        currentVersion: 1,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      const version = await this.repo.insertVersion(tx, {
        documentId: doc.id,
        versionNo: 1,
        fileName: meta.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.bytes.length,
        sha256,
        content: file.bytes,
        note: meta.note || null,
        uploadedBy: actor.userId,
      });
      await recordChange(this.journal, tx, actor, { type: 'document', id: doc.id, action: 'create' }, null, {
        ...snapshot(doc),
        file: versionSnapshot(version),
      });
      return doc;
    });
    return this.get(row.id);
  }

  /** A project document's first version. */
  async uploadProject(actor: Actor, projectId: string, meta: UploadMeta, bytes: Buffer | undefined) {
    if (!(await this.projectsRepo.get(this.db, projectId))) throw notFound('Project');
    this.checkCategory(meta.category ?? 'other', false);
    await this.checkGateLink(projectId, meta.phaseKey, meta.deliverableKey);
    return this.create(actor, { projectId, orgUnitId: null }, meta, bytes);
  }

  /** An item of the PMO library, applying at an org unit and beneath (or everywhere). */
  async uploadLibrary(actor: Actor, meta: UploadMeta, bytes: Buffer | undefined) {
    const path = await this.newLibraryPath(meta.orgUnitId);
    this.access.require(
      actor,
      'governance.manage',
      path,
      'Adding to the PMO library needs governance.manage there.',
    );
    this.checkCategory(meta.category ?? 'other', true);
    return this.create(actor, { projectId: null, orgUnitId: meta.orgUnitId ?? null }, meta, bytes);
  }

  /** The next version of a document; the document's row moves on too (its version and current version). */
  async addVersion(
    actor: Actor,
    id: string,
    meta: { fileName: string; note?: string | undefined },
    bytes: Buffer | undefined,
  ): Promise<Document> {
    const before = await this.row(id);
    await this.requireWrite(actor, before);
    const file = this.checkFile(meta.fileName, bytes);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    await this.db.transaction(async (tx) => {
      const after = await this.repo.advance(tx, id, actor.userId);
      if (!after) throw notFound('Document');
      const version = await this.repo.insertVersion(tx, {
        documentId: id,
        versionNo: after.currentVersion,
        fileName: meta.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.bytes.length,
        sha256,
        content: file.bytes,
        note: meta.note || null,
        uploadedBy: actor.userId,
      });
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'document', id, action: 'version' },
        { currentVersion: before.currentVersion },
        { currentVersion: after.currentVersion, file: versionSnapshot(version) },
      );
    });
    return this.get(id);
  }

  async update(
    actor: Actor,
    id: string,
    body: {
      version: number;
      title?: string | undefined;
      description?: string | null | undefined;
      category?: string | undefined;
      phaseKey?: string | null | undefined;
      deliverableKey?: string | null | undefined;
      orgUnitId?: string | null | undefined;
    },
  ): Promise<Document> {
    const before = await this.row(id);
    await this.requireWrite(actor, before);
    if (before.version !== body.version) throw staleVersion(before.version, body.version);
    const library = before.projectId === null;
    if (body.category !== undefined) this.checkCategory(body.category, library);
    const values: Partial<DocumentRow> = {};
    if (body.title !== undefined) values.title = body.title;
    if (body.description !== undefined) values.description = body.description || null;
    if (body.category !== undefined) values.category = body.category;
    if (body.phaseKey !== undefined || body.deliverableKey !== undefined) {
      if (library)
        throw invalid('phaseKey', 'project-only', 'only a project document evidences a gate deliverable');
      const phaseKey = body.phaseKey === undefined ? before.phaseKey : body.phaseKey;
      const deliverableKey = body.deliverableKey === undefined ? before.deliverableKey : body.deliverableKey;
      await this.checkGateLink(before.projectId as string, phaseKey, deliverableKey);
      values.phaseKey = phaseKey;
      values.deliverableKey = deliverableKey;
    }
    if (body.orgUnitId !== undefined) {
      if (!library) throw invalid('orgUnitId', 'library-only', 'a project document sits in its project');
      const target = await this.newLibraryPath(body.orgUnitId);
      this.access.require(
        actor,
        'governance.manage',
        target,
        'You may not file library items at that org unit.',
      );
      values.orgUnitId = body.orgUnitId;
    }
    await this.db.transaction(async (tx) => {
      const after = await this.repo.update(tx, id, body.version, values, actor.userId);
      if (!after) throw staleVersion(before.version + 1, body.version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'document', id, action: 'update' },
        snapshot(before),
        snapshot(after),
      );
    });
    return this.get(id);
  }

  /** Soft delete: the document leaves every list and download; its versions stay for the record. */
  async remove(actor: Actor, id: string, version: number): Promise<void> {
    const before = await this.row(id);
    await this.requireWrite(actor, before);
    if (before.version !== version) throw staleVersion(before.version, version);
    await this.db.transaction(async (tx) => {
      const after = await this.repo.update(tx, id, version, { deletedAt: new Date() }, actor.userId);
      if (!after) throw staleVersion(before.version + 1, version);
      await recordChange(
        this.journal,
        tx,
        actor,
        { type: 'document', id, action: 'delete' },
        snapshot(before),
        null,
      );
    });
  }
}
