import type { AccessService } from '../access/access.service.ts';
import type { StatusReportEvent, StatusReportNotifier } from '../status-reports/status-reports.service.ts';
import type { NotificationsService } from './notifications.service.ts';

const excerpt = (s: string | undefined) => (s && s.length > 280 ? `${s.slice(0, 279)}…` : (s ?? null));

/**
 * Who hears of what happens to a status report: the PMO (governance.manage up the project's org-unit
 * chain) of a submission; the project manager of a decision or a comment. The one who acted is not told.
 */
export function statusReportNotifier(
  notifications: NotificationsService,
  access: AccessService,
): StatusReportNotifier {
  return async (e: StatusReportEvent) => {
    const [p] = await notifications.projectBriefs([e.projectId]);
    if (!p) return;
    const what = `${p.code} ${p.name} — ${e.period}`;
    const link = `/status-reports/${e.reportId}`;
    if (e.type === 'submitted') {
      const chain = (await access.projectPath(e.projectId)).orgUnitIds;
      const pmo = await notifications.holdersAt('governance.manage', chain);
      await notifications.notify(
        pmo,
        {
          kind: 'status-report.submitted',
          title: `Status report submitted: ${what}`,
          body: 'Ready for PMO review.',
          link,
        },
        e.actorId,
      );
      return;
    }
    const titles = {
      accepted: `Status report accepted: ${what}`,
      returned: `Status report returned: ${what}`,
      commented: `New comment on the status report ${what}`,
    } as const;
    await notifications.notify(
      [p.managerId],
      { kind: `status-report.${e.type}`, title: titles[e.type], body: excerpt(e.comment), link },
      e.actorId,
    );
  };
}
