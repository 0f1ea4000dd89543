import {
  addCalendarDays,
  addMonthsClamped,
  type CommunicationCadence,
  expandOccurrences,
  isoWeekOf,
} from '@baton/core';
import { type Actor, SYSTEM_ACTOR } from '../modules/access/access.service.ts';
import type { Services } from '../services.ts';

type Body = Parameters<Services['communications']['create']>[1];

/**
 * Demo communication plans on four running projects and the enterprise PMO's monthly portfolio pack,
 * addressed to stakeholders of the register: most past occurrences recorded as sent (one with its
 * status report), a few left overdue, and the group CFO receiving three communications in some weeks (one of them the week after next) —
 * so the calendar has something to chase and the coordination check something to flag.
 */
export async function loadDemoCommunications(
  s: Services,
  o: {
    projectIds: readonly string[];
    directorId: string;
    managerId: string;
    enterpriseUnitId: string;
    digitalUnitId: string;
  },
): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const monday = isoWeekOf(today).monday;
  /** The weekday (0 = Monday) of the week `n` weeks before this one. */
  const weeksAgo = (n: number, weekday = 0) => addCalendarDays(monday, -7 * n + weekday);

  // The register's people, by name, as each project's plan may address them.
  const named = async (projectId: string | null, ...names: string[]) => {
    const { items } = await s.communications.audienceCandidates(SYSTEM_ACTOR, projectId ? { projectId } : {});
    return names.flatMap((n) => items.filter((p) => p.name === n).map((p) => p.id));
  };
  const open = async (index: number) => {
    const id = o.projectIds[index];
    if (!id) return null;
    const p = await s.projects.get(id);
    return ['proposed', 'approved', 'active', 'on_hold'].includes(p.status) ? p : null;
  };
  const asUser = (userId: string | null): Actor => ({ ...SYSTEM_ACTOR, userId: userId ?? o.managerId });

  /** Plans an item and records its past occurrences as sent, except the last `leaveOverdue` of them. */
  const plan = async (
    actor: Actor,
    body: Body,
    sent: { leaveOverdue?: number; summary?: string; statusReportId?: string | null } = {},
  ) => {
    const item = await s.communications.create(actor, body);
    const cadence: CommunicationCadence = {
      frequency: body.frequency,
      startDate: body.startDate,
      endDate: body.endDate ?? null,
    };
    const past = expandOccurrences(cadence, body.startDate, addCalendarDays(today, -1));
    const toRecord = past.slice(0, Math.max(0, past.length - (sent.leaveOverdue ?? 0)));
    for (const [i, dueDate] of toRecord.entries()) {
      const last = i === toRecord.length - 1;
      await s.communications.recordSent(actor, item.id, {
        dueDate,
        sentAt: `${dueDate}T09:30:00Z`,
        ...(sent.summary ? { summary: sent.summary } : {}),
        ...(last && sent.statusReportId ? { statusReportId: sent.statusReportId } : {}),
      });
    }
    return item;
  };

  // Projects by their index in the demo's list; closed ones plan nothing.
  const sponsored = await open(22);
  const regulated = await open(21);
  const finance = await open(25);
  const compliance = await open(24);

  if (sponsored) {
    const pm = asUser(sponsored.managerId);
    const report = (await s.statusReports.list(SYSTEM_ACTOR, { projectId: sponsored.id })).items[0];
    await plan(
      pm,
      {
        projectId: sponsored.id,
        title: 'Weekly status to the sponsor',
        content: 'status_report',
        description: 'The one-page status, numbers first, as the sponsor asked.',
        channel: 'email',
        frequency: 'weekly',
        startDate: weeksAgo(10),
        ownerId: sponsored.managerId,
        audience: {
          stakeholderIds: await named(sponsored.id, 'Charlotte Wren'),
          groups: ['Project board'],
        },
      },
      {
        leaveOverdue: 2,
        summary: 'Status page sent; no decisions needed.',
        statusReportId: report?.id ?? null,
      },
    );
    await plan(
      pm,
      {
        projectId: sponsored.id,
        title: 'Steering committee minutes',
        content: 'steering_minutes',
        channel: 'meeting',
        frequency: 'biweekly',
        startDate: weeksAgo(8, 2),
        ownerId: sponsored.managerId,
        audience: {
          stakeholderIds: await named(sponsored.id, 'Miriam Hale'),
          roles: ['Steering committee'],
        },
      },
      { summary: 'Minutes circulated within two days.' },
    );
  }

  if (regulated) {
    const pm = asUser(regulated.managerId);
    // Monthly on the last day of a 31-day month: the calendar falls back to the 30th or the 28th.
    let months = (Number(today.slice(0, 4)) - 2025) * 12 + Number(today.slice(5, 7)) - 1 - 5;
    while (!addMonthsClamped('2025-01-31', months).endsWith('-31')) months -= 1;
    await plan(
      pm,
      {
        projectId: regulated.id,
        title: 'Month-end notification to the regulator',
        content: 'custom',
        description: 'Every change to payment regulated is notified in advance.',
        channel: 'report',
        frequency: 'monthly',
        startDate: addMonthsClamped('2025-01-31', months),
        ownerId: regulated.managerId,
        audience: {
          stakeholderIds: await named(regulated.id, 'Conduct Authority supervision team'),
          roles: ['Compliance officer'],
        },
      },
      { leaveOverdue: 1, summary: 'Notification filed on the supervision portal.' },
    );
    await s.communications.create(pm, {
      projectId: regulated.id,
      title: 'Go-live announcement',
      content: 'custom',
      channel: 'newsletter',
      frequency: 'once',
      startDate: addCalendarDays(today, 17),
      audience: { groups: ['All staff', 'Branch managers'] },
    });
  }

  if (finance) {
    await plan(
      asUser(finance.managerId),
      {
        projectId: finance.id,
        title: 'Finance steering pack',
        content: 'custom',
        channel: 'presentation',
        frequency: 'biweekly',
        startDate: weeksAgo(6, 3),
        ownerId: finance.managerId,
        audience: {
          stakeholderIds: await named(finance.id, 'Charlotte Wren'),
          groups: ['Finance steering committee'],
        },
      },
      { summary: 'Pack presented; actions in the minutes.' },
    );
    // In the week after next the CFO also gets the weekly status and the steering pack: a crowded week.
    await s.communications.create(asUser(finance.managerId), {
      projectId: finance.id,
      title: 'Budget re-forecast briefing',
      content: 'custom',
      channel: 'meeting',
      frequency: 'once',
      startDate: weeksAgo(-2, 1),
      ownerId: finance.managerId,
      audience: { stakeholderIds: await named(finance.id, 'Charlotte Wren'), roles: ['Group treasurer'] },
    });
  }

  if (compliance) {
    await s.communications.create(asUser(compliance.managerId), {
      projectId: compliance.id,
      title: 'Quarterly compliance review',
      content: 'custom',
      channel: 'presentation',
      frequency: 'quarterly',
      startDate: addCalendarDays(today, 10),
      ownerId: compliance.managerId,
      audience: {
        stakeholderIds: await named(compliance.id, 'Conduct Authority supervision team', 'Priya Nair'),
        roles: ['Data Protection Officer'],
      },
    });
  }

  // The enterprise PMO's own: the portfolio pack on the first of each month, to the executives.
  await plan(
    asUser(o.directorId),
    {
      orgUnitId: o.enterpriseUnitId,
      title: 'Monthly portfolio pack',
      content: 'portfolio_pack',
      description: 'The portfolio pack for the executive committee: health, money, decisions needed.',
      channel: 'report',
      frequency: 'monthly',
      startDate: addMonthsClamped(`${today.slice(0, 7)}-01`, -4),
      ownerId: o.directorId,
      audience: {
        stakeholderIds: await named(null, 'Charlotte Wren', 'Daniel Okafor'),
        groups: ['Executive committee'],
      },
    },
    { leaveOverdue: 1, summary: 'Pack sent to the executive committee.' },
  );
}
