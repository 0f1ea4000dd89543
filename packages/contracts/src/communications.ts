import {
  COMMUNICATION_CHANNELS,
  COMMUNICATION_CONTENTS,
  COMMUNICATION_FREQUENCIES,
  OCCURRENCE_STATUSES,
} from '@baton/core';
import { z } from 'zod';
import { Audited, Id, Instant, IsoDate, LongText, Name, Version } from './common.ts';

// ---- communication plans: what goes to whom, how and how often; the calendar; what was sent ----

const Content = z
  .enum(COMMUNICATION_CONTENTS)
  .describe('What is communicated: status_report, portfolio_pack, steering_minutes or custom');
const Channel = z.enum(COMMUNICATION_CHANNELS).describe('How it reaches its audience');
const Frequency = z
  .enum(COMMUNICATION_FREQUENCIES)
  .describe(
    'once (the start date only), weekly / biweekly (every 7 / 14 days from the start), monthly / quarterly (the start’s day of the month, the month’s last day when shorter)',
  );
const AudienceLabel = z.string().trim().min(1).max(100);
const Status = z
  .enum(OCCURRENCE_STATUSES)
  .describe('sent (recorded), due (today or later), overdue (past and not recorded)');

export const CommunicationAudienceInput = z
  .strictObject({
    stakeholderIds: z.array(Id).max(100).default([]).describe('Stakeholders from the register'),
    roles: z.array(AudienceLabel).max(20).default([]).describe('Free-text roles, e.g. Sponsor'),
    groups: z.array(AudienceLabel).max(20).default([]).describe('Free-text groups, e.g. Steering committee'),
  })
  .describe('Who receives it: at least one stakeholder, role or group');

export const CommunicationStakeholderRef = z.object({
  id: Id,
  name: z.string(),
  role: z.string().nullable(),
});

export const CommunicationAudience = z.object({
  stakeholderIds: z.array(Id),
  stakeholders: z.array(CommunicationStakeholderRef).describe('The stakeholders named, in the order given'),
  roles: z.array(z.string()),
  groups: z.array(z.string()),
});
export type CommunicationAudience = z.infer<typeof CommunicationAudience>;

export const CommunicationItem = z.object({
  ...Audited,
  projectId: Id.nullable().describe('null: one of the PMO’s own communications, at orgUnitId'),
  projectCode: z.string().nullable(),
  projectName: z.string().nullable(),
  orgUnitId: Id.nullable().describe('For a PMO item: the org unit whose PMO sends it'),
  orgUnitName: z.string().nullable(),
  title: z.string(),
  content: Content,
  description: z.string().nullable(),
  channel: Channel,
  frequency: Frequency,
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  audience: CommunicationAudience,
  recordCount: z.number().int().describe('How many of its occurrences are recorded as sent'),
});
export type CommunicationItem = z.infer<typeof CommunicationItem>;
export const CommunicationItemList = z.object({ items: z.array(CommunicationItem) });

export const CommunicationItemQuery = z.strictObject({
  projectId: Id.optional().describe('Only this project’s plan'),
  orgUnitId: Id.optional().describe('Only items of projects in this unit (and beneath) and its PMOs’ own'),
});

export const CreateCommunicationItemBody = z.strictObject({
  projectId: Id.nullable().optional().describe('The project whose plan it joins; absent for a PMO item'),
  orgUnitId: Id.nullable()
    .optional()
    .describe('For a PMO item (no projectId): the sending unit, the enterprise PMO when absent'),
  title: Name,
  content: Content,
  description: LongText.nullable().optional(),
  channel: Channel,
  frequency: Frequency,
  startDate: IsoDate,
  endDate: IsoDate.nullable().optional().describe('No occurrence after it; open-ended when absent'),
  ownerId: Id.nullable().optional().describe('The user who sends it; the creator when absent'),
  audience: CommunicationAudienceInput,
});

