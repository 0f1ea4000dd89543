import type { QueryClient } from '@tanstack/react-query';
import { type StatusReportDetail, statusReportKeys } from '../../api/status-reports.ts';

/** Puts the server's answer in place of the report shown, and has the lists and overview refetch. */
export function adoptReport(client: QueryClient, report: StatusReportDetail): void {
  client.setQueryData(statusReportKeys.detail(report.id), report);
  void client.invalidateQueries({ queryKey: statusReportKeys.lists });
  void client.invalidateQueries({ queryKey: statusReportKeys.overviews });
}

/** After a refusal for a stale version: fetch the report as it is now. */
export function refreshReport(client: QueryClient, id: string): void {
  void client.invalidateQueries({ queryKey: statusReportKeys.detail(id) });
}
