import { z } from 'zod';
import { Audited, Id, Instant, LongText, PageQuery, pageOf, Version } from './common.ts';

/** What a project document is. */
export const PROJECT_DOCUMENT_CATEGORIES = [
  'charter',
  'business_case',
  'plan',
  'status_report',
  'risk_log',
  'lessons_learned',
  'deliverable',
  'minutes',
  'report',
  'other',
] as const;
/** What an item of the PMO's library is. */
export const LIBRARY_CATEGORIES = ['template', 'guide', 'policy', 'other'] as const;

export const ProjectDocumentCategory = z.enum(PROJECT_DOCUMENT_CATEGORIES);
export const LibraryCategory = z.enum(LIBRARY_CATEGORIES);
export const DocumentCategory = z.enum([...PROJECT_DOCUMENT_CATEGORIES, 'template', 'guide', 'policy']);

const GateKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _, starting with a letter');
const Title = z.string().trim().min(1).max(200);
const Note = z.string().trim().max(2000);
/** A file's name as the uploader had it: no folders, no control characters. */
export const FileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine(
    (name) =>
      ![...name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
    'a file name without folders or control characters',
  );

export const DocumentVersion = z.object({
  versionNo: z.number().int().describe('1, 2, … — each upload is a new version'),
  fileName: z.string(),
  mediaType: z.string().describe('The type Baton determined from the content, not the one the client sent'),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('SHA-256 of the content, hex'),
  note: z.string().nullable(),
  uploadedAt: Instant,
  uploadedById: Id.nullable(),
  uploadedByName: z.string().nullable(),
  contentUrl: z.string().describe('Where to download this version'),
});
export type DocumentVersion = z.infer<typeof DocumentVersion>;

export const Document = z.object({
  ...Audited,
  code: z.string(),
  projectId: Id.nullable().describe('null: an item of the PMO library'),
  projectCode: z.string().nullable(),
  projectName: z.string().nullable(),
  orgUnitId: Id.nullable().describe(
    'Library items: the org unit it applies to, and beneath (null: everywhere)',
  ),
  orgUnitName: z.string().nullable(),
  category: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  phaseKey: z.string().nullable().describe('The lifecycle phase whose gate this document evidences'),
  deliverableKey: z.string().nullable().describe('The gate deliverable this document evidences'),
  currentVersion: z.number().int(),
  latest: DocumentVersion.nullable().describe('The current version'),
});
export type Document = z.infer<typeof Document>;
export const DocumentList = z.object({ items: z.array(Document) });
export const DocumentPage = pageOf(Document);
export const DocumentVersionList = z.object({ items: z.array(DocumentVersion) });

const gateLink = {
  phaseKey: GateKey.optional().describe('With deliverableKey: the gate deliverable this document evidences'),
  deliverableKey: GateKey.optional(),
};

/** Query of an upload of a project document's first version; the body is the file's bytes. */
export const UploadProjectDocumentQuery = z.strictObject({
  fileName: FileName,
  title: Title,
  category: ProjectDocumentCategory.optional().describe('Default: other'),
  description: LongText.optional(),
  note: Note.optional(),
  ...gateLink,
});
/** Query of an upload to the PMO library; the body is the file's bytes. */
export const UploadLibraryDocumentQuery = z.strictObject({
  fileName: FileName,
  title: Title,
  category: LibraryCategory.optional().describe('Default: other'),
  description: LongText.optional(),
  note: Note.optional(),
  orgUnitId: Id.optional().describe('Applies at this org unit and beneath (default: the whole organisation)'),
});
/** Query of an upload of a new version; the body is the file's bytes. */
export const NewDocumentVersionQuery = z.strictObject({
  fileName: FileName,
  note: Note.optional(),
});

export const UpdateDocumentBody = z.strictObject({
  version: Version,
  title: Title.optional(),
  description: LongText.nullable().optional(),
  category: DocumentCategory.optional(),
  phaseKey: GateKey.nullable().optional(),
  deliverableKey: GateKey.nullable().optional(),
  orgUnitId: Id.nullable().optional().describe('Library items only'),
});
export const DeleteDocumentQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
export const DocumentVersionParams = z.strictObject({ id: Id, versionNo: z.coerce.number().int().min(1) });

export const LibraryQuery = z.strictObject({
  orgUnitId: Id.optional().describe(
    'Only items that apply to this org unit (defined at it, above it, or everywhere)',
  ),
  category: LibraryCategory.optional(),
});
export const DocumentSearchQuery = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Words in the title, code or description'),
  projectId: Id.optional(),
  category: ProjectDocumentCategory.optional(),
  phaseKey: GateKey.optional(),
  ...PageQuery,
});

export const DOCUMENT_TEMPLATE_KEYS = [
  'charter',
  'business-case',
  'status-report',
  'risk-log',
  'lessons-learned',
] as const;
export const DocumentTemplateKey = z.enum(DOCUMENT_TEMPLATE_KEYS);
export const DocumentTemplate = z.object({
  key: DocumentTemplateKey,
  name: z.string(),
  description: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  category: ProjectDocumentCategory.describe('The category a filled-in copy gets'),
  downloadUrl: z.string(),
});
export type DocumentTemplate = z.infer<typeof DocumentTemplate>;
export const DocumentTemplateList = z.object({ items: z.array(DocumentTemplate) });
export const DocumentTemplateParams = z.strictObject({ key: DocumentTemplateKey });
