import type { Database } from '@baton/db';
import type { AccessService } from '../access/access.service.ts';
import { CalendarRepository } from '../calendar/calendar.repository.ts';
import { CalendarService } from '../calendar/calendar.service.ts';
import type { PolicyService } from '../governance/policy.service.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import type { JournalRepository } from '../journal/journal.repository.ts';
import { NotificationsRepository } from '../notifications/notifications.repository.ts';
import { NotificationsService } from '../notifications/notifications.service.ts';
import { statusReportNotifier } from '../notifications/status-report-events.ts';
import { StatusReportReminders } from '../notifications/status-report-reminders.ts';
import type { StatusReportsService } from '../status-reports/status-reports.service.ts';
import { DeliveryRepository } from './delivery.repository.ts';
import { DeliveryService } from './delivery.service.ts';
import { Mailer } from './mailer.ts';
import { ReportKinds, statusOverviewKind } from './report-kinds.ts';

/**
 * Notifications, reminders, scheduled reports and calendar feeds, wired together and to the status
 * reports they listen to; their jobs are registered with the queue here. The mailer is configured
 * by the app from its settings (BATON_SMTP_URL…).
 */
export function createDeliveryServices(deps: {
  db: Database;
  access: AccessService;
  jobs: JobsService;
  statusReports: StatusReportsService;
  policies: PolicyService;
  journal: JournalRepository;
}) {
  const { db, access, jobs, statusReports, policies, journal } = deps;
  const mailer = new Mailer();
  const notifications = new NotificationsService(db, new NotificationsRepository());
  statusReports.connectNotifier(statusReportNotifier(notifications, access));
  const reminders = new StatusReportReminders(statusReports, policies, notifications, mailer, jobs);
  reminders.register();
  const delivery = new DeliveryService(
    db,
    new DeliveryRepository(),
    access,
    jobs,
    new ReportKinds(),
    mailer,
    notifications,
    journal,
  );
  delivery.registerReportKind('status-overview', statusOverviewKind(statusReports));
  delivery.registerJobs();
  const calendar = new CalendarService(db, new CalendarRepository(), access, mailer);
  return { mailer, notifications, reminders, delivery, calendar };
}
