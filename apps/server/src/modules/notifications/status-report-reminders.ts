import { dueDateOf, shiftPeriod } from '@baton/core';
import { SYSTEM_ACTOR } from '../access/access.service.ts';
import type { Mailer } from '../delivery/mailer.ts';
import type { PolicyService } from '../governance/policy.service.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import { today } from '../resources/resources.service.ts';
import type { StatusReportsService } from '../status-reports/status-reports.service.ts';
import type { NotificationsService } from './notifications.service.ts';

export const REMINDERS_JOB = 'status-report.reminders';
/** How many days before a report is due its manager is reminded. */
export const REMINDER_LEAD_DAYS = 3;
/** The daily run, in UTC. */
const REMINDER_HOUR = 6;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const SUBMITTED = new Set(['submitted', 'reviewed']);

type Reminder = { userId: string; kind: string; title: string; body: string; link: string };

/**
 * Daily reminders to project managers whose status report is not in: once when it falls due within
 * REMINDER_LEAD_DAYS, once when it is overdue. Each goes out once per report and stage — a
 * notification of the same kind and link already there means it was sent — so re-runs are harmless.
 */
export class StatusReportReminders {
  constructor(
    private readonly statusReports: StatusReportsService,
    private readonly policies: PolicyService,
    private readonly notifications: NotificationsService,
    private readonly mailer: Mailer,
    private readonly jobs: JobsService,
  ) {}

  /** Registers the daily job; it re-enqueues itself for the next day. */
  register(): void {
    this.jobs.register(REMINDERS_JOB, async (ctx) => {
      const day = String(ctx.job.payload.day ?? today());
      // Tomorrow's run is queued even if today's fails (it is retried on its own).
      await this.enqueueFor(nextDay(day));
      return this.run(day);
    });
  }

  /** Queues the run of a day (idempotent: one per day, by its dedupe key). */
  async enqueueFor(day: string, runAt?: Date): Promise<void> {
    await this.jobs.enqueue(
      REMINDERS_JOB,
      { day },
      {
        dedupeKey: `reminders:${day}`,
        runAt: runAt ?? new Date(Date.parse(`${day}T00:00:00Z`) + REMINDER_HOUR * 3_600_000),
      },
    );
  }

  /** Sends the day's reminders; returns how many went out in-app and by e-mail. */
  async run(day: string = today()): Promise<{ notified: number; emailed: number }> {
    const [due, policy, projects] = await Promise.all([
      this.statusReports.dueReports(),
      this.policies.forProjects(),
      this.notifications.projectBriefs(),
    ]);
    const byId = new Map(projects.map((p) => [p.id, p]));
    const wanted: Reminder[] = [];
    const soonPeriods = new Map<string, string[]>();
    for (const [projectId, d] of due) {
      const p = byId.get(projectId);
      if (!d || !p?.managerId) continue;
      const dueDays = policy.get(projectId)?.statusReportDueDays ?? 5;
      if (!d.submitted)
        wanted.push({
          userId: p.managerId,
          kind: 'status-report.overdue',
          title: `Status report overdue: ${p.code} ${p.name} — ${d.period}`,
          body: `It was due on ${dueDateOf(d.period, dueDays)}.`,
          link: `/projects/${p.id}?tab=status&period=${d.period}`,
        });
      const next = shiftPeriod(d.period, 1);
      const nextDue = dueDateOf(next, dueDays);
      const left = daysBetween(day, nextDue);
      if (left >= 0 && left <= REMINDER_LEAD_DAYS)
        soonPeriods.set(next, [...(soonPeriods.get(next) ?? []), p.id]);
    }
    for (const [period, ids] of soonPeriods) {
      const overview = await this.statusReports.overview(SYSTEM_ACTOR, { period });
      const status = new Map(overview.rows.map((r) => [r.projectId, r.status]));
      for (const id of ids) {
        const p = byId.get(id);
        const s = status.get(id);
        // not owing a report for that month (not started yet), or already in
        if (!p?.managerId || s === undefined || SUBMITTED.has(s)) continue;
        const dueDays = policy.get(id)?.statusReportDueDays ?? 5;
        wanted.push({
          userId: p.managerId,
          kind: 'status-report.due-soon',
          title: `Status report due soon: ${p.code} ${p.name} — ${period}`,
          body: `Due on ${dueDateOf(period, dueDays)}.`,
          link: `/projects/${p.id}?tab=status&period=${period}`,
        });
      }
    }
    let notified = 0;
    let emailed = 0;
    const emails = this.mailer.enabled
      ? await this.notifications.emailsOf([...new Set(wanted.map((w) => w.userId))])
      : new Map<string, string>();
    for (const w of wanted) {
      if ((await this.notifications.alreadyTold([w.userId], w.kind, w.link)).size) continue;
      notified += await this.notifications.notify([w.userId], w);
      const to = emails.get(w.userId);
      if (!to) continue;
      // A mail server down does not stop the in-app reminders; the next ones still try.
      await this.mailer
        .send({
          to: [to],
          subject: w.title,
          text: `${w.title}\n\n${w.body}\n\n${this.mailer.link(w.link)}\n`,
        })
        .then(() => {
          emailed += 1;
        })
        .catch(() => undefined);
    }
    return { notified, emailed };
  }
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
