import { z } from 'zod';
import { Audited, Id, Instant, Name, Version } from './common.ts';

export const REPORT_CADENCES = ['weekly', 'monthly'] as const;
export const REPORT_DELIVERIES = ['email', 'save'] as const;
export const RUN_STATUSES = ['succeeded', 'failed', 'running'] as const;

const Email = z.email().max(320);

export const ReportSchedule = z
  .object({
    ...Audited,
    name: z.string(),
    kind: z.string().describe('What is produced (see GET /api/v1/report-kinds)'),
    format: z.string().describe('csv, xlsx, pdf… as the kind offers'),
    cadence: z.enum(REPORT_CADENCES),
    dayOfWeek: z.number().int().min(1).max(7).nullable().describe('Weekly: 1 = Monday … 7 = Sunday'),
    dayOfMonth: z.number().int().min(1).max(28).nullable().describe('Monthly: day 1–28'),
    hour: z.number().int().min(0).max(23).describe('Hour of the day, UTC'),
    orgUnitId: Id.nullable().describe('The unit reported on (the whole organisation when null)'),
    orgUnitName: z.string().nullable(),
    delivery: z.enum(REPORT_DELIVERIES),
    recipients: z.array(z.string()),
    ownerId: Id.nullable(),
    ownerName: z.string().nullable(),
    enabled: z.boolean(),
    nextRunAt: Instant.nullable(),
    lastRunAt: Instant.nullable(),
    lastStatus: z.enum(RUN_STATUSES).nullable(),
    lastError: z.string().nullable(),
  })
  .describe('A report produced on a cadence and e-mailed or saved');
export type ReportSchedule = z.infer<typeof ReportSchedule>;

export const ReportScheduleList = z.object({ items: z.array(ReportSchedule) });

const ScheduleFields = {
  name: Name,
  kind: z.string().min(1).max(100),
  format: z.string().min(1).max(20),
  cadence: z.enum(REPORT_CADENCES),
  dayOfWeek: z.number().int().min(1).max(7).nullable().optional(),
  dayOfMonth: z.number().int().min(1).max(28).nullable().optional(),
  hour: z.number().int().min(0).max(23),
  orgUnitId: Id.nullable().optional(),
  delivery: z.enum(REPORT_DELIVERIES),
  recipients: z.array(Email).max(50).optional(),
  enabled: z.boolean().optional(),
};

export const CreateReportScheduleBody = z.strictObject(ScheduleFields);
export type CreateReportScheduleBody = z.infer<typeof CreateReportScheduleBody>;

export const UpdateReportScheduleBody = z.strictObject({
  version: Version,
  name: ScheduleFields.name.optional(),
  kind: ScheduleFields.kind.optional(),
  format: ScheduleFields.format.optional(),
  cadence: ScheduleFields.cadence.optional(),
  dayOfWeek: ScheduleFields.dayOfWeek,
  dayOfMonth: ScheduleFields.dayOfMonth,
  hour: ScheduleFields.hour.optional(),
  orgUnitId: ScheduleFields.orgUnitId,
  delivery: ScheduleFields.delivery.optional(),
  recipients: ScheduleFields.recipients,
  enabled: ScheduleFields.enabled,
});
export type UpdateReportScheduleBody = z.infer<typeof UpdateReportScheduleBody>;

export const DeleteReportScheduleQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

export const ReportRunQueued = z
  .object({ jobId: Id })
  .describe('The delivery job: follow it at GET /api/v1/jobs/{id}');

export const ReportKind = z.object({ kind: z.string(), title: z.string(), formats: z.array(z.string()) });
export const ReportKindList = z.object({ items: z.array(ReportKind), emailEnabled: z.boolean() });

export const ReportFile = z
  .object({
    id: Id,
    scheduleId: Id.nullable(),
    scheduleName: z.string().nullable(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    createdAt: Instant,
  })
  .describe('A file a scheduled report saved');
export type ReportFile = z.infer<typeof ReportFile>;

export const ReportFileList = z.object({ items: z.array(ReportFile) });
export const ReportFileQuery = z.strictObject({
  scheduleId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
