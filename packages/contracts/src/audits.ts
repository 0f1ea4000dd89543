import { z } from 'zod';
import { Audited, Id, Instant, IsoDate, LongText, Name, Version } from './common.ts';

const KINDS = ['audit', 'peer_review'] as const;
const AUDIT_STATUSES = ['scheduled', 'in_progress', 'reported', 'closed', 'cancelled'] as const;
const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
const FINDING_STATUSES = ['open', 'action_planned', 'resolved', 'closed'] as const;

export const AuditFinding = z.object({
  ...Audited,
  code: z.string(),
  auditId: Id,
  auditCode: z.string(),
  auditTitle: z.string(),
  projectId: Id.nullable(),
  projectCode: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  overdue: z.boolean(),
  correctiveAction: z.string().nullable(),
  status: z.enum(FINDING_STATUSES),
  closedAt: Instant.nullable(),
  closedByName: z.string().nullable(),
  closureNote: z.string().nullable(),
  moves: z.array(z.enum(FINDING_STATUSES)).describe('Statuses it may move to next'),
});
export type AuditFinding = z.infer<typeof AuditFinding>;

export const Audit = z.object({
  ...Audited,
  code: z.string(),
  kind: z.enum(KINDS),
  title: z.string(),
  projectId: Id.nullable().describe('The audited project; null for an audit of an org unit’s practice'),
  projectCode: z.string().nullable(),
  projectName: z.string().nullable(),
  orgUnitId: Id.nullable(),
  orgUnitName: z.string().nullable(),
  scope: z.string().nullable(),
  leadId: Id.nullable(),
  leadName: z.string().nullable(),
  scheduledFor: IsoDate,
  status: z.enum(AUDIT_STATUSES),
  summary: z.string().nullable(),
  startedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  findingCounts: z.object({
    total: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int(),
    high: z.number().int().describe('High or critical, not closed'),
  }),
  moves: z.array(z.enum(AUDIT_STATUSES)).describe('Statuses it may move to next'),
});
export type Audit = z.infer<typeof Audit>;
export const AuditDetail = Audit.extend({ findings: z.array(AuditFinding) });
export const AuditList = z.object({ items: z.array(Audit), total: z.number().int() });
export const AuditQuery = z.strictObject({
  projectId: Id.optional(),
  orgUnitId: Id.optional(),
  status: z.string().optional().describe('Comma-separated statuses'),
  kind: z.enum(KINDS).optional(),
  from: IsoDate.optional().describe('Scheduled on or after'),
  to: IsoDate.optional().describe('Scheduled on or before'),
});
export const CreateAuditBody = z.strictObject({
  kind: z.enum(KINDS),
  title: Name,
  projectId: Id.optional().describe('The project audited — or orgUnitId for a unit’s practice'),
  orgUnitId: Id.optional(),
  scope: LongText.nullable().optional(),
  leadId: Id.nullable().optional(),
  scheduledFor: IsoDate,
});
export const UpdateAuditBody = z.strictObject({
  version: Version,
  title: Name.optional(),
  scope: LongText.nullable().optional(),
  leadId: Id.nullable().optional(),
  scheduledFor: IsoDate.optional(),
  summary: LongText.nullable().optional(),
});
export const AuditTransitionBody = z.strictObject({
  version: Version,
  to: z.enum(AUDIT_STATUSES),
  summary: LongText.optional().describe('Sets the summary with the move (needed to report)'),
});
export const CreateFindingBody = z.strictObject({
  title: Name,
  description: LongText.nullable().optional(),
  severity: z.enum(SEVERITIES),
  ownerId: Id.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  correctiveAction: LongText.nullable().optional(),
});
export const UpdateFindingBody = z.strictObject({
  version: Version,
  title: Name.optional(),
  description: LongText.nullable().optional(),
  severity: z.enum(SEVERITIES).optional(),
  ownerId: Id.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  correctiveAction: LongText.nullable().optional(),
});
export const FindingTransitionBody = z.strictObject({
  version: Version,
  to: z.enum(FINDING_STATUSES),
  note: z.string().max(5000).optional(),
});
export const FindingList = z.object({ items: z.array(AuditFinding), total: z.number().int() });
export const FindingQuery = z.strictObject({
  projectId: Id.optional(),
  auditId: Id.optional(),
  status: z.string().optional().describe('Comma-separated statuses'),
  severity: z.enum(SEVERITIES).optional(),
  ownerId: Id.optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