export const UpdateCommunicationItemBody = z.strictObject({
  version: Version,
  title: Name.optional(),
  content: Content.optional(),
  description: LongText.nullable().optional(),
  channel: Channel.optional(),
  frequency: Frequency.optional(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.nullable().optional(),
  ownerId: Id.nullable().optional(),
  audience: CommunicationAudienceInput.optional(),
});

export const DeleteCommunicationItemQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

export const CommunicationRecord = z.object({
  id: Id,
  itemId: Id,
  dueDate: IsoDate.describe('The occurrence of the plan it fulfils'),
  sentAt: Instant,
  sentById: Id.nullable(),
  sentByName: z.string().nullable(),
  recipients: z.array(CommunicationStakeholderRef),
  summary: z.string().nullable(),
  statusReportId: Id.nullable(),
  statusReportPeriod: z.string().nullable().describe('YYYY-MM of the linked status report'),
  reportFileId: Id.nullable(),
  reportFileName: z.string().nullable(),
  createdAt: Instant,
});
export type CommunicationRecord = z.infer<typeof CommunicationRecord>;

export const CreateCommunicationRecordBody = z.strictObject({
  dueDate: IsoDate.describe('Must be one of the item’s occurrences'),
  sentAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('When it was sent (ISO 8601 instant); now when absent'),
  recipients: z
    .array(Id)
    .max(200)
    .optional()
    .describe('Stakeholder ids it went to; the item’s stakeholders when absent'),
  summary: LongText.nullable().optional(),
  statusReportId: Id.nullable().optional().describe('The status report it carried (of the item’s project)'),
  reportFileId: Id.nullable().optional().describe('Or the saved report file it carried'),
});

const RangeQuery = {
  from: IsoDate.describe('First day, inclusive'),
  to: IsoDate.describe('Last day, inclusive; at most 366 days after from'),
};

export const CommunicationCalendarQuery = z.strictObject({
  ...RangeQuery,
  projectId: Id.optional(),
  orgUnitId: Id.optional(),
  status: Status.optional(),
});

export const CommunicationOccurrence = z.object({
  itemId: Id,
  itemVersion: Version,
  dueDate: IsoDate,
  week: z.string().describe('ISO week, e.g. 2026-W50'),
  status: Status,
  title: z.string(),
  content: Content,
  channel: Channel,
  frequency: Frequency,
  projectId: Id.nullable(),
  projectCode: z.string().nullable(),
  projectName: z.string().nullable(),
  orgUnitId: Id.nullable(),
  orgUnitName: z.string().nullable(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  audience: CommunicationAudience,
  record: CommunicationRecord.nullable(),
});
export type CommunicationOccurrence = z.infer<typeof CommunicationOccurrence>;

export const CommunicationCalendar = z.object({
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
  items: z.array(CommunicationOccurrence).describe('By due date, then project code and title'),
  counts: z.object({ sent: z.number().int(), due: z.number().int(), overdue: z.number().int() }),
});

export const CommunicationCoordinationQuery = z.strictObject({
  ...RangeQuery,
  threshold: z.coerce
    .number()
    .int()
    .min(2)
    .max(20)
    .default(3)
    .describe('Communications to one stakeholder in one ISO week that raise a warning'),
});

export const CommunicationCoordination = z.object({
  from: IsoDate,
  to: IsoDate,
  threshold: z.number().int(),
  warnings: z.array(
    z.object({
      stakeholderId: Id,
      stakeholderName: z.string(),
      week: z.string(),
      weekStart: IsoDate,
      count: z.number().int(),
      sourceCount: z.number().int().describe('Distinct projects among them, the PMO’s own counting as one'),
      communications: z.array(
        z.object({
          itemId: Id,
          title: z.string(),
          dueDate: IsoDate,
          status: Status,
          content: Content,
          channel: Channel,
          projectId: Id.nullable(),
          projectCode: z.string().nullable(),
          projectName: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export const CommunicationAudienceQuery = z.strictObject({
  projectId: Id.optional().describe('Stakeholders linked to this project; without it, every one you may see'),
});
export const CommunicationAudienceCandidates = z.object({
  items: z.array(
    z.object({
      id: Id,
      name: z.string(),
      role: z.string().nullable(),
      organisation: z.string().nullable(),
    }),
  ),
});
